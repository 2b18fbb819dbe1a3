"""UI fixtures: a real SQLite file with the sample knowledge base and a real index on disk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase
from kbdesk.models import Role
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Offscreen Qt crashes at interpreter exit if the clipboard still holds QMimeData set from
    Python (seen with PySide6 6.11 and 6.12; xcb and real desktops are fine)."""
    yield
    qapp.clipboard().clear()


@pytest.fixture
def sample_kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    db = Database(f"sqlite:///{tmp_path / 'ui.sqlite'}")
    db.migrate()
    kb = KnowledgeBase(db, tmp_path / "index")
    report = kb.import_paths([SAMPLE], author="tests", index=False)
    assert report.ok, report.failed
    kb.rebuild()
    yield kb
    kb.close()


@pytest.fixture
def make_context(sample_kb: KnowledgeBase, tmp_path: Path) -> Callable[..., AppContext]:
    """An AppContext for an operator of the given role (registered on first use)."""

    def make(name: str = "Анна", role: Role = Role.LEAD) -> AppContext:
        sample_kb.store.operator(name)
        sample_kb.store.set_role(name, role)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("operator/name", name)
        return AppContext(sample_kb, settings, tmp_path)

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
