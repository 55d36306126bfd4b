"""The grouping step of the aligner (compare.grouping) on links and scores written out by hand."""

from __future__ import annotations

from dataclasses import replace

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
