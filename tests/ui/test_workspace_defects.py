"""The small things that cost seconds on a call, each fixed and kept fixed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from workspace_helpers import page_of, press, search_log, select_title, type_text

from kbdesk.content import ContentItem
from kbdesk.kb import KnowledgeBase
from kbdesk.ui.context import AppContext
from kbdesk.ui.i18n import revision_note
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.workspace.preview import TemplateForm
from kbdesk.ui.workspace.results import ResultRole

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_up_from_the_first_result_keeps_the_query(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "возврат")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Up)
    assert QApplication.focusWidget() is page.search_box
    assert not page.search_box.hasSelectedText()
    type_text(page.search_box, " денег")  # goes on with the query, never replaces it
    assert page.search_box.text() == "возврат денег"


def test_back_and_forward_after_following_a_link(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "сроки возврата")
    qtbot.waitUntil(lambda: page.pane.title.text() == "Сроки возврата денег")
    assert not page.pane.back.isVisible()
    page.browser.anchorClicked.emit(QUrl("kb:refund-issued"))
    assert page.pane.title.text() == "Возврат оформлен"
    assert page.pane.back.isEnabled() and page.pane.back.isVisible()
    press(Qt.Key.Key_Left, ALT)
    assert page.pane.title.text() == "Сроки возврата денег"
    assert page.pane.forward.isEnabled()
    press(Qt.Key.Key_Right, ALT)
    assert page.pane.title.text() == "Возврат оформлен"
    page.pane.back.click()
    assert page.pane.title.text() == "Сроки возврата денег"


def test_links_read_as_their_titles_in_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "сроки возврата")
    qtbot.waitUntil(lambda: page.pane.title.text() == "Сроки возврата денег")
    text = page.browser.toPlainText()
    assert "шаблоном Возврат оформлен" in text and "refund-issued" not in text
    assert "kb:refund-issued" in page.browser.toHtml()  # still a link


def test_snippets_are_clean_text(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    for query in ("возврат", "задерживается", "сроки возврата"):
        page.search_box.clear()
        type_text(page.search_box, query)
        qtbot.waitUntil(lambda: page.model.rowCount() > 0)
        qtbot.waitUntil(
            lambda: all(
                page.model.index(row).data(ResultRole.SNIPPET)
                for row in range(min(5, page.model.rowCount()))
            )
        )
        snippets = [
            page.model.index(row).data(ResultRole.SNIPPET) for row in range(page.model.rowCount())
        ]
        joined = " ".join(snippets)
        for markup in ("{{", "}}", "[[", "]]", ":::", "&lt;script", "**"):
            assert markup not in joined, (query, markup)
    assert "[Client name]" in joined or "<mark>" in joined


def test_the_pinned_list_and_the_banner_never_widen_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    left = page.splitter.sizes()[0]
    press(ord("P"), CTRL)  # the pinned list with its long help line
    assert page.mode == "pinned"
    QApplication.processEvents()
    assert window.width() == 1024 and page.splitter.sizes()[0] == left
    press(Qt.Key.Key_Escape)
    qtbot.keyClicks(page.search_box, "djpdhfn")  # the layout banner appears
    qtbot.waitUntil(lambda: page.reading_label.isVisible())
    QApplication.processEvents()
    assert window.width() == 1024 and page.splitter.sizes()[0] == left
    assert window.minimumSizeHint().width() <= 1024


def test_a_search_is_logged_once_however_often_the_editor_saves(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "самовывоз")
    qtbot.waitUntil(lambda: len(search_log(sample_kb)) == 1, timeout=4000)
    record = context.desk.content.get_by_slug("pickup")
    assert record is not None
    for number in range(3):
        context.save(replace(record.to_item(), title=f"Самовывоз ({number})"))
        record = context.desk.content.get_by_slug("pickup")
        assert record is not None
    page.tracker.flush_search()
    assert [row.query for row in search_log(sample_kb)] == ["самовывоз"]


def test_revision_notes_speak_the_interface_language() -> None:
    assert revision_note("created") == "created"  # English interface in the tests
    assert revision_note("restored revision 3") == "restored revision 3"
    assert revision_note("Исправил опечатку") == "Исправил опечатку"  # typed: as typed


LONG_FORM = [f"поле_{number}" for number in range(1, 13)]


def _fully_in_view(form: TemplateForm, edit: QWidget) -> bool:
    viewport = form._scroll.viewport()
    top_left = edit.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, edit.size()))


@pytest.mark.parametrize(
    "key",
    [
        Qt.Key.Key_Tab,
        Qt.Key.Key_Down,
        Qt.Key.Key_Return,
    ],
    ids=["tab", "down", "enter"],
)
def test_a_focused_field_is_never_half_hidden_after_shrinking_and_restoring(
    qtbot: QtBot, window: MainWindow, context: AppContext, key: Qt.Key
) -> None:
    """A form taller than its pane scrolls each field the operator moves to fully into view,
    also after the window was shrunk to its minimum and restored."""
    body = "Ответ: " + ", ".join("{{" + name + "}}" for name in LONG_FORM)
    context.save(ContentItem(slug="long-form", title="Длинная анкета", kind="template", body=body))
    window.resize(1024, 700)
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "длинная анкета")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, "Длинная анкета")
    press(Qt.Key.Key_Return)  # to the first empty field
    form = page.form
    assert QApplication.focusWidget() is form.edits[LONG_FORM[0]]
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: window.height() < 700)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    viewport = form._scroll.viewport()
    assert form._fields.height() > viewport.height()  # the form has to scroll
    for name in LONG_FORM[1:]:
        press(key)
        edit = form.edits[name]
        assert QApplication.focusWidget() is edit
        assert _fully_in_view(form, edit), (name, edit.mapTo(viewport, QPoint(0, 0)).y())
