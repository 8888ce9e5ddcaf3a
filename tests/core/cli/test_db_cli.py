"""`resonanz db backup|restore|check` as a real subprocess: --db in both places, RESONANZ_HOME, exit codes."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from resonanz.core.storage.store import Store


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RESONANZ_HOME"}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "resonanz", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False
    )


def make_db(path: Path, text: str = "Die Füchsin") -> Path:
    with Store(path) as s:
        s.create_draft(text, "t")
    return path


def first_text(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text FROM drafts ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("resonanz: error: ")
    return lines[0]


def test_check_default_database_in_resonanz_home(home: Path) -> None:
    assert "not found" in one_error_line(run(home, "db", "check"))
    make_db(home / "resonanz.db")
    proc = run(home, "db", "check")
    assert proc.returncode == 0, proc.stderr
    assert str(home / "resonanz.db") in proc.stdout and "ok, schema" in proc.stdout and "; 1 draft (0 in the trash), 0 revisions," in proc.stdout


@pytest.mark.parametrize("form", ["global", "after-db", "after-action"])
def test_db_option_in_every_place(home: Path, tmp_path: Path, form: str) -> None:
    db = make_db(tmp_path / "elsewhere.db")
    args = {
        "global": ["--db", str(db), "db", "check"],
        "after-db": ["db", "--db", str(db), "check"],
        "after-action": ["db", "check", "--db", str(db)],
    }[form]
    proc = run(home, *args)
    assert proc.returncode == 0, proc.stderr
    assert str(db) in proc.stdout
    assert not (home / "resonanz.db").exists()


def test_backup_default_folder_and_dest(home: Path, tmp_path: Path) -> None:
    make_db(home / "resonanz.db")
    proc = run(home, "db", "backup")
    assert proc.returncode == 0, proc.stderr
    (made,) = (home / "backups").glob("resonanz-*.db")
    assert proc.stdout.strip() == f"backup written: {made}"
    assert first_text(made) == "Die Füchsin"
    dest = tmp_path / "mine.db"
    proc = run(home, "db", "backup", str(dest))
    assert proc.returncode == 0 and dest.exists()
    assert "already exists" in one_error_line(run(home, "db", "backup", str(dest)))
    proc = run(home, "db", "backup", str(tmp_path / "new-folder") + os.sep)  # a trailing / means a folder
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "new-folder").glob("resonanz-*.db"))) == 1


def test_backup_with_db_option(home: Path, tmp_path: Path) -> None:
    db = make_db(tmp_path / "x.db", "anderer Inhalt")
    dest = tmp_path / "copy.db"
    proc = run(home, "--db", str(db), "db", "backup", str(dest))
    assert proc.returncode == 0, proc.stderr
    assert first_text(dest) == "anderer Inhalt"


def test_restore(home: Path, tmp_path: Path) -> None:
    db = make_db(home / "resonanz.db", "jetzt")
    saved = make_db(tmp_path / "saved.db", "damals")
    proc = run(home, "db", "restore", str(saved))
    assert proc.returncode == 0, proc.stderr
    (aside,) = home.glob("resonanz.db.before-restore-*")
    assert str(aside) in proc.stdout
    assert first_text(db) == "damals" and first_text(aside) == "jetzt"


def test_bad_input_is_one_line_and_exit_2(home: Path, tmp_path: Path) -> None:
    db = make_db(home / "resonanz.db")
    before = db.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(random.Random(0).randbytes(4000))
    newer = make_db(tmp_path / "newer.db")
    c = sqlite3.connect(newer)
    c.execute("INSERT INTO schema_migrations VALUES (7, 'x')")
    c.commit()
    c.close()

    assert "backup not found" in one_error_line(run(home, "db", "restore", str(tmp_path / "missing.db")))
    assert str(junk) in one_error_line(run(home, "db", "restore", str(junk)))
    assert "newer Resonanz (schema 7" in one_error_line(run(home, "db", "restore", str(newer)))
    assert db.read_bytes() == before  # nothing restored

    assert "not an SQLite file" in one_error_line(run(home, "--db", str(junk), "db", "check"))
    assert "newer Resonanz" in one_error_line(run(home, "db", "check", "--db", str(newer)))
    assert "not found" in one_error_line(run(home, "db", "check", "--db", str(tmp_path / "missing.db")))
    assert "not found" in one_error_line(run(home, "db", "backup", "--db", str(tmp_path / "missing.db")))
    assert "not an SQLite file" in one_error_line(run(home, "db", "backup", "--db", str(junk), str(tmp_path / "o.db")))
    trunc = tmp_path / "trunc.db"
    big = make_db(tmp_path / "big.db", "x" * 50_000)
    trunc.write_bytes(big.read_bytes()[:8192])
    assert "damaged" in one_error_line(run(home, "db", "check", "--db", str(trunc)))  # SQLite finds the truncation
    assert junk.read_bytes() == random.Random(0).randbytes(4000)


def test_db_without_action_and_help(home: Path) -> None:
    proc = run(home, "db", "--db", "x.db")
    assert proc.returncode == 2 and "backup" in proc.stderr and "restore" in proc.stderr
    proc = run(home, "db", "--help")
    assert proc.returncode == 0
    flat = " ".join(proc.stdout.split())
    assert "--db PATH" in flat and "`resonanz --db x.db db check` or `resonanz db check --db x.db`" in flat
    assert "--db PATH" in run(home, "--help").stdout


def test_score_still_works_with_global_db_option(home: Path, tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Was meint ihr dazu?", encoding="utf-8")
    proc = run(home, "--db", str(tmp_path / "x.db"), "score", str(post), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "x.db").exists()
