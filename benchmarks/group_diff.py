"""The groups that change between two code trees, for an editor to judge (issue 11's precision guard).

    .venv/bin/python benchmarks/group_diff.py --old ../main [--new .] [--basil [ID,...]]
        [--ecbplus [SUBTOPIC,...]] [--jsonl FILE ...] [--skip ID,...] [--labels FILE] [--json OUT]
        [--set NAME=VALUE ...]

Runs ``compare.compare`` (default settings, with embeddings) on each story with both trees: each
tree in a subprocess of this interpreter with the tree first on ``PYTHONPATH`` (so the two runs
share the installed dependencies and differ only in the project's code; ``--set`` changes a
setting of the new tree's run, to judge a setting before making it the default).  Then prints every group
of the new tree whose member set is not a group of the old tree (new or changed), with its
sentences, and under it the old groups that held any of its members; and the old groups that are
gone.  A group is keyed by its story and its sorted member ids (``"<article>:<index>"``).

Stories:

* ``--basil``: BASIL dev stories (``basil-dev/stories/<id>/*.json``), all or the ids given;
* ``--ecbplus``: ECB+ dev sub-topics (``ecbplus-dev/stories/<sub-topic>/*.json``), all or the given;
* ``--jsonl``: files of article records (one JSON object a line, with ``text`` and optionally
  ``id``, ``title``, ``date``, ``outlet``); a record's ``story`` field splits a file into stories,
  otherwise the file is one story.

``--labels FILE`` reads an editor's verdicts (``benchmarks/labels/``: a JSON list of
``{"story", "members", "verdict": "right"|"partly"|"wrong", "note"}``), prints each changed
group's verdict and the counts, and lists the changed groups nobody judged.  ``--json OUT``
writes the changed groups (story, members, sentences, old groups) for labelling.  Reads the data
from ``../shared/data`` (``--data``) and says so when it is missing.  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"

Story = tuple[str, list[dict[str, Any]]]  # (story key, article records)

# Run in each tree's subprocess: stories in (a JSON file), groups and sentence texts out (stdout).
_WORKER = """
import json, sys
from dataclasses import replace
from compare import Settings, compare
stories = json.load(open(sys.argv[1], encoding="utf-8"))
changes = json.loads(sys.argv[2])
top = {k: v for k, v in changes.items() if "." not in k}
grouping = {k.split(".", 1)[1]: v for k, v in changes.items() if k.startswith("grouping.")}
settings = replace(Settings(), **top)
if grouping:
    settings = replace(settings, grouping=replace(settings.grouping, **grouping))
out = {}
for key, records in stories:
    result = compare(records, settings)
    text = {s.id: s.text for a in result.articles for s in a.sentences}
    groups = [sorted(g.members) for g in result.groups]
    out[key] = {"groups": groups, "text": {m: text[m] for g in groups for m in g}}
json.dump(out, sys.stdout)
"""


def basil_stories(data: Path, ids: set[str] | None) -> list[Story]:
    folder = data / "basil-dev" / "stories"
    out: list[Story] = []
    for story in sorted(folder.iterdir()):
        if ids is None or story.name in ids:
            records = [
                {"id": p.stem, **{k: v for k, v in json.loads(p.read_text(encoding="utf-8")).items() if k in _FIELDS}}
                for p in sorted(story.glob("*.json"))
            ]
            out.append((f"basil/{story.name}", records))
    return out


def ecbplus_stories(data: Path, ids: set[str] | None) -> list[Story]:
    folder = data / "ecbplus-dev" / "stories"
    out: list[Story] = []
    for sub in sorted(folder.iterdir()):
        if ids is not None and sub.name not in ids:
            continue
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(sub.glob("*.json"))]
        if len(records) >= 2:
            out.append((f"ecbplus/{sub.name}", [{k: r.get(k) for k in ("id", "text", "title", "date")} for r in records]))
    return out


def jsonl_stories(path: Path) -> list[Story]:
    by_story: dict[str, list[dict[str, Any]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            record = {k: v for k, v in row.items() if k in _FIELDS or k == "id"}
            record.setdefault("id", f"line-{n}")
            by_story.setdefault(str(row.get("story", "")), []).append(record)
    return [(f"{path.stem}/{key}" if key else path.stem, records) for key, records in sorted(by_story.items()) if len(records) >= 2]


_FIELDS = ("text", "title", "date", "outlet", "url")


def run_tree(tree: Path, stories: Sequence[Story], changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The groups of each story with the code of ``tree`` (a subprocess, ``tree`` on PYTHONPATH),
    with the default settings but for ``changes`` (``{"name": value, "grouping.name": value}``)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(list(stories), handle)
    try:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        done = subprocess.run(
            [sys.executable, "-c", _WORKER, handle.name, json.dumps(changes or {})], cwd=tree, env=env, capture_output=True, text=True, check=False
        )
    finally:
        os.unlink(handle.name)
    if done.returncode:
        raise SystemExit(f"group_diff: the tree {tree} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def changed_groups(old: dict[str, Any], new: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(new or changed groups of ``new``, groups of ``old`` gone), each with its story, members,
    sentences and (for the first) the old groups that held any of its members."""
    changed: list[dict[str, Any]] = []
    gone: list[dict[str, Any]] = []
    for key in sorted(new):
        before = {tuple(g) for g in old[key]["groups"]}
        after = {tuple(g) for g in new[key]["groups"]}
        text = {**old[key]["text"], **new[key]["text"]}
        for group in sorted(after - before):
            was = [list(g) for g in sorted(before) if set(g) & set(group)]
            left = sorted({m for g in was for m in g} - set(group))  # old members no longer with these
            changed.append({"story": key, "members": list(group), "sentences": {m: text[m] for m in group}, "old": was,
                            "left": {m: text[m] for m in left}})
        for group in sorted(before - after):
            gone.append({"story": key, "members": list(group), "sentences": {m: text[m] for m in group}})
    return changed, gone


def read_labels(path: Path | None) -> dict[tuple[str, tuple[str, ...]], dict[str, Any]]:
    if path is None:
        return {}
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {(row["story"], tuple(sorted(row["members"]))): row for row in rows}


def _print_group(group: dict[str, Any], label: dict[str, Any] | None) -> None:
    verdict = f"  [{label['verdict']}: {label.get('note', '')}]" if label else ""
    print(f"\n+ {group['story']} {' '.join(group['members'])}{verdict}")
    for m in group["members"]:
        print(f"    {m}: {group['sentences'][m]}")
    for was in group.get("old", []):
        print(f"    was: {' '.join(was)}")
    for m, sentence in group.get("left", {}).items():
        print(f"    (left) {m}: {sentence}")


def _ids(spec: str | None) -> set[str] | None:
    return None if not spec else {x.strip() for x in spec.split(",") if x.strip()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="the code tree before (e.g. ../main)")
    parser.add_argument("--new", type=Path, default=ROOT, help="the code tree after (default: this tree)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--basil", nargs="?", const="", default=None, help="BASIL dev stories: all, or ids a,b")
    parser.add_argument("--ecbplus", nargs="?", const="", default=None, help="ECB+ sub-topics: all, or 04_ecbplus,...")
    parser.add_argument("--jsonl", type=Path, nargs="*", default=[], help="JSONL story files")
    parser.add_argument("--skip", default="", help="story ids to leave out (e.g. the stories already read)")
    parser.add_argument("--labels", type=Path, help="an editor's verdicts (benchmarks/labels/*.json)")
    parser.add_argument("--json", type=Path, help="write the changed groups here")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE",
        help="a setting of the new tree's run (JSON value; grouping.NAME for Settings.grouping), e.g. grouping.chain_floor=0",
    )
    args = parser.parse_args(argv)

    stories: list[Story] = []
    for flag, folder, read in (("basil", "basil-dev", basil_stories), ("ecbplus", "ecbplus-dev", ecbplus_stories)):
        spec = getattr(args, flag)
        if spec is None:
            continue
        if not (args.data / folder).is_dir():
            print(f"group_diff: {args.data / folder} not found; nothing measured", file=sys.stderr)
            return 2
        stories += read(args.data, _ids(spec))
    for path in args.jsonl:
        stories += jsonl_stories(path)
    skip = _ids(args.skip) or set()
    stories = [(key, records) for key, records in stories if key.split("/", 1)[-1] not in skip]
    if not stories:
        parser.error("no story: give --basil, --ecbplus or --jsonl")

    changes = {name: json.loads(value) for name, _, value in (item.partition("=") for item in args.set)}
    old, new = run_tree(args.old.resolve(), stories), run_tree(args.new.resolve(), stories, changes)
    changed, gone = changed_groups(old, new)
    labels = read_labels(args.labels)
    counts: Counter[str] = Counter()
    for group in changed:
        label = labels.get((group["story"], tuple(group["members"])))
        counts[label["verdict"] if label else "unjudged"] += 1
        _print_group(group, label)
    for group in gone:
        label = labels.get((group["story"], tuple(group["members"])))
        print(f"\n- {group['story']} {' '.join(group['members'])} (gone)" + (f"  [was {label['verdict']}]" if label else ""))
        for m in group["members"]:
            print(f"    {m}: {group['sentences'][m]}")
    total = sum(len(new[k]["groups"]) for k in new)
    print(
        f"\n{len(stories)} stories, {total} groups after; {len(changed)} new or changed, {len(gone)} gone; "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    if args.json:
        args.json.write_text(json.dumps({"changed": changed, "gone": gone}, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
