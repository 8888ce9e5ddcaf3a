"""The Qt binding must not corrupt reference counts (PySide6 6.12.0 on Python 3.11 did).

There, every Qt method returning nothing dropped one reference to None; after a few thousand
paints or marks the interpreter aborted with "none_dealloc" (exit 134) mid-session. pyproject.toml
excludes that release; this test fails if a future binding brings the bug back.
"""

from __future__ import annotations

import subprocess
import sys


def test_void_qt_calls_keep_none_refcount() -> None:
    code = (
        "import sys; from PySide6.QtCore import QObject; o = QObject(); b = sys.getrefcount(None);"
        "[o.setObjectName('x') for _ in range(20000)]; print(sys.getrefcount(None) - b)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert abs(int(proc.stdout.strip())) < 100  # 0 in a correct binding; -20000 with the bug
