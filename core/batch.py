"""Score a CSV export of posts row by row, streaming, without ever writing a half-finished file."""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from resonanz.core.model import DIMENSIONS

# Large exports sometimes hold long posts or whole articles in one cell.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class BatchError(ValueError):
    """The batch cannot start (unreadable file, missing column); nothing was written."""


@dataclass
class BatchReport:
    """What a batch run did: rows scored, rows skipped with their reasons."""

    scored: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number in the file, reason)


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


def _sniff_dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


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

    Adds `language`, the four scores and one count column per signal. Empty or unusable rows keep
    their input columns with empty score cells and are listed in the report. The output appears
    only when complete (written to a temporary file next to it, then renamed).
    `progress(bytes_read, total_bytes, rows)` is called now and then.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    try:
        total = in_path.stat().st_size
        raw_file = open(in_path, "rb")
    except FileNotFoundError:
        raise BatchError(f"file not found: {in_path}") from None
    except IsADirectoryError:
        raise BatchError(f"{in_path} is a directory, not a CSV file") from None
    except PermissionError:
        raise BatchError(f"cannot read {in_path}: permission denied") from None
    with raw_file:
        head = raw_file.read(65536)
        if b"\x00" in head:
            raise BatchError(f"{in_path} is a binary file, not a CSV file")
        raw_file.seek(0)
        counter = _CountingReader(raw_file)
        text_stream = io.TextIOWrapper(io.BufferedReader(counter), encoding="utf-8-sig", errors="surrogateescape", newline="")
        dialect = _sniff_dialect(head.decode("utf-8", errors="replace"))
        reader = csv.reader(text_stream, dialect)
        header = next(reader, None)
        if not header:
            raise BatchError(f"{in_path} is empty: no header row")
        col = _find_column(header, text_column)
        if col is None:
            shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
            raise BatchError(f"{in_path} has no column '{text_column}' (columns: {shown})")

        signal_ids: list[str] | None = None
        report = BatchReport()
        out_dir = out_path.parent if str(out_path.parent) else Path(".")
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, dialect)
                added = None
                rows = 0
                for row in _rows(reader):
                    rows += 1
                    line_no = reader.line_num
                    text = row[col] if col < len(row) else None
                    reason = _unusable(text)
                    result = None
                    if reason is None:
                        try:
                            result = analyze(text)
                        except (ValueError, RecursionError) as exc:  # one bad row never stops the batch
                            reason = f"cannot analyse: {exc}"
                    if signal_ids is None and result is not None:
                        signal_ids = list(result.signal_counts)
                    if added is None:
                        signal_ids = signal_ids or _all_signal_ids()
                        added = _added_columns(header, signal_ids)
                        writer.writerow(header + added)
                    cells = _clean(row) + [""] * (len(header) - len(row))
                    if result is None:
                        report.skipped.append((line_no, reason or "unusable"))
                        writer.writerow(cells + [""] * len(added))
                    else:
                        report.scored += 1
                        writer.writerow(cells + [result.language] + [result.scores[d].value for d in DIMENSIONS] + [result.signal_counts.get(s, 0) for s in signal_ids])
                    if progress and rows % 200 == 0:
                        progress(counter.bytes_read, total, rows)
                if added is None:  # header only: still write the header with the added columns
                    writer.writerow(header + _added_columns(header, _all_signal_ids()))
                if progress:
                    progress(total, total, rows)
            os.replace(tmp_name, out_path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    return report


def _rows(reader) -> Iterator[list[str]]:
    for row in reader:
        if row:  # skip blank lines between records silently: they are not posts
            yield row


def _unusable(text: str | None) -> str | None:
    if text is None:
        return "the row has no value in the text column"
    if not text.strip():
        return "empty text"
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        return "invalid UTF-8 in the text"
    return None


def _clean(row: list[str]) -> list[str]:
    """Keep undecodable bytes visible as U+FFFD instead of crashing the writer."""
    return [cell.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if any("\udc80" <= c <= "\udcff" for c in cell) else cell for cell in row]


def _all_signal_ids() -> list[str]:
    from resonanz.core.engine import RULES

    return list(RULES)


def _added_columns(header: list[str], signal_ids: list[str]) -> list[str]:
    names = ["language", *DIMENSIONS, *signal_ids]
    taken = set(header)
    return [n if n not in taken else f"resonanz_{n}" for n in names]
