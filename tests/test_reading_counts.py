"""Blind readings' counts (benchmarks/reading.py) on small made-up renders: no data set is read."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reading() -> Any:
    sys.path.insert(0, str(ROOT))
    return importlib.import_module("benchmarks.reading")


def render(texts: dict[str, list[str]], groups: list[list[str]]) -> dict[str, Any]:
    """A result as ``storycompare compare --json`` writes it, reduced to what the counts read."""
    articles = [
        {"id": a, "sentences": [{"id": f"{a}:{n}", "text": t} for n, t in enumerate(lines)]} for a, lines in texts.items()
    ]
    grouped = {m for g in groups for m in g}
    unique = {a: [f"{a}:{n}" for n in range(len(lines)) if f"{a}:{n}" not in grouped] for a, lines in texts.items()}
    return {"articles": articles, "groups": [{"id": f"g{n}", "members": g, "kind": "agree", "differences": []} for n, g in enumerate(groups)],
            "unique": unique, "stances": []}


FOX = ["WASHINGTON, Dec. 2 (Reuters) -", "The Senate passed the bill on Tuesday.", "It now goes to the House."]
NYT = ["Senators approved the measure on Tuesday.", "The House votes next week."]


def test_facts_are_carried_over_by_their_sentences_texts(
    reading: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Facts listed at a render whose fox:0 was a date line: a later clean-up drops that line and
    every fox id after it shifts by one (reading 17 counted 23 of 68 facts linked by id, 38 by text)."""
    facts = {"s": [["fox:1", "nyt:0"], ["fox:2", "nyt:1"]]}
    listed = tmp_path / "listed"
    listed.mkdir()
    (listed / "s.json").write_text(json.dumps(render({"fox": FOX, "nyt": NYT}, [])), encoding="utf-8")
    label = tmp_path / "reading.json"
    label.write_text(json.dumps({"about": "x", "facts": facts, "verdicts": {}}, indent=1), encoding="utf-8")
    reading.store_fact_texts(label, listed)
    stored = json.loads(label.read_text(encoding="utf-8"))
    assert list(stored) == ["about", "facts", "fact_texts", "verdicts"]
    assert stored["fact_texts"]["s"] == [[FOX[1], NYT[0]], [FOX[2], NYT[1]]]

    now = tmp_path / "now"
    now.mkdir()  # the date line gone: fox:0 is the Senate sentence, grouped with nyt:0
    (now / "s.json").write_text(json.dumps(render({"fox": FOX[1:], "nyt": NYT}, [["fox:0", "nyt:0"]])), encoding="utf-8")
    capsys.readouterr()
    reading.count(now, label, None)
    out = capsys.readouterr().out.splitlines()
    assert "facts linked: 1 of 2 (50.0%); unmatched sentences in a listed fact: 2 of 2" in out
    assert "facts carried over by their sentences' texts; fact sentences found nowhere: 0" in out
    # by id alone (no fact_texts) fox:1 is now the House sentence: nothing linked
    del stored["fact_texts"]
    label.write_text(json.dumps(stored), encoding="utf-8")
    reading.count(now, label, None)
    assert "facts linked: 0 of 2 (0.0%); unmatched sentences in a listed fact: 2 of 2" in capsys.readouterr().out.splitlines()


def test_a_fact_sentence_cut_since_maps_to_its_pieces(reading: Any) -> None:
    result = render({"fox": ["The Senate passed the bill on Tuesday", "after a long debate."], "nyt": NYT}, [])
    texts = [["The Senate passed the bill on Tuesday after a long debate.", NYT[0]]]
    assert reading.carried_facts(result, [["fox:3", "nyt:0"]], texts) == ([["fox:0", "fox:1", "nyt:0"]], 0)
    assert reading.carried_facts(result, [["fox:3", "nyt:0"]], [["Gone.", NYT[0]]]) == ([["nyt:0"]], 1)
