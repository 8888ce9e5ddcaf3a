"""Render the app icon (resources/icons/*.svg) into every file the installers need.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Writes, from the same drawing the window uses (resonanz.gui.app.brand.render_icon):

- linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for N in 16 24 32 48 64 128 256 512, and
  linux/icons/hicolor/scalable/apps/<APP_ID>.svg (the SVG itself);
- windows/resonanz.ico: 16-256 px, PNG-compressed entries (Windows Vista and later);
- macos/resonanz.icns: 16-1024 px (1x and 2x), PNG entries (macOS 10.7 and later).

Run it again after changing an SVG; tests/test_packaging.py checks the sizes.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types with PNG data, by pixel size (several types share a size: 1x and 2x slots).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64), (b"ic07", 128),
    (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512), (b"ic10", 1024),
)


def png_bytes(size: int) -> bytes:
    """The icon at `size` px as PNG data."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from resonanz.gui.app.brand import render_icon

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_icon(size).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon")
    buffer.close()
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (size -> PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs, offset = b"", b"", 6 + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (size -> PNG data)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write all icon files; prints what it wrote."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from resonanz import APP_ID
    from resonanz.gui.app.brand import icon_path

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES})
    images = {size: png_bytes(size) for size in sizes}

    hicolor = HERE / "linux" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(images[size])
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icon_path("main"), scalable)
    print(f"wrote {hicolor.relative_to(HERE)}/{{{','.join(f'{s}x{s}' for s in HICOLOR_SIZES)},scalable}}/apps/{APP_ID}.*")

    (HERE / "windows").mkdir(exist_ok=True)
    (HERE / "windows" / "resonanz.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    print(f"wrote windows/resonanz.ico ({', '.join(map(str, ICO_SIZES))} px)")
    (HERE / "macos").mkdir(exist_ok=True)
    (HERE / "macos" / "resonanz.icns").write_bytes(icns(images))
    print(f"wrote macos/resonanz.icns ({', '.join(sorted({str(s) for _k, s in ICNS_TYPES}, key=int))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
