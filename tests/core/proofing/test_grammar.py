"""The grammar service (core.proofing: grammar, languagetool, local_server, download) against a
LanguageTool STAND-IN server.

No network and no Java: tests/lt_standin.py answers like LanguageTool on 127.0.0.1, and a fake
`java` (a small script) plays a local LanguageTool by running the same stand-in. The path from
GrammarChecker to the HTTP request is the one a real server gets.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from lt_standin import LanguageToolStandIn, StandInRule, utf16_len
from resonanz.core.analysis.model import LANGUAGE_DIMENSION
from resonanz.core.proofing.download import DownloadError, download_languagetool
from resonanz.core.proofing.grammar import GrammarChecker
from resonanz.core.proofing.grammar_model import (
    PUBLIC_SERVER,
    GrammarResult,
    GrammarSettings,
    GrammarState,
    GrammarStatus,
    needs_server_notice,
    server_notice,
)
from resonanz.core.proofing.grammar_scheduler import GrammarScheduler
from resonanz.core.proofing.languagetool import normalize_server_url
from resonanz.core.proofing.local_server import find_languagetool
from resonanz.core.proofing.matches import Utf16Map
from resonanz.core.proofing.reasons import REASON_CODES, GrammarError, reason_text
from resonanz.core.proofing.spelling import add_word, config

STANDIN = Path(__file__).resolve().parents[2] / "lt_standin.py"
DE_TEXT = "Das ist ein Fehller. Wir kommen wegen dem Wetter."


class Clock:
    """A clock the test moves by hand (the checker's retry timing only)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def lt():
    with LanguageToolStandIn() as server:
        yield server


def server_checker(lt: LanguageToolStandIn, **kw) -> GrammarChecker:
    clock = kw.pop("clock", None)
    settings = GrammarSettings(mode="server", server_url=lt.url, **kw)
    return GrammarChecker(settings, clock=clock) if clock else GrammarChecker(settings)


def spans(result: GrammarResult) -> list[tuple[str, str]]:
    return [(f.rule, result.text[f.start : f.end]) for f in result.findings]


# --- settings, states, reasons -------------------------------------------------------------------


def test_defaults_come_from_the_data_file() -> None:
    s = GrammarSettings()
    data = config()["grammar"]
    assert (s.mode, s.timeout, s.retry_after, s.spelling) == ("off", data["timeout_seconds"], data["retry_after_seconds"], True)
    assert PUBLIC_SERVER == "https://api.languagetool.org"


@pytest.mark.parametrize("kw", [{"mode": "cloud"}, {"timeout": 0}, {"retry_after": -1}])
def test_bad_settings_are_refused(kw: dict) -> None:
    with pytest.raises(ValueError):
        GrammarSettings(**kw)


@pytest.mark.parametrize("code", REASON_CODES)
def test_every_reason_code_has_one_line_in_both_languages(code: str) -> None:
    detail = {"server": "lt.example.org", "seconds": "3", "path": "/opt/lt", "url": "x", "detail": "d", "status": "500", "version": "11", "language": "de-DE"}
    for lang in ("de", "en"):
        line = reason_text(code, detail, lang)
        assert line != code and "\n" not in line and "{" not in line, (lang, line)
    assert set(config()["reasons"]["de"]) == set(config()["reasons"]["en"]) == set(REASON_CODES)


def test_states_compare_as_strings() -> None:
    assert GrammarState.READY == "ready" and str(GrammarState.UNAVAILABLE) == "unavailable"
    assert {s.value for s in GrammarState} == {"off", "starting", "checking", "ready", "unavailable"}


def test_server_notice_names_the_server() -> None:
    assert "api.languagetool.org" in server_notice(PUBLIC_SERVER) and "sent" in server_notice(PUBLIC_SERVER)
    assert "gesendet" in server_notice("http://127.0.0.1:8081", "de") and "127.0.0.1:8081" in server_notice("http://127.0.0.1:8081", "de")


def test_settings_from_stored_values_tolerate_junk() -> None:
    stored = {"mode": "server", "server_url": "http://lt.local:8081", "timeout": -5, "colour": "blue", "spelling": False}
    assert GrammarSettings.from_dict(stored) == GrammarSettings(mode="server", server_url="http://lt.local:8081", spelling=False)
    assert GrammarSettings.from_dict({"mode": "cloud"}) == GrammarSettings()


def test_the_server_notice_is_needed_once_per_server() -> None:
    s = GrammarSettings(mode="server", server_url="https://lt.example.org")
    assert needs_server_notice(s)
    assert not needs_server_notice(GrammarSettings(mode="server", server_url="https://lt.example.org", notice_acknowledged="lt.example.org/v2"))
    assert needs_server_notice(GrammarSettings(mode="server", server_url="https://other.example.org", notice_acknowledged="https://lt.example.org"))
    assert not needs_server_notice(GrammarSettings(mode="local")) and not needs_server_notice(GrammarSettings(mode="server", server_url="not a url"))


# --- mode off: offline spelling, nothing leaves the computer ---------------------------------------


def test_off_uses_the_offline_dictionary_and_sends_nothing(lt: LanguageToolStandIn) -> None:
    checker = GrammarChecker(GrammarSettings(mode="off", server_url=lt.url))  # an address left over from before
    result = checker.check("Das Sommerferst war toll.", "de")
    assert (result.state, result.reason_code, result.engine) == ("off", "off", "spelling")
    assert spans(result) == [("SPELL", "Sommerferst")]
    assert lt.count() == 0


def test_off_without_spelling_finds_nothing() -> None:
    result = GrammarChecker(GrammarSettings(spelling=False)).check("Das Sommerferst war toll.", "de")
    assert (result.findings, result.engine) == ((), "none")


# --- server mode: findings ------------------------------------------------------------------------


def test_server_findings_are_language_findings_with_replacements(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt)
    assert checker.state == "starting" and lt.count() == 0  # nothing is sent before the first check
    result = checker.check(DE_TEXT, "de", version=7)
    assert (result.state, result.engine, result.version) == ("ready", "languagetool", 7)
    assert spans(result) == [("LT:GERMAN_SPELLER_RULE", "Fehller"), ("LT:WEGEN_DEM", "wegen dem")]
    spell, grammar = result.findings
    assert spell.replacements == ("Fehler", "Fehlern") and grammar.replacements == ("wegen des",)
    assert "Fehler, Fehlern" in spell.suggestion and spell.severity == "warning" and spell.kind == "TYPOS"
    assert spell.message == "Möglicher Tippfehler gefunden." and "Mögliche Tippfehler" in spell.why
    assert spell.source == f"LanguageTool (127.0.0.1:{lt.port})"
    assert all(f.dimension == LANGUAGE_DIMENSION and f.points == 0 for f in result.findings)
    assert result.status.reason == f"LanguageTool (127.0.0.1:{lt.port}) is ready."


def test_server_request_carries_text_language_and_disabled_rules(lt: LanguageToolStandIn) -> None:
    server_checker(lt).check(DE_TEXT, "de")
    (form,) = lt.checks()
    assert form["text"] == DE_TEXT and form["language"] == "de-DE"
    assert "WHITESPACE_RULE" in form["disabledRules"].split(",")
    assert lt.count("/v2/languages") == 1


@pytest.mark.parametrize(("language", "sent"), [("en", "en-US"), ("en-GB", "en-GB"), ("de-AT", "de-AT"), ("auto", "en-US")])
def test_language_variants(lt: LanguageToolStandIn, language: str, sent: str) -> None:
    result = server_checker(lt).check("This is teh best day of the year for all of us.", language)
    assert result.language == ("en" if sent.startswith("en") else "de")
    assert lt.checks()[-1]["language"] == sent


def test_unsupported_language_of_the_server() -> None:
    with LanguageToolStandIn(languages=({"name": "English (US)", "code": "en", "longCode": "en-US"},)) as lt:
        result = server_checker(lt).check(DE_TEXT, "de")
    assert (result.state, result.reason_code) == ("unavailable", "unsupported_language")
    assert "de-DE" in result.reason


def test_unknown_language_argument_is_an_error(lt: LanguageToolStandIn) -> None:
    with pytest.raises(ValueError):
        server_checker(lt).check("Hola", "fr")


def test_connection_is_reused_between_checks(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt)
    for _ in range(3):
        assert checker.check(DE_TEXT, "de").state == "ready"
    assert (lt.count("/v2/languages"), lt.count("/v2/check")) == (1, 3)


def test_start_connects_without_sending_a_draft(lt: LanguageToolStandIn) -> None:
    status = server_checker(lt).start()
    assert status.state == "ready" and lt.count("/v2/check") == 0 and lt.count("/v2/languages") == 1


# --- offsets: UTF-16 from LanguageTool, code points in Python --------------------------------------

EMOJI = "👩🏽‍💻🎉"  # two astral emoji (plus skin tone and ZWJ): UTF-16 and code points differ by 3


def test_offsets_after_emoji_are_str_offsets(lt: LanguageToolStandIn) -> None:
    text = f"{EMOJI} Ein {EMOJI} Fehller und 🚲 wegen dem Rad."
    result = server_checker(lt).check(text, "de")
    assert spans(result) == [("LT:GERMAN_SPELLER_RULE", "Fehller"), ("LT:WEGEN_DEM", "wegen dem")]
    assert lt.checks()[0]["text"] == text


def test_a_match_containing_emoji_keeps_its_end() -> None:
    rule = StandInRule("de", r"Party 🎉🎉!", "Zu viel Jubel.", "Jubel", ("Party!",), "JUBEL", "Jubel", "style", "STYLE", "Stil")
    with LanguageToolStandIn(rules=(rule,)) as lt:
        text = "👩🏽‍💻 Heute: Party 🎉🎉! Kommt alle."
        result = server_checker(lt).check(text, "de")
    assert spans(result) == [("LT:JUBEL", "Party 🎉🎉!")]
    assert result.findings[0].severity == "suggestion"


@pytest.mark.parametrize("text", ["", "abc", "a😀b", "😀😀", "x👩🏽‍💻y\U00010348z", "€ü\u200d😀"])
def test_utf16_map_round_trips(text: str) -> None:
    m = Utf16Map(text)
    assert m.length == utf16_len(text)
    for i in range(len(text) + 1):
        assert m.to_index(m.to_utf16(i)) == i
        assert m.to_utf16(i) == utf16_len(text[:i])


def test_utf16_offset_inside_a_surrogate_pair_rounds_to_the_character() -> None:
    assert Utf16Map("a😀b").to_index(2) == 1


# --- LanguageTool misspellings of things the offline check leaves alone are dropped -----------------


def test_misspellings_in_hashtags_and_user_words_are_dropped(lt: LanguageToolStandIn, _isolated_home: Path) -> None:
    text = "Ein Fehller im #Fehller und ein Stadtteilfestt. Bring a apple."
    add_word("Stadtteilfestt")
    de = server_checker(lt).check(text, "de")
    assert spans(de) == [("LT:GERMAN_SPELLER_RULE", "Fehller")]
    en = server_checker(lt).check("Bring a apple, teh #teh and @teh.", "en")
    assert spans(en) == [("LT:EN_A_VS_AN", "a "), ("LT:MORFOLOGIK_RULE_EN_US", "teh")]  # short LT matches stay


# --- never in the way: slow, down, malformed, restarted ---------------------------------------------


def test_slow_server_times_out_quickly_and_falls_back_to_the_dictionary(lt: LanguageToolStandIn) -> None:
    lt.delay_ms = 2000
    checker = server_checker(lt, timeout=0.25)
    started = time.perf_counter()
    result = checker.check("Das Sommerferst war toll.", "de")
    took = time.perf_counter() - started
    assert (result.state, result.reason_code, result.engine) == ("unavailable", "timeout", "spelling")
    assert spans(result) == [("SPELL", "Sommerferst")]
    assert took < 1.5, took  # the timeout, plus loading the dictionary the first time
    assert "0.25 s" in result.reason and result.status.detail["seconds"] == "0.25"


def test_slow_answer_after_connecting_also_times_out(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt, timeout=0.25)
    assert checker.check(DE_TEXT, "de").state == "ready"
    lt.delay_ms = 2000
    started = time.perf_counter()
    assert checker.check(DE_TEXT, "de").reason_code == "timeout"
    assert time.perf_counter() - started < 1.5


def test_server_down_is_unavailable_within_milliseconds(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt)
    lt.stop()
    started = time.perf_counter()
    result = checker.check(DE_TEXT, "de")
    assert (result.state, result.reason_code) == ("unavailable", "unreachable")
    assert time.perf_counter() - started < 1.0
    assert result.reason == f"LanguageTool server 127.0.0.1:{lt.port} is not reachable: check the address and the network connection."
    assert "nicht erreichbar" in result.status.reason_in("de")


@pytest.mark.parametrize(("behaviour", "code"), [("malformed", "bad_response"), ("wrong_shape", "bad_response"), ("http500", "server_error"), ("rate_limited", "rate_limited"), ("redirect", "bad_response")])
@pytest.mark.parametrize("when", ["connecting", "checking"])
def test_bad_answers_are_unavailable_with_a_reason(lt: LanguageToolStandIn, behaviour: str, code: str, when: str) -> None:
    checker = server_checker(lt)
    if when == "checking":
        assert checker.check(DE_TEXT, "de").state == "ready"
    lt.behaviour = behaviour
    result = checker.check(DE_TEXT, "de")
    assert (result.state, result.reason_code, result.engine) == ("unavailable", code, "spelling")
    assert "\n" not in result.reason and "Traceback" not in result.reason
    assert checker.retry_in() == pytest.approx(30.0, abs=1.0)


def test_http500_reason_names_the_status(lt: LanguageToolStandIn) -> None:
    lt.behaviour = "http500"
    assert "HTTP 500" in server_checker(lt).check(DE_TEXT, "de").reason


def test_redirect_names_the_address_to_use(lt: LanguageToolStandIn) -> None:
    lt.behaviour = "redirect"
    reason = server_checker(lt).check(DE_TEXT, "de").reason
    assert "redirects to https://lt.example.invalid: use that address" in reason


def test_retry_waits_for_the_backoff_then_recovers_after_a_restart(lt: LanguageToolStandIn) -> None:
    clock = Clock()
    checker = server_checker(lt, clock=clock, retry_after=30.0)
    assert checker.check(DE_TEXT, "de").state == "ready"
    lt.stop()
    down = checker.check(DE_TEXT, "de")
    assert down.reason_code == "unreachable" and down.status.retry_at == clock.now + 30.0
    assert checker.retry_in() == 30.0 and not checker.retry_due()
    lt.start()  # up again on the same port
    received = lt.count()
    clock.now += 10
    waiting = checker.check(DE_TEXT, "de")  # within the backoff: offline, and not a single request
    assert (waiting.state, waiting.engine, lt.count()) == ("unavailable", "spelling", received)
    clock.now += 20
    assert checker.retry_due()
    back = checker.check(DE_TEXT, "de")
    assert (back.state, back.engine) == ("ready", "languagetool")
    assert spans(back)[0] == ("LT:GERMAN_SPELLER_RULE", "Fehller")
    assert checker.retry_in() is None


def test_retry_now_skips_the_backoff(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt, clock=Clock())
    lt.stop()
    assert checker.check(DE_TEXT, "de").state == "unavailable"
    lt.start()
    checker.retry_now()
    assert checker.retry_due() and checker.check(DE_TEXT, "de").state == "ready"


def test_on_status_reports_every_state_change(lt: LanguageToolStandIn) -> None:
    seen: list[tuple[str, str]] = []
    checker = GrammarChecker(GrammarSettings(mode="server", server_url=lt.url), on_status=lambda s: seen.append((s.state.value, s.reason_code)), clock=Clock())
    checker.check(DE_TEXT, "de")
    lt.stop()
    checker.check(DE_TEXT, "de")
    assert seen == [("checking", "checking"), ("ready", "ready"), ("checking", "checking"), ("unavailable", "unreachable")]


# --- bad addresses: known without asking the network -----------------------------------------------


@pytest.mark.parametrize(("url", "code"), [("not a url", "bad_url"), ("ftp://lt.example.org", "bad_url"), ("http://", "bad_url"), ("http://host:99999", "bad_url"), ("", "no_url"), ("   ", "no_url")])
def test_bad_url_is_unavailable_at_once_and_never_retried(url: str, code: str) -> None:
    checker = GrammarChecker(GrammarSettings(mode="server", server_url=url))
    assert (checker.state, checker.status().reason_code) == ("unavailable", code)
    result = checker.check("Das Sommerferst war toll.", "de")
    assert (result.reason_code, result.engine) == (code, "spelling")
    assert checker.retry_in() is None
    if url.strip():
        assert url in result.reason


def test_new_settings_recover_from_a_bad_url(lt: LanguageToolStandIn) -> None:
    checker = GrammarChecker(GrammarSettings(mode="server", server_url="not a url"))
    checker.configure(GrammarSettings(mode="server", server_url=lt.url))
    assert checker.state == "starting"
    assert checker.check(DE_TEXT, "de").state == "ready"


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://api.languagetool.org", "https://api.languagetool.org/"),
        ("https://api.languagetool.org/v2/", "https://api.languagetool.org/"),
        ("https://api.languagetool.org/v2/check", "https://api.languagetool.org/"),
        ("https://languagetool.org/api/", "https://languagetool.org/api/"),
        ("localhost:8081", "http://localhost:8081/"),
        ("127.0.0.1:8010/v2", "http://127.0.0.1:8010/"),
        ("[::1]:8081", "http://[::1]:8081/"),
        ("lt.example.org", "https://lt.example.org/"),
        (" http://LT.example.org:8081 ", "http://LT.example.org:8081/"),
    ],
)
def test_server_addresses_are_normalised(url: str, base: str) -> None:
    assert normalize_server_url(url) == base


# --- local mode: Java and LanguageTool on this computer ---------------------------------------------


def fake_java(folder: Path, version: str = "17.0.15", fail: str = "") -> Path:
    """A `java` that reports `version` and, started as LanguageTool's HTTPServer, runs the stand-in."""
    script = folder / "java"
    exit_line = f"sys.stderr.write({fail!r} + '\\n'); sys.exit(1)" if fail else ""
    script.write_text(
        f"#!{sys.executable}\n"
        "import runpy, sys\n"
        "args = sys.argv[1:]\n"
        f"if args == ['-version']:\n    sys.stderr.write('openjdk version \"{version}\" 2025-04-15\\n'); sys.exit(0)\n"
        f"{exit_line}\n"
        "assert args[2] == 'org.languagetool.server.HTTPServer', args\n"
        f"sys.argv = [{str(STANDIN)!r}, *args[3:], '--log', {str(folder / 'requests.jsonl')!r}]\n"
        f"runpy.run_path({str(STANDIN)!r}, run_name='__main__')\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _local_checks(folder: Path) -> list[dict]:
    """Forms of the /v2/check requests the fake local LanguageTool in `folder` received."""
    log = folder / "requests.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [r["form"] for r in map(json.loads, lines) if r["path"] == "/v2/check"]


def fake_languagetool(folder: Path, version: str = "6.8") -> Path:
    jar = folder / f"LanguageTool-{version}" / "languagetool-server.jar"
    jar.parent.mkdir(parents=True)
    jar.write_bytes(b"PK\x03\x04 not really a jar")
    return folder


needs_posix = pytest.mark.skipif(os.name == "nt", reason="the fake java is a script with a shebang")


def local_checker(tmp_path: Path, lt: LanguageToolStandIn | None = None, **kw) -> GrammarChecker:
    kw.setdefault("ltp_path", str(tmp_path / "lt"))
    return GrammarChecker(GrammarSettings(mode="local", server_url=lt.url if lt else "", **kw), clock=Clock())


def test_local_without_languagetool_says_where_it_looked(tmp_path: Path, lt: LanguageToolStandIn) -> None:
    (tmp_path / "lt").mkdir()
    checker = local_checker(tmp_path, lt)
    result = checker.check("Das Sommerferst war toll.", "de")
    assert (result.state, result.reason_code, result.engine) == ("unavailable", "lt_not_found", "spelling")
    assert result.reason == f"LanguageTool not found in {tmp_path / 'lt'}: download it in Settings or set LTP_PATH."
    assert spans(result) == [("SPELL", "Sommerferst")]
    assert lt.count() == 0  # local mode never talks to the configured server


def test_local_finds_languagetool_via_ltp_path_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LTP_PATH", str(fake_languagetool(tmp_path / "env")))
    assert find_languagetool() == tmp_path / "env" / "LanguageTool-6.8" / "languagetool-server.jar"
    assert find_languagetool(str(tmp_path / "elsewhere")) is None  # a setting replaces the search


def test_local_without_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    result = local_checker(tmp_path).check("Hallo Welt, wie geht es?", "de")
    assert (result.state, result.reason_code) == ("unavailable", "no_java")
    assert "Java 17" in result.reason
    assert local_checker(tmp_path, java_path=str(tmp_path / "nope" / "java")).check("Hallo", "de").reason_code == "no_java"


@needs_posix
def test_local_with_old_java(tmp_path: Path) -> None:
    fake_languagetool(tmp_path / "lt")
    result = local_checker(tmp_path, java_path=str(fake_java(tmp_path, version="11.0.2"))).check("Hallo", "de")
    assert (result.reason_code, result.reason) == ("java_too_old", "Java 11 is too old: LanguageTool needs Java 17 or newer.")


@needs_posix
def test_local_languagetool_that_does_not_start(tmp_path: Path) -> None:
    fake_languagetool(tmp_path / "lt")
    java = fake_java(tmp_path, fail="Error: Invalid or corrupt jarfile languagetool-server.jar")
    result = local_checker(tmp_path, java_path=str(java)).check("Hallo", "de")
    assert result.reason_code == "lt_start_failed"
    assert "Invalid or corrupt jarfile" in result.reason and "\n" not in result.reason


@needs_posix
def test_local_languagetool_starts_checks_and_stops(tmp_path: Path, lt: LanguageToolStandIn) -> None:
    fake_languagetool(tmp_path / "lt")
    seen: list[str] = []
    checker = GrammarChecker(GrammarSettings(mode="local", ltp_path=str(tmp_path / "lt"), java_path=str(fake_java(tmp_path)), server_url=lt.url), on_status=lambda s: seen.append(s.state.value))
    result = checker.check(DE_TEXT, "de")
    assert (result.state, result.engine) == ("ready", "languagetool"), result.reason
    assert spans(result)[0] == ("LT:GERMAN_SPELLER_RULE", "Fehller")
    assert result.findings[0].source == "LanguageTool (local)"
    assert seen == ["checking", "ready"]  # "starting" is the initial state: no change to report
    assert [f["text"] for f in _local_checks(tmp_path)] == ["Test.", DE_TEXT]  # warm-up, then the draft
    process = checker._local.process  # noqa: SLF001 - the Java process this test must see end
    assert process.poll() is None
    assert checker.check(DE_TEXT, "de").state == "ready"
    checker.close()
    assert process.poll() is not None and checker.state == "off"
    assert lt.count() == 0  # the configured server never heard of the draft
    assert checker.check(DE_TEXT, "de").engine == "spelling"  # closed: offline only


@needs_posix
def test_local_languagetool_that_crashed_is_restarted_on_retry(tmp_path: Path) -> None:
    fake_languagetool(tmp_path / "lt")
    clock = Clock()
    checker = GrammarChecker(GrammarSettings(mode="local", ltp_path=str(tmp_path / "lt"), java_path=str(fake_java(tmp_path))), clock=clock)
    assert checker.check(DE_TEXT, "de").state == "ready"
    first = checker._local  # noqa: SLF001
    first.process.kill()
    first.process.wait()
    assert checker.check(DE_TEXT, "de").reason_code == "unreachable"
    clock.now += 31
    assert checker.check(DE_TEXT, "de").state == "ready"
    assert checker._local is not first  # noqa: SLF001
    checker.close()


# --- settings change and stale results ---------------------------------------------------------------


def test_configure_does_not_wait_for_a_running_check(lt: LanguageToolStandIn) -> None:
    checker = server_checker(lt, timeout=2.0)
    checker.check(DE_TEXT, "de")
    lt.delay_ms = 500
    worker = threading.Thread(target=checker.check, args=(DE_TEXT + " Noch einer.", "de"))
    worker.start()
    _wait_for(lambda: lt.count("/v2/check") == 2)
    started = time.perf_counter()
    checker.configure(GrammarSettings(mode="off"))
    assert time.perf_counter() - started < 0.2
    worker.join(5)
    assert checker.status() == GrammarStatus(GrammarState.OFF, "off")  # the old check did not paint over it


def test_result_knows_its_text() -> None:
    result = GrammarChecker().check("Alter Text.", "de", version=3)
    assert result.is_for("Alter Text.") and result.is_for("Alter Text.", "de") and result.is_for("Alter Text.", "auto")
    assert not result.is_for("Alter Text!") and not result.is_for("Alter Text.", "en")
    assert result.text_hash == hashlib.sha1("Alter Text.".encode()).hexdigest() and result.version == 3


def test_scheduler_drops_the_result_of_an_older_text(lt: LanguageToolStandIn) -> None:
    lt.delay_ms = 300
    delivered: list[GrammarResult] = []
    done = threading.Event()
    scheduler = GrammarScheduler(server_checker(lt, timeout=3.0), lambda r: (delivered.append(r), done.set()), delay=0.02)
    try:
        scheduler.submit("Ein alter Fehller.", "de", now=True)
        _wait_for(lambda: lt.count("/v2/check") == 1)  # the old text is being checked …
        newest = scheduler.submit("Ein neuer Fehller, wegen dem Regen.", "de", now=True)  # … when the user types on
        assert done.wait(5)
        _wait_for(lambda: scheduler.dropped == 1)
    finally:
        scheduler.close()
    assert [r.version for r in delivered] == [newest]
    assert delivered[0].text == "Ein neuer Fehller, wegen dem Regen." and delivered[0].state == "ready"


def test_scheduler_delivers_nothing_once_closed(lt: LanguageToolStandIn) -> None:
    """A check still running when the app quits must not report into a window that is gone: close()
    waits (bounded) and nothing is delivered after it returns (a segfault at exit under load)."""
    lt.delay_ms = 400
    delivered: list[GrammarResult] = []
    scheduler = GrammarScheduler(server_checker(lt, timeout=3.0), delivered.append, delay=0.0)
    scheduler.submit("Ein alter Fehller.", "de", now=True)
    _wait_for(lambda: lt.count("/v2/check") == 1)  # the check is under way …
    scheduler.close(timeout=0.05)  # … when the window closes, without waiting for it
    time.sleep(0.8)  # the server has answered meanwhile
    assert delivered == [] and not scheduler._thread.is_alive()


def test_scheduler_debounces_typing(lt: LanguageToolStandIn) -> None:
    delivered: list[GrammarResult] = []
    done = threading.Event()
    scheduler = GrammarScheduler(server_checker(lt), lambda r: (delivered.append(r), done.set()), delay=0.15)
    try:
        for i in range(1, 8):  # one keystroke every 10 ms
            scheduler.submit("Ein Fehller"[:i] + " …", "de")
            time.sleep(0.01)
        assert done.wait(5)
        time.sleep(0.2)
    finally:
        scheduler.close()
    assert lt.count("/v2/check") == 1 and len(delivered) == 1 and delivered[0].version == 7


def test_scheduler_retries_by_itself_when_the_server_returns(lt: LanguageToolStandIn) -> None:
    lt.stop()
    delivered: list[GrammarResult] = []
    ready = threading.Event()

    def deliver(r: GrammarResult) -> None:
        delivered.append(r)
        if r.state == "ready":
            ready.set()

    scheduler = GrammarScheduler(server_checker(lt, retry_after=0.3), deliver, delay=0.0)
    try:
        scheduler.submit(DE_TEXT, "de")
        _wait_for(lambda: bool(delivered))
        lt.start()
        assert ready.wait(5)
    finally:
        scheduler.close()
    assert [r.state.value for r in delivered] == ["unavailable", "ready"]
    assert delivered[0].version == delivered[1].version


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.005)


# --- download: only on request, fails cleanly ---------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_download_unpacks_reports_progress_and_is_found(lt: LanguageToolStandIn, tmp_path: Path) -> None:
    archive = _zip({"LanguageTool-6.8/languagetool-server.jar": b"jar" * 1000, "LanguageTool-6.8/README.md": b"hi"})
    lt.files["/LanguageTool-6.8.zip"] = archive
    progress: list[tuple[int, int | None]] = []
    folder = download_languagetool(tmp_path / "lt", lambda done, total: progress.append((done, total)), url=lt.url + "/LanguageTool-6.8.zip", sha256=hashlib.sha256(archive).hexdigest())
    assert folder == tmp_path / "lt" / "LanguageTool-6.8"
    assert progress[-1] == (len(archive), len(archive))
    assert find_languagetool(str(tmp_path / "lt")) == folder / "languagetool-server.jar"
    assert sorted(p.name for p in (tmp_path / "lt").iterdir()) == ["LanguageTool-6.8"]  # no temp files left


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        ("missing", "HTTP 404"),
        ("checksum", "checksum"),
        ("not_zip", "not a zip"),
        ("no_jar", "no languagetool-server.jar"),
        ("down", ""),
    ],
)
def test_download_failures_are_one_line(lt: LanguageToolStandIn, tmp_path: Path, setup: str, words: str) -> None:
    good = _zip({"LanguageTool-6.8/languagetool-server.jar": b"jar"})
    lt.files["/good.zip"], lt.files["/junk.zip"], lt.files["/nojar.zip"] = good, b"this is no zip", _zip({"x/readme.txt": b"x"})
    path, sha = {"missing": ("/nothing.zip", ""), "checksum": ("/good.zip", "0" * 64), "not_zip": ("/junk.zip", ""), "no_jar": ("/nojar.zip", ""), "down": ("/good.zip", "")}[setup]
    if setup == "down":
        lt.stop()
    with pytest.raises(DownloadError) as err:
        download_languagetool(tmp_path / "lt", url=lt.url + path, sha256=sha, timeout=2)
    assert err.value.code == "download_failed" and words in str(err.value) and "\n" not in str(err.value)
    assert str(err.value).startswith("LanguageTool download failed (")
    assert [p.name for p in (tmp_path / "lt").iterdir() if p.name != "x"] == []  # nothing half-unpacked


def test_grammar_error_carries_code_and_both_languages() -> None:
    err = GrammarError("timeout", server="lt.example.org", seconds=3)
    assert (err.code, err.retryable, err.detail) == ("timeout", True, {"server": "lt.example.org", "seconds": "3"})
    assert "3 s" in str(err) and "3 s" in err.reason("de")
