"""My drafts (issue 17, defect 10): each row shows title (or the first words), platform, when it last
changed in the UI language's date format, and the four scores of the newest saved version ("–"
before the first), sortable by a click on a column header.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QPoint, Qt
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.platforms import load_profiles
from resonanz.core.storage.store import Store
from resonanz.gui.app.i18n import Translations
from resonanz.gui.coaching.drafts_view import DraftsView

QUESTION = "Was wächst bei euch im Garten am besten? Schreibt es uns in die Kommentare, wir sind gespannt!"
FLAT = "Wir freuen uns sehr. Unser neues Angebot ist da. Wir haben lange daran gearbeitet."
LONG = "Heute beginnt unser Sommerfest in der Gärtnerei am Stadtrand mit Musik und Kuchen\nzweite Zeile"


@pytest.fixture
def ui():
    """The application's translations; removed afterwards, so later tests see the bare source texts."""
    translations = Translations()
    yield translations
    app = QCoreApplication.instance()
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            app.removeTranslator(translator)


@pytest.fixture
def drafts(store: Store) -> dict[str, int]:
    """Three drafts on three platforms: two scored (one twice), one never saved as a version."""
    ids = {
        "question": store.create_draft(QUESTION, "Gartenfrage", language="de", platform="instagram"),
        "flat": store.create_draft(FLAT, "Angebot", language="de", platform="linkedin"),
        "untitled": store.create_draft(LONG, "", language="de", platform="mastodon"),
    }
    store.save_revision(ids["question"], FLAT, "erste", analyze(FLAT, language="de", platform="instagram", rules_dir=False))
    store.save_revision(ids["question"], QUESTION, "zweite", analyze(QUESTION, language="de", platform="instagram", rules_dir=False))
    store.save_revision(ids["flat"], FLAT, "erste", analyze(FLAT, language="de", platform="linkedin", rules_dir=False))
    return ids


def _header_click(qtbot, view: DraftsView, column: int) -> None:
    header = view.list.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_row_shows_title_platform_date_and_scores(qtbot, store: Store, drafts: dict[str, int], ui: Translations, language: str) -> None:
    ui.apply(language)
    view = DraftsView(store)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    rows = dict(zip(view.draft_ids(), view.rows()))
    profiles = load_profiles()
    locale = QLocale(language)
    for key, platform in (("question", "instagram"), ("flat", "linkedin"), ("untitled", "mastodon")):
        draft = store.get_draft(drafts[key])
        when = QDateTime.fromString(draft.updated_at, Qt.DateFormat.ISODateWithMs).toLocalTime()
        assert rows[drafts[key]][1:3] == [profiles[platform].name, locale.toString(when, QLocale.FormatType.ShortFormat)]
    assert rows[drafts["question"]][0] == "Gartenfrage"
    assert rows[drafts["untitled"]][0] == "Heute beginnt unser Sommerfest in der Gärtnerei am\u2026"
    newest = analyze(QUESTION, language="de", platform="instagram", rules_dir=False)
    assert rows[drafts["question"]][3:] == [str(newest.score(d)) for d in DIMENSIONS]
    assert rows[drafts["untitled"]][3:] == ["\u2013"] * len(DIMENSIONS)
    headers = [view.list.headerItem().text(c) for c in range(view.list.columnCount())]
    assert headers[1] == ("Plattform" if language == "de" else "Platform")


def test_rows_sort_by_the_clicked_column(qtbot, store: Store, drafts: dict[str, int]) -> None:
    view = DraftsView(store)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    dialogue = 3 + DIMENSIONS.index("dialogue")
    scores = {did: store.latest_scores([did]).get(did, {}).get("dialogue", -1) for did in drafts.values()}
    _header_click(qtbot, view, dialogue)
    qtbot.waitUntil(lambda: view.list.sortColumn() == dialogue)
    first = view.draft_ids()
    assert [scores[d] for d in first] == sorted(scores.values()) and len(set(scores.values())) == 3  # lowest first, "–" lowest
    _header_click(qtbot, view, dialogue)
    qtbot.waitUntil(lambda: view.draft_ids() == first[::-1])
    _header_click(qtbot, view, 1)
    qtbot.waitUntil(lambda: view.list.sortColumn() == 1)
    platforms = [row[1] for row in view.rows()]
    assert platforms == sorted(platforms, key=str.casefold)
    assert len(set(platforms)) == 3


def test_latest_scores_take_the_newest_scored_version(store: Store, drafts: dict[str, int]) -> None:
    newest = analyze(QUESTION, language="de", platform="instagram", rules_dir=False)
    found = store.latest_scores(list(drafts.values()))
    assert set(found) == {drafts["question"], drafts["flat"]}
    assert found[drafts["question"]] == {d: newest.score(d) for d in DIMENSIONS}
