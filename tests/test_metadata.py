"""compare.metadata: title, date and outlet read from the text, and the headline tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.load import load_inputs
from compare.metadata import complete_metadata, is_heading, is_title
from compare.models import Article, Removed, RemovedKind, Span

EXAMPLES = Path(__file__).parents[1] / "examples" / "nato-russia-2010"

# --------------------------------------------------------------------------- complete_metadata


def example(name: str) -> Article:
    (article,) = load_inputs([EXAMPLES / f"{name}.txt"])
    return article


def clean(article: Article, removed: dict[str, str], *, blocks: bool = False) -> Article:
    """What the clean stage hands on: paragraphs (lines, or blank-line blocks) kept,
    and those starting with a key of ``removed`` taken out with that reason."""
    text = article.text
    blocks = blocks and "\n\n" in text  # without blank lines, every line is a paragraph
    pattern = r"[^\n]+(?:\n[^\n]+)*" if blocks else r"[^\n]+"
    kept: list[Span] = []
    gone: list[Removed] = []
    for match in re.finditer(pattern, text):
        reason = next((r for prefix, r in removed.items() if match.group().startswith(prefix)), None)
        if reason is None:
            kept.append(Span(match.start(), match.end()))
        else:
            kind: RemovedKind = "date-line" if reason.startswith("metadata") else "navigation"
            gone.append(Removed(match.group(), reason, match.start(), match.end(), kind))
    return Article(
        id=article.id,
        source=article.source,
        sha256=article.sha256,
        text=text,
        paragraphs=tuple(kept),
        removed=tuple(gone),
    )


CLEANING = {
    "bloomberg": {"Keyword Tags": "tag list", "Russia, NATO - Russia": "tag list"},
    "moscow-times": {
        "Enjoying ad-free": "donation appeal",
        "Since July 1, 2024": "donation appeal",
        "This commitment": "donation appeal",
        "Support us": "donation appeal",
        "Our journalism": "donation appeal",
        "… we have": "donation appeal",
    },
    "rferl": {"Accessibility links": "navigation", "Breaking News": "navigation"},
    "rt": {"icon bookmark": "icon list", "23 Feb, 2010": "metadata: dateline", "Podcasts": "navigation"},
    "state-dipnote": {"Posted by": "metadata: byline", "About the Author": "metadata: author"},
}

EXPECTED = {
    "bloomberg": ("NATO Seeks Russian Cooperation on Missile Defense", None, "Bloomberg"),
    "moscow-times": ("NATO Seeks Strategic Partnership With Russia", None, None),
    "rferl": ("NATO Encouraged By Talk Of Cooperation With Russia, Russia Less So", None, None),
    "rt": ("“NATO no challenge to Russian security” – Clinton", "2010-02-23", None),
    "state-dipnote": ("NATO-Russia Council Meeting: Building a Stronger Partnership", "2010-09-24", None),
}


@pytest.mark.parametrize("blocks", [False, True], ids=["line-paragraphs", "block-paragraphs"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_complete_metadata_on_the_examples(name: str, blocks: bool) -> None:
    cleaned = clean(example(name), CLEANING[name], blocks=blocks)
    completed = complete_metadata(cleaned)
    assert (completed.title, completed.date, completed.outlet) == EXPECTED[name]
    assert completed.title is not None and completed.title in completed.text
    assert (completed.paragraphs, completed.removed, completed.text) == (
        cleaned.paragraphs,
        cleaned.removed,
        cleaned.text,
    )


def test_complete_metadata_without_cleaning_uses_all_lines() -> None:
    completed = complete_metadata(example("state-dipnote"))
    assert completed.title == "NATO-Russia Council Meeting: Building a Stronger Partnership"
    assert completed.date == "2010-09-24"


def test_complete_metadata_keeps_what_is_known() -> None:
    article = clean(example("bloomberg"), CLEANING["bloomberg"])
    known = Article(
        id=article.id,
        source=article.source,
        sha256=article.sha256,
        text=article.text,
        outlet="Label",
        title="Given",
        date="2010-11-03",
        paragraphs=article.paragraphs,
    )
    assert complete_metadata(known) is known


def test_complete_metadata_skips_non_headlines() -> None:
    text = (
        "Menu\n"  # too short
        "24 September 2010 10:00 GMT\n"  # a date, not a headline
        "This opening sentence ends with a full stop.\n"
        "Moscow Weighs NATO Offer\n"
        "WASHINGTON, Nov. 3, 2010 (Reuters) - Body text follows here.\n"
    )
    article = complete_metadata(Article(id="x", source="x", sha256="", text=text))
    assert article.title == "Moscow Weighs NATO Offer"
    assert article.date == "2010-09-24"
    assert article.outlet == "Reuters"


def test_complete_metadata_looks_for_dates_only_at_the_top() -> None:
    lines = ["Headline Without A Date Here", *(f"Paragraph {n} says nothing datable." for n in range(10))]
    text = "\n".join([*lines, "It happened on September 24, 2010."])
    assert complete_metadata(Article(id="x", source="x", sha256="", text=text)).date is None


def test_complete_metadata_dates_and_boilerplate() -> None:
    appeal_text = "Support our journalism: since July 1, 2024 we run no ads."
    text = f"{appeal_text}\n\n12 March 2011\n\nA Headline For The Story\n"
    appeal = Removed(appeal_text, "donation appeal", 0, len(appeal_text), "appeal")
    kept = Span(text.index("A Headline"), len(text) - 1)
    # the dateline was removed with a non-metadata reason, but a line holding only a date counts
    dateline = Removed("12 March 2011", "navigation", text.index("12 March"), text.index("12 March") + 13, "navigation")
    article = Article(
        id="x", source="x", sha256="", text=text, paragraphs=(kept,), removed=(appeal, dateline)
    )
    assert complete_metadata(article).date == "2011-03-12"
    # without it, the date inside the appeal is never taken
    bare = text.replace("12 March 2011", "Monday morning")
    article = Article(id="x", source="x", sha256="", text=bare, paragraphs=(kept,), removed=(appeal,))
    assert complete_metadata(article).date is None
    # a wire dateline inside removed boilerplate does not name the outlet
    wire = "NEW YORK (AP) -- Subscribe to our newsletter today\n\nThe Real Headline Is Here\n"
    junk = Removed(wire.split("\n")[0], "navigation", 0, wire.index("\n"), "navigation")
    kept = Span(wire.index("The Real"), len(wire) - 1)
    article = Article(id="x", source="x", sha256="", text=wire, paragraphs=(kept,), removed=(junk,))
    assert complete_metadata(article).outlet is None
    assert complete_metadata(article).title == "The Real Headline Is Here"


def test_headings_and_titles() -> None:
    assert is_heading("Russia’s answer") and is_title("Russia’s answer to NATO")
    assert not is_heading("Russia answered.") and not is_title("Russia answered NATO.")
    assert is_heading("Menu") and not is_title("Menu")  # a heading, too short for a title
    assert not is_heading("Line one\nline two") and not is_title("Line one of it\nline two")
