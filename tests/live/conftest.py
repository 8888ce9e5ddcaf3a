"""Fixtures for the live round's participant page in a real browser (issue 14, docs/LIVE_ROUNDS.md).

- `live_round`: the real `resonanz round serve` as a child process on 127.0.0.1 with its own database,
  read from its output lines (URL, SESSION), stopped with SIGTERM at the end - and the port must be
  free then. `start_round(exercise)` starts further ones for one test (stopped the same way after it).
- `browser`: Debian's chromium (/usr/bin/chromium) driven by Playwright's sync API; no browser is
  downloaded. `participant(url, locale)` opens the page in a fresh context (its own localStorage, so its
  own X-Participant id) and records console messages, page errors and CSP violations (`Watch`).
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
EXERCISE = "de-dialog-01"  # a built-in post exercise (resources/exercises/de/de-dialog-01.md)
STARTUP_SECONDS = 60


@dataclass
class LiveRound:
    """A running `round serve`: where it listens, its code and session, and its output lines so far."""

    process: subprocess.Popen
    db: Path
    url: str
    session_id: int
    stderr_path: Path
    lines: list[str] = field(default_factory=list)
    _queue: queue.Queue = field(default_factory=queue.Queue, repr=False)

    @property
    def origin(self) -> str:
        return self.url.split("/j/")[0]

    @property
    def code(self) -> str:
        return self.url.rsplit("/", 1)[1]

    @property
    def host(self) -> str:
        return self.origin.split("//")[1].rsplit(":", 1)[0]

    @property
    def port(self) -> int:
        return int(self.origin.rsplit(":", 1)[1])

    def wait_for_line(self, prefix: str, timeout: float = 15) -> str:
        """The next output line starting with `prefix` (earlier ones it already printed count too)."""
        for line in self.lines:
            if line.startswith(prefix):
                return line
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"round serve printed no {prefix!r} line; output: {self.lines}; stderr: {self.stderr()}")

    def drain(self) -> list[str]:
        """All output lines printed so far."""
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return self.lines
            if line is not None:
                self.lines.append(line)

    def stderr(self) -> str:
        try:
            return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM, then wait for the process: it must print CLOSED and free its port."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
                raise AssertionError("round serve did not stop within 15 s of SIGTERM") from None
        self.wait_for_line("CLOSED", timeout=5)
        assert port_is_closed(self.host, self.port), f"port {self.port} is still open after the round closed"


def port_is_closed(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        return sock.connect_ex((host, port)) != 0


def _reader(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line.rstrip("\r\n"))
    out.put(None)


def start_live_round(workdir: Path, exercise: str = EXERCISE, title: str = "Test") -> LiveRound:
    """Start `resonanz round serve --new-session TITLE --exercise ID` on 127.0.0.1:0 with a database in `workdir`."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "live.sqlite3"
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    stderr_path = workdir / "serve.stderr"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "RESONANZ_HOME": str(home)}
    argv = [sys.executable, "-m", "resonanz", "round", "serve", "--new-session", title, "--exercise", exercise,
            "--bind", "127.0.0.1", "--port", "0", "--db", str(db)]
    with open(stderr_path, "w", encoding="utf-8") as err:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, text=True,
                                   encoding="utf-8", env=env)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    served = LiveRound(process=process, db=db, url="", session_id=0, stderr_path=stderr_path, _queue=lines)
    try:
        served.url = served.wait_for_line("URL ", timeout=STARTUP_SECONDS).split(" ", 1)[1]
        served.session_id = int(served.wait_for_line("SESSION ", timeout=10).split(" ", 1)[1])
    except BaseException:
        if process.poll() is None:
            process.kill()
        raise
    assert served.host == "127.0.0.1", served.url
    return served


@pytest.fixture(scope="module")
def live_round(tmp_path_factory: pytest.TempPathFactory):
    """One round of de-dialog-01 for the whole test module, closed with SIGTERM afterwards (port then free)."""
    served = start_live_round(tmp_path_factory.mktemp("live-round"))
    try:
        yield served
    finally:
        served.stop()


# ---------------------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright (never a downloaded browser)."""
    # missing parts fail (as the HTML report's browser test does): a skip would hide that the
    # participant page went untested; .ci/run installs both
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed: apt-get install chromium (.ci/run does)"
    from playwright import sync_api  # the test extra: pip install -e '.[test]'

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# Recorded in every page before its own script runs: Playwright's init scripts are not subject to the page's CSP.
_CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});
"""


@dataclass
class Watch:
    """What a page said on its console and which errors it threw."""

    console: list[tuple[str, str, str]] = field(default_factory=list)  # (type, text, url)
    errors: list[str] = field(default_factory=list)

    def problems(self, *expected: str) -> list[str]:
        """Console errors and warnings, and page errors, except a missing favicon and the `expected` substrings."""
        found = []
        for kind, text, url in self.console:
            if kind not in ("error", "warning"):
                continue
            if url.endswith("/favicon.ico"):
                continue  # the round serves only the page, its script and its style sheet
            if any(e in text for e in expected):
                continue
            found.append(f"{kind}: {text} ({url})")
        return found + [f"pageerror: {e}" for e in self.errors]

    def csp_messages(self) -> list[str]:
        return [text for _kind, text, _url in self.console if "Content Security Policy" in text or "Content-Security-Policy" in text]


def open_participant(browser, url: str, locale: str, **context_options):
    """A new browser context (its own localStorage) with one page at `url`; returns (context, page, watch)."""
    context = browser.new_context(locale=locale, **context_options)
    context.add_init_script(_CSP_PROBE)
    page = context.new_page()
    watch = Watch()
    page.on("console", lambda msg: watch.console.append((msg.type, msg.text, (msg.location or {}).get("url", ""))))
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector("#round:not([hidden])", timeout=15000)
    return context, page, watch


@pytest.fixture
def start_round(tmp_path: Path):
    """start_round(exercise) -> a LiveRound of its own; every one still running is stopped after the test."""
    started: list[LiveRound] = []

    def start(exercise: str = EXERCISE) -> LiveRound:
        served = start_live_round(tmp_path / f"round-{len(started)}", exercise=exercise)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


@pytest.fixture
def participant(browser):
    """participant(url, locale, **context options) -> (page, watch); the contexts are closed after the test."""
    contexts = []

    def open_page(url: str, locale: str, **options):
        context, page, watch = open_participant(browser, url, locale, **options)
        contexts.append(context)
        return page, watch

    yield open_page
    for context in contexts:
        context.close()
