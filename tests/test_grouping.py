"""The grouping step of the aligner (compare.grouping) on links and scores written out by hand."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import Any

import pytest

from compare import grouping
from compare.align import _thresholds
from compare.grouping import Chain, Thresholds, group_links
from compare.settings import Settings

THRESHOLDS = _thresholds(Settings(), semantic=True)  # the embedding mode's, as the aligner makes them


def _groups(links: dict[tuple[int, int], float], scores: dict[tuple[int, int], float], thresholds: Thresholds) -> tuple[tuple[int, ...], ...]:
    """Groups of one sentence per article (sentence i in article i), ``scores`` of the pairs not linked."""
    count = 1 + max(k for pair in (*links, *scores) for k in pair)

    def similarity(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        return links.get(key, scores.get(key, 0.0))

    ids = [(f"a{i}", 0) for i in range(count)]
    groups, _ = group_links(dict(links), count, list(range(count)), None, similarity, thresholds, ids, list(range(count)))
    return groups


def test_a_weak_link_adds_no_sentence_far_from_a_member() -> None:
    """Two outlets report one fact (0.80); a third outlet's sentence links weakly to the first
    (0.42) and is far from the second (0.22).  Its mean, 0.32, passes the weak member threshold
    (0.31); but it is close to one member only, and stays out (``Settings.weak_near_score``)."""
    links = {(0, 1): 0.8, (0, 2): 0.42}
    scores = {(1, 2): 0.22}
    assert _groups(links, scores, THRESHOLDS) == ((0, 1),)
    assert _groups(links, scores, replace(THRESHOLDS, weak_near=0.0)) == ((0, 1, 2),)
    # Close enough to the second member as well, it joins.
    assert _groups(links, {(1, 2): 0.28}, THRESHOLDS) == ((0, 1, 2),)
    # A strong link is not held to it: the mean decides.
    assert _groups({(0, 1): 0.8, (0, 2): 0.5}, scores, THRESHOLDS) == ((0, 1, 2),)


def test_a_member_may_be_far_from_a_minority_of_a_large_group() -> None:
    """In a group of four outlets, a weakly linked sentence far from one member of three (0.22)
    but close to the other two joins: more than half of its scores reach the score."""
    links = {(0, 1): 0.8, (0, 2): 0.8, (1, 2): 0.8, (0, 3): 0.42}
    assert _groups(links, {(1, 3): 0.4, (2, 3): 0.22}, THRESHOLDS) == ((0, 1, 2, 3),)
    assert _groups(links, {(1, 3): 0.22, (2, 3): 0.22}, replace(THRESHOLDS, weak_member=0.0)) == ((0, 1, 2),)


def test_two_members_far_apart_do_not_share_a_group() -> None:
    """Two sentences each close to a third (0.6) but far from each other (0.15) do not form one
    group of three (``GroupSettings.chain_floor``), though every member's mean passes."""
    links = {(0, 1): 0.6, (1, 2): 0.6}
    assert _groups(links, {(0, 2): 0.15}, THRESHOLDS) == ((0, 1),)
    assert _groups(links, {(0, 2): 0.15}, replace(THRESHOLDS, chain_floor=0.0)) == ((0, 1, 2),)
    assert _groups(links, {(0, 2): 0.25}, THRESHOLDS) == ((0, 1, 2),)


def _grouped(
    links: dict[tuple[int, int], float],
    scores: dict[tuple[int, int], float],
    ids: list[tuple[str, int]],
    thresholds: Thresholds = THRESHOLDS,
    lead: tuple[int, ...] = (),
    short: tuple[int, ...] = (),
    leads: tuple[tuple[int, int], ...] = (),
) -> tuple[tuple[int, ...], ...]:
    """Groups of sentences with the given ``ids`` (article, index), ``scores`` of the pairs not linked."""
    articles = sorted({a for a, _ in ids})

    def similarity(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        return links.get(key, scores.get(key, 0.0))

    article_of = [articles.index(a) for a, _ in ids]
    kinds = list(range(len(ids)))
    groups, _ = group_links(dict(links), len(ids), article_of, None, similarity, thresholds, ids, kinds, (), None, lead, None, Chain(frozenset(short), frozenset(leads)))
    return groups


def test_a_short_sentence_a_lead_or_a_fact_told_over_two_sentences_may_be_far_from_a_member() -> None:
    """The exemptions of ``GroupSettings.chain_floor``: a short sentence (a quotation inside the
    long one), two leads, and a member whose neighbour in its article is linked to the far one."""
    ids = [("a", 0), ("b", 0), ("c", 0)]
    links = {(0, 1): 0.6, (1, 2): 0.6}
    assert _grouped(links, {(0, 2): 0.15}, ids) == ((0, 1),)
    assert _grouped(links, {(0, 2): 0.15}, ids, short=(2,)) == ((0, 1, 2),)
    assert _grouped(links, {(0, 2): 0.15}, ids, lead=(0, 2)) == ((0, 1, 2),)
    # Two far apart in a group of five outlets, each linked to the three others: one event.
    ids = [("a", 0), ("b", 0), ("c", 0), ("d", 0), ("e", 0)]
    many = {(0, 1): 0.6, (0, 2): 0.6, (0, 3): 0.6, (1, 2): 0.6, (1, 3): 0.6, (1, 4): 0.6, (2, 3): 0.6, (2, 4): 0.6, (3, 4): 0.6}
    assert _grouped(many, {(0, 4): 0.15}, ids) == ((0, 1, 2, 3, 4),)
    assert _grouped(many, {(0, 4): 0.15}, ids, thresholds=replace(THRESHOLDS, chain_support=4)) == ((0, 1, 2, 3),)
    ids = [("a", 0), ("b", 0), ("c", 0)]
    # Article a tells the fact over sentences 0 and 1; c's sentence 3 reports its second half.
    ids = [("a", 0), ("a", 1), ("b", 0), ("c", 0)]
    links = {(0, 2): 0.6, (1, 2): 0.55, (1, 3): 0.7, (2, 3): 0.5}
    scores = {(0, 1): 0.5, (0, 3): 0.1}
    assert _grouped(links, scores, ids) == ((0, 1, 2, 3),)
    # Not when the neighbour is not linked to it.
    unlinked = {k: v for k, v in links.items() if k != (1, 3)}
    assert _grouped(unlinked, {**scores, (1, 3): 0.25}, ids) == ((0, 1, 2),)
    assert _grouped(unlinked, {**scores, (1, 3): 0.25}, ids, thresholds=replace(THRESHOLDS, chain_floor=0.0)) == ((0, 1, 2, 3),)


def test_an_articles_second_sentence_far_from_a_sentence_its_first_copies_stays_out() -> None:
    """Article a copies b's sentence (1.0); a's other sentence, not consecutive, links to it at 0.41
    and stays out (``GroupSettings.copy_score``), unless close enough (``copy_second_score``)."""
    ids = [("a", 0), ("a", 5), ("b", 0)]
    scores = {(0, 1): 0.5}
    assert _grouped({(0, 2): 1.0, (1, 2): 0.41}, scores, ids) == ((0, 2),)
    assert _grouped({(0, 2): 1.0, (1, 2): 0.41}, scores, ids, thresholds=replace(THRESHOLDS, copy=2.0)) == ((0, 1, 2),)
    assert _grouped({(0, 2): 1.0, (1, 2): 0.75}, scores, ids) == ((0, 1, 2),)
    assert _grouped({(0, 2): 1.0, (1, 2): 0.6}, scores, ids) == ((0, 2),)  # a resemblance (0.45 → 0.7, session 15)
    assert _grouped({(0, 2): 0.8, (1, 2): 0.41}, scores, ids) == ((0, 1, 2),)
    # Linked to three outlets' members of the group (copy_support), it is in the group on its own.
    ids5 = [("a", 0), ("a", 5), ("b", 0), ("c", 0), ("d", 0)]
    links5 = {(0, 2): 1.0, (1, 2): 0.41, (1, 3): 0.5, (1, 4): 0.5, (2, 3): 0.6, (2, 4): 0.6, (3, 4): 0.6, (0, 3): 0.6, (0, 4): 0.6}
    assert _grouped(links5, scores, ids5) == ((0, 1, 2, 3, 4),)
    assert _grouped(links5, scores, ids5, thresholds=replace(THRESHOLDS, copy_support=4)) == ((0, 2, 3, 4),)
    # Consecutive sentences are one fact told over two: no copy rule.
    assert _grouped({(0, 2): 1.0, (1, 2): 0.41}, scores, [("a", 0), ("a", 1), ("b", 0)], thresholds=replace(THRESHOLDS, neighbour=0.0)) == ((0, 1, 2),)


def test_two_leads_that_do_not_link_are_held_to_the_chain_rule() -> None:
    """Three outlets' leads: the first links to the two others (0.63, 0.48), which do not link
    (0.29, over ``chain_floor``): a lead chain, they stay apart (``GroupSettings.lead_floor``)."""
    ids = [("a", 0), ("b", 0), ("c", 1)]
    links = {(0, 1): 0.63, (0, 2): 0.48}
    assert _grouped(links, {(1, 2): 0.29}, ids, leads=((1, 2),)) == ((0, 1),)
    assert _grouped(links, {(1, 2): 0.29}, ids) == ((0, 1, 2),)


def test_two_groups_of_one_fact_each_merge_only_when_close_across() -> None:
    """Two pairs, each one fact (0.6 within), and one link between them (0.45): across they score
    0.3 on average, under ``merge_mean`` and under ``merge_ratio`` of 0.6, so they stay two groups
    (``GroupSettings.merge_mean``); close across (0.5), or held by a fact told over two consecutive
    sentences of one article, they merge."""
    ids = [("a", 0), ("b", 0), ("a", 5), ("c", 0)]
    links = {(0, 1): 0.6, (2, 3): 0.6, (1, 2): 0.45}
    far = {(0, 3): 0.25, (1, 3): 0.2, (0, 2): 0.4}
    rule = replace(THRESHOLDS, merge_mean=0.45, merge_ratio=0.75, merge_most=3)
    assert _grouped(links, far, ids, thresholds=rule) == ((0, 1), (2, 3))
    assert _grouped(links, far, ids, thresholds=replace(rule, merge_mean=0.0)) == ((0, 2, 1, 3),)
    assert _grouped(links, far, ids, thresholds=replace(rule, merge_most=1)) == ((0, 2, 1, 3),)
    close = {(0, 3): 0.5, (1, 3): 0.55, (0, 2): 0.4}
    assert _grouped(links, close, ids, thresholds=rule) == ((0, 2, 1, 3),)
    told_over_two = [("a", 0), ("b", 0), ("a", 1), ("c", 0)]
    assert _grouped(links, far, told_over_two, thresholds=replace(rule, neighbour=0.0)) == ((0, 2, 1, 3),)


def _story_of_kinds(rng: random.Random) -> tuple[list[tuple[str, int]], list[int], list[int], dict[tuple[int, int], float]]:
    """A random story of a few articles whose sentences come in kinds (copies: one article, scoring
    alike with any other sentence): the ids, each sentence's article and kind, and the kinds' scores."""
    ids: list[tuple[str, int]] = []
    article_of: list[int] = []
    kinds: list[int] = []
    kind = 0
    for article in range(rng.randint(2, 4)):
        own = list(range(kind, kind + rng.randint(1, 3)))
        kind += len(own)
        for index in range(rng.randint(1, 9)):
            ids.append((f"a{article}", index + (3 if index > 4 else 0)))
            article_of.append(article)
            kinds.append(rng.choice(own))
    scores = {(x, y): rng.choice((0.1, 0.15, 0.25, 0.35, 0.6)) for x in range(kind) for y in range(x, kind)}
    return ids, article_of, kinds, scores


def _members_of(found: list[int], kinds: list[int], article_of: list[int]) -> grouping._Members:
    group = grouping._Members(found[0], kinds[found[0]], article_of[found[0]])
    for k in found[1:]:
        group.by_kind.setdefault(kinds[k], []).append(k)
        group.article[kinds[k]] = article_of[k]
        group.size += 1
    return group


@pytest.mark.parametrize("seed", range(300))
def test_the_chain_rule_read_kind_by_kind_is_the_rule_read_pair_by_pair(seed: int) -> None:
    """``grouping._chained`` reads the pairs of kinds, then the members of a pair far apart only; on
    random stories of copies it decides as the rule written out over every pair of members
    (:func:`_chained_pair_by_pair`, the function before session 24)."""
    rng = random.Random(seed)
    ids, article_of, kinds, scores = _story_of_kinds(rng)

    def similarity(i: int, j: int) -> float:
        return scores[(min(kinds[i], kinds[j]), max(kinds[i], kinds[j]))]

    order = list(range(len(ids)))
    rng.shuffle(order)
    cut = rng.randint(1, len(order) - 1)
    first, second = _members_of(order[:cut], kinds, article_of), _members_of(order[cut:], kinds, article_of)
    lead_kinds = {k for k in set(kinds) if rng.random() < 0.3}
    leads = frozenset((i, j) for i in range(len(ids)) for j in range(i + 1, len(ids)) if kinds[i] in lead_kinds and kinds[j] in lead_kinds and article_of[i] != article_of[j] and similarity(i, j) < 0.3)
    chain = Chain(frozenset(k for k in range(len(ids)) if rng.random() < 0.1), leads)
    lead = {k for k in range(len(ids)) if rng.random() < 0.3}
    barred = (rng.randrange(4), rng.randrange(4))
    allowed = None if rng.random() < 0.5 else (lambda a, b: {a, b} != set(barred))
    thresholds = replace(THRESHOLDS, chain_support=rng.randint(1, 3))
    args = (first, second, ids, article_of, allowed, similarity, thresholds, lead, chain)
    assert grouping._chained(*args) == _chained_pair_by_pair(*args)


def _chained_pair_by_pair(  # grouping._chained before session 24: every pair of members read
    first: grouping._Members,
    second: grouping._Members,
    ids: Sequence[tuple[str, int]],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: Thresholds,
    lead: Collection[int],
    chain: Chain,
) -> bool:
    pairs = [
        (p, q)
        for kind, found in first.by_kind.items()
        for other_kind, others in second.by_kind.items()
        if first.article[kind] != second.article[other_kind] and (allowed is None or allowed(first.article[kind], second.article[other_kind]))
        for p in found
        for q in others
        if similarity(p, q) < thresholds.chain_floor or (min(p, q), max(p, q)) in chain.leads
    ]
    where = {ids[k]: k for group in (first, second) for k in group.members()}

    def told_over_two(p: int, q: int) -> bool:
        article, index = ids[p]
        return any(n is not None and similarity(n, q) >= thresholds.link for n in (where.get((article, index - 1)), where.get((article, index + 1))))

    def compared(k: int, p: int) -> bool:
        return allowed is None or allowed(article_of[k], article_of[p])

    def bridged(p: int, q: int) -> bool:
        a, b = ids[p][0], ids[q][0]
        found = sum(1 for k in where.values() if ids[k][0] not in (a, b) and compared(k, p) and compared(k, q) and min(similarity(k, p), similarity(k, q)) >= thresholds.link)
        return found >= thresholds.chain_support

    return any(
        not (p in chain.short or q in chain.short or (p in lead and q in lead) or told_over_two(p, q) or told_over_two(q, p) or bridged(p, q))
        for p, q in pairs
    )


def test_a_fact_repeated_thousands_of_times_costs_the_chain_rule_its_kinds_not_its_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two articles repeating two sentences, each the other's version of one fact ('"We will see," he
    said.' after "Officials said the talks went well."): every merge of a copy into its fact's group
    read every pair of members of the two groups for the chain rule (``GroupSettings.chain_floor``),
    the square of the copies (160,000 characters: 130 s and 4.3 GB).  Counted: the scores the rule
    reads, one or two a merge now (the pairs of kinds), against 80,000 before."""
    n = 200  # copies of each sentence in each article
    ids = [(article, index) for article in "ab" for index in range(2 * n)]
    article_of = [0] * (2 * n) + [1] * (2 * n)
    kinds = [k % 2 + 2 * (k >= 2 * n) for k in range(4 * n)]  # a: X Y X Y ..., b: X' Y' X' Y' ...
    scores = {(0, 0): 1.0, (1, 1): 1.0, (2, 2): 1.0, (3, 3): 1.0, (0, 1): 0.1, (2, 3): 0.1, (0, 2): 0.8, (1, 3): 0.8, (0, 3): 0.1, (1, 2): 0.1}

    def similarity(i: int, j: int) -> float:
        return scores[(min(kinds[i], kinds[j]), max(kinds[i], kinds[j]))]

    links = {(k, 2 * n + m): 0.8 for k in range(2 * n) for m in (k, (k + 2) % (2 * n))}
    read = [0]
    chained = grouping._chained

    def counted(first: grouping._Members, second: grouping._Members, ids: Any, article_of: Any, allowed: Any, similarity: Callable[[int, int], float], *rest: Any) -> bool:
        def scored(i: int, j: int) -> float:
            read[0] += 1
            return similarity(i, j)

        return chained(first, second, ids, article_of, allowed, scored, *rest)

    monkeypatch.setattr(grouping, "_chained", counted)
    groups, _ = group_links(links, 4 * n, article_of, None, similarity, THRESHOLDS, ids, kinds, chain=Chain())
    assert sorted(map(len, groups)) == [2 * n, 2 * n]
    assert read[0] <= 2 * 4 * n  # 798, one or two a merge; pair by pair 80,000
