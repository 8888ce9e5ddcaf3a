"""A STAND-IN for a LanguageTool server, for tests only. It is NOT LanguageTool.

It speaks the part of LanguageTool's HTTP API that language-tool-python uses
(https://languagetool.org/http-api/): `GET /v2/languages` and form-encoded `POST /v2/check`,
answering in LanguageTool's documented JSON format (matches with message, shortMessage, offset,
length, replacements[{value}], rule{id, description, issueType, category{id, name}}, context,
sentence). Offsets and lengths are UTF-16 code units, as a real (Java) LanguageTool sends them.
Its "grammar" is a handful of regular expressions (`DEFAULT_RULES`), enough to see findings
travel from server to editor. It runs on 127.0.0.1 on an ephemeral port in a thread of the test
process, so tests need no network and no Java.

Behaviour can be switched while it runs:
    standin.behaviour = "ok" | "malformed" (200, not JSON) | "wrong_shape" (200, JSON without
                        matches) | "http500" | "rate_limited" (HTTP 429) | "redirect" (301 to https)
    standin.delay_ms = 1500        # answer late (beyond a client's timeout)
    standin.stop() / standin.start()   # down (connection refused) and up again on the same port
    standin.requests, standin.count("/v2/check")   # what reached it

    with LanguageToolStandIn() as lt:
        checker = GrammarChecker(GrammarSettings(mode="server", server_url=lt.url))

`python tests/lt_standin.py --port 8081 [--log FILE]` runs it in the foreground (a fake `java`
uses this to play a local LanguageTool in tests; FILE gets one JSON line per request).
"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class StandInRule:
    """One pattern the stand-in reports, with LanguageTool's match fields."""

    language: str  # "de" or "en": applies to every variant of that language
    pattern: str
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    description: str
    issue_type: str
    category_id: str
    category_name: str


DEFAULT_RULES: tuple[StandInRule, ...] = (
    StandInRule("de", r"\bFehller\b", "Möglicher Tippfehler gefunden.", "Rechtschreibfehler", ("Fehler", "Fehlern"),
                "GERMAN_SPELLER_RULE", "Möglicher Rechtschreibfehler", "misspelling", "TYPOS", "Mögliche Tippfehler"),
    StandInRule("de", r"\b(\w+) \1\b", "Möglicher Tippfehler: ein Wort wird wiederholt", "Wortwiederholung", ("{1}",),
                "GERMAN_WORD_REPEAT_RULE", "Wortwiederholung", "duplication", "MISC", "Allgemein"),
    StandInRule("de", r"\bwegen dem\b", "Nach „wegen“ steht in der Standardsprache der Genitiv.", "Genitiv", ("wegen des",),
                "WEGEN_DEM", "wegen + Dativ", "grammar", "GRAMMAR", "Grammatik"),
    StandInRule("de", r"\bStadtteilfestt\b", "Möglicher Tippfehler gefunden.", "Rechtschreibfehler", ("Stadtteilfest",),
                "GERMAN_SPELLER_RULE", "Möglicher Rechtschreibfehler", "misspelling", "TYPOS", "Mögliche Tippfehler"),
    StandInRule("en", r"\bteh\b", "Possible spelling mistake found.", "Spelling mistake", ("the", "tech"),
                "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling", "TYPOS", "Possible Typo"),
    StandInRule("en", r"\ba (?=[aeiou])", "Use “an” instead of “a” if the following word starts with a vowel sound.", "Wrong article", ("an ",),
                "EN_A_VS_AN", "Use of 'a' vs. 'an'", "misspelling", "MISC", "Miscellaneous"),
    StandInRule("en", r"\bthe the\b", "Possible typo: you repeated a word.", "Word repetition", ("the",),
                "ENGLISH_WORD_REPEAT_RULE", "Word repetition (e.g. 'will will')", "duplication", "MISC", "Miscellaneous"),
)

DEFAULT_LANGUAGES: tuple[dict[str, str], ...] = (
    {"name": "German", "code": "de", "longCode": "de"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    {"name": "German (Austria)", "code": "de", "longCode": "de-AT"},
    {"name": "German (Swiss)", "code": "de", "longCode": "de-CH"},
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
)

BEHAVIOURS = ("ok", "malformed", "wrong_shape", "http500", "rate_limited", "redirect")


@dataclass(frozen=True)
class Received:
    """One request the stand-in received."""

    method: str
    path: str
    form: dict[str, str]


def utf16_len(s: str) -> int:
    """Length of `s` in UTF-16 code units (what Java's String.length() says)."""
    return len(s.encode("utf-16-le")) // 2


class LanguageToolStandIn:
    """The stand-in server; see the module docstring. Use as a context manager or start()/stop()."""

    def __init__(self, rules: tuple[StandInRule, ...] = DEFAULT_RULES, languages: tuple[dict[str, str], ...] = DEFAULT_LANGUAGES, port: int = 0) -> None:
        self.rules, self.languages = rules, languages
        self.behaviour = "ok"
        self.delay_ms = 0
        self.files: dict[str, bytes] = {}  # extra GET paths (e.g. a fake download)
        self.requests: list[Received] = []
        self.log_path: str | None = None  # also append every request to this file as a JSON line
        self._port = port
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._release = threading.Event()  # set on stop(): delayed answers give up
        self._connections: set[socket.socket] = set()

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        """The port (stays the same across stop()/start())."""
        return self._port

    @property
    def url(self) -> str:
        """Base URL to configure as the LanguageTool server."""
        return f"http://127.0.0.1:{self._port}"

    @property
    def running(self) -> bool:
        """True while it accepts connections."""
        return self._server is not None

    def start(self) -> "LanguageToolStandIn":
        """Listen (again) on the port; the first start picks a free one."""
        if self._server is not None:
            return self
        self._release = threading.Event()
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _handler_for(self))
        server.daemon_threads = True
        server.block_on_close = False
        self._port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Go down: new connections are refused, open ones are cut, delayed answers are dropped."""
        server, self._server = self._server, None
        if server is None:
            return
        self._release.set()
        server.shutdown()
        server.server_close()
        with self._lock:
            conns, self._connections = set(self._connections), set()
        for conn in conns:  # keep-alive connections would otherwise still be served
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> "LanguageToolStandIn":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what it received ---------------------------------------------------------------------

    def count(self, path: str | None = None) -> int:
        """Number of requests received (to `path`, e.g. "/v2/check")."""
        with self._lock:
            return sum(1 for r in self.requests if path is None or r.path == path)

    def checks(self) -> list[dict[str, str]]:
        """The forms of every POST /v2/check."""
        with self._lock:
            return [r.form for r in self.requests if r.path == "/v2/check"]

    def reset(self) -> None:
        """Forget received requests; behaviour back to "ok" without delay."""
        with self._lock:
            self.requests.clear()
        self.behaviour, self.delay_ms = "ok", 0

    # --- answers -------------------------------------------------------------------------------

    def answer(self, method: str, path: str, form: dict[str, str]) -> tuple[int, str, bytes]:
        """(status, content type, body) for one request (a redirect's target is in the body)."""
        if self.behaviour == "http500":
            return 500, "text/plain", b"Error: Internal Server Error (stand-in)"
        if self.behaviour == "rate_limited":
            return 429, "text/plain", b"Error: too many requests (stand-in)"
        if self.behaviour == "redirect":
            return 301, "text/plain", f"https://lt.example.invalid{path}".encode()
        if method == "GET" and path in self.files:
            return 200, "application/octet-stream", self.files[path]
        if path == "/v2/languages" and method == "GET":
            payload: Any = list(self.languages)
        elif path == "/v2/check" and method == "POST":
            language = form.get("language", "")
            if language not in {lang["longCode"] for lang in self.languages} | {lang["code"] for lang in self.languages}:
                return 400, "text/plain", f"Error: '{language}' is not a language code known to the stand-in".encode()
            payload = self._check(form.get("text", ""), language, set(filter(None, form.get("disabledRules", "").split(","))))
        else:
            return 404, "text/plain", b"Error: not found (stand-in)"
        if self.behaviour == "malformed":
            return 200, "application/json", b'{"matches": [ this is not JSON'
        if self.behaviour == "wrong_shape":
            return 200, "application/json", json.dumps({"status": "ok", "hits": "none"}).encode()
        return 200, "application/json", json.dumps(payload, ensure_ascii=False).encode("utf-8")

    def _check(self, text: str, language: str, disabled: set[str]) -> dict[str, Any]:
        matches = []
        for rule in self.rules:
            if not language.startswith(rule.language) or rule.rule_id in disabled:
                continue
            for m in re.finditer(rule.pattern, text):
                offset, length = utf16_len(text[: m.start()]), utf16_len(m.group())
                ctx_start, ctx_end = max(0, m.start() - 40), min(len(text), m.end() + 40)
                matches.append({
                    "message": rule.message,
                    "shortMessage": rule.short_message,
                    "replacements": [{"value": r.replace("{1}", m.group(1) if m.groups() else "")} for r in rule.replacements],
                    "offset": offset,
                    "length": length,
                    "context": {"text": text[ctx_start:ctx_end], "offset": utf16_len(text[ctx_start : m.start()]), "length": length},
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {"id": rule.rule_id, "description": rule.description, "issueType": rule.issue_type,
                             "category": {"id": rule.category_id, "name": rule.category_name}},
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                })
        matches.sort(key=lambda x: x["offset"])
        return {
            "software": {"name": "LanguageTool stand-in (tests, not LanguageTool)", "version": "0.0", "apiVersion": 1},
            "language": {"name": language, "code": language, "detectedLanguage": {"name": language, "code": language}},
            "matches": matches,
        }


def _handler_for(standin: LanguageToolStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like a real LanguageTool server

        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms Nagle/delayed-ACK stall
            with standin._lock:
                standin._connections.add(self.connection)

        def finish(self) -> None:
            with standin._lock:
                standin._connections.discard(self.connection)
            try:
                super().finish()
            except OSError:
                pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = urlsplit(self.path)
            self._serve("GET", parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            self._serve("POST", urlsplit(self.path).path, {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()})

        def _serve(self, method: str, path: str, form: dict[str, str]) -> None:
            with standin._lock:
                standin.requests.append(Received(method, path, form))
                if standin.log_path:
                    with open(standin.log_path, "a", encoding="utf-8") as log:
                        log.write(json.dumps({"method": method, "path": path, "form": form}, ensure_ascii=False) + "\n")
            release = standin._release
            if standin.delay_ms and release.wait(standin.delay_ms / 1000):
                self.close_connection = True
                return  # went down while waiting: answer nothing
            status, ctype, body = standin.answer(method, path, form)
            try:
                self.send_response(status)
                if status == 301:
                    self.send_header("Location", body.decode())
                self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype != "application/octet-stream" else ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up (timeout)
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet in tests
            pass

    return Handler


def main(argv: list[str]) -> int:
    """Run in the foreground on --port/-p PORT until killed (used as a fake local LanguageTool);
    --log FILE appends every request to FILE as a JSON line."""
    port = 0
    for flag in ("--port", "-p"):
        if flag in argv:
            port = int(argv[argv.index(flag) + 1])
    standin = LanguageToolStandIn(port=port)
    if "--log" in argv:
        standin.log_path = argv[argv.index("--log") + 1]
    standin.start()
    print(f"stand-in listening on {standin.url}", file=sys.stderr, flush=True)
    threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
