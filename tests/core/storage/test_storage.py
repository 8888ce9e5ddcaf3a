"""The Store on real SQLite files: drafts, search, revisions, trash, settings, exercises, sessions, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from resonanz.core import analyze
from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.storage.store import (
    EmptyDatabaseError,
    SCHEMA_VERSION,
    CorruptDatabaseError,
    NotFoundError,
    StorageError,
    Store,
)
from resonanz.core.paths import default_db_path
from resonanz.core.storage.records import Draft, Exercise
from resonanz.core.storage.search import fts_query

POST = "Die Füchsin läuft über die Wiese. Was habt ihr heute draußen entdeckt?"


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "resonanz.db") as s:
        yield s


# --------------------------------------------------------------------------- opening


def test_default_path_is_in_the_data_dir(_isolated_home: Path) -> None:
    assert default_db_path() == _isolated_home / "resonanz.db"
    with Store() as s:
        assert s.path == _isolated_home / "resonanz.db"
        assert s.schema_version == SCHEMA_VERSION
    assert (_isolated_home / "resonanz.db").is_file()


def test_creates_missing_folders(tmp_path: Path) -> None:
    with Store(tmp_path / "a" / "b" / "x.db") as s:
        s.create_draft("hi")
    assert (tmp_path / "a" / "b" / "x.db").is_file()


def test_pragmas(store: Store) -> None:
    c = store.connection
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_checkpoint(store: Store, tmp_path: Path) -> None:
    store.create_draft("x" * 10_000)
    wal = tmp_path / "resonanz.db-wal"
    assert wal.stat().st_size > 0
    store.checkpoint()
    alone = tmp_path / "alone.db"  # the main file without its WAL now has the draft
    alone.write_bytes((tmp_path / "resonanz.db").read_bytes())
    other = sqlite3.connect(alone)
    assert other.execute("SELECT length(text) FROM drafts").fetchone()[0] == 10_000
    other.close()


def test_memory_store() -> None:
    with Store(":memory:") as s:
        d = s.create_draft("hallo", "t")
        assert s.get_draft(d).text == "hallo"
        assert s.path is None


def test_empty_file_is_refused_and_untouched(tmp_path: Path) -> None:
    """One rule for the editor, the CLI and backups: a 0-byte file is no Resonanz database (issue 18)."""
    p = tmp_path / "empty.db"
    p.write_bytes(b"")
    with pytest.raises(EmptyDatabaseError, match="empty") as err:
        Store(p)
    assert str(p) in str(err.value) and "\n" not in str(err.value)
    assert p.read_bytes() == b"" and sorted(x.name for x in tmp_path.iterdir()) == ["empty.db"]


def test_other_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    c.execute("INSERT INTO customers (name) VALUES ('Ada')")
    c.commit()
    c.close()
    before = p.read_bytes()
    with pytest.raises(StorageError, match="another program") as err:
        Store(p)
    assert str(p) in str(err.value) and "\n" not in str(err.value)
    assert p.read_bytes() == before


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        Store(tmp_path)


def test_closed_store_and_context_manager(tmp_path: Path) -> None:
    s = Store(tmp_path / "x.db")
    with s:
        s.create_draft("a")
    s.close()  # idempotent
    with pytest.raises(StorageError, match="closed"):
        s.list_drafts()


def test_one_store_per_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.list_drafts()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=use)
    t.start()
    t.join()
    assert len(errors) == 1 and isinstance(errors[0], sqlite3.ProgrammingError)


# --------------------------------------------------------------------------- drafts


def test_create_get_autosave(store: Store) -> None:
    d = store.create_draft(POST, "Füchse", language="de", platform="x")
    draft = store.get_draft(d)
    assert isinstance(draft, Draft)
    assert (draft.text, draft.title, draft.language, draft.platform) == (POST, "Füchse", "de", "x")
    assert draft.deleted_at is None and not draft.in_trash
    assert draft.created_at == draft.updated_at
    store.autosave(d, POST + " 🦊")
    again = store.get_draft(d)
    assert again.text == POST + " 🦊"
    assert again.updated_at > draft.updated_at
    with pytest.raises(AttributeError):
        again.text = "x"  # type: ignore[misc]  # frozen


def test_defaults(store: Store) -> None:
    d = store.get_draft(store.create_draft())
    assert (d.text, d.title, d.language, d.platform, d.owner, d.exercise_id, d.session_id) == ("", "", "auto", "linkedin", None, None, None)


def test_missing_ids(store: Store) -> None:
    for call in (
        lambda: store.get_draft(99),
        lambda: store.autosave(99, "x"),
        lambda: store.rename_draft(99, "x"),
        lambda: store.delete_draft(99),
        lambda: store.restore_draft(99),
        lambda: store.save_revision(99, "x"),
        lambda: store.get_exercise("nope"),
        lambda: store.create_draft("x", exercise_id="nope"),
        lambda: store.create_draft("x", session_id=5),
        lambda: store.create_draft("x", owner=5),
        lambda: store.add_participant(5, "Ada"),
        lambda: store.session_attempts(5),
        lambda: store.participant_history(5),
    ):
        with pytest.raises(NotFoundError):
            call()
    assert issubclass(NotFoundError, LookupError)
    assert store.list_drafts() == []


def test_list_newest_first_and_pages(store: Store) -> None:
    ids = [store.create_draft(f"Entwurf {i}", f"T{i}") for i in range(5)]
    assert [s.id for s in store.list_drafts()] == ids[::-1]
    store.autosave(ids[1], "frisch bearbeitet")
    listed = [s.id for s in store.list_drafts()]
    assert listed[0] == ids[1]
    assert [s.id for s in store.list_drafts(limit=2)] == listed[:2]
    assert [s.id for s in store.list_drafts(limit=2, offset=2)] == listed[2:4]


def test_preview_is_short(store: Store) -> None:
    d = store.create_draft("ä" * 1000)
    (summary,) = store.list_drafts()
    assert summary.id == d and summary.preview == "ä" * 160


def test_rename_and_duplicate(store: Store) -> None:
    d = store.create_draft(POST, "Alt", language="de", platform="mastodon")
    store.save_revision(d, POST, "v1")
    store.rename_draft(d, "Neu")
    assert store.get_draft(d).title == "Neu"
    copy = store.duplicate_draft(d)
    c = store.get_draft(copy)
    assert copy != d and (c.text, c.title, c.language, c.platform) == (POST, "Neu", "de", "mastodon")
    assert store.revisions(copy) == []  # history stays with the original
    assert store.get_draft(store.duplicate_draft(d, title="Kopie")).title == "Kopie"


# --------------------------------------------------------------------------- search


def test_fts_finds_umlauts_either_way(store: Store) -> None:
    fox = store.create_draft(POST, "Tiere")
    plain = store.create_draft("Eine Fuchsin ohne Umlaut, Strasse und Haus.", "ohne")
    store.create_draft("Nichts Passendes hier.", "leer")
    assert {s.id for s in store.list_drafts("fuchsin")} == {fox, plain}
    assert {s.id for s in store.list_drafts("Füchsin")} == {fox, plain}
    assert {s.id for s in store.list_drafts("FUCHSIN")} == {fox, plain}
    assert [s.id for s in store.list_drafts("uber draussen")] == [fox]  # all words; ß = ss
    assert [s.id for s in store.list_drafts("fuechsin laeuft")] == [fox]  # ü = ue
    assert [s.id for s in store.list_drafts("straße")] == [plain]
    assert [s.id for s in store.list_drafts("füchsin häus")] == [plain]
    assert [s.id for s in store.list_drafts("entdeck")] == [fox]  # prefixes
    assert [s.id for s in store.list_drafts("tiere")] == [fox]  # titles too
    assert store.list_drafts("Giraffe") == []


def test_fts_follows_edits_and_deletes(store: Store) -> None:
    d = store.create_draft("Ein Text über Brot.", "Bäckerei")
    assert [s.id for s in store.list_drafts("brot")] == [d]
    store.autosave(d, "Jetzt geht es um Kuchen.")
    assert store.list_drafts("brot") == []
    assert [s.id for s in store.list_drafts("kuchen")] == [d]
    store.rename_draft(d, "Konditorei")
    assert store.list_drafts("bäckerei") == [] and [s.id for s in store.list_drafts("konditorei")] == [d]
    store.delete_draft(d)
    assert store.list_drafts("kuchen") == []
    assert [s.id for s in store.list_drafts("kuchen", include_deleted=True)] == [d]
    store.empty_trash()
    assert store.connection.execute("SELECT count(*) FROM drafts_fts WHERE drafts_fts MATCH 'kuchen'").fetchone()[0] == 0


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "a*b", "(x", "-", "NEAR(", "title:foo", "'", "^", "✨", "   "])
def test_search_syntax_never_raises(store: Store, query: str) -> None:
    store.create_draft("AND OR NOT foo title", "x")
    store.list_drafts(query)  # user input is words, never FTS syntax


def test_fts_query_quotes_words() -> None:
    assert fts_query('"AND" -x') == '("and"*) AND ("x"*)'
    assert fts_query("Füchsin") == '("füchsin"* OR "fuechsin"*)'
    assert fts_query("Strasse") == '("strasse"* OR "straße"*)'
    assert fts_query("!!!") == ""
    assert fts_query("Fu\u0308chsin") == '("fu\u0308chsin"*)'  # decomposed umlaut stays one word


def test_decomposed_umlauts_match(store: Store) -> None:
    d = store.create_draft("Die Fu\u0308chsin (NFD)")
    assert [s.id for s in store.list_drafts("füchsin")] == [d]
    assert [s.id for s in store.list_drafts("fuchsin")] == [d]


# --------------------------------------------------------------------------- revisions


def test_revisions_keep_scores_and_findings(store: Store) -> None:
    text = "Wir sind der führende Anbieter für Lastenräder in der Region."
    d = store.create_draft(text, "Lastenrad")
    result = analyze(text, language="de", platform="linkedin")
    r1 = store.save_revision(d, text, "erster Versuch", result)
    better = text + " Was transportiert ihr am liebsten damit?"
    result2 = analyze(better, language="de", platform="linkedin")
    r2 = store.save_revision(d, better, "mit Frage", result2)
    r3 = store.save_revision(d, better, "ohne Bewertung")
    revs = store.revisions(d)
    assert [r.id for r in revs] == [r1, r2, r3]
    first = revs[0]
    assert first.label == "erster Versuch" and first.text == text
    assert first.language == "de" and first.platform == "linkedin"
    assert dict(first.scores) == {dim: result.scores[dim].value for dim in DIMENSIONS}
    assert [dict(f) for f in first.findings] == result.to_dict()["findings"]
    assert first.findings and first.engine_version
    assert revs[1].scores["dialogue"] == result2.score("dialogue")
    assert revs[2].scores is None and revs[2].findings is None and revs[2].language == "auto"
    assert store.get_revision(r2) == revs[1]
    # the draft itself is not changed by saving a revision
    assert store.get_draft(d).text == text


def test_revision_from_a_dict_and_bad_result(store: Store) -> None:
    d = store.create_draft("x")
    store.save_revision(d, "x", result={"scores": {"dialogue": 10}, "findings": [], "language": "en", "platform": "x"})
    (rev,) = store.revisions(d)
    assert (dict(rev.scores), rev.findings, rev.language, rev.platform) == ({"dialogue": 10}, (), "en", "x")
    with pytest.raises(TypeError):
        store.save_revision(d, "x", result=42)


def test_revisions_survive_rule_changes(store: Store, _isolated_home: Path) -> None:
    """Stored scores are what was scored then, whatever the rules say now."""
    text = "Wir sind der führende Anbieter für Lastenräder in der Region."
    d = store.create_draft(text)
    before = analyze(text, language="de")
    store.save_revision(d, text, "vorher", before)
    rules = _isolated_home / "rules"
    rules.mkdir()
    (rules / "off.toml").write_text('[rules.D7]\nenabled = false\n', encoding="utf-8")
    now = analyze(text, language="de", rules_dir=rules)
    assert now.to_dict()["findings"] != before.to_dict()["findings"]  # the rules did change
    (rev,) = store.revisions(d)
    assert dict(rev.scores) == before.to_dict()["scores"]
    assert [dict(f) for f in rev.findings] == before.to_dict()["findings"]


# --------------------------------------------------------------------------- trash


def test_trash_restore_empty(store: Store) -> None:
    keep = store.create_draft("bleibt")
    gone = store.create_draft("weg")
    store.save_revision(gone, "weg", "v1")
    store.save_revision(keep, "bleibt", "v1")
    store.delete_draft(gone)
    first_deleted = store.get_draft(gone).deleted_at
    store.delete_draft(gone)  # again: keeps the first time
    assert store.get_draft(gone).deleted_at == first_deleted and store.get_draft(gone).in_trash
    assert [s.id for s in store.list_drafts()] == [keep]
    assert {s.id for s in store.list_drafts(include_deleted=True)} == {keep, gone}
    assert [s.id for s in store.list_trash()] == [gone]
    store.restore_draft(gone)
    assert {s.id for s in store.list_drafts()} == {keep, gone}
    store.delete_draft(gone)
    assert store.empty_trash() == 1
    assert store.empty_trash() == 0
    with pytest.raises(NotFoundError):
        store.get_draft(gone)
    assert store.revisions(gone) == []  # cascaded
    assert len(store.revisions(keep)) == 1
    assert store.create_draft("neu") > gone  # ids are never reused


# --------------------------------------------------------------------------- settings


def test_settings(store: Store, tmp_path: Path) -> None:
    assert store.get_setting("last_open_draft") is None
    assert store.get_setting("last_open_draft", 0) == 0
    store.set_setting("last_open_draft", 17)
    store.set_setting("window", {"w": 800, "h": 600, "title": "Füchsin"})
    store.set_setting("last_open_draft", 18)
    assert store.get_setting("last_open_draft") == 18
    assert store.get_setting("window") == {"w": 800, "h": 600, "title": "Füchsin"}
    store.close()
    with Store(tmp_path / "resonanz.db") as again:
        assert again.get_setting("last_open_draft") == 18


# --------------------------------------------------------------------------- exercises

EXERCISE = {
    "id": "de-dialog-01",
    "language": "de",
    "platform": "linkedin",
    "topic": "dialog",
    "title": "Eine echte Frage stellen",
    "goal": "Die Leserinnen sollen antworten wollen: Füchsin statt Fuchs.",
    "body_md": "# Aufgabe\nSchreibe den Post so um, dass er mit einer **offenen Frage** endet.",
    "starting_draft": "Wir sind stolz auf unser Team.",
    "targets": {"dialogue": 70},
    "hints": ["Frage nach Erfahrungen", "Kein Ja/Nein"],
}


def test_exercises(store: Store) -> None:
    assert store.upsert_exercise(EXERCISE) == "de-dialog-01"
    store.upsert_exercise({"id": "en-clarity-01", "language": "en", "topic": "clarity", "title": "Short sentences", "source": "pack:starter", "hints_json": '["cut"]'})
    ex = store.get_exercise("de-dialog-01")
    assert isinstance(ex, Exercise)
    assert ex.source == "builtin" and dict(ex.targets) == {"dialogue": 70} and ex.hints == ("Frage nach Erfahrungen", "Kein Ja/Nein")
    assert [e.id for e in store.list_exercises()] == ["de-dialog-01", "en-clarity-01"]
    assert [e.id for e in store.list_exercises(language="en")] == ["en-clarity-01"]
    assert [e.id for e in store.list_exercises(platform="linkedin", topic="dialog")] == ["de-dialog-01"]
    assert [e.id for e in store.list_exercises(query="offene frage")] == ["de-dialog-01"]
    assert [e.id for e in store.list_exercises(query="fuchsin")] == ["de-dialog-01"]
    assert store.list_exercises(language="en", query="frage") == []
    assert store.get_exercise("en-clarity-01").hints == ("cut",)
    # update in place, search follows
    store.upsert_exercise({**EXERCISE, "title": "Zuhören", "goal": "Anders", "body_md": "neu"})
    assert store.get_exercise("de-dialog-01").title == "Zuhören"
    assert store.list_exercises(query="offene") == []
    assert [e.id for e in store.list_exercises(query="zuhoren")] == ["de-dialog-01"]
    # an Exercise object round-trips
    store.upsert_exercise(ex)
    assert store.get_exercise("de-dialog-01").title == "Eine echte Frage stellen"


@pytest.mark.parametrize(
    "bad",
    [{"title": "no id"}, {"id": ""}, {"id": "x", "source": "web"}, {"id": "x", "source": "pack:"}, {"id": "x", "colour": "red"}],
)
def test_bad_exercises(store: Store, bad: dict) -> None:
    with pytest.raises(ValueError):
        store.upsert_exercise(bad)


def test_draft_for_an_exercise(store: Store) -> None:
    store.upsert_exercise(EXERCISE)
    d = store.create_draft(EXERCISE["starting_draft"], exercise_id="de-dialog-01")
    assert store.get_draft(d).exercise_id == "de-dialog-01"


# --------------------------------------------------------------------------- sessions and attempts


def test_sessions_attempts_and_history(store: Store) -> None:
    store.upsert_exercise(EXERCISE)
    s = store.create_session("workshop", "Social Media für Vereine", "2026-11-21", "Gruppe war müde")
    other = store.create_session("individual", "Einzelcoaching", "2026-11-22")
    assert store.get_session(s).kind == "workshop" and store.get_session(s).facilitator_notes == "Gruppe war müde"
    assert [x.id for x in store.list_sessions()] == [other, s]
    ada = store.add_participant(s, "Ada", "Teilnehmerin A")
    bob = store.add_participant(s, "bob")
    assert [(p.display_name, p.pseudonym) for p in store.participants(s)] == [("Ada", "Teilnehmerin A"), ("bob", None)]

    text = "Wir sind stolz auf unser Team."
    a1 = store.create_draft(text, "Ada 1", exercise_id="de-dialog-01", owner=ada)
    assert store.get_draft(a1).session_id == s  # implied by the owner
    store.save_revision(a1, text, "Start", analyze(text, language="de"))
    better = text + " Wen würdet ihr gern einmal kennenlernen?"
    store.save_revision(a1, better, "mit Frage", analyze(better, language="de"))
    b1 = store.create_draft("Hallo", "Bob 1", session_id=s, owner=bob)
    a2 = store.create_draft("Zweiter Versuch", "Ada 2", owner=ada)
    trashed = store.create_draft("weg", owner=ada)
    store.delete_draft(trashed)
    store.create_draft("nicht in der Session")
    with pytest.raises(ValueError):
        store.create_draft("x", session_id=other, owner=ada)

    attempts = store.session_attempts(s)
    assert [a.draft_id for a in attempts] == [a1, a2, b1]
    first = attempts[0]
    assert (first.participant, first.pseudonym, first.exercise_id, first.owner) == ("Ada", "Teilnehmerin A", "de-dialog-01", ada)
    assert [p.label for p in first.history] == ["Start", "mit Frage"]
    assert first.history[1].scores["dialogue"] > first.history[0].scores["dialogue"]
    assert first.latest_scores == first.history[1].scores
    assert attempts[1].history == () and attempts[1].latest_scores is None

    history = store.participant_history(ada)
    assert [a.draft_id for a in history] == [a1, a2]
    assert [dict(p.scores)["dialogue"] for p in history[0].history] == [p.scores["dialogue"] for p in first.history]
    assert store.participant_history(bob)[0].draft_id == b1
    assert store.session_attempts(other) == []


def test_session_kind_is_checked(store: Store) -> None:
    with pytest.raises(ValueError):
        store.create_session("party", "x", "2026-01-01")
    import datetime

    s = store.create_session("individual", "x", datetime.date(2026, 3, 4))
    assert store.get_session(s).date == "2026-03-04"


# --------------------------------------------------------------------------- concurrency


def test_two_stores_write_at_once(tmp_path: Path) -> None:
    """Two connections (one per thread) on one file, 200 autosaves + 200 revisions each: nothing lost, never 'locked'."""
    path = tmp_path / "resonanz.db"
    with Store(path) as s:
        drafts = [s.create_draft("start", f"Thread {i}") for i in range(2)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def writer(i: int) -> None:
        try:
            with Store(path) as own:
                barrier.wait()
                for n in range(200):
                    own.autosave(drafts[i], f"thread {i} write {n}")
                    own.save_revision(drafts[i], f"thread {i} write {n}", f"r{n}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def reader() -> None:
        try:
            with Store(path) as own:
                barrier.wait()
                for _ in range(100):
                    own.list_drafts("thread")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(2)] + [threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as s:
        for i, d in enumerate(drafts):
            assert s.get_draft(d).text == f"thread {i} write 199"
            revs = s.revisions(d)
            assert [r.label for r in revs] == [f"r{n}" for n in range(200)]
        assert len(s.list_drafts("write")) == 2


def test_corrupt_error_is_a_storage_error() -> None:
    assert issubclass(CorruptDatabaseError, StorageError)


# ---------------------------------------------------------------- exercise packs, stored atomically
def test_import_exercises_stores_a_whole_pack(tmp_path) -> None:
    from dataclasses import replace

    from resonanz.core.exercises.library import builtin_exercises
    from resonanz.core.storage.store import Store

    pack = [replace(ex, id=f"pack-{ex.id}", source="pack:Workshop Nord") for ex in builtin_exercises()[:5]]
    with Store(tmp_path / "p.db") as store:
        assert store.import_exercises(pack) == 5
        stored = store.get_exercise("pack-" + builtin_exercises()[0].id)
        assert stored.source == "pack:Workshop Nord"
        assert {e.id for e in store.list_exercises()} >= {e.id for e in pack}
        assert any(e.id.startswith("pack-") for e in store.list_exercises(query=pack[0].title.split()[0]))


def test_an_invalid_exercise_stops_the_pack_before_anything_is_written(tmp_path) -> None:
    from dataclasses import replace

    import pytest

    from resonanz.core.exercises.library import builtin_exercises
    from resonanz.core.storage.store import Store

    good = [replace(ex, id=f"ok-{ex.id}", source="pack:x") for ex in builtin_exercises()[:3]]
    bad = replace(builtin_exercises()[3], id="bad", source="somewhere-else")
    with Store(tmp_path / "p.db") as store:
        with pytest.raises(ValueError):
            store.import_exercises([*good, bad])
        assert not [e for e in store.list_exercises() if e.id.startswith("ok-")]


def test_a_failure_during_the_write_rolls_the_whole_pack_back(tmp_path, monkeypatch) -> None:
    from dataclasses import replace

    import pytest
    import sqlite_utils

    from resonanz.core.exercises.library import builtin_exercises
    from resonanz.core.storage.store import Store

    real = sqlite_utils.db.Table.upsert_all

    def half_then_fail(self, records, **kw):  # the disk fills up after the first rows
        records = list(records)
        real(self, records[:2], **kw)
        raise sqlite_utils.db.sqlite3.OperationalError("disk I/O error")

    pack = [replace(ex, id=f"p-{ex.id}", source="pack:x") for ex in builtin_exercises()[:4]]
    with Store(tmp_path / "p.db") as store:
        monkeypatch.setattr(sqlite_utils.db.Table, "upsert_all", half_then_fail)
        with pytest.raises(Exception):
            store.import_exercises(pack)
        monkeypatch.undo()
        assert not [e for e in store.list_exercises() if e.id.startswith("p-")]
        store.create_draft("still usable")  # the connection is not left inside a transaction


def test_a_draft_keeps_its_platform_and_language_choice(store: Store) -> None:
    """Issue 17.3: the platform and language chosen in the editor are part of the draft."""
    draft = store.create_draft("Hallo", platform="linkedin")
    store.set_draft_settings(draft, platform="instagram")
    store.set_draft_settings(draft, language="en")
    got = store.get_draft(draft)
    assert (got.platform, got.language, got.text) == ("instagram", "en", "Hallo")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        store.set_draft_settings(draft, language="fr")
    with pytest.raises(NotFoundError):
        store.set_draft_settings(draft + 99, platform="x")
    assert store.get_draft(draft).language == "en"  # a refused change changes nothing
