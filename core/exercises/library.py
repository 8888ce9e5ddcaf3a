"""Coaching exercises: a weak draft, a goal and target scores to reach, with instructions in Markdown.

The built-in library ships in ``resonanz/resources/exercises/{de,en}/*.md`` (the file format is
described in `resonanz.core.exercises.fileformat`). This module owns loading it
(`builtin_exercises`) and checking an attempt against an exercise (`evaluate`, `targets_met`).
The parts: the model in `model`, the file format in `fileformat`, safe HTML in `rendering`,
``.resonanzpack`` import and export in `packs`. Pure Python, no Qt; imports `model`,
`fileformat` and `resonanz.core.analysis`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from resonanz.core.analysis.model import AnalysisResult
from resonanz.core.analysis.reply import ReplyResult
from resonanz.core.exercises.fileformat import parse_exercise
from resonanz.core.exercises.model import LANGUAGES, Exercise, ExerciseError

__all__ = ["builtin_exercises", "evaluate", "targets_met"]

@lru_cache(maxsize=1)
def _builtin() -> tuple[Exercise, ...]:
    root = resources.files("resonanz.resources.exercises")
    found: dict[str, Exercise] = {}
    for language in LANGUAGES:
        folder = root / language
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".md") or not entry.is_file():
                continue
            source = f"builtin:{language}/{entry.name}"
            ex = parse_exercise(entry.read_text(encoding="utf-8"), source)
            if ex.language != language:
                raise ExerciseError(source, None, f"language {ex.language!r} does not match its folder '{language}'")
            if ex.id in found:
                raise ExerciseError(source, None, f"duplicate id {ex.id!r} (also in {found[ex.id].source})")
            found[ex.id] = ex
    return tuple(sorted(found.values(), key=lambda e: (e.language, e.id)))


def builtin_exercises() -> list[Exercise]:
    """All exercises shipped with Resonanz, sorted by language and id (parsed once, then cached)."""
    return list(_builtin())


# ----------------------------------------------------------------------------------- checking


def evaluate(ex: Exercise, text: str, *, rules_dir: Path | None | bool = None) -> AnalysisResult | ReplyResult:
    """Analyse an attempt at `ex` in the exercise's language and on its platform; a reply
    exercise's attempt is scored as the answer to its comment (under its post)."""
    if ex.kind == "reply":
        from resonanz.core.analysis.reply import analyze_reply

        return analyze_reply(ex.comment, text, post=ex.post_context or None, language=ex.language, rules_dir=rules_dir)
    from resonanz.core.analysis.engine import analyze

    return analyze(text, language=ex.language, platform=ex.platform, rules_dir=rules_dir)


def targets_met(ex: Exercise, result: AnalysisResult | ReplyResult) -> dict[str, bool]:
    """For each target dimension of `ex`: does `result` reach the minimum score? (Not for a result
    that is not judged: too little text meets no target.)"""
    scores = result.scores if result.judged else {}
    return {dim: dim in scores and scores[dim].value >= minimum for dim, minimum in ex.targets.items()}
