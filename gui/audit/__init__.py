"""The page audit window (issue 13): choose an export, watch the audit run, read what travelled.

Owns `charts` (score vs outcome, outcome over time, effect bars with intervals, painted with
QPainter), `view` (the result: summary, the two lists, what works, the charts), `runner` (import
and audit on a worker thread with progress and cancel) and `dialog` (the window File › Page audit…
opens: file, platform, language, mapping for unknown layouts, run, save, export).

May import: resonanz.core (audit, analysis, storage, reports), gui.app and gui.reports.
"""
