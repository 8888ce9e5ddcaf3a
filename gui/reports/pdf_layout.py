"""The report as a QTextDocument, built ONLY through the QTextCursor API (`_build`, `_Builder`).

User text goes in with `insertText`, never through `setHtml` or Markdown, and no anchor is ever set.
Headings carry a keep-with-next property for the pagination in `report_pdf`; charts are
`pdf_charts._ChartObject` objects in the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPaintDevice,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from resonanz.core.reports.model import (
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
from resonanz.gui.reports.pdf_charts import _ChartObject
from resonanz.gui.reports.pdf_style import (
    _CHART_INDEX,
    _CHART_OBJECT,
    _DELTA_INK,
    _KEEP_WITH_NEXT,
    _NUMERIC,
    _SEVERITY_ORDER,
    _WORDS,
    ACCENT,
    GRADE_BG,
    GRADE_INK,
    HEADER_BG,
    LIGHTS,
    MARK_BG,
    MUTED,
    RULE,
    RULE_STRONG,
    TEXT,
    TEXT_BOX_BG,
    ZEBRA_BG,
    _char,
    _clean,
    _content_pt,
    _font,
    _one_line,
    _screen_dpi,
)


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
            self.cell(table, r, 1, "–" if row.value is None else str(row.value), _char(9.5, True), align=right)
            light = self.cell(table, r, 2, "", body)
            if row.light:  # no dot for a draft with too little text to judge
                light.insertText("\u25cf", _char(9.5, color=LIGHTS.get(row.light, MUTED)))
                light.insertText("\u2002", body)
            light.insertText(_clean(row.light_label or row.light), body)
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
            note = block.notes[k] if k < len(block.notes) else None
            if note is not None:  # the rule's evidence: a badge with the grade's name, then the sentence
                self.cursor.insertText("\u2028", body)
                badge = _char(8, True, GRADE_INK.get(note.grade, MUTED), GRADE_BG.get(note.grade, GRADE_BG["untested"]))
                self.cursor.insertText(f"\u00a0{_clean(note.label)}\u00a0", badge)
                self.cursor.insertText(" " + _clean(note.text), _char(8.5, color=MUTED))

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
