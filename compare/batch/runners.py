"""Where the parallel steps of a batch run run: in this process, or on a Dask cluster."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

from compare.errors import UsageError

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
