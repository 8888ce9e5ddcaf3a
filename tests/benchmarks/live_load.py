"""Load for a live round (issue 14): N simulated participants typing, each sending one analysis every
`interval` seconds for `seconds` seconds, to a `round serve` on loopback. Bounded in count and time.

Run as a separate process (so its threads never compete with the editor for the GIL):
    python live_load.py http://127.0.0.1:PORT/j/CODE --participants 30 --interval 0.3 --seconds 60
prints one JSON line: requests, errors (non-200 or failed), latency p50/p95/p99/max in ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

# What the simulated participants type: written for this benchmark, one growing draft each.
DRAFTS = (
    "Was macht für Sie einen guten Vereinsabend aus? Wir planen den nächsten Termin im Frühjahr und "
    "möchten vorher wissen, was Ihnen wichtig ist: Musik, Essen, Zeit zum Reden? Schreiben Sie uns "
    "in die Kommentare und markieren Sie jemanden, der dieses Jahr zum ersten Mal dabei sein sollte. ",
    "Our library now lends tools as well as books. Which tool would you borrow first, and what would "
    "you build with it? Tell us below, and tag a neighbour who has been waiting for a drill. We read "
    "every answer and will add the most wanted tools before the summer. ",
    "Wir freuen uns sehr, Ihnen heute unser neues, einzigartiges Angebot vorzustellen! Jetzt anmelden "
    "und profitieren. Mehr Informationen finden Sie auf unserer Website. Wir sind stolz auf unser Team. ",
)


def participant(n: int, base: str, code: str, interval: float, until: float, out: list, lock: threading.Lock) -> None:
    host, port = BASE
    conn = http.client.HTTPConnection(host, port, timeout=10)
    headers = {"Content-Type": "application/json", "X-Participant": f"load{n:04d}" + "x" * 24}
    draft = DRAFTS[n % len(DRAFTS)] * 8
    typed, latencies, errors = 40 + 7 * n, [], 0
    next_at = time.monotonic() + (n * interval / 30)  # staggered like a real room
    while True:
        now = time.monotonic()
        if now >= until or len(latencies) + errors >= 10_000:
            break
        if next_at > now:
            time.sleep(next_at - now)
        next_at += interval
        typed = min(len(draft), typed + 3)  # ~10 characters a second
        body = json.dumps({"text": draft[:typed], "language": "auto"})
        t0 = time.perf_counter()
        try:
            conn.request("POST", f"/api/{code}/analyze", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            ok = resp.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=10)
        if ok:
            latencies.append((time.perf_counter() - t0) * 1000)
        else:
            errors += 1
    conn.close()
    with lock:
        out.append((latencies, errors))


def main(argv: list[str] | None = None) -> int:
    global BASE
    a = argparse.ArgumentParser()
    a.add_argument("url")
    a.add_argument("--participants", type=int, default=30)
    a.add_argument("--interval", type=float, default=0.3)
    a.add_argument("--seconds", type=float, default=60.0)
    args = a.parse_args(argv)
    parts = urlsplit(args.url)
    assert parts.hostname in ("127.0.0.1", "::1", "localhost"), "loopback only"
    BASE = (parts.hostname, parts.port)
    code = parts.path.rstrip("/").rsplit("/", 1)[1]
    until = time.monotonic() + min(args.seconds, 300.0)
    out: list = []
    lock = threading.Lock()
    threads = [threading.Thread(target=participant, args=(n, "", code, args.interval, until, out, lock), daemon=True)
               for n in range(min(args.participants, 200))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.seconds + 30)
    lat = sorted(x for latencies, _ in out for x in latencies)
    errors = sum(e for _, e in out)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [0.0] * 99
    print(json.dumps({"participants": len(threads), "requests": len(lat) + errors, "errors": errors,
                      "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
                      "max_ms": round(lat[-1], 1) if lat else None, "seconds": args.seconds}), flush=True)
    return 0


BASE: tuple[str, int] = ("127.0.0.1", 0)

if __name__ == "__main__":
    sys.exit(main())
