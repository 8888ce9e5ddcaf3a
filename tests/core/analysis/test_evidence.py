"""Rule evidence (core/analysis/evidence.py): read from resources/rules/evidence.toml, said in German or English."""

from __future__ import annotations

from pathlib import Path

import pytest

from resonanz.core.analysis import evidence
from resonanz.core.analysis.evidence import Evidence, EvidenceFigure, describe, evidence_for, grade_name

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "evidence" / "evidence.toml"


@pytest.fixture(autouse=True)
def _reset(monkeypatch):
    monkeypatch.delenv(evidence.ENV, raising=False)
    yield
    evidence.use_file(None)


@pytest.fixture()
def pinned():
    evidence.use_file(FIXTURE)


def test_without_a_file_every_rule_is_untested(tmp_path: Path) -> None:
    evidence.use_file(tmp_path / "missing.toml")
    ev = evidence_for("D2")
    assert ev == Evidence("D2", "untested", ())
    assert describe(ev, "de") == "Ungeprüft: noch kein Datensatz misst diese Regel."
    assert describe(ev, "en") == "Untested: no data set measures this rule yet."


@pytest.mark.parametrize("content", ["[rules.D1\ngrade = ", "rules = 3", "\xff\xfe binary", "[rules.D1]\ngrade = \"proven\""])
def test_a_broken_file_is_untested_never_a_crash(tmp_path: Path, content: str) -> None:
    path = tmp_path / "evidence.toml"
    path.write_bytes(content.encode("latin-1"))
    evidence.use_file(path)
    assert evidence_for("D1").grade == "untested"


def test_the_environment_variable_points_at_another_file(monkeypatch) -> None:
    monkeypatch.setenv(evidence.ENV, str(FIXTURE))
    evidence.use_file(None)
    assert evidence_for("D1").grade == "supported"


def test_grades_and_figures_from_the_file(pinned) -> None:
    assert {r: evidence_for(r).grade for r in ("D1", "D4", "D3", "S1", "S4", "C1", "P1")} == {
        "D1": "supported", "D4": "supported", "D3": "contradicted", "S1": "mixed", "S4": "unclear", "C1": "untested", "P1": "untested"}
    d1 = evidence_for("D1")
    assert len(d1.figures) == 3 and isinstance(d1.figures[0], EvidenceFigure)
    assert d1.figures[0] == EvidenceFigure("de_parties_2019", "German party posts, EU election 2019", "comments_per_reaction",
                                           "rho", 0.155, 0.04, 0.26, 826, 25, 6, 5, "for")
    with pytest.raises(AttributeError):
        d1.grade = "mixed"  # type: ignore[misc]


def test_supported_in_both_languages_plural_and_decimal_comma(pinned) -> None:
    ev = evidence_for("D1")
    assert describe(ev, "de") == ("Belegt: in 2 von 3 Datensätzen in der erwarteten Richtung "
                                  "(stärkster Wert ρ = +0,16, Kommentare je Reaktion, Parteiposts 2019).")
    assert describe(ev, "en") == ("Supported: in the expected direction in 2 of 3 data sets "
                                  "(strongest ρ = +0.16, comments per reaction, party posts 2019).")
    assert describe(ev, "de", with_grade=False).startswith("In 2 von 3 Datensätzen")


def test_singular_for_one_data_set(pinned) -> None:
    assert "in 1 Datensatz in der erwarteten Richtung (stärkster Wert ρ = +0,21" in describe(evidence_for("D4"), "de")
    assert "in the expected direction in 1 data set (strongest ρ = +0.21" in describe(evidence_for("D4"), "en")
    assert "Datensätze" not in describe(evidence_for("S4"), "de") and "1 Datensatz misst" in describe(evidence_for("S4"), "de")
    assert "1 data set measures this rule" in describe(evidence_for("S4"), "en")


def test_contradicted_says_the_evidence_points_the_other_way(pinned) -> None:
    de, en = describe(evidence_for("D3"), "de"), describe(evidence_for("D3"), "en")
    assert de.startswith("Widerlegt: ") and "Gegenrichtung" in de and "ρ = −0,12" in de
    assert en.startswith("Contradicted: ") and "the other way" in en and "ρ = −0.12" in en


def test_mixed_counts_both_sides(pinned) -> None:
    assert describe(evidence_for("S1"), "en") == ("Mixed: in the expected direction in 1 of 2 data sets, the other way in 1 "
                                                 "(strongest ρ = +0.09, shares per reaction, party posts 2019).")
    assert describe(evidence_for("S1"), "de").startswith("Gemischt: in 1 von 2 Datensätzen in der erwarteten Richtung, in 1 in der Gegenrichtung")


def test_all_data_sets_and_auc_and_unknown_names() -> None:
    fig = EvidenceFigure("my_posts", "My own posts", "label", "auc", 0.625, 0.55, 0.7, 90, 20, 1, 1, "for")
    other = EvidenceFigure("de_parties_2019", "x", "comments_per_reaction", "rho", 0.05, 0.01, 0.1, 826, 20, 6, 4, "for")
    ev = Evidence("D9", "supported", (fig, other))
    assert describe(ev, "de") == "Belegt: in allen 2 Datensätzen in der erwarteten Richtung (stärkster Wert AUC = 0,63, eigene Kennzeichnung, My own posts)."
    assert describe(ev, "en") == "Supported: in the expected direction in all 2 data sets (strongest AUC = 0.63, your own labels, My own posts)."


def test_grade_names() -> None:
    assert [grade_name(g, "de") for g in evidence.GRADES] == ["belegt", "gemischt", "unklar", "widerlegt", "ungeprüft"]
    assert [grade_name(g, "en") for g in evidence.GRADES] == ["supported", "mixed", "unclear", "contradicted", "untested"]
