"""How an article's sentences make its portrayal of an actor: ways of counting them, measured on BASIL.

    .venv/bin/python benchmarks/framing_aggregate.py [--data ../shared/data]

Reads BASIL 2010-2012 (``../shared/data/basil-framing-dev``; entities matched to actors as
``benchmarks/framing_eval.py`` does) once: every sentence credited to an annotated entity in each
article, with its tone at three neutral priors, where it stands, whose words it is, whether the
actor is its clause's subject (before the verb), how many main actors it names, and whether it
names the actor or calls it "he"/"she".  Then, in seconds, each variant of the shipped rule
(:func:`compare.analyze.framing.scoring._tone`, sentences weighted) with its own weight chosen,
like the tone settings, by the cross-validation by story of ``framing_eval.cross_validate_tone``:
the in-sample best macro-F1 and the cross-validated one.  Session 21's figures are in the README
(framing, "Session 21").  Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.framing_eval import (  # noqa: E402
    SHARES,
    TONE_TO_GOLD,
    _actor_words,
    cross_validate_tone,
    macro_f1,
    matches,
    person_matches,
)

PRIORS = (0.5, 1.0, 1.5)
NETS = (2, 3, 4, 5, 6, 7, 8, 9, 10)
WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)


@dataclass(frozen=True)
class Line:
    """One credited sentence's tone toward the actor, and what may weigh it."""

    tone: Any  # the SentenceTone the framing scored
    subject: bool  # the actor stands before its clause's verb
    actors: int  # main actors the sentence names or refers to
    lead: int  # the sentence's index in the article


@dataclass(frozen=True)
class Portrayal:
    story: str
    gold: str
    named: bool
    lines: dict[float, tuple[Line, ...]]  # neutral prior -> the credited sentences


def read(folder: Path) -> list[Portrayal]:
    """Every annotated (entity, article) of BASIL dev with its credited sentences at each prior."""
    import compare.analyze.framing as framing
    from benchmarks.framing_errors import _keeping_tallies
    from compare import compare
    from compare.analyze.framing.reported import NO_VERB
    from compare.lexicon import load_lexicon

    subject: dict[tuple[str, int], bool] = {}
    original = framing._tone_requests

    def requests(article: str, sents: Any, refs: Any, main: Any, people: Any) -> Any:
        out = original(article, sents, refs, main, people)
        by_id = {s.sentence.id: s for s in sents}
        for r in out:
            sent = by_id[r.sentence]
            first = next(k for k, t in enumerate(sent.toks) if t.start >= r.start)
            subject[(r.sentence, r.start)] = any(
                first in c.tokens and (c.verb == NO_VERB or first < c.verb) for c in sent.clauses
            )
        return out

    rows = json.loads((folder / "gold_entity_framing_by_outlet.json").read_text("utf-8"))
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["entity"] != "main event":
            by_story.setdefault(row["story"], []).append(row)
    lexicon = load_lexicon(None)
    out = []
    framing._tone_requests = requests  # type: ignore[assignment]  # benchmark-only instrumentation
    try:
        for story, entities in sorted(by_story.items()):
            records = [json.loads(p.read_text("utf-8")) for p in sorted((folder / "stories" / story).glob("*.json"))]
            for r in records:
                r.pop("sentences", None)
            result = compare(records)
            credited = framing.credit(result.articles, lexicon, result.settings)
            start = {(a, r.sentence): r.start for r in credited.requests for a in r.actors}
            named: dict[str, set[str]] = {}
            for r in credited.requests:
                named.setdefault(r.sentence, set()).update(r.actors)
            tallies: dict[float, dict[tuple[str, str], Any]] = {}
            for prior in PRIORS:
                with _keeping_tallies(tallies.setdefault(prior, {})):
                    framing.finish(credited, replace(result.settings, tone_neutral_prior=prior))
            words = _actor_words(result.stances)
            for row in entities:
                hit = next((a for a, w in words.items() if matches(row["entity"], w)), None) or next(
                    (a for a in words if person_matches(row["entity"], a)), None
                )
                for outlet in row["by_outlet"].values():
                    if outlet["author_sentiment"] not in ("pos", "neg", "neu"):
                        continue
                    lines = {}
                    for prior, kept in tallies.items():
                        tally = kept.get((hit, outlet["article_id"])) if hit else None
                        lines[prior] = tuple(
                            Line(
                                t,
                                subject.get((t.sentence, start.get((hit, t.sentence), -1)), True),
                                len(named.get(t.sentence, ())),
                                t.index,
                            )
                            for t in (tally.tones.values() if tally else ())
                        )
                    out.append(Portrayal(story, outlet["author_sentiment"], hit is not None, lines))
    finally:
        framing._tone_requests = original  # type: ignore[assignment]
    return out


Weigh = Callable[[Line, float], float]
VARIANTS: dict[str, Weigh] = {
    "shipped rule, every sentence 1": lambda x, w: 1.0,
    "'he'/'she' sentences count w": lambda x, w: w if x.tone.reference == "pronoun" else 1.0,
    "any reference ('the senator', 'they') counts w": lambda x, w: w if x.tone.reference else 1.0,
    "the first 3 sentences count w": lambda x, w: w if x.lead < 3 else 1.0,
    "sentences after the first 5 count w": lambda x, w: 1.0 if x.lead < 5 else w,
    "the actor not its clause's subject: w": lambda x, w: 1.0 if x.subject else w,
    "others' words (quotation, reported) count w": lambda x, w: w if x.tone.voice != "own" and not x.tone.speaker else 1.0,
    "sentences naming other main actors count 1/w": lambda x, w: 1.0 / w if x.actors > 1 and w else 1.0,
}


def label(lines: Sequence[Line], net_needed: float, share: float, weigh: Callable[[Line], float]) -> str:
    """The shipped rule (scoring._tone, with its cued, own-words and quoted-only checks) over
    weighted unfavourable sentences; the favourable share unweighted, as shipped."""
    from compare.analyze.framing.scoring import _tone

    tones = [x.tone for x in lines]
    unfavourable = sum(weigh(x) for x in lines if x.tone.tone == "unfavourable")
    favourable = sum(x.tone.tone == "favourable" for x in lines)
    if unfavourable - favourable >= net_needed:  # the rule's own checks on an unfavourable label
        return TONE_TO_GOLD[_tone([t for t in tones if t.tone != "favourable"], _settings(1, 0.0))[0]]
    said = TONE_TO_GOLD[_tone(tones, _settings(10**6, share))[0]]
    return said if said != "pos" or favourable > unfavourable else "neu"


@cache
def _settings(net: int, share: float) -> Any:
    from compare.settings import Settings

    return Settings(tone_unfavourable_net=net, tone_unfavourable_net_named=net, tone_favourable_share=share, tone_pronoun_weight=1.0)


def measure(portrayals: Sequence[Portrayal], weigh: Weigh) -> tuple[float, float, Any]:
    """(in-sample best macro-F1, cross-validated macro-F1, the best point) over the prior, the net,
    the favourable share and the variant's weight."""
    gold: dict[str, list[str]] = {}
    predicted: dict[tuple[float, ...], dict[str, list[str]]] = {}
    for p in portrayals:
        gold.setdefault(p.story, []).append(p.gold)
    for prior, net, share, w in product(PRIORS, NETS, SHARES, WEIGHTS):
        by_story = predicted.setdefault((prior, net, share, w), {})
        for p in portrayals:
            said = label(p.lines[prior], net, share, lambda x, w=w: weigh(x, w)) if p.named else "neu"
            by_story.setdefault(p.story, []).append(said)
    order = sorted(gold)
    every = [x for s in order for x in gold[s]]
    best = max(predicted, key=lambda pt: macro_f1(every, [x for s in order for x in predicted[pt][s]]))
    return macro_f1(every, [x for s in order for x in predicted[best][s]]), cross_validate_tone(gold, predicted)[0], best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    folder = args.data / "basil-framing-dev"
    if not (folder / "gold_entity_framing_by_outlet.json").is_file():
        print(f"{folder}: BASIL framing data not found", file=sys.stderr)
        return 2
    portrayals = read(folder)
    for name, weigh in VARIANTS.items():
        fitted, cv, best = measure(portrayals, weigh)
        print(f"{name:48} in-sample {fitted:.3f}  CV {cv:.3f}  best prior/net/share/weight {best}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
