"""From the cues credited to an actor in one article to its :class:`~compare.models.Stance`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from compare.analyze.framing.voice import OWN, OWN_VOICE, REPORTED, Voice
from compare.models import CueMark, EvidenceVoice, Label, Stance, ToneLabel
from compare.records import record
from compare.settings import Settings

MAX_EVIDENCE = 5
"""Evidence sentences kept per actor, article and axis."""


@record
class SentenceCues:
    """What one sentence gave an actor on the stance axis."""

    sentence: str
    index: int
    cooperative: int
    reluctant: int


@record
class SentenceTone:
    """The tone of one sentence toward an actor named in it."""

    sentence: str
    index: int
    tone: ToneLabel
    score: float  # P(favourable) - P(unfavourable)
    cued: bool = False  # a word of the actor's clause says the tone (the cue words marked)
    quoted: bool = False  # the actor is named inside a quotation there
    voice: str = OWN  # whose words the cue words are (:mod:`.voice`): the outlet's own, or a speaker's
    speaker: bool = False  # the actor only speaks there, or praises itself: neutral, outside the share
    reference: str = ""  # the sentence refers to the actor ("pronoun": "he", "she"; :data:`.coref.Kind`), "": names it


@dataclass(slots=True)
class Tally:
    """Accumulates one actor's cues, tones, marks and names in one article (mutable while reading)."""

    cues: dict[str, SentenceCues] = field(default_factory=dict)
    tones: dict[str, SentenceTone] = field(default_factory=dict)
    marks: list[CueMark] = field(default_factory=list)
    seen: set[CueMark] = field(default_factory=set)  # the marks again: "in" on a list costs its length
    aliases: dict[str, None] = field(default_factory=dict)
    mentioned: bool = False

    def copy(self) -> Tally:
        """Another tally holding what this one holds (the tones are judged on a copy)."""
        return Tally(
            dict(self.cues), dict(self.tones), list(self.marks), set(self.seen), dict(self.aliases), self.mentioned
        )

    def add_cue(self, sentence: str, index: int, polarity: int, mark: CueMark) -> None:
        row = self.cues.get(sentence) or SentenceCues(sentence, index, 0, 0)
        self.cues[sentence] = SentenceCues(
            sentence, index, row.cooperative + (polarity > 0), row.reluctant + (polarity < 0)
        )
        self._mark(mark)

    def _mark(self, mark: CueMark) -> None:
        if mark not in self.seen:
            self.seen.add(mark)
            self.marks.append(mark)

    def add_tone(self, tone: SentenceTone, marks: tuple[CueMark, ...]) -> None:
        if tone.sentence in self.tones:
            return  # a sentence's tone counts once, however often it names the actor
        self.tones[tone.sentence] = tone
        for mark in marks:
            self._mark(mark)


def _label(cooperative: int, reluctant: int, settings: Settings) -> tuple[Label, float]:
    total = cooperative + reluctant
    score = (cooperative - reluctant) / total if total else 0.0
    if not total:
        return "neutral", 0.0
    if score >= settings.stance_margin:
        return "cooperative", score
    if score <= -settings.stance_margin:
        return "reluctant", score
    return "mixed", score


def _unfavourable_weight(tones: Iterable[SentenceTone], settings: Settings) -> float:
    """What an actor's unfavourable sentences in one article weigh toward ``Settings.tone_unfavourable_net``:
    1 each, ``Settings.tone_quoted_weight`` in another's words, times ``Settings.tone_pronoun_weight``
    where the sentence calls the actor "he" or "she"."""
    weight, pronoun = settings.tone_quoted_weight, settings.tone_pronoun_weight
    return sum(
        (1.0 if t.voice == OWN else weight) * (pronoun if t.reference == "pronoun" else 1.0)
        for t in tones
        if t.tone == "unfavourable"
    )


def criticism(tones: Iterable[SentenceTone], settings: Settings) -> float:
    """How much more an actor's sentences in one article weigh unfavourable than favourable (as
    toward ``Settings.tone_unfavourable_net``) where they make it "unfavourable" on their own
    (:func:`_tone` with no rival), else 0: what it weighs as another actor's ``rival``."""
    tones = list(tones)
    if _tone(tones, settings)[0] != "unfavourable":
        return 0.0
    return _unfavourable_weight(tones, settings) - sum(t.tone == "favourable" for t in tones)


def _praised(tones: list[SentenceTone], settings: Settings) -> bool:
    """Whether at least ``Settings.tone_favourable_marked`` sentences praise the actor in marked
    words (``SentenceTone.cued``: cue words of praise in its clause), more than criticise it in
    marked words, ``Settings.tone_favourable_marked_own`` of them in the outlet's own words (praise
    in the words of those it quotes is theirs: Kanye West's of Beyoncé), and no more of all its sentences are
    unfavourable than favourable: a favourable portrayal of an actor the article covers at
    length, whose praise the share (``Settings.tone_favourable_share``) loses among its many
    plain sentences."""
    marked = settings.tone_favourable_marked
    praise = [t for t in tones if t.cued and t.tone == "favourable"]
    if not marked or len(praise) < marked or sum(t.voice == OWN for t in praise) < settings.tone_favourable_marked_own:
        return False
    blame = [t for t in tones if t.tone == "unfavourable"]
    return len(praise) > sum(t.cued for t in blame) and sum(t.tone == "favourable" for t in tones) >= len(blame)


def _tone(tones: list[SentenceTone], settings: Settings, rival: float = 0.0) -> tuple[ToneLabel, float]:
    """The tone of the sentences naming the actor or referring to it, taken together, and its score.

    The score is the share of those sentences favourable toward the actor less the share
    unfavourable (-1..1), of the sentences that say something of it: not those where it only
    speaks ('"...," Romney said') or praises itself (``SentenceTone.speaker``), which would
    otherwise make an actor quoted often look neutral.  The label is "unfavourable" when at least
    ``Settings.tone_unfavourable_net`` more of them are unfavourable than favourable (bad news
    told plainly reads unfavourable to the sentence model: one such sentence, or three, do not
    make a portrayal), an unfavourable sentence that calls the actor "he" or "she" counting
    ``Settings.tone_pronoun_weight`` (the article goes on about the person there; a sentence
    naming it may only pass by), "favourable" when the score reaches ``Settings.tone_favourable_share``
    or when marked praise outweighs marked criticism (:func:`_praised`), else "neutral"; and
    "neutral" too when fewer than ``Settings.tone_cued_sentences`` of the
    sentences of that tone have a cue word in the actor's clause (the evidence shows only those).
    Nor is it "favourable" when the article names the actor only inside the quotations it chose:
    that is the speaker's rhetoric ("we must make America great again!", "Faith made America
    strong": on BASIL dev four of the rows found "United States" favourable so, none of them an
    editor would sign, and no annotated portrayal changes).  Nor "unfavourable" with fewer than
    ``Settings.tone_own_sentences`` of its evidence sentences in the outlet's own words
    (:mod:`.voice`): criticism only in the words of those it quotes (an opponent, a campaign, an
    ad) is theirs; their sentences count ``Settings.tone_quoted_weight`` toward the net.  Nor
    "unfavourable" when another main actor of the same article, unfavourable on its own
    sentences, weighs more (``rival``, its :func:`criticism`, times ``Settings.tone_rival_share``,
    against this actor's): the article's criticism falls on that one, and what it tells of this
    actor is its part in that story.  Nor
    "favourable" when all its evidence is reported speech or thought (``voice`` "reported":
    "Locals believe snake wine helps ...", "LeFevre said, Rob was visibly happy", "Obama ...
    urged lawmakers"): what others are told to think, not praise the outlet prints.  A quotation
    it chose may carry praise: one of the two favourable portrayals found on BASIL dev rests on one
    (requiring the outlet's own words for praise too drops it: macro-F1 0.562 -> 0.450).
    """
    if not tones:
        return "neutral", 0.0
    unfavourable = _unfavourable_weight(tones, settings)
    favourable = sum(t.tone == "favourable" for t in tones)
    net = favourable - unfavourable
    score = (favourable - sum(t.tone == "unfavourable" for t in tones)) / max(1, sum(not t.speaker for t in tones))
    label: ToneLabel = "neutral"
    referred = any(t.reference == "pronoun" for t in tones)  # a person the article calls "he" or "she"
    if -net >= (settings.tone_unfavourable_net if referred else settings.tone_unfavourable_net_named):
        label = "unfavourable"
    elif (net > 0 and score >= settings.tone_favourable_share) or _praised(tones, settings):
        label = "favourable"
    if sum(t.cued for t in tones if t.tone == label) < settings.tone_cued_sentences:
        label = "neutral"  # no sentence, or too few, says it of the actor in words to show
    shown = [t for t in tones if t.tone == label and (t.cued or not settings.tone_cued_sentences)]
    if label == "unfavourable" and sum(t.voice == OWN for t in shown) < settings.tone_own_sentences:
        label = "neutral"  # criticism only in the words of those it quotes: their view, not the outlet's
    if label == "favourable" and all(t.voice == REPORTED for t in shown):
        label = "neutral"  # praise only in what others are told to say or think: "Locals believe ..."
    if label == "favourable" and all(t.quoted for t in tones):
        label = "neutral"  # praise of an actor the article names only in the quotations it chose
    if label == "unfavourable" and -net < settings.tone_rival_share * rival:
        label = "neutral"  # another main actor bears more of the article's criticism: the article's target is that one
    return label, score


VoiceOf = Callable[[str, Iterable[tuple[int, int]]], Voice]
"""Sentence id and its cue words' character spans → their voice (:func:`.voice.voices_of`)."""


def _own(sentence: str, cues: Iterable[tuple[int, int]]) -> Voice:
    return OWN_VOICE


def _voices(ids: Iterable[str], marks: Iterable[CueMark], kinds: set[str], voice: VoiceOf) -> list[EvidenceVoice]:
    """The voice of each evidence sentence, from its cue words of these kinds."""
    marks = list(marks)
    out = []
    for sid in ids:
        v = voice(sid, [(m.start, m.end) for m in marks if m.sentence == sid and m.kind in kinds])
        out.append(EvidenceVoice(sid, v.kind, v.speaker))
    return out


def stance(
    actor: str, article: str, tally: Tally, settings: Settings, voice: VoiceOf = _own, rival: float = 0.0
) -> Stance:
    """The stance: label and score from the cue counts, tone from the sentences' tones, evidence,
    and whose words each evidence sentence's cue words are (``voice``).  ``rival``: the most
    :func:`criticism` of another main actor of the same article (:func:`_tone`)."""
    c = sum(r.cooperative for r in tally.cues.values())
    r = sum(r.reluctant for r in tally.cues.values())
    label, score = _label(c, r, settings)
    sign = {"cooperative": 1, "reluctant": -1}.get(label, 0)
    # The evidence supports the label: a "cooperative" actor's evidence holds no sentence whose cues
    # say "reluctant" on balance (and the other way round); "mixed" shows both.
    supporting = [row for row in tally.cues.values() if sign * (row.cooperative - row.reluctant) >= 0]
    supporting.sort(
        key=lambda row: (
            -sign * (row.cooperative - row.reluctant),
            -(row.cooperative + row.reluctant),
            row.index,
        )
    )
    evidence = tuple(row.sentence for row in supporting[:MAX_EVIDENCE])
    tone, tone_score = _tone(list(tally.tones.values()), settings, rival)
    tone_sign = {"favourable": 1, "unfavourable": -1}.get(tone, 0)
    toned = [t for t in tally.tones.values() if tone_sign and t.tone == tone and t.cued]
    toned.sort(key=lambda t: (t.voice != OWN, -tone_sign * t.score, t.index))  # the outlet's own words first
    tone_evidence = tuple(t.sentence for t in toned[:MAX_EVIDENCE])
    shown = set(evidence) | set(tone_evidence)
    kinds = {"cooperative", "reluctant", tone}
    marks = tuple(m for m in tally.marks if m.sentence in shown and m.kind in kinds)
    voices = _voices(evidence, marks, {"cooperative", "reluctant"}, voice)
    voices += _voices(tone_evidence, marks, {tone}, voice)
    return Stance(
        actor,
        article,
        label,
        round(score, 3),
        evidence,
        c,
        r,
        tone=tone,
        tone_score=round(tone_score, 3),
        tone_evidence=tone_evidence,
        aliases=tuple(tally.aliases),
        marks=marks,
        voices=tuple(voices),
    )
