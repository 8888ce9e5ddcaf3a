"""Reply mode (issue 15): the draft is an organisation's reply to a comment under its post.

Above the reply editor stand the COMMENT being answered (an editable plain-text field) and,
folded away until wanted, the POST the comment is under. While the open draft is a reply, the live
analysis scores the editor's text with `core.analysis.reply.analyze_reply` against them
(`ReplyMode.context()` goes with every request, live.py); an edit of either field asks again and
is autosaved with the draft (autosave.py `DraftKeeper.context_edited`). Findings whose passage
lies in the comment (`ReplyResult.comment_spans`) are marked in the comment field.

`ReplyFields` is the widget; `ReplyMode` is the window's part that switches it on and off as
drafts come and go (document.py) and starts a new reply (File › New reply to a comment…).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit, QTextEdit, QToolButton, QVBoxLayout, QWidget

from resonanz.core.analysis.model import Finding, Span
from resonanz.gui.app import theme as themes
from resonanz.gui.editor.textpos import OffsetMap

#: Lines of text the comment field shows before it scrolls; the post field shows a few less.
COMMENT_LINES, POST_LINES = 4, 3


def _field_height(edit: QPlainTextEdit, lines: int) -> int:
    """The height of `lines` lines of `edit`'s font, frame and margins included."""
    margins = edit.contentsMargins()
    doc_margin = edit.document().documentMargin()
    return round(QFontMetrics(edit.font()).lineSpacing() * lines + 2 * doc_margin + margins.top() + margins.bottom() + 2 * edit.frameWidth())


class ReplyFields(QWidget):
    """"Comment you are answering" (always shown), "Post the comment is under (optional)" (folded), "Your reply"."""

    edited = Signal()  # the comment or the post changed (typed, pasted); not when set_texts fills them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyFields")
        self._filling = False
        self._theme = themes.system_theme()
        self.comment_label = QLabel(self)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("commentEdit")
        self.post_button = QToolButton(self)
        self.post_button.setCheckable(True)
        self.post_button.setAutoRaise(True)
        self.post_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.post_button.setArrowType(Qt.ArrowType.RightArrow)
        self.post_edit = QPlainTextEdit(self)
        self.post_edit.setObjectName("postEdit")
        self.post_edit.hide()
        self.reply_label = QLabel(self)
        for label, buddy in ((self.comment_label, self.comment_edit), (self.reply_label, None)):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            if buddy is not None:
                label.setBuddy(buddy)
        for edit in (self.comment_edit, self.post_edit):
            edit.setTabChangesFocus(True)  # Tab goes on to the reply, as in a form
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            edit.textChanged.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.post_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.post_edit)
        layout.addWidget(self.reply_label)
        self.post_button.toggled.connect(self._on_post_toggled)
        self._fit_heights()
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def comment(self) -> str:
        return self.comment_edit.toPlainText()

    def post(self) -> str:
        return self.post_edit.toPlainText()

    def set_texts(self, comment: str, post: str) -> None:
        """Fill both fields (a draft was opened): no `edited`; the post field opens if there is a post."""
        self._filling = True
        try:
            for edit, text in ((self.comment_edit, comment), (self.post_edit, post)):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._filling = False
        self.post_button.setChecked(bool(post.strip()))
        self.mark_comment(())

    def _on_changed(self) -> None:
        if not self._filling:
            self.edited.emit()

    def _on_post_toggled(self, on: bool) -> None:
        self.post_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.post_edit.setVisible(on)

    # ------------------------------------------------------------------ marks in the comment
    def mark_comment(self, marks: Sequence[tuple[Finding, Span]]) -> None:
        """Underline the passages of the comment that findings refer to (spans in Python offsets)."""
        text = self.comment()
        offsets = OffsetMap(text)
        selections = []
        for finding, span in marks:
            start, end = min(max(span.start, 0), len(text)), min(max(span.end, 0), len(text))
            if end <= start:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.comment_edit.document())
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            colour = QColor(self._theme.dimension.get(finding.dimension, self._theme.accent))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(colour)
            tint = QColor(colour)
            tint.setAlpha(40)
            fmt.setBackground(tint)
            fmt.setToolTip(finding.message)
            sel.format = fmt
            selections.append(sel)
        self.comment_edit.setExtraSelections(selections)

    def marked_count(self) -> int:
        """How many passages of the comment are marked (tests, screen readers' summary)."""
        return len(self.comment_edit.extraSelections())

    def select_in_comment(self, span: Span) -> None:
        """Select a passage of the comment and scroll to it (the keyboard stays where it is)."""
        text = self.comment()
        offsets = OffsetMap(text)
        cursor = QTextCursor(self.comment_edit.document())
        cursor.setPosition(offsets.to_qt(min(span.start, len(text))))
        cursor.setPosition(offsets.to_qt(min(span.end, len(text))), QTextCursor.MoveMode.KeepAnchor)
        self.comment_edit.setTextCursor(cursor)
        self.comment_edit.ensureCursorVisible()

    # ------------------------------------------------------------------ look
    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        self.setStyleSheet(f"QWidget#replyFields {{ border-bottom: 3px solid {theme.dimension['reply']}; }}")

    def _fit_heights(self) -> None:
        self.comment_edit.setFixedHeight(_field_height(self.comment_edit, COMMENT_LINES))
        self.post_edit.setFixedHeight(_field_height(self.post_edit, POST_LINES))

    def retranslate(self) -> None:
        self.comment_label.setText(self.tr("Comment you are answering"))
        self.comment_edit.setPlaceholderText(self.tr("Paste or type the comment here: your reply is scored as an answer to it."))
        self.comment_edit.setAccessibleName(self.tr("Comment you are answering"))
        self.post_button.setText(self.tr("Post the comment is under (optional)"))
        self.post_button.setAccessibleName(self.tr("Show or hide the post the comment is under"))
        self.post_edit.setPlaceholderText(self.tr("The post, if you have it: words the comment only repeats from it are its topic, not its point."))
        self.post_edit.setAccessibleName(self.tr("Post the comment is under"))
        self.reply_label.setText(self.tr("Your reply"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_heights()


class ReplyMode:
    """The window's reply mode: shows the fields for a reply draft, hides them for a post."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.active = False
        self.fields = ReplyFields(window)
        self.fields.hide()
        self.fields.edited.connect(self._on_edited)
        f = self.fields  # Tab: comment → post toggle → post (when open) → the reply
        for first, second in ((f.comment_edit, f.post_button), (f.post_button, f.post_edit), (f.post_edit, window.editor)):
            QWidget.setTabOrder(first, second)

    def context(self) -> tuple[str, str] | None:
        """(comment, post) while the open draft is a reply, else None (a post)."""
        return (self.fields.comment(), self.fields.post()) if self.active else None

    def show(self, context: tuple[str, str] | None) -> None:
        """The open draft becomes a reply to `context` = (comment, post), or a post (None)."""
        self.active = context is not None
        self.fields.set_texts(*(context or ("", "")))
        self.fields.setVisible(self.active)
        panel = self.window.panel
        panel.platform_combo.setVisible(not self.active)  # a reply is scored without a platform
        if self.active:  # the history chart draws the four dimensions: a reply's one score has no line there yet
            panel.history_button.setChecked(False)
        panel.history_button.setVisible(not self.active)

    def show_draft(self, draft) -> None:
        """A stored draft was opened: reply mode for a reply, the post editor for a post."""
        is_reply = getattr(draft, "kind", "post") == "reply"
        self.show((draft.comment or "", draft.post_context or "") if is_reply else None)

    def new_reply(self) -> None:
        """File › New reply to a comment… (Ctrl+Shift+Y): an empty reply; the keyboard goes to the comment."""
        w = self.window
        if not w.maybe_save():
            return
        w.doc.load_text("", None, reply=("", ""))
        self.fields.comment_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_result(self, result) -> None:
        """Mark the passages of the comment that the reply's findings refer to (nothing for a post)."""
        spans = getattr(result, "comment_spans", None)
        if not self.active or spans is None or result.comment != self.fields.comment():
            self.fields.mark_comment(())
            return
        self.fields.mark_comment([(f, s) for f, group in zip(result.findings, spans) for s in group])

    def comment_spans(self, finding: Finding) -> tuple[Span, ...]:
        """Where in the comment `finding` (of the shown result) points; () if nowhere."""
        result = self.window.result
        for f, group in zip(getattr(result, "findings", ()), getattr(result, "comment_spans", ())):
            if f == finding:
                return tuple(group)
        return ()

    def select_in_comment(self, finding: Finding) -> bool:
        """Select the comment's passage of a finding that has none in the reply; False if it has none there."""
        spans = self.comment_spans(finding) if self.active else ()
        if spans:
            self.fields.select_in_comment(spans[0])
        return bool(spans)

    def _on_edited(self) -> None:
        w = self.window
        if not self.active:
            return
        if w.keeper is not None:
            w.keeper.context_edited()
        w.live.request_analysis()


__all__ = ["COMMENT_LINES", "POST_LINES", "ReplyFields", "ReplyMode"]
