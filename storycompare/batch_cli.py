"""``storycompare batch``: group a whole collection into stories and compare each.

:func:`add_parser` adds the sub-command to the main parser, :func:`run` runs it;
errors are raised as :class:`~compare.errors.CompareError` for :mod:`storycompare.cli`
to map to exit codes.  Importing this module is cheap (argparse only); the run itself
is :func:`storycompare.batch.run_batch`.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from storycompare.common import (
    add_debug_option,
    add_input_options,
    add_mode_option,
    mode_settings,
    tell,
    warn,
)

BATCH_EPILOG = """\
examples:
  storycompare batch news/ --out out/collection               # index.html, stories.json, stories/
  storycompare batch export.jsonl more/*.html --out out/c --skip-bad
  storycompare batch news/ --out out/c --workers 2            # a local Dask cluster of two processes
  storycompare batch news/ --out out/c --scheduler tcp://10.0.0.5:8786   # a running Dask scheduler

--workers above 1 and --scheduler need Dask: pip install 'storycompare[batch]'.
"""


def add_parser(subcommands: Any) -> argparse.ArgumentParser:
    """Add ``batch`` to the sub-commands (the object ``add_subparsers`` returned)."""
    parser: argparse.ArgumentParser = subcommands.add_parser(
        "batch",
        help="group a whole collection into stories and compare each",
        description="Group the articles of a whole collection into stories (articles reporting the same "
        "event), compare each story, and write an index page, stories.json and one report per story.",
        epilog=BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="articles: folders, .txt/.md/.html/.json files and JSONL exports (e.g. news/ export.jsonl)",
    )
    parser.add_argument("--out", metavar="DIR", required=True, help="output folder (e.g. --out out/collection)")
    parser.add_argument("--pdf", action="store_true", help="also write a PDF report per story (slower)")
    parser.add_argument(
        "--workers", metavar="N", type=int, default=1,
        help="worker processes (default 1: in this process, no Dask; more start a local Dask cluster)",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="run on a running Dask scheduler (e.g. --scheduler tcp://127.0.0.1:8786) instead of local workers",
    )
    add_input_options(
        parser,
        skip_bad="leave out unreadable inputs, bad JSONL lines, empty articles and stories that fail, "
        "and list them, instead of stopping",
    )
    add_mode_option(parser)
    add_debug_option(parser)
    return parser


class ProgressBar:
    """One line on a terminal: stage, counts and a bar; redrawn at most ten times a second."""

    WIDTH = 28

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.stage = ""
        self.last = 0.0
        self.started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage == self.stage and done < total and now - self.last < 0.1:
            return
        self.stage = stage
        self.last = now
        filled = self.WIDTH * done // total if total else self.WIDTH
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.stream.write(f"\r\x1b[2K{stage:<8} {bar} {done}/{total}  {now - self.started:.0f}s")
        self.stream.flush()

    def close(self) -> None:
        if self.stage:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Run ``storycompare batch``; prints the files written and one line of counts."""
    from pathlib import Path

    from compare.batch import open_runner
    from compare.errors import UsageError
    from compare.lexicon import load_lexicon
    from reports import check_out_folder, check_targets
    from storycompare.batch import describe, run_batch

    if not args.out:
        raise UsageError("--out: empty path")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out}: not a directory")
    check_out_folder(args.out, args.inputs)  # its reports would replace or mix with the articles
    # Before any work: the files written last must be writable, or a failed run would leave
    # some story reports replaced and the index of the earlier run.
    check_targets({"out": out / "index.html", "out (stories.json)": out / "stories.json"}, args.inputs)
    lexicon = load_lexicon(args.lexicon) if args.lexicon else None  # fail early on a bad file
    settings = mode_settings(args)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    try:
        with open_runner(args.workers, args.scheduler) as runner:
            result = run_batch(
                args.inputs, args.out, runner=runner, pdf=args.pdf, skip_bad=args.skip_bad,
                lexicon=lexicon, progress=bar, settings=settings,
            )
    finally:
        if bar is not None:
            bar.close()
    counts = describe(result)
    for skipped in result.skipped:
        warn(f"skipped {skipped.source}: {skipped.reason}")
    for story in result.stories:  # a limit on adversarial input changed a story's result
        for limit in story.limits:
            warn(f"story {story.id}: {limit}")
    stale = _stale_reports(out / "stories", {s.id for s in result.stories})
    if stale:
        warn(
            f"{out / 'stories'} also holds {len(stale)} report files of an earlier run, not in this index "
            f"({', '.join(stale[:3])}{', …' if len(stale) > 3 else ''}); use a new --out folder to keep runs apart"
        )
    tell(
        f"HTML {out / 'index.html'}",
        f"JSON {out / 'stories.json'}",
        f"{counts['stories']} stories, {counts['singletons']} articles on their own, "
        f"{counts['skipped']} skipped; reports in {out / 'stories'}",
    )
    return 0


def _stale_reports(folder: Any, written: set[str]) -> list[str]:
    """Names of story reports (``s0001.html`` ...) in ``folder`` that this run did not write."""
    import re

    if not folder.is_dir():
        return []
    pattern = re.compile(r"(s\d+)\.(?:html|json|pdf)")
    return sorted(
        p.name for p in folder.iterdir() if (m := pattern.fullmatch(p.name)) and m.group(1) not in written
    )
