"""Report export from the GUI (issue #5): the editor, the participant view and the session view.

Driven the way a person does it: type a draft, press Ctrl+E, look at the preview, pick a format,
press Export. The operating system's file dialog is the one thing replaced (a monkeypatched
QFileDialog.getSaveFileName that records the folder it was opened in and answers with a path):
a native modal dialog cannot be driven offscreen. Everything else is real: Store, Qt, the PDF
(checked with poppler's pdfinfo/pdftotext).
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from resonanz.core.reports.builders import draft_sheet
from resonanz.core.reports.csv import to_csv
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.storage.store import Store
from resonanz.gui.reports.export import ExportDialog, file_stem
from resonanz.gui.editor.main_window import MainWindow
from resonanz.gui.coaching.sessions import SessionsView
from resonanz.gui.app.settings import open_settings

from ..typing_helpers import type_text
from ..windows import open_window

POST = "Wir freuen uns über unser neues Angebot für Vereine. Was würdet ihr als Erstes ausprobieren?"
BETTER = " Schreibt es uns in die Kommentare – wir antworten jedem!"


class SaveAs:
    """Stands in for the OS file dialog: remembers where it opened and answers with `answer`."""

    def __init__(self, answer: Path | None) -> None:
        self.answer, self.opened_at = answer, []

    def __call__(self, _parent, _caption, start, _filter):
        self.opened_at.append(start)
        return (str(self.answer) if self.answer else "", "")


@pytest.fixture
def window(qtbot, store):
    return open_window(qtbot, store)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def export_from_editor(qtbot, window: MainWindow) -> ExportDialog:
    window.editor.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window._export_dialog, ExportDialog) and window._export_dialog.isVisible(), timeout=5000)
    return window._export_dialog


def test_ctrl_e_previews_the_draft_on_screen_and_saves_it_as_a_revision(qtbot, window: MainWindow, store: Store) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, POST)
    dialog = export_from_editor(qtbot, window)
    preview = dialog.preview.toPlainText()
    assert "Was würdet ihr als Erstes ausprobieren?" in preview  # the text as typed, umlauts included
    assert dialog.report.title.startswith("Entwurfsblatt") or dialog.report.title.startswith("Draft sheet")
    revisions = store.revisions(window.keeper.draft_id)
    assert revisions[-1].text == POST and revisions[-1].scores is not None
    # a second export of the unchanged text adds no revision; a changed text adds one
    dialog.close()
    export_from_editor(qtbot, window).close()
    assert len(store.revisions(window.keeper.draft_id)) == len(revisions)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window.editor, BETTER)
    dialog = export_from_editor(qtbot, window)
    assert len(store.revisions(window.keeper.draft_id)) == len(revisions) + 1
    assert "wir antworten jedem" in dialog.preview.toPlainText()


def test_export_button_writes_a_pdf_and_remembers_the_folder(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, POST)
    dialog = export_from_editor(qtbot, window)
    dialog.set_format("pdf")
    folder = tmp_path / "Berichte für Kunden"
    folder.mkdir()
    save_as = SaveAs(folder / "blatt")  # no suffix typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = folder / "blatt.pdf"
    assert signal.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    pages = pdf_pages(out)
    assert pages >= 1 and seen and seen[-1] == (pages, pages)  # the bar ended at the last page
    text = pdf_text(out)
    assert "Was würdet ihr als Erstes ausprobieren?" in text
    assert "blatt.pdf" in dialog.status.text()
    assert "Report saved" in window.statusBar().currentMessage() or "blatt.pdf" in window.statusBar().currentMessage()
    # the next export starts in that folder, with a file name made from the title
    dialog.set_format("md")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", again := SaveAs(None))
    assert dialog.choose_file_and_export() is None  # the user cancelled the file dialog: nothing written
    assert Path(again.opened_at[0]).parent == folder.resolve()
    assert again.opened_at[0].endswith(".md")
    assert Path(str(open_settings().value("report_folder"))) == folder.resolve()


@pytest.mark.parametrize("fmt", ["html", "md", "csv"])
def test_text_formats_are_the_renderers_output(qtbot, window: MainWindow, tmp_path: Path, fmt: str, store: Store) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, POST)
    dialog = export_from_editor(qtbot, window)
    out = dialog.export_to(tmp_path / f"r.{fmt}", fmt)
    assert out == tmp_path / f"r.{fmt}"
    body = out.read_text(encoding="utf-8")
    if fmt == "md":
        assert body == to_markdown(dialog.report)
    elif fmt == "csv":
        assert body.replace("\r\n", "\n") == to_csv(dialog.report).replace("\r\n", "\n")
        # a draft sheet: the raw scores, then one row per finding with its rule's evidence (pinned in conftest.py)
        assert body.splitlines()[0] == "id,name,created_at,dialogue,shareability,clarity,platform_fit,rule,finding,evidence_grade,evidence"
        rows = [line.split(",") for line in body.splitlines()[1:]]
        assert any(r[7] for r in rows) and all(r[-1] for r in rows if r[7])  # every finding row has its evidence
    else:
        assert body.startswith("<!DOCTYPE html>") and "Was würdet ihr" in body
    assert not list(tmp_path.glob(".r.*.tmp"))


def test_report_language_switch_rebuilds_the_preview(qtbot, window: MainWindow) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, POST)
    dialog = export_from_editor(qtbot, window)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    assert "Die drei nützlichsten nächsten Schritte" in dialog.preview.toPlainText()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert "The three most useful next steps" in dialog.preview.toPlainText()
    assert dialog.report.language == "en"


def test_a_failed_write_says_why_and_leaves_nothing(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.editor.setFocus()
    type_text(qtbot, window.editor, POST)
    dialog = export_from_editor(qtbot, window)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    target = tmp_path / "missing-folder" / "x.html"
    assert dialog.export_to(target, "html") is None
    assert warnings and str(target) in warnings[0] and "\n" not in warnings[0]
    assert not (tmp_path / "missing-folder").exists()
    assert dialog.export_button.isEnabled() and not dialog.progress.isVisible()


def test_cancel_during_a_pdf_export_writes_no_file(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.editor.setFocus()
    type_text(qtbot, window.editor, POST * 30)  # several pages
    dialog = export_from_editor(qtbot, window)
    dialog.progress.valueChanged.connect(lambda v: dialog.cancel_button.click() if v >= 1 else None)
    out = tmp_path / "cancelled.pdf"
    assert dialog.export_to(out, "pdf") is None
    assert not out.exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))
    assert "cancelled" in dialog.status.text().lower() or "abgebrochen" in dialog.status.text().lower()


def test_empty_editor_has_nothing_to_report(qtbot, window: MainWindow) -> None:
    window.editor.clear()
    assert window.export_report() is None
    assert window._export_dialog is None


# ---------------------------------------------------------------------- sessions and participants


@pytest.fixture
def workshop(qtbot, store: Store):
    view = SessionsView(store)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    sid = view.create_session("workshop", "Workshop Nachbarschaftshilfe", date(2026, 11, 20), "Viele gute Fragen.")
    people = [view.add_participant(n) for n in ("Jana Krüger", "Olaf Meier")]
    view.set_exercise("de-dialog-01")
    view.add_attempt(people[0], "Unser Nachbarschaftscafé öffnet am Samstag. Wir freuen uns.")
    view.add_attempt(people[1], "Samstag öffnet unser Nachbarschaftscafé! Wen würdet ihr gern mal auf einen Kaffee treffen?")
    return view, sid, people


def test_session_view_exports_the_workshop_summary_with_pseudonyms_when_projecting(qtbot, workshop, tmp_path: Path) -> None:
    view, sid, _people = workshop
    assert view.session_report_button.isEnabled()
    qtbot.mouseClick(view.session_report_button, Qt.MouseButton.LeftButton)
    dialog = view.export_dialogs[-1]
    assert dialog.kind == "session" and dialog.item_id == sid
    assert "Jana Krüger" in dialog.preview.toPlainText()  # the coach's own view shows names
    view.set_projecting(True)
    projected = view.export_session_report()
    assert projected.pseudonyms_check.isChecked()
    text = projected.preview.toPlainText()
    assert "Jana Krüger" not in text and "Olaf Meier" not in text
    out = projected.export_to(tmp_path / "workshop.pdf", "pdf")
    body = pdf_text(out)
    assert "Jana Krüger" not in body and "Nachbarschaftshilfe" in body


def test_participant_report_from_the_list_and_from_the_progress_window(qtbot, workshop, tmp_path: Path) -> None:
    view, _sid, people = workshop
    assert not view.participant_report_button.isEnabled()
    view.participant_list.setCurrentRow(1)
    assert view.participant_report_button.isEnabled()
    qtbot.mouseClick(view.participant_report_button, Qt.MouseButton.LeftButton)
    dialog = view.export_dialogs[-1]
    assert dialog.kind == "participant" and dialog.item_id == people[1]
    assert "Olaf Meier" in dialog.preview.toPlainText()
    progress = view.show_progress(people[0])
    button = progress.report_button
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.export_dialogs[-1].item_id == people[0]
    out = view.export_dialogs[-1].export_to(tmp_path / "fortschritt.html", "html")
    assert "Jana Krüger" in out.read_text(encoding="utf-8")


def test_file_stem_is_safe() -> None:
    assert file_stem("Entwurfsblatt: Grüße/aus <Köln>") == "Entwurfsblatt-Grüße-aus-Köln"
    assert file_stem("../../etc/passwd") == "etc-passwd"
    assert file_stem("***") == "report"


def test_dialog_rejects_unknown_kind(qtbot, store: Store) -> None:
    with pytest.raises(ValueError, match="report kind"):
        ExportDialog(store, "invoice", 1, open_settings())
