"""What the sub-commands of the command line share: options, and lines on the terminal."""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace
from typing import TextIO

from compare.settings import Settings

__all__ = ["add_debug_option", "add_input_options", "one_line", "tell", "warn"]


def add_input_options(parser: argparse.ArgumentParser, skip_bad: str) -> None:
    """``--lexicon`` and ``--skip-bad`` (``skip_bad`` is its help), shared by ``compare`` and ``batch``."""
    parser.add_argument(
        "--lexicon", metavar="FILE",
        help="JSON file with more actors and cue words, extending the shipped lexicon (e.g. --lexicon actors.json)",
    )
    parser.add_argument("--skip-bad", action="store_true", help=skip_bad)


def add_mode_option(parser: argparse.ArgumentParser) -> None:
    """``--lexical`` (and the old ``--semantic``, now the default), shared by ``compare``, ``demo`` and ``batch``."""
    parser.add_argument(
        "--lexical", action="store_true",
        help="compare words only, without sentence embeddings (faster on large collections; finds fewer "
        "reworded facts)",
    )
    parser.add_argument("--semantic", action="store_true", help=argparse.SUPPRESS)  # the default since 0.5


def mode_settings(args: argparse.Namespace) -> Settings:
    """The settings of the chosen mode.  Without the embedding model, one warning line names what
    to install, and the comparison goes on with words alone."""
    from compare import semantic

    if getattr(args, "lexical", False):
        return replace(Settings(), semantic=False)
    problem = semantic.status()
    if problem is not None:
        warn(problem)
        return replace(Settings(), semantic=False)
    return Settings()


def add_debug_option(parser: argparse.ArgumentParser) -> None:
    """``--debug`` after the sub-command too (hidden; the main parser's help shows it)."""
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def tell(*lines: str) -> None:
    """Print the lines on stdout (what was written where).  A reader that went away
    (``| head -1``) is no error: the files are written; the rest is not printed.  Nor is
    standard output closed from the start (``>&-``)."""
    if sys.stdout is None:
        return
    try:
        for line in lines:
            print(_encodable(one_line(line), sys.stdout))
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit fails no more


def _encodable(line: str, stream: TextIO) -> str:
    """``line`` with what ``stream``'s encoding cannot write escaped (``r\xe9sum\xe9.json``), as
    Python writes stderr: a terminal or pipe in ASCII (``PYTHONIOENCODING=ascii``, a Windows console
    in cp1252) made "JSON résumé.json" an internal error, after the reports were written."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        line.encode(encoding)
    except UnicodeEncodeError:
        return line.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: leave it to print
        pass
    return line


def warn(message: str) -> None:
    """One warning line on stderr."""
    print(one_line(f"storycompare: warning: {message}"), file=sys.stderr)


# Control characters, the line and paragraph separators (which end a line for str.splitlines) and the
# bidirectional overrides (which reorder what a terminal shows).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(message: str) -> str:
    """``message`` with control characters escaped: a file name holding a newline or a
    terminal escape sequence cannot split the line or move the cursor."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)
