"""Two times of day that cannot both hold for one moment (compare/analyze/times.py).  Sentences
written for these tests."""

from __future__ import annotations

import pytest

from compare.analyze.groups import differences_between


def test_two_times_of_one_stop_contradict() -> None:
    (difference,) = differences_between(
        [
            "Troopers stopped the van shortly after 3 a.m. on the interstate, a state police spokesman said.",
            "Troopers stopped the van just past 3:30 a.m. on the interstate, a state police spokesman said.",
        ]
    )
    assert difference.type == "date" and difference.conflict
    assert dict(difference.values) == {"a:0": "shortly after 3 a.m.", "b:0": "just past 3:30 a.m."}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one time rounded, or told within its approximation
        ("Troopers stopped the van at 3 a.m. on the interstate.", "Troopers stopped the van at 3:05 a.m. on the interstate."),
        ("Troopers stopped the van around 3 p.m. on the interstate.", "Troopers stopped the van at 3:10 p.m. on the interstate."),
        # the times of two things
        ("The man walked into the office around 3 p.m. with a rifle.", "He surrendered to troopers just after 6 p.m. on Friday."),
        # a game clock is no time of day
        ("Reyes hit the jumper with 7:41 left in the first half.", "Reyes scored with 7:42 left in the first half."),
        # the other article gives the other time too: two times of two moments it tells
        (
            "Troopers stopped the van shortly after 3 a.m. and searched it until 3:40 a.m. on the interstate.",
            "Troopers searched the van until 3:40 a.m. on the interstate.",
        ),
    ],
)
def test_times_that_can_both_hold(first: str, second: str) -> None:
    assert not [d for d in differences_between([first, second]) if d.type == "date"]
