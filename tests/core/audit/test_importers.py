"""read_posts on the five platform exports (invented fixtures) and on broken or unknown files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resonanz.core.audit.importers import FORMAT_NOTES, read_posts
from resonanz.core.audit.model import AuditInputError
from resonanz.core.audit.values import html_to_text, parse_count, parse_date

FIX = Path(__file__).parent / "fixtures"


def _by_row(result):
    return {p.row: p for p in result.posts}


# --- each format recognised without a mapping ---------------------------------------------------


def test_meta_csv():
    r = read_posts(FIX / "meta.csv")
    assert (r.format, r.source, len(r.posts)) == ("meta", "meta.csv", 9)
    assert r.skipped == ((10, "no text in column 'Description or Title'"),)
    assert r.columns["impressions"] == "Views" and r.columns["reactions"] == "Reactions"  # not "Reactions, Comments and Shares"
    first = _by_row(r)[2]
    assert first.text.startswith("Samstag ist Ausgabetag!")
    assert first.date == "2026-09-05T09:15"
    assert dict(first.counts) == {"comments": 12, "shares": 5, "reactions": 87, "impressions": 2410, "clicks": 3}
    assert _by_row(r)[4].text == "Unser Herbstfest"  # Title when the Description is empty
    assert "shares" not in _by_row(r)[5].counts and "clicks" not in _by_row(r)[5].counts  # "-" is missing, not 0
    assert _by_row(r)[5].counts["comments"] == 41
    assert "impressions" not in _by_row(r)[7].counts  # empty cell: missing
    assert r.count_fields == ("comments", "shares", "reactions", "impressions", "clicks")


def test_x_analytics_csv():
    r = read_posts(FIX / "x_analytics.csv")
    assert (r.format, len(r.posts), r.skipped) == ("x", 10, ())
    p = r.posts[0]
    assert (p.row, p.date) == (2, "2026-04-01T16:02")
    assert dict(p.counts) == {"comments": 7, "shares": 4, "reactions": 22, "impressions": 1843, "clicks": 9}  # "1843.0" -> 1843
    assert r.posts[-1].text.startswith("Spring stats: 112 repairs")
    assert r.columns["shares"] == "retweets"


def test_linkedin_xlsx_header_on_row_two():
    r = read_posts(FIX / "linkedin.xlsx")
    assert (r.format, len(r.posts)) == ("linkedin", 9)
    assert r.skipped == ((8, "no text in column 'Post title'"),)
    p = _by_row(r)[3]
    assert p.text.startswith("Wir suchen eine:n Projektkoordinator:in")
    assert p.date == "2026-03-02"  # LinkedIn's US "03/02/2026"
    assert dict(p.counts) == {"comments": 14, "shares": 22, "reactions": 96, "impressions": 4210, "clicks": 188}
    hours = _by_row(r)[9]
    assert "clicks" not in hours.counts and "shares" not in hours.counts and hours.counts["reactions"] == 22


def test_linkedin_fixture_is_what_the_script_makes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_linkedin", FIX / "make_linkedin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = read_posts(module.build(tmp_path / "linkedin.xlsx"))
    committed = read_posts(FIX / "linkedin.xlsx")
    assert fresh.posts == committed.posts


def test_mastodon_outbox_without_counts():
    r = read_posts(FIX / "mastodon_outbox.json")
    assert (r.format, len(r.posts)) == ("mastodon", 8)
    assert [row for row, _ in r.skipped] == [4, 8]  # a boost, a direct message
    assert "boost" in r.skipped[0][1] and "direct message" in r.skipped[1][1]
    assert r.count_fields == () and all(not p.counts for p in r.posts)
    assert "no counts" in FORMAT_NOTES["mastodon"]
    assert r.posts[0].text == "Ab Montag gilt: Rückgabe rund um die Uhr am neuen Automaten.\nFragen dazu? Antwortet einfach hier."
    assert r.posts[1].text.endswith("Wer liest mit?\n\nTreffen am 19.2. um 18 Uhr im Lesesaal.")
    assert r.posts[2].text.startswith("We're looking") and r.posts[2].text.endswith("#volunteering")
    assert "https://example.org/onleihe" in _by_row(r)[9].text and "&amp;" not in _by_row(r)[10].text
    assert r.posts[0].date == "2026-02-02T08:30"


def test_mastodon_archive_zip(tmp_path):
    import zipfile

    archive = tmp_path / "archive-20260401.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIX / "mastodon_outbox.json", "outbox.json")
        z.writestr("actor.json", "{}")
    r = read_posts(archive)
    assert (r.format, len(r.posts), r.source) == ("mastodon", 8, "archive-20260401.zip")


def test_bluesky_records():
    r = read_posts(FIX / "bluesky.json")
    assert (r.format, len(r.posts)) == ("bluesky", 8)
    assert r.skipped == ((4, "not a post (app.bsky.feed.like)"), (6, "empty text"))
    p = r.posts[0]
    assert (p.row, p.date) == (1, "2026-05-02T07:45")
    assert dict(p.counts) == {"reactions": 34, "shares": 8, "comments": 11}
    assert r.count_fields == ("comments", "shares", "reactions")


@pytest.mark.parametrize("wrap", ["list", "value", "feed", "bare"])
def test_bluesky_wrappers(tmp_path, wrap):
    rec = {"$type": "app.bsky.feed.post", "text": "Hallo Nachbarschaft!", "createdAt": "2026-01-02T03:04:05Z"}
    doc = {
        "list": [rec],
        "value": [{"uri": "at://x/app.bsky.feed.post/1", "value": rec}],
        "feed": {"feed": [{"post": {"uri": "at://x", "record": rec, "likeCount": 5}}]},
        "bare": rec,
    }[wrap]
    path = tmp_path / "bsky.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = read_posts(path)
    assert r.format == "bluesky" and [p.text for p in r.posts] == ["Hallo Nachbarschaft!"]
    assert r.posts[0].date == "2026-01-02T03:04"
    assert dict(r.posts[0].counts) == ({"reactions": 5} if wrap == "feed" else {})


# --- broken and unusual files ------------------------------------------------------------------


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("Tweet id,Tweet text,time\n1,Grüße,2026-01-01\n".encode("cp1252"))
    with pytest.raises(AuditInputError) as err:
        read_posts(path)
    msg = str(err.value)
    assert "not valid UTF-8" in msg and "0xfc at offset 29 (line 2)" in msg and "\n" not in msg


def test_bom_and_semicolons(tmp_path):
    path = tmp_path / "x_de.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Tweet id;Tweet text;time;impressions;retweets;likes\n1;Grüße aus dem Verein, bis bald;14.03.2026 09:30;1.234;-;12\n".encode())
    r = read_posts(path)
    assert r.format == "x" and len(r.posts) == 1
    p = r.posts[0]
    assert p.text == "Grüße aus dem Verein, bis bald" and p.date == "2026-03-14T09:30"
    assert dict(p.counts) == {"impressions": 1234, "reactions": 12}


def test_empty_file(tmp_path):
    for content in (b"", b"\xef\xbb\xbf\n\n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(content)
        with pytest.raises(AuditInputError, match="empty"):
            read_posts(path)


def test_header_only_gives_no_posts(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Tweet id,Tweet text,time\n", encoding="utf-8")
    r = read_posts(path)
    assert r.format == "x" and r.posts == () and r.skipped == ()


def test_a_50_mb_field_is_read(tmp_path):
    path = tmp_path / "big.csv"
    big = "Ein langer Beitrag. " * (50 * 1024 * 1024 // 20)
    path.write_text(f'Tweet id,Tweet text,time,likes\n1,"{big}",2026-01-01,3\n2,kurz,2026-01-02,4\n', encoding="utf-8")
    r = read_posts(path)
    assert [len(p.text) for p in r.posts] == [len(big.strip()), 4]
    assert r.posts[1].row == 3 and r.posts[1].counts["reactions"] == 4


def test_rows_without_text_or_with_extra_fields_are_skipped_not_fatal(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        'Tweet id,Tweet text,time,likes\n1,Erster Beitrag,2026-01-01,3\n2,,2026-01-02,4\n\n3,"zwei\nZeilen",2026-01-03,x\n4,zu viel,2026-01-04,1,99\n5,   ,2026-01-05,0\n6,Letzter,kein Datum,7\n',
        encoding="utf-8",
    )
    r = read_posts(path)
    assert [p.row for p in r.posts] == [2, 5, 9]
    assert r.posts[1].text == "zwei\nZeilen" and not r.posts[1].counts  # "x" is no count; the row stays
    assert r.posts[2].date is None  # unreadable date: None, the row stays
    assert r.skipped == (
        (3, "no text in column 'Tweet text'"),
        (7, "the row has 5 fields but the header has 4"),
        (8, "no text in column 'Tweet text'"),
    )


def test_unclosed_quote_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('Tweet id,Tweet text,time\n1,ok,2026-01-01\n2,"never closed,2026-01-02\n3,lost,2026-01-03\n', encoding="utf-8")
    with pytest.raises(AuditInputError, match=r"x.csv:3: a quoted cell is never closed"):
        read_posts(path)


def test_generic_csv_with_mapping(tmp_path):
    path = tmp_path / "planung.csv"
    path.write_text(
        "Datum;Beitrag;Geteilt;Gefällt mir;Reichweite\n03/14/2026;Frühjahrsputz im Park: wer hilft mit?;4;\"1.234\";-\n25/03/2026;Danke fürs Mitmachen!;;17;800\n",
        encoding="utf-8",
    )
    r = read_posts(path, mapping={"text": "Beitrag", "date": "Datum", "shares": "Geteilt", "reactions": "gefällt mir", "impressions": "Reichweite"})
    assert r.format == "mapped" and len(r.posts) == 2
    assert r.columns == {"text": "Beitrag", "date": "Datum", "shares": "Geteilt", "reactions": "Gefällt mir", "impressions": "Reichweite"}
    assert dict(r.posts[0].counts) == {"shares": 4, "reactions": 1234}
    assert dict(r.posts[1].counts) == {"reactions": 17, "impressions": 800}
    # "25/03/2026" shows that this file puts the day first: "03/14/2026" is then month 14, unreadable (None)
    assert [p.date for p in r.posts] == [None, "2026-03-25"]


def test_mapping_on_a_recognised_file_wins(tmp_path):
    r = read_posts(FIX / "x_analytics.csv", mapping={"text": "Tweet permalink"})
    assert r.format == "mapped" and r.posts[0].text.startswith("https://twitter.com/")
    assert r.count_fields == ()


def test_mapping_errors_are_one_line(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Datum,Beitrag\n2026-01-01,Hallo\n", encoding="utf-8")
    with pytest.raises(AuditInputError) as err:
        read_posts(path, mapping={"text": "Message"})
    assert "has no column 'Message'" in str(err.value) and "Datum, Beitrag" in str(err.value)
    with pytest.raises(AuditInputError, match="unknown field"):
        read_posts(path, mapping={"text": "Beitrag", "likes": "Beitrag"})
    with pytest.raises(AuditInputError, match="text column"):
        read_posts(path, mapping={"date": "Datum"})


def test_missing_text_column_is_an_unknown_layout(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Tweet id,Tweet permalink,time,impressions\n1,https://x.com/a/1,2026-01-01,5\n", encoding="utf-8")
    with pytest.raises(AuditInputError) as err:
        read_posts(path)
    msg = str(err.value)
    assert "not an export Resonanz recognises" in msg and "Tweet id, Tweet permalink, time, impressions" in msg and "--map text=" in msg
    assert "\n" not in msg


def test_unknown_json_and_old_xls_and_binary(tmp_path):
    cases = {
        "a.json": (b'{"hello": 1}', "neither a Mastodon"),
        "b.json": (b'{"orderedItems": [', "not valid JSON"),
        "c.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Excel"),
        "d.csv": (b"a,b\x00c\n", "binary"),
        "e.xlsx": (b"PK\x03\x04broken", "not a readable Excel workbook"),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(AuditInputError, match=expected):
            read_posts(path)
    with pytest.raises(AuditInputError, match="cannot read"):
        read_posts(tmp_path / "missing.csv")


def test_mapped_workbook(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Export of 2026"])
    sheet.append([])
    sheet.append(["Message", "Date", "Boosts"])
    sheet.append(["A post in a workbook", __import__("datetime").datetime(2026, 2, 3, 14, 5), 7.0])
    book.save(tmp_path / "own.xlsx")
    r = read_posts(tmp_path / "own.xlsx", mapping={"text": "message", "date": "date", "shares": "boosts"})
    assert [(p.row, p.text, p.date, dict(p.counts)) for p in r.posts] == [(4, "A post in a workbook", "2026-02-03T14:05", {"shares": 7})]


# --- values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "count"),
    [("1,234", 1234), ("1.234", 1234), ("1 234", 1234), ("12", 12), ("500.0", 500), ("", None), ("-", None), ("–", None), (None, None), ("n/a", None), (-3, None), (7.6, 8), ("1.234.567", 1234567)],
)
def test_parse_count(raw, count):
    assert parse_count(raw) == count


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-03-14", "2026-03-14"),
        ("2026-03-14T09:30:00.000Z", "2026-03-14T09:30"),
        ("2026-03-14 09:30 +0000", "2026-03-14T09:30"),
        ("03/14/2026 09:30", "2026-03-14T09:30"),
        ("03/14/2026 9:30 PM", "2026-03-14T21:30"),
        ("14.03.2026", "2026-03-14"),
        ("Sat, Mar 14, 2026", "2026-03-14"),
        ("2026-02-30", None),
        ("Lifetime", None),
        ("", None),
    ],
)
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_html_to_text():
    assert html_to_text("<p>Eins<br />zwei</p><p>drei &amp; vier</p>") == "Eins\nzwei\n\ndrei & vier"


def test_unknown_layout_names_the_header_not_a_title_line(tmp_path):
    path = tmp_path / "report.csv"
    path.write_text("Monthly report\nWhen,What,Likes\n2026-01-01,Hallo,3\n", encoding="utf-8")
    with pytest.raises(AuditInputError, match=r"columns: When, What, Likes\)"):
        read_posts(path)


def test_header_columns_are_read_as_the_importer_reads_the_file(tmp_path) -> None:
    """The mapping dialog's column list comes from the importer's own file-type decision."""
    from resonanz.core.audit.importers import header_columns
    from resonanz.core.audit.model import AuditInputError

    fixtures = Path(__file__).parent / "fixtures"
    assert header_columns(fixtures / "meta.csv")[:3] == ["Post ID", "Page ID", "Page name"]
    linkedin = header_columns(fixtures / "linkedin.xlsx")  # its title row above the header is not taken for it
    assert "Impressions" in linkedin and len(linkedin) > 5
    assert header_columns(fixtures / "mastodon_outbox.json") == []  # JSON has records, not columns
    odd = tmp_path / "odd.csv"
    odd.write_text("\n\nText;Geteilt;Kommentare\nHallo;1;2\n", encoding="utf-8")
    assert header_columns(odd) == ["Text", "Geteilt", "Kommentare"]
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    with pytest.raises(AuditInputError, match="old Excel .xls"):
        header_columns(old)
