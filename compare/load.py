"""Stage 1: inputs → :class:`~compare.models.Article`.

:func:`load_inputs` turns what the user gave (paths to files or directories, or
JSON-like mappings from API callers) into articles with their text and whatever
metadata the input carries:

* ``.txt``, ``.md`` and any other extension: plain text.  UTF-8 first (a BOM is
  dropped), UTF-16/32 when the file starts with their BOM, otherwise the encoding
  is detected with charset_normalizer.  Line endings become ``\\n``; nothing
  else in the text is changed.
* ``.html``/``.htm``: main text and metadata (title, date, site name, URL) with
  trafilatura, which never fetches anything here: it is given the decoded page.
* ``.json``: one article object or an array of them; ``.jsonl``: one per line.
* a directory: its article files in name order (not recursive, hidden files
  skipped).

:func:`complete_metadata` runs later, after the clean stage, and fills the title,
date and outlet that the input itself did not give, from the first lines of the
text.  :func:`parse_date` normalises the date forms found in news articles to
``YYYY-MM-DD``; other stages reuse it.

trafilatura and charset_normalizer are imported only when an input needs them,
so that a run on plain-text files starts fast.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from compare.errors import InputError, UsageError
from compare.models import Article, Span

__all__ = ["complete_metadata", "load_inputs", "parse_date"]

ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# Files in a directory that describe the folder rather than being articles.
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "notes", "sources"})
"""Files a directory input contributes (any extension is accepted for a file given directly)."""

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "pubDate")
OUTLET_FIELDS = ("outlet", "source", "sitename", "site")
URL_FIELDS = ("url", "link")

HEAD_LINES = 8
"""complete_metadata looks for a dateline or wire dateline in this many non-empty
lines at the start of the text."""

TITLE_CANDIDATES = 6
"""complete_metadata takes the title from the first this-many kept paragraphs only,
so that a crosshead deep in the article is never taken for the headline."""

TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 25
"""A headline is one line of TITLE_MIN_WORDS..TITLE_MAX_WORDS words without a final full stop."""

LEGACY_DEFAULT = "cp1252"
"""The encoding preferred when detection finds several equally likely ones."""

_NO_TEXT = f"no text field (expected one of {', '.join(TEXT_FIELDS)})"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})"  # 2010-09-24, 2010/09/24
    rf"|(?P<mm>{_MONTH})[\s-]*(?P<md>\d{{1,2}}){_ORD},?[\s-]+(?P<my>\d{{4}})"  # September 24, 2010
    rf"|(?P<dd>\d{{1,2}}){_ORD}[\s-]+(?:of\s+)?(?P<dm>{_MONTH}),?[\s-]+(?P<dy>\d{{4}})"  # 24 Sep, 2010
    rf"|(?P<nd>\d{{1,2}})(?P<ns>[./])(?P<nm>\d{{1,2}})(?P=ns)(?P<ny>\d{{4}}))"  # 24.09.2010, 24/09/2010
)
_TIME = (
    r"(?:(?:T|\s+|,\s*|\s+at\s+)\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
    r"\s*(?:[ap]\.?m\.?)?\s*(?:Z|UTC|GMT|[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?)?)?"
)
_FULL_DATE = re.compile(rf"\s*(?:{_WEEKDAY})?{_DATE}{_TIME}\s*", re.IGNORECASE)
# In running text: not glued to other digits or words; "T10:00" may follow an ISO date.
_DATE_IN_TEXT = re.compile(rf"(?<![\w.:/-]){_DATE}(?=$|T\d|\.(?!\d)|[^\w./-])", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The date ``text`` states, as ``YYYY-MM-DD``; None when it is not a full date.

    Accepted: ISO dates and datetimes ("2010-09-24", "2010-09-24T10:00:00Z"; the
    date part is taken as written, not moved to UTC), "2010/09/24", month-name
    forms with a year ("September 24, 2010", "Sept. 24 2010", "24 Sep 2010",
    "23 Feb, 2010 21:55", "Fri, 24 Sep 2010 10:00:00 +0000") and numeric day-first
    forms ("24.09.2010"; "24/09/2010" only when day and month cannot be swapped).
    A date without a year, or an impossible one (February 30), gives None.
    """
    match = _FULL_DATE.fullmatch(text)
    return _match_to_date(match) if match else None


def _match_to_date(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["mm"]:
        year, month, day = int(groups["my"]), _MONTHS[groups["mm"][:3].lower()], int(groups["md"])
    elif groups["dd"]:
        year, month, day = int(groups["dy"]), _MONTHS[groups["dm"][:3].lower()], int(groups["dd"])
    else:
        year, first, second = int(groups["ny"]), int(groups["nd"]), int(groups["nm"])
        if groups["ns"] == "/" and first <= 12 and second <= 12 and first != second:
            return None  # 03/11/2010: 3 November or March 11 — do not guess
        day, month = (second, first) if second > 12 else (first, second)
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _dates_in(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, YYYY-MM-DD) of every full date written in ``text``."""
    for match in _DATE_IN_TEXT.finditer(text):
        month = match.group("mm") or match.group("dm")
        if month and not month[0].isupper():
            continue  # "may 5, 2010 ..." is more likely the verb than the month
        value = _match_to_date(match)
        if value:
            yield match.start(), match.end(), value


# --------------------------------------------------------------------------- loading


def load_inputs(
    inputs: Sequence[str | os.PathLike[str] | Mapping[str, Any]],
    labels: Mapping[str, str] | None = None,
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
    """
    articles: list[Article] = []
    paths: list[Path | None] = []  # the resolved file each article came from
    seen: set[Path] = set()
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Mapping):
            articles.append(_record(item, f"<record {number}>", f"<record {number}>", f"record-{number}"))
            paths.append(None)
            continue
        for source, path in _expand(os.fspath(item)):
            resolved = path.resolve()
            if resolved in seen:
                raise UsageError(f"{source} is given twice")
            seen.add(resolved)
            found = _load_file(source, path)
            articles.extend(found)
            paths.extend([resolved] * len(found))
    articles = _unique_ids(articles)
    if labels:
        articles = _apply_labels(articles, paths, labels)
    return tuple(articles)


def _expand(given: str) -> list[tuple[str, Path]]:
    """(source as the user would write it, path) of the files one input names."""
    path = Path(given)
    try:
        if not path.is_dir():
            if not path.exists():
                raise InputError(given, "no such file or directory")
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
    if not names:
        raise InputError(given, f"no article files ({', '.join(ARTICLE_EXTENSIONS)}) in this directory")
    return [(os.path.join(given, name), path / name) for name in names]


def _load_file(source: str, path: Path) -> list[Article]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as error:
        raise InputError(source, (error.strerror or str(error)).lower()) from None

    suffix = path.suffix.lower()
    html = suffix in (".html", ".htm")
    text = _decode(data, source, html=html) if data.strip() else ""
    if not text.strip():
        raise InputError(source, "empty file")
    digest = hashlib.sha256(data).hexdigest()
    if html:
        return [_from_html(text, source, digest, path.stem)]
    if suffix == ".json":
        return _from_json(text, source, digest, path.stem)
    if suffix == ".jsonl":
        return _from_jsonl(text, source, path.stem)
    return [Article(id=path.stem, source=source, sha256=digest, text=_newlines(text))]


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, source: str, *, html: bool = False) -> str:
    """Bytes → text: BOM, then UTF-8, then (HTML) the declared charset, then detection."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    raise InputError(source, "binary file, not text") from None
    if b"\x00" in data:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    from charset_normalizer import from_bytes  # only non-UTF-8 input pays for this import

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(source, "binary file, not text")
    # On a tie (short Western text often scores the same as cp1250 and cp1252),
    # prefer windows-1252: by far the most common legacy encoding of news pages.
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and LEGACY_DEFAULT in match.could_be_from_charset:
            return str(match)
    return str(best)


def _from_html(page: str, source: str, digest: str, stem: str) -> Article:
    import logging

    import trafilatura  # only HTML input pays for this import (about 0.3 s)

    # trafilatura logs "discarding data" warnings; without a handler of the
    # application's they would reach stderr through logging's last resort.
    logger = logging.getLogger("trafilatura")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    # The page is passed as a string, never a URL: trafilatura fetches nothing.
    # Balanced mode (neither favor_precision nor favor_recall): lost article text
    # would show as false omissions, while leftover boilerplate is the clean
    # stage's job.
    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )

    def field(name: str) -> str | None:
        value = getattr(document, name, None) if document is not None else None
        return (value.strip() or None) if isinstance(value, str) else None

    lines = (line.strip() for line in _newlines(field("text") or "").split("\n"))
    text = "\n\n".join(line for line in lines if line)  # one paragraph per line
    if not text:
        raise InputError(source, "no article text found in the HTML")
    date = field("date")
    return Article(
        id=stem,
        source=source,
        sha256=digest,
        text=text,
        outlet=field("sitename") or field("hostname"),
        title=field("title"),
        date=parse_date(date) if date else None,
        url=field("url"),
    )


def _from_json(text: str, source: str, digest: str, stem: str) -> list[Article]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            source, f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    if isinstance(value, dict):
        return [_record(value, source, source, stem, digest=digest)]
    if not isinstance(value, list):
        raise InputError(source, f"expected a JSON object or an array of objects, not {_kind(value)}")
    if not value:
        raise InputError(source, "empty JSON array: no articles")
    records = []
    for n, item in enumerate(value, start=1):
        where = f"{source} record {n}"
        if not isinstance(item, dict):
            raise InputError(where, f"expected a JSON object, not {_kind(item)}")
        records.append(_record(item, source, where, f"{stem}-{n}"))
    return records


def _from_jsonl(text: str, source: str, stem: str) -> list[Article]:
    records: list[Article] = []
    for n, line in enumerate(_newlines(text).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(source, f"line {n}: invalid JSON: {error.msg} (column {error.colno})") from None
        if not isinstance(item, dict):
            raise InputError(source, f"line {n}: expected a JSON object, not {_kind(item)}")
        records.append(_record(item, source, f"{source} line {n}", f"{stem}-{len(records) + 1}"))
    return records


def _record(
    record: Mapping[str, Any], source: str, where: str, default_id: str, *, digest: str | None = None
) -> Article:
    """One JSON record as an article; ``where`` names it in error messages."""
    text = _first_string(record, TEXT_FIELDS)
    if text is None:
        raise InputError(where, _NO_TEXT)
    text = _newlines(text)
    own_id = record.get("id")
    if isinstance(own_id, int) and not isinstance(own_id, bool):
        own_id = str(own_id)
    date = _first_string(record, DATE_FIELDS)
    return Article(
        id=own_id.strip() if isinstance(own_id, str) and own_id.strip() else default_id,
        source=source,
        sha256=digest or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        outlet=_outlet(record),
        title=_first_string(record, TITLE_FIELDS),
        date=parse_date(date) if date else None,
        url=_first_string(record, URL_FIELDS),
    )


def _first_string(record: Mapping[str, Any], names: Sequence[str]) -> str | None:
    """The first of ``names`` whose value is a non-blank string, as written."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _outlet(record: Mapping[str, Any]) -> str | None:
    for name in OUTLET_FIELDS:
        value = record.get(name)
        if isinstance(value, Mapping):  # NewsAPI style: "source": {"id": ..., "name": "BBC News"}
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


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
    articles: Sequence[Article], paths: Sequence[Path | None], labels: Mapping[str, str]
) -> list[Article]:
    """Set each labelled article's outlet; the most specific key wins (id, path as given,
    resolved path, file name, then a key that resolves to the article's file)."""
    resolved = {key: _resolve(key) for key in labels}
    used: set[str] = set()
    result = []
    for article, path in zip(articles, paths, strict=True):
        names = [article.id, article.source]
        if path is not None:
            names += [str(path), path.name]
        keys = [name for name in names if name in labels]
        if path is not None:
            keys += [key for key, value in resolved.items() if value == path]
        used.update(keys)
        result.append(replace(article, outlet=labels[keys[0]]) if keys else article)
    for key in labels:
        if key not in used:
            raise UsageError(f"--label {key}: no input file or article id matches")
    return result


def _resolve(key: str) -> Path | None:
    try:
        return Path(key).resolve()
    except (OSError, RuntimeError, ValueError):
        return None


# --------------------------------------------------------------------------- metadata

_WIRE_DATELINE = re.compile(
    r"[A-Z][\w.,' /-]{0,60}?\s\((?P<outlet>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
    r"|\((?P<lead>[A-Z][\w&.' -]{0,40}?)\)\s*(?:--|—|–|-)\s"
)


def complete_metadata(article: Article) -> Article:
    """Fill the title, date and outlet the input did not give (only fields still None).

    Runs after the clean stage.  The title is the first of the first kept
    paragraphs that reads as a headline: one line, 3 to 25 words, no final full
    stop, not a date.  The date is the first full date (with a year) in the first
    lines of the whole text, in a line the cleaner kept or removed as metadata, or
    on a line of its own (a dateline such as "23 Feb, 2010 21:55"); never one
    inside a donation appeal or other boilerplate.  The outlet comes from a wire
    dateline such as "Nov. 3 (Bloomberg) --" in a kept line.  Without cleaning
    results (no paragraphs and nothing removed) every non-empty line counts as kept.
    """
    text = article.text
    lines = _line_spans(text)
    cleaned = bool(article.paragraphs or article.removed)
    allowed = [
        *article.paragraphs,
        *(Span(r.start, r.end) for r in article.removed if r.reason.startswith("metadata")),
    ]

    def kept(start: int, end: int) -> bool:
        return not cleaned or any(span.start < end and start < span.end for span in allowed)

    def dateline(line: Span) -> bool:  # a line that is nothing but a date, wherever it went
        return parse_date(text[line.start : line.end]) is not None

    head = lines[:HEAD_LINES]
    title, date, outlet = article.title, article.date, article.outlet
    if title is None:
        blocks = list(article.paragraphs) or lines
        candidates = (text[span.start : span.end].strip() for span in blocks[:TITLE_CANDIDATES])
        title = next((candidate for candidate in candidates if _is_headline(candidate)), None)
    if date is None:
        found = (
            value
            for line in head
            for start, end, value in _dates_in(text[line.start : line.end])
            if kept(line.start + start, line.start + end) or dateline(line)
        )
        date = next(found, None)
    if outlet is None:
        for line in head:
            match = _WIRE_DATELINE.match(text, line.start, line.end)
            if match and kept(line.start, line.end):
                outlet = (match.group("outlet") or match.group("lead")).strip()
                break
    if (title, date, outlet) == (article.title, article.date, article.outlet):
        return article
    return replace(article, title=title, date=date, outlet=outlet)


def _line_spans(text: str) -> list[Span]:
    """Spans of the non-empty lines of ``text``, without surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped)
            spans.append(Span(start, start + len(stripped)))
    return spans


def _is_headline(candidate: str) -> bool:
    if not candidate or "\n" in candidate or candidate.endswith("."):
        return False
    words = candidate.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    if sum(any(c.isalpha() for c in word) for word in words) < TITLE_MIN_WORDS:
        return False  # "23 Feb, 2010 21:55", "0:00 23:13"
    return parse_date(candidate) is None
