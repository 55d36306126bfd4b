"""Win-loss records in sports reports, read as quantities of their own kind, ``record``: "the Colts
(10-5)", "a disappointing 9-14 start", "gave the Colts a 9-5 season", "have a record of 9-14", "the
Broncos are 12-3".  Two versions that give one team (a name both write before the record, in its
clause) two records conflict like two counts (:mod:`compare.analyze.quantity_conflicts`), unless a
game apart (:func:`one_game_apart`: before and after a game); a score ("beat the Chiefs 20-13", "a
31-24 win", "tied 13-13", "led 14-0", "beat Arsenal (2-1)") is no record and is not read.

A record's value is its wins and losses read as one number (wins + losses / 1000): exact, so that
two records agree only when both figures are the same."""

from __future__ import annotations

import re

from compare.analyze.ages import NAME_ZIPF
from compare.analyze.quantities import CLAUSE_BREAK, Quantity, names_before

# A figure pair not inside a longer run of figures ("2008-09", "4-4-1", a date "12-19-05").
_PAIR = re.compile(r"(?<![\w.,/:–-])(\d{1,3})[-–](\d{1,3})(?![\w/:]|[.,]\d|[-–]\d)")
# Where a pair is a record: after a team's name in brackets ("the Colts (10-5", "Purple Aces (7-2)"),
# after a word that names a record ("a record of 9-14"), or right after "are" or "were" ("the Broncos are
# 12-3"; not "was": "the score was 13-13", "the vote was 5-4")...
_BEFORE = re.compile(r"(?:[A-Za-z0-9] \(|\b(?:record|mark) of |\b(?:are|were) )$", re.IGNORECASE)
# The bracket form only right after a team-like name that opens its clause, the subject ("The Colts (11-5) beat",
# "Williams (6-2) won"): not after "beat Arsenal (2-1)", "in the final (6-4", "Smith's children (5-12)".
_SUBJECT = re.compile(r"(?:(?:and|but|while|as|when|after|before)\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*$")
# ...or before a word that names one ("a disappointing 9-14 start", "a 9-5 season").
_AFTER = re.compile(r"\s+(?:(?:overall|home|road)\s+)?(?:record|start|season|mark|finish|campaign)\b", re.IGNORECASE)
_SCORE_AFTER = re.compile(r"\s+(?:win(?:s|ners?)?|victor(?:y|ies)|loss(?:es)?|losers?|defeat|lead|deficit|rout|triumph|decision|score|margin)\b", re.IGNORECASE)


def find_records(text: str, name_zipf: float = NAME_ZIPF) -> list[Quantity]:
    """The win-loss records of ``text``, each with the names before it in its clause (whose record it is,
    :attr:`~compare.analyze.quantities.Quantity.names`), in order; a pair with no name there is no
    record of anyone a reader could compare, and is left out."""
    out = []
    for m in _PAIR.finditer(text):
        if not (_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _AFTER.match(text, m.end())):
            continue
        if _SCORE_AFTER.match(text, m.end()):
            continue  # "were 31-24 winners": a score
        wins, losses = int(m.group(1)), int(m.group(2))
        bracket = text[m.start() - 1 : m.start()] == "("
        if bracket and not _subject_before(text, m.start() - 1):
            continue
        names = names_before(text, m.start() - bracket, name_zipf)  # "the Colts (10-5": the names before the bracket
        if not names:
            continue
        value = wins + losses / 1000
        shown = text[m.start() : m.end()]
        out.append(Quantity(shown, m.start(), value, value, value, "record", "record", ("record",), head=("record",), names=names))
    return out


def _subject_before(text: str, bracket: int) -> bool:
    """The clause before ``bracket`` is a name and nothing else (with "the", after "and", ...): the subject."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, bracket)]
    clause = text[breaks[-1] if breaks else 0 : bracket].strip(" “\"'‘")
    return bool(clause) and _SUBJECT.match(clause) is not None


def one_game_apart(x: Quantity, y: Quantity) -> bool:
    """Two records of one team a game apart (one more win or one more loss): before and after a game, both
    right ("were 10-5 entering the game" / "The Colts (11-5) beat the Titans")."""
    if x.kind != "record" or y.kind != "record":
        return False
    (wx, lx), (wy, ly) = (_split(x.value), _split(y.value))
    return (wx == wy and abs(lx - ly) == 1) or (lx == ly and abs(wx - wy) == 1)


def _split(value: float) -> tuple[int, int]:
    wins = int(value)
    return wins, round((value - wins) * 1000)
