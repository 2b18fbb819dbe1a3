"""Engine, sessions and schema migrations for SQLite (default) and PostgreSQL (teams)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
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
HEAD_REVISION = "0006"
SQLITE_BUSY_TIMEOUT_S = 5.0
# PRAGMA application_id of every kbdesk database ("KbDk"): a file with another id is not ours.
APPLICATION_ID = 0x4B62446B


class DatabaseDamaged(StorageError):
    """The database file is damaged (or empty, or not a kbdesk database); nothing was written."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer kbdesk; this version refuses to touch it."""


def _damaged_message(detail: str) -> str:
    return (
        "The database file is damaged and was not changed. Restore a backup with "
        f"'kbdesk restore FILE' (or File > Restore from backup in the window): {detail}"
    )


def disk_full(path: Path | None) -> bool:
    """Whether the disk holding `path` has (almost) no room left."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path if path.is_dir() else path.parent).free < 1_000_000
    except OSError:
        return False


def explain(error: SQLAlchemyError | sqlite3.Error, where: Path | None = None) -> StorageError:
    text = str(getattr(error, "orig", error)).lower()
    if "database is locked" in text or "database table is locked" in text:
        return StorageError(
            "The database is locked by another program (a backup or another kbdesk still "
            "writing). Nothing was lost; try again in a moment."
        )
    if "disk is full" in text or ("disk i/o error" in text and disk_full(where)):
        return StorageError("The disk is full: nothing was saved. Free some space and try again.")
    if "unable to open database" in text or "readonly" in text or "read-only" in text:
        return StorageError(f"The database file cannot be opened for writing: {text}")
    if "file is not a database" in text or "malformed" in text:
        return DatabaseDamaged(_damaged_message(text))
    if isinstance(error, OperationalError) and ("connect" in text or "connection" in text):
        return StorageError(f"Cannot reach the database server: {text}")
    return StorageError(f"Database error: {text}")


def _sqlite_pragmas(busy_timeout_s: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        # FULL: in WAL mode NORMAL may drop the last commits on power loss; a knowledge base
        # writes rarely, so the extra fsync per commit costs little.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def make_engine(url: str, **kwargs: Any) -> Engine:
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (SQLAlchemyError, ValueError, TypeError) as error:
        raise StorageError(
            "The database address (KBDESK_DATABASE_URL) is not a usable URL such as "
            f"postgresql://user@host/db or sqlite:///path/kbdesk.sqlite: {error}"
        ) from error
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
    config.attributes["application_id"] = APPLICATION_ID
    return config


def known_revisions() -> list[str]:
    """The migration ids this version ships, read from the file names (no Alembic import)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("*_*.py"))


def _too_new(revision: str) -> DatabaseTooNew:
    return DatabaseTooNew(
        f"This database was written by a newer kbdesk (schema revision {revision}; this "
        f"version knows up to {HEAD_REVISION}). Install the newer kbdesk; nothing was changed."
    )


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
    """Bring the schema up to the newest migration; an existing database keeps its data.

    All the migrations of one upgrade run in one transaction (migrations/env.py), so a kill
    or a full disk leaves the old schema or the new one, never a half-made one.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return
    if current is not None and current not in known_revisions():
        raise _too_new(current)
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(_alembic_config(engine), "head")
    except SQLAlchemyError as error:
        raise explain(error, _sqlite_file(engine)) from error
    except CommandError as error:
        raise StorageError(f"The database schema cannot be upgraded: {error}") from error


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)  # type: ignore[arg-type]
    return ScriptDirectory.from_config(config).get_current_head()


def schema_revision(engine: Engine) -> tuple[str | None, str | None]:
    """(current, head) migration ids."""
    return current_revision(engine), alembic_head()


def _sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return Path(name) if name and name != ":memory:" and not name.startswith("file:") else None


def url_key(url: str) -> str:
    """A short stable name for a database, used to keep one search index per database."""
    safe = make_url(url).render_as_string(hide_password=True)
    return hashlib.sha1(safe.encode()).hexdigest()[:10]


class Database:
    """An engine plus short sessions whose objects stay usable after commit."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.file = _sqlite_file(self.engine)  # None for a server or an in-memory database

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
            raise explain(error, self.file) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


# -- the SQLite file: created whole, checked before use, restored safely -------------------------

SQLITE_MAGIC = b"SQLite format 3\x00"
SAMPLE_PENDING = 1  # PRAGMA user_version of a new database whose sample is not loaded yet
_SIDE_FILES = ("-wal", "-shm")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(_side(path, s) for s in _SIDE_FILES)):
        candidate.unlink(missing_ok=True)


def _readonly(path: Path) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_S)
    connection.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    return connection


def inspect_file(path: Path, *, full: bool = False) -> str | None:
    """Check a kbdesk SQLite file without writing to it; returns its schema revision.

    Raises DatabaseDamaged (empty, not SQLite, not kbdesk's, failing quick_check or, with
    `full`, integrity_check) or DatabaseTooNew (a schema revision this version does not know).
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StorageError(f"The database file cannot be read: {error}") from error
    wal = _side(path, "-wal")
    if not header and not (wal.exists() and wal.stat().st_size > 0):
        raise DatabaseDamaged(_damaged_message(f"{path} is empty (0 bytes)"))
    if header and not header.startswith(SQLITE_MAGIC):
        raise DatabaseDamaged(_damaged_message(f"{path} is not an SQLite database"))
    try:
        connection = _readonly(path)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            if app_id not in (0, APPLICATION_ID):
                raise DatabaseDamaged(
                    f"{path} is not a kbdesk database (application id {app_id:#x}); "
                    "nothing was changed"
                )
            check = "integrity_check(20)" if full else "quick_check(20)"
            problems = [row[0] for row in connection.execute(f"PRAGMA {check}")]
            if problems != ["ok"]:
                raise DatabaseDamaged(_damaged_message("; ".join(problems[:3])))
            has_version = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise explain(error, path) from error
    current = revision[0] if revision else None
    if current is not None and current not in known_revisions():
        raise _too_new(current)
    return current


def create_file(path: Path) -> None:
    """Create a new, migrated database at `path` in one step: it appears whole or not at all.

    The schema is built in a temporary file beside it and renamed into place, so a kill or a
    full disk during a first start leaves no file (and the next start begins again).
    """
    temporary = _side(path, ".new")
    _remove_with_side_files(temporary)  # our own leftover from an interrupted first start
    engine = make_engine(f"sqlite:///{temporary}")
    try:
        migrate(engine)
        with engine.connect() as connection:
            connection.exec_driver_sql(f"PRAGMA user_version={SAMPLE_PENDING}")
            # Back to a single file, so the rename moves the whole database.
            connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
            connection.commit()
        engine.dispose()
        _fsync_file(temporary)
        os.replace(temporary, path)
        _fsync_dir(path.parent)
    except BaseException as error:
        engine.dispose()
        _remove_with_side_files(temporary)
        if isinstance(error, OSError) and disk_full(path):
            raise StorageError(
                "The disk is full: the database could not be created. Free some space "
                "and start kbdesk again."
            ) from error
        raise


def prepare_file(path: Path) -> bool:
    """Make `path` ready to open: finish an interrupted restore, create it whole when missing,
    refuse it when damaged or too new. True when this call created it."""
    finish_restore(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_file(path)
        return True
    if inspect_file(path) is not None:
        _stamp_application_id(path)
    return False


def _stamp_application_id(path: Path) -> None:
    """Databases made before the id existed get it once (a header write, in a transaction)."""
    try:
        with _readonly(path) as connection:
            if connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
                return
        with sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S) as connection:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    except sqlite3.Error as error:
        raise explain(error, path) from error


def sample_pending(database: Database) -> bool:
    if database.file is None:
        return False
    with database.engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA user_version").scalar() == SAMPLE_PENDING


def clear_sample_pending(session: Session) -> None:
    """Inside the transaction that loads the sample, so both happen or neither."""
    session.connection().exec_driver_sql("PRAGMA user_version=0")


def verify_copy(path: Path) -> str | None:
    """A full integrity check of a backup (or a copy about to be restored)."""
    return inspect_file(path, full=True)


def _aside_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    return candidate


def _keep(source: Path, target: Path) -> None:
    """A second name for `source` (a hard link: instant, no space), else a full copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def restore_file(path: Path, backup: Path) -> Path | None:
    """Put a verified copy of `backup` in place of the database at `path`.

    The current file (with its -wal and -shm) is kept beside it as `<name>.damaged-<time>`,
    never deleted; returns that name (None when there was no database). A kill at any point
    leaves the old database or the restored one: `prepare_file` completes a staged restore.
    """
    if not backup.is_file():
        raise StorageError(f"{backup} is not a backup file")
    if backup.resolve() == path.resolve():
        raise StorageError("that file is the database itself, not a backup")
    staged = _side(path, ".restore")
    partial = _side(path, ".restore.partial")
    _remove_with_side_files(partial)
    try:
        shutil.copyfile(backup, partial)
        _fsync_file(partial)
        revision = verify_copy(partial)
        if revision is None:
            raise DatabaseDamaged(f"{backup} holds no kbdesk schema; nothing was restored")
    except DatabaseDamaged as error:
        _remove_with_side_files(partial)
        raise StorageError(f"{backup} is not a usable backup: {error}") from error
    except BaseException as error:
        _remove_with_side_files(partial)
        if isinstance(error, OSError) and disk_full(path):
            raise StorageError("The disk is full: nothing was restored.") from error
        raise
    aside = None
    if path.exists():
        aside = _aside_name(path)
        for suffix in ("", *_SIDE_FILES):
            if _side(path, suffix).exists():
                _keep(_side(path, suffix), _side(aside, suffix))
        _fsync_dir(path.parent)
    os.replace(partial, staged)
    _fsync_dir(path.parent)
    finish_restore(path)
    return aside


def finish_restore(path: Path) -> None:
    """Complete a restore a kill interrupted: the staged copy replaces the database."""
    staged = _side(path, ".restore")
    if not staged.exists():
        _side(path, ".restore.partial").unlink(missing_ok=True)
        return
    # The old -wal must not be replayed into the restored file ("malformed"); it was kept
    # beside the old file before the copy was staged.
    for suffix in _SIDE_FILES:
        _side(path, suffix).unlink(missing_ok=True)
    os.replace(staged, path)
    _fsync_dir(path.parent)
