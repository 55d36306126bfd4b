"""One measure given two values (compare/value_slots.py): the pair scores as one claim, so that it
groups and the typed differences show the conflict; two values of different things do not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from compare import compare
from compare.settings import Settings
from compare.similarity import analyse, normalise_word
from compare.value_slots import ValueSlots

FIRE = [
    "A fire swept through a furniture warehouse in Leeds on Monday night.",
    "Neighbours described thick smoke over the ring road.",
    "The blaze killed 12 workers, the city's fire service said.",
]
FIRE_TOO = [
    "Firefighters battled flames at a warehouse in Leeds for six hours.",
    "The owner said the building had passed an inspection in March.",
    "Relatives waited at the gates for news of the 9 workers killed.",
    "The company employs 300 workers at the plant.",
]


def _groups(tmp_path: Path, most: int) -> list[tuple[tuple[str, ...], list[str], str]]:
    (tmp_path / "one.txt").write_text("\n\n".join(FIRE), encoding="utf-8")
    (tmp_path / "two.txt").write_text("\n\n".join(FIRE_TOO), encoding="utf-8")
    s = Settings()
    result = compare([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], replace(s, grouping=replace(s.grouping, value_slot_most=most)))
    return [(g.members, [d.detail for d in g.differences if d.type == "number"], g.kind) for g in result.groups]


def test_one_toll_told_with_two_values_groups_and_shows_the_conflict(tmp_path: Path) -> None:
    # "killed 12 workers" / "the 9 workers killed": the values were two unshared numbers of the
    # highest weight in short sentences, and the pair scored under the link threshold.
    groups = _groups(tmp_path, Settings().grouping.value_slot_most)
    members, toll, kind = next(group for group in groups if "one:2" in group[0])
    assert "two:2" in members
    assert any("'12' against '9'" in detail for detail in toll)
    assert kind != "agree"  # scored as written for the report: two values never read as one
    # A count of other workers ("employs 300 workers") shares only "workers", and is no version of the toll.
    assert not any("two:3" in group[0] for group in groups)
    # Without the rule the two versions are in no group, and the conflict is never shown.
    assert not any({"one:2", "two:2"} <= set(group[0]) for group in _groups(tmp_path, 0))


def _slots(articles: list[list[str]]) -> ValueSlots:
    tokens = [analyse(text)[0] for texts in articles for text in texts]
    article_of = [n for n, texts in enumerate(articles) for _ in texts]
    return ValueSlots(tokens, article_of, 40)


def test_a_value_in_the_same_place_reads_as_the_others() -> None:
    slots = _slots([["the blaze killed 12 workers"], ["officials said 9 workers were killed"]])
    swapped = slots.swapped(0, 1)
    assert swapped is not None and "12" in swapped and "9" not in swapped
    assert slots.candidates() == {(0, 1)}
    assert slots.shared_weight(0, 1) > 0


def test_values_of_other_things_are_not_swapped() -> None:
    # The other article gives 12 in that place too: its 9 counts something else (the injured).
    slots = _slots([["the blaze killed 12 workers"], ["the blaze killed 12 workers", "doctors treated 9 workers"]])
    assert slots.swapped(0, 2) is None
    # Both values in one sentence: "17 percent ... 21 percent" against "21 percent ... 17 percent".
    slots = _slots([["support rose to 21 percent from 17 percent"], ["support was 17 percent and rose to 21 percent"]])
    assert slots.swapped(0, 1) is None
    # One word in common beside the numbers, and nothing else around them: two measures (the reviewer's case).
    slots = _slots([["Police arrested 2 people at the scene."], ["At least 24 people were killed, officials said."]])
    assert slots.swapped(0, 1) is None and not slots.candidates()
    # No word in common beside the numbers: no slot.
    slots = _slots([["the blaze killed 12 workers"], ["the company sold 9 trucks"]])
    assert slots.swapped(0, 1) is None and not slots.candidates()
    # One article, or a slot held by more sentences than the cap.
    slots = _slots([["the blaze killed 12 workers", "the blaze killed 9 workers"]])
    assert slots.swapped(0, 1) is None
    many = ValueSlots([("kill", str(n), "worker") for n in range(6)], [n % 2 for n in range(6)], 5)
    assert not many.candidates() and many.swapped(0, 1) is not None


def test_two_subjects_with_one_measure_are_not_swapped() -> None:
    # Each names a club the other does not: two offers, not one offer told with two values.
    texts = ["the Red Sox offered Teixeira an eight-year, $200 million deal", "the Nationals offered Teixeira an eight-year, $160 million deal"]
    names = frozenset(t for t in (normalise_word(w) for w in ("red", "sox", "nationals", "teixeira")) if t)
    tokens = [analyse(text)[0] for text in texts]
    assert ValueSlots(tokens, [0, 1], 40).swapped(0, 1) is not None
    assert ValueSlots(tokens, [0, 1], 40, names=names).swapped(0, 1) is None
    # One names only whom the other names too: one subject.
    one = [analyse(text)[0] for text in (texts[0], "Teixeira was offered an eight-year, $160 million deal")]
    assert ValueSlots(one, [0, 1], 40, names=names).swapped(0, 1) is not None
