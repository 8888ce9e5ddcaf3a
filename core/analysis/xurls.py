"""URLs as X (Twitter) recognises them: twitter-text's ``extractUrlsWithIndices``.

X links more than the text layer does (core.analysis.entities.find_urls): any domain that ends
in one of the TLDs of twitter-text's ``tld_lib.yml`` (case-insensitive, with or without
``http://``: "bit.ly/abc", "kultur.berlin", "Satzes.De"), but no IP addresses, and for bare
domains only the ASCII part ("中文example.com" links "example.com"). Only X's character count
uses these rules.

The patterns and the extraction steps are a close port of twitter-text-parser 3.0.0
(https://github.com/swen128/twitter-text-python, MIT License, Copyright (c) 2019 swen128),
itself a port of twitter/twitter-text (Apache License 2.0). The TLD list is data:
``resonanz/resources/x_tlds.txt``, generated from twitter-text's ``conformance/tld_lib.yml``.

Differences, both for a search that stays linear in the text length: the TLDs are matched by
one trie-shaped pattern (longest TLD first, as twitter-text's ordering does), and a domain
label is matched over at most 63 characters (the DNS limit; twitter-text rejects longer labels
only when punycode-encoding them, after the match) and a domain over at most 17 labels (so
"a.b.c.d..." text costs a constant per dot); in longer domains X's rules see the last 17 labels.

Pure Python, no Qt; the patterns are compiled on first use.
"""

from __future__ import annotations

import functools
import re

__all__ = ["find_urls_x", "load_tlds"]

DATA_FILE = "x_tlds.txt"  # in resonanz.resources
MAX_URL_LENGTH = 4096  # protocol + URL with its domain punycode-encoded
MAX_TCO_SLUG_LENGTH = 40
DEFAULT_PROTOCOL = "https://"

# Character classes of twitter-text (regexp/*.js), unchanged.
_DIRECTIONAL_MARKERS = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
_INVALID_CHARS = r"\uFFFE\uFEFF\uFFFF"
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_PUNCT = r"\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$/"
_CYRILLIC = r"\u0400-\u04FF"
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268"
    r"\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_PRECEDING = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID_CHARS}]|[{_DIRECTIONAL_MARKERS}]|^)"
_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID_CHARS}{_DIRECTIONAL_MARKERS}]"
_PUNYCODE = r"(?:xn--[\-0-9a-z]+)"
_TLD_END = r"(?=[^0-9a-zA-Z@+-]|$)"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!\*';:=\+,\.\$\/%#\[\]\-\u2013_~@\|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\)"
# Ungrouped, as twitter-text splices it in: a path is "...[end char]" or "(balanced parens)".
_PATH_END = rf"[\+\-a-z{_CYRILLIC}0-9=_#\/{_LATIN_ACCENTS}]|(?:{_BALANCED_PARENS})"
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:@{_PATH_CHAR}+/))"
_QUERY_CHARS = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"


def load_tlds() -> dict[str, list[str]]:
    """The TLD lists of x_tlds.txt: ``{"country": [...], "generic": [...]}``, in file order."""
    from importlib.resources import files

    text = (files("resonanz.resources") / DATA_FILE).read_text(encoding="utf-8")
    return parse_tlds(text)


def parse_tlds(text: str) -> dict[str, list[str]]:
    """Parse the x_tlds.txt format: ``#`` comments, ``[section]`` headers, one TLD a line."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"{DATA_FILE}, line {number}: TLD before the first [section]")
        else:
            current.append(line)
    return sections


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for ``words`` shaped as a trie; a longer word is tried first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return render(trie)


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    tlds = load_tlds()
    words = [t for section in tlds.values() for t in section]
    tld = rf"(?:(?:{_trie_pattern(words)}){_TLD_END}|{_PUNYCODE})"
    subdomain = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\.)"
    domain_name = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\.)"
    domain = rf"(?:{subdomain}{{0,15}}{domain_name}{tld})"
    extract = (
        rf"(({_PRECEDING})"  # 1 total, 2 preceding character
        rf"((https?:\/\/)?"  # 3 URL, 4 protocol
        rf"({domain})"  # 5 domain
        r"(?::([0-9]+))?"  # 6 port
        rf"(\/{_PATH}*)?"  # 7 path
        rf"(\?{_QUERY_CHARS}*{_QUERY_END})?))"  # 8 query
    )
    ascii_domain = rf"(?:(?:[\-a-z0-9{_LATIN_ACCENTS}]+)\.)+{tld}"
    tco = rf"^https?:\/\/t\.co\/([a-z0-9]+)(?:\?{_QUERY_CHARS}*{_QUERY_END})?"
    return {
        "extract": re.compile(extract, re.IGNORECASE),
        "ascii_domain": re.compile(ascii_domain, re.IGNORECASE),
        "tco": re.compile(tco, re.IGNORECASE),
        "invalid_before_bare": re.compile(r"[-_./]$"),
    }


def _punycode(domain: str) -> str | None:
    try:
        return domain.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return None


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    encoded = _punycode(domain)
    if not encoded:
        return False
    return len(protocol) + len(url) + len(encoded) - len(domain) <= MAX_URL_LENGTH


def find_urls_x(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the URLs X finds in ``text``, in text order (code point offsets)."""
    if "." not in text:  # every URL twitter-text extracts has a dot
        return []
    pats = _patterns()
    spans: list[tuple[int, int]] = []
    for m in pats["extract"].finditer(text):
        before, url, protocol, domain, path = m.group(2), m.group(3), m.group(4), m.group(5), m.group(7)
        end = m.end()
        start = end - len(url)
        if not _is_valid_url(url, protocol or DEFAULT_PROTOCOL, domain):
            continue
        if protocol is None:
            # a bare domain: only its ASCII domains are links, and not after "-", "_", "." or "/"
            if pats["invalid_before_bare"].search(before):
                continue
            found = [(start + a.start(), start + a.end()) for a in pats["ascii_domain"].finditer(domain)]
            if not found:
                continue
            if path:  # the last ASCII domain takes the path and query
                found[-1] = (found[-1][0], end)
            spans.extend(found)
        else:
            tco = pats["tco"].search(url)
            if tco:  # t.co URLs take no further path characters
                slug = tco.group(1)
                if slug and len(slug) > MAX_TCO_SLUG_LENGTH:
                    continue
                end = start + len(tco.group(0))
            spans.append((start, end))
    return spans
