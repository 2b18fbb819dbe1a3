"""Problems in the source the editor should see before saving, with their lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from kbdesk.diffing import MINE_MARKER, SPLIT_MARKER, THEIRS_MARKER
from kbdesk.records import Kind, Status
from kbdesk.rendering import find_links
from kbdesk.templating import IssueCode, TemplateIssue, lint
from kbdesk.ui.editor.preview import Check


# Literal QCoreApplication.translate("EditorChecks", "...") calls: lupdate only extracts
# texts it can see at the call site, never those passed through a helper.
def issue_message(issue: TemplateIssue) -> str:
    """Template problems in the interface language, keyed by their stable code."""
    translate = QCoreApplication.translate
    messages = {
        IssueCode.UNCLOSED: translate(
            "EditorChecks", "“{fragment}”: '{{' is not closed by '}}' on the same line"
        ),
        IssueCode.NESTED: translate("EditorChecks", "“{fragment}”: '{{' opened again before '}}'"),
        IssueCode.EMPTY: translate("EditorChecks", "“{fragment}”: the placeholder has no name"),
        IssueCode.BAD_NAME: translate(
            "EditorChecks",
            "“{fragment}”: use letters, digits and '_' in names, not starting with a digit",
        ),
        IssueCode.UNCLOSED_VARIANT: translate(
            "EditorChecks", "“{fragment}”: the block has no closing ':::' line"
        ),
        IssueCode.UNKNOWN_CHANNEL: translate(
            "EditorChecks", "“{fragment}”: unknown channel; use phone, chat or email"
        ),
        IssueCode.DUPLICATE_VARIANT: translate(
            "EditorChecks",
            "“{fragment}”: a second block for this channel; it is added to the first",
        ),
        IssueCode.BAD_FORM: translate(
            "EditorChecks",
            "“{fragment}”: unknown form after ':'; see the placeholder help for the forms",
        ),
        IssueCode.UNKNOWN_GENDER_WORD: translate(
            "EditorChecks",
            "“{fragment}”: a word here has no feminine form; write both as 'masculine/feminine'",
        ),
        IssueCode.UNINFLECTABLE_NOUN: translate(
            "EditorChecks", "“{fragment}”: the word after '#' is not a noun that can be counted"
        ),
        IssueCode.MIXED_SCRIPT: translate(
            "EditorChecks",
            "“{fragment}”: the name mixes Cyrillic and Latin letters that look alike",
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
    translate = QCoreApplication.translate
    checks: list[Check] = []
    if kind == Kind.TEMPLATE:
        checks.extend(
            Check(issue.line, issue.column, issue_message(issue), "error") for issue in lint(body)
        )
    checks.extend(_conflict_checks(body))
    for link in find_links(body):
        status = targets.get(link.slug)
        if link.slug == own_slug:
            continue
        if status is None:
            message = translate(
                "EditorChecks", "link to “{slug}”: no item has this slug"
            ).replace("{slug}", link.slug)
            checks.append(Check(link.line, 1, message, "error"))
        elif status == Status.ARCHIVED:
            message = translate(
                "EditorChecks", "link to “{slug}”: the item is archived"
            ).replace("{slug}", link.slug)
            # An error, as for the publishing gate: a published item may not link to it.
            checks.append(Check(link.line, 1, message, "error"))
        elif status == Status.DRAFT:
            message = translate(
                "EditorChecks", "link to “{slug}”: the item is a draft, not published yet"
            ).replace("{slug}", link.slug)
            checks.append(Check(link.line, 1, message, "warning"))
    return sorted(checks, key=lambda check: (check.line, check.column))


def _conflict_checks(body: str) -> Sequence[Check]:
    if MINE_MARKER not in body and THEIRS_MARKER not in body:
        return []
    found = []
    message = QCoreApplication.translate(
        "EditorChecks", "merge conflict marker: resolve it before saving"
    )
    for number, line in enumerate(body.split("\n"), start=1):
        if line.startswith((MINE_MARKER, THEIRS_MARKER)) or line == SPLIT_MARKER:
            found.append(Check(number, 1, message, "error"))
    return found


def first_conflict_line(body: str) -> int | None:
    checks = _conflict_checks(body)
    return checks[0].line if checks else None
