"""Rendering of a :class:`~compare.models.Comparison`: HTML, PDF and JSON.

Reports only read the comparison; they never recompute analysis.  Importing
this package is cheap: jinja2 loads on the first render, WeasyPrint only when a
PDF is asked for.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from compare.models import Comparison
from reports.files import OutputSet, atomic_write, check_out_folder, check_targets
from reports.pdf import PdfUnavailable, PdfWorker, pdf_problem, render_pdf, render_pdf_bytes

if TYPE_CHECKING:
    from reports.html import render_html
    from reports.jsonout import render_json


def __getattr__(name: str) -> Any:
    if name == "render_html":
        from reports.html import render_html

        return render_html
    if name == "render_json":
        from reports.jsonout import render_json

        return render_json
    raise AttributeError(f"module 'reports' has no attribute {name!r}")


def write_html(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the HTML report to ``path`` (atomically)."""
    from reports.html import render_html

    atomic_write(path, render_html(comparison).encode("utf-8"))


def write_json(comparison: Comparison, path: str | os.PathLike[str]) -> None:
    """Write the JSON report to ``path`` (atomically)."""
    from reports.jsonout import render_json

    atomic_write(path, render_json(comparison).encode("utf-8"))


__all__ = [
    "OutputSet",
    "PdfUnavailable",
    "PdfWorker",
    "atomic_write",
    "check_out_folder",
    "check_targets",
    "pdf_problem",
    "render_html",
    "render_json",
    "render_pdf",
    "render_pdf_bytes",
    "write_html",
    "write_json",
]
