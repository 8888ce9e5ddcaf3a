"""A real Resonanz editor process for tests/gui/editor/test_processes_beside_editor.py (run as a script).

It starts the editor exactly as the `resonanz` command does (`resonanz.gui.app.start.main([])`, with
RESONANZ_HOME and QT_QPA_PLATFORM=offscreen from the environment), so the first-start sample,
the autosave, the daily backup 1.5 s after start and everything else run as for a user. The
only additions are QTimer callbacks that act like the user at the keyboard and a log of what
they did:

    python editor_driver.py type LOG SEED ROUND   first start, Ctrl+N, then types ASCII sentences
                                                  (a random pause of 0.3-1.0 s after each) until
                                                  it is killed; logs each finished sentence
    python editor_driver.py dump LOG              a later start: writes the text the editor shows
                                                  (the resumed draft) to LOG, then closes the
                                                  window like a user and quits

LOG gets one JSON object per line, flushed at once (SIGKILL loses nothing already written):
{"event": "ready", "draft": 2, ...}, {"event": "typed", "sentence": "...", "t": <monotonic>, ...},
{"event": "text", "text": "..."}, {"event": "error", "message": "..."}. "t" is time.monotonic(),
CLOCK_MONOTONIC on Linux, which is the same clock in every process, so the test can compare it
with its own time of the kill.

The QApplication is made here before main() runs so that the timers exist before the event loop
starts; main() takes the existing instance (`QApplication.instance() or QApplication(...)`) and
sets it up as always. Only ASCII is typed: QTest.keyClicks aborts on lower-case umlauts
(see typing_helpers.py).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback

PHRASES = (
    "Was meint ihr dazu",
    "Erzaehlt uns von eurem ersten Einsatz",
    "Welche Frage sollen wir beim Sommerfest beantworten",
    "Schreibt eure Idee in die Kommentare",
    "Wer hilft beim Aufbau am Samstag",
    "Teilt den Beitrag mit euren Nachbarn",
    "Was hat euch im letzten Jahr gefehlt",
    "Wir freuen uns auf eure Antworten",
)
START_TIMEOUT_S = 30.0  # the window must be up by then
MAX_LIFETIME_S = 120.0  # a driver orphaned by a dying test ends itself


def sentence(round_no: int, index: int, rng: random.Random) -> str:
    """A unique, ASCII-only sentence: the tag `rNNsNNN` is never part of another sentence."""
    return f"Punkt r{round_no:02d}s{index:03d}: {rng.choice(PHRASES)}?"


class Log:
    def __init__(self, path: str) -> None:
        self._fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's lifetime

    def write(self, event: str, **data) -> None:
        data.update(event=event, t=time.monotonic(), wall=time.time(), pid=os.getpid())
        self._fh.write(json.dumps(data, ensure_ascii=False) + "\n")
        self._fh.flush()


def main(argv: list[str]) -> int:
    import faulthandler

    # a crash in C (a segfault) prints every thread's Python stack to stderr, which the test shows
    faulthandler.enable(all_threads=True)
    mode, log = argv[0], Log(argv[1])
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(["resonanz"])  # what main() would make; it reuses this instance
    started = time.monotonic()

    def fail(message: str) -> None:
        log.write("error", message=message)
        os._exit(3)

    def guarded(fn):
        def run() -> None:
            try:
                fn()
            except Exception:  # noqa: BLE001 - report it to the test, then end
                fail(traceback.format_exc())

        return run

    def main_window():
        from resonanz.gui.editor.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    def when_shown(then) -> None:
        """Poll for the main window to be up and active (keyboard focus), like a user waiting for it."""

        def poll() -> None:
            window = main_window()
            if window is not None and window.isActiveWindow():
                guarded(lambda: then(window))()
            elif time.monotonic() - started > START_TIMEOUT_S:
                fail(f"no visible MainWindow after {START_TIMEOUT_S:.0f} s; top-level widgets: {QApplication.topLevelWidgets()!r}")
            else:
                QTimer.singleShot(50, guarded(poll))

        QTimer.singleShot(0, guarded(poll))

    if mode == "type":
        rng = random.Random(int(argv[2]))
        round_no = int(argv[3])
        state = {"i": 0, "ctrl_n_tries": 0}

        def start_typing(window) -> None:
            sample_draft = window.keeper.draft_id if window.keeper else None
            window.editor.setFocus()
            QTest.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File > New draft

            def wait_for_new_draft() -> None:
                if window.keeper is None:
                    fail("the editor runs without a database (open_store() returned None)")
                if window.keeper.draft_id not in (None, sample_draft) and window.editor.toPlainText() == "":
                    log.write("ready", draft=window.keeper.draft_id, sample_draft=sample_draft)
                    QTimer.singleShot(rng.randint(100, 400), guarded(type_next))
                elif state["ctrl_n_tries"] > 100:
                    fail(f"Ctrl+N did not start a new empty draft (draft {window.keeper.draft_id}, text {window.editor.toPlainText()[:80]!r})")
                else:
                    state["ctrl_n_tries"] += 1
                    QTimer.singleShot(20, guarded(wait_for_new_draft))

            QTimer.singleShot(0, guarded(wait_for_new_draft))

        def type_next() -> None:
            window = main_window()
            if window is None:
                fail("the main window went away while typing")
            i = state["i"]
            text = sentence(round_no, i, rng)
            words = ("" if i == 0 else " ") + text
            QTest.keyClicks(window.editor, words)  # key events through the editor, as typed
            log.write("typed", index=i, sentence=text)
            state["i"] = i + 1
            QTimer.singleShot(rng.randint(300, 1000), guarded(type_next))

        when_shown(start_typing)
    elif mode == "dump":

        def dump(window) -> None:
            log.write("text", text=window.editor.toPlainText(), draft=window.keeper.draft_id if window.keeper else None)
            window.close()  # like the user: closeEvent, then Qt quits after the last window

        when_shown(dump)
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2

    QTimer.singleShot(int(MAX_LIFETIME_S * 1000), lambda: fail(f"still running after {MAX_LIFETIME_S:.0f} s"))
    from resonanz.gui.app.start import main as resonanz_main

    code = resonanz_main([])
    log.write("exit", code=code)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
