"""Quantities written in sentences, read as a reader reads them (when two conflict:
:mod:`compare.analyze.quantity_conflicts`).

A quantity is a number with its scale ("$1.5bn", "17 million", "forty-two", "a dozen",
"dozens"), its unit (money in one currency, a share in percent, a length, a mass, a
speed, an area or a volume, converted to one unit of its kind: "5 miles" and "8 km"
agree) and its approximation, read as a range of values:

* "at least 12", "more than 400" -> [12, inf), [400, inf)
* "up to 500", "fewer than 30" -> [0, 500], [0, 30]
* "about 200", "some 200", "roughly 200" -> 200 +- ``Settings.approximate_share``; "nearly 200" below it
* "dozens" -> [24, 144), "hundreds" -> [200, 1000), "thousands" -> [2000, 100000)
* a value written with a scale word, decimals or a unit is as precise as its last digit:
  "$17 million" is 16.5 to 17.5 million; a plain count ("38 words") is exact.

Two quantities of one kind that count the same thing (:func:`compare.analyze.quantity_conflicts.quantity_conflicts`)
conflict when their ranges cannot both hold ("40 homes" against "more than 400 homes"),
or when both are floors or both ceilings at different values ("at least 12" against "at
least 15": two tolls, an editor asks which is right).  The thing counted is the word
the reader sees ("soldiers"), never a stem.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from compare.analyze.ages import NAME_ZIPF, is_age, whose_age
from compare.analyze.counted import WORD, count_token, counted
from compare.analyze.numbers import find_dates
from compare.similarity import common_opener, normalise_word

APPROXIMATE = 0.15  # the default of Settings.approximate_share
CONTEXT_WORDS = 4  # the default of DifferenceSettings.number_context_words

_UNITS: dict[str, tuple[str, float]] = {}
for _kind, _names, _factor in [
    ("length", "km|kms|kilometer|kilometers|kilometre|kilometres", 1000.0),
    ("length", "m|meter|meters|metre|metres", 1.0),
    ("length", "cm|centimeter|centimeters|centimetre|centimetres", 0.01),
    ("length", "mile|miles|mi", 1609.344),
    ("length", "ft|foot|feet", 0.3048),
    ("length", "yard|yards", 0.9144),
    ("length", "inch|inches", 0.0254),
    ("mass", "kg|kilogram|kilograms|kilo|kilos", 1.0),
    ("mass", "g|gram|grams", 0.001),
    ("mass", "tonne|tonnes|ton|tons", 1000.0),
    ("mass", "lb|lbs|pound|pounds", 0.45359237),
    ("speed", "mph", 0.44704),
    ("speed", "km/h|kph", 1 / 3.6),
    ("area", "acre|acres", 4046.8564224),
    ("area", "hectare|hectares|ha", 10000.0),
    ("area", "sq km|km2", 1e6),
    ("volume", "litre|litres|liter|liters", 1.0),
    ("volume", "gallon|gallons", 3.785411784),
    ("volume", "barrel|barrels", 158.987294928),
]:
    for _name in _names.split("|"):
        _UNITS[_name] = (_kind, _factor)
_CURRENCY_SIGNS = {"$": "$", "us$": "$", "£": "£", "€": "€", "¥": "¥"}
_CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "yen": "¥", "yuan": "yuan",
                   "rupees": "rupee", "rubles": "ruble", "roubles": "ruble"}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12}
_ONES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
# Plural round numbers: a range, not a value ("dozens of arrests").
_VAGUE = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "hundreds": (200.0, 1000.0),
          "thousands": (2000.0, 100000.0), "tens of thousands": (20000.0, 100000.0),
          "hundreds of thousands": (200000.0, 1e6), "millions": (2e6, 1e9), "billions": (2e9, 1e12)}

_WORD_NUMBER = "|".join(sorted([*_ONES, *_TENS, "hundred", "dozen"], key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.,/:-])(?:(?P<cur>US\$|[$£€¥])\s?)?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+|\. \d{1,2}(?![\d,.]))?)"  # "3 200": thousands spaced; "6. 9": a decimal (segment._DECIMAL_AFTER)
    rf"|(?P<words>(?:an?\s+)?(?:(?:{_WORD_NUMBER})(?:[\s-]+(?:and\s+)?(?={_WORD_NUMBER}))?)+\b)"
    r"|(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions))"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|tr|[mkb])\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?(?P<points>\s(?:percentage\s)?points?\b)?",
    re.IGNORECASE,
)
_FOLLOWING_UNIT = re.compile(r"[\s-]?(?P<unit>km/h|sq km|[a-z]+2?)\b", re.IGNORECASE)
_BOUND = [
    ("floor", r"at least|more than|over|upwards of|in excess of|no fewer than|no less than|a minimum of|just over"),
    ("ceiling", r"up to|as many as|as much as|at most|less than|fewer than|under|no more than|a maximum of|just under"),
    ("near", r"nearly|almost|close to|approaching"),
    ("about", r"about|around|roughly|approximately|some|an estimated|estimated|circa|an approximate|or so"),
]
_BEFORE = re.compile(r"\b(?P<bound>" + "|".join(f"(?P<{k}>{v})" for k, v in _BOUND) + r")\s+$", re.IGNORECASE)
_YEAR = re.compile(r"1[6-9]\d\d|20\d\d")
# A number that is part of a score, a time, a range, a date or a telephone number ("0845 125 2222"), or an
# ordinal: not a quantity here.
_NEXT_TO = re.compile(
    r"(?:[-–/:,]\d|\.\d|\s\d{3}|(?:st|nd|rd|th)\b|\s?(?:a\.m|p\.m|am\b|pm\b|GMT|EST|ET\b)"
    rf"|[\s-]+(?:in|out of)[\s-]+(?:\d|(?:{_WORD_NUMBER})\b)"  # odds and shares: "one-in-three", "9 out of 10"
    r"|\s+(?:and|to)\s+\d[\d.]*\s?(?:%|percent\b|per cent\b)"  # a range's first share: "between 40 and 80 percent"
    r")",
    re.IGNORECASE,
)
# A number that names rather than counts: "No. 2", "Article 1", "Flight 370".
_LABEL = re.compile(
    r"\b(?:No|Nos|Article|Section|Chapter|Title|Route|Flight|Highway|Interstate|Room|Gate|Channel|Number|Vol|"
    r"Page|Precinct|District|Ward|Unit|Level|Phase|Stage|Round|Game|Week|Day|Act)\.?\s+$"
)
_DIGITS_BEFORE = re.compile(r"(?<![\d,.])(\d{3,})\s$")
# "one" that counts nothing: "no one", "the one who", "one of" stays a count.
_ONE_NOT_COUNTING = re.compile(r"\b(?:no|the|this|that|any|every|each|which|someone|anyone)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence read with its scale, unit and approximation."""

    text: str  # as written, with its approximation: "more than $1.5bn"
    start: int
    value: float  # the stated value, in the base unit of its kind
    low: float  # the range of values the wording allows
    high: float
    kind: str  # "count", "percent", "money:$", "length", "mass", ...
    counted: str  # what it counts as the reader sees it (:mod:`~compare.analyze.counted`): "soldiers", "injured" ("" when none)
    anchors: tuple[str, ...]  # content tokens around it: what it counts
    bound: str = ""  # "floor", "ceiling", "near", "about", "vague" or "" (exact)
    year: bool = False  # a year ("in 1965"): compared as a date, not as a quantity
    rest: bool = False  # the rest of a whole: "the other 27 member states", "27 other nations" (not "wounded 70 others")
    head: tuple[str, ...] = ()  # tokens of what it counts or measures: its noun (and verb), else the verb it attaches to
    context: tuple[str, ...] = ()  # content tokens of the words before it: what it is said of
    rate: bool = False  # a count for each span of time: "50,000 people a year", "20 per day"
    of: tuple[str, ...] = ()  # whose age ("a 26-year-old teacher"), what a share is of ("of aggregate traffic")
    names: tuple[str, ...] = ()  # for a sum or a share, the names before it in its clause: whose it is ("BMO")
    act: str = ""  # a count's verb, what was done to those counted (:attr:`~compare.analyze.counted.Counted.act`)

    def agrees_with(self, other: Quantity) -> bool:
        """Both can hold at once, and they are not two floors (or two ceilings) at different values.

        The rest of a whole agrees with any larger count of the whole: "Clinton joined the other
        27 NATO ministers" and "all 28 NATO ministers attended" both hold."""
        if (self.rest and other.low > self.high) or (other.rest and self.low > other.high):
            return True
        if self.high < other.low or other.high < self.low:
            return False
        return not (self.bound == other.bound and self.bound in ("floor", "ceiling") and self.value != other.value)


def _word_value(text: str) -> float | None:
    """ "forty-two" -> 42, "one hundred and twenty" -> 120, "a dozen" -> 12, "two dozen" -> 24."""
    total, current = 0.0, 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "a", "an", ""):
            continue  # "a dozen", "a hundred": the multiplier below starts from 1
        seen = True
        if word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "dozen":
            current = max(current, 1.0) * 12
        else:
            return None
    return total + current if seen else None


def _precision(digits: str) -> float:
    """Half a unit of the last digit written: "1.5" -> 0.05, "17" -> 0.5."""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0 ** (-decimals)


def find_quantities(
    text: str, approximate: float = APPROXIMATE, context_words: int = CONTEXT_WORDS, name_zipf: float = NAME_ZIPF
) -> list[Quantity]:
    """The quantities of ``text`` (years kept, marked ``year``), in order; "about N" is N +- ``approximate`` * N;
    the ``context_words`` words before it tell what it is said of (:attr:`Quantity.context`), and for a sum
    or a share the names before it whose it is (:attr:`Quantity.names`, ``DifferenceSettings.name_zipf``)."""
    out: list[Quantity] = []
    found = find_dates(text)  # in order and apart (one regex's matches)
    date_starts = [d.start for d in found]
    date_ends = [d.start + len(d.text) for d in found]
    for m in _NUMBER.finditer(text):
        k = bisect_right(date_starts, m.start()) - 1  # the last date starting at or before it
        if (k >= 0 and m.start() < date_ends[k]) or not _counts(m, text):
            continue
        digits, words, vague = m.group("digits"), m.group("words"), m.group("vague")
        kind, factor, scale, unit_end = _unit(m, text)
        if kind == "count" and is_age(m, text):
            kind = "age"
        if vague:
            low, high = _VAGUE[vague.lower()]
            value, bound, precision = low, "vague", 0.0
        else:
            number = float(re.sub(r"[,\s]", "", digits)) if digits else _word_value(words or "")
            if number is None:
                continue
            value = number * scale * factor
            exact = kind in ("count", "age") and scale == 1.0 and (not digits or "." not in digits)
            precision = 0.0 if exact else _precision(digits or "0") * scale * factor
            low, high, bound = value - precision, value + precision, ""
        before = _BEFORE.search(text, max(0, m.start() - 22), m.start())
        start = m.start()
        if before:
            bound = next(k for k, _ in _BOUND if before.group(k))
            start = before.start()
            low, high = _bounded(bound, value, precision, approximate)
        year = bool(digits and _YEAR.fullmatch(digits)) and kind == "count" and not before and scale == 1.0
        thing = counted(text, start, unit_end, kind == "count")
        before_words = WORD.findall(text[max(0, start - 40) : start])[-3:]
        near = (*thing.head, *(count_token(w) for w in (*thing.after, *before_words)))
        anchors = tuple(dict.fromkeys(t for t in near if t and not t[0].isdigit()))
        shown = text[start:unit_end].strip()
        rest = kind == "count" and thing.other and not thing.verb
        head = tuple(t for t in thing.head if not t[0].isdigit())
        rate = _RATE.match(text, unit_end) is not None
        before_context = [t for t in (count_token(w) for w in WORD.findall(text[max(0, start - 60) : start])) if t]
        context = tuple(t for t in before_context if not t[0].isdigit() and t not in head)[-context_words:] if context_words else ()
        of = whose_age(text, m.start(), unit_end, name_zipf) if kind == "age" else _share_of(text, unit_end) if kind == "percent" else ()
        names = names_before(text, start, name_zipf) if name_zipf and (kind == "percent" or kind.startswith("money")) else ()
        out.append(
            Quantity(shown, start, value, low, high, kind, thing.word, anchors, bound, year, rest, head, context, rate, of, names, thing.act)
        )
    return out


# A count for each span of time, within a few words: "arrested some 50,000 people a year".
_RATE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:a|an|per|each|every)\s+(?:year|day|week|month|hour)\b|annually|daily|weekly|monthly)",
    re.IGNORECASE,
)


# What a share is of, to the clause's end: "34.9 percent of downstream North American traffic in the peak".
_SHARE_OF = re.compile(r"\s+of\s+([^,;:.!?()\[\]—–\"“”]+)", re.IGNORECASE)
_OF_WORDS = 6


def _share_of(text: str, end: int) -> tuple[str, ...]:
    """The content tokens of what a share is of ("of downstream North American traffic"), or none."""
    m = _SHARE_OF.match(text, end)
    words = WORD.findall(m.group(1))[:_OF_WORDS] if m else []
    return tuple(t for t in (normalise_word(w) for w in words) if t and not t[0].isdigit())


CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


def names_before(text: str, start: int, name_zipf: float) -> tuple[str, ...]:
    """The names in the clause before ``start`` ("BMO has maintained its price target of $135"): capitalised
    words, the sentence's first one only when it is rare enough to be a name ("Netflix accounted",
    not "Shares rose")."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)]
    first = breaks[-1] if breaks else 0
    out = []
    for m in WORD.finditer(text, first, start):
        token = normalise_word(m.group())
        if not m.group()[0].isupper() or token is None or token[0].isdigit():
            continue
        if common_opener(text, m.start(), token, name_zipf):
            continue
        out.append(token)
    return tuple(out)


def _counts(m: re.Match[str], text: str) -> bool:
    """The number found by ``m`` is a quantity: not a score, a time, odds, a label ("No. 2"),
    a name ("Ground Zero") or a "one" that counts nothing."""
    digits, words, vague = m.group("digits"), m.group("words"), m.group("vague")
    if not (digits or words or vague) or (words is not None and words.strip().lower() in ("a", "an")):
        return False
    if _NEXT_TO.match(text, m.end()) or _LABEL.search(text, max(0, m.start() - 14), m.start()):
        return False
    group = _DIGITS_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if group and not _YEAR.fullmatch(group.group(1)):  # "0845 125 2222": a telephone number ("in 2010 27 troops" counts)
        return False
    if words and words[0].isupper() and text[: m.start()].strip(" “\"'‘") != "" and not re.search(
        r"[.!?][\"”’]?\s*$", text[: m.start()]
    ):
        return False  # a capitalised number word inside a sentence is a name: "Ground Zero", "Big Ten"
    # "no one", "the one who", "one of the nation's most outspoken ..." count nothing
    one = bool(words) and words.strip().lower() == "one"
    return not (one and (_ONE_NOT_COUNTING.search(text, 0, m.start()) or text.startswith(" of ", m.end())))


def _unit(m: re.Match[str], text: str) -> tuple[str, float, float, int]:
    """(kind, factor to the kind's base unit, scale, where the quantity's words end)."""
    end = m.end()
    scale_word = (m.group("scale") or "").lower()
    if scale_word in ("m", "b", "k") and not m.group("cur"):
        scale_word = ""  # "5 m" is metres, "3 b" nothing: only "$5m" is money in millions
        end = m.end("digits") if m.group("digits") else end
    scale = _SCALES.get(scale_word, 1.0)
    currency = _CURRENCY_SIGNS.get((m.group("cur") or "").lower(), "")
    percent = bool(m.group("pct"))
    points = bool(m.group("points")) and (percent or "percentage" in m.group("points").lower())
    kind, factor = ("money:" + currency, 1.0) if currency else ("percent", 1.0) if percent else ("count", 1.0)
    if points:
        kind = "percentage points"
    elif m.group("points"):
        end = m.start("points")  # "12 points": a count of points
    if kind == "count":
        unit = _FOLLOWING_UNIT.match(text, end)
        if unit:
            name = unit.group("unit").lower()
            if name in _UNITS and not (name in ("m", "g", "ha", "mi", "b") and unit.group(0).startswith("-")):
                kind, factor = _UNITS[name]
                end = unit.end()
            elif name in _CURRENCY_WORDS:
                kind = "money:" + _CURRENCY_WORDS[name]
                end = unit.end()
    return kind, factor, scale, end


def _bounded(bound: str, value: float, precision: float, approximate: float) -> tuple[float, float]:
    """The range a bound word gives a value: "at least", "up to", "nearly", "about"."""
    if bound == "floor":
        return value, math.inf
    if bound == "ceiling":
        return 0.0, value
    if bound == "near":
        return value * (1 - approximate), value + precision
    return value * (1 - approximate), value * (1 + approximate)
