"""Real read-only folders and real full disks for fault-injection tests (issue 18).

Permission bits cannot make a folder read-only for root (CI runs as root), and a "full disk"
faked by raising OSError would not show what SQLite really does. So these helpers mount:

- `readonly_folder(path)`: a read-only bind mount of `path` onto itself (EROFS for every writer,
  root included), the way a write-protected USB stick or a read-only network share behaves;
- `small_disk(path, size)`: a tmpfs of `size` bytes at `path`, which really fills up (ENOSPC).

Both need the right to mount (root with CAP_SYS_ADMIN, as on the developers' machines and CI).
Where that is missing the test is skipped with that reason; nothing is faked instead.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30, check=False)


def _umount(path: Path) -> None:
    for _ in range(20):  # a process that has just exited may still hold a file there for a moment
        if subprocess.run(["umount", str(path)], capture_output=True, timeout=30, check=False).returncode == 0:
            return
        subprocess.run(["sleep", "0.1"], check=False)
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30, check=False)


def _need_mount(proc: subprocess.CompletedProcess[str], what: str) -> None:
    if proc.returncode != 0:
        pytest.skip(f"cannot {what} here (needs root with CAP_SYS_ADMIN): {proc.stderr.strip()}")


@contextlib.contextmanager
def readonly_folder(path: Path) -> Iterator[Path]:
    """Make `path` (an existing folder) read-only for everyone while the block runs."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    _need_mount(_mount("--bind", str(path), str(path)), "bind-mount a folder")
    try:
        _need_mount(_mount("-o", "remount,ro,bind", str(path)), "remount a folder read-only")
        with pytest.raises(OSError):  # prove it: even root cannot write there now
            (path / ".probe").write_text("x")
        yield path
    finally:
        _umount(path)


@contextlib.contextmanager
def small_disk(path: Path, size: int) -> Iterator[Path]:
    """A real file system of `size` bytes at `path` (created if missing) that fills up for real."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    path.mkdir(parents=True, exist_ok=True)
    _need_mount(_mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)), "mount a small tmpfs")
    try:
        yield path
    finally:
        _umount(path)


def fill_disk(folder: Path) -> list[Path]:
    """Write filler files until the disk at `folder` is full; returns them (delete them to free the space)."""
    fillers = []
    for n, block in enumerate((1 << 16, 4096, 512, 1)):  # down to the last byte
        filler = folder / f"filler-{n}.bin"
        fillers.append(filler)
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            while True:
                os.write(fd, b"\0" * block)
        except OSError:
            pass
        finally:
            os.close(fd)
    return fillers
