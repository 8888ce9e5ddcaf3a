"""One guess of a CSV's delimiter for batch scoring and the page audit (`fileio.sniff_delimiter`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from resonanz.core.fileio import sniff_delimiter


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("text,likes\nHallo,3\nWie geht's,4\n", ","),
        ("text;likes\nHallo;3\nWie geht's;4\n", ";"),
        ("text\tlikes\nHallo\t3\n", "\t"),
        ('text,likes\n"Hallo; wie; geht; es",5\n', ","),  # semicolons inside a quoted cell do not count
        ("Beiträge März\n\nText;Geteilt;Kommentare\nHallo;1;2\n", ";"),  # a title line above the header
        ("\n\nText;Geteilt;Kommentare\nHallo;1;2\n", ";"),
        ("nur ein Wort\n", ","),  # nothing to go by: comma, as Excel writes it
        ("", ","),
    ],
)
def test_the_delimiter_is_the_one_the_table_uses(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter


def test_a_titled_semicolon_export_is_read_as_columns_by_the_audit(tmp_path: Path) -> None:
    """A semicolon export with a title line above its header is read as columns by the page audit."""
    from resonanz.core.audit.importers import header_columns

    path = tmp_path / "export.csv"
    path.write_text("Beiträge März\n\nText;Geteilt;Kommentare\nWas pflanzt ihr zuerst?;1;2\n", encoding="utf-8")
    assert header_columns(path) == ["Text", "Geteilt", "Kommentare"]
