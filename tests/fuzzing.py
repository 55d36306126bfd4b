"""Generated hostile inputs for the command line, shared by ``tests/test_fuzz.py`` (a
small run in ``make test``) and ``benchmarks/fuzz.py`` (10,000 cases, run by hand).

A case is a set of input files (plain text, HTML, JSON, JSONL; sometimes a
``--lexicon`` file) built from pieces that broke or slowed the command before:
lone surrogates (``\\ud800`` escapes, and their bytes in a text file), right-to-left
and zero-width marks, NUL characters and bytes, integers of thousands of digits in
any JSON field, runs of thousands of quotation marks or numbers, deeply nested HTML,
malformed HTML, and one giant word.  :func:`run_case` runs ``storycompare compare`` on
it in this process and returns the exit code, which must be 0 or 2, never 1.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

HUGE = "__HUGE_NUMBER__"
"""Stands in a record for an integer of thousands of digits (json.dumps cannot write one)."""

SENTENCES = (
    "The minister resigned on Monday after a week of protests in the capital.",
    "Officials said 27 people were hurt, and the government would name a successor within days.",
    'He said: "We will not give up."',
    "NATO and Russia agreed on Nov. 20, 2010 to cooperate on missile defence.",
    "Moscow was less enthusiastic than Brussels.",
)

MARKS = (
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",
    "\ufeff", "\u00ad", "\u0000", "\ud800", "\udfff", "\udc80", "\ufffd", "\u0301", "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\n", "\r", "\t", "\x1b[2J", "\x85", "\u2028",
)  # fmt: skip


def _run_of(unit: str, count: int) -> str:
    return unit * count


@st.composite
def pieces(draw: st.DrawFn, scale: float = 1.0) -> str:
    """One piece of an article: a sentence, a mark, a run of quotes or numbers, a giant word
    (``scale`` times the longest runs and words: 3,000 quotation marks, 2,000 numbers, 20,000 letters)."""
    kind = draw(st.sampled_from(["sentence", "sentence", "sentence", "mark", "quotes", "numbers", "word", "text"]))
    if kind == "sentence":
        return draw(st.sampled_from(SENTENCES))
    if kind == "mark":
        return draw(st.sampled_from(MARKS))
    if kind == "quotes":
        unit = draw(st.sampled_from(['"', "“", "”", "'", "«", "»", '" "', "“a” "]))
        return _run_of(unit, draw(st.integers(1, max(1, int(3000 * scale)))))
    if kind == "numbers":
        unit = draw(st.sampled_from(["1 ", "27, ", "3.5% ", "$4 billion ", "9" * 50 + " ", "Nov. 20, 2010 "]))
        return _run_of(unit, draw(st.integers(1, max(1, int(2000 * scale)))))
    if kind == "word":
        return draw(st.sampled_from(["a", "x", "ab", "\u05e9"])) * draw(st.integers(100, max(100, int(20_000 * scale))))
    return draw(st.text(max_size=40))


@st.composite
def article_text(draw: st.DrawFn, scale: float = 1.0) -> str:
    parts = draw(st.lists(pieces(scale), min_size=1, max_size=8))
    separators = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", ""]), min_size=len(parts), max_size=len(parts)))
    return "".join(part + sep for part, sep in zip(parts, separators, strict=True))


@st.composite
def field_value(draw: st.DrawFn, scale: float = 1.0) -> Any:
    return draw(
        st.one_of(
            article_text(scale),
            st.sampled_from([HUGE, None, True, 0, -1, 1.5, [], {}, "", "   ", "\ud800", "2010-11-20"]),
        )
    )


@st.composite
def record(draw: st.DrawFn, scale: float = 1.0) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if draw(st.booleans()) or True:
        item[draw(st.sampled_from(["text", "body", "content"]))] = draw(
            st.one_of(article_text(scale), article_text(scale), field_value(scale))
        )
    for name in draw(st.lists(st.sampled_from(["id", "title", "outlet", "source", "date", "url", "headline"]))):
        item[name] = draw(field_value(scale))
    return item


def dump(value: Any) -> str:
    """JSON text with ASCII escapes (so lone surrogates are written as ``\\ud800``) and HUGE replaced."""
    return json.dumps(value, ensure_ascii=True).replace(json.dumps(HUGE), "9" * 5000)


@st.composite
def html_page(draw: st.DrawFn, scale: float = 1.0) -> str:
    body = draw(article_text(scale)).replace("<", "&lt;")
    kind = draw(st.sampled_from(["plain", "deep-div", "deep-table", "malformed", "svg", "entities"]))
    depth = draw(st.integers(1, 3000))
    if kind == "deep-div":
        body = "<div>" * depth + body + "</div>" * depth
    elif kind == "deep-table":
        body = "<table><tr><td>" * min(depth, 400) + body + "</td></tr></table>" * min(depth, 400)
    elif kind == "malformed":
        body = draw(st.sampled_from(["<svg><title>x</title><script>", "<p><b><i>", "</html><html>", "<![CDATA["])) + body
    elif kind == "svg":
        body = "<svg><title>" + body + "</title><script>"
    elif kind == "entities":
        body += " &#xD800; &#0; &#x202E; &#1114112; &amp;&amp;"
    return f"<html><head><title>{draw(st.sampled_from(['T', '', '&#xD800;']))}</title></head><body><p>{body}</p></body></html>"


@dataclass(frozen=True)
class Case:
    files: tuple[tuple[str, bytes], ...]
    lexicon: bytes | None
    skip_bad: bool
    lexical: bool = False
    """``--lexical`` (most cases: the embeddings cost the most time, and take text as any other
    stage does; see :func:`cases`)."""

    def argv(self, folder: Path) -> list[str]:
        """The command line of this case, its files in ``folder``."""
        argv = ["compare", *(str(folder / name) for name, _ in self.files)]
        argv += ["--json", str(folder / "r.json"), "--html", str(folder / "r.html")]
        if self.lexicon is not None:
            argv += ["--lexicon", str(folder / "lexicon.json")]
        if self.skip_bad:
            argv.append("--skip-bad")
        if self.lexical:
            argv.append("--lexical")
        return argv

    def write(self, folder: Path) -> None:
        """Write the case's input files into ``folder`` (made if missing)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.files:
            (folder / name).write_bytes(data)
        if self.lexicon is not None:
            (folder / "lexicon.json").write_bytes(self.lexicon)


@st.composite
def encoded_text(draw: st.DrawFn, scale: float = 1.0) -> bytes:
    text = draw(article_text(scale))
    return text.encode("utf-8", draw(st.sampled_from(["surrogatepass", "replace"])))


@st.composite
def cases(draw: st.DrawFn, scale: float = 1.0, semantic_one_in: int = 16) -> Case:
    """A case; ``scale`` shortens the runs of quotation marks and numbers and the giant words
    (the HTML nesting stays up to 3,000 deep); one case in ``semantic_one_in`` runs in the
    default mode (with sentence embeddings), the others ``--lexical``."""
    files: list[tuple[str, bytes]] = []
    for n in range(draw(st.integers(2, 3))):
        kind = draw(st.sampled_from(["txt", "txt", "html", "json", "jsonl"]))
        if kind == "txt":
            data = draw(encoded_text(scale))
        elif kind == "html":
            data = draw(html_page(scale)).encode("utf-8", "surrogatepass")
        elif kind == "json":
            records = draw(st.lists(record(scale), min_size=1, max_size=3))
            data = dump(records if len(records) > 1 else records[0]).encode("ascii")
        else:
            data = "\n".join(dump(r) for r in draw(st.lists(record(scale), min_size=1, max_size=3))).encode("ascii")
        files.append((f"a{n}.{kind}", data))
    lexicon = None
    if draw(st.integers(0, 4)) == 0:
        lexicon = dump(
            {
                "actors": {draw(st.sampled_from(["Russia", "X\ud800", "\u202eY"])): [draw(st.sampled_from(["Moscow", "\u200b", HUGE]))]},
                "negations": [draw(st.sampled_from(["not", "\udfff", HUGE]))],
            }
        ).encode("ascii")
    return Case(tuple(files), lexicon, draw(st.booleans()), draw(st.integers(0, semantic_one_in - 1)) != 0)


def run_case(case: Case, folder: Path) -> tuple[int, str]:
    """Run ``storycompare compare`` on the case in this process, its files and reports in
    ``folder`` (which should be the case's own); (exit code, stderr).  A ``SystemExit`` (argparse
    refusing the command line) gives its code; the folder is emptied afterwards."""
    from storycompare.cli import main

    case.write(folder)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(case.argv(folder))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    try:
        if code == 0:
            check_report(folder / "r.json")
    finally:
        for name in os.listdir(folder):
            os.unlink(folder / name)
    return code, err.getvalue()


def run_case_in_child(case: Case, folder: Path, timeout: float = 600) -> tuple[int, str]:
    """The same as :func:`run_case` in a fresh ``python -m storycompare`` process."""
    import subprocess
    import sys

    case.write(folder)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "storycompare", *case.argv(folder)],
            capture_output=True, timeout=timeout, check=False,
        )
        if done.returncode == 0:
            check_report(folder / "r.json")
    finally:
        for name in os.listdir(folder):
            os.unlink(folder / name)
    return done.returncode, done.stderr.decode("utf-8", "backslashreplace")


def check_report(path: Path) -> None:
    """The JSON report's own promises: valid UTF-8 JSON, each sentence is its text's slice."""
    data = json.loads(path.read_text("utf-8"))
    for article in data["articles"]:
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]
