"""The sentence encoder in a worker process (compare/encoder_process.py): the same vectors as
here, and the texts embedded here when the worker cannot."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import pytest

from compare import semantic
from compare.encoder_process import EncoderProcess

needs_model = pytest.mark.skipif(not semantic.available(), reason=f"{semantic.status()}")
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")

TEXTS = [
    "Foreign ministers of all 28 NATO nations attended the meeting, along with Sergei Lavrov.",
    "Clinton rejected a Russian initiative for a new security architecture in Europe.",
    "x",
]


def _refuse(texts: Sequence[str]) -> Any:
    raise AssertionError("embedded here, not in the worker")


@needs_model
@needs_fork
def test_the_worker_embeds_the_texts_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    here = semantic.encode_here(TEXTS)
    with EncoderProcess():
        monkeypatch.setattr(semantic, "encode_here", _refuse)  # here only: the worker was forked before
        before = semantic.encoder_stats()
        there = semantic._encode(TEXTS)
        counted = semantic.encoder_stats().texts - before.texts
    assert there.tobytes() == here.tobytes()  # the same code on the same batches: the same bits
    assert counted == 3  # what the worker did is counted here (benchmarks/batch.py reports it)


@needs_model
@needs_fork
def test_texts_are_embedded_here_when_the_worker_is_gone() -> None:
    here = semantic.encode_here(TEXTS)
    with EncoderProcess():
        workers = multiprocessing.active_children()
        assert len(workers) == 1
        os.kill(workers[0].pid or 0, signal.SIGKILL)
        workers[0].join()
        vectors = semantic._encode(TEXTS)
    assert vectors.tobytes() == here.tobytes()


@needs_model
@needs_fork
def test_the_worker_tells_its_warning_with_the_first_texts_it_embeds(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(semantic.ENCODER_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # in the worker too: import onnxruntime fails
    with semantic._session_lock:
        semantic._built_session.cache_clear()
    try:
        with EncoderProcess() as worker:
            worker._loading.result()
            assert capfd.readouterr().err == ""  # loaded, and nothing said: a run that embeds nothing says nothing
            semantic._encode(TEXTS[:1])
            semantic._encode(TEXTS[1:2])
    finally:
        with semantic._session_lock:
            semantic._built_session.cache_clear()
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "warning: onnxruntime unavailable" in err


def test_no_worker_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "status", lambda: "sentence embeddings unavailable (test)")
    before = multiprocessing.active_children()
    with EncoderProcess():
        assert multiprocessing.active_children() == before


@needs_model
@needs_fork
def test_a_second_report_on_the_same_files_starts_no_worker(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, str(tmp_path / "cache"))
    files = []
    for n, text in enumerate(TEXTS[:2]):
        files.append(str(tmp_path / f"{n}.txt"))
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    before = multiprocessing.active_children()
    with EncoderProcess(files) as first:
        started = [p for p in multiprocessing.active_children() if p not in before]
        first.embedded()
    with EncoderProcess(files):
        again = [p for p in multiprocessing.active_children() if p not in before]
    (tmp_path / "1.txt").write_text(TEXTS[1] + " Lavrov attended.", encoding="utf-8")  # another text: a worker again
    with EncoderProcess(files):
        edited = [p for p in multiprocessing.active_children() if p not in before]
    with EncoderProcess([*files, "-"]):  # standard input: nothing to know it by
        piped = [p for p in multiprocessing.active_children() if p not in before]
    assert (len(started), len(again), len(edited), len(piped)) == (1, 0, 1, 1)
