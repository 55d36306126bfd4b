"""Hostile input is harmless (README, "Untrusted input").

Articles from the open web may carry script, event handlers, ``javascript:``
links, ``file:`` and remote URLs in images, CSS imports and inline styles,
frames, meta refreshes, pathologically deep nesting and multi-megabyte pages.
Given as ``.txt``, ``.html`` and ``.json`` files, they must:

* go through the whole pipeline in reasonable time, or be refused with an
  :class:`~compare.errors.InputError` naming the file (never a RecursionError);
* leave no element or attribute of theirs in the HTML report: any markup that
  survives extraction is shown as escaped text (checked by parsing the report
  with :mod:`html.parser`, not by searching strings);
* make WeasyPrint fetch nothing: no socket, no ``urlopen``, no file read, and
  the URL fetcher refuses whatever URL reaches it;
* come back unchanged in the JSON: the article text exactly as loaded, every
  sentence equal to ``text[start:end]``.
"""

from __future__ import annotations

import builtins
import io
import json
import re
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import reports
from compare import compare
from compare.errors import InputError
from compare.load import load_inputs
from compare.models import Comparison
from reports import html as report_html
from reports import pdf as report_pdf

ROOT = Path(__file__).resolve().parents[1]


FACTS = (
    "NATO Secretary-General Anders Fogh Rasmussen said on Monday the alliance was encouraged by its talks with Russia.",
    "Russian President Dmitry Medvedev said Moscow would study the proposal for a joint missile shield carefully.",
    "The meeting in Lisbon was attended by leaders of the 28 member states.",
)
HEADLINE = "NATO and Russia agree to study missile defence"

# Each item is something a page could do if it were rendered as markup.
HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(2)>",
    '<a href="javascript:alert(3)">click</a>',
    '<img src="file:///etc/passwd">',
    "<style>@import url(http://evil.example/x.css)</style>",
    '<p style="background:url(http://evil.example/)">styled</p>',
    '<iframe src="http://evil.example/frame"></iframe>',
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
    '<svg onload=alert(4)><image href="file:///etc/hostname"/></svg>',
    '<link rel="stylesheet" href="http://evil.example/s.css">',
    "</style></script></textarea></title><!--",
    '"><img src=x onerror=alert(5)>',
    "<object data=\"file:///etc/passwd\"></object><embed src='http://evil.example/e'>",
    '<base href="http://evil.example/"><form action="http://evil.example/"><input name=q></form>',
)

HOSTILE_TITLE = "<svg onload=alert(6)>NATO</svg> & Russia"
HOSTILE_LABEL = "<script>alert('outlet')</script>"
HOSTILE_ID = '"><img src=x onerror=alert(7)>'

# Whatever of the input would be dangerous as markup in the report.
URL_ATTRIBUTES = frozenset(
    "href src srcset action formaction background poster data cite ping xlink:href manifest codebase".split()
)


def hostile_txt() -> str:
    """Plain text: every hostile snippet after (and once before) a fact, one per paragraph."""
    paragraphs = [HEADLINE, HOSTILE[0] + " " + FACTS[0]]
    paragraphs += [f"{FACTS[n % len(FACTS)]} {snippet}" for n, snippet in enumerate(HOSTILE)]
    return "\n\n".join(paragraphs) + "\n"


def hostile_html() -> str:
    """A page that tries everything in its head, its body and its article markup."""
    return f"""<!doctype html>
<html><head><title>{HEADLINE} <script>alert(9)</script></title>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/s.css">
<style>@import url(http://evil.example/x.css); body {{ background: url(file:///etc/passwd) }}</style>
<script>alert(1); document.write('<img src=http://evil.example/w.png>')</script>
</head>
<body onload="alert(2)">
<iframe src="http://evil.example/frame"></iframe>
<article>
<h1 onclick="alert(3)">{HEADLINE}</h1>
<p>{FACTS[0]} <img src=x onerror=alert(1)> <a href="javascript:alert(3)">read</a></p>
<p style="background:url(http://evil.example/)">{FACTS[1]} <img src="file:///etc/passwd"></p>
<p>{FACTS[2]} &lt;script&gt;alert(4)&lt;/script&gt; and &lt;img src=x onerror=alert(5)&gt;</p>
<p>Escaped markup in the article: &lt;a href="javascript:alert(6)"&gt;link&lt;/a&gt; and
&lt;style&gt;@import url(http://evil.example/y.css)&lt;/style&gt; stay text.</p>
<svg onload="alert(8)"><image href="file:///etc/hostname"/></svg>
<object data="file:///etc/passwd"></object>
</article>
</body></html>
"""


def hostile_records() -> list[dict[str, Any]]:
    """JSON records whose text, title, outlet, url and id are hostile."""
    text = "\n\n".join(f"{snippet} {FACTS[n % len(FACTS)]}" for n, snippet in enumerate(HOSTILE))
    return [
        {
            "id": HOSTILE_ID,
            "title": HOSTILE_TITLE,
            "outlet": HOSTILE_LABEL,
            "url": "javascript:alert(7)",
            "date": "2010-11-20",
            "text": text,
        },
        {
            "title": "<b onmouseover=alert(1)>Second</b> record",
            "url": "file:///etc/passwd",
            "text": HEADLINE + "\n\n" + " ".join(FACTS) + " " + HOSTILE[4],
        },
    ]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "plain.txt").write_text(hostile_txt(), encoding="utf-8")
    (folder / "page.html").write_text(hostile_html(), encoding="utf-8")
    (folder / "records.json").write_text(json.dumps(hostile_records()), encoding="utf-8")
    return [str(folder / name) for name in ("plain.txt", "page.html", "records.json")]


@pytest.fixture(scope="module")
def result(story: list[str]) -> Comparison:
    return compare(story, labels={story[0]: HOSTILE_LABEL}, title=HOSTILE_TITLE)


@pytest.fixture(scope="module")
def page(result: Comparison) -> str:
    return reports.render_html(result)


# --- reading the report as a browser would ------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]


class ReportParser(HTMLParser):
    """Elements, the text of <script>/<style>, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))
        if tag in self.raw:
            self._inside = tag
            self.raw[tag].append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self.raw[self._inside][-1] += data
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"the report has a comment: {data[:80]!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"the report has a processing instruction: {data[:80]!r}")


def parse(markup: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(markup)
    parser.close()
    return parser


def template_tags() -> set[str]:
    """Every element name our templates write."""
    names: set[str] = set()
    for path in report_html.templates_dir().glob("*.j2"):
        names.update(re.findall(r"<([a-z][a-z0-9]*)\b", path.read_text(encoding="utf-8")))
    return names


def assert_harmless(markup: str, *, print_version: bool = False) -> ReportParser:
    """The report holds no element, attribute or URL of the input's, and only our script and CSS."""
    parsed = parse(markup)
    allowed_tags = template_tags()
    for element in parsed.elements:
        assert element.tag in allowed_tags, f"<{element.tag}> is not one of ours"
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event handler {name}={value!r} on <{element.tag}>"
            assert name not in URL_ATTRIBUTES - {"href"}, f"<{element.tag} {name}={value!r}>"
            if name == "href":
                # In-page links, and a source's own http(s) URL (issue 16), opened without referrer.
                assert value is not None
                source_link = re.match(r"https?://", value, re.I) and element.tag == "a" and "noreferrer" in (
                    element.attrs.get("rel") or ""
                )
                assert value.startswith("#") or source_link, f"link out of the page: {value!r}"
            if name == "style":
                assert value is not None
                assert not re.search(r"url\(|@import|expression|\\|/\*|evil|javascript", value, re.I), value
        if element.tag == "meta" and "http-equiv" in element.attrs:
            assert (element.attrs["http-equiv"] or "").lower() == "content-security-policy"
    # Exactly our script (none in print) and our style sheet, unchanged.
    expected_script = [] if print_version else [str(report_html.script())]
    assert [s.strip() for s in parsed.raw["script"]] == [s.strip() for s in expected_script]
    css = str(report_html.stylesheet(report_html.PRINT_CSS if print_version else report_html.SCREEN_CSS))
    (style,) = parsed.raw["style"]
    assert style.strip().startswith(css.strip())  # then the palette and filter rules the template writes
    assert not re.search(r"url\(|@import|expression|\\|evil|alert|javascript", style, re.I)
    # The content security policy is there (the screen version; WeasyPrint ignores it).
    if not print_version:
        policies = [
            e.attrs.get("content") for e in parsed.elements if e.tag == "meta" and "http-equiv" in e.attrs
        ]
        assert policies and "default-src 'none'" in (policies[0] or "")
    return parsed


# --- loading --------------------------------------------------------------------------------------


def test_text_and_records_keep_markup_as_text(story: list[str], result: Comparison) -> None:
    plain, page_html, records = result.articles[0], result.articles[1], result.articles[2:]
    assert plain.text == hostile_txt()
    assert [r.text for r in records] == [r["text"] for r in hostile_records()]
    assert records[0].id == HOSTILE_ID and records[0].outlet == HOSTILE_LABEL
    assert plain.outlet == HOSTILE_LABEL
    # The HTML page's own markup is gone; its escaped markup is article text.
    for fact in FACTS:
        assert fact in page_html.text
    assert "alert(1)" not in page_html.text and "alert(9)" not in page_html.text
    assert "<script>alert(4)</script>" in page_html.text


def test_pipeline_result_is_consistent(result: Comparison) -> None:
    assert result.title == HOSTILE_TITLE
    for article in result.articles:
        assert article.sentences
        for s in article.sentences:
            assert article.text[s.start : s.end] == s.text
    assert result.groups, "the facts shared by the articles are aligned despite the markup"


# --- the HTML report --------------------------------------------------------------------------------


def test_html_report_holds_nothing_of_the_input_as_markup(page: str) -> None:
    assert_harmless(page)


def test_surviving_markup_reads_as_text(page: str, result: Comparison) -> None:
    text = "".join(parse(page).text)
    for snippet in HOSTILE:
        assert snippet in text, f"{snippet!r} should be shown as text"
    assert "<script>alert(4)</script>" in text  # from the HTML page's escaped markup
    assert HOSTILE_TITLE in text and HOSTILE_LABEL in text
    # Escaped in the source, never raw.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img" not in page and "<iframe" not in page


def test_print_version_holds_nothing_of_the_input_as_markup(result: Comparison) -> None:
    assert_harmless(report_html.render_document(result, for_print=True), print_version=True)


# --- the JSON report --------------------------------------------------------------------------------


def test_json_round_trips_the_article_text(story: list[str], result: Comparison) -> None:
    loaded = load_inputs(story, {story[0]: HOSTILE_LABEL})
    data = json.loads(reports.render_json(result))
    assert [a["text"] for a in data["articles"]] == [a.text for a in loaded]
    assert [a["id"] for a in data["articles"]] == [a.id for a in loaded]
    for article in data["articles"]:
        text = article["text"]
        for s in article["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]
    assert data["articles"][2]["url"] == "javascript:alert(7)"  # data, kept as given


# --- the PDF ----------------------------------------------------------------------------------------


@dataclass
class Traps:
    network: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)


@pytest.fixture
def traps(monkeypatch: pytest.MonkeyPatch) -> Iterator[Traps]:
    """Fail on any network use; record what the URL fetcher is asked for and which files open."""
    found = Traps()

    def no_network(*args: object, **kwargs: object) -> Any:
        found.network.append(repr(args))  # recorded too, in case a caller swallows the failure
        pytest.fail(f"network access during PDF rendering: {args!r}")

    for target, name in (
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (urllib.request, "urlopen"),
    ):
        monkeypatch.setattr(target, name, no_network)

    refuse = report_pdf.refuse_fetch

    def recording(url: str, *args: Any, **kwargs: Any) -> Any:
        found.fetched.append(url)
        return refuse(url, *args, **kwargs)

    monkeypatch.setattr(report_pdf, "refuse_fetch", recording)

    real_open = io.open

    def recording_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        found.opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)  # pathlib opens files through io.open
    yield found
    assert found.network == []


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


SECRETS = ("passwd", "shadow", "hostname", "evil.example")


def test_pdf_fetches_nothing(tmp_path: Path, result: Comparison, traps: Traps) -> None:
    target = tmp_path / "hostile.pdf"
    reports.render_pdf(result, target)  # the real renderer
    assert traps.fetched == [], "escaped markup gives WeasyPrint no URL at all"
    assert not [f for f in traps.opened if any(s in f for s in SECRETS)]
    assert target.read_bytes().startswith(b"%PDF")
    text = pdftotext(target)
    assert "root:x:0:0" not in text
    assert '<img src="file:///etc/passwd">' in text  # shown as the article wrote it


def test_url_fetcher_refuses_urls_that_reach_weasyprint(traps: Traps) -> None:
    """Defence in depth: if markup ever reached WeasyPrint, every URL would be refused."""
    markup = "<!doctype html><html><head>" + "".join(HOSTILE) + hostile_html().split("<head>", 1)[1]
    pdf = report_pdf.pdf_from_print_html(markup)
    assert pdf.startswith(b"%PDF")
    assert "file:///etc/passwd" in traps.fetched
    assert any(url.startswith("http://evil.example/") for url in traps.fetched)
    assert not [f for f in traps.opened if any(s in f for s in SECRETS)]


# --- deep nesting and size -----------------------------------------------------------------------------


def nested(depth: int, inner: str) -> str:
    return "<div>" * depth + inner + "</div>" * depth


def other_article(folder: Path) -> str:
    path = folder / "other.txt"
    path.write_text(HEADLINE + "\n\n" + "\n\n".join(FACTS) + "\n", encoding="utf-8")
    return str(path)


def compared(inputs: list[Any]) -> Comparison | InputError:
    try:
        return compare(inputs)
    except InputError as error:
        return error


def _table_nesting(tree: Any) -> int:
    """How many tables deep ``tree`` nests, without recursion."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        depth += element.tag == "table"
        deepest = max(deepest, depth)
        stack.extend((child, depth) for child in element if isinstance(child.tag, str))
    return deepest


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """What trafilatura was given to extract, counted instead of timed: the kind of each input (a
    page trafilatura would parse again, or the tree :mod:`compare.load` parsed) and how many tables
    deep it nests (trafilatura reads a table's cells again for every table around it)."""
    import trafilatura

    given: list[tuple[str, int]] = []
    extract = trafilatura.bare_extraction

    def counted(page: Any, *args: Any, **kwargs: Any) -> Any:
        given.append(("page", 0) if isinstance(page, str) else ("tree", _table_nesting(page)))
        return extract(page, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    return given


@pytest.mark.parametrize("kind", ["html", "txt", "json"])
def test_ten_thousand_nested_divs(tmp_path: Path, kind: str, extractions: list[tuple[str, int]]) -> None:
    """Counted, not timed: a page is extracted once at most, from the tree load.py parsed (past
    2,047 levels it is refused before any extraction); a text or a record's markup is never
    parsed as HTML."""
    markup = nested(10_000, f"<p>{FACTS[0]} {FACTS[1]}</p>")
    if kind == "html":
        path = tmp_path / "deep.html"
        path.write_text(f"<html><body><article>{markup}</article></body></html>", encoding="utf-8")
    elif kind == "txt":
        path = tmp_path / "deep.txt"
        path.write_text(markup, encoding="utf-8")
    else:
        path = tmp_path / "deep.json"
        path.write_text(json.dumps({"text": markup, "title": HEADLINE}), encoding="utf-8")
    outcome = compared([str(path), other_article(tmp_path)])
    assert extractions == ([("tree", 0)] if kind == "html" and isinstance(outcome, Comparison) else [])
    if isinstance(outcome, InputError):
        # Allowed for the page only: one clear line naming the file.
        assert kind == "html", outcome
        assert outcome.source == str(path) and "\n" not in str(outcome)
        return
    deep = outcome.articles[0]
    for s in deep.sentences:
        assert deep.text[s.start : s.end] == s.text
    if kind != "html":
        assert deep.text == markup
    assert_harmless(reports.render_html(outcome))


def page_with_a_deep_block(depth: int) -> str:
    before = "".join(f"<p>Before {n}: {FACTS[0]}</p>" for n in range(3))
    after = "".join(f"<p>After {n}: {FACTS[1]}</p>" for n in range(3))
    return f"<html><body><article>{before}{nested(depth, '<p>deep</p>')}{after}</article></body></html>"


@pytest.mark.parametrize("depth", [300, 1_000, 2_000])
def test_text_after_a_deeply_nested_block_is_kept(tmp_path: Path, depth: int) -> None:
    # lxml's HTML parser stops reading at 255 nested elements; load.py parses such pages again
    # with the larger limit instead of letting the text after the deep block be lost.
    path = tmp_path / "mixed.html"
    path.write_text(page_with_a_deep_block(depth), encoding="utf-8")
    (article,) = load_inputs([str(path)])
    for n in range(3):
        assert f"Before {n}: {FACTS[0]}" in article.text
        assert f"After {n}: {FACTS[1]}" in article.text


def test_a_deep_page_with_an_xml_declaration_is_read_too(tmp_path: Path) -> None:
    # lxml refuses a str with a declared encoding; the page is parsed again from its bytes.
    path = tmp_path / "declared.html"
    page = '<?xml version="1.0" encoding="utf-8"?>' + page_with_a_deep_block(300)
    path.write_text(page, encoding="utf-8")
    (article,) = load_inputs([str(path)])
    assert f"After 2: {FACTS[1]}" in article.text


def test_text_after_a_block_nested_past_every_limit_is_refused_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "mixed.html"
    path.write_text(page_with_a_deep_block(3_000), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_inputs([str(path)])
    assert str(caught.value) == (
        f"{path}: HTML elements nested more than 2,047 deep; the text after them cannot be read "
        "(save the article as a .txt file)"
    )


def test_an_ordinary_page_is_read_as_before(tmp_path: Path) -> None:
    # The depth check must not change what trafilatura extracts from a page within the limit.
    import trafilatura

    path = tmp_path / "mixed.html"
    page = page_with_a_deep_block(200)
    path.write_text(page, encoding="utf-8")
    (article,) = load_inputs([str(path)])
    extracted = trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False)
    assert extracted is not None
    assert [line.strip() for line in extracted.splitlines() if line.strip()] == article.text.split("\n\n")


def five_megabyte_page() -> str:
    """A heavy but ordinary-looking page: inline data and CSS, navigation, a hostile article."""
    article = "".join(
        f'<p onclick="alert({n})" style="background:url(http://evil.example/{n}.png)">Paragraph {n}. '
        f'{FACTS[n % len(FACTS)]} <img src="file:///etc/passwd" onerror="alert({n})"> '
        f'<a href="javascript:alert({n})">more</a> &lt;script&gt;alert({n})&lt;/script&gt;</p>\n'
        for n in range(40)
    )
    blob = json.dumps(
        {"items": [{"id": n, "html": "<div onmouseover=alert(1)>x</div>"} for n in range(30_000)]}
    )
    style = "<style>@import url(http://evil.example/x.css);\n" + "".join(
        f".c{n} {{ background: url(http://evil.example/{n}.png) }}\n" for n in range(20_000)
    )
    nav = "".join(f'<li><a href="http://evil.example/s/{n}">Section {n}</a></li>' for n in range(2_000))
    head = (
        f'<head><title>{HEADLINE}</title><meta http-equiv="refresh" content="0;url=http://evil.example/">'
        f"{style}</style><script>window.__DATA__ = {blob};</script></head>"
    )
    body = (
        f'<body onload="alert(\'onload\')"><nav><ul>{nav}</ul></nav><iframe src="http://evil.example/frame"></iframe>'
        f"<article><h1>{HEADLINE}</h1>{article}</article>"
    )
    filler = (5_000_000 - len(head) - len(body)) // 2
    body += f'<div data-tracking="{"x" * filler}"></div><!-- {"c" * filler} --></body>'
    return f"<!doctype html><html>{head}{body}</html>"


def test_five_megabyte_page(tmp_path: Path, extractions: list[tuple[str, int]]) -> None:
    """Counted, not timed (it takes 10-25 s on a 2-core machine, nearly all in trafilatura and
    htmldate): the page is parsed once and extracted once from that tree."""
    path = tmp_path / "heavy.html"
    path.write_text(five_megabyte_page(), encoding="utf-8")
    assert path.stat().st_size >= 4_900_000
    outcome = compared([str(path), other_article(tmp_path)])
    assert extractions == [("tree", 0)]
    assert isinstance(outcome, Comparison), outcome
    heavy = outcome.articles[0]
    assert "Paragraph 39." in heavy.text and "onload" not in heavy.text and "onclick" not in heavy.text
    assert "<script>alert(7)</script>" in heavy.text  # the article's escaped markup, as text
    assert outcome.groups
    page = reports.render_html(outcome)
    parsed = assert_harmless(page)
    assert "<script>alert(7)</script>" in "".join(parsed.text)
    assert "evil.example" not in page
    data = json.loads(reports.render_json(outcome))
    assert data["articles"][0]["text"] == heavy.text


def test_deeply_nested_tables_are_flattened_and_their_text_kept(tmp_path: Path, extractions: list[tuple[str, int]]) -> None:
    """trafilatura reads a table's cells again for every table around it: nested 600 deep, four
    blocks took minutes.  Past compare.load.MAX_TABLE_NESTING the inner tables are flattened:
    counted, trafilatura is given a tree nested no deeper."""
    from compare.load import load_inputs
    from compare.untrusted import MAX_TABLE_NESTING

    depth = 600
    blocks = "".join(
        "<table><tr><td>" * depth + f"Cell {n} says the minister resigned after protests." + "</td></tr></table>" * depth
        for n in range(4)
    )
    page = tmp_path / "tables.html"
    page.write_text(
        f"<html><body><p>{'NATO and Russia agreed on Monday to cooperate on missile defence.'}</p>{blocks}"
        "<p>The talks in Lisbon were described as constructive by both sides.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = load_inputs([str(page)])
    assert extractions == [("tree", MAX_TABLE_NESTING)]
    for n in range(4):
        assert f"Cell {n} says the minister resigned after protests." in article.text
    assert article.text.endswith("The talks in Lisbon were described as constructive by both sides.")
    assert MAX_TABLE_NESTING >= 3  # news pages nest two or three: never flattened


def test_long_words_get_break_opportunities_in_the_pdf_only_between_tags() -> None:
    from reports.pdf import LONG_WORD_CHARS, WORD_CHUNK_CHARS, break_long_words

    word = "x" * (WORD_CHUNK_CHARS * 10 + 7)
    assert len(word) > LONG_WORD_CHARS
    page = f'<p title="{word}">{word} &amp; {"y" * LONG_WORD_CHARS}</p><a href="#{word}">{word}</a>'
    broken = break_long_words(page)
    assert broken.replace("\u200b", "") == page
    assert broken.count("\u200b") == 20  # ten in each long word of text, none in attributes
    texts = re.split(r"<[^>]*>", broken)
    assert all(len(part) <= WORD_CHUNK_CHARS or set(part) == {"y"} for text in texts for part in re.split(r"[\u200b\s&;]", text))
    assert break_long_words("<p>short words</p>") == "<p>short words</p>"


def test_a_title_of_giant_words_is_no_headline_and_is_shown_cut() -> None:
    """A first line of a few 5,000-character words is not taken for the title; a title given that
    long (a record's) is kept whole in the JSON and cut in the report, whose PDF repeats it in the
    running header of every page."""
    from compare.metadata import is_title
    from reports.context import TITLE_SHOWN_CHARS, build_context

    giant = " ".join(["x" * 5_000, "words", "y" * 5_000])
    assert is_title("Russia to join NATO missile shield talks") and not is_title(giant)
    text = giant + "\n\nNATO and Russia agreed to cooperate on missile defence in Lisbon on Saturday."
    result = compare([{"id": "a", "text": text}, {"id": "b", "text": text, "title": giant}])
    assert result.title is not None and result.title == giant  # only b's record gives a title
    context = build_context(result, for_print=True)
    assert len(context["title"]) <= TITLE_SHOWN_CHARS and context["title"].endswith("…")
    assert all(a.title is None or len(a.title) <= TITLE_SHOWN_CHARS for a in context["articles"])


RLO, PDF, LRI, FSI, PDI = "\u202e", "\u202c", "\u2066", "\u2068", "\u2069"


def test_bidi_controls_are_isolated_and_closed_where_the_text_ends() -> None:
    from reports.views import closed_bidi

    assert closed_bidi("plain") == "plain" and closed_bidi("שלום") == "שלום"
    assert closed_bidi(f"{RLO}RT") == f"{FSI}{RLO}RT{PDI}"  # the PDI closes the override in it too
    assert closed_bidi(f"a{RLO}b{PDF}c") == f"{FSI}a{RLO}b{PDF}c{PDI}"
    assert closed_bidi(f"{RLO}a{LRI}b{RLO}c") == f"{FSI}{RLO}a{LRI}b{RLO}c{PDI}{PDI}"
    assert closed_bidi(f"{PDI}{RLO}x") == f"{FSI}{FSI}{PDI}{RLO}x{PDI}"  # a stray PDI closes an extra FSI


def _isolated(page: str, start: int) -> bool:
    """The bidi control at ``start`` is inside an isolate the report opened and closed before the
    element's text ends."""
    before, after = page[:start], page[start:]
    text_end = after.index("<")
    depth = 0
    for char in after[:text_end]:
        depth += (char in (LRI, FSI, "\u2067")) - (char == PDI)
        if depth < 0:
            return FSI in before[before.rfind(">"):]
    return False


def test_a_right_to_left_override_in_an_outlet_or_a_sentence_ends_with_it(example_files: list[str]) -> None:
    """An outlet named "\\u202eRT" once reversed every label after it on its line in the browser
    ("TR, grebmoolB"), the events box and the lines naming the outlets of each fact: each
    label, title and piece of article text the report writes is an isolate of its own."""
    from dataclasses import replace

    from compare import Settings

    texts = [Path(p).read_text(encoding="utf-8") for p in example_files[:2]]
    texts[1] = texts[1].replace(". ", f". {RLO}Reversed ", 1)
    result = compare(
        texts=texts, settings=replace(Settings(), semantic=False),
        labels={"text-1": f"{RLO}RT", "text-2": "Bloomberg"}, title=f"{RLO}NATO",
    )
    for page in (reports.render_html(result), report_html.render_document(result, for_print=True)):
        found = [m.start() for m in re.finditer(RLO, page)]
        assert len(found) > 3
        assert all(_isolated(page, start) for start in found), [page[s - 40 : s + 40] for s in found if not _isolated(page, s)][:3]


def test_an_outlet_of_giant_words_is_shown_cut() -> None:
    """A record's outlet of 20,000 letters (and a URL as long) kept the PDF of two short articles
    laying out for over 300 s: the outlet is in every citation.  Reports show it cut; the JSON
    keeps it whole."""
    from reports.context import LABEL_SHOWN_CHARS, build_context

    text = "\n\n".join([HEADLINE, *FACTS])
    result = compare([{"id": "a", "outlet": "x" * 20_000, "text": text}, {"id": "b", "outlet": "y " * 10_000, "text": text}])
    assert [a.outlet for a in result.articles] == ["x" * 20_000, ("y " * 10_000).strip()]
    for for_print in (True, False):
        context = build_context(result, for_print=for_print)
        labels = [a.label for a in context["articles"]]
        assert all(len(label) <= LABEL_SHOWN_CHARS and label.endswith("…") for label in labels), labels
        assert all(len(row.outlet) <= LABEL_SHOWN_CHARS for row in context["summary"].unique)


def test_two_long_outlets_that_differ_after_the_cut_are_told_apart() -> None:
    """Two outlets of 95 characters that differ in their last word were both shown as the same
    80-character label with "…": every citation, row and filter of the report named one outlet."""
    from reports.context import build_context

    text = "\n\n".join([HEADLINE, *FACTS])
    name = "The Very Long Outlet Name Of A Regional Newspaper Group That Publishes Many Editions Daily "
    result = compare([{"id": "north", "outlet": name + "North", "text": text}, {"id": "south", "outlet": name + "South", "text": text}])
    labels = [a.label for a in build_context(result, for_print=False)["articles"]]
    assert len(set(labels)) == 2 and labels[0].endswith("… (north)") and labels[1].endswith("… (south)"), labels


def test_two_long_ids_that_differ_after_the_cut_are_told_apart() -> None:
    """Two Reuters articles whose 85-character ids differ in their last letter were both shown as
    "Reuters (xxx…)": the report's place of each article tells them apart."""
    from reports.context import build_context

    text = "\n\n".join([HEADLINE, *FACTS])
    stem = "x" * 84
    result = compare([{"id": stem + "a", "outlet": "Reuters", "text": text}, {"id": stem + "b", "outlet": "Reuters", "text": text}])
    labels = [a.label for a in build_context(result, for_print=False)["articles"]]
    assert labels[0] != labels[1] and labels[0].endswith("…) #1") and labels[1].endswith("…) #2"), labels
