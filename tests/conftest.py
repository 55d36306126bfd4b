from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-2010"


@pytest.fixture(scope="session")
def example_files() -> list[str]:
    return sorted(str(p) for p in EXAMPLE.glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "nato-russia-2010.gold.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def example(example_files: list[str]) -> Any:
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    return compare(example_files, labels=EXAMPLE_LABELS)
