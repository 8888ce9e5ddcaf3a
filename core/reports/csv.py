"""A report's raw scores as CSV: one row per draft version or attempt, safe to open in a spreadsheet.

Owns `to_csv` and `CSV_HEADER`; every cell goes through `resonanz.core.fileio.csv_safe_row`, the
one rule for all CSV Resonanz writes (text cells starting with = + - @ tab CR get a leading ';
the scores are numbers and stay numbers). Imports `resonanz.core.analysis.model` (the
dimensions), `model` and the foundation.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.fileio import csv_safe, csv_safe_row
from resonanz.core.reports.model import CsvRow, Report

__all__ = ["CSV_HEADER", "csv_safe", "to_csv"]

CSV_HEADER = ("id", "name", "created_at", *DIMENSIONS)


def to_csv(report_or_rows: Report | Iterable[CsvRow]) -> str:
    """Raw scores, one row per draft version or attempt: id, name, created_at and the four scores."""
    rows = report_or_rows.rows if isinstance(report_or_rows, Report) else tuple(report_or_rows)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(csv_safe_row(CSV_HEADER))
    for r in rows:
        writer.writerow(csv_safe_row([r.id, r.name, r.created_at, *("" if s is None else s for s in r.scores)]))
    return buf.getvalue()
