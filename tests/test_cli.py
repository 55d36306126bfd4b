from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from storycompare.cli import _parser, main

ROOT = Path(__file__).resolve().parents[1]


def test_compare_writes_requested_outputs(tmp_path: Path, example_files: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    html, js = tmp_path / "r.html", tmp_path / "r.json"
    assert main(["compare", *example_files, "--html", str(html), "--json", str(js), "--label", "rt.txt=RT"]) == 0
    out = capsys.readouterr().out
    assert f"HTML {html}" in out and f"JSON {js}" in out
    data = json.loads(js.read_text("utf-8"))
    assert data["schema"] == "storycompare/1"
    assert {a["id"]: a["outlet"] for a in data["articles"]}["rt"] == "RT"
    assert "<html" in html.read_text("utf-8")


def test_default_output_is_html_under_out(tmp_path: Path, example_files: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["compare", *example_files]) == 0
    assert [p.suffix for p in (tmp_path / "out").iterdir()] == [".html"]


def test_pair_mode(tmp_path: Path, example_files: list[str]) -> None:
    js = tmp_path / "r.json"
    assert main(["compare", *example_files, "--pair", "rferl:bloomberg", "--pair", "moscow-times.txt:rferl",
                 "--json", str(js)]) == 0
    data = json.loads(js.read_text("utf-8"))
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [("rferl", "bloomberg"), ("moscow-times", "rferl")]
    assert sorted(a["id"] for a in data["articles"]) == ["bloomberg", "moscow-times", "rferl"]
    for group in data["groups"]:
        articles = {m.rsplit(":", 1)[0] for m in group["members"]}
        assert articles != {"bloomberg", "moscow-times"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "missing.txt", "other.txt"], "missing.txt: no such file or directory"),
        (["compare", "{a}"], "comparison needs at least two articles, got 1"),
        (["compare", "{a}", "{b}", "--pair", "a:nope"], "no input matches 'nope'"),
        (["compare", "{a}", "{b}", "--label", "oops"], "--label oops: expected FILE=OUTLET"),
        (
            ["compare", "{a}", "{b}", "--label", "{a}=One", "--label", "{a}=Two"],
            "--label {a}=Two: {a} is labelled twice",
        ),
        (["compare", "{a}", "{b}", "--lexicon", "{bad}"], "bad.json"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    a, b, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "bad.json"
    a.write_text("The minister resigned on Monday. Nobody knew why.", "utf-8")
    b.write_text("The minister quit on Monday, officials said.", "utf-8")
    bad.write_text("{not json", "utf-8")
    argv = [x.format(a=a, b=b, bad=bad) for x in args]
    os.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message.format(a=a) in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_file_of_several_records_names_none_of_them_in_a_pair(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``--pair feed.json:c`` with two records in feed.json compared its last record, silently."""
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([
        {"id": "a", "text": "The minister resigned on Monday. Nobody knew why."},
        {"id": "b", "text": "The minister quit on Monday, officials said."},
    ]), "utf-8")
    (tmp_path / "c.txt").write_text("The minister stepped down on Monday after protests.", "utf-8")
    os.chdir(tmp_path)
    assert main(["compare", "feed.json", "c.txt", "--pair", "feed.json:c", "--lexical", "--json", "r.json"]) == 2
    assert capsys.readouterr().err == (
        "storycompare: error: --pair feed.json:c: feed.json holds 2 articles; name one by its id (a, b)\n"
    )
    assert not (tmp_path / "r.json").exists()
    assert main(["compare", "feed.json", "c.txt", "--pair", "b:c.txt", "--lexical", "--json", "r.json"]) == 0
    assert [(p["a"], p["b"]) for p in json.loads((tmp_path / "r.json").read_text("utf-8"))["pairs"]] == [("b", "c")]

    feed.write_text(json.dumps([{"id": f"r{n}", "text": f"The minister resigned on Monday, report {n}."} for n in range(2_000)]), "utf-8")
    for pair, listed in (("feed.json:c", "feed.json holds 2,000 articles; name one by its id"), ("nope:c", "no input matches 'nope' (articles")):
        assert main(["compare", "feed.json", "c.txt", "--pair", pair, "--lexical", "--json", "r.json"]) == 2
        err = capsys.readouterr().err  # the first ten ids, then how many more: not a "line" of 2,000 ids
        assert listed in err and "r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, … 1,99" in err and len(err) < 300


def test_internal_error_is_exit_1(monkeypatch, capsys, example_files: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import compare.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(compare.pipeline, "align", boom)
    assert main(["compare", *example_files, "--json", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: kaputt" in err and "--debug" in err
    with pytest.raises(RuntimeError):
        main(["--debug", "compare", *example_files, "--json", str(tmp_path / "x.json")])


def _commands() -> dict[str, argparse.ArgumentParser]:
    """The parser and each sub-command's parser, by the command a user types."""
    parser = _parser()
    commands = {"storycompare": parser}
    for action in parser._actions:  # argparse keeps its sub-parsers here
        if isinstance(action, argparse._SubParsersAction):
            commands.update({f"storycompare {name}": sub for name, sub in action.choices.items()})
    return commands


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """The long options a user can see (not --help, not the hidden --debug after a sub-command)."""
    return [
        next(o for o in action.option_strings if o.startswith("--"))
        for action in parser._actions
        if action.option_strings and action.help != argparse.SUPPRESS and action.dest != "help"
    ]


OPTIONS = [(command, option) for command, parser in _commands().items() for option in _options(parser)]


def _readme_row(command: str) -> str:
    """The options cell of ``command``'s row in the README's options table."""
    for line in (ROOT / "README.md").read_text("utf-8").splitlines():
        cells = line.split("|")
        if len(cells) > 3:
            words = cells[1].strip().strip("`").split()
            typed = " ".join(word for word in words if word.isalpha() and word.islower())
            if typed == command:
                return cells[2]
    raise AssertionError(f"README.md has no row for {command} in its options table")


def test_every_command_and_option_is_found() -> None:
    assert {"storycompare compare", "storycompare demo", "storycompare batch"} <= set(_commands())
    assert ("storycompare compare", "--skip-bad") in OPTIONS and ("storycompare demo", "--no-pdf") in OPTIONS
    assert ("storycompare", "--version") in OPTIONS and ("storycompare batch", "--workers") in OPTIONS


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=[f"{c}-{o}".replace(" ", "-") for c, o in OPTIONS])
def test_help_and_readme_document_every_option(command: str, option: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command.split()[1:], "--help"])
    assert exit_info.value.code == 0
    assert option in capsys.readouterr().out
    assert f"`{option}" in _readme_row(command), f"README.md's options table lacks {option} of {command}"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_readme_lists_no_option_that_does_not_exist(command: str) -> None:
    import re

    listed = set(re.findall(r"`(--[a-z-]+)", _readme_row(command)))
    assert listed == set(_options(_commands()[command]))


def test_compare_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "examples:" in capsys.readouterr().out


def test_usage_error_exit_code(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["compare"])
    assert exit_info.value.code == 2


def test_demo_writes_three_files(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for ext in ("html", "pdf", "json"):
        path = tmp_path / f"nato-russia-2010.{ext}"
        assert path.stat().st_size > 1000
        assert str(path) in out
    assert (tmp_path / "nato-russia-2010.pdf").read_bytes().startswith(b"%PDF")


def test_inputs_are_not_modified(tmp_path: Path, example_files: list[str]) -> None:
    before = {f: Path(f).read_bytes() for f in example_files}
    main(["compare", *example_files, "--json", str(tmp_path / "x.json")])
    assert before == {f: Path(f).read_bytes() for f in example_files}


def test_open_without_a_browser_says_so(monkeypatch, capsys, example_files: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    html = tmp_path / "r.html"
    assert main(["compare", *example_files, "--html", str(html), "--open"]) == 0
    assert capsys.readouterr().err == f"storycompare: warning: --open: no web browser found; open {html} yourself\n"
    assert html.is_file()


def test_numpy_matrix_library_on_one_thread_unless_the_user_says(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """main() sets OPENBLAS_NUM_THREADS (and MKL's) to 1 before numpy loads, keeping a value the
    user's environment gives (monkeypatch puts the environment back afterwards)."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["MKL_NUM_THREADS"] == "3"


def test_the_process_ends_with_its_report_whole_on_standard_output(example_files: list[str]) -> None:
    """After a comparison run() ends the process at once (os._exit): what it wrote is flushed first."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "storycompare", "compare", *example_files[:2], "--lexical", "--json", "-"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert len(json.loads(done.stdout)["articles"]) == 2  # the whole report: a cut one does not parse


def test_ctrl_c_while_the_command_loads_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A Ctrl-C in the first second (the modules loading, the parser importing the analysis
    package) printed a traceback of the import machinery; now as during the run: one line, 130."""
    import builtins
    import sys

    from storycompare import __main__ as entry
    from storycompare import cli

    real_import = builtins.__import__

    def interrupted_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "storycompare.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.delitem(sys.modules, "storycompare.cli")
        patched.setattr(builtins, "__import__", interrupted_import)
        assert entry.run() == 130
    assert capsys.readouterr().err == "storycompare: interrupted\n"

    def interrupted_parser() -> argparse.ArgumentParser:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_parser", interrupted_parser)
    assert main(["compare", "a.txt", "b.txt"]) == 130
    assert capsys.readouterr().err == "storycompare: interrupted\n"


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_run_terminated_while_it_writes_leaves_no_temporary_file(
    tmp_path: Path, example_files: list[str], name: str, code: int
) -> None:
    """SIGTERM (``timeout``, ``kill``) or SIGHUP (a terminal closed) ended the process at once, and
    every report staged beside its target stayed there (``.r.json.xxxxxxxx.tmp``, a whole report
    each; a batch run left one per story written).  Now the run unwinds as on Ctrl-C: no file is
    left, one line, 128 plus the signal.  The signal comes right after the first report is staged
    (a child process whose OutputSet.add sends it to itself): no timing."""
    import subprocess
    import sys

    driver = tmp_path / "driver.py"
    driver.write_text(
        "import os, signal, sys\n"
        "from reports import files\n"
        "staged = files.OutputSet.add\n"
        "def add(self, path, data):\n"
        "    staged(self, path, data)\n"
        f"    os.kill(os.getpid(), signal.{name})\n"
        "files.OutputSet.add = add\n"
        "from storycompare.cli import run\n"
        "sys.argv[0] = 'storycompare'\n"
        "run()\n",
        "utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, str(driver), "compare", *example_files[:2], "--lexical", "--json", "r.json", "--html", "r.html"],
        cwd=out, capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (code, "storycompare: terminated\n")
    assert sorted(os.listdir(out)) == []
