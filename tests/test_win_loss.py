"""Win-loss records read as quantities of their own kind (compare.analyze.win_loss.py), and the typed
difference two versions giving one team two records make.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from compare.analyze.groups import differences_between
from compare.analyze.win_loss import find_records


@pytest.mark.parametrize(
    ("text", "records"),
    [
        ("The Hornets (12-7, 5-4 on the road) won again on Friday.", [("12-7", ("hornet",))]),
        ("The loss left the Hornets with a 6-11 record.", [("6-11", ("hornet",))]),
        ("Portland dismissed its coach after a dismal 4-13 start.", [("4-13", ("portland",))]),
        ("The Hornets are 12-7 after beating the Wolves.", [("12-7", ("hornet",))]),
        ("The Hornets have a record of 12-7 this year.", [("12-7", ("hornet",))]),
    ],
)
def test_a_record_is_read_with_whose_it_is(text: str, records: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(r.text, r.names) for r in find_records(text)] == records


@pytest.mark.parametrize(
    "text",
    [
        "The Hornets beat the Wolves 98-91 on Friday.",  # a score
        "The Hornets led 14-0 at the half.",
        "The Hornets were 31-24 winners in Ohio.",
        "The score was tied 13-13 in the third quarter.",
        "Their 2008-09 season ended in April.",  # a span of years
        "The court ruled 5-4 in the Hornets' favour.",
        "They finished with a 12-7 record.",  # no one named whose it is: nothing to compare
        # a bracketed pair after no subject's name: a score, sets, an age range (review 24)
        "Manchester United beat Arsenal (2-1) at Old Trafford.",
        "Federer beat Nadal in the final (6-4, 6-3) on Sunday.",
        "Smith's children (5-12) were at home.",
    ],
)
def test_scores_and_unowned_pairs_are_no_records(text: str) -> None:
    assert find_records(text) == []


def test_two_records_of_one_team_are_a_number_difference() -> None:
    (difference,) = differences_between(
        ["The Hornets (11-6) clinched a place in the playoffs on Sunday.", "The win gave the Hornets a 9-8 season and a place in the playoffs."]
    )
    assert difference.type == "number" and difference.conflict
    assert "'11-6' against '9-8'" in difference.detail


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same record, told two ways
        ("The Hornets (11-6) clinched a place in the playoffs.", "The win gave the Hornets an 11-6 season and a place in the playoffs."),
        # two teams' records
        ("The Hornets (11-6) beat the Wolves to clinch a place in the playoffs.", "The Wolves (6-11) lost to the Hornets, who clinched a place in the playoffs."),
        # the other article gives the record too: a record before and after the game
        ("The Hornets (11-6) clinched a place in the playoffs. The Hornets were 10-6 before the game.", "The game gave the Hornets a 10-6 season and a place in the playoffs."),
    ],
)
def test_records_that_can_both_hold_make_no_difference(first: str, second: str) -> None:
    assert not [d for d in differences_between([first, second]) if d.type == "number"]


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        # a game apart: the record before the game and after it, both right, or one outlet a game behind
        ("The Hornets were 10-6 entering the game against the Wolves.", "The Hornets (11-6) beat the Wolves on Sunday.", "'10-6' against '11-6'"),
        ("The Hornets were 10-6 entering the game against the Wolves.", "The Hornets (10-7) lost to the Wolves on Sunday.", "'10-6' against '10-7'"),
        ("The Colts are 10-5 after beating the Titans.", "The Colts are 9-5 after beating the Titans.", "'10-5' against '9-5'"),
    ],
)
def test_records_a_game_apart_are_shown_without_conflict(first: str, second: str, shown: str) -> None:
    numbers = [d for d in differences_between([first, second]) if d.type == "number"]
    assert len(numbers) == 1
    assert not numbers[0].conflict
    assert shown in numbers[0].detail and "a game apart" in numbers[0].detail
