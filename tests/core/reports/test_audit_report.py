"""The page audit as a report (issue 13, point 4): built from a stored audit, in both languages and
every text format; post texts are escaped and CSV cells defused like every other report."""

from __future__ import annotations

from pathlib import Path

import pytest
from resonanz.core.reports.document import TEXT_RENDERERS, build
from resonanz.core.storage.store import NotFoundError, Store


def _post(row: int, text: str, dialogue: int, shares: float | None, pct: float | None, group: str | None) -> dict:
    return {"row": row, "date": f"2026-0{1 + row % 9}-01", "text": text, "scores": {"dialogue": dialogue, "shareability": 40, "clarity": 70, "platform_fit": 90},
            "outcomes": {"comments_per_reaction": 0.1, "shares_per_reaction": shares}, "percentiles": {"shares_per_reaction": pct}, "group": group}


RESULT = {
    "n_posts": 4, "n_skipped": 1,
    "posts": [
        _post(2, "Welche Pflanze hat bei euch den Winter überstanden? Zeigt uns Fotos!", 81, 0.42, 95.0, "travelled"),
        _post(3, "=HYPERLINK(\"http://x\") <script>alert(1)</script> Wir sind die Besten.", 20, 0.01, 5.0, "dead_end"),
        _post(4, "Öffnungszeiten über Ostern: Samstag 9–14 Uhr.", 45, 0.05, 50.0, None),
        _post(5, "Neu im Sortiment.", 30, None, None, None),
    ],
    "effects": [
        {"feature": "dialogue", "outcome": "comments_per_reaction", "rho": 0.31, "ci90": [0.12, 0.47], "n": 140,
         "text": "Bei Ihrem Publikum bekommen Beiträge mit echter Frage 1,8× so viele Kommentare je Reaktion (n = 140)."},
        {"feature": "D7", "outcome": "shares_per_reaction", "rho": None, "ci90": None, "n": 12},
    ],
    "advice": {"dialogue": {"score": "dialogue", "outcome": "comments_per_reaction", "rho": -0.04, "ci90": [-0.2, 0.12], "n": 140}},
}


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "resonanz.db") as s:
        yield s


@pytest.mark.parametrize(("language", "words"), [
    ("de", ("Seiten-Audit: Gärtnerei Q1", "Was sich verbreitet hat", "Sackgassen", "Was bei Ihrem Publikum wirkt", "zu wenig Daten", "−0,04",
            "4 Beiträge ausgewertet, 1 Zeile übersprungen", "| Weitergabe |")),
    ("en", ("Page audit: Gärtnerei Q1", "What travelled", "Dead ends", "What works for your audience", "not enough data", "-0.04",
            "4 posts audited, 1 row skipped", "| Shareability |")),
])
def test_the_audit_report_in_both_languages(store: Store, language: str, words: tuple[str, ...]) -> None:
    audit_id = store.audits.save(RESULT, title="Gärtnerei Q1", source="meta.csv", format="meta", platform="facebook")
    report = build(store, "audit", audit_id, language)
    md = TEXT_RENDERERS["md"](report)
    for word in words:
        assert word.replace("−", "-") in md.replace("−", "-"), word
    travelled = md.index(words[1])
    assert md.index("Welche Pflanze", travelled) < md.index(words[2])  # the travelled post is under "travelled"
    assert md.index("Wir sind die Besten", md.index(words[2])) > 0
    assert "1,8× so viele Kommentare" in md  # the audit's own line, as written
    assert "Neu im Sortiment" not in md.split(words[3])[0].split(words[2])[1]  # no group: in neither list


def test_html_escapes_post_texts_and_csv_defuses_formulas(store: Store) -> None:
    report = build(store, "audit", store.audits.save(RESULT, title="Q1"), "en")
    html = TEXT_RENDERERS["html"](report)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    lines = TEXT_RENDERERS["csv"](report).splitlines()
    assert lines[0] == "id,name,created_at,dialogue,shareability,clarity,platform_fit"
    assert len(lines) == 5
    assert any(line.startswith("3,\"'=HYPERLINK") for line in lines), lines


def test_a_missing_audit_is_named(store: Store) -> None:
    with pytest.raises(NotFoundError, match="audit 7 not found"):
        build(store, "audit", 7, "de")


def test_resonanz_report_audit_as_a_real_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "resonanz.db"
    with Store(db) as s:
        audit_id = s.audits.save(RESULT, title="Gärtnerei Q1")
    out = tmp_path / "audit.md"
    proc = subprocess.run([sys.executable, "-m", "resonanz.core.cli", "report", "audit", str(audit_id), "--db", str(db), "--lang", "en", "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "What travelled" in out.read_text(encoding="utf-8")
    missing = subprocess.run([sys.executable, "-m", "resonanz.core.cli", "report", "audit", "99", "--db", str(db)], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0 and "audit 99 not found" in missing.stderr


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        ("2026-01-06T11:21", "de", "06.01.2026 11:21"),
        ("2026-01-06T11:21:59", "en", "2026-01-06 11:21"),
        ("2026-03-14", "de", "14.03.2026"),
        ("2026-03-14", "en", "2026-03-14"),
        (None, "de", "–"),
        ("März 2026", "de", "März 2026"),  # not ISO: shown as the export had it
    ],
)
def test_post_dates_read_as_people_write_them(value, language: str, shown: str) -> None:
    from resonanz.core.reports.audit_report import _date

    assert _date(value, language) == shown


def test_an_english_report_of_a_german_audit_says_what_works_in_english() -> None:
    """One language per report (issue 19, point 5): the effect sentences follow the report's language,
    not the posts'; an audit stored before both languages were kept still shows its own sentence."""
    import json

    from resonanz.core.audit.audit import run_audit
    from resonanz.core.audit.model import PostRecord
    from resonanz.core.reports.audit_report import audit_report_of
    from resonanz.core.reports.markdown import to_markdown

    asks = ["Was pflanzt ihr dieses Jahr zuerst?", "Welche Sorte hat bei euch den Winter überstanden?"]
    tells = ["Unser neues Sortiment ist da. Jetzt im Laden.", "Neue Öffnungszeiten ab Montag."]
    posts = [PostRecord(i + 2, f"{(asks if i % 2 == 0 else tells)[i % 2]} (Woche {i + 1})", None,
                        {"reactions": 40 + i % 7, "comments": (12 + i % 5) if i % 2 == 0 else i % 3, "shares": i % 4}) for i in range(60)]
    result = json.loads(json.dumps(run_audit(posts, platform="facebook", language="de", workers=1, reps=30).to_dict()))
    assert any(e.get("texts") for e in result["effects"])
    english, german = to_markdown(audit_report_of(result, "en")), to_markdown(audit_report_of(result, "de"))
    assert "With your audience" in english and "Bei Ihrem Publikum" not in english
    assert "Bei Ihrem Publikum" in german and "With your audience" not in german
    for e in result["effects"]:
        e.pop("texts", None)  # as stored by an earlier version
    assert "Bei Ihrem Publikum" in to_markdown(audit_report_of(result, "en"))
