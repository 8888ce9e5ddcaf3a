"""A report's raw scores as CSV: one row per draft version or attempt, safe to open in a spreadsheet;
a draft sheet adds one row per finding with columns rule, finding, evidence_grade and evidence;
a report with a reply (an answer to a comment) adds a column "reply" after the four scores.

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

__all__ = ["CSV_HEADER", "FINDING_COLUMNS", "REPLY_COLUMN", "csv_safe", "to_csv"]

CSV_HEADER = ("id", "name", "created_at", *DIMENSIONS)
#: Added for a report with findings (a draft sheet): one more row per finding of the newest version,
#: its scores empty, with the rule, the finding's message and the rule's evidence grade and sentence.
FINDING_COLUMNS = ("rule", "finding", "evidence_grade", "evidence")
#: Added when a report has a reply (an answer to a comment): its one score, after the four.
REPLY_COLUMN = "reply"


def to_csv(report_or_rows: Report | Iterable[CsvRow]) -> str:
    """Raw scores, one row per draft version or attempt: id, name, created_at and the four scores;
    for a draft sheet also one row per finding of the newest version with its rule's evidence."""
    rows = report_or_rows.rows if isinstance(report_or_rows, Report) else tuple(report_or_rows)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    reply_column = (REPLY_COLUMN,) if any(r.kind == "reply" for r in rows) else ()
    writer.writerow(csv_safe_row(CSV_HEADER + reply_column + (FINDING_COLUMNS if isinstance(report_or_rows, Report) and report_or_rows.findings else ())))
    findings = report_or_rows.findings if isinstance(report_or_rows, Report) else ()
    extra = ("",) * len(FINDING_COLUMNS) if findings else ()
    replies = any(r.kind == "reply" for r in rows)
    for r in rows:
        reply = ("" if r.reply is None else r.reply,) if replies else ()
        writer.writerow(csv_safe_row([r.id, r.name, r.created_at, *("" if s is None else s for s in r.scores), *reply, *extra]))
    for f in findings:
        writer.writerow(csv_safe_row([f.id, f.name, f.created_at, *("",) * (len(DIMENSIONS) + replies), f.rule, f.finding, f.evidence_grade, f.evidence]))
    return buf.getvalue()
