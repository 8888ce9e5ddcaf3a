"""On-demand benchmark of the page audit (issue 13): `pytest tests/benchmarks/test_bench_audit.py --benchmarks`.

Targets on the 2-core reference machine: 10,000 posts ≤ 10 s and 100,000 posts ≤ 45 s end to end
(scoring in two worker processes, rates, percentiles, effects, advice, JSON), peak memory ≤ 500 MB.
Posts are built from the benchmark texts' sentences (no third-party text). Nothing here asserts a time.
"""

from __future__ import annotations

import resource

import pytest

from resonanz.core.audit.audit import run_audit
from resonanz.core.audit.model import PostRecord

from test_bench_engine import LONG, LONG_EN, POST


def synthetic_posts(n: int) -> list[PostRecord]:
    sentences = [s.strip() for s in (POST + " " + LONG + " " + LONG_EN).replace("\n", " ").split(". ") if s.strip()]
    posts = []
    for i in range(n):
        k = 2 + i % 5
        text = ". ".join(sentences[(i * 7 + j) % len(sentences)] for j in range(k)) + (" Was meinen Sie?" if i % 3 == 0 else ".")
        counts = {"comments": (i * 7) % 23, "shares": (i * 5) % 13, "reactions": 1 + (i * 11) % 97}
        posts.append(PostRecord(i + 2, text, f"{2024 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}", counts))
    return posts


def _audit_to_json(posts: list[PostRecord]) -> int:
    """The audit and its JSON as `resonanz audit --format json` writes it (streamed, post by post)."""
    from resonanz.core.audit.render import json_chunks

    return sum(len(chunk) for chunk in json_chunks(run_audit(posts, platform="facebook")))


@pytest.mark.parametrize("n", [10_000, 100_000])
def test_audit_end_to_end(benchmark, n: int) -> None:
    posts = synthetic_posts(n)
    benchmark.group = "audit"
    size = benchmark.pedantic(_audit_to_json, args=(posts,), rounds=1, iterations=1)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    benchmark.extra_info.update({"peak_mb": round(peak_mb), "worker_peak_mb": round(children_mb), "json_chars": size})
    print(f"\naudit of {n:,} posts: peak {peak_mb:.0f} MB (largest worker {children_mb:.0f} MB)")
    assert size > n
