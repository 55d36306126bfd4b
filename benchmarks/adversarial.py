"""Time and memory of one pair of adversarial articles as they grow (issue 12).

    nice -n 10 .venv/bin/python benchmarks/adversarial.py [--sizes 10000,50000,200000,500000]
        [--shapes repeated,repeated-short,repeated-quote,repeated-two,numbers,quotes,tables,pdf-words,prose,long-sentence] [--timeout 300] [--data DIR]

For each shape and size it writes two articles of about that many characters each
and runs ``storycompare compare a b --json r.json`` (``--pdf`` too for the
``pdf-words`` shape) in a fresh child process, and prints the wall time and the
CPU time (user and system, of the command and its PDF worker: the wall time on a
shared machine grows with the other work running) and the peak memory (``ru_maxrss``
of the command and of its PDF worker), and on stderr each limit the run reported.
Then, per shape, the growth exponent: the least-squares slope of log(time) against
log(size), of the wall time and of the CPU time.  A run over ``--timeout`` seconds is stopped and shown as ``>T``, the larger sizes
are skipped, and the exponent, fitted with T for that run, is a lower bound (``≥``).

The shapes:

* ``repeated``: one sentence repeated (every sentence in one giant group);
* ``repeated-short``: one short sentence repeated, the same in both articles ("The man said it."):
  too short to link by its content words, its copies pair word for word (session 22, red team:
  every two copies were a pair, 40,000 characters took 32 s of CPU and 2.5 GB;
  ``Settings.verbatim_partners``);
* ``repeated-quote``: one short quotation repeated, the same in both articles ('"We will see," he
  said.'): each copy matches a few of the other's, and ``parts.matched_parts`` scored each against
  every copy of the other article (session 23, red team: 40,000 characters took 10 s and 313 MB,
  now 2 s and 68 MB);
* ``repeated-two``: two facts repeated, a statement and a quotation, each article its own wording
  of the statement: every copy merged into its fact's group read every pair of the two groups'
  members for the chain rule (session 24, red team: 40,000 characters took 43 s and 453 MB, then
  17 s and 189 MB; ``grouping._chained``);
* ``numbers``: sentences full of numbers, amounts and dates;
* ``quotes``: sentences full of quotations (and runs of quotation marks);
* ``tables``: HTML pages of tables nested 600 deep (1,800 elements), repeated;
* ``pdf-words``: text of very long words, with ``--pdf``;
* ``long-sentence``: one sentence of one word repeated ("nor nor nor ..."), a word apart in the
  two articles (session 20, red team: the word diff and the negation checks of a group cost the
  square of its sentences' length; 10,000 characters took 7 s of CPU, 20,000 took 26 s, and real
  news sentences run to about 1,100 characters);
* ``prose``: real news bodies (``fnc1/train_bodies.jsonl`` under ``--data``, default
  ``../shared/data`` beside the repository; without it, the example story repeated).

Targets (issue 12): at 500,000 characters every shape under 60 s and 2 GB, and
every growth exponent under 1.3.  Timings on a shared machine are noisy.  Not part
of the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import resource, sys
from storycompare.cli import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
print("MAXRSS", max(own.ru_maxrss, children.ru_maxrss), code, cpu, file=sys.stderr)
"""


def _fill(unit: Callable[[int], str], size: int) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        piece = unit(n)
        parts.append(piece)
        length += len(piece)
        n += 1
    return "".join(parts)[:size]


def _break(n: int) -> str:
    """A paragraph break after units 4 and 9 of every 9: paragraphs of 4 and 5 units in turn.  The
    clean-up removes a paragraph repeated word for word right after itself (session 24), so paragraphs
    of 5 units each, as these shapes made before, left one paragraph of the whole text: at 160,000
    characters repeated-two took 4.5 s, not the 12 to 18 s of CPU its copies cost (session 25)."""
    return "\n\n" if n % 9 in (3, 8) else ""


def repeated(size: int, side: int) -> str:
    sentence = (
        "NATO Secretary General Anders Fogh Rasmussen said on Monday that the alliance and Russia "
        "would cooperate on missile defence. " if side == 0 else
        "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on missile defense. "
    )
    return _fill(lambda n: sentence + _break(n), size)


def repeated_short(size: int, side: int) -> str:
    return _fill(lambda n: "The man said it. " + _break(n), size)


def repeated_quote(size: int, side: int) -> str:
    return _fill(lambda n: '"We will see," he said. ' + _break(n), size)


def repeated_two(size: int, side: int) -> str:
    unit = (
        'Officials said the talks went well. "We will see," he said. ' if side == 0 else
        '"We will see," he said. Officials called the talks a success. '
    )
    return _fill(lambda n: unit + _break(n), size)


def numbers(size: int, side: int) -> str:
    def unit(n: int) -> str:
        k = n * 7 + side
        return (
            f"In {1990 + n % 30} the ministry counted {k:,} troops, {k % 97} tanks, ${k * 3 % 1000}.{n % 10} billion, "
            f"{n % 100}% of {k + 12:,} and {n % 28 + 1} Nov. {2000 + n % 20} at {n % 12 + 1}:{n % 60:02d}, "
            f"up {n % 9}.{side}% from {k - 5:,}. " + ("\n\n" if n % 4 == 3 else "")
        )

    return _fill(unit, size)


def quotes(size: int, side: int) -> str:
    def unit(n: int) -> str:
        if n % 50 == 49:
            return '"' * 400 + "\n\n"
        return (
            f'The minister said: "We will {"not " if (n + side) % 3 == 0 else ""}give up on item {n}," and added '
            f'“this is {["final", "open", "fair"][n % 3]}” while “others” said «no» and "{n % 7}". '
            + ("\n\n" if n % 4 == 3 else "")
        )

    return _fill(unit, size)


def tables(size: int, side: int) -> str:
    depth = 600  # 1,800 elements: within the parser's limit of 2,047 (a deeper page is refused)
    block = "<table><tr><td>" * depth + f"Cell text {side}." + "</td></tr></table>" * depth
    def unit(n: int) -> str:  # each block's prose its own, so that the text grows with the page
        return block + (
            f"<p>NATO and Russia agreed on day {n} to cooperate on missile defence item {n * 7 + side}, "
            f"officials said.</p><p>The talks number {n} in Lisbon were described as constructive.</p>"
        )

    body = _fill(unit, size - 100)
    return f"<html><head><title>Tables {side}</title></head><body>{body}</body></html>"


def pdf_words(size: int, side: int) -> str:
    return _fill(lambda n: ("x" if side == 0 else "y") * 5000 + f" word{n} " + ("\n\n" if n % 3 == 2 else ""), size)


def long_sentence(size: int, side: int) -> str:
    ending = "the plan was approved by the council." if side == 0 else "the plan was not approved by the council."
    return "The minister said " + "nor " * max(0, (size - 60) // 4) + ending


_PROSE: list[str] = []


def prose(size: int, side: int) -> str:
    if not _PROSE:
        data = ARGS.data / "fnc1" / "train_bodies.jsonl"
        if data.is_file():
            with data.open(encoding="utf-8") as lines:
                _PROSE.extend(json.loads(line)["text"] for line in lines)
        else:
            print(f"({data} is missing: the example story stands for prose)", file=sys.stderr)
            _PROSE.extend(p.read_text("utf-8") for p in sorted((ROOT / "examples" / "nato-russia-2010").glob("*.txt")))
    offset = side * len(_PROSE) // 2
    return _fill(lambda n: _PROSE[(offset + n) % len(_PROSE)] + "\n\n", size)


SHAPES: dict[str, tuple[Callable[[int, int], str], str, tuple[str, ...]]] = {
    "repeated": (repeated, "txt", ()),
    "repeated-short": (repeated_short, "txt", ()),
    "repeated-quote": (repeated_quote, "txt", ()),
    "repeated-two": (repeated_two, "txt", ()),
    "numbers": (numbers, "txt", ()),
    "quotes": (quotes, "txt", ()),
    "tables": (tables, "html", ()),
    "pdf-words": (pdf_words, "txt", ("--pdf", "r.pdf")),
    "prose": (prose, "txt", ()),
    "long-sentence": (long_sentence, "txt", ()),
}


def measure(shape: str, size: int, timeout: float) -> tuple[float | None, int | None, int | None, float | None]:
    make, ext, options = SHAPES[shape]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        names = []
        for side in (0, 1):
            name = f"{'ab'[side]}.{ext}"
            (folder / name).write_text(make(size, side), encoding="utf-8")
            names.append(name)
        argv = [sys.executable, "-c", CHILD, "compare", *names, "--json", "r.json", *options]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        # Its own session: on a timeout the whole group goes, PDF worker included.
        child = subprocess.Popen(
            argv, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        try:
            _, stderr = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return None, None, None, None
        elapsed = time.monotonic() - started
        lines = [line for line in stderr.splitlines() if line.startswith("MAXRSS")]
        if not lines:
            print(stderr[-2000:], file=sys.stderr)
            return elapsed, None, child.returncode, None
        _, rss, code, cpu = lines[-1].split()
        if int(code) != 0:
            print(f"  {shape} {size}: exit {code}: {stderr.splitlines()[0]}", file=sys.stderr)
        for line in stderr.splitlines():
            if line.startswith("storycompare: warning: "):
                print(f"  {shape} {size}: {line[len('storycompare: warning: '):][:160]}", file=sys.stderr)
        return elapsed, int(rss) * 1024, int(code), float(cpu)


def exponent(points: list[tuple[int, float]]) -> float | None:
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-3)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,50000,200000,500000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ARGS = parser.parse_args()
    sizes = [int(s) for s in ARGS.sizes.split(",")]
    print(f"(load average at the start: {os.getloadavg()[0]:.1f})", file=sys.stderr)
    print("| shape | " + " | ".join(f"{s:,} chars" for s in sizes) + " | exponent |")
    print("|---|" + "---|" * (len(sizes) + 1))
    ok = True
    for shape in ARGS.shapes.split(","):
        cells, points, cpu_points = [], [], []
        stopped = False
        for size in sizes:
            if stopped:
                cells.append("")
                continue
            elapsed, rss, code, cpu = measure(shape, size, ARGS.timeout)
            if elapsed is None:
                cells.append(f">{ARGS.timeout:.0f} s")
                stopped = True
                ok = False
                points.append((size, ARGS.timeout))  # the exponent is then a lower bound
                continue
            points.append((size, elapsed))
            cpu_points.append((size, cpu or elapsed))
            memory = f"{rss / 1e6:,.0f} MB" if rss else "?"
            used = f" ({cpu:.1f} s CPU)" if cpu is not None else ""
            cells.append(f"{elapsed:.1f} s{used}, {memory}" + ("" if code == 0 else f" (exit {code})"))
            if size >= 500_000 and (elapsed > 60 or (rss or 0) > 2e9):
                ok = False
        slope, cpu_slope = exponent(points), exponent(cpu_points)
        if slope is not None and slope >= 1.3:
            ok = False
        shown = "" if slope is None else f"{'≥ ' if stopped else ''}{slope:.2f}"
        if cpu_slope is not None and not stopped:
            shown += f" ({cpu_slope:.2f} CPU)"
        print(f"| {shape} | " + " | ".join(cells) + f" | {shown} |", flush=True)
    return 0 if ok else 1


ARGS = argparse.Namespace()

if __name__ == "__main__":
    sys.exit(main())
