"""Settings refuse a value of the wrong kind or out of range when they are made, naming the setting."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from compare import CleanSettings, EventSettings, Settings


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"link_threshold": -0.1}, "Settings.link_threshold must be a finite number of at least 0, got -0.1"),
        ({"link_threshold": float("nan")}, "Settings.link_threshold must be a finite number of at least 0, got nan"),
        ({"link_threshold": float("inf")}, "Settings.link_threshold must be a finite number of at least 0, got inf"),
        ({"link_threshold": "0.3"}, "Settings.link_threshold must be a number, got '0.3'"),
        ({"link_threshold": True}, "Settings.link_threshold must be a number, got True"),
        ({"max_candidates": -1}, "Settings.max_candidates must be a finite number of at least 0, got -1"),
        ({"max_candidates": 2.5}, "Settings.max_candidates must be a whole number, got 2.5"),
        ({"semantic": "yes"}, "Settings.semantic must be bool, got 'yes'"),
    ],
)
def test_a_bad_setting_is_refused_by_name(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as error:
        replace(Settings(), **change)
    assert str(error.value) == message


def test_the_clean_settings_are_checked_too() -> None:
    with pytest.raises(ValueError, match=r"^CleanSettings.tail_fraction must be a finite number of at least 0, got -0.5$"):
        CleanSettings(tail_fraction=-0.5)


def test_the_event_settings_are_checked_and_written_in_the_report_apart() -> None:
    with pytest.raises(ValueError, match=r"^EventSettings.same_event_threshold must be a finite number of at least 0, got -0.2$"):
        EventSettings(same_event_threshold=-0.2)
    with pytest.raises(ValueError, match=r"^EventSettings.follow_up_days must be a whole number, got 1.5$"):
        replace(Settings().events, follow_up_days=1.5)
    written = Settings().to_dict()
    assert written["events"]["same_event_threshold"] == Settings().events.same_event_threshold == 0.37
    assert "same_event_threshold" not in written  # one place for each setting


def test_good_values_pass_and_every_default_is_in_range() -> None:
    off = replace(Settings(), link_threshold=1, quote_share=1.01, max_candidates=0)  # above 1: a rule switched off
    assert (off.link_threshold, off.quote_share) == (1, 1.01)
    floats = [f.name for f in fields(Settings) if f.type == "float"]
    assert len(floats) > 30  # the check reads the annotations: a change there would silently skip it
    assert Settings() == Settings(**{f.name: getattr(Settings(), f.name) for f in fields(Settings)})


def test_numpy_numbers_pass_as_what_they_are() -> None:
    numpy = pytest.importorskip("numpy")
    made = replace(Settings(), max_candidates=numpy.int64(3), link_threshold=numpy.float32(0.4))
    assert (type(made.max_candidates), type(made.link_threshold)) == (int, float)
    assert made.to_dict()["max_candidates"] == 3
    with pytest.raises(ValueError, match="max_candidates must be a whole number"):
        replace(Settings(), max_candidates=numpy.float64(2.5))

