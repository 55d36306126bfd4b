"""The comparison as CSV files for spreadsheets: ``--csv DIR`` writes one file per table of
:func:`compare.tables.tables` (sentences, groups, differences, coverage, pairs, stances).

UTF-8 with a byte-order mark, so that Excel reads the outlets' quotation marks and accents;
a cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab or carriage return is prefixed
with ``'``: article text is untrusted and must not run as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from compare.models import Comparison
from compare.tables import Cell, Table, tables

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet would evaluate as a formula starts (OWASP "CSV injection")."""


def _safe(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def table_csv(table: Table) -> bytes:
    """One table as CSV bytes (UTF-8 with BOM, CRLF line ends as RFC 4180 has them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if cell is None else _safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render_csv(comparison: Comparison) -> dict[str, bytes]:
    """File name → CSV bytes, one file per table."""
    return {f"{name}.csv": table_csv(table) for name, table in tables(comparison).items()}


def csv_targets(folder: str | os.PathLike[str]) -> dict[str, Path]:
    """The files ``--csv folder`` writes, by file name."""
    from compare.tables import TABLES

    return {f"{name}.csv": Path(folder) / f"{name}.csv" for name in TABLES}
