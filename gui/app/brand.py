"""Resonanz's visual identity in the GUI: the app icon and the brand colours.

Both are data in resources/ (brand.toml, icons/*.svg); packaging/make_icons.py renders the same
SVGs into the PNG, .ico and .icns files of the installers.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: Sizes drawn from the small variant of the mark (the ripples would blur into the tile).
SMALL_SIZES = (16, 24)
#: Sizes the window icon carries; Qt scales the nearest larger one for anything else.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

@cache
def brand() -> dict:
    """resources/brand.toml as a dict: name, taglines, colors (hex), icons (paths in resources/)."""
    return tomllib.loads((resources.files("resonanz.resources") / "brand.toml").read_text(encoding="utf-8"))


def colors() -> dict[str, str]:
    """The brand colours by name, e.g. colors()["coral"] == "#FF7A59"."""
    return dict(brand()["colors"])


def icon_path(variant: str = "main") -> Path:
    """The SVG of the app icon: 'main' (32 px and up) or 'small' (16 and 24 px)."""
    return Path(str(resources.files("resonanz.resources") / brand()["icons"][variant]))


def render_icon(size: int) -> QImage:
    """The app icon drawn at `size` x `size` pixels from the right SVG (transparent background)."""
    renderer = QSvgRenderer(str(icon_path("small" if size in SMALL_SIZES else "main")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


@cache
def app_icon() -> QIcon:
    """The window icon, one pixmap per size in ICON_SIZES (a QIcon of one SVG cannot switch variants)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(render_icon(size)))
    return icon
