"""A/B of ``storycompare batch`` in two checkouts, run alternately in the same minutes (issue 13's speed row).

    .venv/bin/python benchmarks/batch_ab.py OTHER_CHECKOUT [THIS_CHECKOUT] [--data DIR] [--bodies N]
                                            [--rounds 1] [--workers 2] [--cache warm|cold|off] [--out DIR]

Runs ``python -m storycompare batch`` of the first N FNC-1 bodies (``fnc1/train_bodies.jsonl`` under
``--data``, default ``../shared/data``; it says so and stops when that is missing), one checkout then
the other (the order swapped every round), each a whole process as a user runs it, with this
checkout's Python: the working directory comes first on ``sys.path``, so each runs its own code.
``--cache warm`` (default) fills one embedding cache per checkout first (or copies ``--warm-from``,
a cache folder filled by an earlier run), so that the rounds measure everything but the encoder; ``cold`` gives every run an empty cache; ``off`` none.

Prints for each run its wall-clock seconds, its CPU seconds (the process and every process it
waited for: the Dask workers too), its peak memory (``ru_maxrss`` of the batch process and of
its largest child) and the load average before it; then each checkout's medians.  Last, whether
the two checkouts wrote the same ``stories.json`` and the same report of every story (HTML and
JSON; ``SOURCE_DATE_EPOCH`` is fixed, so the reports' timestamps agree), naming the files that
differ.  On a machine that other jobs share, alternating is what makes the two comparable, and
the CPU seconds move far less than the wall-clock ones.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
BODIES = Path("fnc1") / "train_bodies.jsonl"
EPOCH = "1767225600"  # 2026-01-01: the reports' timestamp, the same in both checkouts

CHILD = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:])
wall = time.perf_counter() - start
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "cpu": kids.ru_utime + kids.ru_stime, "peak_mb": kids.ru_maxrss / 1024}))
"""


def run(checkout: Path, source: Path, out: Path, workers: int, cache: str) -> dict[str, Any]:
    """One batch run in ``checkout``; its wall and CPU seconds, its peak memory, the load before it."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, STORYCOMPARE_CACHE=cache, PYTHONHASHSEED="0")
    command = [sys.executable, "-m", "storycompare", "batch", str(source), "--out", str(out)]
    if workers > 1:
        command += ["--workers", str(workers)]
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *command], cwd=checkout, env=env, capture_output=True, text=True, check=False
    )
    lines = done.stdout.strip().splitlines()
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {"code": -1}
    if result.get("code") != 0:
        raise SystemExit(f"{checkout}: the batch failed:\n{done.stderr[-3000:]}")
    result["load"] = load
    return result


def differing(a: Path, b: Path) -> list[str]:
    """The output files (relative paths) that differ between two batch outputs, or exist in one only."""
    names = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    out = []
    for name in sorted(names):
        x, y = a / name, b / name
        if not (x.is_file() and y.is_file() and filecmp.cmp(x, y, shallow=False)):
            out.append(str(name))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path)
    parser.add_argument("this", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bodies", type=int, default=0, help="the first N bodies (default: all)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", choices=("warm", "cold", "off"), default="warm")
    parser.add_argument(
        "--warm-from", type=Path, help="with --cache warm: copy this embedding cache folder instead of filling one per checkout"
    )
    parser.add_argument("--out", type=Path, help="keep the outputs here (default: a temporary folder)")
    args = parser.parse_args(argv)
    path = args.data / BODIES
    if not path.is_file():
        print(f"{path}: missing; this benchmark needs the FNC-1 bodies (see ../shared/data)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="storycompare-batch-ab-") as tmp:
        base = args.out or Path(tmp)
        source = base / "bodies.jsonl"
        base.mkdir(parents=True, exist_ok=True)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        source.write_text("".join(lines[: args.bodies] if args.bodies else lines), encoding="utf-8")
        checkouts = {"other": args.other.resolve(), "this": args.this.resolve()}
        caches = {name: str(base / f"cache-{name}") for name in checkouts}
        if args.cache == "warm":
            for name, checkout in checkouts.items():
                if args.warm_from:
                    shutil.copytree(args.warm_from, caches[name], dirs_exist_ok=True)
                else:
                    run(checkout, source, base / f"fill-{name}", args.workers, caches[name])
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in checkouts}
        for round_ in range(args.rounds):
            order = list(checkouts) if round_ % 2 == 0 else list(reversed(checkouts))
            for name in order:
                cache = caches[name] if args.cache == "warm" else "off" if args.cache == "off" else str(base / f"cold-{name}-{round_}")
                result = run(checkouts[name], source, base / f"out-{name}", args.workers, cache)
                results[name].append(result)
                print(f"round {round_ + 1} {name:5} wall {result['wall']:7.1f} s  CPU {result['cpu']:7.1f} s  "
                      f"peak {result['peak_mb']:6.0f} MB  load {result['load']:.1f}", flush=True)
        for name, rows in results.items():
            print(f"{name:5} ({checkouts[name]}): median wall {statistics.median(r['wall'] for r in rows):.1f} s, "
                  f"CPU {statistics.median(r['cpu'] for r in rows):.1f} s, peak {max(r['peak_mb'] for r in rows):.0f} MB")
        changed = differing(base / "out-other", base / "out-this")
        print("outputs: the same in both checkouts" if not changed else f"outputs: {len(changed)} files differ: {', '.join(changed[:20])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
