"""The `resonanz` command, run as a real subprocess: options, JSON/text reports, bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core import __version__
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.platforms import load_profiles

SKIN_TONE = "\U0001F469\U0001F3FD\u200D\U0001F4BB"  # 👩🏽‍💻 woman technologist, medium skin tone (ZWJ)
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467"  # 👨‍👩‍👧 ZWJ sequence
# A German draft with emoji before the ad-speak word "führende" (D7): its offsets must be
# Python str offsets (code points), not UTF-8 bytes, UTF-16 units or graphemes.
DRAFT_DE = (
    f"{SKIN_TONE} Neues aus der Werkstatt {FAMILY}\n"
    "Wir sind der führende Anbieter für Lastenräder in der Region. "
    "Was transportiert ihr am liebsten damit?"
)
DRAFT_EN = "We are proud of our team. Our bakery opened a second shop on Main Street today."
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING", "RESONANZ_HOME")}
    env["RESONANZ_HOME"] = str(home)  # an empty data dir: no user rule folder leaks in
    env.update(extra)
    return env


def run(home: Path, *args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "resonanz", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=cli_env(home, **env),
        timeout=60,
    )


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


@pytest.fixture()
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT_DE, encoding="utf-8")
    return p


def score_json(home: Path, *args: str, stdin: bytes | None = None) -> dict:
    proc = run(home, "score", *args, "--format", "json", stdin=stdin)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    return json.loads(proc.stdout.decode("utf-8"))


# --------------------------------------------------------------------------- version


def test_version(home: Path) -> None:
    proc = run(home, "--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"resonanz {__version__}"


def test_console_script_is_installed(home: Path, draft: Path) -> None:
    script = Path(sys.executable).with_name("resonanz.exe" if os.name == "nt" else "resonanz")
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    proc = subprocess.run([str(script), "--version"], capture_output=True, env=cli_env(home), timeout=60)
    assert proc.stdout.decode().strip() == f"resonanz {__version__}"


# --------------------------------------------------------------------------- JSON report


def check_shape(data: dict) -> None:
    assert {"language", "platform", "scores", "findings", "stats"} <= set(data)
    assert set(data["scores"]) == set(DIMENSIONS)
    if data["judged"] is False:  # too little text: no scores, no lights, no findings
        assert data["reason"] == "not_enough_text" and data["findings"] == []
        assert set(data["scores"].values()) == set(data["lights"].values()) == {None}
    for value in data["scores"].values() if data["judged"] else ():
        assert type(value) is int and 0 <= value <= 100
    for f in data["findings"]:
        assert {"rule", "dimension", "severity", "start", "end", "message", "suggestion"} <= set(f)
        assert f["dimension"] in DIMENSIONS
        assert (f["start"] is None) == (f["end"] is None)
    assert isinstance(data["stats"], dict) and "words" in data["stats"]


def test_json_report_shape_and_offsets(home: Path, draft: Path) -> None:
    data = score_json(home, str(draft))
    check_shape(data)
    assert data["language"] == "de" and data["platform"] == "linkedin"
    d7 = [f for f in data["findings"] if f["rule"] == "D7"]
    assert d7, data["findings"]
    start, end = d7[0]["start"], d7[0]["end"]
    assert DRAFT_DE[start:end] == "führende"
    assert start == DRAFT_DE.index("führende")  # code points, not bytes or UTF-16 units
    # every span of every finding lies inside the text
    for f in data["findings"]:
        for s, e in f.get("spans", []):
            assert 0 <= s <= e <= len(DRAFT_DE)
    assert data["stats"]["code_points"] == len(DRAFT_DE)


def test_json_from_stdin_matches_file(home: Path, draft: Path) -> None:
    from_file = score_json(home, str(draft))
    from_stdin = score_json(home, "-", stdin=DRAFT_DE.encode("utf-8"))
    assert from_stdin == from_file
    # `score` without a file argument reads stdin too
    assert score_json(home, stdin=DRAFT_DE.encode("utf-8")) == from_file


@pytest.mark.parametrize(
    ("lang", "expected", "detected"),
    [("auto", "de", True), ("de", "de", False), ("en", "en", False), ("EN-gb", "en", False)],
)
def test_lang_option(home: Path, draft: Path, lang: str, expected: str, detected: bool) -> None:
    data = score_json(home, str(draft), "--lang", lang)
    assert data["language"] == expected
    assert data["language_detected"] is detected


def test_english_draft_detected(home: Path) -> None:
    data = score_json(home, "-", stdin=DRAFT_EN.encode())
    assert data["language"] == "en" and data["language_detected"] is True


@pytest.mark.parametrize(("name", "pid"), [("x", "x"), ("Twitter", "x"), ("mastodon", "mastodon"), ("bluesky", "bluesky")])
def test_platform_option(home: Path, draft: Path, name: str, pid: str) -> None:
    data = score_json(home, str(draft), "--platform", name)
    assert data["platform"] == pid
    assert data["stats"]["characters_limit"] == load_profiles()[pid].limit


def test_platform_changes_the_score(home: Path, tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    sentence = "Heute haben wir im Stadtpark zwölf neue Linden gepflanzt, zusammen mit der Nachbarschaft. "
    long.write_text(sentence * 5 + "Welche Bäume wünscht ihr euch?", encoding="utf-8")
    on_x = score_json(home, str(long), "--platform", "x")
    on_linkedin = score_json(home, str(long), "--platform", "linkedin")
    assert any(f["rule"] == "P1" for f in on_x["findings"])
    assert not any(f["rule"] == "P1" for f in on_linkedin["findings"])
    assert on_x["scores"]["platform_fit"] < on_linkedin["scores"]["platform_fit"]


# --------------------------------------------------------------------------- text report


def test_text_report(home: Path, draft: Path) -> None:
    data = score_json(home, str(draft))
    proc = run(home, "score", str(draft))
    assert proc.returncode == 0 and proc.stderr == b""
    out = proc.stdout.decode("utf-8")
    labels = load_pack("de", False).labels
    for dim in DIMENSIONS:
        assert labels[dim] in out
        assert re.search(rf"{re.escape(labels[dim])}\s+{data['scores'][dim]}\b", out)
    suggestion = next(f["suggestion"] for f in data["findings"] if f["rule"] == "D7")
    assert suggestion and " ".join(suggestion.split()) in " ".join(out.split())
    assert not ANSI.search(out), "ANSI escapes in output that is not a terminal"


def test_text_report_english_labels(home: Path) -> None:
    out = run(home, "score", "-", stdin=DRAFT_EN.encode()).stdout.decode()
    for dim in DIMENSIONS:
        assert load_pack("en", False).labels[dim] in out


@pytest.mark.skipif(os.name == "nt", reason="needs a pseudo-terminal")
def test_text_report_colours_only_on_a_terminal(home: Path, draft: Path) -> None:
    """Counter-check for the test above: on a TTY the report is coloured, unless NO_COLOR is set."""
    import pty

    def on_tty(**env: str) -> str:
        main_fd, child_fd = pty.openpty()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "resonanz", "score", str(draft)],
                stdout=child_fd, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=cli_env(home, **env),
            )
            os.close(child_fd)
            chunks = []
            while True:
                try:
                    chunk = os.read(main_fd, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            assert proc.wait(timeout=60) == 0
            return b"".join(chunks).decode("utf-8")
        finally:
            os.close(main_fd)

    assert ANSI.search(on_tty())
    assert not ANSI.search(on_tty(NO_COLOR="1"))


def test_report_is_utf8_even_with_a_non_utf8_locale(home: Path, draft: Path) -> None:
    # e.g. a Windows pipe (cp1252): the bars and emoji must not crash the report, and JSON is UTF-8.
    for fmt in ("text", "json"):
        proc = run(home, "score", str(draft), "--format", fmt, PYTHONIOENCODING="cp1252")
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        out = proc.stdout.decode("utf-8")
        if fmt == "json":
            assert json.loads(out)["language"] == "de"
        else:
            assert "█" in out


# --------------------------------------------------------------------------- special files


def test_bom_file(home: Path, tmp_path: Path, draft: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + DRAFT_DE.encode("utf-8"))
    with_bom = score_json(home, str(bom))
    assert with_bom == score_json(home, str(draft))  # the BOM is not part of the text: same offsets
    d7 = next(f for f in with_bom["findings"] if f["rule"] == "D7")
    assert DRAFT_DE[d7["start"] : d7["end"]] == "führende"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \n\n \t\n"])
def test_empty_file(home: Path, tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    data = score_json(home, str(empty))
    check_shape(data)
    assert data["stats"]["words"] == 0
    assert data["judged"] is False and data["language_detected"] is False
    proc = run(home, "score", str(empty))
    assert proc.returncode == 0 and proc.stderr == b"" and proc.stdout
    assert "Zu wenig Text zum Bewerten" in proc.stdout.decode("utf-8")  # the default language's labels


# --------------------------------------------------------------------------- bad input


def assert_usage_error(proc: subprocess.CompletedProcess[bytes]) -> str:
    """Exit 2, nothing on stdout, exactly one 'resonanz: error:' line on stderr; returns it."""
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, (proc.returncode, err)
    assert proc.stdout == b""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("resonanz: error:"), err
    assert err.endswith("\n")
    return lines[0]


def test_missing_file(home: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", str(tmp_path / "nope.txt")))
    assert "nope.txt" in line and "not found" in line


def test_directory(home: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", str(tmp_path)))
    assert "directory" in line


def test_binary_file(home: Path, tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
    line = assert_usage_error(run(home, "score", str(png)))
    assert "logo.png" in line and "binary" in line


def bad_utf8() -> tuple[bytes, int]:
    head = "Grüße aus Köln – ".encode("utf-8")  # multi-byte characters: byte offset != character offset
    return head + b"\xff" + " und was sagt ihr?".encode("utf-8"), len(head)


def test_invalid_utf8_names_the_offset(home: Path, tmp_path: Path) -> None:
    data, offset = bad_utf8()
    assert offset == 22  # 17 characters, 22 bytes
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    line = assert_usage_error(run(home, "score", str(bad)))
    assert "UTF-8" in line
    assert re.search(rf"\boffset {offset}\b", line), line
    assert "0xff" in line


def test_invalid_utf8_on_stdin(home: Path) -> None:
    data, offset = bad_utf8()
    line = assert_usage_error(run(home, "score", "-", stdin=data))
    assert re.search(rf"\boffset {offset}\b", line) and "standard input" in line


def test_unknown_platform_lists_valid_ones(home: Path, draft: Path) -> None:
    line = assert_usage_error(run(home, "score", str(draft), "--platform", "myspace"))
    assert "myspace" in line
    for pid in load_profiles():
        assert pid in line


def test_unknown_language(home: Path, draft: Path) -> None:
    line = assert_usage_error(run(home, "score", str(draft), "--lang", "fr"))
    assert "'fr'" in line and "de" in line and "en" in line


def test_unknown_platform_with_csv(home: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Hallo ihr\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert_usage_error(run(home, "score", "--csv", str(src), "--text-column", "text", "--out", str(out), "--platform", "myspace"))
    assert not out.exists()


@pytest.fixture()
def posts_csv(tmp_path: Path) -> Path:
    p = tmp_path / "posts.csv"
    p.write_text("id,body,channel\n1,Was meint ihr dazu?,web\n", encoding="utf-8")
    return p


def test_csv_without_text_column(home: Path, posts_csv: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", "--csv", str(posts_csv), "--out", str(tmp_path / "o.csv")))
    assert "--text-column" in line
    assert not (tmp_path / "o.csv").exists()


def test_csv_without_out(home: Path, posts_csv: Path) -> None:
    line = assert_usage_error(run(home, "score", "--csv", str(posts_csv), "--text-column", "body"))
    assert "--out" in line


def test_csv_missing_column(home: Path, posts_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    line = assert_usage_error(run(home, "score", "--csv", str(posts_csv), "--text-column", "message", "--out", str(out)))
    assert "'message'" in line
    for present in ("id", "body", "channel"):
        assert present in line
    assert not out.exists()


def test_text_column_without_csv(home: Path, draft: Path) -> None:
    line = assert_usage_error(run(home, "score", str(draft), "--text-column", "body"))
    assert "--csv" in line


def test_out_without_csv(home: Path, draft: Path, tmp_path: Path) -> None:
    assert_usage_error(run(home, "score", str(draft), "--out", str(tmp_path / "o.csv")))


def test_missing_csv_file(home: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", "--csv", str(tmp_path / "none.csv"), "--text-column", "t", "--out", str(tmp_path / "o.csv")))
    assert "none.csv" in line


def test_binary_csv(home: Path, tmp_path: Path) -> None:
    png = tmp_path / "table.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    line = assert_usage_error(run(home, "score", "--csv", str(png), "--text-column", "t", "--out", str(tmp_path / "o.csv")))
    assert "binary" in line


def test_out_folder_missing(home: Path, posts_csv: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", "--csv", str(posts_csv), "--text-column", "body", "--out", str(tmp_path / "no" / "o.csv")))
    assert "o.csv" in line


def test_rules_dir_missing(home: Path, draft: Path, tmp_path: Path) -> None:
    line = assert_usage_error(run(home, "score", str(draft), "--rules-dir", str(tmp_path / "no-rules")))
    assert "no-rules" in line
