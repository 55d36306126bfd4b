"""How well ``compare.stories`` groups articles into stories, on BASIL (issue 5), and how
well the event judgement (``compare.analyze.events``) tells events apart, on ECB+ (issue 13).

    .venv/bin/python benchmarks/stories.py [--data DIR] [--links 0.1,0.12,...] [--ecbplus-only] [--signals]

ECB+ (``ecbplus-dev/``, topics 1-35, each two events of one kind): every pair of
``gold_article_pairs.json`` judged by :func:`compare.analyze.events.judge`
(precision, recall and F1 of "same event" against the sub-topics; ECB+ puts a
follow-up, such as a second rehab stay a month later, in the same sub-topic, so the
figures are given also with follow-ups counted as the same event), and all 772
articles grouped into stories by :func:`compare.stories.group_profiles`, scored by
the ARI against the sub-topics.  The pair figures come with where they go wrong
(by how many of the two articles have an event day, misses by cause, wrong joins
by topic; the missed pairs whose content fell short by what they share -- a lead sentence said in
other words, the main names -- beside the pairs of two events that share as much), what ECB+ counts as one event (its same-sub-topic pairs whose event days lie
over ``same_event_max_days`` apart, by kind of article and by how far apart they were
published: most are follow-ups published weeks apart) and a ceiling check: the same
signals combined by a logistic regression cross-validated by topic, with and without the
leads' sentence embeddings (not shipped);
with ``--signals``, candidate signals from what the articles report, each added to the
shipped judgement and cross-validated by topic (:func:`_signal_checks`, not shipped).
``event_figures`` gives ``benchmarks/evaluate.py`` its ECB+ event figures.  Then the example story: the verdict on every pair
with and without ``--pair``, and the time event identity takes.

Reads ``basil-dev/articles.jsonl`` (90 articles: 30 stories, each covered by Fox
News, The New York Times and HuffPost) and ``fnc1/train_bodies.jsonl`` (1,683
unrelated news bodies) under ``--data`` (default: ``../shared/data`` beside the
repository), and says so and stops when BASIL is missing.  The ``story`` field is
the truth: it is removed from every record before anything is loaded, and only
the scoring here reads it.

Prints, for the shipped ``StorySettings``: the adjusted Rand index over the
BASIL articles and the share of BASIL stories recovered exactly (the same three
articles and nothing else), for BASIL alone and with the FNC-1 bodies mixed in
as distractors (the ARI is computed over the BASIL articles; a story that mixes
a BASIL article with an FNC-1 body is counted and is not an exact recovery),
and BASIL alone with the FNC-1 bodies as a :class:`~compare.stories.Background`
only.  Then the same figures over a range of ``link`` values, to show how
flat the result is around the shipped one; and the recall of the candidate
pairs against scoring every pair of articles.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import semantic  # noqa: E402
from compare.analyze.event_participants import different_participants  # noqa: E402
from compare.analyze.event_profile import event_profile  # noqa: E402
from compare.analyze.event_sets import events_of  # noqa: E402
from compare.analyze.events import (  # noqa: E402
    content_score,
    days_between,
    distinct,
    judge,
    lead_score,
    same_weekday,
)
from compare.batch import prepare_article  # noqa: E402
from compare.centring import news_mean  # noqa: E402
from compare.load import load_inputs  # noqa: E402
from compare.models import Pair  # noqa: E402
from compare.settings import Settings  # noqa: E402
from compare.similarity import informativeness  # noqa: E402
from compare.stories import (  # noqa: E402
    Background,
    Link,
    Profile,
    Story,
    StorySettings,
    adjusted_rand_index,
    candidate_pairs,
    cosine,
    day_ordinal,
    follow_ups,
    group_profiles,
    profile,
    story_vectors,
)
from compare.terms import sentence_tokens, title_case  # noqa: E402
from compare.text import iso_day  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
BASIL = Path("basil-dev") / "articles.jsonl"
FNC = Path("fnc1") / "train_bodies.jsonl"
ECBPLUS = Path("ecbplus-dev")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def profiles_of(rows: list[dict[str, Any]], settings: StorySettings) -> list[Profile]:
    return [profile(prepare_article(a)[0], settings) for a in load_inputs(rows)]


def score(
    profiles: list[Profile], truth: dict[str, str], settings: StorySettings, background: Background | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    stories = group_profiles(profiles, settings, background)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    links = follow_ups(profiles, stories, settings, background)
    link_seconds = time.perf_counter() - started
    predicted = {a: s.id for s in stories for a in s.articles}
    ids = [p.id for p in profiles if p.id in truth]
    ari = adjusted_rand_index([truth[i] for i in ids], [predicted[i] for i in ids])
    wanted: dict[str, set[str]] = {}
    for i in ids:
        wanted.setdefault(truth[i], set()).add(i)
    found = [set(s.articles) for s in stories]
    exact = sum(1 for members in wanted.values() if members in found)
    mixed = sum(1 for members in found if any(a in truth for a in members) and any(a not in truth for a in members))
    joined = sum(
        sum(1 for a in members if a not in truth) for members in found if any(a in truth for a in members)
    )
    return {
        "ari": ari, "exact": exact / len(wanted), "stories": len(wanted), "mixed": mixed, "joined": joined,
        "seconds": seconds, "links": len(links), "link_seconds": link_seconds,
    }


def candidate_recall(profiles: list[Profile], settings: StorySettings) -> dict[str, Any]:
    """The candidate pairs against scoring every pair of articles (dates apart as the grouping rules)."""
    vectors = story_vectors(profiles, settings)
    days = [day_ordinal(p.date) for p in profiles]
    started = time.perf_counter()
    found = candidate_pairs(vectors, settings, days)
    candidate_seconds = time.perf_counter() - started
    started = time.perf_counter()
    exact = set()
    for i in range(len(vectors)):
        vi, di = vectors[i], days[i]
        for j in range(i + 1, len(vectors)):
            dj = days[j]
            if di is not None and dj is not None and abs(di - dj) > settings.max_days:
                continue
            if cosine(vi, vectors[j]) >= settings.link:
                exact.add((i, j))
    all_seconds = time.perf_counter() - started
    n = len(vectors)
    # The stories from every pair's score against those from the candidates.
    import compare.stories as stories_module

    scored = {pair: cosine(vectors[pair[0]], vectors[pair[1]]) for pair in exact}
    real = stories_module.candidate_pairs
    stories_module.candidate_pairs = lambda *args, **kwargs: dict(scored)  # type: ignore[assignment]
    try:
        reference = group_profiles(profiles, settings)
    finally:
        stories_module.candidate_pairs = real  # type: ignore[assignment]

    def labels(stories: Any) -> list[str]:
        of = {a: s.id for s in stories for a in s.articles}
        return [of[p.id] for p in profiles]

    agreement = adjusted_rand_index(labels(reference), labels(group_profiles(profiles, settings)))
    return {
        "pairs": n * (n - 1) // 2, "exact": len(exact), "found": len(found), "recall": len(exact & set(found)) / len(exact),
        "candidate_seconds": candidate_seconds, "all_seconds": all_seconds, "agreement": agreement,
    }


FOLDS = 5
"""Cross-validation over ECB+ topics: fold k holds the topics whose number is k modulo 5."""
SHARES = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)
"""The ``StorySettings.event_share`` values tried in the cross-validation."""


def mask_prf(decided: Any, truth: Any, mask: Any) -> tuple[float, float, float]:
    """Precision, recall and F1 of boolean verdicts ``decided`` against ``truth`` (numpy arrays)
    over the pairs ``mask`` holds."""
    tp = int((decided & truth & mask).sum())
    p, r = tp / max(1, int((decided & mask).sum())), tp / max(1, int((truth & mask).sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def held_out_choice(options: Sequence[Any], truth: Any, folds: Any, least_precision: float = 0.95) -> tuple[float, float, float]:
    """Each option a boolean verdict per pair (numpy arrays): for each of FOLDS folds of topics
    (``folds``, a fold number per pair), the option with the best F1 at ``least_precision`` or more on
    the other folds (the first option when none reaches it) decides the fold's pairs; precision,
    recall and F1 of those held-out verdicts over all pairs."""
    import numpy as np

    held_out = np.zeros(len(truth), dtype=bool)
    for fold in range(FOLDS):
        train = folds != fold
        best, best_f = options[0], -1.0
        for decided in options:
            p, _r, f = mask_prf(decided, truth, train)
            if p >= least_precision and f > best_f:
                best, best_f = decided, f
        held_out[~train] = best[~train]
    return mask_prf(held_out, truth, np.ones(len(truth), dtype=bool))


def _prf(verdicts: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for p, y in verdicts if p and y)
    fp = sum(1 for p, y in verdicts if p and not y)
    fn = sum(1 for p, y in verdicts if y and not p)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def _storylines(stories: Sequence[Story], links: Sequence[Link]) -> dict[str, str]:
    """Article id → its storyline: stories joined by follow-up links (ECB+'s sub-topics hold
    a story's follow-ups too)."""
    parent = {s.id: s.id for s in stories}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for link in links:
        parent[root(link.later)] = root(link.earlier)
    return {a: root(s.id) for s in stories for a in s.articles}


def event_figures(folder: Path) -> dict[str, float]:
    """The ECB+ figures of ``benchmarks/evaluate.py``: precision, recall and F1 of "same event"
    over the gold pairs within a topic (against the sub-topics), and the ARI of batch's
    stories over all articles against the sub-topics."""
    rows = []
    subtopic: dict[str, str] = {}
    for path in sorted(folder.glob("stories/*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        subtopic[record["id"]] = record["subtopic"]
        rows.append({k: record[k] for k in ("id", "title", "date", "url", "text", "outlet") if record.get(k)})
    articles = [prepare_article(a)[0] for a in load_inputs(rows)]
    settings = Settings()
    events = {a.id: event_profile(a) for a in articles}
    gold = json.loads((folder / "gold_article_pairs.json").read_text(encoding="utf-8"))["pairs"]
    verdicts = [(judge(events[g["doc_a"]], events[g["doc_b"]], settings), g["label"] == "same_event") for g in gold]
    p, r, f = _prf([(v.same_event, y) for v, y in verdicts])
    _sp, _sr, set_f1 = _prf(_set_decisions(gold, verdicts, settings, _apart(events, gold, settings)))
    profiles = [profile(a) for a in articles]
    of = {a: s.id for s in group_profiles(profiles) for a in s.articles}
    ari = adjusted_rand_index([subtopic[a.id] for a in articles], [of[a.id] for a in articles])
    return {"pair_precision": p, "pair_recall": r, "pair_f1": f, "set_f1": set_f1, "batch_ari": ari}


def basil_events(folder: Path) -> dict[str, list[tuple[str, ...]]]:
    """Per BASIL dev story (``basil-dev/stories/<id>/{fox,nyt,hpo}.json``, each one event told by
    three outlets), the events ``compare`` makes of its articles
    (:func:`compare.analyze.event_sets.judge_events`, as the report's ``events``)."""
    from compare.analyze.event_sets import judge_events
    from compare.pipeline import prepare

    settings = Settings()
    out = {}
    for story in sorted(p for p in folder.iterdir() if p.is_dir()):
        rows = []
        for path in sorted(story.glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            rows.append({"id": path.stem, **{k: record[k] for k in ("title", "date", "url", "text", "outlet") if record.get(k)}})
        articles = [prepare(a, settings) for a in load_inputs(rows)]
        out[story.name] = [e.articles for e in judge_events(articles, None, settings)[1]]
    return out


def measure_ecbplus(folder: Path, signals: bool = False) -> None:
    """ECB+ dev: the pair judgement against the gold article pairs, and batch's stories;
    each also per held-out fold of topics (see ``FOLDS``)."""
    rows: list[dict[str, Any]] = []
    subtopic: dict[str, str] = {}
    for path in sorted(folder.glob("stories/*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        subtopic[record["id"]] = record["subtopic"]
        rows.append({k: record[k] for k in ("id", "title", "date", "url", "text", "outlet") if record.get(k)})
    topic = {a: int(s.split("_")[0]) for a, s in subtopic.items()}
    articles = [prepare_article(a)[0] for a in load_inputs(rows)]
    settings = Settings()
    started = time.perf_counter()
    events = {a.id: event_profile(a) for a in articles}
    profile_seconds = time.perf_counter() - started
    gold = json.loads((folder / "gold_article_pairs.json").read_text(encoding="utf-8"))["pairs"]
    started = time.perf_counter()
    verdicts = [(judge(events[p["doc_a"]], events[p["doc_b"]], settings), p["label"] == "same_event") for p in gold]
    judge_seconds = time.perf_counter() - started
    fold_of = [topic[p["doc_a"]] % FOLDS for p in gold]
    print(f"ECB+: {folder} ({len(articles)} articles, {len(set(subtopic.values()))} sub-topics, {len(gold)} gold pairs)")
    print(f"event profiles {1000 * profile_seconds / len(articles):.2f} ms per article; "
          f"{1e6 * judge_seconds / len(gold):.0f} µs per pair")
    print()
    print("Pairs within a topic, shipped settings (ECB+ puts a story's follow-ups in its sub-topic: the second")
    print("row counts a follow-up as the same sub-topic); then per fold of topics (topic number modulo 5):")
    print()
    print("| pairs within a topic | precision | recall | F1 | " + " | ".join(f"fold {k} F1" for k in range(FOLDS)) + " |")
    print("|---|---:|---:|---:|" + "---:|" * FOLDS)
    for name, same in (("same event", {"same_event"}), ("same event or follow-up", {"same_event", "follow_up"})):
        decided = [(v.relation in same, y) for v, y in verdicts]
        p, r, f = _prf(decided)
        folds = [_prf([d for d, k in zip(decided, fold_of, strict=True) if k == fold])[2] for fold in range(FOLDS)]
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | " + " | ".join(f"{x:.3f}" for x in folds) + " |")
    _set_figures(gold, verdicts, fold_of, settings, _apart(events, gold, settings))
    _errors(events, gold, verdicts, settings)
    _far_apart(events, {a.id: a.date for a in articles}, gold, settings)
    # The content threshold chosen on four folds (best F1 at precision >= 0.95), scored on the fifth;
    # then the threshold and the participant check (``same_event_participant_mentions``, 99 = off) together.
    for name, mentions in (("same_event_threshold", (settings.events.same_event_participant_mentions,)),
                           ("same_event_threshold and same_event_participant_mentions", (2, 3, 4, 99))):
        held: list[tuple[bool, bool]] = []
        chosen = []
        for fold in range(FOLDS):
            train = _pairs_of(gold, fold_of, fold, False)
            best: tuple[float, float, int] = (-1.0, settings.events.same_event_threshold, settings.events.same_event_participant_mentions)
            for count in mentions:
                for step in range(28, 48, 2):
                    trial = replace(settings, events=replace(settings.events, same_event_threshold=step / 100, same_event_participant_mentions=count))
                    p, _r, f = _prf([(_same(events, g, trial), g["label"] == "same_event") for g in train])
                    if p >= 0.95 and f > best[0]:
                        best = (f, step / 100, count)
            chosen.append(best[1:])
            trial = replace(settings, events=replace(settings.events, same_event_threshold=best[1], same_event_participant_mentions=best[2]))
            held.extend((_same(events, g, trial), g["label"] == "same_event") for g in _pairs_of(gold, fold_of, fold, True))
        p, r, f = _prf(held)
        print()
        print(f"{name} chosen on four folds of topics, scored on the fifth: (threshold, mentions) {chosen}; "
              f"held-out precision {p:.3f} recall {r:.3f} F1 {f:.3f}")

    _lead_cross_validation(events, gold, fold_of, settings)
    embedded = _lead_embeddings(articles)
    _miss_kinds(articles, events, gold, verdicts, settings, embedded)
    _ceiling(articles, events, gold, fold_of, settings, embedded)
    if signals:
        _signal_checks(articles, events, gold, fold_of, settings)

    profiles = [profile(a) for a in articles]
    ids = [p.id for p in profiles]
    print()
    print("batch over all articles: ARI against the sub-topics, over all topics and per fold; 'storylines' joins")
    print("the stories linked as follow-ups (as ECB+'s sub-topics do):")
    print()
    print("| event_share | ARI | storylines ARI | stories | singletons | " + " | ".join(f"fold {k}" for k in range(FOLDS)) + " | s |")
    print("|---:|---:|---:|---:|---:|" + "---:|" * FOLDS + "---:|")
    by_share: dict[float, list[float]] = {}
    for share in SHARES:
        story_settings = replace(StorySettings(), event_share=share)
        started = time.perf_counter()
        stories = group_profiles(profiles, story_settings)
        seconds = time.perf_counter() - started
        links = follow_ups(profiles, stories, story_settings)
        of = {a: s.id for s in stories for a in s.articles}
        line = _storylines(stories, links)
        ari = adjusted_rand_index([subtopic[i] for i in ids], [of[i] for i in ids])
        lines = adjusted_rand_index([subtopic[i] for i in ids], [line[i] for i in ids])
        folds = []
        for fold in range(FOLDS):
            inside = [i for i in ids if topic[i] % FOLDS == fold]
            folds.append(adjusted_rand_index([subtopic[i] for i in inside], [of[i] for i in inside]))
        by_share[share] = folds
        singletons = sum(1 for s in stories if len(s.articles) == 1)
        mark = "*" if share == StorySettings().event_share else ""
        print(f"| {share}{mark} | {ari:.3f} | {lines:.3f} | {len(stories) - singletons} | {singletons} | "
              + " | ".join(f"{x:.3f}" for x in folds) + f" | {seconds:.2f} |")
    held_ari = []
    for fold in range(FOLDS):
        best_share = max(SHARES, key=lambda sh: (sum(v for k, v in enumerate(by_share[sh]) if k != fold), -sh))
        held_ari.append((best_share, by_share[best_share][fold]))
    print()
    print("event_share chosen on four folds (mean ARI), ARI on the held-out fold: "
          + ", ".join(f"fold {k}: {sh} -> {a:.3f}" for k, (sh, a) in enumerate(held_ari))
          + f"; mean held-out {sum(a for _s, a in held_ari) / FOLDS:.3f}")
    _batch_errors(profiles, group_profiles(profiles), subtopic, settings)


def _batch_errors(profiles: Sequence[Profile], stories: Sequence[Story], subtopic: dict[str, str], settings: Settings) -> None:
    """Where batch's stories part from the sub-topics, in pairs of articles (counts only, no
    article named): pairs of two sub-topics in one story, and pairs of one sub-topic split by cause --
    publication dates further apart than ``StorySettings.max_days`` (a follow-up is a story of its own,
    by the design), event days or places apart (:func:`compare.analyze.events.distinct`), or neither
    (the cosine or the event share fell short).  Then two ceilings of the ARI: every story cut to its
    main sub-topic (no wrong join), and the sub-topics themselves cut wherever their publication dates
    span more than ``max_days`` (no story can do better under that bar).  Session 20: 249 pairs joined
    wrongly, 571 split (245 by dates, 27 by event days or places, 299 neither); ceilings 0.931 and
    0.956 against ARI 0.904.  Tried and dropped there: the event share for clusters of any size
    (``event_share_size`` 1 or 2, shares 0.1-0.3: ARI 0.855-0.894: the judgement misses too many pairs
    of one undated event), each story cut into ``compare``'s events (0.875), a story's members evicted
    when they share no same-event pair and under 0.15-0.26 of content with the rest (0.887-0.904), an
    undated article's latest year 2 or 3 years before the other's day as a bar (0.900), single
    articles adopted by the story they share 0.2-0.3 of content with (0.902-0.904): among joins
    of a single article, right and wrong ones share as much (content 0.14-0.35, cosine 0.16-0.37).
    Session 24 (at ARI 0.899; ceilings: every sub-topic cut where its dates span over ``max_days`` 0.954
    with 10 days, 0.949 with 7, 0.959 with 14, 0.979 with 60, so 0.95 needs near-perfect stories or the
    follow-up links: 'storylines' 0.924): true average linkage (the cluster pair of highest mean merged
    first, not the strongest pair's clusters) 0.896; an article with no publication date losing 5-20% of
    its similarity to a dated one (as a day apart) 0.895-0.907, noisy and fitted to ECB's undated half; a
    join of two clusters of two or more articles needing cross pairs judged one event at least 0.3-0.6
    times as often as inside the less agreeing cluster 0.895-0.906 (0.4 chosen on every four folds; mean
    held-out fold 0.888 -> 0.896), but on the 1,683 FNC-1 bodies it split 14 stories, 4 right / 3
    partly / 6 wrong, mostly two copies of one report split from the rest (``labels/batch-s24.json``);
    with clusters of three or more it changes nothing on ECB+."""
    by_id = {p.id: p for p in profiles}
    story = {a: s.id for s in stories for a in s.articles}
    ids = [p.id for p in profiles]
    causes: Counter[str] = Counter()
    for n, x in enumerate(ids):
        for y in ids[n + 1:]:
            if subtopic[x] != subtopic[y]:
                causes["two sub-topics in one story"] += story[x] == story[y]
                continue
            if story[x] == story[y]:
                continue
            dx, dy = day_ordinal(by_id[x].date), day_ordinal(by_id[y].date)
            ex, ey = by_id[x].event, by_id[y].event
            if dx is not None and dy is not None and abs(dx - dy) > StorySettings().max_days:
                causes["one sub-topic split: dates apart"] += 1
            elif ex is not None and ey is not None and distinct(ex, ey, settings):
                causes["one sub-topic split: event days or places apart"] += 1
            else:
                causes["one sub-topic split: neither"] += 1
    truth = [subtopic[i] for i in ids]
    main = {s.id: Counter(subtopic[a] for a in s.articles).most_common(1)[0][0] for s in stories}
    clean = [story[i] if subtopic[i] == main[story[i]] else f"{story[i]}:{subtopic[i]}" for i in ids]
    spans: dict[str, str] = {}
    for name in sorted(set(truth)):
        dated = sorted((d, i) for i in ids if subtopic[i] == name and (d := day_ordinal(by_id[i].date)) is not None)
        part, start = 0, None
        for day, i in dated:
            if start is None or day - start > StorySettings().max_days:
                part, start = part + 1, day
            spans[i] = f"{name}:{part}"
    ceiling = [spans.get(i, f"{subtopic[i]}:1") for i in ids]
    print()
    print("batch against the sub-topics, in pairs of articles: " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items()))
          + f"; ARI with no wrong join {adjusted_rand_index(truth, clean):.3f}, with the sub-topics cut where their "
          f"dates span over max_days {adjusted_rand_index(truth, ceiling):.3f}")


SET_SHARES = (0.2, 0.25, 0.3, 0.4, 0.5, 1.0)
"""The ``event_link_share`` values tried by :func:`_set_figures` (1.0: only a set all of whose pairs agree)."""


def _apart(events: dict[str, Any], gold: list[dict[str, Any]], settings: Settings) -> set[tuple[str, str]]:
    """The gold pairs whose event days lie more than ``same_event_max_days`` apart: never one event of a set."""
    return {(g["doc_a"], g["doc_b"]) for g in gold
            if (days_between(events[g["doc_a"]], events[g["doc_b"]]) or 0) > settings.events.same_event_max_days}


def _set_decisions(
    gold: list[dict[str, Any]], verdicts: list[tuple[Any, bool]], settings: Settings, apart: set[tuple[str, str]]
) -> list[tuple[bool, bool]]:
    """(one event, same sub-topic) for each gold pair when each topic is compared as one set: the
    events of its articles (:func:`compare.analyze.event_sets.events_of`) from the pair verdicts,
    never joining a pair ``apart``."""
    by_topic: dict[int, list[tuple[dict[str, Any], Any]]] = {}
    for g, (verdict, _truth) in zip(gold, verdicts, strict=True):
        by_topic.setdefault(g["topic"], []).append((g, verdict))
    event_of: dict[str, str] = {}
    for topic, judged in by_topic.items():
        ids = sorted({g[k] for g, _v in judged for k in ("doc_a", "doc_b")})
        records = [Pair(g["doc_a"], g["doc_b"], 0.0, v.same_event, v.relation, v.reason) for g, v in judged]
        inside = [(g["doc_a"], g["doc_b"]) for g, _v in judged if (g["doc_a"], g["doc_b"]) in apart]
        scores = {(g["doc_a"], g["doc_b"]): v.score for g, v in judged if v.same_event or v.short}
        for event in events_of(ids, records, settings, inside, scores):
            event_of.update({a: f"{topic}:{event.id}" for a in event.articles})
    return [(event_of[g["doc_a"]] == event_of[g["doc_b"]], g["label"] == "same_event") for g in gold]


def _set_figures(
    gold: list[dict[str, Any]], verdicts: list[tuple[Any, bool]], fold_of: list[int], settings: Settings,
    apart: set[tuple[str, str]],
) -> None:
    """The events of a set (:func:`compare.analyze.event_sets.events_of`) when each topic is
    compared as one set: every pair within a topic scored by whether its two articles land in
    one event, for each ``event_link_share``; then the share chosen on four folds of topics
    (best F1 at precision >= 0.95) and scored on the fifth."""
    decided = {share: _set_decisions(gold, verdicts, replace(settings, events=replace(settings.events, event_link_share=share)), apart) for share in SET_SHARES}
    print()
    print("each topic compared as one set: pairs within a topic scored by the events (one event or not), by "
          "event_link_share (1.0: every pair of an event agrees); * marks the shipped value:")
    print()
    print("| event_link_share | precision | recall | F1 |")
    print("|---:|---:|---:|---:|")
    for share, rows in decided.items():
        p, r, f = _prf(rows)
        mark = "*" if abs(share - settings.events.event_link_share) < 1e-9 else ""
        print(f"| {share}{mark} | {p:.3f} | {r:.3f} | {f:.3f} |")
    held: list[tuple[bool, bool]] = []
    chosen = []
    for fold in range(FOLDS):
        best = (-1.0, settings.events.event_link_share)
        for share, rows in decided.items():
            p, _r, f = _prf([d for d, k in zip(rows, fold_of, strict=True) if k != fold])
            if p >= 0.95 and f > best[0]:
                best = (f, share)
        chosen.append(best[1])
        held.extend(d for d, k in zip(decided[best[1]], fold_of, strict=True) if k == fold)
    p, r, f = _prf(held)
    print()
    print(f"event_link_share chosen on four folds of topics, scored on the fifth: {chosen}; "
          f"held-out precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


def _errors(
    events: dict[str, Any], gold: list[dict[str, Any]], verdicts: list[tuple[Any, bool]], settings: Settings
) -> None:
    """Where the pair judgement goes wrong: precision and recall by how many of the two
    articles have an event day (ECB+'s original 2008-09 articles have no date), each
    missed same-event pair by its cause, and the wrongly joined pairs by topic."""
    buckets: dict[str, list[tuple[bool, bool]]] = {}
    causes: dict[str, int] = {}
    joined: dict[int, int] = {}
    for g, (verdict, truth) in zip(gold, verdicts, strict=True):
        a, b = events[g["doc_a"]], events[g["doc_b"]]
        known = sum(1 for e in (a, b) if e.day is not None or e.month_day is not None)
        name = ("neither article", "one article", "both articles")[known]
        buckets.setdefault(name, []).append((verdict.same_event, truth))
        if truth and not verdict.same_event:
            gap = verdict.days_apart
            if gap is not None and gap > settings.events.same_event_max_days:
                cause = f"event days over {settings.events.same_event_max_days} days apart (a follow-up by the design)"
            elif verdict.reason.endswith("each named by one article only"):
                cause = "each names a participant the other never names"
            elif verdict.reason.startswith("different events:") and " against " in verdict.reason:
                cause = "different places stated"
            else:
                cause = "content score below the threshold, " + _below_threshold(a, b, gap, settings)
            causes[cause] = causes.get(cause, 0) + 1
        elif verdict.same_event and not truth:
            joined[g["topic"]] = joined.get(g["topic"], 0) + 1
    print()
    print("| event day known for | pairs | same-event pairs | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ("both articles", "one article", "neither article"):
        decided = buckets.get(name, [])
        p, r, f = _prf(decided)
        print(f"| {name} | {len(decided)} | {sum(y for _d, y in decided)} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print()
    print(f"missed same-event pairs by cause ({sum(causes.values())}):")
    for c, n in sorted(causes.items(), key=lambda x: -x[1]):
        print(f"- {c}: {n}")
    print("pairs of different events judged the same, by topic: "
          + ", ".join(f"{t}: {n}" for t, n in sorted(joined.items(), key=lambda x: -x[1])))


def _below_threshold(a: Any, b: Any, gap: int | None, settings: Settings) -> str:
    """Why a pair's content score was not enough, by what the days and leads asked of it."""
    if gap is not None and gap <= settings.events.same_event_close_days:
        return f"days close (needs {settings.events.same_event_close_threshold})"
    if gap is not None:
        days = f"days {settings.events.same_event_close_days + 1}-{settings.events.same_event_max_days} apart"
    elif (a.day or a.month_day) or (b.day or b.month_day):
        days = "one day unknown"
    else:
        days = "both days unknown"
    if gap is None and lead_score(a, b) >= settings.events.same_event_lead_threshold:
        return f"{days}, leads alike (needs {settings.events.same_event_lead_content})"
    if gap is not None and lead_score(a, b) >= settings.events.same_event_lead_threshold:
        return f"{days}, leads alike but the days known (needs {settings.events.same_event_threshold})"
    return f"{days}, leads unlike (needs {settings.events.same_event_threshold})"


def _far_apart(events: dict[str, Any], published: dict[str, str | None], gold: list[dict[str, Any]], settings: Settings) -> None:
    """What ECB+ counts as one event: its same-sub-topic pairs whose event days lie more than
    ``same_event_max_days`` apart, by the kind of article (the original ECB articles carry no
    date: their days come from their text) and by how far apart the two publication dates are
    (a follow-up by its publication, or a day read wrong)."""
    kinds: dict[str, int] = {}
    total = 0
    for g in gold:
        if g["label"] != "same_event":
            continue
        total += 1
        gap = days_between(events[g["doc_a"]], events[g["doc_b"]])
        if gap is None or gap <= settings.events.same_event_max_days:
            continue
        first, second = iso_day(published[g["doc_a"]]), iso_day(published[g["doc_b"]])
        if not g["doc_a"].endswith("ecbplus"):
            kind = "ECB articles (no publication date; days read from their text)"
        elif first is None or second is None:
            kind = "ECB+ articles, a publication date missing"
        elif abs((first - second).days) > settings.events.same_event_max_days:
            kind = f"ECB+ articles published over {settings.events.same_event_max_days} days apart (follow-ups)"
        else:
            kind = f"ECB+ articles published at most {settings.events.same_event_max_days} days apart (a day read wrong)"
        kinds[kind] = kinds.get(kind, 0) + 1
    far = sum(kinds.values())
    print()
    print(f"same-sub-topic pairs whose event days lie over {settings.events.same_event_max_days} days apart: {far} of {total} "
          f"({100 * far / max(1, total):.1f}%): " + "; ".join(f"{k}: {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])))


def _key_names(article: Any, count: int = 8) -> list[tuple[str, float]]:
    """The article's most salient names: name tokens (not numbers) by mentions (headline and
    lede count more) times rarity, the ``count`` highest."""
    mentions: dict[str, float] = {}
    seen = 0
    for text in (s.text for s in article.sentences if s.role == "body"):
        for token, name in sentence_tokens(text, True):
            seen += 1
            if name and not token.isdigit():
                mentions[token] = mentions.get(token, 0.0) + (2.0 if seen < 80 else 1.0)
    if article.title and not title_case(article.title):
        for token, name in sentence_tokens(article.title, True):
            if name and not token.isdigit():
                mentions[token] = mentions.get(token, 0.0) + 3.0
    weights = {t: (1.0 + math.log(m)) * informativeness(t) ** 2 for t, m in mentions.items()}
    return sorted(weights.items(), key=lambda tw: (-tw[1], tw[0]))[:count]


def _ceiling(
    articles: Sequence[Any], events: dict[str, Any], gold: list[dict[str, Any]], fold_of: list[int], settings: Settings,
    embedded: Any,
) -> None:
    """How far the judgement's signals go when a fitted model combines them instead of its
    rules: a logistic regression over the content score, the days (close; 3 to
    ``same_event_max_days`` apart; further), places that differ, the share of each article's key
    names the other holds, whether each names a participant the other never names, a shared
    weekday and the leads' cosine, fitted on four folds of topics with its threshold chosen
    there at precision >= 0.95 (and >= 0.97, which keeps the held-out precision near 0.95),
    scored on the fifth.  Then the same with the sentence embeddings of the leads added
    (all-MiniLM-L6-v2, :mod:`compare.semantic`, when installed): the cosine of the two leads'
    mean embeddings centred on news in general, and the best cosine between a lead sentence
    of one and of the other.  Not shipped: it shows the ceiling of these signals."""
    import numpy as np

    keys = {a.id: _key_names(a) for a in articles}

    def held(x: str, y: str) -> float:
        total = sum(w for _t, w in keys[x])
        return sum(w for t, w in keys[x] if t in events[y].vector) / total if total else 0.5

    rows = []
    for g in gold:
        x, y = g["doc_a"], g["doc_b"]
        a, b = events[x], events[y]
        gap = days_between(a, b)
        elsewhere = (
            a.where is not None and b.where is not None
            and a.where.lower() not in b.where.lower() and b.where.lower() not in a.where.lower()
        )
        rows.append([content_score(a, b), float(gap is not None and gap <= settings.events.same_event_close_days),
                     float(gap is not None and settings.events.same_event_close_days < gap <= settings.events.same_event_max_days),
                     float(gap is not None and gap > settings.events.same_event_max_days), float(elsewhere),
                     (held(x, y) + held(y, x)) / 2, float(different_participants(a, b, settings) is not None),
                     float(same_weekday(a, b)), lead_score(a, b)])
    features, folds = np.array(rows), np.array(fold_of)
    truth = np.array([g["label"] == "same_event" for g in gold], dtype=float)  # the ECB+ sub-topics

    def fit(x: Any, y: Any) -> Any:
        mean, scale = x.mean(0), x.std(0) + 1e-9
        z = np.c_[(x - mean) / scale, np.ones(len(x))]
        w = np.zeros(z.shape[1])
        for _ in range(2000):
            w -= 0.5 * (z.T @ (1 / (1 + np.exp(-z @ w)) - y) / len(y) + 1e-3 * np.r_[w[:-1], 0])
        return lambda q: np.c_[(q - mean) / scale, np.ones(len(q))] @ w

    def threshold(score: Any, y: Any, least: float) -> float:
        order = np.argsort(-score)
        tp = np.cumsum(y[order])
        precision, recall = tp / np.arange(1, len(y) + 1), tp / y.sum()
        f1 = np.where(precision >= least, 2 * precision * recall / np.maximum(precision + recall, 1e-9), -1)
        return float(score[order][int(np.argmax(f1))])

    def held_out(x: Any, least: float) -> tuple[float, float, float]:
        decided: list[tuple[bool, bool]] = []
        for k in range(FOLDS):
            train = folds != k
            model = fit(x[train], truth[train])
            cut = threshold(model(x[train]), truth[train], least)
            decided.extend(zip((model(x[~train]) >= cut).tolist(), (truth[~train] == 1).tolist(), strict=True))
        return _prf(decided)

    sets = [("the judgement's signals", features)]
    if embedded is not None:
        sets.append(("and the leads' sentence embeddings", np.c_[features, [embedded(g["doc_a"], g["doc_b"]) for g in gold]]))
    print()
    print("ceiling check (not shipped): a logistic regression fitted and thresholded on four folds of topics, scored on")
    print("the fifth (it learns to count a follow-up as the same event, as ECB+ labels it):")
    print()
    print("| signals | training precision at least | held-out precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|")
    for name, x in sets:
        for least in (0.95, 0.97):
            p, r, f = held_out(x, least)
            print(f"| {name} | {least} | {p:.3f} | {r:.3f} | {f:.3f} |")
    if embedded is None:
        print("(no sentence embeddings: " + (semantic.status() or "unavailable") + ")")


def _lead_embeddings(articles: Sequence[Any]) -> Any:
    """Per pair of article ids, two signals from the sentence embeddings of the leads (the
    headline and the first three body sentences): the cosine of their mean embeddings centred
    on news in general, and the best cosine of a lead sentence of one with one of the other;
    None when the embeddings are unavailable."""
    if not semantic.available():
        return None
    import numpy as np

    news = np.asarray(news_mean())
    leads = {a.id: _lead_texts(a) or [a.text[:300]] for a in articles}
    matrices = {i: semantic.embed_matrix(texts) for i, texts in leads.items()}
    centred = {}
    for i, m in matrices.items():
        v = m.mean(0) - news
        centred[i] = v / (np.linalg.norm(v) or 1.0)

    def signals(x: str, y: str) -> list[float]:
        return [float(centred[x] @ centred[y]), float((matrices[x] @ matrices[y].T).max())]

    return signals


def _miss_kinds(
    articles: Sequence[Any], events: dict[str, Any], gold: list[dict[str, Any]], verdicts: list[tuple[Any, bool]],
    settings: Settings, embedded: Any,
) -> None:
    """The missed same-event pairs whose content score fell short, by what the two articles
    share, beside the pairs of two events that share as much (content score 0.2 or more, not
    joined): why no rule on these signals rescues them.  What they share: a lead sentence of
    each that says the same in other words (best lead-sentence cosine of the sentence
    embeddings at least ``SAME_LEAD_COSINE``), else each article's three most named rare names
    (:func:`name_counts`, informativeness 3 or more) all named by the other, some of them,
    or none."""
    names = {a.id: name_counts(a) for a in articles}
    main = {i: [t for t, _c in c.most_common() if informativeness(t) >= 3.0][:3] for i, c in names.items()}

    def shared(x: str, y: str) -> str:
        if embedded is not None and embedded(x, y)[1] >= SAME_LEAD_COSINE:
            return f"a lead sentence of each says the same in other words (cosine >= {SAME_LEAD_COSINE})"
        held = [sum(1 for t in main[u] if names[v][t]) / len(main[u]) if main[u] else 0.0 for u, v in ((x, y), (y, x))]
        if min(held) == 1.0:
            return "each article's three main names all named by the other"
        return "some of the main names shared" if max(held) > 0 else "no main name shared"

    missed: Counter[str] = Counter()
    alike: Counter[str] = Counter()
    for g, (verdict, truth) in zip(gold, verdicts, strict=True):
        gap = verdict.days_apart
        if verdict.same_event or (gap is not None and gap > settings.events.same_event_max_days):
            continue
        if " against " in verdict.reason:  # places or participants, counted above
            continue
        if truth:
            missed[shared(g["doc_a"], g["doc_b"])] += 1
        elif verdict.score >= 0.2:
            alike[shared(g["doc_a"], g["doc_b"])] += 1
    print()
    print("missed same-event pairs whose content score fell short, by what the two articles share, beside the pairs")
    print("of two events that share as much (content score 0.2 or more, not joined):")
    print()
    print("| what the two articles share | missed same-event pairs | pairs of two events |")
    print("|---|---:|---:|")
    for kind, n in missed.most_common():
        print(f"| {kind} | {n} | {alike[kind]} |")


SAME_LEAD_COSINE = 0.75
"""The best lead-sentence cosine (sentence embeddings) at which :func:`_miss_kinds` says two
leads say the same in other words."""


SIGNAL_STEPS = tuple(step / 100 for step in range(14, 46, 2))
"""The content thresholds (``same_event_threshold``) tried with each candidate signal."""


def name_counts(article: Any) -> Counter[str]:
    """How many times the article names each name token (a capitalised word inside a
    sentence, not a number), headline included unless it is in Title Case."""
    counts: Counter[str] = Counter()
    texts = [(article.title, not title_case(article.title))] if article.title else []
    texts += [(s.text, True) for s in article.sentences if s.role == "body"]
    for text, names in texts:
        counts.update(t for t, name in sentence_tokens(text, names) if name and not t[0].isdigit())
    return counts


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b[t] for t, w in a.items() if t in b)


def _lead_texts(article: Any) -> list[str]:
    body = [s.text for s in article.sentences if s.role == "body"]
    return ([article.title] if article.title else []) + body[:3]


def _signal_checks(
    articles: Sequence[Any], events: dict[str, Any], gold: list[dict[str, Any]], fold_of: list[int], settings: Settings
) -> None:
    """Candidate signals from what the articles report (who, where, which numbers, when),
    each added to the shipped judgement and cross-validated by topic: a *veto* turns a
    "same event" into "different" (days known to be close are left alone); a *rescue*
    lets a pair whose content score falls short through at a lower content score
    ``low`` when the signal reaches ``cut``.  The content threshold (and ``low``,
    ``cut``) are chosen on four folds of topics (best F1 at precision >= 0.95) and
    scored on the fifth.  None of them is shipped: this keeps what was tried (issue 13)
    reproducible.  Every judgement here reads the two articles alone."""
    from compare.analyze.quantities import find_quantities
    from compare.analyze.quantity_conflicts import quantity_conflicts

    by_id = {a.id: a for a in articles}
    names = {a.id: name_counts(a) for a in articles}

    def name_vector(counts: Counter[str]) -> dict[str, float]:
        vector = {t: (1 + math.log(c)) * informativeness(t) ** 2 for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / norm for t, w in vector.items()}

    name_vectors = {i: name_vector(c) for i, c in names.items()}
    quantities = {}
    for a in articles:
        lead = [q for text in _lead_texts(a) for q in find_quantities(text) if not q.year]
        stated = {q.value for s in a.sentences for q in find_quantities(s.text) if not q.year}
        quantities[a.id] = (lead, stated)

    def key_names(i: str) -> list[str]:
        return [t for t, _c in names[i].most_common() if informativeness(t) >= 3.0][:3]

    def held(x: str, y: str) -> float:
        keys = key_names(x) + key_names(y)
        found = sum(1 for t in key_names(x) if t in names[y]) + sum(1 for t in key_names(y) if t in names[x])
        return found / len(keys) if keys else 0.0

    def quantity_clash(x: str, y: str) -> bool:
        (qa, va), (qb, vb) = quantities[x], quantities[y]
        return bool(quantity_conflicts(qa, qb, va, vb))

    def quantity_agrees(x: str, y: str) -> float:
        return float(any(
            q.value == r.value and q.value >= 2 and set(q.anchors) & set(r.anchors)
            for q in quantities[x][0] for r in quantities[y][0]
        ))

    def weekday_clash(x: str, y: str) -> bool:
        for u, d in ((events[x], events[y]), (events[y], events[x])):
            if u.weekday is not None and d.day is not None:
                return (d.day.weekday() - u.weekday) % 7 > 1  # neither that day nor the day after it
        return False

    def year_clash(x: str, y: str) -> bool:
        for u, d in ((x, y), (y, x)):
            if events[u].day is None and events[d].day is not None:
                years = [int(t) for t in _YEAR.findall(by_id[u].text)]
                return bool(years) and abs(events[d].day.year - max(years)) >= 2
        return False

    def own_name(x: str, y: str) -> bool:
        for token, _written, mentions in events[x].participants:
            if mentions < 2:
                return False
            if informativeness(token) >= settings.events.same_event_participant_rarity and names[y][token] <= 1:
                return True
        return False

    def one_sided(x: str, y: str) -> bool:
        """Either article's lead names a participant five times or more that the other never names."""
        for u, v in ((x, y), (y, x)):
            for token, _written, mentions in events[u].participants:
                if mentions < 5:
                    break
                if token not in events[v].vector and informativeness(token) >= settings.events.same_event_participant_rarity:
                    return True
        return False

    def lead_details(i: str) -> set[str]:
        """The rare names and numbers (not 0-9) of the headline and first three body sentences."""
        a = by_id[i]
        texts = [(a.title, not title_case(a.title))] if a.title else []
        texts += [(t, True) for t in _lead_texts(a)[len(texts):]]
        return {t for text, allowed in texts for t, name in sentence_tokens(text, allowed)
                if name and informativeness(t) >= 4.0 and not (t.isdigit() and int(t) < 10)}

    details = {a.id: lead_details(a.id) for a in articles}

    def echoed(x: str, y: str) -> float:
        """The share of each lead's rare names and numbers that the other article states, the lower of the two."""
        shares = [sum(1 for t in details[u] if t in events[v].vector) / len(details[u]) if details[u] else 0.5
                  for u, v in ((x, y), (y, x))]
        return min(shares)

    pairs = [(g["doc_a"], g["doc_b"]) for g in gold]
    truth = [g["label"] == "same_event" for g in gold]
    at = [[judge(events[x], events[y], replace(settings, events=replace(settings.events, same_event_threshold=t))).same_event for t in SIGNAL_STEPS]
          for x, y in pairs]
    close = []
    for x, y in pairs:
        gap = days_between(events[x], events[y])
        close.append(gap is not None and gap <= settings.events.same_event_close_days)
    vetoes: dict[str, list[bool]] = {
        "numbers of the leads clash (the same thing counted, values apart)": [quantity_clash(x, y) for x, y in pairs],
        "an undated article's weekday against the other's event day": [weekday_clash(x, y) for x, y in pairs],
        "an undated article's latest year 2+ from the other's event year": [year_clash(x, y) for x, y in pairs],
        "each names a lead participant twice or more that the other names once at most":
            [own_name(x, y) and own_name(y, x) for x, y in pairs],
        "either names a lead participant five times or more that the other never names":
            [one_sided(x, y) for x, y in pairs],
    }
    rescues: dict[str, list[float]] = {
        "names only: the cosine of the names (rarity-weighted)": [_cosine(name_vectors[x], name_vectors[y]) for x, y in pairs],
        "each article's three most named rare names: share the other names": [held(x, y) for x, y in pairs],
        "a number of the leads agrees (same value, same thing counted)": [quantity_agrees(x, y) for x, y in pairs],
        "the rare names and numbers of each lead that the other article states (the lower share)":
            [echoed(x, y) for x, y in pairs],
    }
    covered = _lead_coverage(articles)
    if covered is not None:
        rescues["embeddings: each lead sentence's best cosine with a sentence of the other (mean, both ways)"] = [
            covered(x, y)[0] for x, y in pairs]
        rescues["embeddings: the share of lead sentences with a sentence of the other at cosine 0.7 (both ways)"] = [
            covered(x, y)[1] for x, y in pairs]
    import numpy as np

    verdicts, y = np.array(at), np.array(truth)
    folds, near, rows = np.array(fold_of), np.array(close), np.arange(len(pairs))

    def choose(options: Sequence[Any]) -> tuple[float, float, float]:
        return held_out_choice(options, y, folds)

    steps = range(SIGNAL_STEPS.index(0.3), SIGNAL_STEPS.index(0.42) + 1)
    print()
    print("candidate signals (not shipped), each with the shipped judgement, thresholds chosen on four folds of "
          "topics and scored on the fifth:")
    print()
    print("| signal | kind | fires on same-event / different-event pairs | held-out precision | recall | F1 |")
    print("|---|---|---:|---:|---:|---:|")
    p, r, f = choose([verdicts[:, s] for s in steps])
    print(f"| none (the shipped judgement) | | | {p:.3f} | {r:.3f} | {f:.3f} |")
    for name, veto in vetoes.items():
        fires = np.array(veto) & ~near
        p, r, f = choose([verdicts[:, s] & ~fires for s in steps])
        print(f"| {name} | veto | {int((fires & y).sum())} / {int((fires & ~y).sum())} | {p:.3f} | {r:.3f} | {f:.3f} |")
    for name, values in rescues.items():
        v = np.array(values)
        cuts = np.unique(np.quantile(v[v > 0], [k / 8 for k in range(8)])) if (v > 0).any() else np.array([1.0])
        options = [verdicts[rows, np.where(v >= cut, low, s)]
                   for s in steps for low in range(max(0, s - 12), s, 2) for cut in cuts]
        p, r, f = choose(options)
        print(f"| {name} | rescue | | {p:.3f} | {r:.3f} | {f:.3f} |")


def _lead_coverage(articles: Sequence[Any]) -> Any:
    """Per pair of article ids, how much of each lead (the headline and first three body
    sentences) the other article tells, by sentence embeddings (all-MiniLM-L6-v2, not centred:
    each article's own vectors, so the signal reads the two articles alone): the mean over the
    lead sentences of both articles of their best cosine with any sentence of the other, and the
    share of them whose best cosine reaches 0.7; None when the embeddings are unavailable.
    Session 17 (issue 13), as a rescue (:func:`_signal_checks`): held-out P/R/F1 0.934/0.711/0.807
    (mean best cosine) and 0.940/0.709/0.808 (share at 0.7) against 0.945/0.700/0.804 without;
    among the pairs whose content falls short, the mean best cosine tells one event from two
    with an AUC of 0.80 (the content score 0.76): same-kind events share generic sentences
    nearly as closely as one event's reports do.  Not shipped."""
    if not semantic.available():
        return None
    import numpy as np

    vectors, leads = {}, {}
    for a in articles:
        vectors[a.id] = semantic.embed_matrix([s.text for s in a.sentences])
        title = [n for n, s in enumerate(a.sentences) if s.role == "title"][:1]
        leads[a.id] = title + [n for n, s in enumerate(a.sentences) if s.role == "body"][: 4 - len(title)]

    def coverage(x: str, y: str) -> tuple[float, float]:
        cosines = vectors[x] @ vectors[y].T
        best = np.r_[cosines[leads[x]].max(1), cosines[:, leads[y]].max(0)]
        return float(best.mean()), float((best >= 0.7).mean())

    return coverage


LEAD_THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 9.0)
"""The ``same_event_lead_threshold`` values tried in the cross-validation (9 = the lead rule off)."""


def _lead_cross_validation(
    events: dict[str, Any], gold: list[dict[str, Any]], fold_of: list[int], settings: Settings
) -> None:
    """``same_event_threshold``, ``same_event_lead_threshold`` and ``same_event_lead_content``
    chosen together on four folds of topics (best F1 at precision >= 0.95), scored on the fifth.
    Each pair is judged once per content threshold with the lead rule off; the lead rule only
    swaps the threshold a pair needs (close days and a shared weekday are left as they are),
    so a pair whose event days are not both known and whose leads reach the lead threshold
    takes the verdict at the lead content."""
    steps = [step / 100 for step in range(15, 43)]
    off = replace(settings, events=replace(settings.events, same_event_lead_threshold=9.0))
    at = [[judge(events[g["doc_a"]], events[g["doc_b"]], replace(off, events=replace(off.events, same_event_threshold=t))).same_event for t in steps]
          for g in gold]
    leads = [lead_score(events[g["doc_a"]], events[g["doc_b"]])
             if days_between(events[g["doc_a"]], events[g["doc_b"]]) is None else 0.0 for g in gold]
    truth = [g["label"] == "same_event" for g in gold]

    def decide(i: int, threshold: int, lead: float, content: int) -> bool:
        return at[i][min(threshold, content) if leads[i] >= lead else threshold]

    held: list[tuple[bool, bool]] = []
    chosen = []
    for fold in range(FOLDS):
        train = [i for i, k in enumerate(fold_of) if k != fold]
        best: tuple[float, int, float, int] = (-1.0, 0, 9.0, 0)
        for threshold in range(steps.index(0.33), steps.index(0.41) + 1):
            for lead in LEAD_THRESHOLDS:
                for content in range(0, threshold + 1, 2) if lead < 9 else (threshold,):
                    p, _r, f = _prf([(decide(i, threshold, lead, content), truth[i]) for i in train])
                    if p >= 0.95 and f > best[0]:
                        best = (f, threshold, lead, content)
        _f, threshold, lead, content = best
        chosen.append((steps[threshold], lead, steps[content]))
        held.extend((decide(i, threshold, lead, content), truth[i]) for i, k in enumerate(fold_of) if k == fold)
    p, r, f = _prf(held)
    print()
    print("same_event_threshold, same_event_lead_threshold and same_event_lead_content chosen on four folds of "
          f"topics, scored on the fifth: {chosen}; held-out precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


def _pairs_of(gold: list[dict[str, Any]], fold_of: list[int], fold: int, inside: bool) -> list[dict[str, Any]]:
    return [g for g, k in zip(gold, fold_of, strict=True) if (k == fold) == inside]


def _same(events: dict[str, Any], pair: dict[str, Any], settings: Settings) -> bool:
    return judge(events[pair["doc_a"]], events[pair["doc_b"]], settings).same_event


def measure_example() -> None:
    """The example story: every pair's verdict with and without --pair, and the time it takes."""
    from compare import compare
    from compare.pipeline import compare_prepared

    files = sorted(str(p) for p in (ROOT / "examples" / "nato-russia-2010").glob("*.txt"))
    together = compare(files)
    same = 0
    for pair in together.pairs:
        (alone,) = compare_prepared(together.articles, together.settings, chosen=[(pair.a, pair.b)]).pairs
        same += (alone.relation, alone.reason) == (pair.relation, pair.reason)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        profiles = [event_profile(a) for a in together.articles]
        for i, x in enumerate(profiles):
            for y in profiles[i + 1 :]:
                judge(x, y, together.settings)
        best = min(best, time.perf_counter() - started)
    print()
    across = [g for g in together.groups if len(g.events) > 1]
    print(f"example story: {len(across)} groups join articles of two events, "
          f"{sum(1 for g in across if g.kind == 'diverge')} of them DIVERGE")
    print(f"example story: {same} of {len(together.pairs)} pairs get the same verdict with --pair; "
          f"events {[list(e.articles) for e in together.events]}; event identity {1000 * best:.1f} ms")
    for pair in together.pairs:
        print(f"  {pair.a}:{pair.b} {pair.relation}: {pair.reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--links", default="0.1,0.12,0.14,0.16,0.18,0.2,0.22,0.25,0.28,0.32")
    parser.add_argument("--ecbplus-only", action="store_true", help="only the ECB+ figures and the example story")
    parser.add_argument("--signals", action="store_true",
                        help="also cross-validate, by topic, candidate signals not shipped (see _signal_checks)")
    args = parser.parse_args()

    ecbplus = args.data / ECBPLUS
    if (ecbplus / "gold_article_pairs.json").is_file():
        measure_ecbplus(ecbplus, args.signals)
    else:
        print(f"skipped: {ecbplus} not found (ECB+ dev topics; see the README's data notes)")
    measure_example()
    basil_stories = args.data / "basil-dev" / "stories"
    if basil_stories.is_dir():
        events = basil_events(basil_stories)
        split = {k: v for k, v in events.items() if len(v) > 1}
        print(f"\nBASIL dev stories compared as one event: {len(events) - len(split)} of {len(events)}; split: {split}")
    if args.ecbplus_only:
        return
    print()

    basil_path, fnc_path = args.data / BASIL, args.data / FNC
    if not basil_path.is_file():
        print(f"skipped: {basil_path} not found (BASIL dev articles; see the README's data notes)")
        return
    settings = StorySettings()
    rows = read(basil_path)
    truth = {r["id"]: r.pop("story") for r in rows}  # the tool never sees the truth
    basil = profiles_of(rows, settings)
    print(f"BASIL: {basil_path} ({len(basil)} articles, {len(set(truth.values()))} stories)")
    fnc: list[Profile] = []
    if fnc_path.is_file():
        bodies = [prepare_article(a)[0] for a in load_inputs(read(fnc_path))]
        started = time.perf_counter()
        events = [event_profile(a) for a in bodies]
        event_seconds = time.perf_counter() - started
        fnc = [profile(a, settings) for a in bodies]
        print(f"distractors: {fnc_path} ({len(fnc)} bodies; their event profiles take {event_seconds:.2f} s, "
              f"{1000 * event_seconds / max(1, len(events)):.2f} ms per body)")
    else:
        print(f"no distractors: {fnc_path} not found")
    background = Background.count(fnc) if fnc else None

    def rows_for(s: StorySettings) -> list[tuple[str, dict[str, Any]]]:
        out = [("BASIL alone", score(basil, truth, s))]
        if fnc:
            out.append(("BASIL + 1,683 FNC-1 distractors", score(basil + fnc, truth, s)))
            out.append(("BASIL alone, FNC-1 as background df", score(basil, truth, s, background)))
        return out

    print()
    print(f"shipped settings: {settings.to_dict()}")
    print()
    print("| collection | ARI | stories recovered exactly | stories mixing BASIL and FNC-1 | FNC-1 bodies joined "
          "| grouping s | follow-up links (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in rows_for(settings):
        print(f"| {name} | {r['ari']:.3f} | {100 * r['exact']:.0f}% ({round(r['exact'] * r['stories'])}/{r['stories']}) "
              f"| {r['mixed']} | {r['joined']} | {r['seconds']:.2f} | {r['links']} ({r['link_seconds']:.2f}) |")
    if fnc:
        r = candidate_recall(basil + fnc, settings)
        print()
        print(f"candidate pairs, BASIL + FNC-1 ({len(basil) + len(fnc)} articles): {r['found']} pairs found in "
              f"{r['candidate_seconds']:.2f} s; scoring all {r['pairs']:,} pairs takes {r['all_seconds']:.1f} s and finds "
              f"{r['exact']} at or above the link: recall {100 * r['recall']:.2f}%; the stories grouped from all "
              f"pairs against those from the candidates: ARI {r['agreement']:.4f}")
    print()
    print("ARI (exact share) against the link threshold; * marks the shipped value:")
    print()
    names = [name for name, _ in rows_for(replace(settings, link=0.99))]
    print("| link | " + " | ".join(names) + " |")
    print("|---:|" + "---:|" * len(names))
    for link in (float(x) for x in args.links.split(",") if x):
        cells = [f"{r['ari']:.3f} ({100 * r['exact']:.0f}%){' !' if r['mixed'] else ''}"
                 for _name, r in rows_for(replace(settings, link=link))]
        mark = "*" if abs(link - settings.link) < 1e-9 else ""
        print(f"| {link:.2f}{mark} | " + " | ".join(cells) + " |", flush=True)
    print()
    print("! a BASIL story took in an FNC-1 body")


if __name__ == "__main__":
    main()
