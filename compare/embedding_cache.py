"""The on-disk embedding cache of :mod:`compare.semantic`: one SQLite file per model version
(:func:`compare.semantic.cache_path`), each text's float32 vector under the SHA-256 of the text.
A cache that cannot be read or written costs time, never the run."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DIMENSION = 384
"""The length of a vector (all-MiniLM-L6-v2's); a stored blob of another size is ignored."""

NORM_TOLERANCE = 1e-3
"""The encoder writes unit vectors (float32: norms within 1e-7 of 1); a stored vector whose norm is
further from 1, or not a number (a damaged file, another program's rows), is ignored and its text
embedded again.  A cache of NaN vectors once made every pair of the example story's RFE/RL and
Bloomberg articles unrelated (2 groups -> 0) and turned four neutral tones unfavourable."""


QUERY_STEPS = 100_000_000
"""SQLite's virtual-machine steps one connection to a cache file may take before its query is given
up (:func:`connect`; the query fails as the cache of a damaged file does: it costs time, never the
run).  Another program's view or trigger in the file (an endless recursive view named ``embedding``)
kept a run waiting for ever; writing a million rows takes about 17 million steps, a lookup of 500
texts some 6,000."""


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to the cache file at ``path`` that gives up after :data:`QUERY_STEPS` steps."""
    db = sqlite3.connect(path, timeout=timeout)
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return int(ticks[0] > QUERY_STEPS // 10_000)  # non-zero: SQLite interrupts the query

    db.set_progress_handler(tick, 10_000)
    return db


def text_key(text: str) -> bytes:
    """A text's key in the cache: the SHA-256 digest of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def disk_get(path: Path, texts: Iterable[str]) -> dict[str, Any]:
    """The embeddings of ``texts`` found in the cache file at ``path``, as read-only float32 rows."""
    import numpy as np

    found: dict[str, Any] = {}
    wanted = {text_key(t): t for t in texts}
    if not wanted or not os.path.isfile(path):  # (False also where the path cannot be looked up)
        return found
    try:
        with connect(path, timeout=5) as db:
            keys = list(wanted)
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                rows = db.execute(
                    f"SELECT key, vector FROM embedding WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                for key, blob in rows:
                    if isinstance(blob, bytes) and len(blob) == DIMENSION * 4 and key in wanted:
                        vector = np.frombuffer(blob, dtype="<f4")  # read-only, as the rows encoded here
                        if abs(float(np.linalg.norm(vector)) - 1.0) <= NORM_TOLERANCE:  # False for NaN
                            found[wanted[key]] = vector
        return found
    except sqlite3.Error:
        return found  # an unreadable cache is no error: the sentences are embedded again


def disk_put(path: Path, items: dict[str, Any]) -> None:
    """Store ``items`` (text -> vector) in the cache file at ``path``, made where missing."""
    import numpy as np

    rows = [(text_key(t), np.asarray(v, dtype="<f4").tobytes()) for t, v in items.items()]
    store(path, "embedding (key BLOB PRIMARY KEY, vector BLOB NOT NULL)", rows)


DAMAGED = frozenset({9, 11, 26})
"""SQLite's result codes for a file that is damaged (``SQLITE_CORRUPT``) or no database at all
(``SQLITE_NOTADB``), or whose query was given up after :data:`QUERY_STEPS` (``SQLITE_INTERRUPT``:
another program's endless view or trigger), as primary codes (an extended code such as
``SQLITE_CORRUPT_INDEX``, 779, is read by its low byte): :func:`store` starts such a cache file
anew.  So does it a file holding any view or trigger (:func:`_check_own`), which no cache file of
ours has.  A busy or locked file, a full disk or a read-only folder or file is left as it is (the
rows are not kept, the run goes on)."""


class _NotOurs(Exception):
    """The cache file holds a view or a trigger: another program's file, or a hostile one."""


def _check_own(db: sqlite3.Connection) -> None:
    """Raise :class:`_NotOurs` when the file holds a view or a trigger.  An endless recursive view
    named ``embedding`` made every lookup run to :data:`QUERY_STEPS` (100 million steps, seconds of
    CPU) in every run, and writing into a view fails without saying the file is damaged."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type IN ('view', 'trigger') LIMIT 1").fetchone():
        raise _NotOurs


def _remade(error: Exception) -> bool:
    """Whether ``error`` in writing a cache file means the file is to be made anew."""
    return isinstance(error, _NotOurs) or getattr(error, "sqlite_errorcode", 0) & 0xFF in DAMAGED  # (an extended code's primary)


def store(path: Path, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert (or replace) ``rows`` into the table ``table`` (its name and columns, made where
    missing) of the cache file at ``path``, made where missing; a damaged or hostile file
    (:data:`DAMAGED`) is removed and made again once, so that one bad file does not cost every
    later run its cache (or 100 million steps of a hostile view).
    Rows lost in a crash are computed again (``synchronous = OFF``)."""
    if not rows:
        return
    for attempt in (1, 2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with connect(path, timeout=5) as db:
                _check_own(db)
                db.execute("PRAGMA synchronous = OFF")
                db.execute(f"CREATE TABLE IF NOT EXISTS {table}")
                db.executemany(f"INSERT OR REPLACE INTO {table.split()[0]} VALUES ({','.join('?' * len(rows[0]))})", rows)
            return
        except (sqlite3.DatabaseError, _NotOurs) as error:
            if attempt == 2 or not _remade(error):
                return  # busy, locked, full or read-only: costs time, never the run
            try:
                path.unlink()  # (a process still reading it keeps its open file)
            except OSError:
                return
        except OSError:
            return  # a cache that cannot be written (read-only home, full disk) costs time, never the run


def inputs_seen(path: Path, keys: Iterable[bytes]) -> bool:
    """Whether the cache file at ``path`` marks every one of ``keys`` (:func:`mark_inputs`): all the
    texts of those inputs were embedded into it before."""
    wanted = sorted(set(keys))
    if not wanted or not os.path.isfile(path):
        return False
    try:
        with connect(path, timeout=5) as db:
            found = db.execute(f"SELECT COUNT(*) FROM input WHERE key IN ({','.join('?' * len(wanted))})", wanted).fetchone()
        return bool(found[0] == len(wanted))
    except sqlite3.Error:  # no such table yet, or an unreadable cache
        return False


def mark_inputs(path: Path, keys: Iterable[bytes]) -> None:
    """Mark ``keys`` (one an input, e.g. a file's digest) in the cache file at ``path``: every text
    of those inputs is in it now."""
    store(path, "input (key BLOB PRIMARY KEY)", [(key,) for key in set(keys)])
