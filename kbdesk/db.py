"""Engine, sessions and schema migrations for SQLite (default) and PostgreSQL (teams)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from kbdesk.records import StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration; tests/core/test_storage.py checks it against Alembic's own head. Knowing
# it lets a start on an up-to-date database skip loading Alembic (a third of a command's start).
HEAD_REVISION = "0003"
SQLITE_BUSY_TIMEOUT_S = 5.0


def explain(error: SQLAlchemyError) -> StorageError:
    text = str(getattr(error, "orig", error)).lower()
    if "database is locked" in text or "database table is locked" in text:
        return StorageError(
            "The database is locked by another program (a backup or another kbdesk still "
            "writing). Nothing was lost; try again in a moment."
        )
    if "unable to open database" in text or "readonly" in text or "read-only" in text:
        return StorageError(f"The database file cannot be opened for writing: {text}")
    if "file is not a database" in text or "malformed" in text:
        return StorageError(
            "The database file is damaged. Restore it from a backup (kbdesk backup) "
            f"or move it away to start afresh: {text}"
        )
    if isinstance(error, OperationalError) and ("connect" in text or "connection" in text):
        return StorageError(f"Cannot reach the database server: {text}")
    return StorageError(f"Database error: {text}")


def _sqlite_pragmas(busy_timeout_s: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


def make_engine(url: str, **kwargs: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}
        connect_args.update(kwargs.pop("connect_args", {}))
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas(float(connect_args["timeout"])))
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at; None for a new database."""
    try:
        with engine.connect() as connection:
            if not engine.dialect.has_table(connection, "alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as error:
        raise explain(error) from error


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration; an existing database keeps its data."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    try:
        command.upgrade(_alembic_config(engine), "head")
    except SQLAlchemyError as error:
        raise explain(error) from error


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)  # type: ignore[arg-type]
    return ScriptDirectory.from_config(config).get_current_head()


def schema_revision(engine: Engine) -> tuple[str | None, str | None]:
    """(current, head) migration ids."""
    return current_revision(engine), alembic_head()


def url_key(url: str) -> str:
    """A short stable name for a database, used to keep one search index per database."""
    safe = make_url(url).render_as_string(hide_password=True)
    return hashlib.sha1(safe.encode()).hexdigest()[:10]


class Database:
    """An engine plus short sessions whose objects stay usable after commit."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def migrate(self) -> None:
        migrate(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            raise explain(error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
