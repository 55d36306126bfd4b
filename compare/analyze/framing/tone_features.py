"""The words of a sentence as the tone model sees them toward one target (:mod:`.tone`).

:func:`features` names them ("c:plan": the word "plan" in the target's clause); that is what the
model is trained on (``benchmarks/train_tone.py``).  :func:`known_hits` finds the same features
in a model read from its file without naming them: a word's entry gives the rows of all its
slots (:class:`~.tone_file.FeatureRows`), and what does not depend on the target (the words, the
negations and quotation marks before each) is read once per sentence.  It is what the framing
uses, some 170 times a story.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import chain, compress, count
from operator import itemgetter

from compare.analyze.framing.tokens import tokens
from compare.analyze.framing.tone_file import FeatureRows, Lexicon, WordIndex

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")
_NEGATIONS = frozenset(
    "not no never n't nor neither without hardly barely cannot nobody none nothing".split()
)
_CUTS = frozenset(",;:.!?()—–")
_QUOTES = frozenset('"“”')
WINDOW = 4
"""Words at most this many tokens from the target get a feature of their own ("near")."""


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """(lower-case word, start, end) of a sentence; "doesn't" → "does" "n't".

    The tokens of ``_WORD``, read from the framing's own tokens (:func:`.tokens.tokens`, which
    every sentence of a story has already): a token of ``TOKEN`` is one of ``_WORD`` (a word, a
    sign, a number of digits) or holds whole ones of it ("U.S.", "3.5", "--"), and
    :func:`.tokens.tokens` only cuts "'s" and "n't" off its words.  The rest is ``_WORD``'s own
    reading of the few tokens that are not one of its own (:func:`_word_tokens`)."""
    out: list[tuple[str, int, int]] = []
    add = out.append
    run = mark = 0  # where the last token that is no cut-off piece starts, and the tokens here before it
    for word, low, start, end, letters, glued in tokens(text):
        if glued and low in _PIECES:  # "Russia" "'s", "does" "n't": one word here, read again
            del out[mark:]
            _word_tokens(text, run, end, out)
            continue
        run, mark = start, len(out)
        if (letters and "." not in word) or (len(word) == 1 and word != "_") or word.isdecimal():
            add((low, start, end))  # a word of letters (its "n't", if any, was cut off), a sign, digits
        else:
            _word_tokens(text, start, end, out)
    return tuple(out)


_PIECES = frozenset({"'s", "’s", "n't", "n’t"})
"""What :func:`.tokens.tokens` cuts off a word."""


def _word_tokens(text: str, start: int, stop: int, out: list[tuple[str, int, int]]) -> None:
    """``_WORD``'s tokens of ``text[start:stop]`` (no white space in it), added to ``out``."""
    find = text.find
    end = start
    for word in _WORD.findall(text, start, stop):  # no match object: between two tokens lies only white space
        begin = find(word, end)  # or "_", so a token is where its text first occurs after the one before
        end = begin + len(word)
        low = word.lower()
        if low.endswith(("n't", "n’t")) and len(low) > 3:
            out.append((low[:-3], begin, end - 3))
            out.append(("n't", end - 3, end))
        else:
            out.append((low, begin, end))


word_tokens = _tokens
"""(lower-case word, start, end) of a sentence, as the tone model reads it: :func:`_tokens`, public."""


@lru_cache(maxsize=4096)
def _layout(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where :func:`_tokens` start and end, and which cut a clause (``_CUTS``), read in C."""
    toks = _tokens(text)
    cuts = compress(count(), map(_CUTS.__contains__, map(itemgetter(0), toks)))
    return list(map(itemgetter(1), toks)), list(map(itemgetter(2), toks)), list(cuts)


def target_tokens(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first and last of :func:`_tokens` that characters ``start``..``end`` of ``text``
    touch, or None for none (asked by the features and by :mod:`.bystander` alike).
    The tokens follow each other without overlap: found by bisection."""
    starts, ends, _cuts = _layout(text)
    lo, hi = bisect_right(ends, start), bisect_left(starts, end) - 1
    return (lo, hi) if lo <= hi else None


def _known_clause(text: str, lo: int, hi: int) -> tuple[int, int]:
    """:func:`_clause` of :func:`_tokens` of ``text``, by bisection of its cuts."""
    _starts, ends, cuts = _layout(text)
    before, after = bisect_left(cuts, lo), bisect_right(cuts, hi)
    return (cuts[before - 1] + 1 if before else 0), (cuts[after] - 1 if after < len(cuts) else len(ends) - 1)


def _clause(toks: Sequence[tuple[str, int, int]], lo: int, hi: int) -> tuple[int, int]:
    """The first and last token of the clause of tokens ``lo``..``hi`` (between punctuation)."""
    clause_lo = lo
    while clause_lo > 0 and toks[clause_lo - 1][0] not in _CUTS:
        clause_lo -= 1
    clause_hi = hi
    while clause_hi + 1 < len(toks) and toks[clause_hi + 1][0] not in _CUTS:
        clause_hi += 1
    return clause_lo, clause_hi


Feature = tuple[str, int, float]
"""(name, token index or -1 for the whole sentence, value)."""


def features(text: str, start: int, end: int, lexicon: Mapping[str, float] | None = None) -> list[Feature]:
    """The features of a sentence for the target at characters ``start``..``end``.

    Words by where they stand (the sentence, the target's clause, next to it, inside quotation
    marks; after a negation they are "NOT_" words), the two tokens right beside the target on
    each side (:func:`_beside`), and the valence of the words
    that the sentiment ``lexicon`` knows, by the same places.  The target's own words are left
    out (a name carries no tone of its own here).
    """
    toks = _tokens(text)
    inside = [k for k, t in enumerate(toks) if t[1] < end and t[2] > start]
    lo, hi = (inside[0], inside[-1]) if inside else (0, -1)
    clause_lo, clause_hi = _clause(toks, lo, hi)
    out: list[Feature] = [("bias:first" if lo <= 1 else "bias:later", -1, 1.0)]
    add = out.append
    negated = False
    quoted = False
    for k, (low, _s, _e) in enumerate(toks):
        if low in _QUOTES:
            quoted = not quoted
            continue
        if low in _CUTS:
            negated = False
            continue
        if lo <= k <= hi:
            continue
        if low in _NEGATIONS:
            negated = True
            add(("neg", k, 1.0))
            continue
        word = "NOT_" + low if negated else low
        near = "l:" if lo - WINDOW <= k < lo else "r:" if hi < k <= hi + WINDOW else ""
        clause = clause_lo <= k <= clause_hi
        add(("w:" + word, k, 1.0))
        if quoted:
            add(("q:" + word, k, 1.0))
        if clause:
            add(("c:" + word, k, 1.0))
        if near:
            add((near + word, k, 1.0))
        valence = lexicon.get(low) if lexicon else None
        if valence:
            v = -valence if negated else valence
            sign = "+" if v > 0 else "-"
            size = abs(v) / 4
            add(("v" + sign + "w", k, size))
            if quoted:
                add(("v" + sign + "q", k, size))
            if clause:
                add(("v" + sign + "c", k, size))
            if near:
                add(("v" + sign + near[0], k, size))
            distance = lo - k if k < lo else k - hi
            add(("vd" + sign, k, size / (1 + distance / 3)))
    if inside:
        _beside(toks, lo, hi, add)
    return out


def _beside(toks: Sequence[tuple[str, int, int]], lo: int, hi: int, add: Callable[[Feature], None]) -> None:
    """The two tokens right after the target and the two right before, alone and as a pair:
    "Obama was criticised" (n1:was, n2:criticised, n12:was_criticised) is not "Obama criticised"."""
    if hi + 1 < len(toks):
        add(("n1:" + toks[hi + 1][0], hi + 1, 1.0))
        if hi + 2 < len(toks):
            add(("n2:" + toks[hi + 2][0], hi + 2, 1.0))
            add(("n12:" + toks[hi + 1][0] + "_" + toks[hi + 2][0], hi + 1, 1.0))
    if lo >= 1:
        add(("p1:" + toks[lo - 1][0], lo - 1, 1.0))
        if lo >= 2:
            add(("p2:" + toks[lo - 2][0], lo - 2, 1.0))
            add(("p12:" + toks[lo - 2][0] + "_" + toks[lo - 1][0], lo - 2, 1.0))


Hit = tuple[int, int, float]
"""A feature the model knows: (its row, token index or -1 for the whole sentence, value)."""


def _hits(feats: Sequence[Feature], rows: Mapping[str, int]) -> list[Hit]:
    """The features the model knows, with their rows (one look-up each)."""
    row = rows.row if isinstance(rows, FeatureRows) else rows.get
    return [(n, k, v) for f, k, v in feats if (n := row(f)) is not None]


_PLAIN, _NEGATION, _MARK = 0, 1, 2
"""Kinds of token: a word (or number, or other sign), a negation, a quotation mark or a cut."""
Row = int | None
WordRows = tuple[tuple[Row, ...], float | None]
"""A word's rows in some slots (None where the model does not have it), and its valence in the
lexicon (or None)."""


class _Rows(dict[str, WordRows]):
    """Word → its :data:`WordRows` in ``slots``, worked out on first use from a model's word
    index, and kept (up to ``KEEP`` words)."""

    KEEP = 200_000

    def __init__(self, index: WordIndex, slots: Sequence[str]) -> None:
        super().__init__()
        self.index = index
        self.bits = [index.slots.get(slot, 0) for slot in slots]
        self.absent: WordRows = ((None,) * len(slots), None)  # a word the model does not have: one record for all

    def __missing__(self, word: str) -> WordRows:
        index = self.index
        n = index.find(word)
        if n is None:
            got = self.absent
        elif n >= index.featured:  # a word of the sentiment lexicon alone
            got = (self.absent[0], index.valence(n))
        else:
            got = (index.rows(n, self.bits), index.valence(n))
        if len(self) < self.KEEP:
            self[word] = got
        return got


class _Known:
    """What :func:`known_hits` reads from a model's word index, worked out once."""

    def __init__(self, index: WordIndex) -> None:
        self.words = _Rows(index, ("w", "q", "c", "l", "r"))  # as a word, quoted, in the clause, left, right
        self.beside = _Rows(index, ("n1", "n2", "n12", "p1", "p2", "p12"))  # see _beside
        self.neg = index.fixed.get("neg")
        self.signs = {
            sign: (*(index.fixed.get(f"v{sign}{place}") for place in "wqclr"), index.fixed.get(f"vd{sign}"))
            for sign in "+-"
        }
        self.bias = {first: index.row("bias", "first" if first else "later") for first in (True, False)}


@lru_cache(maxsize=4)
def _known(index: WordIndex) -> _Known:
    return _Known(index)


Read = tuple[int, Row, Row, Row, Row, Row, "float | None", str, bool, bool]
"""A token as :func:`features` reads it toward a target that holds no negation: its kind, its
word's rows (as a word, quoted, in the clause, left, right: of the "NOT_" word after a negation)
and the valence the model's own lexicon gives it (of the word itself after a negation), then its
lower-case text, whether it stands inside quotation marks, whether after a negation."""


@lru_cache(maxsize=4096)
def _read(text: str, known: _Known) -> tuple[Read, ...]:
    """Each token of ``text`` as :func:`features` reads it toward a target that holds no
    negation, each word's rows looked up once: whatever the target, :func:`known_hits` reads
    the same (some two targets a sentence)."""
    out: list[Read] = []
    words = known.words
    negated = quoted = False
    for low, _s, _e in _tokens(text):
        if low in _QUOTES:
            quoted = not quoted
            out.append((_MARK, None, None, None, None, None, None, low, quoted, negated))
        elif low in _CUTS:
            negated = False
            out.append((_MARK, None, None, None, None, None, None, low, quoted, negated))
        elif low in _NEGATIONS:
            out.append((_NEGATION, None, None, None, None, None, None, low, quoted, negated))
            negated = True
        elif negated:
            (w, q, c, left, right), _valence = words["NOT_" + low]
            out.append((_PLAIN, w, q, c, left, right, words[low][1], low, quoted, True))
        else:
            (w, q, c, left, right), valence = words[low]
            out.append((_PLAIN, w, q, c, left, right, valence, low, quoted, False))
    return tuple(out)


def known_hits(
    text: str, start: int, end: int, rows: Mapping[str, int], lexicon: Mapping[str, float] | None = None
) -> list[Hit]:
    """``_hits(features(text, start, end, lexicon), rows)``: the same hits in the same order
    (the model adds them up in that order, so its numbers are the same to the bit).  With the
    rows of a model file, no feature is named: a word's rows are worked out once (:class:`_Rows`)
    and what does not depend on the target once per sentence (:func:`_read`)."""
    toks = _tokens(text)
    found = target_tokens(text, start, end)
    inside = found is not None
    lo, hi = found or (0, -1)
    if not isinstance(rows, FeatureRows) or any(toks[k][0] in _NEGATIONS for k in range(lo, hi + 1)):
        return _hits(features(text, start, end, lexicon), rows)  # a negation in the target is none
    clause_lo, clause_hi = _known_clause(text, lo, hi)
    other = None if isinstance(lexicon, Lexicon) and lexicon.index is rows.index else lexicon or {}
    known = _known(rows.index)
    neg, signs = known.neg, known.signs
    read = _read(text, known)
    out: list[Hit] = []
    add = out.append
    if (first := known.bias[lo <= 1]) is not None:
        add((first, -1, 1.0))
    for k in chain(range(lo), range(hi + 1, len(toks))):
        kind, w, q, c, left, right, valence, low, quoted, negated = read[k]
        if kind:
            if kind == _NEGATION and neg is not None:
                add((neg, k, 1.0))
            continue
        if w is not None:
            add((w, k, 1.0))
        if quoted and q is not None:
            add((q, k, 1.0))
        clause = clause_lo <= k <= clause_hi
        if clause and c is not None:
            add((c, k, 1.0))
        side = 1 if lo - WINDOW <= k < lo else 2 if hi < k <= hi + WINDOW else 0
        near = left if side == 1 else right if side == 2 else None
        if near is not None:
            add((near, k, 1.0))
        if other is not None:
            valence = other.get(low)
        if valence:
            v = -valence if negated else valence
            vw, vq, vc, vl, vr, vd = signs["+" if v > 0 else "-"]
            size = abs(v) / 4
            near = vl if side == 1 else vr if side == 2 else None
            for row, here in ((vw, True), (vq, quoted), (vc, clause), (near, True)):
                if here and row is not None:
                    add((row, k, size))
            if vd is not None:
                add((vd, k, size / (1 + (lo - k if k < lo else k - hi) / 3)))
    if inside:
        _known_beside(toks, lo, hi, known.beside, add)
    return out


def _known_beside(
    toks: Sequence[tuple[str, int, int]], lo: int, hi: int, beside: _Rows, add: Callable[[Hit], None]
) -> None:
    """:func:`_beside`'s features that the model knows."""
    found: list[tuple[int, str, int]] = []
    if hi + 1 < len(toks):
        found.append((0, toks[hi + 1][0], hi + 1))
        if hi + 2 < len(toks):
            found += [(1, toks[hi + 2][0], hi + 2), (2, toks[hi + 1][0] + "_" + toks[hi + 2][0], hi + 1)]
    if lo >= 1:
        found.append((3, toks[lo - 1][0], lo - 1))
        if lo >= 2:
            found += [(4, toks[lo - 2][0], lo - 2), (5, toks[lo - 2][0] + "_" + toks[lo - 1][0], lo - 2)]
    for slot, word, k in found:
        if (row := beside[word][0][slot]) is not None:
            add((row, k, 1.0))
