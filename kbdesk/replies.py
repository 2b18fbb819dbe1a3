"""One way to turn an item into the reply an operator sends: for the clipboard, the
previews and `kbdesk render` alike. No Qt, no database.

A template is filled for the channel (its channel variant if it has one); an article is sent
as its text. Plain text goes to chat windows, HTML to e-mail clients.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from kbdesk.records import ArticleRecord, Kind
from kbdesk.templating import RenderContext, TemplateIssue, render, split_variants, text_for_channel

# Links between articles mean nothing outside the app: the pasted text keeps only their words.
_KB_LINK = re.compile(r'<a\b[^>]*\bhref="kb:[^"]*"[^>]*>(.*?)</a>', re.DOTALL)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Reply:
    plain: str
    html: str
    missing: list[str] = field(default_factory=list)  # required placeholders still empty
    issues: list[TemplateIssue] = field(default_factory=list)  # mistakes in the template


def template_text(record: ArticleRecord, channel: str | None) -> str:
    """The text a template uses on this channel (its variant, else the main text)."""
    return text_for_channel(record.body, channel)


def compose_reply(
    record: ArticleRecord,
    channel: str | None,
    values: Mapping[str, str],
    operator: str,
    now: datetime | None = None,
    *,
    greetings: Mapping[str, str] | None = None,
    operator_gender: str = "",
) -> Reply:
    """``greetings`` is the team's greeting style per channel (None: the defaults);
    ``operator_gender`` the gender the operator set for themselves (м/ж, "" for none)."""
    # Markdown is loaded on the first reply: searching from the command line never needs it.
    from kbdesk.rendering import html_for_clipboard, markdown_to_html, markdown_to_plain

    if record.kind == Kind.TEMPLATE:
        context = RenderContext(
            operator, now, channel, greetings=greetings, operator_gender=operator_gender
        )
        result = render(template_text(record, channel), values, context)
        return Reply(
            result.text, html_for_clipboard(result.text), list(result.missing), list(result.issues)
        )
    return Reply(markdown_to_plain(record.body), _KB_LINK.sub(r"\1", markdown_to_html(record.body)))


def needs_input(
    record: ArticleRecord,
    channel: str | None,
    values: Mapping[str, str],
    operator: str = "-",
    *,
    operator_gender: str = "",
) -> bool:
    """True when copying now would be refused for an empty required field.

    Without the operator's name (or their gender from Settings) a word that agrees with the
    operator's gender needs input.
    """
    if record.kind != Kind.TEMPLATE:
        return False
    context = RenderContext(operator, channel=channel, operator_gender=operator_gender)
    return bool(render(template_text(record, channel), values, context).missing)


def excerpt(record: ArticleRecord, length: int = 220) -> str:
    """A snippet-like opening for lists without a query (escaped HTML, nothing marked)."""
    from kbdesk.rendering import markdown_to_plain

    if record.kind == Kind.TEMPLATE:
        text = split_variants(record.body).main
    else:
        text = markdown_to_plain(record.body[: length * 4])
    text = _SPACES.sub(" ", text).strip()
    if len(text) > length:
        text = text[: length - 1].rstrip() + "…"
    return html.escape(text, quote=False)
