from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import candidates
from compare.candidates import candidate_pairs, pair_bounds
from compare.settings import Settings
from compare.similarity import Features, features, idf_weights, score, tokens

VOCAB = "nato russia missile defense summit lisbon clinton lavrov talks treaty 28 27 agreed rejected".split()
sentence = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    articles=st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=2, max_size=4),
    threshold=st.sampled_from([0.1, 0.2, 0.3, 0.5]),
)
def test_recall_equals_brute_force(articles: list[list[str]], threshold: float) -> None:
    texts = [t for art in articles for t in art]
    article_of = [n for n, art in enumerate(articles) for _ in art]
    token_lists = [tokens(t) for t in texts]
    idf = idf_weights(token_lists)
    feats = [features(t, idf) for t in token_lists]
    s = Settings()
    brute = {
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if article_of[i] != article_of[j] and score(feats[i], feats[j], s) >= threshold
    }
    found = set(candidate_pairs(feats, article_of, threshold, s.overlap_weight))
    assert brute <= found
    assert all(article_of[i] != article_of[j] and i < j for i, j in found)


def test_candidates_skip_pairs_without_shared_words() -> None:
    feats = [features(tokens(t)) for t in ("missile defense talks", "weather was sunny", "missile defense plan")]
    assert candidate_pairs(feats, [0, 1, 2], 0.1, 0.65) == [(0, 2)]


def test_allowed_restricts_article_pairs() -> None:
    feats = [features(tokens("missile defense talks")) for _ in range(3)]
    assert candidate_pairs(feats, [0, 1, 2], 0.1, 0.65, allowed=lambda a, b: {a, b} == {0, 2}) == [(0, 2)]


@settings(max_examples=100, deadline=None)
@given(
    articles=st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=2, max_size=4),
    threshold=st.sampled_from([0.1, 0.3, 0.5]),
    seed=st.integers(0, 10**6),
)
def test_semantic_recall_equals_brute_force(articles: list[list[str]], threshold: float, seed: int) -> None:
    """With (made-up) sentence vectors blended in, the candidates still hold every pair that links."""
    import math
    import random

    rng = random.Random(seed)

    def unit() -> tuple[float, ...]:
        v = [rng.gauss(0, 1) for _ in range(8)]
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return tuple(x / norm for x in v)

    texts = [t for art in articles for t in art]
    article_of = [n for n, art in enumerate(articles) for _ in art]
    feats = [features(tokens(t), vector=unit()) for t in texts]
    s = Settings(semantic=True)
    brute = {
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if article_of[i] != article_of[j] and score(feats[i], feats[j], s) >= threshold
    }
    found = set(candidate_pairs(feats, article_of, threshold, s.overlap_weight, semantic_weight=s.semantic_weight))
    assert brute <= found


def _repeated(copies: int) -> tuple[list[Features], list[int]]:
    one, two = tokens("nato russia missile defense summit lisbon"), tokens("nato russia missile defense talks lisbon")
    feats = [features(one)] * copies + [features(two)] * copies
    return feats, [0] * copies + [1] * copies


def test_limits_change_nothing_below_their_budgets() -> None:
    feats, article_of = _repeated(30)
    plain = candidate_pairs(feats, article_of, 0.3, 0.75)
    bounds = pair_bounds(feats, article_of, 0.75, visits_per_sentence=1, max_candidates=1)
    assert bounds.candidates(0.3) == plain == sorted((i, j) for i in range(30) for j in range(30, 60))
    assert not bounds.capped


def test_a_sentence_repeated_keeps_a_few_candidates_each(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(candidates, "MIN_CANDIDATES", 0)
    feats, article_of = _repeated(200)
    bounds = pair_bounds(feats, article_of, 0.75, max_candidates=3)
    found = bounds.candidates(0.3)
    assert bounds.capped
    assert len(found) <= 2 * 3 * 400  # not 200 x 200
    # every copy keeps its match's first three copies
    for i in range(200):
        assert {j for a, j in found if a == i} >= {200, 201, 202}
    for j in range(200, 400):
        assert {i for i, b in found if b == j} >= {0, 1, 2}


def test_words_over_the_index_budget_still_count_in_the_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words shared by every sentence propose no pair; pairs another word finds keep their full bound."""
    monkeypatch.setattr(candidates, "MIN_VISITS", 0)
    common = "nato russia missile defense summit lisbon clinton lavrov"
    texts_a = [f"{common} alpha{n}" for n in range(40)]
    texts_b = [f"{common} alpha{n} treaty" for n in range(40)]
    feats = [features(tokens(t)) for t in texts_a + texts_b]
    article_of = [0] * 40 + [1] * 40
    bounds = pair_bounds(feats, article_of, 0.75, visits_per_sentence=2)
    found = bounds.candidates(0.3)
    assert bounds.capped
    assert [(n, 40 + n) for n in range(40)] == found  # only the pairs the rare word finds
    s = Settings(semantic=False)
    for i, j in found:
        bound = bounds.bound(i, j)
        assert bound is not None and bound >= score(feats[i], feats[j], s) - 1e-9
