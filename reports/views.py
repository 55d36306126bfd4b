"""The records the report templates read (views of the comparison), and the small text
helpers they use: anchors, excerpts, percentages.  Built by :mod:`reports.context`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from compare.models import Stance

STANCE_LABELS = ("cooperative", "reluctant", "mixed", "neutral")
VALUE_EXCERPT_CHARS = 70


def anchor(sentence_id: str) -> str:
    """The HTML id of a sentence: ``s-<sentence id>``, whitespace percent-encoded
    (an id must not contain spaces; ordinary ids pass through unchanged)."""
    return "s-" + quote(sentence_id, safe="!$&'()*+,;=:@-._~/")


def group_anchor(group_id: str) -> str:
    return "g-" + quote(group_id, safe="!$&'()*+,;=:@-._~/")


_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, each closed by PDI (U+2069)
FSI, PDI = "\u2068", "\u2069"


def closed_bidi(text: str) -> str:
    """``text`` as an isolate of its own when it holds bidirectional controls: between FSI and PDI
    (as HTML's ``<bdi>``), with every isolate it opens closed, so that nothing it embeds or
    overrides reaches the text around it and the text around it keeps its order.  Used as
    jinja2's ``finalize`` for each ``{{ }}`` of the templates, and on every label and excerpt the
    report joins into a line.  A browser or Pango lets an override run to the end of the
    paragraph: an outlet named "\\u202eRT" turned "Bloomberg" after it into "grebmoolB" and
    reversed the lines around it.  Text holding no such control is returned as it is (and
    :class:`~markupsafe.Markup` stays Markup)."""
    if _BIDI_CONTROL.search(text) is None:
        return text
    opened = stray = 0  # isolates the text opens and has not closed; PDIs that close none of its own
    for char in _BIDI_CONTROL.findall(text):
        if char in _ISOLATES:
            opened += 1
        elif char == PDI:
            if opened:
                opened -= 1
            else:
                stray += 1
    # A stray PDI closes one of the extra FSIs in front; the last PDI closes the first FSI, and with
    # it every embedding and override opened inside.
    return FSI * (1 + stray) + text + PDI * (opened + 1)


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return closed_bidi(flat)
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return closed_bidi(cut.rstrip(" ,;:.-–—")) + "…"


def percent(value: float) -> int:
    return round(max(0.0, min(1.0, value)) * 100)


def join_list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- views -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupView:
    id: str
    number: int  # 1-based position in comparison.groups
    colour: int  # palette index
    kind: str
    score: float
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    span: int  # how many articles the group spans
    excerpt: str
    anchor: str  # its row in the coverage grid
    div_anchor: str  # its entry under divergences (when it has one)
    first: tuple[int, int]  # (article position, sentence index) of its earliest member
    has_differences: bool
    has_conflict: bool  # a conflicting difference (never in a group across events)
    across_events: bool = False  # its articles report two or more events: the same claim at two events


@dataclass(frozen=True, slots=True)
class SentenceView:
    id: str
    anchor: str | None  # None for repeated occurrences (pair mode)
    text: str
    article: str
    column: int  # the article's position (0-based), as in ArticleView.position
    outlet: str
    number: int  # 1-based sentence number in its article
    paragraph: int
    role: str
    group: GroupView | None
    kind: str  # group kind, or "unique"
    others: tuple[str, ...]  # other outlets reporting the same fact
    matched: tuple[int, int] | None = None  # the part of the text that matched its group, when not all of it

    @property
    def pieces(self) -> tuple[tuple[str, bool], ...]:
        """The text as (piece, matched) runs: the part that matched its group is marked."""
        if self.matched is None:
            return ((self.text, False),)
        a, b = self.matched
        return tuple((t, m) for t, m in ((self.text[:a], False), (self.text[a:b], True), (self.text[b:], False)) if t)

    @property
    def head(self) -> str:
        """The first word (the print anchor wraps it: WeasyPrint mis-breaks lines
        after empty inline elements)."""
        return self.text.split(maxsplit=1)[0] if self.text.strip() else self.text

    @property
    def tail(self) -> str:
        """The text after :attr:`head`, with its leading space."""
        return self.text[self.text.index(self.head) + len(self.head) :] if self.head else ""

    @property
    def title(self) -> str:
        if self.group is None:
            return f"Only in {self.outlet}"
        also = f"; also in {join_list(list(self.others))}" if self.others else ""
        return f"Group {self.group.number} ({self.group.kind}){also}"


@dataclass(frozen=True, slots=True)
class ParagraphView:
    role: str
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class RemovedView:
    excerpt: str
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    position: int  # 0-based column
    label: str
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    source: str
    sha256: str
    words: int
    sentence_count: int
    unique_count: int
    grouped_count: int
    removed: tuple[RemovedView, ...]
    paragraphs: tuple[ParagraphView, ...]

    removed_by_reason: tuple[tuple[str, int, tuple[RemovedView, ...]], ...]
    """(reason, how many, the items shown), reasons in order of first appearance;
    print shows a few short excerpts per reason, the screen all of them."""

    @property
    def unique_percent(self) -> int:
        return round(100 * self.unique_count / self.sentence_count) if self.sentence_count else 0


@dataclass(frozen=True, slots=True)
class SentenceRef:
    anchor: str
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class CoverageRow:
    group: GroupView
    cells: tuple[tuple[SentenceRef, ...], ...]  # one per article, in article order


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    changed: bool


@dataclass(frozen=True, slots=True)
class MemberView:
    sentence: str
    anchor: str
    outlet: str
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class ValueView:
    outlet: str
    value: str
    anchor: str


@dataclass(frozen=True, slots=True)
class DifferenceView:
    type: str
    detail: str
    conflict: bool
    values: tuple[ValueView, ...]

    @property
    def summary(self) -> str:
        """One line for the summary: each value (shortened) with its outlet."""
        shown = [f"{excerpt(v.value, VALUE_EXCERPT_CHARS)} ({v.outlet})" for v in self.values]
        return " vs ".join(shown)

    @property
    def headline(self) -> str:
        """The detail without the values it repeats, when it is long and does:
        "Rasmussen quoted in different words: “…” against “…”" → "Rasmussen
        quoted in different words"."""
        if len(self.detail) <= VALUE_EXCERPT_CHARS:
            return self.detail
        found = [self.detail.find(v.value) for v in self.values if v.value]
        if not found or min(found) <= 0:  # it names only some of them ("“very positive” against “very encouraged”")
            return self.detail
        head = self.detail[: min(found)].rstrip(" :;,-–—“”\"'‘’«»")
        return head if len(head) >= 8 else self.detail


@dataclass(frozen=True, slots=True)
class DivergenceView:
    group: GroupView
    members: tuple[MemberView, ...]
    differences: tuple[DifferenceView, ...]
    major: bool  # kind "diverge" or a conflicting difference
    additions: tuple[ValueView, ...] = ()  # what a version says that its closest version does not


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of an evidence sentence; ``kind`` names the cue it is ("reluctant", "favourable", ...)."""

    text: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceView:
    anchor: str
    text: str
    outlet: str
    number: int  # 1-based sentence number in its article
    parts: tuple[TextPart, ...] = ()  # the text with its cue words marked
    quote_id: str | None = None  # the page's id of this quote, when a later one refers to it
    again: tuple[str, str] | None = None  # (actor, quote_id): quoted the same under that actor above
    voice: str | None = None  # whose words its cue words are, when not the outlet's: "quoting Lis Smith"


def evidence_voices(stance: Stance) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Sentence id → how the evidence says whose words it is (:func:`voice_text`), for the stance
    evidence and for the tone evidence (``Stance.voices`` lists the one's, then the other's)."""
    texts = [(v.sentence, voice_text(v.voice, v.speaker)) for v in stance.voices]
    return dict(texts[: len(stance.evidence)]), dict(texts[len(stance.evidence) :])


def voice_text(voice: str, speaker: str | None) -> str | None:
    """How the evidence says whose words a sentence's cue words are (compare.models.EvidenceVoice):
    None for the outlet's own, "quoting X" for a quotation, "paraphrasing X" for reported speech."""
    if voice == "own":
        return None
    verb = "quoting" if voice == "quote" else "paraphrasing"
    return f"{verb} {speaker or 'an unnamed speaker'}"


def marked(text: str, spans: list[tuple[int, int, str]]) -> tuple[TextPart, ...]:
    """``text`` cut into parts, the spans (start, end, kind) marked; overlapping spans: the first wins."""
    out: list[TextPart] = []
    at = 0
    for start, end, kind in sorted(spans):
        if start < at or not 0 <= start < end <= len(text):
            continue
        if start > at:
            out.append(TextPart(text[at:start]))
        out.append(TextPart(text[start:end], kind))
        at = end
    if at < len(text):
        out.append(TextPart(text[at:]))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class StanceCell:
    actor: str
    outlet: str
    label: str
    score: float
    cooperative: int
    reluctant: int
    evidence: tuple[EvidenceView, ...]
    tone: str = "neutral"
    tone_score: float = 0.0
    tone_evidence: tuple[EvidenceView, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def score_text(self) -> str:
        return f"{self.score:+.2f}"

    @property
    def tone_score_text(self) -> str:
        return f"{self.tone_score:+.2f}"

    @property
    def tone_in_others_words(self) -> bool:
        """Whether every sentence showing the tone is in the words of those the article quotes
        (a favourable tone may be: the quotations an article chooses are part of its portrayal,
        but a reader should know; an unfavourable one needs the article's own words)."""
        return self.tone != "neutral" and bool(self.tone_evidence) and all(e.voice for e in self.tone_evidence)


@dataclass(frozen=True, slots=True)
class FramingRow:
    actor: str
    cells: tuple[StanceCell | None, ...]  # one per article, in article order

    @property
    def by_label(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(label, outlets) for the summary's framing line, labels in a fixed
        order (cooperative, reluctant, mixed, neutral), empty ones left out."""
        out = []
        for label in STANCE_LABELS:
            outlets = tuple(c.outlet for c in self.cells if c is not None and c.label == label)
            if outlets:
                out.append((label, outlets))
        return tuple(out)

    @property
    def has_cues(self) -> bool:
        """Whether any article frames this actor with cue words or a tone (else all neutral)."""
        return any(c is not None and (c.cooperative or c.reluctant or c.tone != "neutral") for c in self.cells)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Up to three other forms the articles named the actor by ("Moscow", "Kremlin"); forms that
        only add a title or a given name to the actor's own name ("Mr. Romney") are left out."""
        last = self.actor.split()[-1] if self.actor.split() else self.actor
        forms = (a for c in self.cells if c is not None for a in c.aliases)
        return tuple(dict.fromkeys(a for a in forms if a != self.actor and last not in a.split()))[:3]


@dataclass(frozen=True, slots=True)
class EventView:
    outlets: tuple[str, ...]  # labels of its articles, in article order
    evidence: tuple[str, ...]  # the reasons of its same-event pairs


@dataclass(frozen=True, slots=True)
class PairView:
    a: str
    b: str
    a_label: str
    b_label: str
    similarity: int  # percent
    same_event: bool
    reason: str = ""  # the event judgement in words (compare/analyze/events.py)
    events_note: str = ""  # when the comparison's events join two articles this pair's verdict holds apart


@dataclass(frozen=True, slots=True)
class PairRow:
    kind: str  # "shared", "left" or "right"
    left: tuple[SentenceView, ...]
    right: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class PairLayout:
    pair: PairView
    left: ArticleView
    right: ArticleView
    rows: tuple[PairRow, ...]


@dataclass(frozen=True, slots=True)
class UniqueRow:
    outlet: str
    count: int
    total: int
    percent: int


@dataclass(frozen=True, slots=True)
class Summary:
    article_count: int
    group_count: int
    kinds: dict[str, int]
    sentence_count: int
    unique_count: int
    core_span: int  # how many articles the widest facts span (0 when no group)
    core_facts: tuple[GroupView, ...]
    core_more: int  # how many more facts of that span are not listed
    unique: tuple[UniqueRow, ...]
    divergence_count: int
    major_divergences: tuple[DivergenceView, ...]
    divergences_more: int
    events: tuple[EventView, ...]  # the comparison's events, as compare/analyze/event_sets.py found them
    framing: tuple[FramingRow, ...]


