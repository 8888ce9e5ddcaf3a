"""The LanguageTool server client: server addresses and the HTTP requests of the grammar check.

Used by core.proofing.grammar (the checker); the local server lives in `local_server`, the
download in `download`, the reason codes in `reasons`, the parsing of answers in `matches`.

- **Protocol.** language-tool-python's `LanguageTool(remote_server=URL)` speaks LanguageTool's
  HTTP API (`GET /v2/languages`, form-encoded `POST /v2/check`). It is always used in remote mode,
  also for a local LanguageTool (which `local_server` starts itself on 127.0.0.1), so the library
  never downloads anything and never starts a server of its own. Its request method is replaced
  (`_query_server`): one attempt instead of two, our timeout instead of 300 s, no proxy for
  loopback addresses, and every failure raised as `GrammarError` with a stable reason code.
  Matches are parsed by `matches.parse_matches` from the raw JSON.
- **Addresses.** `normalize_server_url` accepts what users type; `server_label` names a server.

May import: core.proofing.reasons and core.proofing.matches.
"""

from __future__ import annotations

import ipaddress
import re
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

from resonanz.core.proofing.matches import LTMatch, parse_matches
from resonanz.core.proofing.reasons import GrammarError, short_detail


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
        raise GrammarError("unreachable", server=label, detail=short_detail(exc)) from None
    except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema) as exc:
        raise GrammarError("bad_url", retryable=False, url=label, detail=short_detail(exc)) from None
    except (requests.exceptions.RequestException, ValueError) as exc:
        raise GrammarError("bad_response", server=label, detail=short_detail(exc)) from None
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
