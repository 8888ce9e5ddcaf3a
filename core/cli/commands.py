"""The `resonanz` command: score a draft or a CSV export from the terminal; back up, restore and
check the database of drafts (`resonanz db …`); write reports (`resonanz report …`); measure
the scores and rules on real posts (`resonanz validate …`); coach a reply to a comment
(`resonanz reply …`); audit a page's past posts (`resonanz audit …`); serve a live workshop round
(`resonanz round serve …`).

The entry point `main`: parses the arguments (`parser`), runs one command (`score`, `reply`, `report`,
`db`, `validate`, `audit`) and turns an `InputError` into one line on stderr and exit status 2. Heavy modules load
lazily so a single-post run starts fast.
"""

from __future__ import annotations

import sys

from resonanz.core.cli import audit, db, reply, report, score, validate
from resonanz.core.cli import round as live_round
from resonanz.core.cli.inputs import EXIT_USAGE, InputError
from resonanz.core.cli.parser import build_parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `resonanz` console script; returns the exit status."""
    _utf8_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in ("score", "reply", "db", "report", "validate", "audit", "round"):
        parser.print_help()
        return EXIT_USAGE if argv is None and len(sys.argv) <= 1 else 0
    try:
        if args.command == "report":
            return report.run(args)
        if args.command == "validate":
            return validate.run(args)
        if args.command == "audit":
            return audit.run(args)
        if args.command == "round":
            return live_round.run(args)
        if args.command == "reply":
            return reply.run(args)
        return db.run(args) if args.command == "db" else score.run(args)
    except InputError as exc:
        print(f"resonanz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `resonanz score post.txt | head`
        return 0


def _utf8_stdout() -> None:
    """Reports and JSON are UTF-8 even where the locale says otherwise (a Windows pipe is cp1252,
    which has no emoji and no score bars: printing the report would crash)."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if enc not in ("utf8", "utf8sig") and hasattr(sys.stdout, "reconfigure"):
        if sys.stdout.isatty():  # a terminal shows its own encoding: replace what it cannot show
            sys.stdout.reconfigure(errors="replace")
        else:
            sys.stdout.reconfigure(encoding="utf-8")
