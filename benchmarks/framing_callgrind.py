"""The framing's instructions on the example story, counted by Valgrind's callgrind: a figure that
other jobs on the machine do not change (CPU-time shares do: ``framing_eval.py --share``).

    .venv/bin/python benchmarks/framing_callgrind.py [--keep DIR]

Needs ``valgrind`` (Debian: valgrind) and a C compiler with ``valgrind/callgrind.h``: a tiny shared
library is built in a scratch folder whose two functions dump callgrind's counts at the start and
at the end of the framing's two steps (``compare.analyze.framing.credit`` and ``finish``).  A
first process (not counted) fills an embedding cache of its own (and the tones kept beside it,
``compare/analyze/framing/tone_cache.py``); the counted one runs ``compare`` on the example story,
its HTML and its JSON from that cache, as a second report does,
with the garbage collector off, ``PYTHONHASHSEED=0`` and one BLAS thread: the counts are then the same from run
to run (the framing's to a few thousand instructions), and an A/B of a change to the framing is
two runs of this script.  Prints the framing's instructions and the whole run's (the main
thread's and the embedding thread's).  Takes about a minute.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HELPER = """#include <valgrind/callgrind.h>
void cg_dump(const char *s) { CALLGRIND_DUMP_STATS_AT(s); }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
"""

RUN = """
import ctypes, gc, glob, sys
sys.path.insert(0, {root!r})
lib = ctypes.CDLL({helper!r} or None)
import compare.pipeline as pipeline
from reports.html import render_html
from reports.jsonout import render_json
files = sorted(glob.glob({root!r} + "/examples/nato-russia-2010/*.txt"))
if {helper!r} == "":  # the first process: fill the embedding cache, count nothing
    pipeline.compare(files)
    sys.exit(0)
gc.freeze()
gc.disable()
def counted(step):
    def run(*args, **kwargs):
        lib.cg_dump(b"other")
        try:
            return step(*args, **kwargs)
        finally:
            lib.cg_dump(b"framing")
    return run
pipeline.credit = counted(pipeline.credit)
pipeline.finish = counted(pipeline.finish)
lib.cg_zero()
result = pipeline.compare(files)
render_html(result)
render_json(result)
lib.cg_dump(b"other")
"""


def count(folder: Path) -> dict[str, int]:
    """Instructions by label ("framing", "other") from callgrind's dump files; the threads other
    than the main one, whose counts only the final dump holds, as "threads"."""
    out = {"framing": 0, "other": 0, "threads": 0}
    for path in folder.glob("callgrind.out.*"):
        head = path.read_text("utf-8", errors="replace")[:4000]
        thread = re.search(r"^thread: (\d+)", head, re.M)
        total = re.search(r"^summary: (\d+)", head, re.M)
        trigger = re.search(r"^desc: Trigger: (.+)$", head, re.M)
        if not (thread and total and trigger):
            continue
        label = trigger.group(1).removeprefix("Client Request: ").strip()
        if label in out:
            out[label] += int(total.group(1))
        elif thread.group(1) != "1":  # program termination: the other threads' whole counts
            out["threads"] += int(total.group(1))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep callgrind's files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        (scratch / "cg.c").write_text(HELPER, "utf-8")
        built = subprocess.run(
            ["cc", "-O2", "-shared", "-fPIC", "-o", str(scratch / "cg.so"), str(scratch / "cg.c")],
            capture_output=True,
            text=True,
        )
        if built.returncode:
            print(
                f"cannot build the callgrind helper (valgrind's headers?): {built.stderr.strip()[:300]}",
                file=sys.stderr,
            )
            return 2
        folder = args.keep or scratch / "out"
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PYTHONHASHSEED": "0", "STORYCOMPARE_CACHE": str(scratch / "cache")}
        env |= {
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }  # no BLAS thread spinning, counted at random
        subprocess.run([sys.executable, "-c", RUN.format(root=str(ROOT), helper="")], check=True, env=env)
        script = RUN.format(root=str(ROOT), helper=str(scratch / "cg.so"))
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={folder}/callgrind.out.%p",
             sys.executable, "-c", script],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        if done.returncode:
            print(f"the run under callgrind failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
            return 2
        got = count(folder)
    run = sum(got.values())
    print(f"framing: {got['framing'] / 1e6:.1f} M instructions of the run's {run / 1e6:.1f} M ({got['framing'] / run:.1%}; "
          f"other stages {got['other'] / 1e6:.1f} M, the embedding thread {got['threads'] / 1e6:.1f} M)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
