"""Train the sentence layer of the tone model (compare/data/tone-embedding.json) on NewsMTSC train.

    .venv/bin/python benchmarks/train_tone_embedding.py [--data ../shared/data/newsmtsc/train.jsonl]
        [--folds 5] [--l2 0.001] [--write]

The tone toward a target (:func:`compare.target_tone`) is the lexical model's judgement
(compare/data/tone-model.json, trained by ``benchmarks/train_tone.py``) corrected by the
sentence's all-MiniLM-L6-v2 embedding, the one the alignment has already computed: a
multinomial logistic layer over the lexical model's three log-probabilities and the 384
components of the embedding.  The layer learns from the lexical model's *out-of-fold*
log-probabilities (folds by source article), so that it weighs that model as it does on
sentences it was not trained on.

Prints the macro-F1 of the whole (lexical model and layer) cross-validated by source article,
nested so that no sentence of a test fold trains either part; with ``--write``, fits the layer on
all rows and writes compare/data/tone-embedding.json (a few KiB).  Needs numpy and the embedding
model of the default install; embeddings come from ``compare.semantic.embed`` (cached on disk).
NewsMTSC's licence (MIT-style) allows shipping what is trained on it; nothing else is used.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.train_tone import DATA, LABEL, macro_f1, train  # noqa: E402
from compare.analyze.framing.tone import (  # noqa: E402
    EMBEDDING_LAYER,
    TONES,
    features,
    load_model,
    probabilities,
)

L2 = 1e-3
STEPS = 300
RATE = 0.05

Row = tuple[str, int, int, int, str]  # sentence, target start, target end, label, source article


def read_rows(path: Path) -> list[Row]:
    out: list[Row] = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        group = "_".join(row["primary_gid"].split("_")[:3])
        for t in row["targets"]:
            out.append((row["sentence_normalized"], t["from"], t["to"], LABEL[t["polarity"]], group))
    return out


def folds_of(rows: Sequence[Row], folds: int) -> list[int]:
    """Each row's fold, by source article (the same assignment as train_tone.cross_validate)."""
    groups = sorted({r[4] for r in rows})
    random.Random(7).shuffle(groups)
    fold = {g: n % folds for n, g in enumerate(groups)}
    return [fold[r[4]] for r in rows]


def lexical_log_probs(
    feats: Sequence[list[tuple[str, float]]], rows: Sequence[Row], train_on: Sequence[int], apply_to: Sequence[int]
) -> dict[int, tuple[float, float, float]]:
    """The lexical model trained on rows ``train_on``: its log-probabilities on rows ``apply_to``."""
    import math

    model = train([(feats[i], rows[i][3], rows[i][4]) for i in train_on])
    out = {}
    for i in apply_to:
        p = probabilities([(f, 0, v) for f, v in feats[i]], model)
        out[i] = (math.log(p[0]), math.log(p[1]), math.log(p[2]))
    return out


def out_of_fold(
    feats: Sequence[list[tuple[str, float]]], rows: Sequence[Row], fold: Sequence[int], among: Sequence[int]
) -> dict[int, tuple[float, float, float]]:
    """Out-of-fold lexical log-probabilities of the rows ``among``, with the folds they fall in."""
    out: dict[int, tuple[float, float, float]] = {}
    for k in sorted({fold[i] for i in among}):
        test = [i for i in among if fold[i] == k]
        out.update(lexical_log_probs(feats, rows, [i for i in among if fold[i] != k], test))
    return out


def fit(x: Any, y: Any, l2: float = L2, steps: int = STEPS) -> tuple[Any, Any]:
    """Multinomial logistic regression (weights, bias) by full-batch Adam with L2; deterministic."""
    import numpy as np

    n, dims = x.shape
    weights = np.zeros((dims, 3))
    bias = np.zeros(3)
    target = np.eye(3)[y]
    m_w, v_w, m_b, v_b = np.zeros_like(weights), np.zeros_like(weights), np.zeros(3), np.zeros(3)
    for t in range(1, steps + 1):
        z = x @ weights + bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g_w = x.T @ (p - target) / n + l2 * weights
        g_b = (p - target).mean(axis=0)
        m_w, v_w = 0.9 * m_w + 0.1 * g_w, 0.999 * v_w + 0.001 * g_w * g_w
        m_b, v_b = 0.9 * m_b + 0.1 * g_b, 0.999 * v_b + 0.001 * g_b * g_b
        weights -= RATE * (m_w / (1 - 0.9**t)) / (np.sqrt(v_w / (1 - 0.999**t)) + 1e-8)
        bias -= RATE * (m_b / (1 - 0.9**t)) / (np.sqrt(v_b / (1 - 0.999**t)) + 1e-8)
    return weights, bias


def _inputs(log_probs: dict[int, tuple[float, float, float]], vectors: Any, rows: Sequence[int]) -> Any:
    import numpy as np

    return np.hstack([np.array([log_probs[i] for i in rows]), vectors[list(rows)]])


def cross_validate(rows: Sequence[Row], vectors: Any, folds: int, l2: float = L2) -> tuple[float, list[float]]:
    """Nested cross-validation by source article of the lexical model and the layer together."""
    import numpy as np

    lexicon = dict(load_model().lexicon)
    feats = [[(f, v) for f, _k, v in features(r[0], r[1], r[2], lexicon)] for r in rows]
    fold = folds_of(rows, folds)
    y = np.array([r[3] for r in rows])
    gold: list[int] = []
    pred: list[int] = []
    per_fold = []
    for k in range(folds):
        train_rows = [i for i in range(len(rows)) if fold[i] != k]
        test_rows = [i for i in range(len(rows)) if fold[i] == k]
        inner = out_of_fold(feats, rows, fold, train_rows)
        weights, bias = fit(_inputs(inner, vectors, train_rows), y[train_rows], l2)
        outer = lexical_log_probs(feats, rows, train_rows, test_rows)
        got = list(np.argmax(_inputs(outer, vectors, test_rows) @ weights + bias, axis=1))
        per_fold.append(macro_f1([rows[i][3] for i in test_rows], got))
        gold += [rows[i][3] for i in test_rows]
        pred += [int(c) for c in got]
    return macro_f1(gold, pred), per_fold


def train_layer(rows: Sequence[Row], vectors: Any, folds: int, l2: float = L2) -> dict[str, Any]:
    """The layer fitted on every row (the lexical log-probabilities out of fold), as written to disk."""
    import numpy as np

    lexicon = dict(load_model().lexicon)
    feats = [[(f, v) for f, _k, v in features(r[0], r[1], r[2], lexicon)] for r in rows]
    everything = list(range(len(rows)))
    log_probs = out_of_fold(feats, rows, folds_of(rows, folds), everything)
    weights, bias = fit(_inputs(log_probs, vectors, everything), np.array([r[3] for r in rows]), l2)
    return {
        "about": "Sentence layer of the tone model: trained by benchmarks/train_tone_embedding.py on NewsMTSC "
        "train (MIT-style licence) over the lexical model's log-probabilities and the all-MiniLM-L6-v2 "
        "sentence embedding. Classes: " + ", ".join(TONES),
        "bias": [round(float(x), 4) for x in bias],
        "lexical": [[round(float(x), 4) for x in row] for row in weights[:3]],
        "embedding": [[round(float(x), 4) for x in row] for row in weights[3:]],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--write", action="store_true", help="fit the layer on all rows and write it")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: NewsMTSC train split not found", file=sys.stderr)
        return 2
    import numpy as np

    from compare import semantic

    if not semantic.available():
        print(f"embeddings unavailable: {semantic.status()}", file=sys.stderr)
        return 2
    rows = read_rows(args.data)
    vectors = np.array(semantic.embed([r[0] for r in rows]))
    if args.folds > 1:
        f1, per_fold = cross_validate(rows, vectors, args.folds, args.l2)
        print(
            f"NewsMTSC train, {len(rows)} targets, {args.folds}-fold nested CV by article, lexical model and "
            f"sentence layer: macro-F1 {f1:.3f} (folds {', '.join(f'{x:.3f}' for x in per_fold)})"
        )
    if args.write:
        layer = train_layer(rows, vectors, max(args.folds, 2), args.l2)
        EMBEDDING_LAYER.write_text(json.dumps(layer, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {EMBEDDING_LAYER} ({EMBEDDING_LAYER.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
