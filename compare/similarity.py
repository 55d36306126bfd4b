"""Sentence similarity: difflib over normalised tokens.

A sentence becomes a list of *content tokens*: lower-cased words without
stopwords, Snowball-stemmed, with numbers written as digits, month names in one
form and dotted abbreviations kept apart from ordinary words ("U.S." is not
"us").  Two token lists are compared by

* a weighted Dice overlap of their token sets: rare words count more than
  common ones when weights (inverse document frequencies over the sentences
  being compared) are given, and
* difflib's ``SequenceMatcher.ratio`` over the token lists, which rewards shared
  phrases in the same order;

blended by ``Settings.overlap_weight``.  The result is symmetric, in [0, 1] and
1.0 for sentences with the same content tokens.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from compare.settings import Settings

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t d ll m o re ve y don doesn didn isn wasn weren won
    wouldn shouldn couldn hasn haven hadn aren ain mr mrs ms
    said say says saying told tell tells added adding stated according
    """.split()
)
# Reporting verbs are stopwords: "X said" is in half of all news sentences and
# carries no fact; who said it is compared as an attribution difference.

# Words news writers use interchangeably for the same thing, mapped to one token
# before stemming.  Small on purpose: each entry must hold in any news story.
SYNONYMS = {
    "talks": "meeting", "talk": "meeting", "session": "meeting", "gathering": "meeting",
    "meetings": "meeting", "met": "meet", "described": "call", "called": "call",
    "rejected": "reject", "dismissed": "reject", "refused": "reject",
    "cooperate": "cooperation", "cooperating": "cooperation", "collaboration": "cooperation",
    "collaborate": "cooperation",
}
# Evaluative words: how someone judged an event ("very positive", "very
# encouraged", "pleased") is one fact with different wording; the wording
# itself is compared as a quote difference.
for _word in "positive encouraged encouraging pleased satisfied constructive productive fruitful optimistic".split():
    SYNONYMS[_word] = "<approve>"
for _word in "negative disappointed disappointing concerned worried troubled pessimistic alarmed".split():
    SYNONYMS[_word] = "<disapprove>"
# Negations are stopwords for similarity (they are compared separately, as a
# typed difference), but they stay in the word-level diff.

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "dozen": "12",
}
MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
}

# Dotted abbreviations (U.S., U.N.), numbers with separators, words with inner apostrophes.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stemmer_fn() -> object:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english").stem


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str | None:
    """One surface word → its content token, or None for a stopword."""
    if "." in word and word[0].isalpha():  # U.S. → u.s
        return word.lower().rstrip(".")
    if word[0].isdigit():
        return word.replace(",", "")
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    elif "'" in lowered:  # doesn't → doesn (a stopword), o'brien stays
        head, _, tail = lowered.partition("'")
        lowered = head if tail in {"t", "re", "ve", "ll", "d", "m"} else head + tail
    if lowered in STOPWORDS:
        return None
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    lowered = MONTHS.get(lowered, lowered)
    if lowered in SYNONYMS:
        lowered = SYNONYMS[lowered]
        if lowered.startswith("<"):
            return lowered
    stem: str = _stemmer_fn()(lowered)  # type: ignore[operator]
    return stem


def is_name_line(text: str) -> bool:
    """A line of capitalised words only (a caption, byline or crosshead): no fact to align."""
    words = [w for w in _TOKEN.findall(text) if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def tokens(text: str) -> tuple[str, ...]:
    """The content tokens of ``text``, in order."""
    out = []
    for match in _TOKEN.finditer(text):
        token = normalise_word(match.group())
        if token:
            out.append(token)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Features:
    """What the similarity needs of one sentence, computed once."""

    tokens: tuple[str, ...]
    weights: Mapping[str, float]  # token → weight, over the distinct tokens
    total: float  # sum of weights


def features(token_list: Sequence[str], idf: Mapping[str, float] | None = None) -> Features:
    distinct = dict.fromkeys(token_list)
    weights = {t: (idf.get(t, 1.0) if idf else 1.0) for t in distinct}
    return Features(tuple(token_list), weights, sum(weights.values()))


def idf_weights(token_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each token, one sentence a document."""
    df: dict[str, int] = {}
    count = 0
    for token_list in token_lists:
        count += 1
        for token in set(token_list):
            df[token] = df.get(token, 0) + 1
    return {t: math.log((count + 1) / (n + 0.5)) + 1.0 for t, n in df.items()}


def overlap(a: Features, b: Features) -> float:
    """Weighted Dice coefficient of the two token sets."""
    if not a.total or not b.total:
        return 0.0
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    shared = sum(w for t, w in small.weights.items() if t in large.weights)
    return 2.0 * shared / (a.total + b.total)


def sequence_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio over token lists, made symmetric by a canonical order."""
    if not a or not b:
        return 0.0
    first, second = (a, b) if tuple(a) <= tuple(b) else (b, a)
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


def score(a: Features, b: Features, settings: Settings) -> float:
    """Similarity of two featurised sentences, in [0, 1]."""
    if a.tokens == b.tokens:
        return 1.0 if a.tokens else 0.0
    w = settings.overlap_weight
    return w * overlap(a, b) + (1.0 - w) * sequence_ratio(a.tokens, b.tokens)


def sentence_similarity(a: str, b: str, settings: Settings | None = None) -> float:
    """How alike two sentences are, from 0 (nothing shared) to 1 (same content words).

    Symmetric; 1.0 for identical text.  Without a corpus every content word
    weighs the same; inside :func:`compare.compare` rare words weigh more.
    """
    if a == b:
        return 1.0
    settings = settings or Settings()
    return score(features(tokens(a)), features(tokens(b)), settings)
