"""The live round's server as the editor's child process: `resonanz round serve`, read line by line.

`LiveServer.start(argv)` runs the command `resonanz.core.live.command.serve_argv` gives (the same
in a virtual environment and in the bundle, with ``--close-on-eof``: if the editor dies, its stdin
ends and so does the round). Each line the server prints is parsed with `parse_event` and becomes
a signal. `close()` writes ``close`` to its standard input and closes it, and kills the process if
it has not ended ~5 s later; `close_now()` does the same and waits (a window or the app closing).

`ended(reason, listened)` says how it ended: "" when it was closed (by us or by itself, after
``CLOSED``), else one line saying why: the server's last line on standard error, or Qt's error
(the program did not start); `listened` is whether the round had been open.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

__all__ = ["CLOSE_TIMEOUT_MS", "LiveServer"]

CLOSE_TIMEOUT_MS = 5000  # after `close`, the server has this long to free its port; then it is killed
START_TIMEOUT_MS = 30000  # no URL by then: the server hangs before listening; it is killed


class LiveServer(QObject):
    """One `round serve` child process and the events it prints."""

    listening = Signal(str, str)  # url, code
    session = Signal(int)
    counts = Signal(int, int)  # joined, submitted
    attempt = Signal(int)  # draft id
    ended = Signal(str, bool)  # why it stopped, one line ("" = closed as asked); whether it had listened

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self.url = ""
        self.code = ""
        self.last_error = ""
        self._closing = False
        self._closed = False
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._kill)
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._start_timed_out)

    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def is_listening(self) -> bool:
        return self.running() and bool(self.url) and not self._closing

    def pid(self) -> int:
        return int(self.process.processId()) if self.process is not None else 0

    def start(self, argv: list[str]) -> None:
        """Run `argv` (program first); events arrive as signals."""
        if self.running():
            raise RuntimeError("a live round is already running")
        self.url = self.code = self.last_error = ""
        self._closing = self._closed = False
        self._stderr_tail = b""
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONUNBUFFERED", "1")
        env.insert("PYTHONIOENCODING", "utf-8")
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process = process
        self._start_timer.start(START_TIMEOUT_MS)
        process.start(argv[0], argv[1:])

    def close(self) -> None:
        """Ask the server to close the round (``close`` on stdin, then EOF); kill it if it is still there in 5 s."""
        if not self.running() or self._closing:
            return
        self._closing = True
        self.process.write(b"close\n")
        self.process.closeWriteChannel()
        self._kill_timer.start(CLOSE_TIMEOUT_MS)

    def close_now(self) -> None:
        """Close the round and wait until the process has ended (at most ~5 s, then it is killed)."""
        if not self.running():
            return
        self.close()
        process = self.process
        if not process.waitForFinished(CLOSE_TIMEOUT_MS):
            process.kill()
            process.waitForFinished(2000)

    # ------------------------------------------------------------------ private

    def _read_stdout(self) -> None:
        from resonanz.core.live.command import parse_event

        process = self.process
        while process is not None and process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", "replace").strip()
            event = parse_event(line) if line else None
            if event is None:
                continue
            kind, data = event
            if kind == "URL":
                self.url, self.code = str(data["url"]), str(data["code"])
                self._start_timer.stop()
                self.listening.emit(self.url, self.code)
            elif kind == "SESSION":
                self.session.emit(int(data["id"]))
            elif kind == "COUNTS":
                self.counts.emit(int(data.get("joined", 0)), int(data.get("submitted", 0)))
            elif kind == "ATTEMPT":
                self.attempt.emit(int(data["draft"]))
            elif kind == "CLOSED":
                self._closed = True

    def _read_stderr(self) -> None:
        if self.process is None:
            return
        self._stderr_tail = (self._stderr_tail + bytes(self.process.readAllStandardError().data()))[-4000:]
        lines = [ln.strip() for ln in self._stderr_tail.decode("utf-8", "replace").splitlines() if ln.strip()]
        if lines:
            self.last_error = lines[-1][:300]

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            self._done(self.process.errorString() or "failed to start")

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        asked = self._closing or self._closed
        if asked and (code == 0 or self._closed):
            self._done("")
        elif status == QProcess.ExitStatus.CrashExit:
            self._done(self.last_error or f"the server process was killed (exit code {code})")
        else:
            self._done(self.last_error or f"the server process ended with exit code {code}")

    def _done(self, reason: str) -> None:
        if self.process is None:
            return
        self._kill_timer.stop()
        self._start_timer.stop()
        process, self.process = self.process, None
        process.deleteLater()
        listened = bool(self.url)
        self.url = self.code = ""
        self.ended.emit(reason, listened)

    def _kill(self) -> None:
        if self.running():
            self.process.kill()

    def _start_timed_out(self) -> None:
        if self.running() and not self.url:
            self.last_error = self.last_error or "the server did not start listening within 30 s"
            self.process.kill()
