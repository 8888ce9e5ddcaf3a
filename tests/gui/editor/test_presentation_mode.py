"""Presentation mode of the editor window, readable from the back of a room (issue 17, point 8).

F11 is pressed the way a facilitator presses it. The offscreen screen is 800×800, a short screen in
lines of the enlarged type: the case where the findings list used to shrink to two and a half rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QTreeWidgetItemIterator

from resonanz.core.exercises.library import builtin_exercises
from resonanz.gui.app.settings import open_settings
from resonanz.gui.editor.main_window import MainWindow
from resonanz.gui.panel.panel import FINDING_ROLE, PRESENTATION_SCALE

from ..windows import open_window

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def window(qtbot):
    return open_window(qtbot, size=(700, 500))


def _size(font) -> float:
    return font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())


def _analysed(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


def _press_f11(qtbot, w: MainWindow, on: bool) -> None:
    qtbot.keyClick(w, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: w.presenting == on and w.isFullScreen() == on, timeout=2000)


def _parts(w: MainWindow) -> dict[str, float]:
    """The type size of every part of the window the room reads."""
    name, _mark, value = next(iter(w.targets.rows.values()))
    finding = w.panel.finding_items("dialogue")[0]
    return {
        "targets title": _size(w.targets.title.font()),
        "target row": _size(name.font()),
        "target value": _size(value.font()),
        "score history": _size(w.panel.history_button.font()),
        "history chart": _size(w.panel.history_chart.font()),
        "findings rows": _size(w.panel.tree.font()),
        "finding row height": float(w.panel.tree.visualItemRect(finding).height()),
        "gauge": _size(w.panel.gauge("dialogue").font()),
    }


def _visible_finding_rows(w: MainWindow) -> list[QRect]:
    """Rectangles of the finding rows wholly inside the list's visible area, top to bottom."""
    tree = w.panel.tree
    area = tree.viewport().rect()
    rows = []
    it = QTreeWidgetItemIterator(tree)
    while it.value() is not None:
        item = it.value()
        rect = tree.visualItemRect(item)
        if item.data(0, FINDING_ROLE) is not None and area.contains(rect):
            rows.append(rect)
        it += 1
    return rows


def _drag_splitter(qtbot, w: MainWindow, x: int) -> None:
    """Drag the handle between draft and panel to `x`, as with the mouse."""
    handle = w.splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, QPoint(start.x() + x - handle.x(), start.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + x - handle.x(), start.y()))
    qtbot.waitUntil(lambda: abs(w.splitter.sizes()[1] - (w.splitter.width() - x - handle.width())) < 20, timeout=2000)


def _inside_panel(w: MainWindow, widget) -> bool:
    """True if `widget` is wholly on screen in the panel, without scrolling it."""
    viewport = w.panel._scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


def test_f11_scales_targets_score_history_and_findings_by_the_presentation_factor(qtbot, window) -> None:
    exercise = next(ex for ex in builtin_exercises() if ex.id == "en-dialogue-01")
    window.start_exercise(exercise)
    _analysed(qtbot, window)
    window.panel.history_button.click()  # the history chart open, as when a facilitator shows progress
    qtbot.waitUntil(lambda: window.panel.finding_items("dialogue") != [] and window.targets.isVisible(), timeout=5000)
    before = _parts(window)
    _press_f11(qtbot, window, True)
    qtbot.waitUntil(lambda: _parts(window)["findings rows"] > before["findings rows"], timeout=2000)
    during = _parts(window)
    for part, size in before.items():
        if part == "finding row height":  # the row's text wraps anew in the wider panel: at least the type's growth
            assert during[part] >= size * PRESENTATION_SCALE * 0.9, (part, size, during[part])
        else:
            assert during[part] == pytest.approx(size * PRESENTATION_SCALE, rel=0.05), (part, size, during[part])
    _press_f11(qtbot, window, False)
    qtbot.waitUntil(lambda: _parts(window)["findings rows"] == before["findings rows"], timeout=2000)
    after = _parts(window)
    assert {k: v for k, v in after.items() if k != "finding row height"} == {k: v for k, v in before.items() if k != "finding row height"}


def test_on_a_short_screen_the_findings_fill_the_panel_and_score_history_shows_whole(qtbot, window) -> None:
    window.load_text((SAMPLES / "product_launch_en.txt").read_text(encoding="utf-8"))
    _analysed(qtbot, window)
    total = sum(len(window.panel.finding_items(d)) for d in ("dialogue", "shareability", "clarity", "platform_fit"))
    assert total >= 10  # enough findings to fill any list
    _press_f11(qtbot, window, True)
    _drag_splitter(qtbot, window, window.width() - 460)  # the offscreen screen is narrow: give the panel a projector's width
    tree = window.panel.tree
    button = window.panel.history_button
    # the whole list and the Score history toggle are on screen, no scrolling of the panel needed
    qtbot.waitUntil(lambda: _inside_panel(window, tree) and _inside_panel(window, button), timeout=3000)
    qtbot.waitUntil(lambda: len(_visible_finding_rows(window)) >= 5, timeout=3000)
    rows = _visible_finding_rows(window)
    # no empty space under the rows: the last one shown reaches to within a row of the list's bottom
    assert tree.viewport().height() - rows[-1].bottom() < max(r.height() for r in rows) + tree.visualItemRect(window.panel.dimension_item("shareability")).height()
    assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    _press_f11(qtbot, window, False)


def test_a_window_larger_than_the_projector_gets_back_its_exact_size(qtbot, window) -> None:
    """The laptop's window is wider than the projector's screen (800 px offscreen): leaving presentation
    mode must not shrink it to that screen."""
    window.move(20, 30)
    window.resize(980, 560)
    qtbot.waitUntil(lambda: window.pos() == QPoint(20, 30) and window.width() == 980, timeout=2000)
    normal = QRect(window.geometry())
    _press_f11(qtbot, window, True)
    qtbot.waitUntil(lambda: window.geometry() != normal, timeout=2000)
    _press_f11(qtbot, window, False)
    qtbot.waitUntil(lambda: window.geometry() == normal, timeout=2000)


def test_leaving_presentation_restores_the_geometry_and_closing_keeps_the_normal_one(qtbot, window) -> None:
    window.move(30, 40)
    window.resize(640, 460)  # fits the offscreen screen, so nothing clamps it
    qtbot.waitUntil(lambda: window.pos() == QPoint(30, 40) and window.width() == 640, timeout=2000)
    normal = QRect(window.geometry())
    _press_f11(qtbot, window, True)
    qtbot.waitUntil(lambda: window.geometry() != normal, timeout=2000)
    _press_f11(qtbot, window, False)
    qtbot.waitUntil(lambda: window.geometry() == normal, timeout=2000)

    _press_f11(qtbot, window, True)
    window.editor.document().setModified(False)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    again = MainWindow(settings=open_settings())
    qtbot.addWidget(again, before_close_func=lambda w: w.editor.document().setModified(False))
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.geometry() == normal, timeout=2000)
    assert not again.isFullScreen()
