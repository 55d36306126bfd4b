"""The tone model's file (``compare/data/tone-model.bin``): read in well under a millisecond, with
the standard library alone.

A feature is a slot and a word: "c:plan" is the word "plan" in the target's clause,
"n12:was_criticised" the two words right after the target; a feature without a colon ("neg",
"v+w") is a slot of the empty word.  The file groups the features by word, and finds a word
through a hash table stored in it: reading it makes no dictionary and no string per word (a
dictionary of its 27,000 features took 8 ms to make, more than the framing's own work on a
story); a story asks for a thousand words or so, each found once (:meth:`WordIndex.find`).  A
word's entry says which slots it has (a bit each) and where its rows start: the rows of one word
follow each other in slot order, so the row of a slot is its start plus the number of the
word's slots before it (:meth:`WordIndex.row`).

The layout, in order:

1. a header: one line of JSON, ``{"format": FORMAT, "about", "lexicon_notice", "bias", "slots",
   "words", "all_words", "features", "lexicon", "table", "word_bytes"}`` (the slots in bit
   order; the counts and byte length of what follows), then ``\\n``;
2. the words, UTF-8, one after the other (``word_bytes`` bytes): the ``words`` that have
   features, sorted, then the sentiment lexicon's other words, sorted (``all_words`` in all);
3. unsigned little-endian integers: where each word starts in 2 and where the last ends
   (32 bits each); each feature word's slots (64 bits, bit n for slot n) and first row (32
   bits); each lexicon word's place among the words, in lexicon order; each word's place in
   the lexicon (``2**32 - 1``: none); the hash table (``table`` places, a power of two: a word's
   place among the words, ``2**32 - 1`` where none; a word's first try is the CRC-32 of its
   UTF-8 bytes modulo ``table``, the next ones follow);
4. float64, little-endian: the weights of every feature for "unfavourable", then for "neutral",
   then for "favourable" (three columns of ``features`` numbers, in row order: by word, then
   slot), then each lexicon word's valence.

:func:`write` writes it (``benchmarks/train_tone.py --write``); :func:`read` reads it back, the
same features and numbers to the bit.
"""

from __future__ import annotations

import json
import mmap
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from compare.errors import CompareError

FORMAT = "storycompare-tone-model/2"
"""The header's ``format``: a file of another format is refused by name, not misread."""
_U32 = next(code for code in "ILH" if array(code).itemsize == 4)
_U64 = next(code for code in "QL" if array(code).itemsize == 8)
NONE = 2**32 - 1
"""No place (in the hash table, in the lexicon)."""


def split_feature(feature: str) -> tuple[str, str]:
    """(slot, word) of a feature: "c:plan" → ("c", "plan"), "w::" → ("w", ":"), "neg" → ("neg", "")."""
    slot, _colon, word = feature.partition(":")
    return slot, word


def _key(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")  # article text may hold a lone surrogate


@dataclass(frozen=True, slots=True, eq=False)
class WordIndex:
    """The words' entries.  Compared and hashed as itself (``eq=False``): what is worked out from
    it may be cached under it (:mod:`.tone_features`)."""

    text: bytes = field(repr=False)  # the words, one after the other
    bounds: Sequence[int] = field(repr=False)  # word n is text[bounds[n]:bounds[n + 1]]
    table: Sequence[int] = field(repr=False)  # the hash table
    featured: int  # the words 0..featured-1 have features
    slots: Mapping[str, int]  # slot → its bit (1 << n)
    masks: Sequence[int] = field(repr=False)  # per feature word: the bits of its slots
    starts: Sequence[int] = field(repr=False)  # per feature word: the row of its first slot
    lexical: Sequence[int] = field(repr=False)  # per word: its place in the lexicon, or NONE
    valences: Sequence[float] = field(repr=False)  # per place in the lexicon: the valence
    fixed: Mapping[str, int]  # the features of the empty word ("neg", "v+w", ...) → their rows
    found: dict[str, int | None] = field(default_factory=dict, repr=False)  # what find found, by word

    KEEP = 200_000
    """Words whose place :meth:`find` keeps (a user's batch of stories may hold many)."""

    def find(self, word: str) -> int | None:
        """The place of ``word`` among the words, or None.  A word is looked for once: the
        tone's slots, the words beside the target and the lexicon ask for many of the same."""
        place = self.found.get(word, -1)
        if place != -1:
            return place
        key = word.encode("utf-8", "surrogatepass")  # as _key
        table, bounds, text = self.table, self.bounds, self.text
        size = len(table) - 1
        at = zlib.crc32(key) & size
        place = None
        for _probe in range(size + 1):  # the table has empty places: a damaged one does not loop
            if (n := table[at]) == NONE:
                break
            if text[bounds[n] : bounds[n + 1]] == key:
                place = n
                break
            at = (at + 1) & size
        if len(self.found) < self.KEEP:
            self.found[word] = place
        return place

    def valence(self, n: int) -> float | None:
        """The valence of word ``n`` (a place), or None where the lexicon does not have it."""
        place = self.lexical[n]
        return self.valences[place] if place != NONE else None

    def word(self, n: int) -> str:
        return self.text[self.bounds[n] : self.bounds[n + 1]].decode("utf-8", "surrogatepass")

    def rows(self, n: int | None, slots: Sequence[int]) -> tuple[int | None, ...]:
        """The rows of word ``n`` (a place, or None) in the slots of these bits (None: not had)."""
        if n is None or n >= self.featured:
            return (None,) * len(slots)
        mask, start = self.masks[n], self.starts[n]
        return tuple([start + (mask & (bit - 1)).bit_count() if mask & bit else None for bit in slots])

    def row(self, slot: str, word: str) -> int | None:
        """The row of ``word`` in ``slot``, or None for a feature the model does not have."""
        return self.rows(self.find(word), (self.slots.get(slot, 0),))[0]


@dataclass(frozen=True, slots=True, eq=False)
class FeatureRows(Mapping[str, int]):
    """Feature → its row, read from the words' entries (a :class:`Mapping` like the dictionary
    it stands for: equal to it, iterated in row order)."""

    index: WordIndex
    size: int  # features in all

    def row(self, feature: str) -> int | None:
        """The row of ``feature``, or None for a feature the model does not have."""
        slot, word = split_feature(feature)
        return None if feature.endswith(":") and not word else self.index.row(slot, word)

    def __getitem__(self, feature: str) -> int:
        found = self.row(feature)
        if found is None:
            raise KeyError(feature)
        return found

    def __iter__(self) -> Iterator[str]:
        names = list(self.index.slots)
        for n in range(self.index.featured):
            mask, word = self.index.masks[n], self.index.word(n)
            for bit, slot in enumerate(names):
                if mask >> bit & 1:
                    yield f"{slot}:{word}" if word else slot

    def __len__(self) -> int:
        return self.size


class Valences(dict[str, "float | None"]):
    """Word → its valence in the lexicon, or None; each word found once (:meth:`WordIndex.find`)
    and kept (up to ``KEEP`` words: a user's batch of stories may hold many)."""

    KEEP = 200_000

    def __init__(self, index: WordIndex) -> None:
        super().__init__()
        self.index = index

    def __missing__(self, word: str) -> float | None:
        n = self.index.find(word)
        found = self.index.valence(n) if n is not None else None
        if len(self) < self.KEEP:
            self[word] = found
        return found


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon(Mapping[str, float]):
    """The sentiment lexicon: word → valence (a :class:`Mapping` equal to the dictionary it
    stands for, in its order)."""

    index: WordIndex
    order: Sequence[int] = field(repr=False)  # the lexicon's words (their places), in lexicon order
    valences: Valences = field(repr=False)

    def __getitem__(self, word: str) -> float:
        found = self.valences[word]
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:  # a faster Mapping.get: no KeyError
        found = self.valences[word]
        return default if found is None else found

    def __iter__(self) -> Iterator[str]:
        return map(self.index.word, self.order)

    def __len__(self) -> int:
        return len(self.order)


@dataclass(frozen=True, slots=True)
class ModelFile:
    """What the file holds: the feature rows, the weight columns and the lexicon, with its notes."""

    rows: FeatureRows  # feature → its row in each column
    columns: tuple[Sequence[float], Sequence[float], Sequence[float]]  # weights per class, TONES order
    bias: tuple[float, float, float]
    lexicon: Lexicon  # word → valence (-4..4)
    about: str
    lexicon_notice: str


class ModelFileError(CompareError, ValueError):
    """The file is not a tone model of this format; the message names the file and the problem.
    A :class:`~compare.errors.CompareError`, so the command line prints it as one line (exit 2)."""


def _numbers(code: str, raw: Any, at: int, count: int) -> tuple[Sequence[Any], int]:
    """``count`` numbers of type ``code`` from ``raw[at:]``, and where they end: read in place
    (a view of ``raw``, no copy) where the machine is little-endian like the file."""
    size = array(code).itemsize
    end = at + count * size
    if end > len(raw):
        raise ValueError(f"{len(raw)} bytes, {end} needed")
    if sys.byteorder == "little":
        view: Any = memoryview(raw)[at:end]  # (typeshed's cast() takes only literal formats)
        return view.cast(code), end  # its items are read whatever their alignment
    values = array(code)
    values.frombytes(raw[at:end])
    values.byteswap()
    return values, end


def _mapped(path: Path) -> Any:
    """The file's bytes, memory-mapped read-only: the pages the framing reads (a few hundred words'
    entries and rows) come from the disk cache as they are first read, not the whole file copied
    first (a third of a millisecond of the framing's time, more on a busy machine).  A file that
    cannot be mapped (empty, or a file system without mmap) is read whole."""
    with path.open("rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):
            return file.read()


def read(path: Path) -> ModelFile:
    """The model in ``path`` (see the module's docstring for the layout)."""
    raw = _mapped(path)
    end = raw.find(b"\n")
    try:
        head = json.loads(raw[:end]) if end > 0 else None
    except ValueError:
        head = None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a tone model of format {FORMAT}")
    try:
        return _body(raw, end + 1, head)
    except (KeyError, TypeError, ValueError, IndexError, OverflowError) as e:
        raise ModelFileError(f"{path}: truncated or inconsistent tone model ({e})") from None


def _body(raw: Any, at: int, head: dict[str, Any]) -> ModelFile:
    slots = [str(s) for s in head["slots"]]
    w, every, n, m = int(head["words"]), int(head["all_words"]), int(head["features"]), int(head["lexicon"])
    size, table_size = int(head["word_bytes"]), int(head["table"])
    if w > every or len(slots) > 64 or table_size < 1 or table_size & (table_size - 1) or table_size <= every:
        raise ValueError(f"{w} of {every} words, {len(slots)} slots, a table of {table_size}")
    text = bytes(raw[at : at + size])
    bounds, at = _numbers(_U32, raw, at + size, every + 1)
    masks, at = _numbers(_U64, raw, at, w)
    starts, at = _numbers(_U32, raw, at, w)
    order, at = _numbers(_U32, raw, at, m)
    lexical, at = _numbers(_U32, raw, at, every)
    table, at = _numbers(_U32, raw, at, table_size)
    if len(raw) - at != 8 * (3 * n + m) or len(text) != size or (every and bounds[-1] != size):
        raise ValueError(f"{every} words, {n} features and {m} lexicon words announced, {len(raw) - at} bytes left")
    if w and starts[-1] + masks[-1].bit_count() != n:
        raise ValueError(f"the last word's rows end at {starts[-1] + masks[-1].bit_count()}, not {n}")
    floats, _end = _numbers("d", raw, at, 3 * n + m)
    b = [float(x) for x in head["bias"]]
    if len(b) != 3:
        raise ValueError(f"{len(b)} biases, not 3")
    bits = {slot: 1 << k for k, slot in enumerate(slots)}
    index = WordIndex(text, bounds, table, w, bits, masks, starts, lexical, floats[3 * n :], {})
    empty = index.rows(index.find(""), list(bits.values()))
    index = replace(index, fixed={slot: row for slot, row in zip(bits, empty, strict=True) if row is not None})
    return ModelFile(
        FeatureRows(index, n),
        (floats[:n], floats[n : 2 * n], floats[2 * n : 3 * n]),
        (b[0], b[1], b[2]),
        Lexicon(index, order, Valences(index)),
        str(head.get("about", "")),
        str(head.get("lexicon_notice", "")),
    )


def write(
    path: Path,
    weights: Mapping[str, Sequence[float]],
    bias: Sequence[float],
    lexicon: Mapping[str, float],
    about: str,
    lexicon_notice: str,
) -> None:
    """Write a model: ``weights`` feature → its three weights (TONES order), in any order (the
    file keeps them by word, then slot); ``lexicon`` in the order given."""
    grouped: dict[str, dict[str, Sequence[float]]] = {}
    for feature, three in weights.items():
        slot, word = split_feature(feature)
        if not feature:
            raise ModelFileError(f"{path}: a feature cannot be empty")
        if feature.endswith(":") and not word:
            raise ModelFileError(f"{path}: a feature cannot end with the colon after its slot: {feature!r}")
        grouped.setdefault(word, {})[slot] = three
    if "" in lexicon:
        raise ModelFileError(f"{path}: a lexicon word cannot be empty")
    slots = sorted({slot for by_slot in grouped.values() for slot in by_slot})
    if len(slots) > 64:
        raise ModelFileError(f"{path}: {len(slots)} slots, more than the 64 a word's entry holds")
    featured = sorted(grouped)
    every = featured + sorted(set(lexicon) - set(grouped))
    place = {word: n for n, word in enumerate(every)}
    keys = [_key(word) for word in every]
    bounds = array(_U32, [0])
    for key in keys:
        bounds.append(bounds[-1] + len(key))
    masks, starts = array(_U64), array(_U32)
    rows: list[Sequence[float]] = []
    for word in featured:
        starts.append(len(rows))
        masks.append(sum(1 << k for k, slot in enumerate(slots) if slot in grouped[word]))
        rows += [grouped[word][slot] for slot in slots if slot in grouped[word]]
    order = array(_U32, [place[word] for word in lexicon])
    lexical = array(_U32, [NONE] * len(every))
    for k, n in enumerate(order):
        lexical[n] = k
    table_size = 1 << (2 * len(every)).bit_length()  # at most half full
    table = array(_U32, [NONE] * table_size)
    for n, key in enumerate(keys):
        at = zlib.crc32(key) & (table_size - 1)
        while table[at] != NONE:
            at = (at + 1) & (table_size - 1)
        table[at] = n
    numbers = array("d", [float(w[c]) for c in range(3) for w in rows])
    numbers.extend(float(v) for v in lexicon.values())
    head = {
        "format": FORMAT,
        "about": about,
        "lexicon_notice": lexicon_notice,
        "bias": [float(x) for x in bias],
        "slots": slots,
        "words": len(featured),
        "all_words": len(every),
        "features": len(rows),
        "lexicon": len(lexicon),
        "table": table_size,
        "word_bytes": bounds[-1],
    }
    parts: list[array[Any]] = [bounds, masks, starts, order, lexical, table, numbers]
    if sys.byteorder != "little":
        for part in parts:
            part.byteswap()
    header = json.dumps(head, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    path.write_bytes(header + b"\n" + b"".join(keys) + b"".join(part.tobytes() for part in parts))
