"""Where an article says its event took place: the dateline's place ("NEW YORK --"), the
places "in X" / "at X" its headline and lede name, and the regions it writes after a place
("Mannheim, Germany").  Part of the event profile (:mod:`compare.analyze.event_profile`),
which reads the article alone.  And which place lies in which (:func:`containers`): a city in its
region and country ("Palermo" in Sicily and Italy, "Sydney" in New South Wales and Australia),
from the GeoNames table ``compare/data/places.tsv`` (``benchmarks/make_places.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from compare.analyze.numbers import find_dates
from compare.terms import title_case
from compare.text import CALENDAR_NAMES, LETTER_OR_NUMERAL, unaccented, weekdays_named

TITLE_WORDS = frozenset("gov sen rep gen mr mrs ms dr president minister mayor judge sgt lt capt cpl det maj pvt".split())
"""Titles and ranks that are no place ("Alaska Gov" -> "Alaska"; "shot at Sgt. Mourad" names no
place) and no participant ("Rep", "Gov", "Sgt")."""
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
_VENUES = (
    "prison jail hospital church cathedral mosque temple synagogue school college university court courthouse "
    "airport station stadium arena hotel club store shop mall restaurant bar nightclub building tower plant "
    "factory mine base camp park zoo museum theatre theater hall office headquarters center centre home"
)
_REGION_IN = (
    rf"(?:(?:\s+[a-z]+)?\s+(?:{'|'.join(_VENUES.split())})s?)?\s+in\s+(?:the\s+(?:[A-Za-z]+\s+){{0,3}}?of\s+)?"
    r"((?>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\b"
)
"""After a place, the place it lies in, written "in": "Pagliarelli prison in the Sicilian capital
of Palermo", "Sam's Club store in Bloomington", "Wasilla Bible Church in Wasilla" -- the place itself
or a venue of it (a noun of ``_VENUES``, one word before it) right before "in", so that "fighting in
Aleppo killed dozens in Homs" says nothing of Aleppo."""
_NOT_WHERE_AFTER = re.compile(rf"^(?:(?:['’]s)?\s+history\b|[ \t]+{LETTER_OR_NUMERAL})")
"""What after the phrase makes it an attribute or a name, not a place: "in American history", "in
Creighton history" (a possessive alone does not: "in Palermo's Pagliarelli prison"); a capital letter
or a Roman numeral that goes on with it ("in World War I", "at Terminal B", "under Henry VIII": a
numbered name; "in Washington D.C." goes on with an initial, and is a place)."""



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


def event_places(title: str, lede: Sequence[str]) -> tuple[str | None, bool, tuple[str, ...]]:
    """The place of the event (a dateline such as "NEW YORK --", else the place named in
    the first lede sentence that says when: "told reporters today in Moscow"), whether that
    place is the dateline's (where the report was filed, not always where the event took
    place), and every place the headline and lede name."""
    out: dict[str, None] = {}
    where = None
    if lede:
        match = _DATELINE_PLACE.match(lede[0])
        if match and not find_dates(match.group(1)) and match.group(1).split()[0] not in _ARTICLE_WORDS:
            where = match.group(1).strip().title()
    dateline = where is not None
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
    return where, dateline, tuple(out)


def place_regions(texts: Sequence[str], where: str | None) -> tuple[tuple[str, str], ...]:
    """(place, region), lower case, for each place the texts write followed by a comma and a
    capitalised name: the dateline's place (``where``) and every "in X" / "at X" place
    (:func:`_places_in`) -- "in Mannheim, Germany on Saturday", "a vigil in East Flatbush,
    Brooklyn"; a day or a month after the comma is no region ("Paris, Nov. 3") -- or by "in"
    (``_REGION_IN``: "in Pagliarelli prison in Palermo")."""
    found: dict[tuple[str, str], None] = {}
    for text in texts:
        places = list(_places_in(text))
        if where is not None:
            places.append(where)
        for place in dict.fromkeys(places):
            for after in (_REGION_AFTER_RE, _REGION_IN_RE):
                for region in _regions_after(place, after, text):
                    if region is not None and region.lower() != place.lower():
                        found.setdefault((place.lower(), region.lower()), None)
    return tuple(found)


_REGION_AFTER_RE = re.compile(_REGION_AFTER)
_REGION_IN_RE = re.compile(_REGION_IN)


@lru_cache(maxsize=4096)
def _place_pattern(place: str) -> re.Pattern[str]:
    return re.compile(f"(?i:{re.escape(place)})")


def _regions_after(place: str, after: re.Pattern[str], text: str) -> Iterator[str | None]:
    """What ``re.finditer(place + after, text)`` finds (``place`` as a case-insensitive literal),
    each match's region cleaned (:func:`_clean_place`), without compiling that pattern for each
    place: the place is found, and ``after`` matched where it ends (a place that
    ``after`` does not follow is tried again a character later; a match resumes at its end)."""
    find = _place_pattern(place).search
    start = 0
    while start <= len(text) and (seen := find(text, start)) is not None:  # past the end an empty place matches again
        match = after.match(text, seen.end())
        if match is None:
            start = seen.start() + 1
            continue
        yield _clean_place(match.group(1))
        start = match.end()


PLACES_FILE = Path(__file__).resolve().parents[1] / "data" / "places.tsv"
"""Continent, country, first-level region and the places of each region (GeoNames, CC BY 4.0)."""


def fold_place(name: str) -> str:
    """A place name as the table writes it: lower case, accents taken off, one space between words."""
    return " ".join(unaccented(name).replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def _table() -> tuple[str, dict[str, str]]:
    """The text of ``PLACES_FILE`` (searched as it is: reading it whole takes a millisecond,
    indexing its 70,000 names a hundred times that) and its countries' other names."""
    text = PLACES_FILE.read_text(encoding="utf-8")
    aliases: dict[str, str] = {}
    for line in text[text.index("\n=") + 1 :].splitlines():
        country, others = line[1:].split("\t")
        aliases.update(dict.fromkeys(others.split("|"), country))
    return text, aliases


@lru_cache(maxsize=4096)
def _senses(name: str) -> tuple[tuple[str, ...], ...]:
    """What contains each sense of the place of folded name ``name``, outermost first: (continent,
    country, region) for a city, (continent, country) for a region, (continent,) for a country."""
    text, _aliases = _table()
    found: dict[tuple[str, ...], None] = {}
    start = text.find(name) if name else -1
    while start >= 0:
        end = start + len(name)
        before, after = text[start - 1], text[end] if end < len(text) else "\n"
        if before in "\t|" and after in "\t|\n":
            line_start = text.rfind("\n", 0, start) + 1
            fields = text[line_start : text.find("\n", start)].split("\t")
            column = text.count("\t", line_start, start)  # 0 continent, 1 country, 2 region, 3 its places
            found.setdefault(tuple(f for f in fields[:column] if f), None)
        start = text.find(name, end)
    return tuple(found)


def containers(place: str) -> frozenset[str]:
    """The folded names of every place that contains ``place`` in any of its senses (a region
    and country for a city, a country for a region, a continent for a country); empty for a
    place the table does not know."""
    return _containing(place_key(place))


def _containing(key: str) -> frozenset[str]:
    """:func:`containers` of the place of folded name ``key``."""
    return frozenset(p for path in _senses(key) for p in path)


def countries(place: str) -> frozenset[str]:
    """The folded names of the countries ``place`` lies in (or is), in any of its senses."""
    key = place_key(place)
    return frozenset(path[1] if len(path) > 1 else key for path in _senses(key) if path)


def place_key(place: str) -> str:
    """The folded name of ``place``, a country's other name ("Britain") as the country's."""
    name = fold_place(place)
    return _table()[1].get(name, name)


def nested(first: str, second: str, regions: Iterable[tuple[str, str]] = ()) -> bool:
    """One place lies in the other, or they are one: the same name, one name inside the other
    ("Gaza" and "Gaza City"), the table's containers (:func:`containers`: "Palermo" in "Sicily",
    "Sydney" in "Australia") or a region an article writes after a place ("East Flatbush,
    Brooklyn"; ``regions``: (place, region) pairs, lower case) and what contains that region."""
    return lies_in(first, second, regions) or lies_in(second, first, regions)


def lies_in(inner: str, outer: str, regions: Iterable[tuple[str, str]] = ()) -> bool:
    """``inner`` lies in ``outer`` or is it (:func:`nested`, one way): "Palermo" in "Sicily", "Gaza
    City" in "Gaza"."""
    x, y = place_key(inner), place_key(outer)
    return f" {y} " in f" {x} " or y in _inside(x, regions)  # whole words: not "Oman" in "Romania"


def _inside(key: str, regions: Iterable[tuple[str, str]]) -> set[str]:
    """What contains the place of folded name ``key``: the table's containers, and the regions
    written after it with their own containers."""
    out = set(_containing(key))
    for place, region in regions:
        if place_key(place) == key:
            out.add(place_key(region))
            out.update(containers(region))
    return out
