"""A cause told in one version and said to be unknown in another (compare/analyze/causes.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from compare.analyze.groups import differences_between


def test_a_cause_against_an_unknown_cause_is_a_hedge() -> None:
    (difference,) = differences_between(
        [
            "A hospital spokeswoman said Ortega died on Friday of an apparent stroke at the county hospital.",
            "The cause of death was not yet known, but Ortega had been in poor health, a hospital spokeswoman said.",
        ]
    )
    assert difference.type == "hedge" and not difference.conflict
    assert dict(difference.values) == {"a:0": "of an apparent stroke", "b:0": "cause of death was not yet known"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # both tell a cause, or both call it unknown
        ("Ortega died on Friday of a stroke at the county hospital.", "Ortega died of a stroke on Friday at the county hospital."),
        ("The cause of death was unknown, a spokeswoman said.", "It was not immediately clear what killed Ortega, a spokeswoman said."),
        # one tells no cause: a past illness is not the cause of death
        ("Ortega, who had suffered a stroke, died at the county hospital.", "The cause of death was unknown, a hospital spokeswoman said."),
        # the causes of two things: the crash's unknown, the death's told
        ("The driver died from his injuries at the county hospital on Friday.", "The cause of the crash remains under investigation, police said on Friday."),
    ],
)
def test_causes_that_do_not_differ(first: str, second: str) -> None:
    assert not [d for d in differences_between([first, second]) if d.type == "hedge"]


def test_the_cause_of_a_fire_against_its_unknown_cause() -> None:
    (difference,) = differences_between(
        ["The blaze was caused by a faulty heater in the kitchen, fire officials said.", "The cause of the blaze is not yet known, fire officials said."]
    )
    assert dict(difference.values)["a:0"] == "caused by a faulty heater"
