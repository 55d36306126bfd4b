"""The aligner's shortcuts (bounds, remembered refusals) against plain average linkage."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import align
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
    """Average linkage as written out: every pair scored, every cross sum taken in full."""
    feats = align(sentences, s, allowed).features  # the same features, computed once
    art = [x.article for x in sentences]

    def ok(p: int, q: int) -> bool:
        return art[p] != art[q] and (allowed is None or allowed(art[p], art[q]))

    sim = {(i, j): score(feats[i], feats[j], s) for i, j in combinations(range(len(sentences)), 2)}
    links = {k: v for k, v in sim.items() if ok(*k) and v >= s.link_threshold}
    parent = list(range(len(sentences)))
    members = {i: [i] for i in range(len(sentences))}

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for (i, j), _v in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        total, count = 0.0, 0
        for p in members[ri]:
            for q in members[rj]:
                if ok(p, q):
                    total += sim[(min(p, q), max(p, q))]
                    count += 1
        if count and total / count >= s.group_threshold:
            keep, gone = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
            parent[gone] = keep
            members[keep].extend(members.pop(gone))
    groups = [tuple(sorted(g)) for r, g in members.items() if len({art[i] for i in g}) >= 2]
    return tuple(sorted(groups))


@settings(max_examples=120, deadline=None)
@given(
    articles=st.lists(st.lists(sentence, min_size=1, max_size=7), min_size=2, max_size=5),
    group_threshold=st.sampled_from([0.1, 0.2, 0.27, 0.4]),
    restrict=st.booleans(),
)
def test_groups_equal_plain_average_linkage(articles: list[list[str]], group_threshold: float, restrict: bool) -> None:
    s = Settings(group_threshold=group_threshold, link_threshold=max(group_threshold, 0.2))
    sentences = _sentences(articles)
    allowed = (lambda a, b: "a0" in (a, b)) if restrict else None
    assert align(sentences, s, allowed).groups == _plain_groups(sentences, s, allowed)


def test_repeated_sentences_group_across_articles() -> None:
    texts = ["nato agreed missile defense talks in lisbon", "russia rejected the treaty"]
    sentences = _sentences([texts, texts, texts[:1]])
    groups = align(sentences, Settings()).groups
    assert (0, 2, 4) in groups
    assert (1, 3) in groups
