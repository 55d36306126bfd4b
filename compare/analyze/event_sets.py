"""The events of a set of articles: every pair judged, and the articles grouped by event.

:func:`compare_pairs` judges each pair compared (:func:`compare.analyze.events.judge`,
from the two articles alone) and gives it the report's "similarity"
(:func:`shared_share`); :func:`events_of` makes the events the sets of articles joined by enough
same-event pairs (average linkage; then, for reports of one event each pair a little short on content
alone, enough mean content, a little less for one article joining an event of several), each with its
articles and the evidence of its pairs; and
:func:`place_groups` tells each group which events its articles report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import combinations

from compare.align import Alignment
from compare.analyze.event_profile import EventProfile, event_profile
from compare.analyze.events import Verdict, days_between, judge
from compare.models import Article, Event, Group, Pair, article_of
from compare.settings import Settings


def shared_share(
    articles: Sequence[Article], groups: Sequence[Group], alignment: Alignment, pairs: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], float]:
    """Per pair ``(a, b)``: the share of the two articles' alignable sentences that sit in a
    group with a sentence of the other article (the report's "similarity"; it plays no part
    in the event judgement)."""
    alignable: dict[str, int] = dict.fromkeys((a.id for a in articles), 0)
    grouped = {member for group in groups for member in group.members}  # a short quote linked word for word
    for sentence, feats in zip(alignment.sentences, alignment.features, strict=True):
        if feats.total or sentence.id in grouped:
            alignable[sentence.article] += 1
    # A group holding both articles of a pair matches all their sentences in it: count each
    # group's members per article once, and credit every pair of its articles.
    matched: dict[tuple[str, str], int] = {}
    for group in groups:
        count: dict[str, int] = {}
        for member in group.members:
            article = article_of(member)
            count[article] = count.get(article, 0) + 1
        for x, y in combinations(count.items(), 2):
            key = (x[0], y[0]) if x[0] < y[0] else (y[0], x[0])
            matched[key] = matched.get(key, 0) + x[1] + y[1]
    out = {}
    for a, b in pairs:
        total = alignable[a] + alignable[b]
        out[(a, b)] = round(matched.get((a, b) if a < b else (b, a), 0) / total, 4) if total else 0.0
    return out


def compare_pairs(
    articles: Sequence[Article],
    groups: Sequence[Group],
    alignment: Alignment,
    chosen: Sequence[tuple[str, str]] | None,
    settings: Settings,
    profiles: Mapping[str, EventProfile] | None = None,
) -> tuple[tuple[Pair, ...], tuple[Event, ...]]:
    """One :class:`Pair` for every pair compared (all pairs, or the chosen ones), and the events;
    each pair says whether the events hold its two articles in one (:attr:`Pair.in_one_event`);
    ``profiles``: the articles' event profiles where they are known already (:func:`judge_events`)."""
    verdicts, events = judge_events(articles, chosen, settings, profiles)
    similarity = shared_share(articles, groups, alignment, [(x, y) for x, y, _v in verdicts])
    event_of = {article: event.id for event in events for article in event.articles}
    records = tuple(
        Pair(x, y, similarity[(x, y)], v.same_event, v.relation, v.reason, in_one_event=event_of[x] == event_of[y])
        for x, y, v in verdicts
    )
    return records, events


def judge_events(
    articles: Sequence[Article],
    chosen: Sequence[tuple[str, str]] | None,
    settings: Settings,
    known: Mapping[str, EventProfile] | None = None,
) -> tuple[list[tuple[str, str, Verdict]], tuple[Event, ...]]:
    """(a, b, verdict) for every pair compared (all pairs, or the chosen ones), and the events: what
    :func:`compare_pairs` gives the report, from the articles alone (no alignment).  ``known``: event
    profiles made already (``storycompare batch`` makes them to group the stories), by article id;
    each is :func:`event_profile` of that article, which is made for the others."""
    known = known or {}
    profiles = {a.id: known[a.id] if a.id in known else event_profile(a) for a in articles}
    ids = [a.id for a in articles]
    pairs = list(chosen) if chosen is not None else list(combinations(ids, 2))
    verdicts = [(x, y, judge(profiles[x], profiles[y], settings)) for x, y in pairs]
    records = [Pair(x, y, 0.0, v.same_event, v.relation, v.reason) for x, y, v in verdicts]
    apart = [(x, y) for x, y in pairs if (days_between(profiles[x], profiles[y]) or 0) > settings.events.same_event_max_days]
    scores = {(x, y): v.score for x, y, v in verdicts if v.same_event or v.short}
    return verdicts, events_of(ids, records, settings, apart, scores)


def events_of(
    ids: Sequence[str],
    pairs: Sequence[Pair],
    settings: Settings | None = None,
    apart: Iterable[tuple[str, str]] = (),
    scores: Mapping[tuple[str, str], float] | None = None,
) -> tuple[Event, ...]:
    """The events: each article starts as an event of its own, and the two events with the
    highest share of same-event pairs among their judged cross pairs merge while that share
    reaches ``settings.events.event_link_share`` (average linkage over the pair verdicts) -- never
    two events with a pair of articles ``apart``, whose event days lie more than
    ``settings.events.same_event_max_days`` apart (:func:`compare_pairs` passes them: a follow-up
    stays an event of its own, as in ``storycompare batch``, where such dates never share a
    story); in article order, each with the reasons of its same-event pairs.  A place
    conflict is no such bar: places nest ("Palermo" and "Sicily") more often than days are
    read wrong.

    Reports of one event are joined through each other: two reports of one meeting that share
    few words are one event when both share it with the others.  One same-event pair alone
    does not chain two events together, as joining the connected pairs would (one wrong pair
    between two sets of reports merged them).  ECB+ dev topics 1-35, every topic compared as
    one set, pairs within a topic scored by the events: connected pairs P/R/F1
    0.635/0.921/0.752; with days apart kept apart, a share of 0.3 0.968/0.729/0.831, 0.25
    0.968/0.735/0.835 (days or places apart, 0.3: 0.968/0.703/0.815; without the rule, 0.3:
    0.950/0.764/0.847, as ECB+ puts a story's follow-ups weeks later in its sub-topic).
    0.3, not 0.25: in a small set, one wrong pair between two pairs of reports (1 of 4) must
    not join them (``benchmarks/stories.py``, which also chooses the share on four folds of
    topics and scores the fifth).

    Then, with ``scores`` (the content score of each pair judged one event or short of one on
    content alone, :attr:`Verdict.short`), two events also join when the mean content score of
    their cross pairs reaches ``settings.events.event_link_content`` and every cross pair is in
    ``scores``: reports of one undated event, each pair a little short of the content one
    event's reports share, with nothing (days, places, participants) telling them apart.

    Last, one article joins an event of two articles or more on the lower
    ``settings.events.event_join_content`` (the same mean, every cross pair in ``scores``): a report
    that tells the event in its own words (what followed it, who was hurt) is joined through the
    reports that agree with each other -- transitivity a pair alone does not have.  Two single
    articles are never joined so (their pair decides, as with ``--pair``), nor two events of several
    articles (two events of one kind share that much too: on ECB+ dev, letting an event of two
    articles join too costs precision, 0.962 -> 0.954)."""
    settings = settings or Settings()
    order = {i: n for n, i in enumerate(ids)}
    members: dict[str, list[str]] = {i: [i] for i in ids}  # each event by its first article
    # event -> event -> [same, judged, apart, summed content score, pairs without a score]
    tally: dict[str, dict[str, list[float]]] = {i: {} for i in ids}
    for pair in pairs:
        score = None if scores is None else scores.get((pair.a, pair.b), scores.get((pair.b, pair.a)))
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            counts = tally[x].setdefault(y, [0, 0, 0, 0.0, 0])
            counts[0] += pair.same_event
            counts[1] += 1
            counts[3] += score or 0.0
            counts[4] += score is None
    for a, b in apart:
        for x, y in ((a, b), (b, a)):
            tally[x].setdefault(y, [0, 0, 0, 0.0, 0])[2] += 1
    _join(members, tally, order, lambda c: c[0] / c[1] if c[0] else 0.0, settings.events.event_link_share)
    if scores is not None:
        content = lambda c: 0.0 if c[4] else c[3] / c[1]  # noqa: E731
        _join(members, tally, order, content, settings.events.event_link_content)
        _join(members, tally, order, content, settings.events.event_join_content, one_to_many=True)
    events = list(members.values())
    events.sort(key=lambda members: order[members[0]])
    out = []
    for number, group in enumerate(events, start=1):
        inside = set(group)
        evidence = tuple(p.reason for p in pairs if p.same_event and p.a in inside and p.b in inside)
        linked = {x for p in pairs if p.same_event and p.a in inside and p.b in inside for x in (p.a, p.b)}
        for article in group if len(group) > 1 else ():
            own = [v for (x, y), v in (scores or {}).items() if article in (x, y) and {x, y} <= inside]
            if article not in linked and own:
                evidence += (f"same event: what {article} reports, {sum(own) / len(own):.2f} of it shared with "
                             "the others on average, and no day, place or participant apart",)
        out.append(Event(f"e{number}", tuple(group), evidence))
    return tuple(out)


def _join(
    members: dict[str, list[str]],
    tally: dict[str, dict[str, list[float]]],
    order: Mapping[str, int],
    value: Callable[[list[float]], float],
    least: float,
    one_to_many: bool = False,
) -> None:
    """Merge the two events whose cross pairs' tally has the highest ``value`` (then the first
    events) while it reaches ``least`` (and is above 0), never two with a pair apart; with
    ``one_to_many``, only an event of one article into an event of two or more, every pair of the
    article with the event's articles judged (not so where ``--pair`` left one out)."""
    while True:
        best: tuple[tuple[float, int, int], str, str] | None = None
        for x, others in tally.items():
            for y, counts in others.items():
                if counts[2] or order[x] > order[y]:
                    continue
                sizes = len(members[x]), len(members[y])
                if one_to_many and (min(sizes) > 1 or max(sizes) < 2 or counts[1] < sizes[0] * sizes[1]):
                    continue  # (every cross pair judged: with --pair, one pair alone would join)
                key = (value(counts), -order[x], -order[y])
                if key[0] > 0 and key[0] >= least and (best is None or key > best[0]):
                    best = (key, x, y)
        if best is None:
            return
        _key, x, y = best
        members[x] = sorted(members[x] + members.pop(y), key=order.__getitem__)
        for z, counts in tally.pop(y).items():
            if z == x:
                continue
            tally[x][z] = [a + b for a, b in zip(tally[x].get(z, [0, 0, 0, 0.0, 0]), counts, strict=True)]
            tally[z][x] = list(tally[x][z])
            del tally[z][y]
        tally[x].pop(y, None)


def place_groups(groups: Sequence[Group], events: Sequence[Event]) -> tuple[Group, ...]:
    """Each group with the events its articles report.  A group joining articles of two
    events is the same claim at two events: differences between events contradict
    nothing, so it is "diverge" only when two articles of one event in it differ (it is
    "partial" otherwise)."""
    event_of = {article: event.id for event in events for article in event.articles}
    out = []
    for group in groups:
        ids = tuple(dict.fromkeys(event_of[a] for a in group.articles if a in event_of))
        kind = group.kind
        if len(ids) > 1 and kind == "diverge" and not _differs_within_event(group, event_of):
            kind = "partial"
        out.append(replace(group, kind=kind, events=ids))
    return tuple(out)


def _differs_within_event(group: Group, event_of: Mapping[str, str]) -> bool:
    """Some difference of the group sets two articles of one event against each other."""
    for difference in group.differences:
        values: dict[str, set[str]] = {}
        articles: dict[str, set[str]] = {}
        for sentence, value in difference.values:
            event = event_of.get(article_of(sentence), "")
            values.setdefault(event, set()).add(value)
            articles.setdefault(event, set()).add(article_of(sentence))
        if any(len(values[e]) > 1 and len(articles[e]) > 1 for e in values):
            return True
    return False
