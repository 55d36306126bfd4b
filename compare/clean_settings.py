"""The clean stage's thresholds (``Settings.clean``) and the range check that every settings
record runs when it is made.  A part of :mod:`compare.settings`, kept apart for its length."""

from __future__ import annotations

from dataclasses import dataclass, fields
from math import inf
from numbers import Integral, Real
from typing import Any


@dataclass(frozen=True, slots=True)
class CleanSettings:
    """The thresholds of the clean stage (``compare/clean.py``), ``Settings.clean``.  Set by
    reading pages of the example story and of news sites, against the reference judgements
    (every boilerplate item removed, every content item kept; ``tests/test_clean.py``)."""

    long_paragraph_words: int = 40
    """A paragraph with more words is prose: removed only when clearly an appeal
    (a strong cue, not news-like) or inside a comment thread or related region."""

    lone_line_max_words: int = 8
    """Whole-line patterns (navigation, player, headings) apply to lines this short."""

    wrap_min_chars: int = 40
    wrap_max_chars: int = 100
    """A hard-wrapped line is this long and does not end in sentence punctuation."""

    tail_fraction: float = 0.5
    """The "last part" of an article: paragraphs starting after this share of the text.
    Region rules (related stories, a single comment) only start there."""

    icon_min: int = 5
    icon_share: float = 0.25
    """An icon-name list has at least ``icon_min`` icon names, and they are at least
    ``icon_share`` of its tokens."""

    max_comment_header_lines: int = 3
    """Short lines (name, place, date) before a "... writes:" line that belong to it."""

    min_writes_lines: int = 2
    """Outside the last part, a comment thread needs this many "... writes:" lines."""

    repeat_sentence_min_words: int = 5
    """A sentence of at least this many words that its paragraph already gave word for word (a
    source's copy slip) is shown once (``compare/segment.py``); 0 keeps every copy."""

    body_min_words: int = 6
    """A related-stories list ends where a reported sentence or a quotation of at least
    this many words (or any long paragraph) follows: the article goes on."""

    header_max_words: int = 5
    """A comment header line (a name, a place) has at most this many words."""

    byline_max_words: int = 20
    """A byline ("By Jane Doe, Moscow bureau") has at most this many words."""

    caption_max_words: int = 100
    """A photo caption (a paragraph that ends with its picture credit: "... on November 5, 2014 in
    New York City. (Monica Schipper/Getty Images)") has at most this many words."""

    def __post_init__(self) -> None:
        check_ranges(self)


def check_ranges(record: Any) -> None:
    """A value of the wrong kind or out of range fails here, naming the setting, rather than as odd
    groups later: a count is a whole number, a float a finite number, both at least 0 (a share or
    threshold above 1 is allowed: it switches its rule off, as ``quote_share=1.01`` does), a
    switch a bool.  numpy's numbers pass as what they are and are stored as Python's
    (``numpy.int64(3)`` as ``3``), so that the JSON report can write them."""
    for f in fields(record):
        value, kind, where = getattr(record, f.name), f.type, f"{type(record).__name__}.{f.name}"
        if kind == "float" and (isinstance(value, bool) or not isinstance(value, Real)):
            raise ValueError(f"{where} must be a number, got {value!r}")
        if kind == "int" and (isinstance(value, bool) or not isinstance(value, Integral)):
            raise ValueError(f"{where} must be a whole number, got {value!r}")
        if kind in ("bool", "str") and type(value).__name__ != kind:
            raise ValueError(f"{where} must be {kind}, got {value!r}")
        if kind in ("int", "float") and type(value).__name__ != kind:
            value = int(value) if kind == "int" else float(value)  # numpy's: plain, for the JSON report
            object.__setattr__(record, f.name, value)
        if kind in ("int", "float") and not 0 <= value < inf:
            raise ValueError(f"{where} must be a finite number of at least 0, got {value!r}")
