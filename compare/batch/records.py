"""The records of a batch run: what the work functions take and return, and what the index shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from compare import __version__
from compare.models import Article, Comparison
from compare.settings import Settings
from compare.stories import Profile, StorySettings

if TYPE_CHECKING:
    from compare.lexicon import Lexicon

BATCH_SCHEMA = "storycompare-batch/1"

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work completes."""

Render = Callable[[Comparison], tuple[tuple[str, bytes], ...]]
"""A story's report files from its comparison: ``(kind, content)`` pairs, kind "html", "json" or "pdf"."""



@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the index shows of one article (small: no text)."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    sentences: int
    words: int

    @property
    def label(self) -> str:
        return self.outlet or self.id

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        return cls(
            article.id, article.source, article.outlet, article.title, article.date, article.url,
            len(article.sentences), article.words,
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input, article or story left out under ``--skip-bad``, and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class PreparedPart:
    """A partition of prepared articles (cleaned, segmented) with their profiles."""

    articles: tuple[Article, ...]
    profiles: tuple[Profile, ...]
    infos: tuple[ArticleInfo, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class PartDigest:
    """What this process needs of a :class:`PreparedPart`: no article text."""

    profiles: tuple[Profile, ...]
    infos: tuple[ArticleInfo, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class StoryJob:
    """One story to compare: its articles (ids, in input order) and how to render its reports
    (a function of the layer above, such as :func:`reports.batch.render_story`: the core
    never imports the rendering)."""

    id: str
    title: str
    articles: tuple[str, ...]
    settings: Settings
    lexicon: Lexicon | None  # None: the shipped one
    render: Render | None = None  # the story's report files; None: none
    skip_bad: bool = False


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story's headline figures, shown in the index."""

    id: str
    title: str
    articles: tuple[ArticleInfo, ...]
    sentences: int = 0
    groups: int = 0
    agree: int = 0  # groups of each kind
    partial: int = 0
    diverge: int = 0
    agree_sentences: int = 0  # sentences in agree groups
    unique_sentences: int = 0  # sentences no other article reports
    differences: int = 0  # typed differences that are conflicts
    similarity: float = 0.0  # mean pair similarity
    error: str | None = None
    files: tuple[tuple[str, str], ...] = ()  # (kind, path relative to the output folder)
    limits: tuple[str, ...] = ()  # a limit on adversarial input changed the result (Comparison.limits)

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets named, in article order (articles without one are not counted)."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles if a.outlet))

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(sorted({a.date for a in self.articles if a.date}))

    @property
    def agree_share(self) -> float:
        return self.agree_sentences / self.sentences if self.sentences else 0.0

    @property
    def unique_share(self) -> float:
        return self.unique_sentences / self.sentences if self.sentences else 0.0


@dataclass(frozen=True, slots=True)
class StoryOutput:
    """What a story task sends back: the figures and the report files' bytes."""

    summary: StorySummary
    files: tuple[tuple[str, bytes], ...] = ()  # (kind, content); kind is "html", "json" or "pdf"


@dataclass(frozen=True, slots=True)
class Related:
    """A follow-up link of the index (:class:`compare.stories.Link`): the later event's story
    follows the earlier one's.  An end is a story (its id) or an article on its own (its
    article id), as ``*_kind`` says."""

    earlier: str
    later: str
    days: int
    reason: str
    earlier_kind: Literal["story", "article"] = "story"
    later_kind: Literal["story", "article"] = "story"

    def seen_from(self, end_id: str, kind: Literal["story", "article"] = "story") -> dict[str, Any]:
        """The link as the story (or the article on its own) ``end_id`` lists it: the other end
        (``{"story": id}`` or ``{"article": id}``), "follow_up_of" or "followed_by", the days
        between the events and the reason."""
        if self.later_kind == kind and self.later == end_id:
            other_kind, other, relation = self.earlier_kind, self.earlier, "follow_up_of"
        else:
            other_kind, other, relation = self.later_kind, self.later, "followed_by"
        return {other_kind: other, "relation": relation, "days": self.days, "reason": self.reason}

    def involves(self, end_id: str, kind: Literal["story", "article"] = "story") -> bool:
        return (self.earlier_kind == kind and self.earlier == end_id) or (
            self.later_kind == kind and self.later == end_id
        )

    def to_dict(self) -> dict[str, Any]:
        """The link as ``stories.json``'s top-level ``links`` lists it: both ends."""
        return {
            "earlier": {self.earlier_kind: self.earlier},
            "later": {self.later_kind: self.later},
            "days": self.days,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Everything ``index.html`` and ``stories.json`` show."""

    stories: tuple[StorySummary, ...]
    singletons: tuple[ArticleInfo, ...]
    skipped: tuple[Skipped, ...]
    story_settings: StorySettings
    settings: Settings
    version: str = __version__
    inputs: tuple[str, ...] = ()
    workers: str = "1 (in-process)"
    related: tuple[Related, ...] = ()  # follow-up links between stories (and articles on their own)

    def related_to(self, story_id: str) -> list[dict[str, Any]]:
        """The follow-up links of one story, as ``stories.json`` lists them (:meth:`Related.seen_from`)."""
        return [link.seen_from(story_id) for link in self.related if link.involves(story_id)]

    def related_to_article(self, article_id: str) -> list[dict[str, Any]]:
        """The follow-up links of an article on its own (two such articles may be linked too)."""
        return [
            link.seen_from(article_id, "article") for link in self.related if link.involves(article_id, "article")
        ]

    def to_dict(self) -> dict[str, Any]:
        """``stories.json`` (schema "storycompare-batch/1"), as plain Python data."""
        return {
            "schema": BATCH_SCHEMA,
            "generator": {"name": "storycompare", "version": self.version},
            "stories": [
                {"id": s.id, "articles": [a.id for a in s.articles], "title": s.title, "related": self.related_to(s.id)}
                for s in self.stories
            ],
            "singletons": [a.id for a in self.singletons],
            "links": [link.to_dict() for link in self.related],
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
        }
