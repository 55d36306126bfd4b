"""compare.analyze.framing.aliases: the lexicon's aliases compiled on demand, as all at once."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from compare.analyze.framing.aliases import Alias, alias_actor, alias_matches, compile_aliases
from compare.analyze.framing.tokens import TOKEN, tokens
from compare.lexicon import Lexicon, load_lexicon


def compiled_at_once(lexicon: Lexicon) -> dict[str, tuple[Alias, ...]]:
    """Every alias compiled up front: what compile_aliases gave before it compiled on demand."""
    aliases: dict[str, list[Alias]] = defaultdict(list)
    for actor, names in lexicon.actors.items():
        for alias in dict.fromkeys((actor, *names)):
            found = list(TOKEN.finditer(alias.strip()))
            if found:
                parts = tuple(m.group() for m in found)
                glue = tuple(k > 0 and m.start() == found[k - 1].end() for k, m in enumerate(found))
                aliases[parts[0].lower()].append(Alias(parts, glue, actor, alias == alias.lower(), alias))
    return {k: tuple(sorted(v, key=lambda a: -len(a.parts))) for k, v in aliases.items()}


def test_the_shipped_lexicon_compiles_to_the_same_aliases() -> None:
    lexicon = load_lexicon(None)
    expected = compiled_at_once(lexicon)
    got = compile_aliases(lexicon)
    assert list(got) == list(expected) and len(got) == len(expected)
    assert "u.s" not in got and got.get("u.s") is None and got.get("u.s", ()) == ()
    assert {token: got[token] for token in expected} == expected


def test_a_users_lexicon_compiles_to_the_same_aliases(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.json"
    aliases = ["Mitt Romney", "  Romney ", "the GOP", "U.S.-Russia", "e.on", "Secretary-General"]
    path.write_text(json.dumps({"actors": {"Romney": aliases}}), "utf-8")
    lexicon = load_lexicon(str(path))
    got = compile_aliases(lexicon)
    assert {token: got[token] for token in got} == compiled_at_once(lexicon)
    sentence = tokens("The GOP and Mitt Romney met; U.S.-Russia talks and e.on went on.")
    assert alias_matches(sentence, got) == alias_matches(sentence, compiled_at_once(lexicon))
    assert [m.alias for m in alias_matches(sentence, got)][1:] == ["Mitt Romney", "U.S.-Russia", "e.on"]
    assert alias_actor("Romney", got) == "Romney" and alias_actor("Obama", got) is None
