"""Mentions of actors in one sentence: lexicon aliases, learnt people and organisations, "he"/"she".

A name run is one mention: "NATO Secretary-General Anders Fogh Rasmussen" is one mention of NATO,
"U.S. Secretary of State Hillary Clinton" one of Hillary Clinton (who speaks for the United
States).  "The Moscow Times" and "North America" mention nobody.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence

from compare.analyze.framing.aliases import AliasMatch
from compare.analyze.framing.names import Names, Run, initial, is_title, namey, runs
from compare.analyze.framing.tokens import Tok, common_word, where
from compare.analyze.framing.words import (
    CONNECTORS,
    INSTITUTIONS,
    LINEAGE,
    NON_ACTOR_HEADS,
    PRONOUNS,
    REGION_WORDS,
    TITLES,
)
from compare.records import record


@record
class Mention:
    """One mention of an actor; token indices are inclusive."""

    actor: str | None  # None: a pronoun not resolved yet
    first: int
    last: int
    anchor: int  # where its noun phrase starts (the name run's first token, titles included)
    person: bool
    also: str | None = None  # the actor a person speaks for ("Medvedev" → Russia)
    lexical: bool = True  # False: "he" or "she"
    prep: bool = False  # the object of a preposition
    compound: bool = False  # half of "NATO-Russia"
    possessive: bool = False
    in_quote: bool = False
    coordinated: bool = False  # joined by "and" to the mention before it

    @property
    def actors(self) -> tuple[str, ...]:
        """The actor, and the one it speaks for."""
        out = (self.actor,) if self.actor else ()
        return (*out, self.also) if self.also and self.also != self.actor else out


@record
class _Found:
    """A name found in the tokens, before name runs group titles and names into one mention."""

    first: int
    last: int
    actor: str
    person: bool
    also: str | None = None


def title_like(toks: Sequence[Tok], k: int, heading: bool) -> bool:
    """A token that may stand between the parts of one name: a title, "of", a given name, a hyphen."""
    tok = toks[k]
    if not tok.word:
        return tok.glued and tok.text in {"-", "."}
    low = tok.low.rstrip(".")
    return low in TITLES or low in CONNECTORS or (not heading and (namey(tok.text) or initial(tok.text)))


def _compound(toks: Sequence[Tok], first: int, last: int) -> bool:
    before = first >= 2 and toks[first - 1].text == "-" and toks[first - 1].glued and toks[first].glued
    after = (
        last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last + 1].glued and toks[last + 2].glued
    )
    return before or after


def _given(toks: Sequence[Tok], k: int) -> str | None:
    """The given name written right before token ``k`` ("Mitt" before "Romney"), if any."""
    if k > 0 and toks[k - 1].word and not toks[k].glued and namey(toks[k - 1].text):
        return toks[k - 1].text
    return None


def _lineage(toks: Sequence[Tok], k: int) -> bool:
    """Whether the surname at token ``k`` names a family: "the Genovese crime family", "the Kim
    dynasty" (what is said of it is not said of Vito Genovese or of Kim Jong-un)."""
    after = k + 1 + (k + 1 < len(toks) and toks[k + 1].low == "crime")
    return k > 0 and toks[k - 1].low == "the" and after < len(toks) and toks[after].low in LINEAGE


def _institution(toks: Sequence[Tok], k: int) -> bool:
    """Whether the surname at token ``k`` names an institution after the person (``INSTITUTIONS``):
    "the Obama administration", "Obama's administration", "the Netanyahu government"."""
    after = k + 1 + (k + 1 < len(toks) and toks[k + 1].low in ("'s", "’s"))
    return after < len(toks) and toks[after].low in INSTITUTIONS


def _person(
    toks: Sequence[Tok], k: int, surname: str, names: Names, recent: MutableMapping[str, str]
) -> str | None:
    if _lineage(toks, k) or _institution(toks, k):
        return None
    given = _given(toks, k)
    if given is not None and given in names.people.get(surname, {}):
        person = names.person(surname, given)
        if person is not None:
            recent[surname] = person
        return person
    return recent.get(surname) or names.person(surname, None)


def _found(
    toks: Sequence[Tok], matches: Sequence[AliasMatch], names: Names, recent: MutableMapping[str, str]
) -> list[_Found]:
    """Lexicon aliases, people and organisations, in token order."""
    out: list[_Found] = []
    taken: set[int] = set()
    for m in matches:
        taken.update(range(m.first, m.last + 1))
        if m.alias in names.people and m.first == m.last:  # a lexicon alias that is a person's surname
            person = _person(toks, m.first, m.alias, names, recent)
            if person is not None:
                out.append(_Found(m.first, m.last, person, True, names.speaks_for.get(person, m.actor)))
                continue
        out.append(_Found(m.first, m.last, m.actor, False))
    for i in where(toks, names.org_starts.keys() | names.people.keys(), lower=False):  # the others start none
        tok = toks[i]
        if i in taken or not tok.word:
            continue
        for org in names.org_starts.get(tok.text, ()):
            n = len(org)
            if all(i + k < len(toks) and toks[i + k].text == org[k] and i + k not in taken for k in range(n)):
                out.append(_Found(i, i + n - 1, names.org_names[org], False))
                taken.update(range(i, i + n))
                break
        if i not in taken and tok.text in names.people:
            person = _person(toks, i, tok.text, names, recent)
            if person is not None:
                out.append(_Found(i, i, person, True, names.speaks_for.get(person)))
    out.sort(key=lambda f: f.first)
    return out


def find_mentions(
    toks: tuple[Tok, ...],
    matches: Sequence[AliasMatch],
    names: Names,
    heading: bool,
    recent: MutableMapping[str, str],
) -> list[Mention]:
    """The mentions of a sentence, in token order, pronouns included (unresolved).

    ``recent`` (surname → person named last with a given name, in this article) is updated.
    """
    name_runs = runs(toks)
    run_of = {k: r for r in name_runs for k in range(r.first, r.last + 1)}
    mentions: list[Mention] = []
    in_run: dict[int, list[_Found]] = {}
    for item in _found(toks, matches, names, recent):
        run = run_of.get(item.first)
        if run is not None and run.words[-1].text in NON_ACTOR_HEADS and item.last < run.words[-1].first:
            continue  # "The Moscow Times", "Washington Post"
        if (
            item.first > 0
            and toks[item.first - 1].text in REGION_WORDS
            and run is not None
            and run.first < item.first
        ):
            continue  # "North America", "Latin America" (an alias "North Korea" has matched as a whole)
        if _compound(toks, item.first, item.last):
            mentions.append(
                Mention(item.actor, item.first, item.last, item.first, item.person, item.also, compound=True)
            )
        elif run is None:
            mentions.append(Mention(item.actor, item.first, item.last, item.first, item.person, item.also))
        else:
            in_run.setdefault(run.first, []).append(item)
    opener = _common_opener(toks, names)
    for run_first, items in in_run.items():
        mentions.extend(_group_run(toks, run_of[run_first], items, heading, opener))
    for k in where(toks, PRONOUNS):
        mentions.append(Mention(None, k, k, k, True, lexical=False))
    mentions.sort(key=lambda m: m.first)
    return mentions


_OF = frozenset({"of", "for"})
"""Connectors a name's noun phrase is extended over only when a title stands before them."""


def _common_opener(toks: Sequence[Tok], names: Names) -> int:
    """The index of the sentence's first word when it is a common word capitalised only because it
    opens the sentence (:func:`~.tokens.common_word`: "Because Pyongyang is ...", "Some Pyongyang
    watchers"); a title ("President Medvedev") or a given name the story gives this person is no
    such word. -1 when there is none."""
    first = next((k for k, t in enumerate(toks) if t.word), -1)
    if first < 0 or is_title(toks[first].text):
        return -1
    if first + 1 < len(toks) and toks[first].text in names.people.get(toks[first + 1].text, ()):
        return -1  # a given name the story writes before this surname: "Bill Clinton said the bill ..."
    return first if common_word(toks[first].text, names.lower_words) else -1


def _group_run(
    toks: Sequence[Tok], run: Run, items: Sequence[_Found], heading: bool, opener: int = -1
) -> list[Mention]:
    """One mention per name inside a run: "U.S. Secretary of State Hillary Clinton" is one."""
    groups: list[list[_Found]] = []
    for item in items:
        between = range(groups[-1][-1].last + 1, item.first) if groups else range(0)
        if (
            groups
            and all(title_like(toks, k, heading) for k in between)
            and (not between or any(is_title(toks[k].text) for k in between))
        ):
            groups[-1].append(item)
        else:
            groups.append([item])
    out = []
    for group in groups:
        head = group[-1]
        anchor = group[0].first
        while anchor - 1 >= run.first and anchor - 1 != opener and title_like(toks, anchor - 1, heading):
            if toks[anchor - 1].low in _OF and not (anchor - 2 >= run.first and is_title(toks[anchor - 2].text)):
                break  # "Secretary of State Hillary Clinton" is one name, "Picture of Michele Bachmann" is not
            anchor -= 1  # "with President Dmitry Medvedev" starts at "President"
        if head.person:  # "NATO Secretary-General Anders Fogh Rasmussen" is NATO either way
            actor, person, also = head.actor, True, head.also
        else:
            actor, person, also = group[0].actor, len(group) == 1 and anchor < group[0].first, None
        out.append(Mention(actor, group[0].first, head.last, anchor, person, also))
    return out
