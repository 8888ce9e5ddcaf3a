"""On-demand: does spelling/grammar cost the editor anything while typing? (issue #6, point 6)

`pytest tests/benchmarks/test_bench_grammar.py --benchmarks -s`

The same typing as the editor benchmark (20,000-character draft, keystrokes at position 10,000),
but in bursts: 10 keystrokes, then a 0.8 s pause in which the debounced check runs and its
result reaches the window (panel refill, marks). Three set-ups:
  - "none":   no spelling or grammar at all (the editor before issue #6);
  - "off":    the default: the offline dictionary checks on its thread;
  - "server": LanguageTool mode against tests/lt_standin.py, a LanguageTool-COMPATIBLE STAND-IN
              on 127.0.0.1 answering after 50 ms (no real LanguageTool can run here).
Only the UI thread's time per keystroke is measured (key press to handled). Also measured: the
longest pause of the UI thread while the German dictionary loads for the first time.
Nothing here asserts a time; the figures are printed and go into the README.
"""

from __future__ import annotations

import statistics
import threading
import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from lt_standin import LanguageToolStandIn
from test_bench_gui import _draft  # the editor benchmark's own 20,000-character draft (paragraphs, de + en)

BURSTS, PER_BURST, PAUSE_MS = 20, 10, 800


def _key(widget, ch: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.mark.parametrize("setup", ["none", "off", "server"])
def test_keystrokes_while_checks_run(benchmark, qtbot, setup: str) -> None:
    from resonanz.core.proofing.grammar_model import GrammarSettings
    from resonanz.gui.editor.main_window import MainWindow

    with LanguageToolStandIn() as lt:
        lt.delay_ms = 50
        w = MainWindow()
        qtbot.addWidget(w, before_close_func=lambda win: win.editor.document().setModified(False))
        if setup == "none":
            w.grammar.request = lambda *a, **k: 0  # type: ignore[method-assign]
        elif setup == "server":
            w.grammar.configure(GrammarSettings(mode="server", server_url=lt.url, notice_acknowledged=lt.url))
        w.resize(1280, 800)
        w.show()
        w.load_text(_draft(20_000))
        qtbot.waitUntil(lambda: w.result is not None and w.result.text == w.editor.toPlainText(), timeout=10000)
        if setup != "none":
            qtbot.waitUntil(lambda: w.grammar_result is not None and w.grammar_result.text == w.editor.toPlainText(), timeout=30000)
        editor = w.editor
        cursor = editor.textCursor()
        cursor.setPosition(10_000)
        editor.setTextCursor(cursor)
        times, results = [], 0
        for b in range(BURSTS):
            for i in range(PER_BURST):
                t0 = time.perf_counter()
                _key(editor, "abcdefghij"[i])
                QApplication.processEvents()
                times.append((time.perf_counter() - t0) * 1000)
            before = w.grammar_result
            qtbot.wait(PAUSE_MS)
            results += w.grammar_result is not before
        p95 = statistics.quantiles(times, n=20)[18]
        benchmark.group = "grammar"
        benchmark.extra_info.update({"setup": setup, "p95_ms": round(p95, 2), "median_ms": round(statistics.median(times), 2),
                                     "max_ms": round(max(times), 2), "results": results})
        benchmark.pedantic(lambda: None, rounds=1, iterations=1)
        extra = f", {lt.count('/v2/check')} checks reached the stand-in" if setup == "server" else ""
        print(f"\n[grammar:{setup}] per keystroke, 20,000-char draft, {BURSTS}×{PER_BURST} keys: median {statistics.median(times):.2f} ms, "
              f"p95 {p95:.2f} ms, max {max(times):.2f} ms; {results}/{BURSTS} pauses delivered a new grammar result{extra}")


def test_first_dictionary_load_never_freezes_the_ui_thread(benchmark) -> None:
    """Longest gap between 1 ms ticks of the main thread while the German dictionary loads."""
    from resonanz.core.proofing import spelling

    spelling._dictionaries.clear()
    done = threading.Event()
    worker = threading.Thread(target=lambda: (spelling.preload(["de", "en"]), done.set()))
    gaps, last = [], time.perf_counter()
    started = last
    worker.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
    worker.join()
    benchmark.group = "grammar"
    benchmark.extra_info.update({"max_gap_ms": round(max(gaps), 1), "load_s": round(last - started, 2)})
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    print(f"\n[grammar] first load of the de+en dictionaries: {last - started:.2f} s on a worker thread; longest UI-thread pause {max(gaps):.0f} ms")
