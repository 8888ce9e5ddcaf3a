"""Hostile CSV input for `resonanz score --csv` (issue 19, points 2 and 10b/c): formula cells are
defused, an unclosed quote or invalid UTF-8 is a one-line error naming the place, never a
silently swallowed or altered row."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from resonanz.core.cli import batch
from resonanz.core.cli.batch import BatchError, score_csv
from test_batch import engine, home, read_csv, run_csv, sentences, write_csv  # noqa: F401

PAYLOADS = ['=HYPERLINK("http://evil","x")', "+cmd|calc", "@SUM(1+1)", "-2+3", "\tTAB", "\rCR=1"]


def test_formula_cells_are_defused_in_every_column(tmp_path: Path) -> None:
    good = sentences(1)[0]
    rows = [["=text", "note"], *[[p, p] for p in PAYLOADS], [good, "-5"]]
    src = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    report = score_csv(src, out, "=text", engine)
    assert report.scored == 1 and report.not_judged == len(PAYLOADS)  # the payloads are too short to judge
    written = read_csv(out)
    assert written[0][:2] == ["'=text", "note"]
    for payload, row in zip(PAYLOADS, written[1:]):
        assert row[:2] == ["'" + payload, "'" + payload]
    assert written[-1][:2] == [good, "'-5"]  # one rule: every text cell, also a number read as text
    # Resonanz's own columns are numbers, written as numbers (never prefixed).
    for row in written[1:]:
        assert all(not c.startswith("'") for c in row[2:])


def test_cli_defuses_formulas(home: Path, tmp_path: Path) -> None:  # noqa: F811
    src = write_csv(tmp_path / "in.csv", [["text"], ["=1+1 ist eine Rechnung"]])
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    assert read_csv(out)[1][0] == "'=1+1 ist eine Rechnung"


def test_unterminated_quote_is_an_error_with_its_line(home: Path, tmp_path: Path) -> None:  # noqa: F811
    src = tmp_path / "in.csv"
    src.write_bytes(b'id,text\r\n1,"hello there friend\r\n2,world is fine\r\n3,ok\r\n')
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and f"{src}:2: a quoted cell is never closed" in proc.stderr
    assert not out.exists()


def test_closed_multiline_quotes_and_stray_quotes_still_work(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b'id,text\r\n1,"zwei ganze\r\nZeilen"\r\n2,ein 5" breiter Bildschirm\r\n')
    report = score_csv(src, tmp_path / "out.csv", "text", engine)
    assert report.scored == 2


def test_a_cell_swallowing_too_many_lines_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MAX_RECORD_LINES", 5)
    src = tmp_path / "in.csv"
    body = "".join(f"{i},Zeile {i}\r\n" for i in range(3, 12))
    src.write_bytes(f'id,text\r\n1,gut\r\n2,"offen\r\n{body}3,"zu"\r\n'.encode())
    with pytest.raises(BatchError, match=r"in\.csv:3: a quoted cell runs over more than 5 lines"):
        score_csv(src, tmp_path / "out.csv", "text", engine)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("chunk", [1 << 20, 7])  # 7: the bad sequence straddles a read boundary
def test_invalid_utf8_is_an_error_with_byte_offset(tmp_path: Path, chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    check = batch._check_utf8
    monkeypatch.setattr(batch, "_check_utf8", lambda f, p: check(f, p, chunk))
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,text\r\n1,h\xc3\xa9llo\r\n2,Gr\xfc\xdfe aus K\xf6ln\r\n")
    out = tmp_path / "out.csv"
    with pytest.raises(BatchError, match=r"not valid UTF-8: byte 0xfc at offset 23 \(line 3\)"):
        score_csv(src, out, "text", engine)
    assert not out.exists()


def test_invalid_utf8_cli(home: Path, tmp_path: Path) -> None:  # noqa: F811
    src = tmp_path / "in.csv"
    src.write_bytes(b"text,note\r\nguter Text hier,caf\xe9\r\n")
    proc = run_csv(home, src, tmp_path / "out.csv")
    assert proc.returncode == 2 and "byte 0xe9 at offset 30 (line 2)" in proc.stderr, proc.stderr
    assert not (tmp_path / "out.csv").exists()


def test_truncated_utf8_at_end_of_file(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"text\r\nok \xc3")
    with pytest.raises(BatchError, match=r"offset 9 \(line 2\)"):
        score_csv(src, tmp_path / "out.csv", "text", engine)
