"""Render the README screenshots offscreen: `python -m resonanz.gui.app.screenshots [FOLDER]`.

Main window with the German sample draft, the before/after compare view, and presentation mode.
Regenerate whenever the UI changes (default folder: docs/screenshots).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def _settle(app, window) -> None:
    """Analyse the current text now and wait until the panel shows the scores and the spelling for exactly that text."""
    import time

    window.reanalyze_now()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        window.analyzer.wait_idle(1000)
        app.processEvents()
        text = window.editor.toPlainText()
        grammar = getattr(window, "grammar_result", None)
        if window.result is not None and window.result.text == text and grammar is not None and grammar.text == text:
            break
        time.sleep(0.02)
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    """Write main_de.png, compare_de.png and presentation_de.png into the folder."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    # a 1920x1080 offscreen screen, so full-screen presentation mode has a projector's size
    screen = Path(tempfile.mkdtemp(prefix="resonanz-screen-")) / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["RESONANZ_HOME"] = tempfile.mkdtemp(prefix="resonanz-shots-")  # never the user's settings

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["resonanz"])
    from resonanz.gui.app import theme as themes
    from resonanz.gui.app.i18n import Translations
    from resonanz.gui.editor.main_window import MainWindow, sample_text
    from resonanz.gui.app.settings import open_settings

    settings = open_settings()
    translations = Translations()
    translations.apply("de")
    window = MainWindow(translations, settings)
    window.theme = themes.LIGHT
    window.apply_theme(themes.LIGHT)
    window.resize(1440, 900)
    window.show()
    window.load_text(sample_text("de"))
    _settle(app, window)
    window.grab().save(str(out / "main_de.png"))

    from importlib import resources

    revised_text = (resources.files("resonanz.resources") / "samples" / "sommerfest_de_revised.txt").read_text(encoding="utf-8")
    window.editor.setPlainText(revised_text)
    _settle(app, window)
    dialog = window.show_compare()
    dialog.resize(1440, 860)
    _settle(app, window)
    dialog.grab().save(str(out / "compare_de.png"))
    dialog.hide()

    window.toggle_presentation()
    _settle(app, window)
    window.grab().save(str(out / "presentation_de.png"))
    window.toggle_presentation()
    window.editor.document().setModified(False)
    window.close()
    for name in ("main_de.png", "compare_de.png", "presentation_de.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
