"""Bad input loses nothing: each case is one clear stderr line, the documented exit
code, no output written (an existing one untouched) and the inputs unchanged.

The messages asserted here are the ones the README's "Bad input" table lists.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import shutil
import socket
import stat
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compare import compare
from compare.errors import InputError, UsageError
from compare.load import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, load_inputs
from storycompare.cli import main

A = (
    "The minister resigned on Monday after a week of protests in the capital.\n\n"
    "Officials said the government would name a successor within days, and the opposition "
    "called for early elections."
)
B = (
    "The country's interior minister quit on Monday, following seven days of street protests.\n\n"
    "A government spokesman said a successor would be named soon; opposition leaders demanded "
    "an early vote."
)
C = (
    "Protesters celebrated in the capital on Monday as the minister stepped down.\n\n"
    "The prime minister thanked him for his service and promised a successor by the weekend."
)
BOILERPLATE = (
    "Skip to main content\nSign up for our newsletter\nShare on Facebook\nShare on Twitter\n"
    "Related stories\nAdvertisement\n"
)
# UTF-8 text, then a line saved by a Windows editor (cp1252), in one file.
MIXED_UTF8 = "NATO’s chief said the “strategic partnership” with Russia – begun in 1997 – was no café talk.\n\n"
MIXED_CP1252 = "Lavrov said the talks were “very positive” – and Medvedev was pleased with the café.\n"
NOT_ARTICLES = ".txt, .md, .html, .htm, .json, .jsonl"


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path.relative_to(Path.cwd()))


def two_good(here: Path) -> list[str]:
    return [write(here / "a.txt", A), write(here / "b.txt", B)]


Make = Callable[[Path, pytest.MonkeyPatch], list[str]]


@dataclass(frozen=True)
class Case:
    make: Make
    """Creates the inputs in the working directory; returns the input arguments."""
    stderr: tuple[str, ...]
    """The exact stderr lines."""
    code: int = 2
    options: tuple[str, ...] = ()
    check: Callable[[dict[str, Any]], None] | None = None
    """For a run that succeeds: checks on the JSON result."""


# --------------------------------------------------------------------------- inputs of the cases


def empty(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "empty.txt", b""), *two_good(here)]


def blank(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [*two_good(here), write(here / "blank.txt", b"  \r\n\t\n \xc2\xa0\n")]


def binary(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"), *two_good(here)]


def undecodable(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "noise.txt", bytes(range(128, 256)) * 8), *two_good(here)]


def folder_without_articles(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    write(here / "notes" / "README.txt", "About this folder.")
    write(here / "notes" / "photo.png", b"\x89PNG")
    write(here / "notes" / ".draft.txt", A)
    return ["notes", *two_good(here)]


def folder_with_articles(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    write(here / "story" / "2-b.txt", B)
    write(here / "story" / "1-a.txt", A)
    write(here / "story" / "README.md", "Where these came from.")
    return ["story"]


def missing(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [*two_good(here), "missing.txt"]


def empty_path(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return ["", *two_good(here)]


def unreadable(here: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    secret = here / "secret.txt"
    write(secret, A)
    secret.chmod(0)
    if getattr(os, "geteuid", lambda: -1)() == 0:  # root reads any file: refuse it the way the OS would
        read_bytes = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    return ["secret.txt", *two_good(here)]


def mixed_encodings(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "mixed.txt", MIXED_UTF8.encode() + MIXED_CP1252.encode("cp1252")), *two_good(here)]


def legacy_encoding(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "legacy.txt", A.replace("'", "’").encode("cp1252")), write(here / "b.txt", B)]


def bom(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "bom.txt", b"\xef\xbb\xbf" + A.encode()), write(here / "b.txt", B)]


def windows_line_endings(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "crlf.txt", A.replace("\n", "\r\n")), write(here / "b.txt", B)]


def huge(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    line = b"The minister resigned on Monday after a week of protests in the capital.\n"
    write(here / "huge.txt", (line * (50_000_000 // len(line) + 1))[:50_000_000])
    return [*two_good(here), "huge.txt"]


def too_long(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    sentence = "The minister resigned on Monday after a week of protests in the capital. "
    text = (sentence * (600_000 // len(sentence) + 1))[:600_000]
    return [write(here / "long.txt", text), *two_good(here)]


def record_without_text(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    record = {"title": "Minister resigns", "url": "https://example.org/x", "text": ""}
    return [write(here / "record.json", json.dumps(record)), *two_good(here)]


def array_record_without_text(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    records = [{"text": A, "outlet": "One"}, {"headline": "No body"}, {"text": B, "outlet": "Two"}]
    return [write(here / "records.json", json.dumps(records))]


def record_of_nuls(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    # json.dumps writes the escapes \u0000: the file itself holds no NUL byte, so it is no "binary file"
    return [write(here / "nuls.json", json.dumps({"title": "Minister resigns", "text": "\x00" * 40})), *two_good(here)]


def array_record_of_invisible_characters(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    invisible = "\u200b\ufeff\u2060\x07\u200d\u3164\n\u200b"  # zero-width, BOM, word joiner, BEL, Hangul filler
    records = [{"text": A, "outlet": "One"}, {"text": invisible, "outlet": "Ghost"}, {"text": B, "outlet": "Two"}]
    return [write(here / "records.json", json.dumps(records))]


def record_with_invisible_text_and_a_body(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    # the text field shows nothing: the body is read, as when the text field is blank
    return [write(here / "record.json", json.dumps({"text": "\u200b\u200b", "body": C})), *two_good(here)]


def invisible_text_file(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [*two_good(here), write(here / "ghost.txt", "\ufeff\u200b\u200b\n\u200c\x1b\x7f\n")]


def check_body_read(data: dict[str, Any]) -> None:
    assert [a["text"] for a in data["articles"]] == [C, A, B]


def record_of_paragraphs(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    # a list of paragraphs is a text field, but not text: said so, not "no text field"
    return [write(here / "paras.json", json.dumps({"title": "Minister resigns", "text": A.split("\n\n")})), *two_good(here)]


def jsonl_broken_line(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    lines = [json.dumps({"text": A}), json.dumps({"text": B}), '{"text": ', json.dumps({"text": C})]
    return [write(here / "feed.jsonl", "\n".join(lines) + "\n")]


def one_article(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "a.txt", A)]


def one_left(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "a.txt", A), write(here / "empty.txt", ""), "missing.txt"]


def same_file_twice(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [*two_good(here), os.path.join(".", "a.txt")]


def same_stem(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "x" / "story.txt", A), write(here / "y" / "story.txt", B), write(here / "story.md", C)]


def all_boilerplate(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [*two_good(here), write(here / "nav.txt", BOILERPLATE)]


def control_characters_in_name(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "bad\nname\x1b[2J.txt", ""), *two_good(here)]


def article_with_control_characters_in_name(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "wire\x1b[2J.txt", C), *two_good(here)]


def check_escaped_controls(data: dict[str, Any]) -> None:
    # no report shows a control character: the file name's are escapes, in the source and in the id
    assert [(a["id"], a["source"]) for a in data["articles"]][:1] == [("wire\\x1b[2J", "wire\\x1b[2J.txt")]


def named_pipe_without_writer(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(here / "queue")
    return ["queue", *two_good(here)]


PIPES: list[int] = []


def pipe_with_writer(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    if not Path("/dev/fd").is_dir():
        pytest.skip("no /dev/fd here")
    read, write_end = os.pipe()  # what a shell's <(command) gives: /dev/fd/N
    os.write(write_end, C.encode())
    os.close(write_end)
    PIPES.append(read)
    return [f"/dev/fd/{read}", *two_good(here)]


def a_socket(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")  # relative: the full path may be too long for a socket address
    return ["sock", *two_good(here)]


def deeply_nested_json(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    return [write(here / "deep.json", "[" * 100_000), *two_good(here)]


def undecodable_name(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 system
    try:
        (here / name).write_bytes(A.encode())
    except (OSError, UnicodeError):
        pytest.skip("this file system takes no such name")
    return [name, write(here / "b.txt", B)]


def folder_with_an_earlier_report(here: Path, _: pytest.MonkeyPatch) -> list[str]:
    write(here / "story" / "a.txt", A)
    write(here / "story" / "b.txt", B)
    write(here / "story" / "report.html", '<!doctype html>\n<html><head>\n<meta name="generator" content="storycompare 0.1.0">')
    write(here / "story" / "report.json", '{\n  "schema": "storycompare/1",\n  "articles": []\n}\n')
    return ["story"]


# --------------------------------------------------------------------------- checks of the runs that succeed


def texts(data: dict[str, Any]) -> dict[str, str]:
    return {article["id"]: article["text"] for article in data["articles"]}


def check_mixed(data: dict[str, Any]) -> None:
    assert texts(data)["mixed"] == MIXED_UTF8 + MIXED_CP1252


def check_legacy(data: dict[str, Any]) -> None:
    assert texts(data)["legacy"] == A.replace("'", "’")


def check_exact_a(article_id: str) -> Callable[[dict[str, Any]], None]:
    def check(data: dict[str, Any]) -> None:
        assert texts(data)[article_id] == A  # no BOM, no \r: offsets index this text

    return check


def check_folder(data: dict[str, Any]) -> None:
    assert [(a["id"], a["source"]) for a in data["articles"]] == [
        ("1-a", os.path.join("story", "1-a.txt")),
        ("2-b", os.path.join("story", "2-b.txt")),
    ]


def check_same_stem(data: dict[str, Any]) -> None:
    assert [(a["id"], a["source"]) for a in data["articles"]] == [
        ("story", os.path.join("x", "story.txt")),
        ("story-2", os.path.join("y", "story.txt")),
        ("story-3", "story.md"),
    ]
    assert texts(data) == {"story": A, "story-2": B, "story-3": C}


def check_ids(*ids: str) -> Callable[[dict[str, Any]], None]:
    def check(data: dict[str, Any]) -> None:
        assert [a["id"] for a in data["articles"]] == list(ids)

    return check


def check_records(data: dict[str, Any]) -> None:
    assert [(a["id"], a["outlet"]) for a in data["articles"]] == [("records-1", "One"), ("records-3", "Two")]


def check_pipe(data: dict[str, Any]) -> None:
    (piped,) = (a for a in data["articles"] if a["source"].startswith("/dev/fd/"))
    assert piped["text"] == C


def check_escaped_name(data: dict[str, Any]) -> None:
    # the bytes that are not UTF-8 are shown as escapes, in the source and in the id
    assert [(a["id"], a["source"]) for a in data["articles"]] == [("caf\\xe9", "caf\\xe9.txt"), ("b", "b.txt")]


E = "storycompare: error: "
W = "storycompare: warning: skipped "
LIMIT_MB = MAX_INPUT_BYTES // 1_000_000

CASES = {
    "empty file": Case(empty, (E + "empty.txt: empty file",)),
    "whitespace-only file": Case(blank, (E + "blank.txt: empty file",)),
    "binary file": Case(binary, (E + "photo.png: binary file, not text",)),
    "bytes no encoding reads": Case(undecodable, (E + "noise.txt: binary file, not text",)),
    "directory without articles": Case(
        folder_without_articles, (E + f"notes: no article files ({NOT_ARTICLES}) in this directory",)
    ),
    "directory with articles": Case(folder_with_articles, (), 0, check=check_folder),
    "missing path": Case(missing, (E + "missing.txt: no such file or directory",)),
    "empty path": Case(empty_path, (E + "'': empty path",)),
    "unreadable file": Case(unreadable, (E + "secret.txt: permission denied",)),
    "mixed UTF-8 and cp1252": Case(mixed_encodings, (), 0, check=check_mixed),
    "legacy encoding": Case(legacy_encoding, (), 0, check=check_legacy),
    "UTF-8 BOM": Case(bom, (), 0, check=check_exact_a("bom")),
    "Windows line endings": Case(windows_line_endings, (), 0, check=check_exact_a("crlf")),
    "50 MB file": Case(huge, (E + f"huge.txt: too large (50.0 MB; the limit is {LIMIT_MB} MB)",)),
    "article text too long": Case(
        too_long, (E + f"long.txt: article text too long (600,000 characters; the limit is {MAX_ARTICLE_CHARS:,})",)
    ),
    "JSON record without text": Case(
        record_without_text, (E + "record.json: no text field (expected one of text, body, content)",)
    ),
    "JSON record whose text is a list": Case(
        record_of_paragraphs, (E + 'paras.json: the "text" field is an array, not a string of text',)
    ),
    "JSON array record without text": Case(
        array_record_without_text, (E + "records.json record 2: no text field (expected one of text, body, content)",)
    ),
    "JSON array record without text, --skip-bad": Case(
        array_record_without_text,
        (W + "records.json record 2: no text field (expected one of text, body, content)",),
        0,
        ("--skip-bad",),
        check_records,
    ),
    "JSON record of NUL characters": Case(record_of_nuls, (E + "nuls.json: no visible text (only invisible or control characters, such as zero-width spaces or NUL)",)),
    "JSON array record of invisible characters": Case(
        array_record_of_invisible_characters, (E + "records.json record 2: no visible text (only invisible or control characters, such as zero-width spaces or NUL)",)
    ),
    "JSON array record of invisible characters, --skip-bad": Case(
        array_record_of_invisible_characters,
        (W + "records.json record 2: no visible text (only invisible or control characters, such as zero-width spaces or NUL)",),
        0,
        ("--skip-bad",),
        check_records,
    ),
    "JSON record with an invisible text and a body": Case(
        record_with_invisible_text_and_a_body, (), 0, check=check_body_read
    ),
    "text file of invisible characters": Case(invisible_text_file, (E + "ghost.txt: no visible text (only invisible or control characters, such as zero-width spaces or NUL)",)),
    "JSONL broken line": Case(
        jsonl_broken_line, (E + "feed.jsonl: line 3: invalid JSON: Expecting value (column 10)",)
    ),
    "JSONL broken line, --skip-bad": Case(
        jsonl_broken_line,
        (W + "feed.jsonl: line 3: invalid JSON: Expecting value (column 10)",),
        0,
        ("--skip-bad",),
        check_ids("feed-1", "feed-2", "feed-3"),
    ),
    "bad file, --skip-bad": Case(
        empty, (W + "empty.txt: empty file",), 0, ("--skip-bad",), check_ids("a", "b")
    ),
    "missing file, --skip-bad": Case(
        missing, (W + "missing.txt: no such file or directory",), 0, ("--skip-bad",), check_ids("a", "b")
    ),
    "too few left, --skip-bad": Case(
        one_left,
        (
            W + "empty.txt: empty file",
            W + "missing.txt: no such file or directory",
            E + "comparison needs at least two articles, got 1",
        ),
        2,
        ("--skip-bad",),
    ),
    "one article only": Case(one_article, (E + "comparison needs at least two articles, got 1",)),
    "same file twice": Case(same_file_twice, (E + f"{os.path.join('.', 'a.txt')} is given twice",)),
    "same file twice, --skip-bad": Case(
        same_file_twice, (E + f"{os.path.join('.', 'a.txt')} is given twice",), 2, ("--skip-bad",)
    ),
    "two files with the same stem": Case(same_stem, (), 0, check=check_same_stem),
    "all boilerplate": Case(all_boilerplate, (E + "nav.txt: no article text left after removing boilerplate",)),
    "all boilerplate, --skip-bad": Case(
        all_boilerplate,
        (W + "nav.txt: no article text left after removing boilerplate",),
        0,
        ("--skip-bad",),
        check_ids("a", "b"),
    ),
    "control characters in a file name": Case(
        control_characters_in_name, (E + "bad\\nname\\x1b[2J.txt: empty file",)
    ),
    "control characters in the name of an article read": Case(
        article_with_control_characters_in_name, (), 0, check=check_escaped_controls
    ),
    "named pipe without a writer": Case(named_pipe_without_writer, (E + "queue: empty file",)),
    "pipe with a writer": Case(pipe_with_writer, (), 0, check=check_pipe),
    "socket": Case(a_socket, (E + "sock: not a regular file (a socket)",)),
    "deeply nested JSON": Case(deeply_nested_json, (E + "deep.json: JSON nested too deeply",)),
    "deeply nested JSON, --skip-bad": Case(
        deeply_nested_json, (W + "deep.json: JSON nested too deeply",), 0, ("--skip-bad",), check_ids("a", "b")
    ),
    "file name not in UTF-8": Case(
        undecodable_name, (), 0, check=check_escaped_name
    ),
    "a folder holding an earlier report": Case(
        folder_with_an_earlier_report, (), 0, check=check_ids("a", "b")
    ),
}


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Bytes (of regular files) and mtime of everything below ``folder``."""
    state: dict[str, tuple[bytes | None, int]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = None
        if path.is_file() and not path.is_symlink():
            try:
                with open(path, "rb") as file:  # not Path.read_bytes: a case may patch it
                    content = file.read()
            except PermissionError:
                pass
        state[str(path.relative_to(folder))] = (content, info.st_mtime_ns)
    return state


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    here = tmp_path / "in"
    here.mkdir()
    monkeypatch.chdir(here)
    yield here
    while PIPES:
        os.close(PIPES.pop())
    for path in here.rglob("*"):  # let pytest clean up
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)


@dataclass
class Reads:
    """What :func:`no_waiting` saw: the bytes read (``os.read``) from the files of ``counted``."""

    counted: set[str]
    fds: set[int]
    bytes: int = 0
    most: int = 10 * MAX_INPUT_BYTES


def _waits(path: object, nonblocking: bool) -> bool:
    """Whether opening ``path`` for reading would wait: a named pipe opened without O_NONBLOCK
    waits for a writer for ever."""
    if nonblocking or not isinstance(path, (str, bytes, os.PathLike)):
        return False
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """A run that would wait for a writer fails instead, without a clock: opening a named pipe in a
    way that waits (``os.open`` without O_NONBLOCK, ``open``, ``io.open``, ``Path.open``) raises; and
    reading more than ``Reads.most`` bytes with ``os.read`` from a file of ``Reads.counted`` (the
    lexicon's reader reads so, from the descriptor it checked with fstat) raises too: ``/dev/zero``
    never ends.  A read through Python's file objects is not counted."""
    reads = Reads(set(), set())
    os_open, os_read, io_open = os.open, os.read, io.open

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if _waits(path, bool(flags & getattr(os, "O_NONBLOCK", 0))):
            raise AssertionError(f"{path} opened without O_NONBLOCK: it waits for a writer for ever")
        fd = os_open(path, flags, *args, **kwargs)
        if os.fspath(path) in reads.counted:
            reads.fds.add(fd)
        return fd

    def counted_read(fd: int, size: int) -> bytes:
        data = os_read(fd, size)
        if fd in reads.fds:
            reads.bytes += len(data)
            if reads.bytes > reads.most:
                raise AssertionError(f"read {reads.bytes:,} bytes and counting: a read that never ends")
        return data

    def guarded_io_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if _waits(file, False):
            raise AssertionError(f"{file} opened for a blocking read: it waits for a writer for ever")
        return io_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(os, "read", counted_read)
    monkeypatch.setattr(io, "open", guarded_io_open)
    monkeypatch.setattr(builtins, "open", guarded_io_open)
    return reads


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input(
    case: Case, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_waiting: Reads
) -> None:
    """No run waits for a pipe's writer (``no_waiting``: checked, not timed)."""
    inputs = case.make(workdir, monkeypatch)
    outputs = workdir.parent / "reports"
    outputs.mkdir()
    html, js = outputs / "r.html", outputs / "r.json"
    html.write_text("old report", "utf-8")
    js.write_text('{"old": true}', "utf-8")
    for path in (html, js):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    inputs_before, outputs_before = snapshot(workdir), snapshot(outputs)

    code = main(["compare", *inputs, "--html", str(html), "--json", str(js), *case.options])

    captured = capsys.readouterr()
    assert captured.err.splitlines() == list(case.stderr)
    assert "Traceback" not in captured.err
    assert code == case.code
    assert snapshot(workdir) == inputs_before, "inputs are never modified, and nothing is written next to them"
    if case.code == 0:
        assert captured.out.splitlines() == [f"HTML {html}", f"JSON {js}"]
        assert sorted(p.name for p in outputs.iterdir()) == ["r.html", "r.json"]
        assert case.check is not None
        case.check(json.loads(js.read_text("utf-8")))
    else:
        assert captured.out == ""
        assert snapshot(outputs) == outputs_before, "an existing report is left untouched, no file added"


# --------------------------------------------------------------------------- around the table


def test_failure_writes_no_default_report_and_no_pdf(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [write(workdir / "empty.txt", ""), *two_good(workdir)]
    before = snapshot(workdir)
    assert main(["compare", *inputs]) == 2
    assert main(["compare", *inputs, "--pdf", "r.pdf", "--json", "r.json"]) == 2  # the PDF worker shuts down
    assert capsys.readouterr().err.splitlines() == [f"{E}empty.txt: empty file"] * 2
    assert snapshot(workdir) == before  # no out/, no r.pdf, no temporary file


def test_debug_shows_the_traceback(workdir: Path) -> None:
    with pytest.raises(InputError, match=r"^empty\.txt: empty file$"):
        main(["--debug", "compare", write(workdir / "empty.txt", ""), *two_good(workdir)])


def test_help_documents_skip_bad(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "--skip-bad" in capsys.readouterr().out


def test_api_collects_what_it_skips_and_prints_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [*two_good(workdir), write(workdir / "empty.txt", ""), write(workdir / "nav.txt", BOILERPLATE)]
    with pytest.raises(InputError, match=r"^empty\.txt: empty file$"):
        compare(inputs)
    skipped: list[tuple[str, str]] = []
    result = compare(inputs, skip_bad=True, skipped=skipped)
    assert [a.id for a in result.articles] == ["a", "b"]
    assert skipped == [
        ("empty.txt", "empty file"),
        ("nav.txt", "no article text left after removing boilerplate"),
    ]
    assert compare(inputs, skip_bad=True).articles == result.articles  # the list is optional
    assert capsys.readouterr() == ("", "")


def test_skipped_records_and_mappings(workdir: Path) -> None:
    lines = [json.dumps({"text": A}), "[1]", json.dumps({"title": "t"}), "{oops", json.dumps({"text": B})]
    feed = write(workdir / "feed.jsonl", "\n".join(lines))
    refused: list[InputError] = []
    articles = load_inputs([feed, {"title": "no text"}, {"text": C}], skip_bad=True, skipped=refused)
    assert [a.id for a in articles] == ["feed-1", "feed-2", "record-3"]
    assert [error.line for error in refused] == [2, None, 4, None]
    skipped = [(error.source, error.detail) for error in refused]
    assert skipped == [
        ("feed.jsonl", "line 2: expected a JSON object, not an array"),
        ("feed.jsonl line 3", "no text field (expected one of text, body, content)"),
        ("feed.jsonl", "line 4: invalid JSON: Expecting property name enclosed in double quotes (column 2)"),
        ("<record 2>", "no text field (expected one of text, body, content)"),
    ]


def test_boilerplate_record_is_named_by_its_id(workdir: Path) -> None:
    batch = write(workdir / "batch.json", json.dumps([{"text": A}, {"text": BOILERPLATE, "id": "nav"}, {"text": B}]))
    with pytest.raises(InputError, match=r"^batch\.json article nav: no article text left after removing boilerplate$"):
        compare([batch])


def test_label_of_a_skipped_file_is_not_an_error(workdir: Path) -> None:
    inputs = [*two_good(workdir), "missing.txt"]
    with pytest.raises(UsageError, match=r"^--label missing\.txt: no input file or article id matches$"):
        load_inputs(inputs[:2], labels={"missing.txt": "X"})
    articles = load_inputs(inputs, labels={"missing.txt": "X", "a.txt": "A"}, skip_bad=True)
    assert [(a.id, a.outlet) for a in articles] == [("a", "A"), ("b", None)]


def test_a_file_that_grows_past_the_limit_after_stat(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compare.load

    path = write(workdir / "grows.txt", A * 20_000)
    monkeypatch.setattr(compare.load, "MAX_INPUT_BYTES", 1_000_000)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((0o100644, 0, 0, 1, 0, 0, 5, 0, 0, 0)))
    with pytest.raises(InputError, match=r"^grows\.txt: too large \(the limit is 1 MB\)$"):
        load_inputs([path])


@pytest.mark.parametrize(
    ("data", "text"),
    [
        # UTF-8 with cp1252 punctuation pasted in; cp1252 with nothing but such punctuation
        ("café “x”".encode() + b" \x93y\x94", "café “x” “y”"),
        (b"It\x92s fine \x96 he said.", "It’s fine – he said."),
        # double-encoded UTF-8 in a cp1252 file is read as what it meant
        ("CafÃ© “x”".encode("cp1252"), "Café “x”"),
        # legacy files with sequences that happen to be valid UTF-8 stay legacy files
        ("Die „Hauptstraße“ wurde gesperrt, sagte der Bürgermeister.".encode("cp1252"),
         "Die „Hauptstraße“ wurde gesperrt, sagte der Bürgermeister."),
        ("Переговоры «очень позитивные», сказал МИД «РИА» и «ТАСС» сегодня утром.".encode("cp1251"),
         "Переговоры «очень позитивные», сказал МИД «РИА» и «ТАСС» сегодня утром."),
        # UTF-8 Cyrillic with a cp1252 line
        ("Лавров сказал.\n".encode() + "He said “yes”.".encode("cp1252"), "Лавров сказал.\nHe said “yes”."),
    ],
    ids=["utf8+cp1252", "cp1252 punctuation only", "double-encoded", "German cp1252", "Russian cp1251", "Cyrillic utf8+cp1252"],
)
def test_mixed_and_legacy_encodings(workdir: Path, data: bytes, text: str) -> None:
    (article,) = load_inputs([write(workdir / "x.txt", data)])
    assert article.text == text


def test_windows_punctuation_means_the_same_in_every_code_page() -> None:
    from compare.decode import _WINDOWS_CODE_PAGES, _WINDOWS_PUNCTUATION

    same = set()
    for byte in range(0x80, 0x100):
        chars = {bytes([byte]).decode(cp, "replace") for cp in _WINDOWS_CODE_PAGES}
        if len(chars) == 1 and "\ufffd" not in chars:
            same.add(byte)
    assert same == _WINDOWS_PUNCTUATION


# --------------------------------------------------------------------------- output paths

OUTPUT_CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "output is an input file": (("--html", "a.txt"), "a.txt: is an input file; writing the report there would replace it"),
    "two outputs on one file": (("--html", "r.out", "--json", "r.out"), "--html and --json name the same file: r.out"),
    "one output is a directory": (("--json", "old.json", "--html", "adir"), "adir: is a directory"),
    "output below a file": (("--json", "old.json", "--html", "afile/x.html"), "afile/x.html: {here}/afile is not a directory"),
    "output is a named pipe": (("--json", "fifo"), "fifo: not a regular file (a device, a pipe or a socket)"),
    "empty output path": (("--json", "old.json", "--html", ""), "--html: empty path"),
}


@pytest.mark.parametrize("case", OUTPUT_CASES.values(), ids=OUTPUT_CASES.keys())
def test_bad_output_path(
    case: tuple[tuple[str, ...], str], workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output that must not or cannot be written stops the run before anything is written:
    the existing old.json stays, inputs are untouched, no file is added."""
    options, message = case
    inputs = two_good(workdir)
    write(workdir / "old.json", '{"old": true}')
    (workdir / "adir").mkdir()
    write(workdir / "afile", "not a folder")
    if hasattr(os, "mkfifo"):
        os.mkfifo(workdir / "fifo")
    before = snapshot(workdir)
    code = main(["compare", *inputs, *options])
    captured = capsys.readouterr()
    assert (code, captured.err.splitlines(), captured.out) == (2, [E + message.format(here=workdir)], "")
    assert snapshot(workdir) == before


def test_an_id_from_the_data_never_leaves_the_output_folder(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default report name comes from the first article's id, which a JSON record sets."""
    records = [{"id": "../../escaped\u202e\n", "text": A}, {"id": "/tmp/absolute", "text": B}]
    write(workdir / "deep" / "er" / "records.json", json.dumps(records))
    assert main(["compare", os.path.join("deep", "er", "records.json")]) == 0
    assert capsys.readouterr().out == f"HTML {os.path.join('out', 'escaped-comparison.html')}\n"
    assert (workdir / "out" / "escaped-comparison.html").is_file()


def test_a_reader_that_goes_away_is_no_error(tmp_path: Path) -> None:
    """`storycompare compare ... | head -0`: the reports are written, and the exit code is 0."""
    import subprocess
    import sys

    files = [write_abs(tmp_path / "a.txt", A), write_abs(tmp_path / "b.txt", B)]
    reader = subprocess.Popen(["head", "-c", "0"], stdin=subprocess.PIPE)
    assert reader.stdin is not None
    reader.wait()  # gone before the first line
    done = subprocess.run(
        [sys.executable, "-m", "storycompare", "compare", *files, "--json", str(tmp_path / "r.json")],
        stdout=reader.stdin, stderr=subprocess.PIPE, text=True, check=False,
    )
    reader.stdin.close()
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["schema"] == "storycompare/1"


def write_abs(path: Path, content: str) -> str:
    path.write_text(content, encoding="utf-8")
    return str(path)


# --------------------------------------------------------------------------- no internal error

SURROGATE_RECORDS = (
    '[{"id": "x\\ud800", "text": ' + json.dumps(A + " ")[:-1] + '\\ud800", "title": "T\\udfff", '
    '"outlet": "\\udc80", "url": "u\\ud800"}, {"text": ' + json.dumps(B) + "}]"
)


def test_lone_surrogates_are_replaced_and_the_repair_reported(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(workdir / "s.json", SURROGATE_RECORDS)
    assert main(["compare", "s.json", "--json", "r.json", "--html", "r.html"]) == 0
    data = json.loads((workdir / "r.json").read_text("utf-8"))
    first = data["articles"][0]
    assert (first["id"], first["title"], first["outlet"], first["url"]) == ("x\ufffd", "T\ufffd", "\ufffd", "u\ufffd")
    assert first["text"].endswith(" \ufffd")
    assert first["repaired"] == [
        f"{name}: 1 lone surrogate (not valid Unicode) replaced with U+FFFD"
        for name in ("id", "text", "title", "outlet", "url")
    ]
    assert "repaired" not in data["articles"][1]
    assert "\ufffd" in (workdir / "r.html").read_text("utf-8")
    capsys.readouterr()


CONTROL_RECORDS = json.dumps([
    {
        "id": "ctl\x00",
        "title": "Minister\x00 resigns \x1b[1m",
        "outlet": "Wire\x07",
        "text": A.replace("\n\n", "\x0c").replace(" after", "\x00 after").replace("days,", "days,\x01"),
    },
    {"id": "\x00", "outlet": "\x00", "text": B},
])
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def test_control_characters_are_removed_and_the_repair_reported(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON record's \\u0000 escapes reached the HTML report, where a browser shows U+FFFD, and a
    terminal colour code reached the PDF.  They are removed on loading; a form feed ends a line."""
    write(workdir / "c.json", CONTROL_RECORDS)
    assert main(["compare", "c.json", "--lexical", "--json", "r.json", "--html", "r.html"]) == 0
    data = json.loads((workdir / "r.json").read_text("utf-8"))
    first, second = data["articles"]
    assert (first["id"], first["title"], first["outlet"]) == ("ctl", "Minister resigns [1m", "Wire")
    assert first["text"] == A.replace("\n\n", "\n")
    assert first["repaired"] == [
        "id: 1 control character (U+0000) removed",
        "text: 3 control characters (U+0000, U+0001, U+000C) removed",
        "title: 2 control characters (U+0000, U+001B) removed",
        "outlet: 1 control character (U+0007) removed",
    ]
    # an id or outlet of control characters only is none: the default id, no outlet
    assert (second["id"], second["outlet"], second["repaired"]) == ("c-2", None, ["outlet: 1 control character (U+0000) removed"])
    assert not CONTROL_CHARACTERS.search((workdir / "r.html").read_text("utf-8"))
    assert not CONTROL_CHARACTERS.search(json.dumps(data, ensure_ascii=False))
    capsys.readouterr()


def test_control_characters_never_reach_the_pdf(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    write(workdir / "c.json", CONTROL_RECORDS)
    assert main(["compare", "c.json", "--lexical", "--pdf", "r.pdf"]) == 0
    text = subprocess.run(["pdftotext", "r.pdf", "-"], capture_output=True, text=True, check=True).stdout
    assert "Minister resigns [1m" in text
    assert not CONTROL_CHARACTERS.search(text.replace("\x0c", ""))  # pdftotext ends each page with a form feed
    capsys.readouterr()


def test_batch_with_lone_surrogates_writes_every_file_index_included(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack found batch --skip-bad writing every story and then crashing on index.html."""
    write(workdir / "s.json", SURROGATE_RECORDS)
    assert main(["batch", "s.json", "--out", "out", "--skip-bad"]) == 0, capsys.readouterr().err
    index = (workdir / "out" / "index.html").read_text("utf-8")
    stories = json.loads((workdir / "out" / "stories.json").read_text("utf-8"))
    assert "\ud800" not in index and "\ufffd" in json.dumps(stories, ensure_ascii=False) + index
    capsys.readouterr()


@pytest.mark.parametrize("field", ["id", "text", "title", "date", "outlet", "url"])
def test_an_integer_of_thousands_of_digits_is_no_number(workdir: Path, field: str, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "9" * 5000
    record = json.dumps({"id": "one", "text": A, field: "HUGE"}).replace('"HUGE"', huge)
    write(workdir / "a.jsonl", record + "\n" + json.dumps({"text": B}) + "\n" + json.dumps({"text": C}))
    code = main(["compare", "a.jsonl", "--json", "r.json", "--skip-bad"])
    captured = capsys.readouterr()
    expected = {"text": "a string of text", "title": "a string of text", "outlet": "a string of text",
                "url": "a string (a web address)", "date": 'a date string such as "2010-09-24"'}
    if field in expected:  # a number where text belongs: the record is skipped, and the other two compared
        assert (code, captured.err) == (0, f'storycompare: warning: skipped a.jsonl line 1: the "{field}" field is a number, not {expected[field]}\n')
        return
    assert (code, captured.err) == (0, "")
    first = json.loads((workdir / "r.json").read_text("utf-8"))["articles"][0]
    assert first["id"] == ("a-1" if field == "id" else "one")


INPUT_NO_TEXT = "no text field (expected one of text, body, content)"


def test_malformed_html_that_breaks_a_library_is_an_input_error(workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The page that made htmldate assert is read without its metadata; a page that breaks the
    extraction itself is refused naming the file, or skipped with --skip-bad."""
    inputs = two_good(workdir)
    write(workdir / "svg.html", "<svg><title>x</title><script>")
    assert main(["compare", *inputs, "svg.html", "--json", "r.json"]) in (0, 2)  # never an internal error
    capsys.readouterr()
    import trafilatura

    def broken(*args: Any, **kwargs: Any) -> None:
        raise AssertionError

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    write(workdir / "page.html", f"<html><body><p>{C}</p></body></html>")
    assert main(["compare", *inputs, "page.html"]) == 2
    message = "page.html: malformed HTML that the HTML reader cannot read (AssertionError in test_bad_input)"
    assert capsys.readouterr().err == E + message + "\n"
    assert main(["compare", *inputs, "page.html", "--skip-bad", "--json", "r.json"]) == 0
    assert capsys.readouterr().err == f"storycompare: warning: skipped {message}\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda here: "/dev/zero", "/dev/zero: not a regular file (a device, a pipe or a socket)"),
        (lambda here: (os.mkfifo(here / "fifo"), "fifo")[1], "fifo: not a regular file (a device, a pipe or a socket)"),
        (lambda here: write(here / "big.json", b" " * 5_000_001), "big.json: lexicon file too large (5.0 MB; the limit is 5 MB)"),
        (lambda here: write(here / "deep.json", "[" * 100_000), "deep.json: JSON nested too deeply"),
        (lambda here: write(here / "s.json", '{"actors": {"X\\ud800": ["Y"]}}'), 's.json: "X\\ud800" holds a lone surrogate (not valid Unicode)'),
        (
            lambda here: write(here / "n.json", '{"negations": [%s]}' % ("9" * 5000)),
            'n.json: "negations"[0] must be a non-empty string, got "<a number of 5,000 digits>"',
        ),
        (  # UTF-16 without a byte order mark is valid UTF-8: it said "invalid JSON at line 1, column 2"
            lambda here: write(here / "wide.json", '{"actors": {"NATO": ["alliance"]}}'.encode("utf-16-le")),
            "wide.json: not UTF-8 text (NUL bytes: UTF-16 or UTF-32?); save it as UTF-8",
        ),
    ],
    ids=["device", "fifo", "too-large", "nested", "surrogate", "huge-number", "utf-16"],
)
def test_the_lexicon_is_read_with_the_guards_of_the_articles(
    workdir: Path, make: Callable[[Path], str], message: str, capsys: pytest.CaptureFixture[str], no_waiting: Reads
) -> None:
    """Counted, not timed: a device, a pipe and a file over the limit are refused before a byte of
    them is read (``/dev/zero`` read for ever; a pipe without a writer waited for ever).  Counted
    where the lexicon's reader reads, ``os.read`` on the descriptor it checked with fstat (no race
    between a stat and the open); a reader that reads otherwise is not counted."""
    from compare.lexicon import MAX_LEXICON_BYTES

    lexicon = make(workdir)
    no_waiting.counted.add(lexicon)
    no_waiting.most = MAX_LEXICON_BYTES + 1
    assert main(["compare", *two_good(workdir), "--lexicon", lexicon, "--json", "r.json"]) == 2
    info = os.stat(lexicon)
    assert no_waiting.bytes <= (info.st_size if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_LEXICON_BYTES else 0)
    assert capsys.readouterr().err == E + message + "\n"
    assert not (workdir / "r.json").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"title": 5}, "compare(): title must be a string, got int"),
        ({"labels": {"a.txt": 5}}, "compare(): labels must map a file or article id to an outlet name, got 'a.txt': 5"),
        ({"labels": ["a.txt=A"]}, "compare(): labels must map a file or article id to its outlet, got list"),
        ({"pairs": "a:b"}, 'compare(): pairs must be a list of pairs ("a:b" or ("a", "b")), got str'),
        ({"pairs": [("a", "b", "c")]}, "compare(): a pair must be \"a:b\" or (\"a\", \"b\"), got ('a', 'b', 'c')"),
        ({"settings": {"semantic": False}}, "compare(): settings must be a compare.Settings, got dict"),
    ],
)
def test_api_arguments_of_the_wrong_kind_are_refused_before_any_work(
    workdir: Path, arguments: dict[str, Any], message: str
) -> None:
    """A title or an outlet that is not text went into the JSON against its schema and stopped the
    HTML report with a TypeError; a settings dict failed inside the cleaning (AttributeError)."""

    for name in ("a.txt", "b.txt"):
        (workdir / name).write_text("NATO and Russia agreed to cooperate on missile defence.\n", encoding="utf-8")
    with pytest.raises(UsageError) as refused:
        compare(["a.txt", "b.txt"], **arguments)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("inputs", "arguments", "message"),
    [
        (None, {}, "compare(): inputs must be a list, got NoneType"),
        (5, {}, "compare(): inputs must be a list, got int"),
        (["a.txt", "b.txt"], {"texts": None}, "compare(): texts must be a list, got NoneType"),
        ({"a.txt", "b.txt"}, {}, "compare(): inputs must be a list, got set"),  # its order changes between runs
        (["a.txt"], {"texts": {B: 1}}, "compare(): texts must be a list, got dict"),  # its keys were read as the texts
        (["a.txt", None], {}, "compare(): an input must be a path (str or os.PathLike) or an article record (a mapping with text), got NoneType"),
        (["a.txt", ["b.txt"]], {}, "compare(): an input must be a path (str or os.PathLike) or an article record (a mapping with text), got list"),
        (
            ["a.txt", b"b.txt"],
            {},
            "compare(): an input must be a path (str or os.PathLike) or an article record (a mapping with text), got bytes "
            "(decode a bytes path with os.fsdecode)",
        ),
        ({"text": A}, {}, "compare() takes a list of paths or records, and article texts as texts=[...] (e.g. compare(['a.txt', 'b.html']) or compare(texts=[first, second]))"),
        (["a.txt"], {"texts": [B.encode()]}, "compare(): texts must be strings, got bytes"),
        (["a.txt", "b.txt"], {"lexicon": {"actors": {}}}, "compare(): lexicon must be the path of a JSON file, got dict"),
        (["a.txt", "b.txt"], {"skipped": ()}, "compare(): skipped must be a list that the items left out are appended to, got tuple"),
    ],
    ids=["inputs None", "inputs a number", "texts None", "inputs a set", "texts a dict", "None", "nested list", "bytes path", "a record alone", "bytes text", "lexicon dict", "skipped tuple"],
)
def test_api_inputs_of_the_wrong_kind_are_refused_before_any_work(
    workdir: Path, inputs: Any, arguments: dict[str, Any], message: str
) -> None:
    """Each stopped with a TypeError or an AttributeError from deep inside (``os.fspath``, pathlib,
    ``skipped.extend``); a text of bytes was "<record 1>: no text field"."""
    two_good(workdir)
    with pytest.raises(UsageError) as refused:
        compare(inputs, skip_bad=True, **arguments)
    assert str(refused.value) == message


def test_a_blank_title_is_no_title(workdir: Path) -> None:
    """``--title "  "`` gave the report a blank heading and window title; it names nothing, as
    ``--title ""`` does: the story is titled after its articles."""
    for name in ("a.txt", "b.txt"):
        (workdir / name).write_text("NATO and Russia agree\n\nNATO and Russia agreed to cooperate on missile defence.\n", encoding="utf-8")
    assert compare(["a.txt", "b.txt"], title=" \t ").title == "NATO and Russia agree"
    assert compare(["a.txt", "b.txt"], title=" The summit ").title == "The summit"


def test_a_report_given_as_an_article_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``storycompare compare out/*`` after a run: the HTML report was read as an article of
    20,000 characters (the report's own words) and compared with the others."""
    for name in ("a.txt", "b.txt"):
        (workdir / name).write_text("NATO and Russia agreed to cooperate on missile defence.\n", encoding="utf-8")
    assert main(["compare", "a.txt", "b.txt", "--lexical", "--html", "r.html", "--json", "r.json"]) == 0
    for report in ("r.html", "r.json"):
        assert main(["compare", report, "a.txt", "b.txt", "--lexical", "--json", "again.json"]) == 2
        assert capsys.readouterr().err.endswith(
            f"storycompare: error: {report}: a report storycompare wrote, not an article (give the articles it compared)\n"
        )
    assert not (workdir / "again.json").exists()


def test_a_dangling_symbolic_link_is_named_so(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``ls`` lists it, and "no such file or directory" read as a typo in its name."""
    (workdir / "a.txt").write_text("NATO and Russia agreed to cooperate on missile defence.\n", encoding="utf-8")
    os.symlink("gone.txt", workdir / "link.txt")
    os.symlink("loop-b.txt", workdir / "loop-a.txt")
    os.symlink("loop-a.txt", workdir / "loop-b.txt")
    for link in ("link.txt", "loop-a.txt"):
        assert main(["compare", link, "a.txt", "--lexical"]) == 2
        assert capsys.readouterr().err == (
            f"storycompare: error: {link}: a symbolic link to nothing (its target is missing, or the links form a loop)\n"
        )


def test_an_output_path_ending_with_a_slash_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--html reports/`` wrote the report to a file named ``reports`` (which then stood where the
    user meant a folder)."""
    for name in ("a.txt", "b.txt"):
        (workdir / name).write_text("NATO and Russia agreed to cooperate on missile defence.\n", encoding="utf-8")
    assert main(["compare", "a.txt", "b.txt", "--lexical", "--html", "reports/"]) == 2
    assert capsys.readouterr().err == (
        "storycompare: error: reports/: names a directory (it ends with /); give a file, e.g. reports/report.html\n"
    )
    assert not (workdir / "reports").exists()
    assert main(["compare", "a.txt", "b.txt", "--lexical", "--csv", "tables/"]) == 0  # --csv takes a folder
    assert (workdir / "tables" / "sentences.csv").is_file()


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"date": 1285315200}, 'the "date" field is a number, not a date string such as "2010-09-24"'),
        ({"published": 20100924}, 'the "published" field is a number, not a date string such as "2010-09-24"'),
        ({"title": ["NATO", "Russia"]}, 'the "title" field is an array, not a string of text'),
        ({"headline": {"main": "NATO"}}, 'the "headline" field is an object, not a string of text'),
        ({"text": 5, "body": B}, 'the "text" field is a number, not a string of text'),
        ({"outlet": 5}, 'the "outlet" field is a number, not a string of text'),
        ({"source": {"name": ["BBC"]}}, 'the "source" field\'s "name" is an array, not a string of text'),
        ({"url": {"href": "https://example.com"}}, 'the "url" field is an object, not a string (a web address)'),
        ({"id": 3.5}, 'the "id" field is a number with a fraction, not a string or a whole number'),
        ({"id": True}, 'the "id" field is a boolean, not a string or a whole number'),
        ({"id": ["a"]}, 'the "id" field is an array, not a string or a whole number'),
    ],
    ids=["epoch date", "numeric date", "list title", "object headline", "number text", "number outlet",
         "source name", "object url", "fractional id", "boolean id", "list id"],
)
def test_a_record_field_of_the_wrong_kind_is_one_line_naming_file_record_and_field(
    workdir: Path, fields: dict[str, Any], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 24 left these ignored silently: a numeric date gave no date, a list as title no
    title, a number as text gave way to the body.  Each is now the one line of bad input, in a
    JSON array (its record), a JSONL file (its line) and a JSON object alike; nothing is written."""
    record = {"text": A, **fields}
    write(workdir / "array.json", json.dumps([{"text": B}, record]))
    write(workdir / "feed.jsonl", json.dumps({"text": B}) + "\n" + json.dumps(record) + "\n")
    write(workdir / "one.json", json.dumps(record))
    for given, where in (("array.json", "array.json record 2"), ("feed.jsonl", "feed.jsonl line 2"), ("one.json", "one.json")):
        code = main(["compare", given, write(workdir / "c.txt", C), "--lexical", "--json", "r.json"])
        assert (code, capsys.readouterr().err) == (2, f"storycompare: error: {where}: {problem}\n")
        assert not (workdir / "r.json").exists()


def test_record_fields_that_are_no_value_or_coerced_on_purpose(workdir: Path) -> None:
    """Null is no value (the next name is read), a whole-number id is written in decimal, a NewsAPI
    source without a name names no outlet, and the Python API may give a date as a datetime."""
    import datetime

    records = [
        {"text": A, "id": 7, "date": None, "published": "2010-09-24", "title": None, "headline": "H", "source": {"id": "bbc"}},
        {"text": B, "date": datetime.datetime(2010, 9, 25, 23, 30), "url": None, "link": "https://example.com/b"},
    ]
    first, second = load_inputs(records)
    assert (first.id, first.date, first.title, first.outlet) == ("7", "2010-09-24", "H", None)
    assert (second.id, second.date, second.url) == ("record-2", "2010-09-25", "https://example.com/b")
