"""Reports: a draft sheet, a participant's progress and a workshop summary as ONE format-independent
document model (`Report` of `Block`s), rendered to Markdown, self-contained HTML or CSV.

Every string that came from a user (draft text, titles, names, notes, finding texts) is escaped by
the renderers: nothing in a draft can restyle a report, link anywhere or run code. The HTML has no
script at all, no external URL and a strict Content-Security-Policy; charts are inline SVG.
Report chrome (headings, labels) is in the chosen language; finding texts stay in the draft's.

This module is the front door: `build` picks the builder for a kind, `TEXT_RENDERERS` the
renderer for a text format. The parts: the document model in `model`, the three builders in
`builders` and the page audit's in `audit_report`, one module per format (`markdown`, `html`, `csv`; `terminal` for `resonanz score`).
"""

from __future__ import annotations

from typing import Any

from resonanz.core.reports.audit_report import audit_report
from resonanz.core.reports.builders import draft_sheet, participant_progress, workshop_summary
from resonanz.core.reports.csv import to_csv
from resonanz.core.reports.html import to_html
from resonanz.core.reports.markdown import to_markdown
from resonanz.core.reports.model import Report

__all__ = ["KINDS", "TEXT_RENDERERS", "build"]

KINDS = ("draft", "participant", "session", "audit")


def build(store: Any, kind: str, item_id: int, language: str = "de", pseudonyms: bool = False) -> Report:
    """The report of one draft, participant, session or stored page audit (what the CLI and the export dialog call)."""
    if kind == "draft":
        return draft_sheet(store, item_id, language)
    if kind == "participant":
        return participant_progress(store, item_id, language, pseudonyms=pseudonyms)
    if kind == "session":
        return workshop_summary(store, item_id, language, pseudonyms)
    if kind == "audit":
        return audit_report(store, item_id, language)
    raise ValueError(f"report kind must be one of {', '.join(KINDS)}, not {kind!r}")


#: The formats rendered here, in core (PDF is drawn by resonanz.gui.reports.report_pdf).
TEXT_RENDERERS = {"md": to_markdown, "html": to_html, "csv": to_csv}
