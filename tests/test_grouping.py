"""The grouping step of the aligner (compare.grouping) on links and scores written out by hand."""

from __future__ import annotations

from dataclasses import replace

from compare.align import _thresholds
from compare.grouping import Thresholds, group_links
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
