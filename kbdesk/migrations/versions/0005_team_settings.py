"""team settings: a small key/value table for the team's choices, and each person's gender

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-20

`team_setting` holds what a team lead sets for everybody (the greeting style per channel:
`greeting.chat = имя`). A key without a row means the built-in default, so nothing is seeded
and older databases behave exactly as before. `operator.gender` is "м" or "ж" as the person set
it for themselves; NULL (every existing row) means their name tells.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=2000), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("operator") as batch:
        batch.add_column(sa.Column("gender", sa.String(length=1), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("operator") as batch:
        batch.drop_column("gender")
    op.drop_table("team_setting")
