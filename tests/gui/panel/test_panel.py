"""The coaching panel, driven the way a person drives it: real engine results, clicks and keys."""

from __future__ import annotations

import time
from importlib import resources

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult, Finding, Span
from resonanz.core.analysis.platforms import load_profiles
from resonanz.gui.app import theme as themes
from resonanz.gui.panel.panel import (
    COUNT_ROLE,
    DIMENSION_ROLE,
    GLYPH,
    MINUS,
    CoachPanel,
    finding_key,
    importance,
)

GOOD_DE = (
    "Welche Pflanze hat Sie in diesem Sommer am meisten überrascht? Bei uns war es der Zitronenthymian: "
    "Er duftet schon, wenn man nur vorbeigeht. Erzählen Sie uns in den Kommentaren von Ihrer Entdeckung – "
    "und wen aus Ihrem Gartenverein sollten wir noch fragen? #Garten"
)
GOOD_EN = (
    "Which tool saved your team the most time this year? For us it was a shared checklist: it cut our review "
    "time from two days to one. Tell us yours in the comments - and who in your network should we ask next? #Teamwork"
)


def sommerfest() -> str:
    return (resources.files("resonanz.resources") / "samples" / "sommerfest_de.txt").read_text(encoding="utf-8")


def result_of(text: str, language: str = "de", platform: str = "linkedin") -> AnalysisResult:
    return analyze(text, language=language, platform=platform, rules_dir=False)


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


def shown(panel: CoachPanel, result: AnalysisResult) -> AnalysisResult:
    panel.show_result(result)
    panel.tree.doItemsLayout()
    QApplication.processEvents()
    return result


# ---------------------------------------------------------------------- gauges
def test_show_result_puts_the_four_scores_and_light_words_into_the_gauges(panel):
    result = shown(panel, result_of(sommerfest()))
    words = {"red": "red", "amber": "amber", "green": "green"}
    for d in DIMENSIONS:
        gauge = panel.gauge(d)
        assert gauge.value() == result.scores[d].value
        assert gauge.light() == result.scores[d].light
        assert gauge.light_text() == words[result.scores[d].light]  # the light is also a word, not colour only
    dialogue = panel.gauge("dialogue")
    assert dialogue.accessibleName() == f"Dialogue score {result.scores['dialogue'].value}, {words[result.scores['dialogue'].light]}"


def test_gauges_are_reused_and_dialogue_and_shareability_are_the_prominent_ones(panel):
    before = {d: panel.gauge(d) for d in DIMENSIONS}
    shown(panel, result_of(sommerfest()))
    shown(panel, result_of(GOOD_DE))
    assert all(panel.gauge(d) is before[d] for d in DIMENSIONS)
    big = [panel.gauge(d).height() for d in ("dialogue", "shareability")]
    small = [panel.gauge(d).height() for d in ("clarity", "platform_fit")]
    assert min(big) > max(small)
    assert [d for d in DIMENSIONS if panel.gauge(d).prominent] == ["dialogue", "shareability"]


def test_space_expands_the_breakdown_with_every_contribution(panel, qtbot):
    result = shown(panel, result_of(sommerfest()))
    gauge = panel.gauge("dialogue")
    gauge.setFocus()
    assert not gauge.is_expanded() and not gauge.details.isVisible()
    qtbot.keyClick(gauge, Qt.Key.Key_Space)
    assert gauge.is_expanded() and gauge.details.isVisible()
    lines = gauge.breakdown_texts()
    contributions = result.scores["dialogue"].breakdown
    assert lines[0] == f"Ausgangswert {contributions[0].points}"
    for line, c in zip(lines[1:], contributions[1:]):
        sign = "+" if c.points > 0 else MINUS
        assert line == f"{c.label} {sign}{abs(c.points)}"
    assert lines[-1] == f"Score = {result.scores['dialogue'].value}"
    assert len(lines) == len(contributions) + 1
    qtbot.keyClick(gauge, Qt.Key.Key_Return)
    assert not gauge.is_expanded()


def test_clicking_a_gauge_toggles_its_breakdown(panel, qtbot):
    shown(panel, result_of(GOOD_EN, "en"))
    gauge = panel.gauge("clarity")
    qtbot.mouseClick(gauge.face, Qt.MouseButton.LeftButton)
    assert gauge.is_expanded() and gauge.hasFocus()
    assert gauge.breakdown_texts()[0].startswith("Starting value")
    qtbot.mouseClick(gauge.face, Qt.MouseButton.LeftButton)
    assert not gauge.is_expanded()


def test_a_new_result_updates_an_open_breakdown(panel, qtbot):
    shown(panel, result_of(sommerfest()))
    gauge = panel.gauge("shareability")
    gauge.set_expanded(True)
    result = shown(panel, result_of(GOOD_DE))
    assert gauge.is_expanded()
    assert gauge.breakdown_texts()[-1] == f"Score = {result.scores['shareability'].value}"


# ---------------------------------------------------------------------- findings tree
def test_findings_are_grouped_under_four_dimension_nodes_most_important_first(panel):
    result = shown(panel, result_of(GOOD_EN, "en"))
    # the four scored dimensions, then spelling and grammar (empty until a check delivers)
    assert panel.tree.topLevelItemCount() == 5
    assert panel.tree.topLevelItem(4).data(0, DIMENSION_ROLE) == "language" and not panel.finding_items("language")
    total = 0
    for d in DIMENSIONS:
        node = panel.dimension_item(d)
        shown_findings = [item.data(0, Qt.ItemDataRole.UserRole) for item in panel.finding_items(d)]
        expected = sorted((f for f in result.findings if f.dimension == d), key=importance)
        assert shown_findings == expected
        assert node.data(0, COUNT_ROLE) == len(expected)
        assert node.text(0) == panel.dimension_names()[d]
        total += len(shown_findings)
    assert total == len(result.findings)
    severities = [f.severity for f in (item.data(0, Qt.ItemDataRole.UserRole) for item in panel.finding_items("dialogue"))]
    assert severities == sorted(severities, key=["error", "warning", "suggestion", "info", "good"].index)


def test_importance_orders_by_severity_then_points():
    def f(severity: str, points: int, start: int) -> Finding:
        return Finding("X1", "dialogue", severity, "m", "", "", "", (Span(start, start + 1),), points, "k")

    items = [f("good", 15, 0), f("warning", -5, 3), f("error", -1, 9), f("warning", -12, 7), f("info", 0, 1), f("suggestion", 0, 2)]
    ordered = sorted(items, key=importance)
    assert [(x.severity, x.points) for x in ordered] == [("error", -1), ("warning", -12), ("warning", -5), ("suggestion", 0), ("info", 0), ("good", 15)]


def test_good_news_and_problems_carry_a_glyph_as_well_as_a_colour(panel):
    shown(panel, result_of(GOOD_DE))
    tips = {item.data(0, Qt.ItemDataRole.UserRole).severity: item.toolTip(0) for d in DIMENSIONS for item in panel.finding_items(d)}
    assert tips["good"].startswith("✔ Works well:")
    assert tips["suggestion"].startswith("● Suggestion:")
    assert GLYPH == {"error": "✖", "warning": "▲", "suggestion": "●", "info": "ℹ", "good": "✔"}
    for d in DIMENSIONS:
        for item in panel.finding_items(d):
            finding = item.data(0, Qt.ItemDataRole.UserRole)
            assert item.text(0) == finding.message  # not translated, shown as the engine wrote it
            assert item.data(0, Qt.ItemDataRole.AccessibleTextRole).endswith(finding.message)


@pytest.mark.parametrize("width", [420, 300, 700])
def test_long_messages_wrap_into_rows_tall_enough_to_read(qtbot, width):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 640)
    panel.show()
    qtbot.waitExposed(panel)
    shown(panel, result_of(sommerfest()))
    QApplication.processEvents()
    panel.tree.doItemsLayout()
    delegate = panel.tree.itemDelegate()
    fm = QFontMetrics(panel.tree.font())
    checked = 0
    for d in DIMENSIONS:
        for item in panel.finding_items(d):
            rect = panel.tree.visualItemRect(item)
            message = item.data(0, Qt.ItemDataRole.UserRole).message
            wrapped = fm.boundingRect(QRect(0, 0, delegate._text_width(fm, rect.width()), 100000), Qt.TextFlag.TextWordWrap, message)
            assert rect.height() >= wrapped.height(), message
            assert message in item.toolTip(0)
            checked += 1
    assert checked == len(panel._shown_findings)


def test_clicking_a_finding_emits_it(panel, qtbot):
    shown(panel, result_of(sommerfest()))
    item = panel.finding_items("dialogue")[1]
    rect = panel.tree.visualItemRect(item)
    assert rect.isValid() and panel.tree.viewport().rect().contains(rect.center())
    with qtbot.waitSignal(panel.findingActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [item.data(0, Qt.ItemDataRole.UserRole)]
    assert panel.selected_finding() == item.data(0, Qt.ItemDataRole.UserRole)


def test_double_click_selects_the_passage_once(panel, qtbot):
    shown(panel, result_of(sommerfest()))
    item = panel.finding_items("dialogue")[2]
    got: list[Finding] = []
    panel.findingActivated.connect(got.append)
    centre = panel.tree.visualItemRect(item).center()
    # what a real double-click delivers: press, release, then a double-click event (and release)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert got == [item.data(0, Qt.ItemDataRole.UserRole)]


def test_enter_on_the_focused_finding_emits_it_and_arrows_only_move(panel, qtbot):
    shown(panel, result_of(sommerfest()))
    tree = panel.tree
    tree.setFocus()
    first = panel.finding_items("dialogue")[0]
    tree.setCurrentItem(first)
    with qtbot.assertNotEmitted(panel.findingActivated):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    second = panel.finding_items("dialogue")[1]
    assert tree.currentItem() is second
    assert panel.selected_finding() == second.data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(panel.findingActivated, timeout=1000) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [second.data(0, Qt.ItemDataRole.UserRole)]


def test_the_detail_box_shows_the_suggestion_and_on_demand_why_and_source(panel, qtbot):
    result = shown(panel, result_of(sommerfest()))
    assert panel.detail_empty.isVisibleTo(panel)
    item = panel.finding_items("dialogue")[0]
    panel.tree.setCurrentItem(item)
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    assert not panel.detail_empty.isVisibleTo(panel)
    assert panel.detail_suggestion.isVisibleTo(panel)
    assert "→" in panel.detail_suggestion.text() and finding.suggestion.split("„")[0] in panel.detail_suggestion.text()
    assert "Warning" in panel.detail_head.text() and "▲" in panel.detail_head.text()
    assert not panel.why_text.isVisibleTo(panel)
    assert panel.why_button.text() == "Why?"
    qtbot.mouseClick(panel.why_button, Qt.MouseButton.LeftButton)
    assert panel.why_text.isVisibleTo(panel) and panel.why_text.text() == finding.why
    assert panel.why_source.isVisibleTo(panel) and finding.source in panel.why_source.text()
    assert result.findings  # sanity


def test_selection_and_scroll_survive_a_live_update(qtbot):
    panel = CoachPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    text = sommerfest()
    shown(panel, result_of(text))
    target = next(item for item in panel.finding_items("dialogue") if item.data(0, Qt.ItemDataRole.UserRole).rule == "D8")
    panel.tree.setCurrentItem(target)
    key = finding_key(target.data(0, Qt.ItemDataRole.UserRole))
    bar = panel.tree.verticalScrollBar()
    assert bar.maximum() > 0
    QApplication.processEvents()  # the selection scrolls its row into view first
    bar.setValue(bar.maximum() // 2)
    scroll = bar.value()

    changed = text.replace("von 11 bis 18 Uhr", "von 10 bis 18 Uhr")  # same length: the spans stay put
    shown(panel, result_of(changed))
    assert finding_key(panel.selected_finding()) == key
    assert finding_key(panel.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)) == key
    assert bar.value() == scroll


def test_selection_follows_a_passage_that_moved(panel):
    text = sommerfest()
    shown(panel, result_of(text))
    target = next(item for item in panel.finding_items("dialogue") if item.data(0, Qt.ItemDataRole.UserRole).rule == "D8")
    panel.tree.setCurrentItem(target)
    before = target.data(0, Qt.ItemDataRole.UserRole)
    shown(panel, result_of(text.replace("laden wir am", "laden wir herzlich am")))
    after = panel.selected_finding()
    assert (after.rule, after.kind) == (before.rule, before.kind) and after.start == before.start + len("herzlich ")


def test_a_result_without_the_selected_finding_clears_the_detail(panel):
    shown(panel, result_of(sommerfest()))
    panel.tree.setCurrentItem(panel.finding_items("platform_fit")[0])
    shown(panel, result_of(GOOD_DE))
    assert panel.selected_finding() is None
    assert panel.detail_empty.isVisibleTo(panel)


def test_two_hundred_findings_render_quickly_and_reuse_rows(panel):
    base = result_of(sommerfest())
    many = tuple(
        Finding("C2", "clarity", ("warning", "suggestion", "info")[i % 3], f"Langer Satz Nummer {i} " + "mit vielen Wörtern " * (i % 4), "Kürzen.", "", "", (Span(i, i + 1),), -(i % 7), "long")
        for i in range(200)
    )
    big = AnalysisResult(base.text, base.language, base.language_detected, base.platform, dict(base.scores), many, dict(base.stats))
    t0 = time.perf_counter()
    shown(panel, big)
    first = time.perf_counter() - t0
    rows = panel.finding_items("clarity")
    assert len(rows) == 200
    t0 = time.perf_counter()
    shown(panel, big)
    again = time.perf_counter() - t0
    assert panel.finding_items("clarity") == rows  # the same QTreeWidgetItems, not rebuilt
    assert first < 0.5 and again < 0.25


# ---------------------------------------------------------------------- combos, counter
def test_platform_combo_emits_the_platform_id(panel, qtbot):
    combo = panel.platform_combo
    assert panel.platform() == "linkedin"
    with qtbot.assertNotEmitted(panel.platformChanged):
        panel.set_platforms([("x", "X (Twitter)"), ("linkedin", "LinkedIn"), ("mastodon", "Mastodon")], "linkedin")
    combo.setFocus()
    with qtbot.waitSignal(panel.platformChanged, timeout=1000) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert blocker.args == ["mastodon"]
    assert combo.accessibleName() == "Platform"


def test_language_combo_emits_the_choice_and_names_the_detected_language(panel, qtbot):
    combo = panel.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["auto", "de", "en"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Auto", "Deutsch", "English"]
    shown(panel, analyze(sommerfest(), language="auto", rules_dir=False))
    assert combo.itemText(0) == "Auto (detected: Deutsch)"
    with qtbot.assertNotEmitted(panel.languageChanged):
        panel.set_language_choice("en")
    assert panel.language_choice() == "en"
    panel.set_language_choice("auto")
    combo.setFocus()
    with qtbot.waitSignal(panel.languageChanged, timeout=1000) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert blocker.args == ["de"]
    shown(panel, result_of(GOOD_EN, "en"))  # chosen, not detected
    assert combo.itemText(0) == "Auto"


def test_counter_shows_count_limit_and_the_over_state(panel):
    panel.set_counter(512, 3000)
    assert panel.counter_text() == "512 / 3,000"
    assert not panel.is_over_limit()
    panel.set_counter(3012, 3000)
    assert panel.is_over_limit() and panel.counter_label.property("over") is True
    assert "3,012 / 3,000" in panel.counter_text() and "▲" in panel.counter_text()  # not colour only
    assert "12 over the limit" in panel.counter_label.accessibleName()
    assert panel.counter_label.font().bold()
    panel.set_counter(512, 0)
    assert panel.counter_text() == "512" and not panel.is_over_limit()


# ---------------------------------------------------------------------- keyboard, accessibility, i18n
def test_tab_order_runs_combos_gauges_tree_detail(panel):
    order = []
    w = panel.platform_combo
    for _ in range(40):
        order.append(w)
        w = w.nextInFocusChain()
    wanted = [panel.platform_combo, panel.language_combo, *(panel.gauge(d) for d in DIMENSIONS), panel.tree, panel.why_button, panel.history_button]
    positions = [order.index(x) for x in wanted]
    assert positions == sorted(positions)
    focusable = [x for x in order[: positions[-1] + 1] if x.focusPolicy() & Qt.FocusPolicy.TabFocus and x.isVisibleTo(panel)]
    assert [x for x in focusable if x in wanted] == [x for x in wanted if x.isVisibleTo(panel)]


def test_every_control_has_an_accessible_name(panel):
    shown(panel, result_of(sommerfest()))
    panel.set_counter(512, 3000)
    for widget in (panel.platform_combo, panel.language_combo, panel.tree, panel.counter_label, panel.why_button, panel.history_button, panel.radar, panel.history_chart, *panel.gauges.values()):
        assert widget.accessibleName(), widget
    assert panel.gauge("platform_fit").focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_language_change_event_retranslates(panel, monkeypatch):
    calls = []
    original = panel.retranslate
    monkeypatch.setattr(panel, "retranslate", lambda: (calls.append(1), original()))
    panel.findings_title.setText("stale")
    panel.why_button.setText("stale")
    QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert calls == [1]
    assert panel.findings_title.text() == "Findings"
    assert panel.why_button.text() == "Why?"


def test_ui_strings_go_through_tr(panel, monkeypatch):
    from resonanz.gui.panel import finding_roles

    class Marked:  # the dimension names are translated in the panel's context by finding_roles
        @staticmethod
        def translate(context, text, *args):
            return f"[{text}]" if context == "CoachPanel" else text

    monkeypatch.setattr(panel, "tr", lambda text, *args: f"[{text}]")
    monkeypatch.setattr(finding_roles, "QCoreApplication", Marked)
    panel.retranslate()
    assert panel.findings_title.text() == "[Findings]"
    assert panel.gauge("dialogue").name() == "[Dialogue]"
    assert panel.history_button.text() == "[Score history]"


# ---------------------------------------------------------------------- theme, presentation, history
def test_theme_and_presentation(panel):
    shown(panel, result_of(sommerfest()))
    normal_font = panel.font().pointSizeF()
    normal_hint = panel.gauge("dialogue").sizeHint()
    panel.set_theme(themes.HIGH_CONTRAST)
    panel.set_presentation(True)
    QApplication.processEvents()
    assert panel.is_presentation()
    assert panel.font().pointSizeF() == pytest.approx(normal_font * 1.6)
    bigger = panel.gauge("dialogue").sizeHint()
    assert bigger.width() > normal_hint.width() and bigger.height() > normal_hint.height()
    assert panel.palette().color(panel.backgroundRole()).name() == themes.HIGH_CONTRAST.window
    assert panel.gauge("dialogue").theme is themes.HIGH_CONTRAST
    image = panel.grab().toImage()
    assert image.pixelColor(2, image.height() - 2).name() == themes.HIGH_CONTRAST.window
    panel.set_presentation(False)
    assert panel.font().pointSizeF() == pytest.approx(normal_font)


def test_history_is_forwarded_to_the_collapsed_chart(panel, qtbot):
    assert not panel.history_chart.isVisibleTo(panel)
    panel.set_history([{d: 30 for d in DIMENSIONS}, {d: 60 for d in DIMENSIONS}], ["Original", "Revision 1"])
    assert panel.history_chart.point_count() == 2
    qtbot.mouseClick(panel.history_button, Qt.MouseButton.LeftButton)
    assert panel.history_chart.isVisibleTo(panel)
