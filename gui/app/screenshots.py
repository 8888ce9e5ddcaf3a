"""Render the README screenshots offscreen: `python -m resonanz.gui.app.screenshots [FOLDER]`.

Main window with the German and the English sample draft, the before/after compare view, and presentation mode
(F11) at a projector's 1920×1080: the editor and the sessions window, each in German and English, and a live
round's join card and gallery (a real round on 127.0.0.1, its participants' requests sent over HTTP).
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


#: A workshop round for the sessions window's picture: (participant, pseudonym, post), per UI language.
_ROUND = {
    "de": ("de-dialog-01", [
        ("Anna Becker", "Gruppe A", "Unser Sommerfest ist am 14. Juni in der Gärtnerei. Es gibt Kräuter und Führungen."),
        ("Ben Okafor", "Gruppe B", "Am 14. Juni feiern wir unser Sommerfest in der Gärtnerei! Welches Kraut wächst bei euch am besten? "
         "Erzählt es uns in den Kommentaren – wir sind gespannt."),
        ("Clara Weiss", "Gruppe C", "Sommerfest am 14. Juni: Führungen um 11 und 15 Uhr, Eintritt frei. Wen nehmen Sie mit?"),
    ]),
    "en": ("en-dialogue-01", [
        ("Anna Becker", "Group A", "Our summer party is on 14 June at the nursery. There will be herbs and guided tours."),
        ("Ben Okafor", "Group B", "On 14 June we celebrate our summer party at the nursery! Which herb grows best where you live? "
         "Tell us in the comments – we are curious."),
        ("Clara Weiss", "Group C", "Summer party on 14 June: tours at 11 and 3, free entry. Who will you bring along?"),
    ]),
}


def _sessions_shot(app, window, language: str, path: Path) -> None:
    """The sessions window in presentation mode with one workshop round (pseudonyms on screen)."""
    from datetime import date

    dialog = window.show_sessions()
    view = dialog.view
    exercise, people = _ROUND[language]
    title = "Workshop Vereinskommunikation" if language == "de" else "Workshop: club communication"
    view.create_session("workshop", title, date(2026, 11, 20))
    view.set_exercise(exercise)
    for name, pseudonym, text in people:
        view.add_attempt(view.add_participant(name, pseudonym), text)
    view.sort_by("dialogue")
    view.participant_list.setCurrentRow(0)
    window.toggle_presentation()
    app.processEvents()
    dialog.grab().save(str(path))
    window.toggle_presentation()
    dialog.hide()
    app.processEvents()


def _wait(app, done, seconds: float = 20) -> None:
    """Process events until `done()` (a live round's server answers from another process)."""
    import time

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("the live round did not get there in time")
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def _participant_request(url: str, path: str, device: str, body: dict | None = None) -> None:
    """What a participant's page sends to a live round (docs/LIVE_ROUNDS.md), over real HTTP."""
    import urllib.request

    base, code = url.split("/j/")
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(f"{base}/api/{code}/{path}", data=data, method="GET" if body is None else "POST",
                                     headers={"Content-Type": "application/json", "X-Participant": device})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def _live_shots(app, window, out: Path) -> None:
    """A live round on 127.0.0.1 in presentation mode: the join card while devices join (live_join_de.png),
    then the sessions window's gallery after three submissions (live_gallery_de.png)."""
    from datetime import date
    from uuid import uuid4

    dialog = window.show_sessions()
    view = dialog.view
    exercise, people = _ROUND["de"]
    view.create_session("workshop", "Live-Runde Vereinskommunikation", date(2026, 11, 20))
    view.set_exercise(exercise)
    window.toggle_presentation()
    live = view.live_round
    live.start("127.0.0.1")
    _wait(app, lambda: live.card is not None and live.card.isVisible())
    devices = [uuid4().hex for _ in range(7)]
    for device in devices:  # seven phones opened the page
        _participant_request(live.url(), "round", device)
    _wait(app, lambda: live.joined == len(devices))
    live.card.grab().save(str(out / "live_join_de.png"))
    for device, (name, _pseudonym, text) in zip(devices, people):
        _participant_request(live.url(), "submit", device, {"name": name, "text": text})
    _wait(app, lambda: len(view.round_attempts()) == len(people) and live.submitted == len(people))
    live.show_gallery()
    view.sort_by("dialogue")
    _wait(app, lambda: not live.card.isVisible())
    dialog.grab().save(str(out / "live_gallery_de.png"))
    live.close_now()
    window.toggle_presentation()
    dialog.hide()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    """Write main_{de,en}.png, compare_de.png, reply_de.png, audit_de.png, audit_charts_de.png, and presentation_{de,en}.png,
    sessions_presentation_{de,en}.png and live_{join,gallery}_de.png (presentation mode at 1920×1080) into the folder."""
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
    from resonanz.core.paths import data_dir
    from resonanz.core.storage.store import Store

    settings = open_settings()
    translations = Translations()
    translations.apply("de")
    store = Store(data_dir() / "resonanz.db")
    window = MainWindow(translations, settings, store)
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
    _sessions_shot(app, window, "de", out / "sessions_presentation_de.png")
    _live_shots(app, window, out)

    translations.apply("en")
    app.processEvents()
    window.editor.document().setModified(False)
    window.load_text(sample_text("en"))
    _settle(app, window)
    window.grab().save(str(out / "main_en.png"))
    window.toggle_presentation()
    _settle(app, window)
    window.grab().save(str(out / "presentation_en.png"))
    window.toggle_presentation()
    _sessions_shot(app, window, "en", out / "sessions_presentation_en.png")

    from resonanz.core.exercises.library import builtin_exercises

    translations.apply("de")  # last: a German reply exercise sets the language it is written in
    window.start_exercise(next(e for e in builtin_exercises() if e.id == "de-antwort-01"))  # Reply mode (issue 15)
    _settle(app, window)
    window.grab().save(str(out / "reply_de.png"))

    audit = window.dialogs.show_audit()  # the page audit (issue 13) of the invented sample export
    audit.resize(1440, 900)
    audit.platform_combo.setCurrentIndex(audit.platform_combo.findData("facebook"))
    # the file named as a user who works in its folder sees it: no path of this machine in the picture
    here = Path.cwd()
    os.chdir(str(resources.files("resonanz.resources") / "samples"))
    try:
        audit.path_edit.setText("page_export_de.csv")
        audit.run()
        audit.runner.wait()
    finally:
        os.chdir(here)
    for _ in range(50):
        app.processEvents()
    audit.view.dead_ends.selectRow(0)
    for _ in range(20):
        app.processEvents()
    audit.grab().save(str(out / "audit_de.png"))
    audit.view.tabs.setCurrentIndex(3)
    for _ in range(20):
        app.processEvents()
    audit.grab().save(str(out / "audit_charts_de.png"))
    audit.close()

    window.editor.document().setModified(False)
    window.close()
    store.close()
    names = ("main_de.png", "main_en.png", "compare_de.png", "reply_de.png", "audit_de.png", "audit_charts_de.png", "presentation_de.png", "presentation_en.png", "sessions_presentation_de.png", "sessions_presentation_en.png",
             "live_join_de.png", "live_gallery_de.png")
    for name in names:
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
