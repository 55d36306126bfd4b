"""The scores behind every judged group: what the aligner saw when it joined sentences an editor judged (issue 11).

    .venv/bin/python benchmarks/group_scores.py [--basil [ID,...]] [--ecbplus [SUBTOPIC,...]]
        [--jsonl FILE ...] [--data DIR] [--show right,partly,wrong,unjudged] [--bands]

Aligns each story (default settings, with embeddings; stories as in ``benchmarks/group_diff.py``)
and looks up every group's verdict in the group verdicts of ``benchmarks/labels/`` (the blind
readings and reviews by key, the change sets by story and members; a later file wins).  For the
groups asked for with ``--show`` it prints the members and, for each two of them, the score the
aligner used, its lexical part, the story-centred cosine it blends in (derived from the two:
``Settings.story_cosine_weight``), whether the two link (``link``, or ``part`` when a quotation or
clause made the link) and whether they are one article's sentences.  ``--bands`` prints the
judged groups by the score of a group of two and by the least mean score of a member of a larger
group: the figures by which a threshold would have to separate right groups from the others.
Reads the data from ``../shared/data`` and says so when it is missing.  Never part of the test suite.
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

from group_diff import DEFAULT_DATA, Story, basil_stories, ecbplus_stories, jsonl_stories  # noqa: E402

from compare import Settings  # noqa: E402
from compare.align import Alignment, align  # noqa: E402
from compare.load import load_inputs  # noqa: E402
from compare.pipeline import prepare  # noqa: E402
from compare.similarity import lexical_score  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels"
READINGS = ("reading10", "review-s14-basil", "reading11", "review-s15-basil", "reading12", "review-s16-basil", "reading13",
            "reading14")
CHANGE_SETS = ("issue11-group-changes", "issue11-s15-group-changes", "lead-s15-group-changes", "issue11-s16-recall",
               "issue11-s16-precision", "issue11-s17-precision")
Key = tuple[str, tuple[str, ...]]


def verdicts(folder: Path = LABELS) -> dict[Key, str]:
    """(story key, sorted members) → verdict, from every group verdict of ``folder``."""
    out: dict[Key, str] = {}
    for name in CHANGE_SETS:
        path = folder / f"{name}.json"
        for item in json.loads(path.read_text(encoding="utf-8")) if path.exists() else ():
            out[(item["story"], tuple(sorted(item["members"])))] = item["verdict"]
    for name in READINGS:
        path = folder / f"{name}.json"
        if not path.exists():
            continue
        for judged in json.loads(path.read_text(encoding="utf-8"))["verdicts"].values():
            for story, known in judged.items():
                key = f"basil/{story}" if re.fullmatch(r"[0-9a-f]{8}", story) else story  # a BASIL id, or a JSONL file's stem
                out.update({(key, tuple(sorted(k.split()[1:]))): v for k, v in known.items() if k.startswith("group ")})
    return out


def aligned(records: Sequence[dict[str, Any]], settings: Settings) -> Alignment:
    """The aligner's result on one story's articles, prepared as :func:`compare.compare` prepares them."""
    articles = [prepare(article, settings) for article in load_inputs(list(records))]
    return align([s for a in articles for s in a.sentences], settings)


def pair_lines(result: Alignment, group: Sequence[int], settings: Settings) -> list[str]:
    sentences, w = result.sentences, settings.story_cosine_weight
    lines = []
    for n, i in enumerate(group):
        for j in group[n + 1 :]:
            score, lexical = result.similarity(i, j), lexical_score(result.features[i], result.features[j], settings)
            key = (min(i, j), max(i, j))
            linked = "-" if key not in result.links else "part" if i in result.parts or j in result.parts else "link"
            cosine = f"{(score - (1 - w) * lexical) / w:.3f}" if result.semantic and score < 1.0 else "  -  "
            same = " same article" if sentences[i].article == sentences[j].article else ""
            lines.append(f"      {sentences[i].id} {sentences[j].id}: score {score:.3f} lexical {lexical:.3f} cosine {cosine} {linked}{same}")
    return lines


def least_mean(result: Alignment, group: Sequence[int]) -> float:
    """The least mean score of a member with the group's members of other articles."""
    sentences = result.sentences
    means = []
    for i in group:
        others = [result.similarity(i, j) for j in group if sentences[j].article != sentences[i].article]
        means.append(sum(others) / len(others))
    return min(means)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basil", nargs="?", const="", default=None)
    parser.add_argument("--ecbplus", nargs="?", const="", default=None)
    parser.add_argument("--jsonl", type=Path, nargs="*", default=[])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", default="partly,wrong")
    parser.add_argument("--bands", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.exists() and (args.basil is not None or args.ecbplus is not None):
        print(f"no data at {args.data} (give --data DIR)", file=sys.stderr)
        return 2
    stories: list[Story] = []
    if args.basil is not None:
        stories += basil_stories(args.data, set(args.basil.split(",")) if args.basil else None)
    if args.ecbplus is not None:
        stories += ecbplus_stories(args.data, set(args.ecbplus.split(",")) if args.ecbplus else None)
    for path in args.jsonl:
        stories += jsonl_stories(path)
    known, show, settings = verdicts(), set(args.show.split(",")), Settings()
    pairs: Counter[tuple[str, str]] = Counter()
    larger: Counter[tuple[str, str]] = Counter()
    for key, records in stories:
        result = aligned(records, settings)
        for group in result.groups:
            members = tuple(sorted(result.sentences[i].id for i in group))
            verdict = known.get((key, members), "unjudged")
            if verdict in show:
                print(f"{key} [{verdict}] {' '.join(members)}")
                print("\n".join(f"    {result.sentences[i].id}: {result.sentences[i].text}" for i in group))
                print("\n".join(pair_lines(result, group, settings)))
            if verdict != "unjudged":
                band = f"{min(0.6, int(least_mean(result, group) * 20) / 20):.2f}"
                (pairs if len(group) == 2 else larger)[(band, verdict)] += 1
    if args.bands:
        for title, counts in (("groups of two, by score", pairs), ("larger groups, by the least mean of a member", larger)):
            print(f"\n{title} (band: right / partly / wrong)")
            for band in sorted({b for b, _ in counts}):
                print(f"  {band}: {counts[(band, 'right')]} / {counts[(band, 'partly')]} / {counts[(band, 'wrong')]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
