"""Reports: one document model for the draft sheet, a participant's progress and the workshop summary.

- `model`: the document (headings, paragraphs, tables, charts as data);
- `builders`: the three reports, built from the store and the engine, in German or English;
- `markdown`, `html`, `csv`: one module per format; `document`: `build()` and the renderers.
  (PDF is drawn by resonanz.gui.reports, because core never imports Qt.)

May import: `resonanz.core.analysis`, `resonanz.core.storage` and the foundation modules.
"""
