"""The audit's figures: outcome rates, their percentiles within the page (and year), travelled vs
dead ends, effects with intervals, the advice check and the plain-language lines.

Every statistic comes from `resonanz.core.analysis.validation.stats`, the one module `resonanz
validate` uses too; the settings and texts from resources/audit.toml.
"""

from __future__ import annotations

import functools
import math
import statistics
import tomllib
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import Any

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.validation import stats

UNDATED = "undated"


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """resources/audit.toml, parsed once."""
    return tomllib.loads((files("resonanz.resources") / "audit.toml").read_text(encoding="utf-8"))


def texts(language: str) -> dict[str, Any]:
    """The report texts of one language ("de" or "en"; anything else gets English)."""
    return settings()["texts"]["de" if language == "de" else "en"]


# ------------------------------------------------------------------ rates, periods, percentiles
def rates_of(counts_list: Sequence[Mapping[str, int]]) -> dict[str, list[float | None]]:
    """Every rate of audit.toml [rates] that some post can have: per post the count / denominator,
    None where the denominator is 0 or missing (or the numerator missing)."""
    out: dict[str, list[float | None]] = {}
    for name, (num, den) in settings()["rates"].items():
        values: list[float | None] = []
        for c in counts_list:
            a, b = c.get(num), c.get(den)
            values.append(a / b if a is not None and b else None)
        if any(v is not None for v in values):
            out[name] = values
    return out


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def periods_of(dates: Sequence[str | None]) -> list[str]:
    """"all" for every post when the dates span at most a year; else each post's calendar year
    ("undated" for a post without a readable date)."""
    days = [_day(d) for d in dates]
    known = [d for d in days if d is not None]
    if not known or (max(known) - min(known)).days <= 366:
        return ["all"] * len(dates)
    return [str(d.year) if d else UNDATED for d in days]


def percentiles_within(values: Sequence[float | None], periods: Sequence[str]) -> list[float | None]:
    """Each value's percentile among the values of its period (None stays None)."""
    out: list[float | None] = [None] * len(values)
    by_period: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        if v is not None:
            by_period.setdefault(periods[i], []).append(i)
    for idx in by_period.values():
        for i, p in zip(idx, stats.percentiles([values[i] for i in idx])):
            out[i] = p
    return out


def main_outcome(rates: Mapping[str, Sequence[float | None]]) -> str | None:
    """The first rate of audit.toml `main_outcome` the page has and that varies on it: a page whose
    posts were never shared has nothing to rank by shares, so it is grouped by comments. If none
    varies, the first one it has (its groups then stay empty)."""
    preferred = [r for r in settings()["main_outcome"] if r in rates]
    varies = (r for r in preferred if len({v for v in rates[r] if v is not None}) > 1)
    return next(varies, preferred[0] if preferred else None)


def groups_within(values: Sequence[float | None], periods: Sequence[str]) -> list[str | None]:
    """ "travelled", "dead_end" or None per post, within its period, with ties kept together: a group of
    equal values belongs to the bottom fifth when any of its places lies there (on many pages more
    than a fifth of the posts were never shared: all of them are dead ends, not none of them), and to
    the top fifth likewise. The lowest group still counts as the dead ends when it reaches past the
    top fifth too (nine in ten posts never shared); a page whose posts all did the same has none."""
    fifth = float(settings()["stats"]["fifth"])
    out: list[str | None] = [None] * len(values)
    by_period: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        if v is not None:
            by_period.setdefault(periods[i], []).append(i)
    for idx in by_period.values():
        n = len(idx)
        if n < 2:
            continue
        counts = Counter(values[i] for i in idx)
        span: dict[float, tuple[float, float]] = {}
        below = 0
        for value in sorted(counts):  # places below..below+count-1 of 0..n-1, as percentiles
            span[value] = (100.0 * below / (n - 1), 100.0 * (below + counts[value] - 1) / (n - 1))
            below += counts[value]
        lowest = min(counts) if len(counts) > 1 else None
        for i in idx:
            low, high = span[values[i]]
            bottom, top = low <= fifth, high >= 100.0 - fifth
            if bottom and top:
                out[i] = "dead_end" if values[i] == lowest else None
            else:
                out[i] = "dead_end" if bottom else "travelled" if top else None
    return out


# ------------------------------------------------------------------ effects
@dataclass(frozen=True)
class Effect:
    """Spearman rho of a feature (dimension score or rule signal) with an outcome's percentile."""

    feature: str
    outcome: str
    rho: float | None
    low: float | None
    high: float | None
    n: int
    status: str  # "ok", "not_enough_data" (n < min_n) or "constant" (feature or outcome never varies)
    method: str = ""  # "bootstrap" or "fieller"
    ratio: float | None = None  # median outcome with / without the signal (dimensions: top / bottom half)
    n_with: int = 0

    @property
    def clear(self) -> int:
        """+1 / -1 when the interval lies wholly above / below 0, else 0."""
        if self.status != "ok" or self.low is None or self.high is None:
            return 0
        return 1 if self.low > 0 else -1 if self.high < 0 else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature, "outcome": self.outcome, "rho": _num(self.rho), "ci90": [_num(self.low), _num(self.high)],
            "n": self.n, "enough": self.status != "not_enough_data", "status": self.status, "method": self.method, "ratio": _num(self.ratio), "n_with": self.n_with,
        }


def _num(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) else round(x, 6)


def effects(
    features: Mapping[str, Sequence[float]],
    rates: Mapping[str, Sequence[float | None]],
    pcts: Mapping[str, Sequence[float | None]],
    dimensions: Sequence[str],
    *,
    reps: int | None = None,
) -> list[Effect]:
    """Every feature against every rate over the posts with a value for both (features: scored
    posts only, aligned with `rates`; a None feature value = the post was not judged)."""
    cfg = settings()["stats"]
    min_n, level, seed = int(cfg["min_n"]), float(cfg["level"]), int(cfg["seed"])
    reps = int(cfg["bootstrap"]) if reps is None else reps
    out = []
    for outcome, pct in pcts.items():
        has = [i for i, p in enumerate(pct) if p is not None and all(f[i] is not None for f in features.values())]
        # arrays of doubles, not lists of float objects: 30 features x 100,000 posts is 25 MB, not 100
        y = array("d", (pct[i] for i in has))
        x = {name: array("d", (float(f[i]) for i in has)) for name, f in features.items()}
        n = len(has)
        if n > int(cfg["bootstrap_max_n"]) or n < min_n:
            intervals = {name: None for name in x}
        else:
            est = stats.within_groups_many(x, y, [0] * n, min_n=1, reps=reps, seed=seed, level=level)
            intervals = {name: (e.low, e.high) for name, e in est.items()}
        raw = [rates[outcome][i] for i in has]
        y_ranks = stats.ranks(y)  # once per outcome, not once per feature
        for name, xs in x.items():
            rho = stats.spearman(xs, y, y_ranks) if n >= 3 else math.nan
            ratio, n_with = _ratio(xs, raw, name in dimensions)
            if n < min_n:
                out.append(Effect(name, outcome, None if math.isnan(rho) else rho, None, None, n, "not_enough_data", "", ratio, n_with))
                continue
            if math.isnan(rho):
                out.append(Effect(name, outcome, None, None, None, n, "constant", "", ratio, n_with))
                continue
            ci = intervals[name]
            method = "bootstrap" if ci is not None else "fieller"
            low, high = ci if ci is not None else stats.fieller_interval(rho, n, level)
            out.append(Effect(name, outcome, rho, low, high, n, "ok", method, ratio, n_with))
    return out


def _ratio(xs: Sequence[float], raw: Sequence[float], dimension: bool) -> tuple[float | None, int]:
    """Median rate of posts with the signal / without (a dimension: above its median / at or below)."""
    if not xs:
        return None, 0
    cut = statistics.median(xs) if dimension else 0.0
    with_ = [r for v, r in zip(xs, raw) if v > cut]
    without = [r for v, r in zip(xs, raw) if v <= cut]
    min_with = int(settings()["stats"]["min_with"])
    if len(with_) < min_with or len(without) < min_with:
        return None, len(with_)
    ratio = stats.median_ratio(with_, without)
    return (None if math.isnan(ratio) else ratio), len(with_)


def fmt(x: float | None, language: str, digits: int = 2) -> str:
    """A number in the report's language ("1,8" in German); "–" for none."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    s = f"{x:.{digits}f}"
    return s.replace(".", ",") if language == "de" else s


def feature_name(feature: str, language: str) -> str:
    """A rule's label in the report's language ("Echte offene Frage"), or the dimension's name."""
    pack = load_pack(language if language in ("de", "en") else "en", False)
    if feature in DIMENSIONS:
        return str(pack.labels.get(feature, feature))
    return str(pack.rules.get(feature, {}).get("label", feature))


def plain_line(e: Effect, language: str) -> str:
    """The effect in one sentence: "n× as many" where a ratio of medians exists and reads as one
    (not "0.0× as many": the median post with the signal had none), else rho with its interval."""
    t = texts(language)
    outcome = t["outcome"][e.outcome]
    ratio = e.ratio if e.ratio is not None and round(e.ratio, 1) > 0 else None
    if ratio is not None and e.feature in DIMENSIONS:
        return t["line_dimension"].format(feature=t["dimension"][e.feature], ratio=fmt(ratio, language, 1), outcome=outcome, n=e.n)
    if ratio is not None:
        return t["line_signal"].format(feature=feature_name(e.feature, language), ratio=fmt(ratio, language, 1), outcome=outcome, n=e.n)
    return t["line_rho"].format(feature=feature_name(e.feature, language), outcome=outcome, rho=fmt(e.rho, language),
                                lo=fmt(e.low, language), hi=fmt(e.high, language), n=e.n)


# ------------------------------------------------------------------ the advice check
def advice_check(
    scores: Mapping[str, Sequence[float | None]],
    pcts: Mapping[str, Sequence[float | None]],
    found: Sequence[Effect],
    rates: Mapping[str, Sequence[float | None]] | None = None,
    periods: Sequence[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """For each pair of audit.toml [advice] (dialogue -> comments_per_reaction, shareability ->
    shares_per_reaction): rho with interval, the AUC of the score for top vs bottom fifth of the
    rate, n, and a verdict: supports, contradicts, unclear, not_enough_data, constant (the rate or the
    score is the same for every post, e.g. no post was ever shared: ρ is undefined, nothing to check)
    or not_available."""
    cfg = settings()["stats"]
    out = {}
    for dim, outcome in settings()["advice"].items():
        key = f"{dim}_vs_{outcome}"
        eff = next((e for e in found if e.feature == dim and e.outcome == outcome), None)
        if eff is None or outcome not in pcts:
            out[key] = {"dimension": dim, "outcome": outcome, "verdict": "not_available", "n": 0}
            continue
        pct = pcts[outcome]
        # the top against the bottom fifth, ties kept together (as the travelled and dead-end lists)
        fifths = groups_within(rates[outcome], periods) if rates is not None and periods is not None and outcome in rates else \
            [{"top": "travelled", "bottom": "dead_end"}.get(stats.quantile_group(p, float(cfg["fifth"])) or "") for p in pct]
        labels: list[bool | None] = []
        values: list[float] = []
        for s, g in zip(scores[dim], fifths):
            g = g if s is not None else None
            labels.append(None if g is None else g == "travelled")
            values.append(float(s) if s is not None else 0.0)
        n_top, n_bottom = labels.count(True), labels.count(False)
        reps = int(cfg["bootstrap"]) if n_top + n_bottom <= int(cfg["bootstrap_max_n"]) else 0
        auc = stats.auc_many({dim: values}, labels, reps=reps, seed=int(cfg["seed"]), level=float(cfg["level"]))[dim]
        if eff.status in ("not_enough_data", "constant"):
            verdict = eff.status
        else:
            verdict = {1: "supports", -1: "contradicts"}.get(eff.clear, "unclear")
        out[key] = {
            "dimension": dim, "score": dim, "outcome": outcome, "rho": _num(eff.rho), "ci90": [_num(eff.low), _num(eff.high)], "n": eff.n,
            "auc": _num(auc.value), "auc_ci90": [_num(auc.low), _num(auc.high)], "n_top": n_top, "n_bottom": n_bottom,
            "verdict": verdict,
        }
    return out
