"""Where the BASIL tone errors come from: attribution, the sentence model, or the neutral decision.

    .venv/bin/python benchmarks/framing_errors.py [--data ../shared/data]

Reads BASIL 2010-2012 (``../shared/data/basil-framing-dev``, see its README and
``benchmarks/framing_eval.py`` for how entities are matched to actors) and prints:

1. **Classes**: the confusion of the shipped tone against the annotators' ``author_sentiment``,
   each class's F1, and a 90% interval of the macro-F1 from resampling the stories (what 30
   stories can tell apart).
2. **Attribution**: of the annotated bias spans aimed at an entity the report names, the share
   that lie in a sentence the framing credits to that actor (sentences naming it or referring to
   it, see compare/analyze/framing/coref.py), and why the others are not
   (:func:`uncredited_causes`).
3. **Sentence model**: what it called the credited sentences holding an annotated negative
   phrase about the actor, a positive one, or none (:func:`sentence_tones_by_span`); among the
   sentences credited to an actor, how well the tone score
   (P(favourable) - P(unfavourable)) ranks the sentences holding an annotated negative span
   above those holding none (AUC), and the positive ones likewise; and for the portrayals,
   how well the credited sentences' scores summed over the square root of their number rank
   the unfavourable (favourable) portrayals above the neutral ones: a measure that needs no
   margin, so that it does not turn on the two or three favourable portrayals a margin catches.
4. **Ceilings**: the annotators' own spans counted as if a model had found each of them: an
   (entity, article) is unfavourable when its negative spans outnumber the positive by at least
   ``t``, favourable when the positive outnumber the negative by at least ``u``; macro-F1 with
   (t, u) cross-validated by story as in ``framing_eval.cross_validate_tone``, once with every
   span and once with only the spans in sentences credited to the actor.  A perfect sentence
   model with this attribution scores about the second figure; perfect attribution too, the first.
5. **Aggregation**: the shipped aggregation rule over perfect sentence tones
   (:func:`aggregation_ceiling`): what is lost at the sentence level, and by the rule.

With the classes come the confusion of each outlet (:func:`confusion_by_outlet`) and why each
missed favourable or unfavourable portrayal is missed (:func:`missed_by_cause`).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.framing_eval import (  # noqa: E402
    TONE_TO_GOLD,
    _actor_words,
    cross_validate_tone,
    macro_f1,
    matches,
    person_matches,
)
from compare.analyze.framing.words import ORG_NOUNS, ROLE_NOUNS  # noqa: E402

CLASSES = ("pos", "neg", "neu")
BOOTSTRAP = 2000
SPAN_PROBE = 40
"""A span lies in a sentence when the sentence holds its first SPAN_PROBE characters."""
GAPS = (1, 2, 3, 4, 5, 6)
"""The grid of span-count margins (t for unfavourable, u for favourable) of the ceilings."""


@dataclass(frozen=True)
class Pair:
    """One annotated (entity, article): the gold tone, the shipped tone, what the framing credited."""

    story: str
    gold: str
    said: str
    named: bool  # the report names the entity as an actor
    credited: tuple[tuple[str, float], ...]  # (sentence text, tone score) of each credited sentence
    entity: str
    spans: tuple[tuple[str, str], ...]  # (polarity, text) of the annotated spans aimed at the entity
    sentences: tuple[str, ...] = ()  # every sentence of the article
    tones: tuple[str, ...] = ()  # the tone of each credited sentence ("speaker" where the actor only speaks)
    outlet: str = ""


@contextmanager
def _keeping_tallies(store: dict[tuple[str, str], Any]) -> Iterator[None]:
    """Keeps every (actor, article) tally that :func:`compare.analyze.framing.frame` scores."""
    import compare.analyze.framing as framing

    original = framing.stance

    def keep(actor: str, article: str, tally: Any, settings: Any, *rest: Any) -> Any:
        store[(actor, article)] = tally
        return original(actor, article, tally, settings, *rest)

    framing.stance = keep  # type: ignore[assignment]  # benchmark-only instrumentation
    try:
        yield
    finally:
        framing.stance = original  # type: ignore[assignment]


def read_pairs(folder: Path) -> list[Pair]:
    from compare import compare

    rows = json.loads((folder / "gold_entity_framing_by_outlet.json").read_text("utf-8"))
    articles = {r["article_id"]: r for r in json.loads((folder / "gold_framing.json").read_text("utf-8"))}
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["entity"] != "main event":
            by_story.setdefault(row["story"], []).append(row)
    out = []
    for story, entities in sorted(by_story.items()):
        records = [
            json.loads(p.read_text("utf-8")) for p in sorted((folder / "stories" / story).glob("*.json"))
        ]
        for r in records:
            r.pop("sentences", None)
        tallies: dict[tuple[str, str], Any] = {}
        with _keeping_tallies(tallies):
            result = compare(records)
        text = {s.id: s.text for a in result.articles for s in a.sentences}
        tone = {(st.actor, st.article): st.tone for st in result.stances}
        words = _actor_words(result.stances)
        for row in entities:
            hit = next((a for a, w in words.items() if matches(row["entity"], w)), None) or next(
                (a for a in words if person_matches(row["entity"], a)), None
            )
            for name, outlet in row["by_outlet"].items():
                if outlet["author_sentiment"] not in CLASSES:
                    continue
                aid = outlet["article_id"]
                tally = tallies.get((hit, aid)) if hit else None
                credited = tuple((text[t.sentence], t.score) for t in tally.tones.values()) if tally else ()
                tones = tuple("speaker" if t.speaker else t.tone for t in tally.tones.values()) if tally else ()
                spans = tuple(
                    (s["polarity"], s["text"]) for s in articles[aid]["spans"] if s["target"] == row["entity"]
                )
                said = TONE_TO_GOLD[tone.get((hit, aid), "neutral")] if hit else "neu"
                sentences = tuple(s.text for a in result.articles if a.id == aid for s in a.sentences)
                out.append(
                    Pair(
                        story, outlet["author_sentiment"], said, hit is not None, credited, row["entity"], spans,
                        sentences, tones, name,
                    )
                )
    return out


def _in(span: str, sentences: Sequence[str]) -> bool:
    probe = span[:SPAN_PROBE]
    return any(probe in s for s in sentences)


REFERRING = re.compile(
    r"\b(?:he|him|his|she|her|they|them|their|it|its)\b|\bthe (?:\w+ )?(?:"
    + "|".join(sorted({*ROLE_NOUNS, *ORG_NOUNS, "administration", "campaign", "party"}))
    + r")\b",
    re.IGNORECASE,
)


def uncredited_causes(pairs: Sequence[Pair]) -> dict[str, int]:
    """Why the annotated spans about a named entity lie outside every sentence credited to it.

    "no sentence": the span was not found in the article's sentences (cleaning, segmentation);
    "names it": its sentence names the entity (by a word of the annotators' name) yet is not
    credited (a misread name, or a mention the framing leaves out, such as a compound);
    "refers to it": the sentence has a pronoun or a role noun ("he", "the company") that the
    coreference step resolved elsewhere or not at all; "no mention": nothing in the sentence
    names or refers to anyone this way (a quotation continued, the entity implied).
    """
    causes: Counter[str] = Counter()
    for p in pairs:
        if not p.named:
            continue
        credited = [s for s, _ in p.credited]
        words = {w.lower() for w in re.findall(r"[\w-]+", p.entity) if len(w) > 2}
        for _, text in p.spans:
            if _in(text, credited):
                continue
            home = next((s for s in p.sentences if text[:SPAN_PROBE] in s), None)
            if home is None:
                causes["no sentence"] += 1
            elif words & {w.lower() for w in re.findall(r"[\w-]+", home)}:
                causes["names it"] += 1
            elif REFERRING.search(home):
                causes["refers to it"] += 1
            else:
                causes["no mention"] += 1
    return dict(causes.most_common())


def auc(high: Sequence[float], low: Sequence[float]) -> float:
    """The chance that a score from ``high`` exceeds one from ``low`` (ties count half)."""
    if not high or not low:
        return float("nan")
    wins = sum((a > b) + 0.5 * (a == b) for a in high for b in low)
    return wins / (len(high) * len(low))


def bootstrap_interval(pairs: Sequence[Pair], seed: int = 0) -> tuple[float, float]:
    """The 5th and 95th percentiles of the macro-F1 over stories drawn with replacement."""
    stories = sorted({p.story for p in pairs})
    of = {s: [p for p in pairs if p.story == s] for s in stories}
    rng = random.Random(seed)
    values = []
    for _ in range(BOOTSTRAP):
        drawn = [p for _ in stories for p in of[rng.choice(stories)]]
        values.append(macro_f1([p.gold for p in drawn], [p.said for p in drawn]))
    values.sort()
    return values[BOOTSTRAP // 20], values[BOOTSTRAP - BOOTSTRAP // 20 - 1]


def ceiling(pairs: Sequence[Pair], only_credited: bool) -> float:
    """The cross-validated macro-F1 of counting the annotated spans (see the module's docstring)."""

    def counts(p: Pair) -> tuple[int, int]:
        sentences = [s for s, _ in p.credited]
        kept = [pol for pol, text in p.spans if not only_credited or _in(text, sentences)]
        return kept.count("neg"), kept.count("pos")

    gold: dict[str, list[str]] = {}
    predicted: dict[tuple[float, float], dict[str, list[str]]] = {}
    for p in pairs:
        gold.setdefault(p.story, []).append(p.gold)
        neg, pos = counts(p)
        for t in GAPS:
            for u in GAPS[:3]:
                label = "neg" if neg - pos >= t else "pos" if pos - neg >= u else "neu"
                predicted.setdefault((t, u), {}).setdefault(p.story, []).append(label)
    return cross_validate_tone(gold, predicted)[0]


def aggregation_ceiling(pairs: Sequence[Pair]) -> tuple[float, float]:
    """The shipped aggregation (compare/analyze/framing/scoring.py's ``_tone``) over perfect
    sentence tones: each sentence credited to the actor is unfavourable where it holds an
    annotated negative span about it, favourable where a positive one, else neutral; with
    ``tone_unfavourable_net`` and ``tone_favourable_share`` over GAPS and framing_eval's SHARES.
    (in-sample best macro-F1, cross-validated by story): what the framing would score with a
    perfect sentence model and today's attribution and aggregation.  Set beside the shipped
    figure, it says how much is lost at the sentence level, and beside
    ``ceiling_credited_spans_cv`` (the same spans, counted with margins of their own) how much
    the aggregation rule loses."""
    from dataclasses import replace

    from benchmarks.framing_eval import SHARES
    from compare.analyze.framing.scoring import SentenceTone, _tone
    from compare.settings import Settings

    base = Settings()
    gold: dict[str, list[str]] = {}
    predicted: dict[tuple[float, ...], dict[str, list[str]]] = {}
    for p in pairs:
        gold.setdefault(p.story, []).append(p.gold)
        tones = []
        for n, (sentence, _score) in enumerate(p.credited):
            marked = {pol for pol, text in p.spans if text[:SPAN_PROBE] in sentence}
            tone = "unfavourable" if "neg" in marked else "favourable" if marked else "neutral"
            tones.append(SentenceTone(str(n), n, tone, 0.0, True))  # type: ignore[arg-type]
        for net in GAPS:
            for share in SHARES:
                settings = replace(base, tone_unfavourable_net=net, tone_unfavourable_net_named=net, tone_favourable_share=share)
                label = TONE_TO_GOLD[_tone(tones, settings)[0]] if p.named else "neu"
                # the point's first number is cross_validate_tone's tie-breaker (a neutral prior): 1.0, no tie broken
                predicted.setdefault((1.0, net, share), {}).setdefault(p.story, []).append(label)
    all_gold = [x for s in sorted(gold) for x in gold[s]]
    best = max(
        macro_f1(all_gold, [x for s in sorted(gold) for x in by_story[s]]) for by_story in predicted.values()
    )
    return best, cross_validate_tone(gold, predicted)[0]


def credited_counts(pairs: Sequence[Pair]) -> tuple[int, int]:
    """(annotated spans in a sentence credited to their entity, all spans about a named entity)."""
    named = [p for p in pairs if p.named]
    inside = sum(_in(text, [s for s, _ in p.credited]) for p in named for _, text in p.spans)
    return inside, sum(len(p.spans) for p in named)


def credited_share(pairs: Sequence[Pair]) -> float:
    inside, total = credited_counts(pairs)
    return inside / total if total else 0.0


def ranking_aucs(pairs: Sequence[Pair]) -> dict[str, float]:
    """Margin-free measures of the sentence model (section 3 of the module's docstring): the
    credited sentences holding an annotated negative (positive) span ranked above those holding
    none, and the unfavourable (favourable) portrayals ranked above the neutral ones by the
    credited sentences' scores summed over the square root of their number."""
    rows: list[tuple[str, float]] = []
    for p in pairs:
        for sentence, score in p.credited:
            marked = {pol for pol, text in p.spans if text[:SPAN_PROBE] in sentence}
            rows.append(("neg" if "neg" in marked else "pos" if marked else "none", score))
    none = [s for k, s in rows if k == "none"]
    evidence = {id(p): sum(x for _, x in p.credited) / math.sqrt(len(p.credited)) if p.credited else 0.0 for p in pairs}
    neutral = [evidence[id(p)] for p in pairs if p.gold == "neu"]
    return {
        "sentences_credited": len(rows),
        "sentence_auc_negative": round(auc([-s for k, s in rows if k == "neg"], [-s for s in none]), 3),
        "sentence_auc_positive": round(auc([s for k, s in rows if k == "pos"], none), 3),
        "pair_auc_negative": round(auc([-evidence[id(p)] for p in pairs if p.gold == "neg"], [-x for x in neutral]), 3),
        "pair_auc_positive": round(auc([evidence[id(p)] for p in pairs if p.gold == "pos"], neutral), 3),
    }


def sentence_tones_by_span(pairs: Sequence[Pair]) -> dict[str, dict[str, int]]:
    """What the framing called the sentences credited to an annotated entity, by the annotated
    phrases about it they hold ("neg": a negative one, "pos": only positive ones, "none"): how
    often an unfavourable sentence holds an annotated negative phrase (the sentence level's
    precision), and how often one that holds such a phrase is called unfavourable (its recall)."""
    out: dict[str, Counter[str]] = {"neg": Counter(), "pos": Counter(), "none": Counter()}
    for p in pairs:
        for (sentence, _score), tone in zip(p.credited, p.tones, strict=True):
            marked = {pol for pol, text in p.spans if text[:SPAN_PROBE] in sentence}
            out["neg" if "neg" in marked else "pos" if marked else "none"][tone] += 1
    return {k: dict(sorted(v.items())) for k, v in out.items()}


def missed_by_cause(pairs: Sequence[Pair]) -> dict[str, dict[str, int]]:
    """Why each favourable (unfavourable) portrayal the report does not find is missed: the
    entity is no actor of the report ("actor not matched"); it is, but no sentence of the article
    is credited to it ("no sentence credited"); its credited sentences are not more often of the
    gold tone than of the opposite one ("sentence tone"); or they are, and the rule that makes
    one portrayal of them says otherwise ("aggregation": the margins, the rival, the checks)."""
    out: dict[str, Counter[str]] = {"pos": Counter(), "neg": Counter()}
    for p in pairs:
        if p.gold not in out or p.said == p.gold:
            continue
        same, other = ("favourable", "unfavourable") if p.gold == "pos" else ("unfavourable", "favourable")
        if not p.named:
            cause = "actor not matched"
        elif not p.credited:
            cause = "no sentence credited"
        elif p.tones.count(same) <= p.tones.count(other):
            cause = "sentence tone"
        else:
            cause = "aggregation"
        out[p.gold][cause] += 1
    return {gold: dict(counts.most_common()) for gold, counts in out.items()}


def confusion_by_outlet(pairs: Sequence[Pair]) -> dict[str, dict[str, int]]:
    """The confusion (gold>said) of each outlet's articles."""
    out: dict[str, Counter[str]] = {}
    for p in pairs:
        out.setdefault(p.outlet, Counter())[f"{p.gold}>{p.said}"] += 1
    return {outlet: dict(sorted(counts.items())) for outlet, counts in sorted(out.items())}


def report(pairs: Sequence[Pair]) -> dict[str, Any]:
    gold = [p.gold for p in pairs]
    said = [p.said for p in pairs]
    per_class = {c: macro_f1(gold, said, (c,)) for c in CLASSES}
    low, high = bootstrap_interval(pairs)
    span_in, span_total = credited_counts(pairs)
    aggregation, aggregation_cv = aggregation_ceiling(pairs)
    return {
        "pairs": len(pairs),
        "gold_classes": dict(Counter(gold)),
        "confusion_gold_said": {
            f"{g}>{s}": n for (g, s), n in sorted(Counter(zip(gold, said, strict=True)).items())
        },
        "confusion_by_outlet": confusion_by_outlet(pairs),
        "missed_by_cause": missed_by_cause(pairs),
        "f1_per_class": {c: round(v, 3) for c, v in per_class.items()},
        "macro_f1": round(macro_f1(gold, said), 3),
        "macro_f1_story_bootstrap_90": [round(low, 3), round(high, 3)],
        "spans_in_credited_sentences": f"{span_in}/{span_total}",
        "spans_not_credited_by_cause": uncredited_causes(pairs),
        **ranking_aucs(pairs),
        "sentence_tones_by_span": sentence_tones_by_span(pairs),
        "ceiling_all_spans_cv": round(ceiling(pairs, only_credited=False), 3),
        "ceiling_credited_spans_cv": round(ceiling(pairs, only_credited=True), 3),
        "aggregation_ceiling": round(aggregation, 3),
        "aggregation_ceiling_cv": round(aggregation_cv, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    folder = args.data / "basil-framing-dev"
    if not (folder / "gold_framing.json").is_file():
        print(f"{folder}: BASIL framing data not found (gold_framing.json)", file=sys.stderr)
        return 2
    print(json.dumps(report(read_pairs(folder)), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
