"""Exercise library, targets box, "My drafts" and their integration in the main window (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from resonanz.core.exercises.library import builtin_exercises, evaluate, targets_met
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.drafts_view import DraftsView
from resonanz.gui.coaching.exercise_browser import ExerciseBrowser
from resonanz.gui.editor.main_window import MainWindow
from resonanz.gui.coaching.targets import TargetsBox

from ..typing_helpers import type_text
from ..windows import open_window

# a real answer to en-question-01 ("one real question whose answer the club needs")
GOOD_ANSWER = (
    "Walking football at Millbrook Rovers FC: every Wednesday at 10 am, slow pace, no tackles. "
    "What time of day would suit you best for a second session? Tell us in the replies."
)


@pytest.fixture
def browser(qtbot, store):
    b = ExerciseBrowser(store)
    qtbot.addWidget(b)
    return b


@pytest.fixture
def window(qtbot, store):
    return open_window(qtbot, store)


def exercise(ex_id: str):
    return next(e for e in builtin_exercises() if e.id == ex_id)


def analysed(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=5000)


# ---------------------------------------------------------------- browser


def test_browser_puts_the_builtins_in_the_store_and_lists_them(browser, store) -> None:
    assert len(store.list_exercises()) == 32
    assert browser.list.count() == 32
    assert {e.id for e in browser.exercises()} == {e.id for e in builtin_exercises()}
    ExerciseBrowser(store).deleteLater()  # a second browser adds nothing
    assert len(store.list_exercises()) == 32


def test_search_finds_the_german_dead_end_exercises(qtbot, browser) -> None:
    qtbot.keyClicks(browser.search, "Sackgasse")
    ids = {e.id for e in browser.exercises()}
    # only de-sackgasse-01 has the word in its title/goal/text (de-sackgasse-02 never says "Sackgasse")
    assert "de-sackgasse-01" in ids
    assert all(i.startswith("de-") for i in ids)
    browser.search.clear()
    assert browser.list.count() == 32


def test_filters(browser) -> None:
    browser.language_combo.setCurrentIndex(browser.language_combo.findData("en"))
    assert browser.list.count() == 16
    assert all(e.language == "en" for e in browser.exercises())
    browser.topic_combo.setCurrentIndex(browser.topic_combo.findData("dead-end"))
    assert {e.id for e in browser.exercises()} == {"en-dead-end-01", "en-dead-end-02"}
    browser.language_combo.setCurrentIndex(0)
    browser.topic_combo.setCurrentIndex(0)
    browser.platform_combo.setCurrentIndex(browser.platform_combo.findData("bluesky"))
    assert browser.list.count() >= 1
    assert all(e.platform == "bluesky" for e in browser.exercises())


def test_rendered_exercise_is_safe_and_never_navigates(browser) -> None:
    assert browser.select("en-question-01")
    html = browser.view.toHtml()
    assert exercise("en-question-01").title in browser.view.toPlainText()
    assert "<script" not in html.lower()
    assert not browser.view.openLinks() and not browser.view.openExternalLinks()
    assert browser.list.accessibleName() and browser.search.accessibleName() and browser.start_button.accessibleName()


def test_start_emits_the_exercise(qtbot, browser) -> None:
    browser.select("de-dialog-01")
    with qtbot.waitSignal(browser.started, timeout=1000) as blocker:
        browser.start_button.click()
    assert blocker.args[0].id == "de-dialog-01"
    assert blocker.args[0].starting_draft == exercise("de-dialog-01").starting_draft


# ---------------------------------------------------------------- targets box


def test_targets_box_ticks(qtbot) -> None:
    box = TargetsBox()
    qtbot.addWidget(box)
    ex = exercise("en-question-01")
    box.set_exercise(ex)
    assert not box.isHidden()
    assert box.met() == {"dialogue": False}
    assert box.row_texts()[0].startswith("○")
    box.update_result(evaluate(ex, GOOD_ANSWER))
    assert box.met() == {"dialogue": True}
    assert box.row_texts()[0].startswith("✔") and "65" in box.row_texts()[0]
    box.set_exercise(None)
    assert box.isHidden()


# ---------------------------------------------------------------- main window


def test_start_exercise_and_reach_the_target(qtbot, window, store) -> None:
    ex = exercise("en-question-01")
    assert targets_met(ex, evaluate(ex, GOOD_ANSWER)) == {"dialogue": True}  # the test text is good enough
    assert window.targets.isHidden()
    draft_id = window.start_exercise(ex)
    assert window.editor.toPlainText() == ex.starting_draft
    assert window.platform == ex.platform == window.panel.platform()
    assert window.language == "en" == window.panel.language_choice()
    draft = store.get_draft(draft_id)
    assert draft.exercise_id == ex.id and draft.platform == ex.platform and draft.language == "en"
    assert not window.targets.isHidden()
    analysed(qtbot, window)
    assert window.targets.met() == {"dialogue": False}
    window.editor.setPlainText(GOOD_ANSWER)
    analysed(qtbot, window)
    qtbot.waitUntil(lambda: window.targets.met() == {"dialogue": True}, timeout=5000)
    assert window.targets.row_texts()[0].startswith("✔")
    window.load_text("something else")
    assert window.targets.isHidden()


def test_exercise_library_dialog_starts_an_exercise(qtbot, window) -> None:
    dialog = window.show_exercises()
    view = dialog.view
    assert view.select("de-sackgasse-01")
    view.start_button.click()
    assert window.exercise.id == "de-sackgasse-01"
    assert window.editor.toPlainText() == exercise("de-sackgasse-01").starting_draft
    assert window.language == "de"
    assert not dialog.isVisible()


def test_actions_disabled_without_a_store(qtbot) -> None:
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    assert not w.act_drafts.isEnabled() and not w.act_exercises.isEnabled()
    assert w.show_drafts() is None and w.show_exercises() is None


def test_open_draft_loads_it(qtbot, window, store) -> None:
    first = store.create_draft(text="Erster Entwurf mit Text.", title="Eins", language="de", platform="linkedin")
    window.load_text("Anderer Text")
    assert window.open_draft(first)
    assert window.editor.toPlainText() == "Erster Entwurf mit Text."
    assert window.keeper.draft_id == first
    assert not window.editor.document().isModified()
    window.editor.setPlainText("Erster Entwurf, geändert.")
    window.keeper.flush()
    assert store.get_draft(first).text == "Erster Entwurf, geändert."


# ---------------------------------------------------------------- drafts view


def test_drafts_view(qtbot, monkeypatch, store) -> None:
    a = store.create_draft(text="Sommerfest im Juli\nmit Grill", title="", language="de", platform="linkedin")
    b = store.create_draft(text="Product launch next week", title="Launch", language="en", platform="linkedin")
    view = DraftsView(store)
    qtbot.addWidget(view)
    assert set(view.draft_ids()) == {a, b}
    titles = [row[0] for row in view.rows()]
    assert sorted(titles) == ["Launch", "Sommerfest im Juli"]

    qtbot.keyClicks(view.search, "Sommerfest")
    assert view.draft_ids() == [a]
    view.search.clear()

    with qtbot.waitSignal(view.openRequested, timeout=1000) as blocker:
        view.select(b)
        view.open_button.click()
    assert blocker.args == [b]

    view.select(a)
    copy = view.duplicate_selected()
    assert copy not in (a, b) and set(view.draft_ids()) == {a, b, copy}

    view.select(a)
    view.delete_button.click()
    assert set(view.draft_ids()) == {b, copy}
    view.trash_button.click()
    assert view.draft_ids() == [a]
    assert not view.restore_button.isHidden() and view.open_button.isHidden()
    view.restore_button.click()
    assert view.draft_ids() == []
    view.trash_button.click()
    assert set(view.draft_ids()) == {a, b, copy}

    view.select(copy)
    view.delete_selected()
    view.trash_button.setChecked(True)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kw: asked.append(args) or QMessageBox.StandardButton.Yes))
    view.empty_button.click()
    assert asked and view.draft_ids() == [] and store.list_trash() == []
    assert {d.id for d in store.list_drafts()} == {a, b}


def test_drafts_dialog_opens_a_draft(qtbot, window, store) -> None:
    window.load_text("Aktueller Text")
    other = store.create_draft(text="Der andere Entwurf.", title="Anders", language="de", platform="linkedin")
    dialog = window.show_drafts()
    assert dialog.view.select(other)
    dialog.view.open_button.click()
    assert window.editor.toPlainText() == "Der andere Entwurf."
    assert not dialog.isVisible()


def test_deleting_the_open_draft_stops_autosaving_into_it(qtbot, window, store) -> None:
    """The open draft goes to the trash with everything typed so far; the editor starts an empty
    draft, and later typing no longer lands in the trashed one."""
    window.load_text("")  # as the app does at start: the editor always has a draft in the database
    window.editor.setFocus()
    type_text(qtbot, window.editor, "Unser Kiezfest ist am Samstag.")
    opened = window.keeper.draft_id
    dialog = window.show_drafts()
    assert dialog.view.select(opened)
    dialog.view.delete_button.click()
    assert [d.id for d in store.list_trash()] == [opened]
    assert store.get_draft(opened).text == "Unser Kiezfest ist am Samstag."  # nothing typed was lost
    assert window.keeper.draft_id not in (None, opened) and window.editor.toPlainText() == ""
    assert "trash" in window.statusBar().currentMessage().lower() or "papierkorb" in window.statusBar().currentMessage().lower()
    type_text(qtbot, window.editor, "Neuer Text")
    window.keeper.flush()
    assert store.get_draft(opened).text == "Unser Kiezfest ist am Samstag."
    assert store.get_draft(window.keeper.draft_id).text == "Neuer Text"


def test_a_pack_exported_from_the_library_imports_into_another(qtbot, tmp_path) -> None:
    from resonanz.core.storage.store import Store
    from resonanz.gui.coaching.exercise_browser import ExerciseBrowser

    source = ExerciseBrowser(Store(tmp_path / "a.db"))
    qtbot.addWidget(source)
    source.language_combo.setCurrentIndex(source.language_combo.findData("en"))
    pack = tmp_path / "english.resonanzpack"
    assert source.export_pack_file(pack) == 16
    # a facilitator's own pack: the ids are the built-in ones, now from a pack
    target_store = Store(tmp_path / "b.db")
    target = ExerciseBrowser(target_store)
    qtbot.addWidget(target)
    assert target.import_pack_file(pack) == 16
    assert target_store.get_exercise("en-question-01").source == "pack:english"


def test_a_malicious_pack_imports_nothing(qtbot, tmp_path) -> None:
    import zipfile

    import pytest

    from resonanz.core.exercises.packs import PackError
    from resonanz.core.storage.store import Store
    from resonanz.gui.coaching.exercise_browser import ExerciseBrowser

    bad = tmp_path / "evil.resonanzpack"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.toml", 'name = "evil"\nversion = 1\nauthor = "x"\ncreated = "2026-11-22"\n')
        zf.writestr("../../escape.md", "+++\n+++\n")
    store = Store(tmp_path / "c.db")
    browser = ExerciseBrowser(store)
    qtbot.addWidget(browser)
    before = len(store.list_exercises())
    with pytest.raises(PackError):
        browser.import_pack_file(bad)
    assert len(store.list_exercises()) == before
    assert not (tmp_path.parent / "escape.md").exists()
