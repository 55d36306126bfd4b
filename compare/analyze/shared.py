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
    closest = _closest(keys, pivot)
    # One matcher against the pivot serves every other text (difflib indexes its second sequence once).
    against_pivot = SequenceMatcher(None, (), keys[pivot], autojunk=False)
    done: dict[tuple[str, ...], list[bool]] = {}  # the same words, the same diff
    out: list[tuple[Segment, ...]] = []
    for n, ps in enumerate(pieces):
        if n == pivot:
            if closest is None:
                out.append((Segment("".join(ps), False),))
                continue
            number, matcher = closest
            shared = _shared(matcher, keys[n], keys[number])
        else:
            key = tuple(keys[n])
            if key not in done:
                against_pivot.set_seq1(keys[n])
                done[key] = _shared(against_pivot, keys[n], keys[pivot])
            shared = done[key]
        out.append(_segments(ps, shared))
    return out


def _shared(matcher: SequenceMatcher[str], a: list[str], b: list[str]) -> list[bool]:
    """Which items of ``a`` lie in a matching block of ``matcher`` (comparing ``a`` with ``b``)."""
    if a == b:
        return [True] * len(a)  # one block, the whole sequence
    shared = [False] * len(a)
    for block in matcher.get_matching_blocks():
        shared[block.a : block.a + block.size] = [True] * block.size
    return shared


def _closest(keys: list[list[str]], pivot: int) -> tuple[int, SequenceMatcher[str]] | None:
    """The text most like the pivot (the first of the best, by difflib's ratio), with its matcher.

    The ratio is computed only where difflib's cheap upper bounds leave room to beat the best so far.
    """
    best: tuple[int, SequenceMatcher[str]] | None = None
    best_ratio = -1.0
    for n, k in enumerate(keys):
        if n == pivot:
            continue
        matcher = SequenceMatcher(None, keys[pivot], k, autojunk=False)
        if best is not None and (matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio):
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (n, matcher), ratio
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
