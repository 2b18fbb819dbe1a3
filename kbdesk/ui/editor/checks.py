"""Problems in the source the editor should see before saving, with their lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from kbdesk.diffing import MINE_MARKER, SPLIT_MARKER, THEIRS_MARKER
from kbdesk.models import Kind, Status
from kbdesk.rendering import find_links
from kbdesk.templating import IssueCode, TemplateIssue, lint
from kbdesk.ui.editor.preview import Check


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditorChecks", text)


def _issue_message(issue: TemplateIssue) -> str:
    """Template problems in the interface language, keyed by their stable code."""
    messages = {
        IssueCode.UNCLOSED: _tr("“{fragment}”: '{{' is not closed by '}}' on the same line"),
        IssueCode.NESTED: _tr("“{fragment}”: '{{' opened again before '}}'"),
        IssueCode.EMPTY: _tr("“{fragment}”: the placeholder has no name"),
        IssueCode.BAD_NAME: _tr(
            "“{fragment}”: use letters, digits and '_' in names, not starting with a digit"
        ),
        IssueCode.UNCLOSED_VARIANT: _tr("“{fragment}”: the block has no closing ':::' line"),
        IssueCode.UNKNOWN_CHANNEL: _tr("“{fragment}”: unknown channel; use phone, chat or email"),
        IssueCode.DUPLICATE_VARIANT: _tr(
            "“{fragment}”: a second block for this channel; it is added to the first"
        ),
    }
    template = messages.get(issue.code)
    if template is None:
        return issue.message
    return template.replace("{fragment}", issue.fragment)


def collect_checks(
    body: str, kind: str, targets: Mapping[str, str], own_slug: str = ""
) -> list[Check]:
    """Template issues, conflict markers and links to missing, archived or draft items.

    `targets` maps every known slug to its status.
    """
    checks: list[Check] = []
    if kind == Kind.TEMPLATE.value:
        checks.extend(
            Check(issue.line, issue.column, _issue_message(issue), "error") for issue in lint(body)
        )
    checks.extend(_conflict_checks(body))
    for link in find_links(body):
        status = targets.get(link.slug)
        if link.slug == own_slug:
            continue
        if status is None:
            message = _tr("link to “{slug}”: no item has this slug").replace("{slug}", link.slug)
            checks.append(Check(link.line, 1, message, "error"))
        elif status == Status.ARCHIVED.value:
            message = _tr("link to “{slug}”: the item is archived").replace("{slug}", link.slug)
            checks.append(Check(link.line, 1, message, "warning"))
        elif status == Status.DRAFT.value:
            message = _tr("link to “{slug}”: the item is a draft, not published yet").replace(
                "{slug}", link.slug
            )
            checks.append(Check(link.line, 1, message, "warning"))
    return sorted(checks, key=lambda check: (check.line, check.column))


def _conflict_checks(body: str) -> Sequence[Check]:
    if MINE_MARKER not in body and THEIRS_MARKER not in body:
        return []
    found = []
    for number, line in enumerate(body.split("\n"), start=1):
        if line.startswith((MINE_MARKER, THEIRS_MARKER)) or line == SPLIT_MARKER:
            found.append(
                Check(number, 1, _tr("merge conflict marker: resolve it before saving"), "error")
            )
    return found


def first_conflict_line(body: str) -> int | None:
    checks = _conflict_checks(body)
    return checks[0].line if checks else None
