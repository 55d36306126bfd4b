"""Dates written in sentences, and how group members differ in them (numbers:
:mod:`compare.analyze.quantities`).

Dates are compared by their parts: different months or days conflict; "Nov. 20" against "November" is a
difference in precision, shown but not a conflict; "Dec. 27" against "Dec. 27th"
is no difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from compare.text import MONTH_CAPITALISED as _MONTH
from compare.text import MONTH_NUMBER

_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})(?:(?<=\.)(?=\d)|(?!\w))(?:(?:\s+|(?<=\.))(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!-[^\W\d]|\s+years?[-\s]old\b))?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)


# Up to the last day of a range of days: "16 – Monday the 22", "9 and 16", "the 16th to the 22nd".
_RANGE_TO = r"\s*(?:[–—-]|to|through|until|till|and)\s*(?:[A-Z][a-z]+day\s+)?(?:the\s+)?"
# Days of the month written before their month ("the 16 – Monday the 22 in December", "the 16th in
# December"), not a number that counts ("the 20-year-old was arrested in December").
_DAYS_BEFORE = re.compile(rf"\bthe\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:{_RANGE_TO}\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:in|of)\s+$")
# The first day of a range whose last day the month follows: "between 9 and 16 February".
_FIRST_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_TO}$")


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    year: int | None
    month: int | None
    day: int | None

    def iso(self) -> str | None:
        if self.year and self.month and self.day:
            try:
                return date(self.year, self.month, self.day).isoformat()
            except ValueError:
                return None
        return None


# How far before a month name its days are looked for, in characters: "Tuesday the 16 – Monday the 22 in
# December" and "between 9 and 16 February" fit; a day further back belongs to another phrase.
_DAYS_BEFORE_WINDOW = 50


def find_dates(text: str) -> list[DateMention]:
    """Dates written in ``text``: "Nov. 20", "September 22, 2010", "23 Feb, 2010", "16th of December",
    "2010-09-24", "November", "Dec.14" (no space after the full stop), "Feb. 9-16" and "9-16 February" (Feb. 9), "the 16 - Monday the 22 in December"
    (Dec. 16) (not "Jan" in "Jane", nor a day in "December 14-year-old" or "the 20-year-old ... in December")."""
    out = []
    for m in _DATE.finditer(text):
        month_text = m.group("m1") or m.group("m2")
        if month_text:
            month = MONTH_NUMBER.get(month_text.rstrip(".").lower())
            day_text = m.group("d1") or m.group("d2")
            year_text = m.group("y1") or m.group("y2")
            if month_text.rstrip(".") in {"May", "Mar"} and not day_text:
                continue  # the verb "may", "March" as a verb: too ambiguous without a day
        else:
            month, day_text, year_text = int(m.group("m3")), m.group("d3"), m.group("y3")
        if month_text and not day_text:  # "Tuesday the 16 – Monday the 22 in December": the days before
            days = _DAYS_BEFORE.search(text[max(0, m.start() - _DAYS_BEFORE_WINDOW) : m.start()])
            day_text = days.group(1) if days else None
        elif m.group("d1"):  # "between 9 and 16 February": a range's first day, as in "Feb. 9-16"
            days = _FIRST_DAY.search(text[max(0, m.start() - _DAYS_BEFORE_WINDOW) : m.start()])
            day_text = days.group(1) if days else day_text
        day = int(day_text) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        out.append(DateMention(m.group().rstrip(", "), m.start(), int(year_text) if year_text else None, month, day))
    return out


def compare_dates(a: DateMention, b: DateMention) -> tuple[bool, bool]:
    """(comparable, conflict) for two date mentions."""
    if a.month is None or b.month is None:
        return False, False
    if a.month != b.month:
        return True, True
    if a.day is not None and b.day is not None and a.day != b.day:
        return True, True
    if a.year is not None and b.year is not None and a.year != b.year:
        return True, True
    return True, False
