"""Scoring CSV exports: `resonanz score --csv` (subprocess) and `resonanz.core.cli.batch.score_csv`."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

import pytest

from resonanz.core.cli.batch import BatchError, score_csv
from resonanz.core.analysis.engine import RULES, analyze
from resonanz.core.analysis.packs import load_pack
from resonanz.core.analysis.model import DIMENSIONS

ADDED = ["language", *DIMENSIONS, *RULES, "reason"]

TEMPLATES = [
    "Heute haben wir {n} neue Bäume im Stadtpark gepflanzt. Welche Baumart wünscht ihr euch als Nächstes?",
    "Unser Repair-Café hat am Samstag {n} Toaster, Lampen und Fahrräder gerettet. Danke an alle Helfer!",
    "We sorted {n} boxes of donated books this week. What should we read together next month?",
    "Tipp: So spart ihr {n} Euro Heizkosten im Jahr – teilt das mit euren Nachbarn!",
    "Our leading, world-class team answered {n} questions today. Visit our website now.",
    "Die Bibliothek hat ab Montag {n} Stunden länger geöffnet. Was wollt ihr dort als Erstes ausleihen?",
]


def sentences(count: int) -> list[str]:
    return [TEMPLATES[i % len(TEMPLATES)].format(n=i * 7 % 1000 + 3) for i in range(count)]


def cli_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING")}
    env["RESONANZ_HOME"] = str(home)
    return env


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resonanz", "score", *args],
        capture_output=True, stdin=subprocess.DEVNULL, env=cli_env(home), timeout=120, encoding="utf-8",
    )


def run_csv(home: Path, src: Path, out: Path, column: str = "text", *extra: str) -> subprocess.CompletedProcess[str]:
    return run(home, "--csv", str(src), "--text-column", column, "--out", str(out), *extra)


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", bom: bool = False) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def engine(text: str):
    return analyze(text, language="auto", platform="linkedin", rules_dir=False)


def no_part_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]


# --------------------------------------------------------------------------- columns


def test_cli_columns_and_scores(home: Path, tmp_path: Path) -> None:
    texts = sentences(6)
    src = write_csv(tmp_path / "in.csv", [["id", "text", "date"]] + [[str(i), t, f"2025-03-{i + 1:02d}"] for i, t in enumerate(texts)])
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    rows = read_csv(out)
    assert rows[0] == ["id", "text", "date", *ADDED]
    assert len(rows) == 1 + len(texts)
    for i, (row, text) in enumerate(zip(rows[1:], texts)):
        assert row[:3] == [str(i), text, f"2025-03-{i + 1:02d}"]
        result = engine(text)
        assert row[3] == result.language
        assert row[4:8] == [str(result.scores[d].value) for d in DIMENSIONS]
        assert row[8:-1] == [str(result.signal_counts.get(r, "")) for r in RULES]  # "": a rule switched off by default (S5-S8)
        assert row[-1] == ""  # reason: judged
    assert "scored 6 rows, skipped 0" in proc.stderr


def test_score_csv_direct(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text", "likes"], [sentences(1)[0], "12"]])
    out = tmp_path / "out.csv"
    report = score_csv(src, out, "text", engine)
    assert report.scored == 1 and report.skipped == []
    rows = read_csv(out)
    assert rows[0] == ["text", "likes", *ADDED]
    assert rows[1][:2] == [sentences(1)[0], "12"]


def test_column_name_clash_gets_prefix(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["language", "text", "clarity"], ["de", "Wir freuen uns auf euch. Kommt ihr?", "x"]])
    out = tmp_path / "out.csv"
    score_csv(src, out, "text", engine)
    header = read_csv(out)[0]
    assert header[:3] == ["language", "text", "clarity"]
    added = header[3:]
    assert added[0] == "resonanz_language"
    assert added[1:5] == [("resonanz_clarity" if d == "clarity" else d) for d in DIMENSIONS]
    assert len(header) == len(set(header)), "duplicate column names"


def test_text_column_matched_case_insensitively(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["ID", "Post Text"], ["1", "Was meint ihr?"]])
    report = score_csv(src, tmp_path / "out.csv", "post text", engine)
    assert report.scored == 1


# --------------------------------------------------------------------------- unusable rows


def test_unusable_rows_are_reported_and_kept(home: Path, tmp_path: Path) -> None:
    good1, good2 = sentences(2)
    src = tmp_path / "in.csv"
    src.write_bytes(
        b"id,text,channel\r\n"
        + f'1,"{good1}",web\r\n'.encode()          # line 2
        + b"2,,web\r\n"                           # line 3: empty text
        + b"3\r\n"                                # line 4: short row, no text column
        + b"4,,web\r\n"                           # line 5: empty text (invalid UTF-8 stops the batch: see below)
        + b'5,"   ",web\r\n'                      # line 6: only blanks
        + f'6,"{good2}",web\r\n'.encode()         # line 7
    )
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    assert re.search(r"skipped line 3: .*empty", err), err
    assert re.search(r"skipped line 4: .*no value", err), err
    assert re.search(r"skipped line 5: .*empty", err), err
    assert re.search(r"skipped line 6: .*empty", err), err
    assert "line 2" not in err and "line 7" not in err
    assert "scored 2 rows, skipped 4" in err
    rows = read_csv(out)
    width = 3 + len(ADDED)
    assert all(len(r) == width for r in rows)
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    for r in rows[1:]:
        scored = r[0] in ("1", "6")
        # a rule switched off by default (S5-S8, issue 16) leaves its count cell empty in every row
        on = [cell for rule, cell in zip(RULES, r[8:]) if load_pack(r[3] or "de", False).enabled(rule)]
        assert (all(r[3:8]) and all(on)) if scored else not any(r[3:]), r
    assert rows[3][1:3] == ["", ""]


def test_analyze_error_in_one_row_does_not_stop_the_batch(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text"], ["eins ist gut"], ["BOOM"], ["drei ist gut"]])

    def picky(text: str):
        if text == "BOOM":
            raise ValueError("cannot handle this one")
        return engine(text)

    report = score_csv(src, tmp_path / "out.csv", "text", picky)
    assert report.scored == 2
    assert report.skipped == [(3, "cannot analyse: cannot handle this one")]


def test_skipped_line_is_where_a_multiline_record_starts(tmp_path: Path) -> None:
    src = write_csv(
        tmp_path / "in.csv",
        [["text", "note"], ["Hallo ihr!", "a\nb\nc"], ["", "erste Zeile\nzweite Zeile"], ["Was denkt ihr?", "x"]],
    )
    report = score_csv(src, tmp_path / "out.csv", "text", engine)
    # header: line 1; first record: lines 2-4; the empty one starts on line 5
    assert report.skipped == [(5, "empty text")]


def test_extra_fields_do_not_shift_score_columns(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        "id;text;channel\n"
        "1;Was meint ihr dazu?;web;;\n"        # trailing empty fields, as Excel writes them
        "2;Zu viele;Felder;hier;web\n"         # really too many fields
        "3;Und was sagt ihr?;app\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    report = score_csv(src, out, "text", engine)
    rows = read_csv(out, ";")
    width = 3 + len(ADDED)
    assert all(len(r) == width for r in rows), [len(r) for r in rows]
    assert rows[1][:3] == ["1", "Was meint ihr dazu?", "web"] and rows[1][3] == "de"
    assert rows[3][:4] == ["3", "Und was sagt ihr?", "app", "de"]
    assert report.scored == 2
    assert [line for line, _ in report.skipped] == [3]
    assert "fields" in report.skipped[0][1]


# --------------------------------------------------------------------------- CSV dialects


def test_semicolon_csv_from_german_excel(home: Path, tmp_path: Path) -> None:
    texts = ["Guten Morgen, liebe Nachbarn, heute gibt es Kuchen, Kaffee und Musik. Wer kommt vorbei?", sentences(4)[3]]
    src = write_csv(tmp_path / "in.csv", [["Nr", "Beitrag", "Datum"]] + [[str(i), t, "01.02.2025"] for i, t in enumerate(texts)], delimiter=";")
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out, "Beitrag")
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out, ";")  # the output keeps the input's delimiter
    assert rows[0] == ["Nr", "Beitrag", "Datum", *ADDED]
    assert [r[1] for r in rows[1:]] == texts
    assert all(r[3] == "de" for r in rows[1:])


def test_tab_separated(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.tsv", [["id", "text"], ["1", "Was meint ihr, liebe Leute?"]], delimiter="\t")
    out = tmp_path / "out.tsv"
    assert score_csv(src, out, "text", engine).scored == 1
    assert read_csv(out, "\t")[1][:2] == ["1", "Was meint ihr, liebe Leute?"]


def test_quoted_multiline_cells(home: Path, tmp_path: Path) -> None:
    text = 'Drei Tipps für euren Balkon:\n1. Gießen am Abend\n2. Mulchen, "richtig" gemacht\n3. Nützlinge fördern\n\nWas wächst bei euch?'
    src = write_csv(tmp_path / "in.csv", [["id", "text"], ["1", text], ["2", "Noch ein Beitrag, ganz kurz."]])
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out)
    assert len(rows) == 3
    assert rows[1][1] == text
    assert rows[1][2] == "de"
    assert rows[1][3:7] == [str(engine(text).scores[d].value) for d in DIMENSIONS]


def test_quote_after_the_sniffed_sample(tmp_path: Path) -> None:
    # The sniffer sees only the first 64 KB; a doubled quote or a stray inch sign after that
    # must still be read and written in the Excel way, not crash the writer.
    # filler without commas or quotes, so nothing in the sample is quoted
    filler = [t.replace(",", "").replace("–", "") for t in sentences(1200)]
    rows = [["id", "text"]] + [[str(i), t] for i, t in enumerate(filler)]
    rows += [["9001", 'Sie sagte "Hallo" und ging. Was hättet ihr gesagt?'], ["9002", "Das 5\" Display ist klein"]]
    src = write_csv(tmp_path / "in.csv", rows)
    assert src.stat().st_size > 70_000
    out = tmp_path / "out.csv"
    report = score_csv(src, out, "text", engine)
    assert report.scored == len(rows) - 1 and not report.skipped
    back = read_csv(out)
    assert back[-2][1] == 'Sie sagte "Hallo" und ging. Was hättet ihr gesagt?'
    assert back[-1][1] == 'Das 5" Display ist klein'


def test_bom(home: Path, tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text", "id"], ["Was meint ihr dazu?", "1"]], delimiter=";", bom=True)
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)  # the first column name must not carry the BOM
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out, ";")
    assert rows[0][:2] == ["text", "id"]
    assert rows[1][:3] == ["Was meint ihr dazu?", "1", "de"]


@pytest.mark.parametrize("content", [b"id,text\r\n", b"id,text", b"\xef\xbb\xbfid;text\n", b"text\n"])
def test_header_only(home: Path, tmp_path: Path, content: bytes) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(content)
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    delimiter = ";" if b";" in content else ","
    rows = read_csv(out, delimiter)
    assert rows == [[*content.decode("utf-8-sig").strip().split(delimiter), *ADDED]]
    assert "scored 0 rows" in proc.stderr


def test_empty_file_is_an_error(home: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"")
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert not out.exists()


def test_disabled_rule_keeps_its_column(home: Path, tmp_path: Path) -> None:
    # The columns are always every rule id; a rule switched off by the user leaves its cells empty.
    (home / "rules").mkdir()
    (home / "rules" / "quiet.toml").write_text("[rules.D1]\nenabled = false\n", encoding="utf-8")
    src = write_csv(tmp_path / "in.csv", [["text"], ["Wir lieben unsere Arbeit. Was liebt ihr?"]])
    out = tmp_path / "out.csv"
    proc = run_csv(home, src, out)
    assert proc.returncode == 0, proc.stderr
    header, row = read_csv(out)
    assert header == ["text", *ADDED]
    assert row[header.index("D1")] == ""
    assert row[header.index("D2")] != ""


# --------------------------------------------------------------------------- never half-written


def test_missing_column_writes_nothing(home: Path, tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["id", "body"], ["1", "Hallo"]])
    out_dir = tmp_path / "results"
    out_dir.mkdir()
    out = out_dir / "OUT.csv"
    proc = run_csv(home, src, out, "text")
    assert proc.returncode == 2
    assert not out.exists()
    assert list(out_dir.iterdir()) == []


def test_failing_run_does_not_clobber_existing_output(home: Path, tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["id", "body"], ["1", "Hallo"]])
    out = tmp_path / "OUT.csv"
    out.write_text("previous results\n", encoding="utf-8")
    proc = run_csv(home, src, out, "text")
    assert proc.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert no_part_files(tmp_path)


def test_crash_mid_batch_leaves_old_output_and_no_temp_file(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text"]] + [[t] for t in sentences(50)])
    out = tmp_path / "OUT.csv"
    out.write_text("previous results\n", encoding="utf-8")
    calls = []

    def dies(text: str):
        calls.append(text)
        if len(calls) == 30:
            raise RuntimeError("power cut")
        return engine(text)

    with pytest.raises(RuntimeError):
        score_csv(src, out, "text", dies)
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert no_part_files(tmp_path)


def test_missing_column_direct(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["a", "b"], ["1", "2"]])
    with pytest.raises(BatchError, match=r"no column 'text' \(columns: a, b\)"):
        score_csv(src, tmp_path / "out.csv", "text", engine)
    assert list(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_output_has_normal_permissions(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text"], ["Was meint ihr?"]])
    out = tmp_path / "out.csv"
    score_csv(src, out, "text", engine)
    plain = tmp_path / "plain.txt"
    plain.write_text("x")  # what the umask gives any new file
    assert out.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


# --------------------------------------------------------------------------- progress


PROGRESS = re.compile(r"\[[#.]{30}\]\s+\d+%")


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("big") / "posts.csv"
    write_csv(src, [["id", "text"]] + [[str(i), t] for i, t in enumerate(sentences(2000))])
    return src


def test_progress_on_stderr(home: Path, big_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    proc = run_csv(home, big_csv, out, "text", "--progress")
    assert proc.returncode == 0, proc.stderr
    bars = [line for line in proc.stderr.splitlines() if PROGRESS.search(line)]
    assert len(bars) >= 2, proc.stderr
    assert "posts.csv" in bars[0]
    assert sum("100%" in line for line in bars) == 1, bars  # the end is drawn once
    assert "2,000 rows" in bars[-1]
    assert len(read_csv(out)) == 2001


def test_no_progress(home: Path, big_csv: Path, tmp_path: Path) -> None:
    proc = run_csv(home, big_csv, tmp_path / "out.csv", "text", "--no-progress")
    assert proc.returncode == 0
    assert not PROGRESS.search(proc.stderr)
    assert proc.stderr.strip().splitlines() == [f"resonanz: scored 2000 rows, skipped 0 → {tmp_path / 'out.csv'}"]


def test_progress_callback(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "in.csv", [["text"]] + [[t] for t in sentences(450)])
    calls: list[tuple[int, int, int]] = []
    score_csv(src, tmp_path / "out.csv", "text", engine, lambda *a: calls.append(a))
    total = src.stat().st_size
    assert [c[2] for c in calls] == [200, 400, 450]
    assert calls[-1] == (total, total, 450)
    assert all(0 < done <= total for done, _, _ in calls)


# --------------------------------------------------------------------------- streaming


def test_score_csv_streams(tmp_path: Path) -> None:
    # This test is about streaming, not scoring: a cheap fake `analyze` keeps it fast, and any
    # object with `.judged`, `.language`, `.scores[d].value` and `.signal_counts` is what batch.py reads.
    fixed = SimpleNamespace(
        judged=True,
        language="de",
        scores={d: SimpleNamespace(value=50) for d in DIMENSIONS},
        signal_counts={rule: 0 for rule in RULES},
    )
    seen = [0]

    def fake(text: str):
        seen[0] += 1
        return fixed

    src = tmp_path / "big.csv"
    rows_per_block, blocks = 30, 100
    block = io.StringIO()
    writer = csv.writer(block, lineterminator="\r\n")
    for i in range(rows_per_block):
        body = " ".join(sentences(110)[i % 6 :] + [f"Nummer {i}."])  # ~10 KB a post
        writer.writerow([i, body, "2025-01-01"])
    chunk = block.getvalue().encode("utf-8")
    with open(src, "wb") as f:
        f.write(b"id,text,date\r\n")
        for _ in range(blocks):
            f.write(chunk)
    size = src.stat().st_size
    assert size > 30_000_000

    out = tmp_path / "out.csv"
    tracemalloc.start()
    try:
        report = score_csv(src, out, "text", analyze=fake)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.scored == seen[0] == rows_per_block * blocks
    print(f"{size / 1e6:.1f} MB file, peak traced memory {peak / 1e6:.2f} MB")
    assert peak < 10_000_000, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.0f} MB file: not streaming"
    assert out.stat().st_size > size
