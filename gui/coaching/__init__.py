"""Coaching tools: the exercise library browser, score targets, My drafts, and coaching sessions and
workshops (session list, participants, attempts, gallery, progress).

May import: resonanz.core (analysis, storage, exercises), gui.panel (charts, colours) and gui.app.
"""
