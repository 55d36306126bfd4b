"""Pipes: ``-`` reads one article (or JSONL) from standard input; ``--json -``, ``--html -`` and
``--pdf -`` write to standard output; ``--quiet`` prints nothing but errors and warnings."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storycompare.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_dash_reads_one_article_from_stdin(
    tmp_path: Path, example_files: list[str], monkeypatch: pytest.MonkeyPatch, capsysbinary: Any
) -> None:
    rt = next(f for f in example_files if f.endswith("rt.txt"))
    _stdin(monkeypatch, Path(rt).read_bytes())
    others = [f for f in example_files if not f.endswith("rt.txt")][:2]
    assert main(["compare", "-", *others, "--json", "-", "--quiet"]) == 0
    out, err = capsysbinary.readouterr()
    data = json.loads(out)
    first = data["articles"][0]
    assert first["id"] == "stdin" and first["source"] == "-"
    assert first["text"].startswith(Path(rt).read_text("utf-8").strip()[:40])
    assert err == b""


def test_dash_reads_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch, capsysbinary: Any, example_files: list[str]) -> None:
    lines = [json.dumps({"id": Path(f).stem, "text": Path(f).read_text("utf-8")}) for f in example_files[:3]]
    _stdin(monkeypatch, ("\n".join(lines) + "\n").encode("utf-8"))
    assert main(["compare", "-", "--json", "-"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert [a["id"] for a in data["articles"]] == [Path(f).stem for f in example_files[:3]]


def test_dash_reads_a_json_array_and_html(monkeypatch: pytest.MonkeyPatch, capsysbinary: Any) -> None:
    records = [
        {"id": "a", "text": "The minister resigned on Monday after a long dispute over the budget."},
        {"id": "b", "text": "The minister resigned on Tuesday after a long dispute over the budget."},
    ]
    _stdin(monkeypatch, json.dumps(records).encode("utf-8"))
    assert main(["compare", "-", "--html", "-"]) == 0
    page = capsysbinary.readouterr().out.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "resigned" in page


def test_empty_stdin_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: Any, example_files: list[str]) -> None:
    _stdin(monkeypatch, b"")
    assert main(["compare", "-", example_files[0]]) == 2
    assert capsys.readouterr().err == "storycompare: error: -: empty file\n"


def test_closed_standard_input_and_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any, example_files: list[str]
) -> None:
    """A command started with standard input or output closed (``<&-``, ``>&-``: Python then has
    ``sys.stdin`` / ``sys.stdout`` None) stopped with an internal error (AttributeError, exit 1),
    even after writing the report it was asked for."""
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["compare", "-", *example_files[:2], "--lexical", "--json", str(tmp_path / "r.json")]) == 2
    assert capsys.readouterr().err == "storycompare: error: -: standard input is closed\n"
    assert not (tmp_path / "r.json").exists()
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["compare", *example_files[:2], "--lexical", "--json", "-"]) == 2
    assert capsys.readouterr().err == "storycompare: error: --json -: standard output is closed; give a file\n"
    assert main(["compare", *example_files[:2], "--lexical", "--html", str(tmp_path / "r.html")]) == 0
    assert capsys.readouterr().err == "" and (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_two_outputs_on_stdout_are_refused(capsys: Any, example_files: list[str]) -> None:
    assert main(["compare", *example_files[:2], "--json", "-", "--html", "-"]) == 2
    assert "--html and --json both write to standard output" in capsys.readouterr().err


def test_dash_twice_is_refused(capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"The minister resigned on Monday after a long dispute over the budget.")
    assert main(["compare", "-", "-"]) == 2
    assert capsys.readouterr().err == "storycompare: error: - is given twice\n"


def test_quiet_prints_nothing(tmp_path: Path, example_files: list[str], capsys: Any) -> None:
    assert main(["compare", *example_files[:2], "--html", str(tmp_path / "r.html"), "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert (tmp_path / "r.html").is_file()
    assert main(["compare", *example_files[:2], "--html", str(tmp_path / "r.html")]) == 0
    assert "HTML" in capsys.readouterr().out


def test_demo_quiet(tmp_path: Path, capsys: Any) -> None:
    assert main(["demo", "--out", str(tmp_path), "--no-pdf", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_real_pipe(tmp_path: Path, example_files: list[str]) -> None:
    text = Path(example_files[0]).read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "storycompare", "compare", "-", example_files[1], "--json", "-"],
        input=text, capture_output=True, check=False, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert json.loads(done.stdout)["schema"] == "storycompare/1"


def test_readme_says_how_to_run_the_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "source .venv/bin/activate" in readme or ".venv/bin/storycompare" in readme
    assert "storycompare compare - " in readme and "--json -" in readme


def test_a_listing_the_terminal_cannot_encode_is_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_files: list[str]
) -> None:
    """Standard output in ASCII (PYTHONIOENCODING=ascii, a Windows console in cp1252 for other
    scripts): "JSON résumé.json" stopped the run with an internal error (UnicodeEncodeError, exit 1)
    after the report was written."""
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="ascii"))
    target = tmp_path / "résumé.json"
    assert main(["compare", *example_files[:2], "--lexical", "--json", str(target)]) == 0
    sys.stdout.flush()
    assert out.getvalue().decode("ascii") == f"JSON {str(target).replace('é', chr(92) + 'xe9')}\n"
    assert target.is_file()
