"""What a number counts, as a reader finds it (for :mod:`compare.analyze.quantities`).

The thing counted is the noun after the number within its clause ("injured 80 people"), read no
further than its clause's end ("injured 80, officials said" counts no officials); with no noun
there, the verb the number attaches to ("injured 80" counts the injured, "80 were hurt" the hurt).
"others" alone is no noun: "wounding 70 others" counts the wounded, the casualties besides the
dead, and is no rest of a whole; "the other 27 member states" and "Smith and 27 others" are the
rest of a whole (:attr:`~compare.analyze.quantities.Quantity.rest`).  Words that count one thing
in other words ("wounded", "injured", "hurt"; "killed", "dead", "died") are one token
(:func:`count_token`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.similarity import normalise_word

# A word of a quantity's neighbourhood as a reader sees it (what it counts, its owner).
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
# Where a clause ends: the words after a number are read to here.
# A comma before three digits ("120, 000 people") writes a thousand, no clause's end.
CLAUSE_END = re.compile(r",(?!\s?\d{3}\b)|[;:()\[\]—–!?\"“”]|(?<![A-Z])\.(?=\s|$)|\s-\s")
# One count told in other words: each stem's token, read as its class's first.
_SAME_COUNT = {
    stem: words[0]
    for words in (("injur", "injuri", "wound", "hurt"), ("kill", "dead", "die", "death", "slain", "fatal"))
    for stem in words
}
# Verbs that count without "-ed" or "-ing" ("hurt 80", "shot 12", "80 were hurt").
_IRREGULAR = frozenset(
    "hurt shot hit held caught slain left lost took sent won stole stolen found fought struck bought sold "
    "brought led fled freed cut met paid spent built made gave got saw drew kills kill".split()
)
# "-ing" words that are no verb of counting ("during 10 days", "including 3 children").
_NOT_VERBS = frozenset(
    "during including excluding according following regarding concerning pending notwithstanding".split()
)
_AUXILIARIES = frozenset("were was are is be been being have has had".split())
# Words between a verb and its count: "wounding other 70", "killed the other 27".
_BETWEEN = frozenset("other the another".split())
_OF = frozenset("the these those its their his her our your all".split())
_WORDS_READ = 3
_MORE = frozenset("more fewer less".split())
_CONJUNCTIONS = frozenset("and but or as when while after before because since until if who which that".split())
# Verbs that tell a count, not what was done to those counted: "reported 12 deaths" is a count of deaths.
_TELLING = frozenset(
    "reported confirmed estimated counted recorded registered listed numbered totalled totaled totaling "
    "totalling including reaching reached raising raised bringing brought putting rising rose climbing climbed".split()
)

# A count of one's children told by the relation: "a mother of 12", "Mother of 13 Zurana Horton", "father
# of three" count children (grandchildren) where no noun or only a name follows; a noun after it is what
# is counted ("mother of two sons", "the mother of two victims").
_PARENTS = {
    **dict.fromkeys("mother father parent mom mum dad mothers fathers parents".split(), "children"),
    **dict.fromkeys("grandmother grandfather grandparent grandmothers grandfathers grandparents".split(), "grandchildren"),
}


def count_token(word: str) -> str | None:
    """A word's content token, one for the words of one count ("wounded", "injured", "hurt")."""
    token = normalise_word(word)
    return _SAME_COUNT.get(token, token) if token else None


@dataclass(frozen=True, slots=True)
class Counted:
    """What a number counts: the word the reader sees ("people", "injured"), the tokens of its
    noun or verb, the clause's words after it, and whether "other" makes it the rest of a whole."""

    word: str
    head: tuple[str, ...]
    after: tuple[str, ...]  # the words after it, to its clause's end (three at most)
    other: bool  # "other"/"others" is written with it
    verb: bool  # no noun: the verb it attaches to counts
    act: str = ""  # the token of the verb the count goes with ("killed 12 people", "12 people were arrested"); "" when none


def _verb(word: str) -> bool:
    low = word.lower()
    if low in _NOT_VERBS or not low.isalpha():
        return False
    return (len(low) > 4 and low.endswith(("ed", "ing"))) or low in _IRREGULAR or normalise_word(low) in _SAME_COUNT


def counted(text: str, start: int, end: int, verbs: bool = True) -> Counted:
    """What the quantity written from ``start`` (its bound word, if any) to ``end`` counts; with no noun,
    the verb it attaches to when ``verbs`` (a count), else the first word of its clause after it ("$23,000
    in gold"); "13 more than" counts a margin."""
    stop = CLAUSE_END.search(text, end, end + 50)
    after = WORD.findall(text, end, stop.start() if stop else min(len(text), end + 50))
    window = text[max(0, start - 40) : start]
    breaks = [m.end() for m in CLAUSE_END.finditer(window)]
    before = WORD.findall(window[breaks[-1] if breaks else 0 :])  # to its clause's start
    other = bool(before) and before[-1].lower() == "other"
    k = 0
    if after[:1] and after[0].lower() == "of":
        k = 1 + next((i for i, w in enumerate(after[1:]) if w.lower() not in _OF), len(after) - 1)
    if after[k : k + 1] and after[k].lower() == "other":
        other, k = True, k + 1
    if after[k : k + 2] and after[k].lower() in _MORE and after[k + 1 :][:1] == ["than"]:
        return Counted(after[k], ("more",), tuple(after[:_WORDS_READ]), False, False)  # a margin, no count
    noun: list[str] = []
    for word in after[k : k + _WORDS_READ]:
        if normalise_word(word) is None:
            break
        k += 1
        if not word[0].isdigit():  # "seven AK-47 assault rifles"
            noun.append(word)
    others = bool(noun) and noun[0].lower() == "others"
    if others:
        other, noun = True, noun[1:]
    parent = _PARENTS.get(before[-2].lower(), "") if len(before) >= 2 and before[-1].lower() == "of" else ""
    if parent and (not noun or noun[0][:1].isupper()):
        return Counted(parent, _tokens([parent]), tuple(after[:_WORDS_READ]), False, False)  # "Mother of 13 Zurana Horton"
    while before and before[-1].lower() in _BETWEEN:
        before.pop()
    verb_before = before[-1] if before and _verb(before[-1]) else ""
    if noun:  # and the verb it is the subject of: "200 people were arrested" / "dozens of arrests"
        verb = _verb_after(after[k:])
        verb = verb or next((w for w in noun[1:] if _verb(w)), "")  # "people died"
        act = _act(verb or verb_before) if verbs else ""
        return Counted(noun[0], _tokens([*noun, verb] if verb and verb not in noun else noun), tuple(after[:_WORDS_READ]), other, False, act)
    if not verbs:
        return _clause_after(after, other)  # "$23,000 in gold", "201 yards on 29 catches"
    verb = verb_before or _verb_after(after[k:], auxiliary=True)
    if verb:
        return Counted(verb, _tokens([verb]), tuple(after[:_WORDS_READ]), False, True, _act(verb))
    if others:
        return Counted("others", ("other",), tuple(after[:_WORDS_READ]), other, False)
    return _clause_after(after, other)


def _act(verb: str) -> str:
    """The token of what was done to those counted ("killed", "died": one act; "arrested"), none for a
    verb that only tells the count ("reported 12 deaths")."""
    return "" if not verb or verb.lower() in _TELLING else count_token(verb) or ""


def _verb_after(words: list[str], auxiliary: bool = False) -> str:
    """The verb (after an auxiliary, when ``auxiliary``) that ``words`` open: "were arrested", "died"."""
    rest = words
    while rest and rest[0].lower() in _AUXILIARIES:
        rest = rest[1:]
    return rest[0] if rest and (rest != words or not auxiliary) and _verb(rest[0]) else ""


def _clause_after(after: list[str], other: bool) -> Counted:
    """With no noun nor verb, the content words of its clause after it tell what it counts or measures
    ("2 yards a carry" / "201 yards on 29 catches"), to a word that opens another clause ("minus 20 as
    firefighters battled the blaze")."""
    cut = next((i for i, w in enumerate(after) if w.lower() in _CONJUNCTIONS), len(after))
    words = [w for w in after[: min(cut, _WORDS_READ)] if not w[0].isdigit() and normalise_word(w) is not None]
    return Counted(words[0] if words else "", _tokens(words), tuple(after[:_WORDS_READ]), other, False)


def _tokens(words: list[str]) -> tuple[str, ...]:
    return tuple(t for t in (count_token(w) for w in words) if t)
