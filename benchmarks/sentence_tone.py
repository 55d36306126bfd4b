"""The sentence level of the BASIL tone: what ``target_tone`` calls each sentence the framing
credits to an annotated entity, against the annotated bias spans, and where it fails.

    nice -n 10 .venv/bin/python benchmarks/sentence_tone.py collect OUT.pkl [--data ../shared/data]
    .venv/bin/python benchmarks/sentence_tone.py report OUT.pkl

``collect`` runs the shipped ``compare`` once on each of the 30 BASIL 2010-2012 stories
(``DATA/basil-framing-dev``, read its README) and keeps what the framing credits
(:func:`compare.analyze.framing.credit`: every (sentence, target) whose tone it judges), the
sentence embeddings, the entities matched to actors (as ``framing_eval.py`` matches them) and
the annotated spans.  The pickle stays outside the repository (it holds BASIL text).

``report`` prints, for the credited (sentence, actor) pairs of an annotated entity:

- the sentence gold: "neg" where the sentence holds an annotated negative span aimed at the
  entity, "pos" where it holds only positive ones, "none" where it holds none (a sentence with
  no span is not always neutral to the annotators, but it holds nothing they marked);
- what the shipped tone called them, overall and split by where it can fail: the target inside
  a quotation or in the outlet's own words; the span quoted or not (the annotators' ``quote``);
  the target as its clause's subject (before the clause's first verb-like word) or not; a
  negation in the sentence; a hedge; a name or a reference ("he", "the senator");
- the AUC of the tone score, neg above none and pos above none, in each part;
- the portrayal macro-F1 at the shipped settings and cross-validated by story
  (``framing_eval.cross_validate_tone``), recomputed from the kept requests with
  :func:`basil_f1` (so another tone function can be measured in seconds, see
  ``benchmarks/train_tone_target.py``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.framing_errors import SPAN_PROBE, auc  # noqa: E402
from benchmarks.framing_eval import (  # noqa: E402
    NETS,
    PRIORS,
    SHARES,
    TONE_TO_GOLD,
    _actor_words,
    cross_validate_tone,
    macro_f1,
    matches,
    person_matches,
)

HEDGES = frozenset(
    "may might could would reportedly allegedly apparently possibly perhaps likely seems seemed appears "
    "appeared suggest suggests suggested".split()
)
NEGATIONS = frozenset("not no never n't nor neither without".split())
TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|n't|[^\w\s]")
LOGITS = tuple[float, float, float]


@dataclass(frozen=True)
class Story:
    story: str
    credited: Any  # compare.analyze.framing.Credited
    settings: Any
    vectors: dict[str, list[float]]  # sentence text -> its embedding
    hits: list[tuple[str | None, str]]  # (actor matched or None, article id) of each annotated portrayal
    gold: list[str]  # pos/neg/neu of each
    entity_of: dict[str, str]  # actor -> the annotated entity it matches
    spans: dict[str, list[tuple[str, str, str, str]]]  # article -> (entity, polarity, quote yes/no, text)


def collect(data: Path, out: Path) -> None:
    from compare import compare, semantic
    from compare.analyze.framing import credit
    from compare.lexicon import load_lexicon

    folder = data / "basil-framing-dev"
    rows = json.loads((folder / "gold_entity_framing_by_outlet.json").read_text("utf-8"))
    articles = {r["article_id"]: r for r in json.loads((folder / "gold_framing.json").read_text("utf-8"))}
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["entity"] != "main event":
            by_story.setdefault(row["story"], []).append(row)
    lexicon = load_lexicon(None)
    stories = []
    for story, entities in sorted(by_story.items()):
        records = [json.loads(p.read_text("utf-8")) for p in sorted((folder / "stories" / story).glob("*.json"))]
        for r in records:
            r.pop("sentences", None)
        result = compare(records)
        credited = credit(result.articles, lexicon, result.settings)
        words = _actor_words(result.stances)
        hits: list[tuple[str | None, str]] = []
        gold: list[str] = []
        entity_of: dict[str, str] = {}
        for row in entities:
            hit = next((a for a, w in words.items() if matches(row["entity"], w)), None) or next(
                (a for a in words if person_matches(row["entity"], a)), None
            )
            if hit is not None:
                entity_of.setdefault(hit, row["entity"])
            for outlet in row["by_outlet"].values():
                if outlet["author_sentiment"] in ("pos", "neg", "neu"):
                    hits.append((hit, outlet["article_id"]))
                    gold.append(outlet["author_sentiment"])
        spans = {
            a.id: [
                (s["target"], s["polarity"], s["quote"], s["text"])
                for s in articles.get(a.id, {"spans": []})["spans"]
            ]
            for a in result.articles
        }
        texts = list(credited.texts)
        vectors = dict(zip(texts, (list(map(float, v)) for v in semantic.embed_matrix(texts)), strict=True))
        stories.append(Story(story, credited, result.settings, vectors, hits, gold, entity_of, spans))
        print(story[:8], len(credited.requests), "requests", file=sys.stderr)
    out.write_bytes(pickle.dumps(stories))


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        return Story if name == "Story" else super().find_class(module, name)  # (run as __main__ or imported)


def load(path: Path) -> list[Story]:
    with path.open("rb") as f:
        return list(_Unpickler(f).load())  # our own file, written by collect()


# --- the tone of each request under a tone function ---------------------------------------------------

ToneFn = Callable[[str, int, int, Sequence[float] | None, float], Any]
"""(text, start, end, the sentence's embedding or None, neutral prior) -> a ToneResult."""


def shipped(text: str, start: int, end: int, vector: Sequence[float] | None, prior: float) -> Any:
    from compare.analyze.framing.tone import sentence_logits, tone_at

    return tone_at(text, start, end, neutral_prior=prior, sentence=sentence_logits(vector) if vector else None)


@contextmanager
def _tones_from(fn: ToneFn, vectors: dict[str, list[float]]) -> Iterator[None]:
    """finish() judges its tones with ``fn`` (no cache)."""
    import compare.analyze.framing as framing

    original = framing.tone_cache.judged, framing._embedded

    def judged(requests: Sequence[Any], prior: float, _folder: Any) -> list[Any]:
        return [fn(t, s, e, vectors.get(t), prior) for t, s, e, _z in requests]

    framing.tone_cache.judged = judged  # type: ignore[assignment]  # benchmark-only
    framing._embedded = lambda texts, settings: {}  # type: ignore[assignment]
    try:
        yield
    finally:
        framing.tone_cache.judged, framing._embedded = original  # type: ignore[assignment]


def _labels(stances: Sequence[Any], hits: Sequence[tuple[str | None, str]]) -> list[str]:
    tone = {(st.actor, st.article): st.tone for st in stances}
    return [TONE_TO_GOLD[tone.get((h, a), "neutral")] if h else "neu" for h, a in hits]


def basil_f1(
    stories: Sequence[Story], fn: ToneFn = shipped, cv: bool = True, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Portrayal macro-F1 at the shipped settings (``overrides``: other values of some), and
    cross-validated by story over the grid of ``framing_eval.py`` (the tone settings chosen on
    other stories)."""
    from compare.analyze.framing import finish

    gold: list[str] = []
    pred: list[str] = []
    gold_by: dict[str, list[str]] = {}
    grid: dict[tuple[float, ...], dict[str, list[str]]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for st in stories:
        memo: dict[tuple[str, int, int, float], Any] = {}

        def cached(t: str, s: int, e: int, v: Any, p: float, memo: dict[Any, Any] = memo) -> Any:
            key = (t, s, e, p)
            if key not in memo:
                memo[key] = fn(t, s, e, v, p)
            return memo[key]

        with _tones_from(cached, st.vectors):
            said = _labels(finish(st.credited, replace(st.settings, **(overrides or {}))), st.hits)
            if cv:
                for prior, net, share in product(PRIORS, NETS, SHARES):
                    settings = replace(
                        st.settings, tone_neutral_prior=prior, tone_unfavourable_net=net, tone_favourable_share=share
                    )
                    grid.setdefault((prior, net, share), {})[st.story] = _labels(finish(st.credited, settings), st.hits)
        gold += st.gold
        pred += said
        gold_by[st.story] = st.gold
        confusion.update(zip(st.gold, said, strict=True))
    out: dict[str, Any] = {"tone_macro_f1": round(macro_f1(gold, pred), 4), "confusion": {f"{g}>{t}": n for (g, t), n in sorted(confusion.items())}}
    if cv:
        f1, _per, chosen = cross_validate_tone(gold_by, grid)
        out["tone_macro_f1_cv"] = round(f1, 4)
        out["chosen"] = {"/".join(map(str, k)): n for k, n in chosen.most_common(4)}
    return out


# --- the sentence level ---------------------------------------------------------------------------------


def _subject(text: str, start: int) -> bool:
    """The target stands at the head of its clause: no more than three words since the last cut."""
    before = text[:start]
    cut = max(before.rfind(c) for c in ',;:"“”(—')
    return len(TOKEN.findall(before[cut + 1 :])) <= 3


def sentence_rows(stories: Sequence[Story], fn: ToneFn = shipped, prior: float | None = None) -> list[dict[str, Any]]:
    """One row per credited (sentence, annotated entity): the gold, the tone, the parts it falls in."""
    rows = []
    for st in stories:
        p = st.settings.tone_neutral_prior if prior is None else prior
        for r in st.credited.requests:
            entities = {st.entity_of[a] for a in r.actors if a in st.entity_of}
            if not entities or r.speaker:
                continue
            result = fn(r.text, r.start, r.end, st.vectors.get(r.text), p)
            words = {w.lower() for w in TOKEN.findall(r.text)}
            for entity in sorted(entities):
                marked = [(pol, q) for e, pol, q, t in st.spans.get(r.article, []) if e == entity and t[:SPAN_PROBE] in r.text]
                gold = "neg" if any(pol == "neg" for pol, _ in marked) else "pos" if marked else "none"
                rows.append(
                    {
                        "gold": gold,
                        "tone": result.tone,
                        "score": result.score,
                        "text": r.text,
                        "target": r.text[r.start : r.end],
                        "entity": entity,
                        "quoted": "target quoted" if r.quoted else "target in own words",
                        "span_quote": ("span quoted" if any(q == "yes" for _, q in marked) else "span own words")
                        if marked
                        else "no span",
                        "subject": "subject" if _subject(r.text, r.start) else "not subject",
                        "negation": "negation" if words & NEGATIONS or "n't" in r.text else "no negation",
                        "hedge": "hedge" if words & HEDGES else "no hedge",
                        "reference": f"reference:{r.reference}" if r.reference else "named",
                    }
                )
    return rows


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    c = Counter((r["gold"], r["tone"]) for r in rows)
    neg = [-r["score"] for r in rows if r["gold"] == "neg"]
    pos = [r["score"] for r in rows if r["gold"] == "pos"]
    none = [r["score"] for r in rows if r["gold"] == "none"]
    out: dict[str, Any] = {"n": len(rows)}
    for g in ("neg", "pos", "none"):
        n = sum(v for (gg, _), v in c.items() if gg == g)
        if n:
            out[g] = f"{n}: unf {c[(g, 'unfavourable')]} neu {c[(g, 'neutral')]} fav {c[(g, 'favourable')]}"
    unf = sum(v for (_, t), v in c.items() if t == "unfavourable")
    out["unf_precision"] = round(c[("neg", "unfavourable")] / unf, 3) if unf else None
    out["neg_recall"] = round(c[("neg", "unfavourable")] / len(neg), 3) if neg else None
    if neg and none:
        out["auc_neg"] = round(auc(neg, [-x for x in none]), 3)
    if pos and none:
        out["auc_pos"] = round(auc(pos, none), 3)
    return out


def report(stories: Sequence[Story], fn: ToneFn = shipped, overrides: dict[str, Any] | None = None) -> None:
    rows = sentence_rows(stories, fn)
    print("all:", json.dumps(summary(rows)))
    for key in ("quoted", "span_quote", "subject", "negation", "hedge", "reference"):
        for value in sorted({r[key] for r in rows}):
            print(f"  {value:22}", json.dumps(summary([r for r in rows if r[key] == value])))
    print("portrayals:", json.dumps(basil_f1(stories, fn, overrides=overrides)))


# --- variants measured in session 24 (none shipped) ---------------------------------------------------

CRITIC_VERBS = frozenset(
    """accused accuses accusing criticized criticised criticizes criticises criticizing criticising slammed slams
    blasted blasts attacked attacks attacking chided chides condemned condemns denounced denounces lambasted
    rebuked assailed mocked mocks ridiculed derided faulted blamed blames scolded berated castigated excoriated
    bashed ripped knocked pounced questioned challenged disputed rejected rejects dismissed dismisses targeted
    warned warns hammered skewered decried""".split()
)
_ADVERBS = frozenset("also publicly sharply again repeatedly quickly immediately then later has have had on".split())


def critic(text: str, start: int, end: int) -> bool:
    """The target is the one who criticises: a verb of criticism right after it, in the active voice
    ("Ryan accused Obama of ...", "Boehner publicly chided Obama")."""
    from compare.analyze.framing.tone_features import _tokens

    for word, first, _last in _tokens(text):
        if first < end:
            continue
        if word in CRITIC_VERBS:
            return True
        if word not in _ADVERBS:
            return False
    return False


def variant(favourable_bias: float = 0.0, critic_neutral: bool = False) -> ToneFn:
    """The shipped tone with ``favourable_bias`` added to the favourable log-odds (a calibration of
    the favourable calls), and/or an unfavourable verdict toward a critic (:func:`critic`) made neutral."""
    import math

    import compare.analyze.framing.tone as tone

    model, layer = tone.load_model(), tone.load_layer()
    passing = tone.SentenceLayer((0.0, 0.0, 0.0), ((0.0, 0.0, 0.0),) * 3, ())  # the logits given are the whole layer

    def fn(text: str, start: int, end: int, vector: Sequence[float] | None, prior: float) -> Any:
        hits = tone.known_hits(text, start, end, model.rows, model.lexicon)
        p = tone._probabilities(hits, model, 0.0, tone.sentence_logits(vector, layer) if vector else None, layer)
        z = [math.log(max(x, 1e-12)) for x in p]
        z[2] += favourable_bias
        original = tone.load_layer
        tone.load_layer = lambda path=None: passing  # type: ignore[assignment,misc]  # benchmark-only
        try:
            result = tone.tone_at(text, start, end, neutral_prior=prior, sentence=(z[0], z[1], z[2]))
        finally:
            tone.load_layer = original  # type: ignore[assignment]
        if critic_neutral and result.tone == "unfavourable" and critic(text, start, end):
            return tone.ToneResult("neutral", 0.0, ())
        return result

    return fn


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("collect", "report", "examples"))
    parser.add_argument("pickle", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--favourable-bias", type=float, default=0.0, help="added to the favourable log-odds")
    parser.add_argument("--critic", action="store_true", help="a critic's unfavourable verdict made neutral")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="another value of a tone setting")
    args = parser.parse_args(argv)
    if args.command == "collect":
        if not (args.data / "basil-framing-dev").is_dir():
            print(f"{args.data / 'basil-framing-dev'}: BASIL framing data not found", file=sys.stderr)
            return 2
        collect(args.data, args.pickle)
        return 0
    if not args.pickle.is_file():
        print(f"{args.pickle}: no such file (write it with: sentence_tone.py collect {args.pickle})", file=sys.stderr)
        return 2
    stories = load(args.pickle)
    fn = variant(args.favourable_bias, args.critic) if args.favourable_bias or args.critic else shipped
    if args.command == "report":
        overrides = {name: json.loads(value) for name, value in (item.split("=", 1) for item in args.set)}
        report(stories, fn, overrides)
    else:  # the failures to read: neg called neutral or favourable, pos called otherwise
        for r in sentence_rows(stories, fn):
            if (r["gold"], r["tone"]) in (("neg", "neutral"), ("neg", "favourable"), ("pos", "unfavourable"), ("pos", "neutral")):
                print(f"{r['gold']}->{r['tone'][:3]} {r['score']:+.2f} [{r['target']}] {r['text'][:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
