"""The shared facts a render leaves unlinked, with the scores the aligner saw (issue 11, recall).

    .venv/bin/python benchmarks/missed_facts.py LABELS STORY... [--json OUT] [--signals] [--grouping]

LABELS is a reading file of ``benchmarks/labels/`` with ``facts`` ({story: [[sentence id, ...]]}) or
``missed`` (pairs an editor found unlinked); each STORY a BASIL ``stories/<id>`` folder or a JSONL
file of articles named after its story key (``reading.py stories``).  For every listed fact that no
group links (two of its sentences, of different articles, in one group), each pair of its sentences
of different articles is printed with what the aligner saw: the pair's score, its lexical score, the
story-centred cosine of the two sentences, the best score through a part of either (a quotation or
a clause, :mod:`compare.parts`: score, cosine and the part), whether the pair is a link, which check
of ``compare.align._links`` refuses it, and the group each sentence is in.  Each missed fact gets
one class, from its best pair:

* ``link, not grouped``: a pair links, and the grouping put its sentences in other groups or none;
* ``refused: <check>``: a pair reaches the link threshold and a check of ``_links`` refuses it;
* ``part under its threshold``: a part scores over the threshold of whole sentences, not over a part's;
* ``other words <band>``: every pair scores under the link threshold (the band of the best one).

``--grouping`` also prints, for each linked pair of a missed fact of class ``link, not grouped``, the
grouping rule that refused to merge its sentences' groups (:func:`refusing_rules`).

``--signals`` also prints, over every pair of sentences of different articles of the stories, how
well each score tells the pairs of a listed fact from the others (ROC AUC), over all pairs and over
those the aligner scores 0.2-0.3 (the band under the link threshold), and how many of the 100
highest-scoring pairs that no group links hold a listed fact.  Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import compare.align as align_module  # noqa: E402
import compare.link_checks as link_checks  # noqa: E402
import compare.pipeline as pipeline  # noqa: E402
from compare import compare  # noqa: E402
from compare.similarity import informativeness, lexical_score  # noqa: E402


def capture() -> dict[str, Any]:
    """Wrap the aligner and its helpers to keep what they computed: the story-centred cosines,
    the parts, the links handed to the grouping and the alignment."""
    seen: dict[str, Any] = {}
    story_cosines, group_links, align = align_module.story_cosines, align_module.group_links, pipeline.align

    def cosines(*args: Any, **kw: Any) -> Any:
        seen["cosines"], seen["parts"] = story_cosines(*args, **kw), args[3]
        return seen["cosines"]

    def groups(links: Any, *args: Any, **kw: Any) -> Any:
        seen["links"] = dict(links)
        return group_links(links, *args, **kw)

    def aligned(*args: Any, **kw: Any) -> Any:
        seen["alignment"] = align(*args, **kw)
        return seen["alignment"]

    align_module.story_cosines, align_module.group_links, pipeline.align = cosines, groups, aligned
    return seen


def refusal(i: int, j: int, value: float, lexical: float, cos: float, al: Any, settings: Any) -> str:
    """Which check of ``compare.align._links`` refuses a pair at the threshold (a mirror, for reading)."""
    from compare.plain_words import plain_tokens
    from compare.similarity import analyse, story_acronyms, story_names, story_weights

    if cos < settings.semantic_min_cosine:
        return "refused: cosine under semantic_min_cosine"
    if lexical < settings.semantic_min_lexical and cos < settings.paraphrase_cosine:
        return "refused: few words shared, cosine under paraphrase_cosine"
    sentences = al.sentences
    analysed = [analyse(s.text) for s in sentences]
    story, names = story_weights([t for t, _ in analysed]), story_names(sentences)
    plain = plain_tokens(analysed, story, names | story_acronyms(sentences), settings.grouping.weak_link_counted)
    shared = sum(informativeness(t) for t in plain[i] & plain[j])
    if value < settings.weak_link_score and cos < settings.weak_link_cosine and shared < settings.weak_link_plain:
        return "refused: weak link without a plain word"
    quotes, kinds, days = align_module._wordings(sentences, [t for t, _ in analysed], names, settings)
    if not link_checks.quotes_agree(quotes[i], quotes[j], value, settings):
        return "refused: quotations"
    if kinds is not None and value < settings.contrast_max_score and link_checks.contrasted(kinds[i], kinds[j]):
        return "refused: two kinds named"
    if days is not None and value < settings.grouping.other_day_max_score and link_checks.other_days(days[i], days[j]):
        return "refused: other days"
    return "refused: a refusal to say, or not a candidate"


def best_part(i: int, j: int, seen: dict[str, Any], al: Any, settings: Any) -> tuple[float, float, str]:
    """(score, cosine, text) of the best unit pair through a part: a part of i or j against the
    other sentence, or two parts."""
    parts, cos = seen.get("parts"), seen.get("cosines")
    if parts is None or cos is None:
        return 0.0, 0.0, ""
    n, weight = len(al.sentences), settings.story_cosine_weight

    def units(k: int) -> list[tuple[int, Any, str]]:
        own = [(n + p, f, t) for p, (o, f, t) in enumerate(zip(parts.owner, parts.features, parts.texts, strict=True)) if o == k]
        return [(k, al.features[k], ""), *own]

    best = (0.0, 0.0, "")
    for u, fu, tu in units(i):
        for v, fv, tv in units(j):
            if u < n and v < n:
                continue
            c = float(cos.vectors[u] @ cos.vectors[v])
            value = (1 - weight) * lexical_score(fu, fv, settings) + weight * c
            if value > best[0]:
                best = (value, c, " | ".join(t for t in (tu, tv) if t))
    return best


def missed(story: str, result: Any, facts: list[list[str]], seen: dict[str, Any]) -> list[dict[str, Any]]:
    """Each fact of ``facts`` no group of ``result`` links, with its pairs' scores and its class."""
    settings, al = result.settings, seen["alignment"]
    index = {s.id: n for n, s in enumerate(al.sentences)}
    group_of = {m: g.id for g in result.groups for m in g.members}
    link = settings.semantic_link_threshold
    out = []
    for fact in facts:
        pairs = [(a, b) for x, a in enumerate(fact) for b in fact[x + 1 :] if a.split(":")[0] != b.split(":")[0]]
        if any(group_of.get(a) and group_of.get(a) == group_of.get(b) for a, b in pairs):
            continue
        rows = []
        for a, b in pairs:
            if a not in index or b not in index:
                continue
            i, j = sorted((index[a], index[b]))
            c = seen["cosines"].pair(i, j) if seen.get("cosines") is not None else 0.0
            lexical, value = lexical_score(al.features[i], al.features[j], settings), al.similarity(i, j)
            part, part_cos, part_text = best_part(i, j, seen, al, settings)
            linked = (i, j) in seen["links"]
            why = "" if linked or value < link else refusal(i, j, value, lexical, c, al, settings)
            rows.append({"pair": [a, b], "score": value, "lexical": round(lexical, 3), "cosine": round(c, 3),
                         "part": round(part, 3), "part_cosine": round(part_cos, 3), "part_text": part_text,
                         "link": linked, "refused": why, "groups": [group_of.get(a), group_of.get(b)]})
        out.append({"story": story, "fact": fact, "class": classify(rows, link), "pairs": rows})
    return out


def classify(rows: list[dict[str, Any]], link: float) -> str:
    if not rows:
        return "no pair"
    if any(r["link"] for r in rows):
        return "link, not grouped"
    refused = [r["refused"] for r in rows if r["refused"]]
    if refused:
        return refused[0]
    if any(r["part"] >= link and r["part"] > r["score"] for r in rows):
        return "part under its threshold"
    best = max(r["score"] for r in rows)
    return "other words " + ("0.25-0.30" if best >= 0.25 else "0.20-0.25" if best >= 0.2 else "under 0.20")


def signals(story: str, result: Any, facts: list[list[str]], seen: dict[str, Any]) -> list[dict[str, Any]]:
    """Every pair of sentences of different articles: in a listed fact or not, grouped or not, and its scores."""
    import numpy as np

    from compare import semantic
    from compare.centring import news_mean

    al, settings = seen["alignment"], result.settings
    sentences = al.sentences
    pairs = {(a, b) for fact in facts for a in fact for b in fact}
    group_of = {m: g.id for g in result.groups for m in g.members}
    raw = np.asarray(semantic.embed_matrix([s.text for s in sentences]), dtype=float)
    news = raw - np.asarray(news_mean())
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    news /= np.linalg.norm(news, axis=1, keepdims=True)
    rows = []
    for i, a in enumerate(sentences):
        for j in range(i + 1, len(sentences)):
            b = sentences[j]
            if a.article == b.article:
                continue
            rows.append({"story": story, "fact": (a.id, b.id) in pairs, "grouped": bool(group_of.get(a.id)) and group_of.get(a.id) == group_of.get(b.id),
                         "score": al.similarity(i, j), "lexical": lexical_score(al.features[i], al.features[j], settings),
                         "story cosine": float(seen["cosines"].vectors[i] @ seen["cosines"].vectors[j]),
                         "plain cosine": float(raw[i] @ raw[j]), "news cosine": float(news[i] @ news[j])})
    return rows


def rank_auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """The chance that a score of ``positive`` exceeds one of ``negative`` (ties count half)."""
    import numpy as np

    if not len(positive) or not len(negative):
        return float("nan")
    q = np.sort(np.asarray(negative))
    return float(np.mean([(np.searchsorted(q, v) + np.searchsorted(q, v, "right")) / 2 / len(q) for v in positive]))


def auc(rows: list[dict[str, Any]], key: str) -> float:
    return rank_auc([r[key] for r in rows if r["fact"]], [r[key] for r in rows if not r["fact"]])


def print_signals(rows: list[dict[str, Any]]) -> None:
    band = [r for r in rows if 0.2 <= r["score"] < 0.3]
    print(f"\npairs {len(rows)} ({sum(r['fact'] for r in rows)} in a listed fact); "
          f"scored 0.20-0.30: {len(band)} ({sum(r['fact'] for r in band)} in a listed fact)")
    free = [r for r in rows if not r["grouped"]]
    for key in ("score", "lexical", "story cosine", "plain cosine", "news cosine"):
        top = sorted(free, key=lambda r: -r[key])[:100]
        print(f"  {key:>12}: AUC {auc(rows, key):.3f} all, {auc(band, key):.3f} in 0.20-0.30; "
              f"listed facts among the 100 highest ungrouped pairs: {sum(r['fact'] for r in top)}")


def run(labels: dict[str, Any], stories: Sequence[Path], each: Callable[[str, Any, list[list[str]], dict[str, Any]], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """``each`` on every story of ``stories`` that ``labels`` lists facts for; a reading file's
    ``fact_texts`` carry its facts over to this run's sentence ids (``reading.py count`` does so)."""
    from reading import carried_facts

    from reports.jsonout import render_json

    facts = labels.get("facts") or labels.get("missed") or {}
    texts = labels.get("fact_texts", {})
    out: list[dict[str, Any]] = []
    seen = SEEN
    for path in stories:
        story = path.stem if path.is_file() else path.name
        if story in facts:
            seen.clear()
            result = compare([str(path)])
            seen["path"] = path
            listed = facts[story] if story not in texts else carried_facts(json.loads(render_json(result)), facts[story], texts[story])[0]
            out.extend(each(story, result, listed, seen))
    return out


REFUSED: dict[tuple[int, int], str] = {}
"""For the pairs of :func:`refusing_rules`'s ``pairs``: the grouping rule that last refused to merge
the groups of its two sentences (``compare.grouping._Members.merge``)."""


def refusing_rules(pairs: set[tuple[int, int]]) -> None:
    """Wrap the grouping's merge so that, for each of ``pairs`` (sentence indexes), the rule that
    refused to merge its two sentences' groups is kept in :data:`REFUSED`: two statements of one
    article (``one fact``), a claim kept apart (``apart``), a copy, two groups' low mean across
    (``merge_mean``), two members far apart (``chain_floor``), or a member's mean score (``member
    mean``, ``weak`` for a weak link).  A pair never refused was never tried (a group full)."""
    import compare.grouping as grouping

    merge = getattr(grouping._Members.merge, "__wrapped__", grouping._Members.merge)

    def wrapped(self: Any, other: Any, ids: Any, article_of: Any, allowed: Any, similarity: Any, threshold: float,
                thresholds: Any, lead: Any = (), weak: bool = False, remarks: Any = None, chain: Any = None) -> Any:
        out = merge(self, other, ids, article_of, allowed, similarity, threshold, thresholds, lead, weak, remarks, chain)
        a, b = set(self.members()), set(other.members())
        for i, j in pairs:
            if out is None and ((i in a and j in b) or (i in b and j in a)):
                REFUSED[(i, j)] = _rule(grouping, self, other, ids, article_of, allowed, similarity, thresholds, lead, weak, remarks, chain or grouping.Chain())
        return out

    wrapped.__wrapped__ = merge  # type: ignore[attr-defined]
    grouping._Members.merge = wrapped  # type: ignore[method-assign]


def _rule(g: Any, first: Any, second: Any, ids: Any, article_of: Any, allowed: Any, similarity: Any, t: Any, lead: Any, weak: bool, remarks: Any, chain: Any) -> str:
    """Which check of ``_Members.merge`` refused (the first that does, in its order)."""
    if g._one_fact(first, second, ids, similarity, t, lead, remarks, chain) is None:
        return "one fact: two statements of one article"
    if chain.apart and g._denied(first, second, chain.apart):
        return "apart: a claim and its denial, an earlier case, a check"
    if g._copied_apart(first, second, ids, allowed, similarity, t, lead):
        return "copied apart"
    if t.merge_mean and g._apart(first, second, ids, allowed, similarity, t.merge_mean, t.merge_ratio, t.merge_most):
        return "merge_mean"
    if t.chain_floor and g._chained(first, second, ids, article_of, allowed, similarity, t, lead, chain):
        return "chain_floor"
    return "member mean" + (" (weak link)" if weak else "")


def grouping_refusals(story: str, result: Any, facts: list[list[str]], seen: dict[str, Any]) -> list[dict[str, Any]]:
    """For each missed fact of class ``link, not grouped``: each linked pair and the grouping rule that
    refused it (the story aligned again with :func:`refusing_rules` on those pairs)."""
    rows = [e for e in missed(story, result, facts, seen) if e["class"] == "link, not grouped"]
    index = {s.id: n for n, s in enumerate(seen["alignment"].sentences)}
    pairs = {tuple(sorted((index[r["pair"][0]], index[r["pair"][1]]))): r for e in rows for r in e["pairs"] if r["link"]}
    REFUSED.clear()
    refusing_rules(set(pairs))  # type: ignore[arg-type]
    compare([str(seen["path"])])
    for key, r in pairs.items():
        r["grouping"] = REFUSED.get(key, "never tried")  # type: ignore[call-overload]
    return rows


SEEN = capture()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("stories", type=Path, nargs="+")
    parser.add_argument("--json", type=Path, help="write the missed facts here")
    parser.add_argument("--signals", action="store_true", help="also how well each score tells fact pairs apart")
    parser.add_argument("--grouping", action="store_true", help="also which grouping rule refused each linked pair of a missed fact")
    args = parser.parse_args(argv)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    found = run(labels, args.stories, missed)
    for entry in found:
        print(f"\n{entry['story']} {' '.join(entry['fact'])}: {entry['class']}")
        for r in entry["pairs"]:
            print(f"  {r['pair'][0]:>8} {r['pair'][1]:>8} score {r['score']:.3f} lexical {r['lexical']:.3f} cosine {r['cosine']:.3f}"
                  f" part {r['part']:.3f} (cosine {r['part_cosine']:.3f}) link {'yes' if r['link'] else 'no'}"
                  f" groups {r['groups'][0] or '-'} {r['groups'][1] or '-'} {r['refused']} {r['part_text'][:80]!r}")
    print("\n" + "\n".join(f"{n:3} {name}" for name, n in Counter(e["class"] for e in found).most_common()))
    if args.json:
        args.json.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.signals:
        print_signals(run(labels, args.stories, signals))
    if args.grouping:
        rules = Counter[str]()
        for entry in run(labels, args.stories, grouping_refusals):
            for r in entry["pairs"]:
                if "grouping" in r:
                    print(f"{entry['story']} {r['pair'][0]} {r['pair'][1]} score {r['score']:.3f}: {r['grouping']}")
                    rules[r["grouping"]] += 1
        print("\n" + "\n".join(f"{n:3} {name}" for name, n in rules.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
