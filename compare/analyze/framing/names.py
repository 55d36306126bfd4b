"""People and organisations the lexicon does not know, learnt from capitalised name runs.

A *name run* is a run of capitalised words ("U.S. Secretary of State Hillary Clinton").  From
the body sentences of all articles together this module learns:

* people: a surname with a given name or a title before it ("Mitt Romney", "Mr. Romney",
  "Ambassador Daalder").  A person is one actor under every form: "Mitt Romney", "Romney"
  and "Mr. Romney" are one.  Two people who share a surname ("Asa Hutchinson", "Will
  Hutchinson") are two actors; a bare surname means the one of them named last before it in
  the article (see :meth:`Names.person`).  A title made only of words that also describe
  places ("National Mall", "Security Council") names nobody;
* who a person speaks for: the lexicon actor written before their title ("Russian President
  Dmitry Medvedev", "U.S. Secretary of State Hillary Clinton"), or the one whose alias their
  surname is ("Medvedev" is an alias of Russia).  A person stays a person: their cues are
  also credited to the actor they speak for, but they keep a row of their own;
* organisations: a run ending in an organisation word ("Human Rights Watch", "National
  Organization for Women") or an acronym ("FBI", "NAACP").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from compare.analyze.framing.aliases import AliasMatch
from compare.analyze.framing.name_signals import long_forms, verb_openers
from compare.analyze.framing.tokens import Tok, common_word, lower_words, tokens
from compare.analyze.framing.words import (
    ABBREVIATED_TITLES,
    CONNECTORS,
    NOT_ACRONYMS,
    NOT_NAMES,
    ORG_HEADS,
    PARTICLES,
    PLACE_BEFORE,
    REPORTING,
    TITLES,
    VERBS,
    WEAK_TITLES,
)
from compare.models import Sentence
from compare.records import record
from compare.similarity import STOPWORDS

_NAME_PART = re.compile(r"[^\W\d_]+\Z")
_ACRONYM = re.compile(r"[A-Z]{2,6}\Z")
_JOINS = re.compile(r"[-'’]")  # compiled once: the re module's cache of patterns can be emptied by others


@record
class Word:
    """One word of a name run; ``first``..``last`` are token indices ("Ki-moon" is three tokens)."""

    text: str
    first: int
    last: int
    connector: bool  # "of", "for", "de" inside a name


@record
class Run:
    words: tuple[Word, ...]
    first: int
    last: int
    initial: bool  # starts the sentence


@record
class Unit:
    """Part of a name run: one word, or a lexicon alias of several words."""

    first: int  # word indices in the run
    last: int
    actor: str | None  # the alias's actor; None for a plain word
    text: str


@lru_cache(maxsize=8192)
def runs(toks: tuple[Tok, ...]) -> tuple[Run, ...]:
    """Runs of capitalised words ("U.S. Secretary of State Hillary Clinton"); "Ki-moon" is one word."""
    first_word = next((k for k, t in enumerate(toks) if t.word), -1)
    out: list[Run] = []
    words: list[Word] = []

    def close() -> None:
        while words and words[-1].connector:
            words.pop()
        if words:
            out.append(Run(tuple(words), words[0].first, words[-1].last, words[0].first == first_word))
        words.clear()

    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.word:
            if words:
                close()
            i += 1
            continue
        upper = tok.text[0].isupper()
        if not upper and tok.low not in PARTICLES:
            if (
                words
                and tok.low in CONNECTORS
                and i + 1 < n
                and toks[i + 1].word
                and toks[i + 1].text[0].isupper()
            ):
                words.append(Word(tok.text, i, i, True))
            elif words:
                close()
            i += 1
            continue
        j = i
        while (
            j + 2 < n
            and toks[j + 1].text == "-"
            and toks[j + 1].glued
            and toks[j + 2].glued
            and toks[j + 2].word
        ):
            j += 2  # "Secretary-General", "Ki-moon", "al-Maliki"
        text = tok.text if j == i else "".join(t.text for t in toks[i : j + 1])
        if tok.low in ABBREVIATED_TITLES and j + 1 < n and toks[j + 1].text == "." and toks[j + 1].glued:
            j += 1
            text += "."
        if upper or toks[j].text[0].isupper():
            words.append(Word(text, i, j, False))
        elif words:
            close()
        i = j + 1
    close()
    return tuple(out)


def namey(text: str) -> bool:
    """A word that can be part of a person's name: "Clinton", "McFaul", "Ki-moon", "O'Brien"."""
    if text in NOT_NAMES or is_title(text) or text.isupper():
        return False
    parts = _JOINS.split(text)
    return all(_NAME_PART.match(p) for p in parts) and text[0].isupper() and any(c.islower() for c in text)


def is_title(text: str) -> bool:
    return text.lower().rstrip(".") in TITLES


def initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def units(run: Run, matches: Sequence[AliasMatch]) -> list[Unit]:
    """The run as units: an alias match is one unit, every other word one."""
    out: list[Unit] = []
    k = 0
    words = run.words
    while k < len(words):
        w = words[k]
        hit = next((m for m in matches if w.first <= m.first <= w.last), None)
        if hit is not None and hit.first == w.first:
            end = k
            while end + 1 < len(words) and words[end + 1].first <= hit.last:
                end += 1
            if words[end].last == hit.last:
                out.append(Unit(k, end, hit.actor, hit.alias))
                k = end + 1
                continue
        out.append(Unit(k, k, None, w.text))
        k += 1
    return out


@dataclass(slots=True)
class Names:
    """What all articles together say about names (learnt before the mentions are read).

    Mutable while :func:`learn_names` fills it; read-only afterwards.
    """

    lower_words: set[str] = field(default_factory=set)
    forms: dict[str, Counter[str]] = field(default_factory=dict)  # surname → full forms seen
    titled: set[str] = field(default_factory=set)  # surnames seen after a real title
    alone: set[str] = field(default_factory=set)  # surnames seen alone inside a sentence
    reported: set[str] = field(default_factory=set)  # names seen alone beside a reporting verb
    affiliation: dict[str, Counter[str]] = field(default_factory=dict)  # full form → lexicon actors
    alias_people: dict[str, str] = field(default_factory=dict)  # alias surname → its lexicon actor
    orgs: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)  # one-word names seen right before a verb
    long_forms: dict[str, str] = field(default_factory=dict)  # an acronym's written-out name → acronym
    # filled by finish():
    people: dict[str, dict[str, str]] = field(default_factory=dict)  # surname → {given name: person}
    default: dict[str, str] = field(default_factory=dict)  # surname → the person a bare surname means
    speaks_for: dict[str, str] = field(default_factory=dict)  # person → lexicon actor
    org_starts: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first token → orgs' tokens
    org_names: dict[tuple[str, ...], str] = field(default_factory=dict)  # an org's tokens → its name
    aliases: dict[str, set[str]] = field(default_factory=dict)  # actor → forms it was named by

    def finish(self, lexicon_actors: Iterable[str]) -> None:
        known = set(lexicon_actors)
        for surname, forms in self.forms.items():
            if surname not in self.alias_people and not (
                surname in self.titled or surname in self.reported or surname in self.alone
            ):
                continue  # "Key Bridge", "Colored People": capitalised, but never a person's name alone
            by_given = _identities(forms)
            people: dict[str, str] = {}
            weight: Counter[str] = Counter()
            for given, group in by_given.items():  # given: the first given name ("" for a bare surname)
                name = min(group, key=lambda f: (-len(f.split()), -group[f], f))
                if name in known or surname in known:
                    name = name if name in known else surname
                people[given] = name
                for form in group:  # "Rodham" of "Hillary Rodham Clinton" names her too
                    for word in form.split()[:-1]:
                        people.setdefault(word, name)
                weight[name] += sum(group.values())
                lexicon = self.alias_people.get(surname)
                votes = Counter[str]()
                for form in group:
                    votes.update(self.affiliation.get(form, Counter()))
                owner = votes.most_common(1)[0][0] if votes else lexicon
                if owner is not None and owner != name:
                    self.speaks_for[name] = owner
                self.aliases.setdefault(name, set()).update(group)
            self.people[surname] = people
            self.default[surname] = min(weight, key=lambda p: (-weight[p], p))
        # an acronym's long form first: "National Association for ..." is not "National Association"
        for form, org in [*self.long_forms.items(), *((o, o) for o in self.orgs if o not in self.long_forms)]:
            parts = tuple(t.text for t in tokens(form))  # "Wal-Mart": "Wal" "-" "Mart"
            self.org_starts.setdefault(parts[0], []).append(parts)
            self.org_names[parts] = org
            self.aliases.setdefault(org, set()).add(form)

    def person(self, surname: str, given: str | None) -> str | None:
        """The person a surname names, with the given name written before it (None: bare surname)."""
        people = self.people.get(surname)
        if not people:
            return None
        if given is not None and given in people:
            return people[given]
        return self.default[surname]


def _identities(forms: Counter[str]) -> dict[str, Counter[str]]:
    """The forms of one surname grouped by person, keyed by the first given name.

    "Hillary Clinton" and "Hillary Rodham Clinton" are one person, and so are "Fogh Rasmussen"
    and "Anders Fogh Rasmussen" (given names one set of the other); "Asa Hutchinson" and "Will
    Hutchinson" are two.  Bare surnames ("Clinton") join the only person there is, else none.
    """
    people: list[tuple[set[str], Counter[str]]] = []
    bare: Counter[str] = Counter()
    for form in sorted(forms, key=lambda f: (-len(f.split()), f)):
        given = set(form.split()[:-1])
        if not given:
            bare[form] += forms[form]
            continue
        home = next((group for names, group in people if given <= names), None)
        if home is None:
            people.append((given, Counter({form: forms[form]})))
        else:
            home[form] += forms[form]
    out = {min(group, key=lambda f: (-len(f.split()), f)).split()[0]: group for _names, group in people}
    if len(out) == 1:
        next(iter(out.values())).update(bare)
    elif not out:
        out[""] = bare
    return out


def _read_run(run: Run, matches: Sequence[AliasMatch], names: Names) -> None:
    """Learn people and organisations from one name run of a body sentence."""
    parts = units(run, matches)
    if run.initial and parts and parts[0].actor is None and common_word(parts[0].text, names.lower_words):
        parts = parts[1:]  # capitalised only because it starts the sentence
    for u in parts:
        if u.actor is None and _ACRONYM.match(u.text) and u.text not in NOT_ACRONYMS:
            names.orgs[u.text] += 1  # "FBI", "NAACP"
    if not parts:
        return
    tail = parts[-1]
    surname = tail.text
    words = run.words
    org_head = next(
        (
            n
            for n, u in enumerate(parts)
            if u.actor is None and u.text in ORG_HEADS and (n == len(parts) - 1 or words[u.last + 1].connector)
        ),
        None,
    )  # "Human Rights Watch", "National Organization for Women"
    if tail.actor is None and org_head is not None:
        if not any(u.actor for u in parts) and len(parts) >= 2 and not run.words[parts[0].first].connector:
            names.orgs[" ".join(u.text for u in parts if u.text != "The")] += 1
        return
    if tail.actor is None and not namey(surname):
        return
    k = len(parts) - 2
    given: list[str] = []
    while k >= 0 and parts[k].actor is None and (namey(parts[k].text) or initial(parts[k].text)):
        given.insert(0, parts[k].text)
        k -= 1
    chain = []
    while k >= 0 and parts[k].actor is None and (is_title(parts[k].text) or parts[k].text in CONNECTORS):
        chain.append(parts[k].text.lower().rstrip("."))
        k -= 1
    titled = any(t in TITLES and t not in WEAK_TITLES for t in chain)
    if not given and not titled:
        return
    if tail.actor is not None:  # a lexicon alias written as a person's surname: "President Medvedev"
        if " " in surname or surname.isupper():
            return  # "Presumptive GOP presidential nominee": an acronym is nobody's surname
        names.alias_people[surname] = tail.actor
    form = " ".join([*given, surname])
    names.forms.setdefault(surname, Counter())[form] += 1
    if titled:
        names.titled.add(surname)
        owner = parts[k].actor if k >= 0 else None
        if owner is not None:  # "<alias> <title...> <name>": speaks for the alias's actor
            names.affiliation.setdefault(form, Counter())[owner] += 1


MIN_SUBJECT = 2
"""A one-word name that is no person's ("Newsweek", "Medicare") is an organisation when the story
writes it, alone, right before a verb at least this often ("Newsweek has defended", "Newsweek's cover")."""


def _before_verb(toks: Sequence[Tok], run: Run) -> bool:  # or "'s" of no longer name: not "Ruth's Chris Steak House"
    after = toks[run.last + 1 : run.last + 3]
    return bool(after) and after[0].low in VERBS and not (after[0].glued and after[1:] and after[1].text[0].isupper())


def _plain_name(word: str, names: Names) -> bool:
    """A capitalised word that is a name: never written in lower case, no day, month, title, person's
    surname or contraction ("You've")."""
    return (
        namey(word)
        and word not in names.forms
        and word.lower() not in names.lower_words
        and _JOINS.split(word.lower())[0] not in STOPWORDS
    )


def learn_names(
    sentences: Sequence[Sentence], matches: Mapping[str, Sequence[AliasMatch]], lexicon_actors: Iterable[str]
) -> Names:
    """People, organisations and person-aliases from the name runs of all body sentences."""
    names = Names()
    for s in sentences:
        names.lower_words.update(lower_words(tokens(s.text)))
    names.lower_words.update(verb_openers(sentences))  # "Choosing DeGeneres ...": no name
    for s in sentences:
        if s.role != "body":
            continue
        toks = tokens(s.text)
        for run in runs(toks):
            _read_run(run, matches[s.id], names)
            if len(run.words) == 1:  # "Akin said", "said Akin", "... with Romney ..."
                word = run.words[0].text
                if _before_verb(toks, run) and not any(m.first <= run.first <= m.last for m in matches[s.id]):
                    names.subjects[word] += 1  # "Newsweek has defended", "Newsweek's cover"
                before = toks[run.first - 1].low if run.first else ""
                after = toks[run.last + 1].low if run.last + 1 < len(toks) else ""
                if before in REPORTING or after in REPORTING:
                    names.reported.add(word)
                elif not run.initial and before not in PLACE_BEFORE:
                    names.alone.add(word)  # not "in Marche": a place
    for word, n in names.subjects.items():
        if n >= MIN_SUBJECT and _plain_name(word, names):
            names.orgs[word] += n
    names.orgs = Counter({org: n for org, n in names.orgs.items() if n >= 2 or " " in org})
    names.long_forms = long_forms(sentences, {o for o in names.orgs if _ACRONYM.match(o)})
    names.finish(lexicon_actors)
    return names
