"""Start the desktop editor: `resonanz` (no arguments), `resonanz DRAFT.txt` or `python -m resonanz`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    """Run the editor; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "resonanz"])
    app.setApplicationName("Resonanz")
    app.setOrganizationName("Resonanz")
    app.setApplicationDisplayName("Resonanz")

    from resonanz.gui.i18n import Translations
    from resonanz.gui.main_window import MainWindow, sample_text
    from resonanz.gui.settings import open_settings

    settings = open_settings()
    translations = Translations()
    ui_language = translations.apply(str(settings.value("ui_language", "system")))
    window = MainWindow(translations, settings)
    if args:
        window.open_path(Path(args[0]))
    elif not settings.value("first_start_done", False, type=bool):
        window.load_text(sample_text(ui_language))  # first start: show what Resonanz does
        settings.setValue("first_start_done", True)
    else:
        window.load_text("")
    window.show()
    if os.environ.get("RESONANZ_EXIT_WHEN_SHOWN"):  # start-up benchmark: quit once the window is up
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
