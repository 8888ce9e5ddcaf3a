"""`resonanz report draft|participant|session ID`: a report as Markdown, HTML, CSV or PDF.

May import: core.reports, core.storage (lazily), core.fileio and core.cli.inputs; never Qt: the
launcher injects the PDF writer (`pdf_writer`).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable

from resonanz.core.cli.inputs import InputError

# A PDF is drawn with Qt, which resonanz.core never imports: the `resonanz` launcher sets this to
# resonanz.gui.reports.report_pdf.write_pdf-like callable (report, path, page_size) -> pages.
PdfWriter = Callable[[Any, Path, str], int]
pdf_writer: PdfWriter | None = None


def run(args) -> int:
    """`resonanz report …`: every refusal (bad id, missing database, no -o for pdf) is one line and exit status 2."""
    if args.format == "pdf":
        if pdf_writer is None:
            raise InputError("PDF reports are drawn by the desktop part: run `resonanz report …` (not `python -m resonanz.core.cli`)")
        if not args.output or args.output == "-":
            raise InputError("a PDF report needs a file: add -o FILE.pdf")
        folder = Path(args.output).parent if str(Path(args.output).parent) else Path(".")
        if not folder.is_dir():
            raise InputError(f"cannot write {args.output}: folder does not exist")
    from resonanz.core.reports import document as reports
    from resonanz.core.fileio import DatabaseFileError, refuse_database_file
    from resonanz.core.storage.dbopen import sqlite_problem
    from resonanz.core.paths import default_db_path
    from resonanz.core.storage.store import StorageError, Store

    try:
        item = int(args.id)
        if item < 1:
            raise ValueError
    except ValueError:
        raise InputError(f"{args.kind} id must be a positive whole number, not {args.id!r}") from None
    db = Path(args.db) if getattr(args, "db", None) else default_db_path()
    if not db.exists():
        raise InputError(f"database not found: {db}")
    try:
        if args.output and args.output != "-":
            refuse_database_file(args.output, db)
        # read-only: a report can never checkpoint or delete the WAL of an editor that is open
        with Store(db, readonly=True) as store:
            report = reports.build(store, args.kind, item, args.lang, args.pseudonyms)
    except (StorageError, DatabaseFileError) as exc:
        raise InputError(str(exc)) from None
    except sqlite3.Error as exc:
        raise InputError(str(sqlite_problem(str(db), exc))) from None
    if args.format == "pdf":
        try:
            pages = pdf_writer(report, Path(args.output), args.page_size)
        except OSError as exc:
            raise InputError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"report written: {args.output} ({pages} {'page' if pages == 1 else 'pages'}, {args.page_size})", file=sys.stderr)
        return 0
    render = reports.TEXT_RENDERERS[args.format]
    out = render(report)
    if not args.output or args.output == "-":
        sys.stdout.write(out)
        return 0
    _write_atomic(Path(args.output), out, newline="" if args.format == "csv" else None)
    print(f"report written: {args.output}", file=sys.stderr)
    return 0


def _write_atomic(path: Path, text: str, newline: str | None = None) -> None:
    """Write to a temporary file next to `path`, then rename: readers never see half a report."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: folder does not exist")
    from resonanz.core.fileio import write_atomic

    try:
        write_atomic(path, text, newline=newline)
    except PermissionError:
        raise InputError(f"cannot write {path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
