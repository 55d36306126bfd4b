"""The files of the packaged sentence-embedding model, checked and read without copying.

``model.safetensors`` is 8 bytes of header length, a JSON header (each tensor's
dtype, shape and byte range) and the tensors' raw little-endian bytes.  :func:`check`
reads the header only: it finds a truncated download, another model's file or a
broken configuration in about a millisecond, so :func:`compare.semantic.status`
reads no weight (a run whose sentences are all cached reads none).  :func:`weights`
maps the file into memory and gives each tensor as a read-only view: only what is
used is read, nothing is copied (``safetensors``' ``load_file`` copied the 87 MiB,
0.08 s of CPU a run).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Config:
    """The encoder's number of layers and attention heads, and its layer norms' epsilon."""

    layers: int
    heads: int
    eps: float


def config(folder: Path) -> Config:
    """The encoder's shape, from the model's ``config.json``."""
    values = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    return Config(int(values["num_hidden_layers"]), int(values["num_attention_heads"]), float(values["layer_norm_eps"]))


EMBEDDING_TENSORS = ("word_embeddings.weight", "position_embeddings.weight", "token_type_embeddings.weight",
                     "LayerNorm.weight", "LayerNorm.bias")  # fmt: skip
LAYER_TENSORS = tuple(
    f"{part}.{kind}"
    for part in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                 "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm")
    for kind in ("weight", "bias")
)  # fmt: skip


def required(layers: int) -> list[str]:
    """The names of the tensors the encoder uses, as ``model.safetensors`` names them."""
    return [f"embeddings.{k}" for k in EMBEDDING_TENSORS] + [
        f"encoder.layer.{n}.{k}" for n in range(layers) for k in LAYER_TENSORS
    ]


@dataclass(frozen=True)
class Tensor:
    """Where one float32 tensor lies in the weights file."""

    shape: tuple[int, ...]
    start: int  # byte offsets in the file
    stop: int


def tensors(path: Path, layers: int) -> dict[str, Tensor]:
    """Where the encoder's float32 tensors lie in the safetensors file ``path``, from its header
    (8 bytes of length, then JSON), without reading them.  ValueError where a tensor is missing,
    not float32, or out of the file, and where the file is shorter or longer than its header says
    (a truncated download)."""
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(8)
        length = int.from_bytes(head, "little") if len(head) == 8 else -1
        if not 0 < length <= size - 8:
            raise ValueError(f"{path.name} has no safetensors header")
        header = json.loads(f.read(length))
    base = 8 + length
    found: dict[str, Tensor] = {}
    end = 0
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, stop = (int(x) for x in info["data_offsets"])
        end = max(end, stop)
        shape = tuple(int(d) for d in info["shape"])
        if info["dtype"] == "F32" and stop - start == 4 * math.prod(shape):
            found[name] = Tensor(shape, base + start, base + stop)
    if base + end != size:
        raise ValueError(f"{path.name} holds {size} bytes where its header describes {base + end}")
    missing = [name for name in required(layers) if name not in found]
    if missing:
        raise ValueError(f"{path.name} has no float32 tensor {missing[0]}")
    return found


def check(folder: Path) -> None:
    """Raise where the model's files cannot be used: configuration, weights' header, tokenizer."""
    tensors(folder / "model.safetensors", config(folder).layers)
    if (folder / "tokenizer.json").stat().st_size == 0:
        raise ValueError("tokenizer.json is empty")


@lru_cache(maxsize=2)
def weights(folder: Path) -> dict[str, Any]:
    """The encoder's float32 tensors in ``folder``'s ``model.safetensors``, by name: read-only views
    of the memory-mapped file (a tensor not aligned to 4 bytes in the file is copied)."""
    import numpy as np

    path = folder / "model.safetensors"
    table = tensors(path, config(folder).layers)
    data = np.memmap(path, dtype=np.uint8, mode="r")
    out: dict[str, Any] = {}
    for name, t in table.items():
        raw = data[t.start : t.stop]
        array = raw.view("<f4") if t.start % 4 == 0 else np.frombuffer(raw.tobytes(), dtype="<f4")
        out[name] = array.reshape(t.shape)
    return out
