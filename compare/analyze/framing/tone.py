"""Tone toward one target in one sentence: favourable, unfavourable or neutral.

Two parts, both trained on the NewsMTSC train split (news sentences with the sentiment toward a
named target, MIT-style licence):

1. The lexical model: a linear model (multinomial logistic regression) over the words of the
   sentence, marked by where they stand from the target: the words next to it, the words of
   its clause, the words after a negation, the words in quotation marks.  Written by
   ``benchmarks/train_tone.py`` to ``compare/data/tone-model.bin`` (:mod:`.tone_file`: read in a
   few milliseconds).  Inference is a few dictionary look-ups (:mod:`.tone_features`).
2. The sentence layer (:class:`SentenceLayer`), where sentence embeddings are available: a
   logistic layer over the lexical model's log-probabilities and the sentence's
   all-MiniLM-L6-v2 embedding (:mod:`compare.semantic`; the framing reuses the embeddings the
   alignment computed).  Written by ``benchmarks/train_tone_embedding.py`` to
   ``compare/data/tone-embedding.json``.  The embedding says how the sentence reads as a whole;
   the lexical part stays what ties the tone to the target.

Nothing is loaded until the first call.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from compare.analyze.framing import tone_file
from compare.analyze.framing.bystander import bystander
from compare.analyze.framing.said import MAX_CUES, said_of
from compare.analyze.framing.tone_features import (
    Feature,
    Hit,
    _hits,
    _tokens,
    features,
    known_hits,
)
from compare.records import record
from compare.untrusted import repair_text

Tone = Literal["favourable", "unfavourable", "neutral"]
TONES: tuple[Tone, ...] = ("unfavourable", "neutral", "favourable")
MODEL = Path(__file__).resolve().parents[2] / "data" / "tone-model.bin"
REINSTALL = "storycompare's installation is damaged: reinstall it (pip install --force-reinstall storycompare)"
EMBEDDING_LAYER = MODEL.with_name("tone-embedding.json")
Logits = tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class ToneModel:
    rows: Mapping[str, int]  # feature → its row in each of the columns
    columns: tuple[Sequence[float], Sequence[float], Sequence[float]]  # weight per row, a column per class (TONES order)
    bias: tuple[float, float, float]
    lexicon: Mapping[str, float]  # word → valence (-4..4), VADER's

    @classmethod
    def from_weights(
        cls, weights: Mapping[str, Sequence[float]], bias: tuple[float, float, float], lexicon: Mapping[str, float]
    ) -> ToneModel:
        """A model from feature → its three weights (TONES order), as training makes them."""
        rows = list(weights.values())
        columns = ([w[0] for w in rows], [w[1] for w in rows], [w[2] for w in rows])
        return cls({f: n for n, f in enumerate(weights)}, columns, bias, lexicon)

    def weights(self) -> dict[str, tuple[float, float, float]]:
        """Feature → its three weights (TONES order), in row order."""
        c0, c1, c2 = self.columns
        return {f: (c0[n], c1[n], c2[n]) for f, n in self.rows.items()}


@dataclass(frozen=True, slots=True)
class SentenceLayer:
    """The lexical model's log-probabilities and the sentence embedding → the three logits."""

    bias: Logits
    lexical: tuple[Logits, Logits, Logits]  # row j: what log P_lexical(class j) adds to each class
    embedding: tuple[Logits, ...]  # one row per embedding component


@record
class ToneResult:
    tone: Tone
    score: float  # P(favourable) - P(unfavourable), -1..1
    cues: tuple[tuple[int, int], ...]  # character spans of the words of the target's clause that say the tone
    # (the sentiment lexicon's, pushing most toward it: :func:`.said.said_of`); none: nothing says it of the target
    strength: float = 0.0  # the strongest of those words' valence in the lexicon, 0..4


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL)) -> ToneModel:
    """The shipped model (read once, :func:`.tone_file.read`)."""
    try:
        got = tone_file.read(Path(path))
    except OSError as error:
        raise tone_file.ModelFileError(f"{path}: cannot read the tone model ({error.strerror}); {REINSTALL}") from None
    except tone_file.ModelFileError as error:
        raise tone_file.ModelFileError(f"{error}; {REINSTALL}") from None
    return ToneModel(got.rows, got.columns, got.bias, got.lexicon)


@lru_cache(maxsize=1)
def load_layer(path: str = str(EMBEDDING_LAYER)) -> SentenceLayer:
    """The shipped sentence layer (read once)."""

    def row(values: Sequence[float]) -> Logits:
        return (float(values[0]), float(values[1]), float(values[2]))

    try:
        data = json.loads(Path(path).read_text("utf-8"))
        lexical = [row(r) for r in data["lexical"]]
        embedding = tuple(row(r) for r in data["embedding"])
        return SentenceLayer(row(data["bias"]), (lexical[0], lexical[1], lexical[2]), embedding)
    except OSError as error:
        raise tone_file.ModelFileError(f"{path}: cannot read the tone layer ({error.strerror}); {REINSTALL}") from None
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise tone_file.ModelFileError(f"{path}: not a tone layer ({error}); {REINSTALL}") from None


def sentence_logits(vector: Sequence[float], layer: SentenceLayer | None = None) -> Logits:
    """What a sentence's embedding adds to the three logits, whatever the target: computed once
    per sentence and passed to :func:`tone_at` as ``sentence``."""
    return _layer_logits([vector], layer or load_layer())[0]


def _layer_logits(vectors: Sequence[Sequence[float]], layer: SentenceLayer) -> list[Logits]:
    """:func:`sentence_logits` of each vector, as one matrix product."""
    import numpy as np

    z = np.asarray(vectors, dtype=np.float64) @ np.asarray(layer.embedding) + np.asarray(layer.bias)
    return [(row[0], row[1], row[2]) for row in z.tolist()]


def _softmax(z: Sequence[float]) -> Logits:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return (e[0] / total, e[1] / total, e[2] / total)


def probabilities(
    feats: Sequence[Feature],
    model: ToneModel,
    neutral_prior: float = 0.0,
    sentence: Logits | None = None,
    layer: SentenceLayer | None = None,
) -> Logits:
    """P(unfavourable), P(neutral), P(favourable); ``neutral_prior`` is added to neutral's log-odds.

    With ``sentence`` (:func:`sentence_logits` of the sentence's embedding), the lexical model's
    log-probabilities go through the sentence layer; without, the lexical model decides alone."""
    return _probabilities(_hits(feats, model.rows), model, neutral_prior, sentence, layer)


def _probabilities(
    hits: Sequence[Hit],
    model: ToneModel,
    neutral_prior: float = 0.0,
    sentence: Logits | None = None,
    layer: SentenceLayer | None = None,
) -> Logits:
    """:func:`probabilities` of the features the model knows, their rows looked up once."""
    z0, z1, z2 = model.bias
    c0, c1, c2 = model.columns
    for n, _k, v in hits:
        if v == 1.0:  # most features: w * 1.0 is w, to the bit
            z0 += c0[n]
            z1 += c1[n]
            z2 += c2[n]
        else:
            z0 += c0[n] * v
            z1 += c1[n] * v
            z2 += c2[n] * v
    z = [z0, z1, z2]
    if sentence is not None:
        p0, p1, p2 = _softmax(z)
        m0, m1, m2 = (layer or load_layer()).lexical
        log, tiny = math.log, 1e-12
        l0, l1, l2 = log(max(p0, tiny)), log(max(p1, tiny)), log(max(p2, tiny))
        z = [sentence[c] + (l0 * m0[c] + l1 * m1[c] + l2 * m2[c]) for c in range(3)]
    z[1] += neutral_prior
    return _softmax(z)


def tone_at(
    text: str,
    start: int,
    end: int,
    model: ToneModel | None = None,
    neutral_prior: float = 0.0,
    sentence: Logits | None = None,
) -> ToneResult:
    """The tone of ``text`` toward the target at characters ``start``..``end``.

    A verdict the sentence does not say of the target (:func:`.bystander.bystander`: "Obama
    campaign spokeswoman Lis Smith described the ad as 'dishonest'") is "neutral".
    The model was trained on sentences a third of which are neutral; ``neutral_prior`` (log-odds)
    says how much likelier neutral is where it is used (``Settings.tone_neutral_prior``).
    ``sentence``: :func:`sentence_logits` of the text's embedding, when there is one.
    """
    model = model or load_model()
    hits = known_hits(text, start, end, model.rows, model.lexicon)
    p = _probabilities(hits, model, neutral_prior, sentence)
    best = max(range(3), key=lambda c: (p[c], c == 1))
    tone = TONES[best]
    if bystander(text, start, end, tone) is not None:
        return ToneResult("neutral", 0.0, ())  # the sentence says nothing of the target
    cues: tuple[tuple[int, int], ...] = ()
    strength = 0.0
    if tone != "neutral":
        toks = _tokens(text)
        push: dict[int, float] = {}
        chosen, neutral = model.columns[best], model.columns[1]
        for n, k, v in hits:
            if k >= 0:
                push[k] = push.get(k, 0.0) + (chosen[n] - neutral[n]) * v
        sign = 1 if tone == "favourable" else -1
        said = said_of(text, toks, start, end, model.lexicon)
        strong = sorted((k for k, v in said.items() if v * sign > 0), key=lambda k: (-push.get(k, 0.0), k))[:MAX_CUES]
        cues = tuple(sorted((toks[k][1], toks[k][2]) for k in strong))
        strength = max((abs(said[k]) for k in strong), default=0.0)
    return ToneResult(tone, round(p[2] - p[0], 3), cues, strength)


def target_tone(sentence: str, target: str) -> Tone:
    """The tone of one sentence toward one target named in it: "favourable", "unfavourable" or "neutral".

    ``target`` is found in ``sentence`` as written (else case-insensitively); a target the
    sentence does not name is judged from the sentence as a whole.  Where sentence embeddings
    are available (:func:`compare.semantic.available`) the sentence layer takes part; elsewhere
    the lexical model decides alone.  A sentence or target that is not text is a :class:`TypeError`
    (None failed deep inside with an AttributeError; a target None is none); a lone surrogate is read as U+FFFD.
    """
    if not isinstance(sentence, str) or not isinstance(target, (str, type(None))):
        raise TypeError(f"target_tone() takes a sentence and a target as strings, got {type(sentence).__name__} and {type(target).__name__}")
    sentence, target = repair_text(sentence)[0], repair_text(target or "")[0]  # a lone surrogate stopped the tokenizer
    at = sentence.find(target) if target else -1
    if at < 0 and target:
        at = sentence.lower().find(target.lower())
    start, end = (at, at + len(target)) if at >= 0 else (0, 0)
    return tone_at(sentence, start, end, sentence=embedded_logits([sentence]).get(sentence)).tone


def embedded_logits(texts: Sequence[str]) -> dict[str, Logits]:
    """:func:`sentence_logits` of each text's embedding (one matrix product for all of them), or
    nothing where embeddings are unavailable."""
    from compare import semantic

    if not texts or not semantic.available():
        return {}
    unique = list(dict.fromkeys(texts))
    return dict(zip(unique, _layer_logits(semantic.embed_matrix(unique), load_layer()), strict=True))


__all__ = ["TONES", "SentenceLayer", "Tone", "ToneResult", "embedded_logits", "features", "sentence_logits", "target_tone", "tone_at"]
