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
   no link stays unmatched.

The result is an :class:`Alignment`: the groups (as sentence-index tuples) and
the similarity of every scored pair, which the analysis stage reuses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compare.candidates import candidate_pairs
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
    links: dict[tuple[int, int], float] = {}
    semantic_weight = settings.semantic_weight if settings.semantic else 0.0
    for i, j in candidate_pairs(
        feats, article_of, settings.link_threshold, settings.overlap_weight, allowed_numbers,
        semantic_weight=semantic_weight,
    ):
        value = similarity(i, j)
        if value >= settings.link_threshold:
            links[(i, j)] = value

    parent = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), _value in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        total = 0.0
        count = 0
        for p in members[ri]:
            for q in members[rj]:
                if article_of[p] == article_of[q]:
                    continue
                if allowed_numbers is not None and not allowed_numbers(article_of[p], article_of[q]):
                    continue
                total += similarity(p, q)
                count += 1
        if count and total / count >= settings.group_threshold:
            keep, gone = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))

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
