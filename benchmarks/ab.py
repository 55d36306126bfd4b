"""A/B of two checkouts on the example story, run alternately in the same minutes.

    .venv/bin/python benchmarks/ab.py OTHER_CHECKOUT [THIS_CHECKOUT] [--rounds 20] [--warm | --lexical] [--pdf] [--priority]

Runs ``storycompare compare`` of the example story (HTML and JSON) as whole processes, one
checkout then the other (the order swapped every round), with the embedding cache off (default),
filled once beforehand (``--warm``) or with ``--lexical``, with the PDF too (``--pdf``); and, each round, the yardstick of
``example_story.py`` (``difflib.HtmlDiff`` over the ten article pairs).  Both checkouts run with
this checkout's Python (``.venv``): its working directory comes first on ``sys.path``, so each runs
its own code.  Prints each one's median and best wall-clock and CPU seconds (CPU of the process and
of the processes it waited for, e.g. the encoder's worker), and the ratio of the medians to the
yardstick's.  On a machine that other jobs share, alternating is what makes the two comparable.

``--priority`` (root only): the script moves into a scheduler autogroup of its own at nice -15
first (``/proc/self/autogroup``), so that, with the Linux autogroup scheduler, other sessions'
jobs take the cores from it far less: the wall-clock times come near those of a quiet machine.
Use it for short measurements only.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTMLDIFF = """
import difflib, itertools, sys
texts = [open(f, encoding="utf-8").read().splitlines() for f in sys.argv[1:]]
for a, b in itertools.combinations(texts, 2):
    difflib.HtmlDiff().make_file(a, b)
"""


def _files(checkout: Path) -> list[str]:
    return sorted(glob.glob(str(checkout / "examples" / "nato-russia-2010" / "*.txt")))


def _timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(cmd)}: exit status {os.waitstatus_to_exitcode(status)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path)
    parser.add_argument("this", type=Path, nargs="?", default=ROOT)
    parser.add_argument("--rounds", type=int, default=20)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--warm", action="store_true", help="a filled embedding cache (a second report)")
    mode.add_argument("--lexical", action="store_true")
    parser.add_argument("--pdf", action="store_true", help="write the PDF too (example_story.py's 2.5 s row)")
    parser.add_argument("--priority", action="store_true", help="an autogroup of its own at nice -15 (root)")
    args = parser.parse_args()
    if args.priority:
        with open("/proc/self/autogroup", "w") as f:
            f.write("-15")
    checkouts = [args.other.resolve(), args.this.resolve()]
    scratch = Path(tempfile.mkdtemp(prefix="storycompare-ab-"))
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs, cmds = [], []
    for n, checkout in enumerate(checkouts):
        cache = str(scratch / f"cache{n}") if args.warm else "off"
        envs.append({**plain, "PYTHONPYCACHEPREFIX": str(scratch / f"pycache{n}"), "STORYCOMPARE_CACHE": cache})
        cmd = [sys.executable, "-m", "storycompare", "compare", *_files(checkout), "--html", str(scratch / f"r{n}.html")]
        pdf = ["--pdf", str(scratch / f"r{n}.pdf")] if args.pdf else []
        cmds.append([*cmd, "--json", str(scratch / f"r{n}.json"), *pdf, *(["--lexical"] if args.lexical else [])])
        _timed(cmds[n], checkout, envs[n])  # bytecode compiled (and the cache filled) first
    yardstick = [sys.executable, "-c", HTMLDIFF, *_files(checkouts[1])]
    found: list[list[tuple[float, float]]] = [[], []]
    sticks = []
    for r in range(args.rounds):
        sticks.append(_timed(yardstick, ROOT, {**plain, "PYTHONPYCACHEPREFIX": str(scratch / "pycache")})[0])
        for n in (0, 1) if r % 2 == 0 else (1, 0):
            found[n].append(_timed(cmds[n], checkouts[n], envs[n]))
    stick = statistics.median(sticks)
    for checkout, runs in zip(checkouts, found, strict=True):
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"{checkout}: wall median {statistics.median(wall):.3f} s, best {min(wall):.3f} s; "
            f"CPU median {statistics.median(cpu):.3f} s; {statistics.median(wall) / stick:.2f}x the yardstick"
        )
    print(f"yardstick (difflib.HtmlDiff, 10 pairs): median {stick:.3f} s, best {min(sticks):.3f} s; "
          f"{args.rounds} rounds, load average {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
