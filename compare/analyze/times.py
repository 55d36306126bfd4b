"""Two times of day that cannot both hold for one moment: "shortly after 2 a.m." against "just past
2:30 a.m." (a ``date`` difference, contradicting).  Only clock times of a day ("2 a.m.", "14:30 GMT",
wire style "0130 GMT"), not a game clock ("with 7:41 left"); each read as the span its wording allows
("shortly after 2 a.m.": 2:00 to 2:20; "around 4 p.m.": 3:45 to 4:15; "2:30 a.m.": 2:28 to 2:32;
"2 a.m.": 1:50 to 2:10; the minutes are ``DifferenceSettings.time_*``), on a 24-hour circle
("11:58 p.m." and "12:01 a.m." meet).  A false contradiction is worse than a missed one, so two times
are compared only when all of these hold:

* both carry the same zone word, or neither carries one ("2:30 p.m. local time" and "06:30 GMT",
  "1 p.m. ET" and "10 a.m. PT" may be one moment);
* the word governing each, right before it (and its "at", "for", ...), is the same: "began at" /
  "began at", not "was scheduled for" / "began at", nor "broke out at" / "put out at";
* a content word is near both, as for dates (:func:`~compare.analyze.date_differences.near_words`);
* even the nearest such time of the other member cannot meet it (that pair is the one shown:
  "7 p.m." against "8 p.m.", not "7 a.m."), and neither article gives the other's time too."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.analyze.date_differences import before_at, governor, near_words
from compare.difference_settings import DifferenceSettings
from compare.models import Difference, Sentence

# A zone word after a time ("GMT", "EST", "ET", "IST", "AEST", "local time", "Pacific", "(ET)"): any
# capitals ending in T, since a zone read where there is none only spares a comparison.
_ZONE = r"(?:\(?(?-i:UTC|MSK|[A-Z]{1,4}T|(?:Pacific|Eastern|Central|Mountain)(?:\s+[Tt]ime)?)\b\)?|local\s+time\b)"
_TIME = re.compile(
    r"(?<![\w:.])(?P<bound>(?:shortly|just|right|soon|some\s+time|sometime|a\s+little)\s+(?:after|before|past)\s+"
    r"|(?:after|before|past|around|about|approximately|roughly|nearly|almost)\s+)?"
    r"(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*"
    rf"(?:(?P<half>[ap])\.?\s?m\b\.?(?:\s*(?P<zone>{_ZONE}))?|(?P<zone_alone>{_ZONE}))"
    rf"|(?P<wire>[0-2]\d[0-5]\d)\s*(?P<wire_zone>{_ZONE}))",
    re.IGNORECASE,
)
_DAY = 24 * 60
@dataclass(frozen=True, slots=True)
class _Time:
    text: str
    start: int
    low: int  # minutes after midnight
    high: int
    zone: str | None  # "GMT", "EST", "local time"; None when the time names none
    governor: str | None  # "began", "broke out"; None when no word governs it


def _times(text: str, rules: DifferenceSettings) -> list[_Time]:
    out = []
    for m in _TIME.finditer(text):
        wire = m.group("wire")
        hour = int(wire[:2] if wire else m.group("hour"))
        minute = int(wire[2:] if wire else m.group("minute") or 0)
        half = (m.group("half") or "").lower()
        if hour > 23 or (half and not 1 <= hour <= 12) or (not half and not wire and m.group("minute") is None):
            continue
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        t = hour * 60 + minute
        bound = " ".join((m.group("bound") or "").lower().split())
        if bound.endswith(("after", "past")):
            low, high = t, t + (rules.time_after_minutes if bound in ("after", "past") else rules.time_near_minutes)
        elif bound.endswith("before"):
            low, high = t - (rules.time_after_minutes if bound == "before" else rules.time_near_minutes), t
        elif bound:
            low, high = t - rules.time_about_minutes, t + rules.time_about_minutes
        else:  # a clock is read to the minute or so, an hour alone ("2 a.m.") to ten minutes either side
            spread = rules.time_hour_minutes if m.group("minute") is None and not wire else rules.time_clock_minutes
            low, high = t - spread, t + spread
        zone = m.group("zone") or m.group("zone_alone") or m.group("wire_zone")
        zone = " ".join(zone.strip("()").split()).lower() if zone else None
        shown = m.group().strip()
        shown = shown if "(" in shown else shown.rstrip(")")  # "(0130 GMT)": its own bracket, not the zone's
        out.append(_Time(shown, m.start(), low, high, zone, governor(before_at(text, m.start()))))
    return out


def _comparable(x: _Time, y: _Time) -> bool:
    return x.zone == y.zone and x.governor is not None and x.governor == y.governor


def time_difference(
    members: Sequence[Sentence], sims: Mapping[tuple[int, int], float], rules: DifferenceSettings
) -> Difference | None:
    """Two members of two articles (the pairs of ``sims``) that time one thing at times that cannot
    meet (the module's rules; content words within ``rules.date_context_words`` of both), neither
    article's members giving the other's time too."""
    times = [_times(m.text, rules) for m in members]
    reach = rules.date_context_words
    near = [{t.start: near_words(m.text, t.start, len(t.text), reach) for t in found} for m, found in zip(members, times, strict=True)]
    told: dict[str, list[_Time]] = {}
    for m, found in zip(members, times, strict=True):
        told.setdefault(m.article, []).extend(found)
    values: dict[str, str] = {}
    for a, b in sims:
        for x in times[a]:
            rivals = [y for y in times[b] if _comparable(x, y)]
            if not rivals or any(_meet(x, y) for y in rivals):
                continue
            y = min(rivals, key=lambda y: _gap(x, y))
            if any(_meet(y, z) for z in times[a] if _comparable(y, z)) or not near[a][x.start] & near[b][y.start]:
                continue
            told_a, told_b = told[members[a].article], told[members[b].article]
            if any(_meet(x, z) for z in told_b if z.zone == x.zone) or any(_meet(y, z) for z in told_a if z.zone == y.zone):
                continue
            values.setdefault(members[a].id, x.text)
            values.setdefault(members[b].id, y.text)
            break
    if not values:
        return None
    detail = " against ".join(f"'{v}'" for v in dict.fromkeys(values.values())) + " (contradicting times)"
    return Difference("date", detail, tuple(values.items()), conflict=True)


def _gap(x: _Time, y: _Time) -> int:
    """Minutes between two spans on a 24-hour circle (0 when they meet)."""
    return min(max(0, y.low + k - x.high, x.low - y.high - k) for k in (-_DAY, 0, _DAY))


def _meet(x: _Time, y: _Time) -> bool:
    return _gap(x, y) == 0
