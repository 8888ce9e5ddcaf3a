"""`GrammarScheduler`: debounce, one check at a time, newest text wins and retry, on a plain thread.

For callers without an event loop (the GUI may use its own QTimer instead).

May import: core.proofing.grammar and grammar_model.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from resonanz.core.proofing.grammar import GrammarChecker
from resonanz.core.proofing.grammar_model import GrammarResult, GrammarState
from resonanz.core.proofing.reasons import settings_data


class GrammarScheduler:
    """Debounce + one check at a time + newest text wins + retry, on one daemon thread (no Qt).

    `submit(text, language)` returns the job's version; `deliver(result)` is called from the
    worker thread for the newest version only (older results are counted in `dropped`). While
    the checker is unavailable, the newest text is checked again when its retry is due, so the
    state recovers without the user typing. `delay` defaults to grammar.toml's debounce_ms.
    """

    def __init__(self, checker: GrammarChecker, deliver: Callable[[GrammarResult], None], *, delay: float | None = None, auto_retry: bool = True) -> None:
        self.checker, self._deliver, self._auto_retry = checker, deliver, auto_retry
        self.delay = settings_data()["debounce_ms"] / 1000 if delay is None else delay
        self.dropped = 0
        self._cond = threading.Condition()
        self._latest = 0
        self._job: tuple[int, str, str] | None = None
        self._due = 0.0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="resonanz-grammar", daemon=True)
        self._thread.start()

    @property
    def latest(self) -> int:
        """Version of the newest submitted text."""
        return self._latest

    def submit(self, text: str, language: str = "auto", *, now: bool = False) -> int:
        """Ask for a check of `text` after the debounce delay (`now`: without waiting)."""
        with self._cond:
            self._latest += 1
            self._job = (self._latest, text, language)
            self._due = time.monotonic() + (0.0 if now else self.delay)
            self._cond.notify()
            return self._latest

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker (a running check finishes first, bounded by its own timeout); nothing
        is delivered after this call, so the receiver may be deleted once it returns."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (self._job is None or time.monotonic() < self._due):
                    self._cond.wait(None if self._job is None else max(0.0, self._due - time.monotonic()))
                if self._closed:
                    return
                version, text, language = self._job  # type: ignore[misc]
                self._job = None
            try:
                result = self.checker.check(text, language, version=version)
            except Exception:  # noqa: BLE001 - e.g. an unsupported language: nothing to deliver
                continue
            with self._cond:
                if self._closed:  # closed while checking: the receiver may be gone (app shutdown)
                    return
                if version != self._latest:
                    self.dropped += 1
                    continue
                wait = self.checker.retry_in() if self._auto_retry and result.state == GrammarState.UNAVAILABLE else None
                if wait is not None and self._job is None:
                    self._job = (version, text, language)
                    self._due = time.monotonic() + wait
            self._deliver(result)
