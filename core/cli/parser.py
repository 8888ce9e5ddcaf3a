"""The argument parser of the `resonanz` command: `score`, `reply`, `report`, `db`, `validate`, `audit` and `round` with their options.

May import: resonanz.core (the version), cli.reply, cli.validate, cli.audit and cli.round (their own options); the commands run in score, report, db and validate.
"""

from __future__ import annotations

import argparse

from resonanz.core import __version__
from resonanz.core.cli import audit, reply, round as live_round, validate


def build_parser() -> argparse.ArgumentParser:
    """The parser of `resonanz` and its subcommands."""
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
    reply.add_parser(sub)
    _db_parser(sub)
    _report_parser(sub)
    validate.add_parser(sub)
    audit.add_parser(sub)
    live_round.add_parser(sub)
    return p


def _report_parser(sub) -> None:
    """`resonanz report draft|participant|session ID --format md|html|csv -o FILE`."""
    r = sub.add_parser("report", help="write a report: a draft sheet, a participant's progress or a workshop summary")
    r.add_argument("kind", choices=("draft", "participant", "session", "audit"), help="what the report is about (audit: a stored page audit)")
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
