"""The parts of a sentence that can report a fact on their own (stage 4, for the aligner).

A long news sentence often carries two things: a quotation and who said it, or
two clauses ("Stone was charged with seven counts, and his lawyer said he would
plead not guilty").  Another outlet may report just one of them in a sentence
of its own.  :func:`sentence_parts` finds those parts so that
:func:`compare.align.align` can score them against whole sentences and link the
two sentences through the part, which the report then marks.

The parts of a sentence, as ``(start, end)`` offsets into its text:

* each quotation inside it (“…”, "…", ‘…’, «…»; an opening mark left open runs
  to the sentence's end, as a quote continued from the paragraph before does);
* the clauses between strong breaks: ``;``, a dash (— or –), a colon followed
  by more than a few words, and a comma before ``but``, ``while``, ``whereas``,
  ``although``, ``though``, ``after``, ``before``, ``which``, ``saying``, ``adding``
  (not before ``and``: in news that comma more often ends a list than a clause).

A part must hold at least ``min_words`` words and leave at least a quarter of
the sentence's words outside it: a part that is nearly the whole sentence adds
nothing to the whole sentence's own score.  A sentence has no parts when none
qualify.  Parts are found on the sentence's text alone; the result is cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

Part = tuple[int, int]

_QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A strong break between clauses: the break's own characters are left out of both sides.
_BREAK = re.compile(
    r"\s*;\s*|\s+[—–]\s+|\s*—\s*|:\s+(?=(?:\S+\s+){3})"
    r"|,\s+(?=(?:but|while|whereas|although|though|after|before|which|saying|adding)\b)"
)
_EDGE = " \t\n,;:.!?\"“”‘’«»'()[]—–-"


@lru_cache(maxsize=16384)
def sentence_parts(text: str, min_words: int = 4) -> tuple[Part, ...]:
    """The quotation and clause spans of ``text`` that may link on their own (see the module)."""
    total = len(_WORD.findall(text))
    if total < min_words + 2:
        return ()
    found: list[Part] = []
    quotations = [_trim(text, a, b) for a, b in _quotations(text)]
    for start, end in [*quotations, *(_trim(text, a, b) for a, b in _clauses(text))]:
        words = _words(text, start, end)
        if words < min_words or words > 0.75 * total or (start, end) in found:
            continue
        if any(
            a >= start and b <= end and (a, b) != (start, end) and words - _words(text, a, b) <= 3
            for a, b in quotations
        ):
            continue  # a quotation and its "she said": the quotation is the part
        found.append((start, end))
    return tuple(sorted(found))


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def _quotations(text: str) -> list[Part]:
    spans: list[Part] = []
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None or (text[i] == "‘" and _apostrophe(text, i)):
            i += 1
            continue
        end = _closing(text, i + 1, close)
        if end == -1:
            spans.append((i + 1, len(text)))
            break
        spans.append((i + 1, end))
        i = end + 1
    return spans


def _closing(text: str, start: int, close: str) -> int:
    """Where the quotation opened before ``start`` closes; an apostrophe (’ inside a word) does not close ‘…’."""
    at = text.find(close, start)
    while close == "’" and at != -1 and _apostrophe(text, at):
        at = text.find(close, at + 1)
    return at


def _apostrophe(text: str, at: int) -> bool:
    """A ‘ or ’ between two letters (or after a letter, before s) is an apostrophe, not a quotation mark."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or (after == " " and text[at - 1 : at] == "s"))


def _clauses(text: str) -> list[Part]:
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    if not breaks:
        return []
    edges = [0, *[x for b in breaks for x in b], len(text)]
    return [(edges[n], edges[n + 1]) for n in range(0, len(edges), 2)]


def _trim(text: str, start: int, end: int) -> Part:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end
