"""Dates of two versions of one fact that differ: one contradicts the other, or one is more
precise (:func:`date_difference`), with what the articles say about dates (:class:`ArticleDates`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from compare.analyze.attribution import Source, compatible, find_sources
from compare.analyze.numbers import DateMention, compare_dates, find_dates
from compare.analyze.shared import WORDS
from compare.models import Difference, Sentence
from compare.settings import Settings
from compare.similarity import normalise_word
from compare.text import CALENDAR_NAMES, weekdays_named

_DATELINE_END = re.compile(r",?\s*(?:\d{4}\s*)?(?:\([A-Z][\w .&-]{0,30}\)\s*)?(?:--|—|–|-\s)")


@dataclass(frozen=True, slots=True)
class ArticleDates:
    """What the articles of a comparison say about dates, for :func:`date_difference`."""

    published: Mapping[str, str | None]  # article id -> "YYYY-MM-DD", or None when undated
    mentioned: Mapping[str, tuple[tuple[DateMention, frozenset[str]], ...]]
    """article id -> every date its text writes, with the words around it (:func:`near_words`)"""
    written: Mapping[str, tuple[tuple[DateMention, frozenset[str]], ...]] = field(default_factory=dict)
    """sentence id -> the same for each sentence (a group's members are read once, here)"""

    @classmethod
    def of(
        cls, sentences: Sequence[Sentence], settings: Settings, published: Mapping[str, str | None] | None = None
    ) -> ArticleDates:
        written = {s.id: _dates_in(s.text, settings.differences.date_context_words) for s in sentences}
        mentioned: dict[str, list[tuple[DateMention, frozenset[str]]]] = {}
        for s in sentences:
            mentioned.setdefault(s.article, []).extend(written[s.id])
        return cls(dict(published or {}), {k: tuple(v) for k, v in mentioned.items()}, written)


def _dates_in(text: str, reach: int) -> tuple[tuple[DateMention, frozenset[str]], ...]:
    """Every date ``text`` writes, with the content words within ``reach`` words of it (:func:`near_words`)."""
    return tuple((d, frozenset(near_words(text, d.start, len(d.text), reach))) for d in find_dates(text))


def date_difference(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    settings: Settings,
    articles: ArticleDates | None = None,
) -> Difference | None:
    """Dates compared by their parts (see :mod:`compare.analyze.numbers`), and weekdays of closely
    similar versions naming one each (``agree_threshold``: "the House voted on Wednesday" against
    "on Tuesday"), only when they date the same thing:

    * a word within ``DifferenceSettings.date_context_words`` of one is within as many of the
      other ("the summit on Nov. 20" / "the summit in November"; not "shipping in April" / "on
      sale by the end of March"), names aside, words of telling as one (:func:`near_words`); two
      dates (not weekdays) of versions as close as ``agree_threshold`` need no such word: they
      tell one thing in other words ("seized ... in August 2013" / "taken hostage ... on Aug. 4,
      2013");
    * neither article gives the other's date too ("ship by the end of March, with retail
      training in mid February" against "arrive by the end of March": the February is another
      thing's; "injured his ankle in June" against "had surgery in September" in an article that
      also tells of the June injury);
    * they are not told by two sources that cannot be one ("a source told CNN on Monday" / "a
      report on Sunday from The New York Times": two reports, two days);
    * dates and weekdays not of two moments by the words governing them (:func:`day_governor`,
      :func:`two_moments_governed`): "broke out at 2 a.m. Sunday" / "was put out at 2 p.m. Monday",
      "police said Tuesday" / "died Monday";
    * weekdays only of articles of one date, when both are dated: each article's "Sunday" is the
      one before its own date ("met on Thursday" in a Thursday article, "met on Sunday" in a
      Sunday one: two meetings).

    A wire dateline's date ("Nov. 3 (Bloomberg) --") is never compared: it dates the article.
    A date that only adds a year to a day and month ("Jan. 4, 2015" / "January 4th") is no more
    precise: a dated article implies its year."""
    reach = settings.differences.date_context_words
    dated = articles.published if articles else {}
    mentioned = articles.mentioned if articles else {}
    written = articles.written if articles else {}
    given = [_compared(written.get(s.id) or _dates_in(s.text, reach), s.text) for s in members]
    dates = [found[:DATES_COMPARED] for found in given]
    weekdays = [_weekdays(s.text, reach) for s in members]
    sources: dict[int, list[Source]] = {}

    def told_apart(a: int, b: int) -> bool:
        for k in (a, b):
            if k not in sources:
                sources[k] = find_sources(members[k].text)
        spelling = settings.differences.source_spelling
        return bool(sources[a] and sources[b]) and not any(compatible(x, y, spelling) for x in sources[a] for y in sources[b])

    values: dict[str, str] = {}
    conflict = False
    for (a, b), linked in sims.items():
        close = linked >= settings.agree_threshold
        one_day = {dated.get(members[a].article), dated.get(members[b].article)}
        if close and (len(one_day) == 1 or None in one_day) and len(weekdays[a]) == len(weekdays[b]) == 1:
            (day_a, around_a, governs_a), (day_b, around_b, governs_b) = weekdays[a][0], weekdays[b][0]
            two_moments = two_moments_governed(governs_a, governs_b)
            if day_a != day_b and around_a & around_b and not two_moments and not told_apart(a, b):
                conflict = True
                values.setdefault(members[a].id, day_a)
                values.setdefault(members[b].id, day_b)
        for x, near_x in dates[a]:
            for y, near_y in dates[b]:
                comparable, clash = compare_dates(x, y)
                if not comparable or not (clash or _more_precise(x, y) or _more_precise(y, x)) or not (close or near_x & near_y):
                    continue
                elsewhere_a, elsewhere_b = mentioned.get(members[a].article, ()), mentioned.get(members[b].article, ())
                if clash and (_gives(given[b], x) or _gives(given[a], y)):
                    continue
                if clash and (_gives(elsewhere_b, x, near_x) or _gives(elsewhere_a, y, near_y)):
                    continue
                if told_apart(a, b) or (clash and _two_moments_dated(members[a].text, x, members[b].text, y)):
                    continue
                conflict = conflict or clash
                values.setdefault(members[a].id, x.text)
                values.setdefault(members[b].id, y.text)
    if not values:
        return None
    detail = " against ".join(f"'{v}'" for v in dict.fromkeys(values.values()))
    detail += " (contradicting dates)" if conflict else " (one is more precise)"
    return Difference("date", detail, tuple(values.items()), conflict=conflict)


def _two_moments_dated(text_a: str, x: DateMention, text_b: str, y: DateMention) -> bool:
    """Two dates of two moments by the words governing them, as two weekdays (:func:`two_moments_governed`):
    "broke out on Dec. 1" / "was put out on Dec. 2".  Read only for dates that clash: "a previously announced
    November 2013 release date" is still less precise than "a release date of 22 November 2013"."""
    return two_moments_governed(day_governor(before_at(text_a, x.start)), day_governor(before_at(text_b, y.start)))


def _weekdays(text: str, reach: int) -> list[tuple[str, set[str], str | None]]:
    """Each weekday ``text`` names as a day, with its words around (:func:`near_words`) and the word
    governing it (:func:`day_governor`)."""
    return [
        (m.group(), near_words(text, m.start(), len(m.group()), reach), day_governor(before_at(text, m.start())))
        for m in weekdays_named(text, after_names=False)
    ]


DATES_COMPARED = 16
"""At most this many dates of one sentence are compared with the other versions' (the first,
each written date and its words around once; whether the other version gives a date too is read
among all its dates).  Every pair of dates of every pair of versions
was compared, each against all the dates of the other version: a sentence of 300 dates cost
minutes.  In FNC-1 and BASIL dev no sentence writes more than 6 dates, 2 of them different."""


def _compared(found: Sequence[tuple[DateMention, frozenset[str]]], text: str) -> list[tuple[DateMention, frozenset[str]]]:
    """The dates of one version that :func:`date_difference` reads: no wire dateline's date, each
    date once (as written, with the same words around)."""
    kept: dict[tuple[str, int | None, int | None, int | None, frozenset[str]], tuple[DateMention, frozenset[str]]] = {}
    for d, near in found:
        if not _dateline(text, d):
            kept.setdefault((d.text, d.year, d.month, d.day, near), (d, near))
    return list(kept.values())


def _gives(
    dates: Sequence[tuple[DateMention, Collection[str]]], mention: DateMention, near: Collection[str] | None = None
) -> bool:
    """One of ``dates`` is ``mention``'s date (the same month, and day and year where both give
    them), and when ``near`` is given, with a word of it around (it dates the same thing)."""
    return any(compare_dates(d, mention) == (True, False) and (near is None or set(near) & set(around)) for d, around in dates)


def _dateline(text: str, mention: DateMention) -> bool:
    """A wire dateline's date ("Nov. 3 (Bloomberg) --", "WASHINGTON, Nov. 3 (Reuters) -") dates
    the article, not what it reports."""
    return mention.start < 40 and bool(_DATELINE_END.match(text, mention.start + len(mention.text)))


# Words of telling: the day something was said, whichever word tells it ("said on Monday", "in an
# interview Tuesday", "a report on Sunday"), one word for the context of a date.
_TELLING = frozenset(
    "said says say told tells tell telling interview interviews report reports reported statement announced "
    "stated wrote writes added remarks".split()
)


def near_words(text: str, start: int, length: int, reach: int) -> set[str]:
    """The content words within ``reach`` words before and after a date at ``start`` ("begin
    shipping in April according to Apple's CEO" → begin, ship, <telling>), calendar words and
    names aside: "the FBI said in September" and "the FBI launched a manhunt in August" share a
    name, not what they date."""
    before, after = _words_before(text, start, reach), list(islice(WORDS.finditer(text, start + length), max(reach, 0)))
    out = set()
    for m in (*before, *after):
        w = m.group()
        if w.capitalize() in CALENDAR_NAMES:
            continue
        if w.lower() in _TELLING:
            out.add("<telling>")
        elif w[0].islower() or not text[: m.start()].strip(" “\"'‘("):  # a capital inside a sentence: a name
            token = normalise_word(w)
            if token:
                out.add(token)
    return out


def _words_before(text: str, start: int, reach: int) -> list[re.Match[str]]:
    """The last ``reach`` words before ``start``, read from a window that grows until it holds
    more than that many (the first word of a window may be cut; the rest are whole): reading
    from the start of the text for every date cost the square of a sentence of many dates."""
    if reach <= 0:
        return list(WORDS.finditer(text, 0, start))[-reach:]
    window = 64 * (reach + 1)
    while True:
        low = max(0, start - window)
        found = list(WORDS.finditer(text, low, start))
        if low == 0 or len(found) > reach:
            return found[-reach:]
        window *= 4


def _more_precise(a: DateMention, b: DateMention) -> bool:
    """``a`` gives every part of the date ``b`` gives, and more ("Nov. 20" / "November");
    "March 2008" and "March 2" each give a part the other lacks: together one date; "Jan. 4,
    2015" only adds the year a dated article implies to "January 4th"."""
    parts_a = {k for k, v in (("y", a.year), ("m", a.month), ("d", a.day)) if v is not None}
    parts_b = {k for k, v in (("y", b.year), ("m", b.month), ("d", b.day)) if v is not None}
    return parts_b < parts_a and parts_a - parts_b != {"y"}


GOVERNOR_REACH = 80
"""How many characters before a time, a weekday or a date are read for the word governing it."""


def before_at(text: str, at: int) -> str:
    """The ``GOVERNOR_REACH`` characters of ``text`` before ``at``, where :func:`governor` and
    :func:`day_governor` read the governing word."""
    return text[max(0, at - GOVERNOR_REACH) : at]


# What may stand between a time and the word governing it: "began at", "scheduled for", "put out by".
_LINKS = frozenset("at for by until till from to on since of (".split())
_PARTICLES = frozenset("out off up down over back away in".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\S")


def governor(before: str, links: Collection[str] = _LINKS) -> str | None:
    """The word right before a time and its "at", "for", ... (``links``: "the fire broke out at" →
    "broke out"), or None when none is there (a comma, a figure, the sentence's start)."""
    words: list[str] = [w.lower() for w in _WORD.findall(before)]
    while words and words[-1] in links:
        words.pop()
    if not words or not words[-1][0].isalpha():
        return None
    if words[-1] in _PARTICLES and len(words) > 1 and words[-2][0].isalpha():
        return f"{words[-2]} {words[-1]}"
    return words[-1]


# Between a weekday and the word governing it, besides a time's links: "early", "late", "last", and a
# time of day ("broke out at 2 a.m. Sunday", "began shortly after 10 p.m. on Monday").
_DAY_LINKS = _LINKS | frozenset("early late last this next a an the".split())
_CLOCK_BEFORE = re.compile(
    r"(?:(?:shortly|just|right|around|about|after|before|past|approximately)\s+)*"
    r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?\s?m\b\.?|\d{1,2}:[0-5]\d|noon|midnight)[\s,]*(?:on\s+)?$",
    re.IGNORECASE,
)


def day_governor(before: str) -> str | None:
    """The word governing a weekday or date, read from the text ``before`` it: its own ("broke out Sunday",
    "was put out early Monday", "tip a March arrival"), or that of the time of day right before it ("broke
    out at 2 a.m. Sunday" → "broke out").  Telling is one word, as for :func:`near_words` ("said on Monday",
    "in an interview Tuesday"), and so is the object of "told" ("told reporters on Friday"); a name governs
    nothing ("told Reuters Thursday"); None when nothing is there."""
    clock = _CLOCK_BEFORE.search(before)
    before = before[: clock.start()] if clock else before
    word = governor(before, _DAY_LINKS)
    if word is None:
        return None
    written = _WORD.findall(before)
    while written and written[-1].lower() in _DAY_LINKS:
        written.pop()
    head = written[-len(word.split()) :]
    told = written[-len(word.split()) - 1 : -len(word.split())]
    if word in _TELLING or (told and told[0].lower() in _TOLD_OBJECT):
        return "<telling>"
    return None if head[0][0].isupper() else word


_TOLD_OBJECT = frozenset("told tell tells telling".split())  # a verb of telling that takes whom it tells


# Words that govern the two ends of one happening: a weekday of each dates two moments ("broke out ...
# Sunday" / "was put out ... Monday").  Two other words may well tell one moment ("voted" / "passed",
# "struck" / "hit", "died" / "passed away"), so only these phases are told apart.
_PHASES = (
    frozenset(
        "broke out|began|begin|begins|started|start|starts|erupted|ignited|opened|opens|launched|kicked off|set off".split("|")
    ),
    frozenset(
        "put out|ended|ends|end|finished|finishes|closed|closes|extinguished|contained|doused|concluded|wrapped up".split("|")
    ),
    frozenset("arrived|arrives|landed|lands|checked in|entered|enters".split("|")),
    frozenset("left|leaves|departed|departs|checked out|exited|released|freed|discharged".split("|")),
)


def two_moments_governed(a: str | None, b: str | None) -> bool:
    """Two weekdays date two moments by the words governing them (:func:`day_governor`): the day one was
    told against the day a thing happened ("police said Tuesday" / "died Monday"), or the two ends of one
    happening (``_PHASES``); two verbs of one moment ("voted" / "passed") date the same one."""
    if a is None or b is None or a == b:
        return False
    if (a == "<telling>") != (b == "<telling>"):
        return True
    phases = [next((k for k, words in enumerate(_PHASES) if word in words), None) for word in (a, b)]
    return None not in phases and phases[0] != phases[1]
