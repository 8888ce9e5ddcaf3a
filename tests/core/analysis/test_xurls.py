"""X's URL recognition (core.analysis.xurls) and its TLD data file.

resources/x_tlds.txt is generated from twitter-text's conformance/tld_lib.yml (kept unchanged in
tests/data/twitter-text/, see SOURCE.md there). The first test checks the two agree; after
updating tld_lib.yml, regenerate the data file with

    .venv/bin/python tests/core/analysis/test_xurls.py --write
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TLD_LIB = ROOT / "tests" / "data" / "twitter-text" / "tld_lib.yml"
DATA_FILE = ROOT / "resources" / "x_tlds.txt"
HEADER = """\
# X (Twitter) top-level domains: the TLDs X links without http:// (core/analysis/xurls.py).
# Source: twitter/twitter-text conformance/tld_lib.yml, commit 30e2430d90cff3b46393ea54caf511441983c260;
# Apache License 2.0, Copyright 2011 Twitter, Inc. Generated, do not edit: regenerate with
# `python tests/core/analysis/test_xurls.py --write`. One TLD a line, in tld_lib.yml's order.
"""


def read_tld_lib(path: Path = TLD_LIB) -> dict[str, list[str]]:
    """tld_lib.yml's lists (a reader for its flat layout: `name:` then `- item` lines)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\w+):\s*$", line):
            current = sections.setdefault(m.group(1), [])
        elif (m := re.match(r"^- (.+?)\s*$", line)) and current is not None:
            item = m.group(1)
            if len(item) >= 2 and item[0] == item[-1] and item[0] in "'\"":
                item = item[1:-1]  # YAML quotes words such as 'no' and 'off'
            current.append(item)
        elif line.strip() not in ("", "---"):
            raise ValueError(f"tld_lib.yml: unexpected line {line!r}")
    return sections


def render_data_file(sections: dict[str, list[str]]) -> str:
    body = "".join(f"\n[{name}]\n" + "".join(f"{tld}\n" for tld in tlds) for name, tlds in sections.items())
    return HEADER + body


def test_data_file_equals_tld_lib() -> None:
    from resonanz.core.analysis.xurls import load_tlds, parse_tlds

    sections = read_tld_lib()
    assert sum(map(len, sections.values())) == TLD_LIB.read_text(encoding="utf-8").count("\n- ")
    assert DATA_FILE.read_text(encoding="utf-8") == render_data_file(sections), "regenerate: see module docstring"
    assert parse_tlds(render_data_file(sections)) == sections == load_tlds()
    assert "off" in sections["generic"] and "no" in sections["country"]


# --------------------------------------------------------------------------- recognition


def _urls(text: str) -> list[str]:
    from resonanz.core.analysis.xurls import find_urls_x

    return [text[s:e] for s, e in find_urls_x(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bit.ly/abc und kultur.berlin", ["bit.ly/abc", "kultur.berlin"]),
        ("Ende des Satzes.De", ["Satzes.De"]),
        ("http://192.168.0.1/admin", []),
        ("z.B. u.a. 3.5 Tipps.Das", []),
        ("info@verein.de", []),
        ("www.example.de.", ["www.example.de"]),
        ("http://twitter.com/これは日本語です。example.com中国語", ["http://twitter.com/", "example.com"]),
        ("中文example.com/pfad?x=1", ["example.com/pfad?x=1"]),
        ("https://t.co/abc123?x=1.", ["https://t.co/abc123?x=1"]),
        ("https://t.co/" + "a" * 41, []),
        ("(see https://de.wikipedia.org/wiki/Foo_(Bar)) ok", ["https://de.wikipedia.org/wiki/Foo_(Bar)"]),
        ("http://münchen.de/ä", ["http://münchen.de/ä"]),
        ("-example.com _example.com /example.com", []),
        ("example.com:8080/x", ["example.com:8080/x"]),
        ("xn--mnchen-3ya.de und foo.xn--p1ai", ["xn--mnchen-3ya.de", "foo.xn--p1ai"]),
        ("a.zippo b.zip c.comx", ["a.zippo", "b.zip"]),
        ("shop.嘉里大酒店 und shop.嘉里", ["shop.嘉里大酒店", "shop.嘉里"]),
    ],
)
def test_x_urls(text: str, expected: list[str]) -> None:
    assert _urls(text) == expected


@pytest.mark.parametrize(
    "unit",
    [
        "中文字符没有空格" * 8,  # every position may start a domain
        "ä.ö.ü.",  # many labels, no TLD
        "Wort ",
        "a-b_c.d ",
        "1.2.3.4.",
    ],
)
def test_linear_in_text_length(unit: str) -> None:
    from resonanz.core.analysis.xurls import find_urls_x

    find_urls_x("warm.up")

    def timed(n: int) -> float:
        text = unit * (n // len(unit)) + " example.com"
        t0 = time.perf_counter()
        assert find_urls_x(text)[-1][1] == len(text)
        return time.perf_counter() - t0

    small, large = timed(10_000), timed(100_000)
    assert large < 25 * small + 0.05, (small, large)  # 10x the text: ~10x the time, not ~100x


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        DATA_FILE.write_text(render_data_file(read_tld_lib()), encoding="utf-8", newline="\n")
        print(f"wrote {DATA_FILE}")
    else:
        sys.exit(f"usage: {sys.argv[0]} --write")
