"""Live analysis off the UI thread: debounced, one job at a time, stale results dropped.

Every edit restarts a single-shot timer (180 ms: longer than the gap between keystrokes of
fluent typing, short enough that the panel follows within 300 ms); when typing pauses, the newest text goes to a worker
thread. Each job carries an id, and only the result of the newest request is delivered, so an
old result never paints over a newer text (novelWriter's pattern).

A request with `reply=(comment, post)` scores the text as a reply to that comment
(`core.analysis.reply.analyze_reply`; `post` "" for none) instead of as a post.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.reply import analyze_reply


class _Bridge(QObject):
    done = Signal(int, str, object, str)  # job id, text, result or None, error message


class _Job(QRunnable):
    def __init__(self, job_id: int, params: tuple, bridge: _Bridge) -> None:
        super().__init__()
        self.job_id, self.bridge = job_id, bridge
        self.text, self.language, self.platform, self.fallback, self.reply = params

    def run(self) -> None:  # worker thread: never touches widgets
        try:
            if self.reply is not None:
                comment, post = self.reply
                result = analyze_reply(comment, self.text, post=post or None, language=self.language, fallback_language=self.fallback)
            else:
                result = analyze(self.text, language=self.language, platform=self.platform, fallback_language=self.fallback)
            self.bridge.done.emit(self.job_id, self.text, result, "")
        except Exception as exc:  # noqa: BLE001 - reported in the window, never crashes the editor
            self.bridge.done.emit(self.job_id, self.text, None, f"{type(exc).__name__}: {exc}")


class LiveAnalyzer(QObject):
    """Debounces requests and delivers `resultReady(text, result)` for the newest text only."""

    resultReady = Signal(str, object)
    failed = Signal(str)

    def __init__(self, delay_ms: int = 180, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self.delay_ms = delay_ms
        self._timer.timeout.connect(self._start)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge()
        self._bridge.done.connect(self._finished)
        self._latest = 0  # id of the newest request
        self._running = 0  # id of the job in the worker, 0 when idle
        self._params: tuple = ("", "auto", "linkedin", None, None)

    def request(self, text: str, language: str, platform: str, fallback: str | None = None, reply: tuple[str, str] | None = None) -> None:
        """Ask for an analysis of `text`; it starts when no new request came for `delay_ms`.

        `fallback` is the language for a text with too few words of its own to detect (see
        `core.analysis.engine.analyze`'s `fallback_language`); `reply` = (comment, post) scores
        `text` as a reply to that comment."""
        self._latest += 1
        self._params = (text, language, platform, fallback, reply)
        self._timer.start()

    def request_now(self, text: str, language: str, platform: str, fallback: str | None = None, reply: tuple[str, str] | None = None) -> None:
        """Like `request`, without waiting (a platform or language switch, opening a file)."""
        self._latest += 1
        self._params = (text, language, platform, fallback, reply)
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        if self._running:
            return  # one job at a time; _finished starts the newest request afterwards
        self._running = self._latest
        self._pool.start(_Job(self._running, self._params, self._bridge))

    def _finished(self, job_id: int, text: str, result: object, error: str) -> None:
        self._running = 0
        if job_id != self._latest:  # the text changed while this job ran: drop it, run the newest
            if not self._timer.isActive():
                self._start()
            return
        if result is None:
            self.failed.emit(error)
        else:
            self.resultReady.emit(text, result)

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._pool.waitForDone(msecs)
