"""Blind readings: what an editor reads, and the counts from their verdicts.

    .venv/bin/python benchmarks/reading.py render  OUT  STORY...  [--tree DIR]
    .venv/bin/python benchmarks/reading.py articles OUT            # numbered sentences, for a fact lister
    .venv/bin/python benchmarks/reading.py dump     OUT            # groups, differences, framing, for judges
    .venv/bin/python benchmarks/reading.py count    OUT VERDICTS [--facts FACTS]
    .venv/bin/python benchmarks/reading.py fact-texts READING OLD   # store the facts' sentence texts
    .venv/bin/python benchmarks/reading.py stories  READING DIR [--data ../shared/data]

A reading judges what the reports claim, the way a reader of them would: every group
(right: every member reports the same fact; partly; wrong), every typed difference (right,
partly, wrong) and every framing claim shown (supported, partly, unsupported), and, apart from
the reports, the facts that two articles share (listed by a reader who sees only the articles).

* ``render`` runs ``storycompare compare --json`` on each story (a JSONL file of articles, a
  folder, or a BASIL ``stories/<id>`` folder) with the code of ``--tree`` (default: this
  checkout) and writes ``OUT/<story>.json``.
* ``articles`` prints each story's articles as numbered sentences (``fox:7``), nothing else:
  what the fact lister reads.  A facts file is ``{story: [[sentence id, ...], ...]}``, each fact
  the sentences (two articles or more) that report it.
* ``dump`` prints every item to judge under a key; a verdicts file is
  ``{story: {key: verdict}}`` with those keys.  Verdicts carry over between two renders by key:
  a group's key is its member set, so a group that did not change keeps its verdict.
* ``count`` (VERDICTS: a verdicts file, or a reading file of ``benchmarks/labels/`` with its
  facts and each judged commit's verdicts) prints the counts per kind of item, the items that have no verdict yet (to judge),
  and with ``--facts`` how many facts are linked (two of its sentences, of different articles,
  in one group) and how many sentences the reports leave unmatched lie in a listed fact.  A
  reading file's facts are sentence ids of the render they were listed from; where the file also
  holds ``fact_texts`` (parallel to ``facts``: the texts of each fact's sentences), each fact is
  carried over to OUT by its sentences' articles and texts, as ``group_verdicts.py --carry``
  carries verdicts: a change of segmentation (``61322ed`` dropped date lines) shifts the ids after
  it, and reading 17's facts counted 23 of 68 linked at ``9e8e773`` by id, 38 by text.
* ``fact-texts`` stores ``fact_texts`` into the reading file READING, from OLD, a ``render`` at
  the commit the facts were listed from (the reading's ``about`` names it); a fact id OLD does not
  hold is an error (the wrong render).

* ``stories`` writes the FNC-1 stories a reading file names (``{"stories": {story: [body id,
  ...]}}``, bodies of ``fnc1/train_bodies.jsonl``) as ``DIR/<story>.jsonl``, to render again.

Nothing here is part of the test suite; the stories and verdicts of a reading live in
``benchmarks/labels/`` (see its README).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = {"group": ("right", "partly", "wrong"), "difference": ("right", "partly", "wrong"),
            "framing": ("supported", "partly", "unsupported")}


def render(out: Path, stories: Sequence[Path], tree: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
    for story in stories:
        name = story.stem if story.is_file() else story.name
        target = out / f"{name}.json"
        run = [sys.executable, "-m", "storycompare", "compare", str(story), "--json", str(target), "--quiet"]
        done = subprocess.run(run, env=env, cwd=tree, capture_output=True, text=True)
        print(f"{name}: {'ok' if done.returncode == 0 else done.stderr.strip()}")


def results(out: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(out.glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(result, dict) and "articles" in result:  # not a verdicts file kept beside them
            yield path.stem, result


def sentences(result: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["text"] for a in result["articles"] for s in a["sentences"]}


def group_key(group: dict[str, Any]) -> str:
    return "group " + " ".join(sorted(group["members"]))


def items(result: dict[str, Any]) -> Iterator[tuple[str, str, list[str]]]:
    """(kind, key, lines to show) for everything a reader judges in one result."""
    text = sentences(result)
    for g in result["groups"]:
        lines = [f"  [{m}] {text[m]}" for m in g["members"]]
        events = g.get("events", [])
        across = f", members from {len(events)} events: shown as the same claim at two events" if len(events) > 1 else ""
        yield "group", group_key(g), [f"{g['id']} ({g['kind']}{across})", *lines]
        for d in g["differences"]:
            key = f"difference {' '.join(sorted(g['members']))} {d['type']}"
            values = [f"    {sid}: {value}" for sid, value in sorted(d.get("values", {}).items())]
            yield "difference", key, [f"{g['id']} {d['type']}: {d['detail']}", *values]
    for st in result["stances"]:
        voices = {v["sentence"]: v for v in st.get("voices", [])}  # whose words each evidence sentence is
        for axis, label, evidence in (("stance", st["label"], st["evidence"]), ("tone", st["tone"], st["tone_evidence"])):
            if label == "neutral" or not evidence:
                continue
            key = f"framing {st['actor']} | {st['article']} | {axis} {label}"
            yield "framing", key, [f"{st['actor']} in {st['article']}: {axis} {label}",
                                   *(f"  [{sid}]{_voice(voices.get(sid))} {text.get(sid, '?')}" for sid in evidence)]


def _voice(voice: dict[str, Any] | None) -> str:
    """How the report names the voice of an evidence sentence: nothing for the outlet's own words."""
    if not voice or voice["voice"] == "own":
        return ""
    verb = "quoting" if voice["voice"] == "quote" else "paraphrasing"
    return f" ({verb} {voice.get('speaker') or 'an unnamed speaker'})"


def dump(out: Path) -> None:
    for story, result in results(out):
        print(f"\n# {story}\n")
        for _kind, key, lines in items(result):
            print(f"- key: `{key}`")
            print("\n".join(f"  {line}" for line in lines))


def articles(out: Path) -> None:
    for story, result in results(out):
        print(f"\n# {story}")
        for a in result["articles"]:
            print(f"\n## {a['id']} ({a.get('outlet') or 'no outlet'})")
            for s in a["sentences"]:
                print(f"{s['id']} {s['text']}")


def facts_linked(result: dict[str, Any], facts: list[list[str]]) -> tuple[int, int, int]:
    """(facts linked, unmatched sentences in a listed fact, unmatched sentences)."""
    group_of: dict[str, set[str]] = {}
    for g in result["groups"]:
        for m in g["members"]:
            group_of.setdefault(m, set()).add(g["id"])
    linked = 0
    for fact in facts:
        if any(a.split(":")[0] != b.split(":")[0] and group_of.get(a, set()) & group_of.get(b, set())
               for a in fact for b in fact):
            linked += 1
    unmatched = {sid for ids in result["unique"].values() for sid in ids}
    in_fact = unmatched & {sid for fact in facts for sid in fact}
    return linked, len(in_fact), len(unmatched)


def carried_facts(result: dict[str, Any], facts: list[list[str]], texts: list[list[str]]) -> tuple[list[list[str]], int]:
    """The facts as sentence ids of ``result``, found by each sentence's article and text (``texts``
    parallel to ``facts``), and how many fact sentences were found nowhere.  A sentence cut or joined
    since maps to the sentences of its article that hold it or that it holds (20 characters or more)."""
    by_text: dict[tuple[str, str], list[str]] = {}
    for a in result["articles"]:
        for s in a["sentences"]:
            by_text.setdefault((a["id"], s["text"]), []).append(s["id"])
    lost = 0
    carried = []
    for fact, fact_texts in zip(facts, texts, strict=True):
        ids: list[str] = []
        for sid, text in zip(fact, fact_texts, strict=True):
            article = sid.rsplit(":", 1)[0]
            found = by_text.get((article, text)) or [
                i for (a, t), same in by_text.items() if a == article and min(len(t), len(text)) >= 20
                and (t in text or text in t) for i in same
            ]
            ids.extend(i for i in found if i not in ids)
            lost += not found
        carried.append(ids)
    return carried, lost


def store_fact_texts(reading_path: Path, old: Path) -> None:
    """Write ``fact_texts`` (each fact's sentence texts, from the render ``old``) into the reading file."""
    reading: dict[str, Any] = json.loads(reading_path.read_text(encoding="utf-8"))
    rendered = dict(results(old))
    texts: dict[str, list[list[str]]] = {}
    for story, facts in reading["facts"].items():
        if story not in rendered:
            raise SystemExit(f"{old}: no render of {story}")
        text = sentences(rendered[story])
        missing = sorted({sid for fact in facts for sid in fact} - set(text))
        if missing:
            raise SystemExit(f"{old}: {story} has no sentence {', '.join(missing[:5])}: not the render the facts were listed from")
        texts[story] = [[text[sid] for sid in fact] for fact in facts]
    ordered = {}
    for name, value in reading.items():  # fact_texts right after facts
        if name != "fact_texts":
            ordered[name] = value
        if name == "facts":
            ordered["fact_texts"] = texts
    reading_path.write_text(json.dumps(ordered, indent=1, ensure_ascii=False), encoding="utf-8")  # as written
    print(f"{reading_path}: fact_texts of {sum(len(f) for f in texts.values())} facts in {len(texts)} stories, from {old}")


def count(out: Path, verdicts_path: Path, facts_path: Path | None) -> None:
    verdicts: dict[str, dict[str, str]] = json.loads(verdicts_path.read_text(encoding="utf-8"))
    facts: dict[str, list[list[str]]] = json.loads(facts_path.read_text(encoding="utf-8")) if facts_path else {}
    fact_texts: dict[str, list[list[str]]] = {}
    if "verdicts" in verdicts:  # a reading file (benchmarks/labels/reading*.json): every judged commit's verdicts
        reading: dict[str, Any] = verdicts
        if not facts:
            facts, fact_texts = reading.get("facts", {}), reading.get("fact_texts", {})
        verdicts = {}
        for judged in reading["verdicts"].values():  # later readings first where they judged the same key
            for story, known in judged.items():
                verdicts.setdefault(story, {}).update(known)
    totals: dict[str, Counter[str]] = {kind: Counter() for kind in VERDICTS}
    todo: list[str] = []
    fact_totals = Counter[str]()
    for story, result in results(out):
        known = verdicts.get(story, {})
        for kind, key, _ in items(result):
            verdict = known.get(key)
            totals[kind][verdict or "not judged"] += 1
            if verdict is None:
                todo.append(f"{story}: {key}")
        if story in facts:
            listed, lost = facts[story], 0
            if story in fact_texts:  # carried over by text: the ids may have shifted since
                listed, lost = carried_facts(result, listed, fact_texts[story])
            linked, in_fact, unmatched = facts_linked(result, listed)
            fact_totals.update(facts=len(listed), linked=linked, unmatched=unmatched, in_fact=in_fact, lost=lost)
    for kind, names in VERDICTS.items():
        c = totals[kind]
        shown = " / ".join(f"{c[n]} {n}" for n in names)
        share = f" ({c[names[0]] / sum(c.values()):.1%} {names[0]})" if sum(c.values()) else ""
        print(f"{kind}s: {shown}, {c['not judged']} not judged, of {sum(c.values())}{share}")
    if fact_totals:
        print(f"facts linked: {fact_totals['linked']} of {fact_totals['facts']} "
              f"({fact_totals['linked'] / max(1, fact_totals['facts']):.1%}); unmatched sentences in a listed fact: "
              f"{fact_totals['in_fact']} of {fact_totals['unmatched']}")
        if fact_texts:
            print(f"facts carried over by their sentences' texts; fact sentences found nowhere: {fact_totals['lost']}")
    for line in todo:
        print(f"to judge: {line}")


def stories(reading: Path, out: Path, data: Path) -> None:
    wanted: dict[str, list[str]] = json.loads(reading.read_text(encoding="utf-8"))["stories"]
    bodies = {}
    with (data / "fnc1" / "train_bodies.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            bodies[record["id"]] = record
    out.mkdir(parents=True, exist_ok=True)
    for story, ids in wanted.items():
        text = "".join(json.dumps(bodies[i]) + "\n" for i in ids)
        (out / f"{story}.jsonl").write_text(text, encoding="utf-8")
        print(out / f"{story}.jsonl")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render")
    r.add_argument("out", type=Path)
    r.add_argument("stories", type=Path, nargs="+")
    r.add_argument("--tree", type=Path, default=ROOT, help="the code to run (default: this checkout)")
    for name in ("articles", "dump"):
        sub.add_parser(name).add_argument("out", type=Path)
    c = sub.add_parser("count")
    c.add_argument("out", type=Path)
    c.add_argument("verdicts", type=Path)
    c.add_argument("--facts", type=Path)
    ft = sub.add_parser("fact-texts")
    ft.add_argument("reading", type=Path)
    ft.add_argument("old", type=Path, help="a render at the commit the facts were listed from")
    st = sub.add_parser("stories")
    st.add_argument("reading", type=Path)
    st.add_argument("out", type=Path)
    st.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    if args.command == "render":
        render(args.out, args.stories, args.tree)
    elif args.command == "articles":
        articles(args.out)
    elif args.command == "dump":
        dump(args.out)
    elif args.command == "fact-texts":
        store_fact_texts(args.reading, args.old)
    elif args.command == "stories":
        stories(args.reading, args.out, args.data)
    else:
        count(args.out, args.verdicts, args.facts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
