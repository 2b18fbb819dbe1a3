"""The index as a cache of the database: rebuilds, fallbacks, logging, closing mid-rebuild."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import select

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase, RebuildCancelled
from kbdesk.models import SearchLog, UsageEvent
from kbdesk.search import SearchRequest
from kbdesk.services import Desk

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


@pytest.fixture
def loaded(sqlite_kb: KnowledgeBase) -> KnowledgeBase:
    assert sqlite_kb.import_paths([SAMPLE], "t").ok
    return sqlite_kb


def test_missing_index_is_rebuilt_and_searches_answer_meanwhile(loaded: KnowledgeBase) -> None:
    assert loaded.needs_rebuild()
    degraded = loaded.search(SearchRequest("самовывоз"))
    assert degraded.degraded and degraded.hits[0].slug == "pickup"
    assert loaded.ensure_index()
    fresh = loaded.search(SearchRequest("самовывоз"))
    assert not fresh.degraded and fresh.hits[0].slug == "pickup"
    assert not loaded.ensure_index()  # up to date: nothing to do


def test_a_garbage_index_folder_is_detected_and_replaced(loaded: KnowledgeBase) -> None:
    loaded.rebuild()
    loaded.index.close()
    for path in loaded.index_path.rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00garbage")
    fresh = KnowledgeBase(loaded.db, loaded.index_path)
    assert fresh.needs_rebuild()
    assert fresh.search(SearchRequest("самовывоз")).hits[0].slug == "pickup"
    fresh.ensure_index()
    assert not fresh.needs_rebuild() and fresh.check().ok
    fresh.index.close()


def test_a_deleted_index_folder_is_rebuilt(loaded: KnowledgeBase) -> None:
    loaded.rebuild()
    loaded.index.close()
    shutil.rmtree(loaded.index_path)
    assert loaded.needs_rebuild()
    loaded.ensure_index()
    assert loaded.search(SearchRequest("возврат")).hits


def test_searches_are_logged_with_personal_data_masked(loaded: KnowledgeBase) -> None:
    loaded.rebuild()
    answers = Desk(loaded).answers
    for text in ("возврат +7 (912) 345-67-89 ivan@mail.ru", "   "):  # blank: not worth a row
        answers.log_search(text, answers.search(SearchRequest(text)), "Анна", "chat")
    with loaded.db.session() as session:
        rows = session.exec(select(SearchLog)).all()
        events = session.exec(select(UsageEvent)).all()
    assert [(r.query, r.operator) for r in rows] == [("возврат <phone> <email>", "Анна")]
    assert rows[0].normalized == "возврат <phone> <email>"
    # One path logs a search: the search log row and the usage event, masked alike.
    assert [(e.kind, e.query, e.channel) for e in events] == [
        ("search", "возврат <phone> <email>", "chat")
    ]


def test_closing_stops_a_running_rebuild_and_keeps_the_old_index(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    db.migrate()
    kb = KnowledgeBase(db, tmp_path / "index")
    kb.import_paths([SAMPLE], "t")
    kb.rebuild()
    old_fingerprint = kb.index.fingerprint()
    started = threading.Event()
    outcome: list[BaseException | None] = []

    def note_progress(done: int, total: int) -> None:
        started.set()
        kb._closing.wait(30)  # hold the rebuild here until close() has been called

    def run() -> None:
        try:
            # Progress is reported every 100 documents: make enough to be stopped mid-way.
            for number in range(300):
                kb.store.save(
                    kb.store.get_by_slug("pickup").to_item().__class__(
                        slug=f"filler-{number}", title=f"Заполнитель {number}"
                    ),
                    "t",
                )
            kb.rebuild(note_progress)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(60)
    kb.close()
    worker.join(60)
    assert outcome and isinstance(outcome[0], RebuildCancelled)
    reopened = KnowledgeBase(Database(f"sqlite:///{tmp_path / 'kb.sqlite'}"), tmp_path / "index")
    reopened.index.open()
    assert reopened.index.fingerprint() == old_fingerprint  # the old generation is intact
    assert reopened.search(SearchRequest("самовывоз")).hits[0].slug == "pickup"
    reopened.close()


def test_changes_saved_by_another_desk_are_picked_up(database: Database, tmp_path: Path) -> None:
    """Two desks on one shared database (SQLite file or PostgreSQL), each with its own index."""
    mine = KnowledgeBase(database, tmp_path / "mine")
    theirs = KnowledgeBase(database, tmp_path / "theirs")
    try:
        mine.import_paths([SAMPLE], "t")
        mine.ensure_index()
        theirs.ensure_index()
        assert mine.sync() == []
        record = theirs.store.get_by_slug("pickup")
        assert record is not None
        item = record.to_item()
        theirs.save(replace(item, title="Самовывоз из дарксторов"), "B")
        assert mine.search(SearchRequest("дарксторов")).hits == []
        assert record.id in mine.sync()  # with whatever else changed in the look-back window
        assert mine.sync() == []
        assert mine.search(SearchRequest("дарксторов")).hits[0].slug == "pickup"
        assert not mine.needs_rebuild()
    finally:
        mine.index.close()
        theirs.index.close()
