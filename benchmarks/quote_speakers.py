"""Which quotations' speakers a change to ``compare/analyze/quotes.py`` changes, to judge.

    .venv/bin/python benchmarks/quote_speakers.py write OUT.jsonl [--data ../shared/data] [--fnc1 DIR]
    .venv/bin/python benchmarks/quote_speakers.py diff BEFORE.jsonl AFTER.jsonl

``write`` reads the BASIL dev articles (``DATA/basil-dev/articles.jsonl``) and, with ``--fnc1``,
every ``*.jsonl`` story of that folder (the labelled FNC-1 stories ``reading.py stories`` writes),
and writes one line per quotation: article id, start, speaker, its first words.  The code run is
the one this interpreter imports (run it with each checkout's ``.venv/bin/python``).  ``diff``
prints the quotations whose speaker changed and the counts (named -> None, None -> named, named
-> another).  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from compare.analyze.quotes import article_quotes
from compare.load import load_inputs
from compare.segment import segment

ROOT = Path(__file__).resolve().parents[1]


def write(out: Path, data: Path, fnc1: Path | None) -> None:
    files = [data / "basil-dev" / "articles.jsonl"] + (sorted(fnc1.glob("*.jsonl")) if fnc1 else [])
    with out.open("w", encoding="utf-8") as sink:
        for path in files:
            for article in load_inputs([path]):
                for q in article_quotes(segment(article)):
                    sink.write(json.dumps([article.id, q.start, q.speaker, q.text[:150]], ensure_ascii=False) + "\n")


def diff(before: Path, after: Path) -> None:
    old = [json.loads(line) for line in before.open(encoding="utf-8")]
    new = [json.loads(line) for line in after.open(encoding="utf-8")]
    if [row[:2] for row in old] != [row[:2] for row in new]:
        raise SystemExit(f"{after}: not the same quotations as {before} (quotation spans changed)")
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a[2] != b[2]]
    for a, b in changed:
        print(f"{a[0]} {a[1]}: {a[2]!r} -> {b[2]!r} | {a[3][:100]}")
    kinds = Counter("named -> None" if b[2] is None else "None -> named" if a[2] is None else "named -> another" for a, b in changed)
    print(f"{len(changed)} of {len(new)} speakers changed: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    w.add_argument("--fnc1", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.data, args.fnc1)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
