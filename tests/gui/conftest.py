"""Fixtures shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from resonanz.core.storage.store import Store


@pytest.fixture
def store(tmp_path: Path):
    """A real, empty drafts database in the test's temp folder."""
    s = Store(tmp_path / "resonanz.db")
    yield s
    s.close()
