"""The limits of a live round: body size, rate per participant and for the whole room, participants per round.

Read from resources/live.toml. Rates are token buckets: `rate` tokens a second up to `burst`; a
request takes one token or is refused with the seconds until one is back (the `Retry-After`). A
participant is the page's own random id (`X-Participant`), never an IP address: a room behind one
router, and a one-machine demo, share one address.
"""

from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

__all__ = ["PARTICIPANT_ID", "Admission", "Bucket", "Limits", "RateLimiter", "load_limits"]

#: What the page sends as X-Participant: made once per browser with crypto.getRandomValues.
PARTICIPANT_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 24000
    max_chars: int = 5000
    max_name_chars: int = 60
    analyze_per_second: float = 10.0
    analyze_burst: int = 20
    submit_per_second: float = 0.5
    submit_burst: int = 3
    room_per_second: float = 300.0
    room_burst: int = 600
    max_participants: int = 200
    findings: int = 5


def load_limits() -> Limits:
    """The limits in resources/live.toml."""
    data = tomllib.loads(resources.files("resonanz.resources").joinpath("live.toml").read_text(encoding="utf-8"))
    flat = {k: v for section in data.values() for k, v in section.items()}
    return Limits(**flat)


class Admission(NamedTuple):
    """What `RateLimiter.admit` decided: wait 0.0 = go on; else the seconds to wait, one line why and its
    code (docs/LIVE_ROUNDS.md): "rate_limited" (this participant), "room_busy" (the whole room), "room_full"."""

    wait: float
    why: str = ""
    code: str = ""


ADMITTED = Admission(0.0)


class Bucket:
    """A token bucket: `rate` tokens a second, at most `burst`, full at the start."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate, self.burst, self.tokens, self.stamp = float(rate), float(burst), float(burst), now

    def take(self, now: float) -> float:
        """0.0 if a token was taken, else the seconds until one will be there."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class RateLimiter:
    """Per participant and per room; knows the participants of the round (at most `max_participants`)."""

    def __init__(self, limits: Limits, clock=time.monotonic) -> None:
        self.limits, self.clock = limits, clock
        self.room = Bucket(limits.room_per_second, limits.room_burst, clock())
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.seen: set[str] = set()

    def admit(self, participant: str | None, kind: str) -> Admission:
        """Whether the request may go on (wait 0.0) or how long to wait, why and its code. `kind`:
        "analyze", "submit" or "page" (the round's description: counts for the room only)."""
        now = self.clock()
        wait = self.room.take(now)
        if wait:
            return Admission(wait, "the room is sending too many requests at once: try again in a moment", "room_busy")
        if participant is None:
            return ADMITTED
        if participant not in self.seen and len(self.seen) >= self.limits.max_participants:
            return Admission(60.0, f"this round is full ({self.limits.max_participants} participants)", "room_full")
        self.seen.add(participant)
        if kind == "page":
            return ADMITTED
        bucket = self.buckets.get((kind, participant))
        if bucket is None:
            lim = self.limits
            rate, burst = (lim.analyze_per_second, lim.analyze_burst) if kind == "analyze" else (lim.submit_per_second, lim.submit_burst)
            bucket = self.buckets[(kind, participant)] = Bucket(rate, burst, now)
        wait = bucket.take(now)
        if not wait:
            return ADMITTED
        what = "analyses" if kind == "analyze" else "submissions"
        return Admission(wait, f"too many {what} from this page: try again in {wait:.1f} s", "rate_limited")
