"""Print style of the PDF report: page geometry, palette, Qt format ids, fonts and text formats.

Shared by the document builder (`pdf_layout`), the chart objects (`pdf_charts`) and the PDF writer
(`report_pdf`). Also the two guards for user text: `_clean` (no structural characters in a
QTextDocument) and `_one_line` (metadata and footer).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageSize,
    QTextCharFormat,
    QTextFormat,
)
from resonanz.gui.app.theme import LIGHT

PAGE_SIZES = ("A4", "Letter")
_PAGE_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
PDF_DPI = 1200
MARGIN_MM = 18.0
FOOTER_BASELINE_MM = 10.0  # from the bottom edge of the paper
_MM = 72 / 25.4  # points per millimetre

# Print palette: dark text on white, light rules; marks as in the HTML report.
TEXT = "#1f2328"
MUTED = "#5b636e"
ACCENT = LIGHT.accent
RULE = "#d5dae0"
RULE_STRONG = "#9aa3ad"
HEADER_BG = "#eef1f4"
ZEBRA_BG = "#f8f9fa"
TEXT_BOX_BG = "#fbfbfc"
LIGHTS = dict(LIGHT.light)
MARK_BG = {"error": "#ffc9c9", "warning": "#ffe8cc", "suggestion": "#fff3bf", "info": "#d0ebff", "good": "#d3f9d8"}
#: A finding's evidence grade as a badge (core/analysis/evidence.py): soft background, dark ink, the
#: grade's name as text (the colour is never the only sign). Same hues as the HTML report's badges.
GRADE_BG = {"supported": "#d3f9d8", "mixed": "#fff3bf", "unclear": "#eceff2", "contradicted": "#ffe3e3", "untested": "#f4f5f7"}
GRADE_INK = {"supported": "#1b5e20", "mixed": "#5c3c00", "unclear": "#343a40", "contradicted": "#8a1c1c", "untested": "#495057"}
SERIES_COLORS = ("#1b5e9e", "#d9480f", "#2b8a3e", "#862e9c", "#495057")
SERIES_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
SERIES_MARKERS = ("circle", "square", "triangle", "diamond")
_DELTA_INK = {"+": "#2b8a3e", "\u2212": "#c92a2a", "-": "#c92a2a"}

_WORDS = {
    "de": {"page": "Seite {k} von {n}", "marks": "Markierungen:",
           "error": "Fehler", "warning": "Warnung", "suggestion": "Vorschlag", "info": "Hinweis", "good": "Gelungen"},
    "en": {"page": "Page {k} of {n}", "marks": "Marks:",
           "error": "Error", "warning": "Warning", "suggestion": "Suggestion", "info": "Note", "good": "Works well"},
}
_SEVERITY_ORDER = ("error", "warning", "suggestion", "info", "good")
_FONT_CANDIDATES = ("DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "Noto Sans")

# Qt ids for our own format properties and the chart object type.
_KEEP_WITH_NEXT = QTextFormat.Property.UserProperty.value + 1
_CHART_INDEX = QTextFormat.Property.UserProperty.value + 2
_PUSHED = QTextFormat.Property.UserProperty.value + 3
_ORIGINAL_TOP = QTextFormat.Property.UserProperty.value + 4
_CHART_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 1
# Characters that mean structure inside a QTextDocument: user text must never carry them in.
_STRUCTURAL = str.maketrans({"\ufffc": "\ufffd", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\u2029": "\n"})
_NUMERIC = re.compile(r"^[\s\d+\-\u2212\u00b1→().,%]+$")


def _page_key(page_size: str) -> str:
    for key in PAGE_SIZES:
        if isinstance(page_size, str) and page_size.strip().lower() == key.lower():
            return key
    raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")


def _content_pt(key: str) -> QSizeF:
    """Width and height of the text area in points (paper minus the margins)."""
    size = QPageSize(_PAGE_IDS[key]).size(QPageSize.Unit.Point)
    margin = MARGIN_MM * _MM
    return QSizeF(size.width() - 2 * margin, size.height() - 2 * margin)


def _screen_dpi() -> float:
    """The resolution QTextDocument lays out at without a paint device (Qt's default: the primary screen's)."""
    app = QGuiApplication.instance()
    if app is not None and app.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96.0
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0


_FAMILY: str | None = None


def _family() -> str:
    """A proportional family that is installed and embeddable (DejaVu Sans where available)."""
    global _FAMILY
    if _FAMILY is None:
        installed = set(QFontDatabase.families())
        _FAMILY = next((f for f in _FONT_CANDIDATES if f in installed), QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family())
    return _FAMILY


def _font(size_pt: float, bold: bool = False) -> QFont:
    font = QFont(_family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters: copy, paste and search find "findings"
    return font


def _clean(text: str) -> str:
    """User text as plain characters: no object, frame or paragraph markers; line breaks as in-paragraph breaks."""
    return str(text).replace("\r\n", "\n").replace("\r", "\n").translate(_STRUCTURAL).replace("\n", "\u2028")


def _one_line(text: str) -> str:
    """User text for a single line (PDF metadata, footer): whitespace runs and line breaks become one space."""
    return " ".join(str(text).translate(_STRUCTURAL).split())


def _char(size: float = 10.0, bold: bool = False, color: str = TEXT, background: str | None = None, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([_family()])
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setFontFeatures({QFont.Tag("liga"): 0})
    fmt.setForeground(QColor(color))
    if background:
        fmt.setBackground(QColor(background))
    return fmt
