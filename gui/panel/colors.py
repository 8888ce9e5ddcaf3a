"""Colour helpers shared by the coaching panel's widgets: WCAG contrast and text colours that stay legible."""

from __future__ import annotations

from PySide6.QtGui import QColor


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1-21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink(color: str | QColor, background: str | QColor, minimum: float = 4.5) -> QColor:
    """`color`, darkened (on light) or lightened (on dark) until it reads on `background`."""
    c, bg = QColor(color), QColor(background)
    darken = _luminance(bg) > 0.4
    for _ in range(12):
        if contrast(c, bg) >= minimum:
            break
        c = c.darker(115) if darken else c.lighter(115)
    return c
