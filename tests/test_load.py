"""Tests of stage 1, compare.load: every input format, encodings, errors, ids and labels."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compare.errors import InputError, UsageError
from compare.load import load_inputs
from compare.models import Article

EXAMPLES = Path(__file__).parents[1] / "examples" / "nato-russia-2010"

BODY = (
    "NATO sees Russia as a strategic partner and seeks to cooperate on missile defense, "
    "Secretary General Anders Fogh Rasmussen said in Moscow."
)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load_one(path: Path) -> Article:
    (article,) = load_inputs([path])
    return article


def error_of(inputs: list[object]) -> str:
    with pytest.raises(InputError) as info:
        load_inputs(inputs)  # type: ignore[arg-type]
    return str(info.value)


# --------------------------------------------------------------------------- text files


def test_text_file_is_kept_exactly(tmp_path: Path) -> None:
    raw = "Headline  here\n\n  Indented line\twith tab.  \nLast line without newline"
    path = write(tmp_path / "wire.txt", raw)
    article = load_one(path)
    assert article.id == "wire"
    assert article.source == str(path)
    assert article.text == raw
    assert article.sha256 == hashlib.sha256(raw.encode()).hexdigest()
    assert (article.outlet, article.title, article.date, article.url) == (None, None, None, None)
    assert article.paragraphs == () and article.removed == () and article.sentences == ()


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", BODY)
    monkeypatch.chdir(tmp_path)
    (article,) = load_inputs(["./a.txt"])
    assert article.source == "./a.txt"
    (article,) = load_inputs([Path("a.txt")])
    assert article.source == "a.txt"


def test_markdown_and_unknown_extensions_are_text(tmp_path: Path) -> None:
    md = write(tmp_path / "notes.md", "# Title\n\n*Body* text.\n")
    other = write(tmp_path / "README", "Plain words.\n")
    a, b = load_inputs([md, other])
    assert a.text == "# Title\n\n*Body* text.\n" and a.id == "notes"
    assert b.text == "Plain words.\n" and b.id == "README"


def test_windows_and_old_mac_line_endings(tmp_path: Path) -> None:
    raw = b"Title\r\n\r\nFirst paragraph.\r\nSecond line.\rOld Mac line.\r\n"
    article = load_one(write(tmp_path / "crlf.txt", raw))
    assert article.text == "Title\n\nFirst paragraph.\nSecond line.\nOld Mac line.\n"
    assert article.sha256 == hashlib.sha256(raw).hexdigest()  # of the raw bytes


def test_line_and_paragraph_separators_end_lines_and_paragraphs(tmp_path: Path) -> None:
    """U+2028 (line separator) and U+2029 (paragraph separator) are line ends, in a text file and in a
    record: the headline was one sentence with the body, and no paragraph was seen.  A JSONL record
    that holds them is still one record (a JSON string may hold them unescaped)."""
    text = "NATO and Russia agree\u2029Leaders met in Lisbon.\u2028They agreed.\u2029More talks follow."
    expected = "NATO and Russia agree\n\nLeaders met in Lisbon.\nThey agreed.\n\nMore talks follow."
    assert load_one(write(tmp_path / "a.txt", text.encode())).text == expected
    records = write(tmp_path / "b.jsonl", (json.dumps({"text": text}, ensure_ascii=False) + "\n").encode())
    article = load_one(records)
    assert article.text == expected


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    article = load_one(write(tmp_path / "bom.txt", b"\xef\xbb\xbf\xe2\x80\x9cQuoted\xe2\x80\x9d text\n"))
    assert article.text == "“Quoted” text\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "NATO’s “strategic partnership” with Russia – Москва.\r\nSecond line.\r\n"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = text.encode(encoding)
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = "\ufeff".encode(encoding) + data
        article = load_one(write(tmp_path / f"{encoding}.txt", data))
        assert article.text == "NATO’s “strategic partnership” with Russia – Москва.\nSecond line.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_read(tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" and some exports write UTF-16 without a byte order mark: it was refused as
    a "binary file" (its NUL bytes); mostly Latin text and Cyrillic with spaces read alike."""
    for text in ("NATO’s “strategic partnership” with Russia – 一 Ā.\nSecond line.\n", "Медведев заявил, что Россия готова к сотрудничеству.\n"):
        article = load_one(write(tmp_path / f"{encoding}.txt", text.encode(encoding)))
        assert article.text == text


def test_a_file_its_byte_order_mark_does_not_describe_says_so(tmp_path: Path) -> None:
    """A UTF-16 or UTF-32 file cut short (a download stopped), or holding a code point beyond
    Unicode, was "binary file, not text": its byte-order mark says what it is meant to be."""
    text = "NATO and Russia agreed to cooperate.\n"
    cut = write(tmp_path / "cut.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"A")
    assert error_of([cut]) == f"{cut}: not valid UTF-16, as its byte-order mark says (truncated data at byte 76)"
    beyond = write(tmp_path / "beyond.txt", codecs.BOM_UTF32_BE + text.encode("utf-32-be") + b"\x7f\xff\xff\xff")
    assert error_of([beyond]) == (
        f"{beyond}: not valid UTF-32, as its byte-order mark says (code point not in range(0x110000) at byte 152)"
    )


def test_cp1252_is_detected(tmp_path: Path) -> None:
    text = (
        "NATO’s chief said the “strategic partnership” with Russia – which began in 1997 – "
        "was more than café-society talk.\nRasmussen said: « très bien », and Lavrov agreed.\n"
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert load_one(write(tmp_path / "cp1252.txt", data)).text == text


def test_binary_files_are_refused(tmp_path: Path) -> None:
    png = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert error_of([png]) == f"{png}: binary file, not text"
    noise = write(tmp_path / "noise.txt", bytes(range(128, 256)) * 8)
    assert error_of([noise]) == f"{noise}: binary file, not text"
    # NULs as in UTF-16 text, but control characters between them: not text
    wide = write(tmp_path / "wide.txt", "NATO\x01\x02 summit".encode("utf-16-le"))
    assert error_of([wide]) == f"{wide}: binary file, not text"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf", " \n".encode("utf-16")])
def test_empty_files_are_refused(tmp_path: Path, content: bytes) -> None:
    for name in ("empty.txt", "empty.html", "empty.json", "empty.jsonl"):
        path = write(tmp_path / name, content)
        assert error_of([path]) == f"{path}: empty file"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert error_of([missing]) == f"{missing}: no such file or directory"


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, because root (as in CI containers) can read a chmod 000 file.
    path = write(tmp_path / "secret.txt", BODY)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert error_of([path]) == f"{path}: permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", BODY)
    path.chmod(0)
    try:
        assert error_of([path]) == f"{path}: permission denied"
    finally:
        path.chmod(0o644)


def test_input_files_are_not_modified(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"\xef\xbb\xbfA\r\nB\r\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_inputs([path])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


# --------------------------------------------------------------------------- JSON and JSONL


def test_json_object_with_all_fields(tmp_path: Path) -> None:
    record = {
        "id": "bbg-1",
        "headline": "NATO Seeks Russian Cooperation",
        "body": "Line one.\r\nLine two.",
        "published_at": "2010-11-03T10:15:00Z",
        "source": {"id": "bloomberg", "name": "Bloomberg"},
        "link": "https://example.com/a",
    }
    path = write(tmp_path / "story.json", json.dumps(record))
    article = load_one(path)
    assert article.id == "bbg-1"
    assert article.source == str(path)
    assert article.text == "Line one.\nLine two."
    assert article.title == "NATO Seeks Russian Cooperation"
    assert article.date == "2010-11-03"
    assert article.outlet == "Bloomberg"
    assert article.url == "https://example.com/a"
    assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_json_field_precedence_and_fallbacks(tmp_path: Path) -> None:
    record = {
        "text": "  ",  # blank: the next field is used
        "content": "From content.",
        "title": "T",
        "headline": "H",
        "pubDate": "Wed, 03 Nov 2010 10:00:00 GMT",
        "sitename": "Site",
        "site": "Other",
        "date": "sometime last week",  # first present: unparseable is None, not an error
    }
    article = load_one(write(tmp_path / "rec.json", json.dumps(record)))
    assert article.text == "From content."
    assert article.title == "T"
    assert article.outlet == "Site"
    assert article.date is None
    assert article.id == "rec"


def test_json_array_ids_and_hashes(tmp_path: Path) -> None:
    records = [{"text": "First."}, {"text": "Second.", "id": 7}, {"text": "Third."}]
    path = write(tmp_path / "batch.json", json.dumps(records))
    articles = load_inputs([path])
    assert [a.id for a in articles] == ["batch-1", "7", "batch-3"]
    assert all(a.source == str(path) for a in articles)
    assert articles[0].sha256 == hashlib.sha256(b"First.").hexdigest()


def test_invalid_json(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '{\n  "text": "x",\n  oops\n}')
    assert (
        error_of([path])
        == f"{path}: invalid JSON at line 3 column 3: Expecting property name enclosed in double quotes"
    )


def test_json_without_text(tmp_path: Path) -> None:
    single = write(tmp_path / "single.json", json.dumps({"title": "No body", "text": 3}))
    assert error_of([single]) == f'{single}: the "text" field is a number, not a string of text'
    array = write(tmp_path / "array.json", json.dumps([{"text": "ok"}, {"body": ""}]))
    assert error_of([array]) == f"{array} record 2: no text field (expected one of text, body, content)"


def test_json_of_the_wrong_shape(tmp_path: Path) -> None:
    scalar = write(tmp_path / "scalar.json", "42")
    assert error_of([scalar]) == f"{scalar}: expected a JSON object or an array of objects, not a number"
    empty = write(tmp_path / "empty.json", "[]")
    assert error_of([empty]) == f"{empty}: empty JSON array: no articles"
    mixed = write(tmp_path / "mixed.json", '[{"text": "ok"}, "just a string"]')
    assert error_of([mixed]) == f"{mixed} record 2: expected a JSON object, not a string"


def test_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "One.", "outlet": "A"}), "", "   ", json.dumps({"text": "Two.", "id": "x"})]
    path = write(tmp_path / "feed.jsonl", "\r\n".join(lines) + "\r\n")
    articles = load_inputs([path])
    assert [(a.id, a.text, a.outlet) for a in articles] == [("feed-1", "One.", "A"), ("x", "Two.", None)]


def test_jsonl_errors(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.jsonl", '{"text": "ok"}\n\n{"text": \n')
    assert error_of([broken]) == f"{broken}: line 3: invalid JSON: Expecting value (column 10)"
    array = write(tmp_path / "array.jsonl", '{"text": "ok"}\n[1, 2]\n')
    assert error_of([array]) == f"{array}: line 2: expected a JSON object, not an array"
    no_text = write(tmp_path / "notext.jsonl", '{"text": "ok"}\n{"title": "t"}\n')
    assert error_of([no_text]) == f"{no_text} line 2: no text field (expected one of text, body, content)"


def test_mappings_given_directly() -> None:
    articles = load_inputs([{"text": "A.\r\nB."}, {"text": "C.", "id": "c", "date": "24 Sep 2010"}])
    assert [(a.id, a.source, a.text, a.date) for a in articles] == [
        ("record-1", "<record 1>", "A.\nB.", None),
        ("c", "<record 2>", "C.", "2010-09-24"),
    ]
    assert articles[0].sha256 == hashlib.sha256(b"A.\nB.").hexdigest()
    assert error_of([{"text": "ok"}, {"title": "x"}]) == (
        "<record 2>: no text field (expected one of text, body, content)"
    )


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
<title>NATO Seeks Russian Cooperation on Missile Defense | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="NATO Seeks Russian Cooperation on Missile Defense">
<meta property="article:published_time" content="2010-11-03T10:15:00Z">
<link rel="canonical" href="https://news.example.com/world/nato-russia-missile-defense">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/tracker.js"></script>
</head>
<body>
<header>
<nav class="main-nav"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/subscribe">Subscribe today</a></li>
</ul></nav>
</header>
<main>
<article>
<h1>NATO Seeks Russian Cooperation on Missile Defense</h1>
<p>NATO sees Russia as a strategic partner and seeks to cooperate on missile defense as leaders of
the former Cold War foes prepare to meet in Lisbon later this month, Secretary General Anders Fogh
Rasmussen said.</p>
<p>"I think we can agree on a way forward at this summit," Rasmussen told reporters today in Moscow.
"We do not want to impose a specific missile defense architecture on Russia."</p>
<p>Medvedev said relations between Russia and NATO have improved recently, and that both sides are
in talks on the delivery of about 20 transport helicopters to Afghanistan{cafe}.</p>
</article>
<section id="comments" class="comments">
<h2>Comments</h2>
<div class="comment"><p>Reader42 wrote: This is the best news I have read all week, totally agree.</p></div>
<div class="comment"><p>Skeptic99 wrote: Nobody believes a word of this, it is all propaganda.</p></div>
</section>
</main>
<footer><p>© 2010 Example News. All rights reserved.</p></footer>
</body>
</html>
"""


def test_html_extraction(tmp_path: Path) -> None:
    path = write(tmp_path / "bloomberg.html", PAGE.format(charset="utf-8", cafe=""))
    article = load_one(path)
    assert article.id == "bloomberg"
    assert article.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.title == "NATO Seeks Russian Cooperation on Missile Defense"
    assert article.date == "2010-11-03"
    assert article.outlet == "Example News"
    assert article.url == "https://news.example.com/world/nato-russia-missile-defense"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "NATO Seeks Russian Cooperation on Missile Defense"
    assert paragraphs[1].startswith("NATO sees Russia as a strategic partner")
    assert paragraphs[-1].endswith("transport helicopters to Afghanistan.")
    assert len(paragraphs) == 4 and all(p.strip() == p and p for p in paragraphs)
    for boilerplate in (
        "Home",
        "Politics",
        "Subscribe",
        "Comments",
        "Reader42",
        "propaganda",
        "rights reserved",
    ):
        assert boilerplate not in article.text


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1252", cafe=" (café “talks”)").encode("cp1252")
    article = load_one(write(tmp_path / "legacy.htm", page))
    assert "Afghanistan (café “talks”)." in article.text


def test_html_without_article_text(tmp_path: Path) -> None:
    page = "<html><head><title>Nothing</title><script>var x = 1;</script></head><body></body></html>"
    path = write(tmp_path / "blank.html", page)
    assert error_of([path]) == f"{path}: no article text found in the HTML"


def test_html_does_not_touch_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during HTML loading")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    path = write(tmp_path / "page.html", PAGE.format(charset="utf-8", cafe=""))
    assert load_one(path).title


# --------------------------------------------------------------------------- directories, ids, labels


def test_directory_in_name_order_not_recursive(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    write(folder / "b.txt", "B text.")
    write(folder / "a.md", "A text.")
    write(folder / "c.jsonl", '{"text": "C text."}\n')
    write(folder / ".hidden.txt", "hidden")
    write(folder / "notes.pdf", "%PDF")
    write(folder / "Z.TXT", "Upper-case extension.")
    (folder / "sub").mkdir()
    write(folder / "sub" / "d.txt", "nested")
    articles = load_inputs([folder])
    assert [a.id for a in articles] == ["Z", "a", "b", "c-1"]
    assert articles[1].source == os.path.join(str(folder), "a.md")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / ".draft.txt", "hidden")
    assert error_of([tmp_path / "empty"]) == (
        f"{tmp_path / 'empty'}: no article files (.txt, .md, .html, .htm, .json, .jsonl) in this directory"
    )


def test_the_example_directory() -> None:
    articles = load_inputs([EXAMPLES])
    assert [a.id for a in articles] == ["bloomberg", "moscow-times", "rferl", "rt", "state-dipnote"]
    assert all(a.text == (EXAMPLES / f"{a.id}.txt").read_text(encoding="utf-8") for a in articles)


def test_id_collisions_get_suffixes(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "story.txt", f"From {folder}.")
    write(tmp_path / "ids.json", json.dumps([{"text": "1", "id": "story"}, {"text": "2", "id": "story-2"}]))
    paths = [
        tmp_path / "x" / "story.txt",
        tmp_path / "y" / "story.txt",
        tmp_path / "ids.json",
        tmp_path / "z",
    ]
    articles = load_inputs(paths)
    assert [a.id for a in articles] == ["story", "story-2", "story-3", "story-2-2", "story-4"]
    assert [a.text for a in articles] == ["From x.", "From y.", "1", "2", "From z."]


def test_same_file_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "a.txt", BODY)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r"^\./a\.txt is given twice$"):
        load_inputs(["a.txt", "./a.txt"])
    with pytest.raises(UsageError, match=re.escape(f"{os.path.join('.', 'a.txt')} is given twice")):
        load_inputs([path, "."])


def test_labels_override_outlets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.json", json.dumps({"text": "B.", "outlet": "Found", "id": "bee"}))
    write(tmp_path / "c.txt", "C.")
    write(tmp_path / "d.txt", "D.")
    labels = {
        "a.txt": "By path as given",
        "bee": "By id",
        str(tmp_path / "c.txt"): "By resolved path",
        "./d.txt": "By a path resolving to the file",
    }
    articles = load_inputs(["a.txt", "b.json", "c.txt", "d.txt", {"text": "E.", "outlet": "Kept"}], labels)
    assert [a.outlet for a in articles] == [
        "By path as given",
        "By id",
        "By resolved path",
        "By a path resolving to the file",
        "Kept",
    ]
    (article,) = load_inputs([tmp_path / "d.txt"], {"d.txt": "By file name"})
    assert article.outlet == "By file name"


def test_label_that_matches_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "A.")
    with pytest.raises(UsageError) as info:
        load_inputs([path], {"a.txt": "Fine", "rt": "RT"})
    assert str(info.value) == "--label rt: no input file or article id matches"


def test_label_by_file_name_covers_all_its_records(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "One."}\n{"text": "Two.", "outlet": "X"}\n')
    articles = load_inputs([path, {"text": "Other."}], {"feed.jsonl": "Wire"})
    assert [a.outlet for a in articles] == ["Wire", "Wire", None]


def test_import_is_cheap() -> None:
    heavy = ("trafilatura", "charset_normalizer", "lxml", "nltk")
    code = f"import sys, compare.load; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    root = Path(__file__).parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"


def test_directory_skips_readme(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "About these files.")
    write(tmp_path / "a.txt", "Article A.")
    write(tmp_path / "b.md", "Article B.")
    assert [a.id for a in load_inputs([tmp_path])] == ["a", "b"]


# --- issue 16: mojibake and record dates ------------------------------------------------------------


def test_mojibake_in_a_record_is_repaired_and_listed(tmp_path: Path) -> None:
    from compare.load import load_inputs as _load

    record = {"id": "m", "title": "Medvedevâ€™s offer", "outlet": "CafÃ© Press",
              "text": "Medvedevâ€™s plan was â€œvery positiveâ€\x9d, officials said. SÃ£o Paulo agreed."}
    (tmp_path / "m.json").write_text(json.dumps(record), encoding="utf-8")
    (article,) = _load([tmp_path / "m.json"])
    assert article.text == "Medvedev’s plan was “very positive”, officials said. São Paulo agreed."
    assert (article.title, article.outlet) == ("Medvedev’s offer", "Café Press")
    assert [note.split(":")[0] for note in article.repaired] == ["text", "title", "outlet"]


def test_text_without_mojibake_is_left_as_it_is(tmp_path: Path) -> None:
    from compare.decode import unmangled
    from compare.load import load_inputs as _load

    text = "São Paulo’s “mayor” paid 5 € at the café; naïve Âge d’or — fine.\n"
    (tmp_path / "ok.txt").write_text(text, encoding="utf-8")
    (article,) = _load([tmp_path / "ok.txt"])
    assert article.text == text and article.repaired == ()
    assert unmangled(article) is article


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("Friday 24 September 2010 10.00 BST", "2010-09-24"),
        ("24 septembre 2010", "2010-09-24"),
        ("Sept 24th, 2010 at 10am", "2010-09-24"),
        ("2010-09-24T10:00:00Z", "2010-09-24"),  # the fast reader's
        # never a date without an anchor or without a year, never a guess between day and month
        ("yesterday", None),
        ("3 days ago", None),
        ("today", None),
        ("24 Sep", None),
        ("03/11/2010", None),
        ("03.11.10 10:00", None),
        ("x" * 200, None),
        # a date written year first that is no date: dateparser read it as year, day, month (13 January)
        ("2010-13-01", None),
        ("2010-13-01T10:00:00", None),
        ("2010-02-30", None),
        ("2010/9/4", "2010-09-04"),
        ("2010.09.24 10.00 BST", "2010-09-24"),  # a valid one keeps its date (the reviewer's)
        ("2010/09/24 Friday", "2010-09-24"),
    ],
)
def test_record_dates(value: str, date: str | None) -> None:
    from compare.metadata import record_date

    assert record_date(value) == date


def test_a_json_record_date_the_fast_reader_cannot_read(tmp_path: Path) -> None:
    from compare.load import load_inputs as _load

    record = {"text": "Ministers met in Brussels.", "date": "Friday 24 September 2010 10.00 BST"}
    (tmp_path / "d.json").write_text(json.dumps(record), encoding="utf-8")
    assert _load([tmp_path / "d.json"])[0].date == "2010-09-24"


def test_json_lines_named_json_are_read_as_json_lines(tmp_path: Path) -> None:
    """Exports of one object a line often end in .json (pandas' to_json(lines=True)): such a file
    stopped the run with "invalid JSON at line 2 column 1: Extra data"."""
    records = [{"id": "a", "text": "NATO met Russia in Lisbon."}, {"id": "b", "text": "Russia met NATO in Lisbon."}]
    path = tmp_path / "export.json"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert [(a.id, a.text) for a in load_inputs([str(path)])] == [("a", records[0]["text"]), ("b", records[1]["text"])]
    pretty = tmp_path / "pretty.json"  # a document over several lines is still one document
    pretty.write_text(json.dumps(records[0], indent=2), encoding="utf-8")
    assert [a.id for a in load_inputs([str(pretty)])] == ["a"]
