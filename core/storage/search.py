"""Search: what a user types in a search box -> an FTS5 query, and the draft list's search SQL.

Owns `fts_query` with the German alternative spellings it searches for (ß/ss, ä/ae, ö/oe, ü/ue)
and `draft_search`, the query `Store.list_drafts` runs. Pure functions that build SQL text but
run none; imports the `regex` package and `records` (column lists).
"""

from __future__ import annotations

from typing import Any

import regex

from resonanz.core.storage.records import _SUMMARY_COLS

__all__ = ["draft_search", "fts_query"]

_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_TO_DIGRAPH = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _spellings(word: str) -> list[str]:
    """A word and its German alternative spellings: ß/ss and ä/ae, ö/oe, ü/ue (diacritics alone FTS5 folds itself)."""
    w = word.lower()
    out = [w, w.replace("ß", "ss"), w.replace("ss", "ß"), w.translate(_TO_DIGRAPH)]
    out.append(w.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü"))
    return list(dict.fromkeys(out))


def fts_query(text: str) -> str:
    """User input -> an FTS5 query: every word a prefix match in any German spelling, all words required, no operators."""
    groups = []
    for word in _WORD.findall(text):
        alternatives = " OR ".join(f'"{w}"*' for w in _spellings(word))
        groups.append(f"({alternatives})")
    return " AND ".join(groups)


def draft_search(query: str, include_deleted: bool, limit: int, offset: int) -> tuple[str, tuple[Any, ...]]:
    """(sql, args) listing drafts newest first; `query` searches titles and texts (prefixes, umlaut-insensitive)."""
    match = fts_query(query)
    # Walk the recency index newest first and keep the rows the FTS match set contains, so a
    # word found in half of 100,000 drafts costs no more than a rare one (no sort, no 50,000
    # row lookups): measured ~10-15 ms either way (tests/benchmarks/test_bench_storage.py).
    index, live = ("drafts_all", "") if include_deleted else ("drafts_live", "AND d.deleted_at IS NULL")
    if match:
        sql = (
            f"SELECT {_SUMMARY_COLS} FROM drafts d INDEXED BY {index}"
            f" WHERE d.id IN (SELECT rowid FROM drafts_fts WHERE drafts_fts MATCH ?) {live}"
            " ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?"
        )
        args: tuple[Any, ...] = (match, limit, offset)
    else:
        sql = f"SELECT {_SUMMARY_COLS} FROM drafts d INDEXED BY {index} WHERE 1 {live} ORDER BY d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?"
        args = (limit, offset)
    return sql, args
