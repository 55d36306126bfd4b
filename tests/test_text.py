"""compare.text: the word tokeniser, month and weekday names, and dates."""

from __future__ import annotations

import re

import pytest

from compare.text import (
    MONTH,
    MONTH_CAPITALISED,
    MONTH_NUMBER,
    TOKEN,
    WEEKDAY,
    WEEKDAY_WORD,
    dates_in,
    is_question,
    parse_date,
)

# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2010-09-24", "2010-09-24"),
        ("2010-09-24T10:00:00Z", "2010-09-24"),
        ("2010-09-24T23:30:00-05:00", "2010-09-24"),  # the date as written, not moved to UTC
        ("2010-09-24 10:00:00.123456+02:00", "2010-09-24"),
        ("2010/9/4", "2010-09-04"),
        ("September 24, 2010", "2010-09-24"),
        ("Sept. 24, 2010", "2010-09-24"),
        ("Sep 24 2010", "2010-09-24"),
        ("September 24th, 2010 at 3:45 p.m. EDT", "2010-09-24"),
        ("Wednesday, September 22, 2010", "2010-09-22"),
        ("24 Sep 2010", "2010-09-24"),
        ("24 September, 2010", "2010-09-24"),
        ("23 Feb, 2010 21:55", "2010-02-23"),
        ("24-Sep-2010", "2010-09-24"),
        ("Fri, 24 Sep 2010 10:00:00 +0000", "2010-09-24"),
        ("  NOV. 3, 2010 ", "2010-11-03"),
        ("24.09.2010", "2010-09-24"),
        ("24/09/2010", "2010-09-24"),
        ("09/24/2010", "2010-09-24"),
        ("03/11/2010", None),  # 3 November or March 11: not guessed
        ("Nov. 3", None),
        ("2010", None),
        ("2010-09", None),
        ("2010-02-30", None),
        ("yesterday", None),
        ("", None),
        ("Posted September 24, 2010", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_month_and_weekday_names() -> None:
    month = re.compile(MONTH, re.IGNORECASE)
    for name in ("Jan", "january", "Sept.", "SEP", "May", "june", "Jun."):
        assert month.fullmatch(name), name
    assert not month.fullmatch("Mayo")
    assert re.fullmatch(MONTH_CAPITALISED, "Sept.") and not re.fullmatch(MONTH_CAPITALISED, "sept")
    assert MONTH_NUMBER["sept"] == MONTH_NUMBER["september"] == 9
    weekday = re.compile(WEEKDAY, re.IGNORECASE)
    for name in ("Mon", "Tues.", "tue", "Wednesday", "Thurs", "thu", "Sat."):
        assert weekday.fullmatch(name), name
    assert WEEKDAY_WORD.findall("On Monday, not on monday or Mondays, but Sunday.") == ["Monday", "Sunday"]


def test_dates_in_running_text() -> None:
    text = "On 2010-11-19T10:00 and Nov. 20, 2010, but not 12010-11-19 or may 5, 2010."
    assert [value for _start, _end, value in dates_in(text)] == ["2010-11-19", "2010-11-20"]


def test_the_tokeniser_keeps_abbreviations_numbers_and_apostrophes() -> None:
    assert TOKEN.findall("U.S.-Russian talks: 4.2 metres, 2,400 people, O’Neill’s") == [
        "U.S.", "Russian", "talks", "4.2", "metres", "2,400", "people", "O’Neill’s"
    ]


def test_is_question() -> None:
    asks = ["Is the photo of him?", "So what did Boston.com publish?", "You want a gold Apple Watch?", "“Do you think so?”"]
    states = [
        "Senate Democrats were put on notice by their Republican colleagues Wednesday: No tax-cut extension?",
        'Bob Schieffer began his interview with Santorum by asking, "What in the world were you talking about?"',
        "Is it true that the robots cost $6.25 an hour.",
    ]
    assert [is_question(t, 8) for t in asks] == [True] * len(asks)
    assert [is_question(t, 8) for t in states] == [False] * len(states)
