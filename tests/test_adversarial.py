"""Inputs built to be slow stay near-linear: the group statistics of a giant group take a
bounded number of pairs (``Settings.group_pairs_max``).  ``benchmarks/adversarial.py``
measures the shapes at up to 500,000 characters."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import pytest

from compare import Settings, compare
from compare.analyze.groups import cross_pairs


@pytest.mark.parametrize("articles", ["ab", "aaabbc", "abbbbbbbc", "aaaaaaaaab"])
def test_cross_pairs_are_all_pairs_of_different_articles_within_the_limit(articles: str) -> None:
    every = [(a, b) for a, b in combinations(range(len(articles)), 2) if articles[a] != articles[b]]
    assert cross_pairs(list(articles), len(every)) == every
    assert cross_pairs(list(articles), 1_000) == every


@pytest.mark.parametrize(("sizes", "limit"), [((3, 2, 1), 6), ((400, 400), 1_000), ((1, 999), 100), ((500, 300, 200), 2_000)])
def test_cross_pairs_of_a_giant_group_are_bounded_and_cover_every_member(sizes: tuple[int, ...], limit: int) -> None:
    articles = [name for name, size in zip("abc", sizes, strict=False) for _ in range(size)]
    pairs = cross_pairs(articles, limit)
    assert len(pairs) <= max(limit, len(articles)) * 2
    assert all(a < b and articles[a] != articles[b] for a, b in pairs)
    assert len(set(pairs)) == len(pairs)
    assert {k for pair in pairs for k in pair} == set(range(len(articles)))  # no member left out


def test_one_sentence_repeated_makes_one_group_with_bounded_statistics() -> None:
    one = "NATO Secretary General Anders Fogh Rasmussen said on Monday that the alliance and Russia would cooperate. "
    two = "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on defence. "
    records = [{"id": "a", "text": one * 120}, {"id": "b", "text": two * 120}]
    settings = replace(Settings(), group_pairs_max=500)
    result = compare(records, settings)
    assert len(result.groups) == 1
    (group,) = result.groups
    assert len(group.members) == 240
    assert 0 < group.score <= 1


def test_one_sentence_repeated_still_makes_one_group_when_the_candidates_are_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each copy is scored against the first few copies of its match only (Settings.max_candidates),
    and the copies still make one group."""
    from compare import candidates

    monkeypatch.setattr(candidates, "MIN_CANDIDATES", 0)
    one = "NATO Secretary General Anders Fogh Rasmussen said on Monday that the alliance and Russia would cooperate. "
    two = "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on defence. "
    records = [{"id": "a", "text": one * 150}, {"id": "b", "text": two * 150}]
    for semantic in (False, True):
        result = compare(records, replace(Settings(), max_candidates=2, semantic=semantic))
        assert [len(g.members) for g in result.groups] == [300]


def test_numbers_inside_many_dates_are_found_in_linear_time() -> None:
    """A number inside a date is no quantity; each number is looked up among the dates by
    bisection (it was a scan of every date: 2,000 dates and numbers took 10 s in a fuzzed case)."""
    import time

    from compare.analyze.quantities import find_quantities

    assert [q.value for q in find_quantities("On Nov. 20, 2010 27 troops, and 4 tanks on 3 May 2011.")] == [27, 4]
    text = "Nov. 20, 2010 27, " * 20_000
    started = time.process_time()
    found = find_quantities(text)
    assert len(found) == 20_000 and {q.value for q in found} == {27}
    assert time.process_time() - started < 30  # about 3 s here; a scan of every date takes minutes
