"""Tests for resonanz.core.analysis.platforms (profiles, character counting, fold) and the scanners of
resonanz.core.analysis.entities."""

from __future__ import annotations

import subprocess
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from resonanz.core.analysis.entities import find_emoji, find_hashtags, find_mentions, find_urls
from resonanz.core.analysis.platforms import (
    COUNTING_METHODS,
    PlatformProfile,
    count_characters,
    default_platform,
    fold_offset,
    load_profiles,
    platform_aliases,
    resolve_platform,
)

PROFILES = load_profiles()
X = PROFILES["x"]
LINKEDIN = PROFILES["linkedin"]
MASTODON = PROFILES["mastodon"]
BLUESKY = PROFILES["bluesky"]
FACEBOOK = PROFILES["facebook"]
NEWSLETTER = PROFILES["newsletter"]

ALL_IDS = ("bluesky", "facebook", "instagram", "linkedin", "mastodon", "newsletter", "threads", "x")

URL60 = "https://example.de/" + "p" * (60 - len("https://example.de/"))
assert len(URL60) == 60

WOMAN_TECH = "\U0001F469\U0001F3FD\u200D\U0001F4BB"  # 👩🏽‍💻: 4 code points, 1 grapheme
FLAG_DE = "\U0001F1E9\U0001F1EA"  # 🇩🇪
KEYCAP_1 = "1\uFE0F\u20E3"  # 1️⃣
KEYCAP_HASH = "#\uFE0F\u20E3"  # #️⃣
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # 👨‍👩‍👧‍👦
RAINBOW_FLAG = "\U0001F3F3\uFE0F\u200D\U0001F308"  # 🏳️‍🌈
SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"  # 🏴󠁧󠁢󠁳󠁣󠁴󠁿
ARROW_VS16 = "\u27A1\uFE0F"  # ➡️
HEART_VS16 = "\u2764\uFE0F"  # ❤️
THUMBS_DARK = "\U0001F44D\U0001F3FE"  # 👍🏾


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


# --------------------------------------------------------------------------- profiles data


def test_all_platforms_present_with_documented_values() -> None:
    assert tuple(PROFILES) == ALL_IDS
    assert default_platform() == "linkedin"
    for pid, p in PROFILES.items():
        assert p.id == pid
        assert p.counting in COUNTING_METHODS
        assert p.as_of == "2025-12"
        assert p.note and "\n" not in p.note
        assert p.hashtags_min <= p.hashtags_max
    assert (X.limit, X.counting, X.url_length, X.fold) == (280, "weighted_x", 23, 0)
    assert (X.hashtags_min, X.hashtags_max) == (1, 2)
    assert (LINKEDIN.limit, LINKEDIN.fold, LINKEDIN.fold_lines, LINKEDIN.hashtags_max) == (3000, 210, 3, 3)
    assert (FACEBOOK.limit, FACEBOOK.fold, FACEBOOK.fold_desktop, FACEBOOK.hashtags_max) == (63206, 125, 477, 1)
    ig = PROFILES["instagram"]
    assert (ig.limit, ig.fold, ig.hashtags_max, ig.links_penalised) == (2200, 125, 5, True)
    assert (MASTODON.limit, MASTODON.counting, MASTODON.url_length, MASTODON.camelcase_hashtags) == (
        500, "mastodon", 23, True,
    )
    assert (MASTODON.hashtags_min, MASTODON.hashtags_max) == (0, 4)
    assert (PROFILES["threads"].limit, PROFILES["threads"].hashtags_max) == (500, 1)
    assert (BLUESKY.limit, BLUESKY.counting, BLUESKY.fold, BLUESKY.hashtags_max) == (300, "graphemes", 0, 2)
    assert (NEWSLETTER.limit, NEWSLETTER.hashtags_max, NEWSLETTER.fold_lines) == (0, 0, 2)


def test_profiles_are_frozen_and_read_only() -> None:
    with pytest.raises(AttributeError):
        X.limit = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        PROFILES["x"] = X  # type: ignore[index]
    assert load_profiles() is PROFILES  # cached defaults


# --------------------------------------------------------------------------- resolve_platform


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x", "x"),
        ("X", "x"),
        ("Twitter", "x"),
        ("twitter", "x"),
        (" LinkedIn ", "linkedin"),
        ("FB", "facebook"),
        ("fb", "facebook"),
        ("ig", "instagram"),
        ("Instagram", "instagram"),
        ("email", "newsletter"),
        ("E-Mail", "newsletter"),
        ("e-mail", "newsletter"),
        ("bsky", "bluesky"),
        ("MASTODON", "mastodon"),
        ("threads", "threads"),
    ],
)
def test_resolve_platform_names_and_aliases(name: str, expected: str) -> None:
    assert resolve_platform(name).id == expected


def test_aliases_all_resolve() -> None:
    assert platform_aliases()["twitter"] == "x"
    for alias, target in platform_aliases().items():
        assert resolve_platform(alias).id == target


def test_resolve_platform_unknown_is_one_line_value_error() -> None:
    with pytest.raises(ValueError) as info:
        resolve_platform("myspace")
    assert str(info.value) == (
        "unknown platform 'myspace': choose one of "
        "bluesky, facebook, instagram, linkedin, mastodon, newsletter, threads, x"
    )
    with pytest.raises(ValueError) as info:
        resolve_platform("my\nspace")
    assert "\n" not in str(info.value)


def test_resolve_platform_uses_given_profiles() -> None:
    profiles = load_profiles({"twitter": {"limit": 25000}})
    assert resolve_platform("Twitter", profiles).limit == 25000
    assert resolve_platform("Twitter").limit == 280


# --------------------------------------------------------------------------- load_profiles overrides


def test_override_limit() -> None:
    profiles = load_profiles({"mastodon": {"limit": 1000}})
    assert profiles["mastodon"].limit == 1000
    assert profiles["mastodon"].counting == "mastodon"
    assert profiles["x"] is PROFILES["x"]
    assert load_profiles()["mastodon"].limit == 500  # defaults untouched


def test_override_via_alias_and_several_keys() -> None:
    profiles = load_profiles({"E-Mail": {"fold": 0, "fold_lines": 1}, "bsky": {"limit": 350}})
    assert (profiles["newsletter"].fold, profiles["newsletter"].fold_lines) == (0, 1)
    assert profiles["bluesky"].limit == 350


def test_override_float_field_accepts_int() -> None:
    assert load_profiles({"x": {"emoji_per_100_words_max": 7}})["x"].emoji_per_100_words_max == 7.0


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"x": {"limt": 300}}, "'limt'"),
        ({"x": {"id": "y"}}, "'id'"),
        ({"myspace": {"limit": 1}}, "'myspace'"),
        ({"x": {"limit": "280"}}, "limit must be int"),
        ({"x": {"limit": True}}, "limit must be int"),
        ({"x": {"links_penalised": 1}}, "links_penalised must be bool"),
        ({"x": {"counting": "bytes"}}, "counting"),
        ({"x": {"limit": -1}}, "limit must be >= 0"),
        ({"x": {"hashtags_min": 5}}, "hashtags_min"),
        ({"x": 280}, "table"),
    ],
)
def test_override_errors(overrides: dict, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        load_profiles(overrides)
    assert fragment in str(info.value)


def test_unknown_override_key_names_the_key() -> None:
    with pytest.raises(ValueError, match=r"unknown key 'maxlen' in override for platform 'linkedin'"):
        load_profiles({"linkedin": {"maxlen": 5}})


# --------------------------------------------------------------------------- counting


def x_weight(ch: str) -> int:
    """Independent restatement of the twitter-text v3 ranges for single code points."""
    cp = ord(ch)
    light = cp <= 4351 or 8192 <= cp <= 8205 or 8208 <= cp <= 8223 or 8242 <= cp <= 8247
    return 1 if light else 2


X_CASES = [
    ("a" * 280, 280),
    ("\U0001F600" * 140, 280),
    (URL60, 23),
    ("Mehr: " + URL60, 6 + 23),
    ("Mehr: " + URL60 + " und " + URL60, 6 + 23 + 5 + 23),
    ("example.de/pfad/zum/artikel", 23),  # bare domains are links on X too
    (WOMAN_TECH, 2),
    (FLAG_DE, 2),
    (KEYCAP_1, 2),
    (HEART_VS16, 2),
    (ARROW_VS16, 2),
    (FAMILY, 2),
    (SCOTLAND, 2),
    ("Kund:innen", 10),
    ("Kund*innen", 10),
    ("Grüße aus Köln, schön: äöüß ÄÖÜ", len("Grüße aus Köln, schön: äöüß ÄÖÜ")),
    ("\u65E5", 2),  # 日
    ("\u65E5\u672C\u8A9E", 6),  # 日本語
    ("\uAC00", 2),  # Hangul syllable
    ("\u2013 \u201EZitat\u201C", 1 + 1 + 1 + 5 + 1),  # – „Zitat“: U+2013, U+201E, U+201C are light
    ("\u2026", 2),  # … U+2026 lies outside the light ranges
    ("\u20AC", 2),  # € U+20AC too
    ("\u00A9 2025", 6),  # © without VS16 is typography, weight 1
    ("e\u0301", 1),  # NFC turns e + combining acute into é
    ("a\nb", 3),
    ("z.B. u.a. Version 3.5", len("z.B. u.a. Version 3.5")),
    ("", 0),
]


@pytest.mark.parametrize(("text", "expected"), X_CASES)
def test_count_x(text: str, expected: int) -> None:
    assert count_characters(text, X) == expected


def test_count_x_matches_code_point_weights_for_plain_text() -> None:
    text = "Grüße – 日本 “quoted” … € Ω Ж א ا"
    assert count_characters(text, X) == sum(x_weight(c) for c in text)


def test_count_x_without_url_length_counts_urls_as_typed() -> None:
    x_typed = load_profiles({"x": {"url_length": 0}})["x"]
    assert count_characters(URL60, x_typed) == 60


BLUESKY_CASES = [
    ("a" * 300, 300),
    (WOMAN_TECH, 1),
    (FLAG_DE + FLAG_DE, 2),
    (FAMILY, 1),
    (KEYCAP_1, 1),
    ("e\u0301", 1),
    ("Kund:innen", 10),
    ("Grüße", 5),
    (URL60, 60),  # the record stores the URL as typed
    ("a\r\nb", 3),  # CR LF is one grapheme cluster
    ("", 0),
]


@pytest.mark.parametrize(("text", "expected"), BLUESKY_CASES)
def test_count_bluesky_graphemes(text: str, expected: int) -> None:
    assert count_characters(text, BLUESKY) == expected


MASTODON_CASES = [
    ("a" * 500, 500),
    (URL60, 23),
    ("Lies " + URL60 + "!", 5 + 23 + 1),
    ("http://x.de", 23),  # short URLs count 23 as well
    ("example.de/pfad/zum/artikel", len("example.de/pfad/zum/artikel")),  # no scheme: as typed
    ("@max@chaos.social hallo", len("@max hallo")),
    ("@max hallo", len("@max hallo")),
    ("Mail an info@verein.de", len("Mail an info@verein.de")),
    (WOMAN_TECH, 1),  # Mastodon counts grapheme clusters
    ("Kund:innen", 10),
    ("", 0),
]


@pytest.mark.parametrize(("text", "expected"), MASTODON_CASES)
def test_count_mastodon(text: str, expected: int) -> None:
    assert count_characters(text, MASTODON) == expected


CODEPOINT_CASES = [
    ("a" * 3000, 3000),
    (WOMAN_TECH, 4),
    (FLAG_DE, 2),
    ("e\u0301", 2),
    ("Kund:innen", 10),
    ("Grüße", 5),
    (URL60, 60),
    ("", 0),
]


@pytest.mark.parametrize("pid", ["linkedin", "facebook", "instagram", "threads", "newsletter"])
@pytest.mark.parametrize(("text", "expected"), CODEPOINT_CASES)
def test_count_codepoint_platforms(pid: str, text: str, expected: int) -> None:
    assert count_characters(text, PROFILES[pid]) == expected


def test_codepoints_and_graphemes_with_url_length_override() -> None:
    profiles = load_profiles({"linkedin": {"url_length": 23}, "bluesky": {"url_length": 23}})
    text = "Neu: " + URL60 + " " + WOMAN_TECH
    assert count_characters(text, profiles["linkedin"]) == 5 + 23 + 1 + 4
    assert count_characters(text, profiles["bluesky"]) == 5 + 23 + 1 + 1


# --------------------------------------------------------------------------- fold


def test_fold_single_long_line_cuts_at_fold() -> None:
    assert fold_offset("a" * 500, LINKEDIN) == 210


def test_fold_short_text_is_none() -> None:
    assert fold_offset("Kurzer Beitrag.", LINKEDIN) is None
    assert fold_offset("a" * 210, LINKEDIN) is None  # exactly fits
    assert fold_offset("", LINKEDIN) is None


def test_fold_at_end_of_third_line() -> None:
    text = "Zeile eins\nZeile zwei\nZeile drei\nZeile vier\nZeile fünf"
    third_newline = [i for i, c in enumerate(text) if c == "\n"][2]
    assert fold_offset(text, LINKEDIN) == third_newline
    assert text[:third_newline] == "Zeile eins\nZeile zwei\nZeile drei"


def test_fold_crlf_lines() -> None:
    text = "a\r\nb\r\nc\r\nd"
    assert fold_offset(text, LINKEDIN) == text.index("c") + 1


def test_fold_three_lines_or_trailing_whitespace_is_none() -> None:
    assert fold_offset("a\nb\nc", LINKEDIN) is None
    assert fold_offset("a\nb\nc\n", LINKEDIN) is None
    assert fold_offset("a\nb\nc\n  \n", LINKEDIN) is None


def test_fold_takes_earlier_of_characters_and_lines() -> None:
    text = "a" * 100 + "\n" + "b" * 100 + "\n" + "c" * 100 + "\nd"
    assert fold_offset(text, LINKEDIN) == 210  # line 3 would end at 302
    text = "kurz\n" + "b" * 300
    assert fold_offset(text, LINKEDIN) == 210  # only two lines: character fold
    text = "a\nb\nc\n" + "d" * 300
    assert fold_offset(text, LINKEDIN) == 5


def test_fold_emoji_straddling_moves_back() -> None:
    text = "x" * 208 + WOMAN_TECH + "y" * 100  # emoji occupies 208..212
    assert fold_offset(text, LINKEDIN) == 208
    text = "x" * 209 + FLAG_DE + "y" * 100  # flag occupies 209..211
    assert fold_offset(text, LINKEDIN) == 209
    text = "x" * 208 + FLAG_DE + "y" * 100  # flag occupies 208..210: 210 is a boundary
    assert fold_offset(text, LINKEDIN) == 210
    text = "x" * 209 + "e\u0301" + "y" * 100  # combining accent at 210
    assert fold_offset(text, LINKEDIN) == 209


def test_fold_other_platforms() -> None:
    assert fold_offset("a" * 1000, X) is None
    assert fold_offset("a" * 1000, BLUESKY) is None
    assert fold_offset("a" * 1000, MASTODON) is None
    assert fold_offset("a" * 1000, FACEBOOK) == 125
    assert fold_offset("a" * 1000, PROFILES["instagram"]) == 125
    text = "Betreff: Neues\nVorschau-Zeile\nText der Mail"
    assert fold_offset(text, NEWSLETTER) == text.index("\nText")
    assert fold_offset("a" * 1000, NEWSLETTER) == 200


# --------------------------------------------------------------------------- find_urls

URL_MATCH = [
    ("Siehe https://example.de/pfad.", ["https://example.de/pfad"]),
    ("Mehr: https://example.de/pfad?x=1&y=2#teil, danke", ["https://example.de/pfad?x=1&y=2#teil"]),
    ("(siehe https://de.wikipedia.org/wiki/Foo_(Bar))", ["https://de.wikipedia.org/wiki/Foo_(Bar)"]),
    ("(https://example.org/a)", ["https://example.org/a"]),
    ("„https://x.de/a“ und «http://y.com»", ["https://x.de/a", "http://y.com"]),
    ("HTTPS://EXAMPLE.COM/X", ["HTTPS://EXAMPLE.COM/X"]),
    ("Link:https://x.de", ["https://x.de"]),
    ("http://localhost:8000/test", ["http://localhost:8000/test"]),
    ("Kontakt: resonanz.de/kontakt!", ["resonanz.de/kontakt"]),
    ("auf example.com.", ["example.com"]),
    ("www.example.fr ist neu", ["www.example.fr"]),
    ("bbc.co.uk und example.io", ["bbc.co.uk", "example.io"]),
    ("app: verein.app, blog: team.dev, info: site.info", ["verein.app", "team.dev", "site.info"]),
    ("Mehr unter example.de:8080/x", ["example.de:8080/x"]),
    ("Lies https://x.de/a😀 jetzt", ["https://x.de/a"]),
]

URL_NO_MATCH = [
    "z.B. das hier",
    "u.a. wichtig",
    "Version 3.5 ist da",
    "Python 3.12.1",
    "info@verein.de",
    "Schreib an max.mustermann@firma.de",
    "Verein e.V. und Co.",
    "Datei bericht.pdf und main.py",
    "Das ist gut.Aber",
    "S.1 bis ca.5",
    "https://",
    "@user@mastodon.social",
]


@pytest.mark.parametrize(("text", "expected"), URL_MATCH)
def test_find_urls_match(text: str, expected: list[str]) -> None:
    assert spans_text(text, find_urls(text)) == expected


@pytest.mark.parametrize("text", URL_NO_MATCH)
def test_find_urls_no_match(text: str) -> None:
    assert find_urls(text) == []


# --------------------------------------------------------------------------- find_mentions

MENTION_MATCH = [
    ("@resonanz danke!", ["@resonanz"]),
    ("Hallo @max_muster, wie geht's?", ["@max_muster"]),
    ("(@user@chaos.social)", ["@user@chaos.social"]),
    ("Danke @max.mustermann.", ["@max.mustermann"]),
    ("@a und @b", ["@a", "@b"]),
    ("Grüße an @Jürgen", ["@Jürgen"]),
]

MENTION_NO_MATCH = [
    "info@verein.de",
    "Mail an a@b.de bitte",
    "https://mastodon.social/@user",
    "E-Mail: max.mustermann@firma.de",
    "Preis @ 5 Euro",
    "@",
    "@@doppelt",
]


@pytest.mark.parametrize(("text", "expected"), MENTION_MATCH)
def test_find_mentions_match(text: str, expected: list[str]) -> None:
    assert spans_text(text, find_mentions(text)) == expected


@pytest.mark.parametrize("text", MENTION_NO_MATCH)
def test_find_mentions_no_match(text: str) -> None:
    assert find_mentions(text) == []


# --------------------------------------------------------------------------- find_hashtags

HASHTAG_MATCH = [
    ("#Ehrenamt ist toll", ["#Ehrenamt"]),
    ("Wir in #Köln2025.", ["#Köln2025"]),
    ("#Kund_innen und #Vielfalt!", ["#Kund_innen", "#Vielfalt"]),
    ("#2025Ziele", ["#2025Ziele"]),
    ("Text #Tag, mehr #ÄÖÜß", ["#Tag", "#ÄÖÜß"]),
    ("(#OpenSource)", ["#OpenSource"]),
    ("#Café", ["#Café"]),
    ("Link https://x.de/#anchor und #Echt", ["#Echt"]),
]

HASHTAG_NO_MATCH = [
    "Platz #1",
    "#2025",
    "#1_000",
    "https://x.de/#anchor",
    "x.de/seite#abschnitt",
    "Ich lerne C# und F#",
    "Kund*innen",
    "&#123;",
    KEYCAP_HASH + " Wichtig",
    "##",
    "# Überschrift",
]


@pytest.mark.parametrize(("text", "expected"), HASHTAG_MATCH)
def test_find_hashtags_match(text: str, expected: list[str]) -> None:
    assert spans_text(text, find_hashtags(text)) == expected


@pytest.mark.parametrize("text", HASHTAG_NO_MATCH)
def test_find_hashtags_no_match(text: str) -> None:
    assert find_hashtags(text) == []


# --------------------------------------------------------------------------- find_emoji

EMOJI_MATCH = [
    ("Super \U0001F600!", ["\U0001F600"]),
    ("\U0001F600\U0001F600", ["\U0001F600", "\U0001F600"]),
    (WOMAN_TECH + " Team", [WOMAN_TECH]),
    (FLAG_DE + FLAG_DE, [FLAG_DE, FLAG_DE]),
    (KEYCAP_1 + " Punkt", [KEYCAP_1]),
    (KEYCAP_HASH, [KEYCAP_HASH]),
    ("\u2705 erledigt", ["\u2705"]),  # ✅
    (ARROW_VS16 + " Jetzt anmelden", [ARROW_VS16]),
    (HEART_VS16, [HEART_VS16]),
    (THUMBS_DARK, [THUMBS_DARK]),
    (RAINBOW_FLAG, [RAINBOW_FLAG]),
    (FAMILY, [FAMILY]),
    (SCOTLAND, [SCOTLAND]),
    ("\u00A9\uFE0F", ["\u00A9\uFE0F"]),  # ©️ with VS16 is the emoji
    ("a\U0001F600b", ["\U0001F600"]),
]

EMOJI_NO_MATCH = [
    "Kund*innen",
    "a*b #1 1.",
    "\u00A9 2025 Verein\u00AE Marke\u2122",  # © ® ™ as typography
    "\u2192 Pfeil \u2605 Stern \u2713 Haken",  # → ★ ✓ are not emoji
    "Grüße äöü ß",
    "日本語",
]


@pytest.mark.parametrize(("text", "expected"), EMOJI_MATCH)
def test_find_emoji_match(text: str, expected: list[str]) -> None:
    assert spans_text(text, find_emoji(text)) == expected


@pytest.mark.parametrize("text", EMOJI_NO_MATCH)
def test_find_emoji_no_match(text: str) -> None:
    assert find_emoji(text) == []


def test_kund_innen_has_no_emoji_or_hashtag() -> None:
    text = "Liebe Kund*innen, liebe Kund:innen"
    assert find_emoji(text) == [] and find_hashtags(text) == []


# --------------------------------------------------------------------------- import cost


def test_import_is_lazy() -> None:
    """Importing the modules must not pull in regex or tomllib (they are loaded on first use)."""
    code = (
        "import sys; import resonanz.core.analysis.platforms, resonanz.core.analysis.entities; "
        "bad = [m for m in ('regex', 'tomllib', 'importlib.resources') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --------------------------------------------------------------------------- properties

FRAGMENTS = [
    WOMAN_TECH, FLAG_DE, KEYCAP_1, KEYCAP_HASH, FAMILY, RAINBOW_FLAG, SCOTLAND, ARROW_VS16,
    HEART_VS16, THUMBS_DARK, "\U0001F1E9", "\u200D", "\uFE0F", "\u20E3", "\U0001F3FD", "e\u0301",
    "https://example.de/a?b=c#d", "http://", "example.de", "www.", "z.B.", "u.a.", "3.5",
    "@max", "@max@chaos.social", "info@verein.de", "#Tag", "#1", "#", "@", "Kund*innen",
    "\n", "\r\n", " ", ".", ")", "(", "„", "“", "日本", "ÄÖÜß", "\u2026", "\u00A9",
]

texts = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(FRAGMENTS)), max_size=40
).map("".join)

FINDERS = (find_urls, find_mentions, find_hashtags, find_emoji)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_property_spans_valid_and_counts_never_fail(text: str) -> None:
    for finder in FINDERS:
        spans = finder(text)
        previous_end = 0
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert start >= previous_end  # sorted, no overlap within one kind
            previous_end = end
    boundaries = {m.end() for m in regex.finditer(r"\X", text)}
    for profile in PROFILES.values():
        assert count_characters(text, profile) >= 0
        offset = fold_offset(text, profile)
        assert offset is None or 0 < offset < len(text)
        if offset is not None:
            assert offset in boundaries  # never inside a grapheme cluster


@settings(max_examples=100, deadline=None)
@given(texts, st.sampled_from(COUNTING_METHODS), st.integers(min_value=0, max_value=40))
def test_property_every_counting_method_on_any_text(text: str, counting: str, url_length: int) -> None:
    profile = PlatformProfile(
        id="test", name="Test", limit=100, counting=counting, url_length=url_length, fold=20,
        fold_lines=2, hashtags_min=0, hashtags_max=1, links_penalised=False,
        emoji_per_100_words_max=3.0, camelcase_hashtags=False, as_of="2025-12", note="Test.",
    )
    assert count_characters(text, profile) >= 0
    offset = fold_offset(text, profile)
    assert offset is None or 0 < offset < len(text)
