"""Whole news collections: group the articles into stories and compare each story.

:func:`run_batch` runs, in order:

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

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from compare import __version__
from compare.errors import InputError, OutputError, UsageError
from compare.models import Article, Comparison
from compare.settings import Settings
from compare.stories import Profile, StorySettings

if TYPE_CHECKING:
    from compare.lexicon import Lexicon

BATCH_SCHEMA = "storycompare-batch/1"
DASK_HINT = "pip install 'storycompare[batch]'"

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as work completes."""


# --------------------------------------------------------------------------- records


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
    """One story to compare: its articles (ids, in input order) and what to render."""

    id: str
    title: str
    articles: tuple[str, ...]
    settings: Settings
    lexicon: Lexicon | None  # None: the shipped one
    pdf: bool = False
    skip_bad: bool = False
    html: bool = True


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
class BatchResult:
    """Everything ``index.html`` and ``stories.json`` show."""

    stories: tuple[StorySummary, ...]
    singletons: tuple[ArticleInfo, ...]
    skipped: tuple[Skipped, ...]
    story_settings: dict[str, Any]
    settings: dict[str, Any]
    version: str = __version__
    inputs: tuple[str, ...] = ()
    workers: str = "1 (in-process)"

    def to_dict(self) -> dict[str, Any]:
        """``stories.json`` (schema "storycompare-batch/1"), as plain Python data."""
        return {
            "schema": BATCH_SCHEMA,
            "generator": {"name": "storycompare", "version": self.version},
            "stories": [
                {"id": s.id, "articles": [a.id for a in s.articles], "title": s.title} for s in self.stories
            ],
            "singletons": [a.id for a in self.singletons],
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
        }


# --------------------------------------------------------------------------- work functions


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
    try:
        comparison = compare_prepared(articles, job.settings, title=job.title, lexicon=job.lexicon)
        files = render_story(comparison, pdf=job.pdf, html=job.html)
    except Exception as error:
        if not job.skip_bad:
            raise
        reason = f"{type(error).__name__}: {error}"
        return StoryOutput(StorySummary(job.id, job.title, infos, error=reason))
    return StoryOutput(summarise(job.id, comparison, infos, tuple(kind for kind, _ in files)), files)


def render_story(comparison: Comparison, *, pdf: bool = False, html: bool = True) -> tuple[tuple[str, bytes], ...]:
    """The story's reports as bytes: ("html", ...) unless not ``html``, ("json", ...) and,
    with ``pdf``, ("pdf", ...)."""
    from reports.jsonout import render_json

    files = [("json", render_json(comparison).encode("utf-8"))]
    if html:
        from reports.html import render_html

        files.insert(0, ("html", render_html(comparison).encode("utf-8")))
    if pdf:
        from reports.pdf import render_pdf_bytes

        files.append(("pdf", render_pdf_bytes(comparison)))
    return tuple(files)


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
        files=tuple((kind, f"stories/{story_id}.{kind}") for kind in kinds),
    )


# --------------------------------------------------------------------------- runners


class Runner(Protocol):
    """Where the parallel steps run.  ``submit`` returns a handle; a handle given as an
    argument to another ``submit`` stands for its result (as with Dask futures)."""

    description: str

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def as_completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        """(handle, result) pairs, as they complete."""
        ...


class _Deferred:
    __slots__ = ("args", "done", "fn", "value")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn = fn
        self.args = args
        self.done = False
        self.value: Any = None

    def result(self) -> Any:
        if not self.done:
            args = tuple(a.result() if isinstance(a, _Deferred) else a for a in self.args)
            self.value = self.fn(*args)
            self.done = True
            self.args = ()
        return self.value

    def release(self) -> None:
        """Forget the result (its consumer has it), as Dask forgets a released future's."""
        self.value = None


class InProcess:
    """Runs every task here, one after the other, when its result is asked for."""

    description = "1 (in-process)"

    def submit(self, fn: Callable[..., Any], *args: Any) -> _Deferred:
        return _Deferred(fn, args)

    def as_completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        for handle in handles:
            value = handle.result()
            handle.release()
            yield handle, value


class DaskRunner:
    """Runs the tasks on a ``dask.distributed`` cluster through ``client``."""

    def __init__(self, client: Any, description: str) -> None:
        self.client = client
        self.description = description

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def as_completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        from distributed import as_completed

        pending = as_completed(list(handles))  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
        del handles  # each future is then held only until its result has been taken
        for future in pending:
            value = future.result()
            future.release()
            yield future, value


def _import_distributed(option: str) -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(f"{option} needs Dask, which is not installed: {DASK_HINT}") from None
    return distributed


@contextlib.contextmanager
def open_runner(workers: int = 1, scheduler: str | None = None) -> Iterator[Runner]:
    """The runner for ``--workers``/``--scheduler``: in-process for one worker and no
    scheduler, else a Dask client (of a new local cluster, or of ``scheduler``)."""
    if workers < 1:
        raise UsageError(f"--workers {workers}: expected 1 or more")
    most = 4 * (os.cpu_count() or 1)
    if scheduler is None and workers > most:
        raise UsageError(f"--workers {workers}: at most {most} on this machine (four per core)")
    if scheduler is None and workers == 1:
        yield InProcess()
        return
    import logging

    distributed = _import_distributed(f"--scheduler {scheduler}" if scheduler else f"--workers {workers}")
    if scheduler is not None:
        client = _connect(distributed, scheduler)
        with client:
            count = len(client.scheduler_info().get("workers", {}))
            yield DaskRunner(client, f"{count} on {scheduler}")
        return
    # The worker processes start with Ctrl-C ignored (they inherit it): an interrupt from the
    # terminal reaches the whole process group, and only this process should answer it, by
    # closing the cluster, instead of each worker printing its own traceback.
    interrupt = _ignore_interrupts()
    try:
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    finally:
        _restore_interrupts(interrupt)
    with cluster, distributed.Client(cluster) as client:
        yield DaskRunner(client, f"{workers} (local Dask cluster)")


def _ignore_interrupts() -> Any:
    """Ignore SIGINT in this process (and so in the processes it starts); what to restore."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.SIG_IGN)


def _restore_interrupts(previous: Any) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGINT, previous)


SCHEDULER_DEADLINE = 30.0
"""Seconds to wait for a scheduler to answer: a server that accepts the connection but
is not a Dask scheduler would otherwise keep the command waiting for ever."""


def _connect(distributed: Any, scheduler: str) -> Any:
    """A client of the Dask scheduler at ``scheduler``, or a :class:`UsageError` in one line."""
    import threading

    outcome: dict[str, Any] = {}

    def attempt() -> None:
        try:
            outcome["client"] = distributed.Client(scheduler, timeout="20s")
        except BaseException as error:  # refused, timed out, not a Dask scheduler, a bad address ...
            outcome["error"] = error

    # A daemon thread: one that never returns does not keep the process from exiting.
    thread = threading.Thread(target=attempt, name="storycompare-connect", daemon=True)
    thread.start()
    thread.join(SCHEDULER_DEADLINE)
    if "client" in outcome:
        return outcome["client"]
    if thread.is_alive():
        reason = f"no answer in {SCHEDULER_DEADLINE:.0f} s (is a Dask scheduler listening there?)"
    else:
        error = outcome.get("error")
        reason = str(error) or type(error).__name__
    raise UsageError(f"--scheduler {scheduler}: cannot connect: {reason}")


# --------------------------------------------------------------------------- loading


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


# --------------------------------------------------------------------------- the whole run


def partitions(articles: Sequence[Article], size: int) -> list[list[Article]]:
    """Articles in date order (undated last, then input order), cut into partitions of ``size``:
    the articles of one story lie within days of each other, so mostly in one or two partitions."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date is None, articles[i].date or "", i))
    ordered = [articles[i] for i in order]
    return [ordered[k : k + size] for k in range(0, len(ordered), size)]


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
    from compare.stories import group_profiles
    from reports.batch import write_index, write_stories_json
    from reports.files import atomic_write

    runner = runner or InProcess()
    settings = settings or Settings()
    story_settings = story_settings or StorySettings()
    report = progress or (lambda stage, done, total: None)
    target = Path(out)

    try:  # fail before the work, not after it, when the output folder cannot be made
        (target / "stories").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(str(target), (error.strerror or str(error)).lower()) from None

    articles, skipped_inputs = load_collection(inputs, skip_bad)  # 1
    report("load", len(articles), len(articles))
    if not articles:
        raise UsageError("no articles to group: every input was skipped" if skipped_inputs else "no articles given")

    size = partition_size or max(8, min(64, -(-len(articles) // 16)))  # 2
    chunks = partitions(articles, size)
    parts = [runner.submit(prepare_part, chunk, settings, story_settings, skip_bad) for chunk in chunks]
    digest_handles = [runner.submit(digest, handle) for handle in parts]
    number = {id(handle): n for n, handle in enumerate(digest_handles)}
    digests: dict[int, PartDigest] = {}
    report("prepare", 0, len(articles))
    for handle, value in runner.as_completed(digest_handles):
        digests[number[id(handle)]] = value
        report("prepare", sum(len(chunks[n]) for n in digests), len(articles))
    profiles: list[Profile] = []
    infos: dict[str, ArticleInfo] = {}
    where: dict[str, int] = {}
    skipped = list(skipped_inputs)
    for n in range(len(parts)):
        d = digests[n]
        profiles.extend(d.profiles)
        for info in d.infos:
            infos[info.id] = info
            where[info.id] = n
        skipped.extend(d.skipped)
    # Grouping sees the articles in input order, whatever the partitions were.
    position = {a.id: k for k, a in enumerate(articles)}
    profiles.sort(key=lambda p: position[p.id])

    report("group", 0, len(profiles))  # 3
    stories = group_profiles(profiles, story_settings)
    report("group", len(profiles), len(profiles))

    multi = [s for s in stories if len(s.articles) >= 2]  # 4
    singletons = tuple(infos[s.articles[0]] for s in stories if len(s.articles) == 1)
    jobs = [StoryJob(s.id, s.title, s.articles, settings, lexicon, pdf, skip_bad, html) for s in multi]
    # Biggest stories first: the slowest tasks start early and the workers finish together.
    weight = {s.id: sum(infos[a].sentences for a in s.articles) for s in multi}
    jobs.sort(key=lambda j: -weight[j.id])
    handles = []
    for job in jobs:
        needed = sorted({where[a] for a in job.articles})
        handles.append(runner.submit(compare_story, job, *(parts[k] for k in needed)))
    completed = runner.as_completed(handles)
    # Only the runner keeps what the story tasks still need, and each story's result only until it is written.
    del parts, digest_handles, handles
    summaries: dict[str, StorySummary] = {}
    report("compare", 0, len(jobs))
    for _handle, output in completed:
        for kind, data in output.files:
            atomic_write(target / "stories" / f"{output.summary.id}.{kind}", data)
        summaries[output.summary.id] = output.summary
        if output.summary.error:
            skipped.append(Skipped(f"story {output.summary.id}", output.summary.error))
        report("compare", len(summaries), len(jobs))

    result = BatchResult(  # 5
        stories=tuple(summaries[s.id] for s in multi),
        singletons=singletons,
        skipped=tuple(skipped),
        story_settings=story_settings.to_dict(),
        settings=settings.to_dict(),
        inputs=tuple(os.fspath(i) for i in inputs),
        workers=runner.description,
    )
    report("index", 0, 1)
    write_stories_json(result, target / "stories.json")
    write_index(result, target / "index.html")
    report("index", 1, 1)
    return result


def describe(result: BatchResult) -> Mapping[str, int]:
    """Counts for the command line's closing line."""
    return {
        "stories": len(result.stories),
        "articles": sum(len(s.articles) for s in result.stories) + len(result.singletons),
        "singletons": len(result.singletons),
        "skipped": len(result.skipped),
    }
