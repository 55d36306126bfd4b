"""The reasons of the event judgement in words (:func:`compare.analyze.events.judge`): the day and
place of one article's event (:func:`describe`), what one event's two reports share (:func:`common`:
"both leads report a robbery; on a Saturday, Harry Winston") and who two reports short on content
each name (:func:`short_evidence`), never a place (:func:`is_place`).  Moved out of :mod:`compare.analyze.events` in session 25 (that
module was at its length limit); the verdicts are :mod:`compare.analyze.events`'s."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from compare.analyze.event_actions import reported
from compare.analyze.event_participants import own_participant, shared_participants
from compare.analyze.event_places import containers, lies_in
from compare.analyze.event_profile import EventProfile
from compare.settings import Settings


def when(profile: EventProfile) -> str:
    """The article's event day as a reason writes it ("3 Nov 2010", "3 Nov" without its year); "" when not known."""
    if profile.day is not None:
        return f"{profile.day.day} {profile.day:%b} {profile.day.year}"
    if profile.month_day is not None:
        return f"{profile.month_day[1]} {date(2001, profile.month_day[0], 1):%b}"
    return ""


def describe(profile: EventProfile) -> str:
    """The day and place of the article's event, for a reason that sets two events apart ("3 Nov 2010 in Moscow")."""
    day = when(profile)
    if profile.where:
        return f"{day} in {profile.where}" if day else profile.where
    return day or "no day or place stated"


def same_weekday(a: EventProfile, b: EventProfile) -> bool:
    """Two articles whose days are not known both say their event fell on one weekday ("on
    Saturday"): as good as close days for the content the pair needs, though not for the
    places and participants (the same weekday a week later is another day)."""
    return a.weekday is not None and a.weekday == b.weekday


def _common_place(a: EventProfile, b: EventProfile) -> str | None:
    """The place the reason names: the inner of two nested places ("Palermo" of "Palermo" and
    "Sicily"), else, when neither place holds the other (a dateline's place, where the report
    was filed), a place both headlines and ledes name, else the first article's place."""
    regions = (*a.regions, *b.regions)
    if a.where and b.where:
        if lies_in(a.where, b.where, regions):
            return a.where
        if lies_in(b.where, a.where, regions):
            return b.where
    shared = [p for p in a.places if p.lower() in {q.lower() for q in b.places}]
    return shared[0] if shared else a.where if a.where and b.where else None


def common(a: EventProfile, b: EventProfile, settings: Settings) -> str:
    """What the reason of one event names: what both leads say happened, then the day, the place and who."""
    parts = []
    if a.day is not None and a.day == b.day:
        parts.append(when(a))
    elif a.day is not None and b.day is not None:
        parts.append(f"{when(a)} and {when(b)}")
    else:
        known = a if a.day is not None or a.month_day is not None else b
        if known.day is not None or known.month_day is not None:
            parts.append(when(known))
        elif same_weekday(a, b) and a.weekday is not None:
            parts.append(f"on a {date(2001, 1, 1 + a.weekday):%A}")  # 1 January 2001 was a Monday
    place = _common_place(a, b)
    if place:
        parts.append(place)
    shared = set(b.actors)
    actors: list[str] = []
    place_words = set(place.split()) if place else set()
    for name in sorted((n for n in a.actors if n in shared), key=lambda n: -len(n)):  # the most specific first
        if not set(name.split()) <= place_words | {word for actor in actors for word in actor.split()}:  # not "Perry" after "Rick Perry"
            actors.append(name)
    parts.extend(actors[:2])
    if len(actors) < 2:  # fewer than two names both repeat: who both leads name too
        said = {word for part in (*parts, *a.places, *b.places) for word in part.split()}  # a place is no one
        parts.extend([n for n in shared_participants(a, b, settings) if not said & set(n.split())][: 2 - len(actors[:2])])
    told = next((reported(kind) for kind in a.actions[1] if kind in b.actions[1]), None)  # what both leads say happened
    if told is not None:
        return f"both leads report {told}" + ("; " + ", ".join(parts) if parts else "")
    return ", ".join(parts) if parts else "they report the same facts"


def short_evidence(a: EventProfile, b: EventProfile, settings: Settings) -> str:
    """Who each of two reports short on content names, as evidence only (the content decided): the
    participant each lead alone names ``evidence_participant_mentions`` times, after whom both leads
    name ("; both name Mark Teixeira, only one names ..., only the other ..."); "" unless each has one."""
    least = settings.events.evidence_participant_mentions
    named = {p.lower() for p in (*a.places, *b.places, a.where or "", b.where or "") if p}

    def place(name: str) -> bool:  # "Las Vegas", "Mt Cook", "Stadiou Street": a place is no one who took part
        return is_place(name, named)

    first, second = own_participant(a, b, settings, least, place), own_participant(b, a, settings, least, place)
    if first is None or second is None:
        return ""
    said = {word for part in (first, second, *a.places, *b.places) for word in part.split()}  # a place is no one
    both = [n for n in shared_participants(a, b, settings) if not said & set(n.split())][:1]
    return "; " + "".join(f"both name {n}, " for n in both) + f"only one names {first}, only the other {second}"


_PLACE_FIRST = frozenset("mount mt lake cape port fort gulf mouth isle".split())
_PLACE_LAST = frozenset(
    """street st avenue ave road rd boulevard blvd lane square island islands bay river valley county peak
    mountain mountains beach coast strait canal harbour harbor airport""".split()
)
"""Words that make a name a place: "Mount Cook", "Mt Cook", "Lake Tahoe"; "Stadiou Street", "Qeshm Island"."""


def is_place(name: str, named: Iterable[str] = ()) -> bool:
    """``name`` (a participant as written) is a place, not someone who took part: a place the articles'
    headlines and ledes name (``named``, lower case: "in Las Vegas"), a name that opens or ends with a
    place's word ("Mt Cook", "Stadiou Street"), or a name of two words or more that the GeoNames table
    knows ("Rancho Mirage"; one word is left out: "Jackson" and "Cook" are surnames as often)."""
    words = [w.rstrip(".").lower() for w in name.split()]
    if not words:
        return False
    if name.lower() in named or words[0] in _PLACE_FIRST or words[-1] in _PLACE_LAST:
        return True
    return len(words) > 1 and bool(containers(name))
