"""The sentence encoder in a worker process (compare/encoder_process.py): the same vectors as
here, and the texts embedded here when the worker cannot."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

import pytest

from compare import encoder_process, semantic
from compare.encoder_process import EncoderProcess

needs_model = pytest.mark.skipif(not semantic.available(), reason=f"{semantic.status()}")
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")

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
    with EncoderProcess() as worker:
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
        os.waitpid(worker.pid, 0)
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
            assert worker.pid is not None
            semantic._encode(TEXTS[:1])  # the worker held what its loading said until now ...
            semantic._encode(TEXTS[1:2])  # ... and says it once
    finally:
        with semantic._session_lock:
            semantic._built_session.cache_clear()
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "warning: onnxruntime unavailable" in err


@needs_model
@needs_fork
def test_a_worker_forked_after_embedding_here_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(encoder_process.TOKENIZERS_PARALLELISM_ENV, raising=False)
    semantic.encode_here([f"Sentence number {n} of a long batch, tokenized on several threads." for n in range(64)])
    capfd.readouterr()
    with EncoderProcess() as worker:
        assert worker.pid is not None
        there = semantic._encode(TEXTS)
        parent_setting = os.environ.get(encoder_process.TOKENIZERS_PARALLELISM_ENV)
    assert there.tobytes() == semantic.encode_here(TEXTS).tobytes()
    assert capfd.readouterr().err == ""  # tokenizers 0.15 warned here of the fork after parallel use
    assert parent_setting is None  # only the worker's tokenizer runs on one thread


@needs_fork
def test_the_worker_tokenizes_on_one_thread_and_this_process_keeps_its_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for own in (None, "true"):
        if own is None:
            monkeypatch.delenv("TOKENIZERS_PARALLELISM", raising=False)
        else:
            monkeypatch.setenv("TOKENIZERS_PARALLELISM", own)
        readable, writable = os.pipe()
        pid = encoder_process._fork()
        if pid == 0:  # the child: it tells its setting and ends at once
            os.write(writable, os.environ.get("TOKENIZERS_PARALLELISM", "unset").encode())
            os._exit(0)
        os.close(writable)
        os.waitpid(pid, 0)
        with os.fdopen(readable, "rb") as pipe:
            assert pipe.read() == b"false"
        assert os.environ.get("TOKENIZERS_PARALLELISM") == own


def test_no_worker_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "status", lambda: "sentence embeddings unavailable (test)")
    with EncoderProcess() as worker:
        assert worker.pid is None


@needs_model
@needs_fork
def test_a_second_report_on_the_same_files_starts_no_worker(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, str(tmp_path / "cache"))
    files = []
    for n, text in enumerate(TEXTS[:2]):
        files.append(str(tmp_path / f"{n}.txt"))
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    with EncoderProcess(files) as first:
        started = first.pid is not None
        first.embedded()
    with EncoderProcess(files) as second:
        again = second.pid is not None
    (tmp_path / "1.txt").write_text(TEXTS[1] + " Lavrov attended.", encoding="utf-8")  # another text: a worker again
    with EncoderProcess(files) as third:
        edited = third.pid is not None
    with EncoderProcess([*files, "-"]) as fourth:  # standard input: nothing to know it by
        piped = fourth.pid is not None
    with EncoderProcess([str(tmp_path)]) as fifth:  # the folder: its two files, one of them edited
        folder = fifth.pid is not None
        fifth.embedded()
    with EncoderProcess([str(tmp_path)]) as sixth:
        folder_again = sixth.pid is not None
    assert (started, again, edited, piped, folder, folder_again) == (True, False, True, True, True, False)


def test_a_fork_that_fails_leaves_no_pipe_open_and_the_setting_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """No process to be had (EAGAIN): the texts are embedded here, as without a worker; the pipes
    made for it are closed and the tokenizer's setting is this process's own again."""
    monkeypatch.delenv(encoder_process.TOKENIZERS_PARALLELISM_ENV, raising=False)
    monkeypatch.setattr(semantic, "available", lambda: True)

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    before = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()
    with EncoderProcess() as worker:
        assert worker.pid is None
    after = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()
    assert after <= before
    assert encoder_process.TOKENIZERS_PARALLELISM_ENV not in os.environ


def test_a_file_over_the_input_limit_is_not_read_for_its_key(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key of each input is its digest; a file the comparison refuses as too large (a sparse
    file of gigabytes) was read whole into memory for it first."""
    monkeypatch.setattr(encoder_process, "_input_limit", lambda: 2_000_000)
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    with open(big, "wb") as f:
        f.truncate(3_000_000)
    small.write_text("A short article.", encoding="utf-8")
    opened: list[str] = []
    real_open = open

    def watched(name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watched)
    assert encoder_process._input_keys([str(small), str(big)]) is None
    assert str(big) not in opened
    assert encoder_process._input_keys([str(small)]) is not None
