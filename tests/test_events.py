"""Whether two articles cover the same event (compare/analyze/events.py)."""

from __future__ import annotations

from typing import Any

import pytest

from compare import compare

SHARED = "The senator announced her retirement from the Senate at a news conference in Hartford."
OWN = [
    "Her aides said the decision followed months of talks with her family about the campaign ahead.",
    "Supporters gathered outside the state capitol, and several of them held signs thanking her.",
    "The governor praised her record on veterans' health care and on the state's transport budget.",
    "Analysts expect a crowded primary for the open seat, with three candidates already hinting at runs.",
    "Fundraising reports due next month will show how much money she had left in her campaign account.",
    "She first won the seat in a special election after the death of her predecessor in office.",
    "Local newspapers had reported rumours of her plans for several weeks before the announcement.",
    "Her opponents in the last election issued short statements wishing her well in retirement.",
    "A spokesman for the national party said the seat remained safe despite the surprise.",
    "The announcement came one day after a new poll showed her approval rating falling sharply.",
    "Party officials said they would meet next week to discuss the timetable for a nomination.",
    "Her office said she would serve the rest of her term and keep working on pending bills.",
    "Teachers' unions, long among her allies, called her departure a loss for public schools.",
    "The chamber's majority leader thanked her for two decades of work on the appropriations panel.",
    "Local business groups said they hoped her successor would keep the port expansion moving.",
    "Her husband, a retired judge, stood beside her but did not speak to the reporters present.",
    "Several colleagues said they had learned of the news only minutes before it was made public.",
    "State election officials said the filing deadline for candidates falls at the end of March.",
]


def articles(date_a: str | None, date_b: str | None) -> list[dict[str, Any]]:
    """Two articles of nine sentences that share one: a share of 2/18."""
    first = {"id": "a", "outlet": "One", "text": " ".join([SHARED, *OWN[:8]]), "date": date_a}
    other = OWN[8:16]
    second = {"id": "b", "outlet": "Two", "text": " ".join([SHARED, *other]), "date": date_b}
    return [{k: v for k, v in record.items() if v is not None} for record in (first, second)]


@pytest.mark.parametrize(
    ("date_a", "date_b", "same"),
    [
        ("2011-06-01", "2011-06-02", True),  # a day apart: one shared fact is enough
        ("2011-06-01", "2011-07-15", False),  # six weeks apart: different events
        (None, None, False),  # no dates: one shared fact of nine is not enough
    ],
)
def test_close_dates_make_a_little_sharing_enough(date_a: str | None, date_b: str | None, same: bool) -> None:
    (pair,) = compare(articles(date_a, date_b)).pairs
    assert 0.02 <= pair.similarity < 0.12
    assert pair.same_event is same
