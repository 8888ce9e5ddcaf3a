"""Grammar and spelling findings that never get in the way: LanguageTool when chosen, else offline.

Modes (`GrammarSettings.mode`)
    "off"     default until the user chooses: no LanguageTool, nothing leaves the computer; the
              offline dictionary (core.spelling) marks unknown words if `settings.spelling`.
    "local"   LanguageTool on this computer: Java >= 17 and an unpacked LanguageTool (setting
              `ltp_path`, else $LTP_PATH, <data dir>/languagetool, ~/.cache/language_tool_python;
              `download.download_languagetool` fetches it on request). Started on 127.0.0.1
              on first use, stopped by `close()`. Nothing is sent anywhere else.
    "server"  a LanguageTool server at `server_url` (self-hosted, or PUBLIC_SERVER). Drafts are
              sent there: while `needs_server_notice(settings)`, show `server_notice(url)` and
              store `notice_acknowledged=url` once the user agreed (a new address asks again).

States (`GrammarState`, a str enum) and the one-line reason (`GrammarStatus.reason_code`)
    off          "off"
    starting     "starting"   (launching local LanguageTool / first contact with a server)
    checking     "checking"   (a request is in flight)
    ready        "ready"      (the last check worked)
    unavailable  "no_java", "java_too_old", "lt_not_found", "lt_start_failed", "no_url",
                 "bad_url", "unreachable", "timeout", "bad_response", "server_error",
                 "rate_limited", "unsupported_language"
    `GrammarStatus.reason` is the English line, `reason_in("de")` the German one (templates in
    resources/grammar.toml [reasons.*]; `detail` holds the values for own translations).
    While unavailable, checks return the offline spelling findings at once, without a request,
    until `retry_at` (default 30 s later; "no_url"/"bad_url" wait for new settings).

Findings: dimension "language", points 0 (the four scores never depend on the network), rule
"LT:<LanguageTool rule id>" (severity "warning" for misspelling/grammar/duplication, else
"suggestion") or "SPELL" (core.spelling); spans are Python str offsets (LanguageTool's UTF-16
offsets are converted); `replacements` can replace the first span as they are. Misspellings in
hashtags, @mentions, URLs, e-mail addresses, emoji, gender forms, the rule pack's brand names
and the user's word list are dropped from LanguageTool's answer as from the offline check.

Threading: `GrammarChecker.check` blocks (at most `timeout` seconds in all, up to the local start
timeout while a local LanguageTool starts): call it off the UI thread. Calls are serialised;
`status()`, `configure()` and `close()` never wait for a running check. Every `GrammarResult`
carries the text, language and caller's `version` it was made for: drop it if the editor moved on
(`result.is_for(current_text)`). `GrammarScheduler` does debounce, one-at-a-time, newest-wins and
retry with a plain thread, for callers without an event loop; the GUI may use its own QTimer.

This module owns `GrammarChecker`. Settings, states and results live in `grammar_model`, the
scheduler in `grammar_scheduler`, reason codes in `reasons`, the HTTP client in `languagetool`,
the local server in `local_server`, the download in `download`, LanguageTool's answer as
findings in `matches`. May import: core.analysis and the rest of core.proofing.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Mapping

from resonanz.core.analysis.model import Finding
from resonanz.core.proofing import spelling
from resonanz.core.proofing.grammar_model import GrammarResult, GrammarSettings, GrammarState, GrammarStatus
from resonanz.core.proofing.languagetool import LanguageToolClient, normalize_server_url, server_label
from resonanz.core.proofing.local_server import LOCAL_LABEL, LocalServer
from resonanz.core.proofing.matches import LTMatch, lt_findings
from resonanz.core.proofing.reasons import GrammarError, settings_data


class GrammarChecker:
    """LanguageTool or the offline dictionary for one set of settings; see the module docstring.

    `on_status(status)` is called (from the checking thread) whenever the state changes;
    `clock` (default time.monotonic) only times retries, so tests can move it.
    `rules_dir` is the user's rule folder (brand names); `user_words_path` the word list.
    """

    def __init__(
        self,
        settings: GrammarSettings | None = None,
        *,
        on_status: Callable[[GrammarStatus], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        rules_dir: Path | None | bool = None,
        user_words_path: Path | None = None,
    ) -> None:
        self._check_lock = threading.Lock()  # one check at a time
        self._lock = threading.Lock()  # guards the fields below; never held during I/O
        self._on_status, self._clock = on_status, clock
        self._rules_dir, self._user_words_path = rules_dir, user_words_path
        self._generation = 0
        self._closed = False
        self._cancel = threading.Event()
        self._clients: dict[str, LanguageToolClient] = {}
        self._local: LocalServer | None = None
        self._settings = settings or GrammarSettings()
        self._status = self._initial_status(self._settings)

    # --- state --------------------------------------------------------------------------------

    @property
    def settings(self) -> GrammarSettings:
        """The current settings."""
        return self._settings

    def status(self) -> GrammarStatus:
        """The current state and reason (never blocks)."""
        return self._status

    @property
    def state(self) -> GrammarState:
        """The current state."""
        return self._status.state

    def retry_in(self) -> float | None:
        """Seconds until the next attempt while unavailable (0 if due), None if none is planned."""
        at = self._status.retry_at
        if self._status.state != GrammarState.UNAVAILABLE or at is None:
            return None
        return max(0.0, at - self._clock())

    def retry_due(self) -> bool:
        """True if the checker is unavailable and the next check would try LanguageTool again."""
        return self.retry_in() == 0.0

    def retry_now(self) -> None:
        """Let the next check try LanguageTool at once (a "try again" button)."""
        with self._lock:
            st = self._status
            if st.state == GrammarState.UNAVAILABLE:
                self._status = GrammarStatus(st.state, st.reason_code, st.detail, st.server, self._clock())

    def configure(self, settings: GrammarSettings) -> None:
        """Switch to new settings: stops a local LanguageTool; a running check's result is stale."""
        with self._lock:
            self._generation += 1
            old_clients, old_local = self._clients, self._local
            self._clients, self._local = {}, None
            self._settings = settings
            self._cancel.set()
            self._cancel = threading.Event()
        self._dispose(old_clients, old_local, wait=False)  # the UI thread must not wait for Java to exit
        self._publish(self._initial_status(settings))

    def close(self) -> None:
        """Stop a local LanguageTool and close connections; later checks use the offline dictionary."""
        with self._lock:
            self._closed = True
            self._generation += 1
            old_clients, old_local = self._clients, self._local
            self._clients, self._local = {}, None
            self._cancel.set()
        self._dispose(old_clients, old_local)
        self._publish(GrammarStatus(GrammarState.OFF, "off"))

    def __enter__(self) -> "GrammarChecker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- checking -----------------------------------------------------------------------------

    def start(self) -> GrammarStatus:
        """Connect now (launch local LanguageTool, ask the server for its languages); blocking."""
        self.check("", "de")
        return self.status()

    def check(self, text: str, language: str = "auto", *, version: int | None = None) -> GrammarResult:
        """Findings for `text` in "de", "en", "auto" or a LanguageTool variant ("de-AT", "en-GB").

        Blocking (see the module docstring); never raises for LanguageTool trouble, only
        ValueError for a language other than German or English.
        """
        started = time.perf_counter()
        lang, variant = self._language(text, language)
        with self._check_lock:
            with self._lock:
                settings, generation, closed = self._settings, self._generation, self._closed
                status = self._status
            if closed or settings.mode == "off" or (status.state == GrammarState.UNAVAILABLE and not self.retry_due()):
                return self._offline(text, lang, version, started, settings, status)
            deadline = time.monotonic() + settings.timeout
            try:
                client = self._client(settings, variant, generation, deadline)
                self._publish(GrammarStatus(GrammarState.CHECKING, "checking", server=client.label), generation)
                matches = client.check(text, deadline) if text else []
                findings = self._lt_findings(matches, text, lang, client.label)
            except GrammarError as exc:
                failed = self._failed(exc, settings, generation)
                return self._offline(text, lang, version, started, settings, failed)
            except Exception as exc:  # noqa: BLE001 - whatever the library throws, the editor keeps working
                failed = self._failed(GrammarError("bad_response", server=self._status.server, detail=type(exc).__name__), settings, generation)
                return self._offline(text, lang, version, started, settings, failed)
            ready = GrammarStatus(GrammarState.READY, "ready", server=client.label)
            self._publish(ready, generation)
            return GrammarResult(findings, ready, text, lang, version, "languagetool", _ms(started))

    def _client(self, settings: GrammarSettings, variant: str, generation: int, deadline: float) -> LanguageToolClient:
        client = self._clients.get(variant)
        if client is not None:
            return client
        data = settings_data()
        if settings.mode == "local":
            local = self._local
            if local is None or not local.alive():
                self._publish(GrammarStatus(GrammarState.STARTING, "starting", server=LOCAL_LABEL), generation)
                local = LocalServer.launch(settings.java_path, settings.ltp_path, data["local_start_timeout_seconds"], self._cancel)
                with self._lock:
                    if generation != self._generation:  # settings changed while Java started
                        local.stop()
                        raise GrammarError("lt_start_failed", detail="settings changed")
                    self._local = local
                deadline = time.monotonic() + settings.timeout
            base, label = local.url, LOCAL_LABEL
        else:
            base = normalize_server_url(settings.server_url)
            label = server_label(base)
        self._publish(GrammarStatus(GrammarState.STARTING, "starting", server=label), generation)
        client = LanguageToolClient(base, variant, settings.timeout, label, tuple(data["disabled_rules"]), deadline)
        if settings.mode == "local":  # a fresh LanguageTool loads a language's rules on its first check: seconds
            client.check("Test.", timeout=data["local_start_timeout_seconds"])
        with self._lock:
            if generation == self._generation:
                self._clients[variant] = client
        return client

    def _failed(self, exc: GrammarError, settings: GrammarSettings, generation: int) -> GrammarStatus:
        """Mark the checker unavailable; forget connections so the retry starts afresh."""
        detail = dict(exc.detail)
        server = detail.pop("server", "") or (LOCAL_LABEL if settings.mode == "local" else "")
        retry_at = self._clock() + settings.retry_after if exc.retryable else None
        status = GrammarStatus(GrammarState.UNAVAILABLE, exc.code, detail, server, retry_at)
        with self._lock:
            if generation != self._generation:
                return status
            clients, local = self._clients, self._local
            self._clients = {}
            if local is not None and local.alive():
                local = None  # keep a running LanguageTool: the next attempt reuses it
            else:
                self._local = None
        self._dispose(clients, local)
        self._publish(status, generation)
        return status

    def _offline(self, text: str, lang: str, version: int | None, started: float, settings: GrammarSettings, status: GrammarStatus) -> GrammarResult:
        if not settings.spelling:
            return GrammarResult((), status, text, lang, version, "none", _ms(started))
        findings = spelling.check_spelling(text, lang, ignore_words=self._protected(lang), user_words=self._user_words())
        return GrammarResult(findings, status, text, lang, version, "spelling", _ms(started))

    def _lt_findings(self, matches: list[LTMatch], text: str, lang: str, label: str) -> tuple[Finding, ...]:
        """LanguageTool matches as findings, minus misspellings of words the offline check leaves alone."""
        if not matches:
            return ()
        return lt_findings(matches, text, lang, label, self._protected(lang) | self._user_words())

    def _protected(self, lang: str) -> frozenset[str]:
        return spelling.protected_words(lang, self._rules_dir)

    def _user_words(self) -> frozenset[str]:
        return spelling.load_user_words(self._user_words_path)

    def _language(self, text: str, language: str) -> tuple[str, str]:
        """("de"|"en", LanguageTool variant) for a language argument."""
        variants = settings_data()["variants"]
        if language == "auto":
            from resonanz.core.analysis.language import resolve_language

            lang = resolve_language(text, "auto")[0]
            return lang, variants[lang]
        base = language.split("-")[0].lower()
        if base not in variants:
            raise ValueError(f"grammar check supports {', '.join(variants)}, not {language!r}")
        return base, language if "-" in language else variants[base]

    def _initial_status(self, settings: GrammarSettings) -> GrammarStatus:
        if settings.mode == "off":
            return GrammarStatus(GrammarState.OFF, "off")
        if settings.mode == "server":
            try:
                label = server_label(normalize_server_url(settings.server_url))
            except GrammarError as exc:  # a bad address is known without asking the network
                return GrammarStatus(GrammarState.UNAVAILABLE, exc.code, exc.detail, "", None)
            return GrammarStatus(GrammarState.STARTING, "starting", server=label)
        return GrammarStatus(GrammarState.STARTING, "starting", server=LOCAL_LABEL)

    def _publish(self, status: GrammarStatus, generation: int | None = None) -> None:
        with self._lock:
            if generation is not None and generation != self._generation:
                return  # a check for old settings: its states are not the checker's any more
            changed = (status.state, status.reason_code, status.server) != (self._status.state, self._status.reason_code, self._status.server)
            self._status = status
        if changed and self._on_status is not None:
            self._on_status(status)

    @staticmethod
    def _dispose(clients: Mapping[str, LanguageToolClient], local: LocalServer | None, wait: bool = True) -> None:
        for client in clients.values():
            client.close()
        if local is not None:
            if wait:
                local.stop()
            else:
                threading.Thread(target=local.stop, name="resonanz-lt-stop", daemon=True).start()


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)


__all__ = ["GrammarChecker"]
