"""Whose words a framing row's evidence is (compare/analyze/framing/voice.py): the outlet's own
narration, or a quotation or paraphrase of a named speaker; and an unfavourable tone needs the
outlet's own words (Settings.tone_own_sentences).  Sentences from the example story and from
news stories (Fox News and The New York Times, 2010 and 2012)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from compare import Comparison, compare
from compare.analyze.framing import credit
from compare.analyze.framing.voice import OWN, QUOTE, REPORTED, Voice, voice_of
from compare.lexicon import load_lexicon
from compare.settings import Settings
from reports.html import render_html
from reports.jsonout import render_json
from tests.test_framing import EXAMPLE
from tests.test_stance import framed, make_article


@pytest.fixture(scope="module")
def example() -> Comparison:
    return compare(sorted(str(p) for p in EXAMPLE.glob("*.txt")))


def voice_at(text: str, word: str, other: str) -> Voice:
    """The voice of ``word`` in the one sentence of article "a" (``other``: article "b", naming the actors)."""
    articles = [make_article("a", text), make_article("b", other)]
    spans = credit(articles, load_lexicon(), Settings()).voices.get("a:0", ())
    at = text.index(word)
    return voice_of(spans, [(at, at + len(word))])


NAACP = "The NAACP met Tea Party leaders in Kansas City."
ACCUSED = (
    "Fellow St. Louis Tea Party organizer Dana Loesch accused the NAACP of morphing into a political organization. "
    'Dennis accused the NAACP of playing the "race card" and called the organization "irrelevant."'
)


def test_criticism_only_in_the_words_of_others_is_no_unfavourable_tone() -> None:
    """Two accusations the outlet reports are the accusers' view of the NAACP, each said so in the
    evidence; without a sentence of the outlet's own, the tone is not "unfavourable"."""
    settings = replace(Settings(), tone_unfavourable_net=2, tone_unfavourable_net_named=2)
    assert settings.tone_own_sentences == 1
    naacp = framed(ACCUSED, NAACP, settings=settings)[("NAACP", "a")]
    assert naacp.tone == "neutral"
    before = framed(ACCUSED, NAACP, settings=replace(settings, tone_own_sentences=0))[("NAACP", "a")]
    assert before.tone == "unfavourable"  # what the report said before the voices were read
    assert [(v.sentence, v.voice, v.speaker) for v in before.voices] == [
        ("a:0", REPORTED, "Dana Loesch"),
        ("a:1", REPORTED, "Dennis"),
    ]


def test_the_same_criticism_in_the_outlets_own_words_is_unfavourable() -> None:
    settings = replace(Settings(), tone_unfavourable_net=1, tone_unfavourable_net_named=1)
    other = "Benjamin Netanyahu met Donald Trump."
    own = framed("Benjamin Netanyahu is a liar and a disgrace.", other, settings=settings)[("Benjamin Netanyahu", "a")]
    assert (own.tone, [v.voice for v in own.voices]) == ("unfavourable", [OWN])
    for text in (
        '"Benjamin Netanyahu is a liar and a disgrace," Donald Trump said.',
        "Donald Trump said Benjamin Netanyahu was a liar and a disgrace.",
        "Benjamin Netanyahu is a liar and a disgrace, Donald Trump said.",
    ):
        assert framed(text, other, settings=settings)[("Benjamin Netanyahu", "a")].tone == "neutral", text


def test_reported_condemnation_is_the_speakers() -> None:
    text = "Top Senate leaders including Senate Republican Leader Mitch McConnell have condemned Akin's comments."
    voice = voice_at(text, "condemned", "Mitch McConnell met Todd Akin in Washington.")
    assert (voice.kind, voice.speaker) == (REPORTED, "Mitch McConnell")


def test_a_quotation_is_the_speaker_the_text_names_not_an_actor_beside_it() -> None:
    """"the NAACP's Washington bureau" names the United States after the quotation: the speaker is Shelton."""
    text = (
        'Debate was mostly closed to the public, but the final version "calls on the tea party and all people of good '
        'will to repudiate the racist element and activities within the tea party," said Hilary Shelton, director of '
        "the NAACP's Washington bureau."
    )
    voice = voice_at(text, "racist", NAACP + " Washington was quiet.")
    assert voice.kind == QUOTE
    assert voice.speaker == "Shelton"


def test_according_to_names_a_source_only_after_a_comma() -> None:
    text = "The base also effectively serves as a cap on benefits because they are calculated according to a worker's contributions over his or her lifetime."
    assert voice_at(text, "cap", "The AARP met Social Security officials.").kind == OWN
    sourced = "He obtained at least five military deferments from 1965 to 1970, according to records."
    voice = voice_at(sourced, "deferments", "Richard Blumenthal met Linda McMahon.")
    assert (voice.kind, voice.speaker) == (REPORTED, "records")


def test_the_example_keeps_its_evidence_and_says_whose_words_it_is(example: Comparison) -> None:
    stances = {(s.actor, s.article): s for s in example.stances}
    rferl, bloomberg = stances[("Russia", "rferl")], stances[("Russia", "bloomberg")]
    assert (rferl.label, rferl.evidence) == ("reluctant", ("rferl:5", "rferl:0", "rferl:17"))
    assert [(v.voice, v.speaker) for v in rferl.voices] == [
        (OWN, None),  # "Moscow has not yet said it will attend"
        (OWN, None),  # the headline
        (REPORTED, "Anders Fogh Rasmussen"),  # "Rasmussen said cooperation ... even though sticking points remain"
    ]
    assert (bloomberg.label, bloomberg.evidence) == ("cooperative", ("bloomberg:14", "bloomberg:13"))
    assert [(v.voice, v.speaker) for v in bloomberg.voices] == [(QUOTE, "Dmitry Medvedev"), (REPORTED, "Dmitry Medvedev")]
    nato = stances[("NATO", "bloomberg")]
    six = nato.voice("bloomberg:6")  # 'NATO doesn't view Russia as an enemy, and ..., Rasmussen said.'
    assert six is not None and (six.voice, six.speaker) == (REPORTED, "Anders Fogh Rasmussen")


def test_the_json_and_the_html_say_whose_words_the_evidence_is(example: Comparison) -> None:
    records = json.loads(render_json(example))["stances"]
    for record in records:
        assert [v["sentence"] for v in record["voices"]] == record["evidence"] + record["tone_evidence"]
        assert {v["voice"] for v in record["voices"]} <= {"own", "quote", "reported"}
    page = render_html(example)
    assert '<span class="voice">quoting Dmitry Medvedev</span>' in page
    assert '<span class="voice">paraphrasing Anders Fogh Rasmussen</span>' in page


def test_a_tone_shown_only_in_quoted_words_says_so() -> None:
    """A favourable tone may rest on the quotations an article chose (BASIL's annotators counted
    one such portrayal as favourable), but the cell says that it does."""
    from reports.views import EvidenceView, StanceCell, voice_text

    quoted = EvidenceView("a-0", "Faith made America strong.", "NYT", 1, voice=voice_text("quote", "Perry"))
    own = EvidenceView("a-1", "America is strong.", "NYT", 2, voice=voice_text("own", None))
    cell = StanceCell("United States", "NYT", "neutral", 0.0, 0, 0, (), tone="favourable", tone_evidence=(quoted,))
    assert quoted.voice == "quoting Perry" and own.voice is None
    assert cell.tone_in_others_words
    assert not replace(cell, tone_evidence=(quoted, own)).tone_in_others_words
    assert not replace(cell, tone="neutral").tone_in_others_words


def test_an_owned_criticism_is_its_owners_and_charges_defended_against_are_others() -> None:
    """"his criticism of ... the president's policy" is Santorum's view, not the outlet's; the
    charges a person defends himself against are not his own words."""
    text = (
        "Mr. Santorum also defended his criticism of a requirement in the president’s health-care policy "
        "that insurance companies to cover prenatal testing."
    )
    voice = voice_at(text, "criticism", "Rick Santorum met Barack Obama.")
    assert (voice.kind, voice.speaker) == (REPORTED, "Rick Santorum")
    text = (
        "UPDATE: Richard Blumenthal defended himself against charges that he repeatedly made misleading comments "
        "about his military service during a press conference on Tuesday afternoon."
    )
    voice = voice_at(text, "misleading", "Richard Blumenthal met Linda McMahon.")
    assert (voice.kind, voice.speaker) == (REPORTED, None)


def test_praise_reported_with_its_quoted_words_is_the_praisers() -> None:
    text = 'Trump went on to praise Gingrich and Santorum for "having the courage, conviction, and confidence" to agree to the debate.'
    articles = [make_article("a", text), make_article("b", "Donald Trump met Newt Gingrich and Rick Santorum.")]
    spans = credit(articles, load_lexicon(), Settings()).voices["a:0"]
    cues = [(text.index(w), text.index(w) + len(w)) for w in ("praise", "courage", "confidence")]
    voice = voice_of(spans, cues)
    assert voice.kind == REPORTED and voice.speaker is not None and "Trump" in voice.speaker
    text = "The backlash built quickly over the weekend as some prominent conservatives called for Steele's resignation."
    voice = voice_at(text, "resignation", "Michael Steele met Jim DeMint.")
    assert (voice.kind, voice.speaker) == (REPORTED, "some prominent conservatives")


def test_what_a_speaker_argued_or_insisted_is_the_speakers() -> None:
    """'X argued that ...', 'X insisted that ...': the rest of the sentence is X's (reported
    speech without "said", where the clause does not end at the verb)."""
    text = (
        "Wal-Mart lawyer Theodore Boutrous argued that every member of the class couldn't possibly meet a "
        "standard of commonality to justify the lawsuit."
    )
    voice = voice_at(text, "justify", "Theodore Boutrous met Wal-Mart lawyers.")
    assert voice.kind == REPORTED and voice.speaker is not None and "Boutrous" in voice.speaker
    text = "House Republicans have argued that the procedural votes don't take up very much time."
    voice = voice_at(text, "votes", "House Republicans met Democrats.")
    assert (voice.kind, voice.speaker) == (REPORTED, "Republicans")
