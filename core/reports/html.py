"""A report as ONE self-contained HTML file: inline CSS and SVG charts, no script, no external URL.

Owns `to_html` and its Content-Security-Policy `CSP`; every user string is escaped. Imports
`model` and reads the app icon from ``resonanz.resources``.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any, Sequence

from resonanz.core.reports.model import BulletList, Chart, EvidenceNote, Heading, MarkedText, Paragraph, Report, ScoreTable, Table, segments

__all__ = ["CSP", "to_html"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_COLORS = ("#1f6feb", "#d9480f", "#2b8a3e", "#862e9c", "#495057")
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#212529;line-height:1.5}
h1{font-size:1.6rem;margin:.2rem 0}.sub{color:#6c757d;margin-top:0}
.brand{display:flex;align-items:center;gap:.4rem;margin:0;color:#1b5e9e;font-weight:600;font-size:.9rem}.mark{width:20px;height:20px}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #dee2e6;padding:.25rem .6rem;text-align:left}
.light{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:middle}
.red{background:#e03131}.amber{background:#f59f00}.green{background:#2f9e44}
.text{white-space:pre-wrap;border-left:4px solid #dee2e6;padding:.5rem 1rem;background:#f8f9fa}
mark{padding:0 .1em;border-radius:2px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8cc}
mark.suggestion{background:#fff3bf}mark.info{background:#d0ebff}mark.good{background:#d3f9d8}
.evidence{color:#495057;font-size:.9rem}.grade{display:inline-block;border-radius:.6em;padding:0 .5em;margin-right:.3em;font-size:.8rem;font-weight:600;border:1px solid}
.grade.supported{background:#d3f9d8;color:#1b5e20;border-color:#2f9e44}.grade.mixed{background:#fff3bf;color:#5c3c00;border-color:#f59f00}
.grade.unclear{background:#f1f3f5;color:#343a40;border-color:#adb5bd}.grade.contradicted{background:#ffe3e3;color:#8a1c1c;border-color:#e03131}
.grade.untested{background:#fff;color:#495057;border-color:#adb5bd;border-style:dashed}
svg text{font-size:11px;fill:#495057}.legend span{margin-right:1rem}
@media print{body{margin:0}}
""".strip()



def _score_cell(value: int | None) -> str:
    """A score, or "–" for a draft with too little text to judge."""
    return "–" if value is None else f"{value:d}"


def _light_dot(light: str) -> str:
    """The traffic-light dot; none for a score that is not judged."""
    return f'<span class="light {_e(light)}"></span>' if light else ""

def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _svg_radar(chart: Chart) -> str:
    size, cx, cy, r = 320, 160, 160, 110
    width, cx = 440, 220  # room left and right for axis names like "Platform fit"
    n = max(len(chart.labels), 1)

    def pt(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / 100 * math.cos(angle), cy + r * value / 100 * math.sin(angle)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{size}" viewBox="0 0 {width} {size}" role="img" aria-label="{_e(chart.title)}">']
    for ring in (25, 50, 75, 100):
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in (pt(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{poly}" fill="none" stroke="#dee2e6"/>')
    for i, label in enumerate(chart.labels):
        x, y = pt(i, 100)
        lx, ly = pt(i, 118)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}">{_e(label)}</text>')
    for k, s in enumerate(chart.series):
        color = _COLORS[k % len(_COLORS)]
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in (pt(i, v) for i, v in enumerate(s.values)))
        parts.append(f'<polygon points="{poly}" fill="{color}" fill-opacity="0.15" stroke="{color}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _svg_line(chart: Chart) -> str:
    w, h, left, top, bottom, right = 520, 240, 36, 12, 28, 12
    n = len(chart.labels)
    pw, ph = w - left - right, h - top - bottom

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + (pw * i / (n - 1) if n > 1 else pw / 2)
        return x, top + ph * (1 - v / 100)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{_e(chart.title)}">']
    for v in (0, 25, 50, 75, 100):
        _, y = xy(0, v)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#dee2e6"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    for i, label in enumerate(chart.labels):
        x, _ = xy(i, 0)
        parts.append(f'<text x="{x:.1f}" y="{h - 8}" text-anchor="middle">{_e(label)}</text>')
    for k, s in enumerate(chart.series):
        color = _COLORS[k % len(_COLORS)]
        pts = [xy(i, v) for i, v in enumerate(s.values)]
        parts.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in pts)}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>' for x, y in pts]
    parts.append("</svg>")
    return "".join(parts)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _brand_mark() -> str:
    """The app icon (resources/icons/resonanz-small.svg, our own file) as inline SVG, 20 px."""
    from importlib import resources

    svg = (resources.files("resonanz.resources") / "icons" / "resonanz-small.svg").read_text(encoding="utf-8")
    svg = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->|<title>.*?</title>|<defs>.*?</defs>", "", svg, flags=re.DOTALL).strip()
    svg = re.sub(r"url\(#[\w-]+\)", "#1B5E9E", svg)  # a flat brand blue: the report has no url() at all
    svg = re.sub(r"<svg\b", '<svg class="mark" aria-hidden="true"', svg, count=1)
    svg = re.sub(r'\s(width|height)="\d+"', "", svg.split(">", 1)[0], count=2) + ">" + svg.split(">", 1)[1]
    return re.sub(r">\s+<", "><", svg)


def _html_note(note: EvidenceNote | None) -> str:
    """A finding's evidence under the item: a badge with the grade's name (colour and text) and the sentence."""
    if note is None:
        return ""
    return f'<br><span class="evidence"><span class="grade {_e(note.grade)}">{_e(note.label)}</span> {_e(note.text)}</span>'


def to_html(report: Report) -> str:
    """The report as ONE self-contained HTML file: inline CSS and SVG, no script, no external URL."""
    body = [f'<p class="brand">{_brand_mark()}Resonanz</p>', f"<h1>{_e(report.title)}</h1>", f'<p class="sub">{_e(report.subtitle)}</p>']
    for block in report.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{_e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append("<p>" + _e(block.text).replace("\n", "<br>") + "</p>")
        elif isinstance(block, ScoreTable):
            head = "".join(f"<th>{_e(h)}</th>" for h in block.header)
            rows = "".join(
                f'<tr><td>{_e(r.dimension)}</td><td>{_score_cell(r.value)}</td><td>{_light_dot(r.light)}{_e(r.light_label or r.light)}</td><td>{_e(r.delta or "–")}</td></tr>'
                for r in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Table):
            body.append(_html_table(block.header, block.rows))
        elif isinstance(block, BulletList):
            body.append("<ul>" + "".join(f"<li>{_e(item)}{_html_note(block.notes[i] if i < len(block.notes) else None)}</li>" for i, item in enumerate(block.items)) + "</ul>")
        elif isinstance(block, MarkedText):
            pieces = []
            for piece, mark in segments(block.text, block.marks):
                if mark is None:
                    pieces.append(_e(piece))
                else:
                    pieces.append(f'<mark class="{_e(mark.severity)} {_e(mark.dimension)}">{_e(piece)}</mark>')
            body.append('<div class="text">' + "".join(pieces) + "</div>")
        elif isinstance(block, Chart):
            svg = _svg_radar(block) if block.kind == "radar" else _svg_line(block)
            legend = "".join(f'<span style="color:{_COLORS[k % len(_COLORS)]}">■ {_e(s.name)}</span>' for k, s in enumerate(block.series))
            body.append(f'<figure>{svg}<figcaption class="legend">{legend}</figcaption></figure>')
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(report.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(report.title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
