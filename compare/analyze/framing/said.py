"""What a sentence says of its target: the words of tone in the target's own clause.

The tone model (:mod:`.tone`) judges a whole sentence toward a target; the words this module finds
are the ones that say that tone *of the target*, marked in the evidence as its cue words.  A
sentence judged favourable or unfavourable without one is no evidence
(``Settings.tone_cued_sentences``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.analyze.framing.tone_features import word_tokens
from compare.analyze.framing.words import ATTITUDE_STEMS, BE, CUE_VALENCE, FEELINGS, RECEIVING, SATISFIED

NEGATIONS = frozenset(
    "not no never n't nor neither without hardly barely cannot nobody none nothing".split()
)
CUTS = frozenset(",;:.!?()—–")
QUOTES = frozenset('"“”')
"""Tone's tokens that cut a clause (CUTS), turn round the words after them (NEGATIONS), open or close a quotation (QUOTES)."""


MAX_CUES = 2
"""Cue words marked per sentence and target."""

def said_of(
    text: str, toks: Sequence[tuple[str, int, int]], start: int, end: int, lexicon: Mapping[str, float]
) -> dict[int, float]:
    """The words of the target's clause that the sentiment lexicon knows (token → its valence,
    turned round after a negation): what the sentence says of the target.  The clause runs
    between the punctuation round the target (a dash with a space before it cuts too: "whatever
    we call it -- Afghanistan or Iraq -- we owe them support" says nothing of Afghanistan); a
    target the sentence does not name (``start == end``) has the whole sentence.  Not words of
    the target's own attitude written after it (:func:`_attitude`), with the word before it and
    the rest of the clause (its object: "tough criticism of ... the terror attack"), nor capitalised words inside
    a sentence that is no headline (titles and names), nor the word that qualifies the noun the
    target complements ("biased coverage of Israel"; but "harsh criticism of Israel" is said of it)."""
    inside = [k for k, t in enumerate(toks) if t[1] < end and t[2] > start]

    # an editor's insertion in a quotation, "In short, (Netanyahu's) a powerful messenger", is the sentence's
    bracketed = bool(inside) and inside[0] > 0 and inside[-1] + 1 < len(toks) and (
        toks[inside[0] - 1][0] == "(" and toks[inside[-1] + 1][0] == ")"
    )

    def cut(k: int) -> bool:
        low = toks[k][0]
        if bracketed and k in (inside[0] - 1, inside[-1] + 1):
            return False
        return low in CUTS or (low == "-" and k > 0 and toks[k - 1][2] < toks[k][1])

    lo, hi = 0, len(toks) - 1
    if inside:
        lo = inside[0]
        while lo > 0 and not cut(lo - 1):
            lo -= 1
        hi = inside[-1]
        while hi + 1 < len(toks) and not cut(hi + 1):
            hi += 1
    by = inside[0] - 1 if inside else -1
    while by > 0 and text[toks[by][1]].isupper():
        by -= 1  # the rest of the name: "by Seth | MacFarlane"
    if by >= 1 and toks[by][0] == "by":
        lo = max(lo, _agent_phrase(toks, by))  # "a ribald performance by X": only "ribald" is said of X
    headline = all(text[t[1]].isupper() for t in toks if t[0].isalpha() and len(t[0]) >= 4)  # "Beck Wows the Crowd"
    out: dict[int, float] = {}
    negated = False
    received = False  # after "drew", "faced": the attitude words that follow are others' toward the target
    for k in range(lo, hi + 1):
        low = toks[k][0]
        if low in NEGATIONS:
            negated = True
        received = received or (bool(inside) and k > inside[-1] and low in RECEIVING)
        if k in inside or not (valence := CUE_VALENCE.get(low, lexicon.get(low))):
            continue
        if text[toks[k][1]].isupper() and k > 0 and toks[k - 1][0] not in QUOTES and not headline:
            continue  # a title or a name ("Justice Ginsburg", "Secure America Now"), no word of tone
        if _names_event(text, toks, k):
            continue  # "the Academy's next awards show", "at the Grammy awards": an event, no praise
        if inside and k > inside[-1] and not received and _attitude(toks, k):
            # "Ryan criticized ...", "Palin began showing their support": the target's own view, and
            # what it holds of what follows ("tough criticism of ... the Libya terror attack")
            out.pop(k - 1, None)
            break
        out[k] = -valence if negated else valence
    if inside and inside[0] >= 3 and toks[inside[0] - 1][0] == "of" and not _attitude(toks, inside[0] - 2):
        out.pop(inside[0] - 3, None)  # "biased coverage of Israel": the coverage is biased, not Israel
    return out


FURNITURE_WORDS = 6
"""Words of four letters or more, all capitalised, that make a line page furniture (:func:`furniture`)."""
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")


def furniture(text: str) -> bool:
    """Whether a line under an article's title is written as a headline, with no full stop: at least
    ``FURNITURE_WORDS`` words of four letters or more, every one capitalised ("SEE ALSO:  A Former
    Employee Is Suing Amazon And Camping Outside ...", a photo gallery's captions run together:
    "Smile for Charity Go With the Flow Make Amazon Your Android App Store ...").  Such a line links
    to another story or captions a picture: the outlet says nothing of an actor there.  A guard of
    the framing's: such lines are boilerplate the clean stage leaves in (compare/clean.py), so
    the alignment still reads them.  It also silences a crosshead of six long capitalised words and
    other outlets' headlines that an article quotes in title case (a sentence of an ALL-CAPS
    paragraph ends with a full stop and stays)."""
    if _LOWER_WORD.search(text) or text.rstrip().endswith("."):
        return False  # most lines: a word of four letters in lower case, found without tokens
    long = [t for t in word_tokens(text) if len(t[0]) >= 4 and t[0].isalpha()]
    return len(long) >= FURNITURE_WORDS and all(text[t[1]].isupper() for t in long)


PHRASE_STARTS = frozenset(
    """a an the his her their its this that these those after before of in for with to from on at as
    than over about against during since""".split()
)
"""Words that open the noun phrase a "by" agent is written after: "after | a ribald performance by X"."""


def _agent_phrase(toks: Sequence[tuple[str, int, int]], by: int) -> int:
    """The first token of the noun phrase before "by" (token ``by``) whose agent the target is:
    "... a less provocative choice ... after | a ribald performance by Seth MacFarlane".  Its
    words are said of the agent; the rest of the clause is said of something else."""
    k = by - 1
    while k > 0 and toks[k][0] not in PHRASE_STARTS and toks[k - 1][0] not in CUTS and toks[k][0] not in BE:
        k -= 1
    return k if toks[k][0] not in BE else k + 1


PRIZES = frozenset("award awards prize prizes".split())
"""Words of tone that may only name a prize or its ceremony: "awards show", "the Grammy awards"."""
EVENT_NOUNS = frozenset("show shows ceremony ceremonies gala galas".split())
"""Nouns of an event that a prize word before them only names: "the Academy's next awards show"."""
PRIZE_REACH = 5
"""Tokens before a named prize read for a verb of receiving it: "won the Nobel Peace Prize" is still the winner's."""


def _names_event(text: str, toks: Sequence[tuple[str, int, int]], k: int) -> bool:
    """Whether the word of tone at ``k`` only names a prize's event or the prize itself ("awards
    show", "the Emmy awards"); "won the award" and "won the Nobel Peace Prize" are still said of
    the winner, and "a bad night" too."""
    if toks[k][0] not in PRIZES:
        return False
    if k + 1 < len(toks) and toks[k + 1][0] in EVENT_NOUNS:
        return True
    named = k > 0 and text[toks[k - 1][1]].isupper() and toks[k - 1][0].isalpha()
    return named and not any(t[0] in RECEIVING for t in toks[max(0, k - PRIZE_REACH) : k])  # "won the Nobel Peace Prize"


def _attitude(toks: Sequence[tuple[str, int, int]], k: int) -> bool:
    """Whether token ``k`` is a word of attitude toward another (``ATTITUDE_STEMS``) and no passive
    ("was widely criticized" is received), of acceptance before "with"/"about" (``SATISFIED``:
    "are good with that"), or of the actor's own feeling (``FEELINGS``: "is immensely proud of")."""
    if toks[k][0] in SATISFIED and k + 1 < len(toks) and toks[k + 1][0] in ("with", "about"):
        return True
    if toks[k][0] in FEELINGS:
        return True  # "is immensely proud of", "are thrilled to have": the actor's feeling about another
    if not toks[k][0].startswith(tuple(ATTITUDE_STEMS)):
        return False
    j = k - 1
    while j >= 0 and toks[j][0].endswith("ly"):
        j -= 1
    return not (j >= 0 and toks[j][0] in BE)


__all__ = ["CUTS", "FURNITURE_WORDS", "MAX_CUES", "NEGATIONS", "QUOTES", "furniture", "said_of"]
