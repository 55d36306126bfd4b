"""Guards for untrusted input that the loaders share: JSON integers of any length, text that shows
nothing, lone surrogates, a library failing on a malformed page, tables nested too deeply.

The inputs come from the open web and from exports; none of them may make a run fail with an
internal error or take time that grows faster than their size.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from compare.models import Article

MAX_JSON_INT_DIGITS = 4000
"""A JSON integer with more digits than this is not read as a number (Python refuses to
convert one of over 4,300 digits): it stands for no value, so a record's numeric ``id``
falls back to the default id and a field that needs a string reports it as a number."""


class HugeNumber:
    """A JSON integer too long to convert (see :data:`MAX_JSON_INT_DIGITS`): no value."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits:,} digits>"


def _parse_int(text: str) -> int | HugeNumber:
    return int(text) if len(text) <= MAX_JSON_INT_DIGITS else HugeNumber(len(text.lstrip("-")))


def parse_json(text: str) -> Any:
    """``json.loads`` for untrusted input: an integer of any length is no error (see
    :class:`HugeNumber`).  Raises ``json.JSONDecodeError`` and ``RecursionError`` as it does."""
    return json.loads(text, parse_int=_parse_int)


_BLANK_LETTERS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
"""Characters that are letters or symbols to Unicode but show nothing: the Hangul fillers and the
blank Braille pattern (a favourite of "invisible text" generators)."""


def visible(text: str) -> bool:
    r"""Whether ``text`` shows anything: a character that is not whitespace, a control character
    (NUL, ESC...), a format character (zero-width space, U+FEFF byte order mark, direction marks)
    or a blank letter (:data:`_BLANK_LETTERS`).

    >>> visible("\u200b\ufeff\x00 \u2060"), visible("\u200bA")
    (False, True)
    """
    return any(
        not (char.isspace() or char in _BLANK_LETTERS or unicodedata.category(char) in ("Cc", "Cf"))
        for char in text
    )


INVISIBLE = "no visible text (only invisible or control characters, such as zero-width spaces or NUL)"
"""Why an input whose text shows nothing is refused, as a text file or a JSON record alike: it would
be one invisible "sentence" in the reports."""


_SURROGATE = re.compile("[\ud800-\udfff]")
REPAIRED_FIELDS = ("id", "text", "title", "outlet", "url")


def repair_text(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate (U+D800..U+DFFF, which a JSON ``\\ud800`` escape or a
    UTF-7 page can hold but no UTF-8 file can) replaced by U+FFFD; and how many there were."""
    repaired, count = _SURROGATE.subn("\ufffd", value)
    return repaired, count


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and the line ends (C0, DEL and C1): a JSON record's ``\\u0000``
escapes, a pasted terminal colour code.  They mean nothing in an article, and a report cannot show
them: a browser shows NUL as U+FFFD and the others as boxes or nothing."""

_LINE_CONTROLS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n"}
"""Vertical tab, form feed and NEL end a line (``str.splitlines``): in the text they become a line end."""


def without_controls(value: str, lines: bool = True) -> tuple[str, int]:
    r"""``value`` without the control characters of :data:`_CONTROL` (a vertical tab, form feed
    or NEL becomes a line end when ``lines``, else a space); and how many there were.

    >>> without_controls("NATO\x00 summit\x0cLisbon \x1b[1mtalks")
    ('NATO summit\nLisbon [1mtalks', 3)
    """
    line_end = "\n" if lines else " "
    return _CONTROL.subn(lambda match: line_end if match.group() in _LINE_CONTROLS else "", value)


def _codes(found: list[str]) -> str:
    """The code points of the control characters found, at most three: "U+0000, U+001B"."""
    codes = sorted(set(found))
    shown = ", ".join(f"U+{ord(char):04X}" for char in codes[:3])
    return shown + (", ..." if len(codes) > 3 else "")


_EMPTIED: dict[str, str | None] = {"id": "article", "title": None, "outlet": None, "url": None}
"""What a field that held only control characters becomes (the text, which shows something, never does)."""


def fields_repaired(
    article: Article, fields: Sequence[str], fix: Callable[[str, str], tuple[str | None, str] | None]
) -> Article:
    """The article with ``fix(name, value)`` applied to each of its ``fields`` that holds a string:
    the new value and what was done ("3 control characters (U+0000) removed"), or None to leave it;
    each repair listed in ``Article.repaired`` as "<field>: <what was done>" (the JSON report shows it)."""
    changes: dict[str, Any] = {}
    notes: list[str] = []
    for name in fields:
        value = getattr(article, name)
        done = fix(name, value) if isinstance(value, str) else None
        if done is not None:
            changes[name], what = done
            notes.append(f"{name}: {what}")
    if not changes:
        return article
    return replace(article, **changes, repaired=(*article.repaired, *notes))


def repaired(article: Article) -> Article:
    """The article with lone surrogates replaced in its id, text, title, outlet and url, each
    repair listed in ``Article.repaired`` (:func:`fields_repaired`)."""

    def fix(_name: str, value: str) -> tuple[str, str] | None:
        if not _SURROGATE.search(value):
            return None
        value, count = repair_text(value)
        return value, f"{count:,} lone surrogate{'s' if count != 1 else ''} (not valid Unicode) replaced with U+FFFD"

    return fields_repaired(article, REPAIRED_FIELDS, fix)


def controls_removed(article: Article) -> Article:
    """The article with control characters removed (:func:`without_controls`) from its id, text,
    title, outlet and url, each repair listed in ``Article.repaired``: no report then carries a
    character a browser or the PDF cannot show.  Called after the mojibake repair
    (:func:`compare.decode.unmangled`), which reads C1 controls ("â€\\x9d" is "”")."""

    def fix(name: str, value: str) -> tuple[str | None, str] | None:
        found = _CONTROL.findall(value)
        if not found:
            return None
        value, count = without_controls(value, lines=name == "text")
        kept = value if value.strip() or name == "text" else _EMPTIED[name]
        return kept, f"{count:,} control character{'s' if count != 1 else ''} ({_codes(found)}) removed"

    return fields_repaired(article, REPAIRED_FIELDS, fix)


_NAME_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""A file name as text that can be printed and written as UTF-8: bytes that are not
    UTF-8 (kept by Python as surrogates) become escapes, ``caf\xe9.txt``, and so do control
    characters, which no report can show (``bad\nname\x1b[2J.txt``).

    >>> printable("bad\nname\x1b[2J.txt")
    'bad\\nname\\x1b[2J.txt'
    """
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _NAME_CONTROLS.sub(lambda match: repr(match.group())[1:-1], text)


def failure(error: BaseException) -> str:
    """A library's exception in a few words: its type and the module that raised it."""
    module = "?"
    trace = error.__traceback__
    while trace is not None:
        module = trace.tb_frame.f_globals.get("__name__", module)
        trace = trace.tb_next
    return f"{type(error).__name__} in {module}"


MAX_TABLE_NESTING = 8
"""Tables nested deeper than this in an HTML page are flattened before extraction: the table
tags inside the deepest allowed table are taken out and their text stays in its cell.
trafilatura reads each table's cells again for every table around it, so its cost grows with
the square of the nesting (26 s for one block nested 2,000 deep); news pages nest two or three."""

_TABLE_TAGS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")


def flatten_deep_tables(tree: Any) -> Any:
    """``tree`` with the tables inside any table at nesting MAX_TABLE_NESTING flattened (in place)."""
    if tree is None or not hasattr(tree, "iter"):
        return tree
    from lxml import etree

    deepest = []
    stack: list[tuple[Any, int]] = [(tree, 0)]
    while stack:  # not recursive: the page may nest 2,000 deep
        element, depth = stack.pop()
        if element.tag == "table":
            depth += 1
            if depth == MAX_TABLE_NESTING:
                deepest.append(element)
                continue
        stack.extend((child, depth) for child in element if isinstance(child.tag, str))
    for table in deepest:
        for cell in table.iter("td", "th"):
            if any(True for _ in cell.iter("table")):
                etree.strip_tags(cell, *_TABLE_TAGS)  # the cell's tables, not the cell itself
    return tree
