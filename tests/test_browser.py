"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

The example story is rendered to a temporary file and opened through its file:// URL.  What is
checked: clicking or focusing a sentence highlights its group in every article and scrolls each
counterpart into its column's view; the filters; the coverage grid's links; the keyboard (Tab,
Enter/Space, j/k and arrows, Escape); no network request and no console error; WCAG AA contrast of
every piece of text on the page; and that groups and kinds carry text labels, not colour alone.

Needs ``chromium`` on the PATH and the playwright package (never a downloaded browser); the browser
tests skip with a reason when either is missing (``.ci/run`` installs chromium).  With
``STORYCOMPARE_SCREENSHOTS=1`` the page test also writes ``docs/report.png`` (as
``docs/make_screenshots.py`` does).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reports
from compare.models import Comparison
from reports import colours
from reports import context as ctx
from reports import html as report_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
DEMO_TITLE = "NATO and Russia, 2010: five outlets"  # as `storycompare demo` names the story

# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed; .ci/run installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, example: Comparison) -> Path:
    target = tmp_path_factory.mktemp("browser") / "nato-russia-2010.html"
    reports.write_html(example, target)
    return target


class Watch:
    """What the page did that it must not: requests other than the page itself, console errors,
    uncaught exceptions, dialogs."""

    def __init__(self, page: Any, url: str) -> None:
        self.url = url
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"exception: {e}"))
        page.on("dialog", lambda d: self.errors.append(f"dialog: {d.message}"))

    def check(self) -> None:
        assert self.errors == []
        assert self.requests and all(u.split("#")[0] == self.url for u in self.requests), self.requests


def open_page(chromium: Any, path: Path, *, reduced_motion: str = "reduce") -> tuple[Any, Any, Watch]:
    context = chromium.new_context(viewport=VIEWPORT, reduced_motion=reduced_motion)
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page, path.as_uri())
    page.goto(path.as_uri())
    return context, page, watch


@pytest.fixture
def page(chromium: Any, report_file: Path) -> Iterator[Any]:
    """The example report with instant scrolling (prefers-reduced-motion); checked afterwards
    for requests and console errors."""
    context, pg, watch = open_page(chromium, report_file)
    try:
        yield pg
        watch.check()
    finally:
        context.close()


# --- helpers ----------------------------------------------------------------------------------------

IN_COLUMN_VIEW = """el => {
  const col = el.closest('.col-body');
  const r = el.getBoundingClientRect(), c = col.getBoundingClientRect();
  return r.height > 0 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1
      && r.top >= -1 && r.bottom <= window.innerHeight + 1;
}"""
"""The element is inside its column's scrolled viewport, and that part of the column is on screen."""

VISIBLE_KINDS = """() => Array.from(document.querySelectorAll('#articles .s:not(.demo)'))
  .filter(e => e.getClientRects().length > 0).map(e => [e.dataset.kind, e.dataset.col])"""


def sel(sentence_id: str) -> str:
    return f'[id="{ctx.anchor(sentence_id)}"]'


def column_of(comparison: Comparison, sentence_id: str) -> int:
    return [a.id for a in comparison.articles].index(comparison.sentence(sentence_id).article)


def first_per_other_column(comparison: Comparison, group_members: tuple[str, ...], origin: str) -> list[str]:
    """The first member in each column other than the origin's: what must scroll into view."""
    seen = {column_of(comparison, origin)}
    out = []
    for m in group_members:
        col = column_of(comparison, m)
        if col not in seen:
            seen.add(col)
            out.append(m)
    return out


def highlighted(page: Any) -> set[str]:
    ids: list[str] = page.eval_on_selector_all("#articles .s.hl", "els => els.map(e => e.id)")
    return set(ids)


def focused_id(page: Any) -> str:
    return str(page.evaluate("document.activeElement ? document.activeElement.id : ''"))


def wait_focused(page: Any, sentence_id: str) -> None:
    """Wait until ``sentence_id`` has the focus: a link's highlight comes from the page's
    hashchange handler, which runs after ``location.hash`` changes, not with it (asserting at
    once failed now and then on a loaded machine)."""
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=sentence_id)
    assert focused_id(page) == sentence_id


def expected_ids(members: tuple[str, ...]) -> set[str]:
    return {ctx.anchor(m) for m in members}


# --- highlighting and scrolling ---------------------------------------------------------------------


@pytest.mark.browser
def test_click_highlights_group_and_scrolls_counterparts_into_view(page: Any, example: Comparison) -> None:
    assert len(example.groups) >= 5
    for group in example.groups:
        for origin in (group.members[0], group.members[-1]):
            page.click(sel(origin))
            assert highlighted(page) == expected_ids(group.members), group.id
            assert page.get_attribute(sel(origin), "class").split().count("hl-origin") == 1
            for other in first_per_other_column(example, group.members, origin):
                assert page.eval_on_selector(sel(other), IN_COLUMN_VIEW), (group.id, origin, other)
            assert page.eval_on_selector(sel(origin), IN_COLUMN_VIEW), (group.id, origin)
    # The status line says which fact is highlighted.
    assert "Group" in page.text_content("#hl-status")


@pytest.mark.browser
def test_smooth_scrolling_reaches_the_counterparts(
    chromium: Any, report_file: Path, example: Comparison
) -> None:
    context, page, watch = open_page(chromium, report_file, reduced_motion="no-preference")
    try:
        # The group whose members sit furthest apart in their columns.
        group = max(example.groups, key=lambda g: max(example.sentence(m).index for m in g.members))
        origin = max(group.members, key=lambda m: example.sentence(m).index)
        page.click(sel(origin))
        for other in first_per_other_column(example, group.members, origin):
            page.wait_for_function(IN_COLUMN_VIEW, arg=page.query_selector(sel(other)), timeout=5_000)
        watch.check()
    finally:
        context.close()


@pytest.mark.browser
def test_unique_sentence_highlights_only_itself(page: Any, example: Comparison) -> None:
    article = example.articles[0]
    unique = example.unique_of(article.id)[0]
    page.click(sel(unique))
    assert highlighted(page) == set()
    assert page.eval_on_selector_all(".s.hl-origin", "els => els.map(e => e.id)") == [ctx.anchor(unique)]
    assert f"Only in {article.label}" in page.text_content("#hl-status")


# --- filters ----------------------------------------------------------------------------------------


@pytest.mark.browser
def test_filters(page: Any, example: Comparison) -> None:
    total = sum(len(a.sentences) for a in example.articles)
    assert page.is_visible(".toolbar")

    def visible() -> list[tuple[str, int]]:
        return [(kind, int(col)) for kind, col in page.evaluate(VISIBLE_KINDS)]

    def pressed() -> list[str]:
        return list(
            page.eval_on_selector_all(
                "[data-filter-button][aria-pressed='true']", "els => els.map(e => e.textContent.trim())"
            )
        )

    assert len(visible()) == total
    page.click("[data-filter-button='agree']")
    assert {k for k, _ in visible()} == {"agree"} and pressed() == ["Agreements"]
    assert len(visible()) == sum(len(g.members) for g in example.groups if g.kind == "agree")
    page.click("[data-filter-button='diverge']")
    kinds = {k for k, _ in visible()}
    assert kinds <= {"diverge", "partial"} and "diverge" in kinds
    assert len(visible()) == sum(len(g.members) for g in example.groups if g.kind != "agree")
    page.click("[data-filter-button='unique']:not([data-outlet])")
    assert {k for k, _ in visible()} == {"unique"}
    assert len(visible()) == sum(len(example.unique_of(a.id)) for a in example.articles)
    # The coverage grid follows: agreements only, no row for unique sentences.
    assert page.locator("#coverage tbody tr:visible").count() == 0

    for position, article in enumerate(example.articles):
        page.click(f"[data-filter-button='unique'][data-outlet='{position}']")
        shown = visible()
        assert shown and {k for k, _ in shown} == {"unique"}, article.id
        assert {c for _, c in shown} == {position}, article.id
        assert len(shown) == len(example.unique_of(article.id)), article.id
        assert page.locator("#articles .col:visible").count() == 1
        assert pressed() == [f"{article.label} ({len(example.unique_of(article.id))})"]

    page.click("[data-filter-button='all']")
    assert len(visible()) == total
    assert page.locator("#articles .col:visible").count() == len(example.articles)
    assert page.locator("#coverage tbody tr:visible").count() == len(example.groups)


# --- coverage grid ----------------------------------------------------------------------------------


@pytest.mark.browser
def test_coverage_grid_links_to_the_sentences(page: Any, example: Comparison) -> None:
    cells = page.eval_on_selector_all("#coverage a.cell", "els => els.map(e => e.getAttribute('href'))")
    members = sum(len(g.members) for g in example.groups)
    assert len(cells) == members
    for href in cells:
        target = href[1:]
        sentence_id = next(m for g in example.groups for m in g.members if ctx.anchor(m) == target)
        group = example.group_of(sentence_id)
        page.click(f'#coverage a.cell[href="{href}"]')
        page.wait_for_function("h => location.hash === h", arg=href)
        wait_focused(page, target)  # the page's hashchange handler runs after the hash changes
        classes = page.get_attribute(f'[id="{target}"]', "class").split()
        assert "hl-origin" in classes and "hl" in classes
        members_of = next(g.members for g in example.groups if g.id == group)
        assert highlighted(page) == expected_ids(members_of)
        assert page.eval_on_selector(f'[id="{target}"]', IN_COLUMN_VIEW), href
    # Clicking the link of the current hash again (no hashchange follows) still highlights.
    page.keyboard.press("Escape")
    assert highlighted(page) == set()
    page.click(f'#coverage a.cell[href="{cells[-1]}"]')
    assert highlighted(page) == expected_ids(members_of)


@pytest.mark.browser
def test_divergence_and_evidence_links_highlight(page: Any) -> None:
    page.click("#framing details.evidence > summary")  # evidence is folded on screen
    for selector in ("#divergences a.who", "#framing a.cite"):
        link = page.locator(f"{selector}:visible").first
        href = link.get_attribute("href")
        assert href and href.startswith("#s-")
        link.click()
        page.wait_for_function("h => location.hash === h", arg=href)
        wait_focused(page, href[1:])
        assert "hl-origin" in page.get_attribute(f'[id="{href[1:]}"]', "class").split()


# --- keyboard ---------------------------------------------------------------------------------------


@pytest.mark.browser
def test_tab_reaches_the_sentences(page: Any) -> None:
    # The first Tab stop is the skip link; Enter on it focuses the first sentence.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.is_visible(".skip")
    page.keyboard.press("Enter")
    first = page.evaluate("document.querySelector('#articles .s[tabindex]').id")
    assert focused_id(page) == first
    # Without the skip link, Tab alone gets there too.
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.focus(".skip")
    presses = 0
    while not page.evaluate("document.activeElement.matches('#articles .s')"):
        presses += 1
        assert presses < 400, "Tab never reached a sentence"
        page.keyboard.press("Tab")
    assert focused_id(page) == first and presses > 1


@pytest.mark.browser
def test_keys_on_a_sentence(page: Any, example: Comparison) -> None:
    # A sentence of the first column with a group, and that group's member in another column.
    group = next(g for g in example.groups if len({column_of(example, m) for m in g.members}) > 1)
    origin = group.members[0]
    page.focus(sel(origin))
    assert highlighted(page) == expected_ids(group.members)
    page.keyboard.press("Escape")
    assert highlighted(page) == set()
    assert page.locator(".s.hl-origin").count() == 0
    assert focused_id(page) == ctx.anchor(origin)
    page.keyboard.press("Enter")
    assert highlighted(page) == expected_ids(group.members)
    page.keyboard.press("Escape")
    scroll = page.evaluate("window.scrollY")
    page.keyboard.press("Space")
    assert highlighted(page) == expected_ids(group.members)
    assert page.evaluate("window.scrollY") == scroll  # Space highlights; it does not page down

    # j / k: the next and previous fact in the same article.
    col = column_of(example, origin)
    article = example.articles[col]
    grouped = [s.id for s in article.sentences if example.group_of(s.id) is not None]
    facts: list[str] = []
    for sid in grouped:
        if not facts or example.group_of(facts[-1]) != example.group_of(sid):
            facts.append(sid)
    assert len(facts) >= 2
    page.focus(sel(facts[0]))
    for expected in facts[1:]:
        page.keyboard.press("j")
        assert focused_id(page) == ctx.anchor(expected)
        assert page.eval_on_selector(sel(expected), IN_COLUMN_VIEW)
    page.keyboard.press("j")  # at the last fact: stays
    assert focused_id(page) == ctx.anchor(facts[-1])
    page.keyboard.press("k")
    assert focused_id(page) == ctx.anchor(facts[-2])
    page.keyboard.press("ArrowDown")
    assert focused_id(page) == ctx.anchor(facts[-1])
    page.keyboard.press("ArrowUp")
    assert focused_id(page) == ctx.anchor(facts[-2])

    # Right / Left: the same fact in the neighbouring article that reports it.
    page.focus(sel(origin))
    others = first_per_other_column(example, group.members, origin)
    page.keyboard.press("ArrowRight")
    assert focused_id(page) == ctx.anchor(others[0])
    assert highlighted(page) == expected_ids(group.members)
    assert page.eval_on_selector(sel(others[0]), IN_COLUMN_VIEW)
    page.keyboard.press("ArrowLeft")
    assert focused_id(page) == ctx.anchor(origin)


# --- page health ------------------------------------------------------------------------------------


@pytest.mark.browser
def test_no_network_request_and_no_console_error(
    chromium: Any, report_file: Path, example: Comparison
) -> None:
    context, page, watch = open_page(chromium, report_file, reduced_motion="no-preference")
    try:
        # Exercise everything the script does.
        page.click(sel(example.groups[0].members[0]))
        page.keyboard.press("j")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Escape")
        for button in page.query_selector_all("[data-filter-button]"):
            button.click()
        page.click("[data-filter-button='all']")
        page.click("#coverage a.cell")
        page.click(".toc a[href='#sources']")
        page.wait_for_timeout(300)
        assert watch.errors == []
        assert watch.requests == [report_file.as_uri()]
        # Nothing overflows the window, or an article's column, sideways at 1280 px.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert (
            page.eval_on_selector_all(
                "#articles .col-body", "cols => cols.filter(c => c.scrollWidth > c.clientWidth).length"
            )
            == 0
        )
        if os.environ.get("STORYCOMPARE_SCREENSHOTS") == "1":
            write_readme_screenshot(chromium, report_file.parent, example)
    finally:
        context.close()


@pytest.mark.browser
def test_hostile_article_text_stays_text(chromium: Any, tmp_path: Path) -> None:
    """Article text with script, markup and links (moved here from test_reports): nothing runs,
    nothing is fetched, and the interaction still works (pair mode and columns)."""
    from test_reports import sample_comparison

    for pair_mode in (False, True):
        hostile = sample_comparison(hostile=True, pair_mode=pair_mode)
        target = tmp_path / f"hostile-{pair_mode}.html"
        reports.write_html(hostile, target)
        context, page, watch = open_page(chromium, target)
        try:
            assert page.is_visible(".toolbar")
            page.click("#articles .s[data-group='g2']")
            assert page.locator(".s.hl").count() == 2
            page.focus("#articles .s[data-group='g1']")
            assert page.locator(".s.hl").count() == 3
            page.click("[data-filter-button='unique']:not([data-outlet])")
            assert {k for k, _ in page.evaluate(VISIBLE_KINDS)} == {"unique"}
            page.click("[data-filter-button='unique'][data-outlet='2']")
            assert {(k, c) for k, c in page.evaluate(VISIBLE_KINDS)} == {("unique", "2")}
            page.click("[data-filter-button='all']")
            assert page.locator("#articles .s:not(.demo)").count() == sum(
                len(a.sentences) for a in hostile.articles
            )
            watch.check()  # no script error, no alert() from article text, no request
        finally:
            context.close()


def write_readme_screenshot(chromium: Any, folder: Path, example: Comparison) -> None:
    """docs/report.png: the top of the demo report at 1280×1600, as docs/make_screenshots.py makes it."""
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    files = sorted(str(p) for p in (ROOT / "examples" / "nato-russia-2010").glob("*.txt"))
    target = folder / "demo.html"
    reports.write_html(compare(files, labels=EXAMPLE_LABELS, title=DEMO_TITLE), target)
    context = chromium.new_context(viewport={"width": 1280, "height": 1600})
    try:
        page = context.new_page()
        page.goto(target.as_uri())
        page.screenshot(path=str(ROOT / "docs" / "report.png"))
    finally:
        context.close()


# --- colour -----------------------------------------------------------------------------------------

CONTRAST_FAILURES = """() => {
  function parse(c) {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, bottom) { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); }
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    let c = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
    return c;
  }
  function lum(c) {
    const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }
  function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  const out = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let checked = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || seen.has(el)) continue;
    seen.add(el);
    if (!el.getClientRects().length) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    const bg = background(el), fg = over(parse(cs.color), bg);
    const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const r = ratio(fg, bg);
    checked++;
    if (r < (large ? 3 : 4.5)) {
      out.push(`${el.tagName}.${el.className} "${n.data.trim().slice(0, 30)}" ${cs.color} on ${bg} = ${r.toFixed(2)}`);
    }
  }
  return {checked, failures: out};
}"""
"""Every visible text node's colour against its effective background (ancestors' background
colours composited over white): the WCAG AA minimum, 4.5:1, or 3:1 for large text."""


@pytest.mark.browser
def test_text_contrast_in_the_browser(page: Any, example: Comparison) -> None:
    def check(state: str) -> None:
        result = page.evaluate(CONTRAST_FAILURES)
        assert result["checked"] > 200, state
        assert result["failures"] == [], state

    check("as loaded")
    page.click(sel(example.groups[0].members[0]))  # highlighted group, status line
    page.click("[data-filter-button='diverge']")  # a pressed button
    check("highlight and filter")
    page.click("[data-filter-button='all']")
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")  # the skip link shows
    check("skip link")
    # Every sentence: its text colour on its group's background.
    ratios = page.evaluate(
        """() => Array.from(document.querySelectorAll('#articles .s')).map(e => {
             const cs = getComputedStyle(e); return [e.className, cs.color, cs.backgroundColor]; })"""
    )
    assert len(ratios) >= sum(len(a.sentences) for a in example.articles)
    for cls, colour, background in ratios:
        bg = background if not background.startswith("rgba(0, 0, 0, 0)") else "rgb(255, 255, 255)"
        assert colours.contrast_ratio(_hex(colour), _hex(bg)) >= 4.5, (cls, colour, bg)


def _hex(css_colour: str) -> str:
    r, g, b = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|var\(--[\w-]+\)")


def _css_rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, @media and @page blocks flattened."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                name, value = decl.split(":", 1)
                decls[name.strip()] = value.strip()
        rules.append((" ".join(selector.split()), decls))
    return rules


def _colour(value: str, variables: dict[str, str]) -> str | None:
    """The value as #rrggbb when it is a single colour, else None."""
    value = value.replace("!important", "").strip()
    m = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if m:
        value = variables.get(m.group(1), "")
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value):
        value = "#" + "".join(ch * 2 for ch in value[1:])
    if value in ("#fff", "white"):
        value = "#ffffff"
    return value.lower() if re.fullmatch(r"#[0-9a-fA-F]{6}", value) else None


def test_stylesheet_colour_pairs_pass_wcag_aa() -> None:
    """Each rule of report.css and print.css that sets a text colour: against the background it
    sets itself, else against the page's (white) and the soft panel background; the group palette
    against the text colour and the group-tag colour."""
    folder = report_html.templates_dir()
    css = (folder / "report.css").read_text("utf-8") + (folder / "print.css").read_text("utf-8")
    variables = {"--text": colours.TEXT_COLOUR, "--mark": colours.MARK_COLOUR}
    for name, value in re.findall(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{6})", css):
        variables[name] = value
    white, soft = "#ffffff", variables["--soft"]
    pairs = 0
    for selector, decls in _css_rules(css):
        colour = _colour(decls.get("color", ""), variables)
        if colour is None:
            continue
        bg_value = decls.get("background-color") or decls.get("background")
        background = _colour(bg_value, variables) if bg_value else None
        grounds = [background] if background else [white, soft]
        for ground in grounds:
            pairs += 1
            assert colours.contrast_ratio(colour, ground) >= 4.5, (selector, colour, ground)
    assert pairs >= 30
    tag = next(_colour(d["color"], variables) for s, d in _css_rules(css) if s == ".tag" and "color" in d)
    for background in (*colours.PALETTE, colours.MARK_COLOUR):
        assert colours.contrast_ratio(colours.TEXT_COLOUR, background) >= 4.5, background
        assert tag and colours.contrast_ratio(tag, background) >= 4.5, background


@pytest.mark.browser
def test_groups_and_kinds_do_not_rely_on_colour(page: Any, example: Comparison) -> None:
    """In grayscale every group is still told by its number and every unique sentence by its
    badge and dashed underline; kinds and stances are words; the highlight is an outline."""
    numbers = {g.id: i + 1 for i, g in enumerate(example.groups)}
    info = page.evaluate(
        """() => Array.from(document.querySelectorAll('#articles .s:not(.demo)')).map(e => {
             const tag = e.querySelector(':scope > .tag'), badge = e.querySelector(':scope > .badge');
             return [e.dataset.group || null, tag ? tag.textContent : null, badge ? badge.textContent : null,
                     getComputedStyle(e).textDecorationStyle];
           })"""
    )
    assert len(info) == sum(len(a.sentences) for a in example.articles)
    for group, tag, badge, decoration in info:
        if group is None:
            assert badge and badge.startswith("only in ") and tag is None
            assert decoration == "dashed"
        else:
            assert tag == f"G{numbers[group]}" and badge is None
    for selector in (".kind", ".stance"):
        for cls, text in page.eval_on_selector_all(
            selector, "els => els.map(e => [e.className, e.textContent])"
        ):
            assert re.search(rf"\b{selector[1:]}-{re.escape(text)}\b", cls), (cls, text)
    legend = page.text_content("#articles .legend")
    assert "G3" in legend and "only in" in legend
    # Colour cue for the highlight is an outline, not a change of background.
    page.click(sel(example.groups[0].members[0]))
    style = page.eval_on_selector(
        ".s.hl:not(.hl-origin)", "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
    )
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 2


@pytest.mark.browser
def test_the_script_writes_the_tooltips_and_the_repeated_quotes(
    chromium: Any, report_file: Path, example: Comparison
) -> None:
    """The page carries no per-sentence tooltip and each evidence quote once (the 150 KB budget);
    the script writes the tooltips the page had before, from the page itself, and copies every
    repeated quote back in, so that with it the page reads as before and without it nothing is lost."""
    built = ctx.build_context(example, for_print=False)
    expected = {s.anchor: s.title for a in built["articles"] for p in a.paragraphs for s in p.sentences}
    context, page, watch = open_page(chromium, report_file)
    try:
        titles = dict(page.eval_on_selector_all("#articles .s:not(.demo)", "els => els.map(e => [e.id, e.title])"))
        assert titles == expected
        for href, title in page.eval_on_selector_all(
            "#coverage a.cell", "els => els.map(e => [e.getAttribute('href'), e.title])"
        ):
            assert title == example.sentence(href.removeprefix("#s-")).text
        assert page.eval_on_selector_all(
            "mark[class^=cue-]", "els => els.every(e => e.title === e.className.slice(4) + ' cue')"
        )
        assert page.query_selector_all(".quote.again") == []
        shown = page.eval_on_selector_all("#framing .quote", "els => els.map(e => e.textContent)")
        total = sum(len(c.evidence) + len(c.tone_evidence)
                    for row in built["framing"] if row.has_cues for c in row.cells if c)
        assert len(shown) == total and all(" sentence " in q for q in shown)
        assert len(page.query_selector_all("[id^=q]")) == len(set(page.eval_on_selector_all(
            "[id^=q]", "els => els.map(e => e.id)")))
        watch.check()
    finally:
        context.close()


# --- phones, dark mode, printing, links, Tab stops (issue 16) -----------------------------------------

PAGE_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-scroll, .columns, .col-body')) { continue; }  // these scroll inside
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1) { wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right)); }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("width", [375, 1400])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_sideways_page_scroll(chromium: Any, report_file: Path, width: int, scheme: str) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        found = page.evaluate(PAGE_OVERFLOW)
        assert found["scroll"] <= found["width"], found
        assert found["wide"] == [], found
        # a wide table scrolls inside its own box
        if width == 375:
            grid = page.locator("#coverage .table-scroll").first
            assert grid.evaluate("el => el.scrollWidth > el.clientWidth")
            assert grid.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1400])
def test_outlets_without_a_break_do_not_widen_the_page(
    chromium: Any, tmp_path: Path, example_files: list[str], width: int
) -> None:
    """An outlet is the file name when nothing else names it, and a saved page's name often has
    no space or hyphen to break at: the summary's table and the filter buttons wrap it."""
    from dataclasses import replace

    from compare import Settings, compare

    labels = {path: f"nato_russia_summit_lisbon_2010_{Path(path).stem}_saved_copy" for path in example_files[:3]}
    result = compare(example_files[:3], replace(Settings(), semantic=False), labels=labels)
    _assert_no_sideways_scroll(chromium, tmp_path, result, width)


@pytest.mark.parametrize("width", [375, 1400])
def test_an_event_of_many_outlets_wraps(chromium: Any, tmp_path: Path, example_files: list[str], width: int) -> None:
    """The summary names each event by its outlets in one box, which never wrapped: three long
    outlet names (or thirty articles) made the page 3,248 px wide at 1,400."""
    from dataclasses import replace

    from compare import Settings, compare

    labels = {path: f"The {Path(path).stem.title()} Evening Edition of the Regional News Network" for path in example_files}
    result = compare(example_files, replace(Settings(), semantic=False), labels=labels)
    assert max(len(event.articles) for event in result.events) >= 3
    _assert_no_sideways_scroll(chromium, tmp_path, result, width)


def test_a_title_with_no_break_stays_in_its_column(chromium: Any, tmp_path: Path, example_files: list[str]) -> None:
    """A title that is a URL (a record's, or a page's) laid its column's text out as wide as the
    URL, over the next two columns, whose text it covered and whose clicks it took."""
    from dataclasses import replace

    from compare import Settings, compare

    url = "https://www.example-news-site.com/world/europe/2010/11/20/nato_russia_summit_lisbon_missile_defence_agreement"
    records = [{"id": Path(f).stem, "text": Path(f).read_text("utf-8")} for f in example_files[:3]]
    records[0]["title"] = url
    result = compare(records, replace(Settings(), semantic=False))
    target = tmp_path / "url-title.html"
    reports.write_html(result, target)
    context = chromium.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(target.as_uri())
        wider = page.eval_on_selector_all(
            "#articles .col > *",
            "els => els.filter(e => e.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 1)"
            ".map(e => e.className)",
        )
        assert wider == []
        page.click("#articles .col[data-col='1'] .s", timeout=5_000)  # not covered by the first column
    finally:
        context.close()


def _assert_no_sideways_scroll(chromium: Any, tmp_path: Path, result: Comparison, width: int) -> None:
    target = tmp_path / "long-outlets.html"
    reports.write_html(result, target)
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(target.as_uri())
        found = page.evaluate(PAGE_OVERFLOW)
        assert found["scroll"] <= found["width"], found
        assert found["wide"] == [], found
    finally:
        context.close()


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def test_dark_mode_follows_the_system(chromium: Any, report_file: Path) -> None:
    backgrounds = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(viewport=VIEWPORT, color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(report_file.as_uri())
            backgrounds[scheme] = _rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
            text = _rgb(page.evaluate("getComputedStyle(document.body).color"))
            grouped = page.locator("#articles .s[data-group]").first
            on_group = _rgb(grouped.evaluate("el => getComputedStyle(el).color"))
        finally:
            context.close()
        if scheme == "dark":
            assert sum(backgrounds["dark"]) < 120 and sum(text) > 600
            assert sum(on_group) < 200  # dark text stays on the light group colours
    assert sum(backgrounds["light"]) > 700


def test_browser_print_hides_the_toolbar_and_opens_sections(page: Any) -> None:
    page.emulate_media(media="print")
    assert page.locator(".toolbar").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator(".toc").evaluate("el => getComputedStyle(el).display") == "none"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") > 0


def test_source_links_are_links(chromium: Any, tmp_path: Path) -> None:
    from compare import compare

    records = [
        {"id": "a", "url": "https://example.org/a", "text": "The minister resigned on Monday after a budget dispute."},
        {"id": "b", "url": "javascript:alert(1)", "text": "The minister resigned on Tuesday after a budget dispute."},
    ]
    target = tmp_path / "r.html"
    reports.write_html(compare(records), target)
    context = chromium.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(target.as_uri())
        hrefs = page.evaluate("Array.from(document.querySelectorAll('#sources a[href]'), a => a.getAttribute('href'))")
    finally:
        context.close()
    assert hrefs == ["https://example.org/a"]


def test_one_tab_stop_per_article(page: Any, example: Comparison) -> None:
    stops = page.evaluate("document.querySelectorAll('#articles .s[tabindex=\"0\"]').length")
    assert stops == len(example.articles)
    first = page.locator("#articles .col-body").first.locator(".s").first
    first.focus()
    page.keyboard.press("j")
    moved = page.evaluate("document.activeElement.id")
    assert page.evaluate("document.querySelectorAll('#articles .s[tabindex=\"0\"]').length") == len(example.articles)
    assert page.evaluate(f"document.getElementById('{moved}').getAttribute('tabindex')") == "0"


def test_text_contrast_in_dark_mode(chromium: Any, report_file: Path) -> None:
    context = chromium.new_context(viewport=VIEWPORT, color_scheme="dark", reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        result = page.evaluate(CONTRAST_FAILURES)
    finally:
        context.close()
    assert result["checked"] > 200
    assert result["failures"] == []


# --- accessibility: axe-core (issue 16) ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1400])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_axe_finds_no_serious_violation(
    chromium: Any, report_file: Path, width: int, scheme: str, script: bool
) -> None:
    """axe-core (the copy inside the axe-playwright-python package: nothing is fetched) finds no
    serious or critical violation of WCAG 2.x A/AA and best practice on the example report, on a
    phone and a desktop, light and dark, with the page's script running and with script blocked (as
    a reader's browser or mail client may do); and, of the rest, none of the kinds fixed before."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python (dev extra)")
    page_file = report_file
    if not script:  # the page as it stands when its script never runs (axe itself needs script)
        html = report_file.read_text(encoding="utf-8")
        stripped = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
        assert stripped != html
        page_file = report_file.with_name("report-no-script.html")
        page_file.write_text(stripped, encoding="utf-8")
    context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        found = axe_module.Axe().run(page).response
        assert found["testEngine"]["name"] == "axe-core"
        violations = {v["id"]: (v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in found["violations"]}
        serious = {k: v for k, v in violations.items() if v[0] in ("serious", "critical")}
        assert serious == {}, serious
        assert "empty-table-header" not in violations, violations
    finally:
        context.close()
