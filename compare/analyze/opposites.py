"""Two versions that assert opposite things, found by words of opposite meaning.

Two kinds, both lexical (no model: none that runs without torch and ships inside a
package was good enough on news to pay for its start-up; this is measured on the test
set ``tests/data/differences_cases.json``):

* **Opposite verbs or states** (:func:`opposite_terms`): one version has one side of a
  pair of opposites ("denied" / "confirmed", "rejected" / "accepted", "rose" / "fell",
  "acquitted" / "convicted") and the other the other side, about the same thing (a
  content word shared within a few words of each), neither has both, and a negation
  in front turns a side round ("did not deny" is on the side of "confirmed").
* **A speaker's opposite verdicts** (:func:`verdict`): the same speaker quoted in both
  versions, the quotations judging the situation in opposite directions ("catastrophic
  and we need help" against "difficult but under control"), possibly with no word in
  common.  A quotation's verdict is the sum of its alarm and reassurance phrases, the
  clause after "but" counting twice; a negation in front turns a phrase round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.similarity import normalise_word

# Each pair: (one side, the other side), words as written (all forms listed: no stemming surprises).
_PAIRS = [
    ("deny denies denied denying denial", "confirm confirms confirmed confirming confirmation"),
    ("deny denies denied denying denial", "admit admits admitted admitting"),
    ("reject rejects rejected rejecting rejection turn-down turns-down turned-down turning-down",
     "accept accepts accepted accepting acceptance"),
    ("uphold upholds upheld upholding", "overturn overturns overturned overturning strike-down strikes-down struck-down"),
    ("reject rejects rejected rejecting", "approve approves approved approving"),
    ("veto vetoes vetoed vetoing", "signed signing"),
    ("oppose opposes opposed opposing", "support supports supported supporting backed backing"),
    ("refuse refuses refused refusing", "agree agrees agreed agreeing"),
    ("decline declines declined declining", "accept accepts accepted accepting"),
    ("rise rises rose risen rising", "fall falls fell fallen falling drop drops dropped dropping"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("win wins won winning", "lose loses lost losing"),
    ("acquit acquits acquitted acquittal", "convict convicts convicted conviction"),
    ("guilty", "innocent"),
    ("legal lawful legally lawfully", "illegal unlawful illegally unlawfully"),
    ("lift lifts lifted lifting", "impose imposes imposed imposing"),
    ("alive", "dead"),
    ("survived survives", "died dies killed"),
    ("released freed", "detained jailed"),
    ("allow allows allowed allowing permit permits permitted", "ban bans banned banning prohibit prohibits prohibited forbid forbids forbade"),
    ("succeed succeeds succeeded success successful", "fail fails failed failure unsuccessful"),
    ("praise praises praised praising", "condemn condemns condemned condemning criticize criticizes criticized criticise criticised"),
    ("welcome welcomes welcomed welcoming", "condemn condemns condemned condemning"),
    ("improve improves improved improving", "worsen worsens worsened worsening deteriorate deteriorated deteriorating"),
    ("strengthen strengthens strengthened", "weaken weakens weakened"),
    ("attend attends attended attending", "boycott boycotts boycotted boycotting skip skipped"),
    ("opened reopened", "closed shut"),
    ("true", "false"),
    ("higher", "lower"),
    ("victory", "defeat"),
    ("passed", "failed"),
    ("ease eased easing", "tighten tightened tightening"),
]
OPPOSITE: dict[str, set[str]] = {}
_SIDE: dict[str, list[tuple[int, int]]] = {}  # word -> (pair number, side) of each pair it is in
for _n, (_one, _other) in enumerate(_PAIRS):
    for _side, _words in enumerate((_one, _other)):
        for _w in _words.split():
            _SIDE.setdefault(_w, []).append((_n, _side))
            OPPOSITE.setdefault(_w, set()).update((_other if _side == 0 else _one).split())

_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NEGATION = re.compile(r"\b(?:not|never|no|n't|n’t|without|neither|nor)\b|n['’]t\b", re.IGNORECASE)
CONTEXT_WORDS = 5  # the default of Settings.opposite_context_words


@dataclass(frozen=True, slots=True)
class Opposite:
    """One side's word ("denied") and the other's ("confirmed"), each with its negation if any."""

    word_a: str
    word_b: str


# Phrasal verbs read as one word ("turned down" is "turned-down", on the side of "rejected").
_PHRASAL = re.compile(r"\b(turn|turns|turned|turning|strike|strikes|struck|striking)\s+(down)\b", re.IGNORECASE)


def _joined(text: str) -> str:
    return _PHRASAL.sub(r"\1-\2", text)


def _sides(text: str) -> list[tuple[int, int, int, str]]:
    """(word position, pair number, side with negation applied, word as written) of each opposite word."""
    words = _WORDS.findall(text)
    out = []
    for i, word in enumerate(words):
        pairs = _SIDE.get(word.lower())
        if not pairs:  # most words are in no pair: their negation is not looked for
            continue
        before = words[max(0, i - 3) : i]
        negation = next((k for k, w in enumerate(before) if _NEGATION.search(w) or _not_yet(before, k)), None)
        negated = negation is not None
        shown = " ".join([*before[negation:], word]) if negation is not None else word
        for pair, side in pairs:
            out.append((i, pair, 1 - side if negated else side, shown))
    return out


# "has been unable to confirm", "is yet to confirm", "failed to confirm": no confirmation either.
_UNABLE = frozenset("unable unwilling failed fails fail".split())


def _not_yet(words: list[str], k: int) -> bool:
    """``words[k]`` turns round what follows it like a negation: "unable to", "yet to"."""
    word = words[k].lower()
    after = words[k + 1].lower() if k + 1 < len(words) else ""
    return (word in _UNABLE or word == "yet") and after == "to"


def _context(text: str, position: int, reach: int) -> set[str]:
    words = _WORDS.findall(text)
    near = words[max(0, position - reach) : position] + words[position + 1 : position + 1 + reach]
    return {t for t in (normalise_word(w) for w in near) if t}


def opposite_terms(a: str, b: str, context_words: int = CONTEXT_WORDS) -> Opposite | None:
    """Words of opposite meaning about the same thing in two versions (see the module): the
    other version shares a content word with the ``context_words`` words on either side."""
    a, b = _joined(a), _joined(b)
    sides_a, sides_b = _sides(a), _sides(b)
    if not sides_a or not sides_b:
        return None
    words_a, words_b = {w.lower() for w in _WORDS.findall(a)}, {w.lower() for w in _WORDS.findall(b)}
    for i, pair, side, word in sides_a:
        for j, pair_b, side_b, word_b in sides_b:
            if pair != pair_b or side == side_b:
                continue
            bare_a, bare_b = word.split()[-1].lower(), word_b.split()[-1].lower()
            if OPPOSITE.get(bare_a, set()) & words_a or OPPOSITE.get(bare_b, set()) & words_b:
                continue  # a version holding both sides ("rose, then fell") states no one side
            if bare_a in words_b or bare_b in words_a:
                continue
            if _context(a, i, context_words) & _context(b, j, context_words):
                return Opposite(word.replace("-down", " down"), word_b.replace("-down", " down"))
    return None


# Phrases judging a situation, as written (lower case), with their direction.
_ALARM = """catastrophic catastrophe disaster disastrous dire crisis terrible horrible horrific awful bad worse worst
devastating devastated chaos chaotic dangerous desperate emergency out of control failure failed failing alarming
grave critical collapse collapsing overwhelmed unacceptable tragic tragedy unprecedented destruction nightmare
need help needs help deeply concerned worried worrying afraid fear fears scary hopeless broken crippled
deteriorating worsening shocking outrageous appalling""".split("\n")
_CALM = """under control stable safe fine good great excellent positive progress improving calm contained manageable
optimistic confident encouraged encouraging success successful productive constructive hopeful secure recovered
recovering pleased happy no cause for alarm no need to panic nothing to worry reassured handled
business as usual back to normal normal on track""".split("\n")


def _phrases(lines: list[str]) -> list[str]:
    text = " ".join(lines)
    multi = ["out of control", "need help", "needs help", "deeply concerned", "under control", "no cause for alarm",
             "no need to panic", "nothing to worry", "business as usual", "back to normal", "on track"]
    multi = [m for m in multi if m in text]
    singles = [w for w in text.split() if not any(w in m.split() for m in multi)]
    return multi + singles


_ALARM_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _phrases(_ALARM)) + r")\b")
_CALM_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _phrases(_CALM)) + r")\b")
_BUT = re.compile(r"\b(?:but|yet|however|although|though)\b")


def verdict(quote: str) -> int:
    """How a quotation judges the situation: above 0 reassuring, below 0 alarmed, 0 neither or both."""
    text = quote.lower().replace("’", "'")
    parts = _BUT.split(text)
    score = 0
    for n, part in enumerate(parts):
        weight = 2 if n > 0 else 1
        for regex, sign in ((_ALARM_RE, -1), (_CALM_RE, 1)):
            for m in regex.finditer(part):
                phrase = m.group()
                before = part[max(0, m.start() - 12) : m.start()]
                negated = bool(_NEGATION.search(before)) and not phrase.startswith(("no ", "nothing"))
                score += weight * (-sign if negated else sign)
    return score


def opposite_verdicts(a: str, b: str) -> bool:
    """Two quotations by one speaker that judge in opposite directions."""
    va, vb = verdict(a), verdict(b)
    return va * vb < 0
