"""compare.centring: the candidate pairs of the story cosines.

``StoryCosines.above`` multiplies the distinct rows only: copies of one text embed alike, and a
sentence repeated through two articles multiplied every copy against every copy (session 24's red
team: 17 s at 160,000 characters).  It must find what multiplying every sentence by every other finds
(:func:`_reference`, the rule written out pair by pair)."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Callable

import numpy as np
import pytest

from compare import candidates
from compare.centring import StoryCosines


def _reference(
    vectors: np.ndarray,
    text_of: list[int],
    pool_cosines: np.ndarray,
    article_of: list[int],
    allowed: Callable[[int, int], bool] | None,
    threshold: float,
    keep: int,
) -> list[tuple[int, int]]:
    """Every pair of sentences of two articles at or above ``threshold``; over the limit, each
    sentence's ``keep`` best in each other article (the first in reading order among equal cosines),
    taken either way.  A pair's cosine is its two texts' (copies embed alike)."""
    n = len(article_of)

    def cos(i: int, j: int) -> float:
        return float(pool_cosines[text_of[i], text_of[j]])

    every = [
        (i, j) for i in range(n) for j in range(i + 1, n) if article_of[i] != article_of[j] and cos(i, j) >= threshold - 1e-6
    ]
    if len(every) <= max(candidates.MIN_CANDIDATES, keep * n):
        return [(i, j) for i, j in every if allowed is None or allowed(article_of[i], article_of[j])]
    out: set[tuple[int, int]] = set()
    for i in range(n):
        for a in sorted(set(article_of)):
            if a == article_of[i] or (allowed is not None and not allowed(article_of[i], a)):
                continue
            ranked = sorted((j for j in range(n) if article_of[j] == a), key=lambda j: (-cos(i, j), j))[:keep]
            out.update((min(i, j), max(i, j)) for j in ranked if cos(i, j) >= threshold - 1e-6)
    return sorted(out)


@pytest.mark.parametrize("seed", range(60))
def test_above_finds_what_multiplying_every_pair_finds(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    numbers = np.random.default_rng(seed)
    pool = numbers.normal(size=(rng.randint(1, 8), 6))
    pool /= np.linalg.norm(pool, axis=1, keepdims=True)
    if rng.random() < 0.3:
        pool[0] = 0.0  # a sentence that is not linked: its row is zero
    n = rng.randint(2, 40)
    text_of = [rng.randrange(len(pool)) for _ in range(n)]  # many copies of few texts
    article_of = sorted(rng.randrange(rng.randint(2, 4)) for _ in range(n))
    vectors = pool[text_of]
    blocked = {frozenset(rng.sample(range(4), 2))} if rng.random() < 0.3 else set()
    allowed = (lambda a, b: frozenset((a, b)) not in blocked) if blocked else None
    threshold = rng.choice([0.05, 0.3, 0.6])  # above 0: a zero row ties with every row at 0
    keep = rng.randint(0, 4)
    monkeypatch.setattr(candidates, "MIN_CANDIDATES", rng.choice([0, 3, 10_000]))
    got = StoryCosines(vectors).above(threshold, article_of, allowed, keep)
    assert got == _reference(vectors, text_of, pool @ pool.T, article_of, allowed, threshold, keep)


def test_a_sentence_repeated_through_two_articles_is_multiplied_once() -> None:
    """Counted, not timed: the memory the products take.  3,000 copies of one text in each of two
    articles took blocks of 1,024 rows times 6,001 cosines (49 MB at a time, 36 million products
    in all); the distinct rows are two."""
    pool = np.eye(8)[:2]
    vectors = np.concatenate([np.repeat(pool[:1], 3_000, axis=0), pool[1:], np.repeat(pool[:1], 3_000, axis=0)])
    article_of = [0] * 3_001 + [1] * 3_000
    tracemalloc.start()
    try:
        found = StoryCosines(vectors).above(0.5, article_of, None, 1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Over the limit, each copy keeps its best in the other article, the first copy of it (keep 1):
    assert found == sorted({(i, 3_001) for i in range(3_000)} | {(0, j) for j in range(3_001, 6_001)})
    assert peak < 8_000_000  # the pairs and their set; every copy by every copy took 49 MB at a time
