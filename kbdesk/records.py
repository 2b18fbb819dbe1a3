"""Plain records and vocabularies that every layer shares: no database, no Qt, no engine.

The window and the command line see content, revisions, drafts and people only through these
frozen dataclasses; the ORM tables in `kbdesk.models` never leave the storage modules. Keeping
this module free of SQLAlchemy also keeps start-up cheap for callers that only format records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar


def utcnow() -> datetime:
    """Every timestamp is aware UTC; the UI converts to local time for display."""
    return datetime.now(UTC)


class Kind(StrEnum):
    ARTICLE = "article"
    TEMPLATE = "template"


class Status(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Role(StrEnum):
    OPERATOR = "operator"
    EDITOR = "editor"
    LEAD = "lead"

    @property
    def can_edit(self) -> bool:
        return self in (Role.EDITOR, Role.LEAD)

    @property
    def is_lead(self) -> bool:
        return self is Role.LEAD


class EventKind(StrEnum):
    SEARCH = "search"
    VIEW = "view"
    COPY = "copy"
    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"


class FeedbackKind(StrEnum):
    """What an operator reports about an answer from the point of use."""

    OUTDATED = "outdated"
    WRONG = "wrong"
    MISSING = "missing"


class StorageError(Exception):
    """A database problem explained in words a user can act on."""


class PermissionDenied(PermissionError):
    """The acting person's role does not allow this change (checked in the database)."""


class NotFoundError(LookupError):
    pass


@dataclass(frozen=True)
class Person:
    """Who is working, with the role the database holds for them."""

    name: str
    role: Role


@dataclass(frozen=True)
class ContentItem:
    """One article or template as written in a file or typed in the editor."""

    slug: str
    title: str
    body: str = ""
    kind: str = Kind.ARTICLE.value
    category: str | None = None
    tags: tuple[str, ...] = ()
    status: str = Status.PUBLISHED.value
    owner: str | None = None
    review_by: date | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)
    valid_until: date | None = None  # after this day operators see the answer flagged


@dataclass(frozen=True)
class ArticleRecord:
    """An article as stored, with its category and tags resolved to names."""

    id: int
    slug: str
    kind: str
    title: str
    body: str
    category: str | None
    tags: tuple[str, ...]
    status: str
    owner: str | None
    review_by: date | None
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str
    valid_until: date | None = None

    @property
    def is_template(self) -> bool:
        return self.kind == Kind.TEMPLATE

    def expired(self, today: date | None = None) -> bool:
        """True after the item's `valid_until` day (the day itself is still valid)."""
        return self.valid_until is not None and self.valid_until < (today or date.today())

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def to_item(self) -> ContentItem:
        return ContentItem(
            slug=self.slug,
            title=self.title,
            body=self.body,
            kind=self.kind,
            category=self.category,
            tags=self.tags,
            status=self.status,
            owner=self.owner,
            review_by=self.review_by,
            valid_until=self.valid_until,
        )


@dataclass(frozen=True)
class RevisionRecord:
    id: int
    article_id: int
    number: int
    item: ContentItem
    author: str
    created_at: datetime
    note: str


@dataclass(frozen=True)
class SaveResult:
    """What a save changed; `changed` is False when the content was identical."""

    record: ArticleRecord
    created: bool
    changed: bool


class ConflictError(Exception):
    """The item changed since the editor opened it: the caller must merge or overwrite."""

    def __init__(self, current: ArticleRecord, expected_version: int) -> None:
        super().__init__(
            f"'{current.title}' was changed by {current.updated_by or 'someone else'} "
            f"(version {current.version}, you opened version {expected_version})"
        )
        self.current = current
        self.expected_version = expected_version


@dataclass(frozen=True)
class DraftRecord:
    author: str
    key: str
    article_id: int | None
    base_version: int | None
    item: ContentItem
    updated_at: datetime
    extra: dict[str, Any]

    @property
    def is_new(self) -> bool:
        return self.article_id is None


@dataclass(frozen=True)
class PublishProblem:
    """One reason an item may not be published as it is, where it is in the text.

    `code` is a `kbdesk.templating.IssueCode` value for a template problem, or one of
    `MISSING_LINK`, `ARCHIVED_LINK`, `CONFLICT_MARKER`; `fragment` is the text at fault (the
    placeholder, the block line, the link's slug). `message` is English, for the command line.
    """

    MISSING_LINK: ClassVar[str] = "missing_link"
    ARCHIVED_LINK: ClassVar[str] = "archived_link"
    CONFLICT_MARKER: ClassVar[str] = "conflict_marker"

    code: str
    line: int
    column: int
    fragment: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class PublishBlocked(ValueError):
    """The item has problems and may not be published; a lead may override with a reason."""

    def __init__(self, problems: Sequence[PublishProblem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        more = len(self.problems) - 1
        super().__init__(
            "cannot publish: "
            + (str(first) if first else "problems found")
            + (f" (and {more} more)" if more > 0 else "")
        )


@dataclass(frozen=True)
class FeedbackRecord:
    """An operator's report about an answer, and whether (and how) it was handled."""

    id: int
    article_id: int
    at: datetime
    operator: str
    kind: str
    comment: str
    query: str | None
    channel: str | None
    contact: str | None
    handled_at: datetime | None = None
    handled_by: str | None = None
    handled_note: str = ""

    @property
    def handled(self) -> bool:
        return self.handled_at is not None


@dataclass(frozen=True)
class QueueEntry:
    """An item in its owner's queue, with why it is there."""

    record: ArticleRecord
    open_feedback: int = 0
    expired_copies: int = 0

    def reasons(self, today: date | None = None) -> tuple[str, ...]:
        """Why it is in the queue: "expired", "review_overdue", "feedback", in that order."""
        today = today or date.today()
        found = []
        if self.record.expired(today):
            found.append("expired")
        if self.record.review_by is not None and self.record.review_by < today:
            found.append("review_overdue")
        if self.open_feedback:
            found.append("feedback")
        return tuple(found)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    synonym_groups: int = 0
    changed_ids: list[int] = field(default_factory=list)
    # Files marked published that were saved as drafts, with why (the publishing gate).
    held: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
            + (f", {len(self.held)} held as drafts" if self.held else "")
        )
