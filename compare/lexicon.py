"""The actor and cue lexicon behind the framing analysis.

The shipped lexicon is ``compare/data/lexicon.json`` (its "about" string says
how aliases and cues match).  A user file with the same structure, given with
``--lexicon``, *extends* it:

* ``"actors"``: aliases of a canonical name that already exists are added to it;
  a new canonical name is a new actor; an alias that belonged to another actor
  moves to the one the user file gives it;
* ``"cues"`` (``"cooperative"``, ``"reluctant"``) and ``"negations"`` are appended.

Every key of a user file is optional; an unknown key is an error (a typo such as
"cue" would otherwise be ignored in silence).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from compare.errors import LexiconError, json_kind
from compare.untrusted import parse_json, repair_text

SHIPPED = Path(__file__).parent / "data" / "lexicon.json"
CUE_KINDS = ("cooperative", "reluctant", "neutral")
"""Kinds of cue: "neutral" phrases contain a cue word but show no attitude ("early warning")."""
_KEYS = ("about", "actors", "cues", "negations")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Actors with their aliases, attitude cues and negations.

    ``actors`` maps a canonical actor name ("Russia") to its aliases ("Russian",
    "Moscow", "Kremlin", ...); ``cues`` maps "cooperative" and "reluctant" to
    their words and phrases ("neutral" to phrases that contain a cue word but show
    no attitude, such as "early warning"); ``sources`` are the files it was read from.
    """

    actors: Mapping[str, tuple[str, ...]]
    cues: Mapping[str, tuple[str, ...]]
    negations: tuple[str, ...]
    sources: tuple[str, ...] = ()

    @property
    def cooperative(self) -> tuple[str, ...]:
        return self.cues["cooperative"]

    @property
    def reluctant(self) -> tuple[str, ...]:
        return self.cues["reluctant"]


def load_lexicon(path: str | None = None) -> Lexicon:
    """The shipped lexicon, extended by the file at ``path`` when one is given.

    Raises :class:`~compare.errors.LexiconError` naming the file and the
    problem: missing or unreadable, invalid JSON (with line and column), or a
    key whose value has the wrong shape.
    """
    shipped = _shipped()
    if path is None:
        return shipped
    return _extend(shipped, _read(Path(path), required=False), str(path))


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    data = _read(SHIPPED, required=True)
    actors = {name: tuple(dict.fromkeys(aliases)) for name, aliases in data["actors"].items()}
    cues = {kind: tuple(dict.fromkeys(data["cues"].get(kind, ()))) for kind in CUE_KINDS}
    return Lexicon(
        actors=MappingProxyType(actors),
        cues=MappingProxyType(cues),
        negations=tuple(dict.fromkeys(data["negations"])),
        sources=(str(SHIPPED),),
    )


def _extend(base: Lexicon, data: Mapping[str, Any], source: str) -> Lexicon:
    # each actor's aliases in order, and who holds each alias: a lookup, not a scan of every actor
    # (a user file of 100,000 actors took hours to read, the square of its size)
    actors: dict[str, dict[str, None]] = {name: dict.fromkeys(aliases) for name, aliases in base.actors.items()}
    holders: dict[str, set[str]] = {}
    for name, aliases in actors.items():
        for alias in aliases:
            holders.setdefault(alias, set()).add(name)
    for name, aliases in data.get("actors", {}).items():
        for alias in aliases:
            for other in holders.get(alias, set()) - {name}:
                del actors[other][alias]
            holders[alias] = {name}
            actors.setdefault(name, {})[alias] = None
    cues = {
        kind: tuple(dict.fromkeys((*base.cues[kind], *data.get("cues", {}).get(kind, ()))))
        for kind in CUE_KINDS
    }
    return Lexicon(
        actors=MappingProxyType({name: tuple(aliases) for name, aliases in actors.items() if aliases}),
        cues=MappingProxyType(cues),
        negations=tuple(dict.fromkeys((*base.negations, *data.get("negations", ())))),
        sources=(*base.sources, source),
    )


def _read(path: Path, *, required: bool) -> dict[str, Any]:
    """Read and check one lexicon file; ``required``: every key must be there (the shipped file)."""
    name = str(path)
    raw = _read_bytes(path, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(name, f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:  # valid UTF-8, and read as JSON it failed at its second character
        raise LexiconError(name, "not UTF-8 text (NUL bytes: UTF-16 or UTF-32?); save it as UTF-8")
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise LexiconError(name, "JSON nested too deeply") from None
    _check(data, name, required=required)
    _check_unicode(data, name)
    result: dict[str, Any] = data
    return result


MAX_LEXICON_BYTES = 5_000_000
"""A larger lexicon file is refused unread (the shipped one is about 10 kB; a lexicon of
every actor in the news would be a few hundred kB)."""


def _read_bytes(path: Path, name: str) -> bytes:
    """The bytes of a regular file of at most MAX_LEXICON_BYTES: a device (``/dev/zero``),
    a pipe or a socket is refused before anything is read, and nothing waits for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise LexiconError(name, "lexicon file not found") from None
    except OSError as exc:
        if os.path.isdir(path):
            raise LexiconError(name, "is a directory, not a lexicon file") from None
        raise LexiconError(name, f"cannot read the lexicon file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LexiconError(name, "is a directory, not a lexicon file")
        if not stat.S_ISREG(info.st_mode):
            raise LexiconError(name, "not a regular file (a device, a pipe or a socket)")
        limit = f"the limit is {MAX_LEXICON_BYTES // 1_000_000} MB"
        if info.st_size > MAX_LEXICON_BYTES:
            raise LexiconError(name, f"lexicon file too large ({info.st_size / 1_000_000:.1f} MB; {limit})")
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= MAX_LEXICON_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_LEXICON_BYTES:  # it grew since fstat()
            raise LexiconError(name, f"lexicon file too large ({limit})")
        return b"".join(chunks)
    except OSError as exc:
        raise LexiconError(name, f"cannot read the lexicon file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _check_unicode(value: object, name: str) -> None:
    """Refuse a lone surrogate (a JSON escape such as ``\\ud800``) in any word or name."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and repair_text(item)[1]:
            shown = json.dumps(item)[:80]
            raise LexiconError(name, f"{shown} holds a lone surrogate (not valid Unicode)")


def _check(data: object, name: str, *, required: bool) -> None:
    if not isinstance(data, dict):
        raise LexiconError(name, f"expected a JSON object with keys {_keys()}, got {json_kind(data)}")
    for key in data:
        if key not in _KEYS:
            raise LexiconError(name, f"unknown key {key!r} (expected {_keys()})")
    if required:
        for key in _KEYS:
            if key not in data:
                raise LexiconError(name, f"missing key {key!r}")
    if "about" in data and not isinstance(data["about"], str):
        raise LexiconError(name, f'"about" must be a string, got {json_kind(data["about"])}')
    if "actors" in data:
        actors = data["actors"]
        if not isinstance(actors, dict):
            raise LexiconError(
                name,
                f'"actors" must be an object mapping an actor name to a list of aliases, got {json_kind(actors)}',
            )
        for actor, aliases in actors.items():
            if not actor.strip():
                raise LexiconError(name, '"actors" has an empty actor name')
            _check_words(aliases, f'"actors"[{json.dumps(actor)}]', name)
    if "cues" in data:
        cues = data["cues"]
        if not isinstance(cues, dict):
            raise LexiconError(
                name, f'"cues" must be an object with "cooperative" and "reluctant" lists, got {json_kind(cues)}'
            )
        for kind, words in cues.items():
            if kind not in CUE_KINDS:
                raise LexiconError(
                    name,
                    f'unknown cue kind "cues"[{json.dumps(kind)}] (expected one of {", ".join(CUE_KINDS)})',
                )
            _check_words(words, f'"cues"[{json.dumps(kind)}]', name)
        if required:
            for kind in ("cooperative", "reluctant"):
                if kind not in cues:
                    raise LexiconError(name, f'missing key "cues"[{json.dumps(kind)}]')
    if "negations" in data:
        _check_words(data["negations"], '"negations"', name)


def _check_words(value: object, where: str, name: str) -> None:
    if not isinstance(value, list):
        raise LexiconError(name, f"{where} must be a list of strings, got {json_kind(value)}")
    for n, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(name, f"{where}[{n}] must be a non-empty string, got {json.dumps(item, default=repr)}")


def _keys() -> str:
    return ", ".join(f'"{k}"' for k in _KEYS)


__all__ = ["CUE_KINDS", "SHIPPED", "Lexicon", "load_lexicon"]
