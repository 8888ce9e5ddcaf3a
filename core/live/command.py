"""What the editor needs to run a round as a child process: its command line, its output lines, the machine's addresses.

The editor starts exactly `resonanz round serve` (docs/LIVE_ROUNDS.md), so the window and the
command line share one server; `--close-on-eof` makes the round end with the editor, even when
the editor crashes (its end of the pipe closes).
"""

from __future__ import annotations

import os
import re
import socket
import struct
import sys
from pathlib import Path

__all__ = ["lan_addresses", "parse_event", "serve_argv"]


def serve_argv(db_path: str | os.PathLike[str], session_id: int, exercise_id: str, bind: str = "127.0.0.1", port: int = 0) -> list[str]:
    """The full command that serves a round of `exercise_id` in `session_id` on `bind`:`port`,
    from a virtual environment or from the bundled app (whose executable is the `resonanz` command)."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "resonanz"]
    return [*program, "round", "serve", "--session", str(int(session_id)), "--exercise", exercise_id,
            "--bind", bind, "--port", str(int(port)), "--db", str(Path(db_path)), "--close-on-eof"]


_EVENT = re.compile(r"(URL|SESSION|COUNTS|ATTEMPT|CLOSED)(?: (.*))?")


def parse_event(line: str) -> tuple[str, dict] | None:
    """One output line of `round serve` as (kind, fields); None for anything else."""
    m = _EVENT.fullmatch(line.strip())
    if not m:
        return None
    kind, rest = m.group(1), (m.group(2) or "").strip()
    try:
        if kind == "URL":
            return kind, {"url": rest, "code": rest.rstrip("/").rsplit("/", 1)[-1]}
        if kind in ("SESSION", "ATTEMPT"):
            return kind, ({"id": int(rest)} if kind == "SESSION" else {"draft": int(rest)})
        if kind == "COUNTS":
            pairs = dict(part.split("=", 1) for part in rest.split())
            return kind, {"joined": int(pairs["joined"]), "submitted": int(pairs["submitted"])}
        return (kind, {}) if not rest else None
    except (KeyError, ValueError):
        return None


def lan_addresses() -> list[str]:
    """The IPv4 addresses of this machine's interfaces, 127.0.0.1 first; found without sending anything."""
    found: list[str] = []
    if sys.platform.startswith("linux"):
        import fcntl

        for _index, name in socket.if_nameindex():
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                try:
                    packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))  # SIOCGIFADDR
                except OSError:
                    continue  # no IPv4 address on this interface
            found.append(socket.inet_ntoa(packed[20:24]))
    else:
        try:
            found = [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
        except OSError:
            found = []
    rest = sorted({a for a in found if not a.startswith("127.")})
    return ["127.0.0.1", *rest]
