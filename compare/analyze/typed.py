"""Typed differences of a group that come from reading each member alone: numbers, dates,
negations, hedges, who is the source, and opposite statements.  Each builder takes the group's members and the
member pairs (indexes into ``members``, from different articles) it should compare."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from compare.analyze.attribution import attribution_conflict, compatible, find_sources
from compare.analyze.numbers import DateMention, compare_dates, find_dates
from compare.analyze.opposites import opposite_terms, opposite_verdicts
from compare.analyze.quantities import Quantity, describe_counted, quantity_conflicts
from compare.analyze.quotes import Quote
from compare.analyze.shared import blank_quotations, hedge_phrases, negated_terms
from compare.models import Difference, Sentence
from compare.settings import Settings
from compare.similarity import tokens
from compare.text import WEEKDAY_WORD as _WEEKDAY

Pairs = Sequence[tuple[int, int]]


def number_differences(
    members: Sequence[Sentence],
    pairs: Pairs,
    quantities: Mapping[str, Sequence[Quantity]],
    article_values: Mapping[str, frozenset[float]],
) -> list[Difference]:
    """Quantities that count the same thing and cannot both hold (:mod:`compare.analyze.quantities`),
    one difference per thing counted, named by the reader's word ("soldiers")."""
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for a, b in pairs:
        ma, mb = members[a], members[b]
        conflicts = quantity_conflicts(
            quantities[ma.id], quantities[mb.id], article_values[ma.article], article_values[mb.article]
        )
        for x, y, anchor in conflicts:
            word = describe_counted(x, ma.text, anchor)
            _, values = found.setdefault(anchor, (word, {}))
            values.setdefault(ma.id, x.text)
            values.setdefault(mb.id, y.text)
    return [
        Difference(
            "number",
            " against ".join(f"'{v}'" for v in dict.fromkeys(values.values())) + f" (what is counted: {word})",
            tuple(values.items()),
            conflict=True,
        )
        for word, values in found.values()
    ]


def attribution_differences(members: Sequence[Sentence], pairs: Pairs) -> list[Difference]:
    """Two versions of one fact that name sources which cannot be the same
    (:mod:`compare.analyze.attribution`): "police said" against "witnesses said".  Only
    sources named in the sentence itself count: a quotation's speaker carried over from an
    earlier sentence ("he said") is too uncertain to compare."""
    sources = [find_sources(m.text) for m in members]
    values: dict[str, str] = {}
    for a, b in pairs:
        found = attribution_conflict(sources[a], sources[b], members[a].text, members[b].text)
        if found:
            values.setdefault(members[a].id, found[0].text)
            values.setdefault(members[b].id, found[1].text)
    if not values:
        return []
    detail = "attributed to " + " against ".join(dict.fromkeys(values.values()))
    return [Difference("attribution", detail, tuple(values.items()))]


def opposite_differences(
    members: Sequence[Sentence],
    close: Pairs,
    linked: Pairs,
    quotes: Mapping[str, tuple[Quote, ...]],
    context_words: int,
) -> list[Difference]:
    """Versions asserting opposite things (:mod:`compare.analyze.opposites`): words of
    opposite meaning about the same thing in closely similar versions (``close``: the
    same sentence told two ways, not two sentences of one account, "we win" / "we could
    lose"), or one speaker's opposite verdicts in linked versions (``linked``: the
    verdicts may share no word)."""
    values: dict[str, str] = {}
    details: list[str] = []
    for a, b in close:
        ma, mb = members[a], members[b]
        found = opposite_terms(ma.text, mb.text, context_words)
        if found:
            values.setdefault(ma.id, found.word_a)
            values.setdefault(mb.id, found.word_b)
            details.append(f"'{found.word_a}' against '{found.word_b}'")
    for a, b in linked:
        ma, mb = members[a], members[b]
        if ma.id in values and mb.id in values:
            continue
        for x in quotes.get(ma.id, ()):
            for y in quotes.get(mb.id, ()):
                if x.speaker and x.speaker == y.speaker and opposite_verdicts(x.text, y.text):
                    values.setdefault(ma.id, x.text)
                    values.setdefault(mb.id, y.text)
                    details.append(f"{x.speaker} quoted with opposite verdicts")
    if not values:
        return []
    detail = "opposite statements: " + "; ".join(dict.fromkeys(details))
    return [Difference("opposite", detail, tuple(values.items()))]


def date_difference(
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
                if comparable and (clash or _more_precise(x, y) or _more_precise(y, x)):
                    conflict = conflict or clash
                    values.setdefault(members[a].id, x.text)
                    values.setdefault(members[b].id, y.text)
    if not values:
        return None
    detail = " against ".join(f"'{v}'" for v in dict.fromkeys(values.values()))
    detail += " (contradicting dates)" if conflict else " (one is more precise)"
    return Difference("date", detail, tuple(values.items()), conflict=conflict)


def _more_precise(a: DateMention, b: DateMention) -> bool:
    """``a`` gives every part of the date ``b`` gives, and more ("Nov. 20" / "November");
    "March 2008" and "March 2" each give a part the other lacks: together one date."""
    parts_a = {k for k, v in (("y", a.year), ("m", a.month), ("d", a.day)) if v is not None}
    parts_b = {k for k, v in (("y", b.year), ("m", b.month), ("d", b.day)) if v is not None}
    return parts_b < parts_a


def negation_differences(members: Sequence[Sentence], close: Sequence[tuple[int, int]]) -> list[Difference]:
    """One version denies what the other states: a word that one negates ("does not see")
    stands in the other ("sees"), which negates nothing and asks nothing.  Not a
    contradiction: a negation of something the other version does not mention ("I can't
    help but think"), two versions that both negate ("no evidence of racism" against "no
    racism"), a question, or a version that also affirms the word it negates ("not the
    objective, man is the objective")."""
    values: dict[str, str] = {}

    def denied(mine: Sentence, other: Sentence) -> list[str]:
        negated = negated_terms(mine.text)
        if len(negated) != 1 or negated_terms(other.text) or other.text.rstrip(" \"”’)").endswith("?"):
            return []  # two negations may cancel ("I wasn't suggesting he's not a Christian")
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


def hedge_difference(
    members: Sequence[Sentence], close: Sequence[tuple[int, int]], quotes: Mapping[str, tuple[Quote, ...]]
) -> Difference | None:
    """One version hedges ("in a possible sign", "appeared to") what a closely similar
    version of another article states plainly.  Only the outlet's own words count: a
    speaker's "may" inside a quotation is the speaker's.  A version that names a source the
    hedged one does not ("a Republican said" against "reportedly") states nothing plainly."""
    outside = [_outside_quotes(s, quotes) for s in members]
    hedges = [hedge_phrases(text) for text in outside]
    sources = [find_sources(text) for text in outside]

    def plainly(hedged: int, other: int) -> bool:
        """``other`` states plainly what ``hedged`` hedges: it hedges nothing, and names no
        source that ``hedged`` does not ("reportedly" against "a Republican said")."""
        if hedges[other] or not hedges[hedged]:
            return False
        return not sources[other] or any(compatible(x, y) for x in sources[hedged] for y in sources[other])

    involved: set[int] = set()
    for a, b in close:
        if plainly(a, b) or plainly(b, a):
            involved.update((a, b))
    if not involved:
        return None
    values = tuple(
        (members[k].id, "; ".join(hedges[k]) if hedges[k] else "stated without hedging") for k in sorted(involved)
    )
    phrases = "; ".join(dict.fromkeys(p for k in sorted(involved) for p in hedges[k]))
    return Difference("hedge", f"hedged in one version only: “{phrases}”", values, conflict=False)


def _outside_quotes(sentence: Sentence, quotes: Mapping[str, tuple[Quote, ...]]) -> str:
    """The sentence with its quoted words blanked (the quotations found in the article, and
    any quotation marks in the sentence itself, an unclosed one running to its end)."""
    chars = list(blank_quotations(sentence.text))
    for quote in quotes.get(sentence.id, ()):
        for k in range(max(0, quote.start - sentence.start), min(len(chars), quote.end - sentence.start)):
            chars[k] = " "
    return "".join(chars)
