"""How well each rule is backed by data: its evidence grade and one sentence that says so.

`resonanz validate --write-evidence resources/rules/evidence.toml` measures every rule against
public data sets and writes a grade per rule (supported, mixed, unclear, contradicted, untested)
with the figures it rests on. This module reads that file once and says a rule's grade in German or
English with the templates of the rule packs' ``[evidence]`` section. A missing or unreadable file,
or a rule it does not name, means "untested": never an error.

Which file: `use_file(path)` (tests, golden files), else ``$RESONANZ_EVIDENCE`` (a subprocess of
a test), else the packaged ``resources/rules/evidence.toml``.

A core module without Qt: imports only the foundation (`resonanz.core.fileio`).
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from resonanz.core.fileio import load_toml

__all__ = ["GRADES", "Evidence", "EvidenceFigure", "describe", "evidence_for", "grade_name", "use_file"]

#: Every grade, from the best backed to the not measured.
GRADES: tuple[str, ...] = ("supported", "mixed", "unclear", "contradicted", "untested")
VERDICTS: tuple[str, ...] = ("for", "against", "inconclusive")
ENV = "RESONANZ_EVIDENCE"
_LANGUAGES = ("de", "en")


@dataclass(frozen=True, slots=True)
class EvidenceFigure:
    """One measurement of a rule: a statistic on one target of one data set, with its interval."""

    dataset: str
    dataset_title: str
    target: str
    kind: str  # "rho" (median within-group Spearman) | "auc"
    value: float
    low: float
    high: float
    n: int
    fired: int
    groups: int
    groups_positive: int
    verdict: str  # "for" | "against" | "inconclusive"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A rule's grade and the figures it rests on (none for "untested")."""

    rule: str
    grade: str = "untested"
    figures: tuple[EvidenceFigure, ...] = ()


# --------------------------------------------------------------------------- the file

_override: Path | None = None
_lock = threading.Lock()


def use_file(path: str | os.PathLike[str] | None) -> None:
    """Read the grades from `path` from now on (None: back to $RESONANZ_EVIDENCE or the packaged file)."""
    global _override
    with _lock:
        _override = Path(path) if path is not None else None
        _load.cache_clear()


def _current_file() -> Path | None:
    if _override is not None:
        return _override
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    try:
        return Path(str(resources.files("resonanz.resources") / "rules" / "evidence.toml"))
    except (ModuleNotFoundError, TypeError):
        return None


def _number(raw: Any) -> float:
    return float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else math.nan


def _count(raw: Any) -> int:
    return int(raw) if isinstance(raw, int) and not isinstance(raw, bool) else 0


def _figure(raw: Any) -> EvidenceFigure | None:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("dataset"), str) or not isinstance(raw.get("target"), str):
        return None
    verdict = raw.get("verdict")
    return EvidenceFigure(
        dataset=raw["dataset"],
        dataset_title=str(raw.get("dataset_title", "") or raw["dataset"]),
        target=raw["target"],
        kind=str(raw.get("kind", "rho")),
        value=_number(raw.get("value")),
        low=_number(raw.get("low")),
        high=_number(raw.get("high")),
        n=_count(raw.get("n")),
        fired=_count(raw.get("fired")),
        groups=_count(raw.get("groups")),
        groups_positive=_count(raw.get("groups_positive")),
        verdict=verdict if verdict in VERDICTS else "inconclusive",
    )


@lru_cache(maxsize=4)
def _load(path: str) -> Mapping[str, Evidence]:
    """Every rule's evidence in the file at `path`; {} if it is missing, unreadable or not the schema."""
    try:
        data = load_toml(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):  # tomllib.TOMLDecodeError is a ValueError
        return {}
    rules = data.get("rules")
    if not isinstance(rules, Mapping):
        return {}
    out: dict[str, Evidence] = {}
    for rule_id, entry in rules.items():
        if not isinstance(entry, Mapping):
            continue
        grade = entry.get("grade")
        figures = entry.get("figures", [])
        figs = tuple(f for f in (_figure(r) for r in (figures if isinstance(figures, list) else [])) if f is not None)
        out[str(rule_id)] = Evidence(str(rule_id), grade if grade in GRADES else "untested", figs)
    return out


def evidence_for(rule_id: str) -> Evidence:
    """The grade and figures of one rule; "untested" for a rule the file does not name (or no file)."""
    path = _current_file()
    found = _load(str(path)).get(rule_id) if path is not None else None
    return found if found is not None else Evidence(rule_id)


# --------------------------------------------------------------------------- the sentence


@lru_cache(maxsize=4)
def _templates(language: str) -> Mapping[str, Any]:
    lang = language if language in _LANGUAGES else "en"
    text = (resources.files("resonanz.resources") / "rules" / f"{lang}.toml").read_text(encoding="utf-8")
    return load_toml(text).get("evidence", {})


def grade_name(grade: str, language: str) -> str:
    """The grade's name in `language`, lower case ("belegt", "supported")."""
    return str(_templates(language).get("grades", {}).get(grade, grade))


def _format_value(figure: EvidenceFigure, language: str) -> str:
    """Two decimals, rounded as written (0.155 → 0.16); ρ signed with a real minus; "0,16" in German."""
    value = Decimal(repr(figure.value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if figure.kind == "auc":
        text = f"{value:.2f}"
    else:
        text = ("+" if value >= 0 else "−") + f"{abs(value):.2f}"
    return text.replace(".", ",") if language == "de" else text


def _strength(figure: EvidenceFigure) -> float:
    null = 0.5 if figure.kind == "auc" else 0.0
    return -1.0 if math.isnan(figure.value) else abs(figure.value - null)


def _strongest(figures: tuple[EvidenceFigure, ...], t: Mapping[str, Any], language: str) -> str:
    best = max(figures, key=_strength)
    return str(t["strongest"]).format(
        symbol=t.get("symbols", {}).get(best.kind, best.kind),
        value=_format_value(best, language),
        target=t.get("targets", {}).get(best.target, best.target.replace("_", " ")),
        dataset=t.get("datasets", {}).get(best.dataset, best.dataset_title or best.dataset),
    )


def _body(evidence: Evidence, language: str) -> str:
    t = _templates(language)
    if evidence.grade == "untested":
        return str(t["untested"])
    figures = tuple(f for f in evidence.figures if not math.isnan(f.value))
    if not figures:
        return str(t["no_figures"])
    datasets = list(dict.fromkeys(f.dataset for f in figures))
    pro = [d for d in datasets if any(f.dataset == d and f.verdict == "for" for f in figures)]
    con = [d for d in datasets if any(f.dataset == d and f.verdict == "against" for f in figures)]
    side = {"supported": "for", "contradicted": "against", "mixed": "for"}.get(evidence.grade)
    shown = tuple(f for f in figures if f.verdict == side) or figures
    count = {"supported": len(pro), "contradicted": len(con), "mixed": len(pro)}.get(evidence.grade, 0)
    total = len(datasets)
    key = evidence.grade
    if total == 1:
        key += "_one"
    elif count == total and f"{key}_all" in t:
        key += "_all"
    return str(t[key]).format(count=count, total=total, against=len(con), strongest=_strongest(shown, t, language))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe(evidence: Evidence, language: str, with_grade: bool = True) -> str:
    """One sentence in German or English: "Belegt: in 2 von 3 Datensätzen in der erwarteten Richtung (…)."

    `with_grade=False` leaves out the leading grade (for a place that shows it as a badge) and starts
    the rest with a capital letter."""
    body = _body(evidence, language)
    if not with_grade:
        return _capital(body)
    return f"{_capital(grade_name(evidence.grade, language))}: {body}"
