"""The audit as a report: text for the terminal, a Markdown document, one CSV row per post, JSON.

Texts come from resources/audit.toml ([texts.de], [texts.en]); rule names from the rule packs.
Every CSV cell goes through `csv_safe_row` (no cell a spreadsheet would run as a formula).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from typing import Any

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.audit import figures
from resonanz.core.audit.figures import feature_name, fmt
from resonanz.core.audit.audit import Audit
from resonanz.core.fileio import csv_safe_row
from resonanz.core.plural import counted


def plain_lines(audit: Audit, language: str) -> tuple[list[str], list[str]]:
    """(what works, what holds back): one sentence per effect whose 90 % interval lies wholly on one
    side of 0, strongest first."""
    works: list[tuple[float, str]] = []
    holds: list[tuple[float, str]] = []
    for e in audit.effects:
        if e.clear:
            (works if e.clear > 0 else holds).append((abs(e.rho or 0.0), figures.plain_line(e, language)))
    shown = int(audit.settings.get("lines", 8))
    return [s for _r, s in sorted(works, key=lambda x: -x[0])[:shown]], [s for _r, s in sorted(holds, key=lambda x: -x[0])[:shown]]


def texts_of(language: str) -> dict[str, Any]:
    return figures.texts(language)


def _advice_lines(audit: Audit, language: str) -> list[str]:
    t = texts_of(language)
    out = []
    for a in audit.advice.values():
        outcome = t["outcome"].get(a["outcome"], a["outcome"])
        dim = feature_name(a["dimension"], language)
        if a["verdict"] in ("not_available", "constant"):  # no ρ to show
            out.append(f"{dim} / {outcome}: {t['verdict'][a['verdict']]}")
            continue
        lo, hi = a["ci90"]
        out.append(t["advice_line"].format(dimension=dim, outcome=outcome, rho=fmt(a["rho"], language), lo=fmt(lo, language),
                                           hi=fmt(hi, language), auc=fmt(a["auc"], language), n=a["n"], verdict=t["verdict"][a["verdict"]]))
    return out


def _post_lines(audit: Audit, rows: tuple[int, ...], language: str) -> list[str]:
    t = texts_of(language)
    main = audit.main_outcome
    out = []
    for row in rows[: int(audit.settings.get("shown", 5))]:
        p = audit.post(row)
        snippet = " ".join(p.record.text.split())
        snippet = snippet[:90] + ("…" if len(snippet) > 90 else "")
        value = fmt(p.outcomes.get(main) if main else None, language, 3)
        out.append(f"{t['row']} {row} ({p.record.date or '–'}, {t['outcome'][main] if main else ''} {value}): {snippet}")
        for f in p.findings or (t["no_findings"],):
            out.append(f"    · {f}")
    return out


def _sections(audit: Audit, language: str) -> list[tuple[str, list[str]]]:
    t = texts_of(language)
    head = [t["headline"].format(posts=counted(len(audit.posts), *t["posts"]), skipped=counted(audit.n_skipped, *t["rows"]), judged=audit.n_judged)]
    if audit.main_outcome:
        head.append(t["main_outcome"].format(outcome=t["outcome"][audit.main_outcome]))
    works, holds = plain_lines(audit, language)
    if not works and not holds:
        min_n = int(audit.settings.get("min_n", 0))
        n = max((e.n for e in audit.effects), default=0)
        works = [t["not_enough"].format(n=n, min_n=min_n) if n < min_n else t["nothing_clear"]]
    sections = [(t["title"], head), (t["travelled"], _post_lines(audit, audit.travelled, language)),
                (t["dead_ends"], _post_lines(audit, audit.dead_ends, language)), (t["works"], works)]
    if holds:
        sections.append((t["holds_back"], holds))
    sections.append((t["advice"], _advice_lines(audit, language)))
    return sections


def render_text(audit: Audit, language: str) -> str:
    """The terminal report: headline, travelled vs dead ends, what works, the advice check."""
    out = []
    for i, (title, lines) in enumerate(_sections(audit, language)):
        out += [title, "=" * len(title) if i == 0 else "-" * len(title), *lines, ""]
    return "\n".join(out)


def render_markdown(audit: Audit, language: str) -> str:
    """The same as a Markdown document."""
    out = []
    for i, (title, lines) in enumerate(_sections(audit, language)):
        out.append(("# " if i == 0 else "## ") + title)
        out.append("")
        for line in lines:
            if line.startswith("    · "):
                out.append("  - " + _md(line[6:]))
            else:
                out.append(("- " if i > 0 else "") + _md(line))
        out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    """Text safe inside Markdown: no HTML, no accidental emphasis or links."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def render_csv(audit: Audit) -> str:
    """One row per post: row, date, group, language, the four scores, every rate and percentile, text."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    rates = list(audit.rates)
    w.writerow(csv_safe_row(["row", "date", "group", "language", *DIMENSIONS, *rates, *(f"{r}_percentile" for r in rates), "text"]))
    for p in audit.posts:
        s = p.scored
        w.writerow(csv_safe_row([
            p.record.row, p.record.date or "", p.group or "", s.language,
            *(s.score(d) if s.judged else "" for d in DIMENSIONS),
            *(_cell(p.outcomes.get(r)) for r in rates), *(_cell(p.percentiles.get(r)) for r in rates),
            p.record.text,
        ]))
    return buf.getvalue()


def _cell(x: float | None) -> float | str:
    return "" if x is None else round(x, 6)


def render_json(audit: Audit) -> str:
    return "".join(json_chunks(audit))


def json_chunks(audit: Audit) -> Iterator[str]:
    """The JSON of `audit.to_dict()` in pieces, one post at a time: 100,000 posts never become one
    dict or one string in memory (as a whole, that JSON is about 100 MB and would need ten times that)."""
    head = audit.to_dict(posts=False)
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).iterencode
    yield "{\n"
    for key, value in head.items():
        yield f"  {json.dumps(key)}: "
        yield "".join(encode(value)).replace("\n", "\n  ")
        yield ",\n"
    yield '  "posts": ['
    line = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode  # one line per post: a 100,000-post page stays greppable and half the size
    for i, post in enumerate(audit.posts):
        yield ("," if i else "") + "\n    " + line(post.to_dict())
    yield "\n  ]\n}\n"
