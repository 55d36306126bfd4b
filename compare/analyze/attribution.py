"""Who a sentence says its facts come from, wherever it says so, and when two versions disagree.

A source is found in every common place:

* opening: "Police said the man was armed"; "A State Department official told reporters ..."
* closing: "..., police said."; "..., said a spokesman for the ministry."
* "according to X": "..., according to Reuters."
* "X told Y": the teller is the source ("Smith told CNN").

Quoted words are not searched.  Pronouns ("he said") are not sources here: resolving
them needs the article (see :mod:`compare.analyze.quotes`).  Two versions of one fact
attribute it differently (:func:`attribution_conflict`) when both name a source, and no
source of one is compatible with a source of the other: two named sources with no name
in common ("Reuters" / "AP", "Thompson" / "Etheridge"), or two unnamed kinds of source
("police" / "witnesses", "a State Department official" / "a Pentagon official").  A name
against a role ("Trump" / "the president", "Smith" / "police") is not flagged: the named
person may hold the role.  Neither version may mention the other's source anywhere: then
it is one report told in more words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from compare.analyze.shared import blank_quotations

VERBS = (
    "said|says|say|told|tells|added|adds|reported|reports|stated|wrote|writes|announced|claimed|claims|"
    "noted|explained|warned|insisted|testified|estimated|tweeted|posted"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,;:.!?()“”\"]{2,80})", re.IGNORECASE)
_INVERTED = re.compile(rf"(?:^|[,;—–])\s*(?:{VERBS})\s+(?P<src>[^,;:.!?()“”\"]{{2,80}})\s*[.!?]?\s*$", re.IGNORECASE)
_VERB = re.compile(rf"\s(?:{VERBS})\b")
_VERB_WORDS = frozenset(VERBS.split("|"))
_PHRASE_START = re.compile(r"[,;:!?()“”\"—–]")
_CUT = re.compile(r"\b(?:that|and|but|while|who|which|after|before|when|as|because|if|on|in|at|last|this)\s", re.IGNORECASE)
_CLAUSE = re.compile(r"\b(?:that|and|but|while|who|which|after|before|when|because|if)\s", re.IGNORECASE)
_PRONOUNS = frozenset("he she they it we i you who this that which one there here".split())
# Words that end a subject before its verb without being part of it: "The source also said", "Mashable has reported".
_BEFORE_VERB = frozenset("also has have had will would could may might did does do later then earlier again recently".split())
# Words that may open a sentence before its subject: "Later he told The Sun" names no source.
_LEADING = _BEFORE_VERB | frozenset("meanwhile now still so and but yet however first finally".split())
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.IGNORECASE)
_DETERMINERS = frozenset("a an the its his her their our one two three several some many other another".split())
_TITLES = frozenset(
    "mr mrs ms dr sen senator rep representative gov governor president vice secretary minister prime "
    "gen general chief director chairman chairwoman mayor judge justice ambassador spokesman spokeswoman "
    "spokesperson lt col sgt officer former acting deputy".split()
)
# Kinds of unnamed source; their own words, not names, even when capitalised at a sentence start.
ROLES = frozenset(
    """police officers officer officials official witnesses witness residents resident authorities
    investigators prosecutors doctors sources source spokesman spokeswoman spokesperson aides aide
    analysts experts lawyers lawyer attorney attorneys diplomats diplomat firefighters paramedics
    rescuers survivors neighbors neighbours relatives family officers troops soldiers military army
    government ministry report reports statement survey study data figures researchers scientists
    organizers organisers activists protesters protestors observers critics supporters opponents
    lawmakers legislators senators republicans democrats administration company executives""".split()
)
# A source's words that say it is relayed by whoever names it: "an NBC source said" in a version,
# "the Post claims" in another, is one chain (see ``_relayed``); and the words of a report that relays.
RELAYING = frozenset("source sources".split())
REPORTS = frozenset(
    """report reports article story newspaper paper outlet media journal post times time news daily mail
    herald tribune telegraph guardian mirror sun express magazine reuters ap afp bloomberg cnn bbc nbc cbs abc
    fox msnbc tv radio""".split()
)
# Words of a role that say nothing about whose: "a State Department official" and "a Pentagon official".
GENERIC = frozenset(
    "official officials spokesman spokeswoman spokesperson source sources aide aides representative "
    "member members person people senior top local".split()
)


@dataclass(frozen=True, slots=True)
class Source:
    """A source as written ("a State Department official") and its words, lower case."""

    text: str
    words: frozenset[str]
    named: bool  # a proper name is in it ("Reuters", "State Department"), not only a role or a description


# A noun phrase neither opens with these ("In a video", "reportedly quoted the film", "There are
# conflicting") nor holds a verb ("UK hostages has been named in") nor stops on a word that needs
# more ("sought to downplay the", "walked into a clinic and"): such a phrase is no source.
_NOT_OPENING = frozenset("in on at with from by for after before during into over under there about".split())
_AUXILIARIES = frozenset("has have had is are was were been being".split())
_NOT_CLOSING = frozenset("the a an and or but in on at to of with by for from into".split())


def _noun_phrase(words: Sequence[str]) -> bool:
    """``words`` can be a source's noun phrase (see ``_NOT_OPENING``)."""
    low = [w.strip(".,'’").lower() for w in words]
    first = low[0]
    verb_like = words[0].islower() and len(first) > 4 and first.endswith(("ly", "ing", "ed"))
    if first in _NOT_OPENING or first in _VERB_WORDS or verb_like:
        return False
    return not (set(low) & _AUXILIARIES) and low[-1] not in _NOT_CLOSING


def _source(phrase: str, at_start: bool) -> Source | None:
    phrase = phrase.strip(" '’\"“”")
    cut = _CUT.search(" " + phrase[1:] if phrase else "")
    if cut and cut.start() > 0:
        phrase = phrase[: cut.start()].rstrip()
    words = phrase.split()
    while words and (words[-1].lower() in _BEFORE_VERB or (words[-1].endswith("ly") and words[-1].islower())):
        words.pop()
    if not words or len(words) > 8 or not _noun_phrase(words):
        return None
    lead = next((w for w in words if w.lower().strip(".,") not in _LEADING), words[-1])  # "Later he told": he
    first = re.split(r"['’]", lead.lower().strip(".,"))[0]
    if first in _PRONOUNS or (len(words) == 1 and first in _DETERMINERS):
        return None
    if any(w[0].isdigit() for w in words):
        return None
    kept = [w.strip(".,'’").lower() for w in words]
    kept = [w for w in kept if w and w not in _DETERMINERS and w not in ("of", "for", "in")]
    titles = [w for w in kept if w in _TITLES]
    kept = [w for w in kept if w not in _TITLES]
    if not kept:
        # A title alone is a role: "the president said", "the senator said".
        return Source(" ".join(words), frozenset(titles), False) if titles and len(words) <= 3 else None
    head_is_role = words[-1].strip(".,").lower() in ROLES or words[-1].strip(".,").lower() in _TITLES
    # A description (a common noun at its head that is no role, after "the" or in the plural) names no
    # one, however its words before are written: "the Marine Corps veteran" may be the Hunter another
    # version names, "Tea Party groups" Poulter ("a State Department official", "Israeli officials" are kinds).
    head = words[-1].strip(".,'’")
    described = head.isalpha() and head.islower() and head not in ROLES and head not in REPORTS
    described = described and (words[0].lower() == "the" or head.endswith("s"))
    capitalised = any(
        w[0].isupper() and w.strip(".,").lower() not in ROLES and w.strip(".,").lower() not in _TITLES
        # a capital opening the sentence is a name only when no role follows ("Reuters", not "Hospital officials")
        and not (at_start and i == 0 and (head_is_role or w.lower() in _DETERMINERS))
        for i, w in enumerate(words)
    )
    # A lower-case phrase that names no role is a clause, not a source ("the plan was dead", "it would").
    has_title = any(w.strip(".,").lower() in _TITLES for w in words)
    if not capitalised and not has_title and not any(w.rstrip("s") in ROLES or w in ROLES for w in kept):
        return None
    named = capitalised and not described
    return Source(" ".join(words), frozenset(kept), named)


def find_sources(text: str) -> list[Source]:
    """The sources a sentence names, in the order found (see the module's docstring)."""
    plain = blank_quotations(text)
    found: list[Source] = []
    for m in _ACCORDING.finditer(plain):
        source = _source(m.group("src"), False)
        if source:
            found.append(source)
    inverted = _INVERTED.search(plain)
    if inverted:
        source = _source(inverted.group("src"), False)
        if source:
            found.append(source)
    for m in _VERB.finditer(plain):
        # The noun phrase just before the verb: after the last punctuation and clause boundary.
        window = plain[max(0, m.start() - 80) : m.start()]
        if _PASSIVE.search(window):
            continue  # "ISIS is reported to have", "he was told": the subject is no source
        cuts = [p.end() for p in _PHRASE_START.finditer(window)]
        cut = cuts[-1] if cuts else 0
        phrase = window[cut:].strip()
        if not phrase and len(cuts) >= 2 and window[cuts[-1] - 1] == ",":  # "the newspaper, al Sabaah, said"
            cut = cuts[-2]
            phrase = window[cut : cuts[-1] - 1].strip()
            named = window[: cuts[-2] - 1].split()[-1:]  # "The Syrian Observatory, a UK-based group, said"
            if named and named[0][:1].isupper() and window[cuts[-2] - 1] == ",":
                cut = max((p.end() for p in _PHRASE_START.finditer(window, 0, cuts[-2] - 1)), default=0)
                phrase = window[cut : cuts[-2] - 1].strip()
            elif len(phrase.split()) > 4:
                continue  # a clause between commas, not a name
        if len(phrase) < 2:
            continue
        words = phrase.split()[-7:]
        clause = " ".join(words)
        boundary = list(_CLAUSE.finditer(clause))
        if boundary:
            clause = clause[boundary[-1].end() :]
        at_start = plain[: m.start() - len(window) + cut].strip(" “\"") == "" and len(phrase.split()) <= 7
        source = _source(clause, at_start)
        if source:
            found.append(source)
    unique: dict[frozenset[str], Source] = {}
    for source in found:
        unique.setdefault(source.words, source)
    return list(unique.values())


SPELLING = 0.65  # the default of DifferenceSettings.source_spelling


def _initials(short: Source, long: Source) -> bool:
    """``short`` is one word in capitals that spells the initials of ``long``'s capitalised words:
    "THR" / "The Hollywood Reporter", "AP" / "Associated Press"."""
    word = short.text.strip(" .").removeprefix("the ").removeprefix("The ")
    if not (word.isupper() and word.isalpha() and len(word) >= 2 and " " not in word):
        return False
    capitals = [w[0] for w in long.text.split() if w[:1].isupper()]
    return word in ("".join(capitals), "".join(capitals[1:]))


def compatible(x: Source, y: Source, spelling: float = SPELLING) -> bool:
    """Both may be the same source: one's words hold the other's, they
    share a word that is not generic, one of them says nothing of whose it is ("the source", "the
    official"), one is a name and the other a role, or two names are one spelt two ways ("Mashnuq"
    / "Machnouk": a word of each alike to ``spelling``, as difflib's ratio)."""
    xs, ys = x.words, y.words
    if xs <= ys or ys <= xs or not xs - GENERIC or not ys - GENERIC:
        return True
    if (xs & ys) - GENERIC:
        return True
    if x.named != y.named or _initials(x, y) or _initials(y, x):
        return True
    return x.named and any(
        SequenceMatcher(None, a, b).ratio() >= spelling and a[0] == b[0] for a in xs - GENERIC for b in ys - GENERIC
    )


def attribution_conflict(
    a: Sequence[Source], b: Sequence[Source], text_a: str, text_b: str, spelling: float = SPELLING
) -> tuple[Source, Source] | None:
    """The two sources, when two versions of one fact name sources that cannot be the same
    (``spelling``: see :func:`compatible`)."""
    if not a or not b:
        return None
    if any(compatible(x, y, spelling) or _relayed(x, y) or _relayed(y, x) for x in a for y in b):
        return None
    low_a, low_b = text_a.lower(), text_b.lower()
    for x in a:
        if _mentioned(x, low_b):
            return None
    for y in b:
        if _mentioned(y, low_a):
            return None
    return a[0], b[0]


def _relayed(x: Source, y: Source) -> bool:
    """``x`` is unnamed or someone's sources (``RELAYING``: "an NBC source", "the WSJ's sources",
    "sources familiar with their plans") and ``y`` a publication or a report that may relay them
    ("the Post claims", "The report says", "according to Time": a word of ``REPORTS``), not a party
    ("an al Shabab source" against "the Pentagon announced" are two sources): one chain of telling."""
    relaying = any(re.split(r"['’]", w)[0] in RELAYING for w in x.words)
    return relaying and bool(y.words & REPORTS) and not y.words & RELAYING


def _mentioned(source: Source, text: str) -> bool:
    """The source's distinguishing words are all in ``text`` (lower case); a name's last word is enough."""
    words = [w for w in source.words if w not in GENERIC] or list(source.words)
    last = source.text.split()[-1].strip(".,'’")
    if source.named and last[:1].isupper() and last.lower() in words:  # by its last name: "Sen. Lindsey Graham" / "Graham"
        words = [last.lower()]
    return all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
