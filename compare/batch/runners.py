"""Where the parallel steps of a batch run run: in this process, or on a Dask cluster."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from compare.errors import CompareError, UsageError

DASK_HINT = "pip install 'storycompare[batch]'"



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


NO_WORKER_DEADLINE = 60.0
"""Seconds a run waits while its Dask scheduler has no worker at all (every worker died or
left, and none came back) before it stops with one line naming the scheduler."""

CLUSTER_CHECK_SECONDS = 2.0
"""How often a run on Dask asks its scheduler how many workers it has, while it waits."""

_ENVIRONMENT = ("SOURCE_DATE_EPOCH",)
"""Environment variables of the client that the tasks see on every worker (the reports'
timestamp), whatever the worker's own environment says."""


def _with_environment(environment: tuple[tuple[str, str | None], ...], fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(*args)`` with the client's values of :data:`_ENVIRONMENT` (None: unset)."""
    for name, value in environment:
        if value is None:
            os.environ.pop(name, None)
        elif os.environ.get(name) != value:
            os.environ[name] = value
    return fn(*args)


class DaskRunner:
    """Runs the tasks on a ``dask.distributed`` cluster through ``client``.  Each task sees the
    client's ``SOURCE_DATE_EPOCH``; a cluster left without workers for NO_WORKER_DEADLINE, or a
    scheduler that goes away, ends the run with a :class:`~compare.errors.CompareError` in
    one line (exit code 2) naming ``where`` (the scheduler)."""

    def __init__(self, client: Any, description: str, where: str = "the local Dask cluster") -> None:
        self.client = client
        self.description = description
        self.where = where
        self.environment = tuple((name, os.environ.get(name)) for name in _ENVIRONMENT)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(_with_environment, self.environment, fn, *args, pure=False)

    def as_completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        import time
        from concurrent.futures import CancelledError

        from distributed import as_completed

        pending = as_completed(list(handles))  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
        del handles  # each future is then held only until its result has been taken
        checked = time.monotonic()
        without_workers: float | None = None
        while not pending.is_empty():  # type: ignore[no-untyped-call]
            if pending.has_ready():  # type: ignore[no-untyped-call]
                for future in pending.next_batch(block=False):  # type: ignore[no-untyped-call]
                    try:
                        value = future.result()
                    except CancelledError:
                        raise self._lost() from None
                    future.release()
                    yield future, value
                continue
            time.sleep(0.05)
            now = time.monotonic()
            if now - checked < CLUSTER_CHECK_SECONDS:
                continue
            checked = now
            workers = self._workers()
            if workers:
                without_workers = None
            elif without_workers is None:
                without_workers = now
            elif now - without_workers >= NO_WORKER_DEADLINE:
                raise CompareError(
                    f"{self.where}: no worker left for {NO_WORKER_DEADLINE:.0f} s; "
                    "start workers for it, or run with --workers N instead"
                )

    def _workers(self) -> int:
        """How many workers the scheduler has; a scheduler gone or silent is an error."""
        import threading

        outcome: dict[str, Any] = {}

        def ask() -> None:
            try:
                outcome["count"] = len(self.client.scheduler_info().get("workers", {}))
            except BaseException as error:  # the connection closed, the client was closed ...
                outcome["error"] = error

        thread = threading.Thread(target=ask, name="storycompare-workers", daemon=True)
        thread.start()
        thread.join(SCHEDULER_DEADLINE)
        if "count" in outcome:
            return int(outcome["count"])
        raise self._lost()

    def _lost(self) -> CompareError:
        return CompareError(f"{self.where}: the Dask scheduler went away during the run (its tasks were lost)")


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

    # Held back from before Dask's import, which starts threads: a thread that does not hold SIGINT
    # back would take it, and with it ignored, lose it (see the local cluster below).
    held = _hold_interrupts() if scheduler is None else None
    try:
        distributed = _import_distributed(f"--scheduler {scheduler}" if scheduler else f"--workers {workers}")
    except BaseException:
        _release_interrupts(held)
        raise
    if scheduler is not None:
        with _quiet(logging.getLogger("distributed")):
            client = _connect(distributed, scheduler)
            with client:
                count = len(client.scheduler_info().get("workers", {}))
                yield DaskRunner(client, f"{count} on {scheduler}", f"--scheduler {scheduler}")
        return
    # The worker processes start with Ctrl-C ignored (they inherit it): an interrupt from the
    # terminal reaches the whole process group, and only this process should answer it, by
    # closing the cluster, instead of each worker printing its own traceback.  Here it is also
    # held back: a Ctrl-C while the cluster starts (a few seconds) is raised as soon as it has
    # started, and the cluster closes (only ignored, it was lost and the batch ran to its end).
    try:
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # loopback only, on free ports: no clash with a running scheduler
            scheduler_port=0,
            dashboard_address=None,
            # Without a dashboard the scheduler still serves HTTP, by default on port 8787 of
            # every interface ("Port 8787 is already in use" when a scheduler runs): a free
            # loopback port instead.
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
    except BaseException:
        _release_interrupts(held)
        raise
    try:
        with cluster:
            _release_interrupts(held)  # a Ctrl-C that came meanwhile is raised here: the cluster closes
            with distributed.Client(cluster) as client:
                yield DaskRunner(client, f"{workers} (local Dask cluster)")
    finally:
        _stop_resource_tracker()


def _stop_resource_tracker() -> None:
    """Stop (and wait for) multiprocessing's resource tracker, which the local cluster's
    processes started: left to itself it outlives this process by a moment, as an orphan
    that a container's first process may never reap (a zombie).  A private function of
    multiprocessing: where it is missing, nothing is done."""
    import multiprocessing.resource_tracker as tracker

    stop = getattr(getattr(tracker, "_resource_tracker", None), "_stop", None)
    if stop is not None:
        with contextlib.suppress(Exception):
            stop()


@contextlib.contextmanager
def _quiet(logger: Any) -> Iterator[None]:
    """No record of ``logger`` or its children reaches its handlers (Dask's client logs a
    traceback of 30 lines when its scheduler goes away; the run ends with one line instead)."""

    def drop(record: Any) -> bool:
        return False

    handlers = list(logger.handlers)
    for handler in handlers:
        handler.addFilter(drop)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(drop)


def _hold_interrupts() -> tuple[Any, Any] | None:
    """Ignore SIGINT (the processes this one starts inherit that) and hold it back in this thread
    (a signal held back stays pending even while ignored, on Linux and the BSDs); what
    :func:`_release_interrupts` restores.  None off the main thread, where Python sets no handler."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    mask = None
    if hasattr(signal, "pthread_sigmask"):  # POSIX; Windows has neither masks nor the tracker
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()  # it unmasks SIGINT in the thread that first starts it: started first
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return signal.signal(signal.SIGINT, signal.SIG_IGN), mask


def _release_interrupts(held: tuple[Any, Any] | None) -> None:
    """Undo :func:`_hold_interrupts`: a Ctrl-C held back meanwhile is raised now, as KeyboardInterrupt
    (where there are no signal masks, Windows, it was ignored)."""
    import signal

    if held is None:
        return
    handler, mask = held
    signal.signal(signal.SIGINT, handler)
    if mask is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


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
