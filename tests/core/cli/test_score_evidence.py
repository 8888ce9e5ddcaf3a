"""`resonanz score --format json`: every finding carries {"grade", "summary"} of its rule's evidence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "evidence" / "evidence.toml"
DRAFT = "Wir freuen uns. Was denkst du? Schreib uns in die Kommentare!"


def _score(tmp_path: Path, evidence_file: Path, *args: str) -> dict:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    env = {"RESONANZ_HOME": str(tmp_path / "home"), "RESONANZ_EVIDENCE": str(evidence_file), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "resonanz", "score", "--format", "json", *args, str(draft)],
                         capture_output=True, env=env, timeout=60, check=True)
    return json.loads(out.stdout)


def test_json_findings_carry_their_evidence(tmp_path: Path) -> None:
    data = _score(tmp_path, FIXTURE, "--lang", "de")
    assert data["findings"] and all(set(f["evidence"]) == {"grade", "summary"} for f in data["findings"])
    d1 = next(f for f in data["findings"] if f["rule"] == "D1")
    assert d1["evidence"] == {"grade": "supported", "summary": "Belegt: in 2 von 3 Datensätzen in der erwarteten Richtung "
                              "(stärkster Wert ρ = +0,16, Kommentare je Reaktion, Parteiposts 2019)."}


def test_json_evidence_follows_the_draft_language_and_a_missing_file(tmp_path: Path) -> None:
    data = _score(tmp_path, tmp_path / "missing.toml", "--lang", "en")
    assert {f["evidence"]["grade"] for f in data["findings"]} == {"untested"}
    assert data["findings"][0]["evidence"]["summary"] == "Untested: no data set measures this rule yet."
