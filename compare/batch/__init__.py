"""Whole news collections: group the articles into stories and compare each story.

:func:`storycompare.batch.run_batch` runs, in order:

1. load     -- every input (folders, files, JSON and JSONL exports) → articles,
               on this process (:func:`compare.load.load_inputs`)
2. prepare  -- per article, in parallel: :func:`compare.pipeline.prepare` (clean,
               complete the metadata, segment: the stages 2 and 3 of
               :func:`compare.compare`, with the same settings), and the story
               profile of :mod:`compare.stories` (tokens and their weights)
3. group    -- on this process, over all profiles: :func:`compare.stories.group_profiles`
4. compare  -- per story, in parallel: :func:`compare.pipeline.compare_prepared` (stages 4 to 6 of
               :func:`compare.compare`) and the story's HTML and JSON reports
               (and PDF), returned as bytes and written here
5. index    -- ``index.html`` and ``stories.json`` (:mod:`reports.batch`)

The parallel steps run on a :class:`Runner`: :class:`InProcess` (one worker, no
Dask) or :class:`DaskRunner` (a ``dask.distributed`` cluster, local or remote).
Both call the same work functions (:func:`prepare_part`, :func:`compare_story`),
so a collection gives the same stories and reports either way.  Prepared
articles stay where they were made: the prepare tasks return them to the
runner, only their small profiles come back here, and each story task is given
the partitions that hold its articles.

Every file is written atomically (:func:`reports.atomic_write`); ``index.html``
and ``stories.json`` are written last, so their presence means the run finished.
"""

from compare.batch.records import (
    BATCH_SCHEMA,
    ArticleInfo,
    BatchResult,
    PartDigest,
    PreparedPart,
    Progress,
    Related,
    Render,
    Skipped,
    StoryJob,
    StoryOutput,
    StorySummary,
)
from compare.batch.runners import DASK_HINT, DaskRunner, InProcess, Runner, open_runner
from compare.batch.work import (
    compare_story,
    digest,
    load_collection,
    partitions,
    prepare_article,
    prepare_part,
    summarise,
)

__all__ = [
    "BATCH_SCHEMA",
    "DASK_HINT",
    "ArticleInfo",
    "BatchResult",
    "DaskRunner",
    "InProcess",
    "PartDigest",
    "PreparedPart",
    "Progress",
    "Related",
    "Render",
    "Runner",
    "Skipped",
    "StoryJob",
    "StoryOutput",
    "StorySummary",
    "compare_story",
    "digest",
    "load_collection",
    "open_runner",
    "partitions",
    "prepare_article",
    "prepare_part",
    "summarise",
]
