"""Why the grammar check cannot run, in one line: reason codes, their texts, `GrammarError`.

Also `settings_data`, the [grammar] table of resources/grammar.toml that every part of the
grammar check reads. Imports only core.proofing.spelling (which loads grammar.toml).
"""

from __future__ import annotations

from typing import Any, Mapping

from resonanz.core.proofing.spelling import config

#: Every reason code, in the order of core.proofing.grammar's docstring (each has an en and de template).
REASON_CODES: tuple[str, ...] = (
    "off", "starting", "checking", "ready", "no_java", "java_too_old", "lt_not_found", "lt_start_failed",
    "no_url", "bad_url", "unreachable", "timeout", "bad_response", "server_error", "rate_limited",
    "unsupported_language", "download_failed",
)


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
    """A reason the grammar check cannot run: `code` (stable, see REASON_CODES) + `detail`.

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



def short_detail(exc: BaseException) -> str:
    """An exception's text in one line of at most 120 characters (for a reason's detail)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:119] + "…"
