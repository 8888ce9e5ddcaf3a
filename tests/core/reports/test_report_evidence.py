"""Every finding of a draft sheet carries its rule's evidence (grade and sentence) in every format.

The evidence file is pinned to tests/data/evidence/evidence.toml by this folder's conftest.py."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from resonanz.core.analysis import evidence
from resonanz.core.reports.builders import draft_sheet
from resonanz.core.reports.csv import CSV_HEADER, FINDING_COLUMNS, to_csv
from resonanz.core.reports.html import to_html
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.reports.model import BulletList
from resonanz.core.storage.store import Store
from report_fixtures import TODAY, build_report_db

D1_DE = "Belegt: in 2 von 3 Datensätzen in der erwarteten Richtung (stärkster Wert ρ = +0,16, Kommentare je Reaktion, Parteiposts 2019)."
D1_EN = "Supported: in the expected direction in 2 of 3 data sets (strongest ρ = +0.16, comments per reaction, party posts 2019)."


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_report_db(tmp_path / "resonanz.db")


def _all_findings(report) -> BulletList:
    return [b for b in report.blocks if isinstance(b, BulletList)][-1]


@pytest.mark.parametrize(("lang", "sentence"), [("de", D1_DE), ("en", D1_EN)])
def test_every_finding_row_has_its_evidence(db: Path, lang: str, sentence: str) -> None:
    with Store(db) as s:
        report = draft_sheet(s, 1, lang, now=TODAY)
    block = _all_findings(report)
    assert len(block.notes) == len(block.items) and all(n is not None for n in block.notes)
    d1 = next(n for item, n in zip(block.items, block.notes) if "] D1:" in item)
    assert d1.grade == "supported" and d1.sentence == sentence
    md = to_markdown(report)
    label, rest = sentence.split(": ", 1)
    assert f"**{label}:** {rest}" in md
    assert md.count(f"**{'Ungeprüft' if lang == 'de' else 'Untested'}:**") == sum(1 for n in block.notes if n.grade == "untested")
    page = to_html(report)
    assert f'<span class="grade supported">{label}</span> {rest[:1].upper()}{rest[1:]}' in page
    assert page.count('class="grade ') == len(block.items)


def test_csv_has_an_evidence_column_per_finding(db: Path) -> None:
    with Store(db) as s:
        report = draft_sheet(s, 1, "en", now=TODAY)
    rows = list(csv.reader(io.StringIO(to_csv(report))))
    assert tuple(rows[0]) == CSV_HEADER + FINDING_COLUMNS
    col = {name: i for i, name in enumerate(rows[0])}
    scores = [r for r in rows[1:] if not r[col["rule"]]]
    findings = [r for r in rows[1:] if r[col["rule"]]]
    assert len(scores) == 2 and len(findings) == len(_all_findings(report).items)
    d1 = next(r for r in findings if r[col["rule"]] == "D1")
    assert d1[col["evidence_grade"]] == "supported" and d1[col["evidence"]] == D1_EN
    assert all(r[col["evidence"]] for r in findings)


def test_without_an_evidence_file_every_row_says_untested(db: Path, tmp_path: Path) -> None:
    evidence.use_file(tmp_path / "none.toml")
    with Store(db) as s:
        report = draft_sheet(s, 1, "de", now=TODAY)
    assert {n.grade for n in _all_findings(report).notes} == {"untested"}
    assert "**Ungeprüft:** noch kein Datensatz misst diese Regel." in to_markdown(report)
