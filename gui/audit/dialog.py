"""File › Page audit…: choose a page's export, run the audit, read it, keep it, export it.

The window: the export file, the platform and language its posts are scored for, Run; while it
runs a progress bar with the time left and Cancel; then the result (`view.AuditView`). An export
whose layout Resonanz does not know asks which column is what (`MappingDialog`) and runs again.
Every finished audit is stored in the database (`store.audits`), so `resonanz report audit ID`
and the Export button give the same report later; a double-click on a post opens it as a new
draft in the editor (`openPost`).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.audit.importers import header_columns
from resonanz.gui.audit.runner import AuditRunner, Background
from resonanz.gui.audit.view import AuditView

#: the fields a mapping may name, with what the person sees
_FIELDS = ("text", "date", "comments", "shares", "reactions", "impressions", "clicks")


class MappingDialog(QDialog):
    """Which column holds the text, the date and each count; the text column is required."""

    def __init__(self, columns: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which column is what?"))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        names = {"text": self.tr("Post text"), "date": self.tr("Date"), "comments": self.tr("Comments"), "shares": self.tr("Shares / reposts"),
                 "reactions": self.tr("Reactions / likes"), "impressions": self.tr("Impressions / reach"), "clicks": self.tr("Link clicks")}
        for name in _FIELDS:
            combo = QComboBox(self)
            combo.addItem(self.tr("(none)"), "")
            for column in columns:
                combo.addItem(column, column)
            guess = next((c for c in columns if c.strip().lower() in (name, names[name].lower())), "")
            combo.setCurrentIndex(max(0, combo.findData(guess)))
            combo.currentIndexChanged.connect(self._check)
            self.combos[name] = combo
            form.addRow(names[name], combo)
        self.note = QLabel(self.tr("Resonanz does not know this export's layout. Say which column is what; only the text is required."), self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.combos["text"].currentData()))

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}


class AuditDialog(QDialog):
    """The page audit window (non-modal)."""

    openPost = Signal(str)  # noqa: N815
    saved = Signal(int)  # the stored audit's id

    def __init__(self, store=None, settings=None, language: str = "de", parent: QWidget | None = None, workers: int | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings, self.language = store, settings, language
        self.audit_id: int | None = None
        self.result: dict | None = None
        self.mapping: dict[str, str] | None = None
        self._started = 0.0
        self.runner = AuditRunner(self, workers=workers)
        self.path_edit = QLineEdit(self)
        self.choose_button = QPushButton(self)
        self.platform_combo = QComboBox(self)
        from resonanz.core.analysis.platforms import load_profiles

        for pid, profile in load_profiles().items():
            self.platform_combo.addItem(profile.name, pid)
        self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData("facebook")))
        self.language_combo = QComboBox(self)
        for code in ("auto", "de", "en"):
            self.language_combo.addItem("", code)
        self.session_combo = QComboBox(self)  # link the audit to a client's coaching session, if chosen
        self.session_combo.addItem("", None)
        for session in (store.list_sessions() if store is not None else []):
            self.session_combo.addItem(f"{session.title} · {session.date}", session.id)
        self.session_label = QLabel(self)
        self.run_button = QPushButton(self)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.view = AuditView(self)
        self.view.setVisible(False)
        self.view.openPost.connect(self.openPost)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.calibrate_button = QPushButton(self)
        self.calibrate_button.setEnabled(False)
        self.calibration = None  # the last Calibration (resonanz.core.audit.calibrate)
        self._fitting = Background(self)
        self._fitting.done.connect(self._calibrated)
        self._fitting.failed.connect(self._failed_calibration)
        self.close_button = QPushButton(self)
        self.file_label, self.platform_label, self.language_label = QLabel(self), QLabel(self), QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.file_label, row)
        form.addRow(self.platform_label, self.platform_combo)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.session_label, self.session_combo)
        run_row = QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.run_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.calibrate_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addLayout(run_row)
        box.addWidget(self.status)
        box.addWidget(self.view, 1)
        box.addLayout(bottom)
        self.choose_button.clicked.connect(self.choose_file)
        self.run_button.clicked.connect(lambda: self.run())
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.export_button.clicked.connect(self.export_report)
        self.calibrate_button.clicked.connect(self.calibrate)
        self.close_button.clicked.connect(self.close)
        self.path_edit.textChanged.connect(self._path_changed)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.resize(1100, 760)
        self.retranslate()
        self._path_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Page audit"))
        self.file_label.setText(self.tr("&Export file:"))
        self.file_label.setBuddy(self.path_edit)
        self.path_edit.setPlaceholderText(self.tr("A page's export: Meta, LinkedIn, X, Mastodon, Bluesky or any CSV"))
        self.choose_button.setText(self.tr("C&hoose…"))
        self.platform_label.setText(self.tr("&Platform:"))
        self.platform_label.setBuddy(self.platform_combo)
        self.language_label.setText(self.tr("&Language of the posts:"))
        self.language_label.setBuddy(self.language_combo)
        self.session_label.setText(self.tr("Client / &session:"))
        self.session_label.setBuddy(self.session_combo)
        self.session_combo.setItemText(0, self.tr("(none)"))
        for i, text in enumerate((self.tr("Detect per post"), self.tr("German"), self.tr("English"))):
            self.language_combo.setItemText(i, text)
        self.run_button.setText(self.tr("&Run audit"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("E&xport report…"))
        self.calibrate_button.setText(self.tr("&Calibrate to this audience…"))
        self.calibrate_button.setToolTip(self.tr("Fit how much each signal counts for this page on its older posts, and test it on the newer ones"))
        self.close_button.setText(self.tr("Close"))
        if not self.status.text():
            self.status.setText(self.tr("Nothing leaves this computer: the export is read and scored here."))
        self.view.retranslate()

    # ------------------------------------------------------------------ running

    def _path_changed(self) -> None:
        self.mapping = None
        self.run_button.setEnabled(bool(self.path_edit.text().strip()) and not self.runner.running)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a page export"), "",
                                              self.tr("Exports (*.csv *.xlsx *.json *.zip);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def run(self, mapping: dict[str, str] | None = None) -> None:
        """Start the audit of the chosen file (with a column mapping, if given)."""
        if mapping is not None:
            self.mapping = mapping
        self._started = time.monotonic()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.run_button.setEnabled(False)
        # the shown result is about to be replaced: no calibrating or exporting it while the new one runs
        self.calibrate_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Reading the export…"))
        writable = self.store is not None and not getattr(self.store, "readonly", False) and getattr(self.store, "path", None) is not None
        self.runner.start(self.path_edit.text().strip(), self.mapping, self.platform_combo.currentData(), self.language_combo.currentData(),
                          save_to=self.store.path if writable else None, session_id=self.session_combo.currentData())

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        elapsed = time.monotonic() - self._started
        left = elapsed / done * (total - done) if done else 0
        # counted in the UI language: "1 of 1 post", and 1.000 (German) or 1,000 (English)
        number = self.view.ui_locale().toString
        self.status.setText(self.tr("Scored %1 of %n post(s)", "", total).replace(str(total), number(total)).replace("%1", number(done))
                            + ", " + self.tr("about %1 s left").replace("%1", number(round(left))))

    def _stopped(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.run_button.setEnabled(bool(self.path_edit.text().strip()))
        # cancelled or failed: the result still shown may be calibrated and exported again
        self.calibrate_button.setEnabled(self.result is not None and not self._fitting.running)
        self.export_button.setEnabled(self.audit_id is not None)

    def _finished(self, result: dict, info: dict) -> None:
        self.audit_id = None  # Export is for the result shown, and only once it is saved
        self._stopped()
        self.result = result
        self.calibration = None
        self.calibrate_button.setEnabled(True)
        self.view.set_result(result)
        self.view.setVisible(True)
        skipped = info.get("skipped") or []
        text = (self.tr("%1: %n post(s) audited", "", int(result.get("n_posts", 0))).replace("%1", info.get("source", ""))
                + " " + self.tr("(%1 export).").replace("%1", info.get("format", "")))
        if skipped:
            word = self.tr("line")
            first = "; ".join(f"{word} {line}: {reason}" for line, reason in skipped[:3])
            text += " " + self.tr("%n row(s) skipped (%1).", "", len(skipped)).replace("%1", first)
        if info.get("audit_id") is not None:
            self.audit_id = int(info["audit_id"])
            self.export_button.setEnabled(True)
            self.saved.emit(self.audit_id)
            text += " " + self.tr("Saved as audit %1.").replace("%1", str(self.audit_id))
        elif info.get("save_error"):
            text += " " + self.tr("Not saved: %1").replace("%1", info["save_error"])
        self.status.setText(text)

    def _failed(self, message: str) -> None:
        self._stopped()
        if "--map" in message and self.mapping is None:
            try:
                columns = header_columns(self.path_edit.text().strip())
            except Exception:  # noqa: BLE001 - the original message says more than a second failure
                columns = []
            if columns:
                dialog = MappingDialog(columns, self)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    self.run(dialog.mapping())
                    return
        self.status.setText(message)

    # ------------------------------------------------------------------ calibration (opt-in)

    def calibrate(self) -> None:
        """Fit rule weights for this audience off the UI thread; the answer comes as a question."""
        if self.result is None or self._fitting.running:
            return
        from resonanz.core.audit.calibrate import calibrate, samples_from_audit

        result, platform, language = self.result, self.platform_combo.currentData(), self.language_combo.currentData()
        self.calibrate_button.setEnabled(False)
        self.status.setText(self.tr("Fitting on the older posts, testing on the newer ones…"))
        self._fitting.start(lambda: calibrate(samples_from_audit(result, platform=platform, language=language)))

    def _failed_calibration(self, message: str) -> None:
        self.calibrate_button.setEnabled(True)
        self.status.setText(message)

    def _calibrated(self, found) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.calibration = found
        self.calibrate_button.setEnabled(True)
        rho = self.view.number  # the UI language's decimal comma or point
        lines = [self.tr("%1 and %2 on the %3 newest posts: defaults ρ %4, calibrated ρ %5")
                 .replace("%1", self.view.feature_name(f.dimension)).replace("%2", self.view.outcome_name(f.outcome))
                 .replace("%3", str(f.n_test)).replace("%4", rho(f.rho_default, True)).replace("%5", rho(f.rho_calibrated, True)) for f in found.tried]
        if not found.offered:
            self.status.setText(self.tr("No calibration offered: it does not clearly beat Resonanz's defaults on the newer posts, or there are too few posts."))
            QMessageBox.information(self, self.tr("Calibrate to this audience"), "\n".join(
                [self.tr("Resonanz keeps its defaults for this page."), *lines, "", *map(self.why_not, found.why)]))
            return
        target = self.calibration_path()
        answer = QMessageBox.question(self, self.tr("Calibrate to this audience"), "\n".join(
            [self.tr("On this page's newer posts, the calibrated weights predict better than the defaults:"), *lines, "",
             self.tr("Save them as a rule file that you can read, edit or delete?"), str(target)]),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            self.save_calibration(target)

    def why_not(self, why: tuple[str, str, dict]) -> str:
        """One reason the calibration offers nothing for a score, in the UI language."""
        dimension, kind, f = why
        name = self.view.feature_name(dimension)
        if kind == "too_few":
            return (name + ": " + self.tr("%n post(s) with %1", "", int(f["posts"])).replace("%1", self.view.outcome_name(f["outcome"]))
                    + " " + self.tr("(it needs %1 to fit and %2 newer ones to test).").replace("%1", str(f["min_train"])).replace("%2", str(f["min_test"])))
        if kind == "no_change":
            return self.tr("%1: the defaults already fit these posts (no weight moved).").replace("%1", name)
        return (self.tr("%1: on the newer posts the calibration does not clearly beat the defaults (ρ %2 against %3, n = %4).")
                .replace("%1", name).replace("%2", self.view.number(f["rho_calibrated"], True))
                .replace("%3", self.view.number(f["rho_default"], True)).replace("%4", str(f["n"])))

    def calibration_path(self) -> Path:
        from resonanz.core.audit.calibrate import calibration_path

        return calibration_path(Path(self.path_edit.text().strip()).stem) or calibration_path("audience")

    def save_calibration(self, target: Path) -> Path:
        """Write the offered calibration as a user rule file (atomically); the engine uses it from now on."""
        from resonanz.core.audit.calibrate import write_calibration

        write_calibration(self.calibration, target, client=target.stem, source=Path(self.path_edit.text().strip()).name,
                          language=(self.result or {}).get("language") or "de")
        self.status.setText(self.tr("Calibration saved: %1 (delete it to go back to the defaults).").replace("%1", str(target)))
        return target

    def _cancelled(self) -> None:
        self._stopped()
        self.status.setText(self.tr("Audit cancelled: nothing was saved."))

    def export_report(self) -> QDialog | None:
        if self.audit_id is None:
            return None
        from resonanz.gui.reports.export import ExportDialog

        dialog = ExportDialog(self.store, "audit", self.audit_id, self.settings, self.language, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.runner.shutdown()
        self._fitting.wait()
        super().closeEvent(event)
