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
  (not before ``and``: in news that comma more often ends a list than a clause), and
  "such as" or "including" before a list of examples ("expand cooperation in areas such as
  missile defense, narcotics control and arms limits": another outlet may give the list alone).

A part must hold at least ``min_words`` words and leave at least a quarter of
the sentence's words outside it: a part that is nearly the whole sentence adds
nothing to the whole sentence's own score.  In the aligner a part also needs words
beyond names and attribution, and is never only a name or a headline label
(:func:`is_label`: "Chick-fil-A Appreciation Day").  A sentence has no parts when none
qualify.  Parts are found on the sentence's text alone; the result is cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from compare.candidates import pair_bounds
from compare.models import Sentence
from compare.settings import Settings
from compare.similarity import SCORE_DECIMALS as _ROUND
from compare.similarity import Features, analyse, features, lexical_score, substance

Part = tuple[int, int]

_QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A strong break between clauses: the break's own characters are left out of both sides.
_BREAK = re.compile(
    r"\s*;\s*|\s+[—–]\s+|\s*—\s*|:\s+(?=(?:\S+\s+){3})"
    r"|,\s+(?=(?:but|while|whereas|although|though|after|before|which|saying|adding)\b)"
    r"|,?\s+(?:such as|including)\s+"
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


@lru_cache(maxsize=16384)
def quotation_spans(text: str) -> tuple[Part, ...]:
    """Every quotation of ``text`` (as for :func:`sentence_parts`, of any length), trimmed."""
    return tuple(_trim(text, a, b) for a, b in _quotations(text))


def sentence_quotations(text: str) -> tuple[Part, ...]:
    """Every quotation of one sentence (:func:`quotation_spans`).  When its first quotation mark
    closes (”, or " right after a word or a mark and before a space or the end; not after a digit:
    an inch mark, 'its 12" MacBook'), it ends a quotation opened in the sentence before: the words
    up to it are quoted ('It's not about your jobs," Santorum said.'), and the rest is read on."""
    first = next((k for k, c in enumerate(text) if c in '“”"'), -1)
    closing = first > 0 and (
        text[first] == "”"
        or (text[first] == '"' and not text[first - 1].isspace() and not text[first - 1].isdigit() and text[first + 1 : first + 2] in ("", " "))
    )
    if closing:
        return ((0, first), *((a + first + 1, b + first + 1) for a, b in quotation_spans(text[first + 1 :])))
    return quotation_spans(text)


_LABEL_SMALL = frozenset("a an and at for in of on or the to vs".split())


def is_label(text: str) -> bool:
    """Whether a part is only a name or a headline label: every word capitalised (hyphenated
    words by their first letter, "Chick-fil-A Appreciation Day"), small words of a title aside
    ("Speaker of the House").  A label names a thing; it reports no fact to link by."""
    words = [w.strip(_EDGE) for w in text.split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return bool(words) and all(w[0].isupper() or w in _LABEL_SMALL for w in words if w[0].isalpha())


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def _quotations(text: str) -> list[Part]:
    spans: list[Part] = []
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None or (text[i] == "‘" and _apostrophe(text, i)) or _inch(text, i):
            i += 1
            continue
        end = closing_mark(text, i + 1, close)
        if end == -1:
            spans.append((i + 1, len(text)))
            break
        spans.append((i + 1, end))
        i = end + 1
    return spans


def closing_mark(text: str, start: int, close: str, end: int | None = None) -> int:
    """Where the quotation opened before ``start`` closes (before ``end``), or -1; an apostrophe
    (’ inside a word) does not close ‘…’, nor an inch mark "…".  Double marks are often mixed: a
    straight " closes at the first " or ”, and “ without its ” at a straight " ('"The fact is that
    ... a nuclear bomb,” Netanyahu says.')."""
    if close == '"' or (close == "”" and text.find("”", start, end) == -1):
        straight = _find(text, start, '"', end)
        # the curly marks only before the straight one: a run of straight marks made each read to
        # the end of the text (a paragraph of 20,000 took minutes)
        curly = _unnested(text, start, end if straight == -1 else straight)
        return min((m for m in (straight, curly) if m != -1), default=-1)
    at = text.find(close, start, end)
    while at != -1 and close == "’" and _apostrophe(text, at):
        at = text.find(close, at + 1, end)
    return at


_CURLY = re.compile("[“”]")


def _unnested(text: str, start: int, end: int | None) -> int:
    """The first ” from ``start`` that closes no “ opened after ``start`` ('"... a “witch hunt,” and
    it is not," Giuliani said': the ” closes the inner quotation), or -1."""
    depth = 0
    for mark in _CURLY.finditer(text, start, len(text) if end is None else end):
        if mark.group() == "“":
            depth += 1
        elif depth == 0:
            return mark.start()
        else:
            depth -= 1
    return -1


def _find(text: str, start: int, mark: str, end: int | None) -> int:
    at = text.find(mark, start, end)
    while at != -1 and _inch(text, at):
        at = text.find(mark, at + 1, end)
    return at


def _inch(text: str, at: int) -> bool:
    """A straight " right after a digit is an inch mark ('its 12" MacBook'), not a quotation mark."""
    return text[at] == '"' and at > 0 and text[at - 1].isdigit()


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


# --- parts in the aligner ------------------------------------------------------------------


class Cosines(Protocol):
    """The aligner's story-centred cosines: of the sentences, then of their parts."""

    def pair(self, i: int, j: int) -> float: ...

    def above(
        self,
        threshold: float,
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        keep: int | None = None,
    ) -> list[tuple[int, int]]: ...


@dataclass(frozen=True, slots=True)
class Parts:
    """The quotations and clauses of the linkable sentences (:mod:`compare.parts`), in one list."""

    owner: tuple[int, ...]  # the sentence index of each part
    spans: tuple[tuple[int, int], ...]  # (start, end) in its sentence's text
    texts: tuple[str, ...]
    features: tuple[Features, ...]


def find_parts(
    sentences: Sequence[Sentence],
    linkable: Sequence[bool],
    story: Mapping[str, float],
    settings: Settings,
    names: frozenset[str],
) -> Parts:
    owner: list[int] = []
    spans: list[tuple[int, int]] = []
    feats: list[Features] = []
    for i, sentence in enumerate(sentences):
        if not linkable[i]:
            continue
        for start, end in sentence_parts(sentence.text, settings.part_min_words):
            text = sentence.text[start:end]
            token_list, function = analyse(text)
            if not _kept(text, token_list, settings, names):
                continue  # "NATO Secretary-General Anders Fogh Rasmussen" or "Ginsburg agreed" alone is no fact
            owner.append(i)
            spans.append((start, end))
            feats.append(features(token_list, story, function=function))
    texts = tuple(sentences[i].text[a:b] for i, (a, b) in zip(owner, spans, strict=True))
    return Parts(tuple(owner), tuple(spans), texts, tuple(feats))


def part_texts(sentences: Sequence[Sentence], settings: Settings) -> list[str]:
    """The texts of the parts :func:`find_parts` may keep, whichever sentences are linkable and
    whatever the story's names: a superset of them (fewer names leave more words of substance),
    known before the aligner runs, so that they are embedded on the other core together with the
    sentences (:func:`compare.semantic.embed_ahead`), not after them while the aligner waits."""
    out: list[str] = []
    for sentence in sentences:
        for start, end in sentence_parts(sentence.text, settings.part_min_words):
            text = sentence.text[start:end]
            if _kept(text, analyse(text)[0], settings, frozenset()):
                out.append(text)
    return out


def _kept(text: str, token_list: Sequence[str], settings: Settings, names: frozenset[str]) -> bool:
    """Whether a part (``token_list`` its content tokens) holds enough to link on its own: content
    tokens, words beyond the story's ``names`` and attribution (:func:`_unnamed` too, with
    ``GroupSettings.part_unnamed``), and more than a label (:func:`is_label`)."""
    return not (
        len(token_list) < settings.min_content_tokens
        or substance(text, names) < settings.min_substance_tokens
        or (settings.grouping.part_unnamed and _unnamed(text, names) < settings.min_substance_tokens)
        or is_label(text)
    )


def _unnamed(text: str, names: frozenset[str]) -> int:
    """How many content words of a part are neither a name nor attribution (:func:`substance`),
    nor a capitalised word right before one of the story's names, its title ("Justice Ruth Bader
    Ginsburg agreed" holds one, "agreed": who spoke, not what)."""
    words = _WORD.findall(text)
    titled = {n for n, w in enumerate(words[:-1]) if w[:1].isupper() and words[n + 1].lower() in names}
    return substance(" ".join(w for n, w in enumerate(words) if n not in titled), names)


def part_links(
    parts: Parts,
    feats: Sequence[Features],
    whole: Callable[[int, int], float],
    cosines: Cosines | None,
    weight: float,
    threshold: float,
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    settings: Settings,
) -> dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]]:
    """Sentence pairs ``(i, j)``, ``i < j``, that a part of one (or of each) links, scoring
    ``Settings.part_margin`` above the whole sentences: ``(score, i's part or None, j's part or None)``."""
    if not parts.owner:
        return {}
    n = len(feats)
    units = (*feats, *parts.features)
    owner = (*range(n), *parts.owner)
    unit_article = [article_of[o] for o in owner]
    limits = {"visits_per_sentence": settings.index_visits_per_sentence, "max_candidates": settings.max_candidates}
    found = set(pair_bounds(units, unit_article, settings.overlap_weight, allowed, **limits).candidates(threshold))
    if cosines is not None:
        found.update(cosines.above(threshold, unit_article, allowed, settings.max_candidates))
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]] = {}
    for u, v in sorted(found):
        if u < n and v < n:
            continue  # two whole sentences: scored by the aligner itself
        i, j = owner[u], owner[v]
        lexical = lexical_score(units[u], units[v], settings)
        if cosines is None:
            value = lexical
        else:
            cos = cosines.pair(u, v)
            if cos < settings.semantic_min_cosine:
                continue
            value = (1.0 - weight) * lexical + weight * cos
        value = round(min(1.0, value), _ROUND)
        if value < threshold or value < whole(i, j) + settings.part_margin:
            continue
        span_u = parts.spans[u - n] if u >= n else None
        span_v = parts.spans[v - n] if v >= n else None
        key, entry = ((i, j), (value, span_u, span_v)) if i < j else ((j, i), (value, span_v, span_u))
        if key not in best or entry[0] > best[key][0]:
            best[key] = entry
    return best


def matched_parts(
    groups: Sequence[Sequence[int]],
    article_of: Sequence[int],
    similarity: Callable[[int, int], float],
    matched: Mapping[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]],
) -> dict[int, tuple[int, int]]:
    """For each grouped sentence whose closest member of another article matched a part of it,
    that part; sentences that matched as a whole are left out.

    The closest is the best of the members it matched by a part (only they can give a part) unless
    another member scores higher, or as high and comes first.  Past a score of 1.0 (the most there
    is) only the members before it are looked at: a quotation repeated thousands of times, each
    copy matched to a few of the others', scored every copy against every other (1.4 million
    scores and 300 MB at 40,000 characters)."""
    out: dict[int, tuple[int, int]] = {}
    partners: dict[int, list[int]] = {}  # only these can have matched by a part
    for i, j in matched:
        partners.setdefault(i, []).append(j)
        partners.setdefault(j, []).append(i)
    for group in groups:
        members, ordered = set(group), sorted(group)
        for m in group:
            mine = [o for o in partners.get(m, ()) if o in members and article_of[o] != article_of[m]]
            if not mine:
                continue  # the closest member matched as a whole (and a giant group without parts costs nothing)
            best = max(mine, key=lambda o: (similarity(m, o), -o))
            rivals = (o for o in ordered if article_of[o] != article_of[m])
            if similarity(m, best) >= 1.0:
                rivals = (o for o in ordered[: bisect_left(ordered, best)] if article_of[o] != article_of[m])
            closest = max((best, *rivals), key=lambda o: (similarity(m, o), -o))
            key = (m, closest) if m < closest else (closest, m)
            entry = matched.get(key)
            if entry is None or entry[0] < similarity(m, closest):
                continue
            span = entry[1] if key[0] == m else entry[2]
            if span is not None:
                out[m] = span
    return out
