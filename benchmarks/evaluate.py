"""How far the alignment can be trusted, measured on public data (issue 3).

    .venv/bin/python benchmarks/evaluate.py [--data DIR] [--lexical] [--sample N] [--folds K]
    .venv/bin/python benchmarks/evaluate.py --check [--data DIR]      # make eval

``--check`` measures each figure named in ``benchmarks/floors.json`` (a figure is a function
registered with ``@figure(name, *needs)``, below) and exits 1 when one is below its floor,
2 when the data it needs is missing (saying which files); figures registered without a
floor are listed.

Reads the data sets under ``--data`` (default: ``../shared/data`` beside the
repository), says which files it read and skips, with one line each, what is
missing; then prints one table:

* MRPC train (``mrpc/train.tsv``, news sentence pairs from different outlets,
  labelled paraphrase or not): accuracy and F1 of ``sentence_similarity`` with
  the threshold chosen by K-fold cross-validation on that file (the mean over
  the held-out folds, and the threshold chosen on the whole file), and of the
  aligner's own decision: ``compare.align.align`` over the two sentences as two
  one-sentence articles, with the thresholds of ``Settings`` as shipped;
* STS Benchmark dev (``stsb/sts-dev.csv``, scores 0-5): Pearson and Spearman
  correlation of ``sentence_similarity``, all rows and the news genre;
* BASIL dev (``basil-dev/stories/<id>/{fox,nyt,hpo}.json``: 30 stories, each
  covered by Fox News, The New York Times and HuffPost): groups per story and
  the share of sentences left unique by ``compare.compare``; ``--sample N``
  prints N groups to read;
* the example story's reference judgements (``tests/data/nato-russia-2010.gold.json``):
  links aligned and not-links kept apart;
* the typed differences' test set (``tests/data/differences_cases.json``, issue 14: pairs of
  versions of one fact, each labelled with the differences an editor would flag, and
  look-alikes that must not be flagged): precision and recall per type of
  ``compare.analyze.groups.differences_between``; and on BASIL dev, how many typed
  differences of each type the groups hold (``--differences`` prints them all, to read).

``--lexical`` adds a column for the words-only mode (``Settings(semantic=False)``).  MRPC is non-commercial: it is used here to
measure, never shipped.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import json
import math
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import Settings  # noqa: E402
from compare.models import Sentence  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "nato-russia-2010.gold.json"
DIFFERENCE_CASES = ROOT / "tests" / "data" / "differences_cases.json"
DIFFERENCE_TYPES = ("number", "date", "quote", "negation", "attribution", "opposite", "hedge", "name")
EXAMPLE = ROOT / "examples" / "nato-russia-2010"
BASIL_OUTLETS = ("fox", "nyt", "hpo")


# --- reading the data ---------------------------------------------------------


def read_mrpc(path: Path) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) rows; label 1 = paraphrase."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for fields in reader:
            if len(fields) >= 5:
                rows.append((int(fields[0]), fields[3], fields[4]))
    return rows


def read_stsb(path: Path) -> list[tuple[str, float, str, str]]:
    """(genre, score 0-5, sentence 1, sentence 2) rows; some rows carry licence fields after the pair."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 7:
                rows.append((fields[0], float(fields[4]), fields[5], fields[6]))
    return rows


def read_basil(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Story id → its article records (one per outlet present)."""
    stories: dict[str, list[dict[str, Any]]] = {}
    for story in sorted(p for p in (folder / "stories").iterdir() if p.is_dir()):
        records = []
        for outlet in BASIL_OUTLETS:
            path = story / f"{outlet}.json"
            if path.is_file():
                record = json.loads(path.read_text("utf-8"))
                record["id"] = outlet
                records.append(record)
        if len(records) >= 2:
            stories[story.name] = records
    return stories


# --- statistics in plain Python -------------------------------------------------


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return pearson(ranks(x), ranks(y))


def accuracy_f1(predicted: Sequence[bool], labels: Sequence[int]) -> tuple[float, float]:
    tp = sum(1 for p, g in zip(predicted, labels, strict=True) if p and g)
    fp = sum(1 for p, g in zip(predicted, labels, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(predicted, labels, strict=True) if not p and g)
    correct = sum(1 for p, g in zip(predicted, labels, strict=True) if bool(p) == bool(g))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return correct / len(labels), f1


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The threshold (score >= t is positive) of highest accuracy; ties: the middle of the best run."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    # Threshold just above pairs[k-1]: the first k are negative, the rest positive.
    correct = positives  # k = 0: everything positive
    best, best_at = correct, [0]
    for k in range(1, len(pairs) + 1):
        correct += 1 if pairs[k - 1][1] == 0 else -1
        if k < len(pairs) and pairs[k][0] == pairs[k - 1][0]:
            continue  # cannot split equal scores
        if correct > best:
            best, best_at = correct, [k]
        elif correct == best:
            best_at.append(k)
    k = best_at[len(best_at) // 2]
    if k == 0:
        return pairs[0][0]
    if k == len(pairs):
        return pairs[-1][0] + 1e-9
    return (pairs[k - 1][0] + pairs[k][0]) / 2


def cross_validate(scores: Sequence[float], labels: Sequence[int], folds: int) -> tuple[float, float, float, list[float]]:
    """Mean held-out accuracy and F1 over ``folds`` folds, the whole-file threshold, the fold thresholds."""
    index = list(range(len(scores)))
    random.Random(13).shuffle(index)
    accs, f1s, thresholds = [], [], []
    for fold in range(folds):
        test = set(index[fold::folds])
        train = [i for i in index if i not in test]
        t = best_threshold([scores[i] for i in train], [labels[i] for i in train])
        thresholds.append(t)
        held = sorted(test)
        acc, f1 = accuracy_f1([scores[i] >= t for i in held], [labels[i] for i in held])
        accs.append(acc)
        f1s.append(f1)
    return sum(accs) / folds, sum(f1s) / folds, best_threshold(scores, labels), thresholds


# --- the measurements -----------------------------------------------------------


@contextmanager
def timed(times: dict[str, float], key: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[key] = times.get(key, 0.0) + time.perf_counter() - start


def similarity_fn(settings: Settings) -> Callable[[str, str], float]:
    from compare.similarity import sentence_similarity

    return lambda a, b: sentence_similarity(a, b, settings)


def warm_up(settings: Settings, texts: Sequence[str]) -> None:
    """Semantic mode: embed all texts in batches first (the cache then serves single pairs)."""
    if getattr(settings, "semantic", False):
        from compare import semantic

        semantic.embed(list(dict.fromkeys(texts)))


def aligned_pair(a: str, b: str, settings: Settings) -> bool:
    """The aligner's decision on two sentences given as two one-sentence articles."""
    from compare.align import align

    sentences = [
        Sentence(id="a:0", article="a", index=0, text=a, start=0, end=len(a), paragraph=0, role="body"),
        Sentence(id="b:0", article="b", index=0, text=b, start=0, end=len(b), paragraph=0, role="body"),
    ]
    return bool(align(sentences, settings).groups)


def measure_mrpc(rows: list[tuple[int, str, str]], settings: Settings, folds: int) -> dict[str, Any]:
    warm_up(settings, [t for _, a, b in rows for t in (a, b)])
    sim = similarity_fn(settings)
    labels = [g for g, _, _ in rows]
    scores = [sim(a, b) for _, a, b in rows]
    acc, f1, threshold, fold_thresholds = cross_validate(scores, labels, folds)
    decided = [aligned_pair(a, b, settings) for _, a, b in rows]
    align_acc, align_f1 = accuracy_f1(decided, labels)
    return {
        "cv_accuracy": acc,
        "cv_f1": f1,
        "threshold": threshold,
        "threshold_range": (min(fold_thresholds), max(fold_thresholds)),
        "align_accuracy": align_acc,
        "align_f1": align_f1,
    }


def measure_stsb(rows: list[tuple[str, float, str, str]], settings: Settings) -> dict[str, float]:
    warm_up(settings, [t for _, _, a, b in rows for t in (a, b)])
    sim = similarity_fn(settings)
    scores = [sim(a, b) for _, _, a, b in rows]
    gold = [g for _, g, _, _ in rows]
    news = [i for i, row in enumerate(rows) if row[0] == "main-news"]
    return {
        "pearson": pearson(scores, gold),
        "spearman": spearman(scores, gold),
        "news_pearson": pearson([scores[i] for i in news], [gold[i] for i in news]),
        "news_spearman": spearman([scores[i] for i in news], [gold[i] for i in news]),
        "news_rows": float(len(news)),
    }


def measure_basil(stories: dict[str, list[dict[str, Any]]], settings: Settings) -> tuple[dict[str, Any], list[Any]]:
    from compare import compare

    groups, unique, total, three, agree, diverge = [], 0, 0, 0, 0, 0
    differences: dict[str, int] = {}
    results = []
    for records in stories.values():
        result = compare(records, settings)
        results.append(result)
        groups.append(len(result.groups))
        total += sum(len(a.sentences) for a in result.articles)
        unique += sum(len(ids) for _, ids in result.unique)
        three += sum(1 for g in result.groups if len(g.articles) >= 3)
        agree += sum(1 for g in result.groups if g.kind == "agree")
        diverge += sum(1 for g in result.groups if g.kind == "diverge")
        for g in result.groups:
            for d in g.differences:
                differences[d.type] = differences.get(d.type, 0) + 1
    count = sum(groups)
    return {
        "groups_mean": count / len(groups),
        "groups_min": float(min(groups)),
        "groups_max": float(max(groups)),
        "unique_share": unique / total,
        "three_outlet_share": three / count if count else 0.0,
        "agree_share": agree / count if count else 0.0,
        "sentences": float(total),
        "diverge": float(diverge),
        "differences": differences,
    }, results


def measure_example(gold: dict[str, Any], settings: Settings) -> dict[str, Any]:
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    result = compare(sorted(str(p) for p in EXAMPLE.glob("*.txt")), settings, labels=EXAMPLE_LABELS)

    def find(article: str, fragment: str) -> list[str]:
        return [s.id for s in result.article(article).sentences if fragment in s.text]

    def group(sid: str) -> Any:
        gid = result.group_of(sid)
        return next((g for g in result.groups if g.id == gid), None)

    aligned, kinds, failures = 0, 0, []
    for link in gold["links"]:
        a, b = find(*link["a"]), find(*link["b"])
        shared = {result.group_of(x) for x in a} & {result.group_of(y) for y in b} - {None}
        if shared:
            aligned += 1
            g = group(a[0])
            kinds += 1 if g is not None and g.kind == link["kind"] else 0
        else:
            failures.append(f"not aligned: {link['a'][1][:40]!r} / {link['b'][1][:40]!r}")
    apart = 0
    for link in gold["not_links"]:
        a, b = find(*link["a"]), find(*link["b"])
        if all(result.group_of(x) is None or result.group_of(x) != result.group_of(y) for x in a for y in b):
            apart += 1
        else:
            failures.append(f"wrongly aligned: {link['a'][1][:40]!r} / {link['b'][1][:40]!r}")
    return {
        "links": f"{aligned}/{len(gold['links'])}",
        "kinds": f"{kinds}/{len(gold['links'])}",
        "not_links": f"{apart}/{len(gold['not_links'])}",
        "groups": len(result.groups),
        "failures": failures,
    }


# --- floors: make eval ------------------------------------------------------------------
#
# A figure is a named measurement that must not drop: ``@figure(name, *needs)`` registers a
# function of the data folder that returns a number (higher is better), ``needs`` naming the
# files or folders under the data folder it reads.  ``benchmarks/floors.json`` maps figure
# names to their floors; ``--check`` measures every figure named there and fails when one is
# below its floor.  To add a figure: write the function here, run ``--check`` to see its
# value, and add ``"name": floor`` to floors.json.

FLOORS = ROOT / "benchmarks" / "floors.json"


@dataclasses.dataclass(frozen=True)
class Figure:
    name: str
    needs: tuple[str, ...]  # paths under the data folder
    measure: Callable[[Path], float]


FIGURES: dict[str, Figure] = {}


def figure(name: str, *needs: str) -> Callable[[Callable[[Path], float]], Callable[[Path], float]]:
    """Register ``measure(data) -> float`` as the figure ``name``, reading ``needs`` under ``data``."""

    def register(measure: Callable[[Path], float]) -> Callable[[Path], float]:
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice")
        FIGURES[name] = Figure(name, needs, measure)
        return measure

    return register


@functools.cache
def _example() -> dict[str, Any]:
    return measure_example(json.loads(GOLD.read_text("utf-8")), Settings())


def _share(fraction: str) -> float:
    done, total = fraction.split("/")
    return int(done) / int(total)


@figure("example.links_aligned")
def _example_links(data: Path) -> float:
    """Share of the example story's reference links that share a group."""
    return _share(_example()["links"])


@figure("example.links_of_the_expected_kind")
def _example_kinds(data: Path) -> float:
    return _share(_example()["kinds"])


@figure("example.not_links_apart")
def _example_not_links(data: Path) -> float:
    return _share(_example()["not_links"])


@functools.cache
def _differences() -> dict[str, tuple[float, float, int]]:
    return measure_differences(Settings())


for _kind in DIFFERENCE_TYPES:
    figure(f"differences.{_kind}.precision")(lambda data, kind=_kind: _differences()[kind][0])
    figure(f"differences.{_kind}.recall")(lambda data, kind=_kind: _differences()[kind][1])


@figure("stsb.news_pearson", "stsb/sts-dev.csv")
def _stsb_news(data: Path) -> float:
    """Pearson correlation of sentence_similarity with the STS-B dev news scores."""
    return measure_stsb(read_stsb(data / "stsb" / "sts-dev.csv"), Settings())["news_pearson"]


@functools.cache
def _ecbplus(data: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import ecbplus  # benchmarks/ecbplus.py

    result: dict[str, float] = ecbplus.measure(data, Settings())
    return result


@figure("ecbplus.link_recall", "ecbplus-dev")
def _ecbplus_recall(data: Path) -> float:
    """Share of ECB+ dev sentence pairs that mention one event (not only "said") put in one group."""
    return _ecbplus(data)["recall"]


@figure("ecbplus.link_precision", "ecbplus-dev")
def _ecbplus_precision(data: Path) -> float:
    """Share of the pairs put in one group that are ECB+ gold links (three pairs in four are)."""
    return _ecbplus(data)["precision"]


@figure("stsb.all_pearson", "stsb/sts-dev.csv")
def _stsb_all(data: Path) -> float:
    """Pearson correlation of sentence_similarity with all STS-B dev scores."""
    return measure_stsb(read_stsb(data / "stsb" / "sts-dev.csv"), Settings())["pearson"]


@figure("basil.story_ari", "basil-dev/articles.jsonl")
def _basil_ari(data: Path) -> float:
    """Adjusted Rand index of storycompare batch's story grouping on the 90 BASIL dev articles."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import stories as story_benchmark  # benchmarks/stories.py

    from compare.stories import StorySettings

    rows = story_benchmark.read(data / "basil-dev" / "articles.jsonl")
    truth = {str(r["id"]): str(r.pop("story")) for r in rows}
    settings = StorySettings()
    return float(story_benchmark.score(story_benchmark.profiles_of(rows, settings), truth, settings)["ari"])


@functools.cache
def _events(data: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import stories as story_benchmark  # benchmarks/stories.py

    return story_benchmark.event_figures(data / "ecbplus-dev")


@figure("ecbplus.event_pair_precision", "ecbplus-dev")
def _event_precision(data: Path) -> float:
    """Precision of "same event" over the ECB+ dev article pairs within a topic (issue 13)."""
    return _events(data)["pair_precision"]


@figure("ecbplus.event_pair_f1", "ecbplus-dev")
def _event_f1(data: Path) -> float:
    """F1 of "same event" over the ECB+ dev article pairs within a topic, against the sub-topics."""
    return _events(data)["pair_f1"]


@figure("ecbplus.event_set_f1", "ecbplus-dev")
def _event_set_f1(data: Path) -> float:
    """F1 of "one event" over the ECB+ dev article pairs within a topic when each topic is compared
    as one set (the events of compare/analyze/event_sets.py), against the sub-topics."""
    return _events(data)["set_f1"]


@figure("ecbplus.event_batch_ari", "ecbplus-dev")
def _event_batch_ari(data: Path) -> float:
    """Adjusted Rand index of batch's stories over the 772 ECB+ dev articles against the sub-topics."""
    return _events(data)["batch_ari"]


@figure("basil.stories_one_event", "basil-dev/stories")
def _basil_one_event(data: Path) -> float:
    """Share of the 30 BASIL dev stories (each one event, three outlets) whose articles ``compare``
    puts in one event (issue 13)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import stories as story_benchmark  # benchmarks/stories.py

    events = story_benchmark.basil_events(data / "basil-dev" / "stories")
    return sum(len(e) == 1 for e in events.values()) / len(events)


@figure("basil.story_ari_with_distractors", "basil-dev/articles.jsonl", "fnc1/train_bodies.jsonl")
def _basil_distractors(data: Path) -> float:
    """ARI over the BASIL dev articles when batch groups them with the 1,683 FNC-1 bodies, less 0.01
    per FNC-1 body joined to a BASIL story (issue 13: at most 2 joined)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import stories as story_benchmark  # benchmarks/stories.py

    from compare.stories import StorySettings

    settings = StorySettings()
    rows = story_benchmark.read(data / "basil-dev" / "articles.jsonl")
    truth = {str(r["id"]): str(r.pop("story")) for r in rows}
    profiles = story_benchmark.profiles_of(rows, settings)
    profiles += story_benchmark.profiles_of(story_benchmark.read(data / "fnc1" / "train_bodies.jsonl"), settings)
    result = story_benchmark.score(profiles, truth, settings)
    return float(result["ari"]) - 0.01 * int(result["joined"])


@functools.cache
def _basil_framing(data: Path) -> dict[str, Any]:
    from benchmarks.framing_eval import measure_basil_framing

    return measure_basil_framing(data / "basil-framing-dev")


@figure("framing.basil_entities_named", "basil-framing-dev/gold_entity_framing_by_outlet.json")
def _framing_entities(data: Path) -> float:
    """Share of BASIL dev's annotated entities that the story's report names as actors."""
    return float(_basil_framing(data)["found_share"])


@figure("framing.basil_tone_macro_f1", "basil-framing-dev/gold_entity_framing_by_outlet.json")
def _framing_tone(data: Path) -> float:
    """Macro-F1 of each actor's tone per article against BASIL's author_sentiment."""
    return float(_basil_framing(data)["tone_macro_f1"])


@figure("framing.basil_tone_macro_f1_cv", "basil-framing-dev/gold_entity_framing_by_outlet.json")
def _framing_tone_cv(data: Path) -> float:
    """The same with the two tone settings chosen on other stories (5 folds by story, 5 shuffles):
    what held-out stories may expect, since the shipped settings were tuned on these."""
    return float(_basil_framing(data)["tone_macro_f1_cv"])


@figure("framing.basil_phrases_credited", "basil-framing-dev/gold_framing.json")
def _framing_credited(data: Path) -> float:
    """Share of the annotated phrases about an entity the report names that lie in a sentence
    credited to it (naming it, or referring to it: compare/analyze/framing/coref.py)."""
    from benchmarks.framing_errors import credited_share

    return credited_share(_basil_pairs(data))


@functools.cache
def _basil_pairs(data: Path) -> list[Any]:
    from benchmarks.framing_errors import read_pairs

    return read_pairs(data / "basil-framing-dev")


@figure("framing.basil_sentence_auc_negative", "basil-framing-dev/gold_framing.json")
def _framing_sentence_auc(data: Path) -> float:
    """How well target_tone ranks the sentences credited to an entity that hold an annotated
    negative phrase about it above those holding none (AUC; benchmarks/framing_errors.py): a
    measure of the sentence model that does not turn on BASIL's five favourable portrayals."""
    from benchmarks.framing_errors import ranking_aucs

    return float(ranking_aucs(_basil_pairs(data))["sentence_auc_negative"])


@figure("framing.basil_portrayal_auc_negative", "basil-framing-dev/gold_entity_framing_by_outlet.json")
def _framing_portrayal_auc(data: Path) -> float:
    """How well the framing's evidence ranks the 26 unfavourable portrayals above the 153
    neutral ones (AUC, no margin needed; benchmarks/framing_errors.py)."""
    from benchmarks.framing_errors import ranking_aucs

    return float(ranking_aucs(_basil_pairs(data))["pair_auc_negative"])


@figure("framing.newsmtsc_tone_cv_macro_f1", "newsmtsc/train.jsonl")
def _newsmtsc_tone(data: Path) -> float:
    """target_tone's model (with the sentence layer where embeddings are available), 5-fold
    cross-validated by article on NewsMTSC train (nested: benchmarks/train_tone_embedding.py)."""
    from benchmarks.framing_eval import measure_newsmtsc

    return float(measure_newsmtsc(data / "newsmtsc" / "train.jsonl")["cv_macro_f1"])


@figure("framing.example_russia")
def _example_russia(data: Path) -> float:
    """1.0 when the example story frames Russia as before: reluctant in RFE/RL, cooperative in
    Bloomberg, RT's "grave concern" reluctant evidence."""
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    result = compare(sorted(str(p) for p in EXAMPLE.glob("*.txt")), labels=EXAMPLE_LABELS)
    st = {(s.actor, s.article): s for s in result.stances}
    text = {s.id: s.text for a in result.articles for s in a.sentences}
    rt = st.get(("Russia", "rt"))
    ok = (
        st[("Russia", "rferl")].label == "reluctant"
        and st[("Russia", "bloomberg")].label == "cooperative"
        and rt is not None
        and any("grave concern" in text[e] for e in rt.evidence)
    )
    return 1.0 if ok else 0.0


def check(data: Path, floors_file: Path = FLOORS) -> int:
    """Measure every figure floors.json names; 0 when all reach their floors, 1 when one is
    below, 2 when the data a figure needs is missing or floors.json names an unknown figure."""
    floors: dict[str, float] = json.loads(floors_file.read_text("utf-8"))
    shown = floors_file.relative_to(ROOT) if floors_file.is_relative_to(ROOT) else floors_file
    print(f"floors: {shown} ({len(floors)} figures); data: {data}")
    unknown = sorted(set(floors) - set(FIGURES))
    if unknown:
        print(f"error: {floors_file.name} names figures that evaluate.py does not measure: {', '.join(unknown)}")
        return 2
    missing = {name: [data / n for n in FIGURES[name].needs if not (data / n).exists()] for name in floors}
    missing = {name: paths for name, paths in missing.items() if paths}
    if missing:
        for name, paths in missing.items():
            print(f"missing data: {name} needs {', '.join(str(p) for p in paths)}")
        print(f"error: cannot check {len(missing)} figures: the data is missing (give its folder with --data)")
        return 2
    below = 0
    width = max(map(len, floors))
    for name, floor in floors.items():
        value = FIGURES[name].measure(data)
        ok = value >= floor - 1e-9
        below += not ok
        print(f"{'ok   ' if ok else 'BELOW'}  {name:<{width}}  {value:.4f}  (floor {floor:.4f})")
    for name in sorted(set(FIGURES) - set(floors)):
        print(f"no floor: {name}")
    print(f"{len(floors) - below} of {len(floors)} figures at or above their floors")
    return 1 if below else 0


# --- the report -------------------------------------------------------------------


def measure_differences(settings: Settings) -> dict[str, tuple[float, float, int]]:
    """Precision, recall and the number of labelled cases of each typed difference on the test set."""
    from compare.analyze.groups import differences_between

    cases = json.loads(DIFFERENCE_CASES.read_text("utf-8"))["cases"]
    true_pos: dict[str, int] = dict.fromkeys(DIFFERENCE_TYPES, 0)
    false_pos, false_neg = dict(true_pos), dict(true_pos)
    for case in cases:
        found = {d.type for d in differences_between([case["a"], case["b"]], settings)}
        expected = set(case["expect"])
        for kind in DIFFERENCE_TYPES:
            true_pos[kind] += kind in found and kind in expected
            false_pos[kind] += kind in found and kind not in expected
            false_neg[kind] += kind in expected and kind not in found
    out = {}
    for kind in DIFFERENCE_TYPES:
        flagged, labelled = true_pos[kind] + false_pos[kind], true_pos[kind] + false_neg[kind]
        out[kind] = (
            true_pos[kind] / flagged if flagged else 1.0,
            true_pos[kind] / labelled if labelled else 1.0,
            labelled,
        )
    return out


def print_differences(results: list[Any]) -> None:
    """Every diverge group and every typed difference of the BASIL dev results, to read."""
    print("\nBASIL dev: every diverge group and typed difference:")
    for result in results:
        for group in result.groups:
            if group.kind != "diverge" and not group.differences:
                continue
            print(f"\n  [{group.kind}, score {group.score:.2f}] {result.title[:70]}")
            for member in group.members:
                text = result.sentence(member).text
                print(f"    {member.split(':')[0]:>3}: {text[:200]}{'…' if len(text) > 200 else ''}")
            for d in group.differences:
                print(f"    -> {d.type}{' (conflict)' if d.conflict else ''}: {d.detail[:200]}")


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, tuple):
        return "–".join(fmt(v) for v in value)
    return str(value)


def print_table(rows: list[tuple[str, str, list[Any]]], modes: list[str]) -> None:
    header = ["data", "measure", *modes]
    cells = [header] + [[d, m, *(fmt(v) for v in values)] for d, m, values in rows]
    widths = [max(len(r[c]) for r in cells) for c in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in cells[1:]:
        print(line(r))


def print_sample(results: list[Any], count: int) -> None:
    groups = [(r, g) for r in results for g in r.groups]
    if not groups or count <= 0:
        return
    print(f"\nBASIL dev: {min(count, len(groups))} of {len(groups)} groups, drawn at random (seed 7):")
    for result, group in random.Random(7).sample(groups, min(count, len(groups))):
        print(f"\n  [{group.kind}, score {group.score:.2f}] {result.title[:70]}")
        for member in group.members:
            text = result.sentence(member).text
            print(f"    {member.split(':')[0]:>3}: {text[:160]}{'…' if len(text) > 160 else ''}")


def framing_rows(data: Path, names: list[str], times: dict[str, float]) -> list[tuple[str, str, list[Any]]]:
    """BASIL framing (entities named as actors, tone macro-F1) and NewsMTSC (target tone, CV macro-F1).

    The same figures for every mode: framing does not depend on the aligner.  See
    benchmarks/framing_eval.py for how entities are matched and scored.
    """
    from benchmarks.framing_eval import measure_basil_framing, measure_newsmtsc

    rows: list[tuple[str, str, list[Any]]] = []
    folder, tones = data / "basil-framing-dev", data / "newsmtsc" / "train.jsonl"
    if (folder / "gold_entity_framing_by_outlet.json").is_file():
        with timed(times, "basil framing"):
            f = measure_basil_framing(folder)
        n = f"BASIL framing dev ({f['entities']} entities)"
        rows += [
            (n, "share of entities named as actors (target >= 0.85)", [f["found_share"]] * len(names)),
            (n, f"tone macro-F1, {f['tone_pairs']} entity-article pairs (target >= 0.60)", [f["tone_macro_f1"]] * len(names)),
            (n, "the same, tone settings cross-validated by story", [f["tone_macro_f1_cv"]] * len(names)),
            (n, "time, s", [times["basil framing"]] * len(names)),
        ]
    else:
        print(f"skipped: BASIL framing: {folder} not found")
    if tones.is_file():
        with timed(times, "newsmtsc"):
            t = measure_newsmtsc(tones)
        n = f"NewsMTSC train ({t['targets']} targets)"
        rows += [
            (n, "target_tone macro-F1, 5-fold CV by article (target >= 0.65)", [t["cv_macro_f1"]] * len(names)),
            (n, "time, s", [times["newsmtsc"]] * len(names)),
        ]
    else:
        print(f"skipped: NewsMTSC: {tones} not found")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the data sets (default: %(default)s)")
    parser.add_argument("--lexical", action="store_true", help="evaluate the words-only mode (--lexical) too")
    parser.add_argument("--sample", type=int, default=4, metavar="N", help="BASIL groups to print (default: %(default)s)")
    parser.add_argument("--folds", type=int, default=10, help="cross-validation folds on MRPC (default: %(default)s)")
    parser.add_argument("--differences", action="store_true", help="print every BASIL diverge group and typed difference")
    parser.add_argument(
        "--check", action="store_true",
        help=f"measure the figures {FLOORS.name} names and fail when one is below its floor (make eval)",
    )
    args = parser.parse_args(argv)
    if args.check:
        return check(args.data.resolve())

    data: Path = args.data.resolve()
    modes = {"default": Settings()}
    from compare import semantic

    if not semantic.available():
        print(f"note: {semantic.status()}")
    if args.lexical:
        modes["lexical"] = dataclasses.replace(Settings(), semantic=False)

    print(f"data: {data}")
    mrpc_path, stsb_path, basil_path = data / "mrpc" / "train.tsv", data / "stsb" / "sts-dev.csv", data / "basil-dev"
    mrpc = read_mrpc(mrpc_path) if mrpc_path.is_file() else None
    stsb = read_stsb(stsb_path) if stsb_path.is_file() else None
    basil = read_basil(basil_path) if (basil_path / "stories").is_dir() else None
    gold = json.loads(GOLD.read_text("utf-8"))
    for name, path, loaded, what in [
        ("MRPC train", mrpc_path, mrpc, "pairs"),
        ("STS-B dev", stsb_path, stsb, "pairs"),
        ("BASIL dev", basil_path / "stories", basil, "stories"),
    ]:
        if loaded is None:
            print(f"skipped: {name}: {path} not found")
        else:
            print(f"read: {name}: {path} ({len(loaded)} {what})")
    print(f"read: example story: {EXAMPLE.relative_to(ROOT)} with {GOLD.relative_to(ROOT)}")

    names = list(modes)
    rows: list[tuple[str, str, list[Any]]] = []
    times: dict[str, float] = {}
    basil_results: list[Any] = []
    start = time.perf_counter()
    if mrpc is not None:
        m = {}
        for mode, settings in modes.items():
            with timed(times, f"mrpc {mode}"):
                m[mode] = measure_mrpc(mrpc, settings, args.folds)
        n = f"MRPC train ({len(mrpc)})"
        rows += [
            (n, f"similarity: accuracy, {args.folds}-fold CV", [m[k]["cv_accuracy"] for k in names]),
            (n, f"similarity: F1, {args.folds}-fold CV", [m[k]["cv_f1"] for k in names]),
            (n, "similarity: threshold (whole file; folds)",
             [f"{m[k]['threshold']:.3f} ({fmt(m[k]['threshold_range'])})" for k in names]),
            (n, "aligner decision: accuracy", [m[k]["align_accuracy"] for k in names]),
            (n, "aligner decision: F1", [m[k]["align_f1"] for k in names]),
            (n, "time, s", [times[f"mrpc {k}"] for k in names]),
        ]
    if stsb is not None:
        s = {}
        for mode, settings in modes.items():
            with timed(times, f"stsb {mode}"):
                s[mode] = measure_stsb(stsb, settings)
        n = f"STS-B dev ({len(stsb)})"
        news = int(next(iter(s.values()))["news_rows"])
        rows += [
            (n, "Pearson, all", [s[k]["pearson"] for k in names]),
            (n, "Spearman, all", [s[k]["spearman"] for k in names]),
            (n, f"Pearson, main-news ({news})", [s[k]["news_pearson"] for k in names]),
            (n, f"Spearman, main-news ({news})", [s[k]["news_spearman"] for k in names]),
            (n, "time, s", [times[f"stsb {k}"] for k in names]),
        ]
    if basil is not None:
        b = {}
        for mode, settings in modes.items():
            with timed(times, f"basil {mode}"):
                b[mode], results = measure_basil(basil, settings)
            if not basil_results:
                basil_results = results
        n = f"BASIL dev ({len(basil)} stories)"
        rows += [
            (n, "groups per story: mean (min–max)",
             [f"{b[k]['groups_mean']:.1f} ({b[k]['groups_min']:.0f}–{b[k]['groups_max']:.0f})" for k in names]),
            (n, f"share of sentences unique ({int(b[names[0]]['sentences'])})", [b[k]["unique_share"] for k in names]),
            (n, "share of groups spanning 3 outlets", [b[k]["three_outlet_share"] for k in names]),
            (n, "share of groups 'agree'", [b[k]["agree_share"] for k in names]),
            (n, "typed differences: " + ", ".join(DIFFERENCE_TYPES),
             ["/".join(str(b[k]["differences"].get(t, 0)) for t in DIFFERENCE_TYPES) for k in names]),
            (n, "diverge groups", [int(b[k]["diverge"]) for k in names]),
            (n, "time, s", [times[f"basil {k}"] for k in names]),
        ]
    rows += framing_rows(data, names, times)
    e = {}
    for mode, settings in modes.items():
        with timed(times, f"example {mode}"):
            e[mode] = measure_example(gold, settings)
    d = {}
    for mode, settings in modes.items():
        with timed(times, f"differences {mode}"):
            d[mode] = measure_differences(settings)
    n = f"differences test set ({len(json.loads(DIFFERENCE_CASES.read_text('utf-8'))['cases'])} pairs)"
    for kind in DIFFERENCE_TYPES:
        labelled = d[names[0]][kind][2]
        rows.append((n, f"{kind} ({labelled}): precision / recall", [f"{d[k][kind][0]:.2f} / {d[k][kind][1]:.2f}" for k in names]))
    rows.append((n, "time, s", [times[f"differences {k}"] for k in names]))
    n = "example story (gold)"
    rows += [
        (n, "links aligned", [e[k]["links"] for k in names]),
        (n, "links of the expected kind", [e[k]["kinds"] for k in names]),
        (n, "not-links kept apart", [e[k]["not_links"] for k in names]),
        (n, "groups", [e[k]["groups"] for k in names]),
        (n, "time, s", [times[f"example {k}"] for k in names]),
    ]
    print()
    print_table(rows, names)
    print(f"\ntotal: {time.perf_counter() - start:.1f} s")
    for mode in names:
        for failure in e[mode]["failures"]:
            print(f"example story, {mode}: {failure}")
    print_sample(basil_results, args.sample)
    if args.differences:
        print_differences(basil_results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
