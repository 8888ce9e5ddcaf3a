"""A live round in the sessions window: the room writes on its own devices, the gallery fills up.

"Start live round…" (beside the round's attempt buttons; large and marked in presentation mode)
asks which network the room is on (`NetworkDialog`), starts `resonanz round serve` for the
selected session and exercise as a child process (`LiveServer`) and shows the `JoinCard` (full
screen in presentation mode). Every ``ATTEMPT`` the server prints refreshes the gallery (sort
order and selection stay); ``COUNTS`` updates the card and a status line over the gallery, which
also offers the join card again and "Close round". While the round runs its session and exercise
cannot be switched in the window.

The round ends with "Close round", when the sessions window closes and when the application
quits; if the server dies or does not start, the status line says why in one line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.join_card import JoinCard, NetworkDialog
from resonanz.gui.coaching.live_server import LiveServer

__all__ = ["LiveRound"]

LIVE_BUTTON_STYLE = ("QPushButton { font-weight: bold; padding: 0.25em 1em; border: 3px solid #3d7eff; border-radius: 6px; }"
                     " QPushButton:disabled { font-weight: normal; border: 1px solid #666666; }")


class LiveRound(QObject):
    """The live round of a `SessionsView`: its button, its status line, its server and its join card."""

    def __init__(self, view: QWidget, store: Store) -> None:
        super().__init__(view)
        self.view = view
        self.store = store
        self.server = LiveServer(self)
        self.card: JoinCard | None = None
        self.joined = self.submitted = 0
        self.session_id: int | None = None
        self.exercise_title = ""
        self._windows: list[QWidget] = []
        self._message = self._status = ""
        self.button = QPushButton(view)
        self.button.clicked.connect(self.ask_and_start)
        self.bar = QWidget(view)
        self.status_label = QLabel(self.bar)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)  # the URL must stay readable for latecomers, even in large type
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label = QLabel(self.bar)
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card_button = QPushButton(self.bar)
        self.close_button = QPushButton(self.bar)
        lines = QVBoxLayout(self.bar)  # the counts; below them the URL and the buttons
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        lines.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addWidget(self.url_label, 1)
        row.addWidget(self.card_button)
        row.addWidget(self.close_button)
        lines.addLayout(row)
        self.bar.hide()
        self.card_button.clicked.connect(self.show_card)
        self.close_button.clicked.connect(self.close)
        self._refresh = QTimer(self)  # a burst of submissions: one refresh
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(100)
        self._refresh.timeout.connect(self._refresh_gallery)
        self.server.listening.connect(self._on_listening)
        self.server.counts.connect(self._on_counts)
        self.server.attempt.connect(lambda _draft: self._refresh.start())
        self.server.ended.connect(self._on_ended)
        view.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_now)
        self.retranslate()

    # ------------------------------------------------------------------ state

    def running(self) -> bool:
        """True from the start of the server until it has ended."""
        return self.server.running()

    def url(self) -> str:
        return self.server.url

    def code(self) -> str:
        return self.server.code

    def message(self) -> str:
        """The status line as shown (counts and URL, or why the last round stopped)."""
        return self._status

    def update_button(self, has_session: bool, has_exercise: bool) -> None:
        """Enabled with a session and an exercise and no round running; the tooltip says what it does or needs."""
        enabled = has_session and has_exercise and not self.running()
        self.button.setEnabled(enabled)
        if self.running():
            tip = self.tr("A live round is running; close it first.")
        elif not has_session:
            tip = self.tr("Select a session in the list or create one with New session first.")
        elif not has_exercise:
            tip = self.tr("Choose the exercise of the round first.")
        else:
            tip = self.tr("Let the participants write their attempts on their own phones or laptops: "
                          "shows a QR code to join, and the gallery fills up as they submit.")
        self.button.setToolTip(tip)

    # ------------------------------------------------------------------ actions

    def ask_and_start(self) -> None:
        """Ask which network the room uses, then start the round there."""
        from resonanz.core.live.command import lan_addresses

        dialog = NetworkDialog(lan_addresses(), self.view)
        if self.view.window() is not self.view:
            dialog.setFont(self.view.font())  # large type in presentation mode
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start(dialog.address())

    def start(self, bind: str = "127.0.0.1", port: int = 0) -> None:
        """Start the server for the selected session and exercise on `bind`; the join card follows when it listens."""
        from resonanz.core.live.command import serve_argv

        session_id, exercise = self.view.current_session_id(), self.view.current_exercise()
        if session_id is None or exercise is None or self.running() or self.store.path is None:
            return
        self.session_id, self.exercise_title = session_id, exercise.title
        self.joined = self.submitted = 0
        self._message = ""
        self._lock(True)
        self.server.start(serve_argv(self.store.path, session_id, exercise.id, bind=bind, port=port))
        self._watch_window(True)
        self._show_status()

    def close(self) -> None:
        """Close the round: the server frees its port (killed if it takes longer than ~5 s)."""
        if self.running():
            self.server.close()
            self._show_status()

    def close_now(self) -> None:
        """Close the round and wait for the server to end (the window or the application is closing)."""
        self.server.close_now()

    def show_card(self) -> JoinCard | None:
        """The join card in front: full screen in presentation mode, else a large window."""
        if not self.server.is_listening():
            return None
        card = self._card()
        card.set_round(self.server.url, self.server.code, self.exercise_title)
        card.set_counts(*self.counts_parts())
        self._place_card()
        card.raise_()
        card.activateWindow()
        return card

    def show_gallery(self) -> None:
        """Hide the join card; the sessions window (with the round's gallery) comes to the front."""
        if self.card is not None:
            self.card.hide()
        window = self.view.window()
        window.raise_()
        window.activateWindow()
        self.view.gallery.setFocus()

    def set_presentation(self, on: bool) -> None:
        """Presentation mode: the button stands out, and an open join card fills the screen."""
        self.button.setStyleSheet(LIVE_BUTTON_STYLE if on else "")
        for label in (self.status_label, self.url_label):
            label.setStyleSheet("QLabel { font-weight: bold; }" if on else "")
        if self.card is not None and self.card.isVisible():
            self._place_card()

    def counts_text(self) -> str:
        """ "3 devices joined · 1 attempt submitted" in the UI language (one attempt per participant who submitted)."""
        return " \u00b7 ".join(self.counts_parts())

    def counts_parts(self) -> tuple[str, str]:
        """ "3 devices joined", "1 attempt submitted" (the join card shows them on two lines)."""
        return self.tr("%n device(s) joined", "", self.joined), self.tr("%n attempt(s) submitted", "", self.submitted)

    # ------------------------------------------------------------------ events of the server

    def _on_listening(self, url: str, code: str) -> None:
        self._show_status()
        self.show_card()

    def _on_counts(self, joined: int, submitted: int) -> None:
        self.joined, self.submitted = joined, submitted
        if self.card is not None:
            self.card.set_counts(*self.counts_parts())
        self._show_status()

    def _refresh_gallery(self) -> None:
        """New attempts from the room: participants and gallery again, the user's sort and selection kept."""
        view = self.view
        if view.current_session_id() != self.session_id:
            return
        selected = view.selected_draft_ids()
        view.refresh_participants()
        if selected:
            view.select_attempts(selected)

    def _on_ended(self, reason: str, listened: bool) -> None:
        self._refresh.stop()
        self._refresh_gallery()
        self._lock(False)
        self._watch_window(False)
        if self.card is not None:
            self.card.hide()
        if reason:
            said = self.tr("The live round stopped: %1") if listened else self.tr("The live round could not start: %1")
            self._message = said.replace("%1", reason)
        self._show_status()

    # ------------------------------------------------------------------ private

    def _card(self) -> JoinCard:
        if self.card is None:
            self.card = JoinCard(self.view.window())
            self.card.show_gallery_requested.connect(self.show_gallery)
            self.card.close_requested.connect(self.close)
            self.card.addActions(self.view.window().actions())  # F11 there too
            self._retranslate_card()
        return self.card

    def _place_card(self) -> None:
        card = self.card
        if self.view.is_presentation():
            card.showFullScreen()
        else:
            if card.isFullScreen():
                card.showNormal()
            screen = self.view.screen().availableGeometry()
            card.resize(min(1280, screen.width() - 40), min(800, screen.height() - 40))
            card.show()

    def _lock(self, on: bool) -> None:
        """The round belongs to one session and exercise: neither can be switched while it runs."""
        for widget in (self.view.session_list, self.view.new_session_button, self.view.exercise_combo):
            widget.setEnabled(not on)

    def _watch_window(self, on: bool) -> None:
        """Closing the sessions window closes the round, and so does closing the window it belongs
        to (the main window: the application is ending): watch those windows while the round runs."""
        for window in self._windows:
            window.removeEventFilter(self)
        self._windows = []
        widget = self.view.window()
        while on and widget is not None and widget is not self.view:
            self._windows.append(widget)
            widget.installEventFilter(self)
            parent = widget.parentWidget()
            widget = parent.window() if parent is not None else None

    def _show_status(self) -> None:
        running, listening = self.running(), self.server.is_listening()
        if listening:
            text = self.tr("Live round: %1").replace("%1", self.counts_text())
        elif running and self.server.url:
            text = self.tr("Closing the live round\u2026")
        elif running:
            text = self.tr("Starting the live round\u2026")
        else:
            text = self._message
        url = self.server.url if listening else ""
        self._status = f"{text} \u2014 {url}" if url else text
        self.status_label.setText(text)
        self.url_label.setText(url)  # a label of its own: the address never breaks across lines
        self.url_label.setVisible(bool(url))
        self.status_label.setToolTip(self._status)
        self.card_button.setVisible(listening)
        self.close_button.setVisible(running)
        self.close_button.setEnabled(listening or (running and not self.server.url))
        self.bar.setVisible(bool(text))
        self.update_button(self.view.current_session_id() is not None, self.view.current_exercise() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.Hide and watched in self._windows and not event.spontaneous():
            self.close_now()  # the sessions or main window closed (Escape, a close button, quitting); minimised is spontaneous
        return False

    def retranslate(self) -> None:
        self.button.setText(self.tr("Start &live round\u2026"))
        self.button.setAccessibleName(self.tr("Start a live round: participants join with their own devices"))
        self.card_button.setText(self.tr("Show &join card"))
        self.close_button.setText(self.tr("Close round"))
        self.close_button.setAccessibleName(self.tr("Close the live round"))
        self._retranslate_card()
        self._show_status()

    def _retranslate_card(self) -> None:
        if self.card is None:
            return
        self.card.set_texts(
            self.tr("Join the live round"),
            self.tr("Scan the code or open this address on your phone or laptop:"),
            self.tr("Join code"),
            self.tr("Plain HTTP on this network: do not send confidential texts."),
            self.tr("Show the &gallery"),
            self.tr("&Close round"),
        )
        self.card.set_counts(*self.counts_parts())
