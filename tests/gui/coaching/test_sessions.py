"""SessionsView and ProgressView: a workshop round driven the way a facilitator runs it.

Dialogs are bypassed through the methods the buttons call. Expected scores come from `analyze`
itself, never hard-coded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QTableWidget
from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import ProgressView, SessionsView

NAMES = ("Anna Becker", "Ben Okafor", "Clara Weiss")
EXERCISE = "de-dialog-01"
POSTS = {
    "anna becker.txt": "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen.",
    "BEN OKAFOR.txt": (
        "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? "
        "Erzählt es uns in den Kommentaren – wir sind gespannt."
    ),
    "Dana Fischer.txt": "We are thrilled to announce our summer party. It is the best event ever. Register now.",
}


@pytest.fixture
def view(sessions_view) -> SessionsView:
    return sessions_view()


@pytest.fixture
def round_(view: SessionsView, tmp_path: Path) -> tuple[SessionsView, list[str], list[str]]:
    view.create_session("workshop", "Workshop Vereinskommunikation", date(2026, 11, 20))
    for name in NAMES:
        view.add_participant(name)
    view.set_exercise(EXERCISE)
    folder = tmp_path / "posts"
    folder.mkdir()
    for name, text in POSTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "foto.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "alt.md").write_bytes("Grüße aus Köln".encode("latin-1"))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    imported, skipped = view.import_folder(folder)
    return view, imported, skipped


def _expected(text: str):
    return analyze(text, language="de", platform="linkedin")


def test_create_session_lists_it_and_selects_it(view: SessionsView, store: Store) -> None:
    sid = view.create_session("workshop", "Herbstworkshop", date(2026, 10, 1), "Raum 2")
    assert view.current_session_id() == sid
    assert view.session_list.count() == 1
    text = view.session_list.item(0).text()
    assert "Herbstworkshop" in text and "2026-10-01" in text and "Workshop" in text
    assert store.get_session(sid).facilitator_notes == "Raum 2"


def test_participants_get_neutral_pseudonyms(view: SessionsView, store: Store) -> None:
    sid = view.create_session("individual", "Coaching", "2026-11-01")
    view.add_participant("Anna Becker")
    view.add_participant("Ben Okafor", "Fuchs")
    view.add_participant("Clara Weiss")
    assert [p.pseudonym for p in store.participants(sid)] == [None, "Fuchs", None]  # automatic ones: made when shown
    assert [view.participant_list.item(i).text() for i in range(3)] == list(NAMES)
    view.set_projecting(True)
    assert [view.participant_list.item(i).text() for i in range(3)] == ["Participant 1", "Fuchs", "Participant 3"]


def test_import_folder_creates_attempts_and_skips_binary(round_, store: Store) -> None:
    view, imported, skipped = round_
    assert sorted(imported) == sorted(POSTS)
    assert sorted(skipped) == ["alt.md", "foto.txt"]
    sid = view.current_session_id()
    people = {p.display_name: p for p in store.participants(sid)}
    # file stems matched case-insensitively; "Dana Fischer" is new
    assert set(people) == {*NAMES, "Dana Fischer"}
    attempts = store.session_attempts(sid)
    assert len(attempts) == 3
    by_owner = {a.owner: a for a in attempts}
    assert people["Clara Weiss"].id not in by_owner
    for a in attempts:
        assert a.exercise_id == EXERCISE and a.session_id == sid
        draft = store.get_draft(a.draft_id)
        assert dict(a.latest_scores) == {d: _expected(draft.text).score(d) for d in DIMENSIONS}


def test_gallery_shows_the_scores_of_analyze(round_, store: Store) -> None:
    view, _, _ = round_
    assert view.gallery.rowCount() == 3
    texts = {name.rsplit(".", 1)[0].casefold(): text for name, text in POSTS.items()}
    for row in view.gallery_rows():
        result = _expected(texts[row[0].casefold()])
        assert row[1:] == [str(result.score(d)) for d in DIMENSIONS]
    header = [view.gallery.horizontalHeaderItem(c).text() for c in range(view.gallery.columnCount())]
    assert header == ["Participant", "Dialogue", "Shareability", "Clarity", "Platform fit"]


def test_sorting_by_dialogue_orders_rows_numerically(round_) -> None:
    view, _, _ = round_
    view.sort_by("dialogue", Qt.SortOrder.DescendingOrder)
    values = [view.gallery.item(r, 1).data(Qt.ItemDataRole.DisplayRole) for r in range(3)]
    assert all(isinstance(v, int) for v in values)
    assert values == sorted(values, reverse=True)
    view.sort_by("dialogue", Qt.SortOrder.AscendingOrder)
    values = [view.gallery.item(r, 1).data(Qt.ItemDataRole.DisplayRole) for r in range(3)]
    assert values == sorted(values)
    # clicking the header sorts too (sorting enabled)
    assert view.gallery.isSortingEnabled()


def test_gallery_is_per_exercise_round(round_) -> None:
    view, _, _ = round_
    view.set_exercise("en-dialogue-01")
    assert view.gallery.rowCount() == 0
    view.set_exercise(EXERCISE)
    assert view.gallery.rowCount() == 3


def _visible_texts(view: SessionsView) -> list[str]:
    texts: list[str] = []
    for widget in view.findChildren(QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    for table in view.findChildren(QTableWidget):
        texts += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount()) if table.item(r, c)]
    for combo in view.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for label in view.findChildren(QLabel):
        texts.append(label.text())
    for dialog in view.compare_dialogs:
        texts.append(dialog.windowTitle())
    for dialog in view.large_dialogs:
        texts += [dialog.windowTitle(), dialog.name_label.text(), dialog.editor.accessibleName()]
    for dialog, progress in view.progress_dialogs:
        texts += [dialog.windowTitle(), progress.header.text()]
    return texts


def test_projecting_hides_every_display_name(round_, store: Store) -> None:
    view, _, _ = round_
    sid = view.current_session_id()
    view.select_attempts([a.draft_id for a in store.session_attempts(sid)][:2])
    view.compare_selected()
    anna_attempt = next(a for a in store.session_attempts(sid) if a.participant == "Anna Becker")
    view.select_attempts([anna_attempt.draft_id])
    view.open_selected()
    anna = next(p for p in store.participants(sid) if p.display_name == "Anna Becker")
    view.show_progress(anna.id)
    before = "\n".join(_visible_texts(view))
    assert "Anna Becker" in before
    view.set_projecting(True)
    shown = "\n".join(_visible_texts(view))
    neutral = {f"Participant {i + 1}" for i in range(len(store.participants(sid)))}
    for p in store.participants(sid):
        assert p.display_name.casefold() not in shown.casefold()
        assert view.shown_name(p) in neutral and view.shown_name(p) in shown
    gallery_names = {row[0] for row in view.gallery_rows()}
    assert gallery_names <= neutral
    view.set_projecting(False)
    assert "Anna Becker" in "\n".join(_visible_texts(view))


def test_compare_needs_two_rows_and_shows_analyze_deltas(round_, store: Store) -> None:
    view, _, _ = round_
    assert not view.compare_button.isEnabled()
    view.gallery.selectRow(0)
    assert not view.compare_button.isEnabled()
    ids = [a.draft_id for a in view.round_attempts()][:2]
    view.select_attempts(ids)
    assert view.compare_button.isEnabled()
    first, second = view.selected_draft_ids()
    view.compare_button.click()
    dialog = view.compare_dialogs[-1]
    comparison = dialog.compare_view.comparison()
    before = _expected(store.get_draft(first).text)
    after = _expected(store.get_draft(second).text)
    assert comparison.deltas == {d: after.score(d) - before.score(d) for d in DIMENSIONS}
    assert dialog.compare_view.original_edit.toPlainText() == store.get_draft(first).text


def test_add_attempt_and_progress_view_counts_attempts(round_, store: Store, qtbot) -> None:
    view, _, _ = round_
    sid = view.current_session_id()
    anna = next(p for p in store.participants(sid) if p.display_name == "Anna Becker")
    view.set_exercise("de-frage-01")
    view.add_attempt(anna.id, "Was wächst bei euch im Garten am besten? Schreibt es uns!")
    assert view.gallery.rowCount() == 1
    progress = ProgressView(store)
    qtbot.addWidget(progress)
    progress.set_participant(anna.id)
    assert progress.point_count() == len(store.participant_history(anna.id)) == 2
    assert progress.labels == ["Vom Monolog zum Gespräch", "Echte Frage statt rhetorischer Frage"]
    assert "Anna Becker" in progress.header.text()
    progress.set_projecting(True)
    assert "Anna Becker" not in progress.header.text() and "Participant 1" in progress.header.text()
    clara = next(p for p in store.participants(sid) if p.display_name == "Clara Weiss")
    progress.set_participant(clara.id)
    assert progress.point_count() == 0


def test_accessible_names_and_buttons_enabled(view: SessionsView) -> None:
    assert not view.right_panel.isEnabled()
    view.create_session("workshop", "W", "2026-01-01")
    assert view.right_panel.isEnabled()
    assert not view.add_attempt_button.isEnabled()
    view.add_participant("X")
    assert view.add_attempt_button.isEnabled()
    for w in (view.session_list, view.participant_list, view.gallery, view.exercise_combo, view.new_session_button,
              view.add_participant_button, view.add_attempt_button, view.import_button, view.compare_button):
        assert w.accessibleName()


def test_screenshot_of_gallery(round_) -> None:
    view, _, _ = round_
    view.sort_by("dialogue")
    assert not view.compare_button.isEnabled() and not view.progress_button.isEnabled()
    view.grab().save("/tmp/sessions_gallery.png")
    view.set_projecting(True)
    view.grab().save("/tmp/sessions_gallery_projecting.png")


def test_the_window_opens_sessions_and_projects_pseudonyms(qtbot, tmp_path) -> None:
    from resonanz.core.storage.store import Store
    from resonanz.gui.editor.main_window import MainWindow

    window = MainWindow(store=Store(tmp_path / "w.db"))
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    dialog = window.show_sessions()
    view = dialog.view
    view.create_session("workshop", "Workshop Stadtwerke", __import__("datetime").date(2026, 11, 22))
    view.add_participant("Anna Becker", "Teilnehmer:in A")
    window.toggle_presentation()
    assert view.is_projecting()
    window.toggle_presentation()
    assert not view.is_projecting()
    dialog.close()
