"""Cross-article context support, measured on the listed facts (issue 11, recall; session 20).

    .venv/bin/python benchmarks/context_support.py READING... --stories DIR [--data ../shared/data] [--show RULE]

As in the sentence alignment of parallel texts: two outlets often tell a story in a similar order,
so a pair of sentences (article A's i, article B's j) that scores under the link threshold could
link when its context supports it.  For every rule below and each floor, the pairs it would add
(both sentences of two articles, not in one group, scoring at least the floor and under the link
threshold), printed with:

* ``judged``: added pairs whose two sentences are both in listed facts, and ``same`` of them in one
  listed fact: the rule's precision among pairs a reader listed (``prec``); a pair with a sentence
  in no listed fact is ``unlisted`` (mostly another fact: the reader lists every fact two articles
  share), so ``same / added`` is a lower bound;
* the facts linked at the tree and with the pairs added (readings 10-16 and review s16, the 585 of
  ``benchmarks/labels/README.md``, and reading 17 apart when given).

Rules (``free``: both sentences in no group at all, or ``apart``: in no group holding the other's
article):

* ``floor``: every such pair (the link threshold lowered: what the context must beat);
* ``diagonal both`` / ``diagonal one``: (i-1, j-1) and / or (i+1, j+1) in one group (``linked``:
  or a link the grouping left apart);
* ``gap``: between two anchors (consecutive groups of A and B, in the same order in both, nothing
  of either article between them grouped with the other), the pair is the best of its row and its
  column among the gap's sentences (the candidate ``GroupSettings.gap_floor`` of session 20,
  not landed: ``benchmarks/labels/README.md``);
* ``mutual``: the pair is the best of its row and its column among all sentences of A and B (the
  order not used: what the gap's order adds).

READING files are ``benchmarks/labels/reading*.json`` (or review) with ``facts``; DIR holds each
FNC-1 or ECB+ story as ``<story>.jsonl`` (``reading.py stories``; reading 16's and 17's ECB+
stories written by hand as their ``about`` says); BASIL stories are read from the data folder.
Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import compare.pipeline as pipeline  # noqa: E402
from compare import compare  # noqa: E402

SEEN: dict[str, Any] = {}
_ALIGN = pipeline.align


def _aligned(*args: Any, **kw: Any) -> Any:
    SEEN["alignment"] = _ALIGN(*args, **kw)
    return SEEN["alignment"]


pipeline.align = _aligned


class Story:
    """One story's alignment as the rules read it."""

    def __init__(self, reading: str, name: str, facts: list[list[str]], al: Any, link: float) -> None:
        self.reading, self.name, self.facts, self.link = reading, name, facts, link
        self.ids = [s.id for s in al.sentences]
        self.texts = [s.text for s in al.sentences]
        self.article = [s.article for s in al.sentences]
        self.at = {(s.article, s.index): n for n, s in enumerate(al.sentences)}
        self.index = [s.index for s in al.sentences]
        self.group_of = {k: g for g, members in enumerate(al.groups) for k in members}
        self.groups, self.links = al.groups, set(al.links)
        n = len(al.sentences)
        self.score = {(i, j): al.similarity(i, j) for i in range(n) for j in range(i + 1, n) if self.article[i] != self.article[j]}
        self.listed = {a for f in facts for a in f}
        self.same = {(a, b) for f in facts for a in f for b in f}

    def s(self, i: int, j: int) -> float:
        return self.score.get((min(i, j), max(i, j)), 0.0)

    def together(self, i: int | None, j: int | None, linked: bool = False) -> bool:
        if i is None or j is None:
            return False
        grouped = i in self.group_of and self.group_of[i] == self.group_of.get(j)
        return grouped or (linked and (min(i, j), max(i, j)) in self.links)

    def next_to(self, i: int, step: int) -> int | None:
        return self.at.get((self.article[i], self.index[i] + step))

    def free(self, i: int, other: str, mode: str) -> bool:
        g = self.group_of.get(i)
        return g is None or (mode == "apart" and all(self.article[m] != other for m in self.groups[g]))

    def open_pairs(self, floor: float, mode: str) -> list[tuple[int, int]]:
        return [
            (i, j)
            for (i, j), v in self.score.items()
            if floor <= v < self.link and not self.together(i, j) and self.free(i, self.article[j], mode) and self.free(j, self.article[i], mode)
        ]

    def articles(self) -> list[str]:
        return sorted(set(self.article))

    def members(self, article: str) -> list[int]:
        return sorted((k for k, a in enumerate(self.article) if a == article), key=lambda k: self.index[k])


def diagonal(st: Story, floor: float, mode: str, both: bool, linked: bool) -> set[tuple[int, int]]:
    out = set()
    for i, j in st.open_pairs(floor, mode):
        sides = [st.together(st.next_to(i, d), st.next_to(j, d), linked) for d in (-1, 1)]
        if all(sides) if both else any(sides):
            out.add((i, j))
    return out


def mutual(st: Story, floor: float, mode: str) -> set[tuple[int, int]]:
    out = set()
    for i, j in st.open_pairs(floor, mode):
        v = st.s(i, j)
        if all(st.s(i, q) <= v for q in st.members(st.article[j])) and all(st.s(p, j) <= v for p in st.members(st.article[i])):
            out.add((i, j))
    return out


def gap(st: Story, floor: float, mode: str) -> set[tuple[int, int]]:
    """Pairs between two anchors, each the other's best in the gap (as the candidate ``gap_floor``)."""
    out = set()
    allowed = set(st.open_pairs(floor, mode))
    for a, b in combinations(st.articles(), 2):
        xs, ys = st.members(a), st.members(b)
        pos = {k: n for order in (xs, ys) for n, k in enumerate(order)}
        anchors = sorted({(pos[p], pos[q]) for p in xs for q in ys if st.together(p, q)})
        across_x, across_y = {x for x, _ in anchors}, {y for _, y in anchors}
        for (x1, y1), (x2, y2) in pairwise(anchors):
            if x2 <= x1 + 1 or y2 <= y1 + 1 or any(x1 < x < x2 for x in across_x) or any(y1 < y < y2 for y in across_y):
                continue
            first, second = xs[x1 + 1 : x2], ys[y1 + 1 : y2]
            for p in first:
                q = max(second, key=lambda m: st.s(p, m))
                if max(first, key=lambda m: st.s(m, q)) == p and (min(p, q), max(p, q)) in allowed:
                    out.add((min(p, q), max(p, q)))
    return out


RULES: dict[str, Callable[[Story, float, str], set[tuple[int, int]]]] = {
    "floor": lambda st, f, m: set(st.open_pairs(f, m)),
    "diagonal both": lambda st, f, m: diagonal(st, f, m, True, False),
    "diagonal both, linked": lambda st, f, m: diagonal(st, f, m, True, True),
    "diagonal one": lambda st, f, m: diagonal(st, f, m, False, False),
    "diagonal one, linked": lambda st, f, m: diagonal(st, f, m, False, True),
    "gap": gap,
    "mutual": mutual,
}


def facts_linked(st: Story, added: set[tuple[int, int]]) -> tuple[int, int]:
    where = {x: n for n, x in enumerate(st.ids)}
    before = after = 0
    for fact in st.facts:
        pairs = [(where[a], where[b]) for a in fact for b in fact if a in where and b in where and st.article[where[a]] < st.article[where[b]]]
        linked = any(st.together(i, j) for i, j in pairs)
        before += linked
        after += linked or any((min(i, j), max(i, j)) in added for i, j in pairs)
    return before, after


def measure(stories: Sequence[Story], name: str, floor: float, mode: str, show: bool) -> str:
    added = judged = same = 0
    facts: dict[str, list[int]] = {}
    for st in stories:
        pairs = RULES[name](st, floor, mode)
        added += len(pairs)
        for i, j in sorted(pairs):
            a, b = st.ids[i], st.ids[j]
            if a in st.listed and b in st.listed:
                judged += 1
                same += (a, b) in st.same
            if show:
                verdict = "same" if (a, b) in st.same else "other" if a in st.listed and b in st.listed else "unlisted"
                print(f"    {verdict:8} {st.name} {a} {b} {st.s(i, j):.3f} | {st.texts[i][:100]} | {st.texts[j][:100]}")
        before, after = facts_linked(st, pairs)
        key = "r17" if st.reading == "reading17" else "585"
        facts.setdefault(key, [0, 0, 0])
        facts[key] = [facts[key][0] + before, facts[key][1] + after, facts[key][2] + len(st.facts)]
    prec = f"{same / judged:.2f}" if judged else "  - "
    linked = "; ".join(f"{k}: {v[0]} -> {v[1]} of {v[2]}" for k, v in sorted(facts.items()))
    return f"{name:22} {floor:.2f} {mode:5}  added {added:4}  judged {judged:4}  same {same:4}  prec {prec}  unlisted {added - judged:4}  facts {linked}"


def load(readings: Sequence[Path], folder: Path, data: Path) -> list[Story]:
    out = []
    for path in readings:
        reading = json.loads(path.read_text(encoding="utf-8"))
        for name, facts in reading.get("facts", {}).items():
            source = folder / f"{name}.jsonl"
            if not source.exists():
                source = data / "basil-dev" / "stories" / name
            if not source.exists():
                print(f"{name}: no story file in {folder} nor BASIL folder in {data}", file=sys.stderr)
                continue
            SEEN.clear()
            result = compare([str(source)])
            out.append(Story(path.stem, name, facts, SEEN["alignment"], result.settings.semantic_link_threshold))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("readings", type=Path, nargs="+")
    parser.add_argument("--stories", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--floors", default="0.15,0.2,0.22,0.25")
    parser.add_argument("--show", help="print the pairs of one rule, as 'gap:0.22:free'")
    args = parser.parse_args(argv)
    stories = load(args.readings, args.stories, args.data)
    if args.show:
        name, floor, mode = args.show.split(":")
        print(measure(stories, name, float(floor), mode, True))
        return 0
    for name in RULES:
        for floor in (float(f) for f in args.floors.split(",")):
            for mode in ("free", "apart"):
                print(measure(stories, name, floor, mode, False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
