"""A cause told in one version and said to be unknown in another: "Gigante died early Monday of apparent
heart disease" against "The cause of death was unknown, but Gigante had been suffering from heart
disease".  Neither need be wrong (the cause may have been given later, or given tentatively), so the
difference is a ``hedge`` (one version is unsure of what another tells), not a conflict; an editor
asks which is right.  Two versions that each tell a cause, or that both call it unknown, make none;
nor does a version that tells no cause ("Gigante, who had suffered from heart disease, died in prison")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.models import Difference, Sentence

# "The cause of death was unknown", "the cause of the fire is not yet known", "It was not immediately clear
# what caused the crash", "the cause remains under investigation".
_UNKNOWN = re.compile(
    r"\bcause(?:s|d)?\b(?:\s+(?:of\s+)?[\w'’-]+){0,4}?\s+"
    r"(?:was|were|is|are|remains?|remained|has(?:\s+not)?\s+been|had(?:\s+not)?\s+been|was\s+not|is\s+not|wasn['’]t|isn['’]t)\s+"
    r"(?:not\s+)?(?:yet\s+|immediately\s+)?(?:unknown|unclear|undetermined|known|clear|determined|released|disclosed"
    r"|under\s+investigation|being\s+investigated)\b"
    r"|\b(?:unknown|unclear|undetermined|not\s+(?:yet\s+|immediately\s+)?(?:known|clear))\s+(?:what|how)\s+(?:caused\s+(?:the\s+)?[\w'’-]+|killed)\b",
    re.IGNORECASE,
)
_KNOWN_WORDS = re.compile(r"\b(?:known|clear|determined|released|disclosed)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\bnot\b|n['’]t\b|\b(?:unknown|unclear|undetermined|under\s+investigation|being\s+investigated)\b", re.IGNORECASE)
# A cause told: "died of apparent heart disease", "died from his injuries", "was caused by a gas leak",
# "the cause was a heart attack".
_TOLD = re.compile(
    r"\b(?:died|dies|die|dying)\s+(?:\w+\s+){0,3}?(?P<died>(?:of|from)\s+(?:an?\s+|the\s+|his\s+|her\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})"
    r"|\bcaused\s+by\s+(?P<by>(?:an?\s+|the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})"
    r"|\bcause\s+(?:of\s+(?:death|the\s+\w+)\s+)?(?:was|is)\s+(?P<was>(?!(?:not|unknown|unclear|undetermined|known|clear|determined|believed|thought|being|still|under|yet)\b)(?:an?\s+|the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2})",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s+(?:at|in|on|after|before|while|when|said|says|according)\b|[,;.]")
# What a cause is of: "cause of (the) death", "what caused the crash", "the fire was caused by".
_OF = re.compile(r"\bcause\s+of\s+(?:(?:the|his|her|their|this|that)\s+)?([\w'’-]+)|\bcaused\s+(?:the\s+)?([\w'’-]+)|\bkilled\b", re.IGNORECASE)
_BEFORE_CAUSED = re.compile(r"([\w'’-]+)\s+(?:was|were|had\s+been|has\s+been)\s+caused\s+by\b", re.IGNORECASE)


def _thing(word: str) -> str:
    low = word.lower()
    return "death" if low in ("death", "deaths", "killed") else low.rstrip("s")


def _unknown(text: str) -> tuple[str, str] | None:
    """The words by which ``text`` says a cause is unknown, and what it is the cause of ("death", "fire"),
    or None; a cause of nothing named ("the cause remains unknown") is left out: which cause is unsure."""
    for m in _UNKNOWN.finditer(text):
        words = m.group()
        if not (_NEGATED.search(words) or not _KNOWN_WORDS.search(words)):
            continue
        of = _OF.search(words)
        if of:
            return words, _thing(of.group(1) or of.group(2) or of.group())
    return None


def _told(text: str) -> tuple[str, str] | None:
    """The cause ``text`` tells ("of apparent heart disease"), to its clause's end, and what it is the cause
    of ("death" for "died of"), or None."""
    m = _TOLD.search(text)
    if not m:
        return None
    name = next(k for k in ("died", "by", "was") if m.group(k))
    cause = m.group(name)
    end = _CLAUSE_END.search(cause)
    cause = (("caused by " if name == "by" else "") + (cause[: end.start()] if end else cause)).strip()
    if name == "died":
        return cause, "death"
    if name == "by":  # "the blaze was caused by a faulty heater"
        found = _BEFORE_CAUSED.search(text, max(0, m.start() - 40), m.end())
    else:  # "the cause of the crash was a burst tyre"
        found = _OF.search(m.group())
    of = found.group(1) if found else None
    return (cause, _thing(of)) if of and cause else None


def cause_difference(members: Sequence[Sentence], pairs: Sequence[tuple[int, int]]) -> Difference | None:
    """One member tells a cause, another of another article (``pairs``: member indexes) says it is unknown."""
    unknown = [_unknown(m.text) for m in members]
    told = [None if unknown[k] else _told(m.text) for k, m in enumerate(members)]
    values: dict[str, str] = {}
    causes: list[str] = []
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            cause, doubt = told[x], unknown[y]
            if cause and doubt and cause[1] == doubt[1]:
                values.setdefault(members[x].id, cause[0])
                values.setdefault(members[y].id, doubt[0])
                causes.append(cause[0])
    if not values:
        return None
    detail = f"the cause told in one version ({', '.join(f'“{c}”' for c in dict.fromkeys(causes))}) and unknown in another"
    return Difference("hedge", detail, tuple(values.items()), conflict=False)
