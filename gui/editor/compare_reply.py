"""Compare for replies to a comment (issue 15): both versions scored as replies, one "Reply" tile.

A reply's versions are analysed with `analyze_reply` against their comments (a revision keeps the
comment it was scored against, so the two sides may answer different wordings of the comment); the
comparison then has the one `reply` score (`core.analysis.compare`). The view shows the reply's
tile instead of the four dimension tiles and no radar (one axis is no shape).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resonanz.core.analysis.engine import analyze
from resonanz.core.analysis.reply import analyze_reply

#: (comment, post) a reply answers; post "" for none
ReplyContext = tuple[str, str]


def analyze_pair(original: str, revision: str, language: str, platform: str, reply: ReplyContext | None = None,
                 original_reply: ReplyContext | None = None):
    """(before, after): two post analyses, or with `reply` two reply analyses (`original_reply`,
    default `reply`, is the comment the original answered)."""
    if reply is None:
        return analyze(original, language, platform, rules_dir=None), analyze(revision, language, platform, rules_dir=None)
    first = original_reply if original_reply is not None else reply
    return (analyze_reply(first[0], original, post=first[1] or None, language=language),
            analyze_reply(reply[0], revision, post=reply[1] or None, language=language))


def show_kind(view: QWidget, is_reply: bool) -> None:
    """The four dimension tiles and the radar for a post; the one reply tile for a reply."""
    for tile in view.tiles.values():
        tile.setVisible(not is_reply)
    view.reply_tile.setVisible(is_reply)
    radar_box = getattr(view, "_radar_box", None)
    if radar_box is not None:
        radar_box.setVisible(not is_reply)



def show_revisions(view: QWidget, first, second, post: str = "", language: str = "auto", platform: str = "linkedin"):
    """Compare two stored revisions (`core.storage.records.Revision`) in a CompareView: as replies,
    each against the comment it kept, when they are revisions of a reply; as posts otherwise."""
    if first.comment is None or second.comment is None:
        return view.set_drafts(first.text, second.text, first.language or language, first.platform or platform)
    return view.set_drafts(first.text, second.text, second.language or language, platform,
                           reply=(second.comment, post), original_reply=(first.comment, post))


__all__ = ["ReplyContext", "analyze_pair", "show_kind", "show_revisions"]
