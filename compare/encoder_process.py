"""The sentence encoder in a second process, loaded while this one starts (the command line).

A first report spends its first 0.3 s importing storycompare's modules and reading the
articles, on one core.  Before the encoder can embed the first sentence it needs another
0.25 s of its own (numpy, ONNX Runtime, the session that packs the weights), nearly all of it
holding Python's lock: on a thread beside the reading it would only take turns with it.  A
process has a lock of its own.  :class:`EncoderProcess` forks one at once, which loads the
encoder while this process imports and reads; then :func:`compare.semantic.embed` sends it the
texts that are not cached and gets their vectors back.  It runs the same code
(:func:`compare.semantic.encode_here`), so the vectors are the same, and the on-disk cache stays
this process's.  Where no process can be forked (no ``fork``: Windows, where a fresh process
would import everything again), or where it fails or dies, the texts are embedded here, as
without it.

Measured on the example story (2 cores, a first report, HTML and JSON, with the parts embedded
ahead and the quick ending of ``storycompare.cli.run``): 1.380 -> 1.163 s median; see README's
speed section.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any, NoReturn

from compare import semantic
from compare.embedding_cache import inputs_seen, mark_inputs
from compare.errors import CompareError

PARENT_CHECK_SECONDS = 0.5
"""How often a worker process checks that the process that started it is still there."""

TOKENIZERS_PARALLELISM_ENV = "TOKENIZERS_PARALLELISM"
"""The ``tokenizers`` library's switch for its thread pool; "false" in the worker (:func:`_fork`)."""


def die_with_parent(parent: int) -> None:
    """Make this (worker) process exit as soon as ``parent`` is gone, even killed with SIGKILL:
    on Linux the kernel sends SIGKILL at the parent's death (``PR_SET_PDEATHSIG``); everywhere
    a daemon thread checks every PARENT_CHECK_SECONDS whether this process was re-parented.
    Otherwise a worker blocked writing its result to a pipe that it holds open itself would
    wait for ever, holding its memory."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):  # no libc, an unusual platform: the thread is enough
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


_held_warnings = io.StringIO()
"""In the worker: what loading the encoder wrote to stderr (ONNX Runtime missing), told with the
first texts embedded, as this process would have told it then, never in a run that embeds none."""


def _load() -> None:
    """In the worker, at once: the model, the tokenizer and the ONNX Runtime session (or, without
    it, the numpy encoder), as :func:`compare.semantic.encode_here` would at its first texts."""
    if semantic.available():
        with contextlib.suppress(Exception), contextlib.redirect_stderr(_held_warnings):
            semantic._model()
            if semantic._session() is None:
                semantic._encoder()


def _encode_there(texts: list[str]) -> tuple[Any, tuple[int, int, int, float]] | None:
    """In the worker: the texts' vectors (:func:`compare.semantic._encode`) and what the encoder did
    for them (:class:`~compare.semantic.EncoderStats`), or None on any error: the caller then embeds
    the texts itself, and so meets the error as it would have without a worker."""
    held = _held_warnings.getvalue()
    if held:
        sys.stderr.write(held)
        sys.stderr.flush()
        _held_warnings.seek(0)
        _held_warnings.truncate()
    before = semantic.encoder_stats()
    try:
        matrix = semantic.encode_here(texts)
    except Exception:
        return None
    after = semantic.encoder_stats()
    done = (after.texts - before.texts, after.tokens - before.tokens, after.padded - before.padded, after.seconds - before.seconds)
    return matrix, done


_SURELY_READ = 1 << 20
"""A file this small is under the input limit (:data:`compare.load.MAX_INPUT_BYTES`) without looking
it up: the loading module is imported only for a larger one."""


def _input_limit() -> int:
    from compare.load import MAX_INPUT_BYTES

    return MAX_INPUT_BYTES


def _input_keys(inputs: Sequence[str]) -> list[bytes] | None:
    """The key of each file the ``inputs`` name (a folder: its article files, as the comparison reads
    them) in the embedding cache's marks (:func:`compare.embedding_cache.mark_inputs`): the SHA-256
    of storycompare's version and the file's bytes; None where an input is standard input, not a
    plain file (a named pipe) or cannot be read (the comparison will say why)."""
    from compare import __version__

    keys = []
    for given in inputs:
        try:
            if given == "-":
                return None
            if os.path.isdir(given):
                from compare.load import input_files  # only for a folder: a file needs nothing of it

                files = [str(path) for path in input_files(given)]
            else:
                files = [given]
            for name in files:
                if not os.path.isfile(name):  # a named pipe: its bytes are the comparison's to read
                    return None
                size = os.path.getsize(name)
                if size > _SURELY_READ and size > _input_limit():
                    return None  # the comparison refuses it: never read here (a file of gigabytes)
                with open(name, "rb") as f:
                    digest = hashlib.sha256(__version__.encode() + b"\0")
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        digest.update(chunk)
                    keys.append(digest.digest())
        except (OSError, CompareError):
            return None
    return keys or None


class EncoderProcess:
    """A worker process that loads the encoder now and embeds this process's texts (see the module)::

        with EncoderProcess(files) as encoder:  # the encoder loads there ...
            result = compare(files)             # ... while the modules load and the articles are read here
            encoder.embedded()                  # the next report on these files starts no worker

    A second report on the same files finds every text in the on-disk cache and needs no encoder:
    where the cache marks each of the ``files`` (:meth:`embedded`), no worker is started.  The
    worker is a plain ``os.fork`` with two pipes (texts there, vectors back, pickled): multiprocessing's
    pools cost this process 0.05 s of imports before the fork.
    """

    def __init__(self, files: Sequence[str] = ()) -> None:
        self._keys = _input_keys(files)
        self.pid: int | None = None
        """The worker's process id; None when there is none (no model, all cached, no ``fork``)."""
        self._requests: Any = None  # the pipe's ends here: texts out, vectors in
        self._replies: Any = None
        self._sent = False
        self._lock = threading.Lock()

    def __enter__(self) -> EncoderProcess:
        if not hasattr(os, "fork") or not semantic.available():
            return self  # no fork (Windows), or no model: nothing to load (the caller has said so)
        path = semantic.cache_path()
        if self._keys and path is not None and inputs_seen(path, self._keys):
            return self  # every text of these files is in the cache: a second report embeds nothing
        ends: list[int] = []
        try:
            ends.extend(os.pipe())
            ends.extend(os.pipe())
            texts_in, texts_out, vectors_in, vectors_out = ends
            parent = os.getpid()
            pid = _fork()
        except OSError:  # no pipe or no process to be had: the texts are embedded here
            for end in ends:
                os.close(end)
            return self
        if pid == 0:  # the worker
            os.close(texts_out)
            os.close(vectors_in)
            _serve(texts_in, vectors_out, parent)
        os.close(texts_in)
        os.close(vectors_out)
        self.pid = pid
        self._requests = os.fdopen(texts_out, "wb")
        self._replies = os.fdopen(vectors_in, "rb")
        semantic.encode_elsewhere(self._encode)
        return self

    def _encode(self, texts: Sequence[str]) -> Any | None:
        """The texts' vectors from the worker, or None when it cannot give them (then never again)."""
        with self._lock:
            if self._requests is None:
                return None
            self._sent = True
            try:
                pickle.dump(list(texts), self._requests, protocol=pickle.HIGHEST_PROTOCOL)
                self._requests.flush()
                found = pickle.load(self._replies)
            except (OSError, EOFError, ValueError, pickle.UnpicklingError):  # the worker died
                self._close()
                return None
        if found is None:
            return None
        matrix, done = found
        semantic.count_encoded(*done)
        return matrix

    def _close(self) -> None:
        for pipe in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                pipe.close()
        self._requests = self._replies = None

    def embedded(self) -> None:
        """Mark the files as embedded in the on-disk cache (after a comparison of them all, with
        embeddings): the next report on them starts no worker.  A mark that proves wrong (a story
        over ``Settings.semantic_max_chars``) costs time, never the result: texts not in the cache
        are embedded here."""
        path = semantic.cache_path()
        if self._keys and path is not None:
            mark_inputs(path, self._keys)

    def __exit__(self, *exc: object) -> None:
        if self.pid is None:
            return
        semantic.encode_elsewhere(None)
        if not self._sent or exc[0] is not None:  # all cached, or an error or Ctrl-C: no waiting for the worker
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        with self._lock:
            if self._requests is not None:
                self._close()  # the worker reads the end of its texts and ends
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)  # its CPU time counts in this process's (os.wait4 of a benchmark)
        self.pid = None


def _fork() -> int:
    """``os.fork``, with the worker's tokenizer told to tokenize on one thread: where this process
    has tokenized on several already (an earlier comparison embedded here), the ``tokenizers``
    library would otherwise print a warning about the fork on the user's terminal, and its thread
    pool does not survive a fork.  This process's own setting stays as it was."""
    own = os.environ.get(TOKENIZERS_PARALLELISM_ENV)
    os.environ[TOKENIZERS_PARALLELISM_ENV] = "false"
    try:
        pid = os.fork()
    except BaseException:
        _set_env(TOKENIZERS_PARALLELISM_ENV, own)
        raise
    if pid != 0:
        _set_env(TOKENIZERS_PARALLELISM_ENV, own)
    return pid


def _set_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _serve(texts_in: int, vectors_out: int, parent: int) -> NoReturn:
    """The worker, after the fork: it loads the encoder, then embeds each list of texts that comes,
    until the pipe ends; then the process ends, never returning into the parent's code."""
    code = 0
    try:
        semantic.encode_elsewhere(None)
        die_with_parent(parent)
        _load()
        with os.fdopen(texts_in, "rb") as inbox, os.fdopen(vectors_out, "wb") as outbox:
            while True:
                try:
                    texts = pickle.load(inbox)
                except EOFError:
                    break
                pickle.dump(_encode_there(texts), outbox, protocol=pickle.HIGHEST_PROTOCOL)
                outbox.flush()
    except BaseException:  # the parent embeds the texts itself, and meets any error there
        code = 1
    finally:
        os._exit(code)


__all__ = ["EncoderProcess", "die_with_parent"]
