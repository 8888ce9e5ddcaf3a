"""The window's remembered state in one INI file in Resonanz's data folder (RESONANZ_HOME); the editor's
fixed limits shipped in resources/editor.toml (`editor_config`)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QSettings

from resonanz.core.paths import data_dir

MAX_RECENT = 10


def open_settings() -> QSettings:
    """Settings stored at <data dir>/settings.ini (not the registry), so tests and portable use are isolated."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def recent_files(settings: QSettings) -> list[str]:
    """Most recent first."""
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])]


def add_recent(settings: QSettings, path: str) -> list[str]:
    """Put `path` first in the recent list (no duplicates, at most MAX_RECENT)."""
    items = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("recent_files", items[:MAX_RECENT])
    return items[:MAX_RECENT]


@lru_cache(maxsize=1)
def editor_config() -> dict:
    """resources/editor.toml, read once: `[live_marks]` (the draft editor), `[findings_list]` (the panel)."""
    return tomllib.loads((resources.files("resonanz.resources") / "editor.toml").read_text(encoding="utf-8"))
