"""What the grammar check is told and what it answers: settings, states, status and results.

`GrammarSettings` (the user's choice of mode, server, folders and timeouts), `GrammarState` and
`GrammarStatus` (where the check stands, with its one-line reason), `GrammarResult` (findings
for one text) and the server notice shown before drafts leave the computer. The modes, states
and reasons are described in core.proofing.grammar's docstring.

May import: core.analysis.model and core.proofing.spelling / reasons / languagetool (addresses).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any, Mapping

from resonanz.core.analysis.model import Finding
from resonanz.core.proofing import spelling
from resonanz.core.proofing.languagetool import normalize_server_url, server_label
from resonanz.core.proofing.reasons import GrammarError, reason_text, settings_data

MODES = ("off", "local", "server")
PUBLIC_SERVER: str = settings_data()["public_server"]


class GrammarState(str, Enum):
    """Where the grammar check stands; compares equal to its value ("ready" == GrammarState.READY)."""

    OFF = "off"
    STARTING = "starting"
    CHECKING = "checking"
    READY = "ready"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return self.value


def _default(key: str) -> Any:
    return lambda: settings_data()[key]


@dataclass(frozen=True)
class GrammarSettings:
    """What the user chose. `timeout` and `retry_after` are seconds (defaults: resources/grammar.toml)."""

    mode: str = "off"
    server_url: str = ""
    ltp_path: str = ""  # folder with an unpacked LanguageTool ("" = $LTP_PATH, then the download folder)
    java_path: str = ""  # java executable or a JDK folder ("" = java on PATH, then $JAVA_HOME)
    timeout: float = field(default_factory=_default("timeout_seconds"))
    retry_after: float = field(default_factory=_default("retry_after_seconds"))
    spelling: bool = True  # offline dictionary when LanguageTool is off or unavailable
    notice_acknowledged: str = ""  # the server address the user was told about (see needs_server_notice)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"grammar mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if not self.timeout > 0 or not self.retry_after >= 0:
            raise ValueError("timeout must be > 0 and retry_after >= 0 seconds")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "GrammarSettings":
        """Settings from stored values (e.g. dataclasses.asdict); unknown keys and bad values fall back to defaults."""
        known = set(cls.__dataclass_fields__)
        kwargs = {k: v for k, v in data.items() if k in known}
        try:
            return cls(**kwargs)
        except (TypeError, ValueError):
            good = {}
            for key, value in kwargs.items():
                try:
                    cls(**{**good, key: value})
                    good[key] = value
                except (TypeError, ValueError):
                    pass
            return cls(**good)


def needs_server_notice(settings: GrammarSettings) -> bool:
    """True if drafts would go to a server the user has not been told about yet: show
    `server_notice(settings.server_url)`, then store `notice_acknowledged=settings.server_url`."""
    if settings.mode != "server":
        return False
    try:
        wanted = normalize_server_url(settings.server_url)
    except GrammarError:
        return False  # nothing will be sent to an invalid address
    try:
        return normalize_server_url(settings.notice_acknowledged) != wanted
    except GrammarError:
        return True


@dataclass(frozen=True)
class GrammarStatus:
    """A snapshot of the checker's state with the reason in one line."""

    state: GrammarState
    reason_code: str
    detail: Mapping[str, str] = field(default_factory=dict)
    server: str = ""  # host[:port], "local", or "" when off
    retry_at: float | None = None  # clock() time of the next attempt while unavailable

    def __post_init__(self) -> None:
        object.__setattr__(self, "detail", MappingProxyType(dict(self.detail)))

    @property
    def reason(self) -> str:
        """The reason in English."""
        return self.reason_in("en")

    def reason_in(self, language: str) -> str:
        """The reason in "de" or "en" ("cli": English, naming command-line options instead of Settings)."""
        return reason_text(self.reason_code, {"server": self.server, **self.detail}, language)


@dataclass(frozen=True)
class GrammarResult:
    """Findings for one text, and the state the check ended in."""

    findings: tuple[Finding, ...]
    status: GrammarStatus
    text: str
    language: str  # "de" or "en"
    version: int | None  # the caller's job id, returned as given
    engine: str  # "languagetool", "spelling" (offline dictionary) or "none"
    elapsed_ms: float

    @property
    def state(self) -> GrammarState:
        """The state after this check."""
        return self.status.state

    @property
    def reason_code(self) -> str:
        """The status's reason code."""
        return self.status.reason_code

    @property
    def reason(self) -> str:
        """The status's reason in English."""
        return self.status.reason

    @property
    def text_hash(self) -> str:
        """SHA-1 of the checked text (to compare without keeping texts)."""
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def engine_label(self) -> str:
        """What produced the findings, in the text's language: "LanguageTool (host)", the dictionary, or ""."""
        msg = spelling.messages(self.language)
        if self.engine == "languagetool":
            return msg["lt_source"].format(server=self.status.server)
        return msg["spell_source"].format(language=self.language) if self.engine == "spelling" else ""

    def is_for(self, text: str, language: str | None = None) -> bool:
        """True if this result belongs to `text` (and `language`): else drop it as stale."""
        return self.text == text and (language is None or language == "auto" or language.split("-")[0].lower() == self.language)


def server_notice(server_url: str, language: str = "en") -> str:
    """The plain sentence telling the user that drafts go to `server_url` (show before first use)."""
    try:
        label = server_label(normalize_server_url(server_url))
    except GrammarError:
        label = server_url
    return spelling.messages(language)["server_notice"].format(server=label)


__all__ = [
    "MODES",
    "PUBLIC_SERVER",
    "GrammarResult",
    "GrammarSettings",
    "GrammarState",
    "GrammarStatus",
    "needs_server_notice",
    "server_notice",
]
