"""Two times of day that cannot both hold for one moment: "shortly after 2 a.m." against "just past
2:30 a.m." (a ``date`` difference, contradicting).  Only clock times of a day ("2 a.m.", "14:30 GMT"),
not a game clock ("with 7:41 left"); each read as the span its wording allows ("shortly after 2 a.m.":
2:00 to 2:20; "around 4 p.m.": 3:45 to 4:15; "2:30 a.m.": 2:28 to 2:32; "2 a.m.": 1:50 to 2:10), and compared only when they time the same thing (a
content word near both, as for dates: :func:`~compare.analyze.date_differences.near_words`) and
neither article gives the other's time too."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.analyze.date_differences import near_words
from compare.models import Difference, Sentence

_TIME = re.compile(
    r"(?<![\w:.])(?P<bound>(?:shortly|just|right|soon|some\s+time|sometime|a\s+little)\s+(?:after|before|past)\s+"
    r"|(?:after|before|past|around|about|approximately|roughly|nearly|almost)\s+)?"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?:(?P<half>[ap])\.?\s?m\b\.?|(?P<zone>GMT|UTC|local\s+time)\b)",
    re.IGNORECASE,
)
_NEAR = 20  # minutes: "shortly after", "just before"
_ABOUT = 15  # minutes either side: "around", "about"
_AFTER = 180  # "after 2 a.m.": within three hours
_MINUTES = 2  # "2:30 a.m." may be rounded: "7:41" / "7:42" is one time told two ways
_HOUR_ALONE = 10  # "2 a.m." may be 2:05


@dataclass(frozen=True, slots=True)
class _Time:
    text: str
    start: int
    low: int  # minutes after midnight
    high: int


def _times(text: str) -> list[_Time]:
    out = []
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        half = (m.group("half") or "").lower()
        if hour > 23 or (half and not 1 <= hour <= 12) or (not half and m.group("minute") is None):
            continue
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        t = hour * 60 + minute
        bound = " ".join((m.group("bound") or "").lower().split())
        if bound.endswith(("after", "past")):
            low, high = t, t + (_AFTER if bound in ("after", "past") else _NEAR)
        elif bound.endswith("before"):
            low, high = t - (_AFTER if bound == "before" else _NEAR), t
        elif bound:
            low, high = t - _ABOUT, t + _ABOUT
        else:  # a clock is read to the minute or so, an hour alone ("2 a.m.") to ten minutes either side
            spread = _HOUR_ALONE if m.group("minute") is None else _MINUTES
            low, high = t - spread, t + spread
        out.append(_Time(m.group().strip(), m.start(), low, high))
    return out


def time_difference(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float], reach: int) -> Difference | None:
    """Two members of two articles (the pairs of ``sims``) that time one thing (a content word within
    ``reach`` words of both times, ``DifferenceSettings.date_context_words``) at times whose spans do not
    meet, neither article's members giving the other's time too."""
    times = [_times(m.text) for m in members]
    near = [[near_words(m.text, t.start, len(t.text), reach) for t in found] for m, found in zip(members, times, strict=True)]
    told: dict[str, list[_Time]] = {}
    for m, found in zip(members, times, strict=True):
        told.setdefault(m.article, []).extend(found)
    values: dict[str, str] = {}
    for a, b in sims:
        for x, near_x in zip(times[a], near[a], strict=True):
            for y, near_y in zip(times[b], near[b], strict=True):
                if x.high < y.low or y.high < x.low:
                    meets = any(_meet(x, z) for z in told[members[b].article]) or any(_meet(y, z) for z in told[members[a].article])
                    if near_x & near_y and not meets:
                        values.setdefault(members[a].id, x.text)
                        values.setdefault(members[b].id, y.text)
    if not values:
        return None
    detail = " against ".join(f"'{v}'" for v in dict.fromkeys(values.values())) + " (contradicting times)"
    return Difference("date", detail, tuple(values.items()), conflict=True)


def _meet(x: _Time, y: _Time) -> bool:
    return not (x.high < y.low or y.high < x.low)
