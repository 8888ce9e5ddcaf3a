"""Validate the scores on researcher-coded real posts: `python -m resonanz.core.analysis.validate [--data DIR]`.

The data (../shared/validation/data) is third-party research data: it is read here, never shipped
or copied into the rule packs. What is computed (see HEURISTICS.md, "How to judge that a score
means something"):

- English nonprofit posts (Lovejoy & Saxton codes): AUC of `dialogue` for Community (type 2) vs
  the rest and for `conversation` vs the rest; AUC of the dead-end call-to-action signal (D8) for
  Action (type 3).
- German party posts: within-party Spearman of `dialogue` with comments per reaction and of
  `shareability` with shares per reaction (parties' audiences differ by orders of magnitude, so
  correlations are computed per party and summarised; pooled within-party ranks are reported too).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

EN_FILE = Path("en_npo_greatlakes_fb_2013") / "derived_facebook_posts.csv"
DE_FILE = Path("de_parties_facebook_eu2019") / "facebook_europawahl.csv"
DE_CODES = Path("de_parties_facebook_eu2019") / "derived_full_codings_from_xlsx.csv"


# ------------------------------------------------------------------ statistics
def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks with ties given their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            out[order[k]] = avg
        i = j + 1
    return out


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney U / (n_pos * n_neg)); ties count one half."""
    n_pos = sum(1 for x in labels if x)
    n_neg = len(labels) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    r = ranks(scores)
    rank_sum = sum(rk for rk, lab in zip(r, labels) if lab)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; nan when a variable is constant."""
    n = len(x)
    if n < 3:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson on average ranks)."""
    return pearson(ranks(x), ranks(y))


# ------------------------------------------------------------------ data
def default_data_dir() -> Path | None:
    """$RESONANZ_VALIDATION, or ../shared/validation/data next to the working directory or the repo."""
    env = os.environ.get("RESONANZ_VALIDATION")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [Path.cwd().parent / "shared" / "validation" / "data", Path.cwd() / "shared" / "validation" / "data"]
    candidates += [p.parent / "shared" / "validation" / "data" for p in here.parents]
    for c in candidates:
        if (c / EN_FILE).is_file() and (c / DE_FILE).is_file():
            return c
    return None


def _num(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Report:
    """All validation figures, for printing and for tests."""

    en_posts: int = 0
    auc_community: float = float("nan")
    auc_conversation: float = float("nan")
    auc_action_d8: float = float("nan")
    auc_action_dialogue: float = float("nan")
    de_posts: int = 0
    de_parties: int = 0
    rho_dialogue_comments: dict[str, float] = field(default_factory=dict)
    rho_share_shares: dict[str, float] = field(default_factory=dict)
    pooled_dialogue_comments: float = float("nan")
    pooled_share_shares: float = float("nan")
    auc_de_interaction: float = float("nan")
    de_interaction_posts: int = 0
    auc_de_mobilisation_d8: float = float("nan")
    de_mobilisation_posts: int = 0


def score_rows(texts: Iterable[str], language: str) -> list:
    """Analyse texts as Facebook posts in a fixed language, without the user's rule folder."""
    from resonanz.core.analysis.engine import analyze

    return [analyze(t, language=language, platform="facebook", rules_dir=False) for t in texts]


def validate_en(data: Path, report: Report) -> None:
    """Lovejoy & Saxton codes on English nonprofit posts."""
    with open(data / EN_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    per_site: dict[str, int] = {}
    for r in rows:
        per_site[r["site"]] = per_site.get(r["site"], 0) + 1
    # visitor posts: the "site" is a person with one or two posts, not one of the 22 pages
    rows = [r for r in rows if r["text"].strip() and per_site[r["site"]] >= 5]
    results = score_rows((r["text"] for r in rows), "en")
    dialogue = [res.score("dialogue") for res in results]
    d8 = [res.signal_counts.get("D8", 0) for res in results]
    report.en_posts = len(rows)
    report.auc_community = auc(dialogue, [r["type"].strip() == "2" for r in rows])
    report.auc_conversation = auc(dialogue, [r["category"].strip() == "conversation" for r in rows])
    report.auc_action_d8 = auc(d8, [r["type"].strip() == "3" for r in rows])
    report.auc_action_dialogue = auc([-d for d in dialogue], [r["type"].strip() == "3" for r in rows])


def validate_de(data: Path, report: Report) -> None:
    """Within-party Spearman of dialogue/shareability with comment and share rates."""
    with open(data / DE_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    codes: dict[str, dict[str, str]] = {}
    if (data / DE_CODES).is_file():
        with open(data / DE_CODES, encoding="utf-8", newline="") as fh:
            codes = {r["id"]: r for r in csv.DictReader(fh)}
    usable = []
    for r in rows:
        text = r["message"]
        reactions, comments, shares = _num(r["reactions_count"]), _num(r["comments_count"]), _num(r["shares_count"])
        if not text or text == "NA" or not text.strip() or reactions is None or comments is None or shares is None:
            continue
        usable.append((r, text, max(reactions, 1.0), comments, shares))
    results = score_rows((u[1] for u in usable), "de")
    report.de_posts = len(usable)
    by_party: dict[str, list[tuple]] = {}
    for (r, _t, reactions, comments, shares), res in zip(usable, results):
        by_party.setdefault(r["party"], []).append((res.score("dialogue"), res.score("shareability"), comments / reactions, shares / reactions))
    pooled = ([], [], [], [])
    for party, items in sorted(by_party.items()):
        if len(items) < 10:
            continue
        cols = list(zip(*items))
        report.rho_dialogue_comments[party] = spearman(cols[0], cols[2])
        report.rho_share_shares[party] = spearman(cols[1], cols[3])
        n = len(items)
        for k in range(4):  # within-party percentile ranks, pooled
            pooled[k].extend(x / n for x in ranks(cols[k]))
    report.de_parties = len(report.rho_dialogue_comments)
    report.pooled_dialogue_comments = pearson(pooled[0], pooled[2])
    report.pooled_share_shares = pearson(pooled[1], pooled[3])
    if codes:
        labels, scores, mobi, d8 = [], [], [], []
        for (r, *_), res in zip(usable, results):
            c = codes.get(r["id"])
            if c is None:
                continue
            labels.append(any(c.get(k, "0") in ("1", "1.0") for k in c if k.startswith("inter")))
            scores.append(res.score("dialogue"))
            mobi.append(any(c.get(k, "0") in ("1", "1.0") for k in c if k.startswith("mobi")))
            d8.append(res.signal_counts.get("D8", 0))
        report.de_interaction_posts = sum(labels)
        report.auc_de_interaction = auc(scores, labels)
        report.de_mobilisation_posts = sum(mobi)
        report.auc_de_mobilisation_d8 = auc(d8, mobi)


def run(data: Path) -> Report:
    """Compute every figure."""
    report = Report()
    validate_en(data, report)
    validate_de(data, report)
    return report


def _fmt(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{x:+.3f}" if x < 0 else f"{x:.3f}"


def render(report: Report) -> str:
    """The printed summary."""
    d = [v for v in report.rho_dialogue_comments.values() if not math.isnan(v)]
    s = [v for v in report.rho_share_shares.values() if not math.isnan(v)]
    lines = [
        f"English nonprofit Facebook posts (Lovejoy & Saxton codes), n = {report.en_posts}",
        f"  AUC dialogue, Community (type 2) vs rest     {_fmt(report.auc_community)}   (naive regex: 0.57; required ≥ 0.70)",
        f"  AUC dialogue, 'conversation' vs rest         {_fmt(report.auc_conversation)}   (naive regex: 0.85)",
        f"  AUC D8 dead-end CTA count, Action (type 3)   {_fmt(report.auc_action_d8)}",
        f"  AUC low dialogue, Action (type 3)            {_fmt(report.auc_action_dialogue)}",
        "",
        f"German party Facebook posts, EU election 2019, n = {report.de_posts} in {report.de_parties} parties",
        f"  within-party Spearman dialogue ~ comments/reaction: median {_fmt(statistics.median(d) if d else float('nan'))}, "
        f"mean {_fmt(statistics.fmean(d) if d else float('nan'))}, pooled ranks {_fmt(report.pooled_dialogue_comments)}",
        f"  within-party Spearman shareability ~ shares/reaction: median {_fmt(statistics.median(s) if s else float('nan'))}, "
        f"mean {_fmt(statistics.fmean(s) if s else float('nan'))}, pooled ranks {_fmt(report.pooled_share_shares)}",
        f"  AUC dialogue, any inter* code ({report.de_interaction_posts} posts) vs rest   {_fmt(report.auc_de_interaction)}   (codebook unknown: indicative)",
        f"  AUC D8 dead-end CTA count, any mobi* code ({report.de_mobilisation_posts} posts) vs rest   {_fmt(report.auc_de_mobilisation_d8)}   (codebook unknown: indicative)",
        "",
        "  per party              rho(dialogue, comments/r)  rho(shareability, shares/r)",
    ]
    for party in report.rho_dialogue_comments:
        lines.append(f"  {party:<22} {_fmt(report.rho_dialogue_comments[party]):>12} {_fmt(report.rho_share_shares[party]):>27}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the validation figures; exit 2 if the data cannot be found."""
    p = argparse.ArgumentParser(prog="python -m resonanz.core.analysis.validate", description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, help="folder holding the validation data sets (default: ../shared/validation/data)")
    args = p.parse_args(argv)
    data = args.data or default_data_dir()
    if data is None or not (data / EN_FILE).is_file():
        print("validate: error: validation data not found; pass --data DIR or set RESONANZ_VALIDATION", file=sys.stderr)
        return 2
    sys.stdout.write(render(run(data)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
