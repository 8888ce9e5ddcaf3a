"""The page audit (issue 13): a page's past posts with their numbers, scored, and what travelled.

Owns `model` (the records both halves share), `importers` (CSV/XLSX/JSON exports of five platforms
and a column mapping) and `audit` (scores, outcome rates within the page, travelled vs dead ends,
effects with intervals). Pure Python, no Qt.

May import: `resonanz.core.analysis` and the foundation.
"""
