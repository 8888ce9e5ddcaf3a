"""`resonanz --self-test`: start the real editor, score a sample draft, export a PDF, serve a live round, quit.

Built for installed copies and bundles (CI runs it on the PyInstaller build): everything the
app needs at run time must be there — Qt and its plugins, the rule packs, the translations, the
icon, the engine, SQLite, the PDF writer. Each step prints one line; the last line is
"self-test passed" and the exit status 0. On the first failure it prints one line
"self-test failed: <step>: <reason>" to stderr and returns 1.

All data goes to a throw-away folder (RESONANZ_HOME points there while the test runs), never to
the user's database or settings. Without a screen it runs offscreen.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

SAMPLE = "sommerfest_de.txt"
DIMENSIONS = ("dialogue", "shareability", "clarity", "platform_fit")
ANALYSIS_TIMEOUT_S = 30.0


class SelfTestError(Exception):
    """A step failed; the message is the one-line reason."""


def main() -> int:
    """Run every step; 0 if all passed, 1 with a one-line reason otherwise."""
    started = time.perf_counter()
    saved_env = {k: os.environ.get(k) for k in ("RESONANZ_HOME", "QT_QPA_PLATFORM")}
    step = "setup"
    try:
        with tempfile.TemporaryDirectory(prefix="resonanz-self-test-") as tmp:
            os.environ["RESONANZ_HOME"] = tmp  # settings, database, caches: all in the temp folder
            if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
                    and sys.platform.startswith("linux"):
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            for step, run in _steps(Path(tmp)):
                print(f"self-test: {step}: {run()}", flush=True)
    except Exception as exc:  # noqa: BLE001 - any failure becomes the one-line reason
        reason = str(exc) if isinstance(exc, SelfTestError) else f"{type(exc).__name__}: {exc}"
        print(f"self-test failed: {step}: {' '.join(reason.split())}", file=sys.stderr, flush=True)
        return 1
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    print(f"self-test passed ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


def _steps(tmp: Path):
    """(name, callable) pairs run in order; each callable returns the detail for its line."""
    state: dict = {}

    def qt() -> str:
        import PySide6
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QApplication

        from resonanz.gui.app.start import setup_identity

        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "resonanz"])
        app.setApplicationName("Resonanz")
        setup_identity(app)
        state["app"] = app
        if app.windowIcon().isNull():
            raise SelfTestError("the app icon did not load (resources/icons, the SVG image plugin)")
        return f"QApplication on '{app.platformName()}', Qt {qVersion()}, PySide6 {PySide6.__version__}, icon loaded"

    def translations() -> str:
        from resonanz.gui.app.i18n import Translations, qm_path

        state["translations"] = Translations()
        language = state["translations"].apply("de")
        if language != "de":
            raise SelfTestError("the German interface translation is missing")
        return f"German interface loaded ({qm_path('de').name})"

    def database() -> str:
        from resonanz.core.storage.store import Store

        state["store"] = store = Store(tmp / "resonanz.db")
        return f"new database in the temp folder (schema {store.schema_version})"

    def window() -> str:
        from resonanz.gui.editor.main_window import MainWindow
        from resonanz.gui.app.settings import open_settings

        draft = tmp / SAMPLE
        with resources.as_file(resources.files("resonanz.resources") / "samples" / SAMPLE) as sample:
            shutil.copyfile(sample, draft)
        win = MainWindow(state["translations"], open_settings(), state["store"])
        state["window"] = win
        if not win.open_path(draft):
            raise SelfTestError(f"could not open {draft.name}")
        win.show()
        if not win.isVisible():
            raise SelfTestError("the main window is not visible")
        return f"main window shown with {SAMPLE}"

    def analysis() -> str:
        from PySide6.QtCore import QEventLoop

        win, app = state["window"], state["app"]
        deadline = time.perf_counter() + ANALYSIS_TIMEOUT_S
        begun = time.perf_counter()
        while win.result is None or win.result.text != win.editor.toPlainText():
            if time.perf_counter() > deadline:
                raise SelfTestError(f"no analysis within {ANALYSIS_TIMEOUT_S:.0f} s")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not win.result.judged:
            raise SelfTestError(f"the sample was not judged: {win.result.judged_reason}")
        scores = {d: s.value for d, s in win.result.scores.items()}
        if set(scores) != set(DIMENSIONS) or not all(isinstance(v, int) and 0 <= v <= 100 for v in scores.values()):
            raise SelfTestError(f"unexpected scores {scores}")
        shown = {d: g.value() for d, g in win.panel.gauges.items() if g.isVisibleTo(win)}  # what the person sees (a post: no reply gauge)
        if shown != scores:
            raise SelfTestError(f"the panel shows {shown}, the analysis says {scores}")
        ms = (time.perf_counter() - begun) * 1000
        return ", ".join(f"{d} {v}" for d, v in scores.items()) + f"; {len(win.result.findings)} findings ({ms:.0f} ms)"

    def revision() -> str:
        win = state["window"]
        win.save_revision(label="self-test")
        draft_id = win.keeper.draft_id if win.keeper is not None else None
        if draft_id is None or not state["store"].revisions(draft_id):
            raise SelfTestError("the revision was not stored")
        state["draft_id"] = draft_id
        return f"revision with scores stored for draft {draft_id}"

    def pdf() -> str:
        from resonanz.core.reports.builders import draft_sheet
        from resonanz.gui.reports.report_pdf import write_pdf

        report = draft_sheet(state["store"], state["draft_id"], "de")
        path = tmp / "draft-sheet.pdf"
        pages = write_pdf(report, path, page_size="A4")
        data = path.read_bytes()
        if not data.startswith(b"%PDF-"):
            raise SelfTestError(f"{path.name} is not a PDF (starts with {data[:8]!r})")
        if pages < 1 or b"%%EOF" not in data[-1024:]:
            raise SelfTestError(f"{path.name} is incomplete ({pages} pages, {len(data)} bytes)")
        return f"draft sheet written as PDF, A4, {pages} page{'s' if pages != 1 else ''}, {len(data) // 1024} KB"

    def live_round() -> str:
        """The live-round server as the editor starts it (in a bundle: this executable), one page and one submission over 127.0.0.1."""
        import json
        import subprocess
        import urllib.request

        from resonanz.core.live.command import parse_event, serve_argv

        session = state["store"].create_session("workshop", "self-test", "2026-01-01")
        proc = subprocess.Popen(serve_argv(tmp / "resonanz.db", session, "de-dialog-01"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
        try:
            event = parse_event(proc.stdout.readline())
            if event is None or event[0] != "URL":
                raise SelfTestError(f"round serve did not start: {proc.stderr.read()[-300:] if proc.poll() is not None else 'no URL line'}")
            url = event[1]["url"]
            with urllib.request.urlopen(url, timeout=10) as page:  # noqa: S310 - 127.0.0.1 only
                if b"page.js" not in page.read():
                    raise SelfTestError("the participant page is not the one in resources/live")
            api = url.replace("/j/", "/api/") + "/submit"
            body = json.dumps({"name": "Self-test", "text": "Was würden Sie an unserem Sommerfest ändern? Schreiben Sie es uns."}).encode()
            request = urllib.request.Request(api, body, {"Content-Type": "application/json", "X-Participant": "selftest" * 4})
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                stored = json.loads(answer.read())
            proc.stdin.write("close\n")
            proc.stdin.flush()
            rest = proc.communicate(timeout=15)[0]
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        if "CLOSED" not in rest:
            raise SelfTestError("the round did not close")
        return f"round served on 127.0.0.1, attempt {stored['attempt']} stored (dialogue {stored['scores']['dialogue']}), closed"

    def quit_app() -> str:
        win = state["window"]
        win.editor.document().setModified(False)  # nothing to ask about: the draft is autosaved in the temp folder
        if not win.close():
            raise SelfTestError("the main window refused to close")
        state["store"].close()
        state["app"].processEvents()
        return "window closed, database closed"

    return [
        ("qt", qt),
        ("translations", translations),
        ("database", database),
        ("window", window),
        ("analysis", analysis),
        ("revision", revision),
        ("pdf", pdf),
        ("live round", live_round),
        ("quit", quit_app),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
