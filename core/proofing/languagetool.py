"""The LanguageTool side of the grammar check: HTTP client, local server process, download.

Used by core.grammar (the public API); the GUI needs only `download_languagetool`,
`find_languagetool`, `default_languagetool_dir` and `normalize_server_url` from here.

- **Protocol.** language-tool-python's `LanguageTool(remote_server=URL)` speaks LanguageTool's
  HTTP API (`GET /v2/languages`, form-encoded `POST /v2/check`). It is always used in remote mode,
  also for a local LanguageTool (which this module starts itself on 127.0.0.1), so the library
  never downloads anything and never starts a server of its own. Its request method is replaced
  (`_query_server`): one attempt instead of two, our timeout instead of 300 s, no proxy for
  loopback addresses, and every failure raised as `GrammarError` with a stable reason code.
  Matches are parsed here from the raw JSON (not with the library's `Match`, whose offset fix-up
  keeps global state and leaves `length` in UTF-16 units).
- **Offsets.** LanguageTool counts in UTF-16 code units (Java strings); `Utf16Map` turns them
  into Python str offsets (code points), so an emoji before an error does not shift its span.
- **Local.** `LocalServer.launch` needs Java >= 17 and an unpacked LanguageTool
  (`<dir>/LanguageTool-<version>/languagetool-server.jar` or `<dir>/languagetool-server.jar`,
  looked for in the setting, $LTP_PATH, <data dir>/languagetool and the library's cache folder).
- **Download** happens only in `download_languagetool`, called on the user's request.
"""

from __future__ import annotations

import atexit
import bisect
import hashlib
import ipaddress
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urljoin, urlsplit

from resonanz.core.proofing.spelling import config

MIN_JAVA = 17
LOCAL_LABEL = "local"


def settings_data() -> Mapping[str, Any]:
    """The [grammar] table of resources/grammar.toml."""
    return config()["grammar"]


def reason_text(code: str, detail: Mapping[str, Any] | None = None, language: str = "en") -> str:
    """The one-line explanation of a reason code in "de" or "en" ("cli": English for the command
    line, naming options instead of the Settings dialog); unknown placeholders stay visible."""
    reasons = config()["reasons"]
    table = reasons["de" if language == "de" else "en"]
    template = (reasons["cli"] if language == "cli" else {}).get(code) or table.get(code, code)
    return template.format_map(_Keep(detail or {}))


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class GrammarError(Exception):
    """A reason the grammar check cannot run: `code` (stable, see grammar.REASON_CODES) + `detail`.

    str() is the English one-line reason; `reason(language)` gives it in "de" or "en".
    `retryable` is False for settings that only the user can fix (a bad URL).
    """

    def __init__(self, code: str, retryable: bool = True, **detail: Any) -> None:
        self.code, self.retryable = code, retryable
        self.detail = {k: str(v) for k, v in detail.items()}
        super().__init__(reason_text(code, self.detail))

    def reason(self, language: str = "en") -> str:
        """The reason in `language`."""
        return reason_text(self.code, self.detail, language)


class DownloadError(GrammarError):
    """`download_languagetool` failed; reason code "download_failed"."""

    def __init__(self, detail: str) -> None:
        super().__init__("download_failed", detail=detail)


# --- server addresses -----------------------------------------------------------------------------

_HOSTLIKE = re.compile(r"^[\w.\-]+(:\d+)?(/\S*)?$|^\[[0-9a-fA-F:]+\](:\d+)?(/\S*)?$")


def is_loopback(host: str) -> bool:
    """True for localhost and 127.x / ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalize_server_url(url: str) -> str:
    """The base URL of a LanguageTool server, ending in "/" (the API is at <base>v2/).

    Accepts "https://api.languagetool.org", ".../v2", ".../v2/check", "localhost:8081" (http for
    loopback hosts, https otherwise when the scheme is missing). Raises GrammarError "no_url" or
    "bad_url" (not retryable) for anything else, e.g. "not a url" or "ftp://host".
    """
    raw = (url or "").strip()
    if not raw:
        raise GrammarError("no_url", retryable=False)
    candidate = raw
    if "://" not in candidate:
        if not _HOSTLIKE.match(candidate):
            raise GrammarError("bad_url", retryable=False, url=raw)
        host = candidate.split("/")[0].rsplit(":", 1)[0] if not candidate.startswith("[") else candidate.split("]")[0] + "]"
        candidate = ("http://" if is_loopback(host) else "https://") + candidate
    try:
        parts = urlsplit(candidate)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise GrammarError("bad_url", retryable=False, url=raw) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(ch.isspace() for ch in candidate) or parts.query or parts.fragment:
        raise GrammarError("bad_url", retryable=False, url=raw)
    path = re.sub(r"/v2(/check|/languages)?/?$", "", parts.path.rstrip("/"))
    return f"{parts.scheme}://{parts.netloc}{path}/"


def server_label(base_url: str) -> str:
    """How a server is named to the user: host[:port] (no scheme, path or user:password@)."""
    return urlsplit(base_url).netloc.rsplit("@", 1)[-1] or base_url


# --- UTF-16 offsets -------------------------------------------------------------------------------


class Utf16Map:
    """Converts between UTF-16 code-unit offsets (LanguageTool, Java, Qt) and str offsets of one text."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # each takes 2 UTF-16 units
        self._starts16 = [i + k for k, i in enumerate(self.astral)]
        self.length = len(text) + len(self.astral)  # the text's length in UTF-16 units

    def to_index(self, offset16: int) -> int:
        """str offset of a UTF-16 offset (inside a surrogate pair: the character's start)."""
        if not self.astral:
            return offset16
        return offset16 - bisect.bisect_left(self._starts16, offset16)

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of a str offset."""
        return index + bisect.bisect_left(self.astral, index)


# --- matches --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match with str offsets."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    description: str
    issue_type: str
    category_id: str
    category_name: str


def parse_matches(data: Any, text: str, label: str = "") -> list[LTMatch]:
    """The matches of a /v2/check answer; GrammarError "bad_response" if it is not shaped like one."""
    matches = data.get("matches") if isinstance(data, dict) else None
    if not isinstance(matches, list):
        raise GrammarError("bad_response", server=label, detail="no list of matches")
    umap = Utf16Map(text)
    out: list[LTMatch] = []
    for m in matches:
        try:
            offset, length = m["offset"], m["length"]
            if not isinstance(offset, int) or not isinstance(length, int):
                raise TypeError
            rule = m["rule"]
            category = rule.get("category") or {}
            reps = tuple(str(r["value"]) for r in m.get("replacements") or () if isinstance(r, dict) and "value" in r)
            match = (str(m["message"]), str(m.get("shortMessage") or ""), reps, str(rule["id"]), str(rule.get("description") or ""),
                     str(rule.get("issueType") or ""), str(category.get("id") or ""), str(category.get("name") or ""))
        except (KeyError, TypeError, AttributeError):
            raise GrammarError("bad_response", server=label, detail="a match without offset, length, message or rule") from None
        if offset < 0 or length < 0 or offset + length > umap.length:
            continue  # outside the text: nothing to mark
        out.append(LTMatch(umap.to_index(offset), umap.to_index(offset + length), *match))
    return out


# --- the HTTP client ------------------------------------------------------------------------------

_tool_class_cache: list[type] = []


def _tool_class() -> type:
    """language_tool_python.LanguageTool with our request method (imported on first use: ~0.15 s)."""
    if _tool_class_cache:
        return _tool_class_cache[0]
    import requests
    from language_tool_python import LanguageTool

    from resonanz.core import __version__

    class _Tool(LanguageTool):
        def __init__(self, language: str, base_url: str, timeout: float, label: str, deadline: float | None = None) -> None:
            self._resonanz = {"timeout": timeout, "label": label, "deadline": deadline}
            self._session = requests.Session()
            self._session.trust_env = not is_loopback(urlsplit(base_url).hostname or "")  # no proxy for 127.0.0.1
            self._session.headers["User-Agent"] = f"Resonanz/{__version__}"
            super().__init__(language=language, remote_server=base_url)

        def _query_server(self, url: str, params: dict | None = None, num_tries: int = 1, method: str = "get") -> Any:
            return _request(self._session, url, params, method, self._resonanz)

        def close(self) -> None:
            self._session.close()
            super().close()

    _tool_class_cache.append(_Tool)
    return _Tool


def _request(session: Any, url: str, params: dict | None, method: str, opts: dict) -> Any:
    """One HTTP request within the timeout (and the check's deadline); every failure a GrammarError."""
    import requests

    label, seconds = opts["label"], opts["timeout"]
    limit = seconds if opts["deadline"] is None else min(seconds, opts["deadline"] - time.monotonic())
    if limit <= 0:
        raise GrammarError("timeout", server=label, seconds=_num(seconds))
    try:  # no redirects: requests would turn a redirected POST into a GET without the text
        if method == "post":
            response = session.post(url, data=params, timeout=limit, allow_redirects=False)
        else:
            response = session.get(url, params=params, timeout=limit, allow_redirects=False)
    except requests.exceptions.Timeout:
        raise GrammarError("timeout", server=label, seconds=_num(seconds)) from None
    except requests.exceptions.ConnectionError as exc:
        raise GrammarError("unreachable", server=label, detail=_short(exc)) from None
    except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema) as exc:
        raise GrammarError("bad_url", retryable=False, url=label, detail=_short(exc)) from None
    except (requests.exceptions.RequestException, ValueError) as exc:
        raise GrammarError("bad_response", server=label, detail=_short(exc)) from None
    with response:
        status = response.status_code
        if status in (426, 429):
            raise GrammarError("rate_limited", server=label)
        if status >= 500:
            raise GrammarError("server_error", server=label, status=status)
        if 300 <= status < 400:
            target = response.headers.get("Location", "")
            raise GrammarError("bad_response", server=label, detail=f"it redirects to {target.split('/v2/')[0] or 'another address'}: use that address")
        if status == 413:
            raise GrammarError("bad_response", server=label, detail="the text is too long for this server")
        if status != 200:
            raise GrammarError("bad_response", server=label, detail=f"HTTP {status}")
        try:
            return response.json()
        except ValueError:
            raise GrammarError("bad_response", server=label, detail="not JSON") from None


def _num(seconds: float) -> str:
    return f"{seconds:g}"


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:119] + "…"


class LanguageToolClient:
    """A connection to one LanguageTool server for one language variant (e.g. "de-DE").

    Creating it asks the server for its languages (GET /v2/languages); `check` posts a text.
    Both stay within `timeout` seconds. Not thread-safe: core.grammar uses one check at a time.
    """

    def __init__(self, base_url: str, variant: str, timeout: float, label: str, disabled_rules: tuple[str, ...] = (), deadline: float | None = None) -> None:
        self.base_url, self.variant, self.label, self.timeout = base_url, variant, label, timeout
        tool_class = _tool_class()
        tool = tool_class.__new__(tool_class)  # keep a handle: a failing __init__ must still close its session
        try:
            tool.__init__(variant, base_url, timeout, label, deadline)
        except Exception as exc:
            if hasattr(tool, "_session"):
                tool._session.close()
            if isinstance(exc, GrammarError):
                raise
            if isinstance(exc, ValueError):  # LanguageTag: the server does not list this language
                raise GrammarError("unsupported_language", server=label, language=variant) from None
            # an unexpected /v2/languages answer (a dict, a list of strings …) must not escape
            raise GrammarError("bad_response", server=label, detail=f"languages: {type(exc).__name__}") from None
        tool._resonanz["deadline"] = None
        tool.disabled_rules = set(disabled_rules)
        self._tool = tool

    def check(self, text: str, deadline: float | None = None, timeout: float | None = None) -> list[LTMatch]:
        """The matches of `text`, offsets as str offsets; raises GrammarError.

        `deadline` (time.monotonic()) caps the request further, e.g. when connecting took time;
        `timeout` replaces the client's timeout for this request (a local server's first check).
        """
        opts = self._tool._resonanz
        opts["deadline"], opts["timeout"] = deadline, timeout or self.timeout
        try:
            data = self._tool._query_server(urljoin(self._tool.url, "check"), self._tool._create_params(text), method="post")
        finally:
            opts["deadline"], opts["timeout"] = None, self.timeout
        return parse_matches(data, text, self.label)

    def close(self) -> None:
        """Close the HTTP session."""
        self._tool.close()


# --- a LanguageTool on this computer --------------------------------------------------------------


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
        jar = _jar_in(folder)
        if jar:
            return jar
    return None


def _jar_in(folder: Path) -> Path | None:
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
            raise GrammarError("lt_start_failed", detail=_short(exc)) from None
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
        return _short(Exception((errors or lines or [""])[-1]))

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


# --- download -------------------------------------------------------------------------------------


def download_languagetool(
    target: Path | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    *,
    version: str | None = None,
    url: str | None = None,
    sha256: str | None = None,
    cancel: threading.Event | None = None,
    timeout: float = 30.0,
) -> Path:
    """Download and unpack LanguageTool (~250 MB) into `target` (default: default_languagetool_dir()).

    Only call this when the user asked for it. `progress(bytes_done, bytes_total_or_None)` is called
    from the calling thread after every chunk; `cancel.set()` stops the download. The archive is
    checked against language-tool-python's SHA-256 list (or `sha256`) and unpacked with its safe
    extractor. Returns the folder holding languagetool-server.jar; raises DownloadError with a
    one-line reason (offline, HTTP error, checksum, not a LanguageTool archive) and leaves no
    partial files behind.
    """
    import zipfile

    import requests
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    from language_tool_python.safe_zip import SafeZipExtractor

    version = version or LTP_DOWNLOAD_VERSION
    target = Path(target) if target is not None else default_languagetool_dir()
    try:
        url = url or LocalLanguageTool.from_version_name(version).download_url
        expected = sha256 if sha256 is not None else _known_sha256(version)
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target, prefix=".download-") as tmp:
            archive = Path(tmp) / "languagetool.zip"
            digest = hashlib.sha256()
            session = requests.Session()
            session.trust_env = not is_loopback(urlsplit(url).hostname or "")  # no proxy for 127.0.0.1
            with session, session.get(url, stream=True, timeout=timeout) as response:
                if response.status_code != 200:
                    raise DownloadError(f"HTTP {response.status_code} from {server_label(url)}")
                total = int(response.headers.get("Content-Length") or 0) or None
                done = 0
                with archive.open("wb") as fh:
                    for chunk in response.iter_content(chunk_size=1 << 20):
                        if cancel is not None and cancel.is_set():
                            raise DownloadError("cancelled")
                        fh.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            if expected and digest.hexdigest() != expected.lower():
                raise DownloadError("checksum mismatch: the file is not the expected LanguageTool archive")
            work = Path(tmp) / "unpack"
            work.mkdir()
            with zipfile.ZipFile(archive) as zf:
                SafeZipExtractor().extractall(zf, target, work_dir=work)
    except DownloadError:
        raise
    except requests.exceptions.RequestException as exc:
        raise DownloadError(_short(exc)) from None
    except zipfile.BadZipFile:
        raise DownloadError("the file is not a zip archive") from None
    except Exception as exc:  # noqa: BLE001 - PathError, OSError, ValueError: one line, never a traceback
        raise DownloadError(_short(exc) or type(exc).__name__) from None
    jar = _jar_in(target)
    if jar is None:
        raise DownloadError(f"no languagetool-server.jar in the archive from {server_label(url)}")
    return jar.parent


def _known_sha256(version: str) -> str | None:
    try:
        from language_tool_python.download_lt import EXPECTED_DOWNLOAD_SHA256
    except ImportError:
        return None
    value = EXPECTED_DOWNLOAD_SHA256.get(version)
    return str(value) if value else None
