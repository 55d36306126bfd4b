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


def test_an_alias_that_ends_a_longer_name_is_not_that_name() -> None:
    # an FNC-1 story credited the American "National Security Council" to the United Nations
    aliases = compile_aliases(load_lexicon(None))

    def found(text: str) -> list[tuple[str, str]]:
        return [(m.alias, m.actor) for m in alias_matches(tokens(text), aliases)]

    assert found("A spokesman for the National Security Council said it was abhorrent.") == []
    assert found("National Security Council spokesman Alistair Baskey said.") == []
    assert found("The Ohio State Department of Health said.") == []
    # the alias itself, or after a word that starts an alias or is no name, is still the actor
    assert found("The Security Council met.") == [("Security Council", "United Nations")]
    assert found("The UN Security Council met.") == [("UN", "United Nations"), ("Security Council", "United Nations")]
    assert found("Mr Kim Jong-un met President Park Geun-hye.")[0][1] == "North Korea"
    assert found("The Wisconsin Supreme Court ruled; the Wisconsin Republican Party said.") == [
        ("Republican Party", "Republicans")
    ]
    assert found("Russia and the State Department agreed.") == [("Russia", "Russia"), ("State Department", "United States")]


def test_a_body_after_another_countrys_name_is_that_countrys() -> None:
    # "Russian Security Council" was the United Nations, "Israeli Supreme Court" the American court
    aliases = compile_aliases(load_lexicon(None))

    def found(text: str) -> list[tuple[str, str]]:
        return [(m.alias, m.actor) for m in alias_matches(tokens(text), aliases)]

    assert found("The Russian Security Council met in Moscow.") == [("Russian", "Russia"), ("Moscow", "Russia")]
    assert found("The Israeli Supreme Court ruled on Sunday.") == [("Israeli", "Israel")]
    # the body's home country (one of its aliases starts with it), or one actor: still the body
    assert found("The US Supreme Court ruled.") == [("US", "United States"), ("Supreme Court", "Supreme Court")]
    assert found("The US Congress voted.") == [("US", "United States"), ("Congress", "Congress")]
    assert found("The American State Department said.") == [
        ("American", "United States"), ("State Department", "United States")
    ]
    assert found("The UN Security Council met.") == [("UN", "United Nations"), ("Security Council", "United Nations")]
    # an actor that is no country makes no such body: the Republicans' Congress is still Congress
    assert found("The GOP Congress voted.") == [("GOP", "Republicans"), ("Congress", "Congress")]


def test_a_word_that_opens_a_sentence_or_says_who_speaks_makes_no_longer_name() -> None:
    # capitalised as the sentence's first word, or saying which of the body's people speak: still the body
    aliases = compile_aliases(load_lexicon(None))

    def actors(text: str) -> list[str]:
        return [m.actor for m in alias_matches(tokens(text), aliases)]

    assert actors("Former State Department official Jane Doe said the talks failed.") == ["United States"]
    assert actors("Senior State Department officials said on Monday.") == ["United States"]
    assert actors("Deputy State Department spokesman Mark Toner said.") == ["United States"]
    assert actors("Another State Department official said the talks failed.") == ["United States"]
    assert actors("Yesterday Congress voted against the bill.") == ["Congress"]
    assert actors("Under Security Council resolution 1701, Hezbollah must disarm.") == ["United Nations", "Hezbollah"]
    assert actors("National Security Council spokesman Alistair Baskey said.") == []  # a name's first word still is one


def test_is_stressed_after_its_subject_is_the_verb() -> None:
    # FNC-1 bodies: "He IS Un-well: The North Korean leader ...", "This IS the best resignation letter"
    aliases = compile_aliases(load_lexicon(None))

    def actors(text: str) -> list[str]:
        return [m.actor for m in alias_matches(tokens(text), aliases)]

    assert actors("He IS Un-well: the leader has not been seen for weeks.") == []
    assert actors("This IS the best resignation letter I have ever seen.") == []
    assert actors("It IS a scandal, the senator said.") == []
    # the group after other words, "that" among them
    assert actors("She was not there at the time that IS claims she was abducted.") == ["Islamic State"]
    assert actors("Russia said IS was behind the attack.") == ["Russia", "Islamic State"]
