"""How two outlets' quotations of one speaker differ: the same statement in other words.

:func:`quote_differences` pairs the quotations (found by :mod:`compare.analyze.quotes`)
that two articles credit to one speaker and tells a different wording of one statement
from an excerpt, a spelling variant or another statement; :func:`plain_text` is the
plain form of a text in which quotations are looked for word for word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from functools import cache
from itertools import combinations

from compare.analyze.quotes import Quote
from compare.models import Difference, Sentence, article_of
from compare.settings import Settings
from compare.similarity import STOPWORDS, sentence_similarity

WORDS_ONLY = Settings(semantic=False, sentence_max_chars=0)
"""Quotations are compared by their words: whether two are the same words is a question of wording (of any length: a run's sentences may be longer than the default ``sentence_max_chars``)."""


def quote_differences(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    settings: Settings,
) -> list[Difference]:
    """Quotations by one speaker that two articles give in different words.

    Each quotation is paired with its closest counterpart by that speaker in the other
    article's members of the group, and only when that closeness is mutual (two outlets
    each quoting two statements compare the first with the first); the two sentences must
    be linked directly (``link_threshold``); a quotation whose words, cut at an ellipsis or
    an editor's bracket, the other article carries anywhere is not worded differently; and
    the two must be one statement (``Settings.quote_statement_run``), not two.
    Quotations that are nearly the same (``quote_match_threshold``) but not word for word
    ("you'll be able to make" against "you'll have to make") are a difference that is no
    contradiction: shown, without making the group "diverge".
    """
    quoted: dict[str, list[tuple[int, Quote]]] = {}
    for k, member in enumerate(members):
        for quote in quotes.get(member.id, ()):
            if quote.speaker:
                quoted.setdefault(member.article, []).append((k, quote))
    by_speaker: dict[str, dict[str, str]] = {}
    slightly: dict[str, dict[str, str]] = {}
    for article_a, article_b in combinations(sorted(quoted), 2):
        for i, j, value in _mutual(quoted[article_a], quoted[article_b]):
            (ka, x), (kb, y) = quoted[article_a][i], quoted[article_b][j]
            if sims.get((min(ka, kb), max(ka, kb)), 0.0) < settings.link_threshold:
                continue
            if _no_difference(x, y, (article_a, article_b), quotes, article_texts, settings.quote_statement_run):
                continue
            same_stems = _within(_stems(x.text), _stems(y.text))
            short = min(len(x.text.split()), len(y.text.split())) <= settings.quote_short_words
            if same_stems and short:
                continue  # a fragment in the narration's person: "looks forward" / "I look forward to it"
            if value >= settings.quote_match_threshold or same_stems:
                # Nearly the same words, yet not the same ("pew" / "pews"): a quotation should be verbatim.
                values = slightly.setdefault(x.speaker or "", {})
            else:
                characterised = short and _longest_run(x.text, y.text) >= 1
                if not (characterised or _longest_run(x.text, y.text) >= settings.quote_statement_run):
                    continue  # two statements ("hard look" / "We're not making a federal case out of this")
                if not characterised and not _one_remark(x.text, y.text, settings.differences.remark_share):
                    continue  # two statements sharing a name or a refrain ("... the Tea Party movement")
                values = by_speaker.setdefault(x.speaker or "", {})
            values.setdefault(members[ka].id, x.text)
            values.setdefault(members[kb].id, y.text)
    nearly = {speaker: values for speaker, values in slightly.items() if speaker not in by_speaker}
    return [
        Difference("quote", f"{speaker} quoted in {words}: {_wording(values)}", tuple(values.items()), conflict=conflict)
        for found, words, conflict in ((by_speaker, "different words", True), (nearly, "slightly different words", False))
        for speaker, values in found.items()
    ]


def _mutual(xs: Sequence[tuple[int, Quote]], ys: Sequence[tuple[int, Quote]]) -> list[tuple[int, int, float]]:
    """(i, j, their similarity) for each quotation ``xs[i]`` whose closest quotation of its speaker
    in ``ys`` is ``ys[j]``, and the other way round (of equally close ones, the first), i ascending.
    A quotation repeated word for word is one: each two wordings are scored once, so a quotation
    repeated in two articles costs its wordings' pairs, not its copies' (two articles repeating one
    quotation to 160,000 characters scored 6.8 million pairs)."""
    firsts: tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]] = ({}, {})
    for found, quotes in zip(firsts, (xs, ys), strict=True):
        for k, (_, quote) in enumerate(quotes):
            found.setdefault((quote.speaker or "", quote.text), k)
    by_speaker: dict[str, list[tuple[str, str]]] = {}
    for wording in firsts[1]:
        by_speaker.setdefault(wording[0], []).append(wording)
    score = {(a, b): sentence_similarity(a[1], b[1], WORDS_ONLY) for a in firsts[0] for b in by_speaker.get(a[0], ())}
    best: tuple[dict[tuple[str, str], tuple[str, str]], dict[tuple[str, str], tuple[str, str]]] = ({}, {})
    for (a, b), value in score.items():  # the closest, and of equally close ones the first
        for side, mine, other, where in ((0, a, b, firsts[1]), (1, b, a, firsts[0])):
            now = best[side].get(mine)
            if now is None or (value, -where[other]) > (score[(a, now) if side == 0 else (now, b)], -where[now]):
                best[side][mine] = other
    return [(firsts[0][a], firsts[1][b], score[(a, b)]) for a, b in best[0].items() if best[1].get(b) == a]


def _wording(values: Mapping[str, str]) -> str:
    """How the quotations differ, in words: of two, the words that differ where both quote the statement,
    each with a shared word beside it ("“he approaches problems” against “he addresses problems”"; the
    words one only quotes further are no difference, nor function words and spacing: "his world view or
    his" / "his worldview"); the whole quotations when there are more than two, when a change runs over
    ``_MOST_CHANGED`` words or the shared words are fewer than twice the differing ones, or when every
    difference is at an edge."""
    whole = " against ".join(f"“{v}”" for v in values.values())
    if len(values) != 2:
        return whole
    a, b = (text.split() for text in values.values())
    ops = SequenceMatcher(None, [plain_text(w) for w in a], [plain_text(w) for w in b], autojunk=False).get_opcodes()
    changes, shared, changed = [], 0, [0, 0]
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        first, last = k == 0, k == len(ops) - 1
        if tag == "equal":
            shared += i2 - i1
            continue
        if tag != "replace" and (first or last):
            continue  # one quotes more of the statement, before or after
        n = min(i2 - i1, j2 - j1)
        if abs((i2 - i1) - (j2 - j1)) > _MOST_CHANGED // 2:  # at an edge, a fragment's words against as many of the other's
            i1, j1 = (i2 - n, j2 - n) if first else (i1, j1)
            i2, j2 = (i1 + n, j1 + n) if last else (i2, j2)
        x = " ".join(a[i1 - (not first and i1 > 0) : i2 + (not last)])
        y = " ".join(b[j1 - (not first and j1 > 0) : j2 + (not last)])
        if "".join(_spelled_out(x)) == "".join(_spelled_out(y)) and _negations(x) == _negations(y):
            continue  # function words, spacing: "his world view or his --" / "his worldview,"; not "is not dead" / "is dead"
        if max(i2 - i1, j2 - j1) > _MOST_CHANGED:
            return whole  # reworded, not a word changed here and there
        changed[0], changed[1] = changed[0] + i2 - i1, changed[1] + j2 - j1
        changes.append(f"“{x.strip(_EDGE_MARKS)}” against “{y.strip(_EDGE_MARKS)}”")
    return "; ".join(changes) if changes and 2 * max(changed) <= shared else whole


def _negations(text: str) -> list[str]:
    """The words of ``text`` that negate ("not", "n't", "never", "no", "nor"), in order."""
    return [w for w in plain_text(text.replace("n’t", " not").replace("n't", " not")).split() if w in _NEGATING]


_NEGATING = frozenset("not no nor never".split())
_EDGE_MARKS = " ,;:—–-"
_MOST_CHANGED = 4  # words on either side of one change that :func:`_wording` names; more is a rewording


# A title's abbreviation and its full form are the same word in a quotation ("Sen." / "Senator").
_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "gen": "general",
           "sec": "secretary", "lt": "lieutenant", "dept": "department", "mr": "mister"}
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m|t)$")


def _spelled_out(text: str) -> tuple[str, ...]:
    """A quotation's words as written, without function words and contractions ("he is" and
    "he's" alike), titles and numbers written out, an editor's insertions left out: for
    "the same words"."""
    words = (_CLITIC.sub("", w) for w in plain_text(_ELISION.sub(" ", text)).split())
    return tuple(_NUMBER_WORDS.get(w, _TITLES.get(w, w)) for w in words if w and w not in STOPWORDS)


def _no_difference(
    x: Quote,
    y: Quote,
    articles: tuple[str, str],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    run: int,
) -> bool:
    """Two quotations (of articles ``articles``) that are no different wording of one statement."""
    article_a, article_b = articles
    return (
        # the other article has these words too (or a scare-quoted term both use)
        _reported_in(x.text, article_texts[article_b])
        or _reported_in(y.text, article_texts[article_a])
        # the same content words ("he is" / "he's", "Qaddafi" / "Gadhafi"), or one quotes less,
        # however compounds are spaced ("counter-terrorism" / "counterterrorism", "school girls")
        or _within(_spelled_out(x.text), _spelled_out(y.text))
        or _within_unspaced(_spelled_out(x.text), _spelled_out(y.text))
        or _same_but_spelling(x.text, y.text)
        # two excerpts of one statement (one leaves words out with "...")
        or _shared_excerpt(x.text, y.text, run)
        or _shared_excerpt(y.text, x.text, run)
        # the other outlet quotes this statement in part elsewhere: its quotation is another
        or _carried_in_part(x, y, article_b, quotes, run)
        or _carried_in_part(y, x, article_a, quotes, run)
    )


def _carried_in_part(
    x: Quote, y: Quote, article: str, quotes: Mapping[str, tuple[Quote, ...]], min_words: int
) -> bool:
    """``article`` (which quotes ``y``) also quotes the same speaker with words that are a run of
    ``x`` of at least ``min_words`` words ("well over the line" of "I can't help but think that
    those remarks are well over the line"): it reports ``x``'s statement, and ``y`` is another."""
    whole = f" {plain_text(x.text)} "
    for sid, found in quotes.items():
        if article_of(sid) != article:
            continue
        for quote in found:
            if quote.speaker != x.speaker or quote.start == y.start:
                continue
            words = plain_text(quote.text)
            if len(words.split()) >= min_words and f" {words} " in whole:
                return True
    return False


@cache
def _stem(word: str) -> str:
    from compare.nltk_parts import nltk_module  # the stemmer without the rest of nltk

    stem: str = nltk_module("nltk.stem.snowball").SnowballStemmer("english").stem(word)
    return stem


def _stems(text: str) -> tuple[str, ...]:
    """A quotation's content words, stemmed ("looks" and "look" alike; not "positive" and
    "encouraging", which the similarity's word classes would join)."""
    return tuple(_stem(w) for w in _spelled_out(text))


def _one_remark(a: str, b: str, share: float) -> bool:
    """Two quotations are one remark in other words: of the content words of the one with fewer (names
    aside), the other has at least ``share`` (``DifferenceSettings.remark_share``).  "We take no issue with the Tea Party movement" and "They need to
    make clear that there is no place for the bigots in the Tea Party movement" share a name only; "You will
    not hear these words because ESPN is not a company in the business of journalism" and "... because it
    would interfere with the amount of money" a refrain of a column, two of its sentences."""
    names = {_stem(w) for w in _names(a) | _names(b)}
    x, y = set(_stems(a)) - names, set(_stems(b)) - names
    fewer = min(x, y, key=len)
    return len(x & y) >= share * len(fewer)


def _shared_excerpt(a: str, b: str, min_words: int) -> bool:
    """``a`` leaves words out ("... ") and one of its excerpts, of at least ``min_words``
    words, is word for word in ``b``: two excerpts of one statement, not one statement in
    other words."""
    parts = [plain_text(part) for part in re.split(r"\.\s?\.\s?\.|…", a)]
    if len(parts) < 2:
        return False
    whole = f" {plain_text(b)} "
    return any(len(part.split()) >= min_words and f" {part} " in whole for part in parts)


NAME_SPELLING_RATIO = 0.6  # a spelling variant of a name: difflib's ratio of the two names, lower case


def _names(text: str) -> set[str]:
    """The lower-case words of ``text`` written with a capital not opening it ("Gadhafi")."""
    words = re.findall(r"[\w'’-]+", _ELISION.sub(" ", text))
    return {p for w in words[1:] if any(c.isupper() for c in w) for p in plain_text(w).split()}


def _same_but_spelling(a: str, b: str) -> bool:
    """The two quotations differ only in how names are spelled ("Muammar al-Qaddafi" /
    "Moammar Gadhafi": a transliteration) or in British against American spelling ("anaesthetic" /
    "anesthetic", :func:`american`), not in other words."""
    x, y = _spelled_out(a), _spelled_out(b)
    names = _names(a) | _names(b)
    differ = False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = x[i1:i2], y[j1:j2]
        if tag == "replace" and [american(w) for w in left] == [american(w) for w in right]:
            differ = True  # "anaesthetic" / "anesthetic": one word spelt two ways
            continue
        if tag != "replace" or not set(left) | set(right) <= names:
            return False
        if SequenceMatcher(None, "".join(left), "".join(right)).ratio() < NAME_SPELLING_RATIO:
            return False
        differ = True
    return differ


# British spellings and their American forms, in the order they are undone ("anaesthetised" -> "anesthetized");
# "ll" only after a vowel and two letters ("travelled", "cancelling"; not "filled" / "filed", "filling" / "filing").
_BRITISH = tuple(
    (re.compile(pattern), spelling)
    for pattern, spelling in (
        # "oe" only in the few words spelt so ("foetus", "manoeuvre", "diarrhoea", "oestrogen"), not "canoes", "poems"
        (r"(?<=\w)ae(?=\w)", "e"), (r"(?:(?<=\w)oe(?=tus|tal|uvr|as?$|opath)|^oe(?=soph|strog|dem))", "e"),
        (r"(?<=\w\w)our(?=s?$|ed$|ing$|ite)", "or"),
        (r"(?<=\w\w)is(?=e$|es$|ed$|ing$|ation)", "iz"), (r"(?<=\w)ys(?=e$|es$|ed$|ing$)", "yz"),
        (r"(?<=\w\w)tre(?=s?$)", "ter"), (r"(?<=\w\w[aeiou])ll(?=ed$|ing$|er$|ers$)", "l"), (r"(?<=\w\w)ogue(?=s?$)", "og"),
        (r"(?<=\w)ence(?=s?$)", "ense"),
    )
)


# Words of this many letters or fewer are left as they are: too many short words are other words
# once a British ending is undone.
_SHORTEST_BRITISH = 5


def american(word: str) -> str:
    """``word`` with British spellings undone ("colour" / "color", "organise" / "organize"); a word too
    short to be sure of (:data:`_SHORTEST_BRITISH` letters or fewer) as it is."""
    if len(word) <= _SHORTEST_BRITISH:
        return word
    for pattern, spelling in _BRITISH:
        word = pattern.sub(spelling, word)
    return word


# Numbers written out and in digits are the same words in a quotation ("two-in-three" / "2 in 3").
_NUMBER_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One token sequence is a run of the other (or equals it): one outlet quotes less of
    the statement (its start, its end or a part of its middle).  A word inside that the
    other lacks ("be able to make" / "have to make") is a different wording."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return True
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


UNSPACED_MIN_CHARS = 12  # shorter, a run of letters is found inside other words by chance ("war" in "software")


def _within_unspaced(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """:func:`_within` with the words run together: "counter- terrorism" is "counterterrorism",
    "B-1" is "B1", "school girls" is "schoolgirls"."""
    short, long = sorted(("".join(a), "".join(b)), key=len)
    return len(short) >= UNSPACED_MIN_CHARS and short in long


def _longest_run(a: str, b: str) -> int:
    """The most words in a row that two texts share (punctuation and case aside)."""
    words_a, words_b = plain_text(a).split(), plain_text(b).split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.find_longest_match(0, len(words_a), 0, len(words_b)).size


# Where a quotation leaves words out or an editor put words in: "… ", "[Democrats]", "(Libyan leader)".
_ELISION = re.compile(r"\.\s?\.\s?\.|…|\[[^\]]*\]|\([^)]*\)")


def _reported_in(quote: str, text: str) -> bool:
    """The quotation's words are in ``text`` (a :func:`_plain` text): each part between elisions."""
    parts = [plain_text(part) for part in _ELISION.split(quote)]
    parts = [part for part in parts if part]
    return bool(parts) and all(part in text for part in parts)


_PLAIN_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
# Punctuation, and an apostrophe used as a quotation mark (not inside a word: "it's" keeps it).
_PUNCTUATION = re.compile(r"[^\w\s']+|(?<!\w)'|'(?!\w)")


def plain_text(text: str) -> str:
    """Lower case, one kind of apostrophe, no other punctuation, single spaces: for "is it in there"."""
    return " ".join(_PUNCTUATION.sub(" ", text.translate(_PLAIN_MARKS).lower()).split())
