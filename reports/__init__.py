"""Rendering of a :class:`~compare.models.Comparison`: HTML, PDF and JSON.

Reports only read the comparison; they never recompute analysis.  Importing
this package is cheap: WeasyPrint is imported only when a PDF is asked for.
"""

from __future__ import annotations

import os

from compare.models import Comparison
from reports.files import atomic_write
from reports.html import render_html
from reports.jsonout import render_json
from reports.pdf import render_pdf, render_pdf_bytes


def write_html(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the HTML report to ``path`` (atomically)."""
    atomic_write(path, render_html(comparison).encode("utf-8"))


def write_json(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the JSON report to ``path`` (atomically)."""
    atomic_write(path, render_json(comparison).encode("utf-8"))


__all__ = [
    "atomic_write",
    "render_html",
    "render_json",
    "render_pdf",
    "render_pdf_bytes",
    "write_html",
    "write_json",
]
