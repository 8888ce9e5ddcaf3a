"""Score a CSV export of posts row by row, streaming, without ever writing a half-finished file.

Hostile input gets a one-line BatchError, never a silently altered output: invalid UTF-8 (with
its byte offset and line), a quoted cell that is never closed or swallows more than
`MAX_RECORD_LINES` lines. Every cell written goes through `resonanz.core.fileio.csv_safe_row`
(no cell a spreadsheet would run as a formula).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import secrets
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from resonanz.core import plural
from resonanz.core.cli.inputs import InputError, open_error
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.fileio import RecordLines, csv_safe_row, sniff_delimiter

# Large exports sometimes hold long posts or whole articles in one cell.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
#: A record (one row, quoted cells may hold line breaks) spanning more lines is a missing closing quote.
MAX_RECORD_LINES = 1000


class BatchError(ValueError):
    """The batch cannot start (unreadable file, missing column); nothing was written."""


@dataclass
class BatchReport:
    """What a batch run did: rows scored, rows skipped with their reasons."""

    scored: int = 0
    not_judged: int = 0  # rows written with empty score cells and reason "not_enough_text"
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, reason)


@contextmanager
def batch_refusals(out: object) -> Iterator[None]:
    """Turn what stops a batch run (BatchError, an unwritable or missing output folder) into
    the CLI's one-line InputError naming the file."""
    try:
        yield
    except BatchError as exc:
        raise InputError(str(exc)) from None
    except PermissionError as exc:
        raise InputError(f"cannot write {out}: permission denied") from exc
    except FileNotFoundError as exc:
        raise InputError(f"cannot write {out}: folder does not exist") from exc


def print_skipped(report: BatchReport, shown: int = 20) -> None:
    """Name the first `shown` skipped rows with their line numbers on stderr, then how many more."""
    for line_no, reason in report.skipped[:shown]:
        print(f"resonanz: skipped line {line_no}: {reason}", file=sys.stderr)
    if len(report.skipped) > shown:
        print(f"resonanz: … and {len(report.skipped) - shown} more skipped rows", file=sys.stderr)


def print_done(report: BatchReport, out: object) -> None:
    """The last line of a batch run: rows scored and skipped, and where they went."""
    print(f"resonanz: scored {counted(report.scored, 'row')}, skipped {len(report.skipped)} → {out}", file=sys.stderr)


def counted(n: int, noun: str) -> str:
    """ "1 row", "2 rows" (CLI messages are English; the rule is core.plural's)."""
    return plural.counted(n, noun, noun + "s")


class _CountingReader(io.RawIOBase):
    """Wraps a binary file and counts the bytes read, for an honest progress bar."""

    def __init__(self, raw) -> None:
        self.raw, self.bytes_read = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.bytes_read += n or 0
        return n


def _sniff_dialect(sample: str) -> type[csv.Dialect]:
    """Excel's quoting rules with the sniffed delimiter (",", ";" or tab).

    Only the delimiter is taken from the sniffer: its guesses for the rest are unreliable (it
    reports doublequote=False when the sample holds no doubled quote, and then a later cell with
    a '"' breaks both reading and writing).
    """
    return type("Sniffed", (csv.excel,), {"delimiter": sniff_delimiter(sample)})


def _find_column(header: list[str], wanted: str) -> int | None:
    if wanted in header:
        return header.index(wanted)
    lowered = [h.strip().lower() for h in header]
    return lowered.index(wanted.strip().lower()) if wanted.strip().lower() in lowered else None


def score_csv(
    in_path: Path,
    out_path: Path,
    text_column: str,
    analyze: Callable[[str], object],
    progress: Callable[[int, int, int], None] | None = None,
) -> BatchReport:
    """Score every row's `text_column` with `analyze`; keep all input columns and add the scores.

    Adds `language`, the four scores, one count column per rule id (engine.RULES; empty when a
    user file switched the rule off) and `reason`: empty for a scored row, "not_enough_text" for a
    post with too few words of its own to judge (its language, score and count cells stay empty). Rows with a missing, empty or undecodable text, or with more
    fields than the header, keep their input columns with empty score cells and are listed in the
    report. The output appears only when complete (written to a temporary file next to it, then renamed).
    `progress(bytes_read, total_bytes, rows)` is called now and then. Raises BatchError (nothing
    written) for invalid UTF-8 or a quoted cell that is never closed (see the module docstring).
    """
    signal_ids = _all_signal_ids()

    def cells(result) -> list:
        return [result.language] + [result.scores[d].value for d in DIMENSIONS] + [result.signal_counts.get(s, "") for s in signal_ids]  # "": rule switched off

    return process_csv(in_path, out_path, [(text_column, "text")], lambda texts: analyze(texts[0]), ["language", *DIMENSIONS, *signal_ids], cells, progress)


def process_csv(
    in_path: Path,
    out_path: Path,
    columns: list[tuple[str, str]],
    analyze: Callable[[list[str]], object],
    added_names: list[str],
    cells_of: Callable[[object], list],
    progress: Callable[[int, int, int], None] | None = None,
) -> BatchReport:
    """The machinery of `score_csv`, for any analysis of one or more columns per row.

    `columns`: (column name as the user gave it, what it holds: "text", "comment", "reply");
    `analyze(texts)` gets the row's cells of those columns in that order; `added_names` are the
    columns written after the input's (a `reason` column follows them) and `cells_of(result)`
    their values for a judged result. Everything else as `score_csv`.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    try:
        total = in_path.stat().st_size
        raw_file = open(in_path, "rb")
    except OSError as exc:
        raise BatchError(open_error(in_path, exc, "CSV file")) from None
    with raw_file:
        head = raw_file.read(65536)
        if b"\x00" in head:
            raise BatchError(f"{in_path} is a binary file, not a CSV file")
        raw_file.seek(0)
        _check_utf8(raw_file, in_path)
        raw_file.seek(0)
        counter = _CountingReader(raw_file)
        text_stream = io.TextIOWrapper(io.BufferedReader(counter), encoding="utf-8-sig", errors="strict", newline="")
        dialect = _sniff_dialect(head.decode("utf-8", errors="replace"))
        lines = RecordLines(text_stream)
        reader = csv.reader(lines, dialect)
        header = next(reader, None)
        if not header:
            raise BatchError(f"{in_path} is empty: no header row")
        cols = []
        for name, _what in columns:
            col = _find_column(header, name)
            if col is None:
                shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
                raise BatchError(f"{in_path} has no column '{name}' (columns: {shown})")
            cols.append(col)

        # Every rule id, always: the columns must not depend on which rules the first row's pack has on.
        report = BatchReport()
        out_dir = out_path.parent if str(out_path.parent) else Path(".")
        # Not tempfile.mkstemp: its 0600 mode would survive the rename; "x" honours the umask.
        tmp_name = str(out_dir / f".{out_path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
        try:
            with open(tmp_name, "x", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, dialect)
                added = None
                rows = 0
                for line_no, row in _rows(reader, lines, dialect, in_path):
                    rows += 1
                    while len(row) > len(header) and not row[-1].strip():
                        row = row[:-1]  # trailing empty fields (e.g. "a;b;c;;" from Excel)
                    texts = [row[c] if c < len(row) else None for c in cols]
                    reason = next((r for r in (_unusable(t, what) for t, (_n, what) in zip(texts, columns)) if r), None)
                    if len(row) > len(header):  # extra fields would shift every score column
                        reason = f"the row has {len(row)} fields but the header has {len(header)}"
                        row = row[: len(header)]
                    result = None
                    if reason is None:
                        try:
                            result = analyze(texts)
                        except (ValueError, RecursionError) as exc:  # one bad row never stops the batch
                            reason = f"cannot analyse: {exc}"
                    if added is None:
                        added = _added_columns(header, added_names)
                        writer.writerow(csv_safe_row(header + added))
                    cells = csv_safe_row(row) + [""] * (len(header) - len(row))
                    if result is None:
                        report.skipped.append((line_no, reason or "unusable"))
                        writer.writerow(cells + [""] * len(added))
                    elif not result.judged:  # too little text: no language, scores or signals, just why
                        report.not_judged += 1
                        writer.writerow(cells + [""] * (len(added) - 1) + [result.judged_reason])
                    else:
                        report.scored += 1
                        writer.writerow(cells + list(cells_of(result)) + [""])
                    if progress and rows % 200 == 0:
                        progress(counter.bytes_read, total, rows)
                if added is None:  # header only: still write the header with the added columns
                    writer.writerow(csv_safe_row(header + _added_columns(header, added_names)))
                if progress:
                    progress(total, total, rows)
            os.replace(tmp_name, out_path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    return report


def _rows(reader, lines: RecordLines, dialect, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number where the record starts, fields); a quoted cell may span several lines.

    Raises BatchError for a record longer than MAX_RECORD_LINES lines or a quote still open at the
    end of the file (csv.reader would silently swallow the rest of the file into one cell)."""
    start = reader.line_num + 1
    last: list[str] = []
    last_start = start
    for row in reader:
        if reader.line_num - start + 1 > MAX_RECORD_LINES:
            raise BatchError(f"{path}:{start}: a quoted cell runs over more than {MAX_RECORD_LINES} lines: probably a missing closing quote")
        last, lines.current, last_start = lines.current, [], start
        if row:  # skip blank lines between records silently: they are not posts
            yield start, row
        start = reader.line_num + 1
    if any('"' in line for line in last):  # only the last record can end inside a quote
        strict = type("Strict", (dialect,), {"strict": True})
        try:
            for _ in csv.reader(last, strict):
                pass
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise BatchError(f"{path}:{last_start}: a quoted cell is never closed (a '\"' is missing); the rest of the file would become one cell") from None


def _check_utf8(raw_file, path: Path, chunk: int = 1 << 20) -> None:
    """BatchError naming the byte offset and line of the first byte that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    done, newlines = 0, 0  # bytes fully decoded before this chunk, and their line breaks
    while True:
        data = raw_file.read(chunk)
        pending = decoder.getstate()[0]
        try:
            decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            offset = done - len(pending) + exc.start
            buf = pending + data
            line = newlines + buf.count(b"\n", 0, exc.start) + 1
            raise BatchError(f"{path} is not valid UTF-8: byte 0x{buf[exc.start]:02x} at offset {offset} (line {line}); save it as UTF-8") from None
        if not data:
            return
        done += len(data)
        newlines += data.count(b"\n")


def _unusable(text: str | None, what: str = "text") -> str | None:
    if text is None:
        return f"the row has no value in the {what} column"
    if not text.strip():
        return f"empty {what}"
    return None


def _all_signal_ids() -> list[str]:
    from resonanz.core.analysis.engine import RULES

    return list(RULES)


def _added_columns(header: list[str], added_names: list[str]) -> list[str]:
    names = [*added_names, "reason"]
    taken = set(header)
    return [n if n not in taken else f"resonanz_{n}" for n in names]
