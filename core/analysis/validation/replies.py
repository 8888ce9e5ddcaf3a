"""Does the reply score order real comment/reply pairs as a judgement or an outcome does? (issue 15.5)

Reads a CSV of pairs (a comment, the organisation's reply, a label or a numeric judgement, and
optionally a group such as the brand), scores each pair with `analyze_reply` and reports:

- a binary label (`--positive VALUE`, or a column holding only 0 and 1): the AUC of the reply
  score, i.e. the chance that a positive pair scores above a negative one (ties count one half),
  with a percentile bootstrap interval that resamples positives and negatives separately;
- a numeric judgement: Spearman's rho between the reply score and the judgement, with a bootstrap
  interval over all pairs;
- as references: the same figure for the reply's word count (a naive measuring stick), each rule's
  own points (and how often it moved the score among positives and negatives) and, with a group
  column, the median within-group rho over groups of at least `min_group` pairs.

Pairs the engine does not judge (no score: the reply has no word of its own) are counted and left
out, as are rows with an empty label. Nothing here tunes a rule: it only measures.

    python -m resonanz.core.analysis.validation.replies --csv pairs.csv --comment-column comment \
        --reply-column reply --label-column label --positive 1 [--group-column brand]

Bad input (unreadable file, missing column, a label that is neither numeric nor given by
`--positive`) is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from resonanz.core.analysis.reply import analyze_reply
from resonanz.core.analysis.rules.reply import RULES
from resonanz.core.analysis.validation.stats import auc, bootstrap, spearman, within_groups


class InputError(ValueError):
    """Bad input: the message is one line for the user."""


@dataclass(frozen=True)
class Pair:
    comment: str
    reply: str
    outcome: float  # 1.0 / 0.0 for a binary label, else the judgement
    group: str = ""


@dataclass(frozen=True)
class Figure:
    value: float
    low: float
    high: float


@dataclass
class ReplyValidation:
    kind: str  # "auc" or "spearman"
    score: Figure
    length: Figure  # the same figure for the reply's word count
    n: int
    positives: int  # AUC only
    negatives: int
    not_judged: int  # pairs with no reply score, left out
    no_label: int  # rows with an empty label, left out
    level: float
    min_group: int = 10
    rules: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # id -> (rate pos, rate neg, figure)
    groups: tuple[float, int, int] | None = None  # (median rho, groups used, pairs in them)


def load_pairs(path: Path | str, comment: str, reply: str, label: str, group: str | None = None,
               positive: str | None = None) -> tuple[list[Pair], int, bool]:
    """Read the pairs; returns (pairs, rows without a label, binary?). Raises InputError."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            columns = reader.fieldnames or []
            for name in (comment, reply, label, group):
                if name is not None and name not in columns:
                    raise InputError(f"column '{name}' not in {path} (columns: {', '.join(columns) or 'none'})")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    raw, no_label = [], 0
    for row in rows:
        value = (row.get(label) or "").strip()
        if not value:
            no_label += 1
            continue
        raw.append((row.get(comment) or "", row.get(reply) or "", value, (row.get(group) or "") if group else ""))
    if positive is not None:
        return [Pair(c, r, 1.0 if v == positive else 0.0, g) for c, r, v, g in raw], no_label, True
    try:
        pairs = [Pair(c, r, float(v), g) for c, r, v, g in raw]
    except ValueError:
        bad = next(v for _, _, v, _ in raw if not _is_number(v))
        raise InputError(f"label '{bad}' in column '{label}' is not a number: give --positive VALUE") from None
    binary = bool(pairs) and {p.outcome for p in pairs} <= {0.0, 1.0}
    return pairs, no_label, binary


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _figure(pred: Sequence[float], outcome: Sequence[float], binary: bool, reps: int, seed: int, level: float) -> Figure:
    labels = [o == 1.0 for o in outcome]
    if binary:
        strata = [[i for i, lab in enumerate(labels) if lab], [i for i, lab in enumerate(labels) if not lab]]

        def stat(idx: list[int]) -> float:
            return auc([pred[i] for i in idx], [labels[i] for i in idx])
        value = auc(pred, labels)
    else:
        strata = [list(range(len(pred)))]

        def stat(idx: list[int]) -> float:
            return spearman([pred[i] for i in idx], [outcome[i] for i in idx])
        value = spearman(pred, outcome)
    low, high = bootstrap(stat, strata, reps=reps, seed=seed, level=level)
    return Figure(value, low, high)


def evaluate(pairs: Sequence[Pair], binary: bool, *, language: str = "auto", no_label: int = 0, reps: int = 1000,
             seed: int = 1, level: float = 0.95, min_group: int = 10) -> ReplyValidation:
    """Score every pair and compare the scores with the outcomes."""
    scores: list[float] = []
    words: list[float] = []
    points: dict[str, list[float]] = {rule: [] for rule in RULES}
    kept: list[Pair] = []
    for p in pairs:
        result = analyze_reply(p.comment, p.reply, language=language)
        if result.value is None:
            continue
        kept.append(p)
        scores.append(float(result.value))
        words.append(float(result.stats["words"]))
        per_rule = {c.rule: c.points for c in result.score.breakdown} if result.score else {}
        for rule in RULES:
            points[rule].append(float(per_rule.get(rule, 0)))
    outcome = [p.outcome for p in kept]
    pos = sum(1 for o in outcome if o == 1.0) if binary else 0
    out = ReplyValidation(
        kind="auc" if binary else "spearman",
        score=_figure(scores, outcome, binary, reps, seed, level),
        length=_figure(words, outcome, binary, reps, seed, level),
        n=len(kept), positives=pos, negatives=len(kept) - pos if binary else 0,
        not_judged=len(pairs) - len(kept), no_label=no_label, level=level, min_group=min_group)
    point_figure = (lambda x: auc(x, [o == 1.0 for o in outcome])) if binary else (lambda x: spearman(x, outcome))
    for rule, xs in points.items():
        fired = [x != 0 for x in xs]
        rate_pos = _rate([f for f, o in zip(fired, outcome) if o == 1.0]) if binary else _rate(fired)
        rate_neg = _rate([f for f, o in zip(fired, outcome) if o != 1.0]) if binary else math.nan
        out.rules[rule] = (rate_pos, rate_neg, point_figure(xs))
    if any(p.group for p in kept):
        g = within_groups(scores, outcome, [p.group for p in kept], min_n=min_group)
        out.groups = (g.value, g.groups, g.n)
    return out


def _rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else math.nan


def render(v: ReplyValidation, positive_label: str = "1") -> str:
    """The report as plain text; the first line is the figure."""
    pct = round(v.level * 100)
    name = "AUC" if v.kind == "auc" else "Spearman rho"

    def fig(f: Figure) -> str:
        return f"{f.value:.3f} [{pct}% {f.low:.3f}, {f.high:.3f}]"
    counts = f"{v.positives} positive ({positive_label}), {v.negatives} other" if v.kind == "auc" else "numeric judgement"
    lines = [f"reply score: {name} {fig(v.score)}, n = {v.n} ({counts})",
             f"left out: {v.not_judged} pairs not judged (no reply score), {v.no_label} rows without a label",
             f"reference, reply length in words: {name} {fig(v.length)}"]
    if v.groups is not None:
        rho, groups, n = v.groups
        lines.append(f"median within-group Spearman rho: {rho:.3f} over {groups} groups ({n} pairs)" if groups
                     else f"within groups: no group has {v.min_group} judged pairs")
    head = "rule  moved score (pos / neg)  " if v.kind == "auc" else "rule  moved score  "
    lines.append(head + f"{name} of its points")
    for rule, (a, b, f) in v.rules.items():
        rates = f"{a:6.1%} / {b:6.1%}" if v.kind == "auc" else f"{a:6.1%}"
        lines.append(f"{rule:5} {rates:24} {f:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m resonanz.core.analysis.validation.replies",
                                 description="AUC or Spearman of the reply score against a label or judgement.")
    ap.add_argument("--csv", required=True, help="CSV file of comment/reply pairs")
    ap.add_argument("--comment-column", required=True)
    ap.add_argument("--reply-column", required=True)
    ap.add_argument("--label-column", required=True, help="binary label or numeric judgement")
    ap.add_argument("--positive", help="the label value that counts as positive (then: AUC)")
    ap.add_argument("--group-column", help="optional group (brand, page) for a within-group figure")
    ap.add_argument("--language", default="auto", choices=["auto", "de", "en"])
    ap.add_argument("--reps", type=int, default=1000, help="bootstrap resamples (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    try:
        pairs, no_label, binary = load_pairs(args.csv, args.comment_column, args.reply_column, args.label_column,
                                             args.group_column, args.positive)
        if not pairs:
            raise InputError(f"no labelled pairs in {args.csv}")
    except InputError as exc:
        print(f"resonanz: error: {exc}", file=sys.stderr)
        return 2
    result = evaluate(pairs, binary, language=args.language, no_label=no_label, reps=args.reps, seed=args.seed)
    print(render(result, args.positive if args.positive is not None else "1"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
