"""A non-editable install (the wheel) carries the templates and the example story."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers import load_script

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
    assert "compare/data/tone-model.bin" in names  # the tone model (compare/analyze/framing/tone_file.py)
    assert "compare/data/places.tsv" in names  # which place lies in which (compare/analyze/event_places.py)
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


def _min_constraints() -> Any:
    return load_script("min_constraints", ROOT / ".ci" / "min_constraints.py")


def test_min_constraints_pin_every_runtime_floor() -> None:
    """`make min-versions` installs exactly the floors pyproject.toml declares: each ">=" becomes "==",
    extras and markers are dropped, and a dependency without a floor is left free."""
    module = _min_constraints()
    assert module.floors(["nltk>=3.10.2", "weasyprint[extra] >= 68 ; python_version>='3.11'", "ftfy", "numpy<3,>=1.24"]) == [
        "nltk==3.10.2", "weasyprint==68", "numpy==1.24",
    ]
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = {line.split("==")[0].lower() for line in module.floors(declared)}
    for name in ("nltk", "jinja2", "weasyprint", "trafilatura", "numpy", "tokenizers", "safetensors"):
        assert name in pinned, (name, declared)


def test_ci_runs_the_tests_at_the_newest_and_the_lowest_versions() -> None:
    """CI (.ci/run) runs the suite twice: as `make test` resolves it, then at every floor."""
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith("#")]
    assert commands.index("make test") < commands.index("make min-versions")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nmin-versions:" in makefile and "-m pytest" in makefile.split("\nmin-versions:")[1].split("\n\n")[0]
