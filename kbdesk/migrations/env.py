"""Alembic environment: runs migrations on the engine handed over by kbdesk.db."""

from alembic import context
from sqlmodel import SQLModel

from kbdesk import models  # noqa: F401  (registers the tables on the metadata)

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
