"""Who holds the words of a sentence: quotations and their speakers, clauses and their agents.

A sentence is cut into clauses (commas, semicolons, colons, dashes, "but", "while",
"although", ..., the edges of quotations).  A clause's *agents* are its first actor mention
that is neither the object of a preposition ("with Russia") nor after the clause's verb
("urged Moscow"), with the actors joined to it by "and".  "he"/"she" stand for the last person
named as a subject.  Quotations belong to their speaker (see :func:`speakers`).

A clause that tells its agents what they should do, in another's reported speech ("she said
Russia should ...", "Russia must ..., Clinton said") or passive ("Russia was urged to ..."),
states the speaker's wish, not the agents' stance: its agents become the speaker (nobody when the
speaker is no actor or unnamed), as "Clinton urged Moscow to ..." already has Clinton as agent.
A speaker prescribing to itself ("Russia said it must ...") and the outlet's own words stay.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from compare.analyze.framing.actors import Mention, title_like
from compare.analyze.framing.reported import NO_VERB, reporter
from compare.analyze.framing.tokens import POSSESSIVE, Tok
from compare.analyze.framing.words import (
    ASKED,
    BE,
    COORDINATORS,
    CUTS,
    GROUP_SUBJECTS,
    KIN,
    NOT_VERBS,
    OBLIGING,
    OBLIGING_TO,
    PREPOSITIONS,
    REPORTED_SPEECH,
    REPORTING,
    SKIP_BACK,
    VERBS,
)
from compare.models import Sentence
from compare.records import record
from compare.similarity import STOPWORDS

_ENDS = frozenset(",.;:!?")


class QuoteLike(Protocol):
    """What the framing needs of a quotation (``compare.analyze.quotes.Quote``)."""

    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@record
class QuoteSpan:
    """A quotation in sentence offsets; ``actor`` is set when the text itself names the speaker."""

    start: int
    end: int
    speaker: str | None
    actor: str | None = None


@record
class Clause:
    tokens: tuple[int, ...]
    verb: int  # its first verb-like token (NO_VERB: none)
    quote: int  # the quotation it is inside, or -1
    own_subject: bool  # a subject that is no actor stands before its verb ("other states have ...")
    agents: tuple[Mention, ...] = ()


@record
class Sent:
    """One sentence, read: tokens, mentions, quotations and clauses."""

    sentence: Sentence
    toks: tuple[Tok, ...]
    mentions: tuple[Mention, ...]
    quote_of: tuple[int, ...]  # per token: index into ``quotes``, or -1
    quotes: tuple[QuoteSpan, ...]
    name_tokens: frozenset[int]  # tokens inside mentions or multiword names: never cues
    clauses: tuple[Clause, ...]
    first_agents: tuple[Mention, ...] = ()


def _is_verb(tok: Tok, previous: Tok | None, heading: bool) -> bool:
    """A word that looks like a verb (clause subjects come before it)."""
    if not tok.word or (tok.glued and previous is not None and previous.text == "-"):
        return False
    low = tok.low
    if not heading and tok.text != low:
        return False
    if low in VERBS:
        return True
    if low in NOT_VERBS or low in STOPWORDS:
        return False
    if len(low) >= 5 and (low.endswith("ed") or low.endswith("ing")):
        return True
    return previous is not None and previous.low == "to"  # an infinitive: "to invite Russia"


def quote_spans(
    sentence: Sentence, toks: Sequence[Tok], mentions: Sequence[Mention], quotes: Sequence[QuoteLike]
) -> list[QuoteSpan]:
    """The quotations of a sentence in its own offsets; a headline "Clinton: ..." quotes Clinton."""
    text = sentence.text
    spans: list[QuoteSpan] = []
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
        spans.append(QuoteSpan(lo, hi, q.speaker))
    if sentence.role != "body" and not spans:
        colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
        if colon is not None and colon + 1 < len(toks):
            speaker = next((m for m in mentions if m.last < colon), None)
            named = speaker is not None and all(
                not toks[k].word or speaker.first <= k <= speaker.last or title_like(toks, k, False)
                for k in range(colon)
            )
            if speaker is not None and speaker.actor is not None and named:
                spans.append(QuoteSpan(toks[colon + 1].start, len(text), None, speaker.actor))
    return spans


def _clauses(toks: Sequence[Tok], quote_of: Sequence[int]) -> list[list[int]]:
    """Clauses as token indices: punctuation, contrastive conjunctions and quotation edges cut."""
    segments: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(toks):
        if current and quote_of[current[-1]] != quote_of[k]:
            segments.append(current)
            current = []
        if tok.low in CUTS or (
            tok.low == "-" and not (tok.glued and k + 1 < len(toks) and toks[k + 1].glued)
        ):
            if current:
                segments.append(current)
            current = []
        elif current and toks[current[-1]].low in REPORTED_SPEECH and tok.low not in PREPOSITIONS and tok.word:
            segments.append(current)  # "Suthers said | other states have expressed concern"
            current = [k]
        else:
            current.append(k)
    if current:
        segments.append(current)
    return segments


def read_sentence(
    sentence: Sentence, toks: tuple[Tok, ...], found: Sequence[Mention], quotes: Sequence[QuoteLike]
) -> Sent:
    """Quotations, clauses and the roles of the mentions of one sentence ("he"/"she" unresolved)."""
    heading = sentence.role != "body"
    spans = quote_spans(sentence, toks, found, quotes)
    quote_of = [-1] * len(toks)
    starts, ends = ([t.start for t in toks], [t.end for t in toks]) if spans else ([], [])
    for n, span in enumerate(spans):
        # The tokens inside the span are a run (tokens follow each other): found by bisection,
        # not by a scan of every token for each of a sentence's (maybe thousands of) quotations.
        for k in range(bisect_left(starts, span.start), bisect_right(ends, span.end)):
            quote_of[k] = n
    mentions = [m for m in found if m.lexical or quote_of[m.first] < 0]
    segments = _clauses(toks, quote_of)
    name_tokens: set[int] = set()
    for m in mentions:
        if m.lexical:
            name_tokens.update(range(m.first, m.last + 1))
    if not heading:  # inside a sentence, "Joint Chiefs" or "Strategic Partnership" is a name, not a cue
        from compare.analyze.framing.names import runs

        for run in runs(toks):
            if len(run.words) >= 2:
                name_tokens.update(
                    k for w in run.words[1 if run.initial else 0 :] for k in range(w.first, w.last + 1)
                )

    def seg_of(k: int) -> int | None:  # the segment of token k (asked of few: not made for every token)
        return next((n for n, seg in enumerate(segments) if k in seg), None)

    marked: list[Mention] = []
    previous: Mention | None = None
    for m in mentions:
        possessive = m.last + 1 < len(toks) and toks[m.last + 1].low in POSSESSIVE
        kin = possessive and m.last + 2 < len(toks) and toks[m.last + 2].low in KIN  # "Hutchinson's son"
        k = m.anchor - 1
        while k >= 0 and toks[k].low in SKIP_BACK:
            k -= 1
        prep, coordinated = kin, False
        if k >= 0 and toks[k].low in PREPOSITIONS:
            prep = True
        elif (
            previous is not None
            and previous.last < k
            and toks[k].low in COORDINATORS
            and seg_of(previous.last) == seg_of(m.first)
            and all(
                toks[j].low in COORDINATORS or toks[j].low in SKIP_BACK
                for j in range(previous.last + 1, m.anchor)
            )
        ):
            coordinated, prep = True, previous.prep
        m = Mention(  # as dataclasses.replace would make it, without its look at the fields (per mention)
            m.actor, m.first, m.last, m.anchor, m.person, m.also, m.lexical, prep, m.compound, possessive,
            quote_of[m.first] >= 0, coordinated,
        )
        marked.append(m)
        previous = m
    clauses = []
    for seg in segments:
        verb = next(
            (
                k
                for k in seg
                if k not in name_tokens and _is_verb(toks[k], toks[k - 1] if k else None, heading)
            ),
            NO_VERB,
        )
        # the word right before the verb, of this clause and no name: "other states have ..."
        own = verb - 1 in seg and toks[verb - 1].word and verb - 1 not in name_tokens and toks[verb - 1].low in GROUP_SUBJECTS
        if verb != NO_VERB and toks[verb].low in GROUP_SUBJECTS and verb > seg[0]:
            own = True  # "other states have ...": "states" is the subject, not the verb
        clauses.append(Clause(tuple(seg), verb, quote_of[seg[0]], own))
    return Sent(
        sentence, toks, tuple(marked), tuple(quote_of), tuple(spans), frozenset(name_tokens), tuple(clauses)
    )


def resolve(sent: Sent, last_person: Mention | None) -> tuple[Sent, Mention | None]:
    """Resolve "he"/"she", find each clause's agents; also return the person a later "he" means."""
    toks = sent.toks
    seg_of = {m.first: next((n for n, c in enumerate(sent.clauses) if m.first in c.tokens), None) for m in sent.mentions}
    subject_person: Mention | None = None
    named: list[Mention] = []  # people named so far in this sentence, not as objects
    mentions: list[Mention] = []
    for m in sent.mentions:
        at = seg_of.get(m.first)
        subject = at is not None and m.first < sent.clauses[at].verb
        reported = m.anchor > 0 and toks[m.anchor - 1].low in REPORTING  # "..., said Sergey Lavrov"
        if not m.lexical:
            source = named[-1] if named else last_person
            m = replace(m, actor=source.actor if source else None, also=source.also if source else None)
        if m.person and not m.prep and not m.possessive and not m.in_quote and m.actor is not None:
            named.append(m)
            if (subject or reported) and subject_person is None:
                subject_person = m
        mentions.append(m)
    clauses = []
    first_agents: tuple[Mention, ...] = ()
    for n, clause in enumerate(sent.clauses):
        agents: list[Mention] = []
        for m in mentions:
            if seg_of.get(m.first) != n or m.in_quote or m.compound or m.prep or m.actor is None:
                continue
            if m.first >= clause.verb or (agents and not m.coordinated):
                break
            agents.append(m)
        if agents or clause.agents:
            clause = Clause(clause.tokens, clause.verb, clause.quote, clause.own_subject, tuple(agents))
        clauses.append(clause)
        if agents and not first_agents:
            first_agents = tuple(agents)
    clauses = [_wished(toks, mentions, clauses, n) for n in range(len(clauses))]
    read = Sent(  # (built, not dataclasses.replace: a few times quicker, once per sentence)
        sent.sentence, toks, tuple(mentions), sent.quote_of, sent.quotes, sent.name_tokens, tuple(clauses), first_agents
    )
    return read, subject_person or last_person


def _prescribed(toks: Sequence[Tok], clause: Clause) -> str:
    """How the clause tells its agents what to do: "modal" ("should", "must", "ought to", "needs to",
    "has to" between its agents and its verb), "passive" ("was urged/asked/called on to"), or ""."""
    after = clause.agents[-1].last
    for k in clause.tokens:
        if after < k <= clause.verb + 1:
            low, following = toks[k].low, toks[k + 1].low if k + 1 < len(toks) else ""
            if low in OBLIGING or (low in OBLIGING_TO and following == "to"):
                return "modal"
            if low in BE and following in ASKED and k + 2 < len(toks) and toks[k + 2].low in {"to", "on"}:
                return "passive"
    return ""


def _wished(toks: Sequence[Tok], mentions: Sequence[Mention], clauses: Sequence[Clause], n: int) -> Clause:
    """Clause ``n``, its agents the speaker's when it states another's wish (see the module's docstring)."""
    clause = clauses[n]
    how = _prescribed(toks, clause) if clause.agents and clause.quote < 0 else ""
    if not how:
        return clause
    speaker = () if how == "passive" else reporter(toks, mentions, clauses, n)  # "Russia was urged to": someone's
    if speaker is None:
        return clause  # the outlet's own words
    if {a for m in clause.agents for a in m.actors} & {a for m in speaker for a in m.actors}:
        return clause  # "Russia said it must ...": its own
    return replace(clause, agents=speaker, own_subject=True)


def is_speaker(sent: Sent, first: int, last: int) -> bool:
    """Whether the words ``first``..``last`` (an actor's name with its titles, or "he") only say who spoke a
    quotation of the sentence: outside the quotations, before a reporting verb ("..., he said")
    or after one at the end of a clause ("..., said Sergey Lavrov.").  The quotation says nothing
    of its speaker."""
    if not sent.quotes or sent.quote_of[first] >= 0:
        return False
    toks = sent.toks
    if last + 1 < len(toks) and toks[last + 1].low in REPORTING:
        return True  # '"...," Romney said'
    ends = last + 1 == len(toks) or toks[last + 1].text in _ENDS
    return first > 0 and toks[first - 1].low in REPORTING and ends  # '"...," said Sergey Lavrov.'


def speakers(
    sents: Sequence[Sent], lookup: Callable[[str], Mention | None]
) -> dict[tuple[int, int], Mention | None]:
    """(sentence number, quotation number) → the speaker's mention (None: no actor), for attributed quotations.

    The quotation finder's speaker when ``lookup`` finds an actor by that name; else a person
    (or "he"/"she") beside the quotation outside it, else any actor there; else the speaker of
    the nearest attributed quotation of the same paragraph (a quote running over several
    sentences); else, when the finder named a speaker who is no actor, None.
    """
    out: dict[tuple[int, int], Mention | None] = {}
    unknown: set[tuple[int, int]] = set()
    for n, sent in enumerate(sents):
        if not sent.quotes:
            continue  # (no quotation: nothing to attribute)
        inside_of: dict[int, list[int]] = {}  # quotation → its tokens, found in one pass
        for k, x in enumerate(sent.quote_of):
            if x >= 0:
                inside_of.setdefault(x, []).append(k)
        for q, span in enumerate(sent.quotes):
            if span.actor is not None:
                out[(n, q)] = Mention(span.actor, 0, 0, 0, True)
                continue
            named = lookup(span.speaker) if span.speaker else None
            if named is not None:
                out[(n, q)] = named
                continue
            inside = inside_of.get(q, [])
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
                out[(n, q)] = choice
            elif span.speaker:
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
