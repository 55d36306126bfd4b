"""Whether articles report the same event: one judgement, for a pair and for a set.

The judgement reads only the two articles of a pair (never the other articles
given, never the alignment), so a pair gets the same verdict in a five-article
comparison, with ``--pair`` and in ``storycompare batch``:

1. :func:`compare.analyze.event_profile.event_profile` (per article): what the
   article reports, that tells one event from another of the same kind -- its
   content words weighted by rarity, its day, its places and actors, and the
   participants its lead names (see :mod:`compare.analyze.event_profile`).

2. :func:`judge` (per pair): the content score is the cosine of the two
   weighted vectors.  Event days more than ``Settings.events.same_event_max_days``
   apart make two events, whatever the content; otherwise the pair is one event
   when the content score reaches ``same_event_threshold`` (or the lower
   ``same_event_close_threshold`` when the days are known and at most
   ``same_event_close_days`` apart, or when neither day is known but both articles
   name the same weekday; or ``same_event_lead_content`` when a day is not known and
   the two leads -- the headline and first sentences, who did what where -- reach
   ``same_event_lead_threshold`` by :func:`lead_score`: then the reason says the leads
   carried it; known days 3 to 10 apart are left to the content, as a follow-up
   repeats its story's lead; or, when neither article states a day and neither names a
   participant the other never names, ``undated_people_content`` when both leads name the same
   people (two events when their main actions differ: a hiring against a firing) or
   ``undated_action_content`` when both leads report the same action (:func:`_undated`)) -- unless the days are not known to be close
   and each article's lead names a participant the article keeps naming
   (``same_event_participant_mentions`` times) and the other never names: one champion's two title fights, against
   Rahman and against Thompson, share the champion, the belts and the kind of
   win, but a reader tells them apart by the opponent.  Two events whose content reaches
   ``follow_up_threshold`` (what reports of one event share: its people, places
   and numbers) are one story, the later "a follow-up" (within ``follow_up_days``
   of the earlier; with ``follow_up_named_day_threshold`` of content when the later
   article's lead writes out the earlier event's day, :func:`names_day_of`); two whose content reaches only ``same_kind_threshold`` are
   "the same kind of event"; below it they are unrelated.  Without a day on one
   side the content decides alone.

3. :func:`compare.analyze.event_sets.events_of` (per set): the events are the
   sets of articles joined by enough same-event pairs (average linkage over the
   pair verdicts, never one pair chaining two sets), each with its articles and
   the evidence of its pairs (:mod:`compare.analyze.event_sets`).

This module holds step 2: the pairwise judgement; its reasons in words are written by
:mod:`compare.analyze.event_reasons`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from compare.analyze.event_actions import actions_apart, reported, same_action
from compare.analyze.event_participants import (
    different_participants,
    own_participant,
    shared_participants,
    undated_alike,
)
from compare.analyze.event_places import containers, countries, lies_in, nested, place_key
from compare.analyze.event_profile import EventProfile
from compare.analyze.event_reasons import common, describe, same_weekday, short_evidence, when
from compare.settings import Settings
from compare.similarity import normalise_word
from compare.text import TOKEN

Relation = Literal["same_event", "follow_up", "same_kind", "different"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one pair: the relation, the content score and the reason in words."""

    relation: Relation
    score: float
    days_apart: int | None
    reason: str
    short: bool = False  # not one event only for too little content: no days, places or participants apart

    @property
    def same_event(self) -> bool:
        return self.relation == "same_event"


def days_between(a: EventProfile, b: EventProfile) -> int | None:
    """Days between the two articles' event days; None when either is unknown.  A day
    known without its year borrows the other's year."""
    if a.day is not None and b.day is not None:
        return abs((a.day - b.day).days)
    one = a.day or b.day
    md_a = (a.day.month, a.day.day) if a.day else a.month_day
    md_b = (b.day.month, b.day.day) if b.day else b.month_day
    if md_a is None or md_b is None:
        return None
    year = one.year if one else 2001  # a year without 29 February has no effect on the gap
    try:
        return min(
            abs((date(year, *md_a) - date(y, *md_b)).days) for y in (year - 1, year, year + 1)
        )
    except ValueError:
        return None


def event_day(profile: EventProfile, other: EventProfile) -> date | None:
    """``profile``'s event day; a day known without its year takes the year that puts it
    nearest to ``other``'s (as :func:`days_between` counts)."""
    if profile.day is not None:
        return profile.day
    if profile.month_day is None:
        return None
    try:
        anchor = other.day or (date(2000, *other.month_day) if other.month_day else None)
        if anchor is None:
            return None
        options = [date(y, *profile.month_day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    except ValueError:
        return None
    return min(options, key=lambda d: abs((d - anchor).days))


def content_score(a: EventProfile, b: EventProfile) -> float:
    return _cosine(a.vector, b.vector)


def lead_score(a: EventProfile, b: EventProfile) -> float:
    """The cosine of the two articles' leads (:attr:`EventProfile.lead`): who did what, where."""
    return _cosine(a.lead, b.lead)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large[t] for t, w in small.items() if t in large)


def distinct(a: EventProfile, b: EventProfile, settings: Settings) -> bool:
    """The days or places the two articles state make them two events, whatever content they
    share: what :func:`judge` settles before it weighs the content.  ``storycompare batch``
    never puts two such articles in one story."""
    gap = days_between(a, b)
    if gap is not None and gap > settings.events.same_event_max_days:
        return True
    close = gap is not None and gap <= settings.events.same_event_close_days
    return not close and _elsewhere(a, b) and content_score(a, b) < settings.events.same_event_place_override


def judge(a: EventProfile, b: EventProfile, settings: Settings) -> Verdict:
    """The relation of two articles' events, from these two articles alone."""
    score = round(content_score(a, b), 4)
    gap = days_between(a, b)
    if gap is not None and gap > settings.events.same_event_max_days:
        named = (
            gap <= settings.events.follow_up_days
            and score >= settings.events.follow_up_named_day_threshold
            and names_day_of(a, b)
        )
        if (score >= settings.events.follow_up_threshold and gap <= settings.events.follow_up_days) or named:
            relation: Relation = "follow_up"
        elif score >= settings.events.same_kind_threshold:
            relation = "same_kind"
        else:
            relation = "different"
        what = "a follow-up" if relation == "follow_up" else "different events"
        why = f"{what}: {describe(a)} against {describe(b)}"
        if named and relation == "follow_up" and score < settings.events.follow_up_threshold:
            why += ", the later naming the earlier's day"
        return Verdict(relation, score, gap, why)
    close = gap is not None and gap <= settings.events.same_event_close_days
    if not close and _elsewhere(a, b) and score < settings.events.same_event_place_override:
        relation = "same_kind" if score >= settings.events.same_kind_threshold else "different"
        return Verdict(relation, score, gap, f"different events: {describe(a)} against {describe(b)}")
    lead = None
    if close or same_weekday(a, b):
        needed = settings.events.same_event_close_threshold
    elif gap is None and score < settings.events.same_event_threshold:
        lead = lead_score(a, b)
        lead_carries = lead >= settings.events.same_event_lead_threshold
        needed = settings.events.same_event_lead_content if lead_carries else settings.events.same_event_threshold
    else:
        needed = settings.events.same_event_threshold
    undated = _undated(a, b, score, settings) if score < needed else None
    if undated is not None:
        return Verdict(undated[0], score, gap, undated[1])
    if score >= needed:
        apart = None if close else different_participants(a, b, settings)
        if apart is not None:
            relation = "same_kind" if score >= settings.events.same_kind_threshold else "different"
            return Verdict(relation, score, gap, f"different events: {apart[0]} against {apart[1]}, each named by one article only")
        if lead is not None:  # the content alone falls short: the leads carry the verdict
            return Verdict("same_event", score, gap, f"same event: the leads tell one event ({lead:.2f})")
        return Verdict("same_event", score, gap, "same event: " + common(a, b, settings))
    relation = "same_kind" if score >= settings.events.same_kind_threshold else "different"
    what = "the same kind of event" if relation == "same_kind" else "different events"
    why = f"{what}: they share too little of what they report ({score:.2f})"
    return Verdict(relation, score, gap, why + short_evidence(a, b, settings), True)


def _undated(a: EventProfile, b: EventProfile, score: float, settings: Settings) -> tuple[Relation, str] | None:
    """The relation and reason of two reports short on content that state no day and name no one
    apart (:func:`compare.analyze.event_participants.undated_alike`), when what their leads tell
    decides: both leads name the same people (``undated_people_content`` of content) -- two events
    when each lead's main action is none of the other's ("one lead reports a firing, the other a
    hiring", :func:`compare.analyze.event_actions.actions_apart`, ``undated_actions_apart``) --, or both report the same
    main action, neither tells an action the other does not, and neither lead names anyone
    ``undated_action_mentions`` times whom the other article never names (``undated_action_content``); None when
    neither holds, and when each lead names a place the other article never names, neither inside the
    other (:func:`_places_apart`: "a Waitrose store in Surrey" against "a supermarket in Somerset")."""
    events = settings.events
    if score < min(events.undated_people_content, events.undated_full_name_content, events.undated_action_content) or not undated_alike(a, b, settings):
        return None
    if _places_apart(a, b) is not None:  # "a Waitrose store in Surrey" against "a supermarket in Somerset"
        return None
    people = shared_participants(a, b, settings) if score >= min(events.undated_people_content, events.undated_full_name_content) else []
    if score < events.undated_people_content:  # little content: only a name written in full ("Tara Reid", not "Mafia")
        people = [name for name in people if len(name.split()) > 1]
    apart = actions_apart(a.actions, b.actions) if events.undated_actions_apart else None
    if people and apart is not None:
        return "same_kind", f"different events: one lead reports {apart[0]}, the other {apart[1]}, though both name {people[0]}"
    if people:  # two undated reports of who did it: the same people, no one apart
        told = next((f"report {reported(k)} and " for k in a.actions[1] if k in b.actions[1]), "")  # "report a vote and "
        return "same_event", f"same event: {_no_day(a, b)}; both leads {told}name {', '.join(people[:2])}, and neither keeps naming anyone the other never names"
    action = same_action(a.actions, b.actions) if score >= events.undated_action_content else None
    least = events.undated_action_mentions
    if action is not None and own_participant(a, b, settings, least) is None and own_participant(b, a, settings, least) is None:
        anyone = "names anyone" if least < 2 else "keeps naming anyone"
        return "same_event", f"same event: {_no_day(a, b)}; both leads report {action}, and neither {anyone} the other never names"
    return None


def _no_day(a: EventProfile, b: EventProfile) -> str:
    """What the undated rules say of the days: "no day stated", or the one day stated without its year."""
    known = a if a.month_day is not None else b if b.month_day is not None else None
    return "no day stated" if known is None else f"only one states a day, {when(known)}, and no year"


def _places_apart(a: EventProfile, b: EventProfile) -> tuple[str, str] | None:
    """A place each lead names (:attr:`EventProfile.places`) that the other article never names, neither
    inside a place of the other lead ("a Waitrose store in Surrey" against "a supermarket in Somerset"):
    two reports that state no day are then of two places."""
    regions = (*a.regions, *b.regions)
    own = []
    for x, y in ((a, b), (b, a)):
        theirs = [p for p in x.places if not _names(y, p) and not any(nested(p, q, regions) for q in y.places)]
        if not theirs:
            return None
        own.append(theirs[0])
    return own[0], own[1]


def names_day_of(a: EventProfile, b: EventProfile) -> bool:
    """The later of the two articles' events is reported by an article whose headline or lede
    writes out the earlier event's day (:attr:`EventProfile.lead_days`; a year written must be
    the earlier day's year): "The Nov. 30 escape by ... has led to" is a report on what followed
    the escape of 30 November."""
    day_a, day_b = event_day(a, b), event_day(b, a)
    if day_a is None or day_b is None or day_a == day_b:
        return False
    later, earlier = (a, day_b) if day_a > day_b else (b, day_a)
    return any(
        (month, day) == (earlier.month, earlier.day) and year in (None, earlier.year)
        for month, day, year in later.lead_days
    )


def _elsewhere(a: EventProfile, b: EventProfile) -> bool:
    """Both articles say where their event took place, and the places differ -- unless one
    place is inside the other (:func:`compare.analyze.event_places.nested`: "Palermo" in
    "Sicily" by the GeoNames table, "in Mannheim, Germany" against "in Germany", "East Flatbush,
    Brooklyn" against "Brooklyn" by the regions written, :attr:`EventProfile.regions`; a place
    the table does not know by the places its article's lede names, :func:`_located`), or one
    is a dateline's place, both lie in one country and the dateline is where the report was
    filed (:func:`_filed_elsewhere`: "SYDNEY -" against "BUNBURY, Australia", both on a man back
    from Bali), or each article names the other's place too."""
    if a.where is None or b.where is None:
        return False
    regions = (*a.regions, *b.regions)
    in_a, in_b = _countries(a), _countries(b)
    apart = in_a and in_b and not in_a & in_b
    if not apart and any(nested(x, y, regions) for x in _located(a) for y in _located(b)):
        return False
    if (a.dateline or b.dateline) and countries(a.where) & countries(b.where) and _filed_elsewhere(a, b):
        return False  # a wire's bureau files from its country's city: "SYDNEY" on a story from Bunbury
    return not (_names(b, a.where) and _names(a, b.where))


def _filed_elsewhere(a: EventProfile, b: EventProfile) -> bool:
    """A dateline of the two is where a report was filed, not where its event took place: the
    dateline's article names the other's place or a region that holds it ("SYDNEY - A Bunbury man
    ...", "OKLAHOMA CITY - ... a town in Texas" against "CORSICANA"), or both headlines and ledes
    name a third place the table knows, not a country: the event's ("Bali" in reports from Sydney
    and Bunbury) or its region ("Utah" in "SALT LAKE CITY (AP) -" and "PROVO, Utah (UPI) -" on one
    man's eggnog).  Two datelines of one country alone are not that: "HOUSTON (AP) -" and "BATON
    ROUGE, La. (AP) -" on an explosion at a chemical plant the same Tuesday are two explosions."""
    assert a.where is not None and b.where is not None
    named = [
        {k for k in (place_key(w) for w in {*(w for _t, w, _n in p.participants), *p.places}) if containers(k) and k not in countries(k)}
        for p in (a, b)
    ]
    for x, y, places in ((a, b, named[0]), (b, a, named[1])):
        others = places - {place_key(x.where or "")}  # not the dateline itself: "WASHINGTON (AP) -" on Seattle
        if x.dateline and y.where is not None and (_names(x, y.where) or any(lies_in(y.where, p) for p in others)):
            return True
    own = {place_key(a.where), place_key(b.where)}
    return any(p not in own for p in named[0] & named[1])


def _countries(profile: EventProfile) -> frozenset[str]:
    """The countries the article's place lies in, in the senses its other places agree with: "Georgia"
    is the country in an article whose lede names Tbilisi, and no place in the United States for it
    ("ATLANTA -" against "in Georgia ... in Tbilisi" are two places); every sense where none agree."""
    assert profile.where is not None
    senses = countries(profile.where)
    if len(senses) < 2:
        return senses
    around = {c for p in profile.places if p.lower() != profile.where.lower() for c in countries(p)}
    return (senses & around) or senses


def _located(profile: EventProfile) -> tuple[str, ...]:
    """The place of the article's event and, when the GeoNames table does not know it (a prison,
    a church, a street: "Pagliarelli"), the places its headline and lede name ("in Palermo"),
    where it presumably lies."""
    assert profile.where is not None
    return (profile.where,) if containers(profile.where) else (profile.where, *profile.places)


def _names(profile: EventProfile, place: str) -> bool:
    """The article names ``place``: it holds every content word of it."""
    words = [t for t in (normalise_word(w) for w in TOKEN.findall(place)) if t is not None]
    return bool(words) and all(t in profile.vector for t in words)
