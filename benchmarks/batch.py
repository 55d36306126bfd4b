"""How ``storycompare batch`` scales: time, memory and growth on FNC-1 article bodies (issue 5).

    .venv/bin/python benchmarks/batch.py [--data DIR] [--runs 3] [--slices 200,400,800,1683]
                                         [--workers 1,2] [--html] [--exhaustive 200,400]

Reads ``fnc1/train_bodies.jsonl`` under ``--data`` (default: ``../shared/data``
beside the repository; 1,683 news bodies) and says so and stops when it is
missing.  For each slice (the first N bodies) and each ``--workers`` value it
runs the whole batch (load, prepare, group, compare every story, write
``stories.json`` and each story's JSON; ``--html`` adds the HTML reports and the
index) ``--runs`` times, each in a fresh child process, and prints per slice
the best and median wall time, the least CPU time (all processes), the median
time of each stage, the peak
memory (``ru_maxrss``) of the batch process and of its largest worker process, and what the
sentence encoder did (texts and tokens embedded, and its CPU seconds, summed over the processes:
:func:`compare.semantic.encoder_stats`).  Each run starts from an empty embedding cache of its
own, unless ``STORYCOMPARE_CACHE`` names one (then the runs share it: the later ones embed
nothing that an earlier one embedded).
Then the growth exponent: the least-squares slope of log(time) against log(n)
over the slices, for the whole run and for the grouping step alone.

Then the grouping step alone on ``--copies`` disjoint copies of all the bodies
(tokens renamed per copy): a collection whose number of stories grows with its
size, as an archive does (FNC-1 slices instead grow the stories themselves,
which makes the per-story work grow faster than n).

Last, on the ``--exhaustive`` slices, the yardstick: difflib scoring of every
pair of sentences from different articles (``compare.similarity.score`` over
the aligner's own features), its time, and on the first of them the recall of
the aligner's candidate pairs (``compare.candidates.candidates`` of its ``pair_bounds``) against
that exhaustive scoring (every pair scoring at least ``Settings().link_threshold``).

Timings on a shared machine are noisy: compare the best values, and rerun.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "data"
BODIES = Path("fnc1") / "train_bodies.jsonl"


def read_bodies(path: Path, n: int) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if len(rows) == n:
                break
    return rows


# --- one measured run, in a child process ----------------------------------------------------


def child(data: Path, n: int, workers: int, html: bool) -> None:
    from compare.batch import open_runner
    from storycompare.batch import run_batch

    marks: dict[str, list[float]] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        marks.setdefault(stage, [now, now])[1] = now

    with tempfile.TemporaryDirectory(prefix="storycompare-bench-") as tmp:
        if not os.environ.get("STORYCOMPARE_CACHE"):  # each run starts from an empty embedding cache
            os.environ["STORYCOMPARE_CACHE"] = str(Path(tmp) / "cache")
        source = Path(tmp) / "bodies.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in read_bodies(data, n)), encoding="utf-8")
        start = time.perf_counter()
        with open_runner(workers) as runner:
            started = time.perf_counter()
            result = run_batch([str(source)], Path(tmp) / "out", runner=runner, html=html, progress=progress)
            finished = time.perf_counter()
            encoded = encoder_totals(runner)
        end = time.perf_counter()
    stages = {"startup": started - start, "shutdown": end - finished}
    previous = started
    for stage in ("load", "prepare", "group", "compare", "index"):
        if stage in marks:
            stages[stage] = marks[stage][1] - previous
            previous = marks[stage][1]
    own = resource.getrusage(resource.RUSAGE_SELF)
    descendants = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "n": n, "workers": workers, "seconds": end - start, "stages": stages,
        "stories": len(result.stories), "singletons": len(result.singletons),
        "articles_in_stories": sum(len(s.articles) for s in result.stories),
        "largest": max((len(s.articles) for s in result.stories), default=0),
        "peak_mb": own.ru_maxrss / 1024, "worker_peak_mb": descendants.ru_maxrss / 1024 if workers > 1 else 0.0,
        "cpu": own.ru_utime + own.ru_stime + descendants.ru_utime + descendants.ru_stime,
        "encoded": encoded,
    }))


def encoder_totals(runner: Any) -> dict[str, float]:
    """What the encoder did in the run, summed over the processes that embedded
    (:func:`compare.semantic.encoder_stats`: texts, tokens, padded tokens, CPU seconds)."""
    from compare import semantic

    client = getattr(runner, "client", None)
    stats = list(client.run(semantic.encoder_stats).values()) if client is not None else [semantic.encoder_stats()]
    return {field: sum(getattr(s, field) for s in stats) for field in ("texts", "tokens", "padded", "seconds")}


def measure(data: Path, n: int, workers: int, html: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", str(n), "--data-file", str(data), "--workers", str(workers)]
    if html:
        cmd.append("--html")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"child run failed (n={n}, workers={workers}):\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def slope(xs: list[float], ys: list[float]) -> float:
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-9)) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


# --- the exhaustive yardstick and candidate recall ---------------------------------------------


def exhaustive(data: Path, n: int, recall: bool) -> dict[str, Any]:
    """Score every cross-article sentence pair of the first ``n`` bodies; with ``recall``, compare
    the aligner's candidate pairs with the pairs that reach the link threshold."""
    import compare.align as align_module
    from compare.batch import prepare_article
    from compare.candidates import candidates
    from compare.load import load_inputs
    from compare.settings import Settings
    from compare.similarity import score

    settings = Settings()
    articles = [prepare_article(a)[0] for a in load_inputs(read_bodies(data, n))]
    sentences = [s for a in articles for s in a.sentences]
    seen: dict[str, Any] = {}
    real = align_module.pair_bounds

    def recording(feats: Any, article_of: Any, *args: Any, **kwargs: Any) -> Any:
        bounds = real(feats, article_of, *args, **kwargs)
        seen.update(feats=feats, article_of=article_of, found=candidates(bounds, settings.link_threshold))
        return bounds

    align_module.pair_bounds = recording  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        align_module.align(sentences, settings)
        aligner_seconds = time.perf_counter() - started
    finally:
        align_module.pair_bounds = real  # type: ignore[assignment]
    feats, article_of = seen["feats"], seen["article_of"]
    started = time.perf_counter()
    linked: set[tuple[int, int]] = set()
    pairs = 0
    for i in range(len(feats)):
        fi, ai = feats[i], article_of[i]
        for j in range(i + 1, len(feats)):
            if article_of[j] == ai:
                continue
            pairs += 1
            if score(fi, feats[j], settings) >= settings.link_threshold:
                linked.add((i, j))
    seconds = time.perf_counter() - started
    out: dict[str, Any] = {
        "n": n, "sentences": len(sentences), "pairs": pairs, "seconds": seconds, "aligner_seconds": aligner_seconds,
    }
    if recall:
        found = set(seen["found"])
        out.update(linked=len(linked), candidates=len(found), recall=len(linked & found) / len(linked) if linked else 1.0)
    return out


# --- the grouping step alone, on a collection whose number of stories grows ----------------------


def grouping_at_scale(data: Path, copies: list[int], runs: int) -> list[dict[str, Any]]:
    """Group k disjoint copies of the bodies' profiles (each copy's tokens renamed, so no copy
    matches another): the number of stories grows with n while each story keeps its size,
    as in a growing archive.  FNC-1 slices instead grow the stories themselves."""
    from compare.batch import prepare_article
    from compare.load import load_inputs
    from compare.stories import Profile, StorySettings, candidate_pairs, group_profiles, story_vectors

    settings = StorySettings()
    base = [prepare_article(a)[1] for a in load_inputs(read_bodies(data, 10**9))]
    out = []
    for k in copies:
        profiles = [
            Profile(f"{p.id}#{c}", p.title, p.date, {f"{t}#{c}": w for t, w in p.terms.items()})
            for c in range(k)
            for p in base
        ]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            group_profiles(profiles, settings)
            times.append(time.perf_counter() - started)
        pairs = len(candidate_pairs(story_vectors(profiles, settings), settings))
        out.append({"n": len(profiles), "best": min(times), "median": statistics.median(times), "pairs": pairs})
    return out


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slices", default="200,400,800,1683")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to measure")
    parser.add_argument("--html", action="store_true", help="also render each story's HTML report and the index")
    parser.add_argument("--exhaustive", default="200,400", help="slices for the exhaustive yardstick ('' for none)")
    parser.add_argument("--copies", default="1,2,4,8", help="disjoint copies for the grouping-at-scale table ('' for none)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        child(args.data_file, args.child, int(args.workers), args.html)
        return

    path = args.data / BODIES
    if not path.is_file():
        print(f"skipped: {path} not found (FNC-1 train bodies; see the README's data notes)")
        return
    total = len(read_bodies(path, 10**9))
    slices = sorted({min(int(s), total) for s in args.slices.split(",") if s})
    worker_counts = [int(w) for w in args.workers.split(",") if w]
    print(f"data: {path} ({total} bodies); runs per cell: {args.runs}; "
          f"outputs: stories.json + story JSON{' + HTML + index' if args.html else ''}")
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start")
    print()
    header = ("| workers | articles | stories (largest) | singletons | best s | median s | CPU s | prepare | group | "
              "compare+write | startup | peak MB batch | peak MB worker | texts embedded | tokens | encoder CPU s |")
    if slices:
        print(header)
        print("|---:" * (header.count("|") - 1) + "|")
    growth: dict[int, tuple[list[float], list[float], list[float]]] = {}
    for workers in worker_counts:
        for n in slices:
            runs = [measure(path, n, workers, args.html) for _ in range(args.runs)]
            seconds = [r["seconds"] for r in runs]
            stage = {k: statistics.median(r["stages"].get(k, 0.0) for r in runs) for k in runs[0]["stages"]}
            r0 = runs[0]
            print(
                f"| {workers} | {n} | {r0['stories']} ({r0['largest']}) | {r0['singletons']} | {min(seconds):.1f} | "
                f"{statistics.median(seconds):.1f} | {min(r['cpu'] for r in runs):.1f} | "
                f"{stage.get('prepare', 0):.1f} | {stage.get('group', 0):.2f} | "
                f"{stage.get('compare', 0) + stage.get('index', 0):.1f} | {stage.get('startup', 0):.1f} | "
                f"{max(r['peak_mb'] for r in runs):.0f} | "
                f"{max(r['worker_peak_mb'] for r in runs):.0f} | {r0['encoded']['texts']:,.0f} | "
                f"{r0['encoded']['tokens']:,.0f} | {min(r['encoded']['seconds'] for r in runs):.1f} |",
                flush=True,
            )
            xs, ts, gs = growth.setdefault(workers, ([], [], []))
            xs.append(n)
            ts.append(min(seconds))
            gs.append(min(r["stages"].get("group", 0.0) for r in runs))
    print()
    for workers, (xs, ts, gs) in growth.items():
        if len(xs) >= 2:
            print(f"growth exponent, {workers} worker(s): whole run {slope(xs, ts):.2f}, grouping step {slope(xs, gs):.2f} "
                  f"(least-squares slope of log best time against log n over {', '.join(map(str, xs))})")

    copies = [int(c) for c in args.copies.split(",") if c]
    if copies:
        print()
        print("Grouping step alone on k disjoint copies of the bodies (stories grow in number, not in size):")
        print()
        print("| articles | best s | median s | pairs at or above the link |")
        print("|---:|---:|---:|---:|")
        scale = grouping_at_scale(path, copies, args.runs)
        for r in scale:
            print(f"| {r['n']} | {r['best']:.2f} | {r['median']:.2f} | {r['pairs']} |", flush=True)
        if len(scale) >= 2:
            print()
            print(f"growth exponent of the grouping step: {slope([r['n'] for r in scale], [r['best'] for r in scale]):.2f}")

    chosen = [min(int(s), total) for s in args.exhaustive.split(",") if s]
    if chosen:
        print()
        print("| articles | sentences | cross-article pairs | exhaustive scoring s | aligner on the same sentences s | "
              "candidate recall |")
        print("|---:|---:|---:|---:|---:|---|")
        for k, n in enumerate(chosen):
            r = exhaustive(path, n, recall=k == 0)
            recall = (f"{100 * r['recall']:.2f}% ({r['linked']} pairs at or above the link threshold, "
                      f"{r['candidates']} candidates)") if "recall" in r else ""
            print(f"| {n} | {r['sentences']} | {r['pairs']:,} | {r['seconds']:.1f} | {r['aligner_seconds']:.1f} | {recall} |",
                  flush=True)


if __name__ == "__main__":
    main()
