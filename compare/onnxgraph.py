"""The encoder of :mod:`compare.semantic` as an ONNX graph, written out from its numpy weights.

Nothing is downloaded and the ``onnx`` package is not needed: the few protobuf
messages of an ONNX model (ModelProto, GraphProto, NodeProto, TensorProto, ...)
are written here directly in protobuf's wire format, with the weights as raw
little-endian float32.  The graph uses ONNX Runtime's fused CPU kernels
(``com.microsoft`` domain): ``Attention`` (the query/key/value projections,
scaled dot-product attention with the padding given as each row's length, and
the heads' concatenation), ``SkipLayerNormalization`` (residual add, bias and
layer norm in one pass) and ``BiasGelu`` (BERT's exact, erf-based GELU).

Input ``embeddings``: float32 (batch, length, 384), the sum of the word,
position and token-type embeddings (looked up in numpy); input ``lengths``:
int32 (batch,), each row's number of real tokens (right padding).
Output ``hidden``: float32 (batch, length, 384), the last layer's states
(rows past a row's length are padding: the caller pools over the real tokens).
"""

from __future__ import annotations

import struct
from typing import Any

IR_VERSION = 8
"""ONNX IR version of the model written (ONNX Runtime reads 3 to 11)."""
UNFUSED = ("SkipLayerNormFusion",)
"""ONNX Runtime optimizers that the session disables (see :func:`_add_norm`)."""
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


def _tensor(name: str, array: Any) -> list[Any]:
    """TensorProto: dims (1), data_type (2), name (8), raw_data (9), as pieces to join once:
    the weights' bytes are not copied until the model's final join."""
    import numpy as np

    data = np.ascontiguousarray(array, dtype="<f4").data.cast("B")
    head = b"".join([*(_int(1, d) for d in array.shape), _int(2, _FLOAT), _str(8, name)])
    return [head, _varint(9 << 3 | 2) + _varint(data.nbytes), data]


def _message(field: int, pieces: list[Any]) -> list[Any]:
    """A length-delimited field made of ``pieces`` (bytes or byte memoryviews), still in pieces."""
    return [_varint(field << 3 | 2) + _varint(sum(len(p) for p in pieces)), *pieces]


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
    here (1.8 ms against 0.47 ms on 32 x 30 x 384): the session keeps its optimizer from fusing
    them (:data:`UNFUSED`)."""
    return [
        _node("Add", [x, bias], out + ".biased"),
        _node("Add", [out + ".biased", residual], out + ".sum"),
        _node("LayerNormalization", [out + ".sum", gamma, beta], out, axis=-1, epsilon=eps),
    ]


def model_bytes(encoder: Any) -> bytes:
    """The serialized ONNX model of the transformer layers of ``encoder`` (a
    ``compare.semantic._Encoder``; see the module's docstring)."""
    hidden = int(encoder.words.shape[1])
    nodes: list[bytes] = []
    weights: list[Any] = []

    def weight(name: str, array: Any) -> str:
        weights.extend(_message(5, _tensor(name, array)))
        return name

    ms = "com.microsoft"
    x = "normed"
    nodes.append(
        _node("LayerNormalization", ["embeddings", weight("norm.g", encoder.norm[0]), weight("norm.b", encoder.norm[1])],
              x, axis=-1, epsilon=encoder.eps)
    )  # fmt: skip
    for n, layer in enumerate(encoder.layers):
        p = f"layer{n}."
        nodes += [
            _node("Attention", [x, weight(p + "qkv", layer.qkv), weight(p + "qkv.b", layer.qkv_bias), "lengths"],
                  p + "context", ms, num_heads=encoder.heads),
            _node("MatMul", [p + "context", weight(p + "out", layer.out)], p + "attended"),
            *_add_norm(p + "attended", x, weight(p + "out.b", layer.out_bias),
                       weight(p + "norm1.g", layer.norm1[0]), weight(p + "norm1.b", layer.norm1[1]), p + "mid", encoder.eps),
            _node("MatMul", [p + "mid", weight(p + "up", layer.up)], p + "up.raw"),
            _node("BiasGelu", [p + "up.raw", weight(p + "up.b", layer.up_bias)], p + "up.gelu", ms),
            _node("MatMul", [p + "up.gelu", weight(p + "down", layer.down)], p + "down.raw"),
            *_add_norm(p + "down.raw", p + "mid", weight(p + "down.b", layer.down_bias),
                       weight(p + "norm2.g", layer.norm2[0]), weight(p + "norm2.b", layer.norm2[1]), p + "state", encoder.eps),
        ]  # fmt: skip
        x = p + "state"
    nodes.append(_node("Identity", [x], "hidden"))
    # GraphProto: node (1), name (2), initializer (5), input (11), output (12).
    graph = [
        *(_bytes(1, node) for node in nodes),
        _str(2, "all-MiniLM-L6-v2"),
        *weights,
        _bytes(11, _value_info("embeddings", _FLOAT, ["batch", "length", hidden])),
        _bytes(11, _value_info("lengths", _INT32, ["batch"])),
        _bytes(12, _value_info("hidden", _FLOAT, ["batch", "length", hidden])),
    ]
    # ModelProto: ir_version (1), producer_name (2), graph (7), opset_import (8).
    return b"".join(
        [
            _int(1, IR_VERSION),
            _str(2, "storycompare"),
            *_message(7, graph),
            _bytes(8, _opset("", OPSET)),
            _bytes(8, _opset(ms, 1)),
        ]
    )
