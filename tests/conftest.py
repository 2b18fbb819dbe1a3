"""Shared fixtures: a fresh database per test, on SQLite and (when reachable) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase

POSTGRES_URL = os.environ.get(
    "KBDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "articles"


def _postgres_available() -> bool:
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except OperationalError:
        return False


_PG = _postgres_available()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real per-user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("KBDESK_HOME", str(home))
    monkeypatch.delenv("KBDESK_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database: an SQLite file, or a fresh schema on the PostgreSQL server."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'test.sqlite'}")
        db.migrate()
        yield db
        db.dispose()
        return
    if not _PG:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL}; CI must start it")
        pytest.skip("PostgreSQL is not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = Database(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        db.migrate()
        yield db
    finally:
        db.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def kb(database: Database, tmp_path: Path) -> Iterator[KnowledgeBase]:
    """A knowledge base on an empty database with its own index folder."""
    base = KnowledgeBase(database, tmp_path / "index")
    yield base
    base.index.close()


@pytest.fixture
def sqlite_kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    db = Database(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    db.migrate()
    base = KnowledgeBase(db, tmp_path / "index")
    yield base
    base.close()
