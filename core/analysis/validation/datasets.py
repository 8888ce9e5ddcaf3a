"""The posts a validation run measures: the three shared research sets and a user's CSV.

A `Dataset` is a list of `Post`s, each with its text, its group (party, page: posts are only
compared within their group), its outcomes (engagement rates) and its labels (researcher codes;
a post without a code has no entry and is left out of the AUCs).

How the researchers' codes were mapped to targets:

- `de_parties_2019` (German party posts, EU election 2019; codebook not available): `interaction`
  = any `inter*` code is 1 (invites questions, comments, support: readings from examples, so the
  figure is indicative). Outcomes: comments per reaction and shares per reaction, reactions
  floored at 1. Posts without text (`NA`) or with an `NA` count are left out. Group: the party.
- `en_greatlakes_2013` (Lovejoy & Saxton codes): `community` = type 2, `conversation` = the
  sub-code `conversation` (codes stripped of trailing spaces), `action` = type 3. Outcome: shares
  per like (likes floored at 1; the comment column is a scraping artefact). Posts without text and
  visitor posts (a "site" with fewer than 5 posts is a person, not one of the pages) are left out.
  Group: the page.
- `en_greatlakes_2014` (sub-codes, no type column): `community` = code in {conversation,
  recognition and thank, live tweeting} (Lovejoy & Saxton's Community sub-codes that occur here),
  `conversation` = code `conversation`. Only the 773 coded rows carry labels; uncoded rows count
  for the outcome (shares per like, likes floored at 1). Text: `post`; group: `sheet`.

The data is third-party research data: read here for measuring, never copied or shipped.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping

DE_DIR = "de_parties_facebook_eu2019"
DE_FILE = Path(DE_DIR) / "facebook_europawahl.csv"
DE_CODES = Path(DE_DIR) / "derived_full_codings_from_xlsx.csv"
EN13_FILE = Path("en_npo_greatlakes_fb_2013") / "derived_facebook_posts.csv"
EN14_FILE = Path("en_npo_greatlakes_fb_2014") / "derived_facebook_posts_2014.csv"

MAP_KEYS = ("text", "comments", "shares", "reactions", "likes", "group", "label")
TRUTHY = frozenset({"1", "1.0", "true", "yes", "ja", "x"})
VISITOR_MAX_POSTS = 4  # 2013 set: a "site" with this many posts or fewer is a visitor, not a page
COMMUNITY_2014 = frozenset({"conversation", "recognition and thank", "live tweeting"})


class DataError(ValueError):
    """Data that cannot be used: one line naming what is wrong."""


@dataclass(frozen=True)
class Post:
    """One post: text, group, outcomes (name -> rate) and labels (name -> coded yes/no)."""

    id: str
    text: str
    group: str
    outcomes: dict[str, float] = field(default_factory=dict)
    labels: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """Posts of one source, analysed in one language for one platform."""

    key: str  # stable id, e.g. "de_parties_2019"
    title: str
    language: str  # "de" | "en"
    platform: str
    posts: tuple[Post, ...]
    source: str = ""  # provenance in one line
    skipped: tuple[str, ...] = ()  # why rows were left out, one line each ("line 7: no text")

    def outcome_names(self) -> list[str]:
        """Outcomes some post carries, in first-seen order."""
        return list(dict.fromkeys(k for p in self.posts for k in p.outcomes))

    def label_names(self) -> list[str]:
        """Labels some post carries, in first-seen order."""
        return list(dict.fromkeys(k for p in self.posts for k in p.labels))


# ------------------------------------------------------------------ where the data is
def _has_data(folder: Path) -> bool:
    return any((folder / f).is_file() for f in (DE_FILE, EN13_FILE, EN14_FILE))


def default_data_dir() -> Path | None:
    """$RESONANZ_VALIDATION, or ../shared/validation/data beside the working directory or the repo."""
    env = os.environ.get("RESONANZ_VALIDATION")
    if env:
        return Path(env) if _has_data(Path(env)) else None
    here = Path(__file__).resolve()
    candidates = [Path.cwd().parent / "shared" / "validation" / "data", Path.cwd() / "shared" / "validation" / "data"]
    candidates += [p.parent / "shared" / "validation" / "data" for p in here.parents]
    for c in candidates:
        if _has_data(c):
            return c
    return None


def _num(value: str | None) -> float | None:
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return x if x == x else None  # nan is no count


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            yield from csv.DictReader(fh)
    except UnicodeDecodeError:
        raise DataError(f"{path} is not UTF-8 text") from None


def _rate(num: float, den: float) -> float:
    return num / max(den, 1.0)


# ------------------------------------------------------------------ the shared sets
def load_de_parties_2019(data: Path) -> Dataset:
    """German party posts, EU election 2019: comments and shares per reaction, `interaction` codes."""
    codes: dict[str, bool] = {}
    if (data / DE_CODES).is_file():
        for r in _rows(data / DE_CODES):
            codes[r["id"]] = any((r.get(k) or "").strip() in ("1", "1.0") for k in r if k and k.startswith("inter"))
    posts = []
    for r in _rows(data / DE_FILE):
        text = r.get("message") or ""
        counts = [_num(r.get(k)) for k in ("reactions_count", "comments_count", "shares_count")]
        if text == "NA" or not text.strip() or None in counts:
            continue
        reactions, comments, shares = counts
        labels = {"interaction": codes[r["id"]]} if r["id"] in codes else {}
        outcomes = {"comments_per_reaction": _rate(comments, reactions), "shares_per_reaction": _rate(shares, reactions)}  # type: ignore[arg-type]
        posts.append(Post(r["id"], text, r["party"], outcomes, labels))
    return Dataset(
        "de_parties_2019", "German party posts, EU election 2019", "de", "facebook", tuple(posts),
        "Unkel / Haßler (LMU), CamforS; codebook not available: `interaction` is indicative",
    )


def load_en_greatlakes_2013(data: Path) -> Dataset:
    """English nonprofit posts 2013 (Lovejoy & Saxton codes): shares per like, community/conversation/action."""
    rows = list(_rows(data / EN13_FILE))
    per_site: dict[str, int] = {}
    for r in rows:
        per_site[r["site"]] = per_site.get(r["site"], 0) + 1
    posts = []
    for r in rows:
        text = r.get("text") or ""
        if not text.strip() or per_site[r["site"]] <= VISITOR_MAX_POSTS:
            continue
        kind = (r.get("type") or "").strip()
        labels = {"community": kind == "2", "conversation": (r.get("category") or "").strip() == "conversation", "action": kind == "3"}
        outcomes = {}
        shares, likes = _num(r.get("shar")), _num(r.get("like"))
        if shares is not None and likes is not None:
            outcomes["shares_per_like"] = _rate(shares, likes)
        posts.append(Post(r.get("ID", str(len(posts) + 1)), text, r["site"], outcomes, labels if kind else {}))
    return Dataset(
        "en_greatlakes_2013", "English nonprofit posts 2013 (Lovejoy & Saxton codes)", "en", "facebook", tuple(posts),
        "Hou & Lampe 2015 (cobblest/great_lake_content_anal)",
    )


def load_en_greatlakes_2014(data: Path) -> Dataset:
    """English nonprofit posts 2014: shares per like on all posts, community/conversation on coded ones."""
    posts = []
    for n, r in enumerate(_rows(data / EN14_FILE), start=1):
        text = r.get("post") or ""
        if not text.strip():
            continue
        code = (r.get("code") or "").strip()
        labels = {"community": code in COMMUNITY_2014, "conversation": code == "conversation"} if code else {}
        outcomes = {}
        shares, likes = _num(r.get("share")), _num(r.get("like"))
        if shares is not None and likes is not None:
            outcomes["shares_per_like"] = _rate(shares, likes)
        posts.append(Post(str(n), text, r["sheet"], outcomes, labels))
    return Dataset(
        "en_greatlakes_2014", "English nonprofit posts 2014 (hand-coded sample)", "en", "facebook", tuple(posts),
        "cobblest/great_lake_content_anal, interview sample; uncoded posts count for outcomes only",
    )


SHARED: dict[str, tuple[Path, Callable[[Path], Dataset]]] = {
    "de_parties_2019": (DE_FILE, load_de_parties_2019),
    "en_greatlakes_2013": (EN13_FILE, load_en_greatlakes_2013),
    "en_greatlakes_2014": (EN14_FILE, load_en_greatlakes_2014),
}


def load_shared(data: Path) -> list[Dataset]:
    """Every shared set whose file is in `data`; DataError if none is."""
    found = [load(data) for rel, load in SHARED.values() if (data / rel).is_file()]
    if not found:
        raise DataError(f"no validation data in {data} (expected e.g. {DE_FILE})")
    return found


# ------------------------------------------------------------------ a user's CSV
def parse_map(spec: str) -> dict[str, str]:
    """`text=Message,comments=Comments` -> {"text": "Message", ...}; DataError naming a bad part."""
    mapping: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        key, sep, column = part.partition("=")
        key, column = key.strip().lower(), column.strip()
        if not sep or not column:
            raise DataError(f"--map: {part!r} is not KEY=COLUMN")
        if key not in MAP_KEYS:
            raise DataError(f"--map: unknown key {key!r} (known: {', '.join(MAP_KEYS)})")
        if key in mapping:
            raise DataError(f"--map: {key!r} given twice")
        mapping[key] = column
    if "text" not in mapping:
        raise DataError("--map: text=COLUMN is required")
    return mapping


def _csv_outcomes(values: Mapping[str, float]) -> dict[str, float]:
    out = {}
    if "comments" in values and "reactions" in values:
        out["comments_per_reaction"] = _rate(values["comments"], values["reactions"])
    if "shares" in values and "reactions" in values:
        out["shares_per_reaction"] = _rate(values["shares"], values["reactions"])
    if "comments" in values and "likes" in values and "reactions" not in values:  # X, Instagram: likes only
        out["comments_per_like"] = _rate(values["comments"], values["likes"])
    if "shares" in values and "likes" in values:
        out["shares_per_like"] = _rate(values["shares"], values["likes"])
    return out


def load_csv(path: Path | str, mapping: Mapping[str, str], language: str, platform: str = "facebook", name: str = "") -> Dataset:
    """A user's CSV as a dataset: columns as `mapping` says (text required; comments, shares,
    reactions, likes, group, label optional). A row that cannot be read (no text, a count that is no
    number) is skipped and named in `Dataset.skipped`; a missing column raises DataError; an
    unopenable file raises OSError."""
    path = Path(path)
    unknown = set(mapping) - set(MAP_KEYS)
    if unknown or "text" not in mapping:
        raise DataError(f"bad column map: {', '.join(sorted(unknown)) or 'text=COLUMN missing'}")
    posts, skipped = [], []
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            for key, column in mapping.items():
                if column not in header:
                    raise DataError(f"column {column!r} (for {key}) not in {path.name}; its columns: {', '.join(header) or 'none'}")
            for row in reader:
                line = reader.line_num
                post, why = _csv_post(row, mapping, name or path.stem, line)
                if post is None:
                    skipped.append(f"line {line}: {why}")
                else:
                    posts.append(post)
    except UnicodeDecodeError:
        raise DataError(f"{path} is not UTF-8 text") from None
    except csv.Error as exc:
        raise DataError(f"{path}: not a readable CSV ({exc})") from None
    key = name or path.stem
    return Dataset(key, key, language, platform, tuple(posts), str(path), tuple(skipped))


def _csv_post(row: Mapping[str, str | None], mapping: Mapping[str, str], default_group: str, line: int) -> tuple[Post | None, str]:
    text = row.get(mapping["text"]) or ""
    if not text.strip():
        return None, "no text"
    values = {}
    for key in ("comments", "shares", "reactions", "likes"):
        if key in mapping:
            raw = (row.get(mapping[key]) or "").strip()
            x = _num(raw.replace(",", "")) if raw else None
            if x is None:
                return None, f"{mapping[key]} is not a number ({raw!r})"
            values[key] = x
    group = (row.get(mapping["group"]) or "").strip() if "group" in mapping else default_group
    labels = {}
    if "label" in mapping:
        labels["label"] = (row.get(mapping["label"]) or "").strip().lower() in TRUTHY
    return Post(str(line), text, group or default_group, _csv_outcomes(values), labels), ""
