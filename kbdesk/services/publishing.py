"""The publishing gate: which problems keep an item away from operators.

One rule for the window, `kbdesk import` and anything else that publishes: a template whose
placeholders or channel blocks are malformed, a text with merge-conflict markers, or a
`[[link]]` to an item that does not exist or is archived is not published. Operators would
otherwise see and copy `{{name … :::fax`. Links to drafts do not block: the target is on its
way, and the editor warns about it.
"""

from __future__ import annotations

from collections.abc import Mapping

from kbdesk.diffing import MINE_MARKER, SPLIT_MARKER, THEIRS_MARKER
from kbdesk.records import ContentItem, Kind, PublishProblem, Status
from kbdesk.rendering import find_links
from kbdesk.templating import lint

NOTE_LIMIT = 500  # Revision.note


def linked_slugs(item: ContentItem) -> set[str]:
    return {link.slug for link in find_links(item.body) if link.slug != item.slug}


def find_problems(item: ContentItem, statuses: Mapping[str, str]) -> list[PublishProblem]:
    """What keeps `item` from being published; `statuses` maps each linked slug that exists
    to its status (see `linked_slugs`)."""
    problems: list[PublishProblem] = []
    if item.kind == Kind.TEMPLATE:
        problems.extend(
            PublishProblem(
                issue.code.value, issue.line, issue.column, issue.fragment, issue.message
            )
            for issue in lint(item.body)
        )
    for number, line in enumerate(item.body.split("\n"), start=1):
        if line.startswith((MINE_MARKER, THEIRS_MARKER)) or line == SPLIT_MARKER:
            problems.append(
                PublishProblem(
                    PublishProblem.CONFLICT_MARKER,
                    number,
                    1,
                    line[:60],
                    "merge conflict marker: resolve it first",
                )
            )
    for link in find_links(item.body):
        if link.slug == item.slug:
            continue
        status = statuses.get(link.slug)
        if status is None:
            code, message = PublishProblem.MISSING_LINK, f"link to '{link.slug}': no such item"
        elif status == Status.ARCHIVED:
            code, message = PublishProblem.ARCHIVED_LINK, f"link to '{link.slug}': archived"
        else:
            continue
        problems.append(PublishProblem(code, link.line, 1, link.slug, message))
    return sorted(problems, key=lambda problem: (problem.line, problem.column))


def override_note(note: str, problems: int, actor: str, reason: str) -> str:
    """The revision note that records a lead's decision to publish over the gate."""
    recorded = f"published over {problems} problem(s) by {actor}: {reason}"
    return (f"{note}; {recorded}" if note else recorded)[:NOTE_LIMIT]
