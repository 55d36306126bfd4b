"""Opposite statements (compare/analyze/opposites.py)."""

from __future__ import annotations

import pytest

from compare.analyze.opposites import opposite_terms, opposite_verdicts, verdict


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("The ministry denied that troops crossed the border.", "The ministry confirmed that troops crossed the border.", ("denied", "confirmed")),
        ("The union rejected the offer.", "The union accepted the offer.", ("rejected", "accepted")),
        ("The contractor admitted paying the inspector.", "The contractor denied paying the inspector.", ("admitted", "denied")),
        ("Oil prices rose on Monday.", "Oil prices fell on Monday.", ("rose", "fell")),
        ("The club did not confirm the report.", "The club confirmed the report.", ("not confirm", "confirmed")),
    ],
)
def test_opposite_terms(a: str, b: str, words: tuple[str, str]) -> None:
    found = opposite_terms(a, b)
    assert found is not None and (found.word_a, found.word_b) == words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The club did not deny that the coach was fired.", "The club confirmed that the coach was fired."),  # negation turns it round
        ("Shares rose early but fell by the close.", "Shares fell by the close."),  # one version holds both sides
        ("The senator denied the report.", "The committee confirmed it would meet on Monday."),  # about other things
        ("The union accepted the offer.", "The union accepted the offer on Friday."),
    ],
)
def test_not_opposite(a: str, b: str) -> None:
    assert opposite_terms(a, b) is None


def test_verdicts() -> None:
    assert verdict("catastrophic and we need help") < 0
    assert verdict("difficult but under control") > 0  # the clause after "but" decides
    assert verdict("it is not under control") < 0
    assert verdict("we will meet on Monday") == 0
    assert opposite_verdicts("catastrophic and we need help", "difficult but under control")
    assert not opposite_verdicts("a terrible night for all of us", "a disaster, plain and simple")


def test_phrasal_verbs() -> None:
    found = opposite_terms("The court upheld the ban on Tuesday.", "The court struck down the ban on Tuesday.")
    assert found is not None and (found.word_a, found.word_b) == ("upheld", "struck down")
    found = opposite_terms("Nurses accepted the pay offer.", "Nurses turned down the pay offer.")
    assert found is not None and found.word_b == "turned down"
