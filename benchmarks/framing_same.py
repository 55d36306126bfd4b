"""Whether a change to the framing leaves its output as it was: the JSON reports' ``stances``
(actors, aliases, stances, tone, tone_score, evidence, voices, marked cue words) of many stories,
written by two checkouts and compared.

    .venv/bin/python benchmarks/framing_same.py write OUT.json [--data ../shared/data] [--fnc1 DIR]
    .venv/bin/python benchmarks/framing_same.py diff BEFORE.json AFTER.json

``write`` runs this checkout's ``compare`` (in one process, the embedding cache as configured:
give both runs the same ``STORYCOMPARE_CACHE``) on the example story, the 30 BASIL dev stories
(``DATA/basil-dev/stories/<id>``) and, with ``--fnc1``, every ``*.jsonl`` story of that folder
(e.g. the labelled FNC-1 stories that ``reading.py stories`` writes), and writes each story's
``stances`` to OUT.json.  Run it from the other checkout too (``cd OTHER && .venv/bin/python
THIS/benchmarks/framing_same.py write ...``: the working directory's code is the one run), then
``diff`` prints how many stories, stance records and fields are the same, and the first
differences.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def stories(data: Path, fnc1: Path | None) -> list[tuple[str, list[str]]]:
    """(name, input files) of every story to compare."""
    out = [("example", sorted(str(p) for p in (ROOT / "examples" / "nato-russia-2010").glob("*.txt")))]
    basil = data / "basil-dev" / "stories"
    if not basil.is_dir():
        raise SystemExit(f"{basil}: BASIL dev stories not found (--data)")
    out += [(f"basil/{d.name}", sorted(str(p) for p in d.glob("*.json"))) for d in sorted(basil.iterdir()) if d.is_dir()]
    if fnc1 is not None:
        out += [(f"fnc1/{p.stem}", [str(p)]) for p in sorted(fnc1.glob("*.jsonl"))]
    return out


def write(out: Path, data: Path, fnc1: Path | None) -> int:
    sys.path.insert(0, os.getcwd())  # the checkout run is the working directory's
    from compare.pipeline import compare
    from reports.jsonout import render_json

    found: dict[str, Any] = {}
    for name, files in stories(data, fnc1):
        found[name] = json.loads(render_json(compare(files)))["stances"]
        print(f"{name}: {len(found[name])} stances", file=sys.stderr)
    out.write_text(json.dumps(found, indent=1, ensure_ascii=False), "utf-8")
    return 0


def diff(before: Path, after: Path, show: int = 10) -> int:
    a, b = json.loads(before.read_text("utf-8")), json.loads(after.read_text("utf-8"))
    names = sorted(set(a) | set(b))
    same_stories = same_records = records = 0
    fields: dict[str, int] = {}
    shown = 0
    for name in names:
        left, right = a.get(name), b.get(name)
        if left == right:
            same_stories += 1
        for n in range(max(len(left or []), len(right or []))):
            x = left[n] if left and n < len(left) else None
            y = right[n] if right and n < len(right) else None
            records += 1
            if x == y:
                same_records += 1
                for key in x or {}:
                    fields[key] = fields.get(key, 0) + 1
            elif shown < show:
                shown += 1
                keys = sorted({*(x or {}), *(y or {})})
                changed = [k for k in keys if (x or {}).get(k) != (y or {}).get(k)]
                print(f"{name} stance {n}: {changed}: {json.dumps({k: (x or {}).get(k) for k in changed})[:300]}"
                      f" -> {json.dumps({k: (y or {}).get(k) for k in changed})[:300]}")  # fmt: skip
    print(f"stories: {same_stories} of {len(names)} with the same stances; stance records: {same_records} of {records} the same")
    print("fields of the same records:", ", ".join(f"{k} {v}" for k, v in sorted(fields.items())))
    return 0 if same_stories == len(names) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write the stances of every story")
    w.add_argument("out", type=Path)
    w.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    w.add_argument("--fnc1", type=Path, help="a folder of FNC-1 stories as .jsonl files")
    d = sub.add_parser("diff", help="compare two files that write wrote")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        return write(args.out, args.data, args.fnc1)
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
