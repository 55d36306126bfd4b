"""Errors raised by storycompare.

Every message names the offending file or value, so that the command line can
print it as one line.  The CLI maps :class:`CompareError` to exit code 2 (bad
usage or input, or storycompare's own data file damaged:
:class:`~compare.analyze.framing.tone_file.ModelFileError`); anything else is an internal
error (exit code 1).
"""

from __future__ import annotations


class CompareError(Exception):
    """Base class: something about the user's input or request is wrong."""


class InputError(CompareError):
    """An input file cannot be read as an article (missing, empty, binary, malformed)."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        """The line of ``source`` (a JSONL file) that holds the bad record, when it is one line."""
        super().__init__(f"{source}: {self.detail}")

    @property
    def detail(self) -> str:
        """The message after the source: the problem, after its line when there is one.

        >>> InputError("feed.jsonl", "invalid JSON", line=3).detail
        'line 3: invalid JSON'
        """
        return self.problem if self.line is None else f"line {self.line}: {self.problem}"


class UsageError(CompareError):
    """The request itself is inconsistent (one article only, unknown --pair id, bad --label)."""


class LexiconError(CompareError):
    """A lexicon file given with --lexicon is not valid."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class OutputError(CompareError):
    """An output file cannot be written."""

    def __init__(self, target: str, problem: str) -> None:
        self.target = target
        self.problem = problem
        super().__init__(f"{target}: {problem}")


def json_kind(value: object) -> str:
    """What a JSON value is, for a message: "an object", "an array", "a string", "a boolean",
    "null" or "a number".

    >>> json_kind([1, 2])
    'an array'
    """
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
