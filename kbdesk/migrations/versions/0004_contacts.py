"""contacts: usage events and searches carry the contact (call or chat) they belong to

Revision ID: 0004
Revises: 0003
Create Date: 2027-01-12

A contact id is a short random text the window makes when a contact starts. Older rows have
none (NULL): they are counted as before and never as contacts. A search whose contact ended
without a copy is marked abandoned; older searches are not (nothing says how they ended).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("usage_event") as batch:
        batch.add_column(sa.Column("contact", sa.String(length=40), nullable=True))
    with op.batch_alter_table("search_log") as batch:
        batch.add_column(sa.Column("contact", sa.String(length=40), nullable=True))
        batch.add_column(
            sa.Column("abandoned", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Contacts per period and the searches of one contact are read by these.
    op.create_index("ix_usage_event_contact_at", "usage_event", ["contact", "at"])
    op.create_index("ix_search_log_contact", "search_log", ["contact"])


def downgrade() -> None:
    op.drop_index("ix_search_log_contact", table_name="search_log")
    op.drop_index("ix_usage_event_contact_at", table_name="usage_event")
    with op.batch_alter_table("search_log") as batch:
        batch.drop_column("abandoned")
        batch.drop_column("contact")
    with op.batch_alter_table("usage_event") as batch:
        batch.drop_column("contact")
