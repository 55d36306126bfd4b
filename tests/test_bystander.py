"""Where a sentence names an actor but says nothing of it (compare/analyze/framing/bystander.py):
real sentences of news stories whose tone went to the wrong actor (blind reading 8, BASIL dev)."""

from __future__ import annotations

import pytest

from compare import target_tone
from compare.analyze.framing.bystander import bystander
from compare.analyze.framing.tone import tone_at


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


def test_praise_in_a_clause_of_condition_is_not_the_actors() -> None:
    """BASIL df5fe55a, Fox News (blind reading 8: Congress favourable, unsupported)."""
    text = (
        "Speaking to reporters at a joint appearance with Polish President Bronislaw Komorowski, Obama said "
        "economists predict higher job growth in 2011 and 2012 if Congress passes the agreement and urged "
        'lawmakers to examine the details of the deal and "get this done."'
    )
    assert bystander(text, *_at(text, "Congress"), "favourable") == "condition"
    assert tone_at(text, *_at(text, "Congress")).tone == "neutral"
    reproach = (  # BASIL 550b80, Fox News: a condition that reproaches stays unfavourable
        "But good women will not run for office if Newsweek magazine can do this to such a prominent politician "
        'and get away with it," O\'Neill said.'
    )
    assert bystander(reproach, *_at(reproach, "Newsweek"), "unfavourable") is None


def test_the_actor_compared_against_gets_no_favourable_tone() -> None:
    """FNC-1 fnc-1534:21 (blind reading 8: Netflix favourable, unsupported): the praise is HBO's."""
    text = "HBO makes the case that it has more original programming than Netflix and a better, more current film library."
    assert bystander(text, *_at(text, "Netflix"), "favourable") == "compared"
    assert tone_at(text, *_at(text, "Netflix")).tone == "neutral"
    assert bystander(text, *_at(text, "HBO"), "favourable") is None
