"""Stage 4a: cheap candidate pairs, so that not every sentence pair is scored.

An inverted index maps each content token to the sentences holding it.  For a
sentence, walking the postings of its tokens gives every sentence of another
article that shares at least one token, together with the exact weighted
overlap of their content tokens and of their token lists (repeats counted).
From those, and the exact count of shared function words, an upper bound of the
full similarity follows (difflib's matching blocks can never hold more weight
than the tokens the two lists share), and a pair whose bound is below the link
threshold is dropped without running difflib.  Pairs sharing no content token
have lexical similarity 0, so on any input the candidates hold every pair that
the exhaustive computation would link (tested against brute force).

In the semantic mode the bound blends in the pair's exact embedding cosine; a
pair still needs a shared content token to score above 0 (see
:func:`compare.similarity.score`), so the index stays exact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from compare.similarity import FUNCTION_WEIGHT, SHORT_EVIDENCE, Features, blend, cosine

_EPSILON = 1e-9  # the bound and the score add the same numbers in different orders


def candidate_pairs(
    feats: Sequence[Features],
    article_of: Sequence[int],
    threshold: float,
    overlap_weight: float,
    allowed: Callable[[int, int], bool] | None = None,
    *,
    semantic_weight: float = 0.0,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, from different articles, that may reach ``threshold``.

    ``feats[i]`` are sentence i's features, ``article_of[i]`` its article number;
    ``allowed(article_i, article_j)`` restricts the article pairs compared;
    ``semantic_weight`` > 0 is the semantic mode (features carry vectors).
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for token in f.weights:
            postings[token].append(i)

    counts = [_counts(f.tokens) for f in feats]
    out: list[tuple[int, int]] = []
    for i, f in enumerate(feats):
        if not f.weights:
            continue
        shared_weight: dict[int, float] = defaultdict(float)
        shared_sequence: dict[int, float] = defaultdict(float)
        for token, weight in f.weights.items():
            ci = counts[i][token]
            for j in postings[token]:
                if j <= i or article_of[j] == article_of[i]:
                    continue
                shared_weight[j] += weight
                shared_sequence[j] += min(ci, counts[j][token]) * weight
        for j, weight in shared_weight.items():
            if allowed is not None and not allowed(article_of[i], article_of[j]):
                continue
            g = feats[j]
            function = FUNCTION_WEIGHT * len(f.function & g.function)
            dice = 2.0 * (weight + function) / (f.total + g.total + SHORT_EVIDENCE)
            sequence_total = f.sequence_total + g.sequence_total
            sequence = 2.0 * shared_sequence[j] / sequence_total if sequence_total else 0.0
            bound = min(1.0, overlap_weight * dice + (1.0 - overlap_weight) * sequence)
            if f.tokens == g.tokens and f.function == g.function:
                bound = 1.0  # the same words score 1.0 (see compare.similarity.lexical_score)
            if semantic_weight and f.vector is not None and g.vector is not None:
                bound = blend(bound, cosine(f.vector, g.vector), semantic_weight)
            if bound >= threshold - _EPSILON:
                out.append((i, j))
    return out


def _counts(token_list: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in token_list:
        counts[token] = counts.get(token, 0) + 1
    return counts
