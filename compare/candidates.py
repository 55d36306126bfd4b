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
from collections.abc import Callable, Sequence
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
    return pair_bounds(feats, article_of, overlap_weight, allowed, semantic_weight=semantic_weight).candidates(threshold)


def candidates(bounds: PairBounds, threshold: float) -> list[tuple[int, int]]:
    """The pairs of :func:`pair_bounds` whose bound reaches ``threshold``."""
    return bounds.candidates(threshold)


class PairBounds:
    """Upper bounds of the similarity (:func:`compare.similarity.score`) of sentence
    pairs from different articles, from the inverted index of their content tokens.

    For each sentence i the index gives every sentence j > i of another article
    sharing a content token with it, with the weight they share (each distinct token
    once, and with repeats counted); from those and the shared function words the
    bound follows.  A pair sharing no content token (``bound`` gives None) has
    similarity exactly 0.  A bound may fall short of the score by the rounding of
    sums taken in another order (far less than ``1e-9``).
    """

    def __init__(
        self,
        feats: Sequence[Features],
        article_of: Sequence[int],
        overlap_weight: float,
        allowed: Callable[[int, int], bool] | None = None,
        semantic_weight: float = 0.0,
    ) -> None:
        self.feats = feats
        self.article_of = article_of
        self.overlap_weight = overlap_weight
        self.allowed = allowed
        self.semantic_weight = semantic_weight
        # Function words as bits: the size of an intersection is a popcount.
        bits: dict[str, int] = {}
        self._function = [sum(1 << bits.setdefault(w, len(bits)) for w in f.function) for f in feats]
        alike: dict[tuple[tuple[str, ...], frozenset[str]], int] = {}
        self._alike = [alike.setdefault((f.tokens, f.function), i) for i, f in enumerate(feats)]
        self._weight, self._sequence = _shared(feats, article_of)

    def bound(self, i: int, j: int) -> float | None:
        """The bound for ``i < j``; None when they share no content token or may not be compared."""
        weight = self._weight[i].get(j)
        if weight is None or (self.allowed is not None and not self.allowed(self.article_of[i], self.article_of[j])):
            return None
        return self._bound(i, j, weight, self._sequence[i][j])

    def _bound(self, i: int, j: int, weight: float, sequence_weight: float) -> float:
        if self._alike[i] == self._alike[j]:
            bound = 1.0  # the same words score 1.0 (see compare.similarity.lexical_score)
        else:
            f, g = self.feats[i], self.feats[j]
            function = FUNCTION_WEIGHT * (self._function[i] & self._function[j]).bit_count()
            dice = 2.0 * (weight + function) / (f.total + g.total + SHORT_EVIDENCE)
            sequence_total = f.sequence_total + g.sequence_total
            sequence = 2.0 * sequence_weight / sequence_total if sequence_total else 0.0
            bound = min(1.0, self.overlap_weight * dice + (1.0 - self.overlap_weight) * sequence)
        if self.semantic_weight:
            f, g = self.feats[i], self.feats[j]
            if f.vector is not None and g.vector is not None:
                bound = blend(bound, cosine(f.vector, g.vector), self.semantic_weight)
        return bound

    def candidates(self, threshold: float) -> list[tuple[int, int]]:
        """The pairs ``(i, j)``, ``i < j``, whose bound reaches ``threshold``, by i then j."""
        limit = threshold - _EPSILON
        article_of, allowed = self.article_of, self.allowed
        out: list[tuple[int, int]] = []
        if self.semantic_weight:
            for i, row in enumerate(self._weight):
                sequence = self._sequence[i]
                for j, weight in row.items():
                    if allowed is not None and not allowed(article_of[i], article_of[j]):
                        continue
                    if self._bound(i, j, weight, sequence[j]) >= limit:
                        out.append((i, j))
            return out
        # _bound written out, as this runs for every pair sharing a token
        totals = [f.total for f in self.feats]
        sequence_totals = [f.sequence_total for f in self.feats]
        functions, alike = self._function, self._alike
        w = self.overlap_weight
        for i, row in enumerate(self._weight):
            sequence = self._sequence[i]
            ti, si, fi, ki = totals[i], sequence_totals[i], functions[i], alike[i]
            for j, weight in row.items():
                if allowed is not None and not allowed(article_of[i], article_of[j]):
                    continue
                if alike[j] == ki:
                    out.append((i, j))
                    continue
                dice = 2.0 * (weight + FUNCTION_WEIGHT * (fi & functions[j]).bit_count()) / (
                    ti + totals[j] + SHORT_EVIDENCE
                )
                sequence_total = si + sequence_totals[j]
                share = 2.0 * sequence[j] / sequence_total if sequence_total else 0.0
                if min(1.0, w * dice + (1.0 - w) * share) >= limit:
                    out.append((i, j))
        return out


def pair_bounds(
    feats: Sequence[Features],
    article_of: Sequence[int],
    overlap_weight: float,
    allowed: Callable[[int, int], bool] | None = None,
    *,
    semantic_weight: float = 0.0,
) -> PairBounds:
    """The :class:`PairBounds` of these sentences (arguments as for :func:`candidate_pairs`)."""
    return PairBounds(feats, article_of, overlap_weight, allowed, semantic_weight)


def _shared(
    feats: Sequence[Features], article_of: Sequence[int]
) -> tuple[list[dict[int, float]], list[dict[int, float]]]:
    """Per sentence i, the sentences j > i of other articles sharing a content token with it,
    mapped to the weight of the shared distinct tokens, and to the weight shared by the
    token lists (a token's weight times the fewer of its repeats)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for token in f.weights:
            postings[token].append(i)  # ascending: bisect finds the sentences after i
    # The articles' sentences usually come in one run each: then the sentences after
    # the end of i's run are all of other articles, and need no check.
    n = len(feats)
    runs = [k for k in range(n) if k == 0 or article_of[k] != article_of[k - 1]]
    contiguous = len(runs) == len({article_of[k] for k in runs})
    run_end = list(range(1, n + 1))
    for k in range(n - 2, -1, -1):
        if article_of[k + 1] == article_of[k]:
            run_end[k] = run_end[k + 1]

    counts = [_counts(f.tokens) for f in feats]
    weights: list[dict[int, float]] = []
    sequences: list[dict[int, float]] = []
    for i, f in enumerate(feats):
        shared_weight: dict[int, float] = {}
        shared_sequence: dict[int, float] = {}
        weights.append(shared_weight)
        sequences.append(shared_sequence)
        ai = article_of[i]
        own = counts[i]
        after = run_end[i] - 1  # the last sentence of i's run
        for token, weight in f.weights.items():
            ci = own[token]
            posting = postings[token]
            later = islice(posting, bisect_right(posting, after), None)
            if contiguous and ci == 1:  # the common case: min(ci, cj) is 1
                for j in later:
                    shared_weight[j] = shared_weight.get(j, 0.0) + weight
                    shared_sequence[j] = shared_sequence.get(j, 0.0) + weight
                continue
            for j in later:
                if not contiguous and article_of[j] == ai:
                    continue
                shared_weight[j] = shared_weight.get(j, 0.0) + weight
                shared_sequence[j] = shared_sequence.get(j, 0.0) + min(ci, counts[j][token]) * weight
    return weights, sequences


def _counts(token_list: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in token_list:
        counts[token] = counts.get(token, 0) + 1
    return counts
