"""Storage on a real SQLite file and a real PostgreSQL server (fresh schema per test)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from kbdesk.content import ContentItem
from kbdesk.db import HEAD_REVISION, Database, StorageError, alembic_head, schema_revision
from kbdesk.models import Role, Status
from kbdesk.store import ArticleStore, ConflictError

ITEM = ContentItem(
    slug="refund-times",
    title="Сроки возврата",
    body="Деньги вернутся за 3–10 дней.",
    category="Оплата",
    tags=("возврат", "деньги"),
)


@pytest.fixture
def store(database: Database) -> ArticleStore:
    return ArticleStore(database)


def test_migrations_bring_an_empty_database_to_head(database: Database) -> None:
    current, head = schema_revision(database.engine)
    assert current == head is not None
    database.migrate()  # running again is a no-op and keeps data
    assert schema_revision(database.engine) == (current, head)


def test_the_known_head_is_alembics_head() -> None:
    """Start-up skips loading Alembic when the database is at HEAD_REVISION: it must be true."""
    assert alembic_head() == HEAD_REVISION


def test_create_then_update_records_revisions(store: ArticleStore) -> None:
    created = store.save(ITEM, "Анна")
    assert created.created and created.changed and created.record.version == 1
    assert created.record.category == "Оплата" and created.record.tags == ("возврат", "деньги")
    updated = store.save(
        replace(ITEM, body="Деньги вернутся за 5 дней.", tags=("возврат",)), "Борис"
    )
    assert not updated.created and updated.record.version == 2
    assert updated.record.updated_by == "Борис" and updated.record.tags == ("возврат",)
    history = store.revisions(created.record.id)
    assert [(r.number, r.author) for r in history] == [(2, "Борис"), (1, "Анна")]
    assert history[1].item.body == ITEM.body and history[1].item.tags == ("возврат", "деньги")


def test_saving_identical_content_adds_no_revision(store: ArticleStore) -> None:
    first = store.save(ITEM, "Анна")
    again = store.save(ITEM, "Анна")
    assert not again.changed and again.record.version == 1
    assert len(store.revisions(first.record.id)) == 1


def test_stale_save_is_a_conflict_not_a_lost_update(store: ArticleStore) -> None:
    record = store.save(ITEM, "Анна").record
    store.save(replace(ITEM, body="Правка Бориса"), "Борис", expected_version=record.version)
    with pytest.raises(ConflictError) as caught:
        store.save(replace(ITEM, body="Правка Анны"), "Анна", expected_version=record.version)
    assert caught.value.current.body == "Правка Бориса"
    assert caught.value.current.updated_by == "Борис"
    assert store.get(record.id).body == "Правка Бориса"


def test_concurrent_saves_of_one_version_let_exactly_one_win(store: ArticleStore) -> None:
    record = store.save(ITEM, "Анна").record
    outcomes: list[str] = []

    def save(author: str) -> None:
        try:
            store.save(replace(ITEM, body=author), author, expected_version=record.version)
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")
        except StorageError:
            outcomes.append("locked")

    threads = [threading.Thread(target=save, args=(name,)) for name in ("A", "B", "C")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("saved") == 1
    assert store.get(record.id).version == 2


def test_restore_brings_back_an_old_revision_as_a_new_one(store: ArticleStore) -> None:
    record = store.save(ITEM, "Анна").record
    store.save(replace(ITEM, title="Новый заголовок"), "Борис")
    restored = store.restore(record.id, 1, "Вера")
    assert restored.record.title == ITEM.title and restored.record.version == 3
    assert store.revisions(record.id)[0].note == "restored revision 1"


def test_archive_and_filter_by_status(store: ArticleStore) -> None:
    record = store.save(ITEM, "Анна").record
    store.set_status(record.id, Status.ARCHIVED, "Анна")
    assert store.list(statuses=["published"]) == []
    assert store.get(record.id).status == "archived"


def test_slug_clash_on_rename_is_refused(store: ArticleStore) -> None:
    store.save(ITEM, "Анна")
    other = store.save(replace(ITEM, slug="other", title="Другое"), "Анна").record
    with pytest.raises(ValueError, match="already used"):
        store.save(replace(ITEM, title="Другое"), "Анна", article_id=other.id)


def test_first_operator_is_a_lead_then_operators(store: ArticleStore) -> None:
    assert store.operator("Анна").role == Role.LEAD.value
    assert store.operator("Борис").role == Role.OPERATOR.value
    store.set_role("Борис", Role.EDITOR)
    assert store.operator("Борис").role == Role.EDITOR.value


def test_synonyms_are_replaced_as_a_whole(store: ArticleStore) -> None:
    store.replace_synonyms([["купон", "промокод"], ["безнал", "безналичный"]])
    store.replace_synonyms([["курьер", "доставщик"]])
    assert store.synonym_groups() == [["курьер", "доставщик"]]


def test_fingerprint_changes_with_every_save(store: ArticleStore) -> None:
    empty = store.fingerprint()
    store.save(ITEM, "Анна")
    first = store.fingerprint()
    store.save(replace(ITEM, body="x"), "Анна")
    assert len({empty, first, store.fingerprint()}) == 3


def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'k.sqlite'}")
    db.migrate()
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    db.dispose()


def test_a_locked_database_gives_a_clear_message_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    db = Database(f"sqlite:///{path}", connect_args={"timeout": 0.2})
    db.migrate()
    store = ArticleStore(db)
    store.save(ITEM, "Анна")
    blocker = sqlite3.connect(path)
    blocker.execute("PRAGMA busy_timeout=0")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            store.save(replace(ITEM, body="новый текст"), "Анна")
    finally:
        blocker.rollback()
        blocker.close()
    assert store.get_by_slug(ITEM.slug).body == ITEM.body
    store.save(replace(ITEM, body="новый текст"), "Анна")
    assert store.get_by_slug(ITEM.slug).body == "новый текст"
    db.dispose()


def test_a_relative_or_linked_home_is_the_same_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is kept per database URL: one home must give one URL however it is named."""
    from kbdesk import paths

    real = tmp_path / "data"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    monkeypatch.chdir(tmp_path)
    urls = set()
    for spelling in ("data", str(real), "link", "./data/../data"):
        monkeypatch.setenv("KBDESK_HOME", spelling)
        urls.add(paths.database_url(paths.home_dir()))
    assert urls == {f"sqlite:///{real.resolve() / paths.DATABASE_FILE}"}
