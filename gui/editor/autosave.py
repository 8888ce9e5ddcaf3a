"""Never lose work: the open draft reaches the database within a second of the first unsaved edit.

The timer is started by the first edit and NOT restarted by later ones, so even someone typing
without a pause is saved every second; a crash (or SIGKILL) costs at most that second. The
draft's id is remembered, so the next start reopens it.

A write that fails (full disk, a damaged or locked database) is reported through `failed` with
one line and retried by the same timer until it succeeds: autosaves and named revisions alike.
Each write is one SQLite transaction, so a failure leaves nothing half-written. A read-only
database (`store.readonly`) is read but never written: nothing is autosaved, and `failed` is
never spammed about it (the window says so once, in its title and status bar).

A reply to a comment (issue 15) keeps its comment and post the same way: `context_edited()` marks
them unsaved, and the same timer writes them (`Store.set_reply_context`) before the text and before
any revision, so a revision always keeps the comment it was scored against.
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
        self.readonly = bool(getattr(store, "readonly", False))
        self._dirty = False
        self._context_dirty = False  # a reply's comment or post changed since the last save
        self.context_source = lambda: None  # callable: (comment, post) of the open reply, None for a post
        self._pending: list[tuple[int, str, str, object]] = []  # revisions still to write: (draft, text, label, result)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    def begin(self, text: str, title: str = "", language: str = "auto", platform: str = "linkedin", exercise_id: str | None = None,
              reply: tuple[str, str] | None = None) -> int:
        """Start a new draft in the database with `text` and make it the one reopened next time.

        Returns None (the text lives only in the editor) where the database is read-only or the
        new draft cannot be written; the reason goes to `failed`. `reply` = (comment, post) makes
        the new draft a reply to that comment."""
        self.flush()
        self.draft_id = None
        self._dirty = self._context_dirty = False
        if self.readonly:
            return None
        kind = {} if reply is None else {"kind": "reply", "comment": reply[0], "post_context": reply[1]}
        try:
            self.draft_id = self.store.create_draft(text=text, title=title, language=language, platform=platform, exercise_id=exercise_id, **kind)
            self.store.set_setting(LAST_DRAFT_KEY, str(self.draft_id))
        except Exception as exc:  # noqa: BLE001 - a failing disk must not take the editor down
            self.failed.emit(_one_line(exc))
            if self.draft_id is not None:
                self._dirty = True  # the draft exists: its text is saved by the retry
                self._timer.start()
        return self.draft_id

    def remember(self, draft_id: int) -> None:
        """Make `draft_id` the draft reopened at the next start (nothing is written where the database is read-only)."""
        if self.readonly:
            return
        try:
            self.store.set_setting(LAST_DRAFT_KEY, str(draft_id))
        except Exception as exc:  # noqa: BLE001 - only a convenience; never fatal
            self.failed.emit(_one_line(exc))

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
        self._dirty = self._context_dirty = False
        return draft

    def store_settings(self, platform: str | None = None, language: str | None = None) -> None:
        """Remember the open draft's platform or language choice with it (read back when it is opened)."""
        if self.draft_id is None or self.readonly:
            return
        try:
            self.store.set_draft_settings(self.draft_id, platform=platform, language=language)
        except Exception as exc:  # noqa: BLE001 - a failing disk must not take the editor down
            self.failed.emit(_one_line(exc))

    def edited(self) -> None:
        """Call on every edit: schedules a save within `interval_ms` (not postponed by more typing)."""
        if self.draft_id is None or self.readonly:
            return
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def context_edited(self) -> None:
        """Call when a reply's comment or post changed: saved with the text, within `interval_ms`."""
        if self.draft_id is None or self.readonly:
            return
        self._context_dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Write the current text now if it changed since the last save, then any revision still waiting.

        Returns False if something could not be written (reported through `failed`, retried)."""
        self._timer.stop()
        if self.readonly:
            return True
        context = self.context_source() if self._context_dirty and self.draft_id is not None else None
        if context is not None:
            try:
                self.store.set_reply_context(self.draft_id, context[0], context[1])
            except Exception as exc:  # noqa: BLE001 - same message and retry as the text
                return self._retry_later(exc)
        self._context_dirty = False
        if self._dirty and self.draft_id is not None:
            try:
                self.store.autosave(self.draft_id, self._text())
            except Exception as exc:  # noqa: BLE001 - a failing disk must not take the editor down
                return self._retry_later(exc)
            self._dirty = False
            self.saved.emit(self.draft_id)
        while self._pending:
            draft_id, text, label, result = self._pending[0]
            try:
                self.store.save_revision(draft_id, text, label=label, result=result)
            except LookupError:  # the draft was deleted for good meanwhile: nothing to attach it to
                pass
            except Exception as exc:  # noqa: BLE001 - same message and retry as the autosave
                return self._retry_later(exc)
            self._pending.pop(0)
        return True

    def _retry_later(self, exc: BaseException) -> bool:
        self.failed.emit(_one_line(exc))
        self._timer.start()  # try again
        return False

    @property
    def pending_revisions(self) -> int:
        """Named revisions not written yet (a full disk, say); they are retried with the autosave."""
        return len(self._pending)

    def save_revision(self, text: str, label: str, result=None) -> bool | None:
        """A named revision with the scores and findings as they are now.

        True once written; False if it could not be written yet (reported through `failed` and
        retried every `interval_ms` until it is); None without a draft in the database."""
        if self.draft_id is None or self.readonly:
            return None
        self._pending.append((self.draft_id, text, label, result))
        return self.flush()

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


def _one_line(exc: BaseException) -> str:
    """The reason of a failed write, for the status bar: one line, no traceback."""
    return " ".join(str(exc).split()) or type(exc).__name__
