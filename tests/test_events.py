"""Whether articles report the same event (compare/analyze/events.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import combinations
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from compare import Settings, compare
from compare.analyze import event_places
from compare.analyze.event_places import containers, countries, nested, place_regions
from compare.analyze.event_profile import BODY_DATE_SENTENCES, event_profile
from compare.analyze.event_sets import events_of
from compare.analyze.events import days_between, judge, lead_score
from compare.models import Pair
from compare.pipeline import compare_prepared

SAME_EVENT = {"moscow-times", "rferl", "state-dipnote"}


def test_the_example_story_has_three_events(example: Any) -> None:
    events = [set(e.articles) for e in example.events]
    assert sorted(events, key=len) == [{"bloomberg"}, {"rt"}, SAME_EVENT] or sorted(events, key=len) == [
        {"rt"},
        {"bloomberg"},
        SAME_EVENT,
    ]
    (meeting,) = (e for e in example.events if len(e.articles) == 3)
    assert len(meeting.evidence) == 3
    assert all("22 Sep" in reason and "New York" in reason for reason in meeting.evidence)
    data = example.to_dict()
    assert [set(e["articles"]) for e in data["events"]] == events
    assert {p["relation"] for p in data["pairs"]} <= {"same_event", "follow_up", "same_kind", "different"}


def test_a_pair_gets_the_same_verdict_alone(example: Any) -> None:
    """The verdict on a pair does not depend on which other articles are given (--pair)."""
    together = {frozenset((p.a, p.b)): (p.same_event, p.relation, p.reason) for p in example.pairs}
    for a, b in combinations([x.id for x in example.articles], 2):
        (alone,) = compare_prepared(example.articles, example.settings, chosen=[(a, b)]).pairs
        assert together[frozenset((a, b))] == (alone.same_event, alone.relation, alone.reason), (a, b)


def test_the_reason_names_days_and_places(example: Any) -> None:
    pair = next(p for p in example.pairs if {p.a, p.b} == {"bloomberg", "rferl"})
    assert not pair.same_event
    assert "3 Nov in Moscow" in pair.reason and "22 Sep in New York" in pair.reason
    rt = next(p for p in example.pairs if {p.a, p.b} == {"rt", "state-dipnote"})
    assert rt.reason.startswith("different events") and "23 Feb 2010" in rt.reason


def test_no_contradiction_across_events(example: Any) -> None:
    """A group joining two events is "diverge" only for a difference inside one event."""
    event_of = {a: e.id for e in example.events for a in e.articles}
    across = [g for g in example.groups if len(g.events) > 1]
    assert across, "the example's Bloomberg article shares claims with the meeting's articles"
    for group in across:
        if group.kind != "diverge":
            continue
        assert any(
            len({event_of[sid.rsplit(":", 1)[0]] for sid, _ in d.values}) < len({sid.rsplit(":", 1)[0] for sid, _ in d.values})
            for d in group.differences
        ), group.id
    missile = next(g for g in across if any("territorial missile defense" in example.sentence(m).text for m in g.members))
    assert missile.kind != "diverge"


def _article(text: str, published: str | None, id_: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": id_, "text": text}
    if published:
        record["date"] = published
    return record


QUAKE_A = (
    "Quake Hits Northern Chile\n\n"
    "SANTIAGO -- A magnitude 7.7 earthquake struck northern Chile on Tuesday near the town of Tocopilla, "
    "killing two people and damaging hundreds of homes. Officials in Antofagasta said power was cut. "
    "President Michelle Bachelet flew to Tocopilla to inspect the damage."
)
QUAKE_B = (
    "Deadly earthquake shakes Chile's north\n\n"
    "A powerful earthquake of magnitude 7.7 hit northern Chile near Tocopilla, killing two people. "
    "Bachelet visited Tocopilla, where hundreds of homes were damaged and power was cut in Antofagasta. "
    "Rescue teams searched the rubble."
)
QUAKE_C = (
    "Quake Rattles Indonesia\n\n"
    "JAKARTA -- A magnitude 6.1 earthquake struck off the coast of Sumatra on Friday, damaging homes in Padang. "
    "Officials in Bengkulu said there were no reports of deaths. "
    "President Susilo Bambang Yudhoyono ordered rescue teams to Padang."
)


def test_undated_articles_are_judged_on_what_they_report() -> None:
    chile = compare([_article(QUAKE_A, None, "a"), _article(QUAKE_B, None, "b")])
    (pair,) = chile.pairs
    assert pair.same_event, pair.reason
    other = compare([_article(QUAKE_A, None, "a"), _article(QUAKE_C, None, "c")])
    (pair,) = other.pairs
    assert not pair.same_event
    assert pair.relation in {"same_kind", "different"}


def test_the_first_word_of_a_quotation_is_not_an_actor() -> None:
    """Blind reading 10 (FNC-1 s0119): "same event: Roche, I'm" came from two quotations opening
    with "I'm"; a capitalised stopword is no name, whatever its place in the sentence."""
    quote = ' "I\'m not proud of it," Matt Roche said. "I\'m fine," Matt Roche told reporters.'
    a, b = (event_profile(x) for x in compare([_article(QUAKE_A + quote, None, "a"), _article(QUAKE_B + quote, None, "b")]).articles)
    assert "Matt Roche" in a.actors and "Matt Roche" in b.actors
    assert "I'm" not in a.actors
    assert "I'm" not in judge(a, b, Settings()).reason


def test_weekdays_resolve_against_the_publication_date() -> None:
    settings = Settings()
    first = compare([_article(QUAKE_A, "2007-11-14", "a"), _article(QUAKE_B, "2007-11-14", "b")])
    profile = event_profile(first.article("a"))
    assert profile.day == date(2007, 11, 13)  # "on Tuesday", published Wednesday 14 November
    assert profile.where == "Santiago"
    later = event_profile(compare([_article(QUAKE_B, "2007-12-20", "b"), _article(QUAKE_C, None, "c")]).article("b"))
    verdict = judge(profile, later, settings)
    assert not verdict.same_event and verdict.relation == "follow_up"
    assert "13 Nov 2007 in Santiago" in verdict.reason and "20 Dec 2007" in verdict.reason


def test_an_undated_article_skips_a_background_date() -> None:
    """In an undated article, the first date of the body is the event's only when the article
    names no later year: an obituary's birth date is background (ECB+ topic 4)."""
    obituary = (
        "Pin-up icon dies\n\n"
        "The pin-up model, who was born on April 22, 1923, in Nashville, has died. "
        "She had suffered a heart attack earlier this month. "
        "Her photographs were reissued in 2008, and a film about her life followed."
    )
    articles = compare([_article(obituary, None, "a"), _article(QUAKE_A, None, "b")]).articles
    assert event_profile(articles[0]).day is None
    dated = obituary.replace("in 2008", "in 1998").replace("has died.", "died on Dec. 11, 2008.")
    articles = compare([_article(dated, None, "a"), _article(QUAKE_A, None, "b")]).articles
    assert event_profile(articles[0]).day is None  # 1923 is still the first date, and 2008 is later
    alone = obituary.replace(", and a film about her life followed", "").replace("in 2008", "in 1923")
    articles = compare([_article(alone, None, "a"), _article(QUAKE_A, None, "b")]).articles
    assert event_profile(articles[0]).day == date(1923, 4, 22)


HEIST_A = (
    "Thieves Raid Paris Jeweller\n\n"
    "PARIS -- Four armed robbers, two of them dressed as women, stole jewels worth 85 million euros from the "
    "Harry Winston store on Saturday. The gang threatened staff with a handgun and escaped in a waiting car. "
    "Police said nobody was hurt."
)
HEIST_B = (
    "Record Gem Heist\n\n"
    "Armed robbers disguised in wigs and dresses emptied the display cases of the Harry Winston boutique near "
    "the Champs-Elysees on Saturday, taking rings, necklaces and watches. Investigators believe the thieves had "
    "inside help. It is one of the largest jewel thefts in French history."
)


def test_undated_articles_naming_one_weekday_need_less_content() -> None:
    """Two undated articles that say their event fell on the same weekday need only
    ``same_event_close_threshold`` of content, as articles of close days do; another weekday
    does not lower the bar."""
    settings = Settings()
    a, b = (event_profile(x) for x in compare([_article(HEIST_A, None, "a"), _article(HEIST_B, None, "b")]).articles)
    assert a.weekday == b.weekday == 5
    verdict = judge(a, b, settings)
    assert settings.events.same_event_close_threshold <= verdict.score < settings.events.same_event_threshold
    assert verdict.same_event and verdict.reason == "same event: both leads report a robbery; on a Saturday, Harry Winston"  # both leads name him
    tuesday = HEIST_B.replace("on Saturday", "on Tuesday")
    a, c = (event_profile(x) for x in compare([_article(HEIST_A, None, "a"), _article(tuesday, None, "c")]).articles)
    assert c.weekday == 1 and not judge(a, c, settings).same_event
    dated = event_profile(compare([_article(HEIST_A, "2008-12-06", "a"), _article(HEIST_B, None, "b")]).article("a"))
    assert dated.weekday is None and dated.day == date(2008, 12, 6)  # the weekday resolved to a day


SHOOTING_A = (
    "Gunman kills two outside barber shop\n\n"
    "BROOKLYN -- A gunman shot two men dead outside a barber shop in East Flatbush late on Friday, police said. "
    "The victims were pronounced dead at Kings County Hospital. "
    "Detectives were searching for a man seen fleeing on a bicycle."
)
SHOOTING_B = (
    "Double killing\n\n"
    "Two young men were shot and killed on Friday in East Flatbush, outside a shop on Church Avenue, neighbours in Brooklyn said. "
    "The shooter ran away, according to witnesses. "
    "Residents held a vigil for the victims on Saturday."
)


def test_a_place_inside_the_other_is_not_elsewhere() -> None:
    """Two places differ (two events) unless one lies in the other: the borough and its
    neighbourhood; not the borough and a city abroad."""
    settings = replace(Settings(), events=replace(Settings().events, same_event_place_override=0.99))  # the places decide, whatever the content
    a, b = (event_profile(x) for x in compare([_article(SHOOTING_A, None, "a"), _article(SHOOTING_B, None, "b")]).articles)
    assert (a.where, b.where) == ("Brooklyn", "East Flatbush")
    verdict = judge(a, b, settings)
    assert verdict.same_event and verdict.reason == "same event: both leads report a killing; on a Friday, Brooklyn"
    elsewhere = SHOOTING_B.replace("East Flatbush", "Palermo").replace(", neighbours in Brooklyn said", "")
    a, c = (event_profile(x) for x in compare([_article(SHOOTING_A, None, "a"), _article(elsewhere, None, "c")]).articles)
    verdict = judge(a, c, settings)
    assert not verdict.same_event and verdict.reason == "different events: Brooklyn against Palermo"


def test_places_that_contain_each_other() -> None:
    """A city lies in its region and country (the GeoNames table), a venue in the place written
    after it; places side by side, or far apart, do not nest."""
    assert nested("Palermo", "Sicily") and nested("Sicily", "Palermo") and nested("Sydney", "Australia")
    assert nested("London", "Britain") and nested("Bali", "Indonesia") and nested("São Paulo", "Brazil")
    assert not nested("Brooklyn", "Sicily") and not nested("Sydney", "Bunbury") and not nested("Paris", "Texas")
    assert nested("Gaza City", "Gaza") and not nested("Oman", "Romania")
    assert "sicily" in containers("Palermo") and countries("Sydney") == {"australia"} and not containers("Pagliarelli")
    assert not containers("") and not containers("  ") and not containers("Sicil")  # a whole name only
    regions = place_regions(["He was found dead in Pagliarelli prison in the Sicilian capital of Palermo."], "Pagliarelli")
    assert regions == (("pagliarelli", "palermo"),)
    assert nested("Pagliarelli", "Sicily", regions) and not nested("Pagliarelli", "Sicily")
    assert place_regions(["Fighting in Aleppo killed dozens in Homs."], None) == ()


@given(
    st.text(alphabet="Aa, inPpark\n", max_size=40),
    st.sampled_from(["Aa", "a", "in", "Park", "A", ""]),
)
@example(", Aa, Aa in Aa Park in Aa, Pa", "aa")
@example("x", "")
def test_regions_are_read_as_one_pattern_would(text: str, place: str) -> None:
    """A place's regions are found without a pattern compiled for each place: what
    ``re.finditer(place + after, text)`` finds (the place case-insensitive), match for match."""
    for after, pattern in ((event_places._REGION_AFTER, event_places._REGION_AFTER_RE), (event_places._REGION_IN, event_places._REGION_IN_RE)):
        expected = [event_places._clean_place(m.group(1)) for m in re.finditer(f"(?i:{re.escape(place)})" + after, text)]
        assert list(event_places._regions_after(place, pattern, text)) == expected


PRISON_A = (
    "Mafia suspect found dead\n\n"
    "Gaetano Lo Presti was found hanged in Pagliarelli prison on Tuesday, hours after his arrest in Palermo, police said. "
    "The suspected Mafia boss was one of 99 people detained in the raid. "
    "He had been convicted of Mafia crimes before."
)
PRISON_B = (
    "Mafia boss hangs himself\n\n"
    "The alleged Mafia boss Gaetano Lo Presti hanged himself in jail, hours after he was arrested in a blitz, "
    "police in Sicily said Wednesday. The 52-year-old was found in his cell. "
    "Police had detained 99 suspects in the raid."
)


def test_a_place_the_table_does_not_know_lies_where_its_lede_says() -> None:
    """"Pagliarelli" (a prison) is unknown to the GeoNames table: the places of its article's lede
    ("in Palermo") locate it, so it is not elsewhere than "Sicily"; a place abroad still is."""
    settings = replace(Settings(), events=replace(Settings().events, same_event_place_override=0.99))
    a, b = (event_profile(x) for x in compare([_article(PRISON_A, None, "a"), _article(PRISON_B, None, "b")]).articles)
    assert (a.where, b.where) == ("Pagliarelli", "Sicily") and "Palermo" in a.places
    assert judge(a, b, settings).same_event
    abroad = PRISON_B.replace("police in Sicily", "police in Brooklyn")
    a, c = (event_profile(x) for x in compare([_article(PRISON_A, None, "a"), _article(abroad, None, "c")]).articles)
    assert judge(a, c, settings).reason == "different events: Pagliarelli against Brooklyn"


SPIDER_A = (
    "SYDNEY - An Australian man had a spider removed from under his skin after a holiday on the island of Bali, "
    "doctors said. The tiny spider got in through an appendix scar and lived there for three days. "
    "Dylan Thomas said he was glad it was all over."
)
SPIDER_B = (
    "BUNBURY, Australia - A West Australian man who found a mark on his stomach during a trip to Bali says doctors "
    "found a tropical spider under his skin. Dylan Thomas said the spider lived there for three days. "
    "It had crawled in through a scar."
)


def test_a_dateline_is_where_the_report_was_filed() -> None:
    """Two datelines of one country ("SYDNEY -" and "BUNBURY, Australia -") are where two reports
    of one event were filed, not two places of it; the same cities named in the text as where
    it happened are two places, and a dateline abroad is elsewhere."""
    settings = replace(Settings(), events=replace(Settings().events, same_event_place_override=0.99))
    a, b = (event_profile(x) for x in compare([_article(SPIDER_A, None, "a"), _article(SPIDER_B, None, "b")]).articles)
    assert (a.where, a.dateline, b.where, b.dateline) == ("Sydney", True, "Bunbury", True)
    assert judge(a, b, settings).same_event
    in_text = [t.replace("SYDNEY - An", "An").replace("doctors said", "doctors in Sydney said today") for t in (SPIDER_A,)]
    in_text += [SPIDER_B.replace("BUNBURY, Australia - A", "A").replace("says doctors", "says doctors in Bunbury today")]
    c, d = (event_profile(x) for x in compare([_article(in_text[0], None, "c"), _article(in_text[1], None, "d")]).articles)
    assert (c.where, c.dateline, d.where, d.dateline) == ("Sydney", False, "Bunbury", False)
    assert judge(c, d, settings).reason == "different events: Sydney against Bunbury"
    abroad = event_profile(compare([_article(SPIDER_A.replace("SYDNEY", "LONDON"), None, "e"), _article(SPIDER_B, None, "b")]).article("e"))
    assert judge(abroad, b, settings).reason == "different events: London against Bunbury"


def test_two_datelines_of_one_country_alone_are_two_places() -> None:
    """Two reports datelined in two cities of one country, neither naming the other's city nor a third
    place both name, are two events where their content falls short of the override: two explosions
    at chemical plants the same Tuesday, in Houston and in Baton Rouge."""
    houston = (
        "Explosion at chemical plant injures 12\n\n"
        "HOUSTON (AP) — An explosion tore through a chemical plant on Tuesday, injuring 12 workers and sending a plume "
        "of black smoke over the city, fire officials said. "
        "The blast happened shortly after 9 a.m. in a storage tank, Fire Chief Samuel Pena said. "
        "Residents within a mile of the plant were told to stay indoors."
    )
    baton_rouge = (
        "Blast at chemical plant hurts workers\n\n"
        "BATON ROUGE, La. (AP) — An explosion at a chemical plant on Tuesday injured several workers and sent black "
        "smoke into the sky, officials said. "
        "The blast occurred around 9 a.m. near a storage tank, a plant spokesman said. "
        "People living near the plant were told to stay inside."
    )
    a, b = (event_profile(x) for x in compare([_article(houston, None, "a"), _article(baton_rouge, None, "b")]).articles)
    assert (a.where, a.dateline, b.where, b.dateline) == ("Houston", True, "Baton Rouge", True)
    verdict = judge(a, b, Settings())
    assert verdict.reason == "different events: Houston against Baton Rouge" and not verdict.same_event
    # The Sydney report naming Bunbury is filed from Sydney on Bunbury's event.
    named = houston.replace("a chemical plant on Tuesday", "a chemical plant in Baton Rouge on Tuesday")
    c = event_profile(compare([_article(named, None, "c"), _article(baton_rouge, None, "b")]).article("c"))
    assert c.where == "Houston" and not judge(c, b, Settings()).reason.startswith("different events: Houston")
    # ... and so is one naming the region that holds it ("OKLAHOMA CITY - ... a town in Texas" on Corsicana).
    region = houston.replace("a chemical plant on Tuesday", "a chemical plant in Louisiana on Tuesday")
    d = event_profile(compare([_article(region, None, "d"), _article(baton_rouge, None, "b")]).article("d"))
    assert d.where == "Houston" and not judge(d, b, Settings()).reason.startswith("different events: Houston")

def test_a_name_of_two_places_is_the_one_its_article_s_other_places_are_in() -> None:
    """"Georgia" is a US state and a country: in an article whose lede names Tbilisi it is the country,
    and "ATLANTA (AP) -" is another place; in one whose lede names Atlanta it is the state, which holds
    Atlanta."""
    atlanta = (
        "Thousands march against new law\n\n"
        "ATLANTA (AP) — Thousands of people marched on Saturday against a new law on foreign funding of news media, "
        "police said. Protesters waved flags and chanted outside the parliament building."
    )
    tbilisi = (
        "Mass protest over media law\n\n"
        "Thousands of people marched in Georgia on Saturday against a law on foreign funding of news media, which "
        "critics say copies a Russian law. Protesters in Tbilisi waved European Union flags outside parliament."
    )
    a, b = (event_profile(x) for x in compare([_article(atlanta, None, "a"), _article(tbilisi, None, "b")]).articles)
    assert (a.where, b.where) == ("Atlanta", "Georgia") and "Tbilisi" in b.places
    assert judge(a, b, Settings()).reason == "different events: Atlanta against Georgia"
    state = tbilisi.replace("Tbilisi", "Atlanta").replace("European Union flags outside parliament", "flags outside the Capitol")
    c = event_profile(compare([_article(state, None, "c"), _article(atlanta, None, "a")]).article("c"))
    assert c.where == "Georgia" and not judge(a, c, Settings()).reason.startswith("different events: Atlanta")

MANNHEIM_A = (
    "Klitschko stops Rahman\n\n"
    "Wladimir Klitschko blasted a sluggish Hasim Rahman in Mannheim, Germany on Saturday night to retain "
    "the IBF and WBO world heavyweight titles. "
    "The referee stopped the fight in the seventh round."
)
MANNHEIM_B = (
    "Klitschko keeps his belts\n\n"
    "Wladimir Klitschko kept his heavyweight titles with a seventh-round stoppage of Hasim Rahman on Saturday in Germany. "
    "Rahman barely threw a punch, and the referee waved the fight off."
)


def test_a_place_written_with_its_region_is_inside_it() -> None:
    """"in Mannheim, Germany" against "in Germany": the one article writes the city with its
    country, so the two places are one (and the GeoNames table knows it too); "Mannheim" and
    "Austria" are two."""
    settings = replace(Settings(), events=replace(Settings().events, same_event_place_override=0.99))  # the places decide, whatever the content
    a, b = (event_profile(x) for x in compare([_article(MANNHEIM_A, None, "a"), _article(MANNHEIM_B, None, "b")]).articles)
    assert (a.where, b.where, a.regions) == ("Mannheim", "Germany", (("mannheim", "germany"),))
    assert judge(a, b, settings).same_event
    alone = MANNHEIM_A.replace("Mannheim, Germany", "Mannheim")
    c, b = (event_profile(x) for x in compare([_article(alone, None, "c"), _article(MANNHEIM_B, None, "b")]).articles)
    assert c.regions == () and judge(c, b, settings).same_event  # the GeoNames table knows Mannheim is in Germany
    austria = MANNHEIM_B.replace("in Germany", "in Austria")
    c, e = (event_profile(x) for x in compare([_article(alone, None, "c"), _article(austria, None, "e")]).articles)
    verdict = judge(c, e, settings)
    assert not verdict.same_event and verdict.reason == "different events: Mannheim against Austria"
    listed = MANNHEIM_B.replace("in Germany", "in Germany, Austria and Poland")
    d = event_profile(compare([_article(listed, None, "d"), _article(MANNHEIM_A, None, "a")]).articles[0])
    assert d.regions == ()  # a list of places names no region


def test_a_follow_up_shares_what_one_story_reports() -> None:
    """Two events six weeks apart are one story's (a follow-up) only when they share what
    reports of one event share (``follow_up_threshold``); else the same kind of event."""
    first = event_profile(compare([_article(QUAKE_A, "2007-11-14", "a"), _article(QUAKE_C, None, "c")]).article("a"))
    later = event_profile(compare([_article(QUAKE_B, "2007-12-20", "b"), _article(QUAKE_C, None, "c")]).article("b"))
    verdict = judge(first, later, Settings())
    assert verdict.relation == "follow_up" and verdict.score >= Settings().events.follow_up_threshold
    stricter = replace(Settings(), events=replace(Settings().events, follow_up_threshold=verdict.score + 0.01))
    assert judge(first, later, stricter).relation == "same_kind"
    assert judge(first, later, replace(Settings(), events=replace(Settings().events, follow_up_days=30))).relation == "same_kind"


def test_the_place_stops_before_a_day_or_a_title() -> None:
    text = (
        "A driver struck and killed a pedestrian in Queens Friday, police said.\n\n"
        "The crash happened near a school in Richmond Hill, the police said.\n\n"
        "A second crash at Jamaica Avenue injured two people, witnesses said."
    )
    comparison = compare([_article(text, "2013-04-12", "a"), _article(QUAKE_C, None, "c")])
    profile = event_profile(comparison.article("a"))
    assert profile.where == "Queens"
    assert "Queens Friday" not in profile.places



def test_a_rank_before_a_name_is_no_place() -> None:
    """"pointed a gun at Sgt. Mourad Mourad" names whom, not where: the rank and the name are no place."""
    text = (
        "Teen shot dead by police in East Flatbush\n\n"
        "The teen pointed a revolver at Sgt. Jamal Mourad and Officer Jovaniel Cordova, police said.\n\n"
        "Both officers fired at Lt. Dan Reyes's signal, the police said."
    )
    comparison = compare([_article(text, "2013-03-10", "a"), _article(QUAKE_C, None, "c")])
    profile = event_profile(comparison.article("a"))
    assert profile.places == ("East Flatbush",)


FIGHT_A = (
    "Klitschko keeps his belts\n\n"
    "Wladimir Klitschko stopped Hasim Rahman in the seventh round on Saturday to keep his IBF and WBO "
    "heavyweight titles. Rahman, the former champion, barely landed a punch. "
    "Klitschko floored Rahman in the sixth round with a left hook. "
    "The referee stopped the fight when Rahman could not defend himself. "
    "Klitschko said he wants to unify the heavyweight titles."
)
FIGHT_B = (
    "Klitschko retains his titles\n\n"
    "Wladimir Klitschko stopped Tony Thompson in the sixth round on Saturday to keep his IBF and WBO "
    "heavyweight titles. Thompson, the challenger, barely landed a punch. "
    "Klitschko floored Thompson in the fifth round with a right hand. "
    "The referee stopped the fight when Thompson could not defend himself. "
    "Klitschko said he wants to unify the heavyweight titles."
)


def test_each_article_naming_its_own_participant_makes_two_events() -> None:
    """One champion's two title fights share nearly every word; a reader tells them apart by
    the opponent, whom each article names again and again and the other never names."""
    fights = compare([_article(FIGHT_A, None, "a"), _article(FIGHT_B, None, "b")])
    (pair,) = fights.pairs
    assert not pair.same_event and pair.relation == "same_kind"
    assert pair.reason == "different events: Hasim Rahman against Tony Thompson, each named by one article only"
    a, b = (event_profile(fights.article(x)) for x in "ab")
    assert judge(a, b, Settings()).score >= Settings().events.same_event_threshold  # the content alone would join them
    lenient = replace(Settings(), events=replace(Settings().events, same_event_participant_mentions=5))
    assert judge(a, b, lenient).same_event  # each opponent is named four times
    assert judge(a, b, replace(Settings(), events=replace(Settings().events, same_event_participant_rarity=9.0))).same_event
    # The same fight told twice names the same opponent: one event.
    again = compare([_article(FIGHT_A, None, "a"), _article(FIGHT_A.replace("barely", "hardly"), None, "c")])
    assert again.pairs[0].same_event, again.pairs[0].reason


def test_articles_of_one_day_are_not_parted_by_their_participants() -> None:
    """Outlets covering one event on one day quote different people: the participant check
    applies only when the days are not known to be close."""
    fights = compare([_article(FIGHT_A, "2008-12-14", "a"), _article(FIGHT_B, "2008-12-14", "b")])
    (pair,) = fights.pairs
    assert pair.same_event, pair.reason
    # Saturday 13 December against Saturday 20 December: a week apart, not close.
    weeks = compare([_article(FIGHT_A, "2008-12-14", "a"), _article(FIGHT_B, "2008-12-24", "b")])
    assert weeks.pairs[0].reason.endswith("each named by one article only")


MAFIA_A = (
    "An alleged Mafia boss hanged himself in a Sicilian jail hours after his arrest, police said. "
    "Gaetano Lo Presti, 52, was among 94 suspects detained in a raid against Cosa Nostra. "
    "Investigators had recorded him discussing the new hierarchy of the clans.\n\n"
    "Prosecutors said the wiretaps showed bosses trying to rebuild a ruling commission. "
    "The commission last met before Salvatore Riina was captured in Corleone in 1993. "
    "Bernardo Provenzano, his successor, evaded the Carabinieri for 43 years. "
    "Lawyers for the Bagheria and Brancaccio defendants said they would appeal."
)
MAFIA_B = (
    "A suspected Mafia boss has hanged himself in a Sicilian prison hours after his arrest, Italian police say. "
    "Gaetano Lo Presti was found dead in his cell in Palermo. "
    "He was one of 94 people held in the raid.\n\n"
    "His widow, Rosalia, told the newspaper Giornale di Sicilia that he had shown no sign of despair. "
    "Justice minister Angelino Alfano opened an investigation into the guards at Pagliarelli. "
    "The prison chaplain held a vigil in the chapel."
)


def test_two_leads_telling_one_event_need_less_content() -> None:
    """Two reports whose bodies go different ways (the wiretaps, the widow) but whose leads
    tell the same event -- who (a Mafia boss, Lo Presti), did what (hanged himself), where
    and when (a Sicilian jail, hours after his arrest) -- are one event with less content in
    common than two articles need otherwise (``same_event_lead_content``)."""
    comparison = compare([_article(MAFIA_A, None, "a"), _article(MAFIA_B, None, "b")])
    a, b = (event_profile(comparison.article(x)) for x in "ab")
    settings = Settings()
    verdict = judge(a, b, settings)
    assert settings.events.same_event_lead_content <= verdict.score < settings.events.same_event_threshold
    assert lead_score(a, b) >= settings.events.same_event_lead_threshold
    assert verdict.same_event and comparison.pairs[0].same_event
    leads = replace(settings.events, undated_people_content=1.0, undated_full_name_content=1.0, undated_action_content=1.0)  # the leads' rule alone, not who both name nor what both report
    assert judge(a, b, replace(settings, events=replace(leads, same_event_lead_threshold=lead_score(a, b) + 0.01))).relation == "same_kind"
    assert judge(a, b, replace(settings, events=replace(leads, same_event_lead_content=verdict.score + 0.01))).relation == "same_kind"
    # Another boss in another city: the leads no longer tell one event.
    other = MAFIA_B.replace("Gaetano Lo Presti", "Salvatore Cappello").replace("Palermo", "Catania").replace("94", "31")
    c = event_profile(compare([_article(MAFIA_A, None, "a"), _article(other, None, "c")]).article("c"))
    assert lead_score(a, c) < settings.events.same_event_lead_threshold and not judge(a, c, settings).same_event


def test_known_days_apart_leave_the_verdict_to_the_content() -> None:
    """The leads stand in for a day that is not known: two reports with similar leads whose
    days are known 3 to ``same_event_max_days`` apart (a follow-up repeats its story's lead)
    need the content of any pair, and the reason never calls two days one event; when the
    leads carry the verdict, the reason says so."""
    settings = Settings()
    undated = compare([_article(MAFIA_A, None, "a"), _article(MAFIA_B, None, "b")])
    a, b = (event_profile(undated.article(x)) for x in "ab")
    assert undated.pairs[0].same_event
    assert undated.pairs[0].reason == f"same event: the leads tell one event ({lead_score(a, b):.2f})"
    for later in ("2008-12-27", "2008-12-22"):  # 10 and 5 days apart: not close
        dated = compare([_article(MAFIA_A, "2008-12-17", "a"), _article(MAFIA_B, later, "b")])
        x, y = (event_profile(dated.article(i)) for i in "ab")
        assert lead_score(x, y) >= settings.events.same_event_lead_threshold
        assert settings.events.same_event_close_days < days_between(x, y) <= settings.events.same_event_max_days  # type: ignore[operator]
        (pair,) = dated.pairs
        assert pair.relation == "same_kind", pair.reason
        assert not pair.reason.startswith("same event"), pair.reason
    # Days known and close: the pair needs little content, and the reason names the day.
    close = compare([_article(MAFIA_A, "2008-12-17", "a"), _article(MAFIA_B, "2008-12-17", "b")])
    assert close.pairs[0].same_event and close.pairs[0].reason.startswith("same event: both leads report a suicide; 17 Dec 2008")


def test_what_is_in_or_at_no_place_is_not_where_the_event_was() -> None:
    """"in"/"at" + a capitalised phrase names the place of the event, except after a particle
    verb or a noun that something is in, before "history", and a headline in capitals is
    no dateline."""
    cases = {
        "Microsoft released a patch on Wednesday for a flaw in Internet Explorer, the company said.": None,
        "The 76ers fired their coach on Monday, bringing in Maurice Cheeks for the rest of the season.": None,
        "Mark Felt, the most famous anonymous source in American history, died on Thursday.": None,
        "A FIRE - BOMB attack on a bank in Athens killed three people on Wednesday.": "Athens",
        "A fire destroyed the old dairy warehouse in Palmer on Tuesday, officials said.": "Palmer",
        # Nouns whose "in X" is seldom a place ...
        "A buyout fund took a stake in Chrysler on Tuesday, the carmaker said.": None,
        "Yahoo rejected the offer on Monday, saying it saw no interest in Microsoft shares.": None,
        "LaRue, who served a prison term for his role in Watergate, died on Saturday.": None,
        # ... and nouns of change or share, whose "in X" is where it happened.
        "Officials on Tuesday blamed militias for a surge in Baghdad violence.": "Baghdad",
        "Shares in London fell sharply on Monday after the bank warned on profits.": "London",
        "Ministers took part in Lisbon talks on Friday, officials said.": "Lisbon",
        "Police reported a rise in Chicago shootings on Sunday.": "Chicago",
        "A fiber cable was cut in Egypt on Wednesday, slowing the internet across the region.": "Egypt",
        # whom a reproach is aimed at is no place; a wire dateline with its date names the place
        "A minister lashed out at Israel on Sunday after it opened its dams near the border.": None,
        "GAZA, Feb. 22 (Xinhua) -- A minister lashed out at Israel on Sunday after it opened its dams.": "Gaza",
        "WASHINGTON, Nov. 3, 2010 (Reuters) - The Fed cut rates on Wednesday, officials said.": "Washington",
    }
    for lede, where in cases.items():
        comparison = compare([_article(f"{lede}\n\nThe report came from local officials.", "2013-04-12", "a"),
                              _article(QUAKE_C, None, "c")])
        assert event_profile(comparison.article("a")).where == where, lede


def test_an_undated_article_takes_a_date_near_its_top_only() -> None:
    """An undated article without a day in its lede takes the first date of its first
    ``BODY_DATE_SENTENCES`` body sentences; a date further down is background or a plan
    ("will be sentenced May 3"), not the day of the event."""
    filler = [f"Witness number {n} told the jury what she had seen that night." for n in range(1, 9)]
    early = ["A jury found Orozco guilty of murdering a deputy.", *filler[:3], "The verdict came on March 20.", *filler[3:]]
    late = ["A jury found Orozco guilty of murdering a deputy.", *filler, "He will be sentenced May 3."]
    for body, month_day in ((early, (3, 20)), (late, None)):
        comparison = compare([_article(" ".join(body), None, "a"), _article(QUAKE_C, None, "c")])
        profile = event_profile(comparison.article("a"))
        assert (profile.day, profile.month_day) == (None, month_day)
    assert len(late) - 1 > BODY_DATE_SENTENCES


ESCAPE = (
    "'Armed and Dangerous' Texas Inmate on The Loose\n\n"
    "The Texas Department of Criminal Justice is searching for an escaped inmate who is considered armed and "
    "dangerous, MyFoxHouston.com reports. Officials said Arcade Joseph Comeaux Jr., 49, took two transport "
    "officers hostage on Monday morning and then escaped from the vehicle and took off on foot. Comeaux, a "
    "6-foot, 200-pound black male, was serving a life sentence for crimes he committed in three Texas counties. "
    "He was sentenced to life in prison for indecency with a child, aggravated sexual assault and two counts of "
    "aggravated assault with a deadly weapon. Comeaux allegedly handcuffed the officers together in the vehicle "
    "and then took off with their weapons."
)
FALLOUT = (
    "Fallout continues after brazen escape\n\n"
    "The Texas Department of Criminal Justice has made sweeping leadership changes at a Huntsville prison where "
    "an inmate managed to get a gun that he later used to escape, the agency announced Tuesday. The Nov. 30 escape "
    "by Arcade Joseph Comeaux Jr., a convicted rapist recaptured last month after eight days on the run in Baytown "
    "and Houston, has led to unprecedented fallout at the prison unit where he was housed, said TDCJ Inspector "
    "General John Moriarty. Comeaux, 49, escaped from a prison van in Baytown after he pulled a gun on two TDCJ "
    "officers driving him to another prison in Beaumont. He was at large until Dec. 7, when he was found "
    "shoeless, wet and hungry at a north Houston business. So far, 11 Estelle unit employees have been "
    "recommended for termination or faced consequences related to Comeaux's escape. Since Comeaux's jailbreak, "
    "all visitors and employees at the Estelle prison unit are again subject to mandatory pat-downs."
)


def test_a_later_lead_naming_the_earlier_day_is_a_follow_up() -> None:
    """Six weeks after an escape (ECB+ 3_6ecbplus, 3_11ecbplus), "The Nov. 30 escape by
    Arcade Joseph Comeaux Jr. ... has led to unprecedented fallout": the later lead writes out
    the earlier event's day, so the two are one story (a follow-up) with less content in
    common than ``follow_up_threshold`` asks (``follow_up_named_day_threshold``)."""
    settings = Settings()
    comparison = compare([_article(ESCAPE, "2009-11-30", "escape"), _article(FALLOUT, "2010-01-12", "fallout")])
    escape, fallout = (event_profile(comparison.article(x)) for x in ("escape", "fallout"))
    assert (11, 30, 2009) in fallout.lead_days  # "Nov. 30" in an article of 12 January 2010
    verdict = judge(escape, fallout, settings)
    assert settings.events.follow_up_named_day_threshold <= verdict.score < settings.events.follow_up_threshold
    assert verdict.relation == "follow_up", verdict.reason
    assert verdict.reason == "a follow-up: 30 Nov 2009 against 12 Jan 2010, the later naming the earlier's day"
    assert judge(fallout, escape, settings).relation == "follow_up"  # either order
    assert comparison.pairs[0].relation == "follow_up" and not comparison.pairs[0].same_event
    off = replace(settings, events=replace(settings.events, follow_up_named_day_threshold=verdict.score + 0.01))
    assert judge(escape, fallout, off).relation == "same_kind"
    # The same lead a year later names a day that is not the escape's: the same kind of event.
    year_on = compare([_article(ESCAPE, "2009-11-30", "escape"), _article(FALLOUT, "2011-01-12", "fallout")])
    assert year_on.pairs[0].relation == "same_kind", year_on.pairs[0].reason


def test_one_same_event_pair_does_not_chain_two_events() -> None:
    """Reports of two title fights (one champion against Rahman, then against Thompson) with
    one wrong same-event pair between the fights: joining connected pairs made them one
    event; average linkage keeps two, and still joins the report whose pair with one report
    of its fight fell short."""
    same = {("rahman-1", "rahman-2"), ("rahman-1", "rahman-3"), ("thompson-1", "thompson-2"),
            ("rahman-2", "thompson-1")}  # the last one wrong: the same champion, the same belts
    ids = ["rahman-1", "rahman-2", "rahman-3", "thompson-1", "thompson-2"]
    pairs = [Pair(a, b, 0.0, (a, b) in same, "same_event" if (a, b) in same else "same_kind", f"{a} and {b}")
             for a, b in combinations(ids, 2)]
    events = events_of(ids, pairs)
    assert [e.articles for e in events] == [("rahman-1", "rahman-2", "rahman-3"), ("thompson-1", "thompson-2")]
    assert events[0].evidence == ("rahman-1 and rahman-2", "rahman-1 and rahman-3")
    strict = events_of(ids, pairs, replace(Settings(), events=replace(Settings().events, event_link_share=1.0)))
    assert [e.articles for e in strict] == [("rahman-1", "rahman-2"), ("rahman-3",), ("thompson-1", "thompson-2")]
    # rahman-3 dated weeks after rahman-2 (a follow-up): never one event, whatever joins them
    parted = events_of(ids, pairs, apart=[("rahman-2", "rahman-3")])
    assert [e.articles for e in parted] == [("rahman-1", "rahman-2"), ("rahman-3",), ("thompson-1", "thompson-2")]


BIRTHER_PLAN = (
    "Trump Plans Meeting on Arizona Birth Bill\n\n"
    "Donald Trump is investing more in the conspiracy theories about President Obama's birth certificate as he "
    "explores his own bid for the presidency.\n\n"
    "In his latest embrace of the birther strategy, Mr. Trump has invited Tea Party leaders and a legislator from "
    "Arizona to his office in Manhattan on Friday morning to discuss a bill moving through the Arizona legislature.\n\n"
    "The Arizona group said the call from Mr. Trump on Wednesday came unexpectedly, and the group had spent much of "
    "the day Thursday scurrying to make travel arrangements to New York."
)
CLOTURE_PLAN = (
    "Calling The Senate GOP's Bluff\n\n"
    "WASHINGTON -- The Senate GOP's threat to filibuster every single piece of legislation until the chamber "
    "resolves budget and tax cut measures will likely be tested as soon as Friday.\n\n"
    "On Wednesday, Senate Majority Leader Harry Reid (D-Nev.) received a letter signed by all 42 Senate Republicans."
)


def test_a_weekday_ahead_of_publication_is_a_plan_not_the_event_day() -> None:
    """A weekday the lede names is the nearest day falling on it (at most ``WEEKDAY_DAYS_BACK``
    days back), and a day after publication is a plan, not the event (BASIL dev, the New York
    Times of Thursday 7 April 2011 and HuffPost of Wednesday 1 December 2010): read as the
    Friday before, "on Friday morning" put the Times six days from Fox and HuffPost's reports of
    the same day, and its event apart from theirs."""
    plan = event_profile(compare([_article(BIRTHER_PLAN, "2011-04-07", "a"), _article(QUAKE_A, None, "b")]).article("a"))
    assert plan.day == date(2011, 4, 6)  # the call "on Wednesday", not Friday 1 April
    cloture = event_profile(compare([_article(CLOTURE_PLAN, "2010-12-01", "a"), _article(QUAKE_A, None, "b")]).article("a"))
    assert cloture.day == date(2010, 12, 1)  # "On Wednesday", not Friday 26 November
    # "last Friday" is the Friday before, however far back; a weekday up to three days back is that day.
    last = CLOTURE_PLAN.replace("as soon as Friday", "last Friday").replace("On Wednesday, ", "")
    assert event_profile(compare([_article(last, "2010-12-01", "a"), _article(QUAKE_A, None, "b")]).article("a")).day == date(2010, 11, 26)
    back = CLOTURE_PLAN.replace("as soon as Friday", "on Sunday")
    assert event_profile(compare([_article(back, "2010-12-01", "a"), _article(QUAKE_A, None, "b")]).article("a")).day == date(2010, 11, 28)


@pytest.mark.parametrize(
    "lede",
    [
        "Super Tuesday voters in Ohio are still split between the two candidates, a poll found.",
        "Black Friday shoppers crowded the malls of Dayton and Columbus before dawn.",
        "Cyber Monday sales beat the forecasts of most retailers in Ohio, analysts said.",
        "Candidates crossed Ohio before the votes of Super Tuesday, when ten states choose.",
    ],
)
def test_a_day_named_for_an_occasion_is_no_weekday_of_the_event(lede: str) -> None:
    """"Super Tuesday", "Black Friday": names, not the day the article's event fell on; published on
    Friday 2 March 2012, the Tuesday three days back would be read as the event day."""
    text = f"Ohio in the spotlight\n\n{lede} The state has 66 delegates at stake."
    profile = event_profile(compare([_article(text, "2012-03-02", "a"), _article(QUAKE_A, None, "b")]).article("a"))
    assert profile.day == date(2012, 3, 2) and profile.day_source == "published"
    undated = event_profile(compare([_article(text, None, "a"), _article(QUAKE_A, None, "b")]).article("a"))
    assert undated.weekday is None


FERRY_A = (
    "Ferry capsizes on Lake Kivu\n\n"
    "A passenger ferry carrying more than 80 people capsized on Lake Kivu near the port of Goma, "
    "and at least 14 bodies have been recovered, the provincial governor said. "
    "Survivors said the vessel, the MV Mulamba, was overloaded with sacks of cassava when strong winds struck. "
    "Navy divers were searching for dozens of missing passengers."
)
FERRY_B = (
    "Dozens missing after Lake Kivu ferry sinks\n\n"
    "At least 14 people drowned when the overloaded ferry MV Mulamba overturned in high winds on Lake Kivu, "
    "the governor of North Kivu province said. The boat had left Goma with more than 80 passengers and a cargo "
    "of cassava. Navy divers recovered the bodies and were looking for survivors."
)
FERRY_C = (
    "Overloaded boat sinks off Goma\n\n"
    "The MV Mulamba, a ferry packed with passengers and cassava, sank on Lake Kivu after strong winds hit it "
    "shortly after it left Goma. The governor said 14 bodies had been found and dozens of people were missing. "
    "Navy divers joined fishermen in the search."
)
FERRY_D = (  # the same sinking in other words: each pair with the others a little short of one event
    "Congo boat disaster\n\n"
    "Rescuers in eastern Congo pulled bodies from the water after a ferry crowded with cassava traders went "
    "down in a storm, officials said. Relatives gathered at the harbour waiting for news. "
    "Survivors blamed the captain of the Mulamba, who they said ignored the weather warnings."
)
FERRY_E = (  # another sinking of the same kind
    "Boat overturns on Lake Victoria\n\n"
    "A wooden boat carrying traders to a market overturned on Lake Victoria near Mwanza, and police said "
    "nine people drowned. The Tanzanian navy rescued 31 passengers. The boat's owner was arrested."
)


def test_undated_reports_of_one_event_join_on_their_mean_content() -> None:
    """Four undated reports of one ferry sinking: the fourth, in its own words, falls a little short
    of one event with each of the others (nothing -- days, places, participants -- tells them apart),
    and is one event with them on the mean of its pairs; another sinking of the same kind is not."""
    records = [_article(text, None, name) for name, text in
               (("a", FERRY_A), ("b", FERRY_B), ("c", FERRY_C), ("d", FERRY_D), ("e", FERRY_E))]
    settings = Settings()
    comparison = compare(records, settings)
    short = [p for p in comparison.pairs if "d" in (p.a, p.b) and "e" not in (p.a, p.b)]
    assert len(short) == 3 and not any(p.same_event for p in short), [p.reason for p in short]
    assert [e.articles for e in comparison.events] == [("a", "b", "c", "d"), ("e",)]
    assert comparison.events[0].evidence[-1].startswith("same event: what d reports, 0.3")
    off = compare(records, replace(settings, events=replace(settings.events, event_link_content=1.0, event_join_content=1.0)))
    assert [e.articles for e in off.events] == [("a", "b", "c"), ("d",), ("e",)]
    assert [p.same_event for p in comparison.pairs] == [p.same_event for p in off.pairs]  # pairs unchanged



BRIDGE_A = (
    "Bridge collapses in Rivertown\n\n"
    "A pedestrian bridge over the Cole River collapsed in Rivertown, killing two people and injuring eleven, "
    "the mayor, Helen Park, said. The bridge, opened in 1998, had been closed for repairs last year. "
    "Engineers from the state transport department were inspecting the wreckage."
)
BRIDGE_B = (
    "Two dead as Rivertown footbridge falls\n\n"
    "Two people were killed and eleven hurt when the footbridge over the Cole River in Rivertown gave way, "
    "Mayor Helen Park said. The state transport department sent engineers to the wreckage. "
    "The bridge had been repaired last year."
)
BRIDGE_C = (  # the same collapse, told through what followed it: short of one event with each of the others
    "Questions over repairs after deadly collapse\n\n"
    "Residents asked why the crossing failed under a crowd of commuters. Families of the two dead gathered at "
    "the town hall, where an inspector's report on rusted cables was read out. "
    "A council member said repairs had been put off for years."
)
BRIDGE_D = (  # another collapse of the same kind
    "Footbridge gives way in Millford\n\n"
    "A wooden footbridge over the Avon canal in Millford gave way under a school group, injuring six children, "
    "police said. The bridge had been built by volunteers. The council closed the towpath."
)


def test_one_report_joins_an_event_of_two_on_its_mean_content() -> None:
    """Two reports of a bridge collapse are one event; a third tells it in its own words (the families, the
    repairs put off), short of one event with each (0.26, 0.31: under ``event_link_content``) with nothing
    apart, and joins them through the two (``event_join_content``); another collapse does not.  With
    the first report alone, the third stays apart: two articles are one event only by their pair."""
    records = [_article(text, None, name) for name, text in
               (("a", BRIDGE_A), ("b", BRIDGE_B), ("c", BRIDGE_C), ("d", BRIDGE_D))]
    settings = Settings()
    comparison = compare(records, settings)
    assert [p.same_event for p in comparison.pairs] == [True, False, False, False, False, False]
    assert [e.articles for e in comparison.events] == [("a", "b", "c"), ("d",)]
    assert comparison.events[0].evidence[-1].startswith("same event: what c reports, 0.28")
    off = compare(records, replace(settings, events=replace(settings.events, event_join_content=1.0)))
    assert [e.articles for e in off.events] == [("a", "b"), ("c",), ("d",)]
    assert [e.articles for e in compare(records[::2], settings).events] == [("a",), ("c",)]


def test_a_pair_judged_apart_inside_one_event_says_so_in_the_json() -> None:
    """The HTML's pairs table said "judged on these two alone; with the other articles, one event"
    (recomputed there from the events); the JSON's pairs said only ``same_event: false``.  Now each
    pair carries ``in_one_event`` and the HTML note is read from it."""
    import json

    import reports

    records = [_article(text, None, name) for name, text in
               (("a", BRIDGE_A), ("b", BRIDGE_B), ("c", BRIDGE_C), ("d", BRIDGE_D))]
    comparison = compare(records, Settings())
    pairs = json.loads(reports.render_json(comparison))["pairs"]
    assert [(p["a"], p["b"], p["same_event"], p["in_one_event"]) for p in pairs] == [
        ("a", "b", True, True), ("a", "c", False, True), ("a", "d", False, False),
        ("b", "c", False, True), ("b", "d", False, False), ("c", "d", False, False),
    ]
    note = "judged on these two alone; with the other articles, one event"
    assert reports.render_html(comparison).count(note) == 2  # a:c and b:c
    # the report reads the pair, not the events: a pair not marked has no note whatever the events say
    unmarked = replace(comparison, pairs=tuple(replace(p, in_one_event=False) for p in comparison.pairs))
    assert note not in reports.render_html(unmarked)


VETERAN_A = (
    "Veteran dies at 110\n\n"
    "The last known veteran who fought in World War I died on Sunday in Charleston, his family said. "
    "He served in France in World War I."
)
VETERAN_B = (
    "Frank Buckles dies\n\n"
    "Frank Buckles, who served in World War I, died on Sunday at his home in Charles Town, West Virginia, his "
    "family said. He was 110, the last American veteran of World War I."
)


def test_a_letter_or_roman_numeral_is_no_name_or_place_part() -> None:
    """Blind reading 18: "1B Mark Teixeira" (a first baseman) gave the shared name "B" ("both name B Mark
    Teixeira"), and "in World War I" read as the place "World War" ("same event: on a Sunday, World War").
    A capital letter or Roman numeral is no participant, starts no name, and after "in X" makes X a
    numbered name, not a place; an initial ("D.C.") still goes with its place."""
    teixeira = "The Angels offered free agent 1B Mark Teixeira an eight-year contract on Tuesday, a source said."
    profile = event_profile(compare([_article(teixeira, None, "a"), _article(VETERAN_B, None, "b")]).article("a"))
    assert [(token, written) for token, written, _n in profile.participants] == [
        ("angel", "Angels"), ("mark", "Mark Teixeira"), ("teixeira", "Mark Teixeira"),
    ]  # "Tuesday" is no one who took part (session 24)
    veterans = compare([_article(VETERAN_A, "2011-02-28", "a"), _article(VETERAN_B, "2011-02-28", "b")])
    first, second = (event_profile(article) for article in veterans.articles)
    assert (first.where, first.places, first.actors) == ("Charleston", ("Charleston", "France"), ("World War I",))
    assert second.places == ("Charles Town",)
    assert [p.reason for p in veterans.pairs] == ["same event: both leads report a death; 27 Feb 2011, World War I"]
    for text, places in (
        ("Veterans who fought in World War II met on Monday.", ()),
        ("Passengers waited at Terminal B on Monday.", ()),
        ("Officials met in Washington D.C. on Monday.", ("Washington",)),
        ("Officials met in Paris on Monday.", ("Paris",)),
    ):
        lede = event_profile(compare([_article(f"Report\n\n{text}", None, "x"), _article(VETERAN_B, None, "y")]).article("x"))
        assert lede.places == places, text


def test_one_report_joins_an_event_only_through_every_pair_with_it() -> None:
    """With ``--pair a:b --pair a:c`` the pair b-c is never judged: c's one pair with a (short on
    content, "the same kind of event") is all there is, and one pair alone joins nothing, as with
    ``--pair a:c`` alone.  (It joined c to a and b: which other pair the user chose decided c's event.)"""
    records = [_article(text, None, name) for name, text in (("a", BRIDGE_A), ("b", BRIDGE_B), ("c", BRIDGE_C))]
    chosen = compare(records, Settings(), pairs=[("a", "b"), ("a", "c")])
    assert [p.same_event for p in chosen.pairs] == [True, False]
    assert [e.articles for e in chosen.events] == [("a", "b"), ("c",)]


CLINIC_A = (
    "Singer enters clinic\n\n"
    "Pop singer Dana Whitlock checked into the Serenity Ridge clinic in Malibu on Friday, her publicist said. "
    "Dana Whitlock cancelled the last dates of her tour last month. "
    "The publicist asked fans to respect Dana Whitlock's privacy."
)
CLINIC_B = (
    "Whitlock in rehab\n\n"
    "The singer was admitted to the Serenity Ridge clinic on Friday after weeks of rumours, a spokesman for "
    "Whitlock confirmed. Friends said Whitlock had struggled since her divorce. "
    "The clinic treats addiction and exhaustion."
)
CLINIC_C = (
    "Actor checks into treatment\n\n"
    "Film actor Corey Amberson has entered a treatment centre in Arizona, his agent told reporters. "
    "Amberson was arrested for drunk driving in March. "
    "His agent said Amberson would miss the premiere of his new film."
)


def test_the_reason_names_who_both_leads_name() -> None:
    """Two undated reports of one check-in that repeat no name in the same words ("Dana
    Whitlock", "Whitlock"): the reason names who and what both leads name, as the first article
    writes them in full, not only the weekday."""
    (pair,) = compare([_article(CLINIC_A, None, "a"), _article(CLINIC_B, None, "b")]).pairs
    assert pair.same_event and pair.reason == "same event: on a Friday, Dana Whitlock, Serenity Ridge", pair.reason


def test_too_little_in_common_names_whom_each_reports() -> None:
    """Two check-ins of two people share too little content: the reason says whom each alone
    names (the verdict is the content's: the names are evidence, not a rule)."""
    settings = Settings()
    (pair,) = compare([_article(CLINIC_A, None, "a"), _article(CLINIC_C, None, "c")]).pairs
    a, c = (event_profile(x) for x in compare([_article(CLINIC_A, None, "a"), _article(CLINIC_C, None, "c")]).articles)
    assert not pair.same_event and judge(a, c, settings).score < settings.events.same_event_threshold
    assert pair.reason.startswith("the same kind of event: they share too little") or pair.reason.startswith(
        "different events: they share too little"
    ), pair.reason
    assert pair.reason.endswith("; only one names Dana Whitlock, only the other Corey Amberson"), pair.reason
    # Named once only, the other person is no evidence.
    once = CLINIC_C.replace("Amberson was arrested", "He was arrested").replace("said Amberson would", "said he would")
    (pair,) = compare([_article(CLINIC_A, None, "a"), _article(once, None, "c")]).pairs
    assert "only one names" not in pair.reason, pair.reason
    # At one clinic: the reason says whom both name too (a person, the clinic; never a place named "in X").
    clinic = CLINIC_C.replace("has entered a treatment centre in Arizona", "has checked into the Serenity Ridge clinic in Malibu")
    (pair,) = compare([_article(CLINIC_A, None, "a"), _article(clinic, None, "c")]).pairs
    assert not pair.same_event
    assert pair.reason.endswith("; both name Serenity Ridge, only one names Dana Whitlock, only the other Corey Amberson"), pair.reason


def test_the_evidence_names_no_place_as_someone_taking_part() -> None:
    """Session 24's known-left list: "only one names Mt Cook" named a mountain as a participant.  The
    evidence skips a name that is a place (a place word opens or ends it: "Mount Ord") for the next."""
    ord_ = (
        "Actor checks into treatment\n\n"
        "Film actor Corey Amberson has entered a treatment centre on Mount Ord, his agent told reporters on Mount Ord. "
        "Police said Amberson was arrested for drunk driving in March. "
        "Mount Ord's centre is private; visitors to Mount Ord need a pass, and Mount Ord has no road."
    )
    (pair,) = compare([_article(CLINIC_A, None, "a"), _article(ord_, None, "c")]).pairs
    assert pair.reason.endswith("; only one names Dana Whitlock, only the other Corey Amberson"), pair.reason
    from compare.analyze.event_reasons import is_place

    assert is_place("Mt Cook") and is_place("Stadiou Street") and is_place("Las Vegas")  # a place word; the table
    assert is_place("Palermo", {"palermo"})  # a place a lead names "in X"
    assert not any(is_place(n) for n in ("Jackson", "Corey Amberson", "Mark Teixeira", "Betty Ford Center"))


def _written_participants(text: str) -> dict[str, str]:
    """Content token -> the name as the article ``text`` writes it, of each participant of its lead."""
    comparison = compare([_article(text, None, "a"), _article(CLINIC_A, None, "b")])
    return {token: name for token, name, _mentions in event_profile(comparison.article("a")).participants}


def test_participants_are_written_as_full_names() -> None:
    """A participant is shown as the name its lead writes, cut at a day after it, a title or an
    article before it, a possessive and a title inside it: what an editor reads in the reason."""
    text = (
        "Champion keeps his belts\n\n"
        "Former champion Wladimir Klitschko stopped Hasim Rahman Saturday night as Gov. Sarah Palin, Texas "
        "Governor Rick Perry and San Diego's Jackson watched from seats paid for by Chick-fil-A. "
        "Rahman said he would fight again. "
        "Klitschko thanked the crowd."
    )
    written = _written_participants(text)
    assert written["rahman"] == "Hasim Rahman" and written["klitschko"] == "Wladimir Klitschko"
    assert written["palin"] == "Sarah Palin" and "gov" not in written
    assert (written["diego"], written["jackson"]) == ("San Diego", "Jackson")
    assert (written["texa"], written["perri"], written["chick"]) == ("Texas", "Rick Perry", "Chick-fil-A")


def test_a_job_before_a_name_is_no_part_of_it() -> None:
    """A job opening a run of capitals ("Singer", "Officer", "Attorney General") is cut off the name it
    stands before, and ends the name before it; a job that no name follows is the name ("Surgeon General")."""
    text = (
        "Patrol officer hurt\n\n"
        "Singer Nia Calloway saw California Highway Patrol Officer Brad Baehr struck as Attorney General Eric "
        "Holder and the Surgeon General arrived. "
        "Baehr was taken to hospital. "
        "Calloway and Holder visited him."
    )
    written = _written_participants(text)
    assert (written["calloway"], written["baehr"], written["holder"]) == ("Nia Calloway", "Brad Baehr", "Eric Holder")
    assert written["california"] == "California Highway Patrol" and written["surgeon"] == "Surgeon General"


def test_a_long_run_of_capitals_is_read_in_steps_as_many_as_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article in capitals is one run of capitalised words: each word is looked up among the jobs
    once, not once for every word of the run (12,000 words took 15 s of CPU to read the names of)."""
    from compare.analyze import lead_names as profile

    looked: list[str] = []

    class Counting(frozenset[str]):
        def __contains__(self, word: object) -> bool:
            looked.append(str(word))
            return frozenset.__contains__(self, word)

    monkeypatch.setattr(profile, "_JOBS", Counting(profile._JOBS))
    words = ("MAYOR", "SINGER", "COUNCIL", "OFFICER", "BRIDGE", "RIVER") * 200
    names = profile._full_names(" ".join(words))
    assert len(looked) == len(words)
    assert names == {"council": "COUNCIL", "bridg": "BRIDGE RIVER", "river": "BRIDGE RIVER"}  # the jobs and "Mayor" no name


def test_the_reason_names_a_person_once() -> None:
    """Both articles repeat the full name and the surname alone: the reason names the person
    once ("Dana Whitlock", not "Dana Whitlock, Whitlock")."""
    more = CLINIC_A + " Fans sent Whitlock flowers. Friends of Whitlock said she was resting. Fans of Dana Whitlock waited."
    again = more.replace("cancelled the last dates", "called off the final shows")
    (pair,) = compare([_article(more, None, "a"), _article(again, None, "b")]).pairs
    a = event_profile(compare([_article(more, None, "a"), _article(again, None, "b")]).article("a"))
    assert {"Dana Whitlock", "Whitlock"} <= set(a.actors)
    assert pair.same_event and pair.reason == "same event: on a Friday, Malibu, Dana Whitlock, Serenity Ridge", pair.reason


def test_a_name_after_an_office_of_is_written_without_the_office() -> None:
    """"Secretary of State Maria Ortega": the run of capitals after "of" ends the office ("State")
    before the name; "the Rev." is a title, left out as "Gov." is."""
    text = (
        "Talks on the dam resume\n\n"
        "Secretary of State Maria Ortega met Minister of Water Resources Tomas Adeyemi in Nairobi on Monday, "
        "and the Rev. Samuel Okafor opened the session with a prayer. "
        "Ortega said the talks were frank. "
        "Adeyemi thanked the Rev. Okafor."
    )
    written = _written_participants(text)
    assert (written["ortega"], written["adeyemi"], written["okafor"]) == ("Maria Ortega", "Tomas Adeyemi", "Samuel Okafor")
    assert written.get("state", "State") == "State"


@pytest.mark.parametrize(
    ("published", "lede"),
    [
        ("0001-01-01", "A fire destroyed a warehouse in Springfield yesterday, officials said."),
        ("0001-01-01", "A fire destroyed a warehouse in Springfield on Sunday, officials said."),
        ("9999-12-31", "A fire destroyed a warehouse in Springfield on Saturday, officials said."),
        ("9999-12-20", "A fire destroyed a warehouse in Springfield on Dec. 1, officials said."),
    ],
)
def test_a_publication_date_at_the_end_of_the_calendar_dates_no_day_past_it(published: str, lede: str) -> None:
    """A record dated on the calendar's first or last days (a careless or hostile feed) whose lede
    counts from it ("yesterday", "on Saturday", a date without its year) stopped the run with an
    OverflowError (an internal error); the day past the calendar's end is no day."""
    records = [
        {"id": "a", "date": published, "text": f"{lede} Nobody was hurt in the blaze."},
        {"id": "b", "text": "A fire destroyed a warehouse in Springfield, officials said. Nobody was hurt."},
    ]
    comparison = compare(records, Settings(semantic=False))
    assert comparison.articles[0].date == published
    assert {p.a for p in comparison.pairs} == {"a"}


REHAB_A = (  # ECB+ 1_2ecb (2008): undated, as the original ECB articles are
    "A publicist says Tara Reid has checked herself into rehab.\n"
    'Jack Ketsoyan said Friday that the "American Pie" star went to the Promises Treatment Center.\n'
    "He did not specify what she was being treated for or when she entered the facility.\n"
    '"We appreciate your respect to her and her family\'s privacy at this time," he said in a statement.\n'
    "Reid, 33, earned a reputation as a drunken partier after famously being photographed on a red carpet with her "
    "breast exposed, apparently unaware that the strap of her dress had fallen off.\n"
    'Her film credits include "Van Wilder" and "The Big Lebowski."\n'
    'She also hosted the short-lived, half-hour show "Taradise" on E!'
)
REHAB_B = (  # ECB+ 1_13ecb: the same check-in, told in other words
    "It's about time, right?\n"
    "Perpetual mess Tara Reid has finally decided to try and shed her drunk-girl image and has entered rehab.\n"
    '"Tara Reid has checked herself into Promises Treatment Center," her rep told UsMagazine.com.\n'
    '"We appreciate your respect to her and her family\'s privacy at this time."\n'
    "The actress, who hasn't done anything to speak of in years, has been seen, on so many occasions, wasted out of "
    "her mind, unwittingly flashing the paparazzi on the red carpet, looking scary-skinny, and making really D-list "
    "personal appearances.\n"
    "Rehab has been calling her name loud and clear for years.\nBest decision ever.\nGood luck, Tara."
)
REHAB_C = (  # ECB+ 1_11ecbplus (2013), its date lines left out: another actress's check-in
    "Lindsay Lohan checks into rehab at Betty Ford Center, rehires longtime lawyer Shawn Holley\n"
    "Actress Lindsay Lohan finally checked into court-mandated rehab at the Betty Ford Center late Thursday, after "
    "hiring former lawyer Shawn Holley for help.\n"
    "Lindsay Lohan checked into California's Betty Ford Center rehab facility late Thursday, dodging arrest after "
    "whirlwind confusion surrounding the actress' whereabouts, sources told the Daily News.\n"
    "It's the same place the troubled starlet sought help in 2010, where she got into a physical altercation with a staffer."
)


def test_undated_reports_naming_the_same_people_are_one_event() -> None:
    """Two undated reports of Tara Reid's check-in share too little content for one event by
    the content alone, but both leads name her and neither names anyone the other never names:
    one event.  Another actress's check-in is not, nor the same two reports on two weekdays."""
    settings = Settings()
    comparison = compare([_article(REHAB_A, None, "a"), _article(REHAB_B, None, "b"), _article(REHAB_C, None, "c")])
    a, b, c = (event_profile(comparison.article(x)) for x in "abc")
    verdict = judge(a, b, settings)
    assert settings.events.undated_people_content <= verdict.score < settings.events.same_event_threshold
    assert verdict.same_event, verdict.reason
    assert verdict.reason == "same event: no day stated; both leads report a stay in rehab and name Tara Reid, and neither keeps naming anyone the other never names"
    assert next(p for p in comparison.pairs if {p.a, p.b} == {"a", "b"}).same_event  # as the three-article comparison says it
    assert not judge(replace(a, weekday=4), replace(b, weekday=1), settings).same_event  # "on Friday" against "on Tuesday"
    off = replace(settings, events=replace(settings.events, undated_people_content=1.0, undated_full_name_content=1.0, undated_action_content=1.0))
    assert not judge(a, b, off).same_event
    # Session 24: a name both leads write in full carries the pair with less content than any shared name.
    full = replace(off, events=replace(off.events, undated_full_name_content=settings.events.undated_full_name_content))
    assert settings.events.undated_full_name_content < settings.events.undated_people_content
    assert judge(a, b, full).same_event and "Tara Reid" in judge(a, b, full).reason
    short = replace(full, events=replace(full.events, undated_full_name_content=verdict.score + 0.01))
    assert not judge(a, b, short).same_event
    for x in (a, b):
        assert not judge(x, c, settings).same_event, judge(x, c, settings).reason
    # A day known on one side: the days, not the people, decide how much content the pair needs.
    dated = event_profile(compare([_article(REHAB_A, "2008-12-05", "a"), _article(REHAB_B, None, "b")]).article("a"))
    assert not judge(dated, b, settings).same_event


def test_a_day_without_its_year_on_one_side_leaves_the_undated_rules_to_decide() -> None:
    """Session 25, off by default (``undated_month_day``, tried and not shipped): an undated report that writes
    its day without a year ("on Dec. 5", no publication date) sets no gap against a report with no day at all,
    so the undated rules read who both leads name; a day with its year (a publication date) does not."""
    settings = Settings()
    day = REHAB_A.replace('said Friday that', 'said on Dec. 5 that')
    comparison = compare([_article(day, None, "a"), _article(REHAB_B, None, "b")])
    a, b = (event_profile(comparison.article(x)) for x in "ab")
    assert a.month_day == (12, 5) and a.day is None and b.month_day is None and b.day is None
    assert not settings.events.undated_month_day and not judge(a, b, settings).same_event  # shipped: one day known
    on = replace(settings, events=replace(settings.events, undated_month_day=True))
    verdict = judge(a, b, on)
    assert verdict.same_event and verdict.reason.startswith("same event: only one states a day, 5 Dec, and no year; "), verdict.reason
    assert not judge(a, replace(b, month_day=(12, 20)), on).same_event  # two days to set apart: the days decide


def test_the_reason_says_what_both_leads_report_and_who_they_name() -> None:
    """Blind reading 22 (session 24): "same event: on a Friday" was all the reason said of two reports of
    one church fire whose leads name the church, the town and the fire.  The reason leads with what both
    leads report and names who both leads name beside the one name both articles repeat."""
    more = CLINIC_A + " Fans sent Whitlock flowers. Friends of Whitlock said she was resting. Fans of Dana Whitlock waited."
    again = more.replace("cancelled the last dates", "called off the final shows")
    (pair,) = compare([_article(more, None, "a"), _article(again, None, "b")]).pairs
    assert "Dana Whitlock, Serenity Ridge" in pair.reason
    winston = compare([_article(HEIST_A, None, "a"), _article(HEIST_B, None, "b")]).pairs[0]
    assert winston.reason.startswith("same event: both leads report a robbery;"), winston.reason
