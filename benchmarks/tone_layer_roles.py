"""Does the sentence layer gain from knowing where the target stands?  Measured, not shipped (session 24).

The shipped sentence layer (``benchmarks/train_tone_embedding.py``) reads the lexical model's
log-probabilities and the sentence embedding: the embedding's part is the same for every target
of the sentence.  The variants here add, at no cost at run time (no second encoder pass), six 0/1
facts of the target's place (:func:`roles`: the head of its clause, before a passive verb, after
"by", inside quotation marks, a pronoun, a possessive) and the embedding gated by them:

- ``shipped``: the layer as shipped;
- ``roles``: and the six facts;
- ``subject_gate``: and the embedding again where the target heads its clause;
- ``gate2``: and the embedding again where it is inside quotation marks.

    nice -n 10 .venv/bin/python benchmarks/tone_layer_roles.py [VARIANT ...] [--basil OUT.pkl]
        [--cache /tmp/lexical.pkl] [--data ../shared/data]

Prints NewsMTSC train's macro-F1 of each, 5-fold nested CV by article as train_tone_embedding.py
(the lexical model's out-of-fold log-probabilities are computed once, some 30 trainings of it:
20-30 minutes on a shared machine, kept in ``--cache``); with ``--basil`` (a pickle of
``benchmarks/sentence_tone.py collect``), the layer fitted on all of NewsMTSC train and the BASIL
sentence and portrayal figures of ``sentence_tone.py``.  Session 24: NewsMTSC 0.7064 (shipped),
0.7079, 0.7091, 0.7097; BASIL tone 0.5761 / CV 0.5387 (shipped), subject_gate and gate2 0.5687 / 0.5211.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import train_tone_embedding as layer  # noqa: E402
from benchmarks.train_tone import macro_f1  # noqa: E402

PRONOUNS = frozenset("he him his she her they them their it its".split())
BE = frozenset("was were is are been being be".split())
QUOTES = frozenset('"“”')
VARIANTS = ("shipped", "roles", "subject_gate", "gate2")


def roles(text: str, start: int, end: int) -> list[float]:
    """Six 0/1 facts of where the target stands: the head of its clause (at most two tokens
    before it there), before "was"/"is" and a word in -ed, after "by", inside quotation marks,
    a pronoun, a possessive."""
    from compare.analyze.framing.tone_features import _known_clause, _tokens, target_tokens

    toks = _tokens(text)
    span = target_tokens(text, start, end)
    if span is None:
        return [0.0] * 6
    lo, hi = span
    clause_lo, _ = _known_clause(text, lo, hi)
    after = [t[0] for t in toks[hi + 1 : hi + 3]] + ["", ""]
    return [
        float(lo - clause_lo <= 2),
        float(after[0] in BE and after[1].endswith("ed")),
        float(lo > 0 and toks[lo - 1][0] == "by"),
        float(sum(t[0] in QUOTES for t in toks[:lo]) % 2 == 1),
        float(lo == hi and toks[lo][0] in PRONOUNS),
        float(after[0] in ("'s", "’s") or toks[lo][0] in ("his", "her", "their", "its")),
    ]


def design(variant: str, log_probs: Sequence[float], vector: Any, target: tuple[str, int, int]) -> Any:
    import numpy as np

    parts = [np.asarray(log_probs), vector]
    if variant != "shipped":
        facts = np.asarray(roles(*target))
        parts.append(facts)
        if variant in ("subject_gate", "gate2"):
            parts.append(vector * facts[0])
        if variant == "gate2":
            parts.append(vector * facts[3])
    return np.concatenate(parts)


def lexical(data: Path, cache: Path) -> dict[str, Any]:
    """The rows, their embeddings, folds and the lexical model's out-of-fold log-probabilities."""
    if cache.is_file():
        return dict(pickle.loads(cache.read_bytes()))  # our own file
    import numpy as np

    from compare import semantic
    from compare.analyze.framing.tone import features, load_model

    rows = layer.read_rows(data)
    lexicon = dict(load_model().lexicon)
    feats = [[(f, v) for f, _k, v in features(r[0], r[1], r[2], lexicon)] for r in rows]
    fold = layer.folds_of(rows, 5)
    out: dict[str, Any] = {"rows": rows, "vectors": np.array(semantic.embed([r[0] for r in rows])), "fold": fold}
    out["outer"], out["inner"] = {}, {}
    for k in range(5):
        train = [i for i in range(len(rows)) if fold[i] != k]
        out["outer"][k] = layer.lexical_log_probs(feats, rows, train, [i for i in range(len(rows)) if fold[i] == k])
        out["inner"][k] = layer.out_of_fold(feats, rows, fold, train)
    out["all"] = layer.out_of_fold(feats, rows, fold, list(range(len(rows))))
    cache.write_bytes(pickle.dumps(out))
    return out


def newsmtsc_cv(d: dict[str, Any], variant: str) -> tuple[float, list[float]]:
    import numpy as np

    rows, vectors, fold = d["rows"], d["vectors"], d["fold"]
    y = np.array([r[3] for r in rows])
    gold: list[int] = []
    pred: list[int] = []
    per = []
    for k in range(5):
        train = [i for i in range(len(rows)) if fold[i] != k]
        test = [i for i in range(len(rows)) if fold[i] == k]
        x = np.array([design(variant, d["inner"][k][i], vectors[i], rows[i][:3]) for i in train])
        weights, bias = layer.fit(x, y[train])
        x_test = np.array([design(variant, d["outer"][k][i], vectors[i], rows[i][:3]) for i in test])
        got = [int(c) for c in np.argmax(x_test @ weights + bias, axis=1)]
        per.append(macro_f1([rows[i][3] for i in test], got))
        gold += [rows[i][3] for i in test]
        pred += got
    return macro_f1(gold, pred), per


def tone_fn(d: dict[str, Any], variant: str) -> Any:
    """The tone with the variant's layer fitted on all of NewsMTSC train (sentence_tone.ToneFn)."""
    import numpy as np

    import compare.analyze.framing.tone as tone

    rows = d["rows"]
    x = np.array([design(variant, d["all"][i], d["vectors"][i], r[:3]) for i, r in enumerate(rows)])
    weights, bias = layer.fit(x, np.array([r[3] for r in rows]))
    model = tone.load_model()
    passing = tone.SentenceLayer((0.0, 0.0, 0.0), ((0.0, 0.0, 0.0),) * 3, ())

    def fn(text: str, start: int, end: int, vector: Sequence[float] | None, prior: float) -> Any:
        if vector is None:
            return tone.tone_at(text, start, end, neutral_prior=prior)
        p = tone._probabilities(tone.known_hits(text, start, end, model.rows, model.lexicon), model)
        z = design(variant, [math.log(max(v, 1e-12)) for v in p], np.asarray(vector), (text, start, end)) @ weights + bias
        original = tone.load_layer
        tone.load_layer = lambda path=None: passing  # type: ignore[assignment,misc]  # the logits given are the layer
        try:
            return tone.tone_at(text, start, end, neutral_prior=prior, sentence=(float(z[0]), float(z[1]), float(z[2])))
        finally:
            tone.load_layer = original  # type: ignore[assignment]

    return fn


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", metavar="VARIANT", help=f"of {', '.join(VARIANTS)} (default: all)")
    parser.add_argument("--basil", type=Path, help="a pickle of sentence_tone.py collect")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/storycompare-tone-lexical.pkl"))
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    data = args.data / "newsmtsc" / "train.jsonl"
    if not data.is_file():
        print(f"{data}: NewsMTSC train split not found", file=sys.stderr)
        return 2
    if unknown := [v for v in args.variants if v not in VARIANTS]:
        print(f"{', '.join(unknown)}: no such variant (of {', '.join(VARIANTS)})", file=sys.stderr)
        return 2
    if args.basil is not None and not args.basil.is_file():
        print(f"{args.basil}: no such file (write it with benchmarks/sentence_tone.py collect)", file=sys.stderr)
        return 2
    d = lexical(data, args.cache)
    for variant in args.variants or VARIANTS:
        f1, per = newsmtsc_cv(d, variant)
        print(f"{variant}: NewsMTSC 5-fold nested CV {f1:.4f} (folds {', '.join(f'{x:.3f}' for x in per)})", flush=True)
        if args.basil is not None:
            from benchmarks.sentence_tone import basil_f1, load, sentence_rows, summary

            stories = load(args.basil)
            fn = tone_fn(d, variant)
            print("  BASIL sentences", json.dumps(summary(sentence_rows(stories, fn))))
            print("  BASIL portrayals", json.dumps(basil_f1(stories, fn)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
