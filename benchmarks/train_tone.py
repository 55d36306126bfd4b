"""Train the tone model of compare/analyze/framing/tone.py on the NewsMTSC train split.

    .venv/bin/python benchmarks/train_tone.py [--data ../shared/data/newsmtsc/train.jsonl]
        [--folds 5] [--write]

Prints the cross-validated macro-F1 (folds by source article, so that sentences of one article
are never both trained on and tested) and, with --write, trains on all rows and writes
compare/data/tone-model.bin (features seen at least MIN_COUNT times, weights rounded; the format is
compare/analyze/framing/tone_file.py's).
Pure Python: multinomial logistic regression fitted by AdaGrad with L2; deterministic.
NewsMTSC's licence (MIT-style) allows shipping the model; nothing else is trained here.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.analyze.framing import tone_file  # noqa: E402
from compare.analyze.framing.tone import (  # noqa: E402
    MODEL,
    TONES,
    ToneModel,
    features,
    load_model,
    probabilities,
)

DATA = ROOT.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
LABEL = {2.0: 0, 4.0: 1, 6.0: 2}
RATE = 0.02
L2 = 1e-4
MIN_COUNT = 2
PRUNE = 0.03
EPOCHS = 8

VADER_NOTICE = (
    "The lexicon's valences are VADER's (vader_lexicon.txt of vaderSentiment 3.3.2, Hutto and Gilbert 2014). "
    "The MIT License (MIT). Copyright (c) 2016 C.J. Hutto. Permission is hereby granted, free of charge, to any "
    "person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in "
    "the Software without restriction, including without limitation the rights to use, copy, modify, merge, "
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
    "Software is furnished to do so, subject to the following conditions: The above copyright notice and this "
    "permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS "
    "PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE "
    "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE "
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF "
    "CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
    "DEALINGS IN THE SOFTWARE."
)

Example = tuple[list[tuple[str, float]], int, str]  # features with values, label, source article


def read_vader(path: Path | None) -> dict[str, float]:
    """VADER's word valences (vader_lexicon.txt of the vaderSentiment package, MIT licence)."""
    if path is None:
        return {}
    out = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


def read(path: Path, lexicon: dict[str, float]) -> list[Example]:
    out: list[Example] = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        group = "_".join(row["primary_gid"].split("_")[:3])
        for t in row["targets"]:
            feats = [(f, v) for f, _k, v in features(row["sentence_normalized"], t["from"], t["to"], lexicon)]
            out.append((feats, LABEL[t["polarity"]], group))
    return out


def train(examples: Sequence[Example], min_count: int = MIN_COUNT, epochs: int = EPOCHS, l2: float = L2) -> ToneModel:
    """Multinomial logistic regression by AdaGrad; the weights returned are the mean of every epoch's
    (averaging steadies a model fitted on few thousand sentences)."""
    counts = Counter(f for feats, _y, _g in examples for f in {f for f, _v in feats})
    keep = {f for f, n in counts.items() if n >= min_count}
    w: dict[str, list[float]] = {f: [0.0, 0.0, 0.0] for f in keep}
    g: dict[str, list[float]] = {f: [1e-8, 1e-8, 1e-8] for f in keep}
    bias = [0.0, 0.0, 0.0]
    gb = [1e-8, 1e-8, 1e-8]
    kept = [([(f, v) for f, v in feats if f in keep], y) for feats, y, _g in examples]
    order = list(range(len(kept)))
    rng = random.Random(13)
    exp, sqrt = math.exp, math.sqrt
    mean: dict[str, list[float]] = {f: [0.0, 0.0, 0.0] for f in keep}
    mean_bias = [0.0, 0.0, 0.0]
    for _epoch in range(epochs):
        rng.shuffle(order)
        for i in order:
            fs, y = kept[i]
            z = list(bias)
            for f, v in fs:
                wf = w[f]
                z[0] += wf[0] * v
                z[1] += wf[1] * v
                z[2] += wf[2] * v
            top = max(z)
            e = [exp(x - top) for x in z]
            total = e[0] + e[1] + e[2]
            for c in range(3):
                grad = e[c] / total - (1.0 if c == y else 0.0)
                gb[c] += grad * grad
                bias[c] -= RATE * grad / sqrt(gb[c])
                for f, v in fs:
                    wf = w[f]
                    gf = grad * v + l2 * wf[c]
                    gg = g[f]
                    gg[c] += gf * gf
                    wf[c] -= RATE * gf / sqrt(gg[c])
        for f, wf in w.items():
            m = mean[f]
            m[0] += wf[0] / epochs
            m[1] += wf[1] / epochs
            m[2] += wf[2] / epochs
        for c in range(3):
            mean_bias[c] += bias[c] / epochs
    # softmax is blind to a constant added to all three weights: centre them, then leave out the
    # features whose weights are all near zero (a smaller model, the same predictions but for those)
    weights = {}
    for f, v in mean.items():
        centre = (v[0] + v[1] + v[2]) / 3
        centred = (v[0] - centre, v[1] - centre, v[2] - centre)
        if max(abs(x) for x in centred) >= PRUNE:
            weights[f] = centred
    return ToneModel.from_weights(weights, (mean_bias[0], mean_bias[1], mean_bias[2]), {})


def predict(model: ToneModel, feats: Sequence[tuple[str, float]]) -> int:
    p = probabilities([(f, 0, v) for f, v in feats], model)
    return max(range(3), key=lambda c: (p[c], c == 1))


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    scores = []
    for c in range(3):
        tp = sum(1 for a, b in zip(gold, pred, strict=True) if a == b == c)
        fp = sum(1 for a, b in zip(gold, pred, strict=True) if b == c and a != c)
        fn = sum(1 for a, b in zip(gold, pred, strict=True) if a == c and b != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 3


def cross_validate(examples: Sequence[Example], folds: int, **kw: Any) -> tuple[float, list[float]]:
    groups = sorted({e[2] for e in examples})
    random.Random(7).shuffle(groups)
    fold_of = {grp: n % folds for n, grp in enumerate(groups)}
    gold: list[int] = []
    pred: list[int] = []
    per_fold = []
    for k in range(folds):
        model = train([e for e in examples if fold_of[e[2]] != k], **kw)
        test = [e for e in examples if fold_of[e[2]] == k]
        fold_pred = [predict(model, e[0]) for e in test]
        per_fold.append(macro_f1([e[1] for e in test], fold_pred))
        gold += [e[1] for e in test]
        pred += fold_pred
    return macro_f1(gold, pred), per_fold


ABOUT = (
    "Tone toward a target; trained by benchmarks/train_tone.py on NewsMTSC train (MIT-style licence). Classes: "
    + ", ".join(TONES)
)
WRITE_PRUNE = 0.02
"""Features whose three rounded weights are all smaller than this are left out of the written model."""


def write_model(model: ToneModel, lexicon: dict[str, float], path: Path) -> None:
    """The shipped file: weights rounded to 3 decimals (bias to 4), features in sorted order,
    those under WRITE_PRUNE left out, the lexicon's valences beside them with VADER's notice."""
    weights = {
        f: [round(x, 3) for x in v] for f, v in sorted(model.weights().items()) if max(abs(x) for x in v) >= WRITE_PRUNE
    }
    tone_file.write(
        path,
        weights,
        [round(x, 4) for x in model.bias],
        dict(sorted(lexicon.items())),
        ABOUT,
        VADER_NOTICE if lexicon else "",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="train on all rows and write the model")
    parser.add_argument(
        "--vader",
        type=Path,
        help="vader_lexicon.txt from the vaderSentiment 3.3.2 wheel (pip download --no-deps vadersentiment; "
        "default: the valences stored in the shipped model)",
    )
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: NewsMTSC train split not found", file=sys.stderr)
        return 2
    # VADER's valences: from the file given, else those stored in the shipped model (the same words)
    lexicon = read_vader(args.vader) if args.vader else dict(load_model().lexicon)
    examples = read(args.data, lexicon)
    if args.folds > 1:
        f1, per_fold = cross_validate(examples, args.folds, epochs=args.epochs, l2=args.l2, min_count=args.min_count)
        print(
            f"NewsMTSC train, {len(examples)} targets, {args.folds}-fold CV by article: "
            f"macro-F1 {f1:.3f} (folds {', '.join(f'{x:.3f}' for x in per_fold)})"
        )
    if args.write:
        model = train(examples, epochs=args.epochs, l2=args.l2, min_count=args.min_count)
        write_model(model, lexicon, MODEL)
        print(f"wrote {MODEL} ({len(tone_file.read(MODEL).rows)} features, {MODEL.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
