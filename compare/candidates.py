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
the exhaustive computation would link (tested against brute force).  The
bounds of all pairs sharing a token (:func:`pair_bounds`) serve the aligner's
average linkage too, which can refuse a merge on them without scoring.

In the semantic mode the bound blends in the pair's exact embedding cosine; a
pair still needs a shared content token to score above 0 (see
:func:`compare.similarity.score`), so the index stays exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from itertools import islice

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
    bounds = pair_bounds(feats, article_of, overlap_weight, allowed, semantic_weight=semantic_weight)
    return candidates(bounds, threshold)


def candidates(bounds: Sequence[Mapping[int, float]], threshold: float) -> list[tuple[int, int]]:
    """The pairs of :func:`pair_bounds` whose bound reaches ``threshold``."""
    limit = threshold - _EPSILON
    return [(i, j) for i, row in enumerate(bounds) for j, bound in row.items() if bound >= limit]


def pair_bounds(
    feats: Sequence[Features],
    article_of: Sequence[int],
    overlap_weight: float,
    allowed: Callable[[int, int], bool] | None = None,
    *,
    semantic_weight: float = 0.0,
) -> list[dict[int, float]]:
    """For each sentence i, every sentence j > i of another article that shares a content
    token with it, mapped to an upper bound of their similarity (:func:`compare.similarity.score`).

    A pair missing from these rows shares no content token: its similarity is exactly 0.
    The bound may exceed the score by the rounding of sums taken in another order
    (less than ``1e-9``).  Arguments as for :func:`candidate_pairs`.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for token in f.weights:
            postings[token].append(i)  # ascending: bisect finds the sentences after i

    counts = [_counts(f.tokens) for f in feats]
    rows: list[dict[int, float]] = []
    for i, f in enumerate(feats):
        row: dict[int, float] = {}
        rows.append(row)
        if not f.weights:
            continue
        ai = article_of[i]
        own = counts[i]
        shared_weight: dict[int, float] = {}
        shared_sequence: dict[int, float] = {}
        for token, weight in f.weights.items():
            ci = own[token]
            posting = postings[token]
            for j in islice(posting, bisect_right(posting, i), None):
                if article_of[j] == ai:
                    continue
                shared_weight[j] = shared_weight.get(j, 0.0) + weight
                # min(ci, cj) is 1 when the token occurs once in sentence i
                shared_sequence[j] = shared_sequence.get(j, 0.0) + (
                    weight if ci == 1 else min(ci, counts[j][token]) * weight
                )
        for j, weight in shared_weight.items():
            if allowed is not None and not allowed(ai, article_of[j]):
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
            row[j] = bound
    return rows


def _counts(token_list: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in token_list:
        counts[token] = counts.get(token, 0) + 1
    return counts
