"""User rule folders layered over the default rule packs (like Vale styles)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.packs import RulePackError, load_pack, user_rules_dir
from resonanz.core.paths import data_dir

BAKERY = (
    "Heute früh stand das Weltklasse-Brötchen zum ersten Mal in der Auslage, "
    "gebacken mit Dinkel aus dem Nachbardorf. Was frühstückt ihr am liebsten?"
)
CARGO_BIKE = (
    "Das neue Lastenrad ist innovativ und hilft euch beim Einkaufen im Viertel. "
    "Wie transportiert ihr eure Einkäufe?"
)
CARGO_BIKE_EN = (
    "Our innovative cargo bike makes your weekly shopping trip much easier. "
    "How do you carry your groceries home?"
)
# 150 characters, fine on LinkedIn (3000) unless a user file lowers the limit
TREES = (
    "Heute pflanzen wir mit vielen Nachbarn zwanzig junge Linden im Stadtpark an der Westseite. "
    "Welche Bäume wünscht ihr euch für den Spielplatz am Teich?!"
)
ACME = (
    "Acme hat heute ein neues Werk in der Region eröffnet. "
    "Dort arbeiten zweihundert Menschen, und Acme bildet jedes Jahr zwölf junge Leute aus."
)


def rules_dir(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / f"{name}.toml").write_text(content, encoding="utf-8")
    return folder


def run(text: str, folder: Path | bool, language: str = "de", platform: str = "linkedin"):
    return analyze(text, language=language, platform=platform, rules_dir=folder)


def rules_fired(result) -> set[str]:
    return {f.rule for f in result.findings if f.points or f.severity != "good"}


def breakdown_rules(result, dimension: str) -> set[str]:
    return {c.rule for c in result.scores[dimension].breakdown}


@pytest.fixture(autouse=True)
def no_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path / "empty-home"))


# --------------------------------------------------------------------------- layering


def test_add_words(tmp_path: Path) -> None:
    assert "D7" not in rules_fired(run(BAKERY, False))
    folder = rules_dir(tmp_path, bakery='[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n')
    result = run(BAKERY, folder)
    d7 = result.findings_for("D7")
    assert d7 and d7[0].points < 0
    assert BAKERY[d7[0].start : d7[0].end] == "Weltklasse-Brötchen"
    assert result.signal_counts["D7"] == 1
    assert "Weltklasse-Brötchen" in load_pack("de", folder).rules["D7"]["words"]


def test_remove_words(tmp_path: Path) -> None:
    before = run(CARGO_BIKE, False)
    assert before.findings_for("D7")
    folder = rules_dir(tmp_path, mine='[rules.D7]\nremove.words = ["INNOVATIV*"]\n')  # case-insensitive
    after = run(CARGO_BIKE, folder)
    assert not after.findings_for("D7")
    assert after.signal_counts["D7"] == 0
    # the rest of the list still works
    assert run("Wir sind einzigartig in der Stadt. Was meint ihr dazu?", folder).findings_for("D7")


def test_enabled_false_switches_a_rule_off(tmp_path: Path) -> None:
    before = run(CARGO_BIKE, False)
    d7_points = sum(f.points for f in before.findings_for("D7"))
    assert d7_points < 0 and "D7" in breakdown_rules(before, "dialogue")
    after = run(CARGO_BIKE, rules_dir(tmp_path, off="[rules.D7]\nenabled = false\n"))
    assert not after.findings_for("D7")
    assert "D7" not in breakdown_rules(after, "dialogue")
    assert "D7" not in after.signal_counts
    assert after.score("dialogue") == before.score("dialogue") - d7_points
    for dim in ("shareability", "clarity", "platform_fit"):
        assert after.score(dim) == before.score(dim)


def test_platform_limit(tmp_path: Path) -> None:
    assert len(TREES) == 150
    assert not run(TREES, False).findings_for("P1")
    folder = rules_dir(tmp_path, short="[platforms.linkedin]\nlimit = 100\n")
    result = run(TREES, folder)
    assert result.findings_for("P1")
    assert result.stats["characters_limit"] == 100
    assert result.score("platform_fit") < run(TREES, False).score("platform_fit")
    # other platforms keep their defaults
    assert run(TREES, folder, platform="mastodon").stats["characters_limit"] == 500


def test_language_restricted_file(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, english='language = "en"\n[rules.D7]\nenabled = false\n')
    assert run(CARGO_BIKE_EN, False, "en").findings_for("D7")
    assert not run(CARGO_BIKE_EN, folder, "en").findings_for("D7")
    assert run(CARGO_BIKE, folder, "de").findings_for("D7")  # German untouched
    assert load_pack("de", folder).enabled("D7") and not load_pack("en", folder).enabled("D7")


def test_brand_names_count_as_self_reference(tmp_path: Path) -> None:
    before = run(ACME, False)
    after = run(ACME, rules_dir(tmp_path, brand='[brand]\nnames = ["Acme"]\n'))
    assert load_pack("de", tmp_path / "rules").brand_names == ("Acme",)
    d1 = after.findings_for("D1")
    assert d1 and d1[0].kind == "monologue"
    quoted = {ACME[s.start : s.end] for s in d1[0].spans}
    assert "Acme" in quoted
    assert not any(f.kind == "monologue" for f in before.findings_for("D1"))
    assert after.score("dialogue") < before.score("dialogue")


def test_user_folder_from_resonanz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "rules").mkdir(parents=True)
    (home / "rules" / "bakery.toml").write_text('[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n', encoding="utf-8")
    monkeypatch.setenv("RESONANZ_HOME", str(home))
    assert user_rules_dir() == home / "rules"
    assert analyze(BAKERY, language="de").findings_for("D7")  # default rules_dir: the user folder
    assert not analyze(BAKERY, language="de", rules_dir=False).findings_for("D7")


def test_later_files_win(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, a_off="[rules.D7]\nenabled = false\n", b_on="[rules.D7]\nenabled = true\n")
    assert load_pack("de", folder).enabled("D7")
    assert load_pack("de", folder).sources == (str(folder / "a_off.toml"), str(folder / "b_on.toml"))


def test_defaults_are_not_changed_by_a_user_pack(tmp_path: Path) -> None:
    default_words = list(load_pack("de", False).rules["D7"]["words"])
    load_pack("de", rules_dir(tmp_path, more='[rules.D7]\nadd.words = ["Supersemmel"]\nremove.words = ["premium*"]\n'))
    assert list(load_pack("de", False).rules["D7"]["words"]) == default_words


# --------------------------------------------------------------------------- broken files


def one_error(pack) -> str:
    assert len(pack.errors) == 1, pack.errors
    return pack.errors[0]


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    folder = rules_dir(
        tmp_path,
        bad="# my rules\n[rules.D7]\npoints_each = = 5\n",
        good='[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n',
    )
    pack = load_pack("de", folder)
    err = one_error(pack)
    assert re.match(rf"{re.escape(str(folder / 'bad.toml'))}:3: invalid TOML: ", err), err
    # defaults and the other, valid user file still apply
    assert pack.rules["D7"]["points_each"] == load_pack("de", False).rules["D7"]["points_each"]
    assert run(BAKERY, folder).findings_for("D7")
    assert run(CARGO_BIKE, folder).findings_for("D7")


def test_invalid_toml_at_end_of_document_still_has_a_line(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, unclosed='[rules.D7]\nadd.words = ["Supersemmel",\n')
    err = one_error(load_pack("de", folder))
    assert re.match(rf"{re.escape(str(folder / 'unclosed.toml'))}:\d+: invalid TOML", err), err


def test_not_utf8(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path)
    (folder / "latin1.toml").write_bytes('[rules.D7]\nadd.words = ["Brötchen"]\n'.encode("latin-1"))
    err = one_error(load_pack("de", folder))
    assert "latin1.toml" in err and "UTF-8" in err


def test_unknown_rule_names_file_and_line(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, typo="# D7 is spelt wrong below\n\n[rules.D77]\npoints_each = -2\n")
    err = one_error(load_pack("de", folder))
    assert err.startswith(f"{folder / 'typo.toml'}:3: ")
    assert "D77" in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('[rules.D6]\npoints = "ten"\n', "points"),
        ("[rules.D7]\nenabled = \"no\"\n", "enabled"),
        ("[rules.D7]\nwords = 5\n", "words"),
        ("[rules.D7]\nadd.words = \"Brötchen\"\n", "add.words"),
        ("[rules.D7]\nadd.nonsense = [\"x\"]\n", "nonsense"),
        ("[rules.D1]\npoints_dialogic = true\n", "points_dialogic"),
        ("[brand]\nnames = \"Acme\"\n", "brand.names"),
        ('language = "fr"\n', "language"),
        ("rules = 5\n", "rules"),
        ('brand = "Acme"\n', "brand"),
        ("[platforms.myspace]\nlimit = 100\n", "myspace"),
        ('[platforms.linkedin]\nlimit = "hundert"\n', "limit"),
        ("[platforms.linkedin]\nlimits = 100\n", "limits"),
        ("[styles]\nx = 1\n", "styles"),
        # a message template that would fail on every draft: a bad count form, a stray brace
        ('[rules.D9.messages]\nlink_only = { message = "{words} {words:Wort} eigene", suggestion = "" }\n', "messages.link_only.message"),
        ('[rules.D9.messages]\nlink_only = { message = "Nur {words eigene Wörter", suggestion = "" }\n', "messages.link_only.message"),
        ('[rules.D9.messages]\nlink_only = "Nur ein Link"\n', "messages.link_only"),
    ],
)
def test_wrong_values_are_errors(tmp_path: Path, content: str, needle: str) -> None:
    folder = rules_dir(tmp_path, wrong=content)
    pack = load_pack("de", folder)
    err = one_error(pack)
    assert err.startswith(str(folder / "wrong.toml"))
    assert needle in err
    assert pack.rules == load_pack("de", False).rules
    assert pack.platform_overrides == {} and pack.brand_names == ()
    run(TREES, folder)  # the engine keeps working with the defaults


def test_broken_file_never_half_applies(tmp_path: Path) -> None:
    folder = rules_dir(
        tmp_path,
        half=(
            '[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n'
            "[platforms.linkedin]\nlimit = 100\n"
            '[brand]\nnames = ["Acme"]\n'
            '[rules.D8]\npoints = "viel"\n'
        ),
    )
    pack = load_pack("de", folder)
    assert ":" in one_error(pack) and "D8" in one_error(pack)
    assert "Weltklasse-Brötchen" not in pack.rules["D7"]["words"]
    assert pack.platform_overrides == {} and pack.brand_names == ()
    assert not run(BAKERY, folder).findings_for("D7")
    assert not run(TREES, folder).findings_for("P1")


def test_rule_pack_error_format() -> None:
    assert str(RulePackError("/x/y.toml", 4, "boom")) == "/x/y.toml:4: boom"
    assert str(RulePackError("/x/y.toml", None, "boom")) == "/x/y.toml: boom"


def test_edited_file_is_reloaded(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, live="[rules.D7]\nenabled = false\n")
    assert not load_pack("de", folder).enabled("D7")
    path = folder / "live.toml"
    path.write_text("[rules.D7]\nenabled = true\n", encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert load_pack("de", folder).enabled("D7")


# --------------------------------------------------------------------------- CLI warnings


def cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING")}
    env["RESONANZ_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "resonanz", "score", *args],
        input=stdin, capture_output=True, env=env, timeout=60, encoding="utf-8",
    )


@pytest.fixture()
def broken_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    rules_dir(
        home,
        a_bad="[rules.D7]\nadd.words = [\n\n  = 3\n",
        b_good='[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n',
        c_unknown="[rules.Q1]\npoints = 1\n",
    )
    return home


def test_cli_warns_once_per_broken_file_and_scores(broken_home: Path) -> None:
    proc = cli(broken_home, "-", "--format", "json", stdin=BAKERY)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 2, proc.stderr
    assert all(line.startswith("resonanz: warning:") for line in lines)
    rules = broken_home / "rules"
    assert re.search(rf"{re.escape(str(rules / 'a_bad.toml'))}:\d+: invalid TOML", lines[0])
    assert f"{rules / 'c_unknown.toml'}:1:" in lines[1] and "Q1" in lines[1]
    data = json.loads(proc.stdout)
    assert any(f["rule"] == "D7" for f in data["findings"])  # the good file still applies


def test_cli_rules_dir_option(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, bakery='[rules.D7]\nadd.words = ["Weltklasse-Brötchen"]\n')
    home = tmp_path / "home"
    home.mkdir()
    plain = json.loads(cli(home, "-", "--format", "json", stdin=BAKERY).stdout)
    custom = json.loads(cli(home, "-", "--format", "json", "--rules-dir", str(folder), stdin=BAKERY).stdout)
    assert not any(f["rule"] == "D7" for f in plain["findings"])
    assert any(f["rule"] == "D7" for f in custom["findings"])


def test_cli_csv_warns_about_broken_files(broken_home: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(f'text\n"{BAKERY}"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    proc = cli(broken_home, "--csv", str(src), "--text-column", "text", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("resonanz: warning:")]
    assert len(warnings) == 2, proc.stderr
    assert out.exists()


# --------------------------------------------------------------------------- data dir


def test_data_dir_honours_resonanz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    assert user_rules_dir() == tmp_path / "elsewhere" / "rules"


def test_data_dir_expands_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("RESONANZ_HOME", "~/resonanz-data")
    assert data_dir() == tmp_path / "resonanz-data"


def test_data_dir_defaults_to_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("RESONANZ_HOME", raising=False)
    assert data_dir() == Path(platformdirs.user_data_dir("resonanz", appauthor=False))
    asked = []

    def fake(appname=None, appauthor=None, *args, **kwargs):
        asked.append((appname, appauthor))
        return str(tmp_path / "platform-data")

    monkeypatch.setattr(platformdirs, "user_data_dir", fake)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # a new environment: asked again
    assert data_dir() == tmp_path / "platform-data"
    assert asked == [("resonanz", False)]
    monkeypatch.setenv("RESONANZ_HOME", "")  # empty means unset
    assert data_dir() == tmp_path / "platform-data"
    assert asked == [("resonanz", False)]  # cached for the same environment: once per analysis is too often


def test_data_dir_follows_a_changed_environment_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESONANZ_HOME", raising=False)
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "one"))
        assert data_dir() == tmp_path / "one" / "resonanz"
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "two"))
        assert data_dir() == tmp_path / "two" / "resonanz"
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home"
    monkeypatch.setenv("RESONANZ_HOME", str(tmp_path / "other"))
    assert data_dir() == tmp_path / "other"


def test_a_user_message_may_count_with_its_noun(tmp_path: Path) -> None:
    """{n} {n:Wort|Wörter} in a user's own message: one word, many words."""
    folder = rules_dir(tmp_path, mine='[rules.C2.messages]\nvery_long = { message = "Satz mit {words} {words:Wort|Wörtern}.", suggestion = "" }\n')
    pack = load_pack("de", folder)
    assert not pack.errors
    text = "Wir " + " ".join(["backen"] * 30) + " heute."
    (f,) = [f for f in analyze(text, language="de", rules_dir=folder).findings if f.rule == "C2"]
    assert f.message == "Satz mit 32 Wörtern."
