"""`resonanz validate`: measure the scores, the naive baseline and every rule on real posts.

Either the shared research sets (`--data DIR`, default $RESONANZ_VALIDATION or
../shared/validation/data) or a user's CSV (`--csv FILE --map text=Message,comments=Comments,...`).
Prints text, Markdown (`--output` replaces only the generated part of an existing file) or JSON;
`--write-evidence PATH` writes the rule grades (resources/rules/evidence.toml). Every refusal is
one line and exit status 2, and nothing is half-written (outputs are written atomically, after
everything has been computed).

May import: core.analysis.validation, core.fileio and core.cli.inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from resonanz.core.cli.inputs import InputError, open_error
from resonanz.core.plural import counted


def add_parser(sub) -> None:
    """The `validate` subcommand and its options."""
    v = sub.add_parser(
        "validate",
        help="measure scores and rules on researcher-coded real posts or on your own CSV export",
        description="Measure every score, a naive baseline and every rule against engagement and researcher codes, "
        "with bootstrap intervals; optionally write the rules' evidence grades.",
    )
    v.add_argument("--data", metavar="DIR", help="folder holding the shared validation sets (default: $RESONANZ_VALIDATION, else ../shared/validation/data)")
    v.add_argument("--csv", metavar="FILE", help="your own CSV export of posts instead of the shared sets")
    v.add_argument("--map", metavar="KEY=COLUMN,...", help="columns of --csv: text (required), comments, shares, reactions, likes, group, label")
    v.add_argument("--language", choices=("de", "en"), default="de", help="language of the --csv posts (default: de)")
    v.add_argument("--platform", default="facebook", help="platform of the --csv posts (default: facebook)")
    v.add_argument("--name", metavar="NAME", help="name of the --csv dataset in the report (default: the file name)")
    v.add_argument("--format", choices=("text", "md", "json"), default="text", help="report format (default: text)")
    v.add_argument("--output", "-o", metavar="FILE", help="write the report here (md: only the generated part of an existing file is replaced)")
    v.add_argument("--bootstrap", type=int, metavar="N", help="resamples per interval (default: resources/validation.toml)")
    v.add_argument("--seed", type=int, metavar="N", help="random seed of the resamples (default: 1)")
    v.add_argument("--write-evidence", metavar="PATH", help="write the rules' evidence grades as TOML (e.g. resources/rules/evidence.toml)")


def _datasets(args) -> list:
    from resonanz.core.analysis.validation import datasets as ds

    try:
        if args.csv:
            if not args.map:
                raise InputError("--csv needs --map text=COLUMN[,comments=COLUMN,...]")
            mapping = ds.parse_map(args.map)
            try:
                return [ds.load_csv(args.csv, mapping, args.language, args.platform, args.name or "")]
            except OSError as exc:
                raise InputError(open_error(args.csv, exc, "CSV file")) from None
        if args.map:
            raise InputError("--map belongs to --csv")
        data = Path(args.data) if args.data else ds.default_data_dir()
        if data is None:
            raise InputError("validation data not found: pass --data DIR, set RESONANZ_VALIDATION, or use --csv FILE --map ...")
        if not data.is_dir():
            raise InputError(f"validation data not found: {data} is not a folder")
        try:
            return ds.load_shared(data)
        except OSError as exc:
            raise InputError(f"cannot read the validation data in {data}: {exc.strerror or exc}") from None
        except (KeyError, TypeError) as exc:
            raise InputError(f"the validation data in {data} lacks the column {exc}") from None
    except ds.DataError as exc:
        raise InputError(str(exc)) from None


def _check_output(path: str | None, what: str) -> None:
    if not path:
        return
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {what} {path}: folder does not exist")
    if Path(path).is_dir():
        raise InputError(f"cannot write {what} {path}: it is a folder")


def run(args) -> int:
    """`resonanz validate …`; returns the exit status (InputError: one line, exit 2)."""
    if args.bootstrap is not None and args.bootstrap < 1:
        raise InputError("--bootstrap must be at least 1")
    _check_output(args.output, "the report")
    _check_output(args.write_evidence, "the evidence file")
    if args.csv and args.platform:
        from resonanz.core.analysis.platforms import resolve_platform

        try:
            resolve_platform(args.platform)
        except ValueError as exc:
            raise InputError(str(exc)) from None
    sets = _datasets(args)
    if not any(d.posts for d in sets):
        raise InputError("no usable posts: every row was skipped" + (f" ({sets[0].skipped[0]}, ...)" if sets and sets[0].skipped else ""))
    from resonanz.core.analysis.validation import evidence, render, table
    from resonanz.core.fileio import write_atomic

    result = table.build(sets, reps=args.bootstrap, seed=args.seed)
    graded = evidence.grade_rules(result)
    if args.format == "md":
        text = render.render_markdown(result, graded)
    elif args.format == "json":
        text = render.render_json(result, graded)
    else:
        text = render.render_text(result, graded)
    outputs: list[tuple[str, str]] = []
    if args.output:
        if args.format == "md":
            try:
                existing = Path(args.output).read_text(encoding="utf-8") if Path(args.output).is_file() else None
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read {args.output}: {exc}") from None
            text = render.merge_markdown(existing, text)
        outputs.append((args.output, text))
    if args.write_evidence:
        outputs.append((args.write_evidence, evidence.to_toml(result, graded)))
    for path, content in outputs:
        try:
            write_atomic(path, content)
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    if not args.output:
        sys.stdout.write(text)
    for d in sets:
        if d.skipped:
            print(f"resonanz validate: {d.key}: skipped {counted(len(d.skipped), 'row', 'rows')} ({d.skipped[0]}{', ...' if len(d.skipped) > 1 else ''})", file=sys.stderr)
    return 0
