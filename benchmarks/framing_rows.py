"""The framing rows a report shows, with their evidence, for an editor to judge.

    .venv/bin/python benchmarks/framing_rows.py STORY_FOLDER [...] [--json OUT]

A story folder holds its articles (.json records or .txt files: a BASIL dev story is
``../shared/data/basil-dev/stories/<id>``; an FNC-1 story of ``storycompare batch`` is written
out by :func:`main` from a batch's ``stories.json``).  A *row* is one claim the report makes
of an actor in one article: a stance (cooperative, reluctant, mixed) or a tone (favourable,
unfavourable), with its evidence sentences and, where the report says it, whose voice each
is (the outlet's own words, or "quoting X").  The rows are printed for reading and, with
``--json``, written as the skeleton of a label file (``benchmarks/labels/``: an editor adds
``verdict``: supported / partly / unsupported).  It runs on any checkout (older ones have no
voices), so the same stories can be read before and after a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _records(folder: Path) -> list[Any]:
    paths = sorted(folder.glob("*.json")) or sorted(folder.glob("*.txt"))
    out: list[Any] = []
    for p in paths:
        if p.suffix == ".json":
            record = json.loads(p.read_text("utf-8"))
            record.pop("sentences", None)
            out.append(record)
        else:
            out.append(str(p))
    return out


def story_rows(folder: Path) -> list[dict[str, Any]]:
    """Each framed (actor, article, axis) of the story's report, with its evidence."""
    from compare import compare

    result = compare(_records(folder))
    outlets = {a.id: a.outlet or a.id for a in result.articles}
    rows = []
    for st in result.stances:
        voices = {v.sentence: v for v in getattr(st, "voices", ())}
        for axis, label, ids in (
            ("stance", st.label, st.evidence),
            ("tone", st.tone, st.tone_evidence),
        ):
            if label == "neutral" or (axis == "stance" and not (st.cooperative or st.reluctant)):
                continue
            evidence = []
            for sid in ids:
                voice = voices.get(sid)
                evidence.append(
                    {
                        "sentence": sid,
                        "text": result.sentence(sid).text,
                        "voice": voice.voice if voice else None,
                        "speaker": voice.speaker if voice else None,
                    }
                )
            rows.append(
                {
                    "story": folder.name,
                    "actor": st.actor,
                    "article": st.article,
                    "outlet": outlets[st.article],
                    "axis": axis,
                    "label": label,
                    "evidence": evidence,
                }
            )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    for folder in args.stories:
        if not folder.is_dir():
            print(f"{folder}: no such story folder", file=sys.stderr)
            return 2
        got = story_rows(folder)
        rows += got
        for r in got:
            others = bool(r["evidence"]) and all(e["voice"] not in (None, "own") for e in r["evidence"])
            only = " (in quoted words only)" if others and r["axis"] == "tone" else ""
            print(f"[{r['story']}] {r['actor']} / {r['outlet']}: {r['axis']} {r['label']}{only}")
            for e in r["evidence"]:
                verb = "quoting" if e["voice"] == "quote" else "paraphrasing"
                who = f" ({verb} {e['speaker'] or 'an unnamed speaker'})" if e["voice"] not in (None, "own") else ""
                print(f"    {e['sentence']}{who}: {e['text']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
