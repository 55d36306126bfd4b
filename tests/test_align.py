"""The aligner's shortcuts (candidates, bounds, remembered refusals) against the algorithm written out plainly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import _news_mean, align
from compare.models import Sentence
from compare.settings import Settings
from compare.similarity import score

VOCAB = (
    "nato russia missile defense summit lisbon clinton lavrov talks treaty 28 27 agreed rejected "
    "the a of said on in was not"
).split()
sentence = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=10).map(" ".join)


def _sentences(articles: list[list[str]]) -> list[Sentence]:
    out = []
    for n, texts in enumerate(articles):
        offset = 0
        for k, text in enumerate(texts):
            out.append(Sentence(f"a{n}:{k}", f"a{n}", k, text, offset, offset + len(text), 0, "body"))
            offset += len(text) + 1
    return out


def _plain_groups(
    sentences: list[Sentence], s: Settings, allowed: Callable[[str, str], bool] | None = None
) -> tuple[tuple[int, ...], ...]:
    """The aligner as written out: every pair scored from scratch (words, and in the default
    mode the story-centred cosine computed here with numpy), links over the threshold taken
    strongest first (ties by sentence id), a merge kept when each article's members are one
    fact and every member's mean score with the other articles' members reaches the threshold."""
    import numpy as np

    from compare import semantic

    feats = align(sentences, s, allowed).features  # the same features, computed once
    art = [x.article for x in sentences]
    ids = [(x.article, x.index) for x in sentences]
    n = len(sentences)
    linkable = [bool(f.tokens) for f in feats]
    words = replace(s, semantic=False)
    lexical = {(i, j): score(feats[i], feats[j], words) for i, j in combinations(range(n), 2)}
    chosen = [i for i in range(n) if linkable[i]]
    cos: dict[tuple[int, int], float] = {}
    use_vectors = s.semantic and len(chosen) >= 2
    if use_vectors:
        vectors = np.zeros((n, semantic.DIMENSION))
        vectors[chosen] = np.array(semantic.embed([sentences[i].text for i in chosen]))
        texts = sorted({sentences[i].text for i in chosen})
        background = np.array(_news_mean())
        centre = (np.array(semantic.embed(texts)).sum(axis=0) + s.background_sentences * background) / (
            len(texts) + s.background_sentences
        )
        vectors[chosen] -= centre
        for i, j in combinations(range(n), 2):
            ni, nj = np.linalg.norm(vectors[i]), np.linalg.norm(vectors[j])
            cos[(i, j)] = float(vectors[i] @ vectors[j] / (ni * nj)) if ni > 1e-9 and nj > 1e-9 else 0.0
    w = s.story_cosine_weight

    def sim(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if not (linkable[i] and linkable[j]):
            return 0.0
        if not use_vectors or lexical[key] == 1.0:
            return round(lexical[key], 9)
        return round(min(1.0, (1 - w) * lexical[key] + w * max(0.0, cos[key])), 9)

    def ok(p: int, q: int) -> bool:
        return art[p] != art[q] and (allowed is None or allowed(art[p], art[q]))

    link = s.semantic_link_threshold if use_vectors else s.link_threshold
    member = s.semantic_member_threshold if use_vectors else s.group_threshold
    links = {
        k: sim(*k)
        for k in combinations(range(n), 2)
        if ok(*k) and sim(*k) >= link and (not use_vectors or sim(*k) == 1.0 or cos[k] >= s.semantic_min_cosine)
    }
    groups: list[list[int]] = [[i] for i in range(n)]

    def holder(i: int) -> list[int]:
        return next(g for g in groups if i in g)

    def one_fact(group: list[int]) -> bool:
        for p, q in combinations(group, 2):
            if art[p] == art[q] and abs(ids[p][1] - ids[q][1]) != 1 and sim(p, q) < link:
                return False
        return True

    def cohesive(group: list[int]) -> bool:
        for m in group:
            others = [sim(m, o) for o in group if ok(m, o)]
            if others and sum(others) / len(others) < member - 1e-12:
                return False
        return True

    for (i, j), _v in sorted(links.items(), key=lambda kv: (-kv[1], *sorted((ids[kv[0][0]], ids[kv[0][1]])))):
        gi, gj = holder(i), holder(j)
        if gi is gj:
            continue
        merged = gi + gj
        if one_fact(merged) and cohesive(merged):
            groups.remove(gi)
            groups.remove(gj)
            groups.append(merged)
    out = [tuple(sorted(g, key=lambda k: ids[k])) for g in groups if len({art[i] for i in g}) >= 2]
    return tuple(sorted(out, key=lambda g: [ids[k] for k in g]))


@settings(max_examples=60, deadline=None)
@given(
    articles=st.lists(st.lists(sentence, min_size=1, max_size=7), min_size=2, max_size=5),
    threshold=st.sampled_from([0.1, 0.2, 0.27, 0.4]),
    restrict=st.booleans(),
    semantic=st.booleans(),
)
def test_groups_equal_the_aligner_written_out(
    articles: list[list[str]], threshold: float, restrict: bool, semantic: bool
) -> None:
    s = Settings(
        semantic=semantic,
        group_threshold=threshold,
        link_threshold=max(threshold, 0.2),
        semantic_member_threshold=threshold,
        semantic_link_threshold=max(threshold, 0.2),
    )
    sentences = _sentences(articles)
    allowed = (lambda a, b: "a0" in (a, b)) if restrict else None
    assert align(sentences, s, allowed).groups == _plain_groups(sentences, s, allowed)


def test_repeated_sentences_group_across_articles() -> None:
    texts = ["nato agreed missile defense talks in lisbon", "russia rejected the treaty"]
    sentences = _sentences([texts, texts, texts[:1]])
    groups = align(sentences, Settings()).groups
    assert (0, 2, 4) in groups
    assert (1, 3) in groups
