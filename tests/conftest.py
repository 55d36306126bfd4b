from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Embeddings computed by the tests (and the CLI processes they start) are cached in one
# temporary folder for the run, never in the user's ~/.cache.
# The folder is removed when the run ends.
if "STORYCOMPARE_CACHE" not in os.environ:
    os.environ["STORYCOMPARE_CACHE"] = tempfile.mkdtemp(prefix="storycompare-test-cache-")
    atexit.register(shutil.rmtree, os.environ["STORYCOMPARE_CACHE"], ignore_errors=True)

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
def lexical_example(example_files: list[str]) -> Any:
    """The example story compared with words only (``--lexical``)."""
    from dataclasses import replace

    from compare import Settings, compare
    from storycompare.cli import EXAMPLE_LABELS

    return compare(example_files, replace(Settings(), semantic=False), labels=EXAMPLE_LABELS)
