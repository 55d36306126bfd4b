from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.candidates import candidate_pairs
from compare.settings import Settings
from compare.similarity import features, idf_weights, score, tokens

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
