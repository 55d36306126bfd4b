"""ECB+ links read by an editor: how much of the ECB+ recall target is one fact, and how much of it we find.

    .venv/bin/python benchmarks/ecbplus_editor.py [--data ../shared/data] [--labels benchmarks/labels/ecbplus_editor_pairs.json]

ECB+ calls two sentences linked when they mention one event; storycompare groups sentences that
report one fact.  ``benchmarks/labels/ecbplus_editor_pairs.json`` holds 100 gold links drawn at
random and 20 pairs the aligner grouped that are not gold links, each judged blind by an editor:
``same`` (one fact), ``event`` (one event, different facts) or ``other``.  This prints, for the
code of this checkout:

* the share of gold links an editor calls one fact: about the recall that an aligner of facts
  could reach on ECB+ (issue 11's target is 0.70);
* the recall of this checkout on the gold links the editor calls one fact, and on the others;
* of the sampled pairs it groups that are not gold links, how many the editor calls one fact.

Only the judged pairs' sub-topics are compared.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ecbplus  # noqa: E402

from compare import Settings  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels" / "ecbplus_editor_pairs.json"


def _sentence(ref: str) -> tuple[str, int]:
    doc, _, idx = ref.partition("#")
    return doc, int(idx)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ecbplus.DEFAULT_DATA)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args(argv)
    folder = args.data / "ecbplus-dev"
    if not folder.is_dir():
        print(f"ecbplus_editor: {folder} not found; nothing measured", file=sys.stderr)
        return 2
    pairs = json.loads(args.labels.read_text(encoding="utf-8"))["pairs"]
    subtopics = ecbplus.read_subtopics(folder)
    groups: dict[tuple[str, int], set[str]] = {}
    for name in sorted({p["subtopic"] for p in pairs}):
        found = ecbplus.predicted_groups(subtopics[name], Settings())
        groups.update({(name, *key): {f"{name}/{g}" for g in ids} for key, ids in found.items()})
    counts: Counter[tuple[bool, str, bool]] = Counter()
    for p in pairs:
        a, b = (groups.get((p["subtopic"], *_sentence(p[k])), set()) for k in ("a", "b"))
        counts[(p["gold_link"], p["editor"], bool(a & b))] += 1
    gold = sum(n for (g, _, _), n in counts.items() if g)
    same = sum(n for (g, e, _), n in counts.items() if g and e == "same")
    print(f"gold links judged: {gold}; one fact to the editor: {same} ({same / max(1, gold):.0%}), "
          f"one event only: {sum(n for (g, e, _), n in counts.items() if g and e == 'event')}, "
          f"other: {sum(n for (g, e, _), n in counts.items() if g and e == 'other')}")
    for verdict in ("same", "event", "other"):
        total = sum(n for (g, e, _), n in counts.items() if g and e == verdict)
        linked = counts[(True, verdict, True)]
        print(f"  recall on the gold links judged {verdict}: {linked} of {total} ({linked / max(1, total):.0%})")
    extra = sum(n for (g, _, _), n in counts.items() if not g)
    extra_linked = {v: counts[(False, v, True)] for v in ("same", "event", "other")}
    print(f"sampled non-gold pairs (grouped at c4864f4): {extra}; grouped now: {sum(extra_linked.values())}, "
          f"of which the editor calls one fact {extra_linked['same']}, one event {extra_linked['event']}, "
          f"other {extra_linked['other']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
