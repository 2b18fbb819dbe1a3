"""usage statistics: daily rollups the dashboard reads instead of the raw events

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Lightweight copies of the tables as this revision knows them: the back-fill must not change
# when the models do later.
EVENTS = sa.table(
    "usage_event",
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("kind", sa.String),
    sa.column("operator", sa.String),
    sa.column("article_id", sa.Integer),
    sa.column("normalized", sa.String),
)
SEARCHES = sa.table(
    "search_log",
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("normalized", sa.String),
    sa.column("hits", sa.Integer),
    sa.column("operator", sa.String),
)
# The rollup contract as it was at this revision (live: `kbdesk.rollups`), kinds as stored.
COUNTED = {
    "view": "views",
    "copy": "copies",
    "resolved": "resolved",
    "not_resolved": "not_resolved",
}
USES = ("view", "copy")
ROLLUPS = {
    "article_daily": ["day", "article_id", *COUNTED.values(), "last_used_at"],
    "usage_daily": ["operator", "day", "article_id", *COUNTED.values(), "last_used_at"],
    "operator_daily": ["day", "operator", "searches", *COUNTED.values()],
    "search_daily": ["day", "normalized", "searches", "zero_hits", "last_at"],
    "copy_daily": ["normalized", "day", "copies"],
}


def _utc_day(connection: Connection, column: Any) -> Any:
    """The UTC day of a timestamp, as the recorder computes it in Python.

    SQLite holds the UTC wall time as 'YYYY-MM-DD HH:MM:SS.ffffff' text (a DATE is the first
    ten characters); PostgreSQL converts the timestamptz to UTC before taking the date.
    """
    if connection.dialect.name == "sqlite":
        return sa.func.substr(column, 1, 10)
    return sa.cast(sa.func.timezone("UTC", column), sa.Date)


def _rollup(name: str) -> Any:
    return sa.table(name, *[sa.column(column) for column in ROLLUPS[name]])


def _counts(kinds: Any) -> list[Any]:
    return [
        sa.func.sum(sa.case((kinds == kind, 1), else_=0)).label(name)
        for kind, name in COUNTED.items()
    ]


def backfill(connection: Connection) -> None:
    """Fill empty rollups from the raw rows with one INSERT ... SELECT ... GROUP BY each.

    Exactly what `UsageRecorder` would have written for every raw row; only the four counted
    event kinds take part (search events are kept for audits, searches come from search_log).
    """
    day = _utc_day(connection, EVENTS.c.at).label("day")
    counted = EVENTS.c.kind.in_(list(COUNTED))
    last_use = sa.func.max(sa.case((EVENTS.c.kind.in_(USES), EVENTS.c.at))).label("last_used_at")
    on_items = sa.and_(counted, EVENTS.c.article_id.is_not(None))
    connection.execute(
        sa.insert(_rollup("article_daily")).from_select(
            ["day", "article_id", *COUNTED.values(), "last_used_at"],
            sa.select(day, EVENTS.c.article_id, *_counts(EVENTS.c.kind), last_use)
            .where(on_items)
            .group_by(day, EVENTS.c.article_id),
        )
    )
    connection.execute(
        sa.insert(_rollup("usage_daily")).from_select(
            ["operator", "day", "article_id", *COUNTED.values(), "last_used_at"],
            sa.select(
                EVENTS.c.operator, day, EVENTS.c.article_id, *_counts(EVENTS.c.kind), last_use
            )
            .where(on_items)
            .group_by(EVENTS.c.operator, day, EVENTS.c.article_id),
        )
    )
    # Operators: events and searches in one pass, so each (day, operator) is inserted once.
    search_day = _utc_day(connection, SEARCHES.c.at)
    both = sa.union_all(
        sa.select(
            day,
            EVENTS.c.operator.label("operator"),
            EVENTS.c.kind.label("kind"),
        ).where(counted),
        sa.select(search_day, SEARCHES.c.operator, sa.literal("search")),
    ).subquery("both")
    both_kinds = both.c.kind
    connection.execute(
        sa.insert(_rollup("operator_daily")).from_select(
            ["day", "operator", "searches", *COUNTED.values()],
            sa.select(
                both.c.day,
                both.c.operator,
                sa.func.sum(sa.case((both_kinds == "search", 1), else_=0)),
                *[sa.func.sum(sa.case((both_kinds == kind, 1), else_=0)) for kind in COUNTED],
            ).group_by(both.c.day, both.c.operator),
        )
    )
    connection.execute(
        sa.insert(_rollup("search_daily")).from_select(
            ["day", "normalized", "searches", "zero_hits", "last_at"],
            sa.select(
                search_day.label("day"),
                SEARCHES.c.normalized,
                sa.func.count(),
                sa.func.sum(sa.case((SEARCHES.c.hits == 0, 1), else_=0)),
                sa.func.max(SEARCHES.c.at),
            ).group_by(search_day, SEARCHES.c.normalized),
        )
    )
    connection.execute(
        sa.insert(_rollup("copy_daily")).from_select(
            ["normalized", "day", "copies"],
            sa.select(EVENTS.c.normalized, day, sa.func.count())
            .where(EVENTS.c.kind == "copy", EVENTS.c.normalized.is_not(None))
            .group_by(EVENTS.c.normalized, day),
        )
    )


def _counters(*names: str) -> list[sa.Column[Any]]:
    return [
        sa.Column(name, sa.Integer(), nullable=False, server_default=sa.text("0")) for name in names
    ]


def upgrade() -> None:
    # WITHOUT ROWID on SQLite: each rollup is stored in its key order, so a range of days is
    # read sequentially. PostgreSQL ignores the option.
    clustered = {"sqlite_with_rowid": False}
    item_counts = ("views", "copies", "resolved", "not_resolved")
    op.create_table(
        "article_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        *_counters(*item_counts),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        # An item deleted for good takes its rollup rows along, as its raw events lose their
        # item (SET NULL); the operator rollup keeps counting them, as the raw rows do.
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("day", "article_id"),
        **clustered,
    )
    # The stale table looks up each item's latest use before a day.
    op.create_index("ix_article_daily_article_day", "article_daily", ["article_id", "day"])
    op.create_table(
        "usage_daily",
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        *_counters(*item_counts),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("operator", "day", "article_id"),
        **clustered,
    )
    op.create_table(
        "operator_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        *_counters("searches", *item_counts),
        sa.PrimaryKeyConstraint("day", "operator"),
        **clustered,
    )
    op.create_table(
        "search_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("normalized", sa.String(length=500), nullable=False),
        *_counters("searches", "zero_hits"),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day", "normalized"),
        **clustered,
    )
    # The gaps table groups a period's rows by query: this covering index hands them over in
    # that order, where SQLite would otherwise sort them all into a temporary b-tree.
    op.create_index(
        "ix_search_daily_normalized_day",
        "search_daily",
        ["normalized", "day", "searches", "zero_hits", "last_at"],
    )
    op.create_table(
        "copy_daily",
        sa.Column("normalized", sa.String(length=500), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *_counters("copies"),
        sa.PrimaryKeyConstraint("normalized", "day"),
        **clustered,
    )
    backfill(op.get_bind())


def downgrade() -> None:
    op.drop_table("copy_daily")
    op.drop_index("ix_search_daily_normalized_day", table_name="search_daily")
    op.drop_table("search_daily")
    op.drop_table("operator_daily")
    op.drop_table("usage_daily")
    op.drop_index("ix_article_daily_article_day", table_name="article_daily")
    op.drop_table("article_daily")
