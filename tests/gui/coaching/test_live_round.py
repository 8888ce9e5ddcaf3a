"""A live workshop round from the sessions window (issue 14), driven the way a facilitator runs one.

Nothing is mocked: the window starts the real `resonanz round serve` child process on 127.0.0.1,
and the tests act as participants over real HTTP (urllib), as a phone's page would. The session
is created and the exercise chosen in the sessions window of a real main window (F11 there).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import urllib.error
import urllib.request
import uuid
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.join_card import JoinCard, NetworkDialog

EXERCISE = "de-dialog-01"
ANNA = "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? Erzählt es uns."
BOLD = "<b>Bold</b><script>x</script>"
BOLD_TEXT = "Sommerfest am 14. Juni: Führungen um 11 und 15 Uhr, Eintritt frei. Wen nehmen Sie mit?"
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/j/([2-9A-HJ-NP-Z]{6})")


def _participant() -> str:
    return uuid.uuid4().hex  # 32 hex characters, like the page's own random id


def _api(url: str, path: str, participant: str, body: dict | None = None) -> tuple[int, dict]:
    base, code = url.split("/j/")
    request = urllib.request.Request(
        f"{base}/api/{code}/{path}", data=None if body is None else json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json", "X-Participant": participant}, method="GET" if body is None else "POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


def _submit(url: str, participant: str, name: str, text: str) -> dict:
    status, answer = _api(url, "submit", participant, {"name": name, "text": text})
    assert status == 201, answer
    return answer


def _port_is_free(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


def _pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie (not yet reaped) has ended too
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.fixture
def english(qapp):
    """The UI in English as the app installs it (its plural forms: "1 device", "3 devices"); removed afterwards."""
    from PySide6.QtCore import QCoreApplication
    from resonanz.gui.app.i18n import Translations

    translations = Translations()
    translations.apply("en")
    yield translations
    for translator in (translations._translator, translations._qt_translator):
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)


@pytest.fixture
def window(qtbot, store: Store, english):
    from resonanz.gui.editor.main_window import MainWindow

    w = MainWindow(store=store)
    qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    yield w
    dialog = w.dialogs.sessions
    if dialog is not None:
        dialog.view.live_round.close_now()  # never leave a server behind a failed test


@pytest.fixture
def sessions(qtbot, window):
    """The sessions window with a new workshop session and its round's exercise chosen."""
    dialog = window.dialogs.show_sessions()
    qtbot.waitExposed(dialog)
    view = dialog.view
    view.create_session("workshop", "Live-Workshop Vereinskommunikation", date(2026, 12, 5))
    view.set_exercise(EXERCISE)
    return dialog


def _accept_network_dialog(address: str, seen: dict | None = None) -> None:
    """Choose `address` in the modal network dialog as soon as it is open, and start (its texts go into `seen`)."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NetworkDialog):
            QTimer.singleShot(20, act)
            return
        if seen is not None:
            seen["choices"] = {a: r.text() for a, r in dialog.choices.items()}
            seen["texts"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.choose(address)
        dialog.accept()

    QTimer.singleShot(20, act)


def _start(qtbot, view, seen: dict | None = None) -> JoinCard:
    live = view.live_round
    _accept_network_dialog("127.0.0.1", seen)
    qtbot.mouseClick(live.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live.card is not None and live.card.isVisible(), timeout=20000)
    return live.card


def test_a_facilitator_runs_a_live_round_from_start_to_close(qtbot, window, sessions) -> None:
    view = sessions.view
    live = view.live_round
    assert live.button.isEnabled() and live.button.isVisible()
    assert "QR code" in live.button.toolTip()

    seen: dict = {}
    card = _start(qtbot, view, seen)
    assert seen["choices"]["127.0.0.1"] == "127.0.0.1 \u2014 this computer only (demo)"
    assert all(text.endswith("the room's network") for a, text in seen["choices"].items() if a != "127.0.0.1")
    assert "plain HTTP" in seen["texts"] and "confidential" in seen["texts"]  # said before anything listens
    server_pid = live.server.pid()
    assert server_pid > 0 and not _pid_gone(server_pid)
    shown = card.url_label.text()
    match = URL.fullmatch(shown)
    assert match, shown
    port, code = int(match.group(1)), match.group(2)
    assert card.code_label.text() == code
    qr = card.qr_pixmap()
    assert not qr.isNull() and qr.width() >= 300 and qr.width() == qr.height()
    assert card.counts_label.text() == "0 devices joined\n0 attempts submitted"
    assert not live.button.isEnabled()  # one round at a time
    assert not view.session_list.isEnabled() and not view.exercise_combo.isEnabled()  # its session stays

    # the room: Anna submits, Bold submits, a third device only opens the round
    anna = _submit(shown, _participant(), "Anna", ANNA)
    qtbot.waitUntil(lambda: [r[0] for r in view.gallery_rows()] == ["Anna"], timeout=5000)
    assert view.round_attempts()[0].draft_id == anna["attempt"]
    qtbot.waitUntil(lambda: card.counts_label.text() == "1 device joined\n1 attempt submitted", timeout=5000)

    view.sort_by("participant")
    view.select_attempts([anna["attempt"]])
    bold = _submit(shown, _participant(), BOLD, BOLD_TEXT)
    qtbot.waitUntil(lambda: len(view.gallery_rows()) == 2, timeout=5000)
    assert sorted(r[0] for r in view.gallery_rows()) == sorted(["Anna", BOLD])
    assert [r[0] for r in view.gallery_rows()] == sorted(["Anna", BOLD], reverse=True)  # the sort the user chose stays
    assert view.selected_draft_ids() == [anna["attempt"]]  # and so does the selection
    row = next(r for r in range(view.gallery.rowCount()) if view.gallery.item(r, 0).data(Qt.ItemDataRole.UserRole) == bold["attempt"])
    assert view.gallery.item(row, 0).text() == BOLD  # literally, never as markup
    assert BOLD in [view.participant_list.item(i).text() for i in range(view.participant_list.count())]

    status, round_info = _api(shown, "round", _participant())
    assert status == 200 and round_info["open"] is True
    qtbot.waitUntil(lambda: card.counts_label.text() == "3 devices joined\n2 attempts submitted", timeout=5000)
    assert "3 devices joined \u00b7 2 attempts submitted" in live.message() and shown in live.message()

    # the projector: presentation mode shows pseudonyms, and the card fills the screen
    card.gallery_button.click()
    assert not card.isVisible()
    window.toggle_presentation()
    qtbot.waitUntil(lambda: view.is_presentation(), timeout=3000)
    names = [r[0] for r in view.gallery_rows()]
    assert "Anna" not in names and BOLD not in names and len(names) == 2
    assert live.button.isVisible() and live.button.isEnabled() is False  # reachable, and says a round runs
    assert sessions.rect().contains(QRect(live.button.mapTo(sessions, QPoint(0, 0)), live.button.size()))
    assert live.button.styleSheet() and live.button.font().pointSizeF() > QApplication.font().pointSizeF()
    live.card_button.click()
    qtbot.waitUntil(lambda: card.isVisible() and card.isFullScreen(), timeout=3000)
    card.gallery_button.click()
    window.toggle_presentation()

    # Close round: the port is free and the child has ended
    live.close_button.click()
    qtbot.waitUntil(lambda: not live.running(), timeout=8000)
    assert _port_is_free(port)
    qtbot.waitUntil(lambda: _pid_gone(server_pid), timeout=3000)
    assert not live.bar.isVisible() and not card.isVisible()
    assert live.button.isEnabled() and view.session_list.isEnabled()
    assert len(view.gallery_rows()) == 2  # the round's attempts stay in the session


def test_closing_the_sessions_window_closes_the_round(qtbot, window, sessions) -> None:
    view = sessions.view
    card = _start(qtbot, view)
    pid, port = view.live_round.server.pid(), int(URL.fullmatch(card.url_label.text()).group(1))
    sessions.close()
    assert not view.live_round.running()
    assert _port_is_free(port)
    qtbot.waitUntil(lambda: _pid_gone(pid), timeout=3000)
    assert not card.isVisible()


def test_a_server_that_dies_says_why_in_one_line(qtbot, window, sessions) -> None:
    view = sessions.view
    live = view.live_round
    _start(qtbot, view)
    os.kill(live.server.pid(), signal.SIGKILL)
    qtbot.waitUntil(lambda: not live.running(), timeout=5000)
    assert live.bar.isVisible() and live.message().startswith("The live round stopped: ")
    assert "\n" not in live.message()
    assert live.button.isEnabled()


def test_a_round_that_cannot_listen_says_why(qtbot, window, sessions) -> None:
    view = sessions.view
    live = view.live_round
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        live.start("127.0.0.1", taken.getsockname()[1])  # the port is in use: the server cannot listen
        qtbot.waitUntil(lambda: not live.running(), timeout=20000)
    assert live.card is None or not live.card.isVisible()
    message = live.message()
    assert message.startswith("The live round could not start: ") and "in use" in message  # the server's own words
    assert "\n" not in message


@pytest.mark.parametrize("language, one, three", [
    ("en", "1 device joined \u00b7 1 attempt submitted", "3 devices joined \u00b7 3 attempts submitted"),
    ("de", "1 Gerät verbunden \u00b7 1 Versuch abgegeben", "3 Geräte verbunden \u00b7 3 Versuche abgegeben"),
])
def test_the_counts_speak_the_ui_language(qtbot, store: Store, language: str, one: str, three: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from resonanz.gui.app.i18n import Translations
    from resonanz.gui.coaching.sessions import SessionsView

    translations = Translations()
    try:
        translations.apply(language)
        view = SessionsView(store)
        qtbot.addWidget(view)
        live = view.live_round
        live.joined = live.submitted = 1
        assert live.counts_text() == one
        live.joined = live.submitted = 3
        assert live.counts_text() == three
    finally:
        for translator in (translations._translator, translations._qt_translator):
            if translator is not None:
                QCoreApplication.instance().removeTranslator(translator)


def test_closing_the_main_window_closes_the_round(qtbot, window, sessions) -> None:
    view = sessions.view
    card = _start(qtbot, view)
    pid, port = view.live_round.server.pid(), int(URL.fullmatch(card.url_label.text()).group(1))
    window.editor.document().setModified(False)
    window.close()
    qtbot.waitUntil(lambda: not view.live_round.running(), timeout=8000)
    assert _port_is_free(port)
    qtbot.waitUntil(lambda: _pid_gone(pid), timeout=3000)


EDITOR_THAT_CRASHES = """
import os, signal, sys
from PySide6.QtWidgets import QApplication
from resonanz.core.storage.store import Store
from resonanz.gui.coaching.sessions import SessionsView

app = QApplication([])
view = SessionsView(Store(sys.argv[1]))
view.create_session("workshop", "Crash", "2026-12-05")
view.set_exercise("de-dialog-01")
view.live_round.start("127.0.0.1")
while not view.live_round.server.is_listening():
    app.processEvents()
print(view.live_round.server.pid(), view.live_round.url(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # the editor crashes: nothing is closed on its way out
"""


def test_a_crashing_editor_takes_its_round_with_it(tmp_path) -> None:
    """--close-on-eof: the editor's end of the server's stdin closes when the editor dies, and so does the round."""
    import subprocess
    import sys
    import time

    editor = subprocess.run([sys.executable, "-c", EDITOR_THAT_CRASHES, str(tmp_path / "crash.db")], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert editor.returncode == -signal.SIGKILL, editor.stderr
    pid, url = editor.stdout.split()
    port = int(URL.fullmatch(url).group(1))
    deadline = time.monotonic() + 10
    while not (_pid_gone(int(pid)) and _port_is_free(port)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _pid_gone(int(pid)) and _port_is_free(port)
