"""The framing measures of benchmarks/evaluate.py: BASIL entity framing, NewsMTSC target tone.

BASIL 2010-2012 (../shared/data/basil-framing-dev, read its README): for each story's annotated
entities (the pseudo-entity "main event" left out: no report can name it), whether the story's
report names it as an actor, and the tone the report gives it in each outlet's article against
the annotators' author_sentiment (pos/neg/neu).  An entity is matched by name: its words, less
words that only say which part of it ("campaign", "administration", "leaders", "lawmakers",
"Senate"), must all be among the words of one actor's name and the forms the articles named it
by; a plural and its singular are one word ("Democrats" = "Democratic").  An entity the report
does not name counts as "neutral" for the tone.

    .venv/bin/python benchmarks/framing_eval.py [--data ../shared/data] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GENERIC = frozenset(
    "the campaign administration leaders leader lawmakers senate house u.s. us party members "
    "supporters officials".split()
)
TONE_TO_GOLD = {"favourable": "pos", "unfavourable": "neg", "neutral": "neu"}


def _norm(word: str) -> str:
    """A word's first six letters, lower case: "Democrats" = "Democratic", "Wal-Mart" = "Walmart"."""
    return re.sub(r"[^\w]", "", word.lower())[:6]


def _words(text: str) -> set[str]:
    return {_norm(w) for w in re.findall(r"[\w.'’-]+", text) if w}


def matches(entity: str, actor_words: set[str]) -> bool:
    significant = {_norm(w) for w in re.findall(r"[\w.'’-]+", entity) if w.lower() not in GENERIC}
    if not significant:
        significant = _words(entity)
    return bool(significant) and significant <= actor_words


def person_matches(entity: str, actor: str) -> bool:
    """A report that only knows a person's surname ("Obama") names the annotators' "Barack Obama"."""
    return " " not in actor and _norm(entity.split()[-1]) == _norm(actor)


def macro_f1(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str] = ("pos", "neg", "neu")) -> float:
    scores = []
    for c in classes:
        tp = sum(1 for a, b in zip(gold, pred, strict=True) if a == b == c)
        fp = sum(1 for a, b in zip(gold, pred, strict=True) if b == c and a != c)
        fn = sum(1 for a, b in zip(gold, pred, strict=True) if a == c and b != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def measure_basil_framing(folder: Path, show: bool = False) -> dict[str, Any]:
    from compare import compare

    rows = json.loads((folder / "gold_entity_framing_by_outlet.json").read_text("utf-8"))
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["entity"] != "main event":
            by_story.setdefault(row["story"], []).append(row)
    found = total = 0
    gold: list[str] = []
    pred: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    scores: list[tuple[str, float]] = []
    for story, entities in sorted(by_story.items()):
        paths = sorted((folder / "stories" / story).glob("*.json"))
        records = [json.loads(p.read_text("utf-8")) for p in paths]
        for r in records:
            r.pop("sentences", None)
        result = compare(records)
        actor_words: dict[str, set[str]] = {}
        for st in result.stances:
            words = actor_words.setdefault(st.actor, _words(st.actor))
            for alias in st.aliases:
                words |= _words(alias)
        tone = {(st.actor, st.article): st.tone for st in result.stances}
        score = {(st.actor, st.article): st.tone_score for st in result.stances}
        for row in entities:
            total += 1
            hit = next((a for a, words in actor_words.items() if matches(row["entity"], words)), None) or next(
                (a for a in actor_words if person_matches(row["entity"], a)), None
            )
            found += hit is not None
            if show:
                print(f"{story[:8]} {row['entity']!r:32} -> {hit!r}")
            for outlet in row["by_outlet"].values():
                if outlet["author_sentiment"] not in ("pos", "neg", "neu"):
                    continue
                said = tone.get((hit, outlet["article_id"]), "neutral") if hit else "neutral"
                gold.append(outlet["author_sentiment"])
                pred.append(TONE_TO_GOLD[said])
                confusion[(outlet["author_sentiment"], TONE_TO_GOLD[said])] += 1
                scores.append((outlet["author_sentiment"], score.get((hit, outlet["article_id"]), 0.0) if hit else 0.0))
        if show:
            print("   actors:", ", ".join(actor_words))
    return {
        "entities": total,
        "found_share": found / total if total else 0.0,
        "tone_macro_f1": macro_f1(gold, pred),
        "tone_pairs": len(gold),
        "confusion": dict(sorted(confusion.items())),
        "scores": scores,
    }


def measure_newsmtsc(path: Path, folds: int = 5) -> dict[str, Any]:
    from benchmarks.train_tone import cross_validate, read, read_vader
    from compare.analyze.framing.tone import load_model

    examples = read(path, dict(load_model().lexicon) or read_vader(None))
    f1, per_fold = cross_validate(examples, folds)
    return {"targets": len(examples), "cv_macro_f1": f1, "folds": per_fold}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", action="store_true", help="print each entity and the actor matched")
    parser.add_argument("--newsmtsc", action="store_true", help="also cross-validate the tone model (slow)")
    args = parser.parse_args(argv)
    folder = args.data / "basil-framing-dev"
    if not folder.is_dir():
        print(f"{folder}: BASIL framing data not found", file=sys.stderr)
        return 2
    result = measure_basil_framing(folder, args.show)
    print(json.dumps({k: v for k, v in result.items() if k not in ("confusion", "scores")}, indent=1))
    if args.show:
        for label in ("pos", "neu", "neg"):
            values = sorted(v for g, v in result["scores"] if g == label)
            print(label, " ".join(f"{v:+.2f}" for v in values))
    print("confusion (gold, predicted):", result["confusion"])
    if args.newsmtsc:
        print(json.dumps(measure_newsmtsc(args.data / "newsmtsc" / "train.jsonl"), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
