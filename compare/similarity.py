"""Sentence similarity: informativeness-weighted word overlap and difflib.

A sentence becomes a list of *content tokens* and a set of *function words*.
Content tokens are lower-cased, Snowball-stemmed words that are not stopwords,
normalised so that different spellings of one thing meet:

* numbers as digits, with their scale ("$17 million" → ``17000000``, "two dozen"
  → ``2 12``), "%" and "per cent" as "percent";
* month names in one form; dotted abbreviations without their dots ("D.C." and
  "DC" → ``dc``), except where that would make a stopword ("U.S.", "US" and
  "United States" → ``u.s``);
* a nationality word as its country ("Syrian" → ``syria``), a few synonyms
  news writers use interchangeably, and evaluative words as ``<approve>`` /
  ``<disapprove>`` (the wording itself is compared as a quote difference).

Each content token weighs by how informative it is, from a word-frequency prior
(``compare/data/word-prior.tsv``, derived from the ``wordfreq`` English list):
``clip(PRIOR_CEILING - zipf, MIN_WEIGHT, MAX_WEIGHT)``, so "Lisbon" weighs more
than "meeting"; numbers and words missing from the prior weigh ``MAX_WEIGHT``.
This works for a single pair of sentences; inside :func:`compare.compare` the
story's own word counts further damp words that occur in a large share of its
sentences (:func:`story_weights`).  Function words weigh ``FUNCTION_WEIGHT``
each: "to" against "from" matters a little, never alone.

Two sentences are compared by

* the weighted Dice coefficient of their token sets (``Settings.overlap_weight``
  of the score), with ``SHORT_EVIDENCE`` added to its denominator so that two
  short headlines sharing one word do not score like two long sentences sharing
  half their words, and
* difflib's ``SequenceMatcher`` over the content-token lists, weighted the same
  way: the weight of the tokens in matching blocks (shared phrases in the same
  order) over the weight of both lists.

Sentences that share no content token score 0.  The result is symmetric, in
[0, 1], and 1.0 for identical text.  In the semantic mode
(``Settings.semantic``) a sentence-embedding cosine is blended in, see
:mod:`compare.semantic`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from compare.errors import UsageError
from compare.settings import Settings
from compare.text import MONTH_FULL_NAME as MONTHS
from compare.text import TOKEN as _TOKEN
from compare.untrusted import repair_text

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up us very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t d ll m o re ve y don doesn didn isn wasn weren won
    wouldn shouldn couldn hasn haven hadn aren ain mr mrs ms
    said say says saying told tell tells added adding stated according
    """.split()
)
# Reporting verbs are stopwords: "X said" is in half of all news sentences and
# carries no fact; who said it is compared as an attribution difference.
REPORTING = frozenset("said say says saying told tell tells added adding stated according".split())
ATTRIBUTION = REPORTING | frozenset(
    """ask asks asked asking noted noting wrote writes replied replies responded explained insisted argued
    continued reporters interview statement spokesman spokeswoman spokesperson""".split()
)
"""Words that say who spoke, not what happened: with names alone they make no fact to align
(:func:`compare.align.substance`)."""

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
# The main event of a news story, told in other words: each word (a verb, or "dead") says what
# happened to whom ("Fred LaRue dies" / "was found dead"; "gunned down" / "was fatally shot").
# Not a synonym in the score (a death and a killing differ): only the aligner's main-event check
# reads it (:func:`event_kinds`, ``GroupSettings.core_event_tokens``).  No noun: "the death
# penalty", "after the shooting", "his escape" name an event as background, not as what happened.
EVENT_WORDS = {
    kind: frozenset(words.split())
    for kind, words in {
        "death": "die dies died dead",
        "killing": "kill kills killed slain",
        "shooting": "shoot shoots shot gunned",
        "arrest": "arrested detained",
        "charge": "charged indicted",
        "conviction": "convicted",
        "burning": "burned burnt burns ablaze",
        "resignation": "resign resigns resigned",
        "escape": "escaped escapes",
        "injury": "injured wounded",
    }.items()
}
_EVENT_OF = {word: kind for kind, words in EVENT_WORDS.items() for word in words}
# Before an event word in its clause, these make it background: "where he escaped", "who died
# yesterday", "after being charged".
SUBORDINATE = frozenset("where when whenever after before since how why who whom whose which that because while following until if once".split())
DETERMINERS = frozenset("a an the his her their its".split())
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")


def event_kinds(text: str, headline: bool = False) -> frozenset[str]:
    """The kinds of event (:data:`EVENT_WORDS`) that ``text`` tells as what happened: an event word
    outside quotations, in lower case (but in a ``headline``: "the Fire Department", "'Catching
    Fire'" name no fire), not after a determiner ("a convicted sex offender"), with no subordinating
    word before it in its clause ("where he escaped")."""
    kinds: set[str] = set()
    for clause in CLAUSE_BREAK.split(unquoted(text)):
        words = _TOKEN.findall(clause)
        for n, word in enumerate(words):
            kind = _EVENT_OF.get(word if not headline else word.lower())
            if kind is None or (n and words[n - 1].lower() in DETERMINERS):
                continue  # "a convicted sex offender", "the wounded": what someone is, not what happened
            if not any(w.lower() in SUBORDINATE for w in words[:n]):
                kinds.add(kind)
    return frozenset(kinds)


def unquoted(text: str) -> str:
    """``text`` with its quotations (double quotation marks, “…”) blanked out."""
    return re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]?", " ", text)


# Negations are stopwords for similarity (they are compared separately, as a
# typed difference), but they stay in the word-level diff.

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
    "million": "1000000", "billion": "1000000000", "dozen": "12",
}
# A number followed by one of these is one value: "17 million" → 17000000.
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "mln": 10**6}

# Nationality and regional adjectives → the place, before stemming ("Syrian" and
# "Syria" report the same actor).  "American" is the United States in news usage.
_DEMONYMS = """
afghan:afghanistan albanian:albania algerian:algeria american:u.s argentine:argentina
argentinian:argentina armenian:armenia australian:australia austrian:austria azerbaijani:azerbaijan
bahraini:bahrain bangladeshi:bangladesh belarusian:belarus belgian:belgium bolivian:bolivia
bosnian:bosnia brazilian:brazil british:britain bulgarian:bulgaria burmese:burma cambodian:cambodia
canadian:canada chilean:chile chinese:china colombian:colombia congolese:congo croatian:croatia
cuban:cuba cypriot:cyprus danish:denmark dutch:netherlands ecuadorian:ecuador egyptian:egypt
emirati:uae eritrean:eritrea estonian:estonia ethiopian:ethiopia european:europe filipino:philippines
philippine:philippines finnish:finland french:france georgian:georgia german:germany ghanaian:ghana
greek:greece guatemalan:guatemala haitian:haiti honduran:honduras hungarian:hungary indian:india
indonesian:indonesia iranian:iran iraqi:iraq irish:ireland israeli:israel italian:italy
jamaican:jamaica japanese:japan jordanian:jordan kazakh:kazakhstan kenyan:kenya korean:korea
kuwaiti:kuwait latvian:latvia lebanese:lebanon liberian:liberia libyan:libya lithuanian:lithuania
malaysian:malaysia malian:mali mexican:mexico moldovan:moldova mongolian:mongolia moroccan:morocco
nepalese:nepal nepali:nepal nicaraguan:nicaragua nigerian:nigeria norwegian:norway omani:oman
pakistani:pakistan palestinian:palestine panamanian:panama peruvian:peru polish:poland
portuguese:portugal qatari:qatar romanian:romania russian:russia rwandan:rwanda scottish:scotland
senegalese:senegal serbian:serbia serb:serbia singaporean:singapore slovak:slovakia
slovenian:slovenia somali:somalia spanish:spain sudanese:sudan swedish:sweden swiss:switzerland
syrian:syria taiwanese:taiwan thai:thailand tibetan:tibet tunisian:tunisia turkish:turkey turk:turkey
ugandan:uganda ukrainian:ukraine uruguayan:uruguay uzbek:uzbekistan venezuelan:venezuela
vietnamese:vietnam welsh:wales yemeni:yemen zambian:zambia zimbabwean:zimbabwe african:africa
asian:asia
"""
DEMONYMS = {}
for _pair in _DEMONYMS.split():
    _adjective, _place = _pair.split(":")
    DEMONYMS[_adjective] = DEMONYMS[_adjective + "s"] = _place

# Multi-word names written one way before tokenising (one regular expression, one pass).
_PHRASES = {
    "united states": "U.S.", "united states of america": "U.S.", "united nations": "U.N.",
    "european union": "E.U.", "united kingdom": "U.K.", "per cent": "percent", "%": " percent",
}
_PHRASE = re.compile(
    r"\bUnited States(?: of America)?\b|\bUnited Nations\b|\bEuropean Union\b|\bUnited Kingdom\b"
    r"|\b[Pp]er [Cc]ent\b|%"
)

# --- informativeness --------------------------------------------------------------
PRIOR_FILE = Path(__file__).parent / "data" / "word-prior.tsv"
PRIOR_CEILING = 7.5
"""A token's weight is ``PRIOR_CEILING - zipf`` (zipf: log10 of its frequency per
billion words; "the" is 7.7, "meeting" 5.9, "Lisbon" 3.7), clipped to
[``MIN_WEIGHT``, ``MAX_WEIGHT``].  Chosen on STS-B train and MRPC (10-fold CV): the
figures are flat within ±1 of it."""
MIN_WEIGHT = 1.0
MAX_WEIGHT = 5.0
SHORT_EVIDENCE = 2.0
"""Added to the Dice denominator, as if each pair had this much unshared weight
more: two headlines of two words that share one ("Russia responds", "Russia
agrees") no longer score like two long sentences sharing half their words.
Measured: +0.003 STS-B Pearson, MRPC accuracy unchanged; the pair above 0.48 → 0.41."""
SCORE_DECIMALS = 9
"""The aligner compares scores rounded to this many decimals, so that summation order never decides a tie."""

FUNCTION_WEIGHT = 0.3
"""Weight of one shared or unshared function word ("to", "not", "before") in the
Dice part.  Measured: 0.3 adds about 0.01 accuracy on MRPC and changes STS-B
Pearson by less than 0.005."""


@lru_cache(maxsize=1)
def _stemmer_fn() -> object:
    from compare.nltk_parts import nltk_module

    return nltk_module("nltk.stem.snowball").SnowballStemmer("english").stem


@lru_cache(maxsize=1)
def word_prior() -> dict[str, float]:
    """Content token → zipf frequency, from ``compare/data/word-prior.tsv``.

    Each line of the file after its ``#`` comments is a zipf value (one decimal)
    and the tokens with that value, separated by spaces.
    """
    prior: dict[str, float] = {}
    with PRIOR_FILE.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            value, _, words = line.partition("\t")
            prior.update(dict.fromkeys(words.split(), float(value)))
    return prior


def common_opener(text: str, start: int, token: str, zipf: float) -> bool:
    """Whether the capitalised word at ``start`` of ``text``, whose token is ``token``, opens the
    sentence (after quotation marks or a bracket at most) and is a common word (a prior of ``zipf``
    or more): capitalised for its place, not as a name ("Police said", "Officials")."""
    return not text[:start].strip(" “\"'‘(") and word_prior().get(token, 0.0) >= zipf


@lru_cache(maxsize=65536)
def informativeness(token: str) -> float:
    """The weight of a content token without any corpus: rarer words weigh more."""
    if token[0].isdigit():
        return MAX_WEIGHT
    zipf = word_prior().get(token)
    if zipf is None:
        return MAX_WEIGHT
    return min(MAX_WEIGHT, max(MIN_WEIGHT, PRIOR_CEILING - zipf))


# --- tokens -------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str | None:
    """One surface word → its content token, or None for a stopword."""
    if "." in word and word[0].isalpha():  # U.S. → u.s, D.C. → dc
        bare = word.replace(".", "").lower()
        return word.lower().rstrip(".") if bare in STOPWORDS else bare
    if word[0].isdigit():
        return word.replace(",", "")
    if word == "US":
        return "u.s"
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
    lowered = DEMONYMS.get(lowered, lowered)
    if "." in lowered:
        return lowered
    if lowered in SYNONYMS:
        lowered = SYNONYMS[lowered]
        if lowered.startswith("<"):
            return lowered
    stem: str = _stemmer_fn()(lowered)  # type: ignore[operator]
    return stem


@lru_cache(maxsize=65536)
def function_word(word: str) -> str | None:
    """A stopword's own form ("doesn't" → "doesn"), or None for a content word or a reporting verb."""
    lowered = word.lower().replace("’", "'")
    head = lowered.partition("'")[0]
    if head in STOPWORDS and head not in REPORTING and normalise_word(word) is None:
        return head
    return None


def is_name_line(text: str) -> bool:
    """A line of capitalised words only (a caption, byline or crosshead): no fact to align."""
    words = [w for w in _TOKEN.findall(text) if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


@lru_cache(maxsize=8192)
def analyse(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The content tokens of ``text`` in order, and its set of function words."""
    text = _PHRASE.sub(lambda m: _PHRASES[m.group().lower()], text)
    words = _TOKEN.findall(text)
    out: list[str] = []
    function: set[str] = set()
    i = 0
    while i < len(words):
        word = words[i]
        token = normalise_word(word)
        if token is None:
            small = function_word(word)
            if small:
                function.add(small)
            i += 1
            continue
        used = 1
        if token[0].isdigit() and i + 1 < len(words) and words[i + 1].lower() in SCALES:
            value = _scaled(token, SCALES[words[i + 1].lower()])
            if value is not None:
                token, used = value, 2
        out.append(token)
        i += used
    return tuple(out), frozenset(function)


def _scaled(number: str, scale: int) -> str | None:
    try:
        value = float(number) * scale
    except ValueError:  # "1.2.3"
        return None
    return str(int(value)) if value == int(value) else repr(value)


def tokens(text: str) -> tuple[str, ...]:
    """The content tokens of ``text``, in order."""
    return analyse(text)[0]


# --- features and score ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Features:
    """What the similarity needs of one sentence, computed once."""

    tokens: tuple[str, ...]
    weights: Mapping[str, float]  # content token → weight, over the distinct tokens
    total: float  # sum of the weights, plus FUNCTION_WEIGHT per function word
    function: frozenset[str] = frozenset()
    sequence_total: float = 0.0  # sum of the weights over the token list (repeats count)
    vector: tuple[float, ...] | None = None  # unit sentence embedding (semantic mode only)


def features(
    token_list: Sequence[str],
    idf: Mapping[str, float] | None = None,
    *,
    function: Iterable[str] = (),
    vector: tuple[float, ...] | None = None,
) -> Features:
    """Features of one sentence; ``idf`` multiplies the prior weights (a story's :func:`story_weights`)."""
    distinct = dict.fromkeys(token_list)
    weights = {t: informativeness(t) * (idf.get(t, 1.0) if idf else 1.0) for t in distinct}
    small = frozenset(function)
    return Features(
        tuple(token_list),
        weights,
        sum(weights.values()) + FUNCTION_WEIGHT * len(small),
        small,
        sum(weights[t] for t in token_list),
        vector,
    )


def idf_weights(token_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each token, one sentence a document.

    Not used by the aligner any more (it multiplies the prior by
    :func:`story_weights`, which leaves a pair of sentences alone, where idf
    would weigh down every shared word); kept for callers that want idf.
    """
    df: dict[str, int] = {}
    count = 0
    for token_list in token_lists:
        count += 1
        for token in set(token_list):
            df[token] = df.get(token, 0) + 1
    return {t: math.log((count + 1) / (n + 0.5)) + 1.0 for t, n in df.items()}


STORY_SHARE = 0.1
"""A word in more than this share of a story's sentences (and in more than
``STORY_MIN`` of them) is part of the story, not of one fact: its weight is
damped by ``sqrt(limit / count)`` ("NATO" and "Russia" in a story about NATO and Russia)."""
STORY_MIN = 3


def story_weights(token_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """Weight multipliers for tokens that occur in many of the story's sentences (1.0 for the rest)."""
    df: dict[str, int] = {}
    for token_list in token_lists:
        for token in set(token_list):
            df[token] = df.get(token, 0) + 1
    limit = max(STORY_MIN, STORY_SHARE * len(token_lists))
    return {t: math.sqrt(limit / n) for t, n in df.items() if n > limit}


def overlap(a: Features, b: Features) -> float:
    """Weighted Dice coefficient of the two token sets (content tokens and function words)."""
    if not a.total or not b.total:
        return 0.0
    small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
    # fsum is exactly rounded, so the order of the terms (a's or b's) cannot make it asymmetric.
    shared = math.fsum(w for t, w in small.weights.items() if t in large.weights)
    shared += FUNCTION_WEIGHT * len(a.function & b.function)
    return 2.0 * shared / (a.total + b.total + SHORT_EVIDENCE)


def sequence_ratio(a: Features, b: Features) -> float:
    """difflib's matching blocks over the content-token lists, weighted: shared phrases in order."""
    if not a.tokens or not b.tokens:
        return 0.0
    first, second = (a, b) if a.tokens <= b.tokens else (b, a)
    matcher = SequenceMatcher(None, first.tokens, second.tokens, autojunk=False)
    weights = first.weights
    matched = math.fsum(weights[t] for i, _, n in matcher.get_matching_blocks() for t in first.tokens[i : i + n])
    total = a.sequence_total + b.sequence_total
    return 2.0 * matched / total if total else 0.0


def lexical_score(a: Features, b: Features, settings: Settings) -> float:
    """The lexical similarity in [0, 1]: 0 without a shared content token."""
    if a.tokens == b.tokens and a.function == b.function:
        return 1.0 if a.tokens else 0.0
    if not any(t in b.weights for t in a.weights):
        return 0.0
    w = settings.overlap_weight
    return w * overlap(a, b) + (1.0 - w) * sequence_ratio(a, b)


def score(a: Features, b: Features, settings: Settings) -> float:
    """Similarity of two featurised sentences, in [0, 1].

    In the semantic mode too, sentences that share no content token score 0: an
    embedding rates sentences on one topic as close (within a story, all of
    them), so the cosine only ever refines a pair that has a word in common.
    """
    lexical = lexical_score(a, b, settings)
    if 0.0 < lexical < 1.0 and settings.semantic and a.vector is not None and b.vector is not None:
        return blend(lexical, cosine(a.vector, b.vector), settings.semantic_weight)
    return lexical  # the same content words score 1.0 in either mode


def cosine(u: Sequence[float], v: Sequence[float]) -> float:
    """Cosine of two unit vectors (their dot product), in pure Python."""
    return sum(x * y for x, y in zip(u, v, strict=True))


COSINE_SCALE = (
    (0.000, 0.000), (0.262, 0.152), (0.400, 0.234), (0.480, 0.304), (0.544, 0.352),
    (0.588, 0.390), (0.630, 0.431), (0.664, 0.465), (0.694, 0.496), (0.724, 0.524),
    (0.746, 0.558), (0.773, 0.587), (0.798, 0.616), (0.818, 0.642), (0.839, 0.668),
    (0.861, 0.700), (0.883, 0.731), (0.904, 0.763), (0.927, 0.800), (0.952, 0.848),
    (1.000, 1.000),
)
"""Embedding cosine → the lexical score's scale: (cosine, similarity) knots of a
monotone piecewise-linear map, the 0th, 5th, ..., 100th percentiles of both on the
1,999 news pairs of STS-B train.  So a threshold passes about the same share of
pairs whichever part of the score it comes from, and one set of thresholds
serves both modes.  Only these 42 numbers derive from STS-B (scores CC BY-SA 4.0)."""


def cosine_on_lexical_scale(cos: float) -> float:
    """The cosine put on the lexical score's scale (:data:`COSINE_SCALE`); 0 for cosines <= 0, 1 for 1."""
    if cos <= 0.0:
        return 0.0
    for (x0, y0), (x1, y1) in pairwise(COSINE_SCALE):
        if cos <= x1:
            return y0 + (y1 - y0) * (cos - x0) / (x1 - x0)
    return 1.0


def blend(lexical: float, cos: float, semantic_weight: float) -> float:
    """The semantic mode's score: the lexical score and the cosine (on the lexical scale), mixed."""
    value = (1.0 - semantic_weight) * lexical + semantic_weight * cosine_on_lexical_scale(cos)
    return min(1.0, max(0.0, value))


def featurise(text: str, idf: Mapping[str, float] | None = None, vector: tuple[float, ...] | None = None) -> Features:
    """Features of a sentence's text."""
    token_list, function = analyse(text)
    return features(token_list, idf, function=function, vector=vector)


def sentence_similarity(a: str, b: str, settings: Settings | None = None) -> float:
    """How alike two sentences are, from 0 (no content word shared) to 1 (the same words).

    Symmetric; 1.0 for identical text.  Without a corpus, words weigh by how
    rare they are in English; inside :func:`compare.compare` words common to the
    whole story weigh less.  With sentence embeddings (``Settings.semantic``, the
    default, where the model is installed) their cosine is blended in
    (``Settings.semantic_weight``); otherwise the words alone count.
    A sentence that is not text is a :class:`TypeError` (None failed deep in the embedding cache);
    one longer than ``Settings.sentence_max_chars`` (which :func:`compare.compare` cuts into pieces)
    a :class:`~compare.errors.UsageError`: difflib's ratio costs the square of the length (100,000
    characters took a minute).  A lone surrogate is read as U+FFFD (it stopped the tokenizer).
    """
    if not isinstance(a, str) or not isinstance(b, str):
        raise TypeError(f"sentence_similarity() compares two strings, got {type(a).__name__} and {type(b).__name__}")
    settings = settings or Settings()
    most, longest = settings.sentence_max_chars, max(len(a), len(b))
    if most and longest > most:
        raise UsageError(f"sentence_similarity(): a sentence of {longest:,} characters; the limit is {most:,} (Settings.sentence_max_chars)")
    if a == b:
        return 1.0
    va = vb = None
    if settings.semantic:
        from compare import semantic

        if semantic.available():
            va, vb = semantic.embed([repair_text(a)[0], repair_text(b)[0]])
    return score(featurise(a, vector=va), featurise(b, vector=vb), settings)


# --- names and attribution (the aligner's test of a sentence that reports no fact) ----------


class _Sentence(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def role(self) -> str: ...


def story_names(sentences: Sequence[_Sentence]) -> frozenset[str]:
    """The words that the story's body sentences capitalise inside a sentence and never write
    in lower case: its names ("scalia", "wal-mart", "justice"), lower-cased."""
    capital: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences:
        if sentence.role == "title" or sentence.text.islower():
            continue  # headlines capitalise every word; a line in lower case only (a handle, a tweet's tag) capitalises none
        for n, word in enumerate(_TOKEN.findall(sentence.text)):
            if word[0].islower():
                lower.add(word)
            elif word[0].isupper() and n > 0 and not word.isupper():
                capital.add(word.lower())
    return frozenset(capital - lower)


def story_acronyms(sentences: Sequence[_Sentence]) -> frozenset[str]:
    """The words of two or more capitals that the story's body sentences never write in lower case:
    its acronyms ("CPAC", "AARP", "NAACP"), lower-cased.  They name an organisation or an event as a
    name does, though :func:`story_names` leaves them out (a word in capitals says something in a
    sentence that is too short to link otherwise: "NATO agreed")."""
    upper: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences:
        if sentence.role == "title":
            continue  # headlines capitalise every word, and some write whole words in capitals
        for word in _TOKEN.findall(sentence.text):
            if len(word) >= 2 and word.isupper():
                upper.add(word.lower())
            elif not word[0].isupper():
                lower.add(word.lower())
    return frozenset(upper - lower)


def substance(text: str, names: frozenset[str]) -> int:
    """How many content tokens of ``text`` are neither one of the story's ``names`` nor a word
    of attribution (:data:`ATTRIBUTION`)."""
    count = 0
    for word in _TOKEN.findall(text):
        lowered = word.lower()
        if lowered in names or lowered in ATTRIBUTION:
            continue
        if normalise_word(word) is not None:
            count += 1
    return count
