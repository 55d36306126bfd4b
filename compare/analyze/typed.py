"""Typed differences of a group that come from reading each member alone: numbers, who is
the source, and opposite statements.  Each builder takes the group's members and the
member pairs (indexes into ``members``, from different articles) it should compare."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.analyze.attribution import attribution_conflict, find_sources
from compare.analyze.opposites import opposite_terms, opposite_verdicts
from compare.analyze.quantities import Quantity, describe_counted, quantity_conflicts
from compare.analyze.quotes import Quote
from compare.models import Difference, Sentence

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
