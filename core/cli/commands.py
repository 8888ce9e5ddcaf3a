"""The `resonanz` command: score a draft or a CSV export from the terminal; back up, restore and
check the database of drafts (`resonanz db …`).

Heavy modules load lazily so a single-post run starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any, Callable

from resonanz.core import __version__
from resonanz.core.cli.inputs import open_error

EXIT_USAGE = 2


class InputError(Exception):
    """Bad input: one line for stderr, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="resonanz",
        description="Resonanz coaches social-media posts: dialogue instead of monologue, no dead ends.",
    )
    p.add_argument("--version", action="version", version=f"resonanz {__version__}")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file for `resonanz db …` (default: <data dir>/resonanz.db)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("score", help="score a draft (file or stdin) or a CSV export of posts")
    s.add_argument("file", nargs="?", default="-", help="text file to score, or - for stdin (default)")
    s.add_argument("--lang", default="auto", help="auto (default), de or en")
    s.add_argument("--platform", default="linkedin", help="x, linkedin (default), facebook, instagram, mastodon, threads, bluesky, newsletter")
    s.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    s.add_argument("--csv", metavar="IN.csv", help="score every row of a CSV file instead of one draft")
    s.add_argument("--text-column", metavar="COL", help="the CSV column holding the post text")
    s.add_argument("--out", metavar="OUT.csv", help="where to write the scored CSV")
    s.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="show a progress bar on stderr (default: when stderr is a terminal)")
    s.add_argument("--rules-dir", metavar="DIR", help="your own rule folder (default: <data dir>/rules; RESONANZ_HOME moves the data dir)")
    s.add_argument("--grammar", choices=("off", "local", "server"), default="off", help="LanguageTool grammar check: off (default), local (Java 17+ and LanguageTool on this computer) or server (sends the draft to --lt-server)")
    s.add_argument("--lt-server", metavar="URL", help="LanguageTool server for --grammar server (default: the public server https://api.languagetool.org)")
    s.add_argument("--ltp-path", metavar="DIR", help="folder with an unpacked LanguageTool for --grammar local (default: $LTP_PATH, then <data dir>/languagetool)")
    s.add_argument("--spelling", action=argparse.BooleanOptionalAction, default=None, help="offline dictionary spell check (default: on as the fallback of --grammar local/server, off otherwise)")
    _db_parser(sub)
    _report_parser(sub)
    return p


def _report_parser(sub) -> None:
    """`resonanz report draft|participant|session ID --format md|html|csv -o FILE`."""
    r = sub.add_parser("report", help="write a report: a draft sheet, a participant's progress or a workshop summary")
    r.add_argument("kind", choices=("draft", "participant", "session"), help="what the report is about")
    r.add_argument("id", metavar="ID", help="id of the draft, participant or session")
    r.add_argument("--format", choices=("md", "html", "csv", "pdf"), default="md", help="md (default), html (one self-contained file), csv (raw scores), pdf (needs -o FILE)")
    r.add_argument("--page-size", choices=("A4", "Letter"), default="A4", help="paper size of a PDF report (default: A4)")
    r.add_argument("--lang", choices=("de", "en"), default="de", help="language of the report's headings (default: de)")
    r.add_argument("--pseudonyms", action="store_true", help="show pseudonyms instead of names")
    r.add_argument("-o", "--output", metavar="FILE", help="where to write the report (default: standard output)")
    r.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)


DB_HELP = "the database file (default: <data dir>/resonanz.db; RESONANZ_HOME moves the data dir)"


def _db_parser(sub) -> None:
    """`resonanz db backup|restore|check`; --db PATH may stand before or after `db` and the action."""
    d = sub.add_parser(
        "db",
        help="back up, restore or check the database of drafts",
        description="Back up, restore or check Resonanz's database of drafts. "
        "--db PATH picks the database; it may stand anywhere after `resonanz`, e.g. "
        "`resonanz --db x.db db check` or `resonanz db check --db x.db`.",
    )
    d.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    d.set_defaults(db_help=d.format_help)
    actions = d.add_subparsers(dest="db_command", metavar="ACTION")
    b = actions.add_parser("backup", help="write a consistent copy of the database (safe while Resonanz is open)")
    b.add_argument("dest", nargs="?", metavar="DEST", help="new backup file or a folder (default: <data dir>/backups/resonanz-<date>-<time>.db)")
    r = actions.add_parser("restore", help="replace the database with a backup; the current one is kept as <db>.before-restore-<time>")
    r.add_argument("file", metavar="FILE", help="the backup to restore (checked before anything changes)")
    actions.add_parser("check", help="check integrity, references and schema version (read-only); exit 0 if healthy")
    for action in (b, r, actions.choices["check"]):
        action.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `resonanz` console script; returns the exit status."""
    _utf8_stdout()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command not in ("score", "db", "report"):
        parser.print_help()
        return EXIT_USAGE if argv is None and len(sys.argv) <= 1 else 0
    try:
        if args.command == "report":
            return _report(args)
        return _db(args) if args.command == "db" else _score(args)
    except InputError as exc:
        print(f"resonanz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `resonanz score post.txt | head`
        return 0


def _db(args) -> int:
    """`resonanz db backup|restore|check`: every refusal is one line and exit status 2."""
    if not args.db_command:
        sys.stderr.write(args.db_help())
        return EXIT_USAGE
    from resonanz.core.storage import backup as bk
    from resonanz.core.storage.store import StorageError, default_db_path, sqlite_problem

    db = Path(args.db) if getattr(args, "db", None) else default_db_path()
    try:
        if args.db_command == "check":
            if not db.exists():
                raise InputError(f"database not found: {db}")
            problems = bk.check(db)
            for line in problems:
                print(f"resonanz: error: {line}", file=sys.stderr)
            if problems:
                return EXIT_USAGE
            print(bk.summary(db))
        elif args.db_command == "backup":
            if not db.exists():
                raise InputError(f"database not found: {db}")
            dest = Path(args.dest) if args.dest else bk.backups_dir()
            if not args.dest or args.dest.endswith(("/", os.sep)):  # a folder: the file gets a dated name
                dest.mkdir(parents=True, exist_ok=True)
            out = bk.backup(db, dest)
            print(f"backup written: {out}")
        else:
            aside = bk.restore(Path(args.file), db)
            kept = f"; the previous database is kept as {aside}" if aside else ""
            print(f"restored {args.file} to {db}{kept}")
    except StorageError as exc:
        raise InputError(str(exc)) from None
    except sqlite3.Error as exc:  # e.g. a page found damaged half-way: one line, never a traceback
        raise InputError(str(sqlite_problem(str(db), exc))) from None
    except OSError as exc:  # a read-only or full disk for the backup folder
        raise InputError(f"{exc.filename or db}: {exc.strerror or exc}") from None
    return 0


# A PDF is drawn with Qt, which resonanz.core never imports: the `resonanz` launcher sets this to
# resonanz.gui.reports.report_pdf.write_pdf-like callable (report, path, page_size) -> pages.
PdfWriter = Callable[[Any, Path, str], int]
pdf_writer: PdfWriter | None = None


def _report(args) -> int:
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
    from resonanz.core.storage.dbopen import refuse_database_file
    from resonanz.core.storage.store import StorageError, Store, default_db_path, sqlite_problem

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
    except StorageError as exc:
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


def _utf8_stdout() -> None:
    """Reports and JSON are UTF-8 even where the locale says otherwise (a Windows pipe is cp1252,
    which has no emoji and no score bars: printing the report would crash)."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if enc not in ("utf8", "utf8sig") and hasattr(sys.stdout, "reconfigure"):
        if sys.stdout.isatty():  # a terminal shows its own encoding: replace what it cannot show
            sys.stdout.reconfigure(errors="replace")
        else:
            sys.stdout.reconfigure(encoding="utf-8")


def _analyze_fn(args):
    from resonanz.core.analysis.engine import analyze
    from resonanz.core.analysis.language import resolve_language
    from resonanz.core.analysis.platforms import resolve_platform

    rules_dir = Path(args.rules_dir) if args.rules_dir else None
    if rules_dir is not None and not rules_dir.is_dir():
        raise InputError(f"rule folder not found: {rules_dir}")
    try:  # validate choices once, before any work, with the engine's own one-line messages
        resolve_language("", args.lang)
        resolve_platform(args.platform)
    except ValueError as exc:
        raise InputError(str(exc)) from None

    def run(text: str):
        return analyze(text, language=args.lang, platform=args.platform, rules_dir=rules_dir)

    return run


def _score(args) -> int:
    language_check = _grammar_options(args)
    if args.csv:
        return _score_csv(args)
    if args.text_column or args.out:
        raise InputError("--text-column and --out only work with --csv IN.csv")
    analyze = _analyze_fn(args)
    text = _read_text(args.file)
    result = analyze(text)
    _warn_rule_errors(result.language, args)
    grammar = _grammar(args, language_check, text, result.language) if language_check else None
    if args.format == "json":
        data = result.to_dict()
        if grammar is not None:  # language findings join the others; points 0: the scores are unchanged
            data["findings"] += [f.to_dict() for f in grammar.findings]
            data["grammar"] = {"mode": args.grammar, "state": grammar.state.value, "reason_code": grammar.reason_code,
                               "reason": grammar.reason, "engine": grammar.engine}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from resonanz.core.reports.terminal import render, render_language

        color = _use_color(sys.stdout)
        sys.stdout.write(render(result, color=color))
        if grammar is not None:
            sys.stdout.write(render_language(grammar.findings, text, result.language, grammar.engine_label(), color=color))
    return 0


def _grammar_options(args) -> bool:
    """Check the grammar options of `score`; True if a language check (LanguageTool or spelling) runs."""
    if args.lt_server is not None and args.grammar != "server":
        raise InputError("--lt-server only works with --grammar server")
    if args.ltp_path is not None and args.grammar != "local":
        raise InputError("--ltp-path only works with --grammar local")
    wanted = args.grammar != "off" or bool(args.spelling)
    if wanted and args.csv:
        raise InputError("--grammar and --spelling check single drafts, not --csv")
    return wanted


def _grammar(args, language_check: bool, text: str, language: str):
    """Run the language check of `score`; problems are one note on stderr, never a failure."""
    from resonanz.core.proofing.grammar import PUBLIC_SERVER, GrammarChecker, GrammarSettings, GrammarState

    spelling_on = args.spelling if args.spelling is not None else args.grammar != "off"
    server = (args.lt_server or PUBLIC_SERVER) if args.grammar == "server" else ""
    settings = GrammarSettings(mode=args.grammar, server_url=server, ltp_path=args.ltp_path or "", spelling=spelling_on)
    rules_dir = Path(args.rules_dir) if args.rules_dir else None
    with GrammarChecker(settings, rules_dir=rules_dir) as checker:
        if args.grammar == "server" and checker.state != GrammarState.UNAVAILABLE:
            print(f"resonanz: note: the draft is sent to {checker.status().server} for the grammar check", file=sys.stderr)
        result = checker.check(text, language)
    if result.state == GrammarState.UNAVAILABLE:
        fallback = " (offline dictionary used instead)" if result.engine == "spelling" else ""
        print(f"resonanz: note: grammar check unavailable: {result.status.reason_in('cli')}{fallback}", file=sys.stderr)
    return result


def _warn_rule_errors(languages, args) -> None:
    from resonanz.core.analysis.packs import load_pack

    seen: set[str] = set()
    for language in (languages,) if isinstance(languages, str) else languages:
        for err in load_pack(language, Path(args.rules_dir) if args.rules_dir else None).errors:
            if err not in seen:
                seen.add(err)
                print(f"resonanz: warning: rule file skipped: {err}", file=sys.stderr)


def _read_text(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(open_error(name, exc, "text file")) from None
        label = name
    if b"\x00" in data[:8192]:
        raise InputError(f"{label} is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label} is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None


def _use_color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _score_csv(args) -> int:
    from resonanz.core.cli.batch import BatchError, score_csv

    if not args.text_column:
        raise InputError("--csv needs --text-column COL (the column with the post text)")
    if not args.out:
        raise InputError("--csv needs --out OUT.csv (where the scored rows go)")
    if args.format == "json":
        raise InputError("--format json is for single drafts; --csv writes CSV")
    analyze = _analyze_fn(args)
    from resonanz.core.analysis.language import SUPPORTED_LANGUAGES

    _warn_rule_errors(SUPPORTED_LANGUAGES, args)  # rows may be in either language
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = _ProgressBar(Path(args.csv).name) if show else None
    try:
        report = score_csv(Path(args.csv), Path(args.out), args.text_column, analyze, bar)
    except BatchError as exc:
        raise InputError(str(exc)) from None
    except PermissionError as exc:
        raise InputError(f"cannot write {args.out}: permission denied") from exc
    except FileNotFoundError as exc:
        raise InputError(f"cannot write {args.out}: folder does not exist") from exc
    if bar:
        bar.finish()
    for line_no, reason in report.skipped[:20]:
        print(f"resonanz: skipped line {line_no}: {reason}", file=sys.stderr)
    if len(report.skipped) > 20:
        print(f"resonanz: … and {len(report.skipped) - 20} more skipped rows", file=sys.stderr)
    print(f"resonanz: scored {report.scored} rows, skipped {len(report.skipped)} → {args.out}", file=sys.stderr)
    return 0


class _ProgressBar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, label: str) -> None:
        self.label, self.last, self.tty = label, 0.0, sys.stderr.isatty()
        self.drawn: tuple[int, int] | None = None

    def __call__(self, done: int, total: int, rows: int) -> None:
        now = time.monotonic()
        if now - self.last < (0.1 if self.tty else 2.0) and done < total:
            return
        if (done, rows) == self.drawn:  # the last batch step and the final call report the same state
            return
        self.last, self.drawn = now, (done, rows)
        frac = done / total if total else 1.0
        filled = int(frac * 30)
        line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {frac:4.0%} {rows:,} rows"
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
