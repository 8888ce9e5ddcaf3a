"""Build the Resonanz bundle with PyInstaller: `python packaging/build.py` → dist/resonanz/.

Run it with the Python of an environment where Resonanz is installed with `pip install .` (not
editable) together with `pyinstaller`; see packaging/README.md. Steps:

1. build the UI translations (.qm) into the installed package (`python -m resonanz.gui.app.i18n`);
2. run PyInstaller with packaging/resonanz.spec (one folder: dist/resonanz/, on macOS also
   dist/Resonanz.app);
3. report the unpacked size and fail if it is over --max-mb (default 150).

Prints one line per step; exit status 0 on success.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def tree_size(path: Path) -> int:
    """Bytes of all regular files under `path` (symlinks counted once, as links)."""
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            p = Path(folder) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def main(argv: list[str] | None = None) -> int:
    """Build, then check the size; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/ in the repository)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--max-mb", type=float, default=150.0, help="fail if the unpacked bundle is larger (MB = 10^6 bytes)")
    parser.add_argument("--allow-editable", action="store_true", help="build from an editable install (not for releases)")
    args = parser.parse_args(argv)

    import resonanz

    where = Path(resonanz.__file__).resolve().parent
    if ROOT in where.parents and not args.allow_editable:
        print(f"build: resonanz is imported from the source tree ({where}): install it with `pip install .`, not -e", file=sys.stderr)
        return 2
    print(f"build: resonanz {resonanz.__version__} from {where}")

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "resonanz.gui.app.i18n"], check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(args.work), str(HERE / "resonanz.spec")],
        check=True,
        cwd=HERE,  # not the repository root: nothing there may shadow the installed package
    )
    bundle = args.dist / "resonanz"
    size_mb = tree_size(bundle) / 1e6
    print(f"build: {bundle} built in {time.perf_counter() - started:.0f} s, {size_mb:.1f} MB unpacked (limit {args.max_mb:.0f} MB)")
    if size_mb > args.max_mb:
        print(f"build: the bundle is {size_mb - args.max_mb:.1f} MB over the limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
