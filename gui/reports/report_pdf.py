"""PDF export and on-screen preview of a report (`resonanz.core.reports.model.Report`).

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

This module owns the entry points, pagination, page painting with the footer and the atomic write;
the document is built in `pdf_layout`, charts are drawn in `pdf_charts`, the print style is `pdf_style`.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
)
from resonanz.core.fileio import write_atomic
from resonanz.core.reports.model import Report
from resonanz.gui.reports.pdf_layout import _build
from resonanz.gui.reports.pdf_style import (
    _KEEP_WITH_NEXT,
    _MM,
    _ORIGINAL_TOP,
    _PAGE_IDS,
    _PUSHED,
    _WORDS,
    FOOTER_BASELINE_MM,
    MARGIN_MM,
    MUTED,
    PAGE_SIZES,
    PDF_DPI,
    RULE,
    _content_pt,
    _font,
    _one_line,
    _page_key,
    _screen_dpi,
)

__all__ = ["PAGE_SIZES", "build_document", "ensure_app", "render_pages", "write_pdf"]

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
