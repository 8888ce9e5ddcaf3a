"""A LanguageTool on this computer: finding Java and LanguageTool, starting and stopping the server.

`LocalServer.launch` needs Java >= 17 and an unpacked LanguageTool
(`<dir>/LanguageTool-<version>/languagetool-server.jar` or `<dir>/languagetool-server.jar`,
looked for in the setting, $LTP_PATH, <data dir>/languagetool and language-tool-python's cache
folder). The server listens on 127.0.0.1 only and is stopped by `stop()` or at exit.

May import: core.paths and core.proofing.reasons.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from resonanz.core.proofing.reasons import GrammarError, short_detail

MIN_JAVA = 17
LOCAL_LABEL = "local"


def default_languagetool_dir() -> Path:
    """Where `download_languagetool` puts LanguageTool: <data dir>/languagetool."""
    from resonanz.core.paths import data_dir

    return data_dir() / "languagetool"


def languagetool_dirs(ltp_path: str = "") -> list[Path]:
    """Folders searched for LanguageTool: the setting alone if given, else $LTP_PATH, the
    download folder and language-tool-python's cache (~/.cache/language_tool_python)."""
    if ltp_path:
        return [Path(ltp_path).expanduser()]
    dirs = [Path(os.environ["LTP_PATH"]).expanduser()] if os.environ.get("LTP_PATH") else []
    return [*dirs, default_languagetool_dir(), Path.home() / ".cache" / "language_tool_python"]


def find_languagetool(ltp_path: str = "") -> Path | None:
    """The languagetool-server.jar to run (newest version first), or None."""
    for folder in languagetool_dirs(ltp_path):
        jar = jar_in(folder)
        if jar:
            return jar
    return None


def jar_in(folder: Path) -> Path | None:
    direct = folder / "languagetool-server.jar"
    if direct.is_file():
        return direct
    try:
        found = [p for p in folder.glob("LanguageTool-*/languagetool-server.jar") if p.is_file()]
    except OSError:
        return None
    key = lambda p: [int(n) if n.isdigit() else 0 for n in re.findall(r"\d+|[^\d.]+", p.parent.name[len("LanguageTool-") :])]  # noqa: E731
    return max(found, key=key) if found else None


def find_java(java_path: str = "") -> Path | None:
    """The java executable: the setting if given, else `java` on PATH, else $JAVA_HOME/bin/java."""
    if java_path:
        p = Path(java_path).expanduser()
        if p.is_dir():
            p = p / "bin" / ("java.exe" if os.name == "nt" else "java")
        return p if p.is_file() else None
    found = shutil.which("java")
    if found:
        return Path(found)
    home = os.environ.get("JAVA_HOME")
    if home:
        p = Path(home) / "bin" / ("java.exe" if os.name == "nt" else "java")
        return p if p.is_file() else None
    return None


def java_version(java: Path) -> int | None:
    """Major version of `java` (8 for "1.8.0", 17 for "17.0.15"), None if it cannot be read."""
    try:
        out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL, creationflags=_NO_WINDOW)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout) or re.search(r"^(?:openjdk|java) (\d+)()", out.stderr + out.stdout, re.M)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)
_running: "weakref.WeakSet[LocalServer]" = weakref.WeakSet()


class LocalServer:
    """A LanguageTool server this process started on 127.0.0.1 (only local connections)."""

    def __init__(self, process: subprocess.Popen, port: int, log: Any) -> None:
        self.process, self.port, self._log = process, port, log
        self.url = f"http://127.0.0.1:{port}/"
        _running.add(self)

    @classmethod
    def launch(cls, java_path: str, ltp_path: str, start_timeout: float, cancel: threading.Event | None = None) -> "LocalServer":
        """Start LanguageTool and wait until it answers; GrammarError with the reason otherwise."""
        java = find_java(java_path)
        if java is None:
            raise GrammarError("no_java", path=java_path or "PATH")
        version = java_version(java)
        if version is not None and version < MIN_JAVA:
            raise GrammarError("java_too_old", version=version)
        jar = find_languagetool(ltp_path)
        if jar is None:
            raise GrammarError("lt_not_found", path=languagetool_dirs(ltp_path)[0])
        port = _free_port()
        log = tempfile.TemporaryFile()
        cmd = [str(java), "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
        try:
            process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, cwd=jar.parent, creationflags=_NO_WINDOW)
        except OSError as exc:
            log.close()
            raise GrammarError("lt_start_failed", detail=short_detail(exc)) from None
        server = cls(process, port, log)
        server._wait_ready(start_timeout, cancel)
        return server

    def _wait_ready(self, start_timeout: float, cancel: threading.Event | None) -> None:
        import requests

        session = requests.Session()
        session.trust_env = False
        deadline = time.monotonic() + start_timeout
        try:
            while time.monotonic() < deadline:
                code = self.process.poll()
                if code is not None:
                    raise GrammarError("lt_start_failed", detail=self._last_log_line() or f"exit code {code}")
                try:
                    if session.get(self.url + "v2/languages", timeout=1.0).status_code == 200:
                        return
                except requests.exceptions.RequestException:
                    pass
                if cancel is not None and cancel.wait(0.2):
                    raise GrammarError("lt_start_failed", detail="cancelled")
                if cancel is None:
                    time.sleep(0.2)
            raise GrammarError("lt_start_failed", detail=f"no answer after {start_timeout:g} s")
        except GrammarError:
            self.stop()
            raise
        finally:
            session.close()

    def _last_log_line(self) -> str:
        try:
            self._log.seek(0)
            lines = [ln.strip() for ln in self._log.read()[-4000:].decode("utf-8", "replace").splitlines() if ln.strip()]
        except (OSError, ValueError):
            return ""
        errors = [ln for ln in lines if "error" in ln.lower() or "exception" in ln.lower()]
        return short_detail(Exception((errors or lines or [""])[-1]))

    def alive(self) -> bool:
        """True while the Java process runs."""
        return self.process.poll() is None

    def stop(self) -> None:
        """End the Java process (terminate, then kill after 5 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        try:
            self._log.close()
        except OSError:
            pass
        _running.discard(self)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@atexit.register
def _stop_all() -> None:
    for server in list(_running):
        server.stop()
