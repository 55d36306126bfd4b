"""Word-level diffs of a group's members (what each version words otherwise, for the report's
marks) and the words one member adds to the version closest to it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from difflib import Match, SequenceMatcher

from compare.analyze.shared import PIECE
from compare.models import MemberDiff, Segment
from compare.similarity import normalise_word


class _SpacedMatcher(SequenceMatcher[str]):
    """difflib's :class:`~difflib.SequenceMatcher` without junk, giving the same blocks, faster
    on sequences where one item (the space between words) is everywhere.

    difflib's longest-match search visits, for each item of ``a``, every position of
    that item in ``b``: for a space, half of ``b``.  Here the spaces of a row of that
    search are kept implicitly (each a match of length 1, unless it extends a match
    ending just before it, which are few), so a space costs as much as the matches it
    extends.  This needs ``b`` never to hold the item twice in a row (pieces of text
    never do: a run of white space is one piece); otherwise difflib's own search runs.
    """

    # set by difflib (undeclared in its type stubs)
    a: Sequence[str]
    b: Sequence[str]
    b2j: dict[str, list[int]]
    bjunk: set[str]

    def __init__(self, a: Sequence[str], b: Sequence[str], common: str = " ") -> None:
        self.common = common
        super().__init__(None, a, b, autojunk=False)

    def set_seq2(self, b: Sequence[str]) -> None:
        super().set_seq2(b)
        self._spaces: list[int] = self.b2j.get(self.common, [])
        spaces = self._spaces
        self._sparse = all(spaces[k] + 1 != spaces[k + 1] for k in range(len(spaces) - 1))

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> Match:
        a, b, b2j, common = self.a, self.b, self.b2j, self.common
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        if not self._sparse or self.bjunk:
            return super().find_longest_match(alo, ahi, blo, bhi)
        spaces = self._spaces
        first = bisect_left(spaces, blo)
        first_space = spaces[first] if first < len(spaces) and spaces[first] < bhi else None
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}  # the matches of the last row of length 2 or more (a space row), or all
        implicit = False  # the last row was a space row: every space in range not in j2len ends a match of 1
        nothing: list[int] = []
        for i in range(alo, ahi):
            item = a[i]
            if item == common:
                if first_space is None:
                    j2len, implicit = {}, False
                    continue
                # b never holds two spaces in a row: a space extends only a match of the row before
                new: dict[int, int] = {}
                for j, k in j2len.items():
                    j += 1
                    if j < bhi and b[j] == common:
                        new[j] = k + 1
                j2len, implicit = new, True
                if new:
                    top = max(new.values())
                    if top > bestsize:
                        j = min(j for j, k in new.items() if k == top)
                        besti, bestj, bestsize = i - top + 1, j - top + 1, top
                elif bestsize < 1:
                    besti, bestj, bestsize = i, first_space, 1
                continue
            j2lenget = j2len.get
            new = {}
            for j in b2j.get(item, nothing):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                before = j2lenget(j - 1)
                if before is None:
                    before = 1 if implicit and j - 1 >= blo and b[j - 1] == common else 0
                k = new[j] = before + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len, implicit = new, False
        return Match(besti, bestj, bestsize)


def word_diff(texts: Sequence[str], closest: Sequence[int] | int) -> list[tuple[Segment, ...]]:
    """Each text split into segments, words not shared with the text it is compared with marked changed.

    ``closest[n]`` is the index of the text that text ``n`` is compared with (in a group: its
    closest version from another article), so that in a group of several versions each shows
    what it says differently from the version most like it, not from all the others at once.
    An int is a pivot: every text is compared with it, and the pivot with the text most like it.
    """
    pieces = [PIECE.findall(t) for t in texts]
    keys = [[p.lower() if not p.isspace() else " " for p in ps] for ps in pieces]
    if isinstance(closest, int):
        pivot = closest
        best = _closest(keys, pivot)
        closest = [pivot if n != pivot else (best[0] if best else n) for n in range(len(texts))]
    # One matcher per compared-with text serves every text compared with it (difflib indexes its second sequence once).
    matchers: dict[int, _SpacedMatcher] = {}
    done: dict[tuple[tuple[str, ...], int], list[bool]] = {}  # the same words, the same diff
    out: list[tuple[Segment, ...]] = []
    for n, ps in enumerate(pieces):
        other = closest[n]
        if other == n:
            out.append((Segment("".join(ps), False),))
            continue
        key = (tuple(keys[n]), other)
        if key not in done:
            matcher = matchers.get(other)
            if matcher is None:
                matcher = matchers[other] = _SpacedMatcher((), keys[other])
            matcher.set_seq1(keys[n])
            done[key] = _shared(matcher, keys[n], keys[other])
        out.append(_segments(ps, done[key]))
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
        matcher = _SpacedMatcher(keys[pivot], k)
        if best is not None and (matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio):
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (n, matcher), ratio
    return best


def _segments(pieces: list[str], shared: list[bool]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    run: list[str] = []  # the pieces of the segment being built
    changed = False
    for piece, same in zip(pieces, shared, strict=True):
        if piece.isspace():
            flag = changed if run else False  # spaces join the run they are in
        else:
            flag = not same and any(ch.isalnum() for ch in piece)
        if run and flag != changed:
            segments.append(Segment("".join(run), changed))
            run = []
        run.append(piece)
        changed = flag
    if run:
        segments.append(Segment("".join(run), changed))
    # A trailing space inside a changed run belongs outside the mark.
    cleaned: list[Segment] = []
    for seg in segments:
        if seg.changed and seg.text != seg.text.rstrip():
            cleaned.append(Segment(seg.text.rstrip(), True))
            cleaned.append(Segment(seg.text[len(seg.text.rstrip()) :], False))
        else:
            cleaned.append(seg)
    return tuple(s for s in cleaned if s.text)


def member_diffs(ids: Sequence[str], texts: Sequence[str], closest: Sequence[int] | int) -> tuple[MemberDiff, ...]:
    return tuple(MemberDiff(i, segs) for i, segs in zip(ids, word_diff(texts, closest), strict=True))


_WORD = re.compile(r"[\w][\w'’.-]*\w|\w")


# A dateline opening a story ("WASHINGTON —", "NEW YORK (Reuters) -", "Nov. 3 (Bloomberg) --") says where it was filed, not a fact.
_DATELINE = re.compile(r"(?:[A-Z][A-Z.,' ]+|[A-Z][a-z]{2,8}\.? \d{1,2})\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
_PRONOUN_SUBJECTS = frozenset("he she they it his her their its him them".split())


def added_words(text: str, other: str, min_weight: int, explained: Sequence[str] = ()) -> str | None:
    """What ``text`` says that ``other`` does not, in its own words, or None.

    The content words of ``text`` whose token ``other`` lacks are new; so are ``other``'s.
    Words already shown by a typed difference (``explained``: its values) are not counted,
    nor one name where the other version has a pronoun ("Clinton rejected" / "she
    rejected").  ``text`` adds when it has at least ``min_weight`` new words more than
    ``other``: a rewording swaps words one for one, an addition brings new ones.  The new
    words are shown in runs (a gap of up to two words joins them).
    """
    skip = {t for part in explained for t in (normalise_word(w) for w in _WORD.findall(part)) if t}
    dateline = _DATELINE.match(text)
    own = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, dateline.end() if dateline else 0)]
    other_words = _WORD.findall(other)
    theirs = {t for t in (normalise_word(w) for w in other_words) if t}
    mine = {t for t in (normalise_word(w) for _, _, w in own) if t}
    new = [(k, s, e) for k, (s, e, w) in enumerate(own) if (t := normalise_word(w)) and t not in theirs and t not in skip]
    if not new:
        return None
    weight_other = sum(1 for w in other_words if (t := normalise_word(w)) and t not in mine and t not in skip)
    if any(w.lower() in _PRONOUN_SUBJECTS for w in other_words) and any(
        text[s].isupper() and s > 0 for _, s, _ in new
    ):
        weight_other += 1  # a name the other version refers to by a pronoun
    if len(new) - weight_other < min_weight:
        return None
    runs: list[tuple[int, int, int]] = []  # (last word, start, end)
    for k, start, end in new:
        if runs and k - runs[-1][0] <= 3:
            runs[-1] = (k, runs[-1][1], end)
        else:
            runs.append((k, start, end))
    shown = [" ".join(text[start:end].split()[:ADDED_RUN_WORDS]) for _, start, end in runs[:ADDED_RUNS_SHOWN]]
    last = runs[min(len(runs), ADDED_RUNS_SHOWN) - 1]
    cut = len(runs) > ADDED_RUNS_SHOWN or len(text[last[1] : last[2]].split()) > ADDED_RUN_WORDS
    return " … ".join(shown) + (" …" if cut else "")


ADDED_RUNS_SHOWN = 3  # how many runs of new words an addition shows (a display length, not a threshold)
ADDED_RUN_WORDS = 10
