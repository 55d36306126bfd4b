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

    Sentences with the same content tokens and function words (a sentence repeated)
    are indexed once.  For each such sentence the index gives every later one of
    another article sharing a content token with it, with the weight they share
    (each distinct token once, and with repeats counted); from those and the shared
    function words the bound follows.  A pair sharing no content token (``bound``
    gives None) has similarity exactly 0.  A bound may fall short of the score by
    the rounding of sums taken in another order (far less than ``1e-9``).

    Two limits keep the cost linear on adversarial text, and hold no sentence back
    on a real story (see ``Settings.index_visits_per_sentence`` and
    ``Settings.max_candidates``): the words that would make the index visit more
    pairs than its budget propose no pairs (they still count in the bounds of the
    pairs the other words propose), and when there are more candidates than their
    budget each sentence keeps its ``max_candidates`` best in each other article.
    :attr:`capped` tells whether either limit took effect.
    """

    def __init__(
        self,
        feats: Sequence[Features],
        article_of: Sequence[int],
        overlap_weight: float,
        allowed: Callable[[int, int], bool] | None = None,
        semantic_weight: float = 0.0,
        *,
        visits_per_sentence: int | None = None,
        max_candidates: int | None = None,
    ) -> None:
        self.feats = feats
        self.article_of = article_of
        self.overlap_weight = overlap_weight
        self.allowed = allowed
        self.semantic_weight = semantic_weight
        self.max_candidates = max_candidates
        self.capped = False
        # Function words as bits: the size of an intersection is a popcount.
        bits: dict[str, int] = {}
        self._function = [sum(1 << bits.setdefault(w, len(bits)) for w in f.function) for f in feats]
        alike: dict[tuple[tuple[str, ...], frozenset[str]], int] = {}
        self._alike = [alike.setdefault((f.tokens, f.function), i) for i, f in enumerate(feats)]
        # One class per article and wording: its members (ascending) and first member.
        classes: dict[tuple[int, int], int] = {}
        self._class = [classes.setdefault((article_of[i], self._alike[i]), len(classes)) for i in range(len(feats))]
        self._members: list[list[int]] = [[] for _ in classes]
        for i, c in enumerate(self._class):
            self._members[c].append(i)
        budget = None if visits_per_sentence is None else max(MIN_VISITS, visits_per_sentence * len(feats))
        reps = [m[0] for m in self._members]
        self._weight, self._sequence, dropped = _shared(
            [feats[i] for i in reps], [article_of[i] for i in reps], budget
        )
        self.capped = dropped

    def wording(self, i: int) -> int:
        """The first sentence with the same content tokens and function words as sentence i
        (their features, and so their scores with any sentence, are the same)."""
        return self._alike[i]

    def bound(self, i: int, j: int) -> float | None:
        """The bound for ``i < j``; None when they share no content token or may not be compared."""
        if self.article_of[i] == self.article_of[j]:
            return None
        if self.allowed is not None and not self.allowed(self.article_of[i], self.article_of[j]):
            return None
        f, g = self.feats[i], self.feats[j]
        small, large = (f, g) if len(f.weights) <= len(g.weights) else (g, f)
        shared = [t for t in small.weights if t in large.weights]
        if not shared:
            return None
        weight = sum(f.weights[t] for t in shared)
        fc, gc = _counts(f.tokens), _counts(g.tokens)
        sequence = sum(min(fc[t], gc[t]) * f.weights[t] for t in shared)
        return self._bound(i, j, weight, sequence)

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
        """The pairs ``(i, j)``, ``i < j``, whose bound reaches ``threshold``, by i then j
        (each sentence's ``max_candidates`` best per other article, when there are more
        than their budget)."""
        limit = threshold - _EPSILON
        article_of, allowed, members = self.article_of, self.allowed, self._members
        reps = [m[0] for m in members]
        # Class pairs (c, d), c < d, whose bound reaches the limit, with that bound.
        passing: list[tuple[int, int, float]] = []
        if self.semantic_weight:
            out: list[tuple[int, int]] = []
            for c, row in enumerate(self._weight):
                sequence = self._sequence[c]
                for d, weight in row.items():
                    i, j = reps[c], reps[d]
                    if allowed is not None and not allowed(article_of[i], article_of[j]):
                        continue
                    for p in members[c]:
                        for q in members[d]:
                            if self._bound(p, q, weight, sequence[d]) >= limit:
                                out.append((p, q) if p < q else (q, p))
            return sorted(out)
        # _bound written out, as this runs for every pair sharing a token
        totals = [self.feats[i].total for i in reps]
        sequence_totals = [self.feats[i].sequence_total for i in reps]
        functions = [self._function[i] for i in reps]
        alike = [self._alike[i] for i in reps]
        w = self.overlap_weight
        for c, row in enumerate(self._weight):
            sequence = self._sequence[c]
            ti, si, fi, ki, ac = totals[c], sequence_totals[c], functions[c], alike[c], article_of[reps[c]]
            for d, weight in row.items():
                if allowed is not None and not allowed(ac, article_of[reps[d]]):
                    continue
                if alike[d] == ki:
                    passing.append((c, d, 1.0))
                    continue
                dice = 2.0 * (weight + FUNCTION_WEIGHT * (fi & functions[d]).bit_count()) / (
                    ti + totals[d] + SHORT_EVIDENCE
                )
                sequence_total = si + sequence_totals[d]
                share = 2.0 * sequence[d] / sequence_total if sequence_total else 0.0
                bound = min(1.0, w * dice + (1.0 - w) * share)
                if bound >= limit:
                    passing.append((c, d, bound))
        count = sum(len(members[c]) * len(members[d]) for c, d, _ in passing)
        k = self.max_candidates
        if k is None or count <= max(MIN_CANDIDATES, k * len(self.feats)):
            out = [
                (p, q) if p < q else (q, p) for c, d, _ in passing for p in members[c] for q in members[d]
            ]
            return sorted(out)
        self.capped = True
        return sorted(_best(passing, members, [article_of[i] for i in reps], k))


MIN_VISITS = 1_000_000
"""The index may always visit this many pairs, however few the sentences."""
MIN_CANDIDATES = 20_000
"""There may always be this many candidate pairs, however few the sentences."""


def _best(
    passing: Sequence[tuple[int, int, float]], members: Sequence[Sequence[int]], article: Sequence[int], k: int
) -> set[tuple[int, int]]:
    """Each sentence's ``k`` best candidates per other article (by bound, then by index), both ways."""
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for c, d, bound in passing:
        partners[c].append((-bound, d))
        partners[d].append((-bound, c))
    out: set[tuple[int, int]] = set()
    for c, found in partners.items():
        # All members of class c have the same best k: the first members of the best classes.
        found.sort(key=lambda item: (item[0], members[item[1]][0]))
        taken: dict[int, list[int]] = defaultdict(list)
        for _, d in found:
            chosen = taken[article[d]]
            if len(chosen) >= k:
                continue
            chosen.extend(members[d][: k - len(chosen)])
        for p in members[c]:
            for chosen in taken.values():
                for q in chosen:
                    out.add((p, q) if p < q else (q, p))
    return out


def pair_bounds(
    feats: Sequence[Features],
    article_of: Sequence[int],
    overlap_weight: float,
    allowed: Callable[[int, int], bool] | None = None,
    *,
    semantic_weight: float = 0.0,
    visits_per_sentence: int | None = None,
    max_candidates: int | None = None,
) -> PairBounds:
    """The :class:`PairBounds` of these sentences (arguments as for :func:`candidate_pairs`;
    ``visits_per_sentence`` and ``max_candidates`` are the limits of :class:`PairBounds`,
    None for none)."""
    return PairBounds(
        feats,
        article_of,
        overlap_weight,
        allowed,
        semantic_weight,
        visits_per_sentence=visits_per_sentence,
        max_candidates=max_candidates,
    )


def _shared(
    feats: Sequence[Features], article_of: Sequence[int], budget: int | None = None
) -> tuple[list[dict[int, float]], list[dict[int, float]], bool]:
    """Per sentence i, the sentences j > i of other articles sharing a content token with it,
    mapped to the weight of the shared distinct tokens, and to the weight shared by the
    token lists (a token's weight times the fewer of its repeats); and whether words were
    left out of the walk.

    With a ``budget``, the tokens whose postings would make the walk visit the most
    pairs are left out of it, most visits first, until the visits fit the budget; they
    still count in the weights of the pairs that the other tokens find."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for token in f.weights:
            postings[token].append(i)  # ascending: bisect finds the sentences after i
    skip: set[str] = set()
    if budget is not None:
        visits: dict[str, int] = {}
        for token, posting in postings.items():
            per_article: dict[int, int] = defaultdict(int)
            for i in posting:
                per_article[article_of[i]] += 1
            visits[token] = (len(posting) ** 2 - sum(v * v for v in per_article.values())) // 2
        total = sum(visits.values())
        for token in sorted(visits, key=lambda t: (-visits[t], t)):
            if total <= budget:
                break
            skip.add(token)
            total -= visits[token]
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
        left_out = []
        for token, weight in f.weights.items():
            if token in skip:
                left_out.append((token, weight))
                continue
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
        for token, weight in left_out:  # the left-out words in the pairs the others found
            ci = own[token]
            for j in shared_weight:
                cj = counts[j].get(token)
                if cj:
                    shared_weight[j] += weight
                    shared_sequence[j] += min(ci, cj) * weight
    return weights, sequences, bool(skip)


def _counts(token_list: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in token_list:
        counts[token] = counts.get(token, 0) + 1
    return counts
