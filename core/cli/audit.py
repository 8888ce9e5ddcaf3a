"""`resonanz audit FILE`: a page's past posts from an export, scored, with what travelled and what
ended in silence, what works for this audience, and whether Resonanz's advice holds on this page.

Reads the export through `resonanz.core.audit.importers.read_posts` (Meta, LinkedIn, X, Mastodon,
Bluesky or any CSV with `--map`), runs `run_audit` with a progress bar and ETA on stderr, and writes
text, Markdown, CSV (formula-safe) or JSON. Every refusal is one line and exit status 2; an output
file appears only when complete (written atomically, after everything has been computed).

With `--save` the audit is kept in the database; with `--calibrate NAME` rule weights for this
audience are fitted and, only if they beat the defaults on the newer posts and `--yes` is given,
written as an ordinary user rule file.

May import: core.audit, core.analysis (choices, packs), core.storage, core.reports, core.fileio and core.cli.inputs
(and `core.cli.report.pdf_writer`, which the launcher injects for PDFs).
"""

from __future__ import annotations

import sys
from pathlib import Path

from resonanz.core.cli.terminal import ProgressBar
from resonanz.core.cli.inputs import InputError


def add_parser(sub) -> None:
    """The `audit` subcommand and its options."""
    a = sub.add_parser(
        "audit",
        help="audit a page's past posts from an export: what travelled, what ended in silence, what works",
        description="Score every past post of a page export, compare the posts that travelled with the dead ends "
        "(outcome rates within the page), and show which signals go with comments and shares for this audience.",
    )
    a.add_argument("file", metavar="FILE", help="the export: CSV, XLSX or JSON (Meta, LinkedIn, X, Mastodon, Bluesky) or any CSV with --map")
    a.add_argument("--map", metavar="FIELD=COLUMN,...", help="columns of a CSV the importer does not recognise: text (required), date, comments, shares, reactions, impressions, clicks")
    a.add_argument("--platform", default="facebook", help="platform of the posts (default: facebook)")
    a.add_argument("--lang", default="auto", help="auto (default), de or en: language of the posts")
    a.add_argument("--format", choices=("text", "json", "md", "csv", "html", "pdf"), default="text",
                   help="text (default), json, md, csv, html (one self-contained file, the report type `audit`) or pdf (needs -o FILE)")
    a.add_argument("-o", "--output", metavar="OUT", help="write the report here (default: standard output)")
    a.add_argument("--workers", type=int, metavar="N", help="processes that score posts (default: both cores from 2,000 posts on)")
    a.add_argument("--progress", action="store_true", default=None, help="show a progress bar on stderr (default: when stderr is a terminal)")
    a.add_argument("--rules-dir", metavar="DIR", help="your own rule folder (default: <data dir>/rules)")
    a.add_argument("--save", action="store_true", help="keep the audit in Resonanz's database (for `resonanz report audit ID` and the editor)")
    a.add_argument("--session", type=int, metavar="ID", help="with --save: link the audit to this coaching session (a client)")
    a.add_argument("--db", metavar="PATH", help="with --save: the database (default: the one the editor uses)")
    a.add_argument("--calibrate", metavar="NAME", help="fit rule weights for this audience; shows the before/after figures and "
                   "writes <rule folder>/NAME.toml only with --yes, and only if it beats the defaults on the newer posts")
    a.add_argument("--yes", action="store_true", help="with --calibrate: write the calibration file if one is offered")


def parse_map(spec: str | None) -> dict[str, str] | None:
    """ "text=Message,shares=Shares" -> {"text": "Message", "shares": "Shares"}; InputError naming a bad pair."""
    if not spec:
        return None
    from resonanz.core.audit.model import FIELDS

    out: dict[str, str] = {}
    for part in spec.split(","):
        key, sep, column = part.partition("=")
        key, column = key.strip().lower(), column.strip()
        if not sep or not key or not column:
            raise InputError(f"--map expects FIELD=COLUMN pairs separated by commas, not '{part.strip()}'")
        if key == "likes":  # an export with only likes: they are its reactions
            key = "reactions"
        if key not in FIELDS:
            raise InputError(f"--map: unknown field '{key}' (fields: {', '.join(FIELDS)})")
        out[key] = column
    if "text" not in out:
        raise InputError("--map needs text=COLUMN (the column with the post text)")
    return out


def _check_choices(args) -> Path | None:
    from resonanz.core.analysis.language import resolve_language
    from resonanz.core.analysis.platforms import resolve_platform

    try:
        resolve_language("", args.lang)
        resolve_platform(args.platform)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be at least 1")
    rules_dir = Path(args.rules_dir) if args.rules_dir else None
    if rules_dir is not None and not rules_dir.is_dir():
        raise InputError(f"rule folder not found: {rules_dir}")
    if args.output:
        out = Path(args.output)
        if out.is_dir():
            raise InputError(f"cannot write {out}: it is a folder")
        if not (out.parent if str(out.parent) else Path(".")).is_dir():
            raise InputError(f"cannot write {out}: folder does not exist")
    return rules_dir


def _read(args):
    from resonanz.core.audit.importers import read_posts
    from resonanz.core.audit.model import AuditInputError

    mapping = parse_map(args.map)
    try:
        result = read_posts(Path(args.file), mapping=mapping)
    except AuditInputError as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        from resonanz.core.cli.inputs import open_error

        raise InputError(open_error(args.file, exc, "export file")) from None
    if not result.posts:
        first = f" (line {result.skipped[0][0]}: {result.skipped[0][1]})" if result.skipped else ""
        raise InputError(f"{args.file}: no usable posts{first}")
    return result


def run(args) -> int:
    """`resonanz audit FILE …`; returns the exit status (InputError: one line, exit 2)."""
    rules_dir = _check_choices(args)
    if args.format == "pdf":
        from resonanz.core.cli import report as report_cli

        if report_cli.pdf_writer is None:
            raise InputError("PDF reports are drawn by the desktop part: run `resonanz audit …` (not `python -m resonanz.core.cli`)")
        if not args.output:
            raise InputError("a PDF report needs a file: add -o FILE.pdf")
    imported = _read(args)
    from resonanz.core.audit import render
    from resonanz.core.audit.audit import run_audit

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = ProgressBar(Path(args.file).name, "posts", eta=True) if show else None
    try:
        audit = run_audit(imported.posts, platform=args.platform, language=args.lang, workers=args.workers,
                          progress=bar, rules_dir=rules_dir, n_skipped=len(imported.skipped))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    finally:
        if bar:
            bar.finish()
    language = args.lang if args.lang in ("de", "en") else audit.language
    if args.format == "json":
        text = render.json_chunks(audit)  # streamed: a 100,000-post page is never one string
    elif args.format == "csv":
        text = render.render_csv(audit)
    elif args.format == "md":
        text = render.render_markdown(audit, language)
    elif args.format in ("html", "pdf"):
        from datetime import date

        from resonanz.core.reports.audit_report import audit_report_of

        report = audit_report_of(audit.to_dict(), language, title=Path(args.file).stem, source=imported.source,
                                 platform=args.platform, created=date.today().isoformat())
        if args.format == "pdf":
            from resonanz.core.cli import report as report_cli

            try:
                pages = report_cli.pdf_writer(report, Path(args.output), "A4")
            except OSError as exc:
                raise InputError(f"cannot write {args.output}: {exc.strerror or exc}") from None
            print(f"resonanz audit: report written: {args.output} ({pages} {'page' if pages == 1 else 'pages'})", file=sys.stderr)
            text = None
        else:
            from resonanz.core.reports.html import to_html

            text = to_html(report)
    else:
        text = render.render_text(audit, language)
    if text is None:
        pass  # the PDF is written already
    elif args.output:
        from resonanz.core.fileio import write_atomic

        try:
            write_atomic(args.output, text, newline="" if args.format == "csv" else None)
        except OSError as exc:
            raise InputError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    elif isinstance(text, str):
        sys.stdout.write(text)
    else:
        for chunk in text:
            sys.stdout.write(chunk)
    if args.save:
        _save(args, audit, imported)
    if args.calibrate:
        _calibrate(args, audit, rules_dir)
    for line, reason in imported.skipped[:5]:
        print(f"resonanz audit: skipped line {line}: {reason}", file=sys.stderr)
    if len(imported.skipped) > 5:
        print(f"resonanz audit: … and {len(imported.skipped) - 5} more skipped rows", file=sys.stderr)
    return 0


def _save(args, audit, imported) -> None:
    from resonanz.core.paths import default_db_path
    from resonanz.core.storage.store import StorageError, Store

    db = Path(args.db) if args.db else default_db_path()
    try:
        with Store(db) as store:
            audit_id = store.audits.save(audit.to_dict(), title=Path(args.file).stem, source=imported.source, format=imported.format,
                                         platform=args.platform, language=args.lang, session_id=args.session)
    except (StorageError, ValueError) as exc:
        raise InputError(str(exc)) from None
    print(f"resonanz audit: saved as audit {audit_id} (resonanz report audit {audit_id})", file=sys.stderr)


def _calibrate(args, audit, rules_dir: Path | None) -> None:
    """Fit, show the figures, and write the rule file only when offered and asked for (--yes)."""
    from resonanz.core.audit.calibrate import calibrate, calibration_path, samples_from_audit, write_calibration

    target = calibration_path(args.calibrate, rules_dir)
    if target is None:
        raise InputError(f"--calibrate needs a name made of letters, digits or '-', not {args.calibrate!r}")
    found = calibrate(samples_from_audit(audit.to_dict(), platform=args.platform, language=args.lang, rules_dir=rules_dir))
    for fit in found.tried:
        print(f"resonanz audit: calibration {fit.dimension} ~ {fit.outcome.replace('_', ' ')} on the {fit.n_test} newest posts: "
              f"defaults rho {fit.rho_default:+.2f}, calibrated {fit.rho_calibrated:+.2f}", file=sys.stderr)
    if not found.offered:
        print(f"resonanz audit: no calibration offered: {found.reason}", file=sys.stderr)
        return
    if not args.yes:
        print(f"resonanz audit: a calibration is offered; add --yes to write it to {target}", file=sys.stderr)
        return
    try:
        write_calibration(found, target, client=args.calibrate, source=Path(args.file).name, language=audit.language)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"resonanz audit: calibration written to {target} (read or edit it; delete it to go back to the defaults)", file=sys.stderr)
