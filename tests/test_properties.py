"""Property tests of the whole pipeline: ``compare.compare()`` on generated articles.

Hypothesis writes articles of every awkward kind (right-to-left scripts and
combining marks, emoji, runs of punctuation, very long sentences, text without
any sentence break, headline-only articles, quotations left open, numbers and
dates) and compares two to four of them as mapping records.  Whatever the text,
the result keeps the JSON contract's promises (README, "JSON"):

* it never crashes; a :class:`compare.errors.CompareError` is allowed only for
  the documented cases (an article with no text left after cleaning);
* ``article.text[start:end] == sentence.text`` for every sentence;
* every sentence is in exactly one group or in ``unique``;
* every group holds sentences of at least two articles;
* sentence ids are unique;
* ``sentence_similarity`` is symmetric and in [0, 1];
* ``to_dict()`` is JSON (no NaN), round-trips, and is the same on a second run.

The file runs in about 10-20 s (``budget`` below); set
``STORYCOMPARE_HYPOTHESIS=thorough`` for a longer hunt.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import compare, sentence_similarity
from compare.errors import CompareError
from compare.models import Comparison
from compare.untrusted import without_controls

THOROUGH = os.environ.get("STORYCOMPARE_HYPOTHESIS") == "thorough"
"""``STORYCOMPARE_HYPOTHESIS=thorough`` runs 15 times as many examples (several minutes)."""


def budget(examples: int) -> settings:
    return settings(
        max_examples=examples * 15 if THOROUGH else examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# What compare() may refuse, by message (README: exit code 2, "one line naming the file and the problem").
DOCUMENTED_REFUSALS = re.compile(
    r"no article text left after removing boilerplate"
    r"|comparison needs at least two articles"
    r"|no visible text \(only invisible or control characters"  # a record of control characters only
)

# --- building blocks ---------------------------------------------------------------------------

NEWS_WORDS = (
    "NATO Russia Moscow Brussels Lisbon alliance summit missile defence defense shield cooperation talks "
    "President Medvedev Secretary-General Rasmussen Clinton Lavrov minister foreign council agreed rejected "
    "welcomed encouraged pleased positive proposal plan meeting leaders members states nations treaty "
    "nuclear weapons Afghanistan transit security Europe partnership reset relations Kremlin Washington "
    "officials said told reporters Monday Tuesday week year not no never may possibly reportedly"
).split()
RTL_WORDS = ["שלום", "ירושלים", "مرحبا", "موسكو", "الناتو", "روسيا", "תל־אביב", "קְרֶמְלִין"]
COMBINING = ["e\u0301", "a\u0308", "n\u0303", "Z\u0336\u0335", "o\u0302\u0323", "\u0301", "\u20dd"]
EMOJI = ["🙂", "🚀", "👩‍👩‍👧‍👦", "🇷🇺", "🇺🇸", "👍🏽", "❤️", "🏳️‍🌈", "🤝"]
OTHER_SCRIPTS = ["Россия", "НАТО", "Медведев", "Ελλάδα", "北约", "俄罗斯", "ロシア", "대한민국", "हिन्दी", "İstanbul", "ß", "ǅ"]
ODD_CHARS = ["\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u00a0", "\u2009", "\t", "\u2028", "\x85", "\x0c", "\x1e", "\ufffd", "\U0001d400"]
PUNCTUATION_RUNS = ["!!!", "?!?!", "...", "…", "--", "—", "–", ";;", "::", "''", "«»", "()", "[]", "•", "***", "?!.", ". . .", "!?"]
NUMBERS = ["28", "27", "1,000", "3.5", "$5.5", "40%", "one", "two", "dozen", "2010", "0", "007", "٣", "²", "1st", "10,000,000"]
DATES = [
    "Nov. 20", "November 20, 2010", "20 November 2010", "2010-11-20", "24/09/2010", "24.09.2010",
    "Sept. 24", "Monday", "May", "March 2010", "Feb. 30, 2010", "31 June", "2010-13-45", "Dec 25th",
]
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„"]
BOILERPLATE = [
    "Share this article", "Advertisement", "Read more", "12 comments", "Add a comment", "Subscribe now",
    "By Jane Doe", "Posted by Ivo Daalder", "November 20, 2010", "2010-11-20 10:00", "Tags: Russia, NATO, Lisbon",
    "Related stories", "Podcasts", "0:00 / 23:13", "© 2010 Reuters. All rights reserved.", "Skip to content",
    "Please consider supporting our journalism with a donation today.", "Mary D. in Kansas writes:",
    "facebook-icon twitter-icon mail-icon print-icon rss-icon", "Latest Stories",
]

word = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(RTL_WORDS),
    st.sampled_from(OTHER_SCRIPTS),
    st.sampled_from(NUMBERS),
    st.sampled_from(DATES),
    st.sampled_from(EMOJI),
    st.builds(lambda w, c: w + c, st.sampled_from(NEWS_WORDS), st.sampled_from(COMBINING)),
    st.builds(lambda w, c: w + c, st.sampled_from(NEWS_WORDS), st.sampled_from(ODD_CHARS)),
    st.sampled_from(PUNCTUATION_RUNS),
    st.text(min_size=1, max_size=8).filter(lambda s: not s.isspace()),
)
ending = st.sampled_from([".", ".", ".", "!", "?", "", "…", '."', ".”", "?!", ":", ";", ".)", "...", "'"])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(word, min_size=1, max_size=18))
    text = " ".join(words)
    if draw(st.integers(0, 5)) == 0:  # a quotation, closed or left open
        opening = draw(st.sampled_from(QUOTES))
        cut = draw(st.integers(0, len(words)))
        closing = draw(st.sampled_from(["", '"', "”", "’"]))
        text = " ".join(words[:cut]) + f" {opening}" + " ".join(words[cut:]) + closing
    first = text[:1]
    if draw(st.booleans()) and first.isalpha():
        text = first.upper() + text[1:]
    return text + draw(ending)


@st.composite
def paragraph(draw: st.DrawFn, pool: Sequence[str]) -> str:
    kind = draw(st.integers(0, 11))
    if kind >= 10:  # page furniture the clean stage takes out
        return draw(st.sampled_from(BOILERPLATE))
    if kind == 0:  # a headline or crosshead: short, no final stop
        return " ".join(draw(st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=10)))
    if kind == 1:  # one very long sentence, no break at all
        return " ".join(draw(st.lists(word, min_size=60, max_size=200)))
    if kind == 2:  # a run of punctuation or symbols only
        return " ".join(draw(st.lists(st.sampled_from(PUNCTUATION_RUNS + EMOJI), min_size=1, max_size=6)))
    sentences = draw(st.lists(st.one_of(sentence(), st.sampled_from(pool)), min_size=1, max_size=5))
    glue = draw(st.sampled_from([" ", " ", "  ", "", " \u00a0", "\t"]))
    return glue.join(sentences)


@st.composite
def article_text(draw: st.DrawFn, pool: Sequence[str]) -> str:
    kind = draw(st.integers(0, 15))
    if kind == 15:  # nothing but page furniture: compare() refuses it (documented)
        return "\n\n".join(draw(st.lists(st.sampled_from(BOILERPLATE), min_size=1, max_size=4)))
    if kind == 0:  # headlines only
        lines = draw(st.lists(st.lists(st.sampled_from(NEWS_WORDS), min_size=2, max_size=9), min_size=1, max_size=5))
        return "\n".join(" ".join(line) for line in lines)
    if kind == 1:  # no sentence break anywhere
        return " ".join(draw(st.lists(word, min_size=1, max_size=120)))
    paragraphs = draw(st.lists(paragraph(pool), min_size=1, max_size=6))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n"]))
    text = separator.join(paragraphs)
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.sampled_from(["  ", "\n", "\ufeff", "\u200f"])) + text + draw(st.sampled_from(["", "\n", "  \n"]))
    return text


@st.composite
def story(draw: st.DrawFn) -> list[dict[str, Any]]:
    """2-4 article records sharing some sentences (so that groups form)."""
    pool = draw(st.lists(sentence(), min_size=1, max_size=6))
    count = draw(st.integers(2, 4))
    ids = draw(
        st.lists(
            st.sampled_from(["a", "b", "c", "d", "a:1", "x y", "ü", "<b>", "1", "a-2"]),
            min_size=count,
            max_size=count,
        )
    )
    records = []
    for n in range(count):
        text = draw(article_text(pool))
        if not text.strip():
            text += "Empty."
        records.append({"text": text, "id": ids[n]})
    return records


# --- the invariants ------------------------------------------------------------------------------


def check_invariants(result: Comparison, records: Sequence[dict[str, Any]]) -> None:
    articles = result.articles
    assert len(articles) == len(records)
    # Loading only normalises line endings (U+2028 and U+2029 too), repairs mojibake (with ftfy, listed)
    # and removes control characters (listed); ids are unique.
    for article, record in zip(articles, records, strict=True):
        given = record["text"].replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
        if any("mojibake" in note for note in article.repaired):
            import ftfy

            given = ftfy.fix_encoding(given)
        if any("control character" in note for note in article.repaired):
            given = without_controls(given)[0]
        assert article.text == given
    assert len({a.id for a in articles}) == len(articles)

    all_ids: list[str] = []
    for article in articles:
        assert article.sentences, article.id
        previous_end = 0
        for n, s in enumerate(article.sentences):
            assert s.id == f"{article.id}:{n}" and s.index == n and s.article == article.id
            assert article.text[s.start : s.end] == s.text, (article.id, s)
            assert s.text and s.text == s.text.strip(), s
            assert s.start >= previous_end, "sentences are in text order and do not overlap"
            previous_end = s.end
            assert any(p.start <= s.start and s.end <= p.end for p in article.paragraphs), "in a kept paragraph"
            all_ids.append(s.id)
    assert len(all_ids) == len(set(all_ids)), "sentence ids are unique"

    # Every sentence in exactly one group or in unique.
    placed: list[str] = [m for g in result.groups for m in g.members]
    unique = dict(result.unique)
    assert list(unique) == [a.id for a in articles]
    placed += [sid for ids in unique.values() for sid in ids]
    assert sorted(placed) == sorted(all_ids)
    for article_id, ids in unique.items():
        assert all(sid.rsplit(":", 1)[0] == article_id for sid in ids)

    for group in result.groups:
        owners = {result.sentence(m).article for m in group.members}
        assert len(owners) >= 2, group
        assert group.kind in ("agree", "partial", "diverge")
        assert 0.0 <= group.score <= 1.0 and math.isfinite(group.score)
        for difference in group.differences:
            assert {sid for sid, _ in difference.values} <= set(group.members)
    assert len({g.id for g in result.groups}) == len(result.groups)

    article_ids = [a.id for a in articles]
    assert [(p.a, p.b) for p in result.pairs] == list(combinations(article_ids, 2))
    for pair in result.pairs:
        assert 0.0 <= pair.similarity <= 1.0
    for stance in result.stances:
        assert stance.label in ("cooperative", "reluctant", "mixed", "neutral")
        assert -1.0 <= stance.score <= 1.0
        assert set(stance.evidence) <= set(all_ids)


def as_json(result: Comparison) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False, sort_keys=False)


# --- the tests ----------------------------------------------------------------------------------


@budget(100)
@given(story())
def test_compare_keeps_its_promises(records: list[dict[str, Any]]) -> None:
    try:
        result = compare(records)
    except CompareError as error:
        assert DOCUMENTED_REFUSALS.search(str(error)), f"undocumented refusal: {error}"
        return
    check_invariants(result, records)

    data = as_json(result)
    assert json.loads(data) == result.to_dict()
    assert as_json(compare(records)) == data, "the same input gives the same result"


@st.composite
def similar_texts(draw: st.DrawFn) -> list[str]:
    """Sentences, paragraphs, and reorderings or cuts of them (same words, other order)."""
    texts = draw(st.lists(st.one_of(sentence(), paragraph(["NATO and Russia met in Lisbon."])), min_size=1, max_size=4))
    words = draw(st.sampled_from(texts)).split()
    texts.append(" ".join(draw(st.permutations(words))))
    texts.append(" ".join(words[: draw(st.integers(0, len(words)))]) or "NATO")
    return texts


@budget(200)
@given(similar_texts())
def test_sentence_similarity_is_symmetric_and_bounded(texts: list[str]) -> None:
    for a in texts:
        assert sentence_similarity(a, a) == 1.0
        for b in texts:
            value = sentence_similarity(a, b)
            assert 0.0 <= value <= 1.0, (a, b, value)
            assert value == sentence_similarity(b, a), (a, b)
