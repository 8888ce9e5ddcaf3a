"""Hostile user rule files (issue 19, point 10a): nested 5,000 levels deep or far too large, the
file is skipped and reported with its path and reason; the defaults keep working, never RecursionError."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.packs import load_pack
from resonanz.core.fileio import TOML_MAX_CHARS
from test_packs import BAKERY, no_user_folder, one_error, rules_dir, run  # noqa: F401


@pytest.mark.parametrize("deep", ["[" * 5000 + "]" * 5000, "{a = " * 5000 + "1" + "}" * 5000])
def test_deeply_nested_rule_file_is_skipped_and_reported(tmp_path: Path, deep: str) -> None:
    folder = rules_dir(tmp_path, deep=f"# hostile\n[rules.D7]\npoints_each = {deep}\n",
                       good='[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n')
    err = one_error(load_pack("de", folder))
    assert re.match(rf"{re.escape(str(folder / 'deep.toml'))}:3: invalid TOML: nested deeper than \d+ levels", err), err
    assert run(BAKERY, folder).findings_for("D7")  # the good file still applies


def test_huge_rule_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path)
    (folder / "huge.toml").write_text("# " + "x" * (4 * TOML_MAX_CHARS + 10) + "\n", encoding="utf-8")
    assert "huge.toml: invalid TOML: file too large" in one_error(load_pack("de", folder))


def test_cli_score_with_deep_rule_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "rules").mkdir(parents=True)
    (home / "rules" / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(BAKERY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "resonanz", "score", str(draft)], capture_output=True,
                          encoding="utf-8", env={"RESONANZ_HOME": str(home), "PATH": ""}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "deep.toml" in proc.stderr + proc.stdout and "RecursionError" not in proc.stderr
