"""Contacts: every client gets a clean call. Values live only within their contact, and a
contact ends by the resolve answer, the "next client" key or the idle time."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from workspace_helpers import clipboard, events, page_of, press, search_log, select_title, type_text

from kbdesk.kb import KnowledgeBase
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.workspace import WorkspacePage

CTRL = Qt.KeyboardModifier.ControlModifier
# Templates of the sample with their search and title; each has the client's name to fill.
TEMPLATES = [
    ("перенос доставки", "Перенос доставки на другое время"),
    ("подтверждение отмены", "Подтверждение отмены"),
    ("заказ задерживается", "Заказ задерживается"),
]


def _open(qtbot: QtBot, page: WorkspacePage, query: str, title: str) -> None:
    page.focus_search()
    type_text(page.search_box, query)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, title)
    press(Qt.Key.Key_Return)


def _everything_shown(page: WorkspacePage) -> str:
    """What the operator could see of the contact: box, fields, reply preview, suggestions."""
    parts = [page.search_box.text(), page.form.reply.toPlainText(), page.browser.toPlainText()]
    parts += [edit.text() for edit in page.form.edits.values()]
    parts += [edit.placeholderText() for edit in page.form.edits.values()]
    parts.append(page.form.suggestion_text.text())
    return "\n".join(parts)


def test_the_clients_name_fills_every_template_of_the_contact_but_no_other_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    _open(qtbot, page, "перенос доставки", "Перенос доставки на другое время")
    type_text(page.form.edits["client_name"], "Иван")
    press(Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "A-12345")
    page.form.edits["time"].setFocus()
    type_text(page.form.edits["time"], "14:00–16:00")  # a delivery slot: this template's
    _open(qtbot, page, "обратный звонок", "Обратный звонок")
    assert page.form.edits["client_name"].text() == "Иван"  # the client: the whole contact's
    assert page.form.edits["callback_time"].text() == "в течение 2 часов"  # its own default
    assert "14:00–16:00" not in page.form.reply.toPlainText()
    _open(qtbot, page, "перенос доставки", "Перенос доставки на другое время")
    assert page.form.edits["order_number"].text() == "A-12345"
    assert page.form.edits["time"].text() == "14:00–16:00"  # back in its template: still there

    press(Qt.Key.Key_F8)  # next client
    assert page.search_box.text() == "" and "Next client" in page.last_message
    _open(qtbot, page, "подтверждение отмены", "Подтверждение отмены")
    assert page.form.edits["client_name"].text() == ""
    assert "Иван" not in _everything_shown(page) and "A-12345" not in _everything_shown(page)


def test_a_contact_ends_after_the_idle_time_and_its_searches_are_abandoned(
    qtbot: QtBot, window: MainWindow, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    contact = page.session.contact_id
    _open(qtbot, page, "заказ задерживается", "Заказ задерживается")
    type_text(page.form.edits["client_name"], "Ольга")
    with qtbot.waitSignal(page.session.contact_ended, timeout=5000) as ended:
        page.contacts.set_idle_ms(50)  # the operator's idle time, shortened for the test
    assert ended.args[0].id == contact and ended.args[1] == "idle"
    assert page.session.values_for(None) == {} and page.search_box.text() == ""
    logged = search_log(sample_kb)
    assert [row.query for row in logged] == ["заказ задерживается"]
    assert logged[0].contact == contact and logged[0].abandoned  # ended with no copy
    assert {event.contact for event in events(sample_kb)} == {contact}


def test_a_contact_with_a_copy_leaves_its_searches_alone(
    qtbot: QtBot, window: MainWindow, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "часы работы")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_N)  # not resolved: the contact ends all the same
    logged = search_log(sample_kb)
    assert len(logged) == 1 and not logged[0].abandoned
    assert page.search_box.text() == ""


def test_fifty_contacts_never_carry_a_value_over(
    qtbot: QtBot, window: MainWindow, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    rng = random.Random(12)
    previous: set[str] = set()
    contacts: set[str] = set()
    for number in range(50):
        contacts.add(page.session.contact_id)
        query, title = TEMPLATES[number % len(TEMPLATES)]
        _open(qtbot, page, query, title)
        shown = _everything_shown(page).casefold()
        assert not [value for value in previous if value.casefold() in shown], number
        typed: set[str] = set()
        for name, edit in page.form.edits.items():
            value = f"Q{name[:3]}{number:02d}x{rng.randrange(10**6):06d}"
            edit.setFocus()
            edit.clear()
            type_text(edit, value)
            typed.add(value)
        press(Qt.Key.Key_Return, CTRL)
        plain, html = clipboard()
        assert all(value in plain for value in typed), (number, plain, typed, page.last_message)
        seen = (plain + html).casefold()
        assert not [value for value in previous if value.casefold() in seen], number
        # Every way a contact ends, in turn.
        way = number % 4
        if way == 0:
            press(Qt.Key.Key_Y)
        elif way == 1:
            press(Qt.Key.Key_N)
        elif way == 2:
            press(Qt.Key.Key_F8)
        else:
            page.contacts.set_idle_ms(20)
            with qtbot.waitSignal(page.session.contact_ended, timeout=5000):
                pass
            page.contacts.set_idle_ms(0)
        shown = _everything_shown(page).casefold()
        assert not [value for value in typed if value.casefold() in shown], number
        previous = typed
    assert len(contacts) == 50
    copies = [event for event in events(sample_kb) if event.kind == "copy"]
    assert len(copies) == 50 and len({event.contact for event in copies}) == 50


def test_the_clients_message_suggests_templates_and_values_accepted_with_f7(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    press(ord("M"), CTRL)
    dialog = page.messages.dialog
    assert dialog is not None
    dialog.message.setPlainText(
        "Здравствуйте, меня зовут Ольга Сергеевна. Мой заказ № A-12345 опаздывает "
        "уже на час, курьер не отвечает."
    )
    dialog.read()
    assert "Ольга Сергеевна" in dialog.found.text() and "A-12345" in dialog.found.text()
    titles = [dialog.model.index(row).data() for row in range(dialog.model.rowCount())]
    assert "Заказ задерживается" in titles
    dialog.results.setCurrentIndex(dialog.model.index(titles.index("Заказ задерживается")))
    dialog.accept()
    assert page.pane.title.text() == "Заказ задерживается"
    form = page.form
    # Offered, not filled: nothing is sent that the operator has not accepted.
    assert form.edits["client_name"].text() == "" and form.suggestion_bar.isVisible()
    assert "Ольга Сергеевна" in form.suggestion_text.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.edits["client_name"])
    press(Qt.Key.Key_F7)
    assert form.edits["client_name"].text() == "Ольга Сергеевна"
    assert form.edits["order_number"].text() == "A-12345"
    assert not form.suggestion_bar.isVisible()
    press(Qt.Key.Key_F8)  # the next client sees none of it
    assert page.session.suggestions == {}
