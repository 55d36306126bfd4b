"""The event profile of one article: what it reports that tells one event from another.

The first step of the event judgement (overview in :mod:`compare.analyze.events`);
:func:`event_profile` reads the article alone --

* its *content*: the weighted counts of its content words (headline and lede weigh more, names and
  numbers more than common words, :func:`compare.terms.weighted_terms`), each word weighted again by
  how rare it is in English (:func:`compare.similarity.informativeness`, a fixed prior: no collection
  statistics, so the score of a pair does not move with the other articles);
* its *day*: the day of the event it reports, when the article lets us know it (else the weekday its
  headline or lede names, "on Saturday") -- a date or a weekday ("on Wednesday", "today") in the headline
  or the lede, resolved against the publication date when there is one (``WEEKDAY_DAYS_BACK``); in an
  undated article, else the first date of its first ``BODY_DATE_SENTENCES`` body sentences, unless the
  article names a later year (then that date is background: a birth, an earlier ruling); else the wire
  dateline ("Nov. 3 (Bloomberg) --"); else the publication date;
* its *places* (a dateline such as "NEW YORK --", "in Moscow" in the lede:
  :mod:`compare.analyze.event_places`) and
  its *actors* (the names it repeats), for the reason given in words;
* its *participants*: the names its headline and first
  ``PARTICIPANT_SENTENCES`` body sentences give (who did what, where), each
  with how often the article names it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from compare.analyze.event_actions import lead_actions
from compare.analyze.event_places import NOT_PLACES, RELATIVE_WORD, event_places, place_regions
from compare.analyze.lead_names import participants
from compare.analyze.numbers import DateMention, find_dates
from compare.models import Article
from compare.similarity import informativeness, normalise_word
from compare.terms import NAME_WEIGHT, sentence_tokens, title_case, weighted_terms
from compare.text import LETTER_OR_NUMERAL, iso_day, weekdays_named

LEDE_SENTENCES = 3
"""How many body sentences (after the headline) may state the day of the event."""

BODY_DATE_SENTENCES = 6
"""An undated article with no day in its headline or lede takes the first date of its first
this many body sentences that name no weekday; a date further down is background ("its Nov. 26
opening", "convicted March 20") or a plan ("will be sentenced May 3").  On ECB+ dev topics
1-35 (pairs within a topic): the whole body P/R/F1 0.954/0.681/0.794; 4 sentences 0.952/0.694/0.802,
5 to 7 0.955/0.693/0.803, 10 0.956/0.691/0.802, 3 0.951/0.695/0.803."""

WEEKDAY_DAYS_BACK = 4
"""A weekday of the headline or lede ("on Friday") is the day falling on it at most this many days
before publication, else the coming one: a plan, no event day ("has invited ... to his office on
Friday morning" on a Thursday); "last Friday" is the one before.  Read always as the one before
(until session 17), BASIL dev had 4 stories split and 81 of 90 pairs one event; 4 (or 3): 1 story
and 87 pairs; 5: 3 stories; ECB+ pairs F1 0.8056 -> 0.8059.  A past tense in its clause read as
the day before up to six days back ("killed 12 people on Friday", session 18): BASIL unchanged,
ECB+ two pairs of one event split (an article dated a day early; a shooting's day against a
report dated by its publication), none joined: not taken."""

_WEEKDAY_NUMBER = {name: n for n, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}
_RELATIVE = {"today": 0, "tonight": 0, "yesterday": 1}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME = re.compile(
    r"(?<![.!?]\s)(?<!^)\b((?:[A-Z]{2,}(?:-[A-Z][\w'’]*)*|[A-Z][\w'’-]*[a-z][\w'’-]*)"
    rf"(?:\s+(?:of\s+)?(?:[A-Z][\w'’-]+|{LETTER_OR_NUMERAL})){{0,3}})"
)
"""A name :func:`_actors` counts: a word with a small letter (or in capitals) and up to three capitalised
words after it, a capital letter or Roman numeral among them ("World War I", "Plan B")."""


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
    """(content token, the full name as written -- "Dana Whitlock" for whitlock --, how many times
    the article names it) of each name in the headline and the first ``PARTICIPANT_SENTENCES``
    body sentences (:func:`compare.analyze.lead_names.participants`)."""
    weekday: int | None = None
    """The weekday of the event (0 = Monday) when the headline or lede names one ("on
    Saturday") but the day itself is not known (an undated article)."""
    lead: Mapping[str, float] = field(default_factory=dict)
    """The content words of the headline and the first ``LEDE_SENTENCES`` body sentences
    alone (who did what, where), weighted as :attr:`vector` is, unit length (:func:`_lead`)."""
    lead_days: tuple[tuple[int, int, int | None], ...] = ()
    """(month, day, year or None) of every date the headline and the first ``LEDE_SENTENCES``
    body sentences write out ("The Nov. 30 escape by ..."), a date without its year resolved
    against the publication date when there is one (:func:`_lead_days`): a later article naming
    the day of an earlier event reports on that event (:func:`compare.analyze.events.names_day_of`)."""
    regions: tuple[tuple[str, str], ...] = ()
    """(place, the region the article writes after it), lower case, for each place it writes
    "Mannheim, Germany", "East Flatbush, Brooklyn" (:func:`compare.analyze.event_places.place_regions`): one place inside the
    other, not two places."""
    dateline: bool = False
    """:attr:`where` is the dateline's place ("SYDNEY -"): where the report was filed, which
    is not always where the event took place (a wire's bureau covers its country)."""
    made_from: str = ""
    """:func:`made_from` of the article the profile was made of: ``compare_prepared`` checks a
    profile it is given against its article with it."""
    actions: tuple[str | None, tuple[str, ...]] = (None, ())
    """What the lead says happened: its main action and every action its headline and the first
    ``LEDE_SENTENCES`` body sentences tell, as kinds of event ("dismissal", "hiring"), by
    :func:`compare.analyze.event_actions.lead_actions`."""


def made_from(article: Article) -> str:
    """A digest of all of an article that its event profile reads: its id, title, date and
    sentences (each one's role and text).  Hashing them costs a small part of making the profile.

    >>> from compare.models import Article
    >>> made_from(Article("a", "a.txt", "", "Hi.")) == made_from(Article("a", "b.txt", "", "Hi."))
    True
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in (article.id, article.title or "", article.date or "", *(f"{s.role}:{s.text}" for s in article.sentences)):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def _shift(day: date, days: int) -> date | None:
    """``day`` moved by ``days``; None past the calendar's ends (a record dated "0001-01-01" that
    says "yesterday", or "9999-12-30" and "on Friday": an OverflowError stopped the run)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _weekday_day(published: date, weekday: int, before: str) -> date | None:
    """The day ``weekday`` (0 = Monday) names after the text ``before`` (``WEEKDAY_DAYS_BACK``):
    a day after ``published`` is a plan, which :func:`_reported_day` skips."""
    back = (published.weekday() - weekday) % 7
    word = before.split()[-1].lower() if before.split() else ""
    if word == "last" or (back <= WEEKDAY_DAYS_BACK and word not in ("next", "coming")):
        return _shift(published, -(back or (7 if word == "last" else 0)))
    return _shift(published, (7 - back) or 7)


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
    latest = _shift(published, 31) if published is not None else None
    if mention.year is None and latest is not None and day > latest:
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
            for match in weekdays_named(text, occasions_only=True):
                day = _weekday_day(published, _WEEKDAY_NUMBER[match.group()], text[max(0, match.start() - 12) : match.start()])
                if day is not None:
                    found.append((match.start(), day, None))
            for match in RELATIVE_WORD.finditer(text):
                if (day := _shift(published, -_RELATIVE[match.group().lower()])) is not None:
                    found.append((match.start(), day, None))
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


def _actors(texts: Iterable[str]) -> tuple[str, ...]:
    """The names the article repeats (or names in its headline), most mentioned first."""
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _NAME.finditer(text):
            words = match.group(1).split()
            while words and normalise_word(words[0]) is None:  # a quotation's first word: "I'm", "We", "It's"
                words.pop(0)
            name = " ".join(words)
            if words and words[0] not in NOT_PLACES and len(name) > 2:
                counts[name] += 1
    return tuple(name for name, count in counts.most_common(8) if count >= 2)


def event_profile(article: Article, terms: Mapping[str, float] | None = None) -> EventProfile:
    """The :class:`EventProfile` of a cleaned and segmented article.  ``terms``: the article's
    :func:`compare.terms.weighted_terms` with their default weights, where made already
    (:func:`compare.stories.profile` makes them for the story vector: one pass over the words)."""
    vector = _unit_vector(weighted_terms(article) if terms is None else terms)
    body = [s.text for s in article.sentences if s.role == "body"]
    lede = body[:LEDE_SENTENCES]
    published = iso_day(article.date)
    day, month_day = _reported_day([article.title or "", *lede], published)
    if not (day or month_day) and published is None:
        # An undated article: a date anywhere in it, but not beside a weekday ("the meeting on
        # Wednesday prepared a summit on Nov. 20": the event is the Wednesday, an unknown day).
        undated = [t for t in body if not weekdays_named(t, occasions_only=True)][:BODY_DATE_SENTENCES]
        day, month_day = _reported_day(undated, None, weekdays=False)
    if published is None and day is not None and day.year < _latest_year([article.title or "", *body]):
        day = None  # a background date ("born April 22, 1923" in an obituary that names 2008)
    source = "text" if day or month_day else ""
    if not source:
        wired = _dateline(article)
        if wired is not None:
            day, month_day = _resolve(wired, published)
            source = "dateline" if day or month_day else ""
    if not source and published is not None:
        day, source = published, "published"
    where, dateline, places = event_places(article.title or "", lede)
    weekday = None
    if day is None and month_day is None:
        lines = (article.title or "", *lede)
        named = next((m.group() for text in lines for m in weekdays_named(text, occasions_only=True)), None)
        weekday = _WEEKDAY_NUMBER[named] if named else None
    return EventProfile(
        article.id,
        vector,
        day,
        month_day,
        source,
        where,
        places,
        _actors([article.title or "", *body]),
        participants(article.title or "", body),
        weekday,
        _lead(article.title or "", lede),
        _lead_days([article.title or "", *lede], published),
        place_regions([article.title or "", *body], where),
        dateline,
        made_from(article),
        lead_actions(article.title or "", lede),
    )


def _lead_days(texts: Iterable[str], published: date | None) -> tuple[tuple[int, int, int | None], ...]:
    """The dates (with a month and a day) the texts write out, as (month, day, year or None): a
    date without its year takes the publication's (the year before when that puts it more than
    a month after the publication, as :func:`_resolve` reads it)."""
    found: set[tuple[int, int, int | None]] = set()
    for text in texts:
        for mention in find_dates(text):
            day, month_day = _resolve(mention, published)
            if day is not None:
                found.add((day.month, day.day, day.year))
            elif month_day is not None:
                found.add((*month_day, None))
    return tuple(sorted(found, key=lambda d: (d[0], d[1], d[2] or 0)))


def _lead(title: str, lede: Sequence[str]) -> dict[str, float]:
    """The lead's vector: each content token of the headline and the lede counted (a name or
    a number twice, as :func:`compare.terms.weighted_terms` weighs them), log-scaled and
    weighted by rarity, unit length.  Two reports of one event tell it first: their leads
    share who did what where, even when the rest of the articles go different ways."""
    counts: dict[str, float] = {}
    for text, names in ((title, not title_case(title)), *((t, True) for t in lede)):
        for token, name in sentence_tokens(text, names):
            counts[token] = counts.get(token, 0.0) + (NAME_WEIGHT if name else 1.0)
    return _unit_vector(counts)


def _unit_vector(counts: Mapping[str, float]) -> dict[str, float]:
    """Weighted token counts as a unit vector: each count log-scaled (a count under 1, a token
    seen only at a low weight, as it is), times the token's rarity (:func:`_rarity`)."""
    vector = {t: (1.0 + math.log(c) if c >= 1.0 else c) * _rarity(t) for t, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / norm for t, w in vector.items()}


def _latest_year(texts: Iterable[str]) -> int:
    """The latest year (1800-2099) the texts name; 0 when they name none."""
    return max((int(year) for text in texts for year in _YEAR.findall(text)), default=0)


@lru_cache(maxsize=65536)
def _rarity(token: str) -> float:
    weight = informativeness(token)
    return weight * weight


