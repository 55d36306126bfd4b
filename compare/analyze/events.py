"""Whether articles report the same event: one judgement, for a pair and for a set.

The judgement reads only the two articles of a pair (never the other articles
given, never the alignment), so a pair gets the same verdict in a five-article
comparison, with ``--pair`` and in ``storycompare batch``:

1. :func:`event_profile` (per article): what the article reports, that tells one
   event from another of the same kind --

   * its *content*: the weighted counts of its content words (headline and lede
     weigh more, names and numbers more than common words,
     :func:`compare.terms.weighted_terms`), each word weighted again by how rare
     it is in English (:func:`compare.similarity.informativeness`, a fixed prior:
     no collection statistics, so the score of a pair does not move with the
     other articles);
   * its *day*: the day of the event it reports, when the article lets us know
     it -- a date or a weekday ("on Wednesday", "today") in the headline or the
     lede, resolved against the publication date when there is one; else the
     wire dateline ("Nov. 3 (Bloomberg) --"); else the publication date;
   * its *places* (a dateline such as "NEW YORK --", "in Moscow" in the lede) and
     its *actors* (the names it repeats), for the reason given in words;
   * its *participants*: the names its headline and first
     ``PARTICIPANT_SENTENCES`` body sentences give (who did what, where), each
     with how often the article names it.

2. :func:`judge` (per pair): the content score is the cosine of the two
   weighted vectors.  Event days more than ``Settings.same_event_max_days``
   apart make two events, whatever the content; otherwise the pair is one event
   when the content score reaches ``same_event_threshold`` (or the lower
   ``same_event_close_threshold`` when the days are known and at most
   ``same_event_close_days`` apart) -- unless the days are not known to be close
   and each article's lead names a participant the article keeps naming
   (``same_event_participant_mentions`` times) and the other never names: one champion's two title fights, against
   Rahman and against Thompson, share the champion, the belts and the kind of
   win, but a reader tells them apart by the opponent.  Two events whose content reaches
   ``follow_up_threshold`` (what reports of one event share: its people, places
   and numbers) are one story, the later "a follow-up" (within ``follow_up_days``
   of the earlier); two whose content reaches only ``same_kind_threshold`` are
   "the same kind of event"; below it they are unrelated.  Without a day on one
   side the content decides alone.

3. :func:`events_of` (per set): the events are the connected sets of same-event
   pairs, each with its articles and the evidence of its pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Literal

from compare.align import Alignment
from compare.analyze.numbers import DateMention, find_dates
from compare.models import Article, Event, Group, Pair, article_of
from compare.settings import Settings
from compare.similarity import informativeness, normalise_word
from compare.terms import sentence_tokens, title_case, weighted_terms
from compare.text import TOKEN, WEEKDAY_WORD, iso_day

Relation = Literal["same_event", "follow_up", "same_kind", "different"]

LEDE_SENTENCES = 3
"""How many body sentences (after the headline) may state the day of the event."""

PARTICIPANT_SENTENCES = 2
"""How many body sentences (after the headline) name the participants of the event."""

_WEEKDAY_NUMBER = {name: n for n, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}
_RELATIVE = {"today": 0, "tonight": 0, "yesterday": 1}
_RELATIVE_WORD = re.compile(r"\b(today|tonight|yesterday)\b", re.IGNORECASE)
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.' ]{1,30})?\s*(?:\(|—|–|--|-\s)")
_IN_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
_NAME = re.compile(
    r"(?<![.!?]\s)(?<!^)\b((?:[A-Z]{2,}(?:-[A-Z][\w'’]*)*|[A-Z][\w'’-]*[a-z][\w'’-]*)(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})"
)
_TITLE_WORDS = frozenset("gov sen rep gen mr mrs ms dr president minister mayor judge".split())
_NOT_PLACES = frozenset(
    "The This That These Those January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


@dataclass(frozen=True, slots=True)
class EventProfile:
    """What one article reports that tells one event from another (see the module docstring)."""

    id: str
    vector: Mapping[str, float]  # content token → weight, unit length
    day: date | None  # the event's day, when known with its year
    month_day: tuple[int, int] | None  # (month, day) when only that is known (no year anywhere)
    day_source: str  # how the day was found: "text", "dateline", "published" or ""
    where: str | None  # the place of the event, when the article says it
    places: tuple[str, ...]
    actors: tuple[str, ...]
    participants: tuple[tuple[str, str, int], ...] = ()
    """(content token, as written, how many times the article names it) of each name in the
    headline and the first ``PARTICIPANT_SENTENCES`` body sentences (:func:`_participants`)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one pair: the relation, the content score and the reason in words."""

    relation: Relation
    score: float
    days_apart: int | None
    reason: str

    @property
    def same_event(self) -> bool:
        return self.relation == "same_event"


# --------------------------------------------------------------------------- 1. per article


def _weekday_before(published: date, weekday: int) -> date:
    """The latest day on or before ``published`` that falls on ``weekday`` (0 = Monday)."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _resolve(mention: DateMention, published: date | None) -> tuple[date | None, tuple[int, int] | None]:
    if not (mention.month and mention.day):
        return None, None
    year = mention.year or (published.year if published else None)
    if year is None:
        return None, (mention.month, mention.day)
    try:
        day = date(year, mention.month, mention.day)
    except ValueError:
        return None, None
    if mention.year is None and published is not None and day > published + timedelta(days=31):
        try:
            day = date(year - 1, mention.month, mention.day)  # "Dec. 30" in a January article
        except ValueError:
            return None, None
    return day, None


def _reported_day(
    texts: Sequence[str], published: date | None, weekdays: bool = True
) -> tuple[date | None, tuple[int, int] | None]:
    """The first day the texts state: a date, or a weekday / "today" resolved against the
    publication date; with a publication date, a day after it (a plan, not the event) or
    more than a week before it (a background fact) is skipped."""
    for text in texts:
        found: list[tuple[int, date | None, tuple[int, int] | None]] = []
        for mention in find_dates(text):
            day, month_day = _resolve(mention, published)
            if day is not None or month_day is not None:
                found.append((mention.start, day, month_day))
        if published is not None and weekdays:
            for match in WEEKDAY_WORD.finditer(text):
                found.append((match.start(), _weekday_before(published, _WEEKDAY_NUMBER[match.group()]), None))
            for match in _RELATIVE_WORD.finditer(text):
                found.append((match.start(), published - timedelta(days=_RELATIVE[match.group().lower()]), None))
        for _start, day, month_day in sorted(found, key=lambda f: f[0]):
            if day is not None and published is not None and not (timedelta(0) <= published - day <= timedelta(days=7)):
                continue
            return day, month_day
    return None, None


def _dateline(article: Article) -> DateMention | None:
    for sentence in article.sentences:
        if sentence.role != "body":
            continue
        for mention in find_dates(sentence.text[:40]):
            if mention.start <= 2 and mention.month and mention.day:
                return mention
        return None
    return None


def _place_in(text: str) -> str | None:
    for match in _IN_PLACE.finditer(text):
        place = _clean_place(match.group(1))
        if place is not None:
            return place
    return None


def _clean_place(place: str) -> str | None:
    """The place a capitalised phrase after "in"/"at" names: cut before a day or month
    ("Queens Friday" -> "Queens") or a title ("Alaska Gov" -> "Alaska"); None when
    nothing is left."""
    kept = []
    for word in place.split():
        if word in _NOT_PLACES or word.lower() in _TITLE_WORDS:
            break
        kept.append(word)
    return " ".join(kept) or None


def _places(title: str, lede: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """The place of the event (a dateline such as "NEW YORK --", else the place named in
    the first lede sentence that says when: "told reporters today in Moscow"), and every
    place the headline and lede name."""
    out: dict[str, None] = {}
    where = None
    if lede:
        match = _DATELINE_PLACE.match(lede[0])
        if match and not find_dates(match.group(1)):
            where = match.group(1).strip().title()
    if where is None:
        for text in lede:
            if title_case(text):
                continue  # a headline repeated in the body
            if _RELATIVE_WORD.search(text) or WEEKDAY_WORD.search(text):
                where = _place_in(text)
                break
    if where is not None:
        out[where] = None
    for text in (title if not title_case(title) else "", *lede):  # a Title Case headline capitalises every word
        for match in _IN_PLACE.finditer(text):
            place = _clean_place(match.group(1))
            if place is not None:
                out.setdefault(place, None)
    return where, tuple(out)


def _actors(texts: Iterable[str]) -> tuple[str, ...]:
    """The names the article repeats (or names in its headline), most mentioned first."""
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _NAME.finditer(text):
            name = match.group(1)
            if name.split()[0] not in _NOT_PLACES and len(name) > 2:
                counts[name] += 1
    return tuple(name for name, count in counts.most_common(8) if count >= 2)


def _participants(title: str, body: Sequence[str]) -> tuple[tuple[str, str, int], ...]:
    """The names of the headline (unless it is in Title Case) and of the first
    ``PARTICIPANT_SENTENCES`` body sentences, each with how many times the article names it
    (a capitalised word inside a sentence, as :func:`compare.terms.sentence_tokens` tells),
    most named first; numbers and titles ("Rep", "Gov") are left out."""
    texts = [(title, not title_case(title))] if title else []
    texts += [(text, True) for text in body]
    mentions: Counter[str] = Counter()
    lead: dict[str, str] = {}
    for n, (text, names) in enumerate(texts):
        in_lead = n < len(texts) - len(body) + PARTICIPANT_SENTENCES
        written: dict[str | None, str] = {}
        if in_lead:
            for word in TOKEN.findall(text):
                written.setdefault(normalise_word(word), word)
        for token, name in sentence_tokens(text, names):
            if name and not token[0].isdigit():
                mentions[token] += 1
                if in_lead and written.get(token, token).lower() not in _TITLE_WORDS:  # "Rep", "Gov"
                    lead.setdefault(token, written.get(token, token))
    return tuple(sorted(((t, w, mentions[t]) for t, w in lead.items()), key=lambda p: (-p[2], p[0])))


def event_profile(article: Article) -> EventProfile:
    """The :class:`EventProfile` of a cleaned and segmented article."""
    terms = weighted_terms(article)
    vector = {t: (1.0 + math.log(c) if c >= 1.0 else c) * _rarity(t) for t, c in terms.items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    body = [s.text for s in article.sentences if s.role == "body"]
    lede = body[:LEDE_SENTENCES]
    published = iso_day(article.date)
    day, month_day = _reported_day([article.title or "", *lede], published)
    if not (day or month_day) and published is None:
        # An undated article: a date anywhere in it, but not beside a weekday ("the meeting on
        # Wednesday prepared a summit on Nov. 20": the event is the Wednesday, an unknown day).
        day, month_day = _reported_day([t for t in body if not WEEKDAY_WORD.search(t)], None, weekdays=False)
    source = "text" if day or month_day else ""
    if not source:
        dateline = _dateline(article)
        if dateline is not None:
            day, month_day = _resolve(dateline, published)
            source = "dateline" if day or month_day else ""
    if not source and published is not None:
        day, source = published, "published"
    where, places = _places(article.title or "", lede)
    return EventProfile(
        article.id,
        {t: w / norm for t, w in vector.items()},
        day,
        month_day,
        source,
        where,
        places,
        _actors([article.title or "", *body]),
        _participants(article.title or "", body),
    )


@lru_cache(maxsize=65536)
def _rarity(token: str) -> float:
    weight = informativeness(token)
    return weight * weight


# --------------------------------------------------------------------------- 2. per pair


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
    small, large = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    return sum(w * large[t] for t, w in small.items() if t in large)


def _when(profile: EventProfile) -> str:
    if profile.day is not None:
        return f"{profile.day.day} {profile.day:%b} {profile.day.year}"
    if profile.month_day is not None:
        return f"{profile.month_day[1]} {date(2001, profile.month_day[0], 1):%b}"
    return ""


def _describe(profile: EventProfile) -> str:
    when = _when(profile)
    if profile.where:
        return f"{when} in {profile.where}" if when else profile.where
    return when or "no day or place stated"


def distinct(a: EventProfile, b: EventProfile, settings: Settings) -> bool:
    """The days or places the two articles state make them two events, whatever content they
    share: what :func:`judge` settles before it weighs the content.  ``storycompare batch``
    never puts two such articles in one story."""
    gap = days_between(a, b)
    if gap is not None and gap > settings.same_event_max_days:
        return True
    close = gap is not None and gap <= settings.same_event_close_days
    return not close and _elsewhere(a, b) and content_score(a, b) < settings.same_event_place_override


def judge(a: EventProfile, b: EventProfile, settings: Settings) -> Verdict:
    """The relation of two articles' events, from these two articles alone."""
    score = round(content_score(a, b), 4)
    gap = days_between(a, b)
    if gap is not None and gap > settings.same_event_max_days:
        if score >= settings.follow_up_threshold and gap <= settings.follow_up_days:
            relation: Relation = "follow_up"
        elif score >= settings.same_kind_threshold:
            relation = "same_kind"
        else:
            relation = "different"
        what = "a follow-up" if relation == "follow_up" else "different events"
        return Verdict(relation, score, gap, f"{what}: {_describe(a)} against {_describe(b)}")
    close = gap is not None and gap <= settings.same_event_close_days
    if not close and _elsewhere(a, b) and score < settings.same_event_place_override:
        relation = "same_kind" if score >= settings.same_kind_threshold else "different"
        return Verdict(relation, score, gap, f"different events: {_describe(a)} against {_describe(b)}")
    needed = settings.same_event_close_threshold if close else settings.same_event_threshold
    if score >= needed:
        apart = None if close else different_participants(a, b, settings)
        if apart is not None:
            relation = "same_kind" if score >= settings.same_kind_threshold else "different"
            return Verdict(relation, score, gap, f"different events: {apart[0]} against {apart[1]}, each named by one article only")
        return Verdict("same_event", score, gap, "same event: " + _common(a, b))
    relation = "same_kind" if score >= settings.same_kind_threshold else "different"
    what = "the same kind of event" if relation == "same_kind" else "different events"
    return Verdict(relation, score, gap, f"{what}: they share too little of what they report ({score:.2f})")


def different_participants(a: EventProfile, b: EventProfile, settings: Settings) -> tuple[str, str] | None:
    """The participant of each article that tells their events apart, as written: a name of
    its lead (:attr:`EventProfile.participants`) that it names at least
    ``settings.same_event_participant_mentions`` times and the other article never names
    (rarer than ``settings.same_event_participant_rarity``, so that no common capitalised
    word counts); None unless both articles have one."""
    first = _own_participant(a, b, settings)
    if first is None:
        return None
    second = _own_participant(b, a, settings)
    return None if second is None else (first, second)


def _own_participant(a: EventProfile, b: EventProfile, settings: Settings) -> str | None:
    for token, written, mentions in a.participants:  # most named first
        if mentions < settings.same_event_participant_mentions:
            return None
        if token not in b.vector and informativeness(token) >= settings.same_event_participant_rarity:
            return written
    return None


def _elsewhere(a: EventProfile, b: EventProfile) -> bool:
    """Both articles say where their event took place, and the places differ."""
    if a.where is None or b.where is None:
        return False
    x, y = a.where.lower(), b.where.lower()
    return x not in y and y not in x


def _common(a: EventProfile, b: EventProfile) -> str:
    parts = []
    if a.day is not None and a.day == b.day:
        parts.append(_when(a))
    elif a.day is not None and b.day is not None:
        parts.append(f"{_when(a)} and {_when(b)}")
    else:
        known = a if a.day is not None or a.month_day is not None else b
        if known.day is not None or known.month_day is not None:
            parts.append(_when(known))
    if a.where and b.where:
        parts.append(a.where)
    else:
        places = [p for p in a.places if p.lower() in {q.lower() for q in b.places}]
        if places:
            parts.append(places[0])
    shared = set(b.actors)
    actors = sorted((n for n in a.actors if n in shared), key=lambda n: -len(n))  # the most specific first
    parts.extend(actors[:2])
    return ", ".join(parts) if parts else "they report the same facts"


# --------------------------------------------------------------------------- 3. per set


def shared_share(
    articles: Sequence[Article], groups: Sequence[Group], alignment: Alignment, pairs: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], float]:
    """Per pair ``(a, b)``: the share of the two articles' alignable sentences that sit in a
    group with a sentence of the other article (the report's "similarity"; it plays no part
    in the event judgement)."""
    alignable: dict[str, int] = dict.fromkeys((a.id for a in articles), 0)
    grouped = {member for group in groups for member in group.members}  # a short quote linked word for word
    for sentence, feats in zip(alignment.sentences, alignment.features, strict=True):
        if feats.total or sentence.id in grouped:
            alignable[sentence.article] += 1
    # A group holding both articles of a pair matches all their sentences in it: count each
    # group's members per article once, and credit every pair of its articles.
    matched: dict[tuple[str, str], int] = {}
    for group in groups:
        count: dict[str, int] = {}
        for member in group.members:
            article = article_of(member)
            count[article] = count.get(article, 0) + 1
        for x, y in combinations(count.items(), 2):
            key = (x[0], y[0]) if x[0] < y[0] else (y[0], x[0])
            matched[key] = matched.get(key, 0) + x[1] + y[1]
    out = {}
    for a, b in pairs:
        total = alignable[a] + alignable[b]
        out[(a, b)] = round(matched.get((a, b) if a < b else (b, a), 0) / total, 4) if total else 0.0
    return out




def compare_pairs(
    articles: Sequence[Article],
    groups: Sequence[Group],
    alignment: Alignment,
    chosen: Sequence[tuple[str, str]] | None,
    settings: Settings,
) -> tuple[tuple[Pair, ...], tuple[Event, ...]]:
    """One :class:`Pair` for every pair compared (all pairs, or the chosen ones), and the events."""
    profiles = {a.id: event_profile(a) for a in articles}
    ids = [a.id for a in articles]
    pairs = list(chosen) if chosen is not None else list(combinations(ids, 2))
    similarity = shared_share(articles, groups, alignment, pairs)
    records = []
    for x, y in pairs:
        verdict = judge(profiles[x], profiles[y], settings)
        records.append(
            Pair(x, y, similarity[(x, y)], verdict.same_event, verdict.relation, verdict.reason)
        )
    return tuple(records), events_of(ids, records)


def events_of(ids: Sequence[str], pairs: Sequence[Pair]) -> tuple[Event, ...]:
    """The events: articles joined by same-event pairs, in article order, each with the
    reasons of its pairs (an article in no same-event pair is an event of its own)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        if pair.same_event:
            ra, rb = root(pair.a), root(pair.b)
            if ra != rb:
                parent[max(ra, rb, key=ids.index)] = min(ra, rb, key=ids.index)
    members: dict[str, list[str]] = {}
    for i in ids:
        members.setdefault(root(i), []).append(i)
    out = []
    for number, group in enumerate(members.values(), start=1):
        inside = set(group)
        evidence = tuple(p.reason for p in pairs if p.same_event and p.a in inside and p.b in inside)
        out.append(Event(f"e{number}", tuple(group), evidence))
    return tuple(out)


def place_groups(groups: Sequence[Group], events: Sequence[Event]) -> tuple[Group, ...]:
    """Each group with the events its articles report.  A group joining articles of two
    events is the same claim at two events: differences between events contradict
    nothing, so it is "diverge" only when two articles of one event in it differ (it is
    "partial" otherwise)."""
    event_of = {article: event.id for event in events for article in event.articles}
    out = []
    for group in groups:
        ids = tuple(dict.fromkeys(event_of[a] for a in group.articles if a in event_of))
        kind = group.kind
        if len(ids) > 1 and kind == "diverge" and not _differs_within_event(group, event_of):
            kind = "partial"
        out.append(replace(group, kind=kind, events=ids))
    return tuple(out)


def _differs_within_event(group: Group, event_of: Mapping[str, str]) -> bool:
    """Some difference of the group sets two articles of one event against each other."""
    for difference in group.differences:
        values: dict[str, set[str]] = {}
        articles: dict[str, set[str]] = {}
        for sentence, value in difference.values:
            event = event_of.get(article_of(sentence), "")
            values.setdefault(event, set()).add(value)
            articles.setdefault(event, set()).add(article_of(sentence))
        if any(len(values[e]) > 1 and len(articles[e]) > 1 for e in values):
            return True
    return False
