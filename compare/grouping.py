"""The grouping step of the aligner (:mod:`compare.align`, step 4): links taken strongest first
become groups, and a merge of two groups must leave every member close to the group."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from compare.similarity import SCORE_DECIMALS as _ROUND


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The grouping's thresholds, from :class:`~compare.settings.Settings` in the mode with
    embeddings or without (:func:`compare.align._thresholds`)."""

    member: float  # a member's least mean score with the other articles' members
    link: float  # links under it are ranked after every stronger one
    same_article: float  # two sentences of one article that are not consecutive are one fact at this score
    weak_score: float  # a link under it adds to a group of two or more only at ``weak_member`` and ``weak_near``
    weak_member: float
    weak_near: float  # after a weak link, more than half of each member's scores with the other articles' reach it
    part_offset: float  # a link made by a part ranks this much lower
    max_kinds: int  # the most kinds (different wordings) a group may hold
    neighbour: float  # consecutive sentences of one article not repeating each other: each member's least mean
    quote_neighbour: float = 0.0  # ... when one of the two is mostly quotation (Chain.quoted; 0: ``neighbour``)
    chain_floor: float = 0.0  # the least score of two members of different articles (GroupSettings.chain_floor)
    chain_support: int = 0  # ... unless this many members of other articles link to both
    copy: float = 2.0  # a member copies another article's at this score (GroupSettings.copy_score) ...
    copy_second: float = 0.0  # ... and that article's other, non-consecutive member must reach this with it
    copy_support: int = 0  # ... unless it links to this many members of other articles (0: no exemption)
    merge_mean: float = 0.0  # two groups of two or more members each merge only at this mean score across them (GroupSettings.merge_mean) ...
    merge_ratio: float = 0.0  # ... or this share of the lower mean within each (GroupSettings.merge_ratio; 0: the mean alone) ...
    merge_most: int = 0  # ... when neither group has more members than this (GroupSettings.merge_most; 0: any size)
    neighbour_linked: float = 0.0  # a neighbour under this with its neighbour, linked to every other article's member, needs no neighbour mean (GroupSettings.neighbour_linked)
    halves: float = 0.0  # two sentences of one article under this together, each linked to every other article's member, are halves of one fact (GroupSettings.halves_apart)


@dataclass(frozen=True, slots=True)
class Chain:
    """What :func:`_chained` needs beyond the scores: the ``short`` sentences, exempt from
    ``Thresholds.chain_floor``, and the pairs of two articles' ``leads`` that do not link, which
    may share a group only as two far apart may (``GroupSettings.lead_floor``)."""

    short: frozenset[int] = frozenset()
    leads: frozenset[tuple[int, int]] = frozenset()  # (i, j), i < j; all pairs of two kinds or none (a kind is leads or not)
    quoted: frozenset[int] = frozenset()
    """The sentences that are mostly quotation (``Settings.quote_share``) ..."""
    said: frozenset[int] = frozenset()
    """... and those with a word of attribution ("said", "asked"): one of the first with its
    neighbour of either is one remark, quoted and continued or told and quoted
    (``GroupSettings.quote_neighbour_threshold``)."""
    tells_both: Callable[[int, int, int, Sequence[int], Sequence[int]], bool] | None = None
    """``tells_both(k, p, q, ps, qs)``: whether sentence ``k`` shares words of substance with ``p``
    that the sentences ``qs`` of ``q``'s group and article lack, and with ``q`` that ``ps`` lack
    (``GroupSettings.halves_apart``; None: never)."""

    apart: frozenset[tuple[int, int]] = frozenset()
    """Pairs (i, j), i < j, never in one group, whatever links each has to the others: a claim and
    its denial (``GroupSettings.denial_max_score``), a lead and a remark on an earlier case of its
    event (``GroupSettings.earlier_max_score``), two sentences a link check refused as two facts
    (``GroupSettings.checks_apart``)."""

    def remark(self, p: int, q: int) -> bool:
        """Whether consecutive sentences ``p`` and ``q`` are one remark told over two (see ``said``)."""
        return (p in self.quoted and (q in self.quoted or q in self.said)) or (q in self.quoted and p in self.said)


def group_links(
    links: dict[tuple[int, int], float],
    count: int,
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    ids: Sequence[tuple[str, int]],
    kinds: Sequence[int],
    by_part: Collection[tuple[int, int]] = (),
    story_rank: Mapping[tuple[int, int], float] | None = None,
    lead: Collection[int] = (),
    remarks: Callable[[int, int], bool] | None = None,
    chain: Chain | None = None,
) -> tuple[tuple[tuple[int, ...], ...], int]:
    """Groups from the links, strongest first; a merge must leave every member cohesive.
    Also the number of groups that refused a merge for the most kinds a group may hold.

    ``kinds[i]``: sentences of one kind score alike with any other sentence, so a group
    keeps its members by kind, with each kind's sum of scores with the members of the
    other articles; a merge is checked kind by kind (see :class:`_Members`).

    ``thresholds``: see :class:`Thresholds` (the most kinds a group may hold bounds a merge's
    check, which costs the number of kinds: a larger merge is refused).  A link made by a part of a
    sentence (``by_part``) is ranked that offset lower than its score: a part scores high on
    the few words it has (the reason its threshold is higher by as much), and ranked at its
    score it would pull its sentence away from the group the whole sentence belongs to.
    ``remarks(i, j)``: whether two sentences are different remarks (see :func:`_one_fact`); ``chain``: :class:`Chain`."""
    full: set[int] = set()  # the larger group of each merge refused for max_kinds
    later = set(by_part)
    parent = list(range(count))
    groups: dict[int, _Members] = {i: _Members(i, kinds[i], article_of[i]) for i in range(count)}
    refused: set[tuple[int, int, int, int, bool]] = set()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ranked = story_rank or {}

    def order(item: tuple[tuple[int, int], float]) -> tuple[bool, float, tuple[str, int], tuple[str, int]]:
        (i, j), value = item
        a, b = sorted((ids[i], ids[j]))
        value = ranked.get((i, j), value)
        return (value < thresholds.link, -round(value - thresholds.part_offset, _ROUND) if (i, j) in later else -value, a, b)

    for (i, j), value in sorted(links.items(), key=order):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        gi, gj = groups[ri], groups[rj]
        weak = value < thresholds.weak_score and max(gi.size, gj.size) > 1
        key = (ri, gi.size, rj, gj.size, weak)  # members only grow: a stronger link may make a merge a weak one could not
        if key in refused:
            continue
        if _too_many_kinds(gi, gj, thresholds.max_kinds):
            refused.add(key)
            full.add(ri if len(gi.by_kind) >= len(gj.by_kind) else rj)
            continue
        least = max(thresholds.member, thresholds.weak_member) if weak else thresholds.member
        merged = gi.merge(gj, ids, article_of, allowed, similarity, least, thresholds, lead, weak, remarks, chain)
        if merged is None:
            refused.add(key)
            continue
        keep, gone = (ri, rj) if gi.size >= gj.size else (rj, ri)
        parent[gone] = keep
        groups[keep] = merged
        del groups[gone]

    out = [
        tuple(sorted(group.members(), key=lambda k: ids[k]))
        for group in groups.values()
        if len({article_of[k] for k in group.members()}) >= 2
    ]
    out.sort(key=lambda g: [ids[k] for k in g])
    return tuple(out), len(full)


def _too_many_kinds(first: _Members, second: _Members, limit: int) -> bool:
    """Whether the two groups merged would hold more than ``limit`` kinds (different wordings)."""
    if len(first.by_kind) + len(second.by_kind) <= limit:
        return False
    small, large = (first, second) if len(first.by_kind) <= len(second.by_kind) else (second, first)
    return len(large.by_kind) + sum(1 for kind in small.by_kind if kind not in large.by_kind) > limit


_UNITS = 10**_ROUND  # scores are rounded to _ROUND decimals: as integers of this unit they add exactly


class _Members:
    """A group's members by kind, and per kind the sum (in ``_UNITS``) and number of its
    scores with the group's members of other (allowed) articles, and how many of those scores reach
    ``Thresholds.weak_near``, the same for every member of the kind.  A merge of two groups is then
    checked on the pairs of kinds."""

    __slots__ = ("article", "by_kind", "size", "sums")

    def __init__(self, i: int, kind: int, article: int) -> None:
        self.by_kind: dict[int, list[int]] = {kind: [i]}
        self.article: dict[int, int] = {kind: article}
        self.sums: dict[int, tuple[int, int, int]] = {kind: (0, 0, 0)}
        self.size = 1

    def same_article(self, other: _Members) -> Iterator[tuple[int, list[int], int, list[int]]]:
        """(kind, its members, the other group's kind, its members) for each two kinds of one article."""
        for kind, found in self.by_kind.items():
            for other_kind, others in other.by_kind.items():
                if other.article[other_kind] == self.article[kind]:
                    yield kind, found, other_kind, others

    def members(self) -> list[int]:
        return [k for found in self.by_kind.values() for k in found]

    def merge(
        self,
        other: _Members,
        ids: Sequence[tuple[str, int]],
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        similarity: Callable[[int, int], float],
        threshold: float,
        thresholds: Thresholds,
        lead: Collection[int] = (),
        weak: bool = False,
        remarks: Callable[[int, int], bool] | None = None,
        chain: Chain | None = None,
    ) -> _Members | None:
        """The merged group, or None when it would not be one fact (:func:`_one_fact`, at
        ``thresholds.same_article``) or not cohesive: a member's mean score with the other articles'
        members below ``threshold``, or below ``thresholds.neighbour`` for a sentence that shares the
        group with its neighbour in its article without repeating it, unless both are of the
        article's ``lead``; or, for a merge made by a ``weak`` link, half or fewer of a member's
        scores with the other articles' members at ``thresholds.weak_near``: a sentence close to one
        member of a group and far from the other (a lead with the lead of another article and a
        later sentence that only shares its subject) is not the group's fact.  Nor a claim and its
        denial, or a lead and a remark on an earlier case (:attr:`Chain.apart`).  Nor when two members
        of different articles are far apart (:func:`_chained`), or an article's second sentence is
        far from a sentence that its first copies (:func:`_copied_apart`)."""
        close = _one_fact(self, other, ids, similarity, thresholds, lead, remarks, chain or Chain())
        if close is None or (chain is not None and chain.apart and _denied(self, other, chain.apart)):
            return None
        if _copied_apart(self, other, ids, allowed, similarity, thresholds, lead):
            return None
        if thresholds.merge_mean and _apart(self, other, ids, allowed, similarity, thresholds.merge_mean, thresholds.merge_ratio, thresholds.merge_most):
            return None
        if thresholds.chain_floor and _chained(self, other, ids, article_of, allowed, similarity, thresholds, lead, chain or Chain()):
            return None
        added_self = self._added(other, allowed, similarity, thresholds.weak_near)
        added_other = other._added(self, allowed, similarity, thresholds.weak_near)
        halves = close[2]
        for added, near, group in ((added_self, close[0], self), (added_other, close[1], other)):
            for kind, (units, n, close_to) in added.items():
                linked = kind in near and kind not in halves and _linked_to_all(group.by_kind[kind][0], group.article[kind], (self, other), allowed, similarity, thresholds)
                least = max(threshold, near[kind]) if kind in near and not linked else threshold
                if n and (units / (n * _UNITS) < least - 1e-12 or (weak and 2 * close_to <= n)):
                    return None
        big, small = (self, other) if self.size >= other.size else (other, self)
        out = _Members.__new__(_Members)
        out.by_kind = {kind: list(found) for kind, found in big.by_kind.items()}
        for kind, found in small.by_kind.items():
            out.by_kind.setdefault(kind, []).extend(found)
        out.article = {**big.article, **small.article}
        out.sums = {**added_self, **added_other}
        out.size = self.size + other.size
        return out

    def mean_within(self) -> float | None:
        """The mean score of the group's members with its members of other (allowed) articles, from
        :attr:`sums` (each pair counted from both sides); None when there are none."""
        units = sum(len(self.by_kind[kind]) * total for kind, (total, _, _) in self.sums.items())
        n = sum(len(self.by_kind[kind]) * count for kind, (_, count, _) in self.sums.items())
        return units / (n * _UNITS) if n else None

    def _added(
        self, other: _Members, allowed: Callable[[int, int], bool] | None, similarity: Callable[[int, int], float], near: float
    ) -> dict[int, tuple[int, int, int]]:
        """Each of this group's kinds' sum, count and count of scores at ``near``, with the members
        of ``other`` added."""
        out: dict[int, tuple[int, int, int]] = {}
        for kind, found in self.by_kind.items():
            units, n, close_to = self.sums[kind]
            a, m = self.article[kind], found[0]
            for other_kind, others in other.by_kind.items():
                b = other.article[other_kind]
                if a == b or (allowed is not None and not allowed(a, b)):
                    continue
                value = round(similarity(m, others[0]) * _UNITS)
                units += len(others) * value
                n += len(others)
                close_to += len(others) if value >= round(near * _UNITS) else 0
            out[kind] = (units, n, close_to)
        return out


def _linked_to_all(
    m: int,
    article: int,
    groups: Sequence[_Members],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
) -> bool:
    """Whether ``m`` (of ``article``) links, at ``thresholds.link``, to every member of the other
    (allowed) articles in ``groups``, with ``GroupSettings.neighbour_linked`` on: as a half of a
    fact told over two sentences, it needs no neighbour's mean."""
    return bool(thresholds.neighbour_linked) and all(
        similarity(m, found[0]) >= thresholds.link
        for group in groups
        for kind, found in group.by_kind.items()
        if group.article[kind] != article and (allowed is None or allowed(article, group.article[kind]))
    )


def _apart(
    first: _Members,
    second: _Members,
    ids: Sequence[tuple[str, int]],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    least: float,
    ratio: float = 0.0,
    most: int = 0,
) -> bool:
    """Whether two groups of two or more members each are, on average over their pairs of members
    of different (allowed) articles, under ``least`` together (``GroupSettings.merge_mean``): two
    facts, each held by its own members, that one link joins (two facts of one episode).  Not when
    an article has consecutive sentences one in each: a fact told over two sentences (a quotation
    continued), whose halves are the two groups, and another outlet tells it in one."""
    if min(first.size, second.size) < 2 or (most and max(first.size, second.size) > most):
        return False
    if any(abs(ids[p][1] - ids[q][1]) == 1 for _, found, _, others in first.same_article(second) for p in found for q in others):
        return False
    across = _mean_across(first, second, allowed, similarity)
    if across is None or across >= least:
        return False
    if not ratio:
        return True
    within = [group.mean_within() for group in (first, second)]
    return across < ratio * min((w for w in within if w is not None), default=0.0)


def _mean_across(
    first: _Members, second: _Members, allowed: Callable[[int, int], bool] | None, similarity: Callable[[int, int], float]
) -> float | None:
    """The mean score of the members of ``first`` with those of ``second`` of other (allowed)
    articles; None when there are none."""
    units = n = 0
    for kind, found in first.by_kind.items():
        a = first.article[kind]
        for other_kind, others in second.by_kind.items():
            b = second.article[other_kind]
            if a == b or (allowed is not None and not allowed(a, b)):
                continue
            units += len(found) * len(others) * round(similarity(found[0], others[0]) * _UNITS)
            n += len(found) * len(others)
    return units / (n * _UNITS) if n else None


def _one_fact(
    first: _Members,
    second: _Members,
    ids: Sequence[tuple[str, int]],
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    lead: Collection[int] = (),
    remarks: Callable[[int, int], bool] | None = None,
    chain: Chain = Chain(),
) -> tuple[dict[int, float], dict[int, float], set[int]] | None:
    """Whether the members that one article contributes to the two groups merged are one
    fact: consecutive sentences (a fact told over two), or sentences that repeat each other
    (a headline and its lead), scoring at least ``thresholds.same_article`` together.  Two different
    statements of one article never share a group, so a sentence that links to both cannot
    chain them.  (Each group is one fact already: only the pairs across them are checked.)
    None when they are not; else the kinds of each group that are one fact with the other
    group's only by being consecutive, which must be close to the group on their own, each with
    the least mean it needs (``Settings.neighbour_member_threshold``: "the next sentence" is not
    the same fact; ``GroupSettings.quote_neighbour_threshold`` when the two are one remark told
    over two sentences, :meth:`Chain.remark`).
    Sentences of an article's ``lead`` (its headline and first sentences) are exempt: they
    tell its main event together.  Two sentences that are different ``remarks`` (two quotations of
    one speaker sharing no run of words) are not one fact however close, unless consecutive.
    Third, the kinds of either group in such a consecutive pair that scores at least
    ``thresholds.neighbour_linked`` with its neighbour: two neighbours that say much the same
    without repeating each other are not the two halves of one fact (``GroupSettings.neighbour_linked``)."""
    near: tuple[dict[int, float], dict[int, float]] = ({}, {})
    halves: set[int] = set()
    for kind, found, other_kind, others in first.same_article(second):
        apart = any(abs(ids[p][1] - ids[q][1]) != 1 for p in found for q in others)
        if apart and _halves(first, second, first.article[kind], found[0], others[0], similarity, thresholds, chain):
            continue
        if apart and remarks is not None and remarks(found[0], others[0]):
            return None
        value = similarity(found[0], others[0])
        if value < thresholds.same_article:
            if apart:
                return None
            if all(p in lead for p in (*found, *others)):
                continue
            if value >= thresholds.neighbour_linked:
                halves.update((kind, other_kind))
            told = thresholds.quote_neighbour and chain.remark(found[0], others[0])
            least = min(thresholds.quote_neighbour, thresholds.neighbour) if told else thresholds.neighbour
            near[0][kind] = max(least, near[0].get(kind, 0.0))
            near[1][other_kind] = max(least, near[1].get(other_kind, 0.0))
    return (*near, halves)


def _halves(
    first: _Members,
    second: _Members,
    article: int,
    p: int,
    q: int,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    chain: Chain,
) -> bool:
    """Whether ``p`` and ``q``, two sentences of ``article`` that are not consecutive, are two halves
    of one fact that the other articles tell in one sentence (``GroupSettings.halves_apart``): they
    score under ``thresholds.halves`` together (they say different things, not the same thing
    twice) and every member of the other articles in the two groups links (at ``thresholds.link``)
    to both, sharing words of substance with each that the other lacks (``chain.tells_both``) ("'It's destructive,' said Robert Gibbs" and, later, Gibbs's "nastiness, divisiveness,
    ugliness" against the Times' "'It's destructive,' Mr. Gibbs said ..., adding that it reflected
    the 'nastiness, divisiveness, ugliness' ...")."""
    tells = chain.tells_both
    if not thresholds.halves or tells is None or similarity(p, q) >= thresholds.halves:
        return False
    others = [found[0] for group in (first, second) for kind, found in group.by_kind.items() if group.article[kind] != article]
    ps, qs = ([m for kind, found in group.by_kind.items() if group.article[kind] == article for m in found] for group in (first, second))
    return bool(others) and all(min(similarity(k, p), similarity(k, q)) >= thresholds.link and tells(k, p, q, ps, qs) for k in others)


def _denied(first: _Members, second: _Members, apart: frozenset[tuple[int, int]]) -> bool:
    """Whether the merge would put in one group two sentences kept apart (:attr:`Chain.apart`): a claim
    and its denial, a lead and a remark on an earlier case."""
    a, b = first.members(), second.members()
    if len(apart) <= len(a) * len(b):
        x, y = set(a), set(b)
        return any((p in x and q in y) or (p in y and q in x) for p, q in apart)
    # Fewer pairs across the two groups than pairs kept apart (a story of many articles, each with a
    # remark on an earlier case: thousands of pairs, read at each of hundreds of merges).
    return any((p, q) in apart or (q, p) in apart for p in a for q in b)


def _copied_apart(
    first: _Members,
    second: _Members,
    ids: Sequence[tuple[str, int]],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    lead: Collection[int] = (),
) -> bool:
    """Whether the merge would put two non-consecutive sentences of one article in a group (one from
    each group) with a sentence of another article that one of them copies (at least
    ``thresholds.copy``) while the other is far from it (under ``thresholds.copy_second``): the
    copy reports that fact, the other sentence something else (``GroupSettings.copy_score``).
    Sentences of an article's ``lead`` are exempt, and so is the far one when it links to
    ``thresholds.copy_support`` members of other articles in the merged group.  Only articles that
    may be compared with that article (``allowed``, the ``--pair`` option) count."""
    if thresholds.copy > 1.0:
        return False
    for kind, found, _, others in first.same_article(second):
        if all(p in lead for p in (*found, *others)):
            continue
        a = first.article[kind]
        if not any(abs(ids[p][1] - ids[q][1]) != 1 for p in found for q in others):
            continue
        p, q = found[0], others[0]
        thirds = [  # (a member of each kind of the other articles, the kind's size)
            (members[0], len(members))
            for group in (first, second)
            for third, members in group.by_kind.items()
            if group.article[third] != a and (allowed is None or allowed(a, group.article[third]))
        ]
        for r, _ in thirds:
            near, far = sorted((similarity(p, r), similarity(q, r)), reverse=True)
            if near >= thresholds.copy and far < thresholds.copy_second:
                loose = q if similarity(q, r) == far else p
                support = sum(size for k, size in thirds if similarity(loose, k) >= thresholds.link)  # members, not kinds
                if thresholds.copy_support and support >= thresholds.copy_support:
                    continue  # linked to several outlets' sentences of the group: in it on its own
                return True
    return False


def _chained(
    first: _Members,
    second: _Members,
    ids: Sequence[tuple[str, int]],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    lead: Collection[int] = (),
    chain: Chain = Chain(),
) -> bool:
    """Whether the merge would put in one group two sentences of different articles that score under
    ``thresholds.chain_floor`` together (``GroupSettings.chain_floor``), or two leads that do not
    link (``chain.leads``): a chain through a sentence that reports two things.  Exempt: a short
    sentence (``chain.short``), two sentences of articles' ``lead`` (a headline and the sentence after it),
    a sentence whose neighbour in its article (in the merged group) links to the other (at
    ``thresholds.link``): the two tell one fact over two sentences; and two sentences that
    ``thresholds.chain_support`` members of other articles link to, each to both.

    Read kind by kind (the members of a kind score alike with any sentence, and are leads alike):
    the pairs of kinds, then the members of a pair of kinds far apart only, each once, so a merge
    costs its kinds' pairs and not its members' (a quotation repeated thousands of times in two
    articles cost the square of its copies at every merge)."""
    groups, link = (first, second), thresholds.link
    where: dict[tuple[str, int], int] = {}

    def compared(a: int, b: int) -> bool:
        return allowed is None or allowed(a, b)

    def told_over_two(p: int, q: int) -> bool:  # p's neighbour in its article, in the merged group, links to q
        if not where:
            where.update((ids[k], k) for group in groups for k in group.members())
        article, index = ids[p]
        return any(n is not None and similarity(n, q) >= link for n in (where.get((article, index - 1)), where.get((article, index + 1))))

    def bridged(p: int, q: int) -> bool:  # several members of other articles (compared with both) are linked to both
        a, b = article_of[p], article_of[q]
        found = sum(
            len(members)
            for group in groups
            for kind, members in group.by_kind.items()
            if group.article[kind] not in (a, b) and compared(group.article[kind], a) and compared(group.article[kind], b)
            and min(similarity(members[0], p), similarity(members[0], q)) >= link
        )
        return found >= thresholds.chain_support

    for kind, found in first.by_kind.items():
        for other_kind, others in second.by_kind.items():
            a, b = first.article[kind], second.article[other_kind]
            p, q = found[0], others[0]
            if a == b or not compared(a, b) or not (similarity(p, q) < thresholds.chain_floor or (min(p, q), max(p, q)) in chain.leads):
                continue
            if bridged(p, q):
                continue
            far = [m for m in found if m not in chain.short and not told_over_two(m, q)]  # exempt with none of others
            if not far:
                continue
            near = [m for m in others if m not in chain.short and not told_over_two(m, p)]
            if near and not (all(m in lead for m in far) and all(m in lead for m in near)):
                return True
    return False
