"""Alignment recall and precision on ECB+ (issue 11), from ``../shared/data/ecbplus-dev``.

    .venv/bin/python benchmarks/ecbplus.py [--data DIR] [--lexical] [--topics 1-35] [--show N]

For each sub-topic (one real event, several articles), ``compare.compare`` runs
on its articles; then pairs of *annotated* sentences in different articles of
that sub-topic are scored (the data's README):

* a gold link shares an event mention that is not only a reporting verb;
* a gold non-link shares no event at all;
* pairs whose only shared event is a reporting verb ("said") are left out;
* a predicted link is two sentences in one group (an ECB+ sentence maps to the
  storycompare sentences that overlap its character span).

Prints recall, precision and F1 over all pairs, and per topic; also used by
``benchmarks/evaluate.py``.  Never part of the test suite (the data is not shipped).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import Settings, compare  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"


def read_subtopics(folder: Path, topics: set[int] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Sub-topic name → its article records (id, text, sentences with spans)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for sub in sorted((folder / "stories").iterdir()):
        records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(sub.glob("*.json"))]
        if records and (topics is None or records[0]["topic"] in topics):
            out[sub.name] = records
    return out


def gold_pairs(folder: Path) -> tuple[set[tuple[str, int, str, int]], set[tuple[str, int, str, int]]]:
    """(links, left out): sentence pairs (doc, idx, doc, idx), doc_a < doc_b, within one sub-topic."""
    links: set[tuple[str, int, str, int]] = set()
    reporting: set[tuple[str, int, str, int]] = set()
    for row in json.loads((folder / "gold_sentence_links.json").read_text(encoding="utf-8")):
        if not (row["same_subtopic"] and row["both_annotated"]):
            continue
        key = _key(row["doc_a"], row["sent_a"], row["doc_b"], row["sent_b"])
        (reporting if row["only_reporting_events"] else links).add(key)
    return links, reporting - links


def _key(doc_a: str, sent_a: int, doc_b: str, sent_b: int) -> tuple[str, int, str, int]:
    return (doc_a, sent_a, doc_b, sent_b) if (doc_a, sent_a) < (doc_b, sent_b) else (doc_b, sent_b, doc_a, sent_a)


def scored_pairs(
    annotated: Sequence[tuple[str, int]], links: set[tuple[str, int, str, int]], left_out: set[tuple[str, int, str, int]]
) -> Iterator[tuple[tuple[str, int], tuple[str, int], bool]]:
    """Each pair of annotated sentences (doc, idx) of different articles that is scored, with whether
    it is a gold link: the pairs ``left_out`` (sharing only a reporting verb) are not."""
    for n, a in enumerate(annotated):
        for b in annotated[n + 1 :]:
            if a[0] != b[0]:
                key = _key(a[0], a[1], b[0], b[1])
                if key not in left_out:
                    yield a, b, key in links


def predicted_groups(records: list[dict[str, Any]], settings: Settings) -> dict[tuple[str, int], set[str]]:
    """(doc, ECB+ sentence idx) → the ids of the groups its overlapping sentences are in."""
    inputs = [{"id": r["id"], "text": r["text"], "title": r.get("title"), "date": r.get("date")} for r in records]
    result = compare(inputs, settings)
    group_of = {m: g.id for g in result.groups for m in g.members}
    out: dict[tuple[str, int], set[str]] = {}
    for record, article in zip(records, result.articles, strict=True):
        for sentence in record["sentences"]:
            if not sentence["annotated"]:
                continue
            groups = {
                group_of[s.id]
                for s in article.sentences
                if s.start < sentence["end"] and sentence["start"] < s.end and s.id in group_of
            }
            out[(record["id"], sentence["idx"])] = groups
    return out


def measure(data: Path, settings: Settings, topics: set[int] | None = None, show: int = 0) -> dict[str, Any]:
    folder = data / "ecbplus-dev"
    subtopics = read_subtopics(folder, topics)
    links, left_out = gold_pairs(folder)
    counts = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    per_topic: dict[int, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0})
    examples: dict[str, list[tuple[str, str]]] = {"fn": [], "fp": []}
    start = time.perf_counter()
    sentences = 0
    for records in subtopics.values():
        if len(records) < 2:
            continue
        groups = predicted_groups(records, settings)
        sentences += sum(len(r["sentences"]) for r in records)
        text = {(r["id"], s["idx"]): s["text"] for r in records for s in r["sentences"]}
        annotated = sorted(groups)
        topic = records[0]["topic"]
        for a, b, gold in scored_pairs(annotated, links, left_out):
            predicted = bool(groups[a] & groups[b])
            cell = ("tp" if predicted else "fn") if gold else ("fp" if predicted else "tn")
            counts[cell] += 1
            per_topic[topic][cell] += 1
            if cell in examples and len(examples[cell]) < show:
                examples[cell].append((text[a], text[b]))
    seconds = time.perf_counter() - start
    return {
        **_scores(counts),
        "pairs": sum(counts.values()),
        "seconds": seconds,
        "sentences": sentences,
        "per_topic": {t: _scores(c) for t, c in sorted(per_topic.items())},
        "examples": examples,
    }


def _scores(c: dict[str, int]) -> dict[str, float]:
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"recall": recall, "precision": precision, "f1": f1}


def _topics(spec: str | None) -> set[int] | None:
    if not spec:
        return None
    out: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.partition("-")
        out.update(range(int(low), int(high or low) + 1))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--lexical", action="store_true", help="words only, no sentence embeddings")
    parser.add_argument("--topics", help="e.g. 1-10,12 (default: all)")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N wrong links")
    args = parser.parse_args(argv)
    if not (args.data / "ecbplus-dev").is_dir():
        print(f"ecbplus: {args.data / 'ecbplus-dev'} not found; nothing measured", file=sys.stderr)
        return 2
    settings = replace(Settings(), semantic=not args.lexical)
    result = measure(args.data, settings, _topics(args.topics), args.show)
    print(
        f"ECB+ sentence links: recall {result['recall']:.3f} precision {result['precision']:.3f} "
        f"F1 {result['f1']:.3f} over {result['pairs']} pairs; {result['sentences']} sentences in "
        f"{result['seconds']:.1f} s"
    )
    for cell, rows in result["examples"].items():
        for a, b in rows:
            print(f"\n[{cell}] {a}\n     {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
