"""A report's raw scores as CSV: one row per draft version or attempt, safe to open in a spreadsheet.

Owns `to_csv`, `CSV_HEADER` and `csv_safe` (no cell a spreadsheet would run as a formula).
Imports `resonanz.core.analysis.model` (the dimensions) and `model`.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.reports.model import CsvRow, Report

__all__ = ["CSV_HEADER", "csv_safe", "to_csv"]

CSV_HEADER = ("id", "name", "created_at", *DIMENSIONS)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def to_csv(report_or_rows: Report | Iterable[CsvRow]) -> str:
    """Raw scores, one row per draft version or attempt: id, name, created_at and the four scores."""
    rows = report_or_rows.rows if isinstance(report_or_rows, Report) else tuple(report_or_rows)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow([r.id, csv_safe(r.name), csv_safe(r.created_at), *("" if s is None else s for s in r.scores)])
    return buf.getvalue()
