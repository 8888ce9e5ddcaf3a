"""`resources/validation.toml`, read once: defaults, evidence thresholds, targets, baseline words."""

from __future__ import annotations

import functools
import tomllib
from importlib.resources import files
from typing import Any


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The parsed validation.toml of the installed resources."""
    return tomllib.loads((files("resonanz.resources") / "validation.toml").read_text(encoding="utf-8"))


def targets() -> dict[str, dict[str, Any]]:
    """Target name -> {"dimensions": [...], "rules": [...], "direction": 1 or -1}."""
    out = {}
    for name, spec in settings().get("targets", {}).items():
        out[name] = {
            "dimensions": list(spec.get("dimensions", [])),
            "rules": list(spec.get("rules", [])),
            "direction": -1 if spec.get("direction", 1) < 0 else 1,
        }
    return out


def rule_ids() -> list[str]:
    """Every rule id of the rule packs (resources/rules/common.toml `[rules.*]`), with its dimension."""
    return list(rule_dimensions())


@functools.lru_cache(maxsize=1)
def rule_dimensions() -> dict[str, str]:
    """Rule id -> dimension, in the order of common.toml."""
    raw = tomllib.loads((files("resonanz.resources") / "rules" / "common.toml").read_text(encoding="utf-8"))
    return {rid: str(spec.get("dimension", "")) for rid, spec in raw.get("rules", {}).items()}
