"""The refusals `round serve` cannot be brought to with its shipped limits and a healthy store - a round that
has closed, a room over its burst or full, a failing server - each with its stable `code`.

The real app (`make_app`) behind the real uvicorn server (`serve`) on 127.0.0.1, in a thread of this process,
over a `Room` with small limits or a store that fails. The table of codes in docs/LIVE_ROUNDS.md is the one
the participant page translates.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import threading
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path

from resonanz.core.exercises.attempts import find_exercise
from resonanz.core.live.app import make_app
from resonanz.core.live.limits import load_limits
from resonanz.core.live.room import Room
from resonanz.core.live.server import bind_socket, serve

ROOT = Path(__file__).resolve().parents[3]
GOOD = "Was würden Sie an unserem Angebot ändern? Schreiben Sie es uns in die Kommentare, wir antworten allen."


class BrokenStore:
    """A store whose every call fails, as a full disk or a locked database would."""

    def __getattr__(self, name):
        raise OSError("disk I/O error")


@contextlib.contextmanager
def running(room: Room):
    """`room` served on 127.0.0.1 (a free port) until the block ends; yields a `post(path, body, pid)`."""
    sock = bind_socket("127.0.0.1", 0)
    server = serve(make_app(room), sock)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "the server did not start"
    port = sock.getsockname()[1]

    def call(method: str, path: str, body: dict | None = None, pid: str | None = "c" * 32):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        headers = {"Content-Type": "application/json"}
        if pid:
            headers["X-Participant"] = pid
        conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
        resp = conn.getresponse()
        answer = resp.status, json.loads(resp.read())
        conn.close()
        return answer

    try:
        yield call
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def room_of(limits=None, store=None) -> Room:
    return Room(store, 1, find_exercise(None, "de-dialog-01"), limits or load_limits(), code="K7M2QX")


def test_a_round_that_has_closed_says_so_and_a_wrong_code_still_is_a_wrong_code() -> None:
    room = room_of()
    with running(room) as call:
        assert call("GET", "/api/K7M2QX/round")[0] == 200
        room.open = False  # what `round serve` does when it stops: requests still in flight get this
        status, answer = call("POST", "/api/K7M2QX/analyze", {"text": GOOD})
        assert (status, answer["code"]) == (403, "closed") and "closed" in answer["error"]
        assert call("GET", "/j/K7M2QX/")[1]["code"] == "closed"
        assert call("GET", "/j/22222Z/")[1]["code"] == "bad_code"


def test_a_busy_room_and_a_full_room_have_their_own_codes() -> None:
    limits = replace(load_limits(), room_burst=3, room_per_second=0.01, max_participants=1)
    with running(room_of(limits)) as call:
        assert call("POST", "/api/K7M2QX/analyze", {"text": GOOD}, pid="a" * 32)[0] == 200
        status, answer = call("POST", "/api/K7M2QX/analyze", {"text": GOOD}, pid="b" * 32)
        assert (status, answer["code"]) == (429, "room_full") and f"({limits.max_participants} participants)" in answer["error"]
        assert call("POST", "/api/K7M2QX/analyze", {"text": GOOD}, pid="a" * 32)[0] == 200
        status, answer = call("POST", "/api/K7M2QX/analyze", {"text": GOOD}, pid="a" * 32)
        assert (status, answer["code"]) == (429, "room_busy") and "room" in answer["error"]


def test_a_failing_server_answers_server_error_and_goes_on(capsys) -> None:
    with running(room_of(store=BrokenStore())) as call:
        status, answer = call("POST", "/api/K7M2QX/submit", {"name": "Anna", "text": GOOD})
        assert (status, answer["code"]) == (500, "server_error") and "OSError" in answer["error"]
        assert call("POST", "/api/K7M2QX/analyze", {"text": GOOD})[0] == 200  # it goes on running
    assert "disk I/O error" in capsys.readouterr().err  # the whole story on stderr


def documented_codes() -> dict[str, str]:
    """code -> status, from the table of error codes in docs/LIVE_ROUNDS.md."""
    docs = (ROOT / "docs" / "LIVE_ROUNDS.md").read_text(encoding="utf-8")
    table = docs.split("| Code | Status |", 1)[1].split("\n\n", 1)[0]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `([a-z_]+)` \| (\d{3}|other) \|", table, re.M)}


def test_every_code_the_server_sends_is_documented_and_the_page_translates_every_one() -> None:
    documented = documented_codes()
    sent: dict[str, str] = {"http_error": "other"}  # the fallback for a status Starlette answers itself
    for module in ("app", "room", "limits"):
        source = (ROOT / "core" / "live" / f"{module}.py").read_text(encoding="utf-8")
        for status, code in re.findall(r'(?:Refused|_error)\((\d{3}), "([a-z_]+)"', source):
            sent[code] = status
        for status, code in re.findall(r'(\d{3}): \("([a-z_]+)", ', source):  # Starlette's own 404 and 405
            sent[code] = status
        sent |= {code: "400" for code in re.findall(r'RoundInputError\("([a-z_]+)"', source)}
        sent |= {code: "429" for code in re.findall(r'Admission\([^()]*(?:\([^()]*\)[^()]*)*, "([a-z_]+)"\)', source)}
    assert sent == documented, f"sent: {sent}; documented: {documented}"
    page = resources.files("resonanz.resources.live").joinpath("page.js").read_text(encoding="utf-8")
    keys = re.search(r"const ERROR_KEYS = \{(.*?)\};", page, re.S).group(1)
    translated = set(re.findall(r"\b([a-z_]+):", keys))
    assert translated == set(documented) - {"http_error"}, "the page has its own line for every code (an unknown one shows the server's)"
