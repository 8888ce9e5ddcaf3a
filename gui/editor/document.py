"""Which draft the window shows: loading, resuming and opening drafts, exercises, revisions, platform and language.

The draft's state stays on the window (`path`, `original`, `revisions`, `result`, `exercise`,
`platform`, `language`); this controller owns how it changes when a draft comes or goes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from resonanz.core.analysis.platforms import load_profiles
from resonanz.core.exercises.attempts import as_exercise, ensure_exercise


class DocumentController:
    """Loads drafts into the editor (from text, the database or an exercise) and keeps their history."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

    def load_text(self, text: str, path: Path | None = None, reply: tuple[str, str] | None = None) -> None:
        """Show `text` as the current draft (and the original to compare against); with a database, a new draft there.

        `reply` = (comment, post): the draft is a reply to that comment (reply_mode.py)."""
        w = self.window
        if w.keeper is not None:
            w.keeper.flush()  # the previous draft is safe before the editor is reused
            w.keeper.draft_id = None
        w.reply.show(reply)
        w.editor.setPlainText(text)
        w.editor.document().setModified(False)
        w.path = path
        w.draft_title = path.name if path else ""
        w.original = text
        w.revisions = []
        w.panel.set_history([], [])
        w.live.new_draft()
        self.set_exercise(None)
        if w.keeper is not None:
            w.keeper.begin(w.editor.toPlainText(), title=path.name if path else "", language=w.language, platform=w.platform, reply=reply)
        w._update_title()
        w.reanalyze_now()

    def resume_last_draft(self) -> bool:
        """Reopen the draft that was open last time, as autosaved (after a crash too)."""
        w = self.window
        if w.keeper is None:
            return False
        w.keeper.flush()
        draft = w.keeper.resume()
        if draft is None:
            return False
        self._show(draft)
        return True

    def open_draft(self, draft_id: int) -> bool:
        """Make a draft from the database the current draft (as last autosaved); False if it cannot be read."""
        w = self.window
        if w.keeper is None:
            return False
        try:
            draft = w.keeper.store.get_draft(draft_id)
        except (KeyError, LookupError, ValueError):
            return False
        w.keeper.flush()  # the previous draft is safe before the editor is reused
        w.keeper.remember(draft.id)
        self._show(draft)
        return True

    def _show(self, draft) -> None:
        """Put a stored draft into the editor with everything that belongs to it: its text, history,
        exercise, and the platform and language it is written for."""
        w = self.window
        w.keeper.draft_id = None  # setPlainText must not count as an edit
        w.reply.show_draft(draft)  # a reply: its comment and post above the editor
        w.editor.setPlainText(draft.text)
        w.keeper.draft_id = draft.id
        w.editor.document().setModified(False)
        w.path = None
        w.draft_title = draft.title or ""
        w.original = draft.text
        w.revisions = w.keeper.history()
        w.panel.set_history([sc for _, sc in w.revisions], [n for n, _ in w.revisions])
        w.live.new_draft(draft.language)
        exercise = None
        if draft.exercise_id:
            try:
                exercise = as_exercise(w.keeper.store.get_exercise(draft.exercise_id))
            except (KeyError, LookupError, ValueError):
                exercise = None
        self.set_exercise(exercise)
        if draft.platform in load_profiles():
            self.set_platform(draft.platform)
        if draft.language in ("auto", "de", "en"):
            self.set_language(draft.language)
        w._update_title()
        w.reanalyze_now()

    def start_exercise(self, exercise) -> int | None:
        """Begin a new draft from the exercise's starting draft, on its platform and in its language."""
        w = self.window
        exercise = as_exercise(exercise)
        if w.keeper is not None and not w.keeper.readonly:
            ensure_exercise(w.keeper.store, exercise)  # the new draft refers to it
            w.keeper.flush()
            w.keeper.draft_id = None
        self.set_platform(exercise.platform)
        self.set_language(exercise.language)
        reply = (exercise.comment, exercise.post_context or "") if getattr(exercise, "kind", "post") == "reply" else None
        w.reply.show(reply)
        w.editor.setPlainText(exercise.starting_draft)
        w.editor.document().setModified(False)
        w.path = None
        w.draft_title = exercise.title
        w.original = exercise.starting_draft
        w.revisions = []
        w.panel.set_history([], [])
        w.result = None
        w.live.new_draft(exercise.language)
        self.set_exercise(exercise)
        draft_id = None
        if w.keeper is not None:
            draft_id = w.keeper.begin(
                w.editor.toPlainText(), title=exercise.title, language=exercise.language, platform=exercise.platform, exercise_id=exercise.id,
                reply=reply,
            )
        w._update_title()
        w.reanalyze_now()
        return draft_id

    def end_exercise(self) -> None:
        """Hide the targets; the draft stays."""
        self.set_exercise(None)

    def set_exercise(self, exercise) -> None:
        w = self.window
        w.exercise = exercise
        w.targets.set_exercise(exercise)
        if exercise is not None and w.result is not None and w.result.text == w.editor.toPlainText():
            w.targets.update_result(w.result)
        w.act_end_exercise.setEnabled(exercise is not None)

    def set_platform(self, platform: str) -> None:
        w = self.window
        w.platform = platform
        w.panel.set_platforms([(p.id, p.name) for p in load_profiles().values()], platform)
        w.live.update_counter_estimate()

    def set_language(self, language: str) -> None:
        """Show the draft's language choice (from the draft or its exercise; nothing is stored here)."""
        w = self.window
        w.language = language
        w.panel.set_language_choice(language)

    def on_platform_changed(self, platform: str) -> None:
        """The user chose a platform: it belongs to this draft (and is the default for new ones)."""
        w = self.window
        w.platform = platform
        w.settings.setValue("platform", platform)
        if w.keeper is not None:
            w.keeper.store_settings(platform=platform)
        w.reanalyze_now()

    def on_language_changed(self, language: str) -> None:
        """The user chose the post's language (or "auto"): it belongs to this draft (and new ones start so)."""
        w = self.window
        w.language = language
        w.settings.setValue("language", language)
        if w.keeper is not None:
            w.keeper.store_settings(language=language)
        w.reanalyze_now()

    # ------------------------------------------------------------------ revisions
    def save_revision(self, label: str | None = None) -> None:
        """Add the current scores to the draft's history chart."""
        w = self.window
        context = w.reply.context()
        if w.result is None or w.result.text != w.editor.toPlainText() or (context is not None) != hasattr(w.result, "comment") or (
            context is not None and (w.result.comment, w.result.post or "") != context
        ):
            w.result = self._analyze_now(context)
        name = label or QCoreApplication.translate("MainWindow", "Revision %1").replace("%1", str(len(w.revisions) + 1))
        if w.result.judged:  # a draft too short to judge has no point on the history chart
            w.revisions.append((name, {d: s.value for d, s in w.result.scores.items()}))
            w.panel.set_history([s for _, s in w.revisions], [n for n, _ in w.revisions])
        if w.keeper is not None:
            w.keeper.save_revision(w.editor.toPlainText(), name, w.result)

    def _analyze_now(self, context: tuple[str, str] | None):
        """The open draft's result now, on the UI thread (saving a revision must not wait for the pool)."""
        w = self.window
        if context is not None:
            from resonanz.core.analysis.reply import analyze_reply

            return analyze_reply(context[0], w.editor.toPlainText(), post=context[1] or None, language=w.language,
                                 fallback_language=w.live.fallback_language())
        from resonanz.core.analysis.engine import analyze

        return analyze(w.editor.toPlainText(), language=w.language, platform=w.platform, fallback_language=w.live.fallback_language())

    def set_original(self) -> None:
        w = self.window
        w.original = w.editor.toPlainText()
        w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "This version is now the original to compare against."), 5000)


__all__ = ["DocumentController"]
