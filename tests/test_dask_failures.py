"""Dask failures end in one line: a scheduler left without workers stops the run after
``NO_WORKER_DEADLINE`` naming the scheduler, a scheduler that goes away mid-run is exit 2 with
one line, and remote workers render with the client's ``SOURCE_DATE_EPOCH``.  Each test starts
its own scheduler (and worker) bound to 127.0.0.1 on free ports, and stops them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'storycompare[batch]')")

from compare.batch import runners
from storycompare.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "nato-russia-2010"
DASK = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


HANG_GUARD = 300.0
"""Seconds after which a process that neither says it is ready nor ends fails the test: only a
guard against hanging for ever; the wait ends the moment the line comes."""


def start(*argv: str, ready: str) -> subprocess.Popen[bytes]:
    """Start ``dask *argv`` and return once it has logged the line ``ready`` ("Scheduler at:", a
    scheduler listening; "Registered to:", a worker its scheduler knows): a condition, not a
    wait of some seconds.  Its log is read to the end meanwhile, so that it never blocks on a
    full pipe; a process that ends first fails the test with its last lines."""
    assert DASK is not None
    process = subprocess.Popen(
        [DASK, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, start_new_session=True,
    )
    said, log, done = [False], deque[bytes](maxlen=20), threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            log.append(line)
            if not said[0] and ready.encode() in line:
                said[0] = True
                done.set()
        done.set()  # the end of its log: it ended

    threading.Thread(target=read, daemon=True).start()
    if not done.wait(HANG_GUARD) or not said[0]:
        stop(process)
        pytest.fail(f"dask {argv[0]} did not log {ready!r} (hung, or ended): " + b"".join(log).decode(errors="replace"))
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: the worker's nanny and worker too
    process.wait()


@pytest.fixture
def scheduler() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    if DASK is None:
        pytest.skip("the dask command is not installed")
    port = free_port()
    process = start(
        "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", f"127.0.0.1:{free_port()}",
        ready="Scheduler at:",
    )
    address = f"tcp://127.0.0.1:{port}"
    try:
        yield address, process
    finally:
        stop(process)


@pytest.fixture
def worker(scheduler: tuple[str, subprocess.Popen[bytes]]) -> Iterator[str]:
    address, _ = scheduler
    process = start(
        "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1",
        "--dashboard-address", f"127.0.0.1:{free_port()}", ready="Registered to:",
    )
    try:
        yield address
    finally:
        stop(process)


def test_a_scheduler_without_workers_stops_the_run_naming_it(
    scheduler: tuple[str, subprocess.Popen[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Counted, not timed: the run asks the scheduler for its workers every CLUSTER_CHECK_SECONDS,
    so keeping the deadline takes at most NO_WORKER_DEADLINE / CLUSTER_CHECK_SECONDS checks and a few more;
    a run that ignored the deadline would wait for ever, and is stopped at the twentieth check."""
    address, _ = scheduler
    monkeypatch.setattr(runners, "NO_WORKER_DEADLINE", 2.0)
    monkeypatch.setattr(runners, "CLUSTER_CHECK_SECONDS", 0.5)
    checks, workers = [0], runners.DaskRunner._workers

    def counted(self: runners.DaskRunner) -> int:
        checks[0] += 1
        if checks[0] > 20:
            raise AssertionError("still waiting for a worker after 20 checks: the deadline was not kept")
        return workers(self)

    monkeypatch.setattr(runners.DaskRunner, "_workers", counted)
    assert main(["batch", str(EXAMPLES), "--out", str(tmp_path / "out"), "--scheduler", address]) == 2
    assert checks[0] <= 2.0 / 0.5 + 2  # fewer where a check itself is slow (a loaded machine)
    assert capsys.readouterr().err == (
        f"storycompare: error: --scheduler {address}: no worker left for 2 s; "
        "start workers for it, or run with --workers N instead\n"
    )


def test_a_scheduler_that_dies_mid_run_is_one_line_and_exit_2(
    scheduler: tuple[str, subprocess.Popen[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    address, process = scheduler
    waiting = runners.DaskRunner.as_completed

    def scheduler_dies(self: runners.DaskRunner, handles: list[object]) -> Iterator[tuple[object, object]]:
        stop(process)  # the tasks are submitted, none has a worker: the scheduler goes away now
        return waiting(self, handles)

    monkeypatch.setattr(runners.DaskRunner, "as_completed", scheduler_dies)
    monkeypatch.setattr(runners, "CLUSTER_CHECK_SECONDS", 0.5)
    assert main(["batch", str(EXAMPLES), "--out", str(tmp_path / "out"), "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert err == f"storycompare: error: --scheduler {address}: the Dask scheduler went away during the run (its tasks were lost)\n"
    assert not (tmp_path / "out" / "index.html").exists()


def test_remote_workers_render_with_the_clients_source_date_epoch(
    worker: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")  # the workers have none: their clock would show
    assert main(["batch", str(EXAMPLES), "--out", str(tmp_path / "out"), "--scheduler", worker]) == 0
    capsys.readouterr()
    stories = sorted((tmp_path / "out" / "stories").glob("*.html"))
    assert stories
    for story in stories:
        page = story.read_text("utf-8")
        assert 'name="dcterms.created" content="1970-01-02' in page, story.name


def test_a_local_cluster_binds_to_loopback_on_free_ports_and_leaves_no_process(tmp_path: Path) -> None:
    """With port 8787 taken (a running scheduler's dashboard), --workers 2 says nothing about
    it; when the command has ended, none of its processes is left (each would carry the mark
    put in the command's environment): counted the moment it ends (it allowed 2 s before)."""
    mark = f"storycompare-test-{os.getpid()}-{time.monotonic_ns()}"
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8787))
        except OSError:
            pass  # taken already: just as good
        else:
            taken.listen()
        done = subprocess.run(
            [sys.executable, "-m", "storycompare", "batch", str(EXAMPLES), "--out", str(tmp_path / "out"), "--workers", "2"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT), "STORYCOMPARE_TEST_MARK": mark},
        )
    assert (done.returncode, done.stderr) == (0, "")
    left = []  # counted at once, no wait: the command ends its cluster and waits for its processes before it exits
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/environ", "rb") as environ:  # a zombie's reads as empty
                    if mark.encode() in environ.read():
                        left.append(entry)
            except OSError:
                continue
    assert left == []
