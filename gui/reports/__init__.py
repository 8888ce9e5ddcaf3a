"""Reports in the desktop app: the export dialog with its live preview, the PDF (laid out and drawn
with Qt), and the README's example pages.

May import: resonanz.core (reports, storage), gui.panel (colours) and gui.app.
"""
