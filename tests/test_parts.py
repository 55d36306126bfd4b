"""Sub-sentence alignment: a quotation or a clause links on its own (compare/parts.py, compare/align.py)."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import body_sentences

from compare import compare
from compare.align import align
from compare.parts import (
    closing_mark,
    find_parts,
    is_label,
    part_texts,
    quotation_spans,
    sentence_parts,
    sentence_quotations,
)
from compare.settings import Settings
from compare.similarity import story_names


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_parts(text)]


def test_a_quotation_and_what_follows_its_attribution_are_parts() -> None:
    text = (
        '"Let\'s take the lemons and turn it into lemonade," she said, adding that the party would regroup.'
    )
    assert _texts(text) == [
        "Let's take the lemons and turn it into lemonade",
        "adding that the party would regroup",
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Stone was charged with seven counts; his lawyer said he would plead not guilty.",
            ["Stone was charged with seven counts", "his lawyer said he would plead not guilty"],
        ),
        (
            "The Senate passed the bill on Tuesday, but the House has not scheduled a vote on it.",
            ["The Senate passed the bill on Tuesday", "but the House has not scheduled a vote on it"],
        ),
        (
            "Officials said «the talks will resume in Geneva next week» after the break.",
            ["the talks will resume in Geneva next week"],
        ),
        ("He called it ‘a very serious breach of trust’ on Monday.", ["a very serious breach of trust"]),
        (  # a list of examples, which another outlet may give on its own
            "Clinton urged them to expand cooperation in areas such as missile defense, narcotics control and arms limits.",
            ["Clinton urged them to expand cooperation in areas", "missile defense, narcotics control and arms limits"],
        ),
        (
            "The bill covers several programs, including school meals, food stamps and farm credit.",
            ["The bill covers several programs", "school meals, food stamps and farm credit"],
        ),
    ],
)
def test_clauses_split_at_strong_breaks_and_quotation_marks(text: str, parts: list[str]) -> None:
    assert _texts(text) == parts


def test_no_parts_in_short_sentences_lists_or_apostrophes() -> None:
    assert sentence_parts("It's wrong.") == ()
    # A comma before "and" ends a list more often than a clause: no split.
    assert (
        _texts(
            "Clinton named missile defense, narcotics, and conventional forces as areas of shared interest."
        )
        == []
    )
    # An apostrophe inside a word opens no quotation.
    assert (
        _texts("The leaders’ summit in Lisbon was the alliance’s first since the Russian war in Georgia.")
        == []
    )


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('The new 12" MacBook weighs two pounds, and Apple says "it is the future of the notebook."', ["it is the future of the notebook"]),
        ('A 15" screen and a 13" screen.', []),
        ('He said "the 12" model sells" today.', ['the 12" model sells']),
    ],
)
def test_an_inch_mark_opens_and_closes_no_quotation(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in quotation_spans(text)] == quoted


def test_a_part_is_at_most_three_quarters_of_its_sentence() -> None:
    text = 'She told Lavrov in New York "the United States does not believe that NATO and Russia are adversaries."'
    assert _texts(text) == ["the United States does not believe that NATO and Russia are adversaries"]
    text = 'She said "the United States does not believe that NATO and Russia are adversaries" yesterday.'
    assert sentence_parts(text) == ()  # 12 of 15 words: the whole sentence is the match
    assert sentence_parts('He said "the talks on missile defense with Russia were very positive."') == ()


LONG = (
    "Pelosi, who lost the vote by a wide margin, told her caucus on Wednesday: "
    '"Let\'s take the lemons and turn them into lemonade," according to two people in the room.'
)
SHORT = '"Let\'s take the lemons and turn them into lemonade," she said.'


@pytest.mark.parametrize("semantic", [True, False], ids=["default", "lexical"])
def test_a_quotation_links_to_the_long_sentence_that_carries_it_and_the_part_is_marked(
    semantic: bool,
) -> None:
    sentences = body_sentences([
        [LONG, "The party will meet again in January to choose its leaders for the new Congress."],
        [SHORT, "Republicans won a majority in the House in the midterm elections on Tuesday."],
    ])
    settings = Settings(semantic=semantic)
    result = align(sentences, settings)
    assert result.groups == ((0, 2),)
    start, end = result.parts[0]
    assert LONG[start:end] == "Let's take the lemons and turn them into lemonade"
    assert 2 not in result.parts  # the short sentence matched as a whole
    # The part scores well above the whole sentence, which carries much more than the quotation.
    whole = align(sentences, Settings(semantic=semantic, part_min_words=1000))
    assert result.similarity(0, 2) >= whole.similarity(0, 2) + settings.part_margin
    assert whole.parts == {}


def test_names_and_attribution_alone_never_link() -> None:
    sentences = body_sentences([
        ["Justice Antonin Scalia was unconvinced by the lawyer's argument.", "Justice Ginsburg asked."],
        ["Ginsburg asked.", "Scalia said the class was far too large to be certified as one."],
    ])
    for semantic in (True, False):
        groups = align(sentences, Settings(semantic=semantic)).groups
        assert all(not {1, 2} <= set(g) for g in groups), groups


def test_a_part_that_is_only_a_name_or_label_never_links() -> None:
    # A blind reader's finding (BASIL 450755dd): the quoted name matched as a part and joined
    # a sentence on who had the idea with one on Bachmann rallying her followers.
    labelled = 'Bachmann asked her followers to turn out on what became an unofficial "Chick-fil-A Appreciation Day."'
    sentences = body_sentences([
        ["Chick-fil-A Appreciation Day – as it is being called – was the idea of the former governor Mike Huckabee."],
        [labelled, "The governor used his radio show to organize an appreciation day for the chain on Wednesday."],
    ])
    assert "Chick-fil-A Appreciation Day" in _texts(labelled)  # a part of its sentence ...
    for semantic in (True, False):
        result = align(sentences, Settings(semantic=semantic, lead_sentences=0))
        assert result.parts == {} and result.similarity(0, 1) < 1.0  # ... that never links on its own
    # With embeddings (and the sentences not compared as leads), nothing else joins the two.
    assert align(sentences, Settings(lead_sentences=0)).groups == ()
    assert is_label("Chick-fil-A Appreciation Day") and is_label("Speaker of the House")
    assert is_label("Glenn Beck CPAC 2010 Speech VIDEO")
    assert not is_label("We would like to cooperate with Russia")


def test_the_example_story_marks_the_matched_parts_in_json_and_html(example: Any) -> None:
    from reports import render_html

    marked = {
        p.sentence: example.sentence(p.sentence).text[p.start : p.end]
        for g in example.groups
        for p in g.parts
    }
    # Each marked part is what its group shares: Rasmussen's quote; Clinton's list of areas
    # (after "such as" and after a colon); the specific steps she named (exercises, early warning).
    assert marked == {
        "bloomberg:11": "We would like to cooperate with Russia also when it comes to territorial missile defense",
        "moscow-times:1": "missile defense, military doctrines, narcotics control and conventional arms limits in Europe",
        "state-dipnote:6": "missile defense, military transparency, counter-narcotics, and a modernized conventional "
        "arms control regime",
        "moscow-times:8": "resuming missile defense exercises and linking NATO's and Russia's early warning radar "
        "systems, agreeing on a joint counter-narcotics strategy, updating the European conventional arms treaty "
        "and enhancing military transparency between the alliance and Moscow",
        "rferl:9": "saying the alliance should endorse a plan by November to resume missile-defense exercises and "
        "explore ways to link early warning systems",
    }
    record = next(g for g in example.to_dict()["groups"] if g["parts"])
    assert set(record["parts"][0]) == {"sentence", "start", "end"}
    page = render_html(example)
    assert (
        '<u class="part">We would like to cooperate with Russia also when it comes to territorial missile defense</u>'
        in page
    )
    assert "an underlined part" in page


def test_a_marked_part_is_escaped() -> None:
    from reports import render_html

    result = compare(
        texts=[
            LONG.replace("lemons", "<b>lemons</b>") + " The party will meet again in January to choose its leaders.",
            SHORT.replace("lemons", "<b>lemons</b>") + " Republicans won a majority in the House on Tuesday.",
        ]
    )
    assert any(g.parts for g in result.groups)
    page = render_html(result)
    assert '<u class="part">' in page.split("</style>", 1)[1]
    assert "<b>lemons" not in page
    assert '<u class="part">Let&#39;s take the &lt;b&gt;lemons&lt;/b&gt; and turn them into lemonade</u>' in page


def test_a_clause_that_only_says_who_spoke_is_no_part() -> None:
    # Blind review of session 14 (BASIL 2058ec60): the clause before ", saying" linked the Times'
    # sentence to HuffPost's on another statement of the same justice (0.49): two statements of
    # one person in one group.  "justice" is no name in that story (the Times writes "The chief
    # justice"), so the clause held two words beyond names and attribution.
    agreed = (
        "Justice Ruth Bader Ginsburg agreed, saying that companies had a responsibility to make sure "
        "that women were treated fairly in local workplaces."
    )
    sentences = body_sentences([[agreed, "The chief justice also asked Mr. Sellers about the statistics."]])
    names = frozenset({"ruth", "bader", "ginsburg", "sellers"})
    assert "Justice Ruth Bader Ginsburg agreed" in _texts(agreed)  # a clause of its sentence ...
    found = find_parts(sentences, [True, True], {}, Settings(), names)
    assert "Justice Ruth Bader Ginsburg agreed" not in found.texts  # ... that never links on its own


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # Fox, BASIL b4dbeda7: a straight opening mark closed by a curly one
        ('"The fact is that every day that passes, Iran gets closer to a nuclear bomb,” Netanyahu says.',
         ["The fact is that every day that passes, Iran gets closer to a nuclear bomb"]),
        # a curly opening mark closed by a straight one
        ("“We will see,\" he said, and left.", ["We will see"]),
        # a straight pair inside a curly pair stays inside it, and a curly pair inside a straight one
        ('He said “it is "fine" here” today.', ['it is "fine" here']),
        ('"The president called it a “witch hunt,” and it is not," Giuliani said on Sunday.',
         ["The president called it a “witch hunt,” and it is not"]),
    ],
)
def test_mixed_quotation_marks_close_a_quotation(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_quotations(text)] == quoted


def test_the_parts_embedded_ahead_hold_every_part_the_aligner_keeps(example: Any) -> None:
    # compare() embeds part_texts() with the sentences, on the other core, before the aligner finds
    # its parts (find_parts knows the story's names and which sentences link): a part missing from
    # part_texts would be embedded after the sentences, alone, while the aligner waits.
    sentences = [s for a in example.articles for s in a.sentences]
    ahead = part_texts(sentences, Settings())
    kept = find_parts(sentences, [True] * len(sentences), {}, Settings(), story_names(sentences))
    assert len(set(ahead)) == 36 and set(kept.texts) <= set(ahead)


def test_the_parts_embedded_ahead_do_not_know_the_story_s_names() -> None:
    # The clause of who spoke, which find_parts leaves out once it knows "Ginsburg" is a name of the
    # story (test above), is embedded ahead all the same: a superset costs a text, never a part.
    agreed = "Justice Ruth Bader Ginsburg agreed, saying that companies had a responsibility to make sure."
    sentences = body_sentences([[agreed]])
    names = frozenset({"ruth", "bader", "ginsburg"})
    assert "Justice Ruth Bader Ginsburg agreed" in part_texts(sentences, Settings())
    assert "Justice Ruth Bader Ginsburg agreed" not in find_parts(sentences, [True], {}, Settings(), names).texts


def test_a_run_of_straight_quotation_marks_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each straight mark that opens a quotation closes at the next one; the curly ” that may close
    it first is looked for (parts._unnested) only before that mark.  It was looked for to the end of
    the text each time: a paragraph of 20,000 straight marks took minutes (the framing reads
    quotations over whole paragraphs, which no sentence limit cuts).  Counted: the characters
    _unnested is given to read, at most the run's length in all (to the end each time: the square)."""
    from compare import parts
    from compare.analyze.quotes import quotes_by_sentence
    from compare.models import Article
    from compare.pipeline import prepare

    assert closing_mark('"a “b,” c," d', 1, '"') == 10 and closing_mark('"a ” b" c', 1, '"') == 3
    unnested, read = parts._unnested, [0]

    def counted(text: str, start: int, end: int | None) -> int:
        read[0] += (len(text) if end is None else end) - start
        return unnested(text, start, end)

    monkeypatch.setattr(parts, "_unnested", counted)
    parts.quotation_spans.cache_clear()
    run = '"' * 2_000
    assert len(quotation_spans(run)) == 1_000
    article = prepare(Article("a", "a.txt", "", f"Officials said a fire broke out.\n\n{run}\n\nNobody was hurt."))
    assert quotes_by_sentence(article) == {}
    assert read[0] <= len(run)  # none here; to the end of the text for each mark, 2,000,000
