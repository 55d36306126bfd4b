"""Build ``compare/data/word-prior.tsv``, the word-frequency prior of the similarity.

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq nltk
    /tmp/wf/bin/python benchmarks/make_word_prior.py

Reads wordfreq's English "large" list (Apache-2.0 code; data CC BY-SA 4.0, see
the header this script writes), turns every word into the content token
``compare.similarity.normalise_word`` makes of it, adds up the frequencies of
the words that meet in one token ("meeting", "meetings", "talks" → ``meet``),
and keeps the tokens whose zipf value (log10 of the frequency per billion words)
is at least ``PRIOR_CEILING - MAX_WEIGHT``: rarer ones weigh ``MAX_WEIGHT``
anyway.  Numbers are left out (they always weigh ``MAX_WEIGHT``).  Rerun it after
changing the normalisation.  wordfreq is needed only here, never at run time
(its 57 MB and ~1.1 s of start-up would dwarf a comparison).
"""

from __future__ import annotations

import math
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.similarity import _TOKEN, MAX_WEIGHT, PRIOR_CEILING, PRIOR_FILE, normalise_word  # noqa: E402

HEADER = """\
# Word-frequency prior of storycompare's sentence similarity: each line is a zipf
# value (log10 of the frequency per billion words) and the content tokens with it.
# Derived by benchmarks/make_word_prior.py from the English word list of wordfreq
# {version} (Robyn Speer, https://github.com/rspeer/wordfreq, doi:10.5281/zenodo.7199437),
# which is built from Wikipedia, OpenSubtitles 2018 (opensubtitles.org), SUBTLEX
# (Brysbaert et al., freely available data), the Leeds Internet Corpus, ParaCrawl,
# Google Books Ngrams (books.google.com/ngrams), NewsCrawl, Reddit and Twitter.
# This file, like wordfreq's data, is licensed under CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); the rest of storycompare is MIT.
"""


def main() -> None:
    import wordfreq

    frequency: dict[str, float] = {}
    for word, value in wordfreq.get_frequency_dict("en", "large").items():
        if _TOKEN.fullmatch(word) is None or word[0].isdigit():
            continue
        token = normalise_word(word)
        if token and not token[0].isdigit():
            frequency[token] = frequency.get(token, 0.0) + value
    floor = PRIOR_CEILING - MAX_WEIGHT
    by_value: dict[float, list[str]] = {}
    for token, value in frequency.items():
        zipf = round(math.log10(value * 1e9), 1)
        if zipf >= floor:
            by_value.setdefault(zipf, []).append(token)
    lines = [HEADER.format(version=metadata.version("wordfreq"))]
    for zipf in sorted(by_value, reverse=True):
        lines.append(f"{zipf:.1f}\t{' '.join(sorted(by_value[zipf]))}\n")
    PRIOR_FILE.write_text("".join(lines), encoding="utf-8")
    print(f"{PRIOR_FILE}: {sum(len(v) for v in by_value.values())} tokens, {PRIOR_FILE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
