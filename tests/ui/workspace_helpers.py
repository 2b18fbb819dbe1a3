"""Driving the workspace like an operator: typing (Cyrillic included), keys, reading the log."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlmodel import col, select

from kbdesk.kb import KnowledgeBase
from kbdesk.models import SearchLog, UsageEvent
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.workspace import WorkspacePage


def page_of(window: MainWindow) -> WorkspacePage:
    page = window.pages["workspace"]
    assert isinstance(page, WorkspacePage)
    return page


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard does; QTest.keyClicks only knows ASCII."""
    for char in text:
        code = ord(char.upper()) if char.isalpha() else ord(char)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
        QApplication.processEvents()


def press(
    key: Qt.Key | int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    widget: QWidget | None = None,
) -> None:
    """A key press on the focused widget, through Qt's shortcut handling."""
    target = widget or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, Qt.Key(int(key)), modifier)
    QApplication.processEvents()


def clipboard() -> tuple[str, str]:
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None
    return mime.text(), mime.html()


def events(kb: KnowledgeBase) -> list[UsageEvent]:
    with kb.db.session() as session:
        return list(session.exec(select(UsageEvent).order_by(col(UsageEvent.id))))


def search_log(kb: KnowledgeBase) -> list[SearchLog]:
    with kb.db.session() as session:
        return list(session.exec(select(SearchLog).order_by(col(SearchLog.id))))


def select_title(page: WorkspacePage, title: str) -> None:
    """Arrow down through the results until `title` is selected, as an operator would."""
    if QApplication.focusWidget() is page.search_box:
        press(Qt.Key.Key_Down)
    for _ in range(page.model.rowCount()):
        if page.results.currentIndex().data() == title:
            return
        press(Qt.Key.Key_Down)
    raise AssertionError(f"{title!r} is not among the results")
