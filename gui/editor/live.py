"""The live analysis of the open draft: requests while typing, results into editor and panel, spelling and grammar.

The newest results stay on the window (`result`, `grammar_result`); this controller owns how
they are asked for and shown, and the one-click fixes the panel offers. While the draft is a reply
to a comment (`window.reply`, reply_mode.py), the editor's text is scored as that reply: the
comment and post go with every request, and an edit of them asks again (`request_analysis`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow

from resonanz.core.analysis.engine import platform_profile
from resonanz.core.analysis.model import AnalysisResult, Finding
from resonanz.core.analysis.platforms import count_characters

from .text_editor import live_mark_limits


class LiveAnalysis:
    """Feeds every edit to the analyzer and the grammar service and shows what comes back."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self._profile_key: tuple[str, str] | None = None  # (platform, language) of the cached counter profile
        self._profile = None
        self.draft_language: str | None = None  # the language last chosen or detected for this draft
        # A draft over the live-mark limit (resources/editor.toml) is copied out of the editor once per
        # typing pause, not once per keystroke: a copy of 5 MB costs ~10 ms, more than a keystroke may.
        self._long_limit = live_mark_limits()[0]
        self._long_pause = QTimer(window, singleShot=True, timeout=self._request_all)

    def new_draft(self, language: str | None = None) -> None:
        """Another draft is shown: forget the last one's language (`language`: the new draft's stored one)."""
        self.draft_language = language if language in ("de", "en") else None

    def fallback_language(self) -> str | None:
        """The language for a draft with too few words of its own to detect (only a link, emoji or
        hashtags): the last language chosen or detected for this draft, else the UI language."""
        if self.draft_language is not None:
            return self.draft_language
        ui = getattr(getattr(self.window, "translations", None), "language", None)
        return ui if ui in ("de", "en") else None

    def on_text_changed(self) -> None:
        w = self.window
        if w.keeper is not None:
            w.keeper.edited()
        if w.editor.document().characterCount() > self._long_limit:
            self._long_pause.start(w.analyzer.delay_ms)  # counter, analysis and checks follow the pause
            return
        self._long_pause.stop()
        self._request_all()

    def _request_all(self) -> None:
        w = self.window
        text = w.editor.toPlainText()  # a copy of the whole document
        w.analyzer.request(text, w.language, w.platform, self.fallback_language(), w.reply.context())
        w.grammar.request(text, w.language)
        self.update_counter_estimate(text)

    def request_analysis(self, now: bool = False) -> None:
        """Only the analysis again, after the pause (or `now`): the comment or post of a reply changed."""
        w = self.window
        ask = w.analyzer.request_now if now else w.analyzer.request
        ask(w.editor.toPlainText(), w.language, w.platform, self.fallback_language(), w.reply.context())

    def update_counter_estimate(self, text: str | None = None) -> None:
        """The counter follows every keystroke (cheap); the full analysis follows the pause."""
        w = self.window
        profile = self._counter_profile()
        text = w.editor.toPlainText() if text is None else text
        w.panel.set_counter(count_characters(text, profile), profile.limit)

    def _counter_profile(self):
        """The platform profile with the user's overrides, looked up once per platform and language."""
        w = self.window
        language = w.result.language if w.result is not None and w.language == "auto" else w.language
        key = (w.platform, language)
        if self._profile_key != key:
            self._profile_key, self._profile = key, platform_profile(w.platform, language)
        return self._profile

    def reanalyze_now(self) -> None:
        """Analyse the current text without waiting for a typing pause."""
        w = self.window
        text = w.editor.toPlainText()
        w.analyzer.request_now(text, w.language, w.platform, self.fallback_language(), w.reply.context())
        w.grammar.request(text, w.language, now=True)

    def on_result(self, text: str, result: AnalysisResult) -> None:
        w = self.window
        # the engine's own fold and limit, user overrides included: nothing is computed twice here
        # not judged (too little text): no marks at all, spelling included
        grammar = self._grammar_findings_for(text) if result.judged else ()
        if not w.editor.show_analysis(text, result.findings + grammar, result.stats.get("fold"), QCoreApplication.translate("MainWindow", "… more")):
            return  # the text changed since: a newer result is on its way
        w.result = result
        if result.language_reason != "too_few_words":
            self.draft_language = result.language
        w.panel.show_result(result)
        w.reply.show_result(result)  # a reply's findings that point into the comment are marked there
        w.targets.update_result(result)
        if "characters" in result.stats:  # a reply has no platform limit: the counter follows the typing
            w.panel.set_counter(result.stats["characters"], result.stats["characters_limit"])
        w._update_status()
        w._update_title()  # an untitled draft is named by its first words

    def on_finding_activated(self, finding: Finding) -> None:
        """Select the finding's passage; the keyboard stays in the findings list (Enter there never edits)."""
        if finding.spans:
            self.window.editor.select_span(finding.spans[0].start, finding.spans[0].end, focus=False)
        else:  # a reply's finding about the comment only (the question it leaves unanswered)
            self.window.reply.select_in_comment(finding)

    def go_to_text(self) -> None:
        """Edit › Go to text (Ctrl+Enter): the editor takes the keyboard, at the selected finding's passage."""
        w = self.window
        finding = w.panel.selected_finding()
        if finding is not None and finding.spans and not w.editor.hasFocus():
            w.editor.select_span(finding.spans[0].start, finding.spans[0].end)
        w.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ------------------------------------------------------------------ spelling and grammar
    def _grammar_findings_for(self, text: str) -> tuple[Finding, ...]:
        g = self.window.grammar_result
        return g.findings if g is not None and g.text == text else ()

    def on_grammar_result(self, result) -> None:
        w = self.window
        text = w.editor.toPlainText()
        if not result.is_for(text):
            return  # made for an older text: the check of the newest one is on its way
        w.grammar_result = result
        w.panel.set_grammar(result.findings)
        if w.result is not None and w.result.text == text and w.result.judged:
            w.editor.show_analysis(text, w.result.findings + result.findings, w.result.stats.get("fold"), QCoreApplication.translate("MainWindow", "… more"))
        self.update_grammar_status()

    def update_grammar_status(self) -> None:
        from resonanz.gui.proofing.grammar import status_line

        w = self.window
        status = w.grammar.status()
        w.panel.set_grammar_status(str(status.state.value), status_line(status, w.grammar.settings, w.translations.language))

    def apply_replacement(self, finding: Finding, replacement: str) -> bool:
        """One click: put `replacement` where the finding is (one undo step); False if the text moved on."""
        w = self.window
        g = w.grammar_result
        text = w.editor.toPlainText()
        if not finding.spans or g is None or finding not in g.findings:
            return False
        start, end = finding.spans[0].start, finding.spans[0].end
        if text[start:end] != g.text[start:end] or text != g.text:
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "The text changed; the suggestion is checked again."), 4000)
            return False
        w.editor.select_span(start, end)
        w.editor.textCursor().insertText(replacement)
        w.editor.setFocus()
        return True

    def add_to_dictionary(self, finding: Finding) -> str | None:
        """The finding's word goes into the user's word list; the check runs again at once."""
        from resonanz.core.proofing import spelling

        w = self.window
        g = w.grammar_result
        if not finding.spans or g is None:
            return None
        word = g.text[finding.spans[0].start:finding.spans[0].end]
        try:
            spelling.add_word(word)
        except (OSError, ValueError) as exc:
            w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Could not add the word: %1").replace("%1", str(exc)), 8000)
            return None
        w.panel.set_grammar([f for f in g.findings if f.rule != "SPELL" or g.text[f.spans[0].start:f.spans[0].end] != word])
        w.grammar.request(w.editor.toPlainText(), w.language, now=True)
        w.statusBar().showMessage(QCoreApplication.translate("MainWindow", "“%1” is in your dictionary now.").replace("%1", word), 5000)
        return word

    def show_grammar_settings(self) -> QDialog:
        """Settings → Spelling and grammar…: off, LanguageTool here, or a LanguageTool server."""
        from resonanz.gui.proofing.grammar import GrammarSettingsDialog, save_grammar_settings

        w = self.window
        dialog = GrammarSettingsDialog(w.grammar.settings, w.translations.language, w)

        def done(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and dialog.result_settings is not None:
                save_grammar_settings(w.settings, dialog.result_settings)
                w.grammar.configure(dialog.result_settings)
                self.update_grammar_status()
                w.grammar.request(w.editor.toPlainText(), w.language, now=True)

        dialog.finished.connect(done)
        self._grammar_dialog = dialog
        dialog.open()
        return dialog


__all__ = ["LiveAnalysis"]
