"""Database tables (SQLModel). The schema itself is created and changed by Alembic migrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlmodel import Field, SQLModel

# EventKind is re-exported until every storage module imports the vocabularies from records.
from kbdesk.records import EventKind as EventKind
from kbdesk.records import Kind, Role, Status, utcnow


class Operator(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    role: str = Field(default=Role.OPERATOR.value, max_length=20)
    created_at: datetime = Field(default_factory=utcnow)
    # "м" or "ж" as the person set it in Settings; None: their name tells (migration 0005).
    gender: str | None = Field(default=None, max_length=1)


class TeamSetting(SQLModel, table=True):
    """One of the team's settings, e.g. ``greeting.chat = имя`` (migration 0005).

    A missing row means the default; the services validate every value they write and read.
    """

    __tablename__ = "team_setting"

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(max_length=2000)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=200)


class Category(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)


class Tag(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)


class ArticleTag(SQLModel, table=True):
    __tablename__ = "article_tag"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, ondelete="CASCADE")


class Article(SQLModel, table=True):
    """An article or a response template (`kind`). `version` guards against lost updates."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=200, unique=True)
    kind: str = Field(default=Kind.ARTICLE.value, max_length=20)
    title: str = Field(max_length=500)
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    category_id: int | None = Field(default=None, foreign_key="category.id", ondelete="SET NULL")
    status: str = Field(default=Status.PUBLISHED.value, max_length=20, index=True)
    owner: str | None = Field(default=None, max_length=200)
    review_by: date | None = None
    valid_until: date | None = None  # migration 0006: flagged to operators after this day
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=200)


class Revision(SQLModel, table=True):
    """An immutable snapshot of an article after each saved change."""

    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    number: int
    title: str = Field(max_length=500)
    kind: str = Field(max_length=20)
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    category: str | None = Field(default=None, max_length=200)
    tags: str = Field(default="", max_length=2000)  # comma-separated, as saved
    status: str = Field(max_length=20)
    owner: str | None = Field(default=None, max_length=200)
    review_by: date | None = None
    valid_until: date | None = None  # migration 0006
    author: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    note: str = Field(default="", max_length=500)


class UsageEvent(SQLModel, table=True):
    __tablename__ = "usage_event"
    __table_args__ = (
        Index("ix_usage_event_at", "at"),
        Index("ix_usage_event_article_at", "article_id", "at"),
        Index("ix_usage_event_operator_at", "operator", "at"),
        Index("ix_usage_event_kind_at", "kind", "at"),
        # Covering indexes for the dashboard aggregates (migration 0002).
        Index("ix_usage_event_article_kind_at", "article_id", "kind", "at"),
        Index("ix_usage_event_operator_kind_at", "operator", "kind", "at"),
        Index("ix_usage_event_normalized_kind_at", "normalized", "kind", "at"),
        Index("ix_usage_event_contact_at", "contact", "at"),  # migration 0004
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    kind: str = Field(max_length=20)
    operator: str = Field(default="", max_length=200)
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")
    query: str | None = Field(default=None, max_length=500)  # masked before storage
    normalized: str | None = Field(default=None, max_length=500)  # normalize_query(query)
    channel: str | None = Field(default=None, max_length=20)
    contact: str | None = Field(default=None, max_length=40)  # the call or chat it was part of


class SearchLog(SQLModel, table=True):
    __tablename__ = "search_log"
    __table_args__ = (
        Index("ix_search_log_at", "at"),
        Index("ix_search_log_normalized_at", "normalized", "at"),
        Index("ix_search_log_normalized_at_hits", "normalized", "at", "hits"),
        Index("ix_search_log_operator_at", "operator", "at"),
        Index("ix_search_log_contact", "contact"),  # migration 0004
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    query: str = Field(max_length=500)  # masked before storage
    normalized: str = Field(max_length=500)
    hits: int = 0
    took_ms: float = 0.0
    operator: str = Field(default="", max_length=200)
    contact: str | None = Field(default=None, max_length=40)
    # The contact ended without a copy: the search did not lead to an answer (a content gap).
    abandoned: bool = Field(default=False, sa_column_kwargs={"server_default": sa_false()})


# -- daily rollups ------------------------------------------------------------------------------
# The dashboard reads these instead of the raw events: a quarter of a busy team is a million
# events but only tens of thousands of (day, item) rows. `UsageRecorder` keeps them in step with
# every raw row in the same transaction; migration 0003 fills them from older raw rows. `day`
# is the UTC day of the event. WITHOUT ROWID on SQLite keeps each table clustered on its key,
# so a range of days is one sequential read.


class ArticleDaily(SQLModel, table=True):
    """Views, copies and outcomes per UTC day and item: the items, stale and trend tables."""

    __tablename__ = "article_daily"
    __table_args__ = (
        Index("ix_article_daily_article_day", "article_id", "day"),
        {"sqlite_with_rowid": False},
    )

    day: date = Field(primary_key=True)
    article_id: int = Field(primary_key=True, foreign_key="article.id", ondelete="CASCADE")
    views: int = 0
    copies: int = 0
    resolved: int = 0
    not_resolved: int = 0
    last_used_at: datetime | None = None  # latest view or copy of the day


class UsageDaily(SQLModel, table=True):
    """The same per operator too: the items table narrowed to one operator."""

    __tablename__ = "usage_daily"
    __table_args__ = ({"sqlite_with_rowid": False},)

    operator: str = Field(primary_key=True, max_length=200)
    day: date = Field(primary_key=True)
    article_id: int = Field(primary_key=True, foreign_key="article.id", ondelete="CASCADE")
    views: int = 0
    copies: int = 0
    resolved: int = 0
    not_resolved: int = 0
    last_used_at: datetime | None = None


class OperatorDaily(SQLModel, table=True):
    """Searches and events per UTC day and operator, whatever the item: operators and trend.

    Events whose item was deleted still count here, as their raw rows do.
    """

    __tablename__ = "operator_daily"
    __table_args__ = ({"sqlite_with_rowid": False},)

    day: date = Field(primary_key=True)
    operator: str = Field(primary_key=True, max_length=200)
    searches: int = 0
    views: int = 0
    copies: int = 0
    resolved: int = 0
    not_resolved: int = 0


class SearchDaily(SQLModel, table=True):
    """Searches per UTC day and normalised query: the content gaps table."""

    __tablename__ = "search_daily"
    __table_args__ = (
        # Covering, in group order: SQLite reads a period's rows per query (skip-scan on
        # the day) instead of sorting them all into a temporary b-tree, about twice as fast.
        Index(
            "ix_search_daily_normalized_day",
            *("normalized", "day", "searches", "zero_hits", "last_at"),
        ),
        {"sqlite_with_rowid": False},
    )

    day: date = Field(primary_key=True)
    normalized: str = Field(primary_key=True, max_length=500)
    searches: int = 0
    zero_hits: int = 0  # searches that found nothing
    last_at: datetime


class CopyDaily(SQLModel, table=True):
    """Copy events per normalised query and UTC day: was a searched query ever copied."""

    __tablename__ = "copy_daily"
    __table_args__ = ({"sqlite_with_rowid": False},)

    normalized: str = Field(primary_key=True, max_length=500)
    day: date = Field(primary_key=True)
    copies: int = 0


class Feedback(SQLModel, table=True):
    """An operator's report about an answer from the point of use (migration 0006).

    It lands in the item owner's queue; `handled_at` tells the operator it was dealt with.
    """

    __tablename__ = "feedback"
    __table_args__ = (
        Index("ix_feedback_article_handled", "article_id", "handled_at"),
        Index("ix_feedback_operator_at", "operator", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    operator: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # records.FeedbackKind
    comment: str = Field(default="", max_length=2000)  # masked before storage
    query: str | None = Field(default=None, max_length=500)  # masked before storage
    channel: str | None = Field(default=None, max_length=20)
    contact: str | None = Field(default=None, max_length=40)
    handled_at: datetime | None = None
    handled_by: str | None = Field(default=None, max_length=200)
    handled_note: str = Field(default="", max_length=500)


class ExpiredCopy(SQLModel, table=True):
    """A copy made while the item was past its `valid_until` day (migration 0006).

    Kept apart from `usage_event`: that copy is recorded there as any other copy, and every
    usage event kind is counted by the rollups; this row only counts the risk taken.
    """

    __tablename__ = "expired_copy"
    __table_args__ = (Index("ix_expired_copy_article_at", "article_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    operator: str = Field(default="", max_length=200)
    contact: str | None = Field(default=None, max_length=40)


class SynonymGroup(SQLModel, table=True):
    """Words and phrases that mean the same to a client, e.g. `купон = промокод`."""

    __tablename__ = "synonym_group"

    id: int | None = Field(default=None, primary_key=True)
    words: str = Field(max_length=2000)  # " = "-separated, as the editor typed them


class EditDraft(SQLModel, table=True):
    """Unsaved editor work, autosaved so a crash loses at most a few seconds of typing."""

    __tablename__ = "edit_draft"
    __table_args__ = (UniqueConstraint("author", "draft_key"),)

    id: int | None = Field(default=None, primary_key=True)
    author: str = Field(max_length=200)
    draft_key: str = Field(max_length=200)  # the article slug, or "new:<uuid>"
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="CASCADE")
    base_version: int | None = None
    payload: str = Field(default="", sa_column=Column(Text, nullable=False))  # JSON
    updated_at: datetime = Field(default_factory=utcnow)
