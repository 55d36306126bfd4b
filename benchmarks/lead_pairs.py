"""The groups that hold two articles' leads linked as leads, with what the pair scored (issue 11).

    .venv/bin/python benchmarks/lead_pairs.py [--basil [ID,...]] [--ecbplus [SUBTOPIC,...]]
        [--jsonl FILE ...] [--skip ID,...] [--json OUT] [--set NAME=VALUE ...]

Two *leads* (each article's headline and first ``Settings.lead_sentences`` sentences) that share
a word beyond names are scored on embeddings centred on news in general, not on the story
(:meth:`compare.centring.StoryCosines.leads`).  For every group of ``compare.compare`` (default
settings, with embeddings; this checkout's code) that holds such a pair of two articles, this
prints the group's sentences and, per lead pair: whether it is a link, its score as the aligner
has it (news-centred), the score it would have centred on the story, its lexical score, both
cosines, whether the report puts the two articles in one event (``Comparison.events``) and
their dates.  A pair is *lead-made* when it links only as two leads: its story-centred score is
under the link threshold.  The counts at the end: groups with a lead pair, with a lead-made link.
Reads ``../shared/data`` (``--data``).  Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.group_diff import DEFAULT_DATA, Story, _ids, basil_stories, ecbplus_stories, jsonl_stories
from compare import (
    Settings,
    compare,
    pipeline,
)
from compare import align as align_module
from compare.similarity import lexical_score


def _captured() -> dict[str, Any]:
    """Wrap the aligner so that each run leaves its Alignment and StoryCosines here."""
    seen: dict[str, Any] = {}
    inner_align, inner_cosines = pipeline.align, align_module.story_cosines

    def story_cosines(*args: Any, **kwargs: Any) -> Any:
        seen["cosines"] = inner_cosines(*args, **kwargs)
        return seen["cosines"]

    def align(*args: Any, **kwargs: Any) -> Any:
        seen["cosines"] = None
        seen["alignment"] = inner_align(*args, **kwargs)
        return seen["alignment"]

    align_module.story_cosines = story_cosines  # type: ignore[assignment]
    pipeline.align = align  # type: ignore[assignment]
    return seen


def lead_groups(key: str, records: list[dict[str, Any]], settings: Settings, seen: dict[str, Any]) -> list[dict[str, Any]]:
    result = compare(records, settings)
    alignment, cosines = seen["alignment"], seen["cosines"]
    if cosines is None:
        return []
    sentences = alignment.sentences
    event_of = {a: e.id for e in result.events for a in e.articles}
    date = {a.id: a.date for a in result.articles}
    weight, threshold = settings.story_cosine_weight, settings.semantic_link_threshold
    out = []
    for group in alignment.groups:
        pairs = []
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                a, b = sentences[i].article, sentences[j].article
                if a == b or (i, j) in cosines.core or not cosines.leads(i, j):
                    continue
                lexical = lexical_score(alignment.features[i], alignment.features[j], settings)
                story_cos, news_cos = cosines.story_pair(i, j), cosines.pair(i, j)
                story_score = round((1 - weight) * lexical + weight * max(0.0, story_cos), 3)
                linked = (i, j) in alignment.links
                pairs.append(
                    {
                        "pair": [f"{a}:{sentences[i].index}", f"{b}:{sentences[j].index}"],
                        "linked": linked,
                        "lead_made": linked and story_score < threshold,
                        "score": round(alignment.similarity(i, j), 3),
                        "story_score": story_score,
                        "lexical": round(lexical, 3),
                        "story_cos": round(story_cos, 3),
                        "news_cos": round(news_cos, 3),
                        "one_event": event_of.get(a) is not None and event_of.get(a) == event_of.get(b),
                        "dates": [date[a], date[b]],
                    }
                )
        if pairs:
            members = [f"{sentences[i].article}:{sentences[i].index}" for i in group]
            out.append({"story": key, "members": members, "text": {m: sentences[i].text for m, i in zip(members, group, strict=True)}, "pairs": pairs})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--basil", nargs="?", const="", default=None)
    parser.add_argument("--ecbplus", nargs="?", const="", default=None)
    parser.add_argument("--jsonl", nargs="*", type=Path, default=[])
    parser.add_argument("--skip", default="")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"lead_pairs: no data folder {args.data} (give --data)", file=sys.stderr)
        return 2
    stories: list[Story] = []
    if args.basil is not None:
        stories += basil_stories(args.data, _ids(args.basil))
    if args.ecbplus is not None:
        stories += ecbplus_stories(args.data, _ids(args.ecbplus))
    for path in args.jsonl:
        stories += jsonl_stories(path)
    skip = _ids(args.skip) or set()
    stories = [(k, r) for k, r in stories if k.split("/")[-1] not in skip]
    settings = Settings()
    grouping = {}
    for item in args.set:
        name, value = item.split("=", 1)
        if name.startswith("grouping."):
            grouping[name.split(".", 1)[1]] = json.loads(value)
        else:
            settings = replace(settings, **{name: json.loads(value)})
    if grouping:
        settings = replace(settings, grouping=replace(settings.grouping, **grouping))
    seen = _captured()
    found = [g for key, records in stories for g in lead_groups(key, records, settings, seen)]
    for g in found:
        print(f"== {g['story']}  {' '.join(g['members'])}")
        for m, text in g["text"].items():
            print(f"   {m}: {text[:220]}")
        for p in g["pairs"]:
            flag = "LEAD-MADE" if p["lead_made"] else ("link" if p["linked"] else "-")
            print(
                f"   {flag:9} {p['pair'][0]} ~ {p['pair'][1]}  score {p['score']} story {p['story_score']} "
                f"lex {p['lexical']} cos story {p['story_cos']} news {p['news_cos']} one-event {p['one_event']} dates {p['dates']}"
            )
    made = sum(any(p["lead_made"] for p in g["pairs"]) for g in found)
    print(f"stories {len(stories)}; groups with a lead pair {len(found)}; with a lead-made link {made}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
