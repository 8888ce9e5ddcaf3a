"""`resonanz reply`: coach an organisation's reply to a comment (issue 15), one pair or a CSV file.

One pair: `--comment FILE|- --reply FILE|- [--post FILE]`, reported as text or JSON (the shape
of `score --format json`, with `"scores": {"reply": …}`). A CSV file: `--csv IN --comment-column C
--reply-column R --out OUT`, through the machinery of `score --csv` (cli.batch.process_csv:
formula-safe cells, skipped rows with their line numbers, the output only when complete); every
row's reply is also checked against the replies of the rows before it (R4 near-duplicates).

May import: core.analysis and core.cli.batch / inputs / score (reading files, rule warnings).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import deque
from pathlib import Path

from resonanz.core.cli.inputs import InputError
from resonanz.core.cli.score import _read_text, _use_color, _warn_rule_errors

#: How many earlier replies of a CSV file each reply is compared with (R4): an audit's recent history.
PREVIOUS_MAX = 500


def add_parser(sub) -> None:
    """`resonanz reply …` and its options."""
    r = sub.add_parser(
        "reply",
        help="coach a reply to a comment (files or stdin) or a CSV file of comment/reply pairs",
        description="Score an organisation's reply to a comment under its post: addressing, picking up the point, "
        "answering, templates, defensiveness, private channels, an open door, a signature, length and tone (R1-R9).",
    )
    r.add_argument("--comment", metavar="FILE", help="text file with the comment, or - for stdin")
    r.add_argument("--reply", metavar="FILE", help="text file with the reply, or - for stdin")
    r.add_argument("--post", metavar="FILE", help="text file with the post the comment is under (optional)")
    r.add_argument("--commenter", metavar="NAME", help="the commenter's name, if the comment does not say it (optional)")
    r.add_argument("--lang", default="auto", help="auto (default: from the reply, else the comment), de or en")
    r.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    r.add_argument("--csv", metavar="IN.csv", help="score every row of a CSV file instead of one pair")
    r.add_argument("--comment-column", metavar="COL", help="the CSV column holding the comment")
    r.add_argument("--reply-column", metavar="COL", help="the CSV column holding the reply")
    r.add_argument("--post-column", metavar="COL", help="the CSV column holding the post (optional)")
    r.add_argument("--out", metavar="OUT.csv", help="where to write the scored CSV")
    r.add_argument("--rules-dir", metavar="DIR", help="your own rule folder (default: <data dir>/rules)")


def _engine(args: argparse.Namespace):
    from resonanz.core.analysis.language import resolve_language
    from resonanz.core.analysis.reply import analyze_reply

    rules_dir = Path(args.rules_dir) if args.rules_dir else None
    if rules_dir is not None and not rules_dir.is_dir():
        raise InputError(f"rule folder not found: {rules_dir}")
    try:
        resolve_language("", args.lang)
    except ValueError as exc:
        raise InputError(str(exc)) from None

    def run(comment: str, reply: str, post: str | None = None, previous=()):
        return analyze_reply(comment, reply, post=post, language=args.lang, rules_dir=rules_dir, previous_replies=previous, commenter=args.commenter)

    return run


def run(args: argparse.Namespace) -> int:
    """`resonanz reply …`: one comment/reply pair on stdout, or every row of a CSV file with --csv."""
    if args.csv:
        return _reply_csv(args)
    for option in ("comment_column", "reply_column", "post_column", "out"):
        if getattr(args, option):
            raise InputError(f"--{option.replace('_', '-')} only works with --csv IN.csv")
    if not args.comment or not args.reply:
        raise InputError("reply needs --comment FILE and --reply FILE (- for stdin), or --csv IN.csv")
    if [args.comment, args.reply, args.post].count("-") > 1:
        raise InputError("only one of --comment, --reply and --post can read stdin (-)")
    analyze = _engine(args)
    comment, reply = _read_text(args.comment), _read_text(args.reply)
    post = _read_text(args.post) if args.post else None
    result = analyze(comment, reply, post)
    _warn_rule_errors(result.language, args)
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(result, color=_use_color(sys.stdout)))
    return 0


_ANSI = {"red": "\033[31m", "amber": "\033[33m", "green": "\033[32m", "bold": "\033[1m", "reset": "\033[0m"}
_MARK = {"error": "✖", "warning": "▲", "suggestion": "●", "info": "ℹ", "good": "✔"}


def render(result, color: bool = False, width: int = 78) -> str:
    """The reply's score, its breakdown and its findings as plain text (ANSI colours if `color`)."""
    from resonanz.core.analysis.packs import load_pack

    pack = load_pack(result.language, False)
    labels, reply_labels = pack.labels, pack.reply

    def c(name: str, s: str) -> str:
        return f"{_ANSI[name]}{s}{_ANSI['reset']}" if color else s

    out = [c("bold", f"Resonanz · {reply_labels['label']} · {labels['language_name']}"), ""]
    if not result.judged:
        return "\n".join(out + [reply_labels["not_enough_text"], ""])
    score = result.score
    bar = "█" * (score.value // 10) + "░" * (10 - score.value // 10)
    out.append(f"{reply_labels['label']:<14} {bar} {c(score.light, f'{score.value:>3}')}  {labels[score.light]}")
    out.append("  " + " · ".join(f"{p.label} {p.points:+d}" if p.rule != "base" else f"{p.label} {p.points}" for p in score.breakdown))
    out += ["", c("bold", labels["findings"])]
    for f in result.findings:
        out.append(f"{_MARK[f.severity]} {f.rule} {f.message}" + (f" ({f.points:+d})" if f.points else ""))
        if f.suggestion:
            out += textwrap.wrap(f.suggestion, width, initial_indent="    → ", subsequent_indent="      ")
    return "\n".join(out) + "\n"


def _reply_csv(args: argparse.Namespace) -> int:
    from resonanz.core.analysis.language import SUPPORTED_LANGUAGES
    from resonanz.core.analysis.reply import REPLY
    from resonanz.core.analysis.rules.reply import RULES
    from resonanz.core.cli.batch import batch_refusals, counted, print_done, print_skipped, process_csv

    if not args.comment_column or not args.reply_column:
        raise InputError("--csv needs --comment-column COL and --reply-column COL")
    if not args.out:
        raise InputError("--csv needs --out OUT.csv (where the scored rows go)")
    if args.format == "json":
        raise InputError("--format json is for one pair; --csv writes CSV")
    if args.comment or args.reply or args.post:
        raise InputError("--comment, --reply and --post are for one pair; with --csv use the column options")
    engine = _engine(args)
    _warn_rule_errors(SUPPORTED_LANGUAGES, args)
    earlier: deque[str] = deque(maxlen=PREVIOUS_MAX)
    columns = [(args.comment_column, "comment"), (args.reply_column, "reply")]
    if args.post_column:
        columns.append((args.post_column, "post"))

    def analyze(texts: list[str]):
        post = texts[2] if len(texts) > 2 else None
        result = engine(texts[0], texts[1], post, tuple(earlier))
        earlier.append(texts[1])
        return result

    def cells(result) -> list:
        return [result.language, result.value, result.score.light] + [result.signal_counts.get(r, "") for r in RULES]

    with batch_refusals(args.out):
        report = process_csv(Path(args.csv), Path(args.out), columns, analyze, ["language", REPLY, "light", *RULES], cells)
    print_skipped(report)
    if report.not_judged:
        print(f"resonanz: {counted(report.not_judged, 'reply')} had no word of their own: empty score cells, reason not_enough_text", file=sys.stderr)
    print_done(report, args.out)
    return 0
