"""What the aligner saw for each link of the groups editors judged (issue 11's precision): does any
pair score tell a wrong group from a right one?

    .venv/bin/python benchmarks/link_features.py write FEATURES.json STORY ... [--tree TREE]
    .venv/bin/python benchmarks/link_features.py table OUT FEATURES.json [--below 0.6] [--rule S,C,P]

``write`` runs ``storycompare compare`` on each story (a BASIL story folder or a JSONL file of
article records, as ``reading.py render`` takes them) in this process, with ``compare.align._links``
wrapped, and writes for every link of each story (``"<sentence id> <sentence id>"``) its score, its
lexical score, its cosine (story-centred, or news-centred for two leads), its story-centred cosine,
whether the two are compared as leads, whether a part made it, and the weight of the plain words
the two share (``Settings.weak_link_plain``: none of the story's names, attribution or words that
run through the story) with the words.

``table`` joins them to the verdicts of the groups of two members in ``OUT`` (``group_verdicts.py``'s
renders, one folder per reading; its verdicts, and readings 18 and 19's) and prints each group
scoring under ``--below`` with its features, sorted by score, and the counts of right / partly /
wrong.  ``--rule S,C,P`` counts the groups a weak-link rule would take apart: a link under score
``S`` whose cosine is under ``C`` and whose shared plain words weigh under ``P``, leads exempt
(``Settings.weak_link_score`` 0.45, ``weak_link_cosine`` 0.5, ``weak_link_plain`` 1.55 take none
apart: the links passed them).  A group taken apart in the table may join another in a real run:
read the counts as a first sieve, then measure with ``group_diff.py``.  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def write(features_path: Path, stories: Sequence[Path], tree: Path) -> None:
    sys.path.insert(0, str(tree.resolve()))
    import compare.align as align_module
    from compare.similarity import informativeness
    from storycompare.cli import main as cli_main

    seen: dict[str, Any] = {}
    links_of = align_module._links
    refusals_of = align_module.refusals_apart

    def links(candidates: Any, similarity: Any, lexical: Any, matched: Any, cosines: Any, threshold: float,
              settings: Any, plain: Any = None, *rest: Any, **named: Any) -> dict[tuple[int, int], float]:
        out: dict[tuple[int, int], float] = links_of(candidates, similarity, lexical, matched, cosines, threshold,
                                                     settings, plain, *rest, **named)
        found = {}
        for (i, j), value in out.items():
            item: dict[str, Any] = {"score": value, "lexical": lexical(i, j), "part": (i, j) in matched}
            if cosines is not None:
                item.update(cosine=cosines.pair(i, j), story_cosine=cosines.story_pair(i, j), leads=cosines.leads(i, j))
            if plain is not None:
                shared = plain[i] & plain[j]
                item.update(plain=sum(informativeness(t) for t in shared), shared=sorted(shared))
            found[(i, j)] = item
        seen["links"] = found
        return out

    def refusals(found: Any, sentences: Any, *rest: Any, **named: Any) -> Any:
        seen["ids"] = [f"{s.article}:{s.index}" for s in sentences]
        return refusals_of(found, sentences, *rest, **named)

    align_module._links, align_module.refusals_apart = links, refusals  # type: ignore[assignment]
    result: dict[str, dict[str, Any]] = {}
    for story in stories:
        seen.clear()
        with tempfile.TemporaryDirectory() as folder:
            cli_main(["compare", str(story), "--json", os.path.join(folder, "out.json"), "--quiet"])
        ids = seen.get("ids", [])
        name = story.stem if story.is_file() else story.name
        result[name] = {f"{ids[i]} {ids[j]}": item for (i, j), item in seen.get("links", {}).items()}
        print(f"{name}: {len(result[name])} links")
    features_path.write_text(json.dumps(result), encoding="utf-8")


def table(out: Path, features_path: Path, below: float, rule: tuple[float, float, float] | None) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import group_verdicts

    readings = group_verdicts.READINGS
    found, _ = group_verdicts.load(group_verdicts.LABELS)
    features = json.loads(features_path.read_text(encoding="utf-8"))
    shown: list[tuple[float, str]] = []
    counts: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    for name in readings:
        for path in sorted((out / name).glob("*.json")):
            result = json.loads(path.read_text(encoding="utf-8"))
            for group in result["groups"]:
                if len(group["members"]) != 2:
                    continue
                verdict = found.get((path.stem, group_verdicts.key(group["members"])), ("not judged",))[0]
                a, b = group["members"]
                item = features.get(path.stem, {}).get(f"{a} {b}") or features.get(path.stem, {}).get(f"{b} {a}")
                if item is None or verdict == "not judged" or item["score"] >= below:
                    continue
                counts[verdict] += 1
                if rule and not item["part"] and not item.get("leads") and item["score"] < rule[0] \
                        and item.get("cosine", 1.0) < rule[1] and item.get("plain", 0.0) < rule[2]:
                    taken[verdict] += 1
                shown.append((item["score"], f"{verdict:6s} score {item['score']:.2f} lexical {item['lexical']:.2f} "
                               f"cosine {item.get('cosine', 0):.2f} story {item.get('story_cosine', 0):.2f} "
                               f"leads {int(bool(item.get('leads')))} plain {item.get('plain', 0):.1f} "
                               f"{path.stem} {' '.join(sorted(group['members']))} {item.get('shared', [])}"))
    print("\n".join(line for _, line in sorted(shown)))
    print(f"groups of two under {below}: {dict(counts)}")
    if rule:
        print(f"taken apart by the rule {rule}: {dict(taken)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("features", type=Path)
    w.add_argument("stories", type=Path, nargs="+")
    w.add_argument("--tree", type=Path, default=ROOT)
    t = sub.add_parser("table")
    t.add_argument("out", type=Path)
    t.add_argument("features", type=Path)
    t.add_argument("--below", type=float, default=0.6)
    t.add_argument("--rule", default="")
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.features.resolve(), [s.resolve() for s in args.stories], args.tree)
    else:
        rule = tuple(float(x) for x in args.rule.split(",")) if args.rule else None
        if rule is not None and len(rule) != 3:
            parser.error("--rule needs three numbers: S,C,P")
        table(args.out, args.features, args.below, rule)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
