"""Time the example story end to end, as a user runs it.

    .venv/bin/python benchmarks/example_story.py [--runs 5]

Prints the median wall-clock time of whole `storycompare compare` processes
(start-up included) for HTML+JSON and for HTML+JSON+PDF, and, as a yardstick,
of a process that only runs difflib.HtmlDiff over the ten article pairs.
Targets (issue 2): HTML+JSON < 0.8 s, with PDF < 2.5 s, on the 2-core machine.
Not part of the test suite: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(str(p) for p in (ROOT / "examples" / "nato-russia-2010").glob("*.txt"))
CLI = [sys.executable, "-m", "compare"]
HTMLDIFF = f"""
import difflib, itertools
files = {FILES!r}
texts = [open(f, encoding="utf-8").read().splitlines() for f in files]
for a, b in itertools.combinations(texts, 2):
    difflib.HtmlDiff().make_file(a, b)
"""


def _time(cmd: list[str], runs: int) -> tuple[float, float]:
    """(median, best) wall-clock seconds; the VM's neighbours add noise, the best shows the floor."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([*CLI, "compare", *FILES, "--json", str(out / "w.json")], check=True, stdout=subprocess.DEVNULL)
        rows = [
            ("difflib.HtmlDiff, 10 pairs", _time([sys.executable, "-c", HTMLDIFF], args.runs), None),
            ("storycompare HTML + JSON",
             _time([*CLI, "compare", *FILES, "--html", str(out / "r.html"), "--json", str(out / "r.json")], args.runs),
             0.8),
            ("storycompare HTML + JSON + PDF",
             _time([*CLI, "compare", *FILES, "--html", str(out / "r.html"), "--json", str(out / "r.json"),
                    "--pdf", str(out / "r.pdf")], args.runs),
             2.5),
        ]
        sizes = {ext: (out / f"r.{ext}").stat().st_size for ext in ("html", "json", "pdf")}
    print(f"{'what':34} {'median s':>9} {'best s':>9} {'target s':>9}")
    for name, (median, best), target in rows:
        flag = "" if target is None else ("  ok" if median < target else "  OVER")
        print(f"{name:34} {median:9.3f} {best:9.3f} {target if target else '':>9}{flag}")
    print("sizes: " + ", ".join(f"{ext} {size / 1024:.0f} KiB" for ext, size in sizes.items()))


if __name__ == "__main__":
    main()
