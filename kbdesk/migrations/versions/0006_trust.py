"""trust: a date after which an answer is flagged, and feedback from the point of use

Revision ID: 0006
Revises: 0005
Create Date: 2027-02-03

`article.valid_until` (and the same on each revision) is the day after which operators see the
answer flagged and copying it asks for a confirmation; NULL (every existing row) means it does
not run out. `feedback` holds what operators report about an answer ("outdated", "wrong",
"missing something") with the query, channel and contact, until the item's owner handles it.
`expired_copy` counts copies made after that day (the copy itself is a usage event as before).
Frozen: this file imports nothing of kbdesk, so later changes to the models cannot change it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
    with op.batch_alter_table("revision") as batch:
        batch.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.String(length=2000), nullable=False),
        sa.Column("query", sa.String(length=500), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("contact", sa.String(length=40), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.String(length=200), nullable=True),
        sa.Column("handled_note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    # The owner's queue reads open feedback per item; an operator reads their own reports.
    op.create_index("ix_feedback_article_handled", "feedback", ["article_id", "handled_at"])
    op.create_index("ix_feedback_operator_at", "feedback", ["operator", "at"])
    op.create_table(
        "expired_copy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_expired_copy_article_at", "expired_copy", ["article_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_expired_copy_article_at", table_name="expired_copy")
    op.drop_table("expired_copy")
    op.drop_index("ix_feedback_operator_at", table_name="feedback")
    op.drop_index("ix_feedback_article_handled", table_name="feedback")
    op.drop_table("feedback")
    for table in ("revision", "article"):
        if op.get_bind().dialect.name == "sqlite":
            # Natively (SQLite 3.35+), never by batch mode's copy-and-drop: dropping `article`
            # with foreign keys on would empty the rollups (CASCADE) and detach every usage
            # event from its item (SET NULL).
            op.execute(f"ALTER TABLE {table} DROP COLUMN valid_until")
        else:
            op.drop_column(table, "valid_until")
