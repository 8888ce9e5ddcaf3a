"""UI translations through Qt's system: .ts sources in resources/translations, .qm built from them.

English is the source language: its texts are the source strings. Only counted phrases need an
English translation too ("%n attempt(s)" → "1 attempt" / "2 attempts": Qt does not pluralise a
source text by itself), so resonanz_en.ts holds just those (lupdate -pluralonly) and is installed
for English like any other translation. The .qm files are built by
`python -m resonanz.gui.app.i18n` (the build, CI and packaging run it) with pyside6-lrelease; if an
installed copy lacks it, it is built once into the data folder's cache. Nobody edits a .qm by hand.
To refresh the .ts after changing UI strings: `python -m resonanz.gui.app.i18n --update`.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

UI_LANGUAGES = ("de", "en")
SOURCE_LANGUAGE = "en"


def _ts_dir() -> Path:
    return Path(str(resources.files("resonanz.resources") / "translations"))


def _tool(name: str) -> list[str]:
    """Command for a PySide6 tool (pyside6-lrelease / -lupdate) of this interpreter."""
    import PySide6

    binary = Path(PySide6.__file__).parent / name
    if binary.exists():
        return [str(binary)]
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"]


def build_qm(ts: Path, qm: Path) -> Path:
    """Compile one .ts into a .qm (pyside6-lrelease)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def qm_path(language: str) -> Path | None:
    """The compiled translation for `language`, building it if needed; None if none is shipped.

    For the source language (English) it holds only the plural forms of counted phrases."""
    ts = _ts_dir() / f"resonanz_{language}.ts"
    if not ts.is_file():
        return None
    shipped = ts.with_suffix(".qm")
    # a frozen bundle (PyInstaller) cannot rebuild, and copying files there does not keep their times
    if shipped.is_file() and (getattr(sys, "frozen", False) or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    from resonanz.core.paths import data_dir

    cached = data_dir() / "cache" / "translations" / shipped.name
    if not cached.is_file() or cached.stat().st_mtime < ts.stat().st_mtime:
        build_qm(ts, cached)
    return cached


def resolve_ui_language(choice: str) -> str:
    """'system' follows the system locale (German for any de_* locale, else English)."""
    if choice in UI_LANGUAGES:
        return choice
    return "de" if QLocale.system().name().startswith("de") else "en"


class Translations:
    """Installs and swaps the application's translator; Qt then sends LanguageChange to every widget."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None  # Qt's own strings: OK/Cancel, file dialogs
        self.language = SOURCE_LANGUAGE

    def apply(self, choice: str) -> str:
        """Switch the UI to 'system', 'de' or 'en'; returns the language now in use."""
        language = resolve_ui_language(choice)
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        if language != SOURCE_LANGUAGE:
            # Qt ships qtbase_<lang>.qm: without it the standard buttons and the file dialog stay English
            qt = QTranslator(app)
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                self._qt_translator = qt
        try:
            path = qm_path(language)
        except (OSError, subprocess.CalledProcessError):
            if language != SOURCE_LANGUAGE:
                raise
            path = None  # English plurals only: the source texts still work without them
        if path is not None:
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._translator = translator
        elif language != SOURCE_LANGUAGE:
            language = SOURCE_LANGUAGE  # no translation shipped: fall back to the source language
        # installing or removing a translator makes Qt send LanguageChange to every widget
        self.language = language
        return language


def main(argv: list[str] | None = None) -> int:
    """Build the .qm files next to the .ts (default) or refresh the .ts from the sources (--update)."""
    args = sys.argv[1:] if argv is None else argv
    ts_dir = _ts_dir()
    if "--update" in args:
        gui_dir = Path(__file__).parents[1]
        sources = sorted(str(p) for p in gui_dir.rglob("*.py"))
        for lang in UI_LANGUAGES:
            # the source language needs only its plural forms ("%n attempt(s)" → "1 attempt")
            only = ["-pluralonly", "-source-language", "en", "-target-language", "en"] if lang == SOURCE_LANGUAGE else []
            subprocess.run([*_tool("lupdate"), "-no-obsolete", *only, *sources, "-ts", str(ts_dir / f"resonanz_{lang}.ts")], check=True)
        return 0
    for ts in sorted(ts_dir.glob("resonanz_*.ts")):
        build_qm(ts, ts.with_suffix(".qm"))
        print(f"built {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
