"""The PDF report on paper: page images, page text, metadata and outline.

Pages are rasterised with ``pdftoppm -r 50`` and read with Pillow (a WeasyPrint dependency); page
text comes from ``pdftotext``, metadata from ``pdfinfo`` (poppler-utils; the tests skip with a
reason when it is missing, ``.ci/run`` installs it).  What is checked:

* nothing runs off the page: the margin strips of every page image are white, except where the
  running header and footer stand -- for the example story and for articles with a 300-character
  unbroken token, a long URL and an over-long outlet name;
* a table longer than a page breaks across pages and repeats its header row;
* the running header (story title) on every page after the first, "Page N of M" on every page;
* the PDF's title, subject and keywords, and a bookmark outline of the sections.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import reports
from compare import Settings
from compare.models import Article, Comparison, Group, Pair, Sentence, Span
from reports import html as report_html

DPI = 50
INK = 245
"""A pixel darker than this (0-255, any channel) is ink: text, a rule, a tinted box."""

TOKEN = "".join("abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(300))
LONG_URL = (
    "https://example.org/"
    + "/".join(f"section-number-{i}" for i in range(10))
    + "?"
    + "&".join(f"parameter{i}=value{i}" for i in range(10))
)
LONG_OUTLET = "nachrichtenagenturfuerdeutschlandundoesterreichundschweiz"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed; .ci/run installs it")
    return path


# --- page geometry ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Margins:
    """The @page margins of print.css, in millimetres."""

    top: float
    right: float
    bottom: float
    left: float

    @classmethod
    def from_print_css(cls) -> Margins:
        css = (report_html.templates_dir() / "print.css").read_text("utf-8")
        page = re.search(r"@page\s*\{[^}]*?margin:\s*([^;]+);", css)
        assert page, "print.css has no @page margin"
        v = [float(value.removesuffix("mm")) for value in page.group(1).split()]
        top, right = v[0], v[1] if len(v) > 1 else v[0]
        bottom, left = v[2] if len(v) > 2 else top, v[3] if len(v) > 3 else right
        return cls(top, right, bottom, left)


def px(mm: float) -> int:
    return round(mm / 25.4 * DPI)


class PageImage:
    """One rasterised page, as grey levels."""

    def __init__(self, path: Path) -> None:
        from PIL import Image

        with Image.open(path) as im:
            grey = im.convert("L")
            self.width, self.height = grey.size
            self.pixels = grey.tobytes()

    def ink_in(self, x0: int, y0: int, x1: int, y1: int) -> list[tuple[int, int]]:
        """Ink pixels in the box [x0, x1) × [y0, y1)."""
        hits = []
        for y in range(max(0, y0), min(self.height, y1)):
            row = self.pixels[y * self.width : (y + 1) * self.width]
            hits.extend((x, y) for x in range(max(0, x0), min(self.width, x1)) if row[x] < INK)
        return hits

    def ink_rows(self) -> list[int]:
        return [
            y for y in range(self.height) if min(self.pixels[y * self.width : (y + 1) * self.width]) < INK
        ]


def margin_ink(page: PageImage, margins: Margins) -> dict[str, list[tuple[int, int]]]:
    """Ink where there must be none: beside the text block (left and right margins, between the
    header and footer), and in the top and bottom margins outside the header and footer lines.

    The running header and footer are one 8pt line each, centred in the top and bottom margins;
    their band (±6 px at 50 dpi, about ±3 mm) is left out, and so is a 2 px allowance next to
    the text block for anti-aliasing."""
    w, h = page.width, page.height
    top, bottom = px(margins.top), h - px(margins.bottom)
    left, right = px(margins.left), w - px(margins.right)
    header_mid, footer_mid = px(margins.top) // 2, h - px(margins.bottom) // 2
    band = 6
    return {
        "right margin": page.ink_in(right + 2, top, w, bottom),
        "left margin": page.ink_in(0, top, left - 2, bottom),
        "bottom margin above the footer": page.ink_in(0, bottom + 2, w, footer_mid - band),
        "bottom margin below the footer": page.ink_in(0, footer_mid + band, w, h),
        "top margin above the header": page.ink_in(0, 0, w, header_mid - band),
        "top margin below the header": page.ink_in(0, header_mid + band, w, top - 2),
    }


def rasterise(pdf: Path, folder: Path) -> list[PageImage]:
    need("pdftoppm")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(folder / "page")], check=True)
    return [PageImage(p) for p in sorted(folder.glob("page-*.png"))]


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext -layout, page by page)."""
    need("pdftotext")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdfinfo(pdf: Path) -> dict[str, str]:
    need("pdfinfo")
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if v}


def assert_nothing_runs_off(pages: list[PageImage]) -> None:
    margins = Margins.from_print_css()
    assert pages
    for number, page in enumerate(pages, start=1):
        assert abs(page.width - px(210)) <= 1 and abs(page.height - px(297)) <= 1, "not A4"
        for where, ink in margin_ink(page, margins).items():
            assert not ink, f"page {number}: ink in the {where}, first at {ink[:3]} (x, y at {DPI} dpi)"


# --- the example story ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory, example: Comparison) -> Iterator[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1285200000")
    try:
        target = tmp_path_factory.mktemp("pdf") / "example.pdf"
        reports.render_pdf(example, target)
        yield target
    finally:
        mp.undo()


def test_example_nothing_runs_off_the_page(example_pdf: Path, tmp_path: Path) -> None:
    pages = rasterise(example_pdf, tmp_path / "png")
    assert len(pages) == int(pdfinfo(example_pdf)["Pages"])
    assert_nothing_runs_off(pages)


def test_example_running_header_and_page_numbers(example_pdf: Path, example: Comparison) -> None:
    pages = page_texts(example_pdf)
    total = len(pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert re.search(rf"\bPage {number} of {total}$", lines[-1]), (number, lines[-1])
        header = lines[0]
        if number == 1:
            assert header == "STORYCOMPARE REPORT"  # the masthead, no running header
        else:
            assert header.startswith(example.title) and header.endswith("storycompare"), (number, header)


def test_example_table_headings_do_not_break_inside_a_word(example_pdf: Path) -> None:
    """Narrow columns wrap between words: with DejaVu Sans, the widest fallback font, "SENTENCES"
    once broke into "SENTENCE" and "S"."""
    lines = "\n".join(page_texts(example_pdf)).splitlines()
    heading = next(line for line in lines if re.search(r"^\s*OUTLET\s+TITLE\b", line))
    assert re.findall(r"[A-Z]+(?: [A-Z]+)?", heading) == [
        "OUTLET", "TITLE", "DATE", "WORDS", "SENTENCES", "ONLY HERE", "REMOVED"
    ], heading


def test_example_metadata(example_pdf: Path, example: Comparison) -> None:
    info = pdfinfo(example_pdf)
    assert info["Title"] == example.title
    assert info["Subject"].startswith("storycompare report: how ")
    for article in example.articles:
        assert article.label in info["Subject"]
        assert article.label in info["Keywords"]
    assert info["CreationDate"]
    assert info["Page size"].startswith("595.") and "(A4)" in info["Page size"]


def pdf_object_text(data: bytes) -> bytes:
    """The PDF with every Flate stream inflated (outline items live in compressed object streams)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode("ascii"))
        return data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    body = raw[1:-1]
    body = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), body)
    body = re.sub(
        rb"\\(.)", lambda m: {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(m.group(1), m.group(1)), body
    )
    return body.decode("latin-1")


def outline_titles(pdf: Path) -> list[str]:
    """The titles of the bookmark outline's items, in file order (the outline's order)."""
    text = pdf_object_text(pdf.read_bytes())
    assert b"/Outlines" in text, "the PDF has no bookmark outline"
    items = re.findall(rb"<</Title (\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)/Dest \[[^\]]*\][^>]*/Parent ", text)
    return [_pdf_string(raw) for raw in items]


def test_example_bookmark_outline(example_pdf: Path, example: Comparison) -> None:
    titles = outline_titles(example_pdf)
    assert titles[0] == example.title
    # A document: the summary (with the events), the divergences and the framing first, the
    # sources (provenance and removed boilerplate) last.
    sections = ["Summary", "Divergences", "Framing", "Coverage grid", "Article pairs", "Articles", "Sources"]
    assert [t for t in titles if t in sections] == sections  # each once, in the order of the pages
    for article in example.articles:
        assert any(t.startswith(article.label) for t in titles[titles.index("Articles") :]), article.label


def test_example_first_page_opens_with_the_summary(example_pdf: Path) -> None:
    first = page_texts(example_pdf)[0]
    assert "Summary" in first and "Sources" not in first and "Boilerplate" not in first


def test_example_no_word_is_broken_inside(example_pdf: Path, example: Comparison) -> None:
    """Outlet names in narrow grid headers wrap between words, never inside one ("Bloomber g")."""
    text = "\n".join(page_texts(example_pdf))
    words = {w for a in example.articles for w in re.findall(r"[A-Za-z]{5,}", a.label)}
    assert "Bloomberg" in words
    for word in sorted(words):
        for cut in range(3, len(word)):
            piece = re.search(rf"(?<![A-Za-z]){word[:cut]}(?![A-Za-z])", text)  # a word's start, alone
            assert piece is None, (word, text[max(0, piece.start() - 40) : piece.end() + 40])


def test_example_framing_evidence_is_all_on_paper(example_pdf: Path, example: Comparison) -> None:
    """Every evidence sentence of every framed actor is quoted in the PDF (it said "and 3 more
    sentences (all are quoted in the HTML report)", sending a reader of paper elsewhere)."""
    text = re.sub(r"\s+", "", "".join(page_texts(example_pdf)))  # line breaks and hyphenation aside
    assert "quotedintheHTMLreport" not in text
    from reports import context as ctx

    framing = ctx.build_context(example, for_print=True)["framing"]
    quotes = [e for row in framing if row.has_cues for c in row.cells if c for e in (*c.evidence, *c.tone_evidence)]
    stances = [st for st in example.stances if st.evidence or st.tone_evidence]
    assert len(quotes) >= sum(len(st.evidence) + len(st.tone_evidence) for st in stances if st.actor in
                              {row.actor for row in framing if row.has_cues})
    for e in quotes:
        assert f"{e.outlet},sentence{e.number}".replace(" ", "") in text, (e.outlet, e.number)
        assert re.sub(r"\s+", "", e.text)[:60] in text, e.text


# --- long words, URLs and names ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_tokens_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from compare import compare

    shared = "Ministers from both countries agreed on Tuesday to build the new pipeline across the plain."
    alpha = {
        "id": "alpha",
        "outlet": "Alpha Wire",
        "title": "Ministers agree on pipeline " + TOKEN,
        "url": LONG_URL,
        "date": "2024-03-05",
        "text": "\n\n".join(
            [
                shared,
                "The agreement was signed in Vienna after three days of talks. The reference code was "
                + TOKEN
                + ".",
                "The documents are published at " + LONG_URL + " for everyone to read.",
                "Only this outlet says the code " + TOKEN + " was chosen by lot.",
            ]
        ),
    }
    beta = {
        "id": "beta",
        "outlet": LONG_OUTLET,
        "title": "Pipeline deal signed",
        "url": LONG_URL,
        "date": "2024-03-06",
        "text": "\n\n".join(
            [
                shared.replace("Tuesday", "Wednesday"),
                "The agreement was signed in Vienna after four days of talks. The reference code was "
                + TOKEN
                + ".",
                "Read it at " + LONG_URL + " today.",
            ]
        ),
    }
    comparison = compare([alpha, beta], title="A pipeline deal " + TOKEN[:150])
    target = tmp_path_factory.mktemp("long") / "long.pdf"
    reports.render_pdf(comparison, target)
    return target


def test_long_words_and_urls_wrap(long_tokens_pdf: Path, tmp_path: Path) -> None:
    assert_nothing_runs_off(rasterise(long_tokens_pdf, tmp_path / "png"))
    # Wrapped, not cut off or hidden: the whole token and URL are there, line breaks aside.
    flat = "".join("".join(page_texts(long_tokens_pdf)).split())
    assert TOKEN in flat and LONG_URL in flat and LONG_OUTLET in flat


def test_long_title_is_cut_in_the_running_header(long_tokens_pdf: Path) -> None:
    pages = page_texts(long_tokens_pdf)
    assert len(pages) >= 2
    for text in pages[1:]:
        header = next(line for line in text.splitlines() if line.strip())
        assert header.strip().startswith("A pipeline deal abcdef") and header.rstrip().endswith(
            "storycompare"
        )
        assert "…" in header  # one line, ended with an ellipsis, clear of "storycompare"


# --- tables across pages ----------------------------------------------------------------------------


def _article(article_id: str, outlet: str, sentences: list[str]) -> Article:
    text = ""
    views = []
    for i, s in enumerate(sentences):
        if text:
            text += " "
        views.append(
            Sentence(f"{article_id}:{i}", article_id, i, s, len(text), len(text) + len(s), i // 4, "body")
        )
        text += s
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        sha256="cd" * 32,
        text=text,
        outlet=outlet,
        title=f"{outlet} reports the long story",
        date="2024-01-02",
        paragraphs=(Span(0, len(text)),),
        sentences=tuple(views),
    )


def many_groups(count: int) -> Comparison:
    """Three articles sharing ``count`` facts: a coverage grid of ``count`` rows."""
    words = "harbour ministry budget railway election treaty reservoir vaccine tariff bridge".split()
    outlets = {"a": "Alpha Wire", "b": "Beta Daily", "c": "Gamma News"}
    articles = [
        _article(
            aid,
            outlet,
            [
                f"{outlet} reports that the {words[i % 10]} plan number {i} was approved in session {i + 7}."
                for i in range(count)
            ],
        )
        for aid, outlet in outlets.items()
    ]
    kinds: tuple[Any, ...] = ("agree", "partial", "diverge")
    groups = [Group(f"g{i + 1}", (f"a:{i}", f"b:{i}", f"c:{i}"), kinds[i % 3], 0.8) for i in range(count)]
    return Comparison(
        title="A story with many shared facts",
        articles=tuple(articles),
        groups=tuple(groups),
        unique=tuple((a.id, ()) for a in articles),
        pairs=(Pair("a", "b", 0.9, True), Pair("a", "c", 0.9, True), Pair("b", "c", 0.9, True)),
        stances=(),
        settings=Settings(),
        version="0.1.0",
    )


def test_long_table_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    target = tmp_path / "many.pdf"
    reports.render_pdf(many_groups(90), target)
    pages = page_texts(target)
    first = next(i for i, t in enumerate(pages) if re.search(r"^\s*Coverage grid\s*$", t, flags=re.M))
    last = next(i for i, t in enumerate(pages) if re.search(r"^\s*Article pairs\s*$", t, flags=re.M))
    with_grid = pages[first : last + 1]
    assert len(with_grid) >= 2, "the coverage grid should need more than a page"
    header = re.compile(r"^\s*GROUP\s+FACT\s+Alpha\b.*\bBeta\b.*\bGamma\b", flags=re.M)  # names may wrap
    assert all(header.search(t) for t in with_grid), [bool(header.search(t)) for t in with_grid]
    # Every row is there once: G1 … G90 in the grid's pages, in order.
    grid = "\f".join(with_grid)
    grid = grid[re.search(r"^\s*Coverage grid\s*$", grid, flags=re.M).end() :]  # type: ignore[union-attr]
    grid = grid[: re.search(r"^\s*Article pairs\s*$", grid, flags=re.M).start()]  # type: ignore[union-attr]
    numbers = [int(n) for n in re.findall(r"^\s*G(\d+)\s", grid, flags=re.M)]
    assert numbers == list(range(1, 91))
    assert_nothing_runs_off(rasterise(target, tmp_path / "png"))


# --- the print style, parsed once -------------------------------------------------------------------


def test_print_style_is_parsed_once_and_changes_nothing(
    example: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's warm-up parses the print page's style; the render reuses it; and the PDF is
    the same as WeasyPrint makes from the page as it is, style element included.  A worker stops
    warming up as soon as its page is waiting."""
    from weasyprint import HTML

    from reports import pdf as report_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1285200000")
    page = report_html.render_document(example, for_print=True)
    assert page.count("<style>") == 1 and report_html.print_style() in page
    monkeypatch.setattr(report_pdf, "_parsed_styles", {})
    report_pdf.warm_up_print_style()
    (sheet,) = report_pdf._parsed_styles.values()
    cached = report_pdf.pdf_from_print_html(page)
    assert list(report_pdf._parsed_styles.values()) == [sheet]
    plain = HTML(string=page, base_url=None, url_fetcher=report_pdf.url_fetcher()).write_pdf(
        pdf_identifier=False
    )
    assert cached == plain

    monkeypatch.setattr(report_pdf, "_parsed_styles", {})
    report_pdf.warm_up_print_style(stop=lambda: True)
    assert report_pdf._parsed_styles == {}
