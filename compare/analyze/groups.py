"""Each aligned group: agree, partial or diverge, a word-level diff, typed differences.

* ``diverge``: the members contradict each other somewhere (a number, a date, a
  quotation by the same speaker, a negation, who is said to have said it);
* ``agree``: no contradiction and the members say much the same
  (mean similarity >= ``Settings.agree_threshold``);
* ``partial``: no contradiction, but each member says more or less than the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from compare.align import Alignment
from compare.analyze.numbers import compare_dates, find_dates, find_numbers
from compare.analyze.quotes import Quote, sentence_speaker
from compare.analyze.shared import hedge_phrases, member_diffs, negations
from compare.models import Difference, Group, Kind, Sentence
from compare.settings import Settings
from compare.similarity import sentence_similarity


def build_groups(
    alignment: Alignment,
    quotes: Mapping[str, tuple[Quote, ...]],
    article_order: Mapping[str, int],
    settings: Settings,
) -> tuple[Group, ...]:
    """The :class:`Group` records of an alignment, numbered in reading order."""
    sentences = alignment.sentences
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
        differences = _differences(members, sims, quotes, settings)
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
    settings: Settings,
) -> list[Difference]:
    out: list[Difference] = []
    out.extend(_number_differences(members, sims))
    date_difference = _date_difference(members, sims)
    if date_difference:
        out.append(date_difference)
    out.extend(_quote_differences(members, sims, quotes, settings))
    close = [(a, b) for (a, b), v in sims.items() if v >= settings.agree_threshold]
    out.extend(_negation_differences(members, close))
    out.extend(_attribution_differences(members, close, quotes))
    hedge = _hedge_difference(members)
    if hedge:
        out.append(hedge)
    return out


def _number_differences(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float]) -> list[Difference]:
    numbers = [find_numbers(s.text) for s in members]
    found: dict[str, dict[str, str]] = {}
    for a, b in sims:
        for x in numbers[a]:
            for y in numbers[b]:
                shared = set(x.anchors) & set(y.anchors)
                if shared and x.value != y.value:
                    anchor = sorted(shared)[0]
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


def _date_difference(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float]) -> Difference | None:
    dates = [find_dates(s.text) for s in members]
    values: dict[str, str] = {}
    conflict = False
    for a, b in sims:
        for x in dates[a]:
            for y in dates[b]:
                comparable, clash = compare_dates(x, y)
                if comparable and (clash or x.text != y.text):
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
    settings: Settings,
) -> list[Difference]:
    by_speaker: dict[str, dict[str, str]] = {}
    for a, b in sims:
        qa, qb = quotes.get(members[a].id, ()), quotes.get(members[b].id, ())
        for x in qa:
            for y in qb:
                if not x.speaker or x.speaker != y.speaker:
                    continue
                if _quoted_within(x.text, members[b].text) or _quoted_within(y.text, members[a].text):
                    continue  # a scare-quoted term the other version uses too: no different words
                if sentence_similarity(x.text, y.text) < settings.quote_match_threshold:
                    values = by_speaker.setdefault(x.speaker, {})
                    values.setdefault(members[a].id, x.text)
                    values.setdefault(members[b].id, y.text)
    return [
        Difference(
            "quote",
            f"{speaker} quoted in different words: " + " against ".join(f"“{v}”" for v in values.values()),
            tuple(values.items()),
            conflict=True,
        )
        for speaker, values in by_speaker.items()
    ]


def _quoted_within(quote: str, text: str) -> bool:
    return " ".join(quote.lower().split()) in " ".join(text.lower().split())


def _negation_differences(members: Sequence[Sentence], close: Sequence[tuple[int, int]]) -> list[Difference]:
    values: dict[str, str] = {}
    for a, b in close:
        na, nb = negations(members[a].text), negations(members[b].text)
        if bool(na) != bool(nb):
            values.setdefault(members[a].id, ", ".join(na) or "affirmative")
            values.setdefault(members[b].id, ", ".join(nb) or "affirmative")
    if not values:
        return []
    return [Difference("negation", "one version negates what the other affirms", tuple(values.items()))]


def _attribution_differences(
    members: Sequence[Sentence], close: Sequence[tuple[int, int]], quotes: Mapping[str, tuple[Quote, ...]]
) -> list[Difference]:
    def speaker(s: Sentence) -> str | None:
        spoken = [q.speaker for q in quotes.get(s.id, ()) if q.speaker]
        return spoken[0] if spoken else sentence_speaker(s.text)

    values: dict[str, str] = {}
    for a, b in close:
        sa, sb = speaker(members[a]), speaker(members[b])
        if sa and sb and sa != sb:
            values.setdefault(members[a].id, sa)
            values.setdefault(members[b].id, sb)
    if not values:
        return []
    detail = "attributed to " + " against ".join(dict.fromkeys(values.values()))
    return [Difference("attribution", detail, tuple(values.items()))]


def _hedge_difference(members: Sequence[Sentence]) -> Difference | None:
    hedges = {s.id: hedge_phrases(s.text) for s in members}
    articles_hedging = {s.article for s in members if hedges[s.id]}
    articles_plain = {s.article for s in members if not hedges[s.id]}
    if not articles_hedging or not articles_plain - articles_hedging:
        return None
    values = tuple((sid, "; ".join(h) if h else "stated without hedging") for sid, h in hedges.items())
    phrases = "; ".join(dict.fromkeys(p for h in hedges.values() for p in h))
    return Difference("hedge", f"hedged in one version only: “{phrases}”", values, conflict=False)
