"""The pages of a whole collection: ``index.html`` and ``stories.json``; and each story's
report files as bytes (:func:`render_story`), which the story tasks of a batch run make.

``index.html`` lists the stories with their outlets, dates, sizes and headline
agreement figures, and the articles that no other article reports on
(singletons).  Like the story report it is one self-contained file: inline CSS
and script only, a Content-Security-Policy that allows exactly those two (by
their SHA-256) and no request of any kind, and every string from the articles
escaped by jinja2's autoescape.  Without JavaScript the table reads in its
given order (biggest story first); with it, a click on a column heading sorts.
"""

from __future__ import annotations

import os
from typing import Any

from markupsafe import Markup

from compare.batch.records import ArticleInfo, BatchResult, StorySummary
from compare.models import Comparison
from reports.files import atomic_write
from reports.html import csp_hash
from reports.views import closed_bidi

TEMPLATE = "index.html.j2"
CSS = ("index.css",)
SCRIPT = "index.js"


def _percent(value: float) -> str:
    return f"{round(100 * value)}%"


def _dates(dates: tuple[str, ...]) -> str:
    if not dates:
        return "—"
    return dates[0] if len(dates) == 1 else f"{dates[0]} – {dates[-1]}"


def _outlets(story: StorySummary) -> str:
    named = ", ".join(closed_bidi(outlet) for outlet in story.outlets)  # "\u202eRT" reverses none of the others
    unnamed = sum(1 for a in story.articles if not a.outlet)
    if not unnamed:
        return named
    rest = f"{unnamed} without outlet" if unnamed > 1 else "1 without outlet"
    return f"{named}; {rest}" if named else rest


def _related_rows(entries: list[dict[str, Any]], result: BatchResult) -> list[dict[str, Any]]:
    """A story's (or an article on its own's) follow-up links as its row shows them: which
    way, the other story (or article on its own) with its title and in-page anchor, the days
    and the reason."""
    titles = {s.id: s.title or s.id for s in result.stories}
    singles = {a.id: a.title or a.id for a in result.singletons}
    rows = []
    for entry in entries:
        if "story" in entry:
            other, label = f"{entry['story']}", titles.get(entry["story"], entry["story"])
        else:
            other, label = f"article-{entry['article']}", singles.get(entry["article"], entry["article"])
        rows.append(
            {
                "relation": "Follow-up of" if entry["relation"] == "follow_up_of" else "Followed by",
                "href": "#" + other,
                "label": label,
                "days": entry["days"],
                "reason": entry["reason"],
            }
        )
    return rows


def _story_row(story: StorySummary, result: BatchResult) -> dict[str, Any]:
    files = dict(story.files)
    dates = story.dates
    return {
        "id": story.id,
        "title": story.title or story.id,
        "href": files.get("html") or files.get("json"),
        "files": [(kind.upper(), path) for kind, path in story.files],
        "articles": [
            {"label": a.label, "title": a.title or a.id, "date": a.date or "", "id": a.id}
            for a in story.articles
        ],
        "size": len(story.articles),
        "outlets": _outlets(story),
        "dates": _dates(dates),
        "first_date": dates[0] if dates else "",
        "sentences": story.sentences,
        "agree": _percent(story.agree_share),
        "agree_value": round(story.agree_share, 4),
        "groups": story.groups,
        "diverge": story.diverge,
        "differences": story.differences,
        "unique": _percent(story.unique_share),
        "unique_value": round(story.unique_share, 4),
        "similarity": f"{story.similarity:.2f}",
        "error": story.error,
        "related": _related_rows(result.related_to(story.id), result),
    }


def _singleton_row(info: ArticleInfo, result: BatchResult) -> dict[str, Any]:
    return {
        "id": info.id,
        "label": info.label,
        "title": info.title or "",
        "date": info.date or "",
        "source": info.source,
        "sentences": info.sentences,
        "related": _related_rows(result.related_to_article(info.id), result),
    }


def build_index_context(result: BatchResult) -> dict[str, Any]:
    from reports.context import generated_at
    from reports.html import inline_asset, stylesheet

    when = generated_at()
    stories = [_story_row(s, result) for s in result.stories]
    css = stylesheet(CSS)
    script = inline_asset(SCRIPT)
    articles = sum(len(s.articles) for s in result.stories) + len(result.singletons)
    return {
        "title": f"{len(result.stories)} stories in {articles} articles",
        "version": result.version,
        "generated": when.strftime("%Y-%m-%d %H:%M UTC"),
        "generated_iso": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "stories": stories,
        "singletons": [_singleton_row(a, result) for a in result.singletons],
        "skipped": [{"source": s.source, "reason": s.reason} for s in result.skipped],
        "articles": articles,
        "inputs": result.inputs,
        "workers": result.workers,
        "link": result.story_settings.link,
        "max_days": result.story_settings.max_days,
        "css": css,
        "script": script,
        # Our own text (fixed words and base64 hashes, no double quote): safe in the attribute as is.
        "csp": Markup(
            "default-src 'none'; "
            f"style-src {csp_hash(str(css))}; script-src {csp_hash(str(script))}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        ),
    }


def render_index(result: BatchResult) -> str:
    """``index.html`` of a batch run: one self-contained page."""
    from reports.html import environment

    return environment().get_template(TEMPLATE).render(build_index_context(result))


def render_stories_json(result: BatchResult) -> str:
    """``stories.json`` (schema "storycompare-batch/1")."""
    from reports.jsonout import dumps_indented

    return dumps_indented(result.to_dict()) + "\n"


def render_story(comparison: Comparison, *, pdf: bool = False, html: bool = True) -> tuple[tuple[str, bytes], ...]:
    """The story's reports as bytes: ("html", ...) unless not ``html``, ("json", ...) and,
    with ``pdf``, ("pdf", ...)."""
    from reports.jsonout import render_json

    files = [("json", render_json(comparison).encode("utf-8"))]
    if html:
        from reports.html import render_html

        files.insert(0, ("html", render_html(comparison).encode("utf-8")))
    if pdf:
        from reports.pdf import render_pdf_bytes

        files.append(("pdf", render_pdf_bytes(comparison)))
    return tuple(files)


def write_index(result: BatchResult, path: str | os.PathLike[str]) -> None:
    atomic_write(path, render_index(result).encode("utf-8"))


def write_stories_json(result: BatchResult, path: str | os.PathLike[str]) -> None:
    atomic_write(path, render_stories_json(result).encode("utf-8"))


__all__ = [
    "build_index_context",
    "csp_hash",
    "render_index",
    "render_stories_json",
    "render_story",
    "write_index",
    "write_stories_json",
]
