"""Live analysis: debounced, off the UI thread, and never a stale result."""

from __future__ import annotations

import time

from resonanz.gui.editor.worker import LiveAnalyzer


def test_result_arrives_after_the_pause_for_the_newest_text(qtbot) -> None:
    analyzer = LiveAnalyzer(delay_ms=50)
    received: list[str] = []
    analyzer.resultReady.connect(lambda text, result: received.append(text))
    for prefix in ("W", "Wa", "Was", "Was meinen", "Was meinen Sie?"):
        analyzer.request(prefix, "de", "linkedin")  # typing faster than the pause
    with qtbot.waitSignal(analyzer.resultReady, timeout=3000) as blocker:
        pass
    assert blocker.args[0] == "Was meinen Sie?"
    qtbot.wait(150)
    assert received == ["Was meinen Sie?"]  # the intermediate texts were never analysed
    assert blocker.args[1].findings_for("D2")


def test_a_result_for_an_older_text_is_dropped(qtbot, monkeypatch) -> None:
    import resonanz.gui.editor.worker as worker

    real = worker.analyze

    def slow(text, **kw):  # the first job is still running when the user types on
        if text == "alt":
            time.sleep(0.3)
        return real(text, **kw)

    monkeypatch.setattr(worker, "analyze", slow)
    analyzer = LiveAnalyzer(delay_ms=10)
    received: list[str] = []
    analyzer.resultReady.connect(lambda text, result: received.append(text))
    analyzer.request_now("alt", "de", "linkedin")
    qtbot.wait(50)
    analyzer.request("neu", "de", "linkedin")
    qtbot.waitUntil(lambda: bool(received), timeout=3000)
    qtbot.wait(100)
    assert received == ["neu"]


def test_errors_are_reported_not_raised(qtbot, monkeypatch) -> None:
    import resonanz.gui.editor.worker as worker

    monkeypatch.setattr(worker, "analyze", lambda text, **kw: (_ for _ in ()).throw(ValueError("kaputt")))
    analyzer = LiveAnalyzer(delay_ms=0)
    with qtbot.waitSignal(analyzer.failed, timeout=3000) as blocker:
        analyzer.request_now("x", "de", "linkedin")
    assert "kaputt" in blocker.args[0]
