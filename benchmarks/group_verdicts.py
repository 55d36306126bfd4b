"""Group verdicts over every labelled reading at once, from every label file (issue 11's precision figure).

    .venv/bin/python benchmarks/group_verdicts.py OUT [--carry READING=OLD ...] [--show]

OUT holds one folder per reading, named after its label file (``OUT/reading10``, ...,
``OUT/review-s16-basil``, ``OUT/reading18``, ``OUT/reading19``), each with ``reading.py render``'s ``<story>.json`` of that reading's
stories (FNC-1 stories written by ``reading.py stories``, ECB+ ones by hand as the reading's
``about`` says, BASIL ones from ``basil-dev/stories/<id>``).  A group's verdict is the reading's own
(its latest judged commit first), else that of a group-verdict file of ``benchmarks/labels/``
(``issue11-*.json``, ``lead-s15-*.json``, ``groups-s*.json``: the story's stem and the sorted members).  ``--carry
reading17=DIR`` carries a reading's verdicts over by the members' texts from ``DIR``, a render at the
commit it judged (a clean-up that drops a line shifts the sentence ids after it: ``61322ed`` did so
for reading 17).  Prints right / partly / wrong / not judged per reading and in all (and without
reading 17, the figure sessions 19-21 quote; since session 22 it holds readings 18 and 19 too, whose
verdicts are keyed by the ids of the render at main: 446 groups at ``75819ca``); ``--show`` prints every group not judged right with
its verdict, where it comes from, the note that explains it, and its sentences.  Never part of the
test suite.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "labels"
READINGS = ("reading10", "reading11", "reading12", "reading13", "reading14", "reading15", "reading16",
            "reading17", "reading18", "reading19", "reading20", "reading21", "reading22", "reading23",
            "review-s14-basil", "review-s15-basil", "review-s16-basil")
Verdict = tuple[str, str, str]  # verdict, note, where it comes from


def key(members: Sequence[str]) -> str:
    return "group " + " ".join(sorted(members))


def texts(result: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["text"] for a in result["articles"] for s in a["sentences"]}


def load(labels: Path) -> tuple[dict[tuple[str, str], Verdict], list[str]]:
    """The verdict of each (story, group key), and every note line of the readings that names a group."""
    found: dict[tuple[str, str], Verdict] = {}
    for path in sorted(labels.glob("issue11-*.json")) + sorted(labels.glob("lead-s15-*.json")) + sorted(labels.glob("groups-s*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for g in data if isinstance(data, list) else []:
            found[(g["story"].split("/")[-1], key(g["members"]))] = (g["verdict"], g.get("note", ""), path.stem)
    notes: list[str] = []
    for name in READINGS:
        reading = json.loads((labels / f"{name}.json").read_text(encoding="utf-8"))
        for commit, text in (reading.get("notes") or {}).items():
            if commit != "facts" and isinstance(text, str):
                notes.extend(line for line in text.splitlines() if "group " in line)
        for commit, judged in reading["verdicts"].items():  # later commits last: they win
            for story, known in judged.items():
                for k, v in known.items():
                    if k.startswith("group "):
                        found[(story, k)] = (v, "", f"{name} {commit}")
    return found, notes


def carried(found: dict[tuple[str, str], Verdict], old: Path) -> dict[tuple[str, frozenset[tuple[str, str]]], Verdict]:
    """The verdicts of the groups of a render at the judged commit, by their members' articles and texts."""
    out = {}
    for path in old.glob("*.json"):
        result = json.loads(path.read_text(encoding="utf-8"))
        text = texts(result)
        for g in result["groups"]:
            if (path.stem, key(g["members"])) in found:
                out[(path.stem, frozenset((m.split(":")[0], text[m]) for m in g["members"]))] = found[(path.stem, key(g["members"]))]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--carry", action="append", default=[], help="READING=DIR: a render at the commit the reading judged")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    found, notes = load(LABELS)
    by_text: dict[tuple[str, frozenset[tuple[str, str]]], Verdict] = {}
    for item in args.carry:
        by_text.update(carried(found, Path(item.split("=", 1)[1])))
    totals: dict[str, Counter[str]] = {}
    shown: list[str] = []
    for name in READINGS:
        c = totals.setdefault(name, Counter())
        for path in sorted((args.out / name).glob("*.json")):
            result = json.loads(path.read_text(encoding="utf-8"))
            text = texts(result)
            for g in result["groups"]:
                k = key(g["members"])
                verdict, note, where = (found.get((path.stem, k))
                                        or by_text.get((path.stem, frozenset((m.split(":")[0], text[m]) for m in g["members"])))
                                        or ("not judged", "", ""))
                c[verdict] += 1
                if args.show and verdict != "right":
                    note = note or next((n for n in notes if k in n.replace("`", "")), "")
                    lines = [f"\n{path.stem} ({name}) {verdict} [{where}] {re.sub(r'^- ', '', note)[:400]}"]
                    shown.append("\n".join([*lines, *(f"  [{m}] {text[m][:200]}" for m in g["members"])]))
    everything, before = Counter[str](), Counter[str]()
    for name, c in totals.items():
        everything.update(c)
        before.update(c if name != "reading17" else Counter())
        print(f"{name:18s} {_counts(c)}")
    print(f"{'all':18s} {_counts(everything)}")
    print(f"{'all but reading17':18s} {_counts(before)}")
    print("\n".join(shown))
    return 0


def _counts(c: Counter[str]) -> str:
    n = sum(c.values())
    share = f" ({c['right'] / n:.1%} right)" if n else ""
    return f"{c['right']} right / {c['partly']} partly / {c['wrong']} wrong, {c['not judged']} not judged, of {n}{share}"


if __name__ == "__main__":
    sys.exit(main())
