"""Words and dates as news text writes them: the one grammar every stage uses.

* :data:`TOKEN` -- the word tokeniser: dotted abbreviations ("U.S."), numbers
  with separators ("2,400", "4.2") and words with inner apostrophes ("Russia's")::

      >>> TOKEN.findall("The U.S. sent 2,400 troops to Russia's border.")
      ['The', 'U.S.', 'sent', '2,400', 'troops', 'to', "Russia's", 'border']

* Month and weekday names: :data:`MONTH_NUMBER`, :data:`MONTH_FULL_NAME`, :data:`CALENDAR_NAMES`, and the
  regular-expression pieces :data:`MONTH`, :data:`MONTH_CAPITALISED`,
  :data:`WEEKDAY`, :data:`WEEKDAY_WORD` and :data:`ORDINAL`, all built from one
  table of names.
* Full dates: :func:`parse_date` (a string that is a date → ``YYYY-MM-DD``),
  :func:`dates_in` (every full date in running text) and :func:`iso_day` (a
  ``YYYY-MM-DD`` value → :class:`datetime.date`).
* :func:`unaccented` -- a text without its accents, as place names and spelt names are compared.

Stages that need a looser or narrower form of a date (the clean stage's date
lines, the analysis's partial dates such as "Nov. 20") compose it from these
pieces rather than writing month names again.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Iterator

from compare.models import Span

__all__ = [
    "CALENDAR_NAMES",
    "LETTER_OR_NUMERAL",
    "MONTH",
    "MONTH_CAPITALISED",
    "MONTH_FULL_NAME",
    "MONTH_NUMBER",
    "ORDINAL",
    "TOKEN",
    "WEEKDAY",
    "WEEKDAY_WORD",
    "dates_in",
    "is_question",
    "iso_day",
    "letter_or_numeral",
    "line_spans",
    "parse_date",
    "unaccented",
    "weekdays_named",
]

# --------------------------------------------------------------------------- words

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
"""A word: a dotted abbreviation, a number with its separators, or letters with inner apostrophes."""



def line_spans(text: str) -> list[Span]:
    """Spans of the non-empty lines of ``text``, without surrounding whitespace.

    >>> line_spans("  Title \\n\\nBody text.")
    [Span(start=2, end=7), Span(start=10, end=20)]
    """
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped)
            spans.append(Span(start, start + len(stripped)))
    return spans


# --------------------------------------------------------------------------- names

_MONTHS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"), ("thursday", "thurs", "thur", "thu"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)  # fmt: skip

MONTH_NUMBER: dict[str, int] = {name: n for n, names in enumerate(_MONTHS, start=1) for name in names}
"""A month's name or abbreviation, lower case, → its number: ``MONTH_NUMBER["sept"] == 9``."""

MONTH_FULL_NAME: dict[str, str] = {short: names[0] for names in _MONTHS for short in names[1:]}
"""A month's abbreviation, lower case, → its full name: ``MONTH_FULL_NAME["nov"] == "november"``."""


def _alternatives(names: Iterable[str]) -> str:
    # Longest first, so that "September" is tried before "Sept" and "Sep".
    return "(?:" + "|".join(sorted(names, key=lambda name: (-len(name), name))) + ")"


MONTH = _alternatives(MONTH_NUMBER) + r"\.?"
"""A month's name or abbreviation, with an optional full stop; for patterns compiled with
``re.IGNORECASE``."""

MONTH_CAPITALISED = _alternatives(name.capitalize() for name in MONTH_NUMBER) + r"\.?"
"""A month as news text writes it, capitalised ("Nov.", "November"): "may" is a verb."""

WEEKDAY = _alternatives(name for names in _WEEKDAYS for name in names) + r"\.?"
"""A weekday's name or abbreviation, with an optional full stop; for ``re.IGNORECASE``."""

WEEKDAY_WORD = re.compile(r"\b" + _alternatives(names[0].capitalize() for names in _WEEKDAYS) + r"\b")
"""A weekday written in full and capitalised, as a word: "Monday" ... "Sunday"."""

CALENDAR_NAMES = frozenset(names[0].capitalize() for names in (*_MONTHS, *_WEEKDAYS))
"""The months and weekdays written in full and capitalised: "January" ... "Sunday"."""

# A weekday inside a name is no day (:func:`weekdays_named`).
_NAMED_DAY = re.compile(r"[\w,;:]\s+[A-Z][\w’']*[ -]$")  # "the Super Tuesday", "on Good Friday": a name
# Days named for what happens on them, anywhere ("Super Tuesday gave ...", "in Super Tuesday"), even
# first in a sentence, where a capitalised word before a weekday may be a day ("On Friday", "Late Sunday").
_DAY_NAMES = re.compile(
    r"(?:^|[\s“\"‘'(])(?:Super|Bloody|Black|Good|Holy|Maundy|Easter|Palm|Ash|Shrove|Cyber|Giving|Blue|Mad|Manic|Throwback)[ -]$"
)
_DAY_NAME_AFTER = re.compile(r"[ -][A-Z]")  # "Sunday Times", "Monday Night Football"
_PLACE_BEFORE_DAY = re.compile(r"\b(?:in|to|from|at|into)\s+(?:[A-Z][\w’'.]*\s+){1,3}$")  # "heading to Detroit Monday"
_TIME_AFTER_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")  # "Detroit Monday afternoon"
# After a place, a weekday that a lower-case word follows, but for one that goes on with the sentence, is a
# name's: "won in Super Tuesday states", "at Black Friday sales", "in Bloody Sunday on".
_NOUN_AFTER_DAY = re.compile(r"\s+(?!(?:to|that|and|after|before|when|as|in|at|with|for|by|but|or|while|he|she|they|it|the|a|an)\b)[a-z]")


def weekdays_named(text: str, occasions_only: bool = False, after_names: bool = True) -> list[re.Match[str]]:
    """The weekdays ``text`` names as days (:data:`WEEKDAY_WORD`), but for one inside a name: right
    after a capitalised word within the sentence ("voted on Super Tuesday"; "On Sunday" opens a
    sentence), after a day's name that opens it ("Super Tuesday gave", "Good Friday services"), or
    right before a capitalised word ("the Sunday Times").  A weekday after a place that a preposition
    opens ("was heading to Detroit Monday", "said in New York Tuesday") or before a time of day
    ("Detroit Monday afternoon") is a day: news writes the day right after the place; not when a
    lower-case word of the name's follows ("won in Super Tuesday states").  With ``occasions_only``,
    only a day's name is left out ("Super Tuesday", "Black Friday"): the event profile reads the other
    weekdays (read as names, "the Sunday Times", "Monday Night Football", "0241 GMT Friday" split
    three FNC-1 pairs of one event and joined three of ECB+, session 18).  Without ``after_names``, a
    weekday right after a capitalised word is a day but for a day's name (the date differences: "told
    Reuters Tuesday", "beat Germany Tuesday" against "on Wednesday" differ)."""
    out = []
    for m in WEEKDAY_WORD.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _DAY_NAMES.search(before):
            continue
        if occasions_only:
            out.append(m)
            continue
        if _DAY_NAME_AFTER.match(text, m.end()):
            continue
        if after_names and _NAMED_DAY.search(before) and not (
            _TIME_AFTER_DAY.match(text, m.end()) or (_PLACE_BEFORE_DAY.search(before) and not _NOUN_AFTER_DAY.match(text, m.end()))
        ):
            continue
        out.append(m)
    return out


ORDINAL = r"(?:st|nd|rd|th)?"
"""The optional ordinal suffix of a day: "24th"."""

# --------------------------------------------------------------------------- full dates

_DATE = (
    rf"(?:(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})"  # 2010-09-24, 2010/09/24
    rf"|(?P<mm>{MONTH})[\s-]*(?P<md>\d{{1,2}}){ORDINAL},?[\s-]+(?P<my>\d{{4}})"  # September 24, 2010
    rf"|(?P<dd>\d{{1,2}}){ORDINAL}[\s-]+(?:of\s+)?(?P<dm>{MONTH}),?[\s-]+(?P<dy>\d{{4}})"  # 24 Sep, 2010
    rf"|(?P<nd>\d{{1,2}})(?P<ns>[./])(?P<nm>\d{{1,2}})(?P=ns)(?P<ny>\d{{4}}))"  # 24.09.2010, 24/09/2010
)
_TIME = (
    r"(?:(?:T|\s+|,\s*|\s+at\s+)\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
    r"\s*(?:[ap]\.?m\.?)?\s*(?:Z|UTC|GMT|[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?)?)?"
)
_FULL_DATE = re.compile(rf"\s*(?:{WEEKDAY},?\s+)?{_DATE}{_TIME}\s*", re.IGNORECASE)
# In running text: not glued to other digits or words; "T10:00" may follow an ISO date.
# A time may be glued to it by a hyphen: "April 24, 2013-4:45pm".
_DATE_IN_TEXT = re.compile(rf"(?<![\w.:/-]){_DATE}(?=$|T\d|\.(?!\d)|[^\w./-]|-\d{{1,2}}:\d{{2}})", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The date ``text`` states, as ``YYYY-MM-DD``; None when it is not a full date.

    Accepted: ISO dates and datetimes ("2010-09-24", "2010-09-24T10:00:00Z"; the
    date part is taken as written, not moved to UTC), "2010/09/24", month-name
    forms with a year ("September 24, 2010", "Sept. 24 2010", "24 Sep 2010",
    "23 Feb, 2010 21:55", "Fri, 24 Sep 2010 10:00:00 +0000") and numeric day-first
    forms ("24.09.2010"; "24/09/2010" only when day and month cannot be swapped).
    A date without a year, or an impossible one (February 30), gives None.

    >>> parse_date("Sept. 24 2010")
    '2010-09-24'
    >>> parse_date("Fri, 24 Sep 2010 10:00:00 +0000")
    '2010-09-24'
    >>> parse_date("03/11/2010") is None  # 3 November or March 11: not guessed
    True
    >>> parse_date("February 30, 2010") is None
    True
    """
    match = _FULL_DATE.fullmatch(text)
    return _match_to_date(match) if match else None


def _match_to_date(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["mm"]:
        year, month, day = int(groups["my"]), _month(groups["mm"]), int(groups["md"])
    elif groups["dd"]:
        year, month, day = int(groups["dy"]), _month(groups["dm"]), int(groups["dd"])
    else:
        year, first, second = int(groups["ny"]), int(groups["nd"]), int(groups["nm"])
        if groups["ns"] == "/" and first <= 12 and second <= 12 and first != second:
            return None  # 03/11/2010: 3 November or March 11 — do not guess
        day, month = (second, first) if second > 12 else (first, second)
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTH_NUMBER[name.rstrip(".").lower()]


def dates_in(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, YYYY-MM-DD) of every full date written in ``text``.

    >>> list(dates_in("Posted on Nov. 3, 2010 in Lisbon; may 5, 2010 is a verb."))
    [(10, 22, '2010-11-03')]
    """
    for match in _DATE_IN_TEXT.finditer(text):
        month = match.group("mm") or match.group("dm")
        if month and not month[0].isupper():
            continue  # "may 5, 2010 ..." is more likely the verb than the month
        value = _match_to_date(match)
        if value:
            yield match.start(), match.end(), value


def iso_day(value: str | None) -> _dt.date | None:
    """A ``YYYY-MM-DD`` value (an article's date) as a date; None when there is none or it is not one.

    >>> iso_day("2010-11-20")
    datetime.date(2010, 11, 20)
    >>> iso_day("2010-02-30") is None
    True
    """
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


# Words that open a question: "Is the photo of him?", "So what did Boston.com publish?"
_ASKING = frozenset(
    "is are was were am do does did can could will would shall should may might must has have had "
    "how what why who whom whose where when which isn't aren't wasn't weren't don't doesn't didn't "
    "can't couldn't won't wouldn't shouldn't hasn't haven't".split()
)
_LEADING = frozenset("so and but or then well now ok okay oh".split())  # "So what did ...?"
_CLOSING = " \t\"'”’)]"


def is_question(text: str, short_words: int) -> bool:
    """Whether a sentence asks rather than states: it ends with a question mark and opens with a
    question word ("Is the photo of him?", "So what did Boston.com publish?"), or is a question of
    at most ``short_words`` words ("You want a gold Apple Watch?").  A statement that ends on a
    question ("... put on notice: No tax-cut extension?", "asking, \"What were you talking
    about?\"") states something first and is not one.

        >>> is_question("Is the photo of him?", 8), is_question("Democrats were put on notice by their colleagues: No extension?", 8)
        (True, False)
    """
    if not text.rstrip(_CLOSING).endswith("?"):
        return False
    words = [w.lower().replace("’", "'") for w in TOKEN.findall(text)]
    start = next((i for i, w in enumerate(words) if w not in _LEADING), len(words))
    return (start < len(words) and words[start] in _ASKING) or len(words) <= short_words


LETTER_OR_NUMERAL = r"(?:X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}|[A-Z])\b(?![\w-]|\.\w|['’](?!s\b))"
"""One capital letter or a Roman numeral up to 39, as a word (regular expression, to follow a space): the
"B" of "1B Mark Teixeira" (a first baseman), the "I" of "World War I" (also "World War I." and "World War
I's"), the "VIII" of "Henry VIII"; not an initial ("D.C.") nor "I'm".  No name or place is one of them:
a name's own words are longer ("Xi" and "Li" have a small letter)."""
_LETTER_OR_NUMERAL = re.compile(LETTER_OR_NUMERAL)


def letter_or_numeral(word: str) -> bool:
    """``word`` is one capital letter or a Roman numeral (:data:`LETTER_OR_NUMERAL`).

    >>> [letter_or_numeral(w) for w in ("B", "II", "XIV", "Xi", "DC", "W.")]
    [True, True, True, False, False, False]
    """
    return _LETTER_OR_NUMERAL.fullmatch(word) is not None


def unaccented(text: str) -> str:
    """``text`` with the accents NFKD takes apart taken off ("José" -> "Jose"; "ł", "ø", "ß" stay)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
