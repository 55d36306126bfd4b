"""The ``name`` difference: one person or place named in two spellings by two versions of a fact
(:mod:`compare.analyze.names`).  The sentences are from news reports of ECB+ (the Detroit-area office
shooting of 2008, the Athens riots of December 2008, the New Bedford double murder of 2009)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import reports
from compare import compare
from compare.analyze.groups import differences_between
from compare.analyze.names import transliterated
from compare.difference_settings import DifferenceSettings
from compare.models import Comparison, Difference
from compare.settings import Settings

BODY = "The hospital said on Monday that the two men were in critical condition after the shooting.\n\n"
WOLFE = (
    "The families of the two wounded men requested privacy, and the hospital would not release any details "
    "about their conditions, Beaumont Hospital spokeswoman Ilene Wolfe said."
)
WOLFF = (
    "The families of the two wounded men requested privacy, and the hospital would not release any details "
    "about their conditions, Beaumont Hospital spokeswoman Ilene Wolff said."
)


def names_of(found: list[Difference]) -> list[Difference]:
    return [d for d in found if d.type == "name"]


def _compare(tmp_path: Path, first: str, second: str) -> Comparison:
    (tmp_path / "one.txt").write_text(first, encoding="utf-8")
    (tmp_path / "two.txt").write_text(second, encoding="utf-8")
    return compare([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")])


def test_a_name_spelt_two_ways_is_a_conflicting_detail(tmp_path: Path) -> None:
    result = _compare(tmp_path, BODY + WOLFE, BODY + WOLFF)
    group = next(g for g in result.groups if "one:1" in g.members)
    (name,) = names_of(list(group.differences))
    assert dict(name.values) == {"one:1": "Ilene Wolfe", "two:1": "Ilene Wolff"}
    assert name.detail == "'Ilene Wolfe' against 'Ilene Wolff' (one name spelt two ways)"
    assert name.conflict and group.kind == "diverge"
    assert "attribution" not in {d.type for d in group.differences}  # one source, spelt two ways


def test_an_article_that_writes_both_forms_names_two_people(tmp_path: Path) -> None:
    """Where the second article also writes "Wolfe" elsewhere, its "Wolff" may be someone else."""
    other = BODY + WOLFF + "\n\nA second spokeswoman, Ilene Wolfe, declined to comment."
    result = _compare(tmp_path, BODY + WOLFE, other)
    assert not [d for g in result.groups for d in names_of(list(g.differences))]


def test_a_transliteration_is_a_variant_not_a_conflict() -> None:
    (name,) = names_of(
        differences_between(
            [
                "Greek President Carolos Papoulias condemned the violence, saying the debt-hit country had "
                '"reached the edge of the abyss".',
                "Greek President Karolos Papoulias condemned the violence, saying the debt-hit country had "
                '"reached the edge of the abyss".',
            ]
        )
    )
    assert set(dict(name.values).values()) == {"President Carolos Papoulias", "President Karolos Papoulias"}
    assert "transliteration" in name.detail and not name.conflict


@pytest.mark.parametrize(
    ("first", "second", "variant"),
    [
        ("gaddafi", "qaddafi", True),
        ("mourad", "murad", True),
        ("muammar", "moammar", True),
        ("pyong", "byong", True),
        ("latonya", "latoya", False),  # a letter left out
        ("miliote", "milliote", False),  # a letter doubled
        ("priebus", "preibus", False),  # two letters in the other order
        ("wolfe", "wolff", False),
    ],
)
def test_transliterations_are_told_from_misspellings(first: str, second: str, variant: bool) -> None:
    assert transliterated(first, second) is variant


def test_each_name_spelt_two_ways_is_one_difference() -> None:
    robyn, catherine = names_of(
        differences_between(
            [
                "The bodies of Robyn Mendes, 48, and Catherine Gomes, 61, were found by police and firefighters "
                "yesterday in a second-floor apartment on Independent Street.",
                "The bodies of Robin Mendes, 48, and Katherine Gomes, 61, were found by police and firefighters "
                "yesterday in a second-floor apartment on Independent Street.",
            ]
        )
    )
    assert set(dict(robyn.values).values()) == {"Robyn Mendes", "Robin Mendes"}
    assert set(dict(catherine.values).values()) == {"Catherine Gomes", "Katherine Gomes"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two people: not close in spelling
        ("Gary Gomes, 35, was arrested yesterday.", "Carl Gomes, 35, was arrested yesterday."),
        # a country and its adjective; a name and its possessive
        ("Greek President Karolos Papoulias condemned the violence.", "Greece's President Karolos Papoulias condemned the violence."),
        # two places the table of places knows
        ("The climber had moved to Austria from New Zealand.", "The climber had moved to Australia from New Zealand."),
        # a common word spelt the British and the American way, in a name
        ("The ceremony will take place at the Kodak Theatre in Los Angeles.", "The ceremony will take place at the Kodak Theater in Los Angeles."),
        # a headline in Title Case
        ("Gunman Kills Two At Office Building In Southfield", "Gunmen Kill Two At Office Building In Southfield"),
    ],
)
def test_look_alikes_are_no_name_difference(first: str, second: str) -> None:
    assert not names_of(differences_between([first, second]))


def test_one_word_names_with_the_same_word_beside_them() -> None:
    """FNC-1 reports of the siege of Kobani: "of Kobane" / "of Kobani"."""
    (name,) = names_of(
        differences_between(
            [
                "Social media is awash with news of Islamic State using chemical weapons in an Eastern neighbourhood of Kobane.",
                "Kurds battling Islamic State militants for control of Kobani fear the extremist group may have used "
                "an unidentified chemical weapon.",
            ]
        )
    )
    assert set(dict(name.values).values()) == {"Kobane", "Kobani"} and not name.conflict


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one-word names less alike than DifferenceSettings.name_single_spelling
        ("The Sicilian prosecutor said the arrests were a blow to the clan.", "The Italian prosecutor said the arrests were a blow to the clan."),
        # a British spelling in a name
        ("The founder of Technicolour was honoured at the ceremony.", "The founder of Technicolor was honoured at the ceremony."),
    ],
)
def test_one_word_look_alikes_are_no_name_difference(first: str, second: str) -> None:
    assert not names_of(differences_between([first, second]))


def test_the_rule_can_be_switched_off() -> None:
    settings = Settings(differences=DifferenceSettings(name_spelling=1.01))
    assert not names_of(differences_between([WOLFE, WOLFF], settings))


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_a_name_difference_is_rendered_escaped_in_html_and_in_the_pdf(tmp_path: Path) -> None:
    first = BODY + "Hospital spokeswoman Siobhan O'Brien said the families had asked for privacy."
    second = BODY + "Hospital spokeswoman Siobhan O'Brein said the families had asked for privacy."
    result = _compare(tmp_path, first, second)
    (name,) = [d for g in result.groups for d in names_of(list(g.differences))]
    assert set(dict(name.values).values()) == {"Siobhan O'Brien", "Siobhan O'Brein"}
    page = reports.render_html(result)
    assert '<span class="dtype">name</span>' in page
    assert "Siobhan O&#39;Brien" in page and "Siobhan O'Brien" not in page  # the apostrophe escaped
    item = page[page.index('<span class="dtype">name</span>') :][:2000]
    assert "one name spelt two ways" in html.unescape(item) and 'class="conflict"' in item
    target = tmp_path / "report.pdf"
    reports.render_pdf(result, target)
    text = _pdftotext(target)
    assert "CONFLICT 'Siobhan O'Brien' against 'Siobhan O'Brein' (one name spelt two ways)" in text, text[:3000]
    assert re.search(r"DIVERGE NAME .{0,60}CONFLICT", text)  # the type, as the print style writes it
