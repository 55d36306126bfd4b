"""Who reports a clause: "Clinton said | Russia should ...", "NATO is a threat, | Lavrov said".

A clause of the outlet's words that another's reported speech frames states that speaker's
view, not its subject's: the attribution (:mod:`.attribution`) gives a prescription to the
speaker ("she said Russia should ..."), and the cues (:mod:`.cues`) give the speaker the threat
that its subject is said to be ("Lavrov said NATO is a threat": Lavrov's wariness, not NATO's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from compare.analyze.framing.actors import Mention
from compare.analyze.framing.tokens import Tok
from compare.analyze.framing.words import REPORTED_SPEECH, REPORTING

NO_VERB = 10**9


class ClauseLike(Protocol):
    """What :func:`reporter` reads of a clause (``compare.analyze.framing.attribution.Clause``)."""

    @property
    def tokens(self) -> tuple[int, ...]: ...
    @property
    def verb(self) -> int: ...
    @property
    def quote(self) -> int: ...
    @property
    def agents(self) -> tuple[Mention, ...]: ...


def reporter(
    toks: Sequence[Tok], mentions: Sequence[Mention], clauses: Sequence[ClauseLike], n: int
) -> tuple[Mention, ...] | None:
    """The speaker whose reported speech clause ``n`` is: the agents of the clause before it when
    that clause ends with a reporting verb ("Clinton said | ..."), else of the clause after it when
    that clause's verb is one ("... | Clinton said", "... | said Clinton"); () when the speaker
    is no actor; None for the outlet's own words."""
    before = clauses[n - 1] if n else None
    after = clauses[n + 1] if n + 1 < len(clauses) else None
    if before is not None and before.quote < 0 and toks[before.tokens[-1]].low in REPORTED_SPEECH:
        return before.agents
    if after is not None and after.quote < 0 and after.verb < NO_VERB and toks[after.verb].low in REPORTING:
        return after.agents or tuple(
            m
            for m in mentions
            if (m.anchor == after.verb + 1 or after.verb < m.first <= after.tokens[-1])
            and not m.prep
            and not m.in_quote
            and m.actor
        )
    return None
