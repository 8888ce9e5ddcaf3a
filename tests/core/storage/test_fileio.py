"""core/fileio.write_atomic: the one way Resonanz writes whole files (reports, word lists, exports)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from resonanz.core.fileio import write_atomic


def test_text_and_bytes_replace_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "bericht.md"
    target.write_text("alt", encoding="utf-8")
    assert write_atomic(target, "Grüße\n") == target
    assert target.read_bytes() == "Grüße\n".encode("utf-8")
    write_atomic(target, b"%PDF-1.7")
    assert target.read_bytes() == b"%PDF-1.7"
    write_atomic(target, "a,b\r\n", newline="")
    assert target.read_bytes() == b"a,b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.md"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "woerter.txt"
    target.write_text("alt\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "neu\n")
    assert target.read_text(encoding="utf-8") == "alt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["woerter.txt"]


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "fehlt" / "x.html", "<p>x</p>")
    assert list(tmp_path.iterdir()) == []
