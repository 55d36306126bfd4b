"""Frozen records that flow through the pipeline.

Each stage takes and returns these; none is changed after construction (use
:func:`dataclasses.replace`).  :meth:`Comparison.to_dict` is the JSON contract
"storycompare/1" documented in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from compare.records import record
from compare.settings import Settings

SCHEMA = "storycompare/1"

Kind = Literal["agree", "partial", "diverge"]
Label = Literal["cooperative", "reluctant", "mixed", "neutral"]
ToneLabel = Literal["favourable", "unfavourable", "neutral"]
DifferenceType = Literal["number", "date", "quote", "negation", "attribution", "opposite", "hedge", "name"]
RemovedKind = Literal[
    "appeal", "navigation", "icons", "related", "comments", "tags", "media", "copyright",
    "byline", "date-line", "print-note", "caption", "separator", "repeat",
]  # fmt: skip
METADATA_KINDS: frozenset[RemovedKind] = frozenset({"byline", "date-line", "print-note"})
"""Removed lines that describe the article (who wrote it, when, where it ran) rather than
being page furniture: the metadata stage still reads dates from them."""

SentenceId = str
"""A sentence's id: ``"<article id>:<index>"`` (:func:`sentence_id`, :func:`article_of`)."""


def sentence_id(article_id: str, index: int) -> SentenceId:
    """The id of an article's ``index``-th sentence.

    >>> sentence_id("rt", 3)
    'rt:3'
    """
    return f"{article_id}:{index}"


def article_of(sentence: SentenceId) -> str:
    """The id of the article a sentence id belongs to (an article id may hold ":" itself).

    >>> article_of("feed.jsonl:a:12")
    'feed.jsonl:a'
    """
    return sentence.rsplit(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A paragraph taken out as boilerplate: what kind, the reason as the reports word
    it ("donation or subscription appeal"), and where it was."""

    text: str
    reason: str
    start: int
    end: int
    kind: RemovedKind

    @property
    def is_metadata(self) -> bool:
        """A byline, date line or print-edition note (see :data:`METADATA_KINDS`)."""
        return self.kind in METADATA_KINDS


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence. ``article.text[start:end] == text``; ``id`` is "<article id>:<index>"
    (:func:`sentence_id`)."""

    id: SentenceId
    article: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int
    role: str  # "title", "heading" or "body"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article.

    ``text`` is the whole decoded text (line endings normalised to ``\\n``);
    ``paragraphs`` are the spans kept by the clean stage, ``removed`` what it took
    out, and ``sentences`` what the segment stage found in the kept paragraphs.
    """

    id: str
    source: str
    sha256: str
    text: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    url: str | None = None
    paragraphs: tuple[Span, ...] = ()
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    repaired: tuple[str, ...] = ()
    """What loading had to repair in the input, one line each (e.g. lone surrogates replaced, control characters removed)."""

    @property
    def label(self) -> str:
        """What a reader calls this article: its outlet, else its id."""
        return self.outlet or self.id

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a sentence in a word-level diff; ``changed`` marks words the
    other members of the group do not share."""

    text: str
    changed: bool


@dataclass(frozen=True, slots=True)
class MemberDiff:
    sentence: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """A typed difference inside a group, with each member's value.

    ``type`` is one of "number", "date", "quote", "negation", "attribution",
    "opposite", "hedge", "name"; ``conflict`` is true when the values contradict each other (27
    against 28) rather than differ in precision ("Nov. 20" against "November").
    """

    type: DifferenceType
    detail: str
    values: tuple[tuple[str, str], ...]  # (sentence id, value)
    conflict: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "detail": self.detail, "values": dict(self.values)}


@dataclass(frozen=True, slots=True)
class MatchedPart:
    """The part of a group member that matched the group (a quotation or a clause, found by
    :mod:`compare.parts`) when the sentence as a whole says more: characters ``start``..``end``
    of the sentence's text."""

    sentence: str  # sentence id
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences from at least two articles that report the same fact."""

    id: str
    members: tuple[str, ...]  # sentence ids, in article order then sentence order
    kind: Kind
    score: float  # mean pairwise similarity of members from different articles
    differences: tuple[Difference, ...] = ()
    diff: tuple[MemberDiff, ...] = ()
    additions: tuple[tuple[str, str], ...] = ()  # (sentence id, what it says that its closest version does not)
    events: tuple[str, ...] = ()  # ids of the events its articles report; two or more: the same claim at two events
    parts: tuple[MatchedPart, ...] = ()  # members that matched by a quotation or clause only

    @property
    def articles(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for member in self.members:
            seen.setdefault(article_of(member), None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "members": list(self.members),
            "kind": self.kind,
            "score": self.score,
            "differences": [d.to_dict() for d in self.differences],
            "additions": dict(self.additions),
            "events": list(self.events),
            "parts": [p.to_dict() for p in self.parts],
        }


@dataclass(frozen=True, slots=True)
class Pair:
    """Two articles compared: how much they share, and whether they report one event."""

    a: str
    b: str
    similarity: float  # share of their alignable sentences aligned with each other
    same_event: bool
    relation: str = ""  # "same_event", "follow_up", "same_kind" or "different" (compare/analyze/events.py)
    reason: str = ""  # the judgement in words: "same event: 22 Sep 2010, New York, NATO"
    in_one_event: bool = False
    """Both articles are in one of the comparison's events.  The events join articles through the
    others (compare/analyze/event_sets.py), so a pair judged apart on its two articles alone
    (``same_event`` false) may still be in one event: the reports say so beside the pair."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "similarity": self.similarity,
            "same_event": self.same_event,
            "relation": self.relation,
            "reason": self.reason,
            "in_one_event": self.in_one_event,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Articles that report one event (joined through their same-event pairs: compare/analyze/event_sets.py), with the evidence."""

    id: str
    articles: tuple[str, ...]  # article ids, in article order
    evidence: tuple[str, ...]  # the reasons of its same-event pairs

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "articles": list(self.articles), "evidence": list(self.evidence)}


@record
class CueMark:
    """Words of an evidence sentence that gave an actor a cue: characters ``start``..``end`` of the
    sentence's text, and what they said (a stance label or a tone)."""

    sentence: str  # sentence id
    start: int
    end: int
    kind: str  # "cooperative", "reluctant", "favourable" or "unfavourable"

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class EvidenceVoice:
    """Whose words an evidence sentence's cue words are: ``voice`` "own" (the outlet's narration),
    "quote" (a quotation) or "reported" (another's words told in the outlet's: "Democrats said
    ...", "X accused Y of ..."); ``speaker`` names who, None where the sentence does not say."""

    sentence: str  # sentence id
    voice: str
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "voice": self.voice, "speaker": self.speaker}


@dataclass(frozen=True, slots=True)
class Stance:
    """How one article frames one actor, on two axes, with the sentences that show it.

    ``label``/``score``: the stance axis from the lexicon's cue words (cooperative against
    reluctant); ``tone``/``tone_score``: favourable or unfavourable toward the actor
    (:func:`compare.target_tone` over the sentences naming it).  ``evidence`` holds the stance
    sentences first, then the tone sentences; ``marks`` the cue words in them; ``aliases`` the
    forms by which the article named the actor; ``voices`` whose words each evidence sentence's
    cue words are (the stance sentences', then the tone sentences').
    """

    actor: str
    article: str
    label: Label
    score: float
    evidence: tuple[str, ...]
    cooperative: int = 0  # cue counts behind the score
    reluctant: int = 0
    tone: ToneLabel = "neutral"
    tone_score: float = 0.0
    tone_evidence: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    marks: tuple[CueMark, ...] = ()
    voices: tuple[EvidenceVoice, ...] = ()

    def voice(self, sentence: str) -> EvidenceVoice | None:
        """The voice of one evidence sentence (None: not evidence)."""
        return next((v for v in self.voices if v.sentence == sentence), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "article": self.article,
            "label": self.label,
            "score": self.score,
            "evidence": list(self.evidence),
            "tone": self.tone,
            "tone_score": self.tone_score,
            "tone_evidence": list(self.tone_evidence),
            "aliases": list(self.aliases),
            "cues": [m.to_dict() for m in self.marks],
            "voices": [v.to_dict() for v in self.voices],
        }


LIBRARIES = ("nltk", "trafilatura")
"""The installed libraries whose version can change a result (nltk 3.8 splits the example story
into 94 sentences, 3.9 into 95; trafilatura decides what of a page is text)."""


@lru_cache(maxsize=1)
def library_versions() -> tuple[tuple[str, str | None], ...]:
    """``(name, version)`` of :data:`LIBRARIES` and of the sentence-embedding ``model`` (None when
    not installed), as the JSON's ``generator.libraries`` records them."""
    import importlib.metadata

    versions: list[tuple[str, str | None]] = []
    for name in LIBRARIES:
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((name, None))
    versions.append(("model", _model_version()))
    return tuple(versions)


def _model_version() -> str | None:
    """The embedding model's name and version, from ``compare.semantic.model_version()`` where that
    exists (it lands with the embedding aligner); None without the model."""
    from compare import semantic
    from compare.errors import CompareError

    model_version = getattr(semantic, "model_version", None)
    if model_version is None:
        return None
    try:
        version = model_version()
    except CompareError:  # the semantic extra is not installed
        return None
    return None if version is None else str(version)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of :func:`compare.compare`: everything the reports show."""

    title: str
    articles: tuple[Article, ...]
    groups: tuple[Group, ...]
    unique: tuple[tuple[str, tuple[str, ...]], ...]  # (article id, sentence ids)
    pairs: tuple[Pair, ...]
    stances: tuple[Stance, ...]
    settings: Settings
    version: str
    pair_mode: bool = False  # True when the user chose pairs with --pair
    events: tuple[Event, ...] = ()  # the articles grouped by event (compare/analyze/event_sets.py)
    limits: tuple[str, ...] = ()
    """One line for each limit on adversarial input that changed this result (the candidate
    index's budgets, ``Settings.group_max_wordings``, ``Settings.group_pairs_max``,
    ``Settings.semantic_max_chars``); empty on real stories.  The command line prints each
    as a warning; the JSON lists them under ``"limits"`` when there are any."""
    libraries: tuple[tuple[str, str | None], ...] = field(default_factory=library_versions)
    """The versions of the libraries (and model) that made this result: :func:`library_versions`."""
    _index: dict[str, Sentence] = field(default_factory=dict, repr=False, compare=False)
    _group_of: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Look-up tables derived from the fields above; filled once, never changed.
        for article in self.articles:
            for sentence in article.sentences:
                self._index[sentence.id] = sentence
        for group in self.groups:
            for member in group.members:
                self._group_of[member] = group.id

    def __repr__(self) -> str:
        """A one-line summary (the full record is ``to_dict()``; in a notebook, the report)."""
        diverging = sum(1 for g in self.groups if g.kind == "diverge")
        return (
            f"<Comparison {self.title[:60]!r}: {len(self.articles)} articles, {len(self.groups)} groups "
            f"({diverging} diverge), {len(self.pairs)} pairs>"
        )

    def _repr_html_(self) -> str | None:
        """The HTML report for Jupyter and other notebooks, inside a sandboxed ``<iframe srcdoc>``:
        its CSS cannot restyle the notebook, and its script runs without the notebook's origin.

        The analysis imports no renderer (``reports`` is the layer above): the installed package
        names its HTML renderer as the entry point ``storycompare.renderers:html``.  None (the
        notebook shows the repr) when none is installed."""
        import html
        from importlib.metadata import entry_points

        found = entry_points(group="storycompare.renderers", name="html")
        if not found:
            return None
        render = next(iter(found)).load()
        page = html.escape(str(render(self)), quote=True)
        return (
            '<iframe sandbox="allow-scripts" title="storycompare report" '
            'style="width:100%;height:40em;border:1px solid #ccc" '
            f'srcdoc="{page}"></iframe>'
        )

    def to_frames(self) -> dict[str, Any]:
        """The tables of :func:`compare.tables.tables` as pandas DataFrames, by name (sentences,
        groups, differences, coverage, pairs, stances).  Needs pandas
        (``pip install 'storycompare[pandas]'``)."""
        try:
            import pandas
        except ImportError:
            from compare.errors import UsageError

            raise UsageError(
                "to_frames() needs pandas: pip install 'storycompare[pandas]' (or pip install pandas)"
            ) from None
        from compare.tables import tables

        return {
            name: pandas.DataFrame(list(table.rows), columns=list(table.columns))
            for name, table in tables(self).items()
        }

    def sentence(self, sentence_id: str) -> Sentence:
        return self._index[sentence_id]

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def group_of(self, sentence_id: str) -> str | None:
        """The id of the group holding this sentence, or None when it is unique."""
        return self._group_of.get(sentence_id)

    def unique_of(self, article_id: str) -> tuple[str, ...]:
        return dict(self.unique).get(article_id, ())

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (schema "storycompare/1"), as plain Python data."""
        return {
            "schema": SCHEMA,
            "generator": {"name": "storycompare", "version": self.version, "libraries": dict(self.libraries)},
            "settings": self.settings.to_dict(),
            "articles": [
                {
                    "id": a.id,
                    "source": a.source,
                    "sha256": a.sha256,
                    "outlet": a.outlet,
                    "title": a.title,
                    "date": a.date,
                    "url": a.url,
                    "text": a.text,
                    "sentences": [
                        {
                            "id": s.id,
                            "text": s.text,
                            "start": s.start,
                            "end": s.end,
                            "paragraph": s.paragraph,
                            "role": s.role,
                        }
                        for s in a.sentences
                    ],
                    "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
                    **({"repaired": list(a.repaired)} if a.repaired else {}),
                }
                for a in self.articles
            ],
            "groups": [g.to_dict() for g in self.groups],
            "unique": {article_id: list(ids) for article_id, ids in self.unique},
            "pairs": [p.to_dict() for p in self.pairs],
            "events": [e.to_dict() for e in self.events],
            "stances": [s.to_dict() for s in self.stances],
            **({"limits": list(self.limits)} if self.limits else {}),
        }
