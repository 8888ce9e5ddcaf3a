"""An export file's bytes as numbered rows: CSV (any of , ; tab) or an Excel workbook.

The hostile-file rules are those of `resonanz.core.cli.batch` (which audit may not import: cli
sits above audit), applied to a file read whole: invalid UTF-8 is an AuditInputError with its
byte offset and line (no silent cp1252 guess: a wrong guess would change the posts' words), a
UTF-8 BOM is dropped, only the delimiter is sniffed (Excel's quoting otherwise), a quoted cell
that is never closed or runs over `MAX_RECORD_LINES` lines is refused, and cells may be as large
as the platform's limit (a 50 MB post does not crash the reader).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from resonanz.core.audit.model import AuditInputError
from resonanz.core.fileio import RecordLines, sniff_delimiter

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
#: A record (one row, quoted cells may hold line breaks) spanning more lines is a missing closing quote.
MAX_RECORD_LINES = 1000
#: LinkedIn's sheet of posts (the workbook's other sheets hold sponsored-content metrics).
LINKEDIN_SHEET = "All posts"

Row = tuple[int, list[object]]  # (line or sheet row number, 1-based; its cells)


def decode_utf8(data: bytes, name: str) -> str:
    """The text of a UTF-8 file (BOM dropped); AuditInputError with the offset of a bad byte."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start
        line = data.count(b"\n", 0, at) + 1
        raise AuditInputError(f"{name} is not valid UTF-8: byte 0x{data[at]:02x} at offset {at} (line {line}); save it as UTF-8") from None


def csv_rows(text: str, name: str) -> list[Row]:
    """Every non-blank record of a CSV text with the line it starts on."""
    sample = "".join(_head_lines(text, 20, 65536))
    dialect = type("Sniffed", (csv.excel,), {"delimiter": sniff_delimiter(sample)})
    lines = RecordLines(io.StringIO(text, newline=""))
    reader = csv.reader(lines, dialect)
    rows: list[Row] = []
    start, last, last_start = 1, [], 1
    try:
        for cells in reader:
            if reader.line_num - start + 1 > MAX_RECORD_LINES:
                raise AuditInputError(f"{name}:{start}: a quoted cell runs over more than {MAX_RECORD_LINES} lines: probably a missing closing quote")
            last, lines.current, last_start = lines.current, [], start
            if cells:
                rows.append((start, list(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise AuditInputError(f"{name}:{start}: cannot read the CSV: {exc}") from None
    if any('"' in line for line in last):  # only the last record can end inside a quote
        try:
            for _ in csv.reader(last, type("Strict", (dialect,), {"strict": True})):
                pass
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise AuditInputError(f"{name}:{last_start}: a quoted cell is never closed (a '\"' is missing); the rest of the file would become one cell") from None
    return rows


def _head_lines(text: str, count: int, limit: int) -> Iterator[str]:
    pos = 0
    for _ in range(count):
        if pos >= min(len(text), limit):
            return
        end = text.find("\n", pos, limit)
        end = min(len(text), limit) if end < 0 else end + 1
        yield text[pos:end]
        pos = end


def workbook_rows(data: bytes, name: str) -> list[Row]:
    """The rows of an .xlsx workbook's sheet of posts: LinkedIn's "All posts" if it has one,
    else its first sheet. Cells keep their types (numbers, datetimes); numbering is Excel's."""
    import openpyxl  # only a workbook needs it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile, XML and openpyxl errors alike: one line
        raise AuditInputError(f"{name} is not a readable Excel workbook: {' '.join(str(exc).split()) or type(exc).__name__}") from None
    try:
        names = book.sheetnames
        if not names:
            raise AuditInputError(f"{name} has no sheets")
        sheet = book[LINKEDIN_SHEET] if LINKEDIN_SHEET in names else book[names[0]]
        rows: list[Row] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            cells = list(values)
            while cells and (cells[-1] is None or cells[-1] == ""):
                cells.pop()
            if cells:
                rows.append((number, cells))
        return rows
    finally:
        book.close()
