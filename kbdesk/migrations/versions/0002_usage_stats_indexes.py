"""usage statistics: normalised copy queries and covering indexes for the dashboard

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000

# `kbdesk.privacy.normalize_query` as it was at this revision, copied so the back-fill keeps
# giving the same text when the live normalisation changes later.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_PHONE = re.compile(r"(?<![\w])\+?\d[\d ()\-]{8,}\d(?!\d)")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s<>]+", re.UNICODE)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _mask_pii(text: str) -> str:
    text = _EMAIL.sub("<email>", text)
    text = _CARD.sub(lambda m: "<card>" if _digits(m.group()) >= 13 else m.group(), text)
    return _PHONE.sub(lambda m: "<phone>" if 10 <= _digits(m.group()) <= 15 else m.group(), text)


def normalize_query(text: str) -> str:
    text = _mask_pii(text).lower().replace("ё", "е")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _backfill() -> None:
    """Existing events get the same normalised query the recorder now stores for new ones."""
    connection = op.get_bind()
    events = sa.table(
        "usage_event",
        sa.column("id", sa.Integer),
        sa.column("query", sa.String),
        sa.column("normalized", sa.String),
    )
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(events.c.id, events.c.query)
            .where(events.c.id > last_id, events.c.query.is_not(None))
            .order_by(events.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(events)
            .where(events.c.id == sa.bindparam("row_id"))
            .values(normalized=sa.bindparam("value")),
            [{"row_id": row.id, "value": normalize_query(row.query)[:500]} for row in rows],
        )
        last_id = rows[-1].id


def upgrade() -> None:
    with op.batch_alter_table("usage_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("normalized", sa.String(length=500), nullable=True))
    _backfill()
    # Each dashboard table is one aggregate over a covering index: the rows in the period are
    # counted from the index alone, in group order, without visiting the table.
    with op.batch_alter_table("usage_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_usage_event_article_kind_at", ["article_id", "kind", "at"], unique=False
        )
        batch_op.create_index(
            "ix_usage_event_operator_kind_at", ["operator", "kind", "at"], unique=False
        )
        batch_op.create_index(
            "ix_usage_event_normalized_kind_at", ["normalized", "kind", "at"], unique=False
        )
    with op.batch_alter_table("search_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_search_log_normalized_at_hits", ["normalized", "at", "hits"], unique=False
        )
        batch_op.create_index("ix_search_log_operator_at", ["operator", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("search_log", schema=None) as batch_op:
        batch_op.drop_index("ix_search_log_operator_at")
        batch_op.drop_index("ix_search_log_normalized_at_hits")
    with op.batch_alter_table("usage_event", schema=None) as batch_op:
        batch_op.drop_index("ix_usage_event_normalized_kind_at")
        batch_op.drop_index("ix_usage_event_operator_kind_at")
        batch_op.drop_index("ix_usage_event_article_kind_at")
        batch_op.drop_column("normalized")
