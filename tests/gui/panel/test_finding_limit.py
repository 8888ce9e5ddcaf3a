"""Issue 19, point 1 (editor side): a group of the findings tree shows at most `max_rows_per_group`
findings (resources/editor.toml) and then one row, not selectable, saying how many more there are."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult, Finding, Span
from resonanz.gui.app.i18n import qm_path
from resonanz.gui.panel.finding_list import max_rows_per_group
from resonanz.gui.panel.finding_roles import COUNT_ROLE, FINDING_ROLE, MORE_ROLE
from resonanz.core.analysis.platforms import load_profiles
from resonanz.gui.panel.panel import CoachPanel

from .test_panel import result_of, shown, sommerfest


@pytest.fixture
def panel(qtbot) -> CoachPanel:
    widget = CoachPanel()
    qtbot.addWidget(widget)
    widget.set_platforms([(p.id, p.name) for p in load_profiles().values()], "linkedin")
    widget.set_language_choice("auto")
    widget.resize(420, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def with_findings(base: AnalysisResult, findings: tuple[Finding, ...]) -> AnalysisResult:
    return AnalysisResult(base.text, base.language, base.language_detected, base.platform, dict(base.scores), findings, dict(base.stats))


def many(count: int, dimension: str = "clarity") -> tuple[Finding, ...]:
    return tuple(
        Finding("C2", dimension, ("warning", "suggestion", "info")[i % 3], f"Langer Satz Nummer {i}", "Kürzen.", "", "", (Span(i * 3, i * 3 + 2),), -(i % 7), "long")
        for i in range(count)
    )


def more_rows(panel: CoachPanel) -> list:
    out = []
    for d in (*DIMENSIONS, "language"):
        node = panel.dimension_item(d)
        out += [node.child(i) for i in range(node.childCount()) if node.child(i).data(0, MORE_ROLE) is not None]
    return out


def test_the_limit_is_data():
    assert max_rows_per_group() == 200


def test_a_normal_result_shows_every_finding_and_no_more_row(panel):
    result = shown(panel, result_of(sommerfest()))
    assert not more_rows(panel)
    for d in DIMENSIONS:
        node = panel.dimension_item(d)
        expected = sum(1 for f in result.findings if f.dimension == d)
        assert node.childCount() == len(panel.finding_items(d)) == node.data(0, COUNT_ROLE) == expected


def test_a_huge_group_shows_n_rows_then_one_more_row_and_the_true_count(panel, qtbot):
    base = result_of(sommerfest())
    n = max_rows_per_group()
    findings = many(5000)
    shown(panel, with_findings(base, findings))
    node = panel.dimension_item("clarity")
    assert node.childCount() == n + 1
    assert node.data(0, COUNT_ROLE) == 5000
    assert "5000" in node.data(0, Qt.ItemDataRole.AccessibleTextRole)
    rows = panel.finding_items("clarity")
    assert len(rows) == n and all(r.data(0, FINDING_ROLE) is not None for r in rows)
    # the most important findings are the ones shown
    assert {r.data(0, FINDING_ROLE).severity for r in rows} == {"warning"}
    more = node.child(n)
    assert more_rows(panel) == [more]
    assert more.data(0, MORE_ROLE) == 5000 - n and more.data(0, FINDING_ROLE) is None
    assert f"{5000 - n}" in more.text(0) and "more findings in this group" in more.text(0)
    assert not more.flags() & Qt.ItemFlag.ItemIsSelectable
    # clicking it selects nothing and reports nothing; a shown finding still selects and activates
    panel.tree.scrollToItem(more)
    QApplication.processEvents()
    with qtbot.assertNotEmitted(panel.findingActivated):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(more).center())
    assert not panel.tree.selectedItems() and panel.selected_finding() is None
    target = rows[3]
    assert panel.select_finding(target.data(0, FINDING_ROLE))
    assert panel.tree.currentItem() is target and panel.selected_finding() == target.data(0, FINDING_ROLE)
    panel.tree.scrollToItem(target)
    QApplication.processEvents()
    with qtbot.waitSignal(panel.findingActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(target).center())
    assert blocker.args == [target.data(0, FINDING_ROLE)]
    # fewer findings again: the more row goes, the rows are reused
    shown(panel, with_findings(base, findings[:150]))
    assert node.childCount() == 150 == node.data(0, COUNT_ROLE) and not more_rows(panel)
    shown(panel, with_findings(base, findings[:201]))
    assert node.childCount() == n + 1 and node.child(n).data(0, MORE_ROLE) == 1


def test_a_5_mb_result_builds_a_bounded_tree(panel):
    """What keeps the UI thread free with 28,000 findings: at most N+1 rows per group are built
    (the time itself is a benchmark figure, not a test: about 0.05 s, measured 2026-12-04)."""
    base = result_of(sommerfest())
    findings = tuple(f for d in DIMENSIONS for f in many(7000, d))
    shown(panel, with_findings(base, findings))
    n = max_rows_per_group()
    assert all(panel.dimension_item(d).childCount() == n + 1 for d in DIMENSIONS)
    assert len(more_rows(panel)) == len(DIMENSIONS)
    assert [panel.dimension_item(d).data(0, COUNT_ROLE) for d in DIMENSIONS] == [7000] * len(DIMENSIONS)


@pytest.mark.parametrize(("language", "one", "five"), [
    ("de", "… und 1 weiterer Hinweis in dieser Gruppe", "… und 5 weitere Hinweise in dieser Gruppe"),
    ("en", "… and 1 more finding in this group", "… and 5 more findings in this group"),
])
def test_the_more_row_is_translated_with_plural_forms(panel, language, one, five):
    translator = QTranslator()
    assert translator.load(str(qm_path(language)))
    QCoreApplication.installTranslator(translator)
    try:
        assert panel.more_findings_text(1) == one
        assert panel.more_findings_text(5) == five
    finally:
        QCoreApplication.removeTranslator(translator)
