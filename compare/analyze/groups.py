"""Each aligned group: agree, partial or diverge, a word-level diff, typed differences.

* ``diverge``: the members contradict each other somewhere (a number, a date, a
  quotation by the same speaker, a negation, who is said to have said it);
* ``agree``: no contradiction and the members say much the same
  (mean similarity >= ``Settings.agree_threshold``);
* ``partial``: no contradiction, but each member says more or less than the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from compare.align import Alignment
from compare.analyze.numbers import compare_dates, find_dates, find_numbers, number_conflicts
from compare.analyze.quotes import Quote, is_person, sentence_speaker
from compare.analyze.shared import hedge_phrases, member_diffs, negated_terms
from compare.models import Difference, Group, Kind, Sentence
from compare.settings import Settings
from compare.similarity import sentence_similarity, tokens


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
        differences = _differences(members, sims, quotes, article_texts, settings)
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
    settings: Settings,
) -> list[Difference]:
    out: list[Difference] = []
    out.extend(_number_differences(members, sims))
    date_difference = _date_difference(members, sims)
    if date_difference:
        out.append(date_difference)
    out.extend(_quote_differences(members, sims, quotes, article_texts, settings))
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
        for x, y in number_conflicts(numbers[a], numbers[b]):
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


def _date_difference(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float]) -> Difference | None:
    dates = [find_dates(s.text) for s in members]
    values: dict[str, str] = {}
    conflict = False
    for a, b in sims:
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
    """Quotations by one speaker that two counterpart sentences give in different words.

    Only pairs of sentences linked directly (similarity at least ``link_threshold``) are
    compared, not every two members of a group; a quotation that the other article
    carries anywhere, in any sentence, is not worded differently there; and two
    quotations must be one statement (``Settings.quote_statement_threshold``), not two.
    """
    by_speaker: dict[str, dict[str, str]] = {}
    for (a, b), sentence_score in sims.items():
        if sentence_score < settings.link_threshold:
            continue
        qa, qb = quotes.get(members[a].id, ()), quotes.get(members[b].id, ())
        text_a, text_b = article_texts[members[a].article], article_texts[members[b].article]
        for x in qa:
            for y in qb:
                if not x.speaker or x.speaker != y.speaker:
                    continue
                if _plain(x.text) in text_b or _plain(y.text) in text_a:
                    continue  # the other article has these words too (or a scare-quoted term both use)
                quote_score = sentence_similarity(x.text, y.text)
                short = min(len(x.text.split()), len(y.text.split())) <= settings.quote_short_words
                one_statement = short or quote_score >= settings.quote_statement_threshold
                if one_statement and quote_score < settings.quote_match_threshold:
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


_PLAIN_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _plain(text: str) -> str:
    """Lower case, one kind of apostrophe and quotation mark, single spaces: for "is it in there"."""
    return " ".join(text.translate(_PLAIN_MARKS).lower().split())


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


def _hedge_difference(members: Sequence[Sentence]) -> Difference | None:
    hedges = {s.id: hedge_phrases(s.text) for s in members}
    articles_hedging = {s.article for s in members if hedges[s.id]}
    articles_plain = {s.article for s in members if not hedges[s.id]}
    if not articles_hedging or not articles_plain - articles_hedging:
        return None
    values = tuple((sid, "; ".join(h) if h else "stated without hedging") for sid, h in hedges.items())
    phrases = "; ".join(dict.fromkeys(p for h in hedges.values() for p in h))
    return Difference("hedge", f"hedged in one version only: “{phrases}”", values, conflict=False)
