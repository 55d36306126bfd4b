"""Child processes die with their parent: after ``kill -9`` of the command, its PDF worker
(and a local Dask cluster's processes) end, not left holding memory."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD = 120.0
"""Seconds after which a child still running fails the test: a guard against hanging, no time
the code is held to.  The test waits on each child's end (a pidfd, readable when it ends) and goes
on the moment it comes; it polled every 0.2 s for 10 s before (issue 12), a bound a loaded machine
could miss."""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead
    except FileNotFoundError:
        return False


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        for child in children_of(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def kill_parent_and_wait(parent: subprocess.Popen[str], started: list[int]) -> list[int]:
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    survivors = []
    for pid in started:
        try:
            ended = os.pidfd_open(pid)
        except ProcessLookupError:
            continue  # ended and reaped already
        try:
            if not select.select([ended], [], [], HANG_GUARD)[0] and alive(pid):
                survivors.append(pid)
        finally:
            os.close(ended)
    for pid in survivors:  # leave nothing behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    return survivors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_pdf_worker_dies_with_its_parent() -> None:
    script = (
        "import sys, time\n"
        "from reports.pdf import PdfWorker\n"
        "worker = PdfWorker().__enter__()\n"
        "print('ready', flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    assert parent.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 20
    started: list[int] = []
    while not started and time.monotonic() < deadline:
        started = descendants(parent.pid)
        time.sleep(0.1)
    assert started, "the PDF worker did not start"
    assert kill_parent_and_wait(parent, started) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_local_dask_cluster_dies_with_its_parent(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="Dask is not installed (pip install 'storycompare[batch]')")
    examples = ROOT / "examples" / "nato-russia-2010"
    parent = subprocess.Popen(
        [sys.executable, "-m", "storycompare", "batch", str(examples), "--out", str(tmp_path / "out"), "--workers", "2"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    deadline = time.monotonic() + 60
    started: list[int] = []
    while len(started) < 2 and time.monotonic() < deadline and parent.poll() is None:
        started = descendants(parent.pid)
        time.sleep(0.05)
    if parent.poll() is not None:
        pytest.skip("the batch ended before its workers could be seen")
    time.sleep(0.5)
    started = descendants(parent.pid)
    assert len(started) >= 2, "the local Dask workers did not start"
    assert kill_parent_and_wait(parent, started) == []
