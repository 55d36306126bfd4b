"""Stage 1: inputs → :class:`~compare.models.Article`.

:func:`load_inputs` turns what the user gave (paths to files or directories, or JSON-like mappings from
API callers) into articles with their text and whatever metadata the input carries:

* ``.txt``, ``.md`` and any other extension: plain text.  Line endings become ``\\n``; nothing else in the
  text is changed but lone surrogates (:func:`compare.untrusted.repaired`), mojibake and control characters
  (:func:`compare.untrusted.controls_removed`).
* ``.html``/``.htm``: main text and metadata (title, date, site name, URL) with trafilatura, which never
  fetches anything here: it is given the decoded page.
* ``.json``: one article object or an array of them; ``.jsonl``: one per line.
* a directory: its article files in name order (not recursive, hidden files skipped).

Bytes become text by :func:`compare.decode.decode` (BOM, UTF-8, UTF-8 with Windows bytes, an HTML page's
declared charset, then detection).

Bad input never passes silently: a file that is missing, unreadable, empty, binary, larger than
:data:`MAX_INPUT_BYTES`, or whose article text is longer than :data:`MAX_ARTICLE_CHARS` or shows nothing
(only zero-width, byte-order-mark or control characters), a JSON record without text (or whose text
shows nothing, or with a field of the wrong kind: :mod:`compare.record_fields`) and a broken JSONL line raise :class:`~compare.errors.InputError` naming the file (and record
or line) and the problem.  With ``skip_bad=True`` :func:`load_inputs` leaves such an item out instead and
reports it in its ``skipped`` list.

What the input does not say (a title, date or outlet written in the text itself) is found after the clean
stage by :func:`compare.metadata.complete_metadata`; dates are read by :func:`compare.metadata.record_date`.

trafilatura and charset_normalizer are imported only when an input needs them: a run on text files starts fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from compare import untrusted
from compare.decode import decode, unmangled
from compare.errors import InputError, UsageError, json_kind
from compare.metadata import record_date
from compare.models import Article
from compare.record_fields import record_fields
from compare.untrusted import controls_removed, failure, flatten_deep_tables, parse_json, printable, repaired

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_INPUT_BYTES",
    "load_inputs",
]

ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# Files in a directory that describe the folder rather than being articles.
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "notes", "sources"})
"""Files a directory input contributes (any extension is accepted for a file given directly)."""

MAX_INPUT_BYTES = 20_000_000
"""A larger input file is refused unread ("too large (50.0 MB; the limit is 20 MB)").
It bounds memory and the time spent decoding and parsing (HTML pages with their
scripts run to a few MB; article text is limited separately)."""

MAX_ARTICLE_CHARS = 500_000
"""An article text (decoded, or extracted from HTML) longer than this is refused.
The longest news articles run to about 30,000 characters; comparing a 500,000
character text with another article takes about 10 s on the 2-core development
machine, 1,000,000 about 30 s and 2,000,000 over 2 minutes (the cost grows
faster than the length)."""

_OnBad = Callable[[InputError], None]


# --------------------------------------------------------------------------- loading


def load_inputs(
    inputs: Sequence[str | os.PathLike[str] | Mapping[str, Any]],
    labels: Mapping[str, str] | None = None,
    *,
    skip_bad: bool = False,
    skipped: list[InputError] | None = None,
) -> tuple[Article, ...]:
    """Load every input as one or more articles, in the order given.

    Each item is a path to a file (read by its extension), a path to a directory
    (its article files in name order), or a mapping read like one JSON record
    (its source is ``"<record N>"``, N counting inputs from 1).  Article ids are
    the file stem or the record's own ``id``; records of a JSON array or JSONL
    file without one get ``"<stem>-<n>"``.  When two ids collide the later one
    gets ``-2``, ``-3``...  ``sha256`` is that of the file's bytes, or of the
    text (UTF-8) for a record of an array, a JSONL file or a mapping.

    ``labels`` maps a path as given, a resolved path, a file name or an article
    id to an outlet name, which overrides any outlet the input gave.

    Raises :class:`InputError` for an input that cannot be read as articles and
    :class:`UsageError` for a file given twice or a label that matches nothing.
    With ``skip_bad=True`` an input, JSON record or JSONL line that would raise
    :class:`InputError` is left out instead and that error appended to ``skipped``
    (when given); the rest loads as usual, and a label that
    names only skipped files is not an error.  Nothing is printed.
    """

    def on_bad(error: InputError) -> None:
        if not skip_bad:
            raise error
        if skipped is not None:
            skipped.append(error)

    articles: list[Article] = []
    paths: list[Path | None] = []  # the resolved file each article came from
    seen: set[Path] = set()
    left_out: list[tuple[str, Path | None]] = []  # skipped files, for labels
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Mapping):
            where = f"<record {number}>"
            try:
                articles.append(_record(item, where, where, f"record-{number}"))
            except InputError as error:
                on_bad(error)
                continue
            paths.append(None)
            continue
        given = os.fspath(item)
        try:
            files = _expand(given)
        except InputError as error:
            on_bad(error)
            left_out.append((given, _resolve(given)))
            continue
        for source, path in files:
            resolved = path.resolve()
            if resolved in seen:
                raise UsageError(f"{source} is given twice")
            seen.add(resolved)
            try:
                found = _load_file(source, path, on_bad)
            except InputError as error:
                on_bad(error)
                left_out.append((source, resolved))
                continue
            articles.extend(found)
            paths.extend([resolved] * len(found))
    articles = _unique_ids([controls_removed(unmangled(repaired(article))) for article in articles])
    if labels:
        articles = _apply_labels(articles, paths, labels, left_out)
    return tuple(articles)


def input_files(given: str) -> list[Path]:
    """The files one input names as :func:`load_inputs` reads them (none for standard input), or its InputError."""
    return [] if given == STDIN else [path for _, path in _expand(given)]


def _expand(given: str) -> list[tuple[str, Path]]:
    """(source as the user would write it, path) of the files one input names."""
    if not given:
        raise InputError("''", "empty path")
    if given == STDIN:
        return [(STDIN, Path(STDIN))]
    path = Path(given)
    try:
        if not path.is_dir():
            if not path.exists():
                raise InputError(given, BROKEN_LINK if path.is_symlink() else "no such file or directory")
            if is_own_report(path):  # `compare out/*`: its text would be compared as an article
                raise InputError(given, OWN_REPORT)
            return [(given, path)]
        with os.scandir(path) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if not entry.name.startswith(".")
                and entry.name.lower().endswith(ARTICLE_EXTENSIONS)
                and entry.name.lower().rsplit(".", 1)[0] not in NOT_ARTICLES
                and entry.is_file()
            )
    except PermissionError:
        raise InputError(given, "permission denied") from None
    except OSError as error:  # e.g. a name too long, a loop of symbolic links
        raise InputError(given, _os_problem(error)) from None
    names = [name for name in names if not is_own_report(path / name)]
    if not names:
        raise InputError(given, f"no article files ({', '.join(ARTICLE_EXTENSIONS)}) in this directory")
    return [(os.path.join(given, name), path / name) for name in names]


OWN_REPORT = "a report storycompare wrote, not an article (give the articles it compared)"
BROKEN_LINK = "a symbolic link to nothing (its target is missing, or the links form a loop)"  # not "no such file"

# The opening of a file storycompare wrote: a report or an index (HTML), a report or stories.json.
_OWN_MARKS = (b'<meta name="generator" content="storycompare', b'"schema": "storycompare')


def is_own_report(path: Path) -> bool:
    """A report of an earlier run, written into the folder being read: not an article."""
    if not path.name.lower().endswith((".html", ".htm", ".json")):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError:
        return False  # reading it properly will say what is wrong
    return any(mark in head for mark in _OWN_MARKS)


def _os_problem(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _read(source: str, path: Path) -> bytes:
    """The bytes of a regular file or a pipe, refusing anything larger than MAX_INPUT_BYTES.

    A regular file's size is checked before reading it.  A pipe (``<(command)``
    in a shell, ``/dev/stdin``) is read up to the limit; a named pipe without a
    writer reads as empty instead of waiting.  Devices and sockets are refused:
    reading ``/dev/zero`` would never end.
    """
    limit = f"the limit is {MAX_INPUT_BYTES // 1_000_000} MB"
    try:
        mode = path.stat()
        if stat.S_ISREG(mode.st_mode):
            if mode.st_size > MAX_INPUT_BYTES:
                raise InputError(source, f"too large ({_megabytes(mode.st_size)}; {limit})")
            data = path.read_bytes()
        elif stat.S_ISFIFO(mode.st_mode):
            data = _read_pipe(path, MAX_INPUT_BYTES + 1)
        elif stat.S_ISDIR(mode.st_mode):
            raise InputError(source, "is a directory")
        else:
            kind = "a socket" if stat.S_ISSOCK(mode.st_mode) else "a device"
            raise InputError(source, f"not a regular file ({kind})")
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as error:
        raise InputError(source, _os_problem(error)) from None
    if len(data) > MAX_INPUT_BYTES:  # a pipe, or a file that grew since stat()
        raise InputError(source, f"too large ({limit})")
    return data


def _read_pipe(path: Path, most: int) -> bytes:
    # Opening without O_NONBLOCK would wait for a writer forever; once open,
    # reads block as usual and end when the writer closes its end.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size < most:
            chunk = os.read(fd, min(1 << 20, most - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


STDIN = "-"
"""The input that reads standard input: one article (text or HTML) or JSON / JSONL records,
told apart by their first characters (:func:`stdin_kind`); its article id is ``stdin``."""


def stdin_kind(data: bytes) -> str:
    r"""The extension standard input is read as, from how it starts.

    >>> [stdin_kind(d) for d in (b'[{"text": "a"}]', b'{"text": "a"}\n{"text": "b"}', b'  <html>', b'Text')]
    ['.json', '.jsonl', '.html', '.txt']
    """
    body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"["):
        return ".json"
    if body.startswith(b"{"):
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        one_per_line = len(lines) > 1 and all(line.startswith(b"{") and line.endswith(b"}") for line in lines)
        return ".jsonl" if one_per_line else ".json"
    return ".html" if body.startswith(b"<") else ".txt"


def _load_stdin(on_bad: _OnBad) -> list[Article]:
    import sys

    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise InputError(STDIN, "standard input is closed")
    try:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(STDIN, _os_problem(error)) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(STDIN, f"too large (the limit is {MAX_INPUT_BYTES // 1_000_000} MB)")
    return _load_data(STDIN, "stdin", stdin_kind(data), data, on_bad)


def _load_file(source: str, path: Path, on_bad: _OnBad) -> list[Article]:
    if source == STDIN:
        return _load_stdin(on_bad)
    source = printable(source)
    return _load_data(source, printable(path.stem), path.suffix.lower(), _read(source, path), on_bad)


def _load_data(source: str, stem: str, suffix: str, data: bytes, on_bad: _OnBad) -> list[Article]:
    """The articles in ``data``, read as a file with this extension (``suffix``, lower case)."""
    html = suffix in (".html", ".htm")
    text = decode(data, source, html=html) if data.strip() else ""
    if not text.strip():
        raise InputError(source, "empty file")
    digest = hashlib.sha256(data).hexdigest()
    if html:
        return [_from_html(text, source, digest, stem)]
    if suffix == ".json" and stdin_kind(data) != ".jsonl":  # JSON Lines named .json, as exports often are, read so
        return _from_json(text, source, digest, stem, on_bad)
    if suffix in (".json", ".jsonl"):  # one object a line: no JSON document ("line 2 column 1: Extra data")
        return _from_jsonl(text, source, stem, on_bad)
    text = _newlines(text)
    _check_length(text, source)
    if not untrusted.visible(text):
        raise InputError(source, untrusted.INVISIBLE)
    return [Article(id=stem, source=source, sha256=digest, text=text)]


def _check_length(text: str, where: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where, f"article text too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
        )


def _newlines(text: str) -> str:  # CR LF, CR and U+2028 (line separator) end a line, U+2029 (paragraph separator) a paragraph
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def _from_html(page: str, source: str, digest: str, stem: str) -> Article:
    import logging

    import trafilatura  # only HTML input pays for this import (about 0.3 s)

    # trafilatura logs "discarding data" warnings; without a handler of the
    # application's they would reach stderr through logging's last resort.
    logger = logging.getLogger("trafilatura")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    # The page is passed as a string or a parsed tree, never a URL: trafilatura fetches nothing.
    # Balanced mode (neither favor_precision nor favor_recall): lost article text
    # would show as false omissions, while leftover boilerplate is the clean
    # stage's job.
    tree = _page_tree(page, source)
    options: dict[str, Any] = {
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "deduplicate": False,
    }
    try:
        document = trafilatura.bare_extraction(page if tree is None else tree, with_metadata=True, **options)
    except Exception as error:  # a library inside trafilatura failed on this page
        # htmldate (the date of the metadata) asserts on some malformed pages, e.g.
        # "<svg><title>x</title><script>": read the text without the metadata then.
        try:
            tree = _page_tree(page, source)  # the failed pass may have changed the tree
            document = trafilatura.bare_extraction(page if tree is None else tree, with_metadata=False, **options)
        except Exception:
            raise InputError(source, f"malformed HTML that the HTML reader cannot read ({failure(error)})") from None
    def field(name: str) -> str | None:
        value = getattr(document, name, None) if document is not None else None
        return (value.strip() or None) if isinstance(value, str) else None

    lines = (line.strip() for line in _newlines(field("text") or "").split("\n"))
    text = "\n\n".join(line for line in lines if line)  # one paragraph per line
    if not text:
        raise InputError(source, "no article text found in the HTML")
    _check_length(text, source)
    date = field("date")
    return Article(
        id=stem,
        source=source,
        sha256=digest,
        text=text,
        outlet=field("sitename") or field("hostname"),
        title=field("title"),
        date=record_date(date) if date else None,
        url=field("url"),
    )


_TOO_DEEP = "Excessive depth in document"
"""libxml2's message when a page nests more elements than its parser allows (255, or 2,047 with
``huge_tree``); it then stops reading, and everything after the deep block is lost."""


_DEEP_ENOUGH = 250
"""A parsed page this deep may have been cut at lxml's default limit of 255 levels (libxml2 then
stops reading, and logs it only in the parser's error log, which trafilatura keeps private):
such a page is parsed again with the larger limit."""


def _depth(tree: Any) -> int:
    """How many elements deep ``tree`` nests (the root is 1), without recursion."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def _page_tree(page: str, source: str) -> Any:
    """The page parsed once, as trafilatura parses it (``trafilatura.load_html``; None when that
    finds no HTML, and trafilatura then says what it makes of the page).  A page nested deeper
    than lxml's default limit of 255 elements is parsed again with the larger limit, so that the
    text after the deep block is not silently dropped; past that limit too, an :class:`InputError`."""
    from lxml import html
    from trafilatura import load_html

    tree = load_html(page)
    if tree is None or _depth(tree) < _DEEP_ENOUGH:
        return flatten_deep_tables(tree)
    # trafilatura's parser settings with the larger limit; bytes, as a declared encoding needs them
    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    tree = html.document_fromstring(page.encode("utf-8"), parser=parser)
    if any(_TOO_DEEP in entry.message for entry in parser.error_log):
        raise InputError(
            source,
            "HTML elements nested more than 2,047 deep; the text after them cannot be read "
            "(save the article as a .txt file)",
        )
    return flatten_deep_tables(tree)


def _from_json(text: str, source: str, digest: str, stem: str, on_bad: _OnBad) -> list[Article]:
    try:
        value = parse_json(text)
    except json.JSONDecodeError as error:
        raise InputError(
            source, f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise InputError(source, "JSON nested too deeply") from None
    if isinstance(value, dict):
        return [_record(value, source, source, stem, digest=digest)]
    if not isinstance(value, list):
        raise InputError(source, f"expected a JSON object or an array of objects, not {json_kind(value)}")
    if not value:
        raise InputError(source, "empty JSON array: no articles")
    records = []
    for n, item in enumerate(value, start=1):
        where = f"{source} record {n}"
        try:
            if not isinstance(item, dict):
                raise InputError(where, f"expected a JSON object, not {json_kind(item)}")
            records.append(_record(item, source, where, f"{stem}-{n}"))
        except InputError as error:
            on_bad(error)
    return records


def _from_jsonl(text: str, source: str, stem: str, on_bad: _OnBad) -> list[Article]:
    records: list[Article] = []
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):  # a record may hold U+2028
        if not line.strip():
            continue
        try:
            try:
                item = parse_json(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    source, f"invalid JSON: {error.msg} (column {error.colno})", line=n
                ) from None
            except RecursionError:
                raise InputError(source, "JSON nested too deeply", line=n) from None
            if not isinstance(item, dict):
                raise InputError(source, f"expected a JSON object, not {json_kind(item)}", line=n)
            records.append(_record(item, source, f"{source} line {n}", f"{stem}-{len(records) + 1}"))
        except InputError as error:
            on_bad(error)
    return records


def _record(
    record: Mapping[str, Any], source: str, where: str, default_id: str, *, digest: str | None = None
) -> Article:
    """One JSON record as an article (:mod:`compare.record_fields`); ``where`` names it in error messages."""
    fields = record_fields(record, where)
    text = _newlines(fields.text)
    _check_length(text, where)
    return Article(
        id=fields.id or default_id,
        source=source,
        sha256=digest or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        outlet=fields.outlet,
        title=fields.title,
        date=record_date(fields.date) if fields.date else None,
        url=fields.url,
    )


def _unique_ids(articles: Sequence[Article]) -> list[Article]:
    """The articles with colliding ids made unique: the later one gets -2, -3..."""
    taken: set[str] = set()
    result = []
    for article in articles:
        article_id, n = article.id, 1
        while article_id in taken:
            n += 1
            article_id = f"{article.id}-{n}"
        taken.add(article_id)
        result.append(article if article_id == article.id else replace(article, id=article_id))
    return result


def _apply_labels(
    articles: Sequence[Article],
    paths: Sequence[Path | None],
    labels: Mapping[str, str],
    left_out: Sequence[tuple[str, Path | None]] = (),
) -> list[Article]:
    """Set each labelled article's outlet; the most specific key wins (id, path as given,
    resolved path, file name, then a key that resolves to the article's file).  A key
    that names a file left out as bad is used up without effect."""
    resolved = {key: _resolve(key) for key in labels}

    def keys_of(names: list[str], path: Path | None) -> list[str]:
        if path is not None:
            names = [*names, str(path), path.name]
        keys = [name for name in names if name in labels]
        if path is not None:
            keys += [key for key, value in resolved.items() if value == path]
        return keys

    used: set[str] = set()
    result = []
    for article, path in zip(articles, paths, strict=True):
        keys = keys_of([article.id, article.source], path)
        used.update(keys)
        result.append(replace(article, outlet=labels[keys[0]]) if keys else article)
    for source, path in left_out:
        used.update(keys_of([source], path))
    for key in labels:
        if key not in used:
            raise UsageError(f"--label {key}: no input file or article id matches")
    return result


def _resolve(key: str) -> Path | None:
    try:
        return Path(key).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
