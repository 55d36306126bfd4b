"""The typed differences two renders of the same stories disagree on, with their sentences, to judge.

    .venv/bin/python benchmarks/difference_diff.py BEFORE AFTER [--types hedge,quote]

BEFORE and AFTER are folders of ``storycompare compare --json`` results (``benchmarks/reading.py
render`` with two trees).  A difference is keyed by its type and the sentence ids it names; the
script prints the ones only one side gives ("removed", "added"; one whose detail changed is both),
each with its sentences, and the counts per type.  Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _differences(result: dict[str, Any]) -> dict[tuple[str, tuple[str, ...]], tuple[str, list[list[str]]]]:
    out = {}
    for group in result["groups"]:
        for d in group["differences"]:
            values = [list(pair) for pair in d["values"].items()]  # {sentence id: value}
            out[(d["type"], tuple(sorted(d["values"])))] = (d["detail"], values)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--types", default="", help="comma-separated difference types to show (default: all)")
    args = parser.parse_args(argv)
    types = set(filter(None, args.types.split(",")))
    counts: Counter[str] = Counter()
    for path in sorted(args.after.glob("*.json")):
        old_path = args.before / path.name
        if not old_path.exists():
            continue
        old, new = json.loads(old_path.read_text("utf-8")), json.loads(path.read_text("utf-8"))
        texts = {s["id"]: s["text"] for a in new["articles"] for s in a["sentences"]}
        before, after = _differences(old), _differences(new)
        for side, mine, theirs in (("removed", before, after), ("added", after, before)):
            for key, (detail, values) in mine.items():
                if (key in theirs and theirs[key][0] == detail) or (types and key[0] not in types):
                    continue
                counts[f"{side} {key[0]}"] += 1
                print(f"### {path.stem} {side} {key[0]}: {detail}")
                for sentence, value in values:
                    print(f"  {sentence} [{value}]: {texts.get(sentence, '')}")
                print()
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
