"""Read a page's past posts from a platform export: `read_posts(path, mapping=None)`.

Recognised without help, by structure and header (see `layouts` for the columns):

- meta      CSV whose header has Post ID, Permalink and Publish time (Meta Business Suite);
- linkedin  .xlsx (sheet "All posts", header on row 2) or CSV with Post title, Post link, Created date;
- x         CSV with Tweet id, Tweet text, time (tweet activity) or Post id, Post text, Date;
- mastodon  JSON with "orderedItems" (outbox.json, or the archive's .zip holding it): no counts;
- bluesky   JSON of app.bsky.feed.post records (a list, {"records": …}, {"feed": …}).

Any other CSV/XLSX needs a `mapping` of Resonanz fields to its columns ({"text": "Message",
"shares": "Shares"}): format "mapped". A mapping, when given, wins over recognition.

Counts: reposts/retweets/boosts are "shares", likes/reactions/favourites "reactions", replies
"comments", link/url clicks "clicks", impressions (else views, else reach) "impressions". An
empty or "-" cell is a missing count, not 0; a row without text, or with more cells than the
header, is skipped with its line and reason. Only what makes the whole file unreadable (not
UTF-8, not a table, empty, unknown layout) raises AuditInputError, with one line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from resonanz.core.audit.jsonposts import bluesky_items, bluesky_posts, load_json, looks_like_mastodon, mastodon_posts
from resonanz.core.audit.layouts import likeliest_header, plan_for
from resonanz.core.audit.model import AuditInputError, ImportResult, PostRecord
from resonanz.core.audit.tables import Row, csv_rows, decode_utf8, workbook_rows
from resonanz.core.audit.values import parse_count, parse_date, slash_day_first
from resonanz.core.fileio import refuse_database_file

__all__ = ["FORMAT_NOTES", "header_columns", "read_posts"]

#: What a format cannot tell, for the audit and the CLI to say next to the results.
FORMAT_NOTES: dict[str, str] = {
    "mastodon": "Mastodon's archive holds no counts (no favourites, boosts or replies): the texts can be scored, but not what travelled.",
}

_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_posts(path: str | Path, *, mapping: Mapping[str, str] | None = None) -> ImportResult:
    """The posts of one export file (see the module docstring). Raises AuditInputError."""
    kind, content, name = _load(Path(path))
    if kind == "json":
        return _json(content, name, Path(path).name, mapping)
    return _table(content, name, mapping)


def header_columns(path: str | Path) -> list[str]:
    """The column names of a CSV or Excel export (its likeliest header row, as the error for an
    unknown layout names them), for a column mapping; [] for a JSON export, which has no columns.
    Raises AuditInputError as `read_posts` does."""
    kind, content, _name = _load(Path(path))
    if kind == "json":
        return []
    return [str(c).strip() for c in likeliest_header(content) if c is not None and str(c).strip()]


def _load(path: Path) -> tuple[str, Any, str]:
    """("json", its text, name) or ("table", its rows, name) of one export file: the one place that
    tells a workbook, a Mastodon archive, JSON and CSV apart. Raises AuditInputError."""
    name = path.name
    refuse_database_file(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise AuditInputError(f"{path} is a folder, not an export file") from None
    except OSError as exc:
        raise AuditInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise AuditInputError(f"{name} is empty")
    if data.startswith(_ZIP):
        outbox = _zipped_outbox(data)
        if outbox is None:
            return "table", workbook_rows(data, name), name
        data, name = outbox, f"{name}:outbox.json"
    elif data.startswith(_OLE2):
        raise AuditInputError(f"{name} is an old Excel .xls workbook, which Resonanz cannot read: open it and save it as .xlsx or CSV")
    elif b"\x00" in data[:65536]:
        raise AuditInputError(f"{name} is a binary file, not a CSV, Excel or JSON export")
    text = decode_utf8(data, name)
    if text.lstrip()[:1] in ("{", "["):
        return "json", text, name
    return "table", csv_rows(text, name), name


def _zipped_outbox(data: bytes) -> bytes | None:
    """outbox.json from a Mastodon archive (.zip); None for any other zip (an .xlsx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = next((n for n in archive.namelist() if n.rsplit("/", 1)[-1] == "outbox.json"), None)
            return archive.read(member) if member else None
    except (zipfile.BadZipFile, OSError, EOFError):
        return None  # the workbook reader says what is wrong with it


def _json(text: str, name: str, source: str, mapping: Mapping[str, str] | None) -> ImportResult:
    if mapping:
        raise AuditInputError(f"{name}: --map is for CSV and Excel files; a JSON export is read as Mastodon's outbox.json or Bluesky's post records")
    doc = load_json(text, name)
    if looks_like_mastodon(doc):
        posts, skipped, columns = mastodon_posts(doc, name)
        fmt = "mastodon"
    elif (items := bluesky_items(doc)) is not None:
        posts, skipped, columns = bluesky_posts(items, name)
        fmt = "bluesky"
    else:
        raise AuditInputError(f"{name}: JSON that is neither a Mastodon outbox.json (orderedItems) nor Bluesky post records (app.bsky.feed.post)")
    return ImportResult(source, fmt, tuple(posts), tuple(skipped), columns)


def _table(rows: list[Row], name: str, mapping: Mapping[str, str] | None) -> ImportResult:
    plan = plan_for(rows, name, mapping or None)
    width = len(plan.header)
    read: list[tuple[int, str, object, dict[str, int]]] = []
    skipped: list[tuple[int, str]] = []
    for line, cells in rows[plan.header_at + 1 :]:
        if all(_blank(c) for c in cells):
            continue  # blank lines between records are not posts
        if any(not _blank(c) for c in cells[width:]):
            skipped.append((line, f"the row has {len(cells)} fields but the header has {width}"))
            continue
        text = next((t for t in (_text(_cell(cells, i)) for i in plan.text) if t), None)
        if text is None:
            skipped.append((line, f"no text in column '{plan.columns['text']}'"))
            continue
        counts = {f: n for f, i in plan.counts.items() if (n := parse_count(_cell(cells, i))) is not None}
        read.append((line, text, _cell(cells, plan.date) if plan.date is not None else None, counts))
    day_first = slash_day_first(r[2] for r in read)
    posts = tuple(PostRecord(line, text, parse_date(raw, day_first=day_first), counts) for line, text, raw, counts in read)
    return ImportResult(name, plan.format, posts, tuple(skipped), dict(plan.columns))


def _cell(cells: list[object], i: int) -> object:
    return cells[i] if i < len(cells) else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None

