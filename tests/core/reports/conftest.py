"""Reports read rule evidence from a fixed test file (the `pinned_evidence` fixture in
tests/conftest.py), so golden files do not change when resources/rules/evidence.toml is regenerated."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _pinned_evidence(pinned_evidence):
    yield pinned_evidence
