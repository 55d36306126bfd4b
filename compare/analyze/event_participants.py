"""Who took part: the participants two articles' leads share, and the one each names that the other
never does -- what tells one event from another of its kind when the days do not (one champion's two
title fights, against Rahman and against Thompson).  A part of the pairwise judgement
(:func:`compare.analyze.events.judge`), moved out of :mod:`compare.analyze.events` in session 23."""

from __future__ import annotations

from collections.abc import Callable

from compare.analyze.event_profile import EventProfile
from compare.settings import Settings
from compare.similarity import informativeness


def different_participants(a: EventProfile, b: EventProfile, settings: Settings) -> tuple[str, str] | None:
    """The participant of each article that tells their events apart, as written: a name of
    its lead (:attr:`EventProfile.participants`) that it names at least
    ``settings.events.same_event_participant_mentions`` times and the other article never names
    (rarer than ``settings.events.same_event_participant_rarity``, so that no common capitalised
    word counts); None unless both articles have one."""
    first = own_participant(a, b, settings)
    if first is None:
        return None
    second = own_participant(b, a, settings)
    return None if second is None else (first, second)


def undated_alike(a: EventProfile, b: EventProfile, settings: Settings) -> bool:
    """Neither article states a day (nor a month and day -- but for one article's day without any year,
    ``undated_month_day`` --, nor two weekdays apart) and neither names a
    participant of its lead ``settings.events.evidence_participant_mentions`` times that the other
    never names: without days, what the leads tell (who took part, what they did) tells one event
    ("Tara Reid" in two reports of her checking into rehab) from another of its kind (Klitschko's
    fights against Rahman and against Thompson)."""
    if any(p.day is not None for p in (a, b)) or (a.month_day is not None) + (b.month_day is not None) > (
        1 if settings.events.undated_month_day else 0
    ):
        return False  # a day with its year, or two days to set apart: the days decide
    if a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
        return False  # "on Saturday" against "on Tuesday": two days
    least = settings.events.evidence_participant_mentions
    return own_participant(a, b, settings, least) is None and own_participant(b, a, settings, least) is None

def own_participant(
    a: EventProfile, b: EventProfile, settings: Settings, least: int | None = None, skip: Callable[[str], bool] | None = None
) -> str | None:
    """The first participant of ``a``'s lead named at least ``least`` times (by default
    ``settings.events.same_event_participant_mentions``) that ``b`` never names, as written, and
    that ``skip`` does not refuse (a place, in a reason's evidence); None when the most named
    participants run out first."""
    least = settings.events.same_event_participant_mentions if least is None else least
    for token, written, mentions in a.participants:  # most named first
        if mentions < least:
            return None
        rare = informativeness(token) >= settings.events.same_event_participant_rarity
        if token not in b.vector and rare and (skip is None or not skip(written)):
            return written
    return None


def shared_participants(a: EventProfile, b: EventProfile, settings: Settings) -> list[str]:
    """Who both leads name: the participants (:attr:`EventProfile.participants`) of both
    articles' leads, rarer than ``settings.events.same_event_participant_rarity``, as ``a`` writes them
    in full ("Tara Reid"), most named by the two articles together first."""
    theirs = {token: mentions for token, _written, mentions in b.participants}
    shared = [
        (mentions + theirs[token], written)
        for token, written, mentions in a.participants
        if token in theirs and informativeness(token) >= settings.events.same_event_participant_rarity
    ]
    return list(dict.fromkeys(name for _n, name in sorted(shared, key=lambda s: -s[0])))  # one name of two tokens once
