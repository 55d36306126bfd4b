"""Framing: how each article presents the main actors of the story.

The actors are *found* in the articles, not fixed in advance:

* lexicon aliases ("Moscow", "Kremlin", "Medvedev" → Russia), matched as whole
  words on a token list;
* people and organisations the lexicon does not know: capitalised name runs
  ("Ivo Daalder", "Ambassador Daalder", "Human Rights Watch").  People are keyed
  by surname, so "Hillary Clinton", "Hillary Rodham Clinton" and "Clinton" are
  one actor; a person whose surname is an alias belongs to that alias's actor,
  and so does one introduced as "<alias> <title> <name>" ("Ukrainian President
  Petro Poroshenko").  A name run counts once: "NATO Secretary-General Anders
  Fogh Rasmussen" is one mention of NATO.

The main actors are the ``Settings.max_actors`` most mentioned actors named by
at least two articles.

Each sentence is cut into clauses (commas, semicolons, colons, dashes, "but",
"while", "although", ...) and every cue word of the lexicon is given to one
holder, the first that applies:

1. words inside a quotation belong to its speaker (from
   :func:`compare.analyze.quotes.quotes_by_sentence`; when it names nobody, the
   name or "he"/"she" beside the quotation; a headline "Clinton: ..." quotes
   Clinton).  A speaker who is not an actor takes the cue out of the count;
2. an actor right next to the cue: "Russian opposition", "Moscow's concern",
   "NATO Encouraged", "warnings from Moscow", "concern in Moscow";
3. the agent of the clause: its first actor mention that is neither the object
   of a preposition ("with Russia", "to Moscow", "against NATO") nor after the
   clause's verb ("urged Moscow"), together with actors joined to it by "and"
   ("Russia and NATO disagree"); "he"/"she" stand for the last person named as
   a subject;
4. the sentence's first agent, for a clause without one of its own (a fronted
   clause goes to the agent of the clause that follows it).

A negation ("not", "n't", "never", ...) up to three content words before a cue
flips it ("not a threat" is cooperative); a cooperative cue right after a
reluctant one counts as reluctant ("objections to further cooperation").

The score is (cooperative - reluctant) / (cooperative + reluctant) and the
label follows ``Settings.stance_margin``; the evidence is the sentences that
gave the actor cues in the label's direction (both directions for "mixed"),
strongest first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from compare.lexicon import Lexicon
from compare.models import Article, Label, Sentence, Stance
from compare.settings import Settings
from compare.similarity import STOPWORDS

MAX_EVIDENCE = 5
"""Evidence sentences kept per actor and article."""
NEGATION_WINDOW = 3
"""A negation flips a cue that follows within this many content words (stopwords and names skipped)."""
CONTRAST_WINDOW = 2
"""A cooperative cue within this many content words after a reluctant one counts as reluctant."""


class QuoteLike(Protocol):
    """What :func:`frame` needs of a quotation (``compare.analyze.quotes.Quote``)."""

    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


QuoteFinder = Callable[[Article], Mapping[str, Sequence[QuoteLike]]]


# --- word lists ----------------------------------------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _words(
    """
    with to against toward towards for from on about into onto at by of over between among amongst
    than like upon without within beyond across after before behind under despite in including via
    amid around through near alongside versus vs unlike besides beside inside outside throughout
    regarding concerning
    """
)
_SKIP_BACK = _words(
    """
    the a an its their his her our your my this that these those fellow other all both some many
    several former neighbouring neighboring
    """
)
_COORDINATORS = frozenset({"and", "or", "&"})
_CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however", "whilst"})
_CLAUSE_PUNCT = frozenset(",;:()[]…–—|") | {"--", "---"}
_CUTS = _CLAUSE_PUNCT | _CLAUSE_WORDS
_PRONOUNS = frozenset({"he", "she"})
_HOLDER_PREPOSITIONS = frozenset({"from", "by", "among", "amongst", "within"})
# Feelings that "in <place>" attributes to that place's people: "concern in Moscow", "optimism in Kiev"
# (but "cooperation in Afghanistan" is about Afghanistan, not Afghanistan's).
_ATTITUDES = _words(
    """
    concern concerns worry worries anger alarm fear fears optimism hope hopes frustration
    disappointment suspicion suspicions skepticism scepticism satisfaction relief irritation unease
    """
)
_REPORTING = _words(
    """
    said says told tells stated states added adds asked replied noted wrote writes declared
    explained insisted argued outlined announced warned believes
    """
)
_VERBS = _words(
    """
    is are was were be been being am has have had will would shall should can could may might must
    do does did 's said says told tells sees seeks wants urges warns calls faces states believes
    thinks insists claims expects hopes offers plans adds notes lies remains makes takes gives views
    needs accuses rejects supports agrees refuses opposes welcomes fears denies argues asks writes
    knows means shows seems appears becomes continues considers describes reports suggests proposes
    announces intends looks wishes threatens demands promises signals sends meets visits leads keeps
    holds stands met made took gave saw sought won lost held led kept left sent spoke wrote thought
    felt got went came became began brought found knew put stood struck understood withdrew chose
    fought ran rose sat spent say tell urge warn want seek see believe think insist expect saying
    adding telling
    """
)
_NOT_VERBS = _words(
    """
    during including according meeting meetings building buildings nothing something anything
    everything evening morning hundred indeed speed need seed feed united ring king thing things
    bring wing spring string ceiling ongoing upcoming interesting pressing leading ruling growing
    """
)
TITLES = _words(
    """
    president vice prime minister secretary secretary-general general foreign defense defence
    interior finance state ambassador envoy chancellor senator sen rep representative congressman
    congresswoman governor gov mayor king queen prince princess crown sheikh emir pope cardinal
    archbishop bishop rev mr mrs ms dr prof professor judge justice chief deputy admiral adm gen col
    lt maj capt commander colonel lieutenant major captain sergeant sgt spokesman spokeswoman
    spokesperson chairman chairwoman chair director premier speaker leader commissioner head former
    permanent special under assistant undersecretary lord lady sir dame ayatollah supreme high
    executive counterpart adviser advisor aide senior top acting outgoing incoming military national
    security sheriff reverend father sister editor publisher founder co-founder co-chair co-chairman
    co-chairwoman president-elect nominee candidate attorney chancellor-elect
    """
)
_ABBREVIATED_TITLES = _words("mr mrs ms dr gen col lt maj capt adm sen rep gov prof rev sgt st")
_CONNECTORS = _words("of de van von der den bin ibn al el la le da di du del dos das")
_PARTICLES = frozenset({"al", "el", "bin", "ibn"})  # "al-Maliki" is a name
ORG_HEADS = _words(
    """
    Council Ministry Department Organization Organisation Agency Committee Commission Party Fund
    Bank Union Court Parliament Congress Senate Assembly Institute Foundation Movement Front Army
    Navy Service Group Association Federation League Corporation Company Watch Cross Crescent Guard
    Police Authority Board Bureau Tribunal Coalition Brigades Office
    """
)
NON_ACTOR_HEADS = _words(
    """
    Times Post Journal News Herald Tribune Gazette Review Radio Television TV University College
    School Airport Hotel Street Square Avenue Road List Index Exchange Stadium Airlines Prize Center
    Centre Museum
    """
)
_REGION_WORDS = _words("North South East West Northern Southern Eastern Western Central Latin")
# Capitalised words that are not parts of a person's name.
_NOT_NAMES = (
    ORG_HEADS
    | NON_ACTOR_HEADS
    | _words(
        """
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday War Wars York House Summit Treaty Agreement
    Pact Accord Charter Conference Forum Meeting Initiative Strategy Doctrine Defense Defence
    Security Missile Cold Century Day Week Year Online Blog Forces Force Republic Kingdom State
    States Nations Empire City County Province Region District Island Islands Sea Ocean Gulf Bay
    River Valley North South East West Northern Southern Eastern Western Central Middle New Old
    Great United European Atlantic Pacific Arctic Asia Europe Africa America Americas Euro Soviet
    Communist Islamic Christian Muslim Jewish Catholic Orthodox Internet Web Twitter Facebook God
    Christmas Easter Olympics Games Cup Nuclear Arms Reduction Strategic Conventional Joint Chiefs
    Staff Armed Tags Keyword Stories Latest Links Breaking Read More Podcasts Comments Share Follow
    Subscribe Home Accessibility Posted Author About Photo Video Related The A An In On At For Of To
    With By From As If It We They I He She This That These Those Earlier Later Meanwhile Although
    While When After Before But And Both All Our Their His Her Its Republican Republicans Democrat
    Democrats Democratic Conservative Conservatives Liberal Liberals Labour Tory Tories Party Act
    Amendment Law Constitution Network Bridge People Medicare Medicaid Security Fair Caller Beach
    Jesuit Standard Zero
    """
    )
)

# --- tokens --------------------------------------------------------------------
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: George W. Bush
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words; "doesn't" and "Russia's" are split below
    r"|\d+(?:[.,:]\d+)*"
    r"|-{2,}|\S"
)
_NOT_ENDINGS = frozenset({"n't", "n’t"})
_POSSESSIVE = frozenset({"'s", "’s"})
_NAME_PART = re.compile(r"[^\W\d_]+\Z")


class _Tok(NamedTuple):
    text: str
    low: str
    start: int  # in the sentence
    end: int
    word: bool
    glued: bool  # no space before


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[_Tok, ...]:
    """Words, numbers and punctuation; "doesn't" → "does" "n't", "Russia's" → "Russia" "'s"."""
    out: list[_Tok] = []
    make = tuple.__new__  # a third faster than _Tok(...); this runs for every token
    previous_end = -1
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        low = word.lower()
        cut = (
            3
            if low[-3:] in _NOT_ENDINGS and len(word) > 3
            else 2
            if low[-2:] in _POSSESSIVE and len(word) > 2
            else 0
        )
        if cut:
            out.append(make(_Tok, (word[:-cut], low[:-cut], start, end - cut, True, start == previous_end)))
            out.append(make(_Tok, (word[-cut:], low[-cut:], end - cut, end, cut == 3, True)))
        else:
            out.append(make(_Tok, (word, low, start, end, word[0].isalpha(), start == previous_end)))
        previous_end = end
    return tuple(out)


def _split_alias(alias: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(alias))


@lru_cache(maxsize=16384)
def _lemmas(word: str) -> tuple[str, ...]:
    """``word`` (lower case) and what it may be an inflection of: -s, -es, -ies, -ed, -ied, -ing.

    The word itself comes first and the other forms in sorted order, so that when two cues of
    the same length could start here the choice is the same in every process (a set's order
    depends on the string hash seed).
    """
    out = {word}
    if len(word) > 3:
        if word.endswith("ies"):
            out.add(word[:-3] + "y")
        if word.endswith("es"):
            out.add(word[:-2])
        if word.endswith("s") and not word.endswith("ss"):
            out.add(word[:-1])
        if word.endswith("ied"):
            out.add(word[:-3] + "y")
        if word.endswith("ed"):
            out.update((word[:-2], word[:-1]))
            if len(word) > 4 and word[-3] == word[-4]:
                out.add(word[:-3])
        if word.endswith("ing") and len(word) > 5:
            out.update((word[:-3], word[:-3] + "e"))
            if word[-4] == word[-5]:
                out.add(word[:-4])
    out.discard(word)
    return (word, *sorted(out))


def _word_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return pattern in _lemmas(token)


# --- the lexicon, compiled once per Lexicon object ---------------------------------
COOPERATIVE, RELUCTANT, NEUTRAL = 1, -1, 0


@dataclass(frozen=True, slots=True)
class _Alias:
    parts: tuple[str, ...]  # tokens
    glue: tuple[bool, ...]  # part k follows part k - 1 without a space
    actor: str
    insensitive: bool  # written in lower case: matches in any case
    text: str


@dataclass(frozen=True, slots=True)
class _Compiled:
    aliases: Mapping[str, tuple[_Alias, ...]]  # first token (lower case) → its aliases, longest first
    cues: Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]  # first word → (words, polarity)
    prefix_cues: tuple[tuple[tuple[str, ...], int], ...]
    negations: frozenset[str]
    options: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(
        default_factory=dict
    )  # word → cues, filled lazily

    def cues_at(self, low: str) -> tuple[tuple[tuple[str, ...], int], ...]:
        """The cues that may start at a word (lower case), longest first."""
        hit = self.options.get(low)
        if hit is None:
            found = [c for lemma in _lemmas(low) for c in self.cues.get(lemma, ())]
            found += [c for c in self.prefix_cues if low.startswith(c[0][0][:-1])]
            hit = self.options[low] = tuple(sorted(dict.fromkeys(found), key=lambda c: -len(c[0])))
        return hit


_CACHE: dict[int, tuple[Lexicon, _Compiled]] = {}


def _compile(lexicon: Lexicon) -> _Compiled:
    hit = _CACHE.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    aliases: dict[str, list[_Alias]] = defaultdict(list)
    for actor, names in lexicon.actors.items():
        for alias in dict.fromkeys((actor, *names)):
            found = list(_TOKEN.finditer(alias.strip()))
            if found:
                parts = tuple(m.group() for m in found)
                glue = tuple(k > 0 and m.start() == found[k - 1].end() for k, m in enumerate(found))
                aliases[parts[0].lower()].append(_Alias(parts, glue, actor, alias == alias.lower(), alias))
    cues: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    prefix: list[tuple[tuple[str, ...], int]] = []
    for kind, polarity in (("cooperative", COOPERATIVE), ("reluctant", RELUCTANT), ("neutral", NEUTRAL)):
        for cue in lexicon.cues.get(kind, ()):
            words = tuple(w.lower() for w in _split_alias(cue.strip()) if w != "*")
            words = tuple(
                w + "*" if cue.strip().endswith("*") and i == len(words) - 1 else w
                for i, w in enumerate(words)
            )
            if not words:
                continue
            if words[0].endswith("*"):
                prefix.append((words, polarity))
            else:
                cues[words[0]].append((words, polarity))
    compiled = _Compiled(
        aliases={k: tuple(sorted(v, key=lambda a: -len(a.parts))) for k, v in aliases.items()},
        cues={k: tuple(sorted(v, key=lambda c: -len(c[0]))) for k, v in cues.items()},
        prefix_cues=tuple(sorted(prefix, key=lambda c: -len(c[0]))),
        negations=frozenset(n.lower() for n in lexicon.negations),
    )
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(lexicon)] = (lexicon, compiled)
    return compiled


def _alias_matches(toks: Sequence[_Tok], lex: _Compiled) -> list[tuple[int, int, str, str]]:
    """(first token, last token, actor, alias) of every alias match, longest first, without overlaps."""
    out = []
    i = 0
    while i < len(toks):
        found = None
        for alias in lex.aliases.get(toks[i].low, ()):
            n = len(alias.parts)
            window = toks[i : i + n]
            if len(window) < n or any(window[k].glued != alias.glue[k] for k in range(1, n)):
                continue
            if alias.insensitive:
                ok = all(t.low == p.lower() for t, p in zip(window, alias.parts, strict=True))
            else:
                ok = all(t.text == p for t, p in zip(window, alias.parts, strict=True))
            if ok:
                found = (i, i + n - 1, alias.actor, alias.text)
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


# --- name runs -------------------------------------------------------------------
class _Word(NamedTuple):
    text: str
    first: int  # token indices
    last: int
    connector: bool


class _Run(NamedTuple):
    words: tuple[_Word, ...]
    first: int
    last: int
    initial: bool  # starts the sentence


@lru_cache(maxsize=8192)
def _runs(toks: tuple[_Tok, ...]) -> tuple[_Run, ...]:
    """Runs of capitalised words ("U.S. Secretary of State Hillary Clinton"); "Ki-moon" is one word."""
    first_word = next((k for k, t in enumerate(toks) if t.word), -1)
    runs: list[_Run] = []
    words: list[_Word] = []

    def close() -> None:
        while words and words[-1].connector:
            words.pop()
        if words:
            runs.append(_Run(tuple(words), words[0].first, words[-1].last, words[0].first == first_word))
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
        if not upper and tok.low not in _PARTICLES:
            if (
                words
                and tok.low in _CONNECTORS
                and i + 1 < n
                and toks[i + 1].word
                and toks[i + 1].text[0].isupper()
            ):
                words.append(_Word(tok.text, i, i, True))
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
        if tok.low in _ABBREVIATED_TITLES and j + 1 < n and toks[j + 1].text == "." and toks[j + 1].glued:
            j += 1
            text += "."
        if upper or toks[j].text[0].isupper():
            words.append(_Word(text, i, j, False))
        elif words:
            close()
        i = j + 1
    close()
    return tuple(runs)


def _namey(text: str) -> bool:
    """A word that can be part of a person's name: "Clinton", "McFaul", "Ki-moon", "O'Brien"."""
    if text in _NOT_NAMES or text.lower().rstrip(".") in TITLES or text.isupper():
        return False
    parts = re.split(r"[-'’]", text)
    return all(_NAME_PART.match(p) for p in parts) and text[0].isupper() and any(c.islower() for c in text)


def _initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


@dataclass(slots=True)
class _Names:
    """What all articles together say about names (computed before the mentions)."""

    lower_words: set[str] = field(default_factory=set)
    person_aliases: set[str] = field(default_factory=set)  # aliases seen as a person's surname
    people: dict[str, Counter[str]] = field(default_factory=dict)  # surname → full forms
    affiliation: dict[str, Counter[str]] = field(default_factory=dict)  # surname → lexicon actors
    titled: set[str] = field(default_factory=set)  # surnames seen after a title ("Ambassador Daalder")
    reported: set[str] = field(default_factory=set)  # names seen alone beside a reporting verb ("Akin said")
    orgs: Counter[str] = field(default_factory=Counter)
    actor_of: dict[str, str] = field(default_factory=dict)  # surname or org name → actor
    org_starts: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word → org names

    def finish(self) -> None:
        # "Key Bridge" and "Colored People" look like names: a person needs a title or to be quoted alone
        self.people = {k: v for k, v in self.people.items() if k in self.titled or k in self.reported}
        for surname, forms in self.people.items():
            lexicon_actor = self.affiliation.get(surname)
            if lexicon_actor:
                self.actor_of[surname] = lexicon_actor.most_common(1)[0][0]
            else:  # the most frequent full name, then the longest: "Jan Kowalczyk"
                self.actor_of[surname] = min(forms, key=lambda name: (-forms[name], -len(name), name))
        for org in self.orgs:
            self.actor_of.setdefault(org, org)
            parts = tuple(org.split())
            self.org_starts.setdefault(parts[0], []).append(parts)


def _units(run: _Run, matches: Sequence[tuple[int, int, str, str]]) -> list[tuple[int, int, str | None, str]]:
    """The run as (first word, last word, alias actor or None, text) units: an alias match is one unit."""
    units: list[tuple[int, int, str | None, str]] = []
    k = 0
    words = run.words
    while k < len(words):
        w = words[k]
        hit = next((m for m in matches if m[0] >= w.first and m[0] <= w.last), None)
        if hit is not None and hit[0] == w.first:
            end = k
            while end + 1 < len(words) and words[end + 1].first <= hit[1]:
                end += 1
            if words[end].last == hit[1]:
                units.append((k, end, hit[2], hit[3]))
                k = end + 1
                continue
        units.append((k, k, None, w.text))
        k += 1
    return units


def _read_names(run: _Run, matches: Sequence[tuple[int, int, str, str]], names: _Names) -> None:
    """Learn people and organisations from one name run of a body sentence."""
    units = _units(run, matches)
    if run.initial and units and units[0][2] is None:
        first = units[0][3]
        if first.lower() in names.lower_words or first.lower() in STOPWORDS:
            units = units[1:]  # capitalised only because it starts the sentence
    if not units:
        return
    words = run.words
    tail = units[-1]
    if tail[2] is not None:  # ends with an alias: a person if a given name or a title comes before it
        if len(units) > 1:
            prev = units[-2]
            if prev[2] is None and (_namey(prev[3]) or prev[3].lower().rstrip(".") in TITLES):
                names.person_aliases.add(tail[3])
        return
    surname = tail[3]
    if surname in ORG_HEADS:
        if not any(u[2] for u in units) and len(units) >= 2 and not words[units[0][0]].connector:
            names.orgs[" ".join(u[3] for u in units if u[3] != "The")] += 1
        return
    if not _namey(surname):
        return
    k = len(units) - 2
    given: list[str] = []
    while k >= 0 and units[k][2] is None and (_namey(units[k][3]) or _initial(units[k][3])):
        given.insert(0, units[k][3])
        k -= 1
    titled = k >= 0 and units[k][2] is None and units[k][3].lower().rstrip(".") in TITLES
    if not given and not titled:
        return
    names.people.setdefault(surname, Counter())[" ".join([*given, surname])] += 1
    if titled:
        names.titled.add(surname)
    alias_at = max((n for n in range(k) if units[n][2] is not None), default=-1) if titled else -1
    actor = units[alias_at][2] if alias_at >= 0 else None
    if actor is not None and all(
        u[3].lower().rstrip(".") in TITLES or u[3] in _CONNECTORS for u in units[alias_at + 1 : k + 1]
    ):  # "<alias> <title...> <name>": the person belongs to the alias's actor
        names.affiliation.setdefault(surname, Counter())[actor] += 1


# --- mentions ----------------------------------------------------------------------
_NO_VERB = 10**9


@dataclass(slots=True)
class _Mention:
    actor: str | None
    first: int  # token indices, inclusive
    last: int
    anchor: int  # where its noun phrase starts (the name run's first token)
    person: bool
    lexical: bool = True  # False: "he" or "she"
    prep: bool = False  # the object of a preposition
    compound: bool = False  # half of "NATO-Russia"
    possessive: bool = False
    in_quote: bool = False
    coordinated: bool = False  # joined by "and" to the mention before it


@dataclass(slots=True)
class _Sent:
    sentence: Sentence
    toks: tuple[_Tok, ...]
    mentions: list[_Mention]
    quote: list[int]  # per token: index into ``quotes``, or -1
    quotes: list[tuple[int, int, str | None]]  # (start, end, speaker's name) in sentence offsets
    fixed: dict[int, str]  # quote index → speaker actor known from the text ("Clinton: ...")
    name_tokens: set[int]  # tokens inside mentions or multiword names: never cues
    segments: list[list[int]] = field(default_factory=list)  # clauses, as token indices
    verb_at: list[int] = field(default_factory=list)  # per clause: its first verb-like token
    agents: list[list[_Mention]] = field(default_factory=list)  # per clause
    first_agents: list[_Mention] = field(default_factory=list)
    seg_of: dict[int, int] = field(default_factory=dict)  # token → clause


def _found_mentions(toks: Sequence[_Tok], taken: set[int], names: _Names) -> list[tuple[int, int, str, bool]]:
    """(first, last, actor, person) of people and organisations the lexicon does not know."""
    out = []
    for i, tok in enumerate(toks):
        if i in taken or not tok.word:
            continue
        for org in names.org_starts.get(tok.text, ()):
            n = len(org)
            if all(i + k < len(toks) and toks[i + k].text == org[k] and i + k not in taken for k in range(n)):
                out.append((i, i + n - 1, names.actor_of[" ".join(org)], False))
                taken.update(range(i, i + n))
                break
        if i not in taken and tok.text in names.people:
            out.append((i, i, names.actor_of[tok.text], True))
    return out


def _is_verb(tok: _Tok, previous: _Tok | None, heading: bool) -> bool:
    """A word that looks like a verb (clause subjects come before it)."""
    if not tok.word or (tok.glued and previous is not None and previous.text == "-"):
        return False
    low = tok.low
    if not heading and tok.text != low:
        return False
    if low in _VERBS:
        return True
    if low in _NOT_VERBS or low in STOPWORDS:
        return False
    if len(low) >= 5 and (low.endswith("ed") or low.endswith("ing")):
        return True
    return previous is not None and previous.low == "to"  # an infinitive: "to invite Russia"


def _title_like(toks: Sequence[_Tok], k: int, heading: bool) -> bool:
    """A token that may stand between the parts of one name: a title, "of", a given name, a hyphen."""
    tok = toks[k]
    if not tok.word:
        return tok.glued and tok.text in {"-", "."}
    low = tok.low.rstrip(".")
    return low in TITLES or low in _CONNECTORS or (not heading and (_namey(tok.text) or _initial(tok.text)))


def _compound(toks: Sequence[_Tok], first: int, last: int) -> bool:
    before = first >= 2 and toks[first - 1].text == "-" and toks[first - 1].glued and toks[first].glued
    after = (
        last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last + 1].glued and toks[last + 2].glued
    )
    return before or after


def _analyse(
    sentence: Sentence,
    matches: Sequence[tuple[int, int, str, str]],
    names: _Names,
    quotes: Sequence[QuoteLike],
) -> _Sent:
    """Tokens, quotations, mentions and clauses of one sentence ("he"/"she" are resolved later)."""
    text = sentence.text
    toks = _tokens(text)
    heading = sentence.role != "body"
    runs = _runs(toks)
    run_of = {k: r for r in runs for k in range(r.first, r.last + 1)}

    # mentions: aliases and found names; a name run is one mention
    taken = {k for m in matches for k in range(m[0], m[1] + 1)}
    raw = [(m[0], m[1], m[2], m[3] in names.person_aliases) for m in matches]
    raw += _found_mentions(toks, taken, names)
    raw.sort()
    mentions: list[_Mention] = []
    in_run: dict[int, list[tuple[int, int, str, bool]]] = defaultdict(list)
    for item in raw:
        first, last, actor, person = item
        run = run_of.get(first)
        if run is not None and run.words[-1].text in NON_ACTOR_HEADS and last < run.words[-1].first:
            continue  # "The Moscow Times", "Washington Post"
        if first > 0 and toks[first - 1].text in _REGION_WORDS and run is not None and run.first < first:
            continue  # "North America", "Latin America" (an alias "North Korea" has matched as a whole)
        if _compound(toks, first, last):
            mentions.append(_Mention(actor, first, last, first, person, compound=True))
        elif run is None:
            mentions.append(_Mention(actor, first, last, first, person))
        else:
            in_run[run.first].append(item)
    for run_first, items in in_run.items():
        run = run_of[run_first]
        groups: list[list[tuple[int, int, str, bool]]] = []
        for item in items:
            between = range(groups[-1][-1][1] + 1, item[0]) if groups else range(0)
            if (
                groups
                and all(_title_like(toks, k, heading) for k in between)
                and (not between or any(toks[k].low.rstrip(".") in TITLES for k in between))
            ):
                groups[-1].append(item)  # "U.S. Secretary of State Hillary Clinton": one mention
            else:
                groups.append([item])
        for group in groups:
            head = group[-1]
            anchor = group[0][0]
            while anchor - 1 >= run.first and _title_like(toks, anchor - 1, heading):
                anchor -= 1  # "with President Dmitry Medvedev" starts at "President"
            if head[3]:  # a person: "NATO Secretary-General Anders Fogh Rasmussen" is NATO either way
                actor, person = head[2], True
            else:
                actor, person = group[0][2], len(group) == 1 and anchor < group[0][0]
            mentions.append(_Mention(actor, group[0][0], head[1], anchor, person))

    # quotations, in sentence offsets
    spans: list[tuple[int, int, str | None]] = []
    for q in quotes:
        lo, hi = q.start - sentence.start, q.end - sentence.start
        words = q.text.strip()
        if not (0 <= lo < hi <= len(text)) or (
            words and words not in text[lo:hi] and text[lo:hi] not in words
        ):
            at = text.find(words) if words else -1
            if at < 0:
                continue
            lo, hi = at, at + len(words)
        spans.append((lo, hi, q.speaker))
    fixed: dict[int, str] = {}
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None) if heading and not spans else None
    if colon is not None and colon + 1 < len(toks):
        # a headline "Clinton: U.S., Russia 'Not Adversaries'" quotes Clinton (a name, only, before the colon)
        speaker = next((m for m in mentions if m.last < colon), None)
        named = speaker is not None and all(
            not toks[k].word or speaker.first <= k <= speaker.last or _title_like(toks, k, False)
            for k in range(colon)
        )
        if speaker is not None and speaker.actor is not None and named:
            spans.append((toks[colon + 1].start, len(text), None))
            fixed[0] = speaker.actor
    quote_of = [-1] * len(toks)
    for n, (lo, hi, _) in enumerate(spans):
        for k, t in enumerate(toks):
            if t.start >= lo and t.end <= hi:
                quote_of[k] = n

    # clauses: punctuation, contrastive conjunctions and the edges of quotations cut them; "he"/"she"
    segments: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(toks):
        low = tok.low
        if low in _PRONOUNS and quote_of[k] < 0:
            mentions.append(_Mention(None, k, k, k, True, lexical=False))
        if current and quote_of[current[-1]] != quote_of[k]:
            segments.append(current)
            current = []
        if low in _CUTS or (low == "-" and not (tok.glued and k + 1 < len(toks) and toks[k + 1].glued)):
            if current:
                segments.append(current)
            current = []
        else:
            current.append(k)
    if current:
        segments.append(current)
    mentions.sort(key=lambda m: m.first)

    name_tokens: set[int] = set()
    for m in mentions:
        m.in_quote = quote_of[m.first] >= 0
        m.possessive = m.last + 1 < len(toks) and toks[m.last + 1].low in _POSSESSIVE
        if m.lexical:
            name_tokens.update(range(m.first, m.last + 1))
    if not heading:  # inside a sentence, "Joint Chiefs" or "Strategic Partnership" is a name, not a cue
        for run in runs:
            if len(run.words) >= 2:
                name_tokens.update(
                    k for w in run.words[1 if run.initial else 0 :] for k in range(w.first, w.last + 1)
                )

    sent = _Sent(sentence, toks, mentions, quote_of, spans, fixed, name_tokens, segments)
    for seg in sent.segments:
        verb = next(
            (
                k
                for k in seg
                if k not in name_tokens and _is_verb(toks[k], toks[k - 1] if k else None, heading)
            ),
            _NO_VERB,
        )
        sent.verb_at.append(verb)

    # objects of prepositions, and mentions joined by "and" to the one before in the same clause
    seg_of = sent.seg_of = {k: n for n, seg in enumerate(segments) for k in seg}
    previous: _Mention | None = None
    for m in mentions:
        k = m.anchor - 1
        while k >= 0 and toks[k].low in _SKIP_BACK:
            k -= 1
        if k >= 0 and toks[k].low in PREPOSITIONS:
            m.prep = True
        elif (
            previous is not None
            and previous.last < k
            and toks[k].low in _COORDINATORS
            and seg_of.get(previous.last) == seg_of.get(m.first)
            and all(
                toks[j].low in _COORDINATORS or toks[j].low in _SKIP_BACK
                for j in range(previous.last + 1, m.anchor)
            )
        ):
            m.coordinated = True
            m.prep = previous.prep
        previous = m
    return sent


def _resolve(sent: _Sent, last_person: str | None) -> str | None:
    """Resolve "he"/"she" and find each clause's agents; return the person a later "he" means."""
    toks = sent.toks
    seg_of = sent.seg_of
    subject_person: str | None = None
    named: list[_Mention] = []  # people named so far in this sentence, not as objects
    for m in sent.mentions:
        clause = seg_of.get(m.first)
        subject = clause is not None and m.first < sent.verb_at[clause]
        reported = m.anchor > 0 and toks[m.anchor - 1].low in _REPORTING  # "..., said Sergey Lavrov"
        if not m.lexical:
            m.actor = named[-1].actor if named else last_person
        if m.person and not m.prep and not m.possessive and not m.in_quote and m.actor is not None:
            named.append(m)
            if (subject or reported) and subject_person is None:
                subject_person = m.actor
    for n, seg in enumerate(sent.segments):
        members = set(seg)
        agents: list[_Mention] = []
        for m in sent.mentions:
            if m.first not in members or m.in_quote or m.compound or m.prep or m.actor is None:
                continue
            if m.first >= sent.verb_at[n]:
                break
            if agents and not m.coordinated:
                break
            agents.append(m)
        sent.agents.append(agents)
        if agents and not sent.first_agents:
            sent.first_agents = agents
    return subject_person or last_person


# --- cues ---------------------------------------------------------------------------
class _Cue(NamedTuple):
    first: int
    last: int
    polarity: int


def _cues(sent: _Sent, seg: Sequence[int], lex: _Compiled) -> list[_Cue]:
    """The cues of one clause, after negation and contrast."""
    toks = sent.toks
    words = [k for k in seg if toks[k].word and k not in sent.name_tokens]
    found: list[_Cue] = []
    i = 0
    while i < len(words):
        size = 0
        for cue_words, polarity in lex.cues_at(toks[words[i]].low):
            n = len(cue_words)
            if i + n <= len(words) and all(
                _word_matches(p, toks[words[i + k]].low) and (k == 0 or words[i + k] == words[i + k - 1] + 1)
                for k, p in enumerate(cue_words)
            ):
                found.append(_Cue(words[i], words[i + n - 1], polarity))
                size = n
                break
        i += size or 1
    if not found:
        return found
    content = [
        k
        for k in seg
        if toks[k].word
        and (toks[k].low in lex.negations or (toks[k].low not in STOPWORDS and k not in sent.name_tokens))
    ]
    out: list[_Cue] = []
    previous: _Cue | None = None
    for cue in found:
        if cue.polarity == NEUTRAL:  # "early warning": a cue word that carries no attitude here
            continue
        before = [k for k in content if k < cue.first][-NEGATION_WINDOW:]
        negated = any(
            toks[k].low in lex.negations
            and (k + 1 >= len(toks) or toks[k + 1].low not in {"only", "just", "merely"})
            for k in before
        )
        polarity = cue.polarity
        if (
            polarity == COOPERATIVE
            and previous is not None
            and sum(1 for k in content if previous.last < k < cue.first) <= CONTRAST_WINDOW
        ):
            polarity = RELUCTANT  # "objections to further cooperation"
        elif negated:
            polarity = -polarity
        out.append(_Cue(cue.first, cue.last, polarity))
        previous = cue if cue.polarity == RELUCTANT and not negated else None
    return out


def _holder(sent: _Sent, cue: _Cue) -> list[str]:
    """An actor right next to the cue: "Russian opposition", "Moscow's grave concern", "concern in Moscow"."""
    toks = sent.toks
    named = [m for m in sent.mentions if m.lexical and m.actor is not None and not m.in_quote]
    ends = {m.last: m for m in named}
    k = cue.first - 1
    if k >= 1 and toks[k].word and toks[k].text.islower() and toks[k - 1].low in _POSSESSIVE:
        k -= 1  # one adjective after a possessive
    if k >= 1 and toks[k].low in _POSSESSIVE and k - 1 in ends:
        return _with_compound(sent, ends[k - 1])
    if k == cue.first - 1 and k in ends and not (ends[k].coordinated and ends[k].prep):
        return _with_compound(sent, ends[k])
    k = cue.last + 1
    attitude = cue.first == cue.last and toks[cue.first].low in _ATTITUDES
    if k < len(toks) and (toks[k].low in _HOLDER_PREPOSITIONS or (attitude and toks[k].low == "in")):
        k += 1
        while k < len(toks) and toks[k].low in _SKIP_BACK:
            k += 1
        starts = {m.anchor: m for m in named}
        if k in starts:
            return _with_compound(sent, starts[k])
    return []


def _with_compound(sent: _Sent, mention: _Mention) -> list[str]:
    """The actor of ``mention``, and of the other half of a compound ("NATO-Russia cooperation")."""
    actors = [mention.actor] if mention.actor else []
    if mention.compound:
        for other in sent.mentions:
            if (
                other is not mention
                and other.compound
                and other.actor
                and abs(other.first - mention.last) <= 2
            ):
                actors.append(other.actor)
    return list(dict.fromkeys(actors))


# --- quotations -----------------------------------------------------------------------
def _speaker_actor(name: str, lex: _Compiled, names: _Names) -> str | None:
    """The actor of a speaker's name ("Medvedev" → Russia), or None for someone who is not one."""
    words = name.split()
    for candidate in dict.fromkeys((name, words[-1] if words else name)):
        if candidate in names.actor_of:
            return names.actor_of[candidate]
        parts = _split_alias(candidate)
        for alias in lex.aliases.get(parts[0].lower() if parts else "", ()):
            if alias.parts == parts or (alias.insensitive and tuple(p.lower() for p in parts) == alias.parts):
                return alias.actor
    return None


def _speakers(sents: Sequence[_Sent], lex: _Compiled, names: _Names) -> dict[tuple[int, int], str | None]:
    """(sentence number, quotation number) → the speaker's actor (None: no actor), for attributed quotations.

    The quotation finder's speaker when it is an actor; else a person (or
    "he"/"she") beside the quotation outside it, else any actor there; else the
    speaker of the nearest attributed quotation of the same paragraph (a quote
    running over several sentences); else, when the finder named a speaker who
    is no actor, None.  Quotations left out are unattributed.
    """
    out: dict[tuple[int, int], str | None] = {}
    unknown: set[tuple[int, int]] = set()
    for n, sent in enumerate(sents):
        for q, (_lo, _hi, speaker) in enumerate(sent.quotes):
            if q in sent.fixed:
                out[(n, q)] = sent.fixed[q]
                continue
            actor = _speaker_actor(speaker, lex, names) if speaker else None
            if actor is not None:
                out[(n, q)] = actor
                continue
            inside = [k for k, x in enumerate(sent.quote) if x == q]
            if not inside:
                continue
            outside = [
                m for m in sent.mentions if not m.in_quote and not m.prep and not m.compound and m.actor
            ]
            after = [m for m in outside if m.first > inside[-1]]
            before = [m for m in outside if m.last < inside[0]][::-1]
            choice = (
                next((m for m in after if m.person), None)
                or next((m for m in before if m.person), None)
                or next(iter(after), None)
                or next(iter(before), None)
            )
            if choice is not None:
                out[(n, q)] = choice.actor
            elif speaker:
                unknown.add((n, q))  # said by someone who is no actor
    known = sorted(out)
    for n, sent in enumerate(sents):
        for q in range(len(sent.quotes)):
            if (n, q) in out:
                continue
            near = [k for k in known if sents[k[0]].sentence.paragraph == sent.sentence.paragraph]
            if near:
                out[(n, q)] = out[min(near, key=lambda k: (abs(k[0] - n), k[0] < n))]
            elif (n, q) in unknown:
                out[(n, q)] = None
    return out


# --- the analysis --------------------------------------------------------------------
@dataclass(slots=True)
class _Tally:
    cooperative: int = 0
    reluctant: int = 0
    by_sentence: dict[str, list[int]] = field(default_factory=dict)  # sentence id → [coop, reluctant, index]

    def add(self, sentence: Sentence, polarity: int) -> None:
        row = self.by_sentence.setdefault(sentence.id, [0, 0, sentence.index])
        if polarity > 0:
            self.cooperative += 1
            row[0] += 1
        else:
            self.reluctant += 1
            row[1] += 1


def _default_quotes() -> QuoteFinder:
    from compare.analyze.quotes import quotes_by_sentence

    return quotes_by_sentence


def _learn_names(
    articles: Sequence[Article], matches: Mapping[str, list[tuple[int, int, str, str]]]
) -> _Names:
    """People, organisations and person-aliases from the name runs of all body sentences."""
    names = _Names()
    sentences = [s for a in articles for s in a.sentences]
    for s in sentences:
        names.lower_words.update(t.text for t in _tokens(s.text) if t.word and t.text.islower())
    for s in sentences:
        if s.role == "body":
            toks = _tokens(s.text)
            for run in _runs(toks):
                _read_names(run, matches[s.id], names)
                if len(run.words) == 1:  # "Akin said", "said Akin"
                    before = toks[run.first - 1].low if run.first else ""
                    after = toks[run.last + 1].low if run.last + 1 < len(toks) else ""
                    if before in _REPORTING or after in _REPORTING:
                        names.reported.add(run.words[0].text)
    names.finish()
    return names


def frame(
    articles: Sequence[Article],
    lexicon: Lexicon,
    settings: Settings,
    *,
    quotes: QuoteFinder | None = None,
) -> tuple[Stance, ...]:
    """How each article frames each main actor: one :class:`Stance` per (actor, article) naming it.

    Actors come in order of mentions across all articles (then name), articles
    in input order.  ``quotes`` finds an article's quotations (default:
    :func:`compare.analyze.quotes.quotes_by_sentence`).
    """
    lex = _compile(lexicon)
    find_quotes = quotes or _default_quotes()
    matches = {s.id: _alias_matches(_tokens(s.text), lex) for a in articles for s in a.sentences}
    names = _learn_names(articles, matches)
    mentions: Counter[str] = Counter()
    named_in: dict[str, set[str]] = defaultdict(set)
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    for article in articles:
        by_sentence = find_quotes(article)
        sents = [_analyse(s, matches[s.id], names, by_sentence.get(s.id, ())) for s in article.sentences]
        last_person: str | None = None
        for sent in sents:
            last_person = _resolve(sent, last_person)
            for m in sent.mentions:
                if m.lexical and m.actor is not None:
                    mentions[m.actor] += 1
                    named_in[m.actor].add(article.id)
        speakers = _speakers(sents, lex, names)
        for n, sent in enumerate(sents):
            for seg_n, seg in enumerate(sent.segments):
                quote = sent.quote[seg[0]]
                for cue in _cues(sent, seg, lex):
                    if quote >= 0 and (n, quote) in speakers:
                        speaker = speakers[(n, quote)]
                        holders = [speaker] if speaker else []  # a speaker who is no actor: nobody's cue
                    else:
                        holders = _holder(sent, cue) if quote < 0 else []
                        if not holders:
                            agents = sent.agents[seg_n] if quote < 0 else []
                            holders = [m.actor for m in agents or sent.first_agents if m.actor]
                    for actor in dict.fromkeys(holders):
                        tallies[(actor, article.id)].add(sent.sentence, cue.polarity)

    ranked = sorted((a for a in mentions if len(named_in[a]) >= 2), key=lambda a: (-mentions[a], a))
    out: list[Stance] = []
    for actor in ranked[: settings.max_actors]:
        for article in articles:
            tally = tallies.get((actor, article.id))
            if article.id in named_in[actor] or tally is not None:
                out.append(_stance(actor, article.id, tally or _Tally(), settings))
    return tuple(out)


def _stance(actor: str, article_id: str, tally: _Tally, settings: Settings) -> Stance:
    c, r = tally.cooperative, tally.reluctant
    score = (c - r) / (c + r) if c + r else 0.0
    label: Label
    if not c + r:
        label = "neutral"
    elif score >= settings.stance_margin:
        label = "cooperative"
    elif score <= -settings.stance_margin:
        label = "reluctant"
    else:
        label = "mixed"
    sign = {"cooperative": 1, "reluctant": -1}.get(label, 0)

    def strength(item: tuple[str, list[int]]) -> tuple[int, int, int]:
        coop, rel, index = item[1]
        return (-sign * (coop - rel), -(coop + rel), index)

    # The evidence supports the label: a "cooperative" actor's evidence holds no sentence whose cues
    # say "reluctant" on balance (and the other way round); "mixed" shows both.
    supporting = [item for item in tally.by_sentence.items() if sign * (item[1][0] - item[1][1]) >= 0]
    evidence = tuple(sid for sid, _ in sorted(supporting, key=strength)[:MAX_EVIDENCE])
    return Stance(actor, article_id, label, round(score, 3), evidence, c, r)


def main_actors(articles: Sequence[Article], lexicon: Lexicon, settings: Settings) -> tuple[str, ...]:
    """The main actors :func:`frame` reports on, most mentioned first."""
    return tuple(dict.fromkeys(s.actor for s in frame(articles, lexicon, settings)))


__all__ = ["QuoteFinder", "QuoteLike", "frame", "main_actors"]
