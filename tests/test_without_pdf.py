"""Without WeasyPrint's system libraries (usual on a fresh Windows or macOS machine) the PDF is
the only part missing: ``demo`` and ``compare`` still write HTML and JSON, ``--pdf`` stops with
one line that names what to install."""

from __future__ import annotations

import importlib.abc
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import reports
from storycompare.cli import main

ROOT = Path(__file__).resolve().parents[1]


class _NoPango(importlib.abc.MetaPathFinder):
    """Makes ``import weasyprint`` fail as it does where Pango cannot be loaded."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return None


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])


def test_demo_writes_html_and_json_and_one_warning(tmp_path: Path, no_pango: None, capsys: Any) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nato-russia-2010.html", "nato-russia-2010.json"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("storycompare: warning: no PDF written: PDF output is not available (OSError: ")
    assert "libpango" in err and "brew install pango" in err and "apt install" in err


def test_compare_pdf_stops_with_one_line_naming_what_to_install(
    tmp_path: Path, example_files: list[str], no_pango: None, capsys: Any
) -> None:
    args = ["compare", *example_files, "--pdf", str(tmp_path / "r.pdf"), "--json", str(tmp_path / "r.json")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("storycompare: error: PDF output is not available"), err
    assert "Pango" in err and "README" in err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_compare_without_pdf_needs_no_weasyprint(tmp_path: Path, example_files: list[str], no_pango: None) -> None:
    assert main(["compare", *example_files, "--html", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").stat().st_size > 0


def test_pdf_problem_names_the_cause(no_pango: None) -> None:
    problem = reports.pdf_problem()
    assert problem is not None and "libpango-1.0-0" in problem


def test_pdf_problem_is_none_where_weasyprint_loads() -> None:
    assert reports.pdf_problem() is None


def test_readme_names_the_system_libraries_for_each_system() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## PDF", 1)[1].split("\n## ", 1)[0]
    for needed in ("Linux", "macOS", "Windows", "libpango-1.0-0", "brew install pango", "MSYS2"):
        assert needed in section, needed


def _minimum(requirement: str) -> tuple[int, ...]:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    for line in text.splitlines():
        line = line.strip().strip(",").strip('"')
        if line.startswith(requirement + ">="):
            return tuple(int(part) for part in line.split(">=", 1)[1].split('"')[0].split("."))
    raise AssertionError(f"{requirement} has no minimum version in pyproject.toml")


def test_minimum_versions_are_those_the_code_needs() -> None:
    # trafilatura 1.x returns a dict from bare_extraction (every HTML file failed); WeasyPrint
    # before 68 lacks weasyprint.urls.URLFetcher (and 68 fixes CVE-2025-68616).
    assert _minimum("trafilatura") >= (2,)
    assert _minimum("weasyprint") >= (68,)


def test_no_private_attributes_of_other_libraries() -> None:
    load = (ROOT / "compare" / "load.py").read_text("utf-8")
    assert "HTML_PARSER" not in load and "trafilatura.utils" not in load


def test_json_records_the_library_versions(example_files: list[str]) -> None:
    from compare import compare

    generator = compare(example_files[:2]).to_dict()["generator"]
    libraries = generator["libraries"]
    assert libraries["nltk"] == importlib.metadata.version("nltk")
    assert libraries["trafilatura"] == importlib.metadata.version("trafilatura")
    assert "model" in libraries
    json.dumps(generator)
