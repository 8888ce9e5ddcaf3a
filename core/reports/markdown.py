"""A report as Markdown: user text escaped so it can neither restyle the report nor inject HTML or links.

Owns `to_markdown` and `md_escape`. Imports only `model`.
"""

from __future__ import annotations

import re
from typing import Sequence

from resonanz.core.reports.model import BulletList, Chart, EvidenceNote, Heading, MarkedText, Paragraph, Report, ScoreTable, Table, segments

__all__ = ["md_escape", "to_markdown"]

_MD_INLINE = set("\\`*_[]|~")  # active anywhere in a line (emphasis, code, links, tables)
_MD_BLOCK_START = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)  # headings, lists, setext lines
_MD_ORDERED_START = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)  # "1." / "1)" would start a list


def md_escape(text: str) -> str:
    """User text as inert Markdown: & < > as entities, inline markers escaped, block markers escaped
    only at the start of a line (so "2026-01-15" and "+39" stay readable)."""
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _MD_INLINE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    escaped = _MD_BLOCK_START.sub(r"\1\\\2", escaped)
    return _MD_ORDERED_START.sub(r"\1\\\2", escaped)


def _md_lines(text: str) -> str:
    """Escaped multi-line text: single line breaks kept (hard breaks), blank lines stay paragraph breaks."""
    return "  \n".join(md_escape(line) for line in text.split("\n")).replace("  \n  \n", "\n\n")


def _md_marked(block: MarkedText) -> str:
    """Marked passages in bold; touching marks merge into one bold run (no "****" seams)."""
    runs: list[tuple[str, bool]] = []
    for piece, mark in segments(block.text, block.marks):
        bold = mark is not None and mark.severity != "good"
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + piece, bold)
        else:
            runs.append((piece, bold))
    parts = []
    for piece, bold in runs:
        rendered = []
        for line in piece.split("\n"):
            core = line.strip()
            if not bold or not core:
                rendered.append(md_escape(line))
            else:
                lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()):]
                rendered.append(f"{md_escape(lead)}**{md_escape(core)}**{md_escape(trail)}")
        parts.append("  \n".join(rendered))
    return "".join(parts).replace("  \n  \n", "\n\n")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md_escape(c).replace("\n", " ") for c in row) + " |" for row in rows]
    return out


def _md_note(note: EvidenceNote | None) -> str:
    """A finding's evidence on its own line under the item: "**Supported:** in the expected direction …"."""
    if note is None:
        return ""
    rest = note.sentence[len(note.label) + 1:].lstrip() if note.sentence.startswith(note.label + ":") else note.sentence
    return f"  \n  **{md_escape(note.label)}:** {md_escape(rest)}"


def to_markdown(report: Report) -> str:
    """The report as Markdown; user text can neither restyle it nor inject HTML or links."""
    out = [f"# {md_escape(report.title)}", "", f"*{md_escape(report.subtitle)}*", ""]
    for block in report.blocks:
        if isinstance(block, Heading):
            out += ["#" * min(max(block.level, 1), 6) + " " + md_escape(block.text), ""]
        elif isinstance(block, Paragraph):
            out += [_md_lines(block.text), ""]
        elif isinstance(block, ScoreTable):
            out += _md_table(block.header, [(r.dimension, "–" if r.value is None else str(r.value), r.light_label or r.light, r.delta or "–") for r in block.rows]) + [""]
        elif isinstance(block, Table):
            out += _md_table(block.header, block.rows) + [""]
        elif isinstance(block, BulletList):
            out += [f"- {_md_lines(item)}" + _md_note(block.notes[i] if i < len(block.notes) else None) for i, item in enumerate(block.items)] + [""]
        elif isinstance(block, MarkedText):
            out += [_md_marked(block), ""]
        elif isinstance(block, Chart):
            if block.kind == "radar":
                out += _md_table(("", *(s.name for s in block.series)), [(label, *(str(s.values[i]) for s in block.series)) for i, label in enumerate(block.labels)])
            else:
                out += _md_table(("", *(s.name for s in block.series)), [(label, *(str(s.values[i]) for s in block.series)) for i, label in enumerate(block.labels)])
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
