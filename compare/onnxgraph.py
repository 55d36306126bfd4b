"""The encoder of :mod:`compare.semantic` as an ONNX graph, over the model's own weights.

Nothing is downloaded and the ``onnx`` package is not needed: the few protobuf
messages of an ONNX model (ModelProto, GraphProto, NodeProto, TensorProto, ...)
are written here directly in protobuf's wire format.  The weights are not copied
into the model: each is an initializer marked as external data, and the session
is given the arrays themselves (``SessionOptions.add_external_initializers``), most
of them views of the memory-mapped ``model.safetensors`` (:func:`model`).  So
building the session reads the weights once, into ONNX Runtime's packed form;
writing them into a 40 MiB model and parsing it back cost 0.1 s of CPU a run.

The graph uses ONNX Runtime's fused CPU kernels (``com.microsoft`` domain):
``Attention`` (the query/key/value projections, scaled dot-product attention with
the padding given as each row's length, and the heads' concatenation),
``FusedMatMul`` (a product by a weight as stored, ``(out, in)``, transposed by the
kernel, not in numpy) and ``BiasGelu`` (BERT's exact, erf-based GELU).

Input ``embeddings``: float32 (batch, length, 384), the sum of the word,
position and token-type embeddings (looked up in numpy); input ``lengths``:
int32 (batch,), each row's number of real tokens (right padding).
Output ``hidden``: float32 (batch, length, 384), the last layer's states
(rows past a row's length are padding: the caller pools over the real tokens).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

IR_VERSION = 8
"""ONNX IR version of the model written (ONNX Runtime reads 3 to 11)."""
OPSET = 17
"""The standard operator set: LayerNormalization exists from 17."""

_FLOAT, _INT32 = 1, 6  # TensorProto.DataType
_ATTRIBUTE_FLOAT, _ATTRIBUTE_INT = 1, 2  # AttributeProto.AttributeType


def _varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int64 values are written as their two's complement
    out = bytearray()
    while True:
        low = n & 0x7F
        n >>= 7
        if n:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _int(field: int, n: int) -> bytes:
    return _varint(field << 3) + _varint(n)


def _bytes(field: int, data: bytes) -> bytes:
    return _varint(field << 3 | 2) + _varint(len(data)) + data


def _str(field: int, text: str) -> bytes:
    return _bytes(field, text.encode("utf-8"))


def _external(name: str, shape: tuple[int, ...], size: int) -> bytes:
    """TensorProto of a float32 initializer whose data the session is given apart: dims (1),
    data_type (2), name (8), external_data (13, key/value entries), data_location (14, 1 =
    EXTERNAL).  ONNX Runtime reads no file for it: ``location`` only has to be there."""
    entries = [("location", "storycompare-weights"), ("offset", "0"), ("length", str(size))]
    return b"".join(
        [
            *(_int(1, d) for d in shape),
            _int(2, _FLOAT),
            _str(8, name),
            *(_bytes(13, _str(1, key) + _str(2, value)) for key, value in entries),
            _int(14, 1),
        ]
    )


def _attribute(name: str, value: float | int) -> bytes:
    """AttributeProto: name (1), f (2), i (3), type (20)."""
    if isinstance(value, float):
        return _str(1, name) + _varint(2 << 3 | 5) + struct.pack("<f", value) + _int(20, _ATTRIBUTE_FLOAT)
    return _str(1, name) + _int(3, value) + _int(20, _ATTRIBUTE_INT)


def _node(op: str, inputs: list[str], output: str, domain: str = "", **attributes: float | int) -> bytes:
    """NodeProto: input (1), output (2), op_type (4), attribute (5), domain (7)."""
    parts = [*(_str(1, name) for name in inputs), _str(2, output), _str(4, op)]
    parts += [_bytes(5, _attribute(key, value)) for key, value in attributes.items()]
    if domain:
        parts.append(_str(7, domain))
    return b"".join(parts)


def _value_info(name: str, element: int, dims: list[str | int]) -> bytes:
    """ValueInfoProto name (1), type (2) = TypeProto.tensor_type (1) = elem_type (1), shape (2)."""
    shape = b"".join(_bytes(1, _str(2, d) if isinstance(d, str) else _int(1, d)) for d in dims)
    return _str(1, name) + _bytes(2, _bytes(1, _int(1, element) + _bytes(2, shape)))


def _opset(domain: str, version: int) -> bytes:
    return _str(1, domain) + _int(2, version)


def _add_norm(x: str, residual: str, bias: str, gamma: str, beta: str, out: str, eps: float) -> list[bytes]:
    """``LayerNorm(x + bias + residual)`` as three standard nodes.  ONNX Runtime's fused
    SkipLayerNormalization would do the same in one, but its CPU kernel took four times as long
    here (1.8 ms against 0.47 ms on 32 x 30 x 384): the session runs no graph optimizer, so
    nothing fuses them (``compare.semantic._built_session``)."""
    return [
        _node("Add", [x, bias], out + ".biased"),
        _node("Add", [out + ".biased", residual], out + ".sum"),
        _node("LayerNormalization", [out + ".sum", gamma, beta], out, axis=-1, epsilon=eps),
    ]


@dataclass(frozen=True)
class Graph:
    """The serialized ONNX model and the arrays of its external initializers, by name."""

    model: bytes
    initializers: tuple[tuple[str, Any], ...]


def graph(weights: Mapping[str, Any], layers: int, heads: int, eps: float) -> Graph:
    """The ONNX model of the transformer layers of the BERT encoder whose float32 ``weights`` are
    named as in the model's ``model.safetensors`` (see the module's docstring).  The arrays are
    the session's as they are (a view of a memory-mapped file stays one), except the query, key
    and value projections, which ``Attention`` takes transposed side by side, (384, 1152)."""
    import numpy as np

    hidden = int(weights["embeddings.word_embeddings.weight"].shape[1])
    nodes: list[bytes] = []
    initializers: dict[str, Any] = {}

    def weight(name: str, array: Any) -> str:
        initializers[name] = np.ascontiguousarray(array, dtype="<f4")  # no copy of a float32 view
        return name

    def stored(name: str) -> str:
        return weight(name, weights[name])

    ms = "com.microsoft"
    x = "normed"
    nodes.append(
        _node("LayerNormalization", ["embeddings", stored("embeddings.LayerNorm.weight"), stored("embeddings.LayerNorm.bias")],
              x, axis=-1, epsilon=eps)
    )  # fmt: skip
    for n in range(layers):
        w = f"encoder.layer.{n}."
        parts = ("query", "key", "value")
        qkv = np.concatenate([weights[f"{w}attention.self.{k}.weight"].T for k in parts], axis=1)
        qkv_bias = np.concatenate([weights[f"{w}attention.self.{k}.bias"] for k in parts])
        p = f"layer{n}."
        nodes += [
            _node("Attention", [x, weight(p + "qkv", qkv), weight(p + "qkv.b", qkv_bias), "lengths"],
                  p + "context", ms, num_heads=heads),
            _node("FusedMatMul", [p + "context", stored(w + "attention.output.dense.weight")], p + "attended", ms, transB=1),
            *_add_norm(p + "attended", x, stored(w + "attention.output.dense.bias"),
                       stored(w + "attention.output.LayerNorm.weight"), stored(w + "attention.output.LayerNorm.bias"),
                       p + "mid", eps),
            _node("FusedMatMul", [p + "mid", stored(w + "intermediate.dense.weight")], p + "up.raw", ms, transB=1),
            _node("BiasGelu", [p + "up.raw", stored(w + "intermediate.dense.bias")], p + "up.gelu", ms),
            _node("FusedMatMul", [p + "up.gelu", stored(w + "output.dense.weight")], p + "down.raw", ms, transB=1),
            *_add_norm(p + "down.raw", p + "mid", stored(w + "output.dense.bias"),
                       stored(w + "output.LayerNorm.weight"), stored(w + "output.LayerNorm.bias"), p + "state", eps),
        ]  # fmt: skip
        x = p + "state"
    nodes.append(_node("Identity", [x], "hidden"))
    # GraphProto: node (1), name (2), initializer (5), input (11), output (12).
    body = [
        *(_bytes(1, node) for node in nodes),
        _str(2, "all-MiniLM-L6-v2"),
        *(_bytes(5, _external(name, array.shape, array.nbytes)) for name, array in initializers.items()),
        _bytes(11, _value_info("embeddings", _FLOAT, ["batch", "length", hidden])),
        _bytes(11, _value_info("lengths", _INT32, ["batch"])),
        _bytes(12, _value_info("hidden", _FLOAT, ["batch", "length", hidden])),
    ]
    # ModelProto: ir_version (1), producer_name (2), graph (7), opset_import (8).
    model = b"".join(
        [
            _int(1, IR_VERSION),
            _str(2, "storycompare"),
            _bytes(7, b"".join(body)),
            _bytes(8, _opset("", OPSET)),
            _bytes(8, _opset(ms, 1)),
        ]
    )
    return Graph(model, tuple(initializers.items()))
