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


@pytest.fixture(scope="session")
def semantic_example(example_files: list[str]) -> Any:
    """The example story compared in the semantic mode; skips without the semantic extra."""
    from dataclasses import replace

    from compare import Settings, compare, semantic
    from storycompare.cli import EXAMPLE_LABELS

    if not semantic.available():
        pytest.skip("the semantic extra is not installed (pip install -e '.[semantic]'); make test installs only .[dev]")
    return compare(example_files, replace(Settings(), semantic=True), labels=EXAMPLE_LABELS)
