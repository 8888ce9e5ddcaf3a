"""`resonanz score`: score a draft (file or stdin, text or JSON, optional grammar check) or a CSV export.

May import: core.analysis, core.proofing, core.reports.terminal (lazily) and core.cli.batch / batch_language / inputs.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

from resonanz.core.cli.terminal import ProgressBar
from resonanz.core.cli.inputs import InputError, open_error


def _analyze_fn(args, fallback_language: str | None = None):
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
        return analyze(text, language=args.lang, platform=args.platform, rules_dir=rules_dir, fallback_language=fallback_language)

    return run


def run(args) -> int:
    """`resonanz score …`: one draft reported on stdout, or every row of a CSV file with --csv."""
    language_check = _grammar_options(args)
    if args.csv:
        return _score_csv(args)
    if args.text_column or args.out:
        raise InputError("--text-column and --out only work with --csv IN.csv")
    analyze = _analyze_fn(args)
    text = _read_text(args.file)
    result = analyze(text)
    _warn_rule_errors(result.language, args)
    # Not judged (too little text): no findings at all, so no language check either.
    grammar = _grammar(args, language_check, text, result.language) if language_check and result.judged else None
    if args.format == "json":
        data = result.to_dict()
        if grammar is not None:  # language findings join the others; points 0: the scores are unchanged
            data["findings"] += [f.to_dict() for f in grammar.findings]
            data["grammar"] = {"mode": args.grammar, "state": grammar.state.value, "reason_code": grammar.reason_code,
                               "reason": grammar.reason, "engine": grammar.engine}
        _add_evidence(data["findings"], result.language)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from resonanz.core.cli.terminal import render, render_language

        color = _use_color(sys.stdout)
        sys.stdout.write(render(result, color=color))
        if grammar is not None:
            sys.stdout.write(render_language(grammar.findings, text, result.language, grammar.engine_label(), color=color))
    return 0


def _add_evidence(findings: list[dict], language: str) -> None:
    """Each finding's rule evidence (core/analysis/evidence.py): {"grade": "supported", "summary": "Supported: …"}."""
    from resonanz.core.analysis.evidence import describe, evidence_for

    for f in findings:
        ev = evidence_for(str(f.get("rule", "")))
        f["evidence"] = {"grade": ev.grade, "summary": describe(ev, language)}


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
    from resonanz.core.proofing.grammar import GrammarChecker
    from resonanz.core.proofing.grammar_model import PUBLIC_SERVER, GrammarSettings, GrammarState

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
    from resonanz.core.cli.batch import batch_refusals, counted, print_done, print_skipped, score_csv

    if not args.text_column:
        raise InputError("--csv needs --text-column COL (the column with the post text)")
    if not args.out:
        raise InputError("--csv needs --out OUT.csv (where the scored rows go)")
    if args.format == "json":
        raise InputError("--format json is for single drafts; --csv writes CSV")
    analyze = _analyze_fn(args)  # validates --lang first
    undecided: Counter[str] = Counter()  # language given to posts with too few words of their own
    majority = None
    if args.lang.strip().lower() == "auto":  # such posts take the file's majority language
        from resonanz.core.cli.batch_language import majority_language

        majority = majority_language(Path(args.csv), args.text_column)
        scorer = _analyze_fn(args, majority)

        def analyze(text: str):  # noqa: F811 - the same scorer, counting the undecided posts
            result = scorer(text)
            if result.judged and result.language_reason == "too_few_words":
                undecided[result.language] += 1
            return result
    from resonanz.core.analysis.engine import min_own_words
    from resonanz.core.analysis.language import SUPPORTED_LANGUAGES

    _warn_rule_errors(SUPPORTED_LANGUAGES, args)  # rows may be in either language
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = ProgressBar(Path(args.csv).name, "rows") if show else None
    with batch_refusals(args.out):
        report = score_csv(Path(args.csv), Path(args.out), args.text_column, analyze, bar)
    if bar:
        bar.finish()
    print_skipped(report)
    if undecided:
        source = "the file's majority language" if majority else "the default"
        print(f"resonanz: {counted(undecided.total(), 'post')} had too few words of their own to detect their language "
              f"(only links, emoji or hashtags): scored as {', '.join(undecided)}, {source}", file=sys.stderr)
    if report.not_judged:
        print(f"resonanz: {counted(report.not_judged, 'post')} had not enough text to judge (fewer than {min_own_words()} words of "
              "their own): empty score cells, reason not_enough_text", file=sys.stderr)
    print_done(report, args.out)
    return 0
