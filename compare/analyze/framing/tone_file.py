"""The tone model's file (``compare/data/tone-model.bin``): read in a few milliseconds, with the
standard library alone.

The JSON it replaced took 15-20 ms to parse (its 80,000 weights are 80,000 decimal numbers to
read and as many objects to make), more than the framing's own work on a story.  Here the
weights are three columns of little-endian float64 read as they are (:class:`array.array`), and
a feature's row is found through one dictionary of names; no per-feature object is made.

The layout, in order:

1. a header: one line of JSON, ``{"format": FORMAT, "about", "lexicon_notice", "bias",
   "features", "lexicon", "feature_bytes", "lexicon_bytes"}`` (the counts and byte lengths of
   what follows), then ``\\n``;
2. the feature names, UTF-8, one per line (``feature_bytes`` bytes, no trailing newline);
3. the sentiment lexicon's words, UTF-8, one per line (``lexicon_bytes`` bytes);
4. float64, little-endian: the weights of every feature for "unfavourable", then for "neutral",
   then for "favourable" (three columns of ``features`` numbers), then each lexicon word's valence.

:func:`write` writes it (``benchmarks/train_tone.py --write``); :func:`read` reads it back, the
same numbers to the bit.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.errors import CompareError

FORMAT = "storycompare-tone-model/1"
"""The header's ``format``: a file of another format is refused by name, not misread."""


@dataclass(frozen=True, slots=True)
class ModelFile:
    """What the file holds: the feature rows, the weight columns and the lexicon, with its notes."""

    rows: Mapping[str, int]  # feature → its row in each column
    columns: tuple[Sequence[float], Sequence[float], Sequence[float]]  # weights per class, TONES order
    bias: tuple[float, float, float]
    lexicon: Mapping[str, float]  # word → valence (-4..4)
    about: str
    lexicon_notice: str


class ModelFileError(CompareError, ValueError):
    """The file is not a tone model of this format; the message names the file and the problem.
    A :class:`~compare.errors.CompareError`, so the command line prints it as one line (exit 2)."""


def _floats(data: bytes) -> array[float]:
    values = array("d")
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def read(path: Path) -> ModelFile:
    """The model in ``path`` (see the module's docstring for the layout)."""
    raw = path.read_bytes()
    end = raw.find(b"\n")
    try:
        head = json.loads(raw[:end]) if end > 0 else None
    except ValueError:
        head = None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a tone model of format {FORMAT}")
    try:
        return _body(raw, end + 1, head)
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ModelFileError(f"{path}: truncated or inconsistent tone model ({e})") from None


def _body(raw: bytes, at: int, head: dict[str, Any]) -> ModelFile:
    n, m = int(head["features"]), int(head["lexicon"])
    size_names, size_words = int(head["feature_bytes"]), int(head["lexicon_bytes"])
    names = raw[at : at + size_names].decode("utf-8").split("\n") if n else []
    at += size_names
    words = raw[at : at + size_words].decode("utf-8").split("\n") if m else []
    at += size_words
    if len(names) != n or len(words) != m or len(raw) - at != 8 * (3 * n + m):
        raise ValueError(f"{n} features and {m} words announced, {len(raw) - at} bytes of numbers")
    numbers = _floats(raw[at:])
    b = [float(x) for x in head["bias"]]
    if len(b) != 3:
        raise ValueError(f"{len(b)} biases, not 3")
    return ModelFile(
        dict(zip(names, range(n), strict=True)),
        (numbers[:n], numbers[n : 2 * n], numbers[2 * n : 3 * n]),
        (b[0], b[1], b[2]),
        dict(zip(words, numbers[3 * n :].tolist(), strict=True)),
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
    """Write a model: ``weights`` feature → its three weights (TONES order), in the order given."""
    for text in (*weights, *lexicon):
        if not text or "\n" in text:
            raise ModelFileError(f"{path}: a feature or word cannot be empty or hold a line break: {text!r}")
    names = "\n".join(weights).encode("utf-8")
    words = "\n".join(lexicon).encode("utf-8")
    head = {
        "format": FORMAT,
        "about": about,
        "lexicon_notice": lexicon_notice,
        "bias": [float(x) for x in bias],
        "features": len(weights),
        "lexicon": len(lexicon),
        "feature_bytes": len(names),
        "lexicon_bytes": len(words),
    }
    rows = list(weights.values())
    numbers = array("d", [float(w[c]) for c in range(3) for w in rows])
    numbers.extend(float(v) for v in lexicon.values())
    if sys.byteorder != "little":
        numbers.byteswap()
    header = json.dumps(head, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    path.write_bytes(header + b"\n" + names + words + numbers.tobytes())
