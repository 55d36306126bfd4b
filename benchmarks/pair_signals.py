"""Signals beyond the pair score, tried on the judged groups of two (issue 11's precision, session 22):
does any of them pick the wrong groups and leave the right ones?

    .venv/bin/python benchmarks/pair_signals.py OUT FEATURES.json [--below 0.5]

``OUT`` is ``group_verdicts.py``'s renders (one folder per reading), ``FEATURES.json`` is
``link_features.py write``'s output on the same stories.  For every judged group of two members whose
link scores under ``--below`` (and that no part made), prints right / partly / wrong in all and
under each cut-off of each signal:

* ``main clause``: the cosine of the two main clauses (:func:`compare.link_checks.main_clause`), raw
  all-MiniLM-L6-v2 vectors;
* ``names masked``: the cosine of the two sentences with the story's names (``story_names`` and
  ``story_acronyms``) written "someone", centred on the story's sentences so masked;
* ``best clause``: the highest cosine between a clause of one (:func:`compare.parts.sentence_parts`,
  or the whole) and a clause of the other;
* ``coverage``: the larger of the two shares of a sentence's content-word weight that the other holds;
* ``better elsewhere``: the pair's score less the best link either member has with another sentence
  of the other's article (below 0: one of them has a closer sentence there).

And over every cross-article pair of the judged groups (groups of two, and right groups of any size):
two named sources that cannot be one (``attribution_conflict``), one naming a source the other names
(the same speaker), a word one negates that the other states plainly.  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import group_verdicts  # noqa: E402

from compare.analyze.attribution import attribution_conflict, compatible, find_sources  # noqa: E402
from compare.link_checks import main_clause, stated  # noqa: E402
from compare.parts import sentence_parts  # noqa: E402
from compare.semantic import encode_here  # noqa: E402
from compare.similarity import analyse, informativeness, story_acronyms, story_names  # noqa: E402

Pair = dict[str, Any]


def judged(out: Path, features: dict[str, Any]) -> tuple[list[Pair], list[Pair]]:
    """The judged groups of two (with their link's features and story), and every cross-article pair
    of the judged groups of two and of the right groups."""
    readings = group_verdicts.READINGS
    found, _ = group_verdicts.load(group_verdicts.LABELS)
    twos: list[Pair] = []
    pairs: list[Pair] = []
    for name in readings:
        for path in sorted((out / name).glob("*.json")):
            result = json.loads(path.read_text(encoding="utf-8"))
            text = group_verdicts.texts(result)
            story = [SimpleNamespace(role=s.get("role", "body"), text=s["text"]) for a in result["articles"] for s in a["sentences"]]
            for group in result["groups"]:
                verdict = found.get((path.stem, group_verdicts.key(group["members"])), ("not judged",))[0]
                if verdict == "not judged" or (verdict != "right" and len(group["members"]) != 2):
                    continue
                for a, b in itertools.combinations(group["members"], 2):
                    if a.split(":")[0] != b.split(":")[0]:
                        pairs.append({"verdict": verdict, "a": text[a], "b": text[b]})
                if len(group["members"]) == 2:
                    a, b = group["members"]
                    links = features.get(path.stem, {})
                    item = links.get(f"{a} {b}") or links.get(f"{b} {a}")
                    if item is not None:
                        twos.append({"verdict": verdict, "a": text[a], "b": text[b], "ids": (a, b), "link": item,
                                     "links": links, "story": story})
    return twos, pairs


def _unit(vectors: Any) -> Any:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _embed(texts: Sequence[str]) -> dict[str, Any]:
    unique = sorted(set(texts))
    return dict(zip(unique, _unit(encode_here(unique)), strict=True))


def _masked(story: Sequence[Any]) -> Callable[[str], str]:
    names = story_names(story) | story_acronyms(story)

    def mask(text: str) -> str:
        words = text.split()
        return " ".join("someone" if w[:1].isupper() and w.lower().strip("'’.,;:\"“”()") in names else w for w in words)

    return mask


def signals(twos: list[Pair]) -> dict[str, list[tuple[str, float]]]:
    out: dict[str, list[tuple[str, float]]] = {}
    vectors = _embed([c for p in twos for t in (p["a"], p["b"]) for c in (t, main_clause(t), *_clauses(t))])
    out["main clause"] = [(p["verdict"], float(vectors[main_clause(p["a"])] @ vectors[main_clause(p["b"])])) for p in twos]
    out["best clause"] = [(p["verdict"], max(float(vectors[x] @ vectors[y]) for x in {p["a"], *_clauses(p["a"])}
                                             for y in {p["b"], *_clauses(p["b"])})) for p in twos]
    masked = []
    for p in twos:
        mask = _masked(p["story"])
        texts = [mask(s.text) for s in p["story"]]
        all_vectors = _unit(encode_here(texts))
        centred = _unit(all_vectors - all_vectors.mean(axis=0))
        where = {t: k for k, t in enumerate(texts)}
        masked.append((p["verdict"], float(centred[where[mask(p["a"])]] @ centred[where[mask(p["b"])]])))
    out["names masked"] = masked
    coverage = []
    for p in twos:
        a, b = set(analyse(p["a"])[0]), set(analyse(p["b"])[0])
        shared = sum(informativeness(t) for t in a & b)
        coverage.append((p["verdict"], max(shared / (sum(informativeness(t) for t in s) or 1.0) for s in (a, b))))
    out["coverage"] = coverage
    out["better elsewhere"] = [(p["verdict"], p["link"]["score"] - _best_elsewhere(p)) for p in twos]
    return out


def _clauses(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_parts(text, 4)]


def _best_elsewhere(p: Pair) -> float:
    a, b = p["ids"]
    best = 0.0
    for key, item in p["links"].items():
        x, y = key.split()
        for mine, theirs, other in ((x, y, b), (y, x, a)):
            if mine in (a, b) and mine != other and theirs.split(":")[0] == other.split(":")[0] and theirs != other:
                best = max(best, item["score"])
    return best


def pair_checks(pairs: list[Pair]) -> dict[str, Counter[str]]:
    def conflict(p: Pair) -> bool:
        return attribution_conflict(find_sources(p["a"]), find_sources(p["b"]), p["a"], p["b"]) is not None

    def same_speaker(p: Pair) -> bool:
        return any(x.named and y.named and compatible(x, y) for x in find_sources(p["a"]) for y in find_sources(p["b"]))

    def negated_plain(p: Pair) -> bool:
        a, b = stated(p["a"]), stated(p["b"])
        return any(one.negated and other.plain and bool(one.negated & other.words) for one, other in ((a, b), (b, a)))

    checks = {"two sources that cannot be one": conflict, "one named speaker": same_speaker,
              "a word one negates, the other states": negated_plain}
    return {name: Counter(p["verdict"] for p in pairs if check(p)) for name, check in checks.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("features", type=Path)
    parser.add_argument("--below", type=float, default=0.5)
    args = parser.parse_args(argv)
    twos, pairs = judged(args.out, json.loads(args.features.read_text(encoding="utf-8")))
    twos = [p for p in twos if p["link"]["score"] < args.below and not p["link"]["part"]]
    print(f"groups of two under {args.below}: {dict(Counter(p['verdict'] for p in twos))}")
    for name, values in signals(twos).items():
        ranked = sorted(v for _, v in values)
        for cut in (ranked[len(ranked) // 10], ranked[len(ranked) // 4], ranked[len(ranked) // 2]):
            print(f"  {name} under {cut:.2f}: {dict(Counter(v for v, x in values if x < cut))}")
    print(f"cross-article pairs of the judged groups (right groups of any size, others of two): {dict(Counter(p['verdict'] for p in pairs))}")
    for name, counts in pair_checks(pairs).items():
        print(f"  {name}: {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
