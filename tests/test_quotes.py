"""The quotation finder (compare/analyze/quotes.py): which words are quoted, and who said them."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.analyze.quotes import article_quotes, quotes_by_sentence, sentence_speaker
from compare.models import Article
from compare.segment import segment

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "nato-russia-2010"


def quotes(text: str) -> list[tuple[str, str | None]]:
    article = segment(Article(id="a", source="a.txt", sha256="", text=text))
    return [(q.text, q.speaker) for q in article_quotes(article)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are ready," Rasmussen said.', [("We are ready", "Rasmussen")]),
        ('“We are ready,” said Anders Fogh Rasmussen.', [("We are ready", "Rasmussen")]),
        ('Foreign Minister Sergey Lavrov said: "No."', [("No", "Lavrov")]),
        # a title before the name is not the name
        ('Secretary of State Hillary Clinton said, "Russia is a partner."', [("Russia is a partner", "Clinton")]),
        # names with an inner capital, an apostrophe or a hyphen are whole names
        ('"A reset," said Michael McFaul.', [("A reset", "McFaul")]),
        ('"Not yet," O\'Brien told reporters.', [("Not yet", "O'Brien")]),
        ('"We agree," Ban Ki-moon said.', [("We agree", "Ki-moon")]),
    ],
)
def test_the_speaker_is_the_name_beside_the_reporting_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text) == expected


def test_a_pronoun_is_the_person_named_before() -> None:
    text = 'Dmitry Medvedev met the envoy.\n\nHe said the talks were "very useful".'
    assert quotes(text) == [("very useful", "Medvedev")]


def test_a_quote_opening_a_paragraph_continues_the_previous_speaker() -> None:
    text = '"We agreed on transit," Rasmussen said. "And on training.\n\n"Both matter."'
    assert [speaker for _words, speaker in quotes(text)] == ["Rasmussen", "Rasmussen", "Rasmussen"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the paragraph names its own speaker, with a verb the reader of names does not take
        (
            '"And if Congress tells you they have no time, they have time for this," Obama said.\n\n'
            '"What have you guys been doing, John?" Boehner continued.',
            ["Obama", "Boehner"],
        ),
        # ... or one it cannot name: an unnamed source is not the speaker before
        (
            '"He pulled a tendon," Kim Yong-chol told reporters.\n\n'
            '"He is not going to be suspended in any way," a network source told the paper.',
            ["Yong-chol", None],
        ),
        # a paragraph in between names someone else: the quotation is not the earlier speaker's
        (
            '"We were serving her for three days," said Jiang Li Lung.\n\n'
            "After a week Shen decided she had had enough when local media turned up.\n\n"
            '"I decided the best thing to do would be to leave the city."',
            ["Lung", None],
        ),
        # the quotation speaks of the speaker before as "he": an opponent's words, not his
        (
            'Rep. Bob Walker apologized on Monday.\n\n'
            '"I have been pushed and threatened before, but that is no excuse," he added, saying it had been a "long day."\n\n'
            '"His conduct is unbecoming of a member of Congress. His assault on a student goes beyond the pale."',
            ["Walker", "Walker", None],
        ),
        # a quotation with no attribution of its own still continues the speaker before
        (
            '"We agreed on transit," Rasmussen said.\n\n"I have never seen such resolve."',
            ["Rasmussen", "Rasmussen"],
        ),
    ],
)
def test_a_quote_opening_a_paragraph_keeps_a_speaker_it_names(text: str, speakers: list[str | None]) -> None:
    """A quotation opening a paragraph continues the previous paragraph's speaker only when it
    names no speaker of its own and nothing in between or in it says it is someone else's."""
    assert [speaker for _words, speaker in quotes(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The sides confirmed the need," said a report of the Russian Foreign Ministry.', "Russian Foreign Ministry"),
        ('"Openness helps," the US Secretary of State believes.', "US Secretary of State"),
        ('"No comment," the State Department said.', "State Department"),
    ],
)
def test_a_body_or_an_office_is_named_whole(text: str, speaker: str) -> None:
    """Its last word alone ("Ministry", "State", "Department") would name nobody."""
    assert [s for _words, s in quotes(text)] == [speaker]


def test_a_pronoun_never_refers_to_a_body() -> None:
    text = (
        'Sergei Ryabkov arrived on Monday.\n\n"Talks go on," the Russian Foreign Ministry said.\n\n'
        'He called them "useful".'
    )
    assert quotes(text) == [("Talks go on", "Russian Foreign Ministry"), ("useful", "Ryabkov")]


def test_no_reporting_verb_no_speaker() -> None:
    assert quotes('The so-called "reset" went on.') == [("reset", None)]


def test_sentence_speaker_reads_one_sentence() -> None:
    assert sentence_speaker("NATO wants a partnership, Rasmussen told reporters.") == "Rasmussen"
    assert sentence_speaker("He told reporters the talks went well.") is None  # pronouns need context


def test_quotes_by_sentence_splits_a_quote_at_sentence_ends() -> None:
    text = '"We agreed. We will meet again," Rasmussen said.'
    article = segment(Article(id="a", source="a.txt", sha256="", text=text))
    parts = quotes_by_sentence(article)
    assert [[(q.text, q.speaker) for q in parts[s.id]] for s in article.sentences] == [
        [("We agreed", "Rasmussen")],
        [("We will meet again", "Rasmussen")],
    ]
    for sentence in article.sentences:
        for q in parts[sentence.id]:
            assert sentence.start <= q.start < q.end <= sentence.end


def test_the_example_story_speakers() -> None:
    """Every quotation of the example story and its speaker (None: the RT headline quotes no one)."""
    found: dict[str, list[str | None]] = {}
    for path in sorted(EXAMPLE.glob("*.txt")):
        article = segment(Article(id=path.stem, source=path.name, sha256="", text=path.read_text("utf-8")))
        found[path.stem] = [q.speaker for q in article_quotes(article)]
    assert set(found["bloomberg"]) == {"Rasmussen", "Medvedev"}
    assert set(found["rferl"]) == {"Rasmussen", "Clinton"}
    assert found["rt"] == [
        None,
        "Clinton",
        "Clinton",
        "Lavrov",
        "US Secretary of State",
        "Rogozin",
        "Rogozin",
        "Russian Foreign Ministry",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British single quotes; an apostrophe inside a word closes nothing
        ("‘We are ready,’ Rasmussen said.", ["We are ready"]),
        ("Medvedev’s aide said Russia ‘won’t be rushed’ on the shield.", ["won’t be rushed"]),
        ("‘The alliance’s doors are open,’ said Anders Fogh Rasmussen.", ["The alliance’s doors are open"]),
        # guillemets, both ways round, and German quotes
        ("«Nous sommes prêts», a déclaré Rasmussen. Lavrov said «it is too early».",
         ["Nous sommes prêts", "it is too early"]),
        ("»Wir sind bereit«, sagte Rasmussen.", ["Wir sind bereit"]),
        ("„Wir sind bereit“, sagte Rasmussen.", ["Wir sind bereit"]),
        # an apostrophe alone is not a quote
        ("The players’ union met Rasmussen’s staff.", []),
    ],
)
def test_single_quotes_and_guillemets_are_quotes(text: str, expected: list[str]) -> None:
    """Issue 16: ‘…’ and «…» were not found as quotations."""
    assert [quoted for quoted, _speaker in quotes(text)] == expected


def test_a_single_quoted_statement_has_its_speaker() -> None:
    assert quotes("‘We are ready,’ Rasmussen said.") == [("We are ready", "Rasmussen")]
    assert quotes("‘The alliance’s doors are open,’ said Anders Fogh Rasmussen.") == [
        ("The alliance’s doors are open", "Rasmussen")
    ]


def test_a_paragraph_of_many_capitalised_verbs_is_read_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a capitalised verb ("Asked about...", "Posted") opens a sentence was a pattern
    searched from the paragraph's start each time: a paragraph of "Posted: " 20,000 times took
    25 s of CPU; it is read back from the word (quotes._opens_sentence).  The quotation's speaker
    is the same.  Counted: the letters read back, a few for each verb (from the paragraph's start
    for each: the square)."""
    from compare.analyze import quotes

    opens_sentence, verbs, letters = quotes._opens_sentence, [0], [0]

    class Read:  # the text, counting the letters read (a pattern cannot search it)
        def __init__(self, text: str) -> None:
            self.text = text

        def __getitem__(self, at: int) -> str:
            letters[0] += 1
            return self.text[at]

    def counted(text: str, at: int) -> bool:
        verbs[0] += 1
        return opens_sentence(Read(text), at)  # type: ignore[arg-type]

    monkeypatch.setattr(quotes, "_opens_sentence", counted)
    article = segment(Article("a", "a.txt", "", f"{'Posted: ' * 2_000}\n\n\"We will rebuild,\" Smith said."))
    assert [(q.text, q.speaker) for q in article_quotes(article)] == [("We will rebuild", "Smith")]
    assert verbs[0] >= 2_000 and letters[0] <= 8 * verbs[0]  # 5 reads a verb here (a space, the colon)
    opening = segment(Article("b", "b.txt", "", '"Asked about it, he left." Throwing "the ball," Smith said.'))
    assert [q.speaker for q in article_quotes(opening)] == ["Smith", "Smith"]
