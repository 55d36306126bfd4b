"""Re-score a tree's typed differences against an editor's verdicts (``benchmarks/labels/differences-*.json``).

    .venv/bin/python benchmarks/differences_labels.py [--labels FILE] [--data ../shared/data] [--show-new] [--show VERDICT] [--story ID]

Each story of the labels file is compared again (its FNC-1 bodies, read by id from
``DATA/fnc1/train_bodies.jsonl``, with the code this interpreter imports: run it with another
checkout's ``.venv/bin/python`` to score that checkout).  A labelled difference is found again
when a difference of its type names two of the sentences it named (one, when it named one); a
"missed" item (a claim and its denial in one group, no difference saying so) is found when a
"negation" or "opposite" difference names one of its denying sentences and one of the others.

It prints, per verdict, how many labelled differences the tree still gives (right and partly
ones should stay, wrong ones go, missed ones come), and the differences that match no label:
new claims to read (``--show-new`` prints them with their sentences).  Nothing here is part of
the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = ROOT / "benchmarks" / "labels" / "differences-fnc1-s14.json"
DENYING_TYPES = ("negation", "opposite")


def _bodies(data: Path) -> dict[str, str]:
    path = data / "fnc1" / "train_bodies.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found (pass --data, the folder that holds fnc1/)")
    out = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            out[record["id"]] = record["text"]
    return out


def _found(item: dict[str, Any], differences: Sequence[tuple[str, set[str]]]) -> bool:
    named = set(item["values"])
    if item["verdict"] == "missed":
        deniers = {k for k, v in item["values"].items() if v == "denies"}
        others = named - deniers
        return any(t in DENYING_TYPES and ids & deniers and ids & others for t, ids in differences)
    need = min(2, len(named))
    return any(t == item["difference"] and len(ids & named) >= need for t, ids in differences)


def score(
    labels: dict[str, Any], bodies: dict[str, str], only: Sequence[str], show_new: bool, show: Sequence[str] = ()
) -> Counter[str]:
    from compare import compare

    counts: Counter[str] = Counter()
    by_story: dict[str, list[dict[str, Any]]] = {}
    for item in labels["items"]:
        by_story.setdefault(item["story"], []).append(item)
    for story, article_ids in labels["stories"].items():
        if only and story not in only:
            continue
        result = compare([{"id": a, "text": bodies[a]} for a in article_ids])
        texts = {s.id: s.text for article in result.articles for s in article.sentences}
        differences = [(d.type, {k for k, _ in d.values}, g.id, d) for g in result.groups for d in g.differences]
        pairs = [(t, ids) for t, ids, _, _ in differences]
        items = by_story.get(story, [])
        for item in items:
            given = _found(item, pairs)
            counts[f"{item['verdict']} {'given' if given else 'not given'}"] += 1
            if item["verdict"] in show and given == (item["verdict"] != "missed"):
                print(f"### {story} {item['verdict']} {item['difference']}: {item['note']}")
                for t, ids, _, d in differences:
                    if _found(item, [(t, ids)]):
                        print(f"  given as {t}: {d.detail}")
                for sentence in item["values"]:
                    print(f"  {sentence}: {texts.get(sentence, '')}")
                print()
        for t, ids, group, d in differences:
            labelled = any(
                item["verdict"] != "missed" and t == item["difference"] and len(ids & set(item["values"])) >= min(2, len(item["values"]))
                for item in items
            ) or any(item["verdict"] == "missed" and _found(item, [(t, ids)]) for item in items)
            if labelled:
                continue
            counts["new, to read"] += 1
            if show_new:
                print(f"### {story} {group} {t}: {d.detail}")
                for sentence, value in d.values:
                    print(f"  {sentence} [{value}]: {texts.get(sentence, '')}")
                print()
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--story", action="append", default=[], help="score only this story (repeatable)")
    parser.add_argument("--show-new", action="store_true", help="print the differences no label matches")
    parser.add_argument(
        "--show", action="append", default=[], choices=("right", "partly", "wrong", "missed"),
        help="print the labelled items of this verdict the tree still gives (missed: still does not give), with their sentences",
    )
    args = parser.parse_args(argv)
    labels = json.loads(args.labels.read_text("utf-8"))
    counts = score(labels, _bodies(args.data), args.story, args.show_new, args.show)
    for verdict in ("right", "partly", "wrong", "missed"):
        given, total = counts[f"{verdict} given"], counts[f"{verdict} given"] + counts[f"{verdict} not given"]
        print(f"{verdict:>7}: {given} of {total} still given" if verdict != "missed" else f" missed: {given} of {total} now given")
    print(f"    new: {counts['new, to read']} differences no label matches (--show-new prints them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
