"""Render a :class:`~compare.models.Comparison` as PDF with WeasyPrint.

WeasyPrint is imported inside the functions (it takes about a second), and
it is given a URL fetcher that refuses every URL: the print page needs no
resource, and nothing an article contains may make it read a file or the
network.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from compare.models import Comparison
from reports.files import atomic_write
from reports.html import render_document


class FetchRefused(PermissionError):
    """Raised by :func:`refuse_fetch` for every URL."""


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    """A URL fetcher that fetches nothing."""
    raise FetchRefused(f"storycompare does not load external resources: {url}")


def url_fetcher() -> Any:
    """A WeasyPrint ``URLFetcher`` whose every fetch raises :class:`FetchRefused`."""
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint is untyped
        def fetch(self, url: str, headers: Any = None) -> Any:
            return refuse_fetch(url)

    return RefusingFetcher(allowed_protocols=())


def render_pdf_bytes(comparison: Comparison) -> bytes:
    """The print report as PDF bytes."""
    from weasyprint import HTML

    html = render_document(comparison, for_print=True)
    # WeasyPrint allocates hundreds of thousands of short-lived objects; pausing
    # the cyclic garbage collector while it runs saved about a tenth of the time
    # on the example story.  Nothing is leaked: collection resumes afterwards.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = HTML(string=html, base_url=None, url_fetcher=url_fetcher())
        pdf: bytes = document.write_pdf(pdf_identifier=False)
    finally:
        if collecting:
            gc.enable()
    return pdf


def render_pdf(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the print report as PDF to ``path`` (atomically)."""
    atomic_write(path, render_pdf_bytes(comparison))
