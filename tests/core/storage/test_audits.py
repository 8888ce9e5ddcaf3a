"""Stored page audits (schema 4): saved as computed, listed newest first, linked to a session, deleted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from resonanz.core.storage.migrations import migrate
from resonanz.core.storage.store import NotFoundError, Store

RESULT = {"n_posts": 3, "n_skipped": 1, "posts": [{"row": 2, "text": "Was pflanzt ihr im März?", "group": "travelled"}], "effects": []}


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "resonanz.db") as s:
        yield s


def test_an_audit_is_kept_as_it_was_computed(store: Store) -> None:
    audit_id = store.audits.save(RESULT, title="Gärtnerei Q1", source="meta.csv", format="meta", platform="facebook", language="de")
    rec = store.audits.get(audit_id)
    assert (rec.title, rec.source, rec.format, rec.platform, rec.language, rec.n_posts, rec.session_id) == ("Gärtnerei Q1", "meta.csv", "meta", "facebook", "de", 3, None)
    assert store.audits.result(audit_id) == RESULT
    assert rec.engine_version


def test_audits_list_newest_first_and_by_session(store: Store) -> None:
    sid = store.create_session("individual", "Kaya", "2026-12-05")
    first = store.audits.save(RESULT, title="alt")
    second = store.audits.save(RESULT, title="neu", session_id=sid)
    assert [a.id for a in store.audits.list()] == [second, first]
    assert [a.id for a in store.audits.list(session_id=sid)] == [second]
    with pytest.raises(NotFoundError, match="session 99 not found"):
        store.audits.save(RESULT, session_id=99)


def test_delete_and_missing_audits_name_the_id(store: Store) -> None:
    audit_id = store.audits.save(RESULT)
    store.audits.delete(audit_id)
    for call in (store.audits.get, store.audits.result, store.audits.delete):
        with pytest.raises(NotFoundError, match=f"audit {audit_id} not found"):
            call(audit_id)


def test_a_result_that_is_no_audit_is_refused_and_nothing_is_stored(store: Store) -> None:
    with pytest.raises(ValueError, match="n_posts"):
        store.audits.save({"posts": []})
    with pytest.raises(ValueError):
        store.audits.save({"n_posts": 1, "rho": float("nan")})  # JSON has no NaN: refused, not stored as text
    assert store.audits.list() == []


def test_a_read_only_store_refuses_to_save_an_audit(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    Store(path).close()
    with Store(path, readonly=True) as ro:
        with pytest.raises(Exception, match="read-only"):
            ro.audits.save(RESULT)


def test_schema_3_databases_get_the_audits_table(tmp_path: Path) -> None:
    path = tmp_path / "resonanz.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.close()
    with Store(path) as s:
        assert s.audits.list() == []
        s.audits.save(RESULT)


def test_a_large_audit_is_stored_compressed_and_read_back_as_computed(store: Store, tmp_path: Path) -> None:
    """A 100,000-post audit is about 100 MB of JSON: from 64 KiB it is kept zlib-compressed; small ones stay text."""
    big = {"n_posts": 3000, "n_skipped": 0, "effects": [],
           "posts": [{"row": i + 2, "text": f"Beitrag {i}: Was pflanzt ihr im März? 🌱", "group": None, "scores": {"dialogue": i % 100}} for i in range(3000)]}
    big_id, small_id = store.audits.save(big, title="groß"), store.audits.save(RESULT, title="klein")
    assert store.audits.result(big_id) == big and store.audits.result(small_id) == RESULT
    raw = sqlite3.connect(tmp_path / "resonanz.db")
    try:
        kinds = dict(raw.execute("SELECT title, typeof(result_json) FROM audits").fetchall())
        size = raw.execute("SELECT length(result_json) FROM audits WHERE id = ?", (big_id,)).fetchone()[0]
    finally:
        raw.close()
    assert kinds == {"groß": "blob", "klein": "text"}
    assert size < 200_000 / 4  # the JSON is over 200 KB; compressed, a fraction of it


def test_a_damaged_stored_audit_is_one_line_naming_it(store: Store, tmp_path: Path) -> None:
    from resonanz.core.storage.migrations import CorruptDatabaseError

    audit_id = store.audits.save(RESULT)
    raw = sqlite3.connect(tmp_path / "resonanz.db")
    try:
        raw.execute("UPDATE audits SET result_json = ? WHERE id = ?", (b"\x78\x9cnot zlib", audit_id))
        raw.commit()
    finally:
        raw.close()
    with pytest.raises(CorruptDatabaseError, match=f"audit {audit_id} is damaged"):
        store.audits.result(audit_id)
