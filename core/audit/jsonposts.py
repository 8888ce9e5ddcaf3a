"""The JSON exports: a Mastodon account archive's outbox.json and a Bluesky export of post records.

Mastodon: an ActivityPub OrderedCollection; every "Create" activity whose object is a Note is one
post (HTML "content" made plain text, "published" its date). Boosts ("Announce") and direct
messages (addressed neither to the public nor to the followers) are not the account's posts and
are listed as skipped. The archive holds no counts at all (no favourites, boosts or replies).

Bluesky: records with "$type": "app.bsky.feed.post" ("text", "createdAt"), given as a list, as
{"records": [...]} (com.atproto.repo.listRecords: each {"uri", "value": {...}}), or as a feed
({"feed": [{"post": {"record": {...}, "likeCount": …}}]}, app.bsky.feed.getAuthorFeed). Counts
(likeCount, repostCount, replyCount) are read where the export has them.
Row numbers are the record's position in its list, 1-based.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from resonanz.core.audit.model import AuditInputError, PostRecord
from resonanz.core.audit.values import html_to_text, parse_count, parse_date

__all__ = ["BLUESKY_COUNTS", "bluesky_items", "bluesky_posts", "load_json", "looks_like_mastodon", "mastodon_posts"]

PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
#: Bluesky's count keys -> Resonanz's count fields.
BLUESKY_COUNTS = {"likeCount": "reactions", "repostCount": "shares", "replyCount": "comments"}
POST_TYPE = "app.bsky.feed.post"

Parsed = tuple[list[PostRecord], list[tuple[int, str]], dict[str, str]]


def load_json(text: str, name: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AuditInputError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise AuditInputError(f"{name} is not readable JSON: nested too deeply") from None


def looks_like_mastodon(doc: object) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("orderedItems"), list)


def mastodon_posts(doc: Mapping, name: str) -> Parsed:
    posts: list[PostRecord] = []
    skipped: list[tuple[int, str]] = []
    for number, item in enumerate(doc["orderedItems"], 1):
        reason = None
        obj = item.get("object") if isinstance(item, dict) else None
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "Announce":
            reason = "a boost of another post, not a post of this account"
        elif kind != "Create":
            reason = f"a {kind or 'malformed'} activity, not a post"
        elif not isinstance(obj, dict) or obj.get("type") not in ("Note", "Article", "Question", "Page"):
            reason = "the activity holds no post (Note)"
        elif _is_direct(obj, item):
            reason = "a direct message (private mention), not a public post"
        if reason:
            skipped.append((number, reason))
            continue
        content = obj.get("content")
        text = html_to_text(content) if isinstance(content, str) else ""
        if not text:
            skipped.append((number, "empty text"))
            continue
        posts.append(PostRecord(number, text, parse_date(obj.get("published") or item.get("published")), {}))
    return posts, skipped, {"text": "object.content", "date": "object.published"}


def _is_direct(obj: Mapping, activity: Mapping) -> bool:
    audience: list[str] = []
    for source in (obj, activity):
        for key in ("to", "cc"):
            value = source.get(key)
            audience += [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if not audience:
        return False  # an archive without addressing: nothing says it is private
    return not any(a in PUBLIC or a.endswith("/followers") for a in audience)


def bluesky_items(doc: object) -> list | None:
    """The list of records in a Bluesky export, or None when the JSON is not one."""
    if isinstance(doc, list):
        items = doc
    elif isinstance(doc, dict):
        items = next((doc[k] for k in ("records", "feed", "posts") if isinstance(doc.get(k), list)), None)
        if items is None and _unwrap(doc)[0] is not None:
            items = [doc]
    else:
        return None
    if items is None or not any(_unwrap(i)[0] is not None or _type_of(i) for i in items):
        return None
    return items


def bluesky_posts(items: list, name: str) -> Parsed:
    posts: list[PostRecord] = []
    skipped: list[tuple[int, str]] = []
    seen_counts: set[str] = set()
    for number, item in enumerate(items, 1):
        record, holders = _unwrap(item)
        if record is None:
            kind = _type_of(item)
            skipped.append((number, f"not a post ({kind})" if kind else "not a Bluesky post record"))
            continue
        reason = item.get("reason") if isinstance(item, dict) else None
        if isinstance(reason, dict) and "repost" in str(reason.get("$type", "")).lower():
            skipped.append((number, "a repost of another post, not a post of this account"))
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            skipped.append((number, "empty text"))
            continue
        counts = {}
        for key, f in BLUESKY_COUNTS.items():
            value = next((h[key] for h in holders if key in h), None)
            n = parse_count(value)
            if n is not None:
                counts[f] = n
                seen_counts.add(key)
        posts.append(PostRecord(number, text.strip(), parse_date(record.get("createdAt")), counts))
    columns = {"text": "text", "date": "createdAt"}
    columns.update({f: key for key, f in BLUESKY_COUNTS.items() if key in seen_counts})
    return posts, skipped, columns


def _unwrap(item: object) -> tuple[dict | None, list[dict]]:
    """(the post record inside an item, the dicts that may hold its counts, innermost last)."""
    holders: list[dict] = []
    current = item
    for _ in range(4):
        if not isinstance(current, dict):
            return None, holders
        holders.append(current)
        if current.get("$type") == POST_TYPE:
            return current, holders[::-1]
        current = next((current[k] for k in ("value", "post", "record") if isinstance(current.get(k), dict)), None)
    return None, holders


def _type_of(item: object) -> str | None:
    current = item
    for _ in range(4):
        if not isinstance(current, dict):
            return None
        if isinstance(current.get("$type"), str):
            return current["$type"]
        current = next((current[k] for k in ("value", "post", "record") if isinstance(current.get(k), dict)), None)
    return None
