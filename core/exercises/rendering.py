"""An exercise as HTML that is safe to display: its Markdown instructions can neither run code nor link out.

Owns `render_markdown` (raw HTML escaped, images reduced to their alt text, only http(s),
mailto and #fragment links kept) and `render_html`. Imports `model` and
`resonanz.core.analysis` (dimension labels); the `markdown` package only when rendering.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import lru_cache

from resonanz.core.analysis.model import DIMENSIONS
from resonanz.core.exercises.model import Exercise

__all__ = ["render_html", "render_markdown"]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")


def _safe_url(url: str) -> bool:
    """True only for http(s) and mailto links and #fragments within the page.

    Relative and protocol-relative URLs are refused too: a viewer (e.g. Qt's text browser) would
    resolve them against its own base, which may be a local folder.
    """
    import markdown.util

    cleaned = url.replace(markdown.util.AMP_SUBSTITUTE, "&")
    for _ in range(3):  # entities may be nested ("&amp;#106;")
        cleaned = html.unescape(cleaned)
    cleaned = _INVISIBLE_RE.sub("", cleaned).lower()
    if cleaned.startswith("#"):
        return True
    m = _SCHEME_RE.match(cleaned)
    return bool(m) and m.group(1) in _SAFE_SCHEMES


def _make_renderer():
    """A Markdown instance that escapes all raw HTML and drops unsafe links and all images."""
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _Sanitise(Treeprocessor):
        def run(self, root):
            for el in root.iter():
                if el.tag == "img":
                    alt = el.get("alt", "")
                    el.attrib.clear()
                    el.tag = "span"
                    el.text = f"[{alt}]" if alt else ""
                    continue
                for attr in list(el.attrib):
                    if attr.lower().startswith("on") or attr.lower() in ("style", "srcdoc"):
                        del el.attrib[attr]
                for attr in ("href", "src", "action", "formaction", "xlink:href"):
                    value = el.get(attr)
                    if value is not None and not _safe_url(value):
                        del el.attrib[attr]
                        if el.tag == "a":
                            el.tag = "span"
                if el.tag == "a" and el.get("href"):
                    el.set("rel", "nofollow noopener noreferrer")

    class _EscapeHtml(Extension):
        def extendMarkdown(self, md):
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_Sanitise(md), "resonanz_sanitise", -10)

    return markdown.Markdown(extensions=["sane_lists", _EscapeHtml()], output_format="html")


def render_markdown(text: str) -> str:
    """Markdown to an HTML fragment: raw HTML shows as text, images become their alt text, links other
    than http(s)/mailto/#fragment lose their target."""
    return _make_renderer().convert(text)


@lru_cache(maxsize=4)
def _dimension_labels(language: str) -> Mapping[str, str]:
    """Display names of the score dimensions in `language` (from the default rule pack)."""
    from resonanz.core.analysis.packs import load_pack

    labels = load_pack(language, False).labels
    return {dim: str(labels.get(dim, dim)) for dim in DIMENSIONS}


def render_html(ex: Exercise) -> str:
    """The exercise as an HTML fragment (title, goal, targets, instructions, hints), safe to display."""
    esc = html.escape
    parts = [f"<h1>{esc(ex.title)}</h1>", f'<p class="goal">{esc(ex.goal)}</p>']
    labels = _dimension_labels(ex.language)
    targets = ", ".join(f"{esc(labels.get(dim, dim))} ≥ {int(v)}" for dim, v in ex.targets.items())
    parts.append(f'<p class="targets">{targets}</p>')
    parts.append(f'<div class="instructions">\n{render_markdown(ex.body_md)}\n</div>')
    if ex.hints:
        items = "".join(f"<li>{esc(h)}</li>" for h in ex.hints)
        parts.append(f'<ul class="hints">{items}</ul>')
    return "\n".join(parts)
