"""Stored page audits (issue 13): `Store.audits` saves, lists, reads and deletes them.

An audit's result is kept as the JSON the audit produced (`Audit.to_dict()`), so a stored audit
shows what it showed then, even after the rules change (like a revision's findings). A result from
64 KiB is kept zlib-compressed (a BLOB in `result_json`; JSON compresses about tenfold, and a
100,000-post audit is about 100 MB of it); a smaller one stays readable text. Storage does not
import the audit package: it keeps and returns plain data. Imports the storage errors only.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any
import sqlite3

from resonanz.core.storage.migrations import CorruptDatabaseError, NotFoundError, now_utc

__all__ = ["AuditRecord", "AuditRecords"]

_COMPRESS_FROM = 64 * 1024  # characters of JSON from which a result is stored compressed
_COLS = "id, title, source, format, platform, language, session_id, n_posts, engine_version, created_at"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """A stored audit; `result` is its JSON (read lazily by `AuditRecords.result`)."""

    id: int
    title: str
    source: str
    format: str
    platform: str
    language: str
    session_id: int | None
    n_posts: int
    engine_version: str | None
    created_at: str


class AuditRecords:
    """The audits table, reached as `store.audits` (uses the Store's connection and transactions)."""

    def __init__(self, read: Callable[[], sqlite3.Connection], write: Callable[[], AbstractContextManager[sqlite3.Connection]]) -> None:
        self._read, self._write = read, write

    def save(self, result: Mapping[str, Any], *, title: str = "", source: str = "", format: str = "", platform: str = "",
             language: str = "auto", session_id: int | None = None) -> int:
        """Store one audit's result (its `to_dict()`); returns the new id."""
        from resonanz.core import __version__

        if not isinstance(result, Mapping) or not isinstance(result.get("n_posts"), int):
            raise ValueError("an audit result is a mapping with 'n_posts' (Audit.to_dict())")
        body: str | bytes = json.dumps(result, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        if len(body) >= _COMPRESS_FROM:
            body = zlib.compress(body.encode("utf-8"), 6)
        with self._write() as conn:
            if session_id is not None and conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                raise NotFoundError(f"session {session_id!r} not found")
            cur = conn.execute(
                "INSERT INTO audits (title, source, format, platform, language, session_id, n_posts, result_json, engine_version, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (title, source, format, platform, language, session_id, result["n_posts"], body, __version__, now_utc()),
            )
        return int(cur.lastrowid)

    def list(self, session_id: int | None = None) -> list[AuditRecord]:
        """Audits newest first (of one session, if given)."""
        where, args = ("WHERE session_id = ?", (session_id,)) if session_id is not None else ("", ())
        rows = self._read().execute(f"SELECT {_COLS} FROM audits {where} ORDER BY created_at DESC, id DESC", args)
        return [AuditRecord(*row) for row in rows]

    def get(self, audit_id: int) -> AuditRecord:
        row = self._read().execute(f"SELECT {_COLS} FROM audits WHERE id = ?", (audit_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"audit {audit_id!r} not found")
        return AuditRecord(*row)

    def result(self, audit_id: int) -> dict[str, Any]:
        """The audit's result as it was computed (the JSON of `Audit.to_dict()`)."""
        row = self._read().execute("SELECT result_json FROM audits WHERE id = ?", (audit_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"audit {audit_id!r} not found")
        stored = row[0]
        try:
            return json.loads(zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored)
        except (zlib.error, UnicodeDecodeError, ValueError) as exc:
            raise CorruptDatabaseError(f"audit {audit_id} is damaged in the database and cannot be read ({exc})") from None

    def delete(self, audit_id: int) -> None:
        with self._write() as conn:
            if conn.execute("DELETE FROM audits WHERE id = ?", (audit_id,)).rowcount == 0:
                raise NotFoundError(f"audit {audit_id!r} not found")
