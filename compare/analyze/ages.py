"""Whose age a number is, and whether it is an age at all (for :mod:`compare.analyze.quantities`):
"Michael Brown, 18, was shot", "an 18-year-old teacher", "aged 18", "Tomas Lind, who is 46 years old"."""

from __future__ import annotations

import re

from compare.analyze.counted import WORD
from compare.segment import SENTENCE_STARTERS
from compare.similarity import ATTRIBUTION, normalise_word, word_prior
from compare.text import CALENDAR_NAMES

NAME_ZIPF = 5.0  # the default of DifferenceSettings.name_zipf


# Whose age it is: the word after "-year-old" ("a 26-year-old teacher"; not a verb: "the 26-year-old
# told police") and the name that follows it ("46-year-old carpenter Tomas Lind", "the 23-year-old man,
# named as Daniel Reyes"), or the words before "aged" or before the comma ("Lucita Sandoval, 26,"), or
# the name it is said of ("Tomas Lind, a 46-year-old carpenter", "Tomas Lind, who is 46 years old").
_AGE_WORDS = re.compile(r"[-\s]years?[-\s]old\b")  # "-year-old", "-year old", " year-old", " years old"
_YEAR_OLD_WORD = re.compile(r"[-\s]year[-\s]old\s+([A-Za-z][\w'’-]*)")
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*"
# "a 46-year-old man, Tomas Lind, was" or "..., Tomas Lind was held"; not "..., Tomas Lind said", "..., CNN reports".
_REPORTS = frozenset("reports reported report claimed claims stated states confirmed announced police officials".split())
_SPEECH = rf"(?:{'|'.join(sorted(ATTRIBUTION | _REPORTS, key=len, reverse=True))})\b"
_NAMED_AFTER = re.compile(
    rf"(?:\s+|,?\s+(?:who\s+was\s+)?(?:named|identified)(?:\s+by\s+police)?\s+as\s+)({_NAME})"
    rf"|,\s+({_NAME})(?=\s*(?:[,;)]|$)|\s+(?!{_SPEECH})[a-z])"
)
_AGE_OWNER = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,2}[\w'’.-]+),?\s+(?:aged\s+)?$")
# "Tomas Lind, a 46-year-old", "Tomas Lind is the 46-year-old", "Tomas Lind, who is 46 years old",
# "The suspect is the 23-year-old": the name (or noun) whose age the number is, before the number.
_SAID_OF = re.compile(
    rf"\b(?:({_NAME})(?:,\s+(?:who\s+(?:is|was)\s+)?|,?\s+(?:is|was)\s+)|(?<![\w'’])([a-z]+)\s+(?:is|was)\s+)(?:(?:the|a|an)\s+)?$"
)
# Not a name but where or when: "In London, a 26-year-old", "On Tuesday, a 46-year-old".
_PLACE_OR_TIME = re.compile(r"\b(?:in|on|at|after|before|since|by|from|for|near|of|to|last|when)\s+$", re.IGNORECASE)


def _opening_word(text: str, name: re.Match[str], name_zipf: float) -> bool:
    """Whether the name an age is said of is a word that opens sentences, alone and first ("Meanwhile, a
    23-year-old", :data:`~compare.segment.SENTENCE_STARTERS`; "Separately, a": a common "-ly" word)."""
    word, lower = name.group(1), name.group(1).lower()
    if " " in word or text[: name.start()].strip(" \"“‘'("):
        return False
    return lower in SENTENCE_STARTERS or (lower.endswith("ly") and word_prior().get(normalise_word(word) or "", 0.0) >= name_zipf)


def whose_age(text: str, start: int, end: int, name_zipf: float = NAME_ZIPF) -> tuple[str, ...]:
    """The content tokens naming whose age the number at ``start``..``end`` is, or none when the
    sentence does not say it next to the number."""
    said_of = _SAID_OF.search(text, max(0, start - 50), start)
    if said_of and said_of.group(1) and (
        _PLACE_OR_TIME.search(text, max(0, said_of.start() - 8), said_of.start()) or _opening_word(text, said_of, name_zipf)
    ):
        said_of = None
    words = WORD.findall(said_of.group(1) or said_of.group(2)) if said_of else []
    after = _YEAR_OLD_WORD.match(text, end)
    if after:
        word = after.group(1)
        verb = word.lower().endswith(("ed", "ly")) or word.lower() in ("told", "said", "says", "tells", "wrote", "went", "had")
        named = _NAMED_AFTER.match(text, after.end() if word[0].islower() else after.start(1) - 1, len(text))
        told = ([] if verb else [word]) + (WORD.findall(named.group(1) or named.group(2)) if named and not verb else [])
        words += told[: next((k for k, w in enumerate(told) if w in CALENDAR_NAMES), None)]  # "a 23-year-old man Tuesday"
    elif not _AGE_WORDS.match(text, end):  # "he is 26 years old": only a name said of it counts
        owner = _AGE_OWNER.search(text, max(0, start - 40), start)
        words = WORD.findall(owner.group(1)) if owner else []
    return tuple(dict.fromkeys(t for t in (normalise_word(w) for w in words) if t and not t[0].isdigit()))


# A person's age: "Michael Brown, 18, was shot", "an 18-year-old", "aged 18", "18 years old".
_AGE_NAME = re.compile(r"[A-Z][\w'’.-]*,\s*$")
_AGE_AFTER_NAME = re.compile(r"\s*,")
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)


def is_age(m: re.Match[str], text: str) -> bool:
    """Whether the number found by ``m`` is someone's age (its own kind: never a count of anything)."""
    digits = m.group("digits")
    if not digits or not digits.isdigit() or len(digits) > 3:
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    if _AGE_WORDS.match(text, m.end()) or _AGED.search(before):
        return True
    return bool(_AGE_NAME.search(before)) and bool(_AGE_AFTER_NAME.match(text, m.end()))
