"""Whose words an evidence sentence's cue words are: the outlet's own narration, or a speaker's.

A reader must be able to tell "the article calls Romney dishonest" from "the article quotes the
Obama campaign calling Romney dishonest".  The annotators of BASIL (Fan et al. 2019: bias spans
marked with ``quote`` and ``speaker``) made the same distinction, and their portrayals follow
the outlet's own words: of the 29 (article, entity) pairs on basil-framing-dev whose negative
spans all stand in quotations, none is portrayed negatively; of the 74 with a negative span in
the outlet's own words, 25 are (and more often when quotations add to it: 14 of 38).

The voices of a sentence (:func:`voice_spans`), as spans of its characters:

- **quote**: a quotation (:mod:`compare.analyze.quotes`), its speaker the name the quotation
  finder read beside it, else the actor :func:`.attribution.speakers` finds;
- **reported**: what follows "X said" to the sentence's end, or precedes a closing "..., X
  said." (:func:`.reported.reporter`); a verb of characterising and what follows it ("the Obama
  campaign accused Romney of hypocrisy", "leaders have condemned", "his criticism of");
  what follows a verb of saying or thinking before "that" ("Republicans warned that ...");
  a claim and what it says ("charges that ...", "allegations of racism": an unnamed speaker's
  where the subject defends itself against it); a sentence that names its source ("...,
  according to records").

Everything else is the outlet's own voice.  :func:`voice_of` reads the voice of the cue words
marked in an evidence sentence: a speaker's when every cue word is inside a speaker's span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from compare.analyze.framing.actors import Mention
from compare.analyze.framing.attribution import Clause, Sent
from compare.analyze.framing.reported import NO_VERB, reporter
from compare.analyze.framing.tokens import POSSESSIVE
from compare.analyze.framing.words import REPORTED_SPEECH
from compare.records import record

OWN = "own"
QUOTE = "quote"
REPORTED = "reported"

CHARACTERISING = tuple(
    (
        "accus charg call describ label brand dub blast slam critici attack condemn denounc "
        "lambast assail fault blam mock ridicul prais laud hail applaud commend"
    ).split()
)
"""Stems of verbs by which a subject characterises what follows them: "X accused Romney of
hypocrisy", "X called the plan a sham", "Trump went on to praise Gingrich".  The verb and the
words after it in its clause are the subject's view."""


CLAIMS = frozenset("charge charges claim claims accusation accusations allegation allegations assertion assertions".split())
"""Nouns whose "that" or "of" clause is the claimant's words: "Democrats lob charges that Ryan ..."."""
THINKING = frozenset(
    """say says saying warn warns warned warning argue argues argued arguing believe believes believed
    believing insist insists insisted contend contends contended suggest suggests suggested fear fears
    feared worry worries worried complain complains complained predict predicts predicted""".split()
)
"""Verbs whose "that" clause (any "believe" clause) is their subject's words or thought."""
OWNERS = frozenset("his her their its".split())
"""A noun of characterising after these is its owner's view: "his criticism of a requirement"."""
AGAINST = frozenset(
    """against despite denied denies deny rejected rejects dismissed dismisses disputed disputes of with
    challenged challenges faced faces facing amid over rebutted refuted""".split()
)
"""Words before a claim ("charges that ...", "allegations of ...") that say it is not the subject's:
"defended himself against charges of racism", "beset with allegations of racism"."""
SUBORDINATORS = frozenset("as when while after before because since and but that who which".split())
"""Words that open the clause whose subject characterises: "... as | some prominent conservatives called"."""
AUXILIARIES = frozenset("has have had is are was were will would also repeatedly to".split())
"""Words between a subject and its verb of characterising: "leaders have condemned"."""
SUBJECT_WORDS = 8
"""The most words of a clause's subject named as its speaker ("Democratic campaign officials")."""


def _subject(sent: Sent, first: int, verb: int) -> str | None:
    """The words before a clause's verb, as a speaker's name: "Democratic campaign officials"."""
    if verb >= len(sent.toks) or verb <= first or verb - first > SUBJECT_WORDS:
        return None
    if all(sent.toks[k].low in SUBORDINATORS for k in range(first, verb)):
        return None  # "and argues": the subject is further back
    toks = sent.toks
    return sent.sentence.text[toks[first].start : toks[verb - 1].end] or None


@record
class VoiceSpan:
    """Characters ``start``..``end`` of a sentence that are a speaker's words."""

    start: int
    end: int
    kind: str  # QUOTE or REPORTED
    speaker: str | None  # who, as the report names it; None: a speaker the sentence does not name
    actors: tuple[str, ...] = ()  # the speaker's actors


@record
class Voice:
    """The voice of an evidence sentence's cue words: ``kind`` OWN, QUOTE or REPORTED."""

    kind: str
    speaker: str | None = None
    actors: tuple[str, ...] = ()


OWN_VOICE = Voice(OWN)


def _actors(mentions: Iterable[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for m in mentions for a in m.actors))


def _source(text: str) -> str | None:
    """The source the sentence names ("Obama campaign spokeswoman Lis Smith"), for a speaker who is no actor."""
    from compare.analyze.attribution import find_sources

    found = find_sources(text)
    return found[0].text if found else None


def _characterised(sent: Sent, tokens: Sequence[int]) -> tuple[int, tuple[Mention, ...], str | None] | None:
    """The first verb of characterising in a clause that has a subject before it ("Top Senate
    leaders ... have condemned Akin's comments", "Trump went on to praise Gingrich"), or noun of
    it that has an owner ("Mr. Santorum also defended his criticism of ..."): its token, the
    subject's (owner's) actors' mentions and, for a subject that is no actor, its words."""
    toks = sent.toks
    for k in tokens:
        low = toks[k].low
        if not low.startswith(CHARACTERISING) or k == tokens[0] or k in sent.name_tokens or low in CLAIMS:
            continue  # "charges that ...": see CLAIMS
        if toks[k - 1].low in OWNERS or toks[k - 1].low in POSSESSIVE:  # "Mr. Santorum's criticism of ..."
            owner = [m for m in sent.mentions if m.last == k - 2 and m.actor] if toks[k - 1].low in POSSESSIVE else []
            return k, tuple(owner) or sent.first_agents, None
        if not (low.endswith(("ed", "es", "ing")) or toks[k - 1].low == "to"):
            continue  # a noun ("drew criticism"): the outlet's report of it
        return k, *_speaker_before(sent, tokens[0], k)
    return None


def _speaker_before(sent: Sent, start: int, k: int) -> tuple[tuple[Mention, ...], str | None]:
    """Who the subject of the verb at token ``k`` is (the clause starting at ``start``): the
    actor named right before it ("... Mitch McConnell have condemned"), else a capitalised name
    ("Dana Loesch accused"), else the sentence's first agents ("Trump went on to praise"), else
    the words from the clause word before it ("as | some prominent conservatives called")."""
    toks = sent.toks
    j = k - 1
    while j > start and toks[j].low in AUXILIARIES:
        j -= 1
    head = [m for m in sent.mentions if m.last == j and m.actor and not m.prep]
    if head:
        return tuple(head), None
    if toks[j].word and toks[j].text[:1].isupper():  # a person who is no actor
        first = j
        while first > start and toks[first - 1].word and toks[first - 1].text[:1].isupper():
            first -= 1
        return (), sent.sentence.text[toks[first].start : toks[j].end]
    first = j
    while first > start and toks[first - 1].word and toks[first - 1].low not in SUBORDINATORS:
        first -= 1
    agents = sent.first_agents
    return agents, None if agents else _subject(sent, first, j + 1)


def _reporting_subject(sent: Sent, clause: Clause) -> str | None:
    """Who a clause of reporting names, when no actor: "Wal-Mart lawyer Theodore Boutrous argued",
    "critics said", "said a spokesman for the ministry"."""
    toks = sent.toks
    verb = clause.verb if clause.verb < len(toks) else clause.tokens[-1]
    if verb > clause.tokens[0]:
        return _speaker_before(sent, clause.tokens[0], verb)[1]
    words = [toks[k] for k in clause.tokens if k > verb and toks[k].word][:SUBJECT_WORDS]
    return sent.sentence.text[words[0].start : words[-1].end] if words else None


def _thought(sent: Sent, tokens: Sequence[int]) -> tuple[int, tuple[Mention, ...], str | None] | None:
    """A verb of saying or thinking before "that" ("Republicans warned that ...", "they believed
    they had been ..."): its token and its subject (:func:`_speaker_before`); what follows is theirs."""
    toks = sent.toks
    for n, k in enumerate(tokens[1:-1], 1):
        if toks[k].low in THINKING and (toks[tokens[n + 1]].low == "that" or toks[k].low.startswith("believ")):
            return k, *_speaker_before(sent, tokens[0], k)
    return None


def _quotations(sent: Sent, said: Mapping[int, Mention | None]) -> list[VoiceSpan]:
    """A quotation is its speaker's: the name the quotation finder read beside it ("Shelton"), else
    the actor :func:`.attribution.speakers` found for it."""
    out = []
    for q, span in enumerate(sent.quotes):
        who = said.get(q)
        actors = who.actors if who is not None else ()
        found = span.speaker if span.speaker and len(span.speaker) > 2 else None  # not "Mo" of "St. Louis, Mo."
        fuller = next((a for a in actors if found and found in a), None)  # "Medvedev": "Dmitry Medvedev"
        name = fuller or found or span.actor or (actors[0] if actors else None)
        out.append(VoiceSpan(span.start, span.end, QUOTE, name, actors))
    return out


def _according(sent: Sent) -> VoiceSpan | None:
    """"..., according to records": the sentence is its source's (not "calculated according to")."""
    toks = sent.toks
    if "according" not in sent.sentence.text.lower():
        return None  # (most sentences: no token to look at)
    at = next((k for k in range(len(toks) - 1) if toks[k].low == "according" and toks[k + 1].low == "to"), None)
    if at is None or (at > 0 and toks[at - 1].text not in {",", "—", "–", "("}):
        return None
    after = [m for m in sent.mentions if m.first > at + 1 and m.actor]
    actors = _actors(after[:1])
    words = [t for t in toks[at + 2 :] if t.word][:SUBJECT_WORDS]
    name = actors[0] if actors else (sent.sentence.text[words[0].start : words[-1].end] if words else None)
    return VoiceSpan(0, len(sent.sentence.text), REPORTED, name, actors)


def voice_spans(sent: Sent, said: Mapping[int, Mention | None]) -> tuple[VoiceSpan, ...]:
    """The speakers' spans of one sentence, quotations first; ``said``: quotation number → its
    speaker's mention (:func:`.attribution.speakers`, None: no actor)."""
    text = sent.sentence.text
    toks = sent.toks
    out = _quotations(sent, said)
    clauses = sent.clauses
    for n, clause in enumerate(clauses):
        if clause.quote >= 0:
            continue
        agents: tuple[Mention, ...] | None = reporter(toks, sent.mentions, clauses, n)
        lo, hi = clause.tokens[0], clause.tokens[-1]
        subject: str | None = None  # the speaker's words, when no actor; "" for a speaker not named
        if agents is not None:
            before = n > 0 and toks[clauses[n - 1].tokens[-1]].low in REPORTED_SPEECH and clauses[n - 1].quote < 0
            if before:
                hi = len(toks) - 1  # "(After ..., ) Rasmussen said | NATO ..., and ...": the rest is his
            elif all(c.verb == NO_VERB for c in clauses[n + 2 :]):
                lo = 0  # "NATO ..., and ... | Rasmussen said (today).": what comes before is his
            else:
                agents = None  # "After the fight, | Obama warned that ...": the opening is the outlet's
            if agents is not None and not agents:
                subject = _reporting_subject(sent, clauses[n - 1] if before else clauses[n + 1])
        elif (found := _characterised(sent, clause.tokens)) is not None:
            lo, agents, subject = found  # "X accused Y of ...", "..., to criticize X": the subject's
        elif (found := _thought(sent, clause.tokens)) is not None:
            lo, agents, subject = found  # "other Republicans warn that the party risked ..."
            hi = len(toks) - 1  # to the sentence's end: its quotations are read first
        else:
            claim = next((k for k in clause.tokens[:-1] if toks[k].low in CLAIMS and toks[k + 1].low in {"that", "of"}), None)
            if claim is not None:  # "as Democrats lob charges that Ryan ...", but "defended himself against charges that": others'
                against = claim > 0 and toks[claim - 1].low in AGAINST
                agents, lo, subject = () if against else sent.first_agents, claim, "" if against else None
        if agents is None or lo > hi:
            continue
        actors = _actors(agents)
        name = actors[0] if actors else subject if subject is not None else _source(text) or _subject(sent, clause.tokens[0], clause.verb)
        name = name or None  # "": a speaker the sentence does not name
        out.append(VoiceSpan(toks[lo].start, toks[hi].end, REPORTED, name, actors))
    according = _according(sent)
    if according is not None:
        out.append(according)
    return tuple(out)


class ArticleVoices(Mapping[str, tuple[VoiceSpan, ...]]):
    """Sentence id → its speakers' spans (:func:`voice_spans`), for the sentences that have any:
    each sentence's worked out when first asked for.  Only the sentences whose cue words a
    report shows are asked for (:func:`voices_of`), a few of a story's."""

    def __init__(self) -> None:
        self._todo: dict[str, tuple[Sent, Mapping[int, Mention | None]]] = {}
        self._done: dict[str, tuple[VoiceSpan, ...]] = {}

    def add(self, sents: Sequence[Sent], said: Mapping[tuple[int, int], Mention | None]) -> None:
        """One article's sentences, and its quotations' speakers (:func:`.attribution.speakers`)."""
        by_sentence: dict[int, dict[int, Mention | None]] = {}
        for (n, q), who in said.items():
            by_sentence.setdefault(n, {})[q] = who
        for n, sent in enumerate(sents):
            self._todo[sent.sentence.id] = (sent, by_sentence.get(n, {}))
            self._done.pop(sent.sentence.id, None)

    def _spans(self, sentence: str) -> tuple[VoiceSpan, ...]:
        found = self._done.get(sentence)
        if found is None:
            sent, said = self._todo[sentence]
            found = self._done[sentence] = voice_spans(sent, said)
        return found

    def __getitem__(self, sentence: str) -> tuple[VoiceSpan, ...]:
        spans = self._spans(sentence)
        if not spans:
            raise KeyError(sentence)
        return spans

    def __iter__(self) -> Iterator[str]:
        return (sentence for sentence in list(self._todo) if self._spans(sentence))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def voice_of(spans: Sequence[VoiceSpan], cues: Iterable[tuple[int, int]]) -> Voice:
    """The voice of cue words at these character spans: the speaker whose span holds every one
    of them (a quotation before a clause of reported speech); when each is in some speaker's
    span, the first one's speaker; else (a cue word in no span) the outlet's own."""
    cues = sorted(cues)
    if not spans or not cues:
        return OWN_VOICE
    holding = [next((s for s in spans if s.start <= lo and hi <= s.end), None) for lo, hi in cues]
    if any(s is None for s in holding):
        return OWN_VOICE
    whole = next((s for s in spans if all(s.start <= lo and hi <= s.end for lo, hi in cues)), None)
    span = whole or holding[0]  # "Trump went on to praise Gingrich for "having the courage"": his
    assert span is not None
    return Voice(span.kind, span.speaker, span.actors)


def voices_of(
    voices: Mapping[str, Sequence[VoiceSpan]],
) -> Callable[[str, Iterable[tuple[int, int]]], Voice]:
    """:func:`voice_of` by sentence id."""

    def of(sentence: str, cues: Iterable[tuple[int, int]]) -> Voice:
        cues = list(cues)
        return voice_of(voices.get(sentence, ()), cues) if cues else OWN_VOICE  # no cue word: the outlet's own

    return of


__all__ = ["CHARACTERISING", "OWN", "OWN_VOICE", "QUOTE", "REPORTED", "ArticleVoices", "Voice", "VoiceSpan", "voice_of", "voice_spans", "voices_of"]
