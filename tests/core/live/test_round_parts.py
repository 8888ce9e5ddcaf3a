"""The parts of a live round without a server: limits, join codes, the editor's view of `round serve`."""

from __future__ import annotations

import ipaddress
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from resonanz.core.live.command import lan_addresses, parse_event, serve_argv
from resonanz.core.live.limits import Bucket, Limits, RateLimiter, load_limits
from resonanz.core.live.room import CODE_ALPHABET, new_code


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_shipped_limits_are_the_documented_ones() -> None:
    """docs/LIVE_ROUNDS.md and the README quote the limits in resources/live.toml: change one, change them."""
    lim = load_limits()
    root = Path(__file__).resolve().parents[3]
    docs = (root / "docs" / "LIVE_ROUNDS.md").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"a body over {lim.max_bytes:,} bytes" in docs and f"{lim.max_bytes:,} bytes per request" in readme
    assert f"room for {lim.max_chars:,} four-byte characters" in docs and f"a {lim.max_name_chars}-character name" in docs
    assert f"a text over {lim.max_chars:,} or a name over {lim.max_name_chars} characters" in docs
    assert f"At most {lim.max_name_chars} characters (code points" in docs and f"at most {lim.max_name_chars} characters" in readme
    assert f"a string of at most {lim.max_chars:,} characters" in docs
    assert f"burst {lim.analyze_burst}" in docs and f"burst {lim.submit_burst}" in docs
    assert f"more than {lim.max_participants} participants" in docs and f"{lim.max_participants} participants per round" in readme


def test_the_longest_text_and_name_in_emoji_fit_in_a_body() -> None:
    """max_chars four-byte characters and a max_name_chars name in them, as the page sends them (UTF-8), fit
    in max_bytes: such a text gets an answer, not 413 (the server test sends one)."""
    lim = load_limits()
    body = json.dumps({"name": "😀" * lim.max_name_chars, "text": "😀" * lim.max_chars}, ensure_ascii=False, separators=(",", ":"))
    assert len(body.encode("utf-8")) <= lim.max_bytes
    longest_analysis = json.dumps({"text": "😀" * lim.max_chars, "language": "auto"}, ensure_ascii=False, separators=(",", ":"))
    assert len(longest_analysis.encode("utf-8")) <= lim.max_bytes


def test_a_bucket_refills_at_its_rate_and_says_how_long_to_wait() -> None:
    b = Bucket(rate=2, burst=3, now=0.0)
    assert [b.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert b.take(0.0) == pytest.approx(0.5)
    assert b.take(0.5) == 0.0  # one token back after 1/rate s
    assert b.take(0.5) > 0
    assert b.take(10.0) == 0.0 and b.tokens == pytest.approx(2.0)  # never more than the burst


@given(st.lists(st.floats(min_value=0, max_value=5, allow_nan=False), min_size=1, max_size=200))
def test_a_bucket_never_admits_more_than_burst_plus_rate_times_time(gaps) -> None:
    b, now, admitted = Bucket(rate=4, burst=5, now=0.0), 0.0, 0
    for gap in gaps:
        now += gap
        admitted += b.take(now) == 0.0
    assert admitted <= 5 + math.floor(4 * now) + 1


def test_limits_are_per_participant_with_a_room_cap_and_a_participant_cap() -> None:
    clock = Clock()
    lim = replace(Limits(), analyze_burst=2, room_burst=5, room_per_second=1, max_participants=3)
    r = RateLimiter(lim, clock)
    assert [r.admit("p1" * 8, "analyze").wait > 0 for _ in range(3)] == [False, False, True]
    held = r.admit("p1" * 8, "analyze")
    assert held.why.startswith("too many analyses") and held.code == "rate_limited"
    assert r.admit("p2" * 8, "analyze") == (0.0, "", "")  # another page on the same address goes on
    wait, why, code = r.admit("p3" * 8, "analyze")  # 6th request of the room within its burst of 5
    assert wait > 0 and "room" in why and code == "room_busy"
    clock.now += 10
    assert r.admit("p3" * 8, "page") == (0.0, "", "")
    assert r.admit("p4" * 8, "page")[1:] == ("this round is full (3 participants)", "room_full")
    assert r.admit("p1" * 8, "page") == (0.0, "", "")  # those already in stay in


def test_join_codes_are_six_letters_without_look_alikes_and_do_not_repeat() -> None:
    assert len(CODE_ALPHABET) == 32 and not set("01IO") & set(CODE_ALPHABET)
    codes = {new_code() for _ in range(2000)}
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert len(codes) >= 1995  # 2^30 codes: collisions among 2000 are vanishingly rare
    assert len(CODE_ALPHABET) ** 6 >= 2 ** 30


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("URL http://192.168.1.20:43117/j/K7M2QX\n", ("URL", {"url": "http://192.168.1.20:43117/j/K7M2QX", "code": "K7M2QX"})),
        ("SESSION 12", ("SESSION", {"id": 12})),
        ("COUNTS joined=3 submitted=1", ("COUNTS", {"joined": 3, "submitted": 1})),
        ("ATTEMPT 57", ("ATTEMPT", {"draft": 57})),
        ("CLOSED", ("CLOSED", {})),
        ("COUNTS joined=x submitted=1", None),
        ("ATTEMPT", None),
        ("INFO: uvicorn started", None),
        ("CLOSED now", None),
    ],
)
def test_the_editor_reads_every_line_of_round_serve(line, event) -> None:
    assert parse_event(line) == event


def test_the_editor_starts_the_same_command_as_the_terminal(tmp_path) -> None:
    argv = serve_argv(tmp_path / "r.db", 4, "de-dialog-01", "192.168.1.20", 0)
    assert argv[:4] == [sys.executable, "-m", "resonanz", "round"]
    assert argv[4:] == ["serve", "--session", "4", "--exercise", "de-dialog-01", "--bind", "192.168.1.20", "--port", "0",
                        "--db", str(tmp_path / "r.db"), "--close-on-eof"]


def test_the_bundle_is_its_own_command(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert serve_argv(tmp_path / "r.db", 4, "x")[:3] == [sys.executable, "round", "serve"]


def test_lan_addresses_start_with_loopback_and_are_ipv4() -> None:
    found = lan_addresses()
    assert found[0] == "127.0.0.1" and len(found) == len(set(found))
    assert all(ipaddress.ip_address(a).version == 4 for a in found)
    assert not any(a.startswith("127.") for a in found[1:])


@pytest.mark.parametrize(
    ("name", "n", "shown"),
    [
        ("Anna", 2, "Anna (2)"),
        ("x" * 60, 2, "x" * 56 + " (2)"),  # a full-length name still fits with its number
        ("x" * 60, 10, "x" * 55 + " (10)"),
        ("Anna " + "y" * 55, 2, "Anna " + "y" * 51 + " (2)"),
        ("a" * 55 + " 👩🏽‍💻", 2, "a" * 55 + " (2)"),  # an emoji sequence that no longer fits goes whole, with its space
        ("👍" * 60, 3, "👍" * 56 + " (3)"),
        ("é" * 30 + "e\u0301" * 15, 2, "é" * 30 + "e\u0301" * 13 + " (2)"),  # an accent stays with its letter
    ],
)
def test_a_numbered_name_keeps_the_name_limit(name: str, n: int, shown: str) -> None:
    from resonanz.core.live.room import _numbered

    assert _numbered(name, n, 60) == shown
    assert len(_numbered(name, n, 60)) <= 60
