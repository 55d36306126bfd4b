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
        ("kobane", "kobani", True),  # a last "e" / "i": a transliteration
        ("roberto", "roberta", False),  # a last "o" / "a": a man's name and a woman's
        ("daniele", "daniela", False),
        ("giovanni", "giovanna", False),
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
        # a weekday misspelt: no name
        ("Police said the Grand Hotel was evacuated on Wendesday night.", "Police said the Grand Hotel was evacuated on Wednesday night."),
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


def test_roberto_and_roberta_are_two_names_not_one_spelt_two_ways() -> None:
    (name,) = names_of(
        differences_between(
            [
                "The shop's owner, Roberto Alvarez, told police the gunman fled on foot.",
                "The shop's owner, Roberta Alvarez, told police the gunman fled on foot.",
            ]
        )
    )
    assert name.conflict and "spelling variant" not in name.detail


def test_the_shortest_name_word_and_the_title_case_share_are_settings() -> None:
    headline = ["Gunman Kills Two At Office Of Ilene Wolfe", "Gunman Kills Two At Office Of Ilene Wolff"]
    assert not names_of(differences_between(headline))
    read_all = Settings(differences=DifferenceSettings(name_title_case=1.01))
    assert names_of(differences_between(headline, read_all))
    assert not names_of(differences_between([WOLFE, WOLFF], Settings(differences=DifferenceSettings(name_shortest=6))))


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


KHAMENEI = "Iran's supreme leader, Ayatollah Ali Khamenei, said on Friday that talks with Washington would not solve anything."
KHAMEINI = KHAMENEI.replace("Khamenei", "Khameini")


def test_the_verdict_does_not_depend_on_the_order_of_the_articles() -> None:
    """difflib reads "khamenei" / "khameini" differently in the two orders (a transliteration one way,
    letters in the other order the other; alike to 0.8 one way only): the difference and its flag must
    not change with which article comes first."""
    one = [(d.detail.split("(")[-1], d.conflict) for d in names_of(differences_between([KHAMENEI, KHAMEINI]))]
    other = [(d.detail.split("(")[-1], d.conflict) for d in names_of(differences_between([KHAMEINI, KHAMENEI]))]
    assert one == other == [("one name spelt two ways)", True)]
    alone = "Supporters of Khamenei gathered in the square on Friday after the prayers."
    assert len(names_of(differences_between([alone, alone.replace("Khamenei", "Khameini")]))) == 1
    assert len(names_of(differences_between([alone.replace("Khamenei", "Khameini"), alone]))) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one word and its other form: "-ist" / "-ic", "-s" / "-n"
        (
            "Islamist militants stormed a hotel in the capital on Friday, killing at least 20 people, officials said.",
            "Islamic militants stormed a hotel in the capital on Friday, killing at least 20 people, officials said.",
        ),
        (
            "A Texas man was arrested on Friday after police found 40 pounds of explosives in his garage.",
            "A Texan man was arrested on Friday after police found 40 pounds of explosives in his garage.",
        ),
    ],
)
def test_a_word_and_its_other_form_is_no_name_difference(first: str, second: str) -> None:
    assert not names_of(differences_between([first, second]))


@pytest.mark.parametrize(
    ("written", "plain"),
    [("Lech Wałęsa", "Lech Walesa"), ("Novak Đoković", "Novak Djokovic"), ("Lars Løkke Rasmussen", "Lars Lokke Rasmussen"),
     ("Franz Josef Strauß", "Franz Josef Strauss")],
)
def test_a_name_with_and_without_its_letters_of_other_alphabets_is_one_spelling(written: str, plain: str) -> None:
    """Like "José" / "Jose": letters that carry no separable accent ("ł", "đ", "ø", "ß") written
    plainly are no second spelling, let alone a conflict."""
    sentence = "On Monday {} told the union in Gdansk that the strike would go on."
    assert not names_of(differences_between([sentence.format(written), sentence.format(plain)]))


def test_a_possessive_is_no_third_spelling() -> None:
    """ "Hugh Hefner" and "Hugh Hefner's" are one spelling: the detail names two, as it says."""
    first = "Playboy founder Hugh Hefner said on Monday that the magazine would stop publishing nude photographs."
    second = "Playboy founder Hugh Heffner's magazine would stop publishing nude photographs, the company said on Monday."
    third = second.replace("Heffner", "Hefner")
    (name,) = names_of(differences_between([first, second, third]))
    assert name.detail == "'Hugh Hefner' against 'Hugh Heffner's' (one name spelt two ways)"
    assert dict(name.values) == {"a:0": "Hugh Hefner", "b:0": "Hugh Heffner's", "c:0": "Hugh Hefner's"}


def test_the_names_both_articles_write_are_not_paired(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the name words the other article does not write are paired: a paragraph of "by X "
    8,000 times in two articles paired every two of its names only to pass over their shared word
    (18 s of CPU).  Counted: the look-ups of a word among the other article's, one a name word (every
    two names: the square).  A name spelt two ways among them is still found."""
    from compare.analyze import names

    looked_up, article_words = [0], names.article_words

    class Words(frozenset[str]):  # an article's words, counting the look-ups
        def __contains__(self, word: object) -> bool:
            looked_up[0] += 1
            return frozenset.__contains__(self, word)

    monkeypatch.setattr(names, "article_words", lambda text: Words(article_words(text)))
    by = "The report was written " + "by Smith " * 300
    (name,) = names_of(differences_between([f"{by}and Ilene Wolfe said.", f"{by}and Ilene Wolff said."]))
    assert dict(name.values) == {"a:0": "Ilene Wolfe", "b:0": "Ilene Wolff"}
    assert looked_up[0] <= 4 * 302  # 604 here; every two names, 91,000
