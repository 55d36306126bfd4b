"""Nothing lost: no output replaces an input (a file named, a file a folder holds, the
articles batch reads), and the outputs of a run are replaced together or not at all."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from test_bad_input import A, B, C, snapshot, write

import reports
from compare.errors import OutputError
from reports import files
from storycompare.cli import main

E = "storycompare: error: "


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "story"
    write(folder / "rferl.txt", A)
    write(folder / "rt.txt", B)
    write(folder / "notes.md", "my own notes, not an article")
    return folder


@pytest.mark.parametrize("option", ["--html", "--json", "--pdf"])
@pytest.mark.parametrize("name", ["rferl.txt", "notes.md"])
def test_a_file_in_an_input_folder_is_never_replaced(
    story: Path, option: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(story.parent)
    assert main(["compare", "story/", option, f"story/{name}"]) == 2
    err = capsys.readouterr().err
    assert err == f"{E}story/{name}: is a file in an input folder; writing the report there would replace it\n"
    assert snapshot(story.parent) == before


def test_a_report_of_an_earlier_run_in_the_input_folder_may_be_replaced(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "story", "--json", "story/result.json"]) == 0
    first = json.loads((story / "result.json").read_text("utf-8"))
    assert main(["compare", "story", "--json", "story/result.json"]) == 0  # not read as an article
    assert json.loads((story / "result.json").read_text("utf-8")) == first
    assert [a["id"] for a in first["articles"]] == ["rferl", "rt"]
    capsys.readouterr()


def test_the_input_folder_through_a_symbolic_link(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (story.parent / "link").symlink_to(story)
    before = snapshot(story)
    assert main(["compare", "link", "--html", "story/rt.txt"]) == 2
    assert "is a file in an input folder" in capsys.readouterr().err
    assert snapshot(story) == before


@pytest.mark.parametrize("out", ["d", "d/", "d/stories"])
def test_batch_never_writes_into_a_folder_holding_its_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d" / "a.txt", A)
    write(tmp_path / "d" / "b.txt", B)
    write(tmp_path / "d" / "index.html", "<html><body><p>" + C + "</p></body></html>")
    write(tmp_path / "d" / "stories" / "stories.json", json.dumps([{"id": "x", "text": C}]))
    inputs = ["d/stories/stories.json"] if out == "d/stories" else ["d"]
    before = snapshot(tmp_path)
    assert main(["batch", *inputs, "--out", out]) == 2
    err = capsys.readouterr().err
    expected = (
        f"{E}--out {out}: holds the input d/stories/stories.json; use a new folder for the reports\n"
        if out == "d/stories"
        else f"{E}--out {out}: is an input folder; use a new folder for the reports\n"
    )
    assert err == expected
    assert snapshot(tmp_path) == before


def test_batch_refuses_an_out_folder_holding_an_input_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d" / "export.jsonl", "\n".join(json.dumps({"text": t}) for t in (A, B)))
    before = snapshot(tmp_path)
    assert main(["batch", "d/export.jsonl", "--out", "d"]) == 2
    assert capsys.readouterr().err == f"{E}--out d: holds the input d/export.jsonl; use a new folder for the reports\n"
    assert snapshot(tmp_path) == before


def test_batch_into_a_fresh_folder_inside_the_input_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d" / "a.txt", A)
    write(tmp_path / "d" / "b.txt", B)
    assert main(["batch", "d", "--out", "d/out"]) == 0
    assert (tmp_path / "d" / "out" / "index.html").is_file()
    capsys.readouterr()


# --------------------------------------------------------------------------- all or nothing

KINDS = ("json", "html", "pdf")


def file_snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    return {name: state for name, state in snapshot(folder).items() if state[0] is not None}


@pytest.mark.parametrize("failing", range(len(KINDS)))
def test_a_full_disk_at_any_output_replaces_none(
    failing: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The n-th file written finds the disk full: every old report stays, no temporary file
    is left, and one line says why."""
    monkeypatch.chdir(tmp_path)
    inputs = [write(tmp_path / "a.txt", A), write(tmp_path / "b.txt", B)]
    for kind in KINDS:
        write(tmp_path / "out" / f"r.{kind}", f"old {kind}")
    before = file_snapshot(tmp_path)
    real_write = os.write
    staged: list[str] = []

    def full_disk(fd: int, data: bytes) -> int:
        name = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists(f"/proc/self/fd/{fd}") else ""
        if "/out/.r." in name:
            staged.append(name)
            if len(staged) == failing + 1:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    options = [part for kind in KINDS for part in (f"--{kind}", f"out/r.{kind}")]
    assert main(["compare", *inputs, *options]) == 2
    captured = capsys.readouterr()
    assert len(staged) == failing + 1
    assert captured.out == ""
    assert captured.err.startswith(E) and captured.err.count("\n") == 1
    assert captured.err.endswith(": no space left on device\n")
    assert file_snapshot(tmp_path) == before  # the folder's own time changes: a file came and went


def test_outputs_are_renamed_only_when_all_are_written(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).write_bytes(b"old")
    with pytest.raises(RuntimeError), reports.OutputSet() as outputs:
        outputs.add(tmp_path / "a", b"new a")
        outputs.add(tmp_path / "b", b"new b")
        assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["a", "b"]
        assert (tmp_path / "a").read_bytes() == b"old"
        raise RuntimeError("a renderer failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]
    assert (tmp_path / "a").read_bytes() == b"old"
    with reports.OutputSet() as outputs:
        outputs.add(tmp_path / "a", b"new a")
        outputs.add(tmp_path / "new" / "c", b"new c")
        outputs.add(tmp_path / "a", b"newer a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "new"]
    assert (tmp_path / "a").read_bytes() == b"newer a"
    assert (tmp_path / "new" / "c").read_bytes() == b"new c"


def test_a_target_that_became_a_directory_is_refused_before_any_rename(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"old")
    with pytest.raises(OutputError, match="is a directory"), reports.OutputSet() as outputs:
        outputs.add(tmp_path / "a", b"new a")
        outputs.add(tmp_path / "b", b"new b")
        (tmp_path / "b").mkdir()
    assert (tmp_path / "a").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_input_files_lists_a_folder_and_files(tmp_path: Path) -> None:
    write_abs = tmp_path / "f" / ".hidden"
    write_abs.parent.mkdir()
    write_abs.write_text("x")
    (tmp_path / "g.txt").write_text("y")
    assert sorted(p.name for p in files.input_files([str(tmp_path / "f"), str(tmp_path / "g.txt"), ""])) == [
        ".hidden",
        "g.txt",
    ]


@pytest.mark.parametrize("failing", [0, 1, -1])
def test_a_full_disk_in_batch_replaces_no_report_of_the_earlier_run(
    failing: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first, second or last file of a batch run finds the disk full: the earlier run's
    index, stories.json and story reports all stay as they were."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d" / "a.txt", A)
    write(tmp_path / "d" / "b.txt", B)
    write(tmp_path / "d" / "c.txt", C)
    assert main(["batch", "d", "--out", "out"]) == 0
    first = file_snapshot(tmp_path / "out")
    assert "index.html" in first and any(name.startswith("stories/") for name in first)
    written = len(first)
    for name in first:  # so that a replaced file would show, even with the same bytes
        with open(tmp_path / "out" / name, "ab") as handle:
            handle.write(b" ")
    before = file_snapshot(tmp_path / "out")
    capsys.readouterr()
    real_write = os.write
    staged: list[str] = []
    at = failing % written

    def full_disk(fd: int, data: bytes) -> int:
        name = os.readlink(f"/proc/self/fd/{fd}")
        if "/out/" in name and name.endswith(".tmp"):
            staged.append(name)
            if len(staged) == at + 1:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    assert main(["batch", "d", "--out", "out"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(E) and captured.err.endswith(": no space left on device\n")
    assert captured.err.count("\n") == 1
    assert file_snapshot(tmp_path / "out") == before
