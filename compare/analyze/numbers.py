"""Numbers and dates written in sentences, and how group members differ in them.

A number is compared with another member's number only when both count the
same thing (the same content word follows or precedes them: "28 NATO nations"
against "27 NATO member states"), in the same unit, and neither value appears in
the other sentence (see :func:`number_conflicts`).  Dates are compared by their
parts: different months or days conflict; "Nov. 20" against "November" is a
difference in precision, shown but not a conflict; "Dec. 27" against "Dec. 27th"
is no difference.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from compare.similarity import normalise_word
from compare.text import MONTH_CAPITALISED as _MONTH
from compare.text import MONTH_NUMBER

_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
_NUMBER = re.compile(
    r"(?<![\w.])(?P<value>\$?\d+(?:[.,]\d+)*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozen|twenty|thirty|forty|fifty|hundred)(?![\w])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_APPROXIMATE = re.compile(
    r"\b(?:more than|less than|fewer than|over|under|about|around|nearly|almost|roughly|some|up to|at least|"
    r"at most|approximately|an estimated|estimated)\s+$",
    re.IGNORECASE,
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


@dataclass(frozen=True, slots=True)
class NumberMention:
    text: str
    value: str  # normalised: digits, no separators
    anchors: tuple[str, ...]  # content tokens next to it: what it counts
    unit: str = ""  # "$" for money, "%" for a share (also "percent"), "" for a count
    year: bool = False  # a year ("in 1965"): compared as a date, not as a quantity
    approximate: bool = False  # "more than $1 million", "about 30": agrees with "$1.1 million", "28"


def find_dates(text: str) -> list[DateMention]:
    """Dates written in ``text``: "Nov. 20", "September 22, 2010", "23 Feb, 2010", "2010-09-24", "November"."""
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
        day = int(day_text) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        out.append(DateMention(m.group().rstrip(", "), m.start(), int(year_text) if year_text else None, month, day))
    return out


def find_numbers(text: str) -> list[NumberMention]:
    """Numbers outside dates, each with the content words around it."""
    blocked = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    out = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        raw = m.group("value")
        value = normalise_word(raw.lower().strip("$%")) or raw
        after = [normalise_word(w) for w in _WORD.findall(text[m.end() : m.end() + 40])[:3]]
        before = [normalise_word(w) for w in _WORD.findall(text[max(0, m.start() - 30) : m.start()])[-2:]]
        anchors = tuple(t for t in (*after, *before) if t)
        follows = text[m.end() : m.end() + 12].lower()
        if raw.startswith("$"):
            unit = "$"
        elif raw.endswith("%") or follows.lstrip().startswith(("percent", "per cent")):
            unit = "%"
        else:
            unit = ""
        year = bool(_YEAR.fullmatch(raw)) and not unit
        approximate = _APPROXIMATE.search(text, max(0, m.start() - 20), m.start()) is not None
        out.append(NumberMention(raw, value, anchors, unit, year, approximate))
    return out


def number_conflicts(
    a: list[NumberMention],
    b: list[NumberMention],
    elsewhere_a: Collection[str] = (),
    elsewhere_b: Collection[str] = (),
) -> list[tuple[NumberMention, NumberMention]]:
    """Pairs of numbers that count the same thing differently in two sentences.

    Both count the same thing (a shared neighbouring content word) in the same unit
    (money, share or count), neither is a year or approximate ("more than"), and neither
    value occurs in the other sentence or elsewhere in the other article (``elsewhere_a``,
    ``elsewhere_b``: the values each article gives anywhere): "21 percent ... 17 percent"
    against "17 percent ... 21 percent", a vote of 396-9 in both, or a two-in-three chance
    of winning against a one-in-three chance of losing that both articles give, is no conflict.
    """
    values_a, values_b = {x.value for x in a} | set(elsewhere_a), {y.value for y in b} | set(elsewhere_b)
    out = []
    for x in a:
        if x.year or x.approximate or x.value in values_b:
            continue
        for y in b:
            if y.year or y.approximate or y.value in values_a or x.unit != y.unit:
                continue
            if set(x.anchors) & set(y.anchors):
                out.append((x, y))
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
