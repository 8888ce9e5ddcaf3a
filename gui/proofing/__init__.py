"""Spelling and grammar in the editor: the background service around resonanz.core.proofing and
its settings dialog (which says exactly what leaves the computer).

May import: resonanz.core (proofing, analysis) and gui.app.
"""
