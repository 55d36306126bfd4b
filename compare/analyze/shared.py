"""Helpers the analysis modules share: word-level diffs and cue detection."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from compare.models import MemberDiff, Segment

_PIECE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]|\s+", re.UNICODE)
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
HEDGES = (
    "possible", "possibly", "may", "might", "reportedly", "allegedly", "apparently", "appears", "appear",
    "seems", "seem", "likely", "unlikely", "perhaps", "probably", "unconfirmed", "suggests", "suggest",
)
_NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS)) + r")\b|n['’]t\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b", re.IGNORECASE)


def negations(text: str) -> list[str]:
    return [m.group() for m in _NEGATION.finditer(text)]


def hedge_phrases(text: str) -> list[str]:
    """Hedging words with a little context: "in a possible sign"."""
    out = []
    for m in _HEDGE.finditer(text):
        left = text[: m.start()].split()[-2:]
        right = text[m.end() :].split()[:1]
        out.append(" ".join([*left, m.group(), *right]).strip(" ,.;:\"“”"))
    return out


def word_diff(texts: Sequence[str], pivot: int) -> list[tuple[Segment, ...]]:
    """Each text split into segments, words not shared with the pivot marked changed.

    The pivot itself is compared with the text most like it, so that its own
    changed words show too.
    """
    pieces = [_PIECE.findall(t) for t in texts]
    keys = [[p.lower() if not p.isspace() else " " for p in ps] for ps in pieces]
    out: list[tuple[Segment, ...]] = []
    for n, ps in enumerate(pieces):
        other = pivot if n != pivot else _closest(keys, pivot)
        if other is None:
            out.append((Segment("".join(ps), False),))
            continue
        matcher = SequenceMatcher(None, keys[n], keys[other], autojunk=False)
        shared = [False] * len(ps)
        for block in matcher.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
                shared[k] = True
        out.append(_segments(ps, shared))
    return out


def _closest(keys: list[list[str]], pivot: int) -> int | None:
    best, best_ratio = None, -1.0
    for n, k in enumerate(keys):
        if n == pivot:
            continue
        ratio = SequenceMatcher(None, keys[pivot], k, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = n, ratio
    return best


def _segments(pieces: list[str], shared: list[bool]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for piece, same in zip(pieces, shared, strict=True):
        changed = not same and not piece.isspace() and any(ch.isalnum() for ch in piece)
        if piece.isspace() and segments:
            changed = segments[-1].changed  # spaces join the run they are in
        if segments and segments[-1].changed == changed:
            segments[-1] = Segment(segments[-1].text + piece, changed)
        else:
            segments.append(Segment(piece, changed))
    # A trailing space inside a changed run belongs outside the mark.
    cleaned: list[Segment] = []
    for seg in segments:
        if seg.changed and seg.text != seg.text.rstrip():
            cleaned.append(Segment(seg.text.rstrip(), True))
            cleaned.append(Segment(seg.text[len(seg.text.rstrip()) :], False))
        else:
            cleaned.append(seg)
    return tuple(s for s in cleaned if s.text)


def member_diffs(ids: Sequence[str], texts: Sequence[str], pivot: int) -> tuple[MemberDiff, ...]:
    return tuple(MemberDiff(i, segs) for i, segs in zip(ids, word_diff(texts, pivot), strict=True))
