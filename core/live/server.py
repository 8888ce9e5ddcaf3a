"""Serving a live round: uvicorn on a socket bound before it starts, stopped by a signal, a line or a call.

The socket is bound here (port 0 = a free port), so the address is known before the first
request and printed once the server accepts. `RoundServer` replaces uvicorn's signal handling:
SIGINT and SIGTERM only ask it to stop (uvicorn would re-raise them after shutting down, and the
`CLOSED` line would never be printed). Shutdown waits at most `GRACE` seconds for open requests.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Callable, Iterator

import uvicorn
# uvicorn loads these by name (loop="asyncio", http="h11", lifespan="off"); importing them here lets
# the bundle's analysis (PyInstaller) see them, and fails early if one is missing
import uvicorn.lifespan.off  # noqa: F401
import uvicorn.loops.asyncio  # noqa: F401
import uvicorn.protocols.http.h11_impl  # noqa: F401

__all__ = ["GRACE", "RoundServer", "bind_socket", "serve"]

GRACE = 2  # seconds open requests get when the round closes


def bind_socket(address: str, port: int) -> socket.socket:
    """A listening TCP socket on `address`:`port` (IPv4 or IPv6; port 0 = a free one). OSError says why not."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if hasattr(socket, "SO_REUSEADDR"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class RoundServer(uvicorn.Server):
    """uvicorn's server, told when it is listening, and stopped (not killed) by SIGINT/SIGTERM."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] = lambda: None) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = [signal.SIGINT, signal.SIGTERM]
        previous = {sig: signal.signal(sig, self._stop) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop(self, sig: int, frame) -> None:
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True  # a second Ctrl+C does not wait for open requests
        self.should_exit = True


def serve(app, sock: socket.socket, on_started: Callable[[], None] = lambda: None) -> RoundServer:
    """A server for `app` on `sock` (not yet running: call `.run(sockets=[sock])`)."""
    config = uvicorn.Config(
        app, loop="asyncio", http="h11", ws="none", lifespan="off", log_level="warning", access_log=False,
        timeout_keep_alive=5, timeout_graceful_shutdown=GRACE, server_header=False, date_header=False,
        h11_max_incomplete_event_size=32 * 1024,
    )
    return RoundServer(config, on_started)
