"""The page audit as a report (issue 13, point 4): the fourth report type, in every format.

Built from a stored audit's result (`store.audits.result(id)`, the JSON of `Audit.to_dict()`), so
it shows what the audit found when it ran. Blocks: the headline figures, the posts that travelled
and the dead ends side by side (with their scores, outcome and percentile), what works for this
audience (each effect with its 90 % interval and n, "not enough data" where n is small), and
whether Resonanz's advice holds on this page. The CSV has one row per post with its four scores.
Post texts stay in their own language; everything else follows the report language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.packs import load_pack
from resonanz.core.reports.model import BulletList, CsvRow, Heading, Paragraph, Report, Table, chrome
from resonanz.core.reports.plural import count

__all__ = ["audit_report", "audit_report_of", "main_outcome_of"]

_CHROME: dict[str, dict[str, str]] = {
    "de": {
        "title": "Seiten-Audit: {}", "untitled": "Seiten-Audit", "posts": "{n} ausgewertet, {s} übersprungen",
        "travelled": "Was sich verbreitet hat", "dead_ends": "Sackgassen: hier endete der Beitrag beim ersten Leser",
        "travelled_note": "Das oberste Fünftel nach {outcome}, innerhalb der Seite (und des Jahres) verglichen.",
        "dead_note": "Das unterste Fünftel nach {outcome}.",
        "none": "Keine Beiträge in dieser Gruppe (zu wenige Beiträge mit dieser Kennzahl).",
        "works": "Was bei Ihrem Publikum wirkt", "advice": "Hält der Rat von Resonanz auf dieser Seite?",
        "row": "Zeile", "date": "Datum", "post": "Beitrag", "percentile": "Perzentil",
        "feature": "Signal", "outcome": "Kennzahl", "rho": "ρ", "ci": "90 %-Intervall", "n": "n",
        "not_enough": "zu wenig Daten", "no_effects": "Noch keine Auswertung: zu wenige Beiträge mit Kennzahlen.",
        "advice_line": "{score} und {outcome}: {figure} (n = {n})", "advice_none": "Keine Kennzahl, an der sich das prüfen ließe.",
        "advice_constant": "{score} und {outcome}: bei allen Beiträgen dieser Seite gleich (etwa: nie geteilt), nichts zu prüfen (n = {n})",
        "honest": "Ehrlich berichtet, auch wenn der Zusammenhang schwach oder negativ ist: Die Zahlen gelten für diese Seite und diesen Zeitraum.",
        "comments_per_reaction": "Kommentare je Reaktion", "shares_per_reaction": "Teilungen je Reaktion",
        "comments_per_impression": "Kommentare je Impression", "shares_per_impression": "Teilungen je Impression",
        "clicks_per_impression": "Klicks je Impression",
    },
    "en": {
        "title": "Page audit: {}", "untitled": "Page audit", "posts": "{n} audited, {s} skipped",
        "travelled": "What travelled", "dead_ends": "Dead ends: where the post stopped at its first reader",
        "travelled_note": "The top fifth by {outcome}, compared within the page (and the year).",
        "dead_note": "The bottom fifth by {outcome}.",
        "none": "No posts in this group (too few posts with this figure).",
        "works": "What works for your audience", "advice": "Does Resonanz's advice hold on this page?",
        "row": "Row", "date": "Date", "post": "Post", "percentile": "Percentile",
        "feature": "Signal", "outcome": "Figure", "rho": "ρ", "ci": "90% interval", "n": "n",
        "not_enough": "not enough data", "no_effects": "Nothing to compare yet: too few posts with figures.",
        "advice_line": "{score} and {outcome}: {figure} (n = {n})", "advice_none": "No figure to check it against.",
        "advice_constant": "{score} and {outcome}: the same for every post on this page (for example, never shared), nothing to check (n = {n})",
        "honest": "Reported as measured, also when the link is weak or negative: the figures hold for this page and this period.",
        "comments_per_reaction": "comments per reaction", "shares_per_reaction": "shares per reaction",
        "comments_per_impression": "comments per impression", "shares_per_impression": "shares per impression",
        "clicks_per_impression": "clicks per impression",
    },
}
_EXCERPT = 90


def _chrome(language: str) -> Mapping[str, str]:
    """The report's words, and the four scores by the names the editor gives them (the rule pack's
    labels: "Weitergabe", not a second name for the same score)."""
    words = chrome(_CHROME, language)
    labels = load_pack(language, False).labels
    return {**words, **{dim: str(labels[dim]) for dim in DIMENSIONS}}


def _excerpt(text: str) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= _EXCERPT else one[: _EXCERPT - 1].rstrip() + "…"


def _number(value: Any, language: str, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    text = f"{float(value):+.{digits}f}" if digits else f"{float(value):.0f}"
    return text.replace(".", ",") if language == "de" else text


def main_outcome_of(result: Mapping[str, Any]) -> str:
    """The outcome an audit formed its groups on: the one it recorded (`main_outcome`), else the
    first rate its posts have (audits stored before that key)."""
    if result.get("main_outcome"):
        return str(result["main_outcome"])
    posts = result.get("posts", [])
    for name in ("shares_per_reaction", "comments_per_reaction", "shares_per_impression", "comments_per_impression"):
        if any((p.get("outcomes") or {}).get(name) is not None for p in posts):
            return name
    return "shares_per_reaction"


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def _date(value: Any, language: str) -> str:
    """An export's ISO date as a reader writes it: 06.01.2026 11:21 in German, 2026-01-06 11:21 in
    English (no "T"); anything else as it is, "–" for none."""
    if not value:
        return "–"
    m = _ISO.match(str(value))
    if not m:
        return str(value)
    y, mo, d, hh, mm = m.groups()
    day = f"{d}.{mo}.{y}" if language == "de" else f"{y}-{mo}-{d}"
    return f"{day} {hh}:{mm}" if hh else day


def _post_table(posts: Sequence[Mapping[str, Any]], outcome: str, t: Mapping[str, str], language: str) -> Table:
    header = (t["row"], t["date"], t["post"], t["dialogue"], t["shareability"], t[outcome], t["percentile"])
    rows = []
    for p in posts:
        scores, outcomes, pct = p.get("scores") or {}, p.get("outcomes") or {}, p.get("percentiles") or {}
        rate = outcomes.get(outcome)
        rows.append((
            str(p.get("row", "")), _date(p.get("date"), language), _excerpt(p.get("text", "")),
            "–" if scores.get("dialogue") is None else str(scores["dialogue"]),
            "–" if scores.get("shareability") is None else str(scores["shareability"]),
            "–" if rate is None else _number(rate, language, 3).lstrip("+"),
            _number(pct.get(outcome), language, 0),
        ))
    return Table(header, tuple(rows))


def effect_text(effect: Mapping[str, Any], language: str) -> str:
    """An effect's plain sentence in `language` (its "texts"), else as the audit said it ("text":
    audits stored before both languages were kept)."""
    return str((effect.get("texts") or {}).get(language) or effect.get("text", ""))


def _effects(effects: Sequence[Mapping[str, Any]], t: Mapping[str, str], language: str) -> list:
    if not effects:
        return [Paragraph(t["no_effects"])]
    lines = [effect_text(e, language) for e in effects if e.get("text")]
    rows = []
    for e in sorted(effects, key=lambda e: (e.get("rho") is None, -abs(e.get("rho") or 0.0))):
        ci = e.get("ci90") or (None, None)
        enough = e.get("rho") is not None and e.get("enough", True)
        rows.append((
            t.get(str(e.get("feature")), str(e.get("feature"))), t.get(str(e.get("outcome")), str(e.get("outcome"))),
            _number(e.get("rho"), language) if enough else t["not_enough"],
            f"{_number(ci[0], language)} … {_number(ci[1], language)}" if enough and ci[0] is not None else "–",
            str(e.get("n", "")),
        ))
    blocks: list = [BulletList(tuple(lines))] if lines else []
    return blocks + [Table((t["feature"], t["outcome"], t["rho"], t["ci"], t["n"]), tuple(rows))]


def _advice(advice: Mapping[str, Any], t: Mapping[str, str], language: str) -> list:
    items = []
    for key, value in sorted(advice.items()):
        if not isinstance(value, Mapping):
            continue
        score, outcome = value.get("score") or key.split("~")[0].split("_vs_")[0], value.get("outcome", "")
        if value.get("verdict") == "constant":
            items.append(t["advice_constant"].format(score=t.get(score, score), outcome=t.get(outcome, outcome), n=value.get("n", "–")))
            continue
        for stat in ("rho", "auc"):
            if value.get(stat) is not None:
                figure = f"{'ρ' if stat == 'rho' else 'AUC'} {_number(value[stat], language)}"
                if value.get("ci90"):
                    lo, hi = value["ci90"]
                    figure += f" [{_number(lo, language)} … {_number(hi, language)}]"
                items.append(t["advice_line"].format(score=t.get(score, score), outcome=t.get(outcome, outcome), figure=figure, n=value.get("n", "–")))
    return [BulletList(tuple(items)), Paragraph(t["honest"])] if items else [Paragraph(t["advice_none"])]


def audit_report(store: Any, audit_id: int, language: str = "de") -> Report:
    """The stored audit `audit_id` as a report in `language` ("de" or "en")."""
    record = store.audits.get(audit_id)
    return audit_report_of(store.audits.result(audit_id), language, title=record.title, source=record.source,
                           platform=record.platform, created=record.created_at[:10])


def audit_report_of(result: Mapping[str, Any], language: str = "de", *, title: str = "", source: str = "", platform: str = "",
                    created: str = "") -> Report:
    """An audit's result (the JSON of `Audit.to_dict()`, stored or fresh) as a report."""
    t = _chrome(language)
    posts = list(result.get("posts", []))
    outcome = main_outcome_of(result)
    travelled = [p for p in posts if p.get("group") == "travelled"]
    dead = [p for p in posts if p.get("group") == "dead_end"]
    blocks: list = [
        Paragraph(t["posts"].format(n=count(int(result.get("n_posts", len(posts))), "posts", language), s=count(int(result.get("n_skipped", 0)), "rows", language))),
        Heading(2, t["travelled"]), Paragraph(t["travelled_note"].format(outcome=t[outcome])),
        _post_table(travelled, outcome, t, language) if travelled else Paragraph(t["none"]),
        Heading(2, t["dead_ends"]), Paragraph(t["dead_note"].format(outcome=t[outcome])),
        _post_table(dead, outcome, t, language) if dead else Paragraph(t["none"]),
        Heading(2, t["works"]), *_effects(result.get("effects", []), t, language),
        Heading(2, t["advice"]), *_advice(result.get("advice") or {}, t, language),
    ]
    rows = tuple(
        CsvRow(int(p.get("row", 0) or 0), _excerpt(p.get("text", "")), str(p.get("date") or ""),
               tuple(None if (p.get("scores") or {}).get(d) is None else int(p["scores"][d]) for d in DIMENSIONS))
        for p in posts
    )
    subtitle = " · ".join(x for x in (source, platform, created) if x)
    return Report(t["title"].format(title) if title else t["untitled"], subtitle, language, tuple(blocks), rows)
