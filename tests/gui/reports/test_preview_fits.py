"""The report preview shows the page whole (issue 17, defect 10: the radar's "Shareability" was cut
off at the preview's right edge). Charts keep their paper size, so the preview is laid out at the
page's width and made that wide; every radar label is drawn inside the visible area, in both report
languages, at 100 % and 150 % font size.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSettings
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from resonanz.core.storage.store import Store
from resonanz.gui.reports import pdf_charts
from resonanz.gui.reports.export import ExportDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/: report_fixtures
from report_fixtures import build_report_db  # noqa: E402


class _Recorder:
    """Stands in for the QPainter of a radar: forwards everything and notes where each text goes."""

    def __init__(self, painter, texts: list[tuple[str, QRectF]]) -> None:
        self._painter, self._texts = painter, texts

    def __getattr__(self, name):
        return getattr(self._painter, name)

    def drawText(self, *args) -> None:  # noqa: N802 - QPainter's name
        if len(args) == 2 and isinstance(args[0], QPointF):
            at, text = args
            metrics = QFontMetricsF(self._painter.font(), self._painter.device())
            box = QRectF(at.x(), at.y() - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height())
            self._texts.append((text, self._painter.transform().mapRect(box)))
        self._painter.drawText(*args)


@pytest.fixture(params=[1.0, 1.5], ids=["100%", "150%"])
def scaled(request):
    app = QApplication.instance()
    font = QFont(app.font())
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * request.param)
    app.setFont(bigger)
    yield request.param
    app.setFont(font)


@pytest.mark.parametrize("language", ["en", "de"])
def test_radar_labels_are_inside_the_preview(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scaled, language: str) -> None:
    store = Store(build_report_db(tmp_path / "r.db"))
    texts: list[tuple[str, QRectF]] = []
    draw = pdf_charts._draw_radar
    monkeypatch.setattr(pdf_charts, "_draw_radar", lambda painter, rect, chart, u: draw(_Recorder(painter, texts), rect, chart, u))
    session = store.list_sessions()[0].id
    dialog = ExportDialog(store, "session", session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    viewport = dialog.preview.viewport()
    qtbot.waitUntil(lambda: not viewport.grab().isNull() and bool(texts))
    shareability = "Shareability" if language == "en" else "Weitergabe"
    assert shareability in [t for t, _ in texts]
    for text, box in texts:  # across: the preview scrolls down, but nothing may stick out at the side
        assert 0 <= box.left() and box.right() <= viewport.width(), (text, box, viewport.width())
    assert dialog.preview.horizontalScrollBar().maximum() == 0
    dialog.close()
    store.close()
