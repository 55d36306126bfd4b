"""Metadata the input did not give, read from the article's own text: title, date, outlet.

:func:`complete_metadata` runs after the clean stage (it needs to know which lines
are boilerplate) and before segmentation (the title line gets the role "title").
The two headline tests live here too: :func:`is_title` (may this line be the
article's title?) and :func:`is_heading` (is this kept paragraph a headline,
crosshead or caption rather than prose? the segment stage's sentence roles).
"""

from __future__ import annotations

import re
from dataclasses import replace

from compare.models import Article, Span
from compare.text import dates_in, line_spans, parse_date

__all__ = ["complete_metadata", "is_heading", "is_title"]

HEAD_LINES = 8
"""complete_metadata looks for a dateline or wire dateline in this many non-empty
lines at the start of the text."""

TITLE_CANDIDATES = 6
"""complete_metadata takes the title from the first this-many kept paragraphs only,
so that a crosshead deep in the article is never taken for the headline."""

TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 25
"""A headline is one line of TITLE_MIN_WORDS..TITLE_MAX_WORDS words without a final full stop."""

TITLE_MAX_CHARS = 300
"""...and of at most this many characters (real headlines are under 200): a line of a few
giant words is no headline."""

HEADING_MAX_WORDS = 20
"""A kept paragraph of one line, at most this many words and without final punctuation,
is a heading (a crosshead, a caption, a subtitle), not prose to split into sentences."""

_HEADING_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")

_WIRE_DATELINE = re.compile(
    r"[A-Z][\w.,' /-]{0,60}?\s\((?P<outlet>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
    r"|\((?P<lead>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
)


def complete_metadata(article: Article) -> Article:
    """Fill the title, date and outlet the input did not give (only fields still None).

    Runs after the clean stage.  The title is the first of the first kept
    paragraphs that reads as a headline: one line, 3 to 25 words, no final full
    stop, not a date.  The date is the first full date (with a year) in the first
    lines of the whole text, in a line the cleaner kept or removed as metadata, or
    on a line of its own (a dateline such as "23 Feb, 2010 21:55"); never one
    inside a donation appeal or other boilerplate.  The outlet comes from a wire
    dateline such as "Nov. 3 (Bloomberg) --" in a kept line.  Without cleaning
    results (no paragraphs and nothing removed) every non-empty line counts as kept.
    """
    text = article.text
    lines = line_spans(text)
    cleaned = bool(article.paragraphs or article.removed)
    allowed = [
        *article.paragraphs,
        *(Span(r.start, r.end) for r in article.removed if r.is_metadata),
    ]

    def kept(start: int, end: int) -> bool:
        return not cleaned or any(span.start < end and start < span.end for span in allowed)

    def dateline(line: Span) -> bool:  # a line that is nothing but a date, wherever it went
        return parse_date(text[line.start : line.end]) is not None

    head = lines[:HEAD_LINES]
    title, date, outlet = article.title, article.date, article.outlet
    if title is None:
        blocks = list(article.paragraphs) or lines
        candidates = (text[span.start : span.end].strip() for span in blocks[:TITLE_CANDIDATES])
        title = next((candidate for candidate in candidates if is_title(candidate)), None)
    if date is None:
        found = (
            value
            for line in head
            for start, end, value in dates_in(text[line.start : line.end])
            if kept(line.start + start, line.start + end) or dateline(line)
        )
        date = next(found, None)
    if outlet is None:
        for line in head:
            match = _WIRE_DATELINE.match(text, line.start, line.end)
            if match and kept(line.start, line.end):
                outlet = (match.group("outlet") or match.group("lead")).strip()
                break
    if (title, date, outlet) == (article.title, article.date, article.outlet):
        return article
    return replace(article, title=title, date=date, outlet=outlet)


def is_heading(text: str) -> bool:
    """A single short line without final punctuation: a headline, crosshead or caption.

    >>> is_heading("NATO and Russia: a new start")
    True
    >>> is_heading("NATO leaders met in Lisbon.")
    False
    """
    return "\n" not in text and not _HEADING_END.search(text) and len(text.split()) <= HEADING_MAX_WORDS


def is_title(candidate: str) -> bool:
    """A line that may be an article's title: one line of ``TITLE_MIN_WORDS`` to
    ``TITLE_MAX_WORDS`` words (that many with a letter), no final full stop, not a date.

    >>> is_title("Russia to join NATO missile shield talks")
    True
    >>> is_title("23 Feb, 2010 21:55")
    False
    """
    if not candidate or "\n" in candidate or candidate.endswith(".") or len(candidate) > TITLE_MAX_CHARS:
        return False
    words = candidate.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    if sum(any(c.isalpha() for c in word) for word in words) < TITLE_MIN_WORDS:
        return False  # "23 Feb, 2010 21:55", "0:00 23:13"
    return parse_date(candidate) is None
