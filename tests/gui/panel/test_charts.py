"""RadarChart and HistoryChart draw something real in every state and theme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from resonanz.core.analysis.engine import analyze
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.charts import HistoryChart, RadarChart

DIMS = ("dialogue", "shareability", "clarity", "platform_fit")


def colours(image: QImage, step: int = 3) -> set[int]:
    """The distinct pixel values on a grid over the image."""
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def render(widget, qtbot, size=(300, 240)) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.setAutoFillBackground(True)
    pixmap = widget.grab()
    assert not pixmap.isNull()
    return pixmap.toImage()


@pytest.mark.parametrize("theme", [themes.LIGHT, themes.DARK, themes.HIGH_CONTRAST], ids=lambda t: t.name)
def test_radar_draws_scores_in_every_theme(qtbot, theme):
    chart = RadarChart()
    chart.set_theme(theme)
    chart.set_labels({"dialogue": "Dialog", "shareability": "Weitergabe", "clarity": "Klarheit", "platform_fit": "Plattform"})
    empty = render(chart, qtbot)
    chart.set_scores({"dialogue": 65, "shareability": 40, "clarity": 90, "platform_fit": 75})
    filled = chart.grab().toImage()
    assert len(colours(filled)) > 3
    assert filled != empty
    assert chart.scores() == {"dialogue": 65, "shareability": 40, "clarity": 90, "platform_fit": 75}


def test_radar_draws_the_comparison_outline(qtbot):
    chart = RadarChart()
    chart.set_scores({"dialogue": 30, "shareability": 30, "clarity": 30, "platform_fit": 30})
    alone = render(chart, qtbot)
    chart.set_scores({"dialogue": 30, "shareability": 30, "clarity": 30, "platform_fit": 30}, compare={"dialogue": 90, "shareability": 80, "clarity": 85, "platform_fit": 95})
    both = chart.grab().toImage()
    assert both != alone


def test_radar_from_a_real_result_and_square_geometry(qtbot):
    result = analyze("Was meinen Sie: Wie oft gießen Sie im Sommer Ihre Tomaten? Erzählen Sie es uns!", language="de", rules_dir=False)
    chart = RadarChart()
    chart.set_scores({d: s.value for d, s in result.scores.items()})
    image = render(chart, qtbot, (220, 220))
    assert len(colours(image)) > 3
    assert chart.hasHeightForWidth() and chart.heightForWidth(180) == 180
    hint = chart.sizeHint()
    assert 180 <= hint.width() <= 260 and hint.width() == hint.height()


@pytest.mark.parametrize("count", [0, 1, 5])
def test_history_renders_with_0_1_and_several_points(qtbot, count):
    chart = HistoryChart()
    points = [{"dialogue": 20 + 10 * i, "shareability": 30 + 5 * i, "clarity": 80 - i, "platform_fit": 60 + 6 * i} for i in range(count)]
    chart.set_history(points, [f"Revision {i + 1}" for i in range(count)])
    image = render(chart, qtbot, (360, 220))
    assert len(colours(image)) > 2
    assert chart.point_count() == count


def test_history_empty_state_then_lines(qtbot):
    chart = HistoryChart()
    assert chart.empty_text() == "No revisions yet"
    chart.set_history([{d: 50 for d in DIMS}])
    one = render(chart, qtbot, (360, 220))
    chart.set_history([{d: 50 for d in DIMS}, {"dialogue": 80, "shareability": 65, "clarity": 40, "platform_fit": 90}])
    two = chart.grab().toImage()
    assert two != one
    assert len(colours(two)) > len(colours(one))


def test_history_with_many_points_and_long_labels_in_dark(qtbot):
    chart = HistoryChart()
    chart.set_theme(themes.DARK)
    chart.set_history([{d: (i * 7 + j * 13) % 101 for j, d in enumerate(DIMS)} for i in range(60)], [f"Überarbeitung vom {i}. März" for i in range(60)])
    image = render(chart, qtbot, (300, 200))
    assert len(colours(image)) > 4


def test_charts_grow_with_the_font(qtbot):
    chart = HistoryChart()
    qtbot.addWidget(chart)
    small = chart.sizeHint()
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    chart.setFont(font)
    assert chart.sizeHint().height() > small.height()
