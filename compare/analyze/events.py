"""Per pair of articles: how much they share, and whether they cover the same event.

``similarity`` is the share of the two articles' alignable sentences that sit in
a group with a sentence of the other article.  Articles are then clustered into
events (average linkage over these similarities, strongest pair first), where
two articles whose anchor dates lie more than ``Settings.same_event_max_days``
apart can never share a cluster, and two dated at most ``same_event_close_days``
apart need to share less (``same_event_close_threshold``).  An article's anchor date is its publication
date, else a date opening its first body sentence (a wire dateline such as
"Nov. 3 (Bloomberg) --"); a date without a year borrows the other's year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import combinations

from compare.align import Alignment
from compare.analyze.numbers import DateMention, find_dates
from compare.models import Article, Group, Pair, article_of
from compare.settings import Settings
from compare.text import iso_day


def anchor_date(article: Article) -> DateMention | None:
    published = iso_day(article.date)
    if published:
        return DateMention(article.date or "", 0, published.year, published.month, published.day)
    for sentence in article.sentences:
        if sentence.role != "body":
            continue
        for mention in find_dates(sentence.text[:40]):
            if mention.start <= 2 and mention.month and mention.day:
                return mention
        return None
    return None


def days_apart(a: DateMention, b: DateMention) -> int | None:
    if not (a.month and b.month):
        return None
    year_a = a.year or b.year or 2000
    year_b = b.year or a.year or 2000
    if a.day and b.day:
        try:
            return abs((date(year_a, a.month, a.day) - date(year_b, b.month, b.day)).days)
        except ValueError:
            return None
    months = abs((year_a * 12 + a.month) - (year_b * 12 + b.month))
    return 0 if months <= 1 else months * 30


def compare_pairs(
    articles: Sequence[Article],
    groups: Sequence[Group],
    alignment: Alignment,
    chosen: Sequence[tuple[str, str]] | None,
    settings: Settings,
) -> tuple[Pair, ...]:
    """One :class:`Pair` for every pair compared (all pairs, or the chosen ones)."""
    ids = [a.id for a in articles]
    alignable: dict[str, int] = dict.fromkeys(ids, 0)
    for sentence, feats in zip(alignment.sentences, alignment.features, strict=True):
        if feats.total:
            alignable[sentence.article] += 1
    pairs = list(chosen) if chosen is not None else list(combinations(ids, 2))
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
    similarity: dict[tuple[str, str], float] = {}
    for a, b in pairs:
        total = alignable[a] + alignable[b]
        shared = matched.get((a, b) if a < b else (b, a), 0)
        similarity[(a, b)] = round(shared / total, 4) if total else 0.0

    anchors = {a.id: anchor_date(a) for a in articles}

    def gap(x: str, y: str) -> int | None:
        da, db = anchors[x], anchors[y]
        return days_apart(da, db) if da is not None and db is not None else None

    def clash(x: str, y: str) -> bool:
        days = gap(x, y)
        return days is not None and days > settings.same_event_max_days

    def close(x: str, y: str) -> bool:
        days = gap(x, y)
        return days is not None and days <= settings.same_event_close_days

    # Evidence for the clustering: dates close together make a little sharing enough.
    evidence = {
        (a, b): max(value, settings.same_event_threshold)
        if value >= settings.same_event_close_threshold and close(a, b)
        else value
        for (a, b), value in similarity.items()
    }
    cluster = {i: {i} for i in ids}
    for (a, b), _value in sorted(evidence.items(), key=lambda kv: (-kv[1], kv[0])):
        ca, cb = cluster[a], cluster[b]
        if ca is cb:
            continue
        if any(clash(x, y) for x in ca for y in cb):
            continue
        linked = [evidence.get((x, y), evidence.get((y, x))) for x in ca for y in cb]
        known = [v for v in linked if v is not None]
        if known and sum(known) / len(known) >= settings.same_event_threshold:
            merged = ca | cb
            for member in merged:
                cluster[member] = merged
    return tuple(
        Pair(a, b, similarity[(a, b)], cluster[a] is cluster[b] and similarity[(a, b)] > 0) for a, b in pairs
    )
