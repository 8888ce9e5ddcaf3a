"""The main window's title: which draft is open, whether something is not kept yet, and read-only.

A draft is named by its title (a file's name, an exercise's title, or the title given in My
drafts), else by the first words of its text, else "Untitled draft". The "•" mark means there
is something not kept yet: an opened file that is behind the editor, or a draft that lives only
in the editor. Drafts in My drafts are autosaved and never carry it. In presentation mode the
title says only "Resonanz": the room does not need the file name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

TITLE_WORDS = 6  # an untitled draft is named by the first words of its text
_LOOK = 200  # characters read for them: a 5 MB draft costs nothing here


def draft_name(title: str, text: str) -> str:
    """The draft's name for the title bar: its title, or its first words with "…" if it goes on."""
    if title.strip():
        return title.strip()
    line = next((ln.strip() for ln in text[:_LOOK].splitlines() if ln.strip()), "")
    words = line.split()
    if not words:
        return ""
    shown = " ".join(words[:TITLE_WORDS])
    return shown + ("\u2026" if len(words) > TITLE_WORDS else "")


def window_title(window) -> str:
    """The title the main window shows now."""
    w = window
    app = QCoreApplication.translate("MainWindow", "Resonanz (read-only)") if w.read_only else "Resonanz"
    if w.presenting:
        return app
    title = w.path.name if w.path is not None else (w.draft_title or "")
    name = draft_name(title, w.editor.toPlainText()) or QCoreApplication.translate("MainWindow", "Untitled draft")
    behind = w.editor.document().isModified() and (w.path is not None or not w.files.in_database())
    return f"{'•' if behind else ''}{name} — {app}"


__all__ = ["TITLE_WORDS", "draft_name", "window_title"]
