"""Stage 4a: cheap candidate pairs, so that not every sentence pair is scored.

An inverted index maps each content token to the sentences holding it.  For a
sentence, walking the postings of its tokens gives every sentence of another
article that shares at least one token, together with the exact weighted
overlap and the shared-token count.  From those two numbers an upper bound of
the full similarity follows (the sequence ratio can never exceed
``2 * shared / (len_a + len_b)``), and a pair whose bound is below the link
threshold is dropped without running difflib.  Pairs sharing no token have
similarity 0, so on any input the candidates hold every pair that the
exhaustive computation would link (tested against brute force).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from compare.similarity import Features


def candidate_pairs(
    feats: Sequence[Features],
    article_of: Sequence[int],
    threshold: float,
    overlap_weight: float,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, from different articles, that may reach ``threshold``.

    ``feats[i]`` are sentence i's features, ``article_of[i]`` its article number;
    ``allowed(article_i, article_j)`` restricts the article pairs compared.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for token in f.weights:
            postings[token].append(i)

    counts = [_counts(f.tokens) for f in feats]
    out: list[tuple[int, int]] = []
    for i, f in enumerate(feats):
        if not f.total:
            continue
        shared_weight: dict[int, float] = defaultdict(float)
        shared_count: dict[int, int] = defaultdict(int)
        for token, weight in f.weights.items():
            ci = counts[i][token]
            for j in postings[token]:
                if j <= i or article_of[j] == article_of[i]:
                    continue
                shared_weight[j] += weight
                shared_count[j] += min(ci, counts[j][token])
        for j, weight in shared_weight.items():
            if allowed is not None and not allowed(article_of[i], article_of[j]):
                continue
            g = feats[j]
            dice = 2.0 * weight / (f.total + g.total)
            seq_bound = 2.0 * shared_count[j] / (len(f.tokens) + len(g.tokens))
            if overlap_weight * dice + (1.0 - overlap_weight) * seq_bound >= threshold:
                out.append((i, j))
    return out


def _counts(token_list: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in token_list:
        counts[token] = counts.get(token, 0) + 1
    return counts
