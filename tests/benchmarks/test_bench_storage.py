"""On-demand storage benchmarks: `pytest tests/benchmarks/test_bench_storage.py --benchmarks -s`.

Builds one database with 100,000 drafts and 500,000 scored revisions (bulk insert in one
transaction through the real schema, FTS triggers included), then measures what the editor does
all the time. Targets (issue #4): first page of the draft list and a full-text search ≤ 100 ms,
one autosave ≤ 5 ms. Like the other benchmarks, nothing here asserts a time: the figures are
printed (with -s) and go into the README.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from resonanz.core.storage.backup import backup, check
from resonanz.core.storage.store import Store

DRAFTS = 100_000
REVISIONS_PER_DRAFT = 5  # 500,000 revisions
TARGET_MS = {"list": 100.0, "search": 100.0, "autosave": 5.0}

SENTENCES = [
    "Heute haben wir im Team über die neue Werkstatt gesprochen.",
    "Unsere Lastenräder sind ab sofort auch am Wochenende auszuleihen.",
    "Was würdet ihr als Erstes damit transportieren?",
    "Die Füchsin aus dem Stadtpark hat wieder Junge bekommen.",
    "Wir suchen Freiwillige für das Sommerfest an der Straße.",
    "Danke an alle, die beim Aufräumen geholfen haben!",
    "Our bakery opened a second shop on Main Street today.",
    "Which bread should we bake for the opening weekend?",
    "Wir sind stolz auf unser Team und die vielen Ideen.",
    "Schreibt uns in die Kommentare, was euch gefehlt hat.",
    "The volunteers planted forty trees along the river.",
    "Am Donnerstag gibt es eine offene Sprechstunde im Vereinsheim.",
]
RARE = ["Igel", "Eichhörnchen", "Zugvögel", "Kastanien", "Mühle", "Flohmarkt", "Bienenstock", "Regenrinne", "Hängematte", "Schneeglöckchen"]


def _text(rng: random.Random, i: int, n: int) -> str:
    words = [SENTENCES[(i * 7 + k * 3 + rng.randrange(5)) % len(SENTENCES)] for k in range(n)]
    if i % 100 == 7:  # 1 % of the drafts mention one of the rare words
        words.insert(1, f"Heute im Garten: {RARE[(i // 100) % len(RARE)]}.")
    return " ".join(words) + f" #{i % 997}"


def _build(path: Path) -> dict[str, float]:
    rng = random.Random(42)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    findings = json.dumps(
        [
            {"rule": "D1", "kind": "monologue", "dimension": "dialogue", "severity": "warning", "start": None, "end": None, "spans": [], "message": "Der Post stellt keine Frage.", "suggestion": "Frag nach Erfahrungen.", "why": "Fragen laden ein.", "source": "de Vries 2012", "points": -15},
            {"rule": "C2", "kind": "long", "dimension": "clarity", "severity": "suggestion", "start": 0, "end": 40, "spans": [[0, 40]], "message": "Langer Satz.", "suggestion": "Teilen.", "why": "Kurz liest sich leichter.", "source": "Amstad 1978", "points": -5},
        ],
        ensure_ascii=False,
    )
    t0 = time.perf_counter()
    with Store(path) as store:
        conn = store.connection
        conn.execute("BEGIN IMMEDIATE")
        drafts = []
        for i in range(1, DRAFTS + 1):
            ts = (base + timedelta(minutes=10 * i + rng.randrange(-30, 30))).isoformat(timespec="microseconds")
            drafts.append((i, f"Post {i}: {SENTENCES[i % len(SENTENCES)][:30]}", _text(rng, i, 4 + i % 5), "de" if i % 4 else "en", "linkedin", ts, ts, ts if i % 50 == 0 else None))
        conn.executemany(
            "INSERT INTO drafts (id, title, text, language, platform, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", drafts
        )
        t_drafts = time.perf_counter() - t0

        def revisions():
            for d_id, _title, text, lang, _p, ts, _u, _del in drafts:
                for k in range(REVISIONS_PER_DRAFT):
                    scores = json.dumps({"dialogue": (d_id + 13 * k) % 101, "shareability": (d_id * 3 + k) % 101, "clarity": 60 + k * 5, "platform_fit": 90})
                    yield (d_id, f"v{k + 1}", text[: 120 + 40 * k], ts, lang, "linkedin", scores, findings, "0.1.0")

        conn.executemany(
            "INSERT INTO revisions (draft_id, label, text, created_at, language, platform, scores_json, findings_json, engine_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            revisions(),
        )
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    total = time.perf_counter() - t0
    return {"drafts_s": t_drafts, "total_s": total, "size_mb": path.stat().st_size / 1e6}


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench-db") / "resonanz.db"
    info = _build(path)
    print(
        f"\n[storage] built {DRAFTS:,} drafts + {DRAFTS * REVISIONS_PER_DRAFT:,} revisions in {info['total_s']:.1f} s "
        f"(drafts incl. FTS {info['drafts_s']:.1f} s), file {info['size_mb']:.0f} MB"
    )
    return path


@pytest.fixture()
def store(big_db: Path):
    with Store(big_db) as s:
        yield s


def _report(name: str, benchmark, target: str) -> None:
    stats = benchmark.stats.stats
    data = sorted(stats.data)
    median_ms, p95_ms, max_ms = stats.median * 1000, data[int(0.95 * (len(data) - 1))] * 1000, stats.max * 1000
    verdict = "ok" if median_ms <= TARGET_MS[target] else "OVER TARGET"
    print(f"\n[storage] {name}: median {median_ms:.2f} ms, p95 {p95_ms:.2f} ms, max {max_ms:.2f} ms (target ≤ {TARGET_MS[target]:g} ms: {verdict})")


def test_open(big_db: Path) -> None:
    """Opening checks every page with PRAGMA quick_check (issue 18): what that costs at start."""
    for label, kwargs in (("with quick_check (the default)", {}), ("without quick_check", {"check": False}), ("read-only, as `resonanz report`", {"readonly": True})):
        times = []
        for _ in range(5):
            t = time.perf_counter()
            Store(big_db, **kwargs).close()
            times.append(time.perf_counter() - t)
        print(f"\n[storage] Store() open+close on the big file, {label}: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


def test_list_first_page(benchmark, store: Store) -> None:
    benchmark.group = "storage"
    page = benchmark(store.list_drafts)
    assert len(page) == 200 and page[0].updated_at >= page[-1].updated_at
    _report("list_drafts() first page (200)", benchmark, "list")


def test_list_deep_page(benchmark, store: Store) -> None:
    benchmark.group = "storage"
    page = benchmark(store.list_drafts, offset=50_000)
    assert len(page) == 200
    _report("list_drafts(offset=50,000)", benchmark, "list")


@pytest.mark.parametrize(
    "query,label",
    [
        ("eichhornchen", "rare word (0.1 % of drafts), typed without umlaut"),
        ("muhle garten", "two words, one rare"),
        ("zebra", "no hit at all"),
        ("füchsin", "common word (~45 %)"),
        ("lastenrad", "common prefix (~45 %)"),
        ("team ideen stolz", "three common words"),
    ],
)
def test_search(benchmark, store: Store, query: str, label: str) -> None:
    benchmark.group = "storage-search"
    hits = benchmark(store.list_drafts, query)
    assert bool(hits) == (query != "zebra")
    _report(f"list_drafts({query!r}) - {label} - {len(hits)} shown", benchmark, "search")


def test_autosave(benchmark, store: Store) -> None:
    benchmark.group = "storage"
    base = _text(random.Random(1), 12345, 80)[:3000]
    counter = iter(range(10**9))

    def save() -> None:
        store.autosave(50_000, f"{next(counter)} {base}")

    benchmark.pedantic(save, rounds=300, iterations=1, warmup_rounds=10)
    assert store.get_draft(50_000).text.endswith(base)
    _report(f"autosave() of {len(base):,} characters (synchronous=FULL, FTS trigger)", benchmark, "autosave")


def test_revisions_of_one_draft(benchmark, store: Store) -> None:
    benchmark.group = "storage"
    revs = benchmark(store.revisions, 77_777)
    assert len(revs) == REVISIONS_PER_DRAFT
    print(f"\n[storage] revisions(draft) with {len(revs)} scored revisions: median {benchmark.stats.stats.median * 1000:.2f} ms")


def test_backup_and_check(big_db: Path, tmp_path: Path) -> None:
    with Store(big_db) as s:
        t = time.perf_counter()
        out = backup(s, tmp_path / "copy.db")
        t_backup = time.perf_counter() - t
    t = time.perf_counter()
    problems = check(big_db)
    t_check = time.perf_counter() - t
    assert problems == []
    print(f"\n[storage] backup() incl. quick_check of the copy: {t_backup:.1f} s ({out.stat().st_size / 1e6:.0f} MB); check(): {t_check:.1f} s")
