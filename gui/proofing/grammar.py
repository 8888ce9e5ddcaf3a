"""Spelling and grammar in the editor: LanguageTool (local or server) or the offline dictionary.

`GrammarService` wraps resonanz.core.proofing.grammar for the window: the checks run on the scheduler's
own thread (debounced, one at a time, newest text wins, retried while LanguageTool is
unavailable), results and state changes come back to the UI thread as Qt signals. Typing never
waits for a check. The choice lives in settings.ini under [grammar]; the default is off (only the
offline dictionary, nothing leaves the computer).

`GrammarSettingsDialog` is Settings → Spelling and grammar…: the three modes, the LanguageTool
folder or server address, the offline dictionary, and a plain line on what leaves the computer.
Choosing a server the user was not told about yet asks first (core.grammar.server_notice).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.proofing.grammar import GrammarChecker
from resonanz.core.proofing.grammar_model import (
    MODES,
    PUBLIC_SERVER,
    GrammarSettings,
    GrammarState,
    GrammarStatus,
    needs_server_notice,
    server_notice,
)
from resonanz.core.proofing.grammar_scheduler import GrammarScheduler

GROUP = "grammar"
_KEYS = ("mode", "server_url", "ltp_path", "java_path", "spelling", "notice_acknowledged")


def load_grammar_settings(settings: QSettings) -> GrammarSettings:
    """The stored choice; anything missing or broken falls back to the default (off)."""
    data = {}
    for key in _KEYS:
        value = settings.value(f"{GROUP}/{key}")
        if value is None:
            continue
        if key == "spelling":
            value = value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        data[key] = value if key == "spelling" else str(value)
    return GrammarSettings.from_dict(data)


def save_grammar_settings(settings: QSettings, grammar: GrammarSettings) -> None:
    values = asdict(grammar)
    for key in _KEYS:
        settings.setValue(f"{GROUP}/{key}", values[key])
    settings.sync()


class GrammarService(QObject):
    """Checks off the UI thread; emits only the newest result and every state change."""

    resultReady = Signal(object)  # GrammarResult
    statusChanged = Signal(object)  # GrammarStatus
    _deliver = Signal(object)  # from the worker thread, queued to this object's thread
    _status = Signal(object)

    def __init__(self, grammar: GrammarSettings, parent: QObject | None = None, delay: float | None = None) -> None:
        super().__init__(parent)
        self._deliver.connect(self.resultReady)
        self._status.connect(self.statusChanged)
        self.checker = GrammarChecker(grammar, on_status=self._status.emit)
        self.scheduler = GrammarScheduler(self.checker, self._deliver.emit, delay=delay)

    @property
    def settings(self) -> GrammarSettings:
        return self.checker.settings

    def status(self) -> GrammarStatus:
        return self.checker.status()

    def request(self, text: str, language: str = "auto", now: bool = False) -> int:
        """Ask for a check of `text` (returns at once; the result arrives via resultReady)."""
        return self.scheduler.submit(text, language, now=now)

    def configure(self, grammar: GrammarSettings) -> None:
        self.checker.configure(grammar)

    def retry_now(self) -> None:
        self.checker.retry_now()

    def close(self) -> None:
        """Stop the worker and a local LanguageTool (bounded by the request timeout)."""
        self.scheduler.close(timeout=1.0)
        self.checker.close()


def status_line(status: GrammarStatus, grammar: GrammarSettings, ui_language: str) -> str:
    """The panel's one line on the state of spelling and grammar, in the UI language."""
    state = status.state
    if state == GrammarState.OFF:
        if grammar.spelling:
            return QCoreApplication.translate("GrammarStatus", "Spelling: offline dictionary on this computer (LanguageTool is off).")
        return QCoreApplication.translate("GrammarStatus", "Spelling and grammar: off.")
    # every other state has its one line in core (resources/grammar.toml [reasons.de/en]): one source
    reason = status.reason_in("de" if ui_language == "de" else "en")
    if state != GrammarState.UNAVAILABLE or not grammar.spelling:
        return reason
    return reason + " " + QCoreApplication.translate("GrammarStatus", "Offline dictionary in use.")


class _Download(QThread):
    """Downloads LanguageTool (only when the user pressed the button); reports progress."""

    progressed = Signal(int, int)  # bytes done, total (0 = unknown)
    finished_with = Signal(str, str)  # folder, error ("" on success)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel = threading.Event()

    def run(self) -> None:  # noqa: D102 - QThread override
        from resonanz.core.proofing.download import DownloadError, download_languagetool

        try:
            folder = download_languagetool(progress=lambda done, total: self.progressed.emit(int(done), int(total or 0)), cancel=self.cancel)
        except DownloadError as exc:
            self.finished_with.emit("", str(exc))
            return
        self.finished_with.emit(str(folder), "")


class GrammarSettingsDialog(QDialog):
    """Settings → Spelling and grammar: off / LanguageTool on this computer / a LanguageTool server."""

    def __init__(self, grammar: GrammarSettings, ui_language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui_language = ui_language
        self._initial = grammar
        self.result_settings: GrammarSettings | None = None
        self._download: _Download | None = None

        self.mode_buttons = {mode: QRadioButton(self) for mode in MODES}
        self.mode_group = QButtonGroup(self)
        for mode, button in self.mode_buttons.items():
            self.mode_group.addButton(button)
            button.setProperty("mode", mode)
        self.ltp_edit = QLineEdit(grammar.ltp_path, self)
        self.ltp_browse = QPushButton(self)
        self.download_button = QPushButton(self)
        self.download_bar = QProgressBar(self)
        self.download_bar.setVisible(False)
        self.server_edit = QLineEdit(grammar.server_url, self)
        self.server_edit.setPlaceholderText("https://languagetool.example.org")
        self.public_button = QPushButton(self)
        self.spelling_check = QCheckBox(self)
        self.spelling_check.setChecked(grammar.spelling)
        self.privacy = QLabel(self)
        self.privacy.setWordWrap(True)
        self.privacy.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.ltp_label, self.server_label = QLabel(self), QLabel(self)
        self.ltp_label.setBuddy(self.ltp_edit)
        self.server_label.setBuddy(self.server_edit)

        grid = QGridLayout()
        grid.addWidget(self.mode_buttons["off"], 0, 0, 1, 3)
        grid.addWidget(self.mode_buttons["local"], 1, 0, 1, 3)
        local_row = QHBoxLayout()
        local_row.addWidget(self.ltp_label)
        local_row.addWidget(self.ltp_edit, 1)
        local_row.addWidget(self.ltp_browse)
        grid.addLayout(local_row, 2, 0, 1, 3)
        download_row = QHBoxLayout()
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.download_bar, 1)
        grid.addLayout(download_row, 3, 0, 1, 3)
        grid.addWidget(self.mode_buttons["server"], 4, 0, 1, 3)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_label)
        server_row.addWidget(self.server_edit, 1)
        server_row.addWidget(self.public_button)
        grid.addLayout(server_row, 5, 0, 1, 3)
        grid.setColumnMinimumWidth(0, 20)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box = QVBoxLayout(self)
        box.addLayout(grid)
        box.addWidget(self.spelling_check)
        box.addWidget(self.privacy)
        box.addWidget(self.message)
        box.addWidget(self.buttons)

        self.mode_buttons[grammar.mode].setChecked(True)
        self.mode_group.buttonToggled.connect(lambda *_: self._update())
        self.server_edit.textChanged.connect(lambda *_: self._update())
        self.ltp_browse.clicked.connect(self._browse)
        self.public_button.clicked.connect(lambda: self.server_edit.setText(PUBLIC_SERVER))
        self.download_button.clicked.connect(self.start_download)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(620, 0)

    # ------------------------------------------------------------------ state
    def mode(self) -> str:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return "off"

    def chosen(self) -> GrammarSettings:
        return replace(self._initial, mode=self.mode(), server_url=self.server_edit.text().strip(),
                       ltp_path=self.ltp_edit.text().strip(), spelling=self.spelling_check.isChecked())

    def _update(self) -> None:
        mode = self.mode()
        for w in (self.ltp_edit, self.ltp_browse, self.download_button, self.ltp_label):
            w.setEnabled(mode == "local")
        for w in (self.server_edit, self.public_button, self.server_label):
            w.setEnabled(mode == "server")
        self.privacy.setText(self.privacy_text(mode))

    def privacy_text(self, mode: str) -> str:
        """Exactly what leaves the computer in `mode`."""
        if mode == "off":
            return self.tr("Nothing leaves this computer. Unknown words are marked with the offline dictionary.")
        if mode == "local":
            return self.tr("Nothing leaves this computer: LanguageTool runs here (Java) and is reached only on 127.0.0.1.")
        server = self.server_edit.text().strip() or self.tr("the server")
        return self.tr("Your draft's text and language are sent to %1 for every check (after a pause in typing). Nothing else is sent.").replace("%1", server)

    # ------------------------------------------------------------------ actions
    def accept(self) -> None:  # Qt override: ask before drafts go to a server for the first time
        chosen = self.chosen()
        if chosen.mode == "server" and not chosen.server_url:
            self.message.setText(self.tr("Enter the address of a LanguageTool server, or choose another mode."))
            return
        if needs_server_notice(chosen):
            answer = QMessageBox.question(
                self, self.tr("Send drafts to a server?"),
                server_notice(chosen.server_url, "de" if self.ui_language == "de" else "en") + "\n\n" + self.tr("Use this server?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            chosen = replace(chosen, notice_acknowledged=chosen.server_url)
        self.result_settings = chosen
        super().accept()

    def reject(self) -> None:  # Qt override
        if self._download is not None and self._download.isRunning():
            self._download.cancel.set()
            self._download.wait(5000)
        super().reject()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("LanguageTool folder"), self.ltp_edit.text() or str(Path.home()))
        if folder:
            self.ltp_edit.setText(folder)

    def start_download(self) -> None:
        """Download LanguageTool (~250 MB) once; the machine must be online."""
        if self._download is not None and self._download.isRunning():
            return
        self._download = _Download(self)
        self._download.progressed.connect(self._on_download_progress)
        self._download.finished_with.connect(self._on_download_done)
        self.download_bar.setRange(0, 0)
        self.download_bar.setVisible(True)
        self.download_button.setEnabled(False)
        self.message.setText(self.tr("Downloading LanguageTool …"))
        self._download.start()

    def _on_download_progress(self, done: int, total: int) -> None:
        if total:
            self.download_bar.setRange(0, 1000)
            self.download_bar.setValue(int(done * 1000 / total))

    def _on_download_done(self, folder: str, error: str) -> None:
        self.download_bar.setVisible(False)
        self.download_button.setEnabled(self.mode() == "local")
        if error:
            self.message.setText(self.tr("Download failed: %1").replace("%1", error))
        else:
            self.ltp_edit.setText(folder)
            self.message.setText(self.tr("LanguageTool is ready in %1.").replace("%1", folder))

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Spelling and grammar"))
        self.mode_buttons["off"].setText(self.tr("&Off: only the offline dictionary (default)"))
        self.mode_buttons["local"].setText(self.tr("LanguageTool on this &computer (needs Java 17 or newer)"))
        self.mode_buttons["server"].setText(self.tr("LanguageTool &server (self-hosted or public)"))
        self.ltp_label.setText(self.tr("Folder:"))
        self.ltp_edit.setPlaceholderText(self.tr("empty: LTP_PATH or the downloaded copy"))
        self.ltp_browse.setText(self.tr("&Browse…"))
        self.download_button.setText(self.tr("&Download LanguageTool (about 250 MB)"))
        self.server_label.setText(self.tr("Address:"))
        self.public_button.setText(self.tr("Use the &public server"))
        self.spelling_check.setText(self.tr("Mark unknown words with the offline &dictionary when LanguageTool is off or unavailable"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
