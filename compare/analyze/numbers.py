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
    rf"|(?P<m2>{_MONTH})(?!\w)(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!-[^\W\d]))?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)


# Days of the month written before their month, in the same clause: "the 16 – Monday the 22 in December".
_DAYS_BEFORE = re.compile(
    r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:[–—-]|(?:to|through|until|till|and)\b|(?:in|of)\s+$))[^.;:,]*$"
)


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


def find_dates(text: str) -> list[DateMention]:
    """Dates written in ``text``: "Nov. 20", "September 22, 2010", "23 Feb, 2010", "16th of December",
    "2010-09-24", "November", "Feb. 9-16" (Feb. 9), "the 16 - Monday the 22 in December" (Dec. 16) (not "Jan"
    in "Jane", nor a day in "December 14-year-old")."""
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
            days = _DAYS_BEFORE.search(text[max(0, m.start() - 50) : m.start()])
            day_text = days.group(1) if days else None
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
