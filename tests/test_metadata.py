"""compare.metadata: title, date and outlet read from the text, and the headline tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare.clean import clean as clean_stage
from compare.load import load_inputs
from compare.metadata import complete_metadata, is_heading, is_title, self_named_outlet, url_outlet
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
    # the outlet from its last line, "Writing for the U.S. Department of State DipNote blog, ..."
    "state-dipnote": ("NATO-Russia Council Meeting: Building a Stronger Partnership", "2010-09-24",
                      "U.S. Department of State DipNote"),
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


def test_a_date_the_opening_prose_mentions_does_not_date_the_article() -> None:
    """ "Page was born on April 22, 1923" in the first paragraph is not the article's date; a
    wire dateline opening the paragraph and a byline's date are."""
    prose = "Bettie Page, the pin-up model who was born on April 22, 1923, in Nashville, died on Thursday in Los Angeles.\n"
    assert complete_metadata(Article(id="x", source="x", sha256="", text=prose)).date is None
    wire = "LOS ANGELES, Dec. 12, 2008 (Reuters) - Bettie Page, the pin-up model, died on Thursday.\n"
    assert complete_metadata(Article(id="x", source="x", sha256="", text=wire)).date == "2008-12-12"
    byline = "By Jane Doe, published on December 12, 2008\n" + prose
    assert complete_metadata(Article(id="x", source="x", sha256="", text=byline)).date == "2008-12-12"


@pytest.mark.parametrize(
    "line",
    [
        "Page was born on April 22, 1923, in Nashville, Tenn.",  # a short line of prose
        "On Tuesday, Oct. 10, 1972, Washington awoke to this startling news:",  # prose opening on its date
        "New Moon is tentatively scheduled to open November 20, 2009.",  # a plan
        "On Saturday 8 June 2013, at 8:39am police were called to a property in Newton Street where they found her.",
    ],
)
def test_a_date_in_a_line_of_prose_does_not_date_the_article(line: str) -> None:
    text = f"Pinup Icon Dies At 85\n{line}\nShe began modelling in 1950.\n"
    assert complete_metadata(Article(id="x", source="x", sha256="", text=text)).date is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted August 2nd, 2013 at 5:19 pm", "2013-08-02"),
        ("updated 8:41 p. m. EST, Tue March 3, 2009", "2009-03-03"),
        ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET", "2005-11-27"),
        ("PUBLISHED FRIDAY, MARCH 8, 2013 AT 12:46 PM / UPDATED AT 12:48 PM", "2013-03-08"),
        ("By Jane Doe, staff writer, December 12, 2008", "2008-12-12"),
        ("By Jane Doe, for the Guardian, Nov. 3, 2010", "2010-11-03"),
        ("Posted by admin on Nov 3, 2010", "2010-11-03"),
        ("This article was first published on Nov. 3, 2010", "2010-11-03"),
        ("Nov. 3, 2010, by Jane Doe, senior reporter", "2010-11-03"),
        ("From our correspondent in Moscow, Nov. 3, 2010", "2010-11-03"),
        ("MOSCOW, Nov. 3, 2010 10:15 GMT - Russia said it would attend the summit in Lisbon.", "2010-11-03"),
    ],
)
def test_bylines_and_datelines_date_the_article(line: str, date: str) -> None:
    text = f"Pinup Icon Dies At 85\n{line}\nShe began modelling in 1950.\n"
    assert complete_metadata(Article(id="x", source="x", sha256="", text=text)).date == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("April 24, 2013-4:45pm", "2013-04-24"),  # a time glued by a hyphen
        ("8:13 AM PDT 8/2/2013", "2013-08-02"),  # an American zone: month first
        ("First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET", "2011-10-25"),
        ("Published: 12:05 PM EST 03/11/2013", "2013-03-11"),
        ("Posted: 04/19/2012 8:33 am Updated: 04/20/2012 9:10 am", "2012-04-19"),
        ("Updated 10:03 a.m. ET, Fri March 8, 2013", "2013-03-08"),
        ("2 October 2013, 15:39 (GMT+05: 00)", "2013-10-02"),
        ("Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am", None),  # 9 April or 4 September
        ("For immediate release:", None),
    ],
)
def test_a_date_line_of_a_news_page_is_removed_and_dates_the_article(line: str, date: str | None) -> None:
    body = "The city council approved a new budget for the schools on Tuesday after a long debate among its members."
    text = f"Council Approves New Budget For Schools\n\n{line}\n\n{body}\n"
    article = complete_metadata(clean_stage(Article(id="x", source="x", sha256="", text=text)))
    assert [r.text for r in article.removed] == [line]
    assert [r.kind for r in article.removed] == ["date-line"]
    assert article.date == date


def test_a_stamp_below_the_story_does_not_date_it() -> None:
    # a reader comment's stamp under the story is the comment's day, not the article's
    body = "The city council approved a new budget for the schools on {} after a long debate among its members."
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "noon")
    story = "\n\n".join(body.format(day) for day in days)
    stamp = "Posted: 10/25/11 06:44 PM ET"
    below = f"Council Approves New Budget For Schools\n\n{story}\n\nComments\n\nJohn wrote: this is bad\n\n{stamp}\n"
    article = complete_metadata(clean_stage(Article(id="x", source="x", sha256="", text=below)))
    assert (stamp, "date-line") in [(r.text, r.kind) for r in article.removed]
    assert article.date is None
    above = f"Council Approves New Budget For Schools\n\n{stamp}\n\n{story}\n"
    assert complete_metadata(clean_stage(Article(id="x", source="x", sha256="", text=above))).date == "2011-10-25"


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


def test_the_title_comes_before_the_story_begins() -> None:
    """A headline-like line after the first paragraph of prose is a crosshead, a caption or a
    line that introduces a quotation, never the article's title; nor is a line in brackets."""
    prose = "Residents of the capital heard a loud boom overnight, the government said on Sunday."
    after = "\n\n".join([prose, "Transcripts of the call were released to the public:", "More to come"])
    assert complete_metadata(Article(id="x", source="x", sha256="", text=after)).title is None
    first = "\n\n".join(["Meteorite Leaves Crater in Managua", prose, "A Crosshead Deep Inside"])
    assert complete_metadata(Article(id="x", source="x", sha256="", text=first)).title == "Meteorite Leaves Crater in Managua"
    aside = "\n\n".join(["(Who are Islamic State? Get caught up with our primer)", prose])
    assert complete_metadata(Article(id="x", source="x", sha256="", text=aside)).title is None
    assert not is_title("[Image via AP Images]") and is_title("Image of the Year Announced")
    assert not is_title('"I just wanted some chicken wings."') and is_title("'We will not negotiate'")


def test_headings_and_titles() -> None:
    assert is_heading("Russia’s answer") and is_title("Russia’s answer to NATO")
    assert not is_heading("Russia answered.") and not is_title("Russia answered NATO.")
    assert is_heading("Menu") and not is_title("Menu")  # a heading, too short for a title
    assert not is_heading("Line one\nline two") and not is_title("Line one of it\nline two")


# --------------------------------------------------------------------------- outlets and the story's title (issue 16)


def test_the_example_outlets_come_from_their_own_text() -> None:
    """Without --label, three of the five example texts name their outlet: the wire dateline
    "(Bloomberg) --", The Moscow Times' appeal ("We, the journalists of The Moscow Times"; removed
    as boilerplate, still read for the name) and the DipNote footer.  RFE/RL's and RT's texts name
    theirs nowhere: they keep their file stems."""
    from compare import Settings
    from compare.pipeline import prepare

    found = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        (article,) = load_inputs([path])
        found[article.id] = prepare(article, Settings()).outlet
    assert found == {
        "bloomberg": "Bloomberg",
        "moscow-times": "The Moscow Times",
        "rferl": None,
        "rt": None,
        "state-dipnote": "U.S. Department of State DipNote",
    }


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("We, the journalists of The Moscow Times, refuse to be silenced.", "The Moscow Times"),
        ("Writing for the U.S. Department of State DipNote blog, Luke recaps the week.", "U.S. Department of State DipNote"),
        ("Copyright 2014 The Associated Press. All rights reserved.", "The Associated Press"),
        ("© 2015 MediaMass All rights reserved.", "MediaMass"),
        ("Copyright 2010 Bloomberg L.P.", "Bloomberg L.P."),
        ("RFE/RL's Russian Service contributed to this report.", "RFE/RL"),
        # not an outlet's signature
        ("© AP PHOTO/ JOHN MINCHILLO", None),
        ("They were fined under the Copyright Alert System.", None),
        ("Follow Josh Feldman on Twitter: @feldmaniac", None),
        ("The staff at Bali International Medical Centre treated her.", None),
    ],
)
def test_self_named_outlet(text: str, outlet: str | None) -> None:
    assert self_named_outlet(text) == outlet


def test_a_long_run_of_capitals_is_read_for_its_outlet_once() -> None:
    """The outlet's name is never read from inside a word: "RFE/RL's Russian Service" was tried
    from every letter of a run of capitals, the square of its length (a last line of 10,000
    "A"s took 1.7 s, of 200,000 about ten minutes, of every article's last three lines).
    Counted: the places of a run of capitals a name is read from (each read to the run's end);
    the steps of the regular expressions inside ``re`` cannot be counted from Python."""
    from compare.metadata import _SELF_NAMED

    assert self_named_outlet("xRFE/RL's Russian Service contributed.") is None
    assert self_named_outlet("(RFE/RL's Russian Service contributed.)") == "RFE/RL"
    run = "A" * 2_000
    assert self_named_outlet(run) is None
    line = f"{run}'s Russian Service contributed."
    assert self_named_outlet(line) == run
    read_from = [k for pattern in _SELF_NAMED for k in range(len(line)) if pattern.match(line, k)]
    assert read_from == [0]  # from every letter of the run, 2,000 places


def test_a_record_without_outlet_takes_its_address_host(tmp_path: Path) -> None:
    import json

    record = {"text": "Ministers met in Brussels on Tuesday. They agreed on a plan.", "url": "https://www.rferl.org/a/x.html"}
    (tmp_path / "r.json").write_text(json.dumps(record), encoding="utf-8")
    from compare import Settings
    from compare.pipeline import prepare

    (article,) = load_inputs([tmp_path / "r.json"])
    assert prepare(article, Settings()).outlet == "rferl.org"
    assert url_outlet("not a url") is None and url_outlet("http://[bad") is None


def test_the_default_title_is_that_of_the_largest_event(example: object) -> None:
    """The first file (Bloomberg, November) reports another event than the three articles about
    the September meeting: the story is titled after the largest event's first article."""
    from compare.models import Comparison

    assert isinstance(example, Comparison)
    largest = max(example.events, key=lambda e: len(e.articles))
    assert len(largest.articles) == 3 and example.articles[0].id not in largest.articles
    first = next(a for a in example.articles if a.id in largest.articles)
    assert example.title == first.title == "NATO Seeks Strategic Partnership With Russia"
