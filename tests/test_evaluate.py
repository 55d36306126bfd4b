"""``benchmarks/evaluate.py --check`` (make eval): the gate itself, on figures that need no data
set: only the example story, which the repository carries, and a data folder that does not exist."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def evaluate() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import evaluate

    return evaluate


def run(evaluate: Any, tmp_path: Path, floors: dict[str, float]) -> int:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors), "utf-8")
    return int(evaluate.check(tmp_path / "no-data", path))


def test_the_floors_file_names_only_known_figures(evaluate: Any) -> None:
    floors = json.loads((ROOT / "benchmarks" / "floors.json").read_text("utf-8"))
    assert floors and set(floors) <= set(evaluate.FIGURES)
    assert {"example.links_aligned", "basil.story_ari", "differences.quote.precision"} <= set(floors)


def test_check_passes_fails_and_says_what_is_missing(
    evaluate: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(evaluate, tmp_path, {"example.not_links_apart": 1.0}) == 0
    assert "ok     example.not_links_apart  1.0000  (floor 1.0000)" in capsys.readouterr().out
    assert run(evaluate, tmp_path, {"example.not_links_apart": 1.01}) == 1
    assert "BELOW  example.not_links_apart" in capsys.readouterr().out
    assert run(evaluate, tmp_path, {"example.not_links_apart": 1.0, "basil.story_ari": 0.9}) == 2
    out = capsys.readouterr().out
    assert f"missing data: basil.story_ari needs {tmp_path / 'no-data' / 'basil-dev' / 'articles.jsonl'}" in out
    assert "the data is missing" in out
    assert run(evaluate, tmp_path, {"no.such.figure": 0.5}) == 2
    assert "does not measure: no.such.figure" in capsys.readouterr().out
