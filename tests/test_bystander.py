"""Where a sentence names an actor but says nothing of it (compare/analyze/framing/bystander.py):
real sentences of news stories whose tone went to the wrong actor (blind reading 8, BASIL dev)."""

from __future__ import annotations

import pytest

from compare import target_tone
from compare.analyze.framing.bystander import bystander
from compare.analyze.framing.tone import tone_at
from compare.settings import Settings
from tests.test_stance import framed


def _at(text: str, target: str) -> tuple[int, int]:
    start = text.index(target)
    return start, start + len(target)


def test_a_place_that_names_a_wars_setting_gets_no_tone() -> None:
    """FNC-1 fnc-110:0: the sentence is about Brian Williams's story; the model read Iraq unfavourable."""
    text = (
        "As a series of ex-soldiers come forward to criticize Brian Williams for his 'stolen valor' Iraq war "
        "story, it is being reported that top level executives at NBC News had known the tale was fake."
    )
    assert bystander(text, *_at(text, "Iraq"), "unfavourable") == "setting"
    assert tone_at(text, *_at(text, "Iraq")).tone == "neutral"
    assert tone_at(text, *_at(text, "Brian Williams")).tone == "unfavourable"  # the man, not the place
    during = (  # fnc-110:11
        "Retraction: NBC anchor Brian Williams has been forced to admit that he wasn't aboard a helicopter hit and "
        "forced down by enemy fire during the 2003 invasion of Iraq, as he claimed in a broadcast on Friday."
    )
    assert bystander(during, *_at(during, "Iraq"), "unfavourable") == "setting"
    assert tone_at(during, *_at(during, "Iraq")).tone == "neutral"
    mine = "As president, I'll end Obama's war on religion."  # the war is the actor's own: it stays
    assert bystander(mine, *_at(mine, "Obama"), "unfavourable") is None


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (  # BASIL 2ec04201, Fox News
            "Obama campaign spokeswoman Lis Smith described the new Romney-Ryan ad on the subject as "
            "“dishonest and hypocritical,” considering Ryan’s own proposals for Medicare.",
            "Obama",
        ),
        (  # BASIL 97b1305c, Fox News
            "Fellow St. Louis Tea Party organizer Dana Loesch accused the NAACP of morphing into a political organization.",
            "Tea Party",
        ),
        (  # BASIL 2058ec60, Fox News
            "Wal-Mart lawyer Theodore Boutrous argued that every member of the class couldn't possibly meet a "
            "standard of commonality to justify the lawsuit.",
            "Wal-Mart",
        ),
    ],
)
def test_an_actor_that_only_says_whose_spokesperson_speaks_gets_no_tone(text: str, actor: str) -> None:
    """What the spokeswoman, organiser or lawyer says is the actor's view of others."""
    assert bystander(text, *_at(text, actor), "unfavourable") == "voice"
    assert tone_at(text, *_at(text, actor)).tone == "neutral"
    assert target_tone(text, actor) == "neutral"


def test_the_accused_still_gets_the_spokespersons_words() -> None:
    text = "Fellow St. Louis Tea Party organizer Dana Loesch accused the NAACP of morphing into a political organization."
    assert bystander(text, *_at(text, "NAACP"), "unfavourable") is None
    members = "Tea Party members have challenged claims that their activists accosted black lawmakers in March."
    assert bystander(members, *_at(members, "Tea Party"), "unfavourable") is None  # members are no spokespeople


def test_the_actor_compared_against_gets_no_favourable_tone() -> None:
    """FNC-1 fnc-1534:21 (blind reading 8: Netflix favourable, unsupported): the praise is HBO's."""
    text = "HBO makes the case that it has more original programming than Netflix and a better, more current film library."
    assert bystander(text, *_at(text, "Netflix"), "favourable") == "compared"
    assert tone_at(text, *_at(text, "Netflix")).tone == "neutral"
    assert bystander(text, *_at(text, "HBO"), "favourable") is None


def test_praise_only_the_quotations_give_is_the_speakers_rhetoric() -> None:
    """BASIL 97566c74 (the Times and Fox News): "United States" favourable from Trump's "make
    America great again!", an actor neither article names in its own words."""
    quote = "“I must leave all of my options open because, above all else, we must make America great again!” he said."
    stances = framed(
        f"Donald Trump said on Tuesday that he was bowing out of the Newsmax debate. {quote}",
        f"Donald Trump will not moderate the debate after all. {quote}",
        settings=Settings(),
    )
    for article in "ab":
        assert stances[("United States", article)].tone == "neutral"
    own = framed(  # named in the article's own words too: the praise is the article's choice
        f"Donald Trump said that the United States needs a strong leader. {quote}",
        f"Donald Trump spoke of the United States. {quote}",
        settings=Settings(),
    )
    assert own[("United States", "a")].tone == "favourable"


def test_a_countrys_adjective_before_a_business_is_not_the_country() -> None:
    """FNC-1 fnc-1965:23 (blind reading 8: Israel unfavourable in a column defending it)."""
    text = (
        "The flooding was today compounded after an Israeli power company cut electricity to two of Gaza’s "
        "major West Bank cities."
    )
    assert bystander(text, *_at(text, "Israeli"), "unfavourable") == "company"
    assert tone_at(text, *_at(text, "Israeli")).tone == "neutral"
    own = "But good women will not run for office if Newsweek magazine can do this to such a prominent politician."
    assert bystander(own, *_at(own, "Newsweek"), "unfavourable") is None  # the magazine is Newsweek


def _cue_words(text: str, target: str) -> list[str]:
    result = tone_at(text, *_at(text, target))
    return [text[a:b] for a, b in result.cues]


def test_a_denial_is_the_actors_answer_not_a_word_of_its_portrayal() -> None:
    """FNC-1 fnc-1965:18: "denied" was marked as the unfavourable word said of Israel."""
    text = "“Israeli officials categorically denied they were to blame while speaking to VICE News on Monday.”"
    assert "denied" not in _cue_words(text, "Israeli")


def test_the_word_that_qualifies_the_noun_before_the_actor_is_not_said_of_it() -> None:
    """FNC-1 fnc-1965:4: the coverage is biased, not Israel; criticism of Israel is said of it."""
    text = "There are moments when biased coverage of Israel goes beyond mere opinion."
    assert "biased" not in _cue_words(text, "Israel")
    harsh = "The report drew harsh criticism of Israel from the committee."
    assert _cue_words(harsh, "Israel")
