"""`resonanz round serve`: a live workshop round without a window (docs/LIVE_ROUNDS.md).

Prints, flushed, `URL http://ADDR:PORT/j/CODE` and `SESSION <id>` once it listens, then one line
per event (`COUNTS joined=N submitted=M`, `ATTEMPT <draft id>`) and `CLOSED` when it has stopped
and the port is free. SIGINT/SIGTERM, a line `close` on stdin, or (with --close-on-eof) the end of
stdin close the round. Every refusal before it listens is one line and exit status 2.
"""

from __future__ import annotations

import ipaddress
import sys
import threading
from datetime import date
from pathlib import Path

from resonanz.core.cli.inputs import InputError

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    r = sub.add_parser("round", help="live workshop rounds: participants write on their own devices (round serve)")
    actions = r.add_subparsers(dest="round_command", metavar="ACTION")
    s = actions.add_parser("serve", help="open a live round of an exercise in a session and serve its participant page")
    which = s.add_mutually_exclusive_group()
    which.add_argument("--session", type=int, metavar="ID", help="the session the attempts go to")
    which.add_argument("--new-session", metavar="TITLE", help="start a new workshop session with this title")
    s.add_argument("--exercise", metavar="ID", help="the exercise of the round, e.g. de-dialog-01 (default: the one of the session's latest attempt)")
    s.add_argument("--bind", default="127.0.0.1", metavar="ADDR", help="the address to listen on: 127.0.0.1 (default, this computer only) or the room network's address of this computer")
    s.add_argument("--port", type=int, default=0, metavar="N", help="the port (default 0: a free one)")
    s.add_argument("--db", metavar="PATH", help="the database (default: the one the editor uses)")
    s.add_argument("--close-on-eof", action="store_true", help="close the round when standard input ends (the editor passes this)")
    r.set_defaults(round_help=r.format_help)


def _address(bind: str) -> str:
    try:
        ip = ipaddress.ip_address(bind)
    except ValueError:
        raise InputError(f"--bind must be an IP address of this computer, not {bind!r}") from None
    if ip.is_unspecified:
        raise InputError(f"--bind {bind} would listen on every network: give the one address the room uses")
    return str(ip)


def _session_and_exercise(store, args):
    from resonanz.core.exercises.attempts import find_exercise
    from resonanz.core.storage.migrations import NotFoundError

    if args.new_session is not None:
        if not args.new_session.strip():
            raise InputError("--new-session needs a title")
        session_id = store.create_session("workshop", args.new_session.strip(), date.today())
    else:
        if args.session is None:
            raise InputError("give --session ID or --new-session TITLE")
        try:
            session_id = store.get_session(args.session).id
        except NotFoundError:
            raise InputError(f"session {args.session} not found") from None
    exercise_id = args.exercise
    if exercise_id is None:
        latest = max(store.session_attempts(session_id), key=lambda a: a.created_at, default=None)
        if latest is None or latest.exercise_id is None:
            raise InputError("give --exercise ID: the session has no round yet to continue")
        exercise_id = latest.exercise_id
    exercise = find_exercise(store, exercise_id)
    if exercise is None:
        raise InputError(f"unknown exercise {exercise_id!r} (the editor's exercise library shows the ids, e.g. de-dialog-01)")
    return session_id, exercise


def _watch_stdin(server, close_on_eof: bool) -> None:
    """A line `close` closes the round; so does the end of stdin with --close-on-eof."""
    def watch() -> None:
        try:
            for line in sys.stdin:
                if line.strip().lower() == "close":
                    break
            else:
                if not close_on_eof:
                    return
        except (OSError, ValueError):
            if not close_on_eof:
                return
        server.should_exit = True

    if sys.stdin is not None:
        threading.Thread(target=watch, name="round-stdin", daemon=True).start()


def run(args) -> int:
    if args.round_command != "serve":
        sys.stderr.write(args.round_help())
        return 2
    from resonanz.core.live.app import make_app
    from resonanz.core.live.limits import load_limits
    from resonanz.core.live.room import Room
    from resonanz.core.live.server import bind_socket, serve
    from resonanz.core.paths import default_db_path
    from resonanz.core.storage.store import StorageError, Store

    bind = _address(args.bind)
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port must be 0-65535, not {args.port}")
    db = Path(args.db) if args.db else default_db_path()
    try:
        store = Store(db)
    except (StorageError, ValueError, OSError) as exc:
        raise InputError(str(exc)) from None

    def say(line: str) -> None:
        print(line, flush=True)

    with store:
        try:
            session_id, exercise = _session_and_exercise(store, args)
        except (StorageError, ValueError) as exc:
            raise InputError(str(exc)) from None
        try:
            sock = bind_socket(bind, args.port)
        except OSError as exc:
            raise InputError(f"cannot listen on {bind} port {args.port}: {exc.strerror or exc}") from None
        room = Room(store, session_id, exercise, load_limits(), on_event=say)
        host = f"[{bind}]" if ":" in bind else bind
        port = sock.getsockname()[1]

        def started() -> None:
            say(f"URL http://{host}:{port}/j/{room.code}")
            say(f"SESSION {session_id}")

        server = serve(make_app(room), sock, started)
        _watch_stdin(server, args.close_on_eof)
        try:
            server.run(sockets=[sock])
        finally:
            room.open = False
            sock.close()
            say("CLOSED")
    return 0
