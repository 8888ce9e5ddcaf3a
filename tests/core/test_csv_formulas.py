"""One rule for every CSV Resonanz writes (issue 19, point 2): a text cell starting with = + - @
tab or CR gets a leading ' (OWASP), numbers Resonanz computes stay numbers. The batch path is
tested in tests/core/cli/test_batch_hostile.py; this file covers the rule and the report CSV."""

from __future__ import annotations

import csv
import io

import pytest

from resonanz.core.fileio import csv_safe, csv_safe_row
from resonanz.core.reports import csv as report_csv
from resonanz.core.reports.model import CsvRow

PAYLOADS = ['=HYPERLINK("http://evil","x")', "+cmd|calc", "@SUM(1+1)", "-2+3", "\t=1", "\r=1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_cells_are_defused(payload: str) -> None:
    assert csv_safe(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Anna", "", "'=already", " =1", 0, -5, 72.5, None])
def test_other_cells_are_unchanged(value) -> None:
    assert csv_safe(value) == value  # numbers are data Resonanz computed, not user text


def test_row() -> None:
    assert csv_safe_row(["=1", -5, "ok"]) == ["'=1", -5, "ok"]


def test_report_csv_uses_the_one_rule() -> None:
    assert report_csv.csv_safe is csv_safe
    rows = [CsvRow(i, p, p, (10, -5, None, 90)) for i, p in enumerate(PAYLOADS, 1)]
    written = list(csv.reader(io.StringIO(report_csv.to_csv(rows))))
    for payload, row in zip(PAYLOADS, written[1:]):
        assert row[1:3] == ["'" + payload, "'" + payload]
        assert row[3:] == ["10", "-5", "", "90"]  # scores are numbers, written as numbers
