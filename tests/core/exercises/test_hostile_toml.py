"""Hostile TOML in exercise files and packs (issue 19, point 10a): a front matter or manifest nested
thousands of levels deep is a one-line ExerciseError/PackError, never RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from resonanz.core.exercises.fileformat import parse_exercise
from resonanz.core.exercises.model import ExerciseError
from test_exercises import GOOD, MANIFEST, _exercise_bytes, _import_fails, _zip, sandbox  # noqa: F401

DEEP_ARRAY = "[" * 5000 + "]" * 5000
DEEP_TABLE = "{a = " * 5000 + "1" + "}" * 5000


@pytest.mark.parametrize("deep", [DEEP_ARRAY, DEEP_TABLE])
def test_deeply_nested_front_matter_is_an_exercise_error(deep: str) -> None:
    text = GOOD.replace('hints = ["one", "two"]', f"hints = {deep}")
    with pytest.raises(ExerciseError) as info:
        parse_exercise(text, "deep.md")
    msg = str(info.value)
    assert msg.startswith("deep.md:") and "nested deeper than" in msg and "\n" not in msg


@pytest.mark.parametrize("deep", [DEEP_ARRAY, DEEP_TABLE])
def test_pack_with_deep_manifest_is_refused(sandbox: Path, deep: str) -> None:  # noqa: F811
    path = _zip(sandbox / "deep.resonanzpack", [("manifest.toml", MANIFEST + f"x = {deep}\n".encode()),
                                                ("exercises/a.md", _exercise_bytes())], manifest=False)
    _import_fails(path, sandbox, "manifest.toml", "nested deeper than")


def test_pack_with_deep_exercise_is_refused(sandbox: Path) -> None:  # noqa: F811
    bad = GOOD.replace('hints = ["one", "two"]', f"hints = {DEEP_ARRAY}").encode()
    path = _zip(sandbox / "deep.resonanzpack", [("exercises/a.md", bad)])
    _import_fails(path, sandbox, "a.md", "nested deeper than")


def test_ordinary_nesting_and_brackets_in_strings_still_parse() -> None:
    text = GOOD.replace('hints = ["one", "two"]', 'hints = ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{{{"]')
    assert parse_exercise(text, "ok.md").hints[0].startswith("[[[[")
