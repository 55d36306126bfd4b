"""References back to an actor named earlier: "he", "the senator", "the magazine", "their".

A sentence that calls an actor "he" or "the president" says what it says of that actor as
much as one that names it, and the tone of the sentence toward the actor is judged at that
word.  Each reference is resolved to one actor, or to none, by a few plain rules:

* **Pronouns of a person** ("he", "him", "his", "she", "her"): the person of that gender
  named last before it in the same sentence ("Romney said he ..."), not as an owner only
  ("Mr. Ryan's remarks") when another was named there, and for "him"/"her" not the subject
  of its own clause ("Sestak said Clinton called him" is Sestak; after "that", "which" or
  "who" a clause of its own: "the steps he took that allowed him" is "he"); else, in the nearest
  earlier sentence within ``Settings.coref_window`` sentences that names a person, the one
  it already called "he" or "she", else its subject (not the subject of an "if" or "when"
  clause: "If Obama was too cold, Biden was too hot.  He chuckled" is Biden).  Inside a
  quotation "he" is not the quotation's speaker; and the "he" of a "..., he said" is nobody
  named in what he says ('Saying President Obama, he said, was "too simple"'), only a
  speaker named in the sentence, one it already called "he", or a person of the sentences
  before.  A person's gender is known from a title ("Mr.", "Ms.", "Congresswoman") or from
  the pronouns of sentences naming nobody else; a person of unknown gender fits either
  pronoun.
* **Role nouns** ("the president", "the Texas governor", "the GOP chairman"): the person
  named last with that title ("President Obama", "Gov. Rick Perry") in the window.
  "The president of the NAACP" introduces somebody else and refers to nobody.
* **Organisation nouns** ("the magazine", "the company", "the group"): the organisation
  (an actor that is no person and no group of people) named last in the window.
* **Plural pronouns** ("they", "them", "their"): the group of people ("Republicans",
  "Catholic bishops") named last in the window, when no other actor was named after it.

A word inside a quotation refers the same way.  Nothing else is credited: a sentence that
neither names an actor nor refers to it says nothing of it here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from compare.analyze.framing.attribution import Sent, is_speaker
from compare.analyze.framing.tokens import POSSESSIVE, Tok, where
from compare.analyze.framing.words import (
    FEMALE_TITLES,
    MALE_TITLES,
    MODIFIED_NOUNS,
    NOT_GROUPS,
    ORG_NOUNS,
    RELATIVES,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
)
from compare.records import record

Gender = Literal["m", "f"]
Kind = Literal["pronoun", "role", "organisation", "group"]

PERSON_PRONOUNS: Mapping[str, Gender] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_STARTS = PERSON_PRONOUNS.keys() | PLURAL_PRONOUNS | {"the"}
"""The words a reference starts with."""
OBJECT_PRONOUNS = frozenset({"him", "her"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "hers", "their"})
SUBORDINATE = frozenset("if unless when while whereas although though because since after before as once".split())
"""Words opening a subordinate clause: its subject ("If Obama was too cold, Biden ...") is not the
one the next sentence's "he" follows."""
ROLE_SHARE = 3
"""A person holds a title when named with it more than a third as often as the person named with
it most: "a President Romney" once does not make Romney "the president" beside President Obama."""
GENDER_VOTES = 2
"""A person's gender is read from the pronouns of sentences that name no other person when
at least this many agree, and three times as many as disagree (where no title such as "Mr."
told it)."""


@record
class Reference:
    """A word (or a short noun phrase) that refers to an actor named earlier."""

    actors: tuple[str, ...]  # the actor, and the one a person speaks for
    first: int  # token indices in the sentence, inclusive
    last: int
    kind: Kind


@record
class Referent:
    """An actor as the article has named it so far: what a later reference may mean."""

    actor: str
    actors: tuple[str, ...]
    person: bool
    plural: bool
    sentence: int  # the sentence (article order) that named it last
    position: int  # its token there
    subject: bool  # named there as a subject: no preposition's object, no possessive, no quotation
    pronoun: bool = False  # called "he" or "she" there: the person the text is following
    possessive: bool = False  # named there as an owner only: "Mr. Ryan's remarks", "his opponent"
    modifier: bool = False  # named there only to qualify a noun: "the Romney campaign"


@dataclass(frozen=True, slots=True)
class Profile:
    """What the story's articles say of an actor: the titles it was named with, its gender."""

    roles: frozenset[str]
    gender: Gender | None


def _role(toks: Sequence[Tok], k: int) -> str | None:
    """The role token ``k`` names ("Sen." and "senator" are one), or None; "vice president" is its own."""
    role = ROLE_NOUNS.get(toks[k].low.rstrip("."))
    if role is not None and k > 0 and toks[k - 1].low == "vice":
        return "vice " + role
    return role


def profiles(read: Sequence[Sequence[Sent]]) -> dict[str, Profile]:
    """Each person's titles ("President Obama": president) and gender, from every article (see
    ``ROLE_SHARE`` and ``GENDER_VOTES``)."""
    roles: dict[str, Counter[str]] = {}
    genders: dict[str, set[Gender]] = {}
    votes: dict[str, list[Gender]] = {}
    for sents in read:
        for sent in sents:
            people = {m.actor for m in sent.mentions if m.lexical and m.person and m.actor}
            if len(people) == 1:
                first = min(m.last for m in sent.mentions if m.lexical and m.actor in people)
                said = [PERSON_PRONOUNS[t.low] for t in sent.toks[first + 1 :] if t.low in PERSON_PRONOUNS]
                votes.setdefault(people.pop(), []).extend(said)
            for m in sent.mentions:
                if not m.lexical or not m.person or m.actor is None:
                    continue
                for k in range(m.anchor, m.first):
                    word = sent.toks[k].low.rstrip(".")
                    role = _role(sent.toks, k)
                    if role is not None:
                        roles.setdefault(m.actor, Counter())[role] += 1
                    if word in MALE_TITLES:
                        genders.setdefault(m.actor, set()).add("m")
                    elif word in FEMALE_TITLES:
                        genders.setdefault(m.actor, set()).add("f")
    for actor, said in votes.items():
        top: Gender = "m" if said.count("m") >= said.count("f") else "f"
        agree = said.count(top)
        if actor not in genders and agree >= max(GENDER_VOTES, 3 * (len(said) - agree)):
            genders[actor] = {top}
    most: Counter[str] = Counter()
    for titles in roles.values():
        for role, count in titles.items():
            most[role] = max(most[role], count)
    out = {}
    for actor in roles.keys() | genders.keys():
        g = genders.get(actor, set())
        held = frozenset(r for r, c in roles.get(actor, Counter()).items() if c * ROLE_SHARE > most[r])
        out[actor] = Profile(held, next(iter(g)) if len(g) == 1 else None)
    return out


def _plural(actor: str) -> bool:
    """A group of people: "Republicans", "Catholic bishops" (not "Wal-Mart", not "NAACP")."""
    last = actor.split()[-1]
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and not last.isupper()
        and len(last) > 3
        and last not in NOT_GROUPS
    )


def _role_phrase(sent: Sent, k: int) -> tuple[int, str | None] | None:
    """At "the" (token ``k``): the last token and the role of "the [modifiers] <role noun>".

    The role is None for an organisation noun ("the magazine").  None when the phrase is no
    reference: "the president of the NAACP"; "the president Barack Obama" is named anyway.
    """
    toks = sent.toks
    j = k + 1
    while j < len(toks) and j - k <= 3 and (toks[j].low in ROLE_MODIFIERS or toks[j].text[:1].isupper()):
        if _role(toks, j) is not None or toks[j].low in ORG_NOUNS:
            break
        j += 1
    if j >= len(toks) or not toks[j].word:
        return None
    after = toks[j + 1].low if j + 1 < len(toks) else ""
    if after == "of" or (j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and toks[j + 1].word):
        return None
    if toks[j].low in ORG_NOUNS:
        return (j, None) if toks[j].text == toks[j].low else None  # "the National Association" is a name
    role = _role(toks, j)
    return (j, role) if role is not None else None


def _pick_person(
    memory: Sequence[Referent], sent: Sent, n: int, k: int, info: Mapping[str, Profile], window: int
) -> Referent | None:
    """The person a pronoun (token ``k`` of sentence ``n``) means, or None."""
    low = sent.toks[k].low
    gender = PERSON_PRONOUNS[low]

    # inside a quotation, "he" is not its speaker: '"What he said is wrong," McConnell said'
    speakers = (
        {m.actor for m in sent.mentions if m.lexical and is_speaker(sent, m.anchor, m.last)}
        if sent.quote_of[k] >= 0
        else set()
    )

    def fits(r: Referent) -> bool:
        g = info[r.actor].gender if r.actor in info else None
        return r.person and (g is None or g == gender) and n - r.sentence <= window and r.actor not in speakers

    here = [r for r in memory if fits(r) and r.sentence == n and r.position < k and not r.modifier]
    if k > 0 and not sent.toks[k - 1].word and is_speaker(sent, k, k):
        # 'Saying President Obama, he said, was "too simple"': not Obama (but "in which he said" may be)
        said_by = {m.actor for m in sent.mentions if m.lexical and is_speaker(sent, m.anchor, m.last)}
        here = [r for r in here if (r.actor in said_by or r.pronoun) and sent.quote_of[r.position] < 0]
    if low in OBJECT_PRONOUNS:  # "Sestak said Clinton called him": not Clinton
        clause = _clause_of(sent, k)  # but "the steps he took that allowed him": "that" opens another
        here = [r for r in here if _clause_of(sent, r.position) != clause or _relative_between(sent, r.position, k)]
    if here:  # "He laughed at Mr. Ryan's remarks ... with his opponent": not Ryan
        return max([r for r in here if not r.possessive] or here, key=lambda r: r.position)
    earlier = [r for r in memory if fits(r) and r.sentence < n]
    if not earlier:
        return None
    latest = max(r.sentence for r in earlier)
    there = [r for r in earlier if r.sentence == latest]
    followed = [r for r in there if r.pronoun] or [r for r in there if r.subject] or there
    return min(followed, key=lambda r: r.position)


def _relative_between(sent: Sent, first: int, last: int) -> bool:
    """Whether a relative pronoun ("that", "which", "who") stands between tokens ``first`` and
    ``last``: a clause of its own, whose object may be the person named before it."""
    return any(t.low in RELATIVES for t in sent.toks[first + 1 : last])


def _clause_of(sent: Sent, k: int) -> int:
    return next((n for n, c in enumerate(sent.clauses) if k in c.tokens), -1)


def _latest(memory: Iterable[Referent], n: int, window: int, ok: Callable[[Referent], bool]) -> Referent | None:
    """The actor named last (before the current token) that ``ok`` accepts, within the window."""
    found = [r for r in memory if n - r.sentence <= window and ok(r)]
    return max(found, key=lambda r: (r.sentence, r.position)) if found else None


def _refer(
    sent: Sent, n: int, k: int, memory: Sequence[Referent], info: Mapping[str, Profile], window: int
) -> Reference | None:
    """The reference that starts at token ``k`` of sentence ``n``, resolved; None: none there."""
    low = sent.toks[k].low
    if low in PERSON_PRONOUNS:
        r = _pick_person(memory, sent, n, k, info, window)
        return Reference(r.actors, k, k, "pronoun") if r else None
    if low in PLURAL_PRONOUNS:
        r = _latest(memory, n, window, lambda r: not r.person)
        return Reference(r.actors, k, k, "group") if r and r.plural else None
    phrase = _role_phrase(sent, k) if low == "the" else None
    if phrase is None:
        return None
    last, role = phrase
    if role is None:
        r = _latest(memory, n, window, lambda r: not r.person and not r.plural)
        return Reference(r.actors, k, last, "organisation") if r else None
    # a title is specific enough to reach back over the whole article ("the president")
    r = _latest(memory, n, n, lambda r: r.person and role in info.get(r.actor, _NONE).roles)
    return Reference(r.actors, k, last, "role") if r else None


def references(sents: Sequence[Sent], info: Mapping[str, Profile], window: int) -> list[tuple[Reference, ...]]:
    """The references of each sentence of one article (in its order), resolved to actors."""
    memory: dict[str, Referent] = {}
    out: list[tuple[Reference, ...]] = []
    for n, sent in enumerate(sents):
        found: list[Reference] = []
        named_at = {m.first: m for m in sent.mentions if m.lexical and m.actor is not None}
        inside = {k for m in named_at.values() for k in range(m.anchor, m.last + 1)}
        # where something can happen: a name, or a word a reference starts with (what _refer reads)
        events = sorted(named_at.keys() | {k for k in where(sent.toks, _STARTS) if k not in inside})
        k = 0
        for at in events:
            if at < k:
                continue  # inside the name or reference just read
            k = at
            m = named_at.get(k)
            if m is not None and m.actor is not None:
                subject = not (m.prep or m.possessive or m.in_quote or m.compound)
                subject = subject and (m.anchor == 0 or sent.toks[m.anchor - 1].low not in SUBORDINATE)
                before = memory.get(m.actor)
                followed = before is not None and before.sentence == n and before.pronoun
                after = sent.toks[m.last + 1].low if m.last + 1 < len(sent.toks) else ""
                modifier = after in MODIFIED_NOUNS  # "the Romney campaign message"
                memory[m.actor] = Referent(
                    m.actor,
                    m.actors,
                    m.person,
                    _plural(m.actor),
                    n,
                    k,
                    subject and not modifier,
                    followed,
                    m.possessive,
                    modifier,
                )
                k = m.last + 1
                continue
            ref = _refer(sent, n, k, list(memory.values()), info, window)
            if ref is not None:
                found.append(ref)
                was = memory[ref.actors[0]]  # (built, not dataclasses.replace: a few times quicker)
                memory[ref.actors[0]] = Referent(
                    was.actor,
                    was.actors,
                    was.person,
                    was.plural,
                    n,
                    ref.first,
                    was.subject,
                    ref.kind == "pronoun",
                    sent.toks[ref.last].low in POSSESSIVE_PRONOUNS
                    or (ref.last + 1 < len(sent.toks) and sent.toks[ref.last + 1].low in POSSESSIVE),
                    False,
                )
                k = ref.last
            k += 1
        out.append(tuple(found))
    return out


_NONE = Profile(frozenset(), None)

__all__ = ["Profile", "Reference", "Referent", "profiles", "references"]
