"""The terminal report of `resonanz score`: scores, findings with the quoted passage and suggestion;
and the one progress bar of the batch commands (`score --csv`, `audit`)."""

from __future__ import annotations

import sys
import textwrap
import time

from resonanz.core.analysis.model import DIMENSIONS, AnalysisResult
from resonanz.core.analysis.packs import load_pack

_ANSI = {"red": "\033[31m", "amber": "\033[33m", "green": "\033[32m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}
_MARK = {"error": "✖", "warning": "▲", "suggestion": "●", "info": "ℹ", "good": "✔"}


def render(result: AnalysisResult, color: bool = False, width: int = 78) -> str:
    """A plain-text report; ANSI colours only when `color` is true."""
    labels = load_pack(result.language, False).labels

    def c(name: str, s: str) -> str:
        return f"{_ANSI[name]}{s}{_ANSI['reset']}" if color else s

    how = labels.get(result.language_reason) or (labels["detected"] if result.language_detected else labels["chosen"])
    st = result.stats
    # Not judged: no language is claimed unless the user chose one.
    claim = f" · {labels['language_name']} ({how})" if result.judged or result.language_reason == "chosen" else ""
    out = [
        c("bold", f"Resonanz · {result.platform}{claim}"),
        f"{st['words']} {labels['words']} · {st['sentences']} {labels['sentences']} · "
        f"{st['characters']}{'/' + str(st['characters_limit']) if st['characters_limit'] else ''} {labels['characters']} · "
        f"{labels['reading_time']} {st['reading_time_seconds']} s",
        "",
    ]
    if not result.judged:  # one line instead of scores and findings
        from resonanz.core.analysis.engine import min_own_words

        out.append(labels["not_enough_text"].format(n=min_own_words()))
        return "\n".join(out) + "\n"
    for dim in DIMENSIONS:
        score = result.scores[dim]
        bar = "█" * (score.value // 10) + "░" * (10 - score.value // 10)
        light = labels[score.light]
        out.append(f"  {labels[dim]:<13} {score.value:>3}  {c(score.light, bar)}  {light}")
        parts = ", ".join(f"{p.label} {p.points:+d}" if p.rule != "base" else f"{p.label} {p.points}" for p in score.breakdown)
        out.append(c("dim", textwrap.fill(parts, width, initial_indent=" " * 20, subsequent_indent=" " * 20)))
    out += ["", c("bold", labels["findings"])]
    if not result.findings:
        out.append("  " + labels["no_findings"])
    for f in result.findings:
        head = f"{_MARK[f.severity]} [{labels.get(f.dimension, f.dimension)}] {f.rule}"
        if f.points:
            head += f" ({f.points:+d})"
        out.append("")
        out.append("  " + c({"error": "red", "warning": "amber", "good": "green"}.get(f.severity, "bold"), head))
        out.append(textwrap.fill(f.message, width, initial_indent="    ", subsequent_indent="    "))
        passage = " ".join(result.text[f.spans[0].start : f.spans[0].end].split()) if len(f.spans) == 1 else ""
        if len(passage.split()) >= 2 and passage[:20] not in f.message:  # quote only what the message doesn't
            passage = passage if len(passage) <= 70 else passage[:69] + "…"
            out.append(c("dim", f"    » {passage}"))
        if f.suggestion:
            out.append(textwrap.fill("→ " + f.suggestion, width, initial_indent="    ", subsequent_indent="      "))
        first_author = f.source.split()[0].rstrip(",") if f.source else ""
        cite = "" if not f.source or first_author in f.why else f" [{f.source}]"
        out.append(c("dim", textwrap.fill(f"{labels['why']}: {f.why}{cite}", width, initial_indent="    ", subsequent_indent="    ")))
    return "\n".join(out) + "\n"


def render_language(findings, text: str, language: str, note: str = "", color: bool = False, width: int = 78) -> str:
    """The "Language" section of `resonanz score`: spelling/grammar findings (core.grammar), each
    with the quoted word, the message and the replacements; `note` is e.g. the engine used."""
    from resonanz.core.proofing.spelling import messages

    msg = messages(language)

    def c(name: str, s: str) -> str:
        return f"{_ANSI[name]}{s}{_ANSI['reset']}" if color else s

    out = ["", c("bold", msg["section"])]
    if note:
        out.append(c("dim", textwrap.fill(note, width, initial_indent="  ", subsequent_indent="  ")))
    if not findings:
        out.append("  " + msg["none"])
    for f in findings:
        passage = " ".join(text[f.start : f.end].split()) if f.start is not None else ""
        head = f"{_MARK.get(f.severity, '•')} {f.rule}" + (f"  »{passage}«" if passage else "")
        out.append("  " + c({"error": "red", "warning": "amber"}.get(f.severity, "bold"), head))
        out.append(textwrap.fill(f.message, width, initial_indent="    ", subsequent_indent="    "))
        if f.suggestion:
            out.append(textwrap.fill("→ " + f.suggestion, width, initial_indent="    ", subsequent_indent="      "))
    return "\n".join(out) + "\n"


class ProgressBar:
    """A one-line progress bar on stderr (redrawn at most ten times a second on a terminal, every
    two seconds into a log), with the time left once something is done. `batch(done, total, count)`
    for byte-based progress with a row count (`resonanz score --csv`), `bar(done, total)` for items."""

    def __init__(self, label: str, unit: str = "rows", eta: bool = False) -> None:
        self.label, self.unit, self.eta, self.tty = label, unit, eta, sys.stderr.isatty()
        self.start, self.last = time.monotonic(), 0.0
        self.drawn: tuple[int, int] | None = None

    def __call__(self, done: int, total: int, count: int | None = None) -> None:
        now = time.monotonic()
        count = done if count is None else count
        if now - self.last < (0.1 if self.tty else 2.0) and done < total:
            return
        if (done, count) == self.drawn:  # the last step and the final call report the same state
            return
        self.last, self.drawn = now, (done, count)
        frac = done / total if total else 1.0
        filled = int(frac * 30)
        line = f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {frac:4.0%} {count:,}"
        line += f"/{total:,} {self.unit}" if self.eta else f" {self.unit}"
        if self.eta:
            line += f", ETA {(now - self.start) / done * (total - done) if done else 0.0:.0f} s"
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
