"""Alembic environment: runs migrations on the engine handed over by kbdesk.db.

Every pending migration runs inside one transaction, so an upgrade (or a first start) that is
killed or runs out of disk leaves the old schema, never a half-made one. PostgreSQL's DDL is
transactional as it is; Python's sqlite3 module would commit each CREATE on its own, so on
SQLite the transaction is opened by hand on a connection the driver leaves alone.
"""

from alembic import context
from sqlmodel import SQLModel

from kbdesk import models  # noqa: F401  (registers the tables on the metadata)

engine = context.config.attributes["engine"]
application_id = context.config.attributes.get("application_id")


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()


with engine.connect() as connection:
    if connection.dialect.name == "sqlite":
        # AUTOCOMMIT here means "the driver issues no BEGIN/COMMIT of its own": ours below
        # then spans every statement, DDL included (SQLite's DDL is transactional).
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            _run(connection)
            if application_id:
                connection.exec_driver_sql(f"PRAGMA application_id={int(application_id)}")
            connection.exec_driver_sql("COMMIT")
        except BaseException:
            if connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                connection.exec_driver_sql("ROLLBACK")  # SQLite may have rolled back itself
            raise
    else:
        with connection.begin():
            _run(connection)
