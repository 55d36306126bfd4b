"""The storycompare command line: parse arguments, call the API, map errors to exit codes.

Exit codes: 0 done, 2 bad usage or input, 1 internal error.  An error is one line
on stderr, ``storycompare: error: <file>: <problem>``; with ``--skip-bad`` each
input left out is one line ``storycompare: warning: skipped <file>: <problem>``.
"""

from __future__ import annotations

import argparse
import re
import sys
import webbrowser
from collections.abc import Sequence
from pathlib import Path

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
        help="articles: .txt, .md, .html, .json, .jsonl, or a directory of them (e.g. story/a.txt story/b.html)",
    )
    cmp.add_argument("--html", metavar="PATH", help="write the HTML report here (e.g. --html report.html)")
    cmp.add_argument("--pdf", metavar="PATH", help="write the PDF report here (e.g. --pdf report.pdf)")
    cmp.add_argument("--json", metavar="PATH", help="write the JSON result here (e.g. --json result.json)")
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
    add_debug_option(demo)

    batch_cli.add_parser(commands)
    return parser


def _labels(items: Sequence[str]) -> dict[str, str]:
    from compare.errors import UsageError
    from compare.load import printable

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
    import contextlib

    import reports

    if args.command == "batch":
        return batch_cli.run(args)

    wants_pdf = (args.command == "demo" and not args.no_pdf) or (args.command == "compare" and args.pdf)
    # Start loading WeasyPrint in a second process now, while the comparison runs here.
    with reports.PdfWorker() if wants_pdf else contextlib.nullcontext() as pdf_worker:
        return _compare_and_write(args, pdf_worker)


def _compare_and_write(args: argparse.Namespace, pdf_worker: object) -> int:
    import reports
    from compare import compare
    from compare.load import printable

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
    else:
        skipped: list[tuple[str, str]] = []
        settings = mode_settings(args)
        given = {kind: getattr(args, kind) for kind in ("html", "pdf", "json") if getattr(args, kind) is not None}
        reports.check_targets(given, args.files)  # before any work: a bad output path wastes none
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
        targets = {kind: Path(path) for kind, path in given.items()}
        if not targets or (args.open and "html" not in targets):
            targets["html"] = Path("out") / f"{_file_name(result.articles[0].id)}-comparison.html"
            reports.check_targets(targets, args.files)
        opened = args.open

    if "pdf" in targets and args.command == "demo":
        assert isinstance(pdf_worker, reports.PdfWorker)
        unavailable = pdf_worker.problem()
        if unavailable is not None:  # the demo still writes HTML and JSON; --pdf stops (PdfUnavailable)
            warn(f"no PDF written: {unavailable}")
            del targets["pdf"]
    # Render everything, then write every file to a temporary file beside its target, then
    # rename them all: a failing renderer or a full disk leaves every existing report as it was.
    with reports.OutputSet() as outputs:
        if "json" in targets:
            outputs.add(targets["json"], reports.render_json(result).encode("utf-8"))
        if "html" in targets:
            outputs.add(targets["html"], reports.render_html(result).encode("utf-8"))
        if "pdf" in targets:
            assert isinstance(pdf_worker, reports.PdfWorker)
            outputs.add(targets["pdf"], pdf_worker.render_bytes(result))
    tell(*(f"{kind.upper():4} {targets[kind]}" for kind in ("html", "pdf", "json") if kind in targets))
    if opened and not webbrowser.open(targets["html"].resolve().as_uri()):
        warn(f"--open: no web browser found; open {targets['html']} yourself")
    return 0


_NOT_IN_NAME = re.compile(r"[^\w.-]+")


def _file_name(article_id: str) -> str:
    """An article id as a safe file name: it may come from a JSON record, so no path
    separators, no "..", no control or invisible characters, at most 80 characters."""
    name = _NOT_IN_NAME.sub("-", article_id).strip(".-")[:80]
    return name or "story"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from compare.errors import CompareError

    try:
        return _run(args)
    except CompareError as error:
        if args.debug:
            raise
        print(one_line(f"storycompare: error: {error}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("storycompare: interrupted", file=sys.stderr)
        return 130
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


if __name__ == "__main__":
    sys.exit(main())
