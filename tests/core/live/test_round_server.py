"""`resonanz round serve` as a real child process, spoken to over real HTTP on 127.0.0.1 (no stand-in).

The contract is docs/LIVE_ROUNDS.md: these tests walk through it line by line - the output lines,
every status code, that refused requests are never stored, the rate limits per participant and
not per address, and that SIGTERM, `close` on stdin and the end of stdin free the port.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from resonanz.core.live.limits import load_limits
from resonanz.core.storage.store import Store

EXERCISE = "de-dialog-01"
GOOD = "Was würden Sie an unserem Angebot ändern? Schreiben Sie es uns in die Kommentare, wir antworten allen."
EVIL = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'
P1, P2 = "a" * 32, "b" * 32
LIMITS = load_limits()  # resources/live.toml, as the server loads it


class Served:
    """A running `round serve`: its process, address, code and output lines so far."""

    def __init__(self, proc: subprocess.Popen, db: Path) -> None:
        self.proc, self.db, self.lines = proc, db, []
        while not any(line.startswith("SESSION ") for line in self.lines):
            line = proc.stdout.readline()
            assert line, f"round serve ended before listening: {proc.stderr.read()}"
            self.lines.append(line.strip())
        url = next(line for line in self.lines if line.startswith("URL "))[4:]
        self.url = url
        self.host, port = url.split("//")[1].split("/")[0].rsplit(":", 1)
        self.port = int(port)
        self.code = url.rsplit("/", 1)[1]
        self.session = int(next(line for line in self.lines if line.startswith("SESSION "))[8:])

    def request(self, method: str, path: str, body: bytes | dict | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        conn.request(method, path, body=data, headers=headers or {})
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), raw

    def post(self, what: str, body, participant: str | None = P1, ctype: str = "application/json"):
        headers = {"Content-Type": ctype} if ctype else {}
        if participant is not None:
            headers["X-Participant"] = participant
        status, headers, raw = self.request("POST", f"/api/{self.code}/{what}", body, headers)
        return status, headers, (json.loads(raw) if raw.startswith(b"{") else raw)

    def rest(self, timeout: float = 10) -> list[str]:
        """Wait for the process to end; all its remaining output lines."""
        out, _err = self.proc.communicate(timeout=timeout)
        self.lines += [line.strip() for line in out.splitlines()]
        return self.lines


def start(db: Path, *args: str, stdin=subprocess.DEVNULL) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "resonanz", "round", "serve", "--db", str(db), *args],
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)


def port_is_closed(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def served(tmp_path: Path):
    proc = start(tmp_path / "r.db", "--new-session", "Workshop Vereine", "--exercise", EXERCISE)
    s = Served(proc, tmp_path / "r.db")
    yield s
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=15)


def attempts(s: Served):
    with Store(s.db) as store:
        return store.session_attempts(s.session)


def test_it_listens_says_where_and_closes_on_sigterm(served: Served) -> None:
    assert served.lines[0] == f"URL http://127.0.0.1:{served.port}/j/{served.code}"
    assert len(served.code) == 6 and set(served.code) <= set("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    status, headers, _ = served.request("GET", f"/j/{served.code}")
    assert (status, headers["location"]) == (308, f"/j/{served.code}/")
    status, headers, page = served.request("GET", f"/j/{served.code.lower()}/")  # codes are read case-insensitively
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in headers["content-security-policy"] and "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    for asset, media in (("page.js", "text/javascript"), ("page.css", "text/css")):
        status, headers, _ = served.request("GET", f"/j/{served.code}/{asset}")
        assert status == 200 and headers["content-type"].startswith(media)
    started = time.monotonic()
    served.proc.send_signal(signal.SIGTERM)
    assert served.rest()[-1] == "CLOSED"
    assert served.proc.returncode == 0 and time.monotonic() - started < 5
    assert port_is_closed(served.port)


def test_the_round_describes_its_exercise(served: Served) -> None:
    status, _, raw = served.request("GET", f"/api/{served.code}/round")
    info = json.loads(raw)
    assert status == 200 and info["language"] == "de" and info["kind"] == "post" and info["open"] is True
    assert info["starting_draft"] and info["task"] and info["max_chars"] == LIMITS.max_chars and info["max_name_chars"] == LIMITS.max_name_chars


def test_analyze_scores_as_the_stored_attempt_will_be_scored(served: Served) -> None:
    from resonanz.core.exercises.attempts import find_exercise
    from resonanz.core.exercises.library import evaluate

    status, _, answer = served.post("analyze", {"text": GOOD, "language": "auto"})
    expected = evaluate(find_exercise(None, EXERCISE), GOOD)
    assert status == 200 and answer["judged"] is True and answer["language"] == "de"
    assert answer["scores"] == {d: s.value for d, s in expected.scores.items()}
    assert 0 < len(answer["findings"]) <= 5
    first = answer["findings"][0]
    assert set(first) == {"rule", "dimension", "severity", "message", "suggestion", "why", "points", "start", "end"}
    assert abs(first["points"]) == max(abs(f.points) for f in expected.findings)
    status, _, short = served.post("analyze", {"text": "Hallo", "language": "auto"})
    assert status == 200 and short["judged"] is False and short["scores"] == {}
    assert attempts(served) == []  # analysing stores nothing
    served.proc.send_signal(signal.SIGTERM)
    assert served.rest()[2:] == ["COUNTS joined=1 submitted=0", "CLOSED"]  # a page seen, nothing submitted


def test_submit_stores_an_attempt_and_resubmitting_adds_a_revision(served: Served) -> None:
    status, _, first = served.post("submit", {"name": "Anna", "text": GOOD})
    assert status == 201 and first["attempt"] > 0 and first["scores"]["dialogue"] > 0
    status, _, again = served.post("submit", {"name": "Anna", "text": GOOD + " Danke!"})
    assert status == 201 and again["attempt"] == first["attempt"] and again["revision"] > first["revision"]
    status, _, other = served.post("submit", {"name": "Anna", "text": GOOD}, participant=P2)
    assert status == 201 and other["attempt"] != first["attempt"] and other["name"] == "Anna (2)"
    found = attempts(served)
    assert sorted(a.participant for a in found) == ["Anna", "Anna (2)"]
    anna = next(a for a in found if a.draft_id == first["attempt"])
    assert len(anna.history) == 2 and anna.exercise_id == EXERCISE
    with Store(served.db) as store:
        assert store.get_draft(first["attempt"]).text == GOOD + " Danke!"
    report = subprocess.run([sys.executable, "-m", "resonanz", "report", "session", str(served.session), "--db", str(served.db), "--format", "md"],
                            capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert "Anna (2)" in report and "Vom Monolog zum Gespräch" in report
    served.proc.send_signal(signal.SIGTERM)
    lines = served.rest()
    assert lines.count(f"ATTEMPT {first['attempt']}") == 2 and f"ATTEMPT {other['attempt']}" in lines
    assert lines[-2:] == ["COUNTS joined=2 submitted=2", "CLOSED"]


def test_the_name_is_cleaned_trimmed_numbered_and_fixed_by_the_first_submission(served: Served) -> None:
    """docs/LIVE_ROUNDS.md, "The submit name": control and format characters go, white space at both ends goes,
    max_name_chars after cleaning, a taken name gets " (2)", " (3)", a later submission does not rename."""
    padded = "\u200b  Anna\u0007 \n"
    status, _, first = served.post("submit", {"name": padded, "text": GOOD})
    assert status == 201 and first["name"] == "Anna"
    longest = "\u200b" + "x" * LIMITS.max_name_chars + "\u200b "  # over the limit only before cleaning
    status, _, second = served.post("submit", {"name": longest, "text": GOOD}, participant=P2)
    assert status == 201 and second["name"] == "x" * LIMITS.max_name_chars
    third_pid = "c" * 32
    status, _, third = served.post("submit", {"name": " Anna ", "text": GOOD}, participant=third_pid)
    assert status == 201 and third["name"] == "Anna (2)"
    status, _, fourth = served.post("submit", {"name": "Anna", "text": GOOD}, participant="d" * 32)
    assert status == 201 and fourth["name"] == "Anna (3)"
    status, _, again = served.post("submit", {"name": "Bert", "text": GOOD + " Danke!"}, participant=third_pid)
    assert status == 201 and again["name"] == "Anna (2)" and again["attempt"] == third["attempt"]
    status, _, answer = served.post("submit", {"name": "\u200b\n", "text": GOOD}, participant=third_pid)
    assert (status, answer["code"]) == (400, "name_empty")  # a later submission still needs a valid name
    assert sorted(a.participant for a in attempts(served)) == ["Anna", "Anna (2)", "Anna (3)", "x" * LIMITS.max_name_chars]


def test_markup_in_a_name_or_text_is_stored_as_it_was_typed(served: Served) -> None:
    status, headers, answer = served.post("submit", {"name": EVIL[:60], "text": f"{GOOD} {EVIL}"})
    assert status == 201 and headers["content-type"].startswith("application/json")
    (attempt,) = attempts(served)
    assert attempt.participant == EVIL[:60]
    with Store(served.db) as store:
        assert store.get_draft(attempt.draft_id).text.endswith(EVIL)


@pytest.mark.parametrize(
    ("what", "body", "participant", "ctype", "status", "says", "code"),
    [
        ("analyze", b"{not json", P1, "application/json", 400, "not valid JSON", "bad_json"),
        ("analyze", b"[1, 2]", P1, "application/json", 400, "JSON object", "not_object"),
        ("analyze", b"\xff\xfe{}", P1, "application/json", 400, "not valid JSON", "bad_json"),
        ("analyze", {"language": "auto"}, P1, "application/json", 400, "'text' is missing", "missing_field"),
        ("analyze", {"text": 5}, P1, "application/json", 400, "'text' must be a text", "wrong_type"),
        ("analyze", {"text": GOOD, "language": "fr"}, P1, "application/json", 400, "'language'", "bad_language"),
        ("analyze", {"text": GOOD}, None, "application/json", 400, "X-Participant", "bad_participant"),
        ("analyze", {"text": GOOD}, "short", "application/json", 400, "X-Participant", "bad_participant"),
        ("analyze", {"text": GOOD}, "a" * 30 + "<>", "application/json", 400, "X-Participant", "bad_participant"),
        ("analyze", {"text": GOOD}, P1, "text/plain", 415, "application/json", "media_type"),
        ("analyze", {"text": GOOD}, P1, "", 415, "application/json", "media_type"),
        ("submit", {"text": GOOD}, P1, "application/json", 400, "'name' is missing", "missing_field"),
        ("submit", {"name": 5, "text": GOOD}, P1, "application/json", 400, "'name' must be a text", "wrong_type"),
        ("submit", {"name": "  ", "text": GOOD}, P1, "application/json", 400, "give a name", "name_empty"),
        ("submit", {"name": "x" * (LIMITS.max_name_chars + 1), "text": GOOD}, P1, "application/json", 400, f"longer than {LIMITS.max_name_chars}", "name_too_long"),
        ("submit", {"name": "Anna", "text": "   "}, P1, "application/json", 400, "empty", "text_empty"),
        ("submit", {"name": "Anna", "text": "a" * (LIMITS.max_chars + 1)}, P1, "application/json", 400, f"longer than {LIMITS.max_chars}", "text_too_long"),
        ("submit", {"name": "Anna", "text": "ü" * (LIMITS.max_bytes // 2)}, P1, "application/json", 413, f"{LIMITS.max_bytes:,} bytes", "too_large"),
    ],
)
def test_bad_requests_get_one_line_and_store_nothing(served: Served, what, body, participant, ctype, status, says, code) -> None:
    got, headers, answer = served.post(what, body, participant=participant, ctype=ctype)
    assert got == status, answer
    assert says in answer["error"] and "\n" not in answer["error"]
    assert answer["code"] == code  # the stable word the page translates (docs/LIVE_ROUNDS.md)
    assert "default-src 'none'" in headers["content-security-policy"]
    assert attempts(served) == []


def test_the_longest_text_in_emoji_fits_and_one_character_more_is_too_long_not_too_large(served: Served) -> None:
    """max_chars four-byte emoji and a max_name_chars emoji name, sent as UTF-8 as a browser sends them, are taken;
    one emoji more is 400 about the length (it still fits in the body); a body over max_bytes is 413."""
    emoji = "\U0001F600"  # 😀: one code point, four bytes in UTF-8
    name = emoji * LIMITS.max_name_chars

    def send(text: str):
        raw = json.dumps({"name": name, "text": text}, ensure_ascii=False).encode("utf-8")
        return len(raw), served.post("submit", raw)

    size, (status, _, answer) = send(emoji * LIMITS.max_chars)
    assert size > LIMITS.max_chars * 4 and size <= LIMITS.max_bytes
    assert status == 201, answer
    assert answer["name"] == name
    with Store(served.db) as store:
        assert store.get_draft(answer["attempt"]).text == emoji * LIMITS.max_chars
    size, (status, _, answer) = send(emoji * (LIMITS.max_chars + 1))
    assert size <= LIMITS.max_bytes
    assert status == 400 and f"the text is longer than {LIMITS.max_chars} characters" == answer["error"]
    assert answer["code"] == "text_too_long"
    size, (status, _, answer) = send(emoji * (LIMITS.max_bytes // 4))
    assert size > LIMITS.max_bytes
    assert status == 413 and f"{LIMITS.max_bytes:,} bytes" in answer["error"] and answer["code"] == "too_large"
    assert len(attempts(served)) == 1


def test_wrong_codes_unknown_paths_and_methods(served: Served) -> None:
    wrong = "Z" * 6 if served.code != "Z" * 6 else "Y" * 6
    for method, path in (("GET", f"/j/{wrong}"), ("GET", f"/j/{wrong}/"), ("GET", f"/j/{wrong}/page.js"), ("GET", f"/api/{wrong}/round")):
        status, _, raw = served.request(method, path)
        assert status == 403, path
        assert "join code" in json.loads(raw)["error"] and json.loads(raw)["code"] == "bad_code"
    status, _, raw = served.request("POST", f"/api/{wrong}/submit", {"name": "Anna", "text": GOOD}, {"Content-Type": "application/json", "X-Participant": P1})
    assert status == 403
    assert json.loads(raw)["code"] == "bad_code"
    for path in (f"/j/{served.code}/secrets.txt", "/"):
        status, _, raw = served.request("GET", path)
        assert (status, json.loads(raw)["code"]) == (404, "not_found"), path
    status, _, raw = served.request("GET", f"/api/{served.code}/submit")
    assert (status, json.loads(raw)["code"]) == (405, "method")
    assert attempts(served) == []


def test_a_body_larger_than_it_says_is_cut_off_at_the_limit(served: Served) -> None:
    """A client that declares a small Content-Length or sends chunks gets 413 all the same."""
    conn = http.client.HTTPConnection(served.host, served.port, timeout=30)
    conn.putrequest("POST", f"/api/{served.code}/submit")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("X-Participant", P1)
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    payload = json.dumps({"name": "Anna", "text": "x" * (LIMITS.max_bytes + 10000)}).encode()
    for i in range(0, len(payload), 4096):
        piece = payload[i:i + 4096]
        conn.send(b"%x\r\n%s\r\n" % (len(piece), piece))
    conn.send(b"0\r\n\r\n")
    resp = conn.getresponse()
    answer = json.loads(resp.read())
    assert resp.status == 413 and f"{LIMITS.max_bytes:,} bytes" in answer["error"] and answer["code"] == "too_large"
    conn.close()
    assert attempts(served) == []


def test_rate_limits_count_per_participant_not_per_address(served: Served) -> None:
    """All pages here share 127.0.0.1: one page flooding is held back, the next page is not."""
    statuses = [served.post("analyze", {"text": "Hallo Welt, wie geht es Ihnen heute?"})[0] for _ in range(40)]
    assert statuses[:20] == [200] * 20 and 429 in statuses
    status, headers, answer = served.post("analyze", {"text": "Hallo"})
    assert status == 429 and int(headers["retry-after"]) >= 1 and "too many analyses" in answer["error"]
    assert answer["code"] == "rate_limited"
    assert served.post("analyze", {"text": "Hallo"}, participant=P2)[0] == 200
    submits = [served.post("submit", {"name": "Bert", "text": GOOD}, participant=P2)[0] for _ in range(5)]
    assert submits[:3] == [201] * 3 and submits[3:] == [429, 429]


def test_refused_requests_cost_no_allowance(served: Served) -> None:
    """Every 400/413/415 is decided before the rate limits count a request: a page that sends more refused
    submissions (and analyses) than its burst still gets its valid one through, and the limits still hold."""
    lim = load_limits()
    refused_submits = [
        ({"text": GOOD}, "application/json", 400),                                      # no name
        ({"name": "Anna"}, "application/json", 400),                                    # no text
        ({"name": "  ", "text": GOOD}, "application/json", 400),                        # empty name
        ({"name": "x" * (lim.max_name_chars + 1), "text": GOOD}, "application/json", 400),
        ({"name": "Anna", "text": "   "}, "application/json", 400),                     # empty text
        ({"name": "Anna", "text": "a" * (lim.max_chars + 1)}, "application/json", 400),
        ({"name": 5, "text": GOOD}, "application/json", 400),
        (b"{not json", "application/json", 400),
        ({"name": "Anna", "text": GOOD}, "text/plain", 415),
        ({"name": "Anna", "text": "x" * (lim.max_bytes + 1)}, "application/json", 413),
    ]
    assert len(refused_submits) > lim.submit_burst
    for body, ctype, status in refused_submits:
        assert served.post("submit", body, ctype=ctype)[0] == status, body
    refused_analyses = [{"language": "auto"}, {"text": 5}, {"text": GOOD, "language": "fr"},
                        {"text": "a" * (lim.max_chars + 1)}] * (lim.analyze_burst // 4 + 1)
    assert len(refused_analyses) > lim.analyze_burst
    for body in refused_analyses:
        assert served.post("analyze", body)[0] == 400, body
    assert served.post("analyze", {"text": GOOD})[0] == 200
    submits = [served.post("submit", {"name": "Anna", "text": GOOD})[0] for _ in range(lim.submit_burst + 1)]
    assert submits == [201] * lim.submit_burst + [429]  # the limit still holds for valid requests
    assert len(attempts(served)) == 1


def test_a_page_that_was_only_refused_is_not_counted_as_joined(served: Served) -> None:
    for _ in range(3):
        assert served.post("submit", {"name": "", "text": GOOD})[0] == 400
    served.proc.send_signal(signal.SIGTERM)
    assert not any(line.startswith("COUNTS") for line in served.rest())


def test_stdin_close_and_end_of_stdin_close_the_round(tmp_path: Path) -> None:
    proc = start(tmp_path / "r.db", "--new-session", "A", "--exercise", EXERCISE, stdin=subprocess.PIPE)
    s = Served(proc, tmp_path / "r.db")
    proc.stdin.write("close\n")
    proc.stdin.flush()
    assert s.rest()[-1] == "CLOSED" and port_is_closed(s.port)
    proc = start(tmp_path / "r.db", "--session", str(s.session), "--exercise", EXERCISE, "--close-on-eof", stdin=subprocess.PIPE)
    s2 = Served(proc, tmp_path / "r.db")
    assert s2.session == s.session
    proc.stdin.close()  # what happens when the editor that started the round dies
    out = proc.stdout.read()
    proc.wait(timeout=10)
    assert out.strip().endswith("CLOSED") and port_is_closed(s2.port)


def test_a_continued_round_defaults_to_the_sessions_exercise(served: Served, tmp_path: Path) -> None:
    served.post("submit", {"name": "Anna", "text": GOOD})
    served.proc.send_signal(signal.SIGTERM)
    served.rest()
    proc = start(served.db, "--session", str(served.session))
    again = Served(proc, served.db)
    info = json.loads(again.request("GET", f"/api/{again.code}/round")[2])
    assert info["title"] == "Vom Monolog zum Gespräch" and again.code != served.code
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--session", "999", "--exercise", EXERCISE], "session 999 not found"),
        (["--new-session", "A", "--exercise", "xx-nothing"], "unknown exercise 'xx-nothing'"),
        (["--new-session", "A"], "give --exercise ID"),
        (["--exercise", EXERCISE], "give --session ID or --new-session TITLE"),
        (["--new-session", "A", "--exercise", EXERCISE, "--bind", "0.0.0.0"], "every network"),
        (["--new-session", "A", "--exercise", EXERCISE, "--bind", "localhost"], "must be an IP address"),
        (["--new-session", "A", "--exercise", EXERCISE, "--bind", "192.0.2.77"], "cannot listen on 192.0.2.77"),
        (["--new-session", "A", "--exercise", EXERCISE, "--port", "70000"], "--port must be 0-65535"),
    ],
)
def test_refusals_are_one_line_and_exit_2(tmp_path: Path, args, says) -> None:
    proc = start(tmp_path / "r.db", *args)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and out == ""
    assert err.strip().count("\n") == 0 and says in err, err


def test_a_port_in_use_is_refused_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        proc = start(tmp_path / "r.db", "--new-session", "A", "--exercise", EXERCISE, "--port", str(taken.getsockname()[1]))
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and "cannot listen on 127.0.0.1 port" in err and err.strip().count("\n") == 0
