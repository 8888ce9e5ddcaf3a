"""The HTTP side of a live round: a Starlette app over one `Room` (the contract: docs/LIVE_ROUNDS.md).

Every request names the join code in its path; a wrong one gets 403 before anything else is read.
POST bodies are JSON of at most `max_bytes` (413 above it, counted as they arrive, so a lying or
missing Content-Length changes nothing), from a page that says who it is in `X-Participant`
(400 without it). A POST is checked whole - code, participant, body, fields - before it is counted
against the rate limits, so a refused request costs no allowance. The page, its script and its
style sheet are static files from resources/live/: the server never puts user text into HTML, and
every answer carries a strict Content-Security-Policy, so a name or text full of markup stays text.
"""

from __future__ import annotations

import hmac
import json
import math
import traceback
from collections.abc import Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from resonanz.core.live.limits import PARTICIPANT_ID, RateLimiter
from resonanz.core.live.room import Room, RoundInputError

__all__ = ["CSP", "make_app"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store", "X-Frame-Options": "DENY", "Cross-Origin-Resource-Policy": "same-origin",
}
ASSETS = {"": ("page.html", "text/html; charset=utf-8"), "page.js": ("page.js", "text/javascript; charset=utf-8"),
          "page.css": ("page.css", "text/css; charset=utf-8")}


class Refused(Exception):
    """A request answered with `status`, a stable `code` and one English line; never stored."""

    def __init__(self, status: int, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retry_after = status, code, message, retry_after


def _error(status: int, code: str, message: str, retry_after: float | None = None) -> JSONResponse:
    """`{"error": one English line, "code": a word from the table in docs/LIVE_ROUNDS.md}`: scripts read the
    line, the page shows its own line for the code in its own language."""
    headers = dict(HEADERS)
    if retry_after is not None:
        headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
    return JSONResponse({"error": message, "code": code}, status_code=status, headers=headers)


def _asset(name: str) -> bytes:
    return resources.files("resonanz.resources.live").joinpath(name).read_bytes()


def make_app(room: Room) -> Starlette:
    """The round's app: the participant page and the API, over `room`."""
    limiter = RateLimiter(room.limits)
    assets = {key: (_asset(name), media) for key, (name, media) in ASSETS.items()}

    def check_code(request: Request) -> None:
        given = str(request.path_params.get("code", "")).upper()
        if not hmac.compare_digest(given.encode("ascii", "replace"), room.code.encode("ascii")):
            raise Refused(403, "bad_code", "this join code is not valid: check it, or the round has closed")
        if not room.open:
            raise Refused(403, "closed", "this round has closed: nothing more can be submitted")

    def participant_of(request: Request, required: bool) -> str | None:
        pid = request.headers.get("x-participant")
        if pid is None and not required:
            return None
        if pid is None or not PARTICIPANT_ID.fullmatch(pid):
            raise Refused(400, "bad_participant", "the X-Participant header is missing or malformed (16-64 of A-Z a-z 0-9 _ -)")
        return pid

    def admit(pid: str | None, kind: str) -> None:
        wait, why, code = limiter.admit(pid, kind)
        if wait:
            raise Refused(429, code, why, wait)
        if pid is not None:
            room.seen(pid)

    async def json_body(request: Request) -> dict[str, Any]:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise Refused(415, "media_type", "send the body as JSON (Content-Type: application/json)")
        limit = room.limits.max_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise Refused(413, "too_large", f"the request is larger than {limit:,} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise Refused(413, "too_large", f"the request is larger than {limit:,} bytes")
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "bad_json", "the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise Refused(400, "not_object", "the body must be a JSON object")
        return data

    def field(data: dict[str, Any], name: str) -> Any:
        if name not in data:
            raise Refused(400, "missing_field", f"the field '{name}' is missing")
        return data[name]

    def handled(endpoint):
        async def run(request: Request) -> Response:
            try:
                return await endpoint(request)
            except Refused as exc:
                return _error(exc.status, exc.code, exc.message, exc.retry_after)
            except RoundInputError as exc:
                return _error(400, exc.code, str(exc))
            except Exception as exc:  # noqa: BLE001 - one line for the page, the whole story on stderr
                traceback.print_exc()
                return _error(500, "server_error", f"the round's server failed on this request ({type(exc).__name__}); it goes on running")
        return run

    @handled
    async def join(request: Request) -> Response:
        """The address on the join card; the page lives one slash further, so its relative links resolve."""
        check_code(request)
        return RedirectResponse(f"/j/{room.code}/", status_code=308, headers=HEADERS)

    @handled
    async def page(request: Request) -> Response:
        check_code(request)
        found = assets.get(request.path_params.get("asset", ""))
        if found is None:
            raise Refused(404, "not_found", "there is nothing at this address")
        body, media = found
        return Response(body, media_type=media, headers=HEADERS)

    @handled
    async def describe(request: Request) -> Response:
        check_code(request)
        admit(participant_of(request, required=False), "page")
        return JSONResponse(room.describe(), headers=HEADERS)

    def post_endpoint(kind: str, validate: Callable[[dict[str, Any]], tuple], handle: Callable[..., dict[str, Any]],
                      status: int = 200):
        """A POST of the API. Everything that can refuse the request - the code (403 first), who asks, the
        body and every field `validate(data)` checks - comes before the allowance is taken, so a refused
        request costs none; then `handle(pid, *validate(data))` answers."""
        @handled
        async def endpoint(request: Request) -> Response:
            check_code(request)
            pid = participant_of(request, required=True)
            checked = validate(await json_body(request))
            admit(pid, kind)
            return JSONResponse(handle(pid, *checked), status_code=status, headers=HEADERS)
        return endpoint

    analyze = post_endpoint("analyze", lambda data: room.check_analyze(field(data, "text"), data.get("language", "auto")),
                            lambda pid, text, language: room.analyze(text, language))
    submit = post_endpoint("submit", lambda data: room.check_submit(field(data, "name"), field(data, "text")),
                           room.submit, status=201)

    async def http_error(request: Request, exc: HTTPException) -> Response:
        what = {404: ("not_found", "there is nothing at this address"), 405: ("method", f"{request.method} is not allowed here")}
        code, line = what.get(exc.status_code, ("http_error", str(exc.detail)))
        return _error(exc.status_code, code, line)

    routes = [
        Route("/j/{code}", join, methods=["GET"]),
        Route("/j/{code}/", page, methods=["GET"]),
        Route("/j/{code}/{asset:str}", page, methods=["GET"]),
        Route("/api/{code}/round", describe, methods=["GET"]),
        Route("/api/{code}/analyze", analyze, methods=["POST"]),
        Route("/api/{code}/submit", submit, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error})
    app.state.limiter = limiter
    return app
