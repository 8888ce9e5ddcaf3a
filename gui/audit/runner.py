"""The audit off the UI thread: read the export, score every post, compute the figures.

`AuditRunner.start(path, mapping, platform, language)` runs `read_posts` and `run_audit` on a
QThread; `progress(done, total)` arrives as a queued signal, `finished(result, info)` with the
audit's JSON and what the import found, `failed(message)` with one line, `cancelled()` after
`cancel()`. The worker never touches a widget; typing in the editor never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal


class _Work(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result dict, import info dict
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, path: Path, mapping: Mapping[str, str] | None, platform: str, language: str, stop: threading.Event, workers: int | None,
                 save_to: Path | None = None, session_id: int | None = None) -> None:
        super().__init__()
        self.path, self.mapping, self.platform, self.language, self.stop, self.workers = path, mapping, platform, language, stop, workers
        self.save_to, self.session_id = save_to, session_id

    def run(self) -> None:
        from resonanz.core.audit.audit import run_audit
        from resonanz.core.audit.importers import read_posts
        from resonanz.core.audit.model import AuditInputError
        from resonanz.core.audit.scoring import AuditCancelled

        try:
            imported = read_posts(self.path, mapping=self.mapping)
            if not imported.posts:
                raise AuditInputError(f"{imported.source}: no post with text in it")
            audit = run_audit(imported.posts, platform=self.platform, language=self.language, workers=self.workers,
                              progress=lambda done, total: self.progress.emit(done, total), cancel=self.stop.is_set,
                              n_skipped=len(imported.skipped))
        except AuditCancelled:
            self.cancelled.emit()
            return
        except (AuditInputError, ValueError, OSError) as exc:
            self.failed.emit(" ".join(str(exc).split()))
            return
        info = {"source": imported.source, "format": imported.format, "skipped": list(imported.skipped), "columns": dict(imported.columns)}
        result = audit.to_dict()
        if self.save_to is not None:  # its own connection: the JSON and the write stay off the UI thread
            from resonanz.core.storage.store import StorageError, Store

            try:
                with Store(self.save_to, check=False) as store:
                    info["audit_id"] = store.audits.save(result, title=self.path.stem, source=imported.source, format=imported.format,
                                                         platform=self.platform, language=self.language, session_id=self.session_id)
            except (StorageError, ValueError, OSError) as exc:
                info["save_error"] = " ".join(str(exc).split())
        self.finished.emit(result, info)


class AuditRunner(QObject):
    """One audit at a time on its own thread; `running` while it works."""

    progress = Signal(int, int)
    finished = Signal(object, object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, workers: int | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self._thread: QThread | None = None
        self._work: _Work | None = None
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, path: str | Path, mapping: Mapping[str, str] | None, platform: str, language: str,
              save_to: Path | None = None, session_id: int | None = None) -> None:
        """Run the audit; with `save_to` (a database file) the finished audit is stored there too."""
        if self.running:
            raise RuntimeError("an audit is already running")
        self._stop = threading.Event()
        self._thread = QThread(self)
        self._work = _Work(Path(path), mapping, platform, language, self._stop, self.workers, save_to, session_id)
        self._work.moveToThread(self._thread)
        self._thread.started.connect(self._work.run)
        for signal, out in ((self._work.progress, self.progress), (self._work.finished, self.finished),
                            (self._work.failed, self.failed), (self._work.cancelled, self.cancelled)):
            signal.connect(out)
        for end in (self._work.finished, self._work.failed, self._work.cancelled):
            end.connect(self._thread.quit)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the audit to stop after the chunk it is scoring; `cancelled` follows."""
        self._stop.set()

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the thread ended (closing the window, tests); True if it did."""
        return self._thread.wait(ms) if self._thread is not None else True

    def shutdown(self) -> None:
        """Cancel and wait: nothing runs on after the window is gone."""
        if self.running:
            self.cancel()
            self.wait()


class _Call(QObject):
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def run(self) -> None:
        try:
            value = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported as one line, never lost in a thread
            self.failed.emit(" ".join(f"{type(exc).__name__}: {exc}".split()))
            return
        self.done.emit(value)


class Background(QObject):
    """Run one function off the UI thread (e.g. the calibration's second engine pass); `done(value)`
    or `failed(line)` arrive on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._call: _Call | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, fn) -> None:
        if self.running:
            raise RuntimeError("already running")
        self._thread, self._call = QThread(self), _Call(fn)
        self._call.moveToThread(self._thread)
        self._thread.started.connect(self._call.run)
        self._call.done.connect(self.done)
        self._call.failed.connect(self.failed)
        self._call.done.connect(self._thread.quit)
        self._call.failed.connect(self._thread.quit)
        self._thread.start()

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms) if self._thread is not None else True


__all__ = ["AuditRunner", "Background"]
