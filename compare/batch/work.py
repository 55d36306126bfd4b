"""The work functions of a batch run, which a :class:`~compare.batch.runners.Runner` runs anywhere:
prepare a partition of articles, compare a story; and the loading and partitioning around them."""

from __future__ import annotations

import contextlib
import gc
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace

from compare.batch.records import (
    ArticleInfo,
    PartDigest,
    PreparedPart,
    Skipped,
    StoryJob,
    StoryOutput,
    StorySummary,
)
from compare.errors import InputError
from compare.models import Article, Comparison
from compare.settings import Settings
from compare.stories import Profile, StorySettings, cosine, story_vectors


def prepare_article(
    article: Article, settings: Settings | None = None, story_settings: StorySettings | None = None
) -> tuple[Article, Profile]:
    """Prepare one article as :func:`compare.compare` does (:func:`compare.pipeline.prepare`:
    clean, complete the metadata, segment), and profile it."""
    from compare.pipeline import prepare
    from compare.stories import profile

    prepared = prepare(article, settings)
    return prepared, profile(prepared, story_settings)


def prepare_part(
    articles: Sequence[Article],
    settings: Settings | None = None,
    story_settings: StorySettings | None = None,
    skip_bad: bool = False,
) -> PreparedPart:
    """:func:`prepare_article` over a partition.  An article with no text left is an
    error, or with ``skip_bad`` left out and listed; so is one that fails to prepare."""
    with _fewer_collections():
        return _prepare_part(articles, settings, story_settings, skip_bad)


def _prepare_part(
    articles: Sequence[Article], settings: Settings | None, story_settings: StorySettings | None, skip_bad: bool
) -> PreparedPart:
    kept: list[Article] = []
    profiles: list[Profile] = []
    skipped: list[Skipped] = []
    for article in articles:
        try:
            prepared, prof = prepare_article(article, settings, story_settings)
        except InputError as error:  # no text left after cleaning
            if not skip_bad:
                raise
            skipped.append(Skipped(error.source, error.problem))
            continue
        except Exception as error:
            if not skip_bad:
                raise
            skipped.append(Skipped(article.source, f"{article.id}: cannot be prepared: {type(error).__name__}: {error}"))
            continue
        kept.append(prepared)
        profiles.append(prof)
    return PreparedPart(tuple(kept), tuple(profiles), tuple(ArticleInfo.of(a) for a in kept), tuple(skipped))


def digest(part: PreparedPart) -> PartDigest:
    """The profiles, infos and skips of a partition: what the grouping step needs."""
    return PartDigest(part.profiles, part.infos, part.skipped)


GC_THRESHOLD = 50_000
"""Allocations between two collections of the youngest generation during a batch task
(Python's default is 700); measured: 3 to 7 % less time for the FNC-1 bodies."""


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often: the work allocates many small objects
    that reference counting frees, while each collection of the older generations walks
    every article held (in this process, all of them).  Memory stays bounded."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def compare_story(job: StoryJob, *parts: PreparedPart) -> StoryOutput:
    """Compare one story and render its reports; ``parts`` hold its articles."""
    with _fewer_collections():
        return _compare_story(job, *parts)


def _compare_story(job: StoryJob, *parts: PreparedPart) -> StoryOutput:
    from compare.pipeline import compare_prepared

    wanted = set(job.articles)
    found = {a.id: a for part in parts for a in part.articles if a.id in wanted}
    articles = [found[i] for i in job.articles]
    infos = tuple(ArticleInfo.of(a) for a in articles)
    profiles = {p.id: p for part in parts for p in part.profiles if p.id in wanted}
    compared, limit = within_pairs(articles, [profiles[a.id] for a in articles], job.settings.article_pairs_max)
    events = {a.id: event for a in compared if (event := profiles[a.id].event) is not None}
    try:
        comparison = compare_prepared(
            compared, job.settings, title=job.title, lexicon=job.lexicon, event_profiles=events
        )
        if limit:
            comparison = replace(comparison, limits=(limit, *comparison.limits))
        files = job.render(comparison) if job.render is not None else ()
    except Exception as error:
        if not job.skip_bad:
            raise
        reason = f"{type(error).__name__}: {error}"
        return StoryOutput(StorySummary(job.id, job.title, infos, error=reason))
    return StoryOutput(summarise(job.id, comparison, infos, tuple(kind for kind, _ in files)), files)


def within_pairs(
    articles: Sequence[Article], profiles: Sequence[Profile], most: int
) -> tuple[list[Article], str | None]:
    """The articles of a story to compare, within ``most`` pairs (``Settings.article_pairs_max``;
    0: no limit), and the limit line when some are left out.  ``compare`` refuses more pairs; a
    batch story cannot be chosen, so one over the limit (a wire story reprinted by hundreds of
    sites: 600 articles took 400 s and every pair's memory) compares the articles closest to its
    centre (the sum of their story vectors), in their order; the others are listed in the index."""
    n = len(articles)
    if not most or n * (n - 1) // 2 <= most:
        return list(articles), None
    keep = (1 + math.isqrt(1 + 8 * most)) // 2  # the most articles within that many pairs
    vectors = story_vectors(profiles)
    centre: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            centre[term] = centre.get(term, 0.0) + weight
    closest = sorted(range(n), key=lambda i: (-cosine(vectors[i], centre), i))[:keep]
    line = (
        f"{n:,} articles make {n * (n - 1) // 2:,} pairs to compare, over {most:,} (Settings.article_pairs_max): "
        f"the {keep:,} closest to the story's centre are compared, the other {n - keep:,} only listed"
    )
    return [articles[i] for i in sorted(closest)], line


def summarise(
    story_id: str, comparison: Comparison, infos: tuple[ArticleInfo, ...], kinds: Sequence[str] = ()
) -> StorySummary:
    """The headline figures of a compared story."""
    sentences = sum(len(a.sentences) for a in comparison.articles)
    kinds_count = {"agree": 0, "partial": 0, "diverge": 0}
    agree_sentences = 0
    conflicts = 0
    for group in comparison.groups:
        kinds_count[group.kind] += 1
        if group.kind == "agree":
            agree_sentences += len(group.members)
        conflicts += sum(1 for d in group.differences if d.conflict)
    unique = sum(len(ids) for _article, ids in comparison.unique)
    pairs = comparison.pairs
    similarity = sum(p.similarity for p in pairs) / len(pairs) if pairs else 0.0
    return StorySummary(
        id=story_id,
        title=comparison.title,
        articles=infos,
        sentences=sentences,
        groups=len(comparison.groups),
        agree=kinds_count["agree"],
        partial=kinds_count["partial"],
        diverge=kinds_count["diverge"],
        agree_sentences=agree_sentences,
        unique_sentences=unique,
        differences=conflicts,
        similarity=round(similarity, 4),
        limits=tuple(comparison.limits),
        files=tuple((kind, f"stories/{story_id}.{kind}") for kind in kinds),
    )


def load_collection(
    inputs: Sequence[str | os.PathLike[str]], skip_bad: bool = False
) -> tuple[tuple[Article, ...], tuple[Skipped, ...]]:
    """Load every input (:func:`compare.load.load_inputs`); with ``skip_bad`` an input, JSON record
    or JSONL line that cannot be read is left out and listed instead of stopping the run.  The index
    lists a JSONL line as an input of its own: ``feed.jsonl line 3``, then the problem."""
    from compare.load import load_inputs

    refused: list[InputError] = []
    articles = load_inputs(inputs, skip_bad=skip_bad, skipped=refused)
    listed = (
        Skipped(error.source if error.line is None else f"{error.source} line {error.line}", error.problem)
        for error in refused
    )
    return articles, tuple(listed)


def partitions(articles: Sequence[Article], size: int) -> list[list[Article]]:
    """Articles in date order (undated last, then input order), cut into partitions of ``size``:
    the articles of one story lie within days of each other, so mostly in one or two partitions."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date is None, articles[i].date or "", i))
    ordered = [articles[i] for i in order]
    return [ordered[k : k + size] for k in range(0, len(ordered), size)]
