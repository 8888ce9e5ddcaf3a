"""PDF export and on-screen preview of a report (`resonanz.core.reports.document.Report`).

The document model is laid out as a QTextDocument built ONLY through the QTextCursor API:
user text (drafts, titles, names, notes) goes in with `insertText`, never through `setHtml` or
Markdown, so `<script>`, HTML, Markdown or a `javascript:` link in a draft stays literal text and
nothing can restyle the report. No anchor is ever set, so the PDF has no link or script action.

Charts are QTextObjectInterface objects painted with QPainter: vector drawings in the PDF. The
document is paginated by QTextDocument itself (page height = the text area) and drawn page by page
onto a QPdfWriter at 1200 dpi, with a footer ("Resonanz · title", "Page k of N") on every page.
For the PDF the layout runs on the writer (fonts resolved at its resolution, text stays text);
for the preview it runs at screen resolution. Lengths in formats (margins, padding, borders) are
given in Qt's default-dpi pixels, which the layout scales to its device; page and chart sizes are in
device pixels. Qt's layout knows no "keep with next" or orphan control: `_fix_page_breaks` adds that.
"""

from __future__ import annotations

import functools

import math
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
    QPyTextObject,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from resonanz.core.fileio import write_atomic
from resonanz.core.reports.document import (
    BulletList,
    Chart,
    Heading,
    MarkedText,
    Paragraph,
    Report,
    ScoreTable,
    Table,
    segments,
)
from resonanz.gui.panel.charts import draw_marker
from resonanz.gui.app.theme import LIGHT

__all__ = ["PAGE_SIZES", "build_document", "ensure_app", "render_pages", "write_pdf"]

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


_APP: QGuiApplication | None = None  # the application ensure_app() made, kept alive for the process

# --------------------------------------------------------------------------- public API


def ensure_app() -> None:
    """Make sure a Qt GUI application exists (offscreen when there is no screen), so PDFs can be written headless."""
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    try:  # a QApplication is a QGuiApplication, and widgets made later in the same process (tests, GUI) still work
        from PySide6.QtWidgets import QApplication

        _APP = QApplication(["resonanz"])
    except ImportError:  # pragma: no cover - QtWidgets ships with PySide6-Essentials
        _APP = QGuiApplication(["resonanz"])


def build_document(report: Report, page_size: str = "A4") -> QTextDocument:
    """The report as a QTextDocument for the screen (e.g. a read-only QTextBrowser), text width of the chosen page."""
    key = _page_key(page_size)
    ensure_app()
    return _build(report, key, device=None, margin_pt=12.0)


def write_pdf(report: Report, path: str | os.PathLike[str], page_size: str = "A4",
              progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report as a PDF (fonts embedded, page numbers) atomically to `path`; returns the number of pages."""
    key = _page_key(page_size)
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(21, f"cannot write the PDF: {target} is a folder")
    ensure_app()
    data, pages = _render_pdf(report, key, progress)
    _write_atomically(target, data)
    return pages


def render_pages(report: Report, page_size: str = "A4", dpi: int = 80) -> list[QImage]:
    """The PDF's pages as images (same layout code, Qt raster): thumbnails, or README pictures without poppler."""
    key = _page_key(page_size)
    ensure_app()
    size = QPageSize(_PAGE_IDS[key]).size(QPageSize.Unit.Point)
    probe = _blank_image(1, 1, dpi)
    doc = _build(report, key, device=probe, margin_pt=0.0)
    total = _paginate(doc, key, dpi)
    images = []
    for k in range(total):
        image = _blank_image(round(size.width() * dpi / 72), round(size.height() * dpi / 72), dpi)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _paint_page(painter, doc, report, key, dpi, k, total)
        painter.end()
        images.append(image)
    return images


# --------------------------------------------------------------------------- page geometry and output


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


def _blank_image(width: int, height: int, dpi: int) -> QImage:
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    return image


def _render_pdf(report: Report, key: str, progress: Callable[[int, int], None] | None) -> tuple[bytes, int]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(_PAGE_IDS[key]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(PDF_DPI)
    writer.setTitle(_one_line(report.title))
    writer.setCreator("Resonanz")
    doc = _build(report, key, device=writer, margin_pt=0.0)
    total = _paginate(doc, key, writer.logicalDpiY())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("cannot start the PDF writer")
    try:
        for k in range(total):
            if k:
                writer.newPage()
            _paint_page(painter, doc, report, key, writer.logicalDpiY(), k, total)
            if progress is not None:
                progress(k + 1, total)
    finally:
        painter.end()
        buffer.close()
    return bytes(buffer.data().data()), total


def _write_atomically(target: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, then os.replace: readers see the old file or the new one, never half."""
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise type(exc)(exc.errno, f"cannot write the PDF to {target}: {exc.strerror or exc}") from None


def _paginate(doc: QTextDocument, key: str, dpi: float) -> int:
    """Give the document the text area as its page size, keep headings with what follows; returns the page count."""
    content = _content_pt(key)
    u = dpi / 72
    doc.setPageSize(QSizeF(content.width() * u, content.height() * u))
    _fix_page_breaks(doc, dpi / _screen_dpi())
    return doc.pageCount()


def _fix_page_breaks(doc: QTextDocument, scale: float) -> None:
    """Fix page breaks Qt's layout has no rule for, one per pass, first to last:

    - a heading cut by the page end, or at the foot of a page with its section starting on the next;
    - a short paragraph or list item (≤ 4 lines) split over two pages, or a longer one leaving a single line behind.

    Such a block moves to the next page through extra top margin (`scale` = device pixels per format pixel),
    not PageBreak_AlwaysBefore, which after a paginated table can skip a whole page in Qt's layout.
    """
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    root = doc.rootFrame()
    for _ in range(256):
        doc.pageCount()  # lays the document out completely
        block = doc.begin()
        moved = False
        while block.isValid():
            nxt = block.next()
            fmt = block.blockFormat()
            lines = block.layout().lineCount() if block.layout() is not None else 0
            if lines and not fmt.boolProperty(_PUSHED) and block.text().strip() and doc.frameAt(block.position()) is root:
                rect = layout.blockBoundingRect(block)
                page = math.floor(rect.top() / page_h)
                offset = rect.top() - block.layout().boundingRect().top()
                line_pages = [math.floor((offset + block.layout().lineAt(i).rect().bottom() - 0.5) / page_h) for i in range(lines)]
                split = line_pages[-1] > page
                if fmt.boolProperty(_KEEP_WITH_NEXT):
                    bad = split
                    if not bad and nxt.isValid():
                        nrect = layout.blockBoundingRect(nxt)
                        first = nxt.layout().lineAt(0) if nxt.layout() is not None and nxt.layout().lineCount() else None
                        next_bottom = nrect.top() + (first.height() if first is not None else nrect.height())
                        bad = math.floor((next_bottom - 0.5) / page_h) > page
                else:
                    bad = split and (lines <= 4 or line_pages.count(page) == 1)
                if bad and rect.top() - page * page_h > 1.0:
                    if fmt.boolProperty(_KEEP_WITH_NEXT) and nxt.isValid() and nxt.blockFormat().boolProperty(_PUSHED):
                        _unpush(nxt)  # it moves with its heading now; its own extra margin would leave a gap
                    fmt.setProperty(_ORIGINAL_TOP, fmt.topMargin())
                    fmt.setTopMargin(fmt.topMargin() + ((page + 1) * page_h - rect.top() + 1.0) / scale)
                    fmt.setProperty(_PUSHED, True)
                    QTextCursor(block).setBlockFormat(fmt)
                    moved = True
                    break
            block = nxt
        if not moved:
            return


def _unpush(block) -> None:
    fmt = block.blockFormat()
    fmt.setTopMargin(fmt.doubleProperty(_ORIGINAL_TOP))
    fmt.clearProperty(_PUSHED)
    QTextCursor(block).setBlockFormat(fmt)


def _paint_page(painter: QPainter, doc: QTextDocument, report: Report, key: str, dpi: float, index: int, total: int) -> None:
    """Page `index` (0-based) of the laid-out document in the text area, then the footer."""
    u = dpi / 72
    margin = MARGIN_MM * _MM * u
    page_h = doc.pageSize().height()
    width = doc.pageSize().width()
    painter.save()
    painter.translate(margin, margin - index * page_h)
    clip = QRectF(0, index * page_h, width, page_h)
    painter.setClipRect(clip)
    doc.drawContents(painter, clip)
    painter.restore()

    paper = QPageSize(_PAGE_IDS[key]).size(QPageSize.Unit.Point)
    baseline = (paper.height() - FOOTER_BASELINE_MM * _MM) * u
    painter.save()
    painter.setPen(QPen(QColor(RULE), 0.5 * u))
    rule_y = baseline - 10 * u
    painter.drawLine(QPointF(margin, rule_y), QPointF(margin + width, rule_y))
    font = _font(7.5)
    painter.setFont(font)
    painter.setPen(QColor(MUTED))
    metrics = QFontMetricsF(font, painter.device())
    words = _WORDS.get(report.language, _WORDS["en"])
    right = words["page"].format(k=index + 1, n=total)
    right_w = metrics.horizontalAdvance(right)
    mark = metrics.height() * 1.25  # the app icon (vector, from resources/icons) before "Resonanz"
    _brand_renderer().render(painter, QRectF(margin, baseline - mark * 0.78, mark, mark))
    left = metrics.elidedText(f"Resonanz · {_one_line(report.title)}", Qt.TextElideMode.ElideRight, width - right_w - mark - 28 * u)
    painter.drawText(QPointF(margin + mark + 3 * u, baseline), left)
    painter.drawText(QPointF(margin + width - right_w, baseline), right)
    painter.restore()


@functools.cache
def _brand_renderer():
    """The small app icon as an SVG renderer: drawn into the PDF as vectors, not pixels."""
    from PySide6.QtSvg import QSvgRenderer

    from resonanz.gui.app.brand import icon_path

    return QSvgRenderer(str(icon_path("small")))


# --------------------------------------------------------------------------- fonts and formats


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


# --------------------------------------------------------------------------- document builder


def _build(report: Report, key: str, device: QPaintDevice | None, margin_pt: float) -> QTextDocument:
    doc = QTextDocument()
    # Lengths in formats (margins, padding, borders, indents, line heights) are in Qt's default-dpi pixels and
    # scaled to the paint device by the layout itself; page size and object sizes are in device pixels.
    u = _screen_dpi() / 72
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
        device_u = device.logicalDpiY() / 72
    else:
        device_u = u
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(margin_pt * u)
    doc.setIndentWidth(14 * u)
    doc.setDefaultFont(_font(10))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _one_line(report.title))
    root = doc.rootFrame().frameFormat()
    root.setBackground(QColor("white"))
    doc.rootFrame().setFrameFormat(root)
    content = _content_pt(key)
    doc.setPageSize(QSizeF(content.width() * device_u + 2 * margin_pt * device_u, -1))
    charts = _ChartObject(doc, device_u)
    doc.documentLayout().registerHandler(_CHART_OBJECT, charts)
    doc.setUndoRedoEnabled(False)
    edit = QTextCursor(doc)
    edit.beginEditBlock()  # one layout pass at the end instead of one per cell (seconds for a big workshop)
    try:
        _Builder(doc, u, content.width(), report.language, charts).report(report)
    finally:
        edit.endEditBlock()
    return doc


def _screen_dpi() -> float:
    """The resolution QTextDocument lays out at without a paint device (Qt's default: the primary screen's)."""
    app = QGuiApplication.instance()
    if app is not None and app.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96.0
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0


class _Builder:
    """Appends the report's blocks with QTextCursor: every user string through insertText, nothing parsed."""

    def __init__(self, doc: QTextDocument, u: float, width_pt: float, language: str, charts: _ChartObject) -> None:
        self.doc, self.u, self.width_pt, self.charts = doc, u, width_pt, charts
        self.words = _WORDS.get(language, _WORDS["en"])
        self.cursor = QTextCursor(doc)
        self.fresh = True  # the cursor's block is empty and unused (document start, or after a table/frame)
        self.spacer = 0.0  # points: the cursor's block is the spacer below a table or frame
        self.last_heading = ""

    # -- helpers
    def block_format(self, top: float = 0, bottom: float = 6, line: int = 125, align: Qt.AlignmentFlag | None = None) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top * self.u)
        fmt.setBottomMargin(bottom * self.u)
        fmt.setLineHeight(line, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if align is not None:
            fmt.setAlignment(align)
        return fmt

    def new_block(self, block: QTextBlockFormat, char: QTextCharFormat) -> None:
        if self.spacer:  # the spacer already holds (part of) the gap below the table or frame
            block.setTopMargin(max(0.0, block.topMargin() - self.spacer * self.u))
            self.spacer = 0.0
        if self.fresh:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self.cursor.setCharFormat(char)
            self.fresh = False
        else:
            self.cursor.insertBlock(block, char)

    def after(self, frame, space: float = 8.0) -> None:
        """Continue below a table or frame. The block Qt keeps there becomes an empty spacer of `space` points:
        the block right after a paginated table ignores its own top margin and page breaks in Qt's layout, and a
        frame's bottom margin reaching into the next page makes Qt repeat a table's header row there."""
        self.cursor = frame.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(space * self.u, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        self.cursor.setBlockFormat(fmt)
        self.cursor.setBlockCharFormat(_char(1))
        self.cursor.setCharFormat(_char(1))
        self.fresh = False
        self.spacer = space

    # -- the report
    def report(self, report: Report) -> None:
        title_fmt = self.block_format(0, 2, 110)
        title_fmt.setHeadingLevel(1)
        self.new_block(title_fmt, _char(19, True))
        self.cursor.insertText(_clean(report.title), _char(19, True))
        self.new_block(self.block_format(0, 7), _char(9.5, color=MUTED))
        self.cursor.insertText(_clean(report.subtitle), _char(9.5, color=MUTED))
        self.rule(ACCENT, 1.2, bottom=6)
        blocks = report.blocks
        i = 0
        while i < len(blocks):
            block = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, ScoreTable) and isinstance(nxt, Chart) and nxt.kind == "radar":
                self.score_with_radar(block, nxt)
                i += 2
                continue
            self.add(block)
            i += 1
        self.finish()

    def add(self, block: object) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.new_block(self.block_format(0, 6), _char())
            self.cursor.insertText(_clean(block.text), _char())
        elif isinstance(block, ScoreTable):
            self.after(self.score_table(self.cursor, block))
        elif isinstance(block, Table):
            self.after(self.table(block))
        elif isinstance(block, BulletList):
            self.bullets(block)
        elif isinstance(block, MarkedText):
            self.marked(block)
        elif isinstance(block, Chart):
            self.new_block(self.block_format(4, 14, 100, Qt.AlignmentFlag.AlignHCenter), _char())
            self.chart(self.cursor, block, self.width_pt)

    def rule(self, color: str, thickness: float, bottom: float) -> None:
        """A thin coloured line across the text width: an empty block of fixed height with a background."""
        fmt = QTextBlockFormat()
        fmt.setBackground(QColor(color))
        fmt.setLineHeight(thickness * self.u, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        fmt.setBottomMargin(bottom * self.u)
        self.new_block(fmt, _char(1))

    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 6)
        size = {1: 16.0, 2: 12.5}.get(level, 11.0)
        fmt = self.block_format(15 if level <= 2 else 10, 5, 115)
        fmt.setHeadingLevel(level)
        fmt.setProperty(_KEEP_WITH_NEXT, True)
        char = _char(size, True, ACCENT if level <= 2 else TEXT)
        self.new_block(fmt, char)
        self.cursor.insertText(_clean(block.text), char)
        self.last_heading = block.text

    def table_format(self, widths: Sequence[float] | None = None, header_rows: int = 1, width_pt: float | None = None) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorderCollapse(True)
        fmt.setBorder(0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellPadding(4 * self.u)
        fmt.setCellSpacing(0)
        fmt.setHeaderRowCount(header_rows)
        fmt.setTopMargin(2 * self.u)
        fmt.setBottomMargin(0)
        if width_pt is None:  # fills the text width, wherever the document is shown
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            if widths:
                fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w) for w in widths])
        else:  # nested in another table: Qt needs absolute widths there
            fmt.setWidth(QTextLength(QTextLength.Type.FixedLength, width_pt * self.u))
            if widths:
                fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, width_pt * self.u * w / 100) for w in widths])
        return fmt

    def cell(self, table, row: int, col: int, text: str, char: QTextCharFormat,
             background: str | None = None, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QTextCursor:
        cell = table.cellAt(row, col)
        cf = cell.format().toTableCellFormat()
        if background:
            cf.setBackground(QColor(background))
        # light horizontal rules only: a darker one under the header row, a faint one between rows
        header = row < table.format().headerRowCount()
        cf.setBottomBorder((0.9 if header else 0.5) * self.u)
        cf.setBottomBorderBrush(QBrush(QColor(RULE_STRONG if header else RULE)))
        cf.setBottomBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        for side in ("Top", "Left", "Right"):
            getattr(cf, f"set{side}Border")(0)
            getattr(cf, f"set{side}BorderStyle")(QTextFrameFormat.BorderStyle.BorderStyle_None)
        cell.setFormat(cf)
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(self.block_format(0, 0, 115, align))
        # no setBlockCharFormat here: a cell's first block char format IS the cell format (background, padding)
        if text:
            cursor.insertText(_clean(text), char)
        return cursor

    def score_table(self, cursor: QTextCursor, block: ScoreTable, width_pt: float | None = None):
        table = cursor.insertTable(len(block.rows) + 1, 4, self.table_format((31, 17, 28, 24), width_pt=width_pt))
        head = _char(9, True)
        right = Qt.AlignmentFlag.AlignRight
        for c, text in enumerate(block.header):
            self.cell(table, 0, c, text, head, HEADER_BG, right if c in (1, 3) else Qt.AlignmentFlag.AlignLeft)
        body = _char(9.5)
        for r, row in enumerate(block.rows, start=1):
            self.cell(table, r, 0, row.dimension, body)
            self.cell(table, r, 1, str(row.value), _char(9.5, True), align=right)
            light = self.cell(table, r, 2, "", body)
            light.insertText("\u25cf", _char(9.5, color=LIGHTS.get(row.light, MUTED)))
            light.insertText("\u2002" + _clean(row.light_label or row.light), body)
            delta = row.delta or "–"
            self.cell(table, r, 3, delta, _char(9.5, color=_DELTA_INK.get(delta[:1], MUTED)), align=right)
        return table

    def score_with_radar(self, scores: ScoreTable, chart: Chart) -> None:
        """Score table left, radar right: the draft's state at one glance."""
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellPadding(0)
        fmt.setCellSpacing(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 52), QTextLength(QTextLength.Type.PercentageLength, 48)])
        fmt.setBottomMargin(0)
        outer = self.cursor.insertTable(1, 2, fmt)
        for col in (0, 1):
            cell = outer.cellAt(0, col)
            cf = cell.format().toTableCellFormat()
            cf.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
            cf.setLeftPadding((0 if col == 0 else 10) * self.u)
            cell.setFormat(cf)
        self.score_table(outer.cellAt(0, 0).firstCursorPosition(), scores, self.width_pt * 0.52 - 2)
        right = outer.cellAt(0, 1).firstCursorPosition()
        right.setBlockFormat(self.block_format(0, 0, 100, Qt.AlignmentFlag.AlignHCenter))
        self.chart(right, chart, self.width_pt * 0.48 - 12)
        self.after(outer)

    def table(self, block: Table):
        cols = max(len(block.header), max((len(r) for r in block.rows), default=0), 1)
        table = self.cursor.insertTable(len(block.rows) + 1, cols, self.table_format())
        size = 9 if cols <= 4 else 8.5
        head = _char(size, True)
        numeric = [c > 0 and bool(block.rows) and all(_NUMERIC.match(r[c] if c < len(r) else "") for r in block.rows) for c in range(cols)]
        aligns = [Qt.AlignmentFlag.AlignHCenter if n else Qt.AlignmentFlag.AlignLeft for n in numeric]
        for c in range(cols):
            self.cell(table, 0, c, block.header[c] if c < len(block.header) else "", head, HEADER_BG, aligns[c])
        body = _char(size)
        zebra = len(block.rows) > 3
        for r, row in enumerate(block.rows, start=1):
            bg = ZEBRA_BG if zebra and r % 2 == 0 else None
            for c in range(cols):
                self.cell(table, r, c, row[c] if c < len(row) else "", body, bg, aligns[c])
        return table

    def bullets(self, block: BulletList) -> None:
        list_fmt = QTextListFormat()
        list_fmt.setStyle(QTextListFormat.Style.ListDisc)
        list_fmt.setIndent(1)
        body = _char()
        for k, item in enumerate(block.items):
            fmt = self.block_format(0, 4 if k + 1 < len(block.items) else 8)
            if k == 0:
                self.new_block(fmt, body)
                self.cursor.createList(list_fmt)
            else:
                current = self.cursor.blockFormat()
                current.setBottomMargin(fmt.bottomMargin())
                self.cursor.insertBlock(current, body)
            self.cursor.insertText(_clean(item), body)

    def marked(self, block: MarkedText) -> None:
        """The draft in a light box, marked passages on the severity's soft background, line breaks kept; then a legend."""
        frame = QTextFrameFormat()
        frame.setBorder(0.6 * self.u)
        frame.setBorderBrush(QBrush(QColor(RULE)))
        frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        frame.setBackground(QColor(TEXT_BOX_BG))
        frame.setPadding(9 * self.u)
        frame.setTopMargin(2 * self.u)
        frame.setBottomMargin(0)
        box = self.cursor.insertFrame(frame)
        inner = box.firstCursorPosition()
        inner.setBlockFormat(self.block_format(0, 0, 150))
        plain = _char(10.5)
        inner.setBlockCharFormat(plain)
        for piece, mark in segments(block.text, block.marks):
            if not piece:
                continue
            fmt = plain if mark is None else _char(10.5, background=MARK_BG.get(mark.severity, MARK_BG["info"]))
            inner.insertText(_clean(piece), fmt)
        present = {m.severity for m in block.marks}
        self.after(box, 4.0 if present else 10.0)
        if present:
            small = _char(8, color=MUTED)
            self.new_block(self.block_format(0, 8, 130), small)
            self.cursor.insertText(self.words["marks"], small)
            for severity in _SEVERITY_ORDER:
                if severity in present:
                    self.cursor.insertText("  ", small)
                    self.cursor.insertText(f"\u00a0{self.words[severity]}\u00a0", _char(8, color=TEXT, background=MARK_BG[severity]))

    def chart(self, cursor: QTextCursor, chart: Chart, width_pt: float) -> None:
        fmt = QTextCharFormat()
        fmt.setObjectType(_CHART_OBJECT)
        fmt.setProperty(_CHART_INDEX, self.charts.add(chart, width_pt, show_title=chart.title != self.last_heading))
        cursor.insertText("\ufffc", fmt)

    def finish(self) -> None:
        """The empty block Qt keeps after a final table or frame takes no room (no blank last page)."""
        if self.fresh or self.spacer:
            fmt = QTextBlockFormat()
            fmt.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(_char(1))


# --------------------------------------------------------------------------- charts as vector objects


class _ChartObject(QPyTextObject):
    """Draws Chart blocks with QPainter wherever the document is painted (PDF: vector paths and real text)."""

    def __init__(self, parent: QTextDocument, u: float) -> None:
        super().__init__(parent)
        self.u = u
        self.items: list[tuple[Chart, float, bool]] = []

    def add(self, chart: Chart, width_pt: float, show_title: bool) -> int:
        self.items.append((chart, width_pt, show_title))
        return len(self.items) - 1

    def _size_pt(self, index: int) -> QSizeF:
        chart, width, show_title = self.items[index]
        legend = 16 * _legend_rows(chart, width)
        title = 16 if show_title else 0
        if chart.kind == "radar":
            radius, _label_w, label_h = _radar_geometry(chart, width)
            return QSizeF(width, 2 * (radius + RADAR_GAP + label_h) + 6 + legend + title)
        return QSizeF(width, 175 + legend + title)

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        size = self._size_pt(fmt.intProperty(_CHART_INDEX))
        return QSizeF(size.width() * self.u, size.height() * self.u)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int, fmt: QTextFormat) -> None:
        index = fmt.intProperty(_CHART_INDEX)
        if not 0 <= index < len(self.items):
            return
        chart, width, show_title = self.items[index]
        u = rect.height() / self._size_pt(index).height()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(rect)
        if show_title:
            painter.setFont(_font(9, True))
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(area.left(), area.top(), area.width(), 14 * u), Qt.AlignmentFlag.AlignCenter, _one_line(chart.title))
            area.setTop(area.top() + 16 * u)
        legend_h = 16 * u * _legend_rows(chart, width)
        plot = QRectF(area.left(), area.top(), area.width(), area.height() - legend_h)
        if chart.kind == "radar":
            _draw_radar(painter, plot, chart, u)
        else:
            _draw_line(painter, plot, chart, u)
        _draw_legend(painter, QRectF(area.left(), plot.bottom(), area.width(), legend_h), chart, u)
        painter.restore()


def _series_style(chart: Chart, k: int) -> tuple[QColor, Qt.PenStyle, str]:
    """Colour, dash and marker of series k; on a radar the last series is the current one (solid, filled)."""
    if chart.kind == "radar" and len(chart.series) > 1:
        if k == len(chart.series) - 1:
            return QColor(SERIES_COLORS[0]), Qt.PenStyle.SolidLine, "circle"
        return QColor("#868e96"), Qt.PenStyle.DashLine, "square"
    return QColor(SERIES_COLORS[k % len(SERIES_COLORS)]), SERIES_STYLES[k % len(SERIES_STYLES)], SERIES_MARKERS[k % len(SERIES_MARKERS)]


def _legend_rows(chart: Chart, width_pt: float) -> int:
    """Legend rows needed (estimated from character counts so the size is known before painting)."""
    if not chart.series:
        return 0
    rows, used = 1, 0.0
    for s in chart.series:
        item = 30 + 5.2 * len(s.name)
        if used and used + item > width_pt:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _draw_legend(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    font = _font(8)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    items = [(_one_line(s.name), *_series_style(chart, k)) for k, s in enumerate(chart.series)]
    rows: list[list[tuple[str, QColor, Qt.PenStyle, str, float]]] = [[]]
    used = 0.0
    for name, color, style, marker in items:
        w = 24 * u + metrics.horizontalAdvance(name) + 12 * u
        if rows[-1] and used + w > rect.width():
            rows.append([])
            used = 0.0
        rows[-1].append((name, color, style, marker, w))
        used += w
    for r, row in enumerate(rows):
        x = rect.left() + (rect.width() - sum(item[4] for item in row)) / 2
        y = rect.top() + (r + 0.5) * 16 * u
        for name, color, style, marker, w in row:
            painter.setPen(QPen(color, 1.4 * u, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 18 * u, y))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            draw_marker(painter, marker, QPointF(x + 9 * u, y), 2.4 * u)
            painter.setPen(QColor(TEXT))
            painter.drawText(QPointF(x + 24 * u, y + metrics.ascent() / 2 - 1 * u), name)
            x += w


RADAR_GAP = 5.0  # points between the outer ring and an axis label
RADAR_MAX_RADIUS = 78.0


def _radar_geometry(chart: Chart, width_pt: float) -> tuple[float, float, float]:
    """Radius, widest label and label height in points: the radar as large as its labels leave room for."""
    metrics = QFontMetricsF(_font(8))  # at Qt's default dpi; converted to points below
    to_pt = 72 / _screen_dpi()
    label_w = max((metrics.horizontalAdvance(_one_line(t)) for t in chart.labels), default=0.0) * to_pt
    radius = max(20.0, min(RADAR_MAX_RADIUS, (width_pt - 2 * (label_w + RADAR_GAP)) / 2 - 2))
    return radius, label_w, metrics.height() * to_pt


def _draw_radar(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    n = max(len(chart.labels), 3)
    font = _font(8)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    labels = [_one_line(label) for label in chart.labels]
    gap = RADAR_GAP * u
    radius = _radar_geometry(chart, rect.width() / u)[0] * u
    center = rect.center()

    def point(i: int, value: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return QPointF(center.x() + radius * value / 100 * math.cos(angle), center.y() + radius * value / 100 * math.sin(angle))

    painter.setBrush(Qt.BrushStyle.NoBrush)
    for ring in (25, 50, 75, 100):
        painter.setPen(QPen(QColor("#c9cdd2" if ring == 100 else "#e3e6e9"), (0.8 if ring == 100 else 0.6) * u))
        painter.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
    painter.setPen(QPen(QColor("#e3e6e9"), 0.6 * u))
    for i in range(n):
        painter.drawLine(center, point(i, 100))
    for k, series in enumerate(chart.series):
        color, style, marker = _series_style(chart, k)
        polygon = QPolygonF([point(i, max(0, min(100, v))) for i, v in enumerate(series.values[:n])])
        fill = QColor(color)
        fill.setAlphaF(0.16 if style == Qt.PenStyle.SolidLine else 0.0)
        painter.setBrush(fill)
        painter.setPen(QPen(color, 1.5 * u, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolygon(polygon)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for p in polygon:
            draw_marker(painter, marker, p, 2.2 * u)
    painter.setFont(font)
    painter.setPen(QColor(TEXT))
    for i, text in enumerate(labels[:n]):
        p = point(i, 100)
        angle = -math.pi / 2 + 2 * math.pi * i / n
        dx, dy = math.cos(angle), math.sin(angle)
        w, h = metrics.horizontalAdvance(text), metrics.height()
        if abs(dx) < 0.3:
            x = p.x() - w / 2
        else:
            x = p.x() + gap if dx > 0 else p.x() - gap - w
        if abs(dy) < 0.3:
            y = p.y() - h / 2
        else:
            y = p.y() + gap * 0.6 if dy > 0 else p.y() - gap * 0.6 - h
        painter.drawText(QPointF(x, y + metrics.ascent()), text)


def _draw_line(painter: QPainter, rect: QRectF, chart: Chart, u: float) -> None:
    font = _font(7.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    left = rect.left() + metrics.horizontalAdvance("100") + 8 * u
    right = rect.right() - 8 * u
    top = rect.top() + 6 * u
    bottom = rect.bottom() - metrics.height() - 8 * u
    n = len(chart.labels)

    def xy(i: int, v: float) -> QPointF:
        x = left + ((right - left) * i / (n - 1) if n > 1 else (right - left) / 2)
        return QPointF(x, bottom - (bottom - top) * max(0, min(100, v)) / 100)

    for v in (0, 25, 50, 75, 100):
        y = xy(0, v).y()
        painter.setPen(QPen(QColor("#c9cdd2" if v == 0 else "#e3e6e9"), (0.8 if v == 0 else 0.6) * u))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setPen(QColor("#7b838c"))
        label = str(v)
        painter.drawText(QPointF(left - 5 * u - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1 * u), label)
    step = max(1, math.ceil(n / 30))
    for i, text in enumerate(chart.labels):
        if i % step and i != n - 1:
            continue
        p = xy(i, 0)
        text = _one_line(text)
        painter.drawText(QPointF(p.x() - metrics.horizontalAdvance(text) / 2, bottom + 5 * u + metrics.ascent()), text)
    for k, series in enumerate(chart.series):
        color, style, marker = _series_style(chart, k)
        points = [xy(i, v) for i, v in enumerate(series.values[:n])]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, 1.5 * u, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(QPolygonF(points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for p in points:
            draw_marker(painter, marker, p, 2.4 * u)
