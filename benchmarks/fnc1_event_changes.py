"""Which labelled FNC-1 batch stories' events change with event settings (issue 13, sessions 22-23).

    .venv/bin/python benchmarks/fnc1_event_changes.py [--data DIR] [--setting NAME=VALUE[,NAME=VALUE...]]

The 131 labelled FNC-1 batch stories (``benchmarks/labels/differences-fnc1-s14.json`` and the
'fnc1' stories of ``differences-s15-heldout.json``), each compared as one set of articles: their events
(:func:`compare.analyze.event_sets.judge_events`) with the shipped settings and with ``--setting``
(default ``undated_people_content=1.0``: the rule of two undated articles naming the same people
off), how many stories split into more than one event each way, and every story whose events
change, before and after (FNC-1 body ids; read them against ``fnc1/train_bodies.jsonl``).
Reads ``fnc1/train_bodies.jsonl`` under ``--data`` (default ``../shared/data``).  Session 22:
split 33 shipped against 40 with the rule off; the 12 changes read in
``benchmarks/labels/events-s22.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.analyze.event_sets import judge_events  # noqa: E402
from compare.load import load_inputs  # noqa: E402
from compare.pipeline import prepare  # noqa: E402
from compare.settings import Settings  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels"


def labelled_stories() -> dict[str, list[str]]:
    stories: dict[str, list[str]] = dict(json.loads((LABELS / "differences-fnc1-s14.json").read_text(encoding="utf-8"))["stories"])
    stories.update(json.loads((LABELS / "differences-s15-heldout.json").read_text(encoding="utf-8"))["stories"]["fnc1"])
    return stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--setting", default="undated_people_content=1.0",
                        help="events settings NAME=VALUE, comma-separated (a switch: true or false)")
    args = parser.parse_args()
    path = args.data / "fnc1" / "train_bodies.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found (the shared data folder, --data)")
    bodies = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    shipped = Settings()
    changed: dict[str, Any] = {}
    for name, value in (item.split("=") for item in args.setting.split(",")):
        kind = type(getattr(shipped.events, name))
        changed[name] = value.lower() == "true" if kind is bool else kind(value)
    other = replace(shipped, events=replace(shipped.events, **changed))
    split = {"shipped": 0, args.setting: 0}
    for story, ids in sorted(labelled_stories().items()):
        articles = [prepare(a, shipped) for a in load_inputs([bodies[i] for i in ids])]
        events = {key: sorted(sorted(e.articles) for e in judge_events(articles, None, s)[1])
                  for key, s in (("shipped", shipped), (args.setting, other))}
        for key, found in events.items():
            split[key] += len(found) > 1
        if events["shipped"] != events[args.setting]:
            print(f"{story}: {events[args.setting]} -> {events['shipped']}")
    print(f"stories split into more than one event, of {len(labelled_stories())}: " + ", ".join(f"{k} {n}" for k, n in split.items()))


if __name__ == "__main__":
    main()
