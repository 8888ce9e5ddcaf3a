"""The main window and its text editor: the window shell and its parts (menus and actions, files,
the document and its analysis), the text editor with its marks (`text_editor`), autosave into
the store (`autosave`), the live analysis worker thread (`worker`) and the compare view.

May import: resonanz.core, gui.panel, gui.coaching, gui.reports, gui.proofing, gui.app (not the reverse,
except gui.app.start, which builds the window).
"""
