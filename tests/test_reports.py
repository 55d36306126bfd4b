"""Tests of the rendering layer (``reports/``): HTML, PDF, JSON and file writing.

Comparisons are built by hand here, so that these tests do not depend on the
pipeline; one test renders the real example when the pipeline is importable.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

import reports
from compare import Settings
from compare.analyze.event_sets import events_of
from compare.errors import OutputError, UsageError
from compare.models import (
    Article,
    Comparison,
    Difference,
    Event,
    Group,
    MemberDiff,
    Pair,
    Removed,
    Segment,
    Sentence,
    Span,
    Stance,
)
from reports import colours
from reports import context as ctx
from reports import html as report_html
from reports import pdf as report_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-2010"

# --- building comparisons by hand ------------------------------------------------

Para = tuple[str, Sequence[str]]  # (role, sentences)


def make_article(
    article_id: str,
    paragraphs: Sequence[Para],
    *,
    outlet: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    removed: Sequence[tuple[str, str]] = (),
) -> Article:
    """An article whose text is its paragraphs; offsets are exact."""
    text = ""
    spans: list[Span] = []
    sentences: list[Sentence] = []
    for p_index, (role, sents) in enumerate(paragraphs):
        if text:
            text += "\n\n"
        p_start = len(text)
        for s_index, sent in enumerate(sents):
            if s_index:
                text += " "
            start = len(text)
            text += sent
            sentences.append(
                Sentence(
                    id=f"{article_id}:{len(sentences)}",
                    article=article_id,
                    index=len(sentences),
                    text=sent,
                    start=start,
                    end=len(text),
                    paragraph=p_index,
                    role=role,
                )
            )
        spans.append(Span(p_start, len(text)))
    removed_records = []
    for r_text, reason in removed:
        text += "\n\n"
        removed_records.append(Removed(r_text, reason, len(text), len(text) + len(r_text), "navigation"))
        text += r_text
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        sha256="ab" * 32,
        text=text,
        outlet=outlet,
        title=title,
        date=date,
        url=url,
        paragraphs=tuple(spans),
        removed=tuple(removed_records),
        sentences=tuple(sentences),
    )


def words_diff(members: dict[str, list[tuple[str, bool]]]) -> tuple[MemberDiff, ...]:
    return tuple(MemberDiff(sid, tuple(Segment(t, c) for t, c in segs)) for sid, segs in members.items())


def unique_of(
    articles: Sequence[Article], groups: Sequence[Group]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    grouped = {m for g in groups for m in g.members}
    return tuple((a.id, tuple(s.id for s in a.sentences if s.id not in grouped)) for a in articles)


def make_comparison(
    articles: Sequence[Article],
    groups: Sequence[Group],
    *,
    pairs: Sequence[Pair] | None = None,
    stances: Sequence[Stance] = (),
    pair_mode: bool = False,
    title: str = "NATO and Russia talk cooperation",
) -> Comparison:
    if pairs is None:
        pairs = [Pair(a.id, b.id, 0.5, True) for i, a in enumerate(articles) for b in articles[i + 1 :]]
    return Comparison(
        title=title,
        articles=tuple(articles),
        groups=tuple(groups),
        unique=unique_of(articles, groups),
        pairs=tuple(pairs),
        stances=tuple(stances),
        settings=replace(Settings(), link_threshold=0.28),
        version="0.1.0",
        pair_mode=pair_mode,
        events=events_of([a.id for a in articles], pairs),
    )


def sample_comparison(*, pair_mode: bool = False, hostile: bool = False) -> Comparison:
    rferl = make_article(
        "rferl",
        [
            ("title", ["NATO Encouraged By Talk Of Cooperation With Russia"]),
            (
                "body",
                [
                    "NATO foreign ministers met Russian Foreign Minister Sergei Lavrov"
                    " in New York on Wednesday.",
                    "The meeting lasted 27 minutes, officials said.",
                ],
            ),
            ("body", ["Moscow has not yet said it will attend the Lisbon summit."]),
        ],
        outlet="RFE/RL",
        title="NATO Encouraged By Talk Of Cooperation With Russia",
        date="2010-09-23",
        removed=[("Accessibility links", "navigation"), ("Breaking News", "navigation")],
    )
    tass = make_article(
        "tass",
        [
            ("title", ["NATO Encouraged By Talks With Russia"]),
            (
                "body",
                [
                    "NATO ministers met Russian Foreign Minister Sergei Lavrov in New York on Wednesday.",
                    "The meeting lasted 28 minutes.",
                ],
            ),
            ("body", ["Russia welcomed the talks cautiously and asked for guarantees."]),
        ],
        outlet="TASS",
        title="NATO Encouraged By Talks With Russia",
        date="2010-09-22",
    )
    third_paragraphs: list[Para] = [
        ("title", ["Ministers meet in New York"]),
        ("body", ["NATO ministers met Lavrov in New York."]),
        ("body", ["Diplomats expect a summit in Lisbon in November."]),
    ]
    third_outlet = "Daily Example"
    if hostile:
        third_paragraphs = [
            ("title", ["Evil headline <script>alert(1)</script>"]),
            ("body", ["NATO ministers met Lavrov in New York <img src=x onerror=alert(1)>."]),
            (
                "body",
                [
                    'Click <a href="javascript:alert(1)">javascript:alert(1)</a> now.',
                    '<img src="file:///etc/passwd"> was embedded here.',
                    "</style></span></div><script>alert('x')</script>",
                ],
            ),
        ]
        third_outlet = "<b>Evil</b> & Co"
    third = make_article(
        "third",
        third_paragraphs,
        outlet=third_outlet,
        title=third_paragraphs[0][1][0],
        date="2010-09-23",
        url="https://example.org/story?a=1&b=<2>" if hostile else None,
    )
    groups = [
        Group(
            "g1",
            ("rferl:1", "tass:1", "third:1"),
            "partial",
            0.62,
            diff=words_diff(
                {
                    "rferl:1": [
                        ("NATO", False),
                        ("foreign", True),
                        ("ministers met", False),
                        ("Russian Foreign Minister Sergei", True),
                        ("Lavrov in New York", False),
                        ("on Wednesday.", True),
                    ],
                    "tass:1": [
                        ("NATO ministers met", False),
                        ("Russian Foreign Minister Sergei", True),
                        ("Lavrov in New York", False),
                        ("on Wednesday.", True),
                    ],
                }
            ),
        ),
        Group(
            "g2",
            ("rferl:2", "tass:2"),
            "diverge",
            0.71,
            differences=(
                Difference("number", "duration of the meeting", (("rferl:2", "27"), ("tass:2", "28"))),
            ),
            diff=words_diff(
                {
                    "rferl:2": [
                        ("The meeting lasted ", False),
                        ("27", True),
                        (" minutes, officials said.", False),
                    ],
                    "tass:2": [("The meeting lasted ", False), ("28", True), (" minutes.", False)],
                }
            ),
        ),
        Group("g3", ("rferl:0", "tass:0"), "agree", 0.8),
    ]
    stances = [
        Stance("NATO", "rferl", "cooperative", 0.6, ("rferl:0",), cooperative=3, reluctant=0),
        Stance("NATO", "tass", "neutral", 0.0, (), cooperative=0, reluctant=0),
        Stance("Russia", "rferl", "reluctant", -0.5, ("rferl:3",), cooperative=1, reluctant=3),
        Stance("Russia", "tass", "mixed", 0.1, ("tass:3",), cooperative=2, reluctant=1),
        Stance("Lavrov", "rferl", "neutral", 0.0, (), cooperative=0, reluctant=0),
        Stance("Lavrov", "tass", "neutral", 0.0, (), cooperative=0, reluctant=0),
    ]
    pairs = [
        Pair("rferl", "tass", 0.61, True),
        Pair("rferl", "third", 0.22, False),
        Pair("tass", "third", 0.25, False),
    ]
    if pair_mode:
        pairs = [Pair("rferl", "tass", 0.61, True)]
    return make_comparison([rferl, tass, third], groups, pairs=pairs, stances=stances, pair_mode=pair_mode)


@pytest.fixture
def fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    yield


@pytest.fixture
def comparison() -> Comparison:
    return sample_comparison()


@pytest.fixture
def hostile() -> Comparison:
    return sample_comparison(hostile=True)


def visible_text(markup: str) -> str:
    """The page's text with tags dropped and entities decoded (roughly what a reader sees)."""
    no_script = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", no_script)).split())


# --- HTML: safety -------------------------------------------------------------------


def test_hostile_article_text_is_escaped(hostile: Comparison) -> None:
    page = reports.render_html(hostile)
    # Exactly one script element: ours.
    assert len(re.findall(r"<script\b", page, flags=re.I)) == 1
    assert "alert" not in page.split("<script>", 1)[1].split("</script>", 1)[0]
    assert "<img" not in page.lower()
    assert "onerror=alert" not in page.replace("&#34;", '"') or "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript:' not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/style&gt;&lt;/span&gt;&lt;/div&gt;" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in page
    # The text reads as the article wrote it.
    text = visible_text(page)
    assert "Evil headline <script>alert(1)</script>" in text
    assert 'Click <a href="javascript:alert(1)">javascript:alert(1)</a> now.' in text
    # Our style element is not closed early by article text.
    assert page.count("</style>") == 1


def test_hostile_url_is_an_escaped_link_only_in_the_sources(hostile: Comparison) -> None:
    """A source's http(s) URL is a link (issue 16: readers click through to the original), its
    markup escaped, without referrer; every other link stays inside the page."""
    page = reports.render_html(hostile)
    url = "https://example.org/story?a=1&amp;b=&lt;2&gt;"
    assert f'<a href="{url}" rel="noopener noreferrer nofollow">{url}</a>' in page
    outside = [h for h in re.findall(r'\b(?:src|href|action)="([^"]*)"', page) if not h.startswith("#")]
    assert outside == [url]
    assert "href='" not in page


def test_no_external_references(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    assert "http://" not in page and "https://" not in page
    assert "@import" not in page
    assert not re.search(r"url\(", page)
    for name in ("report.css", "print.css", "report.js"):
        source = (report_html.templates_dir() / name).read_text(encoding="utf-8")
        assert "http://" not in source and "https://" not in source, name
        assert "@import" not in source and "url(" not in source, name
    # Every link stays inside the page and points at something that exists.
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    targets = re.findall(r'href="([^"]*)"', page)
    assert targets and all(t.startswith("#") for t in targets)
    assert {t[1:] for t in targets} <= ids


def test_content_security_policy(comparison: Comparison) -> None:
    """As strict as the batch index's: the one inline script by its hash, no <base>, no form."""
    import base64
    import hashlib

    page = reports.render_html(comparison).replace("&#39;", "'")
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'\">"
    ) in page
    from reports.html import render_document

    assert "script-src 'none'" in render_document(comparison, for_print=True).replace("&#39;", "'")


def test_ids_are_unique(comparison: Comparison) -> None:
    for c in (comparison, sample_comparison(pair_mode=True)):
        ids = re.findall(r'\bid="([^"]+)"', reports.render_html(c))
        assert len(ids) == len(set(ids))


# --- HTML: content ----------------------------------------------------------------------


def test_every_sentence_has_its_anchor(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    for article in comparison.articles:
        for s in article.sentences:
            m = re.search(rf'<span [^>]*id="s-{re.escape(s.id)}"[^>]*>([^<]*)<', page)
            assert m, s.id
            assert html.unescape(m.group(1)) == s.text


def test_sentences_are_focusable_and_tagged(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    tag = re.search(r'<span [^>]*id="s-rferl:2"[^>]*>', page)
    assert tag is not None
    # tagged with its group; the script makes it focusable (tests/test_browser.py)
    assert "tabindex" not in tag.group(0) and 'data-group="g2"' in tag.group(0)
    assert 'data-kind="diverge"' in tag.group(0)
    unique = re.search(r'<span [^>]*id="s-rferl:3"[^>]*>.*?</span></span>', page)
    assert unique is not None
    assert 'class="s u"' in unique.group(0) and 'data-kind="unique"' in unique.group(0)
    assert "only in RFE/RL" in unique.group(0)


def test_paragraph_breaks_are_kept(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    body = page.split('id="articles"', 1)[1]
    # rferl:1 and rferl:2 share a paragraph; rferl:3 starts a new one.
    para = re.search(r'<p class="para role-body">(.*?)</p>', body, flags=re.S)
    assert para is not None
    assert 'id="s-rferl:1"' in para.group(1) and 'id="s-rferl:2"' in para.group(1)
    assert 'id="s-rferl:3"' not in para.group(1)


def test_diff_marks(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = page.split('id="divergences"', 1)[1].split("</section>", 1)[0]
    assert "<mark>27</mark>" in section and "<mark>28</mark>" in section
    assert "The meeting lasted <mark>27</mark> minutes, officials said." in section
    # Bare-word segments get their spaces back.
    assert (
        "NATO <mark>foreign</mark> ministers met <mark>Russian Foreign Minister Sergei</mark> Lavrov"
        in section
    )
    # The typed difference with each member's value and outlet.
    assert "duration of the meeting" in section
    text = visible_text(section)
    assert "RFE/RL “27”" in text and "TASS “28”" in text


def test_summary(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = page.split('id="summary"', 1)[1].split("</section>", 1)[0]
    text = visible_text(section)
    assert "Reported by all 3 articles" in text
    assert "NATO foreign ministers met Russian Foreign Minister" in text
    assert "27 (RFE/RL) vs 28 (TASS)" in text
    assert "different events" in text  # third is not the same event
    assert re.search(r"Agree\s*1\b", text) and re.search(r"Partial\s*1\b", text)
    assert re.search(r"Diverge\s*1\b", text)


def test_a_pair_judged_apart_inside_one_event_says_so(comparison: Comparison) -> None:
    """Blind reading 10 (FNC-1 s0119): two articles judged different events on their own, while a
    third joins them in one event; the pairs table said only "no", under a one-event summary."""

    def section(c: Comparison) -> str:
        return visible_text(reports.render_html(c).split('id="pairs"', 1)[1].split("</section>", 1)[0])

    assert "with the other articles, one event" not in section(comparison)
    joined = replace(
        comparison,
        events=(Event("e1", ("rferl", "tass", "third"), ("same event",)),),
        pairs=tuple(replace(p, in_one_event=True) for p in comparison.pairs),
    )
    text = section(joined)
    assert text.count("judged on these two alone; with the other articles, one event") == 2  # tass:third, rferl:third
    assert "TASS" in text and "no" in text


def test_framing_labels(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = page.split('id="framing"', 1)[1].split("</section>", 1)[0]
    for label in ("cooperative", "reluctant", "mixed", "neutral"):
        assert f'class="stance stance-{label}">{label}<' in section
    assert "+0.60" in section and "-0.50" in section
    assert "3 / 0 cues" in section
    assert "Moscow has not yet said it will attend the Lisbon summit." in section
    assert "not mentioned" in section  # NATO/Russia × third


def test_actors_without_cues_are_listed_not_tabled(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = page.split('id="framing"', 1)[1].split("</section>", 1)[0]
    table = section.split("</table>", 1)[0]
    assert "Lavrov" not in table
    assert "Mentioned without framing cues (neutral): Lavrov (RFE/RL, TASS)." in visible_text(section)
    summary = page.split('id="summary"', 1)[1].split("</section>", 1)[0]
    assert "No framing cues for Lavrov." in summary


def test_print_links_point_inside_the_document(comparison: Comparison) -> None:
    for c in (comparison, sample_comparison(pair_mode=True)):
        page = report_html.render_document(c, for_print=True)
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids))
        targets = re.findall(r'href="([^"]*)"', page)
        assert targets and all(t.startswith("#") for t in targets)
        assert {t[1:] for t in targets} <= set(ids)
        for article in c.articles:
            for s in article.sentences:
                assert f'id="{ctx.anchor(s.id)}"' in page


def test_print_marks_sentences_with_group_numbers(comparison: Comparison) -> None:
    page = report_html.render_document(comparison, for_print=True)
    section = page.split('id="articles"', 1)[1]
    assert '<b class="gt c1" id="s-rferl:2">G2</b> The meeting lasted 27 minutes, officials said.' in section
    # A unique sentence carries its anchor on its first word (never an empty element).
    assert '<span id="s-rferl:3">Moscow</span> has not yet said' in section
    assert not re.search(r"<(a|span|b)\b[^>]*></\1>", section)


def test_minor_divergences_are_compact_in_print(comparison: Comparison) -> None:
    screen = reports.render_html(comparison)
    printed = report_html.render_document(comparison, for_print=True)
    assert 'id="d-g1"' in screen  # the partial group, in full with its diff
    assert 'id="d-g1"' not in printed and "Told with more or less detail (1)" in printed
    assert 'id="d-g2"' in printed  # the contradiction, in full


def test_coverage_grid_order_and_links(comparison: Comparison) -> None:
    c = ctx.build_context(comparison, for_print=False)
    rows = c["coverage"]
    assert [r.group.id for r in rows] == ["g1", "g3", "g2"]  # span 3 first, then first appearance
    assert [len(cell) for cell in rows[0].cells] == [1, 1, 1]
    assert rows[1].cells[2] == ()
    page = reports.render_html(comparison)
    grid = page.split('id="coverage"', 1)[1].split("</section>", 1)[0]
    assert 'href="#s-tass:1"' in grid


def test_pairs_table(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = visible_text(page.split('id="pairs"', 1)[1].split("</section>", 1)[0])
    assert "RFE/RL TASS 61% yes" in section
    assert "RFE/RL Daily Example 22% no" in section


def test_sources_table(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = visible_text(page.split('id="sources"', 1)[1].split("</section>", 1)[0])
    assert "Accessibility links" in section and "navigation" in section
    assert "2010-09-22" in section


def test_all_article_columns_side_by_side(comparison: Comparison) -> None:
    page = reports.render_html(comparison)
    section = page.split('id="articles"', 1)[1].split("</section>", 1)[0]
    assert section.count('<div class="col"') == 3
    assert "pair-table" not in section


def test_pair_mode_layout() -> None:
    c = sample_comparison(pair_mode=True)
    layouts = ctx.build_context(c, for_print=False)["pair_layouts"]
    assert len(layouts) == 1
    rows = layouts[0].rows
    as_ids = [([s.id for s in r.left], [s.id for s in r.right], r.kind) for r in rows]
    assert as_ids == [
        (["rferl:0"], ["tass:0"], "shared"),
        (["rferl:1"], ["tass:1"], "shared"),
        (["rferl:2"], ["tass:2"], "shared"),
        ([], ["tass:3"], "right"),  # right after the right article's previous shared row
        (["rferl:3"], [], "left"),
    ]
    page = reports.render_html(c)
    section = page.split('id="articles"', 1)[1].split("</section>", 1)[0]
    assert "pair-table" in section
    row = re.search(r'<tr class="prow prow-shared">(.*?)</tr>', section, flags=re.S)
    assert row is not None and row.group(1).count("<td>") == 2
    # The article in no chosen pair is still shown, with its anchors.
    assert "Articles in no chosen pair" in section
    for s in c.article("third").sentences:
        assert f'id="s-{s.id}"' in page


def test_pair_rows_keep_order_when_right_has_extra_sentences() -> None:
    a = make_article("a", [("body", ["Alpha one.", "Shared two.", "Alpha three."])], outlet="A")
    b = make_article(
        "b", [("body", ["Bravo zero.", "Shared two!", "Bravo extra.", "Bravo end."])], outlet="B"
    )
    g = Group("g1", ("a:1", "b:1"), "agree", 0.9)
    c = make_comparison([a, b], [g], pairs=[Pair("a", "b", 0.3, True)], pair_mode=True)
    rows = ctx.build_context(c, for_print=False)["pair_layouts"][0].rows
    assert [([s.id for s in r.left], [s.id for s in r.right]) for r in rows] == [
        ([], ["b:0"]),
        (["a:0"], []),
        (["a:1"], ["b:1"]),
        ([], ["b:2"]),
        ([], ["b:3"]),
        (["a:2"], []),
    ]


def test_palette_contrast() -> None:
    assert len(colours.PALETTE) >= 10
    for colour in colours.PALETTE:
        assert colours.contrast_ratio(colours.TEXT_COLOUR, colour) >= 4.5, colour
    assert colours.contrast_ratio(colours.TEXT_COLOUR, colours.MARK_COLOUR) >= 4.5


def test_group_colours_cycle() -> None:
    articles = [
        make_article("a", [("body", [f"Sentence {i} of a." for i in range(15)])]),
        make_article("b", [("body", [f"Sentence {i} of b." for i in range(15)])]),
    ]
    groups = [Group(f"g{i}", (f"a:{i}", f"b:{i}"), "agree", 0.9) for i in range(15)]
    views = ctx.build_context(make_comparison(articles, groups), for_print=False)["groups"]
    n = len(colours.PALETTE)
    assert [v.colour for v in views] == [i % n for i in range(15)]


def test_empty_comparison_renders() -> None:
    a = make_article("a", [("body", ["Only sentence of a."])], outlet="A")
    b = make_article("b", [("body", ["Only sentence of b."])], outlet="B")
    page = reports.render_html(make_comparison([a, b], [], pairs=[Pair("a", "b", 0.0, False)]))
    assert "No sentence is shared by two articles." in page
    assert 'id="s-a:0"' in page and 'id="s-b:0"' in page


def test_sentence_ids_with_spaces_get_valid_anchors() -> None:
    a = make_article("my file", [("body", ["One."])])
    b = make_article("b", [("body", ["Two."])])
    page = reports.render_html(make_comparison([a, b], []))
    assert 'id="s-my%20file:0"' in page


# --- timestamps and determinism ------------------------------------------------------------


def test_generated_timestamp(fixed_epoch: None, comparison: Comparison) -> None:
    c = ctx.build_context(comparison, for_print=False)
    assert c["generated"] == "2023-11-14 22:13 UTC"
    assert "Generated 2023-11-14 22:13 UTC" in reports.render_html(comparison)


def test_bad_source_date_epoch(monkeypatch: pytest.MonkeyPatch, comparison: Comparison) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="yesterday"):
        reports.render_html(comparison)


def test_timestamp_without_epoch(monkeypatch: pytest.MonkeyPatch, comparison: Comparison) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    generated = ctx.build_context(comparison, for_print=False)["generated"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", generated)


def test_html_is_deterministic(fixed_epoch: None) -> None:
    assert reports.render_html(sample_comparison()) == reports.render_html(sample_comparison())


# --- JSON -----------------------------------------------------------------------------------


def test_render_json(comparison: Comparison) -> None:
    out = reports.render_json(comparison)
    assert out == json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(out)["schema"] == "storycompare/1"


def test_write_json_and_html(tmp_path: Path, hostile: Comparison, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both renderings carry one timestamp (was flaky at a second's edge)
    reports.write_json(hostile, tmp_path / "out" / "r.json")
    assert json.loads((tmp_path / "out" / "r.json").read_text(encoding="utf-8")) == hostile.to_dict()
    reports.write_html(hostile, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == reports.render_html(hostile)


# --- atomic_write ----------------------------------------------------------------------------


def test_atomic_write_creates_file_and_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.bin"
    reports.atomic_write(target, b"hello")
    assert target.read_bytes() == b"hello"
    reports.atomic_write(target, b"again")
    assert target.read_bytes() == b"again"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.bin"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_atomic_write_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="no space left on device") as info:
        reports.atomic_write(target, b"new content")
    assert info.value.target == str(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_atomic_write_into_a_directory_target(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(OutputError):
        reports.atomic_write(tmp_path / "dir", b"x")
    assert [p.name for p in (tmp_path / "dir").iterdir()] == []
    assert [p.name for p in tmp_path.iterdir()] == ["dir"]


def test_atomic_write_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError) as info:
        reports.atomic_write(tmp_path / "file" / "report.pdf", b"x")
    assert "report.pdf" in str(info.value)


# --- import cost ---------------------------------------------------------------------------------


def test_import_does_not_load_weasyprint() -> None:
    code = "import sys, reports; print('weasyprint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_weasyprint_import_leaves_find_library_as_it_was_and_prints_nothing() -> None:
    code = (
        "import ctypes.util, sys\n"
        "original = ctypes.util.find_library\n"
        "from reports.pdf import import_weasyprint\n"
        "import_weasyprint()\n"
        "assert 'weasyprint.text.ffi' in sys.modules\n"
        "assert ctypes.util.find_library is original\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (out.returncode, out.stdout, out.stderr) == (0, "", "")


def test_weasyprint_is_imported_the_ordinary_way_when_the_fast_lookup_fails() -> None:
    # A library found only through find_library's gcc/ld fallbacks makes the first import fail:
    # the half-imported modules are dropped and WeasyPrint is imported again, unhurried.
    code = (
        "import contextlib, sys\n"
        "import reports.pdf as pdf\n"
        "@contextlib.contextmanager\n"
        "def failing():\n"
        "    import weasyprint.css\n"  # half of WeasyPrint in sys.modules, then the failure
        "    raise OSError('cannot load library')\n"
        "    yield\n"
        "pdf._fast_library_lookup = failing\n"
        "pdf.import_weasyprint()\n"
        "from weasyprint import HTML\n"
        "assert HTML(string='<p>x</p>').write_pdf().startswith(b'%PDF')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert (out.returncode, out.stderr) == (0, "")


def test_templates_dir_is_the_checkout_templates() -> None:
    assert report_html.templates_dir() == ROOT / "templates"


# --- PDF -----------------------------------------------------------------------------------------


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def test_url_fetcher_refuses_everything() -> None:
    fetcher = report_pdf.url_fetcher()
    for url in ("file:///etc/passwd", "https://example.org/x.png", "data:image/png;base64,AAAA"):
        with pytest.raises(report_pdf.FetchRefused):
            fetcher(url)
    with pytest.raises(report_pdf.FetchRefused):
        report_pdf.refuse_fetch("http://example.org/")


def test_render_pdf(tmp_path: Path, comparison: Comparison) -> None:
    target = tmp_path / "sub" / "report.pdf"
    reports.render_pdf(comparison, target)
    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(pdftotext(target).split())
    assert "Page 1 of" in text
    assert "NATO and Russia talk cooperation" in text
    for phrase in (
        "Russian Foreign Minister Sergei Lavrov",
        "Moscow has not yet said",
        "Russia welcomed the talks",
    ):
        assert phrase in text
    assert "Divergences" in text and "Framing" in text


def test_print_version_has_no_script_and_no_columns(comparison: Comparison) -> None:
    page = report_html.render_document(comparison, for_print=True)
    assert "<script" not in page
    assert 'class="columns"' not in page and 'tabindex="0"' not in page
    order = [page.index(f'id="{name}"') for name in ctx.PRINT_SECTIONS]
    assert order == sorted(order)
    assert "<title>NATO and Russia talk cooperation</title>" in page
    assert '<meta name="description"' in page


def test_pdf_fetches_nothing_for_hostile_text(
    tmp_path: Path, hostile: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def recording(url: str, *args: object, **kwargs: object) -> object:
        calls.append(url)
        raise report_pdf.FetchRefused(url)

    monkeypatch.setattr(report_pdf, "refuse_fetch", recording)
    target = tmp_path / "hostile.pdf"
    reports.render_pdf(hostile, target)
    assert calls == []
    text = " ".join(pdftotext(target).split())
    assert '<img src="file:///etc/passwd"> was embedded here.' in text
    assert "root:x:0:0" not in text


def test_pdf_metadata(tmp_path: Path, fixed_epoch: None, comparison: Comparison) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed; .ci/run installs it")
    target = tmp_path / "r.pdf"
    reports.render_pdf(comparison, target)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+NATO and Russia talk cooperation$", info, flags=re.M)
    assert re.search(r"^Subject:\s+storycompare report", info, flags=re.M)


def test_pdf_is_deterministic(fixed_epoch: None, comparison: Comparison) -> None:
    assert reports.render_pdf_bytes(comparison) == reports.render_pdf_bytes(comparison)


# --- the real example ------------------------------------------------------------------------------


def _example_comparison() -> Comparison:
    if not (ROOT / "compare" / "pipeline.py").exists():
        pytest.skip("the pipeline (compare/pipeline.py) is not there yet")
    try:
        from compare import compare as run
    except ImportError as exc:
        pytest.skip(f"the pipeline is not complete yet: {exc}")
    result: Comparison = run([str(p) for p in sorted(EXAMPLE.iterdir())])
    return result


def test_example_story_renders(tmp_path: Path, fixed_epoch: None) -> None:
    c = _example_comparison()
    page = reports.render_html(c)
    for article in c.articles:
        for s in article.sentences:
            assert f'id="{ctx.anchor(s.id)}"' in page
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    assert {t[1:] for t in re.findall(r'href="([^"]*)"', page)} <= ids
    reports.render_pdf(c, tmp_path / "example.pdf")
    text = " ".join(pdftotext(tmp_path / "example.pdf").split())
    assert "Page 1 of" in text


def test_pdf_worker_renders_the_same_pdf_as_in_process(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The worker process (WeasyPrint loaded while the comparison runs) gives the same bytes."""
    import glob

    import reports
    from compare import compare

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1285200000")
    files = sorted(glob.glob(str(ROOT / "examples" / "nato-russia-2010" / "*.txt")))
    with reports.PdfWorker() as worker:
        result = compare(files)
        worker.render(result, tmp_path / "worker.pdf")
    reports.render_pdf(result, tmp_path / "direct.pdf")
    assert (tmp_path / "worker.pdf").read_bytes() == (tmp_path / "direct.pdf").read_bytes()


def test_example_story_html_stays_under_150_kb(example_files: list[str]) -> None:
    """Issue 16's budget for the example story's page (as `storycompare demo` writes it): 161 KB
    before tooltips moved into the script and repeated evidence quotes became references."""
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    page = reports.render_html(compare(example_files, labels=EXAMPLE_LABELS, title="NATO and Russia, 2010"))
    assert len(page.encode("utf-8")) < 150_000


def test_each_evidence_quote_is_written_once_and_referred_to(example: Comparison) -> None:
    """A sentence quoted with the same cue marks under two actors is written once on the screen
    page; its other places name the actor it is quoted under, link to the sentence and point
    (data-quote) to the quote above.  The PDF's page writes every quote in full."""
    page = reports.render_html(example)
    framing = page[page.index('<section id="framing"'):page.index('<section id="articles"')]
    quotes = re.findall(r'<p class="quote"( id="(q\d+)")?>(.*?)</p>', framing, re.S)
    again = re.findall(r'<p class="quote again" data-quote="(q\d+)"><a class="cite" href="#([^"]+)">[^<]*</a>: '
                       r"quoted above, under ([^<]+)</p>", framing)
    assert again and quotes
    ids = [q[1] for q in quotes if q[1]]
    assert len(ids) == len(set(ids))
    written = [q[2] for q in quotes]
    assert len(written) == len(set(written)), "a quote is written twice"
    for ref, sentence_anchor, actor in again:
        original = framing.index(f'id="{ref}"')
        assert original < framing.index(f'data-quote="{ref}"'), "a reference comes before its quote"
        assert f'href="#{sentence_anchor}"' in framing[original:framing.index("</p>", original)]
        assert f"<h4>{actor}</h4>" in framing[:original], actor
    printed = report_html.render_document(example, for_print=True)
    assert "quote again" not in printed
    total = sum(len(c.evidence) + len(c.tone_evidence)
                for row in ctx.build_context(example, for_print=False)["framing"] if row.has_cues
                for c in row.cells if c)
    assert len(written) + len(again) == total


def test_a_difference_headline_keeps_the_words_it_names_when_they_are_not_the_whole_values() -> None:
    """A quote difference that names the differing words ("“very positive” against “very encouraged”") is
    its own headline: the values it shows in full below are not cut off it, even where one of them is
    among the words named."""
    from reports.views import DifferenceView, ValueView

    named = "Rasmussen quoted in different words: “very positive” against “very encouraged”"
    values = (
        ValueView("Bloomberg", "very positive and a reflection of the substantive progress we have made", "a"),
        ValueView("RFE/RL", "very encouraged", "b"),
    )
    assert DifferenceView("quote", named, True, values).headline == named
    whole = "Rasmussen quoted in different words: " + " against ".join(f"“{v.value}”" for v in values)
    assert DifferenceView("quote", whole, True, values).headline == "Rasmussen quoted in different words"


def test_articles_of_one_outlet_are_told_apart(example_files: list[str]) -> None:
    """Two versions of one agency's story, or two files an outlet is read from: each label was
    "Reuters", in the summary's table, the filters, the coverage grid and the pairs alike."""
    from compare import compare

    files = example_files[:3]
    labels = {files[0]: "Reuters", files[1]: "Reuters", files[2]: "AP"}
    result = compare(files, replace(Settings(), semantic=False), labels=labels)
    ids = [a.id for a in result.articles]
    context = ctx.build_context(result, for_print=False)
    assert [a.label for a in context["articles"]] == [f"Reuters ({ids[0]})", f"Reuters ({ids[1]})", "AP"]
    assert [row.outlet for row in context["summary"].unique] == [a.label for a in context["articles"]]
    assert [a["outlet"] for a in json.loads(reports.render_json(result))["articles"]] == ["Reuters", "Reuters", "AP"]
