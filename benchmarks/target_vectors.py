"""Does a target-aware vector from the same encoder pass help the tone model's sentence layer?

The sentence layer (compare/data/tone-embedding.json, ``benchmarks/train_tone_embedding.py``)
reads the sentence's mean-pooled all-MiniLM-L6-v2 embedding: it sees the whole sentence, not the
target, so the critic, the criticised and the victim of one sentence get one tone.  The
encoder's last layer also gives a contextual vector per word-piece; the mean of the target
mention's word-pieces (optionally with a few word-pieces either side), beside the sentence
vector, is the linear-probe version of TD-BERT.  This script measures it, without changing the
shipped model:

1. NewsMTSC train: 5-fold nested cross-validation by article of the lexical model with the
   layer over [sentence] (the shipped design) and over [sentence, target] (and variants).
2. BASIL 2010-2012 (``--basil``): the framing's tone with the layer over [sentence, target]
   trained on all of NewsMTSC train, the tone settings chosen by cross-validation by story as
   ``benchmarks/framing_eval.py`` does (the layer replaces the shipped one by patching the
   framing's ``tone_at``; everything else is the shipped code).

    nice -n 10 .venv/bin/python benchmarks/target_vectors.py [--data ../shared/data] [--basil]

Needs onnxruntime (the token states come from the ONNX session).  Token states of NewsMTSC are
kept in memory only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WINDOWS = (0, 2)


def token_states(texts: Sequence[str]) -> list[tuple[Any, list[tuple[int, int]]]]:
    """Each text's last-layer states per word-piece ([CLS] and [SEP] included) and their character offsets."""
    import numpy as np

    from compare import semantic

    model = semantic._model()
    session = semantic._session()
    if session is None:
        raise SystemExit("onnxruntime is needed for the token states")
    encodings = model.tokenizer.encode_batch(list(texts))
    out: list[Any] = [None] * len(texts)
    for chunk in semantic._batches([len(e.ids) for e in encodings]):
        length = max(len(encodings[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), length), dtype=np.int64)
        lengths = np.zeros(len(chunk), dtype=np.int32)
        for row, i in enumerate(chunk):
            ids[row, : len(encodings[i].ids)] = encodings[i].ids
            lengths[row] = len(encodings[i].ids)
        states = session.run(["hidden"], {"embeddings": semantic._token_embeddings(model, ids), "lengths": lengths})[0]
        for row, i in enumerate(chunk):
            out[i] = (np.array(states[row, : lengths[row]]), list(encodings[i].offsets))
    return out


def target_vector(states: Any, offsets: Sequence[tuple[int, int]], start: int, end: int, window: int = 0) -> Any:
    """Unit mean of the word-pieces overlapping characters ``start``..``end`` (and ``window`` either
    side, specials excluded); the sentence's mean where the target is not among them (truncated)."""
    import numpy as np

    real = [k for k, (a, b) in enumerate(offsets) if b > a]
    inside = [k for k in real if offsets[k][0] < end and offsets[k][1] > start]
    if not inside or end <= start:
        chosen = real or list(range(len(offsets)))
    else:
        lo, hi = max(inside[0] - window, real[0]), min(inside[-1] + window, real[-1])
        chosen = list(range(lo, hi + 1))
    v = states[chosen].mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def newsmtsc(path: Path, folds: int) -> dict[str, float]:
    import numpy as np

    from benchmarks import train_tone_embedding as tte
    from compare import semantic

    rows = tte.read_rows(path)
    texts = list(dict.fromkeys(r[0] for r in rows))
    states = dict(zip(texts, token_states(texts), strict=True))
    sentence = np.array(semantic.embed([r[0] for r in rows]))
    out = {}
    f1, per = tte.cross_validate(rows, sentence, folds)
    print(f"sentence only: {f1:.4f} ({', '.join(f'{x:.3f}' for x in per)})", flush=True)
    out["sentence"] = f1
    for window in WINDOWS:
        target = np.array([target_vector(*states[r[0]], r[1], r[2], window) for r in rows])
        f1, per = tte.cross_validate(rows, np.hstack([sentence, target]), folds)
        print(f"sentence + target (window {window}): {f1:.4f} ({', '.join(f'{x:.3f}' for x in per)})", flush=True)
        out[f"target{window}"] = f1
    return out


def trained_layer(path: Path, window: int | None) -> tuple[Any, Any, Any]:
    """The layer over [lexical log-probs, sentence, target] fitted on all of NewsMTSC train: (lexical rows, vector
    rows, bias); ``window`` None: over [lexical log-probs, sentence] only (the shipped design, as a check)."""
    import numpy as np

    from benchmarks import train_tone_embedding as tte
    from compare import semantic

    rows = tte.read_rows(path)
    sentence = np.array(semantic.embed([r[0] for r in rows]))
    if window is None:
        layer = tte.train_layer(rows, sentence, folds=5)
        return np.array(layer["lexical"]), np.array(layer["embedding"]), np.array(layer["bias"])
    texts = list(dict.fromkeys(r[0] for r in rows))
    states = dict(zip(texts, token_states(texts), strict=True))
    target = np.array([target_vector(*states[r[0]], r[1], r[2], window) for r in rows])
    layer = tte.train_layer(rows, np.hstack([sentence, target]), folds=5)
    return np.array(layer["lexical"]), np.array(layer["embedding"]), np.array(layer["bias"])


def basil(data: Path, layer: tuple[Any, Any, Any], window: int | None) -> dict[str, Any]:
    """framing_eval's BASIL measure with the framing's tone_at given the [sentence, target] layer's logits."""
    import numpy as np

    import compare.analyze.framing as framing
    from benchmarks import framing_eval
    from compare import semantic
    from compare.analyze.framing import tone as tone_module

    lexical, vectors, bias = layer
    shipped = tone_module.SentenceLayer(
        (float(bias[0]), float(bias[1]), float(bias[2])),
        tuple(tuple(float(x) for x in row) for row in lexical),  # type: ignore[arg-type]
        (),
    )
    original = framing.tone_at
    memo: dict[str, Any] = {}

    def patched(text: str, start: int, end: int, model: Any = None, neutral_prior: float = 0.0, sentence: Any = None) -> Any:
        if sentence is None:  # the lexical mode, or nothing embedded: as shipped
            return original(text, start, end, model, neutral_prior, sentence)
        if (text, start, end) not in memo:
            if text not in memo:
                memo[text] = (np.asarray(semantic.embed_matrix([text])[0], dtype=np.float64), token_states([text])[0])
            vec, (states, offsets) = memo[text]
            if window is not None:
                vec = np.hstack([vec, target_vector(states, offsets, start, end, window)])
            z = vec @ vectors
            memo[(text, start, end)] = (float(z[0]), float(z[1]), float(z[2]))
        logits = memo[(text, start, end)]
        saved = tone_module.load_layer
        tone_module.load_layer = lambda *a: shipped  # type: ignore[assignment]
        try:
            return tone_module.tone_at(text, start, end, model, neutral_prior, logits)
        finally:
            tone_module.load_layer = saved

    framing.tone_at = patched  # type: ignore[assignment]
    try:
        return framing_eval.measure_basil_framing(data / "basil-framing-dev")
    finally:
        framing.tone_at = original


EXAMPLES = (
    ("Senator Smith accused the governor of lying to voters about the budget.", ("Senator Smith", "the governor")),
    ("The mayor blasted the police chief for the department's slow response.", ("The mayor", "the police chief")),
    ("Human rights groups condemned the regime for jailing the journalist.", ("Human rights groups", "the regime", "the journalist")),
    ("Democrats praised the judge, whom Republicans called a partisan activist.", ("Democrats", "the judge", "Republicans")),
)
"""Sentences written for this script (not from any data set): critic, criticised and victim in one sentence."""


def examples(layer: tuple[Any, Any, Any], window: int) -> None:
    """The shipped tone and the target-aware layer's tone toward each target of :data:`EXAMPLES`."""
    import numpy as np

    from compare import semantic
    from compare.analyze.framing import tone as tone_module

    lexical, vectors, bias = layer
    fitted = tone_module.SentenceLayer(
        (float(bias[0]), float(bias[1]), float(bias[2])),
        tuple(tuple(float(x) for x in row) for row in lexical),  # type: ignore[arg-type]
        (),
    )
    loader = tone_module.load_layer
    shipped = loader()
    for text, targets in EXAMPLES:
        vec = np.asarray(semantic.embed_matrix([text])[0], dtype=np.float64)
        states, offsets = token_states([text])[0]
        print(text)
        for target in targets:
            start = text.index(target)
            end = start + len(target)
            before = tone_module.tone_at(text, start, end, sentence=tone_module.sentence_logits(vec.tolist(), shipped))
            z = np.hstack([vec, target_vector(states, offsets, start, end, window)]) @ vectors
            tone_module.load_layer = lambda *a: fitted  # type: ignore[assignment]
            try:
                after = tone_module.tone_at(text, start, end, sentence=(float(z[0]), float(z[1]), float(z[2])))
            finally:
                tone_module.load_layer = loader
            print(f"  {target!r:24} shipped {before.tone:12} {before.score:+.2f}   target-aware {after.tone:12} {after.score:+.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--basil", action="store_true", help="also BASIL's tone with the target-aware layer")
    parser.add_argument("--skip-newsmtsc", action="store_true")
    parser.add_argument("--examples", action="store_true", help="the tones of sentences written for this script")
    parser.add_argument(
        "--priors", type=float, nargs="*", help="the tone_neutral_prior values BASIL's cross-validation chooses from"
    )
    parser.add_argument("--window", type=int, default=0, help="word-pieces either side of the target (BASIL)")
    parser.add_argument(
        "--sentence-only", action="store_true", help="BASIL with the layer refitted on the sentence vector alone (a check)"
    )
    args = parser.parse_args(argv)
    path = args.data / "newsmtsc" / "train.jsonl"
    if not path.is_file():
        print(f"{path}: NewsMTSC train split not found", file=sys.stderr)
        return 2
    if not args.skip_newsmtsc:
        newsmtsc(path, args.folds)
    if args.examples:
        examples(trained_layer(path, args.window), args.window)
    if args.priors:
        from benchmarks import framing_eval

        framing_eval.PRIORS = tuple(args.priors)
    if args.basil:
        window = None if args.sentence_only else args.window
        got = basil(args.data, trained_layer(path, window), window)
        print(json.dumps({k: v for k, v in got.items() if k not in ("confusion", "scores")}, indent=1))
        print("confusion (gold, predicted):", got["confusion"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
