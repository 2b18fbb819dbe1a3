"""UI fixtures: a real SQLite file with the sample knowledge base and a real index on disk."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase
from kbdesk.records import Role
from kbdesk.services import Desk
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Offscreen Qt crashes at interpreter exit if the clipboard still holds QMimeData set from
    Python (seen with PySide6 6.11 and 6.12; xcb and real desktops are fine)."""
    yield
    qapp.clipboard().clear()


@pytest.fixture(scope="session")
def prepared_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample imported and indexed once per test session; each test gets a copy."""
    folder = tmp_path_factory.mktemp("prepared-sample")
    db = Database(f"sqlite:///{folder / 'ui.sqlite'}")
    db.migrate()
    kb = KnowledgeBase(db, folder / "index")
    report = kb.import_paths([SAMPLE], author="tests")
    assert report.ok, report.failed
    kb.rebuild()
    kb.close()  # checkpoints the WAL into the database file
    return folder


@pytest.fixture
def sample_kb(prepared_sample: Path, tmp_path: Path) -> Iterator[KnowledgeBase]:
    """A real SQLite file and a real index on disk, both this test's own."""
    shutil.copy2(prepared_sample / "ui.sqlite", tmp_path / "ui.sqlite")
    shutil.copytree(prepared_sample / "index", tmp_path / "index")
    db = Database(f"sqlite:///{tmp_path / 'ui.sqlite'}")
    kb = KnowledgeBase(db, tmp_path / "index")
    kb.load_synonyms()
    assert not kb.needs_rebuild()
    yield kb
    kb.close()


@pytest.fixture
def sample_desk(sample_kb: KnowledgeBase) -> Desk:
    return Desk(sample_kb)


@pytest.fixture
def make_context(
    sample_desk: Desk, sample_kb: KnowledgeBase, tmp_path: Path
) -> Callable[..., AppContext]:
    """An AppContext for an operator of the given role (registered on first use)."""

    def make(name: str = "Анна", role: Role = Role.LEAD) -> AppContext:
        sample_kb.store.operator(name)
        sample_kb.store.set_role(name, role)  # as a lead would, straight in the database
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("operator/name", name)
        return AppContext(sample_desk, settings, tmp_path)

    return make


@pytest.fixture
def context(make_context: Callable[..., AppContext]) -> AppContext:
    return make_context()


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
