"""The framing measures of benchmarks/evaluate.py: BASIL entity framing, NewsMTSC target tone.

BASIL 2010-2012 (../shared/data/basil-framing-dev, read its README): for each story's annotated
entities (the pseudo-entity "main event" left out: no report can name it), whether the story's
report names it as an actor, and the tone the report gives it in each outlet's article against
the annotators' author_sentiment (pos/neg/neu).  An entity is matched by name: its words, less
words that only say which part of it ("campaign", "administration", "leaders", "lawmakers",
"Senate"), must all be among the words of one actor's name and the forms the articles named it
by; a plural and its singular are one word ("Democrats" = "Democratic").  An entity the report
does not name counts as "neutral" for the tone.  The tone is reported twice: with the shipped
settings (tuned on these stories), and with ``tone_neutral_prior``, ``tone_unfavourable_net`` and
``tone_favourable_share`` chosen by cross-validation by story (:func:`cross_validate_tone`), what
held-out stories may expect.

    .venv/bin/python benchmarks/framing_eval.py [--data ../shared/data] [--show] [--newsmtsc] [--skip STORY ...]
        [--set NAME=VALUE ...] [--pronoun-weights 1 2 3 4] [--marked 0 2 3 4]
    .venv/bin/python benchmarks/framing_eval.py --relations [STORY ...]  # words of relations per 1,000
    nice -n 10 .venv/bin/python benchmarks/framing_eval.py --share 6   # framing's share of the example,
                                                # as a first report and as a second (embeddings cached)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from itertools import product
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


PRIORS = (0.5, 1.0, 1.5)
NETS = (3, 4, 5, 6, 7, 8, 9, 10)
SHARES = (0.1, 0.2, 0.3, 0.4, 0.5)
"""The grid of (``tone_neutral_prior``, ``tone_unfavourable_net``, ``tone_favourable_share``) the
cross-validation chooses from."""
Point = tuple[float, ...]
CV_FOLDS = 5
CV_SEEDS = 5


def _actor_words(stances: Sequence[Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for st in stances:
        words = out.setdefault(st.actor, _words(st.actor))
        for alias in st.aliases:
            words |= _words(alias)
    return out


def _tones(stances: Sequence[Any], hits: Sequence[tuple[str | None, str]]) -> list[str]:
    """The tone (pos/neg/neu) of each (actor, article); an entity no actor matched is "neu"."""
    tone = {(st.actor, st.article): st.tone for st in stances}
    return [TONE_TO_GOLD[tone.get((hit, article), "neutral")] if hit else "neu" for hit, article in hits]


def cross_validate_tone(
    gold: dict[str, list[str]], predicted: dict[Point, dict[str, list[str]]]
) -> tuple[float, list[float], Counter[Point]]:
    """Tone macro-F1 with the tone settings chosen on other stories: folds by story.

    For each of CV_SEEDS shuffles of the stories into CV_FOLDS folds, the settings (a point of
    the grid, the neutral prior first; ties go to the prior nearest 1.0) with
    the best macro-F1 on the other folds labels each fold's stories; the macro-F1 of those
    labels over all stories, averaged over the shuffles, is what a user's stories may expect
    from settings tuned on these (the shipped settings were tuned on all of them).
    """
    import random

    stories = sorted(gold)
    grid = sorted(predicted)
    results = []
    chosen: Counter[Point] = Counter()
    for seed in range(CV_SEEDS):
        order = stories[:]
        random.Random(seed).shuffle(order)
        fold = {story: n % CV_FOLDS for n, story in enumerate(order)}
        g_all: list[str] = []
        p_all: list[str] = []
        for k in range(CV_FOLDS):
            train = [s for s in stories if fold[s] != k]
            test = [s for s in stories if fold[s] == k]

            def f1_on(point: Point, train: list[str] = train) -> float:
                return macro_f1(
                    [x for s in train for x in gold[s]], [x for s in train for x in predicted[point][s]]
                )

            best = max(grid, key=lambda point: (f1_on(point), -abs(point[0] - 1.0)))
            chosen[best] += 1
            g_all += [x for s in test for x in gold[s]]
            p_all += [x for s in test for x in predicted[best][s]]
        results.append(macro_f1(g_all, p_all))
    return sum(results) / len(results), results, chosen


def measure_basil_framing(
    folder: Path,
    show: bool = False,
    cv: bool = True,
    overrides: dict[str, Any] | None = None,
    skip: Sequence[str] = (),
    pronoun_weights: Sequence[float] = (),
    marked: Sequence[int] = (),
) -> dict[str, Any]:
    """Entities named as actors and tone macro-F1 with the shipped settings (``overrides``: other
    values of some, as ``--set`` gives them); with ``cv``, also the tone macro-F1 cross-validated
    by story (:func:`cross_validate_tone`).  ``skip``: stories left out (ids or their first
    characters), such as those kept for a blind reading.  ``pronoun_weights``: the cross-validation
    chooses ``tone_pronoun_weight`` from these too (else it keeps the shipped one); ``marked``:
    ``tone_favourable_marked`` likewise (0, off, first: a tie keeps the rule off)."""
    from dataclasses import replace

    from compare import compare
    from compare.analyze.framing import credit, finish
    from compare.lexicon import load_lexicon
    from compare.settings import Settings

    rows = json.loads((folder / "gold_entity_framing_by_outlet.json").read_text("utf-8"))
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["entity"] != "main event" and not any(row["story"].startswith(x) for x in skip):
            by_story.setdefault(row["story"], []).append(row)
    lexicon = load_lexicon(None)
    found = total = 0
    gold: list[str] = []
    pred: list[str] = []
    confusion: Counter[tuple[str, str]] = Counter()
    scores: list[tuple[str, float]] = []
    gold_by_story: dict[str, list[str]] = {}
    grid_pred: dict[Point, dict[str, list[str]]] = {}
    for story, entities in sorted(by_story.items()):
        paths = sorted((folder / "stories" / story).glob("*.json"))
        records = [json.loads(p.read_text("utf-8")) for p in paths]
        for r in records:
            r.pop("sentences", None)
        result = compare(records, replace(Settings(), **(overrides or {})))
        actor_words = _actor_words(result.stances)
        score = {(st.actor, st.article): st.tone_score for st in result.stances}
        hits: list[tuple[str | None, str]] = []
        story_gold: list[str] = []
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
                hits.append((hit, outlet["article_id"]))
                story_gold.append(outlet["author_sentiment"])
                scores.append((outlet["author_sentiment"], score.get((hit, outlet["article_id"]), 0.0) if hit else 0.0))
        said = _tones(result.stances, hits)
        gold += story_gold
        pred += said
        confusion.update(zip(story_gold, said, strict=True))
        gold_by_story[story] = story_gold
        if cv:
            # the actors and sentences stay; only the tone settings change, so finish() alone reruns
            credited = credit(result.articles, lexicon, result.settings)
            for prior, net, share, weight, least in product(
                PRIORS, NETS, SHARES, pronoun_weights or [None], sorted(marked) or [None]
            ):
                settings = replace(
                    result.settings, tone_neutral_prior=prior, tone_unfavourable_net=net, tone_favourable_share=share
                )
                if weight is not None:
                    settings = replace(settings, tone_pronoun_weight=weight)
                if least is not None:
                    settings = replace(settings, tone_favourable_marked=least)
                stances = finish(credited, settings)
                point = (prior, net, share, *(x for x in (weight, least) if x is not None))
                grid_pred.setdefault(point, {})[story] = _tones(stances, hits)
        if show:
            print("   actors:", ", ".join(actor_words))
    out = {
        "entities": total,
        "found_share": found / total if total else 0.0,
        "tone_macro_f1": macro_f1(gold, pred),
        "tone_pairs": len(gold),
        "confusion": dict(sorted(confusion.items())),
        "scores": scores,
    }
    if cv:
        f1, per_seed, chosen = cross_validate_tone(gold_by_story, grid_pred)
        out["tone_macro_f1_cv"] = f1
        out["tone_cv_per_shuffle"] = per_seed
        out["tone_cv_chosen"] = {"/".join(map(str, point)): n for point, n in chosen.most_common()}
    return out


def measure_newsmtsc(path: Path, folds: int = 5) -> dict[str, Any]:
    """``target_tone``'s macro-F1 cross-validated by article: the lexical model with the sentence
    layer where embeddings are available (nested, benchmarks/train_tone_embedding.py), and the
    lexical model alone (what the lexical mode uses)."""
    from benchmarks import train_tone_embedding
    from benchmarks.train_tone import cross_validate, read, read_vader
    from compare import semantic
    from compare.analyze.framing.tone import load_model

    examples = read(path, dict(load_model().lexicon) or read_vader(None))
    f1, per_fold = cross_validate(examples, folds)
    out: dict[str, Any] = {"targets": len(examples), "lexical_cv_macro_f1": f1, "lexical_folds": per_fold}
    out["cv_macro_f1"] = f1
    if semantic.available():
        import numpy as np

        rows = train_tone_embedding.read_rows(path)
        vectors = np.array(semantic.embed([r[0] for r in rows]))
        out["cv_macro_f1"], out["folds"] = train_tone_embedding.cross_validate(rows, vectors, folds)
    return out


SHARE_RUN = """
import sys, time, glob, gc, threading
sys.path.insert(0, {root!r})
import compare.pipeline as pipeline
from reports.html import render_html
from reports.jsonout import render_json
gc.freeze()  # as the command line does after its imports (storycompare/cli.py)
spent = [0.0, 0.0, 0.0]  # framing wall, framing CPU, CPU of the garbage collections started inside it
inside = [False, 0.0]
def collected(phase, info):  # a collection runs in the thread whose allocation started it
    if inside[0] and threading.current_thread() is threading.main_thread():
        if phase == "start":
            inside[1] = time.thread_time()
        else:
            spent[2] += time.thread_time() - inside[1]
gc.callbacks.append(collected)
def timing(step):
    def timed(*args, **kwargs):  # the framing runs in this thread, the embedding beside it in another
        start, cpu = time.perf_counter(), time.thread_time()
        inside[0] = True
        try:
            return step(*args, **kwargs)
        finally:
            inside[0] = False
            spent[0] += time.perf_counter() - start
            spent[1] += time.thread_time() - cpu
    return timed
pipeline.credit = timing(pipeline.credit)  # the framing's two steps (compare.analyze.framing)
pipeline.finish = timing(pipeline.finish)
start, cpu = time.perf_counter(), time.process_time()
result = pipeline.compare(sorted(glob.glob({folder!r} + "/*.txt")))
render_html(result)
render_json(result)
print(spent[0], time.perf_counter() - start, spent[1], time.process_time() - cpu, spent[2])
"""


def framing_share(runs: int, cache: bool = True) -> list[tuple[float, float, float]]:
    """Framing's share of one in-process run on the example story (compare, HTML, JSON; start-up
    and imports left out), each run in a fresh process: (wall time, CPU time, CPU time less the
    garbage collections that started inside the framing) per run.  On a shared machine the CPU
    time's share is the steadier.  The framing's CPU time is its own
    thread's: the sentences are embedded on another thread meanwhile (compare.semantic.embed_ahead),
    whose CPU time counts in the run's, and whose work slows the framing's wall time.

    A collection of the oldest generation goes through every object of the process (about
    50,000 after the imports; some 10 ms here) and runs in whichever step's allocation starts
    it: in about half the runs that is the framing's.  The third share leaves those collections
    out of the framing's time (not of the run's): what the framing's own work costs.

    ``cache``: with the on-disk embedding cache, as a second report on the same articles is (the
    embeddings and the framing's tones are read, not computed, when an earlier run on these articles
    filled the cache: the run is about a third of a first report's CPU time);
    without (``STORYCOMPARE_CACHE=off``), as a user's first report is."""
    import os
    import subprocess

    script = SHARE_RUN.format(root=str(ROOT), folder=str(ROOT / "examples" / "nato-russia-2010"))
    env = dict(os.environ)
    if not cache:
        env["STORYCOMPARE_CACHE"] = "off"
    shares = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
        framing, total, framing_cpu, total_cpu, collecting = (float(x) for x in done.stdout.split())
        shares.append((framing / total, framing_cpu / total_cpu, (framing_cpu - collecting) / total_cpu))
    return shares


def relations_density(stories: Sequence[Path]) -> list[tuple[str, float]]:
    """Each story's words of relations per 1,000 words (compare/analyze/framing/cues.py), highest
    first; a story is a folder of .txt or .json articles, or a .jsonl file of records."""
    from compare.analyze.framing.cues import RELATIONS_PATTERN, WORDS_PATTERN

    out = []
    for story in stories:
        if story.is_dir():
            texts = [p.read_text("utf-8") for p in sorted(story.glob("*.txt"))]
            texts += [json.loads(p.read_text("utf-8"))["text"] for p in sorted(story.glob("*.json"))]
        else:
            texts = [json.loads(line)["text"] for line in story.read_text("utf-8").splitlines() if line.strip()]
        hits = sum(len(RELATIONS_PATTERN.findall(t)) for t in texts)
        words = sum(len(WORDS_PATTERN.findall(t)) for t in texts)
        out.append((story.name, 1000 * hits / words if words else 0.0))
    return sorted(out, key=lambda x: -x[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", action="store_true", help="print each entity and the actor matched")
    parser.add_argument("--newsmtsc", action="store_true", help="also cross-validate the tone model (minutes)")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE",
        help="measure with another value of a setting (compare/settings.py), e.g. tone_quoted_weight=0.5",
    )
    parser.add_argument(
        "--pronoun-weights", nargs="*", type=float, default=[], metavar="W",
        help="the cross-validation also chooses tone_pronoun_weight from these (nested: slower)",
    )
    parser.add_argument(
        "--marked", nargs="*", type=int, default=[], metavar="N",
        help="the cross-validation also chooses tone_favourable_marked from these (0: off)",
    )
    parser.add_argument("--share", type=int, metavar="RUNS", help="only time framing's share of the example story")
    parser.add_argument(
        "--skip", nargs="*", default=[], metavar="STORY",
        help="leave these stories out (ids or their first characters): those kept for a blind reading",
    )
    parser.add_argument(
        "--relations", nargs="*", type=Path, metavar="STORY",
        help="only print the words of relations per 1,000 words (Settings.stance_relations_per_1000) of the "
        "example story, the BASIL dev stories and these stories (folders of .txt/.json, or .jsonl files)",
    )
    args = parser.parse_args(argv)
    if args.relations is not None:
        stories = [ROOT / "examples" / "nato-russia-2010", *sorted((args.data / "basil-dev" / "stories").glob("*"))]
        for story, density in relations_density([*stories, *args.relations]):
            print(f"{density:5.1f}  {story}")
        return 0
    if args.share:
        import statistics

        for cache, run in ((False, "a first report (no embedding cache)"), (True, "a second report (cache)")):
            shares = framing_share(args.share, cache)
            for n, what in enumerate(("wall time", "CPU time", "CPU time less the collections started in it")):
                got = [x[n] for x in shares]
                print(f"framing's share of the example story's run, {run}, {what}:", " ".join(f"{x:.1%}" for x in got))
                print(f"  median {statistics.median(got):.1%}, range {min(got):.1%} to {max(got):.1%}")
        return 0
    folder = args.data / "basil-framing-dev"
    if not folder.is_dir():
        print(f"{folder}: BASIL framing data not found", file=sys.stderr)
        return 2
    overrides = {name: json.loads(value) for name, value in (item.split("=", 1) for item in args.set)}
    result = measure_basil_framing(
        folder, args.show, overrides=overrides, skip=args.skip, pronoun_weights=args.pronoun_weights,
        marked=args.marked,
    )
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
