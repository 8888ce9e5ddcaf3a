"""Rule packs: the data behind every rule, layered like Vale styles.

Layers, later wins:
1. ``resources/rules/common.toml`` - dimensions, weights, thresholds and sources of all rules;
2. ``resources/rules/<lang>.toml`` - word lists, labels and messages of one language;
3. every ``*.toml`` in the user's rule folder (``<data dir>/rules``, see `data_dir`), in name order.

A user file may switch a rule off (``enabled = false``), change a number, add or remove words
(``add.words = [...]``, ``remove.words = [...]``), name the brand (``[brand] names = [...]``) or
change a platform (``[platforms.linkedin] limit = 2500``). ``language = "de"`` restricts a file to
one language. A broken file is skipped as a whole and reported with its path and line; the
defaults and the other files keep working.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from resonanz.core.fileio import TOML_MAX_CHARS, load_toml
from resonanz.core.paths import data_dir
from resonanz.core.plural import Count

_PLATFORM_KEYS_CACHE: dict[str, Any] = {}


class RulePackError(ValueError):
    """A rule file that cannot be used; str() is one line naming the file and the line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line = str(path), line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def user_rules_dir() -> Path:
    """Folder of the user's own rule files."""
    return _rules_in(data_dir())


@lru_cache(maxsize=16)
def _rules_in(folder: Path) -> Path:
    return folder / "rules"


@dataclass(frozen=True)
class RulePack:
    """Merged rule data for one language."""

    language: str
    rules: Mapping[str, Mapping[str, Any]]
    scoring: Mapping[str, Any]
    labels: Mapping[str, str]
    platform_overrides: Mapping[str, Mapping[str, Any]]
    brand_names: tuple[str, ...]
    abbreviations: frozenset[str]
    errors: tuple[str, ...] = field(default=())
    sources: tuple[str, ...] = field(default=())
    # The reply rules R1-R9 (core.analysis.reply): {"base", "min_own_words", "label", …, "rules": {id: cfg}},
    # merged like `rules` ([reply] of common.toml, then of <lang>.toml, then the user's [rules.Rn]).
    reply: Mapping[str, Any] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Mapping[str, Any]:
        """Merged settings of one rule."""
        return self.rules[rule_id]

    def enabled(self, rule_id: str) -> bool:
        """True unless a layer switched the rule off."""
        return bool(self.rules.get(rule_id, {}).get("enabled", True))

    def enabled_reply(self, rule_id: str) -> bool:
        """True unless a layer switched the reply rule off (R1-R9, `reply["rules"]`)."""
        return bool(self.reply.get("rules", {}).get(rule_id, {}).get("enabled", True))


def _read_resource(name: str) -> str:
    return (resources.files("resonanz.resources") / "rules" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def _defaults(language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    common = tomllib.loads(_read_resource("common.toml"))
    lang = tomllib.loads(_read_resource(f"{language}.toml"))
    return common, lang


def _line_of(text: str, *needles: str) -> int | None:
    """1-based line of the first needle found in `text` (best effort, for error messages)."""
    for needle in needles:
        m = re.search(needle, text, re.MULTILINE)
        if m:
            # a leading "^\s*" may have run over blank lines: count from the first visible character
            pos = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            return text.count("\n", 0, pos) + 1
    return None


def _merge_rule(target: dict[str, Any], update: Mapping[str, Any], where: str) -> None:
    for key, value in update.items():
        if key in ("add", "remove"):
            if not isinstance(value, Mapping):
                raise ValueError(f"{where}.{key} must be a table of lists, e.g. {key}.words = [...]")
            for list_key, items in value.items():
                if not isinstance(target.get(list_key), list):
                    raise ValueError(f"{where} has no word list '{list_key}' to {key} to")
                if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                    raise ValueError(f"{where}.{key}.{list_key} must be a list of strings")
                if key == "add":
                    target[list_key] = target[list_key] + [i for i in items if i not in target[list_key]]
                else:
                    drop = {i.lower() for i in items}
                    target[list_key] = [i for i in target[list_key] if i.lower() not in drop]
        else:
            if key == "enabled" and not isinstance(value, bool):
                raise ValueError(f"{where}.enabled must be true or false, not {value!r}")
            old = target.get(key)
            if old is not None and isinstance(value, Mapping) and isinstance(old, dict):
                _merge_rule(old, value, f"{where}.{key}")
                continue
            if old is not None and type(old) is not type(value) and not (isinstance(old, (int, float)) and isinstance(value, (int, float)) and not isinstance(value, bool)):
                raise ValueError(f"{where}.{key} must be {type(old).__name__}, not {type(value).__name__}")
            target[key] = value


class _Probe(dict):
    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def __missing__(self, key: str) -> Count:
        return Count(self.n)


def _check_messages(cfg: Mapping[str, Any], where: str) -> None:
    """A rule's message templates format for none, one and many (a stray brace or a bad count form
    such as ``{n:Wort}`` is the file's error now, not a failure on every draft later)."""
    for kind, texts in (cfg.get("messages") or {}).items():
        if not isinstance(texts, Mapping):
            raise ValueError(f"{where}.messages.{kind} must be a table, e.g. {{ message = \"…\", suggestion = \"…\" }}")
        for key, template in texts.items():
            if not isinstance(template, str):
                raise ValueError(f"{where}.messages.{kind}.{key} must be a string")
            for n in (0, 1, 2):
                try:
                    template.format_map(_Probe(n))
                except (ValueError, IndexError, AttributeError, KeyError) as exc:
                    raise ValueError(f"{where}.messages.{kind}.{key}: {exc} in {template!r}") from None


def _apply_user_file(path: Path, language: str, rules: dict, platforms: dict, brand: list[str]) -> None:
    """Apply one user file to copies of the tables; raises RulePackError, leaving inputs unchanged."""
    size = path.stat().st_size
    if size > 4 * TOML_MAX_CHARS:  # checked before reading: a huge file is not read at all
        raise RulePackError(path, None, f"invalid TOML: file too large ({size:,} bytes)")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulePackError(path, None, f"not UTF-8 (byte {exc.start})") from None
    try:
        data = load_toml(raw)  # a size and nesting limit: never RecursionError
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(m.group(1)) if m else None
        if line is None and "end of document" in msg:  # e.g. an unclosed array: blame the last line
            line = len(raw.rstrip("\n").split("\n")) if raw.strip() else 1
        raise RulePackError(path, line, f"invalid TOML: {msg}") from None
    only = data.get("language")
    if only is not None and only not in ("de", "en"):
        raise RulePackError(path, _line_of(raw, r"^\s*language\s*="), f"language must be 'de' or 'en', not {only!r}")
    if only is not None and only != language:
        return
    unknown = set(data) - {"language", "rules", "platforms", "brand"}
    if unknown:
        key = sorted(unknown)[0]
        raise RulePackError(path, _line_of(raw, rf"^\s*\[?{re.escape(key)}\b"), f"unknown section '{key}' (allowed: language, rules, platforms, brand)")
    for section in ("rules", "platforms", "brand"):
        if not isinstance(data.get(section, {}), Mapping):
            raise RulePackError(path, _line_of(raw, rf"^\s*{section}\s*="), f"{section} must be a table, e.g. [{section}...]")
    for rule_id, update in data.get("rules", {}).items():
        line = _line_of(raw, rf"^\s*\[rules\.{re.escape(rule_id)}\b", rf"\b{re.escape(rule_id)}\b")
        if rule_id not in rules:
            raise RulePackError(path, line, f"unknown rule '{rule_id}' (rules are {', '.join(sorted(rules)[:3])} … {sorted(rules)[-1]})")
        if not isinstance(update, Mapping):
            raise RulePackError(path, line, f"rules.{rule_id} must be a table")
        try:
            _merge_rule(rules[rule_id], update, f"rules.{rule_id}")
            _check_messages(rules[rule_id], f"rules.{rule_id}")
        except ValueError as exc:
            raise RulePackError(path, line, str(exc)) from None
    for name, update in data.get("platforms", {}).items():
        if not isinstance(update, Mapping):
            raise RulePackError(path, _line_of(raw, rf"platforms\.{re.escape(name)}"), f"platforms.{name} must be a table")
        platforms.setdefault(name, {}).update(update)
        try:  # check names, keys and types now, or the engine would fail on every draft
            from resonanz.core.analysis.platforms import load_profiles

            load_profiles({name: platforms[name]})
        except ValueError as exc:
            raise RulePackError(path, _line_of(raw, rf"^\s*\[platforms\.{re.escape(name)}\b", rf"platforms\.{re.escape(name)}\b"), str(exc)) from None
    names = data.get("brand", {}).get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise RulePackError(path, _line_of(raw, r"^\s*names\s*="), "brand.names must be a list of strings")
    brand.extend(n for n in names if n not in brand)


def _user_files(folder: Path) -> tuple[tuple[str, float], ...]:
    if not folder.is_dir():
        return ()
    return tuple((str(p), p.stat().st_mtime) for p in sorted(folder.glob("*.toml")))


def load_pack(language: str, user_dir: Path | None | bool = None) -> RulePack:
    """The merged pack for `language` ("de"/"en"); user_dir=False ignores the user folder."""
    folder = None if user_dir is False else (user_dir if user_dir is not None else user_rules_dir())
    files = _user_files(Path(folder)) if folder else ()
    return _load_pack_cached(language, files)


@lru_cache(maxsize=16)
def _load_pack_cached(language: str, files: tuple[tuple[str, float], ...]) -> RulePack:
    common, lang = _defaults(language)
    rules: dict[str, dict[str, Any]] = {}
    for rule_id, cfg in common["rules"].items():
        merged = copy.deepcopy(cfg)
        merged.update(copy.deepcopy(lang.get("rules", {}).get(rule_id, {})))
        rules[rule_id] = merged
    reply = copy.deepcopy({k: v for k, v in common.get("reply", {}).items() if k != "rules"})
    reply.update(copy.deepcopy({k: v for k, v in lang.get("reply", {}).items() if k != "rules"}))
    reply_ids = set(common.get("reply", {}).get("rules", {}))
    for rule_id in sorted(reply_ids):  # user files address them as [rules.R1] like any other rule
        merged = copy.deepcopy(common["reply"]["rules"][rule_id])
        merged.update(copy.deepcopy(lang.get("reply", {}).get("rules", {}).get(rule_id, {})))
        rules[rule_id] = merged
    platforms: dict[str, dict[str, Any]] = {}
    brand: list[str] = []
    errors: list[str] = []
    for path_str, _mtime in files:
        trial_rules, trial_platforms, trial_brand = copy.deepcopy(rules), copy.deepcopy(platforms), list(brand)
        try:
            _apply_user_file(Path(path_str), language, trial_rules, trial_platforms, trial_brand)
        except RulePackError as exc:
            errors.append(str(exc))
            continue
        except OSError as exc:
            errors.append(str(RulePackError(path_str, None, f"cannot read: {exc.strerror}")))
            continue
        rules, platforms, brand = trial_rules, trial_platforms, trial_brand
    reply["rules"] = {rule_id: rules.pop(rule_id) for rule_id in sorted(reply_ids)}
    return RulePack(
        language=language,
        rules=rules,
        scoring=common["scoring"],
        labels=lang["labels"],
        platform_overrides=platforms,
        brand_names=tuple(brand),
        abbreviations=frozenset(a.lower() for a in lang.get("abbreviations", [])),
        errors=tuple(errors),
        sources=tuple(path for path, _ in files),
        reply=reply,
    )
