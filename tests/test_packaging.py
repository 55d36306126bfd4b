"""A non-editable install (the wheel) carries the templates and the example story."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_renders_reports_outside_the_checkout(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling (a dev dependency) builds the wheel offline")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("storycompare-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "reports/templates/report.html.j2" in names
    assert "compare/examples/nato-russia-2010/rferl.txt" in names
    assert "compare/data/lexicon.json" in names
    assert "storycompare/cli.py" in names
    _check_metadata(zipfile.ZipFile(wheel), names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "STORYCOMPARE_NO_CACHE": "1"}
    result = subprocess.run(
        [sys.executable, "-c",
         "import compare, reports, sys; assert compare.__file__.startswith(sys.argv[1]), compare.__file__; "
         "from storycompare.cli import main; sys.exit(main(['demo', '--no-pdf', '--out', 'o']))", str(site)],
        cwd=work, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (work / "o" / "nato-russia-2010.html").stat().st_size > 10_000


def _check_metadata(wheel: zipfile.ZipFile, names: list[str]) -> None:
    """Issue 16, packaging: the licence (with each shipped data file's), py.typed, classifiers, URLs."""
    for package in ("compare", "reports", "storycompare"):
        assert f"{package}/py.typed" in names, package
    licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
    text = wheel.read(licence).decode()
    assert text.startswith("MIT License")
    shipped_data = [n for n in names if n.startswith(("compare/data/", "compare/schema/"))]
    assert shipped_data
    for name in shipped_data:  # every data file the wheel ships has its licence stated
        assert name.removeprefix("compare/").split("/")[0] in text, name
        assert name.rsplit("/", 1)[1] in text or "*.schema.json" in text, name
    assert "CC BY-SA 4.0" in text and "examples/nato-russia-2010" in text
    metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
    assert "Project-URL: Source, https://" in metadata
    assert "Project-URL: Issues, https://" in metadata
