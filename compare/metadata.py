"""Metadata the input did not give, read from the article's own text: title, date, outlet.

:func:`complete_metadata` runs after the clean stage (it needs to know which lines
are boilerplate) and before segmentation (the title line gets the role "title").
The two headline tests live here too: :func:`is_title` (may this line be the
article's title?) and :func:`is_heading` (is this kept paragraph a headline,
crosshead or caption rather than prose? the segment stage's sentence roles).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace
from urllib.parse import urlsplit

from compare.models import Article, Span
from compare.text import dates_in, line_spans, parse_date

__all__ = ["complete_metadata", "is_heading", "is_title", "record_date", "self_named_outlet", "url_outlet"]

HEAD_LINES = 8
"""complete_metadata looks for a dateline or wire dateline in this many non-empty
lines at the start of the text."""

DATING_WORDS = frozenset(
    "on at by in the with for from to our this article story was posted published updated last modified "
    "created filed dated first originally staff senior contributing special admin news desk writer reporter "
    "correspondent editor and of a p m am pm est edt cst cdt pst pdt gmt bst et ist utc".split()
)
"""A line whose lower-case words are all among these is a byline or dateline, and its date
dates the article ("Posted on Sept. 22, 2010 at 5:19 pm", "updated 8:41 p.m. EST, Tue March 3,
2009", "By Jane Doe, staff writer, Dec. 12, 2008", "This article was first published on Nov. 3,
2010").  Any other line dates it only as a wire dateline: capitalised words, the date (and a
time), then a dash, parenthesis, bar or slash ("WASHINGTON, Nov. 3, 2010 (Reuters) -").  A date
in prose is not the article's ("Page was born on April 22, 1923."; "On Tuesday, Oct. 10, 1972,
Washington awoke to this news")."""
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]*\b")
_AFTER_WIRE_DATE = re.compile(
    r",?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?\s*)?[-–—(|/]"
)

TITLE_CANDIDATES = 6
"""complete_metadata takes the title from the first this-many kept paragraphs only,
so that a crosshead deep in the article is never taken for the headline."""

STORY_MIN_WORDS = 12
"""A kept paragraph of prose (no heading) of at least this many words begins the story: a
headline-like line after it is a crosshead, a caption or a line introducing a quotation, not the
title.  A shorter sentence before the headline (a site's tagline) does not end the search."""

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

TAIL_LINES = 3
"""complete_metadata looks for an outlet naming itself (a signature, a copyright line) in the
removed boilerplate and in this many non-empty lines at the end of the text."""

# An outlet's name as written: capitalised words, with "of", "and", "&" between them
# ("The Moscow Times", "U.S. Department of State DipNote", "RFE/RL", "Bloomberg L.P").
# Never from inside a word: "RFE/RL's Russian Service" unanchored was tried from every letter of a
# long run of capitals (a line of 10,000 "A"s took 1.7 s, its square).
_OUTLET = r"(?<![\w&/'.-])(?P<name>(?:The )?[A-Z][\w&/'.-]*(?: (?:of|and|&) [A-Z][\w&/'.-]*| [A-Z][\w&/'.-]*){0,5})"
_SELF_NAMED = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b(?:journalists|editors|newsroom) (?:of|at) {_OUTLET}",
        rf"\b[Ww]riting for (?:the )?{_OUTLET}",
        # with a year: "© AP Photo/..." and "Copyright Alert System" are no outlet's signature
        rf"(?:©|\bCopyright)\s*(?:©\s*)?\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s+{_OUTLET}",
        rf"{_OUTLET}['’]s [A-Z][a-z]+ Service\b",  # "RFE/RL's Russian Service contributed"
    )
)


def self_named_outlet(text: str) -> str | None:
    """The outlet that ``text`` names as its own, as written: "We, the journalists of The Moscow
    Times", "Writing for the U.S. Department of State DipNote blog", "© 2010 Bloomberg L.P.",
    "RFE/RL's Russian Service contributed to this report".  ("Follow X on Twitter" and "the staff
    at X" name people and places as often as outlets: not used.)

    >>> self_named_outlet("We, the journalists of The Moscow Times, refuse to be silenced.")
    'The Moscow Times'
    >>> self_named_outlet("Copyright 2010 Bloomberg L.P. All rights reserved.")
    'Bloomberg L.P.'
    >>> self_named_outlet("The talks went well, the staff of the embassy said.") is None
    True
    """
    found = [m for pattern in _SELF_NAMED for m in pattern.finditer(text)]
    if not found:
        return None
    name = min(found, key=lambda m: m.start("name")).group("name")
    name = re.split(r" (?:All|Rights|Reserved|Inc\b)", name)[0].rstrip(",'’")
    last = name.rsplit(" ", 1)[-1]
    if name.endswith(".") and last.count(".") == 1:  # a sentence's full stop, not "L.P." or "U.S."
        name = name[:-1]
    return name or None


def url_outlet(url: str | None) -> str | None:
    """The host of the article's address, without "www.", as the outlet of last resort.

    >>> url_outlet("https://www.rferl.org/a/nato_russia/2166425.html")
    'rferl.org'
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


_WIRE_DATELINE = re.compile(
    r"[A-Z][\w.,' /-]{0,60}?\s\((?P<outlet>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
    r"|\((?P<lead>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
)


def complete_metadata(article: Article) -> Article:
    """Fill the title, date and outlet the input did not give (only fields still None).

    Runs after the clean stage.  The title is the first of the first kept
    paragraphs that reads as a headline (one line, 3 to 25 words, no final full
    stop, not a date, not in brackets) and comes before the first paragraph of prose.  The date is the first full date (with a year) in the first
    lines of the whole text, in a line the cleaner kept or removed as metadata (a
    byline, or a dateline opening its paragraph: never a date the prose mentions), or
    on a line of its own (a dateline such as "23 Feb, 2010 21:55"); never one
    inside a donation appeal or other boilerplate.  The outlet comes from a wire
    dateline such as "Nov. 3 (Bloomberg) --" in a kept line, else from a line that names its
    outlet (:func:`self_named_outlet`) among the removed boilerplate and the last lines, else
    from the host of the article's URL (:func:`url_outlet`).  Without cleaning
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

    def dating(line: Span, start: int, end: int) -> bool:
        """A date in a byline or a wire dateline (see ``DATING_WORDS``), not in prose."""
        if all(word in DATING_WORDS for word in _LOWER_WORD.findall(text, line.start, line.end)):
            return True
        before = _LOWER_WORD.search(text, line.start, line.start + start)
        return before is None and _AFTER_WIRE_DATE.match(text, line.start + end, line.end) is not None

    head = lines[:HEAD_LINES]
    title, date, outlet = article.title, article.date, article.outlet
    if title is None:
        blocks = list(article.paragraphs) or lines
        for span in blocks[:TITLE_CANDIDATES]:
            candidate = text[span.start : span.end].strip()
            if is_title(candidate):
                title = candidate
                break
            if not is_heading(candidate) and len(candidate.split()) >= STORY_MIN_WORDS:
                break  # the story has begun: a line after its prose is a crosshead or a caption
    if date is None:
        found = (
            value
            for line in head
            for start, end, value in dates_in(text[line.start : line.end])
            if (kept(line.start + start, line.start + end) and dating(line, start, end)) or dateline(line)
        )
        # a date line with slashes, removed, in the same first lines: below the story it is a
        # reader comment's or a teaser's stamp ("Posted: 10/25/11 06:44 PM ET"), not the article's
        top = head[-1].end if head else 0
        date = next(found, None) or next(
            (
                value
                for r in article.removed
                if r.kind == "date-line" and r.start < top and (value := slashed_date(r.text))
            ),
            None,
        )
    if outlet is None:
        for line in head:
            match = _WIRE_DATELINE.match(text, line.start, line.end)
            if match and kept(line.start, line.end):
                outlet = (match.group("outlet") or match.group("lead")).strip()
                break
    if outlet is None:  # a signature, footer or appeal that names the outlet (not the body text:
        # "writing for The Atlantic" there names another outlet), then the address's host
        signed = [*(text[r.start : r.end] for r in article.removed), *(text[s.start : s.end] for s in lines[-TAIL_LINES:])]
        outlet = next((name for part in signed if (name := self_named_outlet(part))), None) or url_outlet(article.url)
    if (title, date, outlet) == (article.title, article.date, article.outlet):
        return article
    return replace(article, title=title, date=date, outlet=outlet)


_SLASHED = re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])")
_US_ZONE = re.compile(r"\b[ECMP][SD]?T\b")  # ET, EST, EDT, CT ... PDT


def slashed_date(line: str) -> str | None:
    """The date of a date line written with slashes, as ``YYYY-MM-DD``: "First Posted: 10/25/11
    06:44 PM ET" is 25 October 2011; "8:13 AM PDT 8/2/2013" is 2 August, the order an American
    time zone on the line says; "04/9/2012 8:33 am" alone could be 4 September or 9 April, and is
    none. A year of two digits is 20xx below 70, else 19xx (as ``strptime``'s ``%y``).

    >>> slashed_date("8:13 AM PDT 8/2/2013"), slashed_date("Posted: 04/9/2012 8:33 am")
    ('2013-08-02', None)
    """
    for match in _SLASHED.finditer(line):
        first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
        if len(match["y"]) == 2:
            year += 2000 if year < 70 else 1900
        if second > 12 or (first <= 12 and _US_ZONE.search(line)):
            month, day = first, second
        elif first > 12:
            day, month = first, second
        else:
            continue
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


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
    if not candidate or "\n" in candidate or len(candidate) > TITLE_MAX_CHARS:
        return False
    if candidate.rstrip("\"”’'").endswith("."):
        return False  # a sentence, or a quoted one: '"Due to the recent rain, streams were flooded."'
    if candidate[0] in "[(" and candidate[-1] in "])":
        return False  # an aside, a teaser or a caption in brackets: "(Who are Islamic State? ...)"
    words = candidate.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    if sum(any(c.isalpha() for c in word) for word in words) < TITLE_MIN_WORDS:
        return False  # "23 Feb, 2010 21:55", "0:00 23:13"
    return parse_date(candidate) is None


RECORD_DATE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ru")
"""The languages whose month and day names dateparser reads in a record's date (fewer is faster)."""
RECORD_DATE_MAX_CHARS = 80
"""A record's date longer than this is not a date: dateparser is not asked."""
_AMBIGUOUS_NUMERIC = re.compile(r"\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b.*", re.S)
_YEAR_FIRST = re.compile(r"\s*(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\d)")
"""A numeric date that starts with its year is year, month, day ("2010.09.24 10.00 BST"); an
impossible one ("2010-13-01") is no date (dateparser read it as 13 January)."""


def record_date(value: str) -> str | None:
    """The date a record's or a page's date field states, as ``YYYY-MM-DD``.

    :func:`compare.text.parse_date` first; what it cannot read ("Friday 24 September 2010 10.00
    BST", "24 septembre 2010") dateparser reads, as an absolute date with day, month and year
    only: "yesterday", "3 days ago" or "24 Sep" give None (there is no anchor to count from, and
    no year), and so does a numeric date whose day and month could be swapped ("03/11/2010") or
    an impossible one written year first ("2010-13-01", :data:`_YEAR_FIRST`).
    dateparser (a dependency of trafilatura's htmldate) is imported only then (about 0.3 s).

    >>> record_date("Friday 24 September 2010 10.00 BST")
    '2010-09-24'
    >>> record_date("yesterday") is None, record_date("2010-13-01") is None
    (True, True)
    """
    text = value.strip()
    found = parse_date(text)
    if found or not text or len(text) > RECORD_DATE_MAX_CHARS or _AMBIGUOUS_NUMERIC.fullmatch(text):
        return found
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        try:
            return _dt.date(*map(int, year_first.groups())).isoformat()
        except ValueError:
            return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - installed with trafilatura
        return None
    settings = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    try:
        parsed = dateparser.parse(text, languages=list(RECORD_DATE_LANGUAGES), settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return str(parsed.date().isoformat()) if parsed else None
