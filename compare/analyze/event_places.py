"""Where an article says its event took place: the dateline's place ("NEW YORK --"), the
places "in X" / "at X" its headline and lede name, and the regions it writes after a place
("Mannheim, Germany").  Part of the event profile (:mod:`compare.analyze.event_profile`),
which reads the article alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from compare.analyze.numbers import find_dates
from compare.terms import title_case
from compare.text import CALENDAR_NAMES, weekdays_named

TITLE_WORDS = frozenset("gov sen rep gen mr mrs ms dr president minister mayor judge".split())
"""Titles that are no place ("Alaska Gov" -> "Alaska") and no participant ("Rep", "Gov")."""
RELATIVE_WORD = re.compile(r"\b(today|tonight|yesterday)\b", re.IGNORECASE)

# "NEW YORK --", "GAZA CITY (Ma'an) --", "ATLANTA, Georgia (CNN) --", "GAZA, Feb. 22 (Xinhua) --"
_DATELINE_PLACE = re.compile(
    r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.' ]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\(|—|–|--|-\s)"
)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
NOT_PLACES = frozenset("The This That These Those".split()) | CALENDAR_NAMES
_ARTICLE_WORDS = frozenset("A AN THE".split())  # "A FIRE - BOMB attack ..." is a headline, not a dateline
_NOT_WHERE_BEFORE = frozenset(
    "bring brings bringing brought call calls calling called sworn swear swearing turn turns turned "
    "hand hands handed fill fills filled step steps stepped weigh weighs weighed chime chimed usher ushered "
    "flaw flaws vulnerability vulnerabilities bug bugs hole holes patch stake stakes interest role faith trust "
    "out aim aims aimed aiming angry furious anger outrage".split()
)
"""Words after which "in"/"at" + a capitalised phrase is not where the event took place: a verb's
particle ("bringing in Maurice Cheeks"), whom a reproach is aimed at ("lashed out at Israel",
"angry at Washington") or a noun whose "in X" is seldom a place ("a flaw in Internet
Explorer", "a stake in Chrysler", "his role in Watergate").  A noun of change or share is not one of
them: "a surge in Baghdad violence", "Shares in London fell", "took part in Lisbon talks", "Dies in
Fall in New Zealand", "Fiber cable cut in Egypt" name the place."""
_WORD_BEFORE_CHARS = 30
"""How many characters before "in"/"at" are read to find the word before it (``_NOT_WHERE_BEFORE``): room
for the longest of them (15 characters) and the spaces around it, without splitting the whole sentence."""
_REGION_AFTER = r",\s+((?>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\b(?!\s+(?:and|or)\b)"
"""After a place, the region it lies in: ", Germany", ", Brooklyn" (:func:`_regions`); not the
next place of a list ("in Nashville, Miami and Atlanta")."""
_NOT_WHERE_AFTER = re.compile(r"^(?:['’]s)?\s+history\b")
"""What after the phrase makes it an attribute, not a place: "in American history", "in Creighton
history" (a possessive alone does not: "in Palermo's Pagliarelli prison")."""



def _place_in(text: str) -> str | None:
    for place in _places_in(text):
        return place
    return None


def _places_in(text: str) -> Iterable[str]:
    """The places "in X" / "at X" names in ``text``, in order (see :func:`_clean_place`), left
    out where the phrase is not a place: after a particle verb or a noun of
    ``_NOT_WHERE_BEFORE``, or followed by "history" (``_NOT_WHERE_AFTER``)."""
    for match in _IN_PLACE.finditer(text):
        before = text[max(0, match.start() - _WORD_BEFORE_CHARS) : match.start()].split()
        if before and before[-1].lower().strip(",;:") in _NOT_WHERE_BEFORE:
            continue
        if _NOT_WHERE_AFTER.match(text[match.end() :]):
            continue
        place = _clean_place(match.group(1))
        if place is not None:
            yield place


def _clean_place(place: str) -> str | None:
    """The place a capitalised phrase after "in"/"at" names: cut before a day or month
    ("Queens Friday" -> "Queens") or a title ("Alaska Gov" -> "Alaska"); None when
    nothing is left."""
    kept = []
    for word in place.split():
        if word in NOT_PLACES or word.lower() in TITLE_WORDS:
            break
        kept.append(word)
    return " ".join(kept) or None


def event_places(title: str, lede: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """The place of the event (a dateline such as "NEW YORK --", else the place named in
    the first lede sentence that says when: "told reporters today in Moscow"), and every
    place the headline and lede name."""
    out: dict[str, None] = {}
    where = None
    if lede:
        match = _DATELINE_PLACE.match(lede[0])
        if match and not find_dates(match.group(1)) and match.group(1).split()[0] not in _ARTICLE_WORDS:
            where = match.group(1).strip().title()
    if where is None:
        for text in lede:
            if title_case(text):
                continue  # a headline repeated in the body
            if RELATIVE_WORD.search(text) or weekdays_named(text, occasions_only=True):
                where = _place_in(text)
                break
    if where is not None:
        out[where] = None
    for text in (title if not title_case(title) else "", *lede):  # a Title Case headline capitalises every word
        for place in _places_in(text):
            out.setdefault(place, None)
    return where, tuple(out)


def place_regions(texts: Sequence[str], where: str | None) -> tuple[tuple[str, str], ...]:
    """(place, region), lower case, for each place the texts write followed by a comma and a
    capitalised name: the dateline's place (``where``) and every "in X" / "at X" place
    (:func:`_places_in`) -- "in Mannheim, Germany on Saturday", "a vigil in East Flatbush,
    Brooklyn"; a day or a month after the comma is no region ("Paris, Nov. 3")."""
    found: dict[tuple[str, str], None] = {}
    for text in texts:
        places = list(_places_in(text))
        if where is not None:
            places.append(where)
        for place in dict.fromkeys(places):
            for match in re.finditer(f"(?i:{re.escape(place)})" + _REGION_AFTER, text):
                region = _clean_place(match.group(1))
                if region is not None:
                    found.setdefault((place.lower(), region.lower()), None)
    return tuple(found)
