"""The report test database, shared by tests/core/reports/test_reports.py and tests/gui/reports/test_report_pdf.py.

A real Store: a German draft with two scored versions (1), an injection draft (2) and a workshop
with three participants (two with pseudonyms, one writing in English). Timestamps are fixed so the
golden files stay stable. (tests/ is on sys.path because tests/conftest.py lives there.)
"""

from __future__ import annotations

from pathlib import Path

from resonanz.core.analysis.engine import analyze
from resonanz.core.storage.store import Store

TODAY = "2026-01-15"
EVIL = '<script>alert(1)</script> **fett** [klick](javascript:alert(1)) # Titel &amp; &lt;b&gt;'
NAMES = ("Anna Apfelbaum", "Bernd Birnstiel", "Carla Quittenweg")

V1 = "Wir freuen uns sehr. Unser neues Angebot ist da. Wir haben lange daran gearbeitet und sind stolz auf unser Team."
V2 = "Was brauchst du, um im Alltag Energie zu sparen? Unser neuer Ratgeber zeigt dir fünf einfache Schritte. Schreib uns deine beste Idee in die Kommentare!"
EN1 = "We are proud to announce our new report. Our team worked hard on it. We think it is great."
EN2 = "What would you change first in your city? Our new report shows you three ideas. Tell us yours in the comments!"


def _save(store: Store, draft_id: int, text: str, label: str, lang: str = "de") -> int:
    return store.save_revision(draft_id, text, label, analyze(text, language=lang, rules_dir=False))


def _fix_times(store: Store) -> None:
    """Stable timestamps for goldens: every row gets a fixed time by id."""
    conn = store.connection
    for table in ("drafts", "revisions"):
        for (row_id,) in conn.execute(f"SELECT id FROM {table}").fetchall():
            stamp = f"2026-01-15T10:{row_id:02d}:00Z"
            if table == "drafts":
                conn.execute("UPDATE drafts SET created_at = ?, updated_at = ? WHERE id = ?", (stamp, stamp, row_id))
            else:
                conn.execute("UPDATE revisions SET created_at = ? WHERE id = ?", (stamp, row_id))


def build_report_db(path: Path) -> Path:
    """Create the report test database at `path` and return the path."""
    with Store(path) as s:
        d = s.create_draft(V1, "Energie-Post", language="de")
        _save(s, d, V1, "Erste Fassung")
        _save(s, d, V2, "Mit Frage")
        evil = s.create_draft(EVIL, "=HYPERLINK(\"http://x\") <b>", language="de")
        _save(s, evil, EVIL, "böse")
        sess = s.create_session("workshop", "Workshop <Frühling>", "2026-01-15", "Gute Stimmung. Nächstes Mal mehr Fragen.")
        for i, name in enumerate(NAMES):
            p = s.add_participant(sess, name, f"Fuchs {i + 1}" if i < 2 else None)
            for k in range(2):
                a = s.create_draft(EN1 if i == 2 else V1, f"Versuch {k + 1}", language="en" if i == 2 else "de", owner=p)
                _save(s, a, EN1 if i == 2 else V1, "vorher", "en" if i == 2 else "de")
                if k == 1 or i == 0:
                    _save(s, a, EN2 if i == 2 else V2, "nachher", "en" if i == 2 else "de")
        _fix_times(s)
    return path


def ids(path: Path) -> dict[str, int]:
    with Store(path) as s:
        sess = s.list_sessions()[0]
        return {"draft": 1, "evil": 2, "session": sess.id, "participant": s.participants(sess.id)[0].id}
