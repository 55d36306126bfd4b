"""Background clauses: the parts of a sentence that tell what a reader is reminded of, not what
happened (stage 4, a link check of the aligner, ``GroupSettings.background_max_score``).

A news sentence often carries a reminder beside its own claim: who someone is or what they did
before ("Rahman, who famously beat Lennox Lewis to become heavyweight champion of the world in
2001, barely landed a punch"; "Rahman fell to 45-7-2 ... since knocking out Lennox Lewis in
2001").  Outlets repeat the same reminder around different claims, so two sentences that share
words only in their reminders report two facts (blind reading 22: three sentences on Rahman's win
over Lewis in 2001, each with its own main claim, made one group).  A reminder in one sentence that
the other reports as its claim is one fact told in a clause, and links (:func:`background_only`).

The background spans of a sentence, found on its text alone:

* a relative clause set off by commas on both sides (", who ...,", ", whose ...,", ", which
  ...,"): one that ends the sentence often tells its news ("against the former two-time champion,
  who ... barely landed a blow"; ", which could make it harder ...");
* a clause or phrase that dates itself to a year ("since knocking out Lennox Lewis in 2001", "the
  fighter that floored Lennox Lewis to win the title in 2001"), from "since", "who", "whose",
  "which", "that" or "when" to the year, unless "that" follows a word of attribution ("said that
  in 2001 ...": what was said is the claim);
* who a named person is, after a name of two words or more, to a comma or the sentence's end
  ("Theodore J. Boutrous Jr., a lawyer for Wal-Mart, said ..."; "Theodore Boutrous Jr.,
  representing Wal-Mart, ..."; "his wife, Huma Abedin, a longtime aide to Secretary of State Hillary
  Rodham Clinton."): a shared name and its description alone are no shared fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from compare.models import Sentence
from compare.plain_words import plain_tokens
from compare.similarity import ATTRIBUTION, analyse, function_word

_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b[^,;:()]*(?=,)", re.IGNORECASE)
_DATED = re.compile(r"\b(?:since|who|whose|which|that|when)\b[^,;:()]*?\b(?:in|since)\s+(?:1[89]|20)\d\d\b", re.IGNORECASE)
# Who a named person is, after a name of two words or more, to a comma or the sentence's end: "Theodore
# J. Boutrous Jr., a lawyer for Wal-Mart,"; "Theodore Boutrous Jr., representing Wal-Mart,"; "Huma
# Abedin, an aide to Secretary of State Hillary Clinton." (not a place: "In New York, the Senate voted").
_APPOSITIVE = re.compile(r"((?:[A-Z][\w'’-]*\.?\s+)+[A-Z][\w.'’-]*),\s+((?:a|an|the|representing)\s+[^,;:()]{1,80}?)(?=,|[.!?]?[\"”’]?\s*$)")
_PLACE = frozenset("in at near from across outside inside throughout around into".split())
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


@lru_cache(maxsize=16384)
def background_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` offsets of the background spans of ``text`` (see the module), merged
    where they overlap."""
    spans = [m.span() for m in _RELATIVE.finditer(text)]
    spans += [m.span(2) for m in _APPOSITIVE.finditer(text) if _person(text, m.start(), m.group(1).split())]
    for m in _DATED.finditer(text):
        before = _WORD_BEFORE.search(text, 0, m.start())
        if m.group().lower().startswith("that") and before is not None and before.group(1).lower() in ATTRIBUTION:
            continue
        spans.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _person(text: str, start: int, words: list[str]) -> bool:
    """Whether the capitalised ``words`` at ``start`` of ``text`` name a person: two words or more
    after any function word that opens them ("But"), with no place preposition before them ("In New
    York", "in New York")."""
    before = _WORD_BEFORE.search(text, 0, start)
    opening = [before.group(1).lower()] if before is not None else []
    while words and function_word(words[0]):
        opening.append(words.pop(0).lower())
    return len(words) >= 2 and not _PLACE.intersection(opening)


def foreground(text: str) -> str:
    """``text`` with its background spans blanked (the same length, so offsets hold)."""
    out = text
    for start, end in background_spans(text):
        out = out[:start] + " " * (end - start) + out[end:]
    return out


def foreground_tokens(
    sentences: Sequence[Sentence], plain: Sequence[frozenset[str]], story: Mapping[str, float], names: frozenset[str], counted: bool
) -> list[frozenset[str]]:
    """Each sentence's plain words (``plain``, of :func:`~compare.plain_words.plain_tokens` with
    ``story``, ``names`` and ``counted``) outside its background spans."""
    return [
        plain_tokens([analyse(foreground(s.text))], story, names, counted)[0] if background_spans(s.text) else words
        for s, words in zip(sentences, plain, strict=True)
    ]


def background_only(plain_i: frozenset[str], plain_j: frozenset[str], fore_i: frozenset[str], fore_j: frozenset[str]) -> bool:
    """Whether two sentences share words of substance (``plain``: :func:`~compare.plain_words.plain_tokens`)
    only where each of them gives background (none of those words in either's ``fore``, the same
    words of its :func:`foreground`), while each tells something of its own beside: two claims
    around one reminder.  A background clause of one sentence that the other reports as its claim
    ("The planes, which are believed to be MiG-21 and MiG-23 jets, are capable of flying" against
    "The jets appeared to be MiG 21 or MiG23 models") is a fact told in a clause, and links."""
    shared = plain_i & plain_j
    return bool(shared) and shared.isdisjoint(fore_i) and shared.isdisjoint(fore_j) and bool(fore_i - plain_j) and bool(fore_j - plain_i)
