"""What a copy puts on the clipboard: plain text for chat windows, HTML for email clients."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from kbdesk.rendering import html_for_clipboard, markdown_to_html, markdown_to_plain
from kbdesk.store import ArticleRecord
from kbdesk.templating import RenderContext, render, split_variants, text_for_channel

# Links between articles mean nothing outside the app: the pasted text keeps only their words.
_KB_LINK = re.compile(r'<a\b[^>]*\bhref="kb:[^"]*"[^>]*>(.*?)</a>', re.DOTALL)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Reply:
    plain: str
    html: str
    missing: list[str] = field(default_factory=list)  # required placeholders still empty


def template_text(record: ArticleRecord, channel: str) -> str:
    return text_for_channel(record.body, channel)


def make_reply(
    record: ArticleRecord,
    channel: str,
    values: Mapping[str, str],
    context: RenderContext,
) -> Reply:
    if record.kind == "template":
        result = render(template_text(record, channel), values, context)
        return Reply(result.text, html_for_clipboard(result.text), list(result.missing))
    return Reply(markdown_to_plain(record.body), _KB_LINK.sub(r"\1", markdown_to_html(record.body)))


def needs_input(record: ArticleRecord, channel: str, values: Mapping[str, str]) -> bool:
    """True when copying now would be refused for an empty required field."""
    if record.kind != "template":
        return False
    return bool(render(template_text(record, channel), values, RenderContext("-")).missing)


def put_on_clipboard(reply: Reply) -> None:
    mime = QMimeData()
    mime.setText(reply.plain)
    mime.setHtml(reply.html)
    QGuiApplication.clipboard().setMimeData(mime)


def excerpt(record: ArticleRecord, length: int = 220) -> str:
    """A snippet-like opening for lists without a query (escaped HTML, nothing marked)."""
    if record.kind == "template":
        text = split_variants(record.body).main
    else:
        text = markdown_to_plain(record.body[: length * 4])
    text = _SPACES.sub(" ", text).strip()
    if len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    return html.escape(text, quote=False)
