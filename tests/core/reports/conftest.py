"""Reports read rule evidence from a fixed test file, so golden files do not change when the real
resources/rules/evidence.toml is regenerated."""

from __future__ import annotations

from pathlib import Path

import pytest

from resonanz.core.analysis import evidence

EVIDENCE_FIXTURE = Path(__file__).resolve().parents[2] / "data" / "evidence" / "evidence.toml"


@pytest.fixture(autouse=True)
def _pinned_evidence(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(evidence.ENV, str(EVIDENCE_FIXTURE))  # for the CLI in a subprocess too
    evidence.use_file(EVIDENCE_FIXTURE)
    yield
    evidence.use_file(None)
