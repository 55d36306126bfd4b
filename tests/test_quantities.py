"""Quantities read with scale, unit and approximation (compare/analyze/quantities.py)."""

from __future__ import annotations

import math

import pytest

from compare.analyze.groups import differences_between
from compare.analyze.quantities import find_quantities
from compare.analyze.quantity_conflicts import quantity_conflicts


def one(text: str) -> tuple[float, float, float, str, str]:
    found = [q for q in find_quantities(text) if not q.year]
    assert len(found) == 1, found
    q = found[0]
    return q.value, q.low, q.high, q.kind, q.bound


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("The deal was worth $17 million.", 17e6, "money:$"),
        ("The deal was worth $17 billion.", 17e9, "money:$"),
        ("The deal was worth $1.5bn.", 1.5e9, "money:$"),
        ("The deal was worth US$1.5 billion.", 1.5e9, "money:$"),
        ("The deal was worth $300m.", 300e6, "money:$"),
        ("The fine was €250 million.", 250e6, "money:€"),
        ("Forty-two passengers were rescued.", 42, "count"),
        ("One hundred and twenty passengers were rescued.", 120, "count"),
        ("A dozen passengers were rescued.", 12, "count"),
        ("Turnout was 61 percent.", 61, "percent"),
        ("Turnout was 61%.", 61, "percent"),
        ("The road is 5 miles long.", 5 * 1609.344, "length"),
        ("The road is 8 km long.", 8000, "length"),
        ("They recited a 38-word oath.", 38, "count"),
        ("The crowd numbered 3,180,000 people.", 3_180_000, "count"),
        ("He said 3 200 people were killed.", 3_200, "count"),  # thousands set off by a space
        ("About 12\u00a0000 people fled.", 12_000, "count"),
        ("Thieves stole watches worth $2. 6 million.", 2.6e6, "money:$"),  # a decimal point spaced (ECB+'s text)
        ("Turnout was 52. 5 percent.", 52.5, "percent"),
    ],
)
def test_value_scale_and_kind(text: str, value: float, kind: str) -> None:
    got = one(text)
    assert math.isclose(got[0], value) and got[3] == kind


@pytest.mark.parametrize(
    ("text", "low", "high", "bound"),
    [
        ("At least 12 people died.", 12, math.inf, "floor"),
        ("More than 400 homes burned.", 400, math.inf, "floor"),
        ("Up to 30,000 people fled.", 0, 30000, "ceiling"),
        ("About 200 workers walked out.", 170, 230, "about"),
        ("Nearly 200 workers walked out.", 170, 200, "near"),
        ("Dozens of people were arrested.", 24, 144, "vague"),
        ("Hundreds of people were arrested.", 200, 1000, "vague"),
        ("It cost $17 million.", 16.5e6, 17.5e6, ""),
        ("Exactly 38 people came.", 38, 38, ""),
    ],
)
def test_approximation_is_a_range(text: str, low: float, high: float, bound: str) -> None:
    _, got_low, got_high, _, got_bound = one(text)
    assert math.isclose(got_low, low) and (got_high == high or math.isclose(got_high, high)) and got_bound == bound


@pytest.mark.parametrize(
    "text",
    [
        "The summit opens on Nov. 20 in Lisbon.",  # a date
        "The vote was 396-9.",  # a score
        "They met at 5 p.m. on the 3rd floor.",  # a time, an ordinal
        "No one was hurt in the blast.",  # "one" that counts nothing
        "He is one of the most outspoken critics.",
        "They gave him a one-in-three chance.",  # odds
        "Anyone with information is asked to call police on 0845 125 2222.",  # a telephone number
    ],
)
def test_not_quantities(text: str) -> None:
    assert [q for q in find_quantities(text) if not q.year] == []


def test_a_year_is_marked() -> None:
    (q,) = find_quantities("The bridge was built in 1965.")
    assert q.year


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("At least 12 people were killed.", "At least 15 people were killed.", True),
        ("The storm destroyed 40 homes.", "The storm destroyed more than 400 homes.", True),
        ("The rally ended amid dozens of arrests.", "More than 200 people were arrested at the rally.", True),
        ("About 200 workers walked out.", "Nearly 200 workers walked out.", False),
        ("The plan costs $1.5bn.", "The plan costs $1.5 billion.", False),
        ("The convoy stopped 5 miles away.", "The convoy stopped 8 km away.", False),
        ("More than 1 million people signed.", "Some 1.2 million people signed.", False),
        ("The firm paid $17 million for the site.", "The firm paid $17 billion for the site.", True),
        ("The firm paid $17 million for the site.", "The firm paid 17 million euros for the site.", False),  # another currency
        ("Twelve firefighters were hurt.", "Forty firefighters were hurt.", True),
        ("The seven-term congressman spoke.", "The congressman, a seven-term member, spoke.", False),  # "a seven" is 7
        # the rest of a whole agrees with the whole, not with less than the rest
        ("Ministers of all 28 NATO nations attended.", "Clinton joined the ministers of the other 27 NATO nations.", False),
        ("Clinton and 27 other NATO ministers attended.", "Ministers of all 28 NATO nations attended.", False),
        ("Ministers of 26 NATO nations attended.", "Clinton joined the ministers of the other 27 NATO nations.", True),
        # what is counted is read within its clause, else from the verb it attaches to ("injured 80")
        ("The blast killed 10 people and injured 80, officials said.", "The blast killed 10 people and wounded 70 others.", True),
        ("The quake killed 10 persons and wounding other 70, officials said.", "Quake Kills 10, 80 Hurt", True),
        ("The quake killed 10 people and injured 80.", "The quake killed 10 people and wounded 70.", True),
        ("The blast killed 10 people and injured 80, officials said.", "Police said 70 officials attended.", False),
        (
            "Sheriff Joe Arpaio endorsed three term Governor Rick Perry on Tuesday.",
            "On Tuesday Perry won an endorsement from one of the nation's most outspoken sheriffs.",
            False,
        ),
    ],
)
def test_conflict_when_the_ranges_cannot_both_hold(a: str, b: str, conflict: bool) -> None:
    assert bool(quantity_conflicts(find_quantities(a), find_quantities(b))) == conflict


def test_a_value_the_other_article_gives_elsewhere_is_no_conflict() -> None:
    a = find_quantities("Support for the plan rose to 21 percent among voters.")
    b = find_quantities("Support for the plan was 17 percent among voters.")
    assert quantity_conflicts(a, b)
    assert not quantity_conflicts(a, b, elsewhere_b=[("percent", 21.0)])
    assert quantity_conflicts(a, b, elsewhere_b=[("count", 21.0)])  # "21 villages" is no share


def test_others_after_a_verb_count_the_casualties_not_the_rest_of_a_whole() -> None:
    (_, wounded) = find_quantities("The blast killed 10 people and wounded 70 others.")
    (others,) = find_quantities("The blast killed the mayor and 12 others.")
    assert not wounded.rest and wounded.counted == "wounded"
    assert others.rest


def test_each_share_is_matched_with_the_share_of_its_own_clause() -> None:
    """ECB+ 30_ecb: India's 60 against India's 65 percent, not against Egypt's 80."""
    a = find_quantities("Up to 70 per cent of web services in Egypt, and 60 per cent in India, were disrupted yesterday.")
    b = find_quantities("International telephone and internet services in Egypt were down by 80 percent, in India by 65 percent.")
    assert {(x.text, y.text) for x, y, _ in quantity_conflicts(a, b)} == {("60 per cent", "65 percent")}


def test_a_margin_counts_no_points() -> None:
    (margin,) = find_quantities("He now has 13 more than Rodney Buford, the school's record holder.")
    assert margin.head == ("more",)


def test_the_first_share_of_a_range_is_no_quantity_of_its_own() -> None:
    assert [q.text for q in find_quantities("The worst hit villages sustained between 40 and 80 percent damage.")] == ["80 percent"]


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # two acts, two counts: no contradiction (the reviewer's cases, session 23; written for the test)
        ("Police arrested 45 people in the city centre overnight.", "Three people died in the city centre overnight.", False),
        ("The bomb killed 12 people in the crowded market.", "The explosion injured 30 people in the crowded market.", False),
        ("Crews evacuated 80 families from the valley.", "Teams rescued 18 families from the valley.", False),
        # one act told two ways: still a conflict
        ("The bomb killed 12 people in the crowded market.", "Nine people died in the crowded market.", True),
        ("Police arrested 45 people in the city centre.", "In the city centre 30 people were arrested.", True),
        # a verb that only tells the count is no act of its own
        ("Officials reported 12 deaths in the crowded market.", "Nine people died in the crowded market.", True),
    ],
)
def test_counts_of_two_acts_do_not_conflict(first: str, second: str, conflict: bool) -> None:
    """What was done to those counted is part of what a count counts: "arrested 45 people" and
    "three people died" are two counts of people, no contradiction (Quantity.act)."""
    assert bool(quantity_conflicts(find_quantities(first), find_quantities(second))) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # "mother of N" counts her children, whatever words follow (written for the test)
        ("Mother of 9 Dana Ruiz was hit by a stray bullet outside the school.", "Ruiz, a mother of 8, was hit by a stray bullet outside the school.", True),
        ("Two men were charged with killing a mother of 9 as she walked home.", "Dana Ruiz was the mother of 8 children and walked home.", True),
        ("The father of three was hit by a stray bullet.", "The father of three children was hit by a stray bullet.", False),
        # a word of offspring after it counts those: two sons are not all her children
        ("Ruiz, a mother of two sons, was hit by a stray bullet.", "Ruiz, a mother of five, was hit by a stray bullet.", False),
    ],
)
def test_a_parent_of_n_counts_children(first: str, second: str, conflict: bool) -> None:
    assert bool(quantity_conflicts(find_quantities(first), find_quantities(second))) is conflict


def test_a_parent_of_n_with_a_noun_counts_that_noun() -> None:
    """"The mother of two victims" counts victims, not her children (the reviewer's should-fix, session 24)."""
    numbers = [d for d in differences_between(["The mother of two victims spoke at the vigil on Sunday.", "The mother of one victim spoke at the vigil on Sunday."]) if d.type == "number"]
    assert numbers and "children" not in numbers[0].detail and "victim" in numbers[0].detail
