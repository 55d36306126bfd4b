"""Each aligned group: agree, partial or diverge, a word-level diff, typed differences.

* ``diverge``: the members contradict each other somewhere (a number, a date, a
  quotation by the same speaker, a negation, who is said to have said it);
* ``agree``: no contradiction and the members say much the same
  (mean similarity >= ``Settings.agree_threshold``);
* ``partial``: no contradiction, but each member says more or less than the others.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from itertools import combinations

from compare.align import Alignment
from compare.analyze.numbers import NumberMention, compare_dates, find_dates, find_numbers, number_conflicts
from compare.analyze.quotes import Quote, is_person, sentence_speaker
from compare.analyze.shared import hedge_phrases, member_diffs, negated_terms
from compare.models import Difference, Group, Kind, Sentence
from compare.settings import Settings
from compare.similarity import STOPWORDS, sentence_similarity, tokens
from compare.text import WEEKDAY_WORD as _WEEKDAY


def build_groups(
    alignment: Alignment,
    quotes: Mapping[str, tuple[Quote, ...]],
    article_order: Mapping[str, int],
    settings: Settings,
) -> tuple[Group, ...]:
    """The :class:`Group` records of an alignment, numbered in reading order."""
    sentences = alignment.sentences
    # Each article's sentences as one normalised text: a quotation found there is reported there.
    texts: dict[str, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.article, []).append(sentence.text)
    article_texts = {article: _plain(" ".join(parts)) for article, parts in texts.items()}
    numbers = {sentence.id: find_numbers(sentence.text) for sentence in sentences}  # once per sentence
    values: dict[str, set[str]] = {}
    for sentence in sentences:
        values.setdefault(sentence.article, set()).update(n.value for n in numbers[sentence.id])
    article_numbers = {article: frozenset(found) for article, found in values.items()}
    raw = []
    for indexes in alignment.groups:
        ordered = sorted(indexes, key=lambda i: (article_order[sentences[i].article], sentences[i].index))
        raw.append(ordered)
    # Reading order: by the first article holding the group, then its position there.
    raw.sort(key=lambda g: (article_order[sentences[g[0]].article], sentences[g[0]].index))
    groups = []
    for number, ordered in enumerate(raw, start=1):
        members = [sentences[i] for i in ordered]
        cross = [
            (a, b) for a, b in combinations(range(len(ordered)), 2) if members[a].article != members[b].article
        ]
        sims = {(a, b): alignment.similarity(ordered[a], ordered[b]) for a, b in cross}
        score = sum(sims.values()) / len(sims) if sims else 0.0
        mean_to_others = [
            sum(v for (a, b), v in sims.items() if k in (a, b)) / max(1, sum(1 for a, b in sims if k in (a, b)))
            for k in range(len(members))
        ]
        pivot = max(range(len(members)), key=lambda k: (mean_to_others[k], -k))
        differences = _differences(members, sims, quotes, article_texts, numbers, article_numbers, settings)
        kind: Kind
        if any(d.conflict for d in differences):
            kind = "diverge"
        elif score >= settings.agree_threshold:
            kind = "agree"
        else:
            kind = "partial"
        groups.append(
            Group(
                id=f"g{number}",
                members=tuple(s.id for s in members),
                kind=kind,
                score=round(score, 4),
                differences=tuple(differences),
                diff=member_diffs([s.id for s in members], [s.text for s in members], pivot),
            )
        )
    return tuple(groups)


def _differences(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    numbers: Mapping[str, list[NumberMention]],
    article_numbers: Mapping[str, frozenset[str]],
    settings: Settings,
) -> list[Difference]:
    out: list[Difference] = []
    out.extend(_number_differences(members, sims, numbers, article_numbers))
    date_difference = _date_difference(members, sims, settings)
    if date_difference:
        out.append(date_difference)
    out.extend(_quote_differences(members, sims, quotes, article_texts, settings))
    close = [(a, b) for (a, b), v in sims.items() if v >= settings.agree_threshold]
    out.extend(_negation_differences(members, close))
    out.extend(_attribution_differences(members, close, quotes))
    linked = [(a, b) for (a, b), v in sims.items() if v >= settings.link_threshold]
    hedge = _hedge_difference(members, linked)
    if hedge:
        out.append(hedge)
    return out


def _number_differences(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    numbers: Mapping[str, list[NumberMention]],
    article_numbers: Mapping[str, frozenset[str]],
) -> list[Difference]:
    found: dict[str, dict[str, str]] = {}
    for a, b in sims:
        elsewhere_a, elsewhere_b = article_numbers[members[a].article], article_numbers[members[b].article]
        for x, y in number_conflicts(numbers[members[a].id], numbers[members[b].id], elsewhere_a, elsewhere_b):
            anchor = sorted(set(x.anchors) & set(y.anchors))[0]
            values = found.setdefault(anchor, {})
            values.setdefault(members[a].id, x.text)
            values.setdefault(members[b].id, y.text)
    return [
        Difference(
            "number",
            " against ".join(f"'{v}'" for v in dict.fromkeys(values.values())) + f" (what is counted: {anchor})",
            tuple(values.items()),
            conflict=True,
        )
        for anchor, values in found.items()
    ]




def _date_difference(
    members: Sequence[Sentence], sims: Mapping[tuple[int, int], float], settings: Settings
) -> Difference | None:
    """Dates compared by their parts (see :mod:`compare.analyze.numbers`), and weekdays: two
    closely similar sentences (``agree_threshold``) naming one weekday each, different ones ("the House voted on
    Wednesday" against "on Tuesday"), contradict each other."""
    dates = [find_dates(s.text) for s in members]
    weekdays = [set(_WEEKDAY.findall(s.text)) for s in members]
    values: dict[str, str] = {}
    conflict = False
    for (a, b), linked in sims.items():
        one_each = len(weekdays[a]) == len(weekdays[b]) == 1
        if linked >= settings.agree_threshold and one_each and weekdays[a] != weekdays[b]:
            conflict = True
            values.setdefault(members[a].id, next(iter(weekdays[a])))
            values.setdefault(members[b].id, next(iter(weekdays[b])))
        for x in dates[a]:
            for y in dates[b]:
                comparable, clash = compare_dates(x, y)
                if comparable and (clash or (x.year, x.month, x.day) != (y.year, y.month, y.day)):
                    conflict = conflict or clash
                    values.setdefault(members[a].id, x.text)
                    values.setdefault(members[b].id, y.text)
    if not values:
        return None
    detail = " against ".join(f"'{v}'" for v in dict.fromkeys(values.values()))
    detail += " (contradicting dates)" if conflict else " (one is more precise)"
    return Difference("date", detail, tuple(values.items()), conflict=conflict)


def _quote_differences(
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
        score: dict[tuple[int, int], float] = {}
        for i, (_, x) in enumerate(quoted[article_a]):
            for j, (_, y) in enumerate(quoted[article_b]):
                if x.speaker == y.speaker:
                    score[(i, j)] = sentence_similarity(x.text, y.text)
        best_a: dict[int, int] = {}
        best_b: dict[int, int] = {}
        for (i, j), value in score.items():
            if i not in best_a or value > score[(i, best_a[i])]:
                best_a[i] = j
            if j not in best_b or value > score[(best_b[j], j)]:
                best_b[j] = i
        for i, j in best_a.items():
            if best_b.get(j) != i:
                continue
            (ka, x), (kb, y) = quoted[article_a][i], quoted[article_b][j]
            if sims.get((min(ka, kb), max(ka, kb)), 0.0) < settings.link_threshold:
                continue
            if _reported_in(x.text, article_texts[article_b]) or _reported_in(y.text, article_texts[article_a]):
                continue  # the other article has these words too (or a scare-quoted term both use)
            if _within(_spelled_out(x.text), _spelled_out(y.text)):
                continue  # the same content words ("he is" / "he's"), or one quotes less of them
            if score[(i, j)] >= settings.quote_match_threshold:
                # Nearly the same words, yet not the same: a quotation should be verbatim.
                values = slightly.setdefault(x.speaker or "", {})
            else:
                short = min(len(x.text.split()), len(y.text.split())) <= settings.quote_short_words
                if not (short or _longest_run(x.text, y.text) >= settings.quote_statement_run):
                    continue  # two statements
                values = by_speaker.setdefault(x.speaker or "", {})
            values.setdefault(members[ka].id, x.text)
            values.setdefault(members[kb].id, y.text)
    nearly = {speaker: values for speaker, values in slightly.items() if speaker not in by_speaker}
    return [
        Difference(
            "quote",
            f"{speaker} quoted in {words}: " + " against ".join(f"“{v}”" for v in values.values()),
            tuple(values.items()),
            conflict=conflict,
        )
        for found, words, conflict in ((by_speaker, "different words", True), (nearly, "slightly different words", False))
        for speaker, values in found.items()
    ]


# A title's abbreviation and its full form are the same word in a quotation ("Sen." / "Senator").
_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "gen": "general",
           "sec": "secretary", "lt": "lieutenant", "dept": "department", "mr": "mister"}
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m|t)$")


def _spelled_out(text: str) -> tuple[str, ...]:
    """A quotation's words as written, without function words and contractions ("he is" and
    "he's" alike), titles written out: for "the same words"."""
    words = (_CLITIC.sub("", w) for w in _plain(text).split())
    return tuple(_TITLES.get(w, w) for w in words if w and w not in STOPWORDS)


def _within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One token sequence opens or ends the other (or equals it): one outlet quotes less of
    the statement.  A word inside that the other lacks ("be able to make" / "have to make")
    is a different wording."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[: len(short)] == short or long[len(long) - len(short) :] == short


def _longest_run(a: str, b: str) -> int:
    """The most words in a row that two texts share (punctuation and case aside)."""
    words_a, words_b = _plain(a).split(), _plain(b).split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.find_longest_match(0, len(words_a), 0, len(words_b)).size


# Where a quotation leaves words out or an editor put words in: "… ", "[Democrats]", "(Libyan leader)".
_ELISION = re.compile(r"\.\s?\.\s?\.|…|\[[^\]]*\]|\([^)]*\)")


def _reported_in(quote: str, text: str) -> bool:
    """The quotation's words are in ``text`` (a :func:`_plain` text): each part between elisions."""
    parts = [_plain(part) for part in _ELISION.split(quote)]
    parts = [part for part in parts if part]
    return bool(parts) and all(part in text for part in parts)


_PLAIN_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_PUNCTUATION = re.compile(r"[^\w\s']+")


def _plain(text: str) -> str:
    """Lower case, one kind of apostrophe, no other punctuation, single spaces: for "is it in there"."""
    return " ".join(_PUNCTUATION.sub(" ", text.translate(_PLAIN_MARKS).lower()).split())


def _negation_differences(members: Sequence[Sentence], close: Sequence[tuple[int, int]]) -> list[Difference]:
    """One version denies what the other states: a word that one negates ("does not see")
    stands in the other ("sees"), which negates nothing and asks nothing.  Not a
    contradiction: a negation of something the other version does not mention ("I can't
    help but think"), two versions that both negate ("no evidence of racism" against "no
    racism"), a question, or a version that also affirms the word it negates ("not the
    objective, man is the objective")."""
    values: dict[str, str] = {}

    def denied(mine: Sentence, other: Sentence) -> list[str]:
        negated = negated_terms(mine.text)
        if not negated or negated_terms(other.text) or other.text.rstrip(" \"”’)").endswith("?"):
            return []
        own, theirs = Counter(tokens(mine.text)), set(tokens(other.text))
        return [words for term, words in negated.items() if term in theirs and own[term] == 1]

    for a, b in close:
        denied_a, denied_b = denied(members[a], members[b]), denied(members[b], members[a])
        if denied_a or denied_b:
            values.setdefault(members[a].id, ", ".join(denied_a) or "affirmative")
            values.setdefault(members[b].id, ", ".join(denied_b) or "affirmative")
    if not values:
        return []
    return [Difference("negation", "one version negates what the other affirms", tuple(values.items()))]


def _attribution_differences(
    members: Sequence[Sentence], close: Sequence[tuple[int, int]], quotes: Mapping[str, tuple[Quote, ...]]
) -> list[Difference]:
    """Two versions name different people as the speaker of the same words.  Both must be
    people (not "the Foreign Ministry", "the Times" or "Democrats") named in the sentence itself,
    and neither version may name the other's speaker: then it is the same report, with the
    speaker found in more words."""

    def speaker(s: Sentence) -> str | None:
        spoken = [q.speaker for q in quotes.get(s.id, ()) if q.speaker]
        return spoken[0] if spoken else sentence_speaker(s.text)

    values: dict[str, str] = {}
    for a, b in close:
        sa, sb = speaker(members[a]), speaker(members[b])
        if not (sa and sb and sa != sb and is_person(sa) and is_person(sb)):
            continue
        if sa not in members[a].text or sb not in members[b].text:
            continue  # a speaker carried over from an earlier sentence ("he said"): too uncertain
        if sa in members[b].text or sb in members[a].text:
            continue  # the other version names that person too: no other speaker, a longer sentence
        values.setdefault(members[a].id, sa)
        values.setdefault(members[b].id, sb)
    if not values:
        return []
    detail = "attributed to " + " against ".join(dict.fromkeys(values.values()))
    return [Difference("attribution", detail, tuple(values.items()))]


def _hedge_difference(members: Sequence[Sentence], close: Sequence[tuple[int, int]]) -> Difference | None:
    """One version hedges ("in a possible sign", "appeared to") what a directly linked
    version of another article states plainly."""
    hedges = [hedge_phrases(s.text) for s in members]
    involved: set[int] = set()
    for a, b in close:
        if bool(hedges[a]) != bool(hedges[b]):
            involved.update((a, b))
    if not involved:
        return None
    values = tuple(
        (members[k].id, "; ".join(hedges[k]) if hedges[k] else "stated without hedging") for k in sorted(involved)
    )
    phrases = "; ".join(dict.fromkeys(p for k in sorted(involved) for p in hedges[k]))
    return Difference("hedge", f"hedged in one version only: “{phrases}”", values, conflict=False)
