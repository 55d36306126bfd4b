"""The lexicon's actor aliases, compiled once per :class:`~compare.lexicon.Lexicon`, and their matches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from compare.analyze.event_places import countries, place_key
from compare.analyze.framing.tokens import TOKEN, Tok
from compare.analyze.framing.words import (
    ADVERBS,
    BE,
    NOT_NAMES,
    ORG_HEADS,
    PREPOSITIONS,
    ROLE_MODIFIERS,
    SKIP_BACK,
    TIME_MODIFIERS,
    TIMES,
)
from compare.lexicon import Lexicon
from compare.records import record


@record
class Alias:
    parts: tuple[str, ...]  # tokens
    glue: tuple[bool, ...]  # part k follows part k - 1 without a space
    actor: str
    insensitive: bool  # written in lower case: matches in any case
    text: str


@record
class AliasMatch:
    """An alias found in a sentence: tokens ``first``..``last`` (inclusive) name ``actor``."""

    first: int
    last: int
    actor: str
    alias: str


class _Compiled(Mapping[str, tuple[Alias, ...]]):
    """First token (lower case) → the aliases starting with it, longest first; each token's
    aliases are compiled when first asked for (a story asks for a few dozen of some 300 tokens:
    compiling them all took longer than the framing's own work on most of the story's sentences)."""

    KEEP = 100_000
    """Names whose actor :func:`alias_actor` keeps."""

    def __init__(self, raw: Mapping[str, list[tuple[str, str]]]) -> None:
        self._raw = raw  # first token → (actor, alias), in the lexicon's order
        self._done: dict[str, tuple[Alias, ...]] = {}
        self.named: dict[str, str | None] = {}  # what alias_actor found, by name
        self.homes: dict[str, frozenset[str]] = {}  # what _homes found, by actor

    def __contains__(self, token: object) -> bool:
        return token in self._raw

    def __getitem__(self, token: str) -> tuple[Alias, ...]:
        found = self._done.get(token)
        if found is None:
            found = self._done[token] = _compile(self._raw[token])
        return found

    def get(self, token: str, default: Any = None) -> Any:  # a faster Mapping.get: no KeyError
        return self[token] if token in self._raw else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _compile(named: Sequence[tuple[str, str]]) -> tuple[Alias, ...]:
    out = []
    for actor, alias in named:
        found = list(TOKEN.finditer(alias.strip()))
        parts = tuple(m.group() for m in found)
        glue = tuple(k > 0 and m.start() == found[k - 1].end() for k, m in enumerate(found))
        out.append(Alias(parts, glue, actor, alias == alias.lower(), alias))
    return tuple(sorted(out, key=lambda a: -len(a.parts)))


_CACHE: dict[int, tuple[Lexicon, Mapping[str, tuple[Alias, ...]]]] = {}


def compile_aliases(lexicon: Lexicon) -> Mapping[str, tuple[Alias, ...]]:
    """First token (lower case) → the aliases starting with it, longest first."""
    hit = _CACHE.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    raw: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for actor, names in lexicon.actors.items():
        for alias in dict.fromkeys((actor, *names)):
            first = TOKEN.match(alias.strip())  # the first of the alias's tokens (TOKEN matches any non-space)
            if first is not None:
                raw[first.group().lower()].append((actor, alias))
    compiled = _Compiled(dict(raw))
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(lexicon)] = (lexicon, compiled)
    return compiled


def alias_matches(toks: Sequence[Tok], aliases: Mapping[str, tuple[Alias, ...]]) -> tuple[AliasMatch, ...]:
    """Every alias match of a sentence, longest first, without overlaps."""
    out: list[AliasMatch] = []
    free = 0  # the first token a match may start at
    starts = aliases._raw if isinstance(aliases, _Compiled) else aliases  # a dict's "in": no Python call per token
    for i in [k for k, t in enumerate(toks) if t.low in starts]:  # where an alias may start
        if i < free:
            continue
        found = None
        for alias in aliases[toks[i].low]:
            n = len(alias.parts)
            window = toks[i : i + n]
            if len(window) < n or any(window[k].glued != alias.glue[k] for k in range(1, n)):
                continue
            if alias.insensitive:
                ok = all(t.low == p.lower() for t, p in zip(window, alias.parts, strict=True))
            else:
                ok = all(t.text == p for t, p in zip(window, alias.parts, strict=True))
            body = alias.parts[-1] in _BODY_HEADS and not alias.insensitive
            if ok and not (body and (_tail_of_a_name(toks, i, starts) or _foreign_body(out, i, alias, aliases))):
                if alias.text.lower() in BE and i > 0 and toks[i - 1].low in _SUBJECTS:
                    continue  # "He IS Un-well", "This IS the best": the verb, stressed
                found = AliasMatch(i, i + n - 1, alias.actor, alias.text)
                break
        if found:
            out.append(found)
            free = found.last + 1
    return tuple(out)


_SUBJECTS = frozenset({"he", "she", "it", "this", "there", "here", "what"})
"""Words whose "IS" after them is the verb ("It IS a scandal"), not the Islamic State; "that" and
"who" are not among them ("at the time that IS claims she was abducted")."""
_BODY_HEADS = ORG_HEADS - {"Party"}
"""A body's name ends in one of these; a party's state branch ("Wisconsin Republican Party") is still the party."""
_NO_NAME_PART = (
    SKIP_BACK | ROLE_MODIFIERS | TIME_MODIFIERS | ADVERBS | TIMES | PREPOSITIONS | {"another", "senior", "acting"}
)
"""Words capitalised only as they open a sentence, or saying who of the body speaks, when: "Former
State Department official", "Senior State Department officials", "Yesterday Congress voted",
"Under Security Council resolution 1701" name the body itself."""


def _tail_of_a_name(toks: Sequence[Tok], i: int, starts: Any) -> bool:
    """Whether a capitalised word before token ``i`` makes one longer name with the body's name
    (an alias ending in an organisation's head word) that starts there: "National Security
    Council" is the American body, not the UN's "Security Council". A word that may start an
    alias itself ("UN Security Council") or is no name ("The Security Council") is no such word."""
    if i == 0:
        return False
    before = toks[i - 1]
    return (
        before.text[:1].isupper() and before.text.isalpha() and not before.glued
        and before.low not in starts and before.text not in NOT_NAMES and before.low not in _NO_NAME_PART
    )


def _foreign_body(found: Sequence[AliasMatch], i: int, alias: Alias, aliases: Mapping[str, tuple[Alias, ...]]) -> bool:
    """Whether the body's name ``alias`` at token ``i`` follows, right after, an alias of a
    country that is not the body's home: "Russian Security Council" and "Israeli Supreme Court"
    are that country's bodies, not the UN's or the American court. A body's home is a country one
    of its own aliases starts with ("U.S. Supreme Court" makes "US Supreme Court" the court)."""
    before = found[-1] if found and found[-1].last == i - 1 else None
    return (
        before is not None
        and before.actor != alias.actor
        and place_key(before.actor) in countries(before.actor)
        and before.actor not in _homes(alias.actor, aliases)
    )


def _homes(actor: str, aliases: Mapping[str, tuple[Alias, ...]]) -> frozenset[str]:
    """The actors whose alias starts one of ``actor``'s longer aliases ("U.S. Congress": the United States)."""
    kept = aliases.homes if isinstance(aliases, _Compiled) else {}
    if actor not in kept:
        longer = (a for token in aliases for a in aliases[token] if a.actor == actor and len(a.parts) > 1)
        kept[actor] = frozenset(filter(None, (alias_actor(a.parts[0], aliases) for a in longer)))
    return kept[actor]


def alias_actor(name: str, aliases: Mapping[str, tuple[Alias, ...]]) -> str | None:
    """The actor whose alias is exactly ``name`` ("Medvedev" → Russia), or None (found once
    per name and compiled lexicon: the framing asks this of every mention)."""
    named = aliases.named if isinstance(aliases, _Compiled) else {}
    if name in named:
        return named[name]
    parts = tuple(m.group() for m in TOKEN.finditer(name))
    actor = next(
        (
            alias.actor
            for alias in aliases.get(parts[0].lower() if parts else "", ())
            if alias.parts == parts or (alias.insensitive and tuple(p.lower() for p in parts) == alias.parts)
        ),
        None,
    )
    if len(named) < _Compiled.KEEP:
        named[name] = actor
    return actor
