"""The index opens on a worker at start-up: the first keystroke never waits on the disk."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from workspace_helpers import page_of, type_text

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase
from kbdesk.search import IndexState
from kbdesk.services import Desk
from kbdesk.ui.context import AppContext, IndexStatus
from kbdesk.ui.main_window import MainWindow


@pytest.fixture
def closed_kb(prepared_sample: Path, tmp_path: Path) -> Iterator[KnowledgeBase]:
    """As at a start: the database open, the index on disk but not yet read."""
    shutil.copy2(prepared_sample / "ui.sqlite", tmp_path / "ui.sqlite")
    shutil.copytree(prepared_sample / "index", tmp_path / "index")
    kb = KnowledgeBase(Database(f"sqlite:///{tmp_path / 'ui.sqlite'}"), tmp_path / "index")
    kb.load_synonyms()
    yield kb
    kb.close()


def test_index_opens_off_the_ui_thread_and_a_search_typed_meanwhile_arrives(
    qtbot: QtBot, closed_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_on: list[threading.Thread] = []
    release = threading.Event()
    real_open = closed_kb.index.open

    def slow_open() -> IndexState:
        opened_on.append(threading.current_thread())
        release.wait(10)  # the disk is slow today: the worker holds the open until released
        return real_open()

    monkeypatch.setattr(closed_kb.index, "open", slow_open)
    desk = Desk(closed_kb)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("operator/name", "Анна")
    context = AppContext(desk, settings, tmp_path)
    context.ensure_index_async()  # as create_window does, before the window is built
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = page_of(window)
    assert not desk.answers.instant  # nothing is loaded yet: searches go to a worker

    page.search_box.setFocus()
    try:
        type_text(page.search_box, "возврат")  # returns at once though the index is not open
        assert page.model.rowCount() == 0
    finally:
        release.set()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # the worker's results arrive
    qtbot.waitUntil(lambda: context.index_status == IndexStatus.READY and desk.answers.instant)
    assert opened_on and threading.main_thread() not in opened_on
    assert context.index_status == IndexStatus.READY
