"""``storycompare batch``'s whole run: group a collection into stories, compare each, write the reports.

This layer sits above the analysis (:mod:`compare`, whose :mod:`compare.batch` holds the
records, the work functions and the runners) and the rendering (:mod:`reports`): the story
tasks render their reports with :func:`reports.batch.render_story`, handed to them in each
:class:`~compare.batch.StoryJob`, and the files are written here.

:func:`run_batch` runs, in order:

1. load     -- every input (folders, files, JSON and JSONL exports) → articles, on this process
2. prepare  -- per partition of articles, in parallel: :func:`compare.batch.prepare_part`
3. group    -- on this process, over all profiles: :func:`compare.stories.group_profiles`
4. compare  -- per story, in parallel: :func:`compare.batch.compare_story` and its reports,
               returned as bytes and written here
5. index    -- ``index.html`` and ``stories.json`` (:mod:`reports.batch`)

Every file is written to a temporary file first and all are renamed together at the end
(:class:`reports.OutputSet`); ``index.html`` and
``stories.json`` are written last, so their presence means the run finished.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from compare.batch import (
    ArticleInfo,
    BatchResult,
    InProcess,
    PartDigest,
    Progress,
    Related,
    Runner,
    Skipped,
    StoryJob,
    StoryOutput,
    StorySummary,
    compare_story,
    digest,
    load_collection,
    partitions,
    prepare_part,
)
from compare.errors import OutputError, UsageError
from compare.lexicon import Lexicon
from compare.models import Article
from compare.settings import Settings
from compare.stories import Link, Profile, Story, StorySettings, follow_ups, group_profiles, neighbours
from reports.batch import render_index, render_stories_json, render_story
from reports.files import OutputSet, check_folder

__all__ = ["describe", "run_batch"]


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    runner: Runner | None = None,
    pdf: bool = False,
    html: bool = True,
    skip_bad: bool = False,
    settings: Settings | None = None,
    story_settings: StorySettings | None = None,
    lexicon: Lexicon | None = None,
    partition_size: int = 0,
    progress: Progress | None = None,
) -> BatchResult:
    """Group the articles of ``inputs`` into stories, compare each, write everything under ``out``.

    Writes ``out/stories/<id>.html`` (unless not ``html``) and ``.json`` (and
    ``.pdf`` with ``pdf``) per story, then ``out/stories.json`` and ``out/index.html``.
    ``runner`` runs the parallel steps (default: in this process).  ``partition_size``
    articles are prepared per task (default: the collection in about 16 partitions of
    8 to 64 articles).
    Raises :class:`~compare.errors.CompareError` for bad input (unless ``skip_bad``)
    and :class:`~compare.errors.OutputError` when a file cannot be written.
    """
    runner = runner or InProcess()
    settings = settings or Settings()
    story_settings = story_settings or StorySettings()
    report = progress or (lambda stage, done, total: None)
    target = Path(out)

    check_folder(target / "stories")  # fail before the work, not after it; nothing is made yet

    articles, skipped_inputs = load_collection(inputs, skip_bad)  # 1
    report("load", len(articles), len(articles))
    if not articles:
        raise UsageError("no articles to group: every input was skipped" if skipped_inputs else "no articles given")

    size = partition_size or max(8, min(64, -(-len(articles) // 16)))  # 2
    parts, digests = _prepare(runner, partitions(articles, size), settings, story_settings, skip_bad, report)
    profiles, infos, where, skipped = _collect(digests, articles)
    skipped[:0] = skipped_inputs

    report("group", 0, len(profiles))  # 3
    near = neighbours(profiles, story_settings)  # the story vectors and candidate pairs, for both steps
    stories = group_profiles(profiles, story_settings, event_settings=settings, near=near)
    links = follow_ups(profiles, stories, story_settings, event_settings=settings, near=near)
    report("group", len(profiles), len(profiles))

    multi = [s for s in stories if len(s.articles) >= 2]  # 4
    render = functools.partial(render_story, pdf=pdf, html=html)
    jobs = [StoryJob(s.id, s.title, s.articles, settings, lexicon, render, skip_bad) for s in multi]
    completed = _submit_stories(runner, jobs, multi, parts, infos, where)
    del parts  # only the runner keeps what the story tasks still need
    # Every file goes to a temporary file beside its target, and all are renamed at the end:
    # a run that fails (a full disk, a story that breaks) replaces no report of an earlier run.
    with OutputSet() as outputs:
        try:  # there even when no story has two articles
            (target / "stories").mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(str(target / "stories"), (error.strerror or str(error)).lower()) from None
        summaries = _write_stories(completed, outputs, target, skipped, report, len(jobs))

        result = BatchResult(  # 5
            stories=tuple(summaries[s.id] for s in multi),
            singletons=tuple(infos[s.articles[0]] for s in stories if len(s.articles) == 1),
            skipped=tuple(skipped),
            story_settings=story_settings,
            settings=settings,
            inputs=tuple(os.fspath(i) for i in inputs),
            workers=runner.description,
            related=_related(links, stories),
        )
        report("index", 0, 1)
        outputs.add(target / "stories.json", render_stories_json(result).encode("utf-8"))
        outputs.add(target / "index.html", render_index(result).encode("utf-8"))
    report("index", 1, 1)
    return result


def _related(links: Sequence[Link], stories: Sequence[Story]) -> tuple[Related, ...]:
    """The follow-up links as the index shows them: a singleton's end named by its article
    (two articles on their own may be linked: each lists the other)."""
    single = {s.id: s.articles[0] for s in stories if len(s.articles) == 1}
    out = []
    for link in links:
        out.append(
            Related(
                single.get(link.earlier, link.earlier),
                single.get(link.later, link.later),
                link.days,
                link.reason,
                "article" if link.earlier in single else "story",
                "article" if link.later in single else "story",
            )
        )
    return tuple(out)


def _prepare(
    runner: Runner,
    chunks: list[list[Article]],
    settings: Settings,
    story_settings: StorySettings,
    skip_bad: bool,
    report: Progress,
) -> tuple[list[Any], list[PartDigest]]:
    """Stage 2: the prepared partitions (runner handles: they stay where they were made)
    and their digests, in partition order."""
    parts = [runner.submit(prepare_part, chunk, settings, story_settings, skip_bad) for chunk in chunks]
    digest_handles = [runner.submit(digest, handle) for handle in parts]
    number = {id(handle): n for n, handle in enumerate(digest_handles)}
    digests: dict[int, PartDigest] = {}
    total = sum(len(chunk) for chunk in chunks)
    report("prepare", 0, total)
    for handle, value in runner.as_completed(digest_handles):
        digests[number[id(handle)]] = value
        report("prepare", sum(len(chunks[n]) for n in digests), total)
    return parts, [digests[n] for n in range(len(parts))]


def _collect(
    digests: Sequence[PartDigest], articles: Sequence[Article]
) -> tuple[list[Profile], dict[str, ArticleInfo], dict[str, int], list[Skipped]]:
    """The profiles (in input order, whatever the partitions were), each article's info and
    partition, and what was skipped."""
    profiles: list[Profile] = []
    infos: dict[str, ArticleInfo] = {}
    where: dict[str, int] = {}
    skipped: list[Skipped] = []
    for n, part in enumerate(digests):
        profiles.extend(part.profiles)
        for info in part.infos:
            infos[info.id] = info
            where[info.id] = n
        skipped.extend(part.skipped)
    position = {a.id: k for k, a in enumerate(articles)}
    profiles.sort(key=lambda p: position[p.id])
    return profiles, infos, where, skipped


def _submit_stories(
    runner: Runner,
    jobs: list[StoryJob],
    stories: Sequence[Story],
    parts: Sequence[Any],
    infos: Mapping[str, ArticleInfo],
    where: Mapping[str, int],
) -> Iterator[tuple[Any, StoryOutput]]:
    """Stage 4's tasks, biggest story first (the slowest tasks start early and the workers
    finish together), each given the partitions that hold its articles; their outputs as
    they complete."""
    weight = {s.id: sum(infos[a].sentences for a in s.articles) for s in stories}
    jobs = sorted(jobs, key=lambda j: -weight[j.id])
    handles = [
        runner.submit(compare_story, job, *(parts[k] for k in sorted({where[a] for a in job.articles})))
        for job in jobs
    ]
    return runner.as_completed(handles)


def _write_stories(
    completed: Iterator[tuple[Any, StoryOutput]],
    outputs: OutputSet,
    target: Path,
    skipped: list[Skipped],
    report: Callable[[str, int, int], None],
    total: int,
) -> dict[str, StorySummary]:
    """Write each story's files (to ``outputs``) as its task completes (so each result is held
    only until then);
    a story that failed under ``--skip-bad`` is added to ``skipped``."""
    summaries: dict[str, StorySummary] = {}
    report("compare", 0, total)
    for _handle, output in completed:
        for kind, data in output.files:
            outputs.add(target / "stories" / f"{output.summary.id}.{kind}", data)
        summaries[output.summary.id] = output.summary
        if output.summary.error:
            skipped.append(Skipped(f"story {output.summary.id}", output.summary.error))
        report("compare", len(summaries), total)
    return summaries


def describe(result: BatchResult) -> Mapping[str, int]:
    """Counts for the command line's closing line."""
    return {
        "stories": len(result.stories),
        "articles": sum(len(s.articles) for s in result.stories) + len(result.singletons),
        "singletons": len(result.singletons),
        "skipped": len(result.skipped),
    }
