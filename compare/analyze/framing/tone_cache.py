"""The tones a report judged, kept on disk beside the embedding cache, for a second report.

A second report on the same articles reads their embeddings from the cache
(:func:`compare.semantic.cache_path`); the framing's tones were then most of its time (some 170
:func:`.tone.tone_at` of the example story, a third of the framing's time, most of it reading
the model's words for the sentences anew).  :func:`judged` reads them back instead: each tone
is kept under the SHA-256 of what decides it, so a tone read back is the tone that would be
judged:

- the sentence, the target's characters in it, ``Settings.tone_neutral_prior`` (written exactly,
  ``repr``) and whether the sentence layer takes part (not in the lexical mode, nor over
  ``Settings.semantic_max_chars``);
- the code that judges it (the bytes of :data:`MODULES`' files), the tone model's two files (their
  size and modification time) and the embedding model's version (:func:`compare.semantic.model_version`):
  the sentence layer reads the sentence's embedding, which the embedding cache keeps per text and
  model version, so the same text has the same embedding in the first report and the next.
  (Not the layer's logits themselves: their last bits depend on the matrix product's kernel,
  which differs, e.g., under Valgrind, ``benchmarks/framing_callgrind.py``.)

``STORYCOMPARE_CACHE=off`` turns it off with the embedding cache.  A cache that cannot be read
or written costs time, never the run (as :mod:`compare.embedding_cache`).
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from compare import embedding_cache, semantic
from compare.analyze.framing import bystander, said, tokens, tone, tone_features, tone_file, words
from compare.analyze.framing.tone import TONES, Logits, ToneResult, tone_at

MODULES = (tone, tone_features, tone_file, bystander, said, tokens, words)
"""Every module whose code decides a tone (:func:`.tone.tone_at` and what it calls)."""
FILE = "tones.sqlite"
"""The cache file's name, in the embedding cache's folder."""
Request = tuple[str, int, int, "Logits | None"]
"""A tone to judge: the sentence, the target's characters in it, the sentence layer's logits of
its embedding (None: the lexical model alone)."""


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """What every key holds besides the request: the code and the model files."""
    digest = hashlib.sha256(sys.version.encode())
    for module in MODULES:
        digest.update(Path(str(module.__file__)).read_bytes())
    for path in (tone.MODEL, tone.EMBEDDING_LAYER):
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    digest.update(semantic.model_version().encode())
    return digest.digest()


def _key(request: Request, neutral_prior: float) -> bytes:
    text, start, end, logits = request
    digest = hashlib.sha256(_fingerprint())
    digest.update(text.encode("utf-8", "surrogatepass"))
    digest.update(f"\0{start} {end} {neutral_prior!r} {logits is not None}".encode())
    return digest.digest()


def _encode(result: ToneResult) -> str:
    return json.dumps([result.tone, result.score, result.cues, result.strength])


def _decode(value: object) -> ToneResult | None:
    """The tone a row keeps, or None where the row is not one this module writes: not JSON, a
    label that is no tone, a score outside -1..1 or not a number, a cue that is no span."""
    try:
        tone_, score, cues, strength = json.loads(str(value))
        result = ToneResult(tone_, float(score), tuple((int(a), int(b)) for a, b in cues), float(strength))
    except (ValueError, TypeError):
        return None  # another program's row, or a damaged one: judged again
    if result.tone not in TONES or not -1.0 <= result.score <= 1.0 or not 0.0 <= result.strength < math.inf:
        return None  # (as the embedding cache's vectors of NaN: a row read back never changes a stance)
    return result if all(0 <= a < b for a, b in result.cues) else None


def _read(path: Path, keys: Sequence[bytes]) -> dict[bytes, ToneResult]:
    found: dict[bytes, ToneResult] = {}
    try:
        if not path.is_file():
            return found
        with sqlite3.connect(path, timeout=1) as db:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                rows = db.execute(f"SELECT key, result FROM tone WHERE key IN ({','.join('?' * len(part))})", part)
                for key, value in rows.fetchall():
                    if (result := _decode(value)) is not None:
                        found[key] = result
    except (OSError, sqlite3.Error):
        pass  # no table yet, or an unreadable cache: the tones are judged
    return found


def _write(path: Path, rows: list[tuple[bytes, str]]) -> None:
    """Keep ``rows`` in the cache file at ``path`` (as the embedding cache keeps its vectors: a
    damaged file is made again, one that cannot be written costs time, never the run)."""
    embedding_cache.store(path, "tone (key BLOB PRIMARY KEY, result TEXT NOT NULL)", rows)


def judged(requests: Sequence[Request], neutral_prior: float, folder: Path | None) -> list[ToneResult]:
    """:func:`.tone.tone_at` of each request (with ``neutral_prior``), read from the cache file in
    ``folder`` where an earlier report judged it, and kept there where not (``folder`` None:
    no cache, every tone judged)."""
    if not requests:
        return []  # (the model is not read)
    tone.load_model()  # a damaged model is reported as without the cache
    try:
        if folder is not None:
            _fingerprint()
    except OSError:  # the code or the model files cannot be read as files (a zipped install): no cache
        folder = None
    if folder is None:
        return [tone_at(t, s, e, neutral_prior=neutral_prior, sentence=z) for t, s, e, z in requests]
    path = folder / FILE
    keys = [_key(r, neutral_prior) for r in requests]
    found = _read(path, list(dict.fromkeys(keys)))
    new: list[tuple[bytes, str]] = []
    out = []
    for (text, start, end, logits), key in zip(requests, keys, strict=True):
        result = found.get(key)
        if result is None or any(b > len(text) for _a, b in result.cues):  # a cue past the sentence: not its row
            result = found[key] = tone_at(text, start, end, neutral_prior=neutral_prior, sentence=logits)
            new.append((key, _encode(result)))
        out.append(result)
    if new:
        _write(path, new)
    return out


__all__ = ["FILE", "MODULES", "judged"]
