"""Notebooks and tables: a short repr, ``_repr_html_`` in a sandboxed iframe, ``to_frames()``,
``--csv DIR``, ``compare(texts=[...])`` and the published JSON Schemas."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from compare import compare
from compare.errors import UsageError
from compare.tables import TABLES, tables
from storycompare.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "compare" / "schema"

TEXTS = [
    "The minister resigned on Monday after a dispute over the budget. Her deputy takes over.",
    "The minister resigned on Tuesday after a long dispute over the budget. Parliament meets today.",
]


def test_repr_is_short(example: Any) -> None:
    text = repr(example)
    assert len(text) < 200, text
    assert text.startswith("<Comparison ") and "5 articles" in text and "groups" in text


def test_repr_html_is_the_report_in_a_sandboxed_iframe(example: Any) -> None:
    page = example._repr_html_()
    match = re.fullmatch(r'<iframe sandbox="allow-scripts" [^>]*srcdoc="([^"]*)"[^>]*></iframe>', page)
    assert match, page[:300]
    inner = html.unescape(match.group(1))
    assert inner.startswith("<!DOCTYPE html>") and "NATO" in inner
    # the report's own CSS and markup stay inside the frame
    assert "<style" not in page and "<script" not in page


def test_tables_hold_what_the_json_holds(example: Any) -> None:
    found = tables(example)
    assert tuple(found) == TABLES
    data = example.to_dict()
    assert len(found["sentences"].rows) == sum(len(a["sentences"]) for a in data["articles"])
    assert len(found["groups"].rows) == len(data["groups"])
    assert len(found["coverage"].rows) == 5
    assert len(found["differences"].rows) == sum(
        len(d["values"]) for g in data["groups"] for d in g["differences"]
    )
    assert len(found["stances"].rows) == len(data["stances"])
    assert {row[0] for row in found["coverage"].rows} == {a["id"] for a in data["articles"]}


def test_csv_folder(tmp_path: Path, example_files: list[str], capsys: Any) -> None:
    out = tmp_path / "tables"
    assert main(["compare", *example_files, "--csv", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    assert f"CSV  {out}" in capsys.readouterr().out
    with (out / "groups.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {row["kind"] for row in rows} <= {"agree", "partial", "diverge"}
    with (out / "differences.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert any(row["type"] == "quote" for row in csv.DictReader(handle))
    assert not list(tmp_path.glob("out"))  # --csv alone writes no HTML


def test_csv_cells_cannot_be_formulas() -> None:
    from compare.tables import Table
    from reports.csv import table_csv

    data = table_csv(Table(("text",), (("=HYPERLINK(\"http://evil\")",), ("-1",), ("plain",))))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["text"], ["'=HYPERLINK(\"http://evil\")"], ["'-1"], ["plain"]]


def test_to_frames(example: Any) -> None:
    pandas = pytest.importorskip("pandas")
    frames = example.to_frames()
    assert list(frames) == list(TABLES)
    assert all(isinstance(frame, pandas.DataFrame) for frame in frames.values())
    groups = frames["groups"]
    assert list(groups.columns)[:3] == ["group", "kind", "score"]
    assert len(groups) == len(example.groups)


def test_compare_texts() -> None:
    result = compare(texts=TEXTS)
    assert [a.id for a in result.articles] == ["text-1", "text-2"]
    assert result.articles[0].text == TEXTS[0]
    assert any(g.kind != "agree" or len(g.members) == 2 for g in result.groups)


def test_a_string_is_not_taken_for_a_list_of_paths() -> None:
    with pytest.raises(UsageError, match="texts="):
        compare(TEXTS[0])  # type: ignore[arg-type]


def _validator(name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_json_schema_accepts_the_example(example: Any) -> None:
    validator = _validator("storycompare-1.schema.json")
    data = json.loads(json.dumps(example.to_dict()))
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []
    data["groups"][0]["kind"] = "maybe"
    del data["articles"][0]["sha256"]
    assert len(list(validator.iter_errors(data))) == 2


def test_batch_json_schema(tmp_path: Path, example_files: list[str]) -> None:
    validator = _validator("storycompare-batch-1.schema.json")
    assert main(["batch", *example_files, "--out", str(tmp_path / "b")]) == 0
    data = json.loads((tmp_path / "b" / "stories.json").read_text("utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []
    data["schema"] = "storycompare-batch/2"
    assert list(validator.iter_errors(data))
