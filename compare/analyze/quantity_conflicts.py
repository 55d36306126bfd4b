"""When two quantities of two versions of one fact conflict (:func:`quantity_conflicts`): both
count the same thing of the same owner, in one kind of unit, and their ranges cannot both hold
(see :mod:`compare.analyze.quantities` for how a quantity is read)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from compare.analyze.counted import WORD, count_token
from compare.analyze.quantities import Quantity
from compare.analyze.win_loss import one_game_apart


def _shared_anchor(x: Quantity, y: Quantity) -> str | None:
    """The token of what both count: the word one of them counts, in the other's
    neighbourhood, or any shared neighbour when they share two ("killed" and "people")."""
    shared = [t for t in x.anchors if t in y.anchors]
    if not shared:
        return None
    counted = [t for t in shared if t in (_token(x.counted), _token(y.counted))]
    if counted:
        return counted[0]
    return shared[0] if len(shared) >= 2 else None


def _shared_owner(x: Quantity, y: Quantity) -> str | None:
    """For two ages, a token of the person both are said of ("Tomas Lind, a 46-year-old carpenter"
    / "Tomas Lind, 40,"): what they count, though the words around the numbers differ."""
    return next((t for t in x.of if t in y.of), None) if x.kind == "age" == y.kind else None


def _token(word: str) -> str | None:
    return count_token(word) if word else None


def _reader_word(x: Quantity, token: str, text: str) -> str:
    """The word of ``text`` near ``x`` whose token is ``token``, as written."""
    if x.counted and count_token(x.counted) == token:
        return x.counted
    window = text[max(0, x.start - 40) : x.start + len(x.text) + 50]
    word: str
    for word in WORD.findall(window):
        if count_token(word) == token:
            return word
    return x.counted or "the same thing"  # never a stem or a word class


def quantity_conflicts(
    a: Sequence[Quantity],
    b: Sequence[Quantity],
    elsewhere_a: Collection[tuple[str, float]] = (),
    elsewhere_b: Collection[tuple[str, float]] = (),
) -> list[tuple[Quantity, Quantity, str]]:
    """Pairs of quantities that count the same thing and cannot both hold, with the shared
    token of what they count (:func:`quantity_differences` but for records a game apart)."""
    return [(x, y, anchor) for x, y, anchor, apart in quantity_differences(a, b, elsewhere_a, elsewhere_b) if not apart]


def quantity_differences(
    a: Sequence[Quantity],
    b: Sequence[Quantity],
    elsewhere_a: Collection[tuple[str, float]] = (),
    elsewhere_b: Collection[tuple[str, float]] = (),
) -> list[tuple[Quantity, Quantity, str, bool]]:
    """Pairs of quantities that count the same thing and differ, with the shared token of what
    they count and whether they are two records a game apart (which can both hold); the others
    cannot both hold.

    Years are left to the dates; a quantity is compared only with the other sentence's
    quantities of its kind that share a neighbouring content word, and conflicts only
    when none of them agrees with it.  A value the other article gives anywhere
    (``elsewhere_a``, ``elsewhere_b``: the values each article states, with their kinds) is no conflict:
    "21 percent ... 17 percent" against "17 percent ... 21 percent".

    Two records of one team a game apart (:func:`~compare.analyze.win_loss.one_game_apart`) can both
    hold, before and after a game: they are no conflict, and come marked ``True``.

    Two quantities count the same thing only when (:func:`_same_thing`) the words just after
    them share one ("six months ago" counts no schoolgirls; "1.5 metres deep" is no width) and
    both or neither are rates ("50,000 people a year" / "28,000 people in 2013"); and two
    sentences that each name years, none the same, count for different periods ("in fiscal year
    2016" / "by 2018").
    """
    years_a, years_b = {x.value for x in a if x.year}, {y.value for y in b if y.year}
    if years_a and years_b and not years_a & years_b:
        return []
    # The article's values are looked up where they are, not copied for every pair of sentences
    # (thousands in a long article: that copy was most of the cost).
    own_a = {(x.kind, x.value) for x in a if not x.year}
    own_b = {(y.kind, y.value) for y in b if not y.year}
    out: list[tuple[Quantity, Quantity, str, bool]] = []
    for x in a:
        if x.year or (x.kind, x.value) in own_b or (x.kind, x.value) in elsewhere_b:
            continue
        candidates = [
            (y, anchor)
            for y in b
            if not y.year and y.kind == x.kind and (y.kind, y.value) not in own_a and (y.kind, y.value) not in elsewhere_a
            and _same_thing(x, y)
            for anchor in [_shared_anchor(x, y) or _shared_owner(x, y)]
            if anchor is not None
        ]
        if not candidates or any(x.agrees_with(y) or _converted(x, y) for y, _ in candidates):
            continue
        apart = [(y, anchor) for y, anchor in candidates if one_game_apart(x, y)]
        y, anchor = (apart or candidates)[0]
        out.append((x, y, anchor, bool(apart)))
    return out


def _same_thing(x: Quantity, y: Quantity) -> bool:
    """Both or neither are rates, and (but for money and shares, whose words after say where
    or what for: "$23,300 list" / "$23,000 in gold") the words just after them share one when
    both have some, and the words before them share one with the other's words before or after
    (:attr:`Quantity.context`), beyond what both count."""
    if x.rate != y.rate or _other_measures(x, y):
        return False
    if x.kind == "record":
        return bool(set(x.names) & set(y.names))  # one team's: "the Colts (10-5)" / "gave the Colts a 9-5 season"
    if x.kind.startswith("money") or x.kind in ("percent", "percentage points"):
        return True
    if x.kind == "age" and x.of and y.of:
        return True  # one person's (:func:`_other_measures`); the words after "John Smith, 23," are the sentence's
    if x.head and y.head and not set(x.head) & set(y.head):
        return False
    if x.act and y.act and x.act != y.act:
        return False  # "killed 12 people" / "injured 300 people"; "arrested 45 people" / "three people died"
    # what it is said of, beside what it counts: "the entire campus contains 1.7 million square feet"
    # / "the properties Google purchased comprise 934,200 square feet"; "the rally ended amid dozens
    # of arrests in the capital" / "in the capital after more than 200 people were arrested"
    if not (x.context and y.context):
        return True
    counted = set(x.head) & set(y.head)
    return bool(({*x.context, *x.head} & {*y.context, *y.head}) - counted)


def _other_measures(x: Quantity, y: Quantity) -> bool:
    """Two ages of two people ("a 26-year-old teacher" / "a 16-year-old pupil": nothing whose age
    it is in common), or two shares of two wholes, each narrower than the other in a way of its own
    ("34.9 percent of downstream traffic in the peak hours" / "32.39 percent of aggregate traffic";
    "of the vote" / "of the popular vote" is one whole told more or less precisely).  A quantity
    whose sentence does not say whose or of what is compared as before."""
    if x.names and y.names and not set(x.names) & set(y.names):
        return True  # two firms' price targets, two services' shares: "BMO ... $135" / "UBS ... $125"
    if not (x.of and y.of) or x.kind not in ("age", "percent"):
        return False
    if x.kind == "age":
        return not set(x.of) & set(y.of)
    return bool(set(x.of) - set(y.of)) and bool(set(y.of) - set(x.of))


CONVERSION_TOLERANCE = 0.1  # a measure converted from another unit is rounded: "20 metres (60 feet)"


def _converted(x: Quantity, y: Quantity) -> bool:
    """Two measures written in different units that agree within a rounded conversion
    ("20 metres" / "60 feet" = 18.3 m): one value, converted, not two."""
    if x.kind in ("count", "percent") or x.kind.startswith("money"):
        return False
    units = [re.findall(r"[^\W\d_]+", q.text)[-1:] for q in (x, y)]
    return units[0] != units[1] and abs(x.value - y.value) <= CONVERSION_TOLERANCE * max(abs(x.value), abs(y.value))


def describe_counted(x: Quantity, text: str, anchor: str) -> str:
    """What is counted, as the reader reads it in ``text``: "soldiers", not "soldier"."""
    return _reader_word(x, anchor, text)
