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


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one moment in two zones, or in a zone against none (review 24)
        (
            "The earthquake struck at 2:30 p.m. local time on Tuesday, the agency said.",
            "The earthquake struck at 06:30 GMT on Tuesday, the agency said.",
        ),
        ("The polls closed at 8 p.m. EST on Tuesday in Virginia.", "The polls closed at 01:00 GMT on Tuesday in Virginia."),
        ("The game kicks off at 1 p.m. ET on Sunday at Lambeau Field.", "The game kicks off at 10 a.m. PT on Sunday at Lambeau Field."),
        ("The city will hold a press conference at 4pm (ET) to update the public.", "The city will hold a press conference at 3:30 p.m. to update the public."),
        ("Apple's event kicks off at 10:30PM IST tonight.", "Apple's event kicks off at 10 a.m. Pacific time tonight."),
        # a wire time in brackets: the other article gives that time too
        ("The blast happened at 9:30 a.m. (0130 GMT) in Kabul, police said.", "The blast happened at 01:30 GMT in Kabul, police said."),
        # across midnight
        ("The train derailed at 11:58 p.m. near the station, officials said.", "The train derailed at 12:01 a.m. near the station, officials said."),
        # two moments governed by two words sharing a noun
        ("The meeting was scheduled for 10 a.m. Thursday, the spokesman said.", "The meeting began at 11:30 a.m. Thursday, the spokesman said."),
        ("The fire broke out at 2 a.m. Sunday and firefighters fought it.", "The fire was finally put out at 2 p.m. Sunday, firefighters said."),
    ],
)
def test_times_of_other_zones_days_or_moments_can_both_hold(first: str, second: str) -> None:
    assert not [d for d in differences_between([first, second]) if "times" in d.detail]


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        ("Voting starts at 7 a.m. and ends at 7 p.m. across the state.", "Voting ends at 8 p.m. across the state, officials said.", ("7 p.m.", "8 p.m.")),
        ("The store opens at 9 a.m. and closes at 5 p.m. on weekdays.", "The store closes at 9 p.m. on weekdays, the manager said.", ("5 p.m.", "9 p.m.")),
    ],
)
def test_the_nearest_time_of_one_moment_is_shown(first: str, second: str, shown: tuple[str, str]) -> None:
    (difference,) = [d for d in differences_between([first, second]) if "times" in d.detail]
    assert dict(difference.values) == {"a:0": shown[0], "b:0": shown[1]}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the weekday of a time of day dates that time's moment (session 24's left item)
        ("The fire broke out at 2 a.m. Sunday at the church.", "The fire was put out at 2 p.m. Monday at the church."),
        ("The fire broke out Sunday at 2 a.m. at the church.", "The fire was put out Monday at 2 p.m. at the church."),
        ("The fire at the church broke out early Sunday.", "The fire at the church was put out late Monday."),
        # dates as weekdays
        ("The fire at the church broke out on Dec. 1, officials said.", "The fire at the church was put out on Dec. 2, officials said."),
        ("Police said on Dec. 1 that Smith died at his home in Boston.", "Smith died on Nov. 30 at his home in Boston."),
    ],
)
def test_weekdays_of_two_moments_do_not_contradict(first: str, second: str) -> None:
    assert not [d for d in differences_between([first, second]) if d.type == "date"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The fire at the church broke out Sunday.", "The fire at the church broke out Monday."),
        ("The House voted on Wednesday to pass the bill.", "The House voted on Tuesday to pass the bill."),
        ("The House voted at 3 p.m. Wednesday to pass the bill.", "On Tuesday, the House voted to pass the bill."),
    ],
)
def test_weekdays_of_one_moment_contradict(first: str, second: str) -> None:
    (difference,) = [d for d in differences_between([first, second]) if d.type == "date"]
    assert difference.conflict


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one moment told with two verbs (review 25)
        ("The House voted on Wednesday to pass the bill.", "The House passed the bill on Tuesday."),
        ("The earthquake struck on Sunday near the coast.", "The earthquake hit the coast on Monday."),
        ("Smith died Sunday at his home in Boston.", "Smith passed away Monday at his home in Boston."),
        ("The fire broke out on Sunday at the church.", "The fire started on Monday at the church."),
        ("The fire at the church broke out on Dec. 1, officials said.", "The fire at the church started on Dec. 2, officials said."),
        # a subject that reports is no telling of the date (FNC-1 s0078, labelled right)
        (
            "Rumors about a spring launch for the Apple Watch might be true; the latest reports tip a March arrival.",
            "Rumors have been circulating that the Apple Watch will launch in February.",
        ),
    ],
)
def test_weekdays_of_one_moment_told_with_two_verbs_contradict(first: str, second: str) -> None:
    (difference,) = [d for d in differences_between([first, second]) if d.type == "date"]
    assert difference.conflict


def test_the_day_told_is_not_the_day_it_happened() -> None:
    first, second = "Police said Tuesday that Smith died at his home in Boston.", "Smith died Monday at his home in Boston."
    assert not [d for d in differences_between([first, second]) if d.type == "date"]


def test_a_date_of_a_telling_is_still_less_precise() -> None:
    # ECB+ 06_ecbplus: "announced" governs the release date, which the other tells to the day
    (difference,) = [
        d
        for d in differences_between(
            [
                "Lionsgate is also under pressure to meet a previously announced November 2013 release date for Catching Fire.",
                "Catching Fire has a release date of 22 November 2013 with production starting later in the year.",
            ]
        )
        if d.type == "date"
    ]
    assert not difference.conflict and "more precise" in difference.detail
