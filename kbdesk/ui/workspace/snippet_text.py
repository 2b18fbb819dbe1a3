"""Snippets as the operator reads them: text, not the markup it was cut from.

The search engine's snippets are escaped source text with the matched words in `<mark>`, so a
template's `{{client_name}}`, a `:::phone` block marker, a `[[refund-times]]` link or an
editor's `<script>` written as text show through. They are cleaned here, on the window's side,
keeping the marks: a placeholder reads as its label in brackets (or its default), a link as its
target's title, markers and tags are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MARK = r"(?:</?mark>)*"
_PLACEHOLDER = re.compile(r"\\?\{\{((?:[^{}<]|</?mark>)*?)\}\}")
_LINK = re.compile(r"\[\[((?:[^\[\]<]|</?mark>)+?)\]\]")
_VARIANT = re.compile(r":::" + _MARK + r"(?:phone|chat|email)?" + _MARK + r"(?!\w)")
# Tags written as text in the source arrive escaped: &lt;script&gt; … &lt;/script&gt;.
_SCRIPT = re.compile(r"&lt;(script|style)\b.*?(?:&lt;/\1&gt;|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"&lt;/?[a-zA-Z][^&]*?&gt;")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|`+)|(\*\*|__|`+)(?!\w)")
# A snippet cut inside a placeholder or link leaves half of it at either end.
_CUT_START = re.compile(r"^(…?)[^\s{}\[\]]*?(?:\}\}|\]\])")
_CUT_END = re.compile(r"(?:\{\{|\[\[)[^}\]]*?(…?)$")
_SPACES = re.compile(r"[ \t]{2,}")
_TAGS = re.compile(r"</?mark>")


def clean_snippet(
    snippet: str,
    field_label: Callable[[str], str],
    link_title: Callable[[str], str | None],
) -> str:
    """`snippet` (escaped HTML with `<mark>`) without markup; still escaped HTML."""
    if not snippet:
        return snippet
    text = _SCRIPT.sub(" ", snippet)
    text = _TAG.sub(" ", text)
    text = _CUT_START.sub(r"\1", text)
    text = _CUT_END.sub(r"\1", text)

    def placeholder(match: re.Match[str]) -> str:
        inner = match[1]
        name, bar, default = _TAGS.sub("", inner).partition("|")
        if bar and default.strip():
            return default.strip()
        # An agreement form ({{client_name: обращение}}) reads as the field it agrees with.
        name = name.partition(":")[0].strip()
        return f"[{field_label(name)}]" if name else ""

    def link(match: re.Match[str]) -> str:
        slug, bar, words = match[1].partition("|")
        if bar and _TAGS.sub("", words).strip():
            return words.strip()  # the link's own words, their marks kept
        slug = _TAGS.sub("", slug).strip()
        return link_title(slug) or slug

    text = _PLACEHOLDER.sub(placeholder, text)
    text = _LINK.sub(link, text)
    text = _VARIANT.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()
