"""Markdown to safe HTML for the article preview and the rich clipboard.

The preview is a QTextBrowser, not a browser engine, but editors' content is still untrusted:
everything Markdown produces goes through nh3 with a short allow-list. Nothing rendered here
may make the app touch the network, so remote images become their alt text.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

__all__ = [
    "LinkRef",
    "find_links",
    "html_for_clipboard",
    "markdown_to_html",
    "markdown_to_plain",
    "slug_from_href",
]

KB_SCHEME = "kb"
MISSING_CLASS = "missing"

_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "a", "hr", "span", "mark",
    # Kept only through the sanitiser: _unfetchable_images turns every remote one into text.
    "img",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "span": {"class"},
    "th": {"align"},
    "td": {"align"},
    "img": {"src", "alt", "title"},
}
_LINK_SCHEMES = {"http", "https", "mailto", "tel", KB_SCHEME}
# A plain relative file path: no scheme, no root, no "..", no backslash (a UNC path would
# make Windows reach out to a file server).
_LOCAL_IMAGE = re.compile(r"(?!/)(?!.*(?:^|/)\.\.(?:/|$))[\w\-./ ]+")
_IMG_TAG = re.compile(r"<img\b([^>]*)>")
_HTML_ATTR = re.compile(r'([\w-]+)="([^"]*)"')

# "\|" is accepted as the separator because a bare "|" would split a table cell.
_WIKI_LINK = r"(?<!\\)\[\[([^\[\]|\\\n]+?)(?:\\?\|([^\[\]\n]*))?\]\]"
_WIKI_LINK_RE = re.compile(_WIKI_LINK)
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")

_BLOCK_TAGS = {
    "p", "ul", "ol", "blockquote", "pre", "table", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class LinkRef:
    """An internal ``[[slug]]`` link and the 1-based line it is on."""

    slug: str
    text: str
    line: int


def _kb_href(slug: str) -> str:
    return f"{KB_SCHEME}:{quote(slug, safe='-_.~/')}"


def slug_from_href(href: str) -> str | None:
    """The slug of a ``kb:`` link, or None for any other link."""
    scheme, colon, rest = href.partition(":")
    if not colon or scheme.lower() != KB_SCHEME or not rest:
        return None
    return unquote(rest)


class _WikiLinkProcessor(InlineProcessor):
    def __init__(self, extension: _KbExtension) -> None:
        super().__init__(_WIKI_LINK)
        self._extension = extension

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:
        slug = m.group(1).strip()
        text = (m.group(2) or "").strip() or slug
        element = etree.Element("a", {"href": _kb_href(slug)})
        element.text = text
        exists = self._extension.link_exists
        if exists is not None and not exists(slug):
            element.set("class", MISSING_CLASS)
        return element, m.start(0), m.end(0)


class _KbExtension(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.link_exists: Callable[[str], bool] | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Above "escape" (180) so "\|" reaches us, below "backtick" so code stays literal.
        md.inlinePatterns.register(_WikiLinkProcessor(self), "kb_wiki_link", 185)


class _Converter(threading.local):
    """One Markdown instance per thread: building one costs more than a short article."""

    def __init__(self) -> None:
        self.extension = _KbExtension()
        self.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists", "nl2br", self.extension],
            extension_configs={"tables": {"use_align_attribute": True}},
        )


_converter = _Converter()


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        # nh3 already dropped disallowed schemes; a relative link has nowhere to go.
        return value if ":" in value.split("/", 1)[0] else None
    if tag == "img" and attribute == "src":
        return value if _LOCAL_IMAGE.fullmatch(value) else None
    return value


def _unfetchable_images(cleaned: str) -> str:
    """Keep local images, replace all others by ``[alt]``."""

    def replace(match: re.Match[str]) -> str:
        attrs = {name: html.unescape(value) for name, value in _HTML_ATTR.findall(match[1])}
        alt = attrs.get("alt", "").strip()
        if "src" in attrs:
            title = f' title="{html.escape(attrs["title"])}"' if "title" in attrs else ""
            return f'<img src="{html.escape(attrs["src"])}" alt="{html.escape(alt)}"{title}>'
        return f"[{html.escape(alt, quote=False)}]" if alt else ""

    return _IMG_TAG.sub(replace, cleaned)


def markdown_to_html(text: str, *, link_exists: Callable[[str], bool] | None = None) -> str:
    """Render Markdown to sanitised HTML; ``[[slug]]`` links become ``kb:`` links.

    With ``link_exists``, links to slugs it rejects get ``class="missing"``. Images are kept
    only for plain relative paths (resolved by the viewer against the knowledge-base folder).
    """
    converter = _converter
    converter.extension.link_exists = link_exists
    try:
        raw = converter.md.reset().convert(text)
    finally:
        converter.extension.link_exists = None
    cleaned = nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=_LINK_SCHEMES,
        link_rel=None,
    )
    return _unfetchable_images(cleaned)


def find_links(text: str) -> list[LinkRef]:
    """Internal links in Markdown source, skipping code, in order of appearance."""
    links: list[LinkRef] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        marker = _FENCE.match(line)
        if marker is not None:
            token = marker.group(1)
            if fence is None:
                fence = token
                continue
            if (
                token[0] == fence[0]
                and len(token) >= len(fence)
                and not line[marker.end() :].strip()
            ):
                fence = None
                continue
        if fence is not None:
            continue
        # Blank out code spans so offsets stay put and "[[x]]" in code is not a link.
        visible = _CODE_SPAN.sub(lambda m: " " * len(m[0]), line)
        for match in _WIKI_LINK_RE.finditer(visible):
            slug = match.group(1).strip()
            links.append(LinkRef(slug, (match.group(2) or "").strip() or slug, number))
    return links


def html_for_clipboard(plain_text: str) -> str:
    """A filled reply as simple HTML: escaped, paragraphs at blank lines, ``<br>`` at breaks."""
    text = plain_text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p for p in re.split(r"\n(?:[ \t]*\n)+", text) if p.strip()]
    out = []
    for paragraph in paragraphs:
        lines = [_keep_spaces(html.escape(line, quote=False)) for line in paragraph.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(out)


def _keep_spaces(line: str) -> str:
    # HTML collapses runs of spaces; operators sometimes align text with them.
    line = re.sub(r"(?<= ) ", "&nbsp;", line)
    return "&nbsp;" + line[1:] if line.startswith(" ") else line


class _PlainText(HTMLParser):
    """Flattens our own sanitised HTML to readable text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [is_ordered, next_number]
        self._pre = 0
        self._first_cell = True
        self._after_bullet = False  # a loose item's <p> must not push its text off the bullet

    def _trailing_newlines(self) -> int:
        count = 0
        for part in reversed(self.parts):
            stripped = part.rstrip("\n")
            count += len(part) - len(stripped)
            if stripped:
                break
        return count

    def _line_break(self, count: int = 1) -> None:
        """End the current line, leaving ``count - 1`` blank lines, never more."""
        if self.parts and not self._after_bullet:
            self.parts.append("\n" * max(count - self._trailing_newlines(), 0))

    def _block_break(self) -> None:
        # Inside a list, blocks (nested lists, loose items) stay on consecutive lines.
        self._line_break(1 if self._lists else 2)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._block_break()
        if tag == "pre":
            self._pre += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("ul", "ol"):
            self._lists.append([tag == "ol", 1])
        elif tag == "li":
            indent = "  " * max(len(self._lists) - 1, 0)
            bullet = "-"
            if self._lists and self._lists[-1][0]:
                bullet = f"{self._lists[-1][1]}."
                self._lists[-1][1] += 1
            self._line_break()
            self.parts.append(f"{indent}{bullet} ")
            self._after_bullet = True
        elif tag == "tr":
            self._line_break()
            self._first_cell = True
        elif tag in ("td", "th"):
            if not self._first_cell:
                self.parts.append(" | ")
            self._first_cell = False

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        if tag in _BLOCK_TAGS:
            self._block_break()
        if tag == "pre":
            self._pre -= 1

    def handle_data(self, data: str) -> None:
        if not self._pre and not data.strip() and "\n" in data:
            return  # layout whitespace between blocks, not a space in the text
        self._after_bullet = False
        if self._pre:
            self.parts.append(data)
            return
        data = re.sub(r"\s+", " ", data)
        at_line_start = not self.parts or self.parts[-1].endswith(("\n", " "))
        self.parts.append(data.lstrip() if at_line_start else data)


def markdown_to_plain(text: str) -> str:
    """Markdown without its markup, e.g. for reading an article out loud."""
    parser = _PlainText()
    parser.feed(markdown_to_html(text))
    parser.close()
    joined = "".join(parser.parts)
    lines = [line.rstrip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
