"""What a whole story's sentences say about its capitalised words, read before the name runs
(:func:`.names.learn_names`): the written-out names of its acronyms, and sentence openers that
are verbs, not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from compare.analyze.framing.tokens import tokens
from compare.analyze.framing.words import VERBS
from compare.models import Sentence

_CAPITALISED_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:(?:\s+(?:of|for|the|and|on|in))*\s+[A-Z][\w'’-]*)+")

VERB_ENDING = "ing"
MIN_VERB_OPENER = 6
"""A sentence opener ending in ``VERB_ENDING`` and at least this long ("Choosing", "Hosting")
may be a verb, not a name (:func:`verb_openers`); "King", "Ming" and "Bing" are shorter."""


def long_forms(sentences: Sequence[Sentence], acronyms: set[str]) -> dict[str, str]:
    """The written-out names of the story's acronyms, by their capitals: "National Association for
    the Advancement of Colored People" → "NAACP", "Federal Bureau of Investigation" → "FBI"."""
    out: dict[str, str] = {}
    if not acronyms:
        return out
    longest, firsts = max(len(a) for a in acronyms), {a[0] for a in acronyms}
    for s in sentences:
        for match in _CAPITALISED_PHRASE.finditer(s.text):
            words = match.group().split()
            capitals = [n for n, w in enumerate(words) if w[0].isupper()]
            for i, first in enumerate(capitals):
                initials = words[first][0]  # an acronym has at most `longest` capitals, the first one of `firsts`
                for last in capitals[i + 1 : i + longest] if initials in firsts else ():
                    initials += words[last][0]
                    if initials in acronyms:
                        out.setdefault(" ".join(words[first : last + 1]), initials)
    return out


def verb_openers(sentences: Sequence[Sentence]) -> Iterator[str]:
    """Sentence openers that are a verb's -ing form, not a name ("Choosing DeGeneres, known for
    ...", "Hosting the Oscars is ..."), in lower case: a capitalised word ending in "-ing" that
    opens a sentence, that no body sentence writes capitalised anywhere else, and that no sentence
    writes as a subject ("Boeing said", "Boeing shares fell", "Manning completed 29 passes",
    "Boeing's"): a name ending so ("Channing Tatum", "Sterling Brown") is written capitalised
    inside some sentence of the story too, or is followed by its verb where it opens one."""
    openers: set[str] = set()
    inside: set[str] = set()
    for s in sentences:
        words = [t for t in tokens(s.text) if t.word]
        if not words:
            continue
        first = words[0].text
        if len(first) >= MIN_VERB_OPENER and first.endswith(VERB_ENDING) and first[0].isupper() and first[1:].islower():
            if len(words) > 1 and _subject_of(words[1].text, s.text[words[0].end : words[1].start]):
                inside.add(first)  # "Boeing said", "Boeing shares fell": the opener is a name
            openers.add(first)
        if s.role == "body":
            inside.update(t.text for t in words[1:] if t.text[0].isupper())
    return (w.lower() for w in sorted(openers - inside))


def _subject_of(after: str, between: str) -> bool:
    """Whether the word ``after`` (with ``between`` before it) shows the opener before it to be
    the sentence's subject: a possessive ("Boeing's"), or a finite verb or a plural noun written
    in lower case ("said", "has", "completed", "shares"), not an object ("the Oscars", "James")."""
    if "'" in between or "’" in between or after in ("s", "S"):
        return True
    low = after.lower()
    return after.islower() and (low in VERBS or (len(low) > 3 and low.endswith(("ed", "s")) and not low.endswith("ss")))


__all__ = ["MIN_VERB_OPENER", "VERB_ENDING", "long_forms", "verb_openers"]
