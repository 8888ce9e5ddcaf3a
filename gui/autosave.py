"""Never lose work: the open draft reaches the database within a second of the first unsaved edit.

The timer is started by the first edit and NOT restarted by later ones, so even someone typing
without a pause is saved every second; a crash (or SIGKILL) costs at most that second. The
draft's id is remembered, so the next start reopens it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

LAST_DRAFT_KEY = "last_open_draft"


class DraftKeeper(QObject):
    """Autosaves one editor's text into a Store and keeps its named revisions."""

    saved = Signal(int)  # draft id
    failed = Signal(str)  # one-line reason; the editor keeps working

    def __init__(self, store, text_source, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.store = store
        self._text = text_source  # callable returning the editor's current text
        self.draft_id: int | None = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def begin(self, text: str, title: str = "", language: str = "auto", platform: str = "linkedin", exercise_id: str | None = None) -> int:
        """Start a new draft in the database with `text` and make it the one reopened next time."""
        self.flush()
        self.draft_id = self.store.create_draft(text=text, title=title, language=language, platform=platform, exercise_id=exercise_id)
        self.store.set_setting(LAST_DRAFT_KEY, str(self.draft_id))
        self._dirty = False
        return self.draft_id

    def resume(self):
        """The draft that was open last time (restored after a crash), or None."""
        value = self.store.get_setting(LAST_DRAFT_KEY)
        if not value:
            return None
        try:
            draft = self.store.get_draft(int(value))
        except (KeyError, LookupError, ValueError):
            return None
        if draft is None or getattr(draft, "deleted_at", None):
            return None
        self.draft_id = draft.id
        self._dirty = False
        return draft

    def edited(self) -> None:
        """Call on every edit: schedules a save within `interval_ms` (not postponed by more typing)."""
        if self.draft_id is None:
            return
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Write the current text now if it changed since the last save."""
        self._timer.stop()
        if not self._dirty or self.draft_id is None:
            return
        try:
            self.store.autosave(self.draft_id, self._text())
        except Exception as exc:  # noqa: BLE001 - a failing disk must not take the editor down
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            self._timer.start()  # try again
            return
        self._dirty = False
        self.saved.emit(self.draft_id)

    def save_revision(self, text: str, label: str, result=None) -> int | None:
        """A named revision with the scores and findings as they are now."""
        if self.draft_id is None:
            return None
        self.flush()
        return self.store.save_revision(self.draft_id, text, label=label, result=result)

    def history(self) -> list[tuple[str, dict]]:
        """(label, scores) of the draft's saved revisions, oldest first, for the history chart."""
        if self.draft_id is None:
            return []
        out = []
        for rev in self.store.revisions(self.draft_id):
            scores = getattr(rev, "scores", None) or {}
            if scores:
                out.append((rev.label or "", dict(scores)))
        return out
