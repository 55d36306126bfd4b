"""The storycompare command line: parse arguments, call the API, map errors to exit codes.

Exit codes: 0 done, 2 bad usage or input, 1 internal error.  An error is one line
on stderr, ``storycompare: error: <file>: <problem>``; with ``--skip-bad`` each
input left out is one line ``storycompare: warning: skipped <file>: <problem>``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storycompare import batch_cli
from storycompare.common import (
    add_debug_option,
    add_input_options,
    add_mode_option,
    mode_settings,
    one_line,
    tell,
    warn,
)

if TYPE_CHECKING:
    from compare.encoder_process import EncoderProcess
    from compare.models import Comparison

EXAMPLE_STORY = "nato-russia-2010"
EXAMPLE_LABELS = {
    "bloomberg": "Bloomberg",
    "moscow-times": "The Moscow Times",
    "rferl": "RFE/RL",
    "rt": "RT",
    "state-dipnote": "U.S. Department of State (DipNote blog)",
}

COMPARE_EPILOG = """\
examples:
  storycompare compare a.txt b.html c.json                 # HTML report under out/
  storycompare compare examples/nato-russia-2010/ --html r.html --pdf r.pdf --json r.json
  storycompare compare a.txt b.txt c.txt --pair a:b --pair a:c
  storycompare compare a.txt b.txt --label a.txt=Reuters --label b.txt="The Guardian"
  storycompare compare story/*.txt --title "NATO and Russia" --lexicon my-actors.json --open
  storycompare compare feeds/*.jsonl --skip-bad           # leave out bad files and lines, with a warning each
  curl -s URL | storycompare compare - b.txt --json - | jq .pairs   # - : standard input / output
"""


def _parser() -> argparse.ArgumentParser:
    from compare import __version__

    parser = argparse.ArgumentParser(
        prog="storycompare",
        description="Compare how different outlets report the same news story.",
    )
    parser.add_argument("--version", action="version", version=f"storycompare {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    cmp = commands.add_parser(
        "compare",
        help="compare articles and write reports",
        description="Align the sentences of several articles about one story and report agreement, "
        "divergence, omissions and framing.",
        epilog=COMPARE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmp.add_argument(
        "files", nargs="+", metavar="FILE",
        help="articles: .txt, .md, .html, .json, .jsonl, or a directory of them (e.g. story/a.txt story/b.html); "
        "- reads one article, a JSON array or JSONL from standard input",
    )
    cmp.add_argument("--html", metavar="PATH", help="write the HTML report here (e.g. --html report.html; - for stdout)")
    cmp.add_argument("--pdf", metavar="PATH", help="write the PDF report here (e.g. --pdf report.pdf; - for stdout)")
    cmp.add_argument("--json", metavar="PATH", help="write the JSON result here (e.g. --json result.json; - for stdout)")
    cmp.add_argument(
        "--csv", metavar="DIR",
        help="write sentences, groups, differences, coverage, pairs and stances as CSV files into DIR "
        "(e.g. --csv tables/)",
    )
    cmp.add_argument("--open", action="store_true", help="open the HTML report in the default browser")
    cmp.add_argument(
        "--pair", action="append", metavar="A:B", default=None,
        help="compare only this pair of articles (ids = file names without extension); repeatable "
        "(e.g. --pair rferl:bloomberg)",
    )
    cmp.add_argument(
        "--label", action="append", metavar="FILE=OUTLET", default=[],
        help="name the outlet of a file (e.g. --label rt.txt=RT); repeatable",
    )
    cmp.add_argument("--title", metavar="TEXT", help='the story title shown in the reports (e.g. --title "NATO summit")')
    add_input_options(
        cmp,
        skip_bad="leave out an input file, JSON record or JSONL line that cannot be read (missing, empty, binary, "
        "invalid JSON, no text...) with a warning on stderr, instead of stopping; at least two articles must remain",
    )
    add_mode_option(cmp)
    _add_quiet_option(cmp)
    add_debug_option(cmp)

    demo = commands.add_parser(
        "demo", help="render the bundled example story",
        description=f"Compare the bundled example story ({EXAMPLE_STORY}: five outlets on NATO and Russia, 2010) "
        "and write HTML, PDF and JSON reports.",
        epilog="example:\n  storycompare demo --out out/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument("--out", metavar="DIR", default="out", help="output directory (default: out)")
    demo.add_argument("--no-pdf", action="store_true", help="skip the PDF (faster)")
    add_mode_option(demo)
    _add_quiet_option(demo)
    add_debug_option(demo)

    batch_cli.add_parser(commands)
    return parser


def _add_quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="print nothing but errors and warnings (not the files written)"
    )


STDOUT = "-"
"""An output path that means standard output (``--json -``)."""


def _to_stdout(given: dict[str, str]) -> str | None:
    """The one output kind written to standard output, if any; two on it are refused."""
    from compare.errors import UsageError

    kinds = [kind for kind, path in given.items() if path == STDOUT]
    if len(kinds) > 1:
        raise UsageError(f"--{kinds[0]} and --{kinds[1]} both write to standard output (-); give one a file")
    if kinds and sys.stdout is None:  # started with standard output closed (`>&-`): checked before any work
        raise UsageError(f"--{kinds[0]} -: standard output is closed; give a file")
    return kinds[0] if kinds else None


def _write_stdout(data: bytes) -> None:
    """A report on standard output; a reader that went away (``| head``) is no error."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit fails no more


def _csv_targets(folder: str | None) -> dict[str, Path]:
    """``--csv DIR``: the CSV files it writes, keyed ``"csv <name>"`` as output options are."""
    if folder is None:
        return {}
    from compare.errors import UsageError
    from reports.csv import csv_targets

    if not folder or folder == STDOUT:
        raise UsageError(f"--csv {folder!r}: give a directory")
    if Path(folder).exists() and not Path(folder).is_dir():
        raise UsageError(f"--csv {folder}: not a directory")
    return {f"csv {name}": path for name, path in csv_targets(folder).items()}


def _labels(items: Sequence[str]) -> dict[str, str]:
    from compare.errors import UsageError
    from compare.untrusted import printable

    labels = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value.strip():
            raise UsageError(f"--label {item}: expected FILE=OUTLET")
        if key in labels:
            raise UsageError(f"--label {item}: {key} is labelled twice")
        labels[key] = printable(value.strip())  # the outlet is shown: no undecodable bytes
    return labels


def example_dir() -> Path:
    """The bundled example story: inside the installed ``compare`` package, or the checkout's examples/."""
    import compare

    here = Path(compare.__file__).resolve().parent
    for candidate in (here / "examples" / EXAMPLE_STORY, here.parent / "examples" / EXAMPLE_STORY):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the example story {EXAMPLE_STORY} is not installed")


def _display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it (what reports show as source)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _run(args: argparse.Namespace) -> int:
    import reports
    from compare.encoder_process import EncoderProcess

    if args.command == "batch":
        return batch_cli.run(args)

    wants_pdf = (args.command == "demo" and not args.no_pdf) or (args.command == "compare" and args.pdf)
    # Start loading WeasyPrint, and the sentence encoder, in processes of their own now, while the comparison starts here.
    inputs = [str(p) for p in sorted(example_dir().glob("*.txt"))] if args.command == "demo" else args.files
    with (
        EncoderProcess(inputs) if not getattr(args, "lexical", False) else contextlib.nullcontext() as encoder,  # first: no thread yet
        reports.PdfWorker() if wants_pdf else contextlib.nullcontext() as pdf_worker,
    ):
        return _compare_and_write(args, pdf_worker, encoder)


def _compare_and_write(args: argparse.Namespace, pdf_worker: object, encoder: EncoderProcess | None) -> int:
    import reports
    from compare import compare
    from compare.errors import UsageError
    from compare.untrusted import printable

    gc.freeze()  # the modules just imported are kept for good: no full collection goes through them again
    if args.command == "demo":
        folder = example_dir()
        files = sorted(_display_path(p) for p in folder.glob("*.txt"))
        result = compare(
            files, mode_settings(args), labels=EXAMPLE_LABELS, title="NATO and Russia, 2010: five outlets"
        )
        out = Path(args.out)
        targets = {"html": out / f"{EXAMPLE_STORY}.html", "json": out / f"{EXAMPLE_STORY}.json"}
        if not args.no_pdf:
            targets["pdf"] = out / f"{EXAMPLE_STORY}.pdf"
        reports.check_targets(targets, files)
        opened = False
        piped = None
        tables: dict[str, Path] = {}
    else:
        skipped: list[tuple[str, str]] = []
        settings = mode_settings(args)
        given = {kind: getattr(args, kind) for kind in ("html", "pdf", "json") if getattr(args, kind) is not None}
        piped = _to_stdout(given)
        if piped == "html" and args.open:
            raise UsageError("--open needs the HTML report in a file, not on standard output (--html -)")
        files_given = {kind: path for kind, path in given.items() if kind != piped}
        tables = _csv_targets(args.csv)
        reports.check_targets({**files_given, **tables}, args.files)  # before any work: a bad path wastes none
        try:
            result = compare(
                args.files,
                settings,
                labels=_labels(args.label),
                pairs=args.pair,
                title=printable(args.title) if args.title is not None else None,
                lexicon=args.lexicon,
                skip_bad=args.skip_bad,
                skipped=skipped,
            )
        finally:  # also when too few articles are left: the warnings say why
            for where, problem in skipped:
                warn(f"skipped {where}: {problem}")
        for limit in result.limits:  # a limit on adversarial input changed the result
            warn(limit)
        targets = {kind: Path(path) for kind, path in files_given.items()}
        if not (given or tables) or (args.open and "html" not in targets):
            targets["html"] = Path("out") / f"{_file_name(result.articles[0].id)}-comparison.html"
            reports.check_targets(targets, args.files)
        opened = args.open

    if encoder is not None and result.settings.semantic and not result.pair_mode and not getattr(args, "skip_bad", False):
        encoder.embedded()  # all these files' texts are in the cache now: a second report starts no worker
    if "pdf" in targets and args.command == "demo":
        assert isinstance(pdf_worker, reports.PdfWorker)
        unavailable = pdf_worker.problem()
        if unavailable is not None:  # the demo still writes HTML and JSON; --pdf stops (PdfUnavailable)
            warn(f"no PDF written: {unavailable}")
            del targets["pdf"]

    _write_outputs(args, result, targets, piped, tables, pdf_worker)
    if opened and not _open_in_browser(targets["html"]):
        warn(f"--open: no web browser found; open {targets['html']} yourself")
    return 0


def _open_in_browser(page: Path) -> bool:
    """``--open``: show the page in a web browser (the module imported only then: 0.02 s at every start)."""
    import webbrowser

    return webbrowser.open(page.resolve().as_uri())


def _write_outputs(
    args: argparse.Namespace,
    result: Comparison,
    targets: dict[str, Path],
    piped: str | None,
    tables: dict[str, Path],
    pdf_worker: object,
) -> None:
    """Render the reports and write them: ``targets`` (kind → file), ``piped`` (the kind for
    standard output, if any), ``tables`` (the CSV files of ``--csv``)."""
    import reports

    pdf: Callable[[], bytes] | None = None
    if "pdf" in targets or piped == "pdf":  # laid out in the worker while the others are made here
        assert isinstance(pdf_worker, reports.PdfWorker)
        pdf = pdf_worker.submit(result)

    def rendered(kind: str) -> bytes:
        if kind == "json":
            return reports.render_json(result).encode("utf-8")
        if kind == "html":
            return reports.render_html(result).encode("utf-8")
        assert pdf is not None
        return pdf()

    # Render everything, then write every file to a temporary file beside its target, then
    # rename them all: a failing renderer or a full disk leaves every existing report as it was.
    # The report for standard output is made first and printed last.
    piped_data = rendered(piped) if piped is not None else None
    with reports.OutputSet() as outputs:
        for kind in ("json", "html", "pdf"):
            if kind in targets:
                outputs.add(targets[kind], rendered(kind))
        if tables:
            from reports.csv import render_csv

            for name, data in render_csv(result).items():
                outputs.add(tables[f"csv {name}"], data)
    if piped_data is not None:
        _write_stdout(piped_data)  # and no lines naming the files: stdout carries the report
    elif not args.quiet:
        tell(*(f"{kind.upper():4} {targets[kind]}" for kind in ("html", "pdf", "json") if kind in targets))
        if tables:
            tell(f"CSV  {args.csv}")


_NOT_IN_NAME = re.compile(r"[^\w.-]+")


def _file_name(article_id: str) -> str:
    """An article id as a safe file name: it may come from a JSON record, so no path
    separators, no "..", no control or invisible characters, at most 80 characters."""
    name = _NOT_IN_NAME.sub("-", article_id).strip(".-")[:80]
    return name or "story"


BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""numpy's matrix library on one thread, unless the user's environment says otherwise.  The
products here are small (the aligner's cosines, the tone layer); on several threads they cost
more than they gain and take cores from the encoder (ONNX Runtime has its own threads).  On the
example story (benchmarks/example_story.py, 2 cores): a first report 1.00 s -> 0.92 s (CPU 1.59
-> 1.23 s), a second report 0.52 s -> 0.46 s (CPU 0.70 -> 0.46 s).  Set before numpy is first
imported, so that batch's worker processes inherit it too."""


_ran: list[str] = []
"""The command :func:`main` ran last, for :func:`run`."""


def run() -> None:
    """The ``storycompare`` command and ``python -m storycompare``: :func:`main`, and after a
    comparison (``compare``, ``demo``) the process ends at once.  Python's own ending frees the
    comparison's objects and its modules one by one, 0.1 s on the example story (2 cores), for
    nothing: the reports are written and closed, the worker processes stopped, no other thread
    runs.  So the standard streams are flushed and the process exits (``os._exit``)."""
    _stop_on_signals()
    code = main()
    if _ran[-1:] in (["compare"], ["demo"]) and threading.active_count() == 1:
        for stream in (sys.stdout, sys.stderr):  # None when started closed (`>&-`, `2>&-`)
            with contextlib.suppress(OSError, ValueError, AttributeError):  # a reader that went away (| head) is no error
                stream.flush()
        os._exit(code)
    sys.exit(code)


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``timeout``, ``kill``, a terminal closed) in the command's process,
    raised where it runs as Ctrl-C is: the run unwinds, so the temporary files of its reports
    are removed and its workers stopped.  Python's default ended the process at once, and every
    report staged beside its target stayed there as ``.r.html.xxxxxxxx.tmp``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP raise :class:`_Stopped` in the command (only in its own process:
    :func:`main` called from a program leaves that program's signals alone)."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise _Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):  # Windows has no SIGHUP
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _interrupted(stop: KeyboardInterrupt | None = None) -> int:
    """Ctrl-C: one line, exit code 130 (as a shell gives a command stopped by SIGINT); SIGTERM
    or SIGHUP: "terminated", 128 plus the signal's number."""
    if isinstance(stop, _Stopped):
        print("storycompare: terminated", file=sys.stderr)
        return 128 + stop.signum
    print("storycompare: interrupted", file=sys.stderr)
    return 130


def main(argv: Sequence[str] | None = None) -> int:
    for name, value in BLAS_THREADS.items():
        os.environ.setdefault(name, value)
    try:  # the parser imports the analysis package (its version): a Ctrl-C may come meanwhile
        parser = _parser()
        args = parser.parse_args(argv)
        _ran[:] = [args.command]
        from compare.errors import CompareError
    except KeyboardInterrupt:
        return _interrupted()

    try:
        return _run(args)
    except CompareError as error:
        if args.debug:
            raise
        print(one_line(f"storycompare: error: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt as stop:
        return _interrupted(stop)
    except Exception as error:  # an internal error: one line unless --debug
        if args.debug:
            raise
        print(
            one_line(
                f"storycompare: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)"
            ),
            file=sys.stderr,
        )
        return 1
    finally:  # what _compare_and_write froze is collectable again when main() is called in a process that goes on
        gc.unfreeze()


if __name__ == "__main__":
    run()
