"""Stage 4: sentences that report the same fact, across articles, form groups.

1. Every sentence is featurised once: content tokens weighted by the
   word-frequency prior, damped for words that run through the whole story
   (:func:`compare.similarity.story_weights`), function words, and in the
   semantic mode a sentence embedding (:mod:`compare.semantic`).
2. :mod:`compare.candidates` proposes the pairs worth scoring; each is scored
   with :func:`compare.similarity.score` and kept as a *link* when it reaches
   ``Settings.link_threshold``.
3. Links are taken strongest first; two groups merge when the mean similarity
   over all their cross-article sentence pairs reaches
   ``Settings.group_threshold`` (average linkage).  Groups may hold several
   sentences of one article (many-to-many) and keep any order; a sentence with
   no link stays unmatched.  The test is exact, but scores only the pairs it
   must: pairs sharing no content token score 0, the candidates' upper bounds
   refuse most merges unscored, and a refusal is not taken twice (:class:`_Linkage`).

The result is an :class:`Alignment`: the groups (as sentence-index tuples) and
the similarity of every scored pair, which the analysis stage reuses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compare.candidates import PairBounds, candidates, pair_bounds
from compare.models import Sentence
from compare.settings import Settings
from compare.similarity import Features, analyse, features, is_name_line, score, story_weights


@dataclass(frozen=True, slots=True)
class Alignment:
    sentences: tuple[Sentence, ...]
    features: tuple[Features, ...]
    groups: tuple[tuple[int, ...], ...]  # sentence indexes, each group spanning 2+ articles
    links: dict[tuple[int, int], float]  # scored candidate pairs (i < j) at or above the link threshold
    similarity: Callable[[int, int], float]  # exact similarity of any two sentences (cached)


def align(
    sentences: Sequence[Sentence],
    settings: Settings,
    allowed: Callable[[str, str], bool] | None = None,
) -> Alignment:
    """Group ``sentences`` (of all articles) that report the same fact.

    ``allowed(article_a, article_b)`` restricts which article pairs may be linked
    (the ``--pair`` option); by default every pair is.
    """
    sentences = tuple(sentences)
    analysed = [analyse(s.text) for s in sentences]
    story = story_weights([t for t, _ in analysed])
    linkable = [_linkable(s, t, settings) for s, (t, _) in zip(sentences, analysed, strict=True)]
    vectors: list[tuple[float, ...] | None] = [None] * len(sentences)
    if settings.semantic:
        from compare import semantic

        chosen = [i for i, ok in enumerate(linkable) if ok]
        for i, vector in zip(chosen, semantic.embed([sentences[i].text for i in chosen]), strict=True):
            vectors[i] = vector
    feats = tuple(
        features(t, story, function=function, vector=vectors[i]) if linkable[i] else features(())
        for i, (t, function) in enumerate(analysed)
    )
    article_ids = sorted({s.article for s in sentences})
    number = {a: n for n, a in enumerate(article_ids)}
    article_of = [number[s.article] for s in sentences]

    cache: dict[tuple[int, int], float] = {}

    def similarity(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in cache:
            cache[key] = score(feats[key[0]], feats[key[1]], settings)
        return cache[key]

    allowed_numbers = None
    if allowed is not None:
        allowed_numbers = lambda a, b: allowed(article_ids[a], article_ids[b])  # noqa: E731
    semantic_weight = settings.semantic_weight if settings.semantic else 0.0
    bounds = pair_bounds(feats, article_of, settings.overlap_weight, allowed_numbers, semantic_weight=semantic_weight)
    links: dict[tuple[int, int], float] = {}
    for i, j in candidates(bounds, settings.link_threshold):
        value = similarity(i, j)
        if value >= settings.link_threshold:
            links[(i, j)] = value

    merge = _Linkage(bounds, article_of, allowed_numbers, cache, similarity, settings.group_threshold)
    parent = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    version = [0] * len(sentences)  # changes whenever a group's members do

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), _value in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if merge(members[ri], members[rj], (ri, version[ri], rj, version[rj])):
            keep, gone = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))
            version[keep] += 1

    groups = []
    for root, group in members.items():
        if find(root) != root:
            continue
        if len({article_of[i] for i in group}) >= 2:
            groups.append(tuple(sorted(group)))
    groups.sort()
    return Alignment(sentences, feats, tuple(groups), links, similarity)


def _linkable(sentence: Sentence, token_list: tuple[str, ...], settings: Settings) -> bool:
    """Whether a sentence carries a fact to align: enough content words, not a bare name line."""
    if len(token_list) < settings.min_content_tokens:
        return False
    return not (sentence.role != "body" and is_name_line(sentence.text))


_SLACK = 1e-7
"""Added to each pair's bound when a merge is ruled out on bounds: far more than the
rounding of the bound and of the sums (see :class:`_Linkage`)."""


class _Linkage:
    """The average-linkage test of two groups, exact but with the difflib scoring
    of most pairs spared.

    Two groups merge when the mean similarity over their cross-article pairs
    (those ``allowed``) reaches ``threshold``; the sum is taken over the pairs in
    the order of the members, as written out plainly.  Pairs sharing no content
    token score exactly 0 and are not scored.  The other pairs' similarities are
    bounded from above by :func:`compare.candidates.pair_bounds`: when the known
    similarities plus the bounds of the unknown ones stay below the threshold, the
    merge is refused without scoring them, and the unknown ones are scored one by
    one, largest bound first, only while the refusal is in doubt.  The bounds are
    widened by ``_SLACK`` each, so a merge is refused this way only when the exact
    mean is below the threshold.  A refusal is remembered per pair of group
    versions (a group's version changes with its members), since the same two
    groups give the same answer.
    """

    def __init__(
        self,
        bounds: PairBounds,
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        cache: dict[tuple[int, int], float],
        similarity: Callable[[int, int], float],
        threshold: float,
    ) -> None:
        self.bounds = bounds
        self.article_of = article_of
        self.allowed = allowed
        self.cache = cache
        self.similarity = similarity
        self.threshold = threshold
        self.refused: set[tuple[int, int, int, int]] = set()

    def __call__(self, first: Sequence[int], second: Sequence[int], key: tuple[int, int, int, int]) -> bool:
        if key in self.refused:
            return False
        article_of, bounds, cache, allowed = self.article_of, self.bounds, self.cache, self.allowed
        count = 0
        upper = 0.0
        terms: list[tuple[int, int]] = []  # the pairs that may score above 0, in summing order
        unknown: list[tuple[float, tuple[int, int]]] = []
        for p in first:
            ap = article_of[p]
            for q in second:
                aq = article_of[q]
                if aq == ap or (allowed is not None and not allowed(ap, aq)):
                    continue
                count += 1
                pair = (p, q) if p < q else (q, p)
                value = cache.get(pair)
                if value is not None:
                    terms.append(pair)
                    upper += value
                    continue
                bound = bounds.bound(*pair)
                if bound is None:
                    continue  # no shared content token: similarity 0
                terms.append(pair)
                bound += _SLACK
                unknown.append((bound, pair))
                upper += bound
        if not count:
            return self._refuse(key, True)
        limit = self.threshold * count
        if upper < limit:
            return self._refuse(key, True)
        unknown.sort(key=lambda item: (-item[0], item[1]))
        for bound, pair in unknown:
            upper += self.similarity(*pair) - bound
            if upper < limit:
                return self._refuse(key, True)
        total = 0.0
        for pair in terms:
            total += cache[pair]
        if total / count >= self.threshold:
            return True
        return self._refuse(key, total < limit - _SLACK * count)

    def _refuse(self, key: tuple[int, int, int, int], clear: bool) -> bool:
        """Remember a refusal; a ``clear`` one (by a margin that no order of summing can
        close) holds for the two groups taken the other way round too."""
        self.refused.add(key)
        if clear:
            self.refused.add((key[2], key[3], key[0], key[1]))
        return False
