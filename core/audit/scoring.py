"""Score a page's posts with the engine: one `analyze` call per post, streamed, in worker processes
for large inputs.

Only what the audit needs travels back from a worker: the language, whether the post was judged,
its four scores and its signal counts (`Scored`), never the findings (the few posts a report shows
are analysed again for those). Each worker loads the rule packs once (the engine caches them per
process) and scores chunks of posts; the main process hands out chunks as workers finish, so
`progress` moves evenly and `cancel` is checked between chunks.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.model import DIMENSIONS


class AuditCancelled(Exception):
    """`cancel()` returned True: the audit stopped between two chunks; nothing was produced."""


@dataclass(frozen=True)
class Scored:
    """What the engine said about one post, in the compact form the audit keeps."""

    language: str
    judged: bool
    scores: tuple[int, ...] = ()  # in DIMENSIONS order; () when not judged
    signals: dict[str, int] = field(default_factory=dict)  # the rules that fired, with their counts (0s left out: smaller to send back)

    def score(self, dimension: str) -> int | None:
        return self.scores[DIMENSIONS.index(dimension)] if self.scores else None


def score_one(text: str, language: str, platform: str, rules_dir: Path | None | bool) -> Scored:
    """One engine call; a text the engine refuses (ValueError) counts as not judged."""
    try:
        r = analyze(text, language=language, platform=platform, rules_dir=rules_dir)
    except (ValueError, RecursionError):
        return Scored("", False)
    if not r.judged:
        return Scored(r.language, False)
    return Scored(r.language, True, tuple(r.scores[d].value for d in DIMENSIONS), {k: v for k, v in r.signal_counts.items() if v})


def _score_chunk(texts: list[str], language: str, platform: str, rules_dir: Path | None | bool) -> list[Scored]:
    """A worker's job: score a chunk of texts (module level so a process pool can pickle it)."""
    return [score_one(t, language, platform, rules_dir) for t in texts]


def score_posts(
    texts: Sequence[str],
    *,
    platform: str,
    language: str = "auto",
    rules_dir: Path | None | bool = None,
    workers: int | None = None,
    pool_from: int = 2000,
    chunk: int = 250,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Scored]:
    """Score every text, in order. `workers`: None = both cores (os.cpu_count, at most 2) from
    `pool_from` posts on, 1 = in this process; `progress(done, total)` after each chunk;
    `cancel()` True stops between chunks with AuditCancelled."""
    total = len(texts)
    n_workers = workers if workers is not None else (min(2, os.cpu_count() or 1) if total >= pool_from else 1)
    if progress:
        progress(0, total)
    if n_workers <= 1 or total < 2 * chunk:
        return _in_process(texts, language, platform, rules_dir, chunk, progress, cancel)
    return _in_pool(texts, language, platform, rules_dir, n_workers, chunk, progress, cancel)


def _chunks(total: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(0, total, size):
        yield start, min(total, start + size)


def _in_process(texts, language, platform, rules_dir, chunk, progress, cancel) -> list[Scored]:
    out: list[Scored] = []
    for start, end in _chunks(len(texts), chunk):
        if cancel and cancel():
            raise AuditCancelled()
        out.extend(_score_chunk(list(texts[start:end]), language, platform, rules_dir))
        if progress:
            progress(end, len(texts))
    return out


def _in_pool(texts, language, platform, rules_dir, n_workers, chunk, progress, cancel) -> list[Scored]:
    total = len(texts)
    parts: dict[int, list[Scored]] = {}
    pending = iter(_chunks(total, chunk))
    done = 0
    # fork copies every thread's locks mid-use: from a program with threads (the desktop editor
    # runs the audit on a QThread) the workers start from a clean fork server instead
    context = None if threading.active_count() == 1 else multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=context) as pool:
        running: dict[Future, int] = {}
        try:
            for _ in range(2 * n_workers):  # keep every worker busy, but never queue the whole input
                _submit(pool, running, pending, texts, language, platform, rules_dir)
            while running:
                finished, _rest = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    start = running.pop(fut)
                    parts[start] = fut.result()
                    done += len(parts[start])
                if cancel and cancel():
                    raise AuditCancelled()
                if progress:
                    progress(done, total)
                for _ in finished:
                    _submit(pool, running, pending, texts, language, platform, rules_dir)
        except BaseException:
            for fut in running:
                fut.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return [s for start in sorted(parts) for s in parts[start]]


def _submit(pool, running, pending, texts, language, platform, rules_dir) -> None:
    nxt = next(pending, None)
    if nxt is not None:
        start, end = nxt
        running[pool.submit(_score_chunk, list(texts[start:end]), language, platform, rules_dir)] = start
