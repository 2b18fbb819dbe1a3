"""The operator workspace, driven from the keyboard as during a call."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from workspace_helpers import (
    clipboard,
    events,
    page_of,
    press,
    search_log,
    select_title,
    type_text,
)

from kbdesk.kb import KnowledgeBase
from kbdesk.records import EventKind
from kbdesk.rendering import markdown_to_plain
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _kinds(sample_kb: KnowledgeBase) -> list[str]:
    return [event.kind for event in events(sample_kb)]


def test_search_fill_copy_and_resolve(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    press(Qt.Key.Key_F4)  # email
    assert context.channel == "email"
    type_text(page.search_box, "возврат оформлен")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    top = page.model.index(0)
    assert top.data() == "Возврат оформлен"
    assert page.results.currentIndex().row() == 0
    select_title(page, "Возврат оформлен")
    press(Qt.Key.Key_Return)
    # Enter puts the cursor into the first empty field of the template.
    assert QApplication.focusWidget() is page.form.edits["client_name"]
    assert page.form.edits["days"].text() == "10"  # defaults are pre-filled
    type_text(page.form.edits["client_name"], "Иван Петров")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.form.edits["order_number"]
    type_text(QApplication.focusWidget(), "A-1077")
    reply = page.form.reply.toPlainText()
    assert "Уважаемый(ая) Иван Петров!" in reply and "по заказу A-1077" in reply
    assert "С уважением, Анна" in reply  # built-ins fill themselves
    assert datetime.now().strftime("%d.%m.%Y") in reply
    assert "{{amount}}" in reply  # shown, and marked, until it is filled

    press(Qt.Key.Key_Return, CTRL)  # the amount is still empty: refused
    assert QApplication.focusWidget() is page.form.edits["amount"]
    assert "«Amount»" in page.form.error.text() and page.form.error.isVisible()
    assert "«Amount»" in window.statusBar().currentMessage()
    assert EventKind.COPY.value not in _kinds(sample_kb)

    type_text(page.form.edits["amount"], "1500")
    press(Qt.Key.Key_Return, CTRL)
    plain, html = clipboard()
    assert plain.startswith("Уважаемый(ая) Иван Петров!\n\nСообщаем")
    assert "по заказу A-1077 оформлен возврат денежных средств в размере 1500 ₽" in plain
    assert "{{" not in plain
    assert html.startswith("<p>Уважаемый(ая) Иван Петров!</p>") and "<p>С уважением" in html
    assert page.resolve.isVisible() and page.resolve.hasFocus()
    article_id = page.model.index(0).data(Qt.ItemDataRole.UserRole + 1)
    contact = page.session.contact_id

    press(Qt.Key.Key_Y)
    assert not page.resolve.isVisible()
    assert QApplication.focusWidget() is page.search_box
    # The answer ends the contact: the next client starts with an empty box and form.
    assert page.search_box.text() == "" and page.session.contact_id != contact
    logged = events(sample_kb)
    kinds = [event.kind for event in logged]
    assert kinds == ["search", "view", "copy", "resolved"]
    for event in logged:
        assert event.operator == "Анна" and event.channel == "email"
        assert event.query == "возврат оформлен"
        assert event.contact == contact
    assert logged[-1].article_id == logged[-2].article_id == article_id
    assert [row.query for row in search_log(sample_kb)] == ["возврат оформлен"]


def test_channel_variant_is_previewed_and_copied(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    press(Qt.Key.Key_F3)  # chat
    type_text(page.search_box, "задерживается")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, "Заказ задерживается")
    assert page.form.reply.toPlainText().endswith("примерно через 20 мин.")
    press(Qt.Key.Key_F2)  # phone: same fields, the phone wording
    assert page.channel_group.checkedButton() is page.channel_group.button(0)
    assert "я проверила ваш заказ" in page.form.reply.toPlainText()  # the operator is Анна
    assert context.settings.value("operator/channel") == "phone"


def test_wrong_layout_reading_empty_state_and_escape(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    qtbot.keyClicks(page.search_box, "djpdhfn")  # "возврат" typed in the English layout
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.reading_label.isVisible() and "«возврат»" in page.reading_label.text()
    press(Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.results
    press(Qt.Key.Key_Down)
    assert page.results.currentIndex().row() == 1
    press(Qt.Key.Key_Escape)  # Esc in the results clears the search and returns to it
    assert page.search_box.text() == "" and QApplication.focusWidget() is page.search_box
    assert page.model.rowCount() == 0
    type_text(page.search_box, "щщщщщщ")
    qtbot.waitUntil(lambda: "щщщщщщ" in page.results.empty_text())
    assert page.model.rowCount() == 0 and "fewer words" in page.results.empty_text()
    press(Qt.Key.Key_Escape)
    assert page.search_box.text() == ""


def test_search_is_logged_once_it_settles(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "промокод")
    assert search_log(sample_kb) == []  # not per keystroke
    qtbot.waitUntil(lambda: len(search_log(sample_kb)) == 1, timeout=4000)
    assert search_log(sample_kb)[0].operator == "Анна"
    assert _kinds(sample_kb) == ["search"]  # the top hit flashing by while typing is no view


def test_alt_number_copies_an_article_or_opens_a_template(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "возврат")
    qtbot.waitUntil(lambda: page.model.rowCount() > 2)
    assert page.model.index(0).data() == "Возврат оформлен"
    article = page.model.index(1)
    assert article.data(Qt.ItemDataRole.UserRole + 2) == "article"
    press(Qt.Key.Key_2, ALT)  # shows the row first: nothing is copied unseen
    assert page.results.currentIndex().row() == 1 and "Alt+2" in page.last_message
    assert EventKind.COPY.value not in _kinds(sample_kb)
    press(Qt.Key.Key_2, ALT)  # again: copies what is on screen
    record = context.desk.content.get(article.data(Qt.ItemDataRole.UserRole + 1))
    plain, html = clipboard()
    titled = context.desk.answers.with_link_titles(record)
    assert plain == markdown_to_plain(titled.body)
    assert "шаблоном Возврат оформлен." in plain and "refund-issued" not in plain  # link titles
    assert "<table>" in html and 'href="kb:' not in html
    assert page.resolve.isVisible()
    press(Qt.Key.Key_1, ALT)  # a template with empty required fields is opened, not copied
    assert clipboard()[0] == plain
    assert QApplication.focusWidget() is page.form.edits["amount"]
    assert "needs input" in page.last_message
    assert _kinds(sample_kb).count("copy") == 1


def test_russian_layout_shortcuts_pins_and_recent(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "оплата")
    qtbot.waitUntil(lambda: page.model.rowCount() > 1)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    chosen = page.results.currentIndex().data()
    press(ord("В"), CTRL)  # Ctrl+D under ЙЦУКЕН: pin
    assert page.pane.pin.isChecked()
    press(ord("З"), CTRL)  # Ctrl+P: pinned list
    assert page.mode == "pinned" and page.model.rowCount() == 1
    assert page.model.index(0).data() == chosen
    press(Qt.Key.Key_Escape)  # back to the search, query kept
    assert page.mode == "search" and page.search_box.text() == "оплата"
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)  # the first hit is an article: Enter copies it
    press(Qt.Key.Key_Escape)  # the resolve prompt is ignorable
    press(ord("К"), CTRL)  # Ctrl+R: recently used
    assert page.mode == "recent" and page.model.index(0).data() == page.model.index(0).data()
    assert page.model.rowCount() == 1
    press(Qt.Key.Key_Escape)
    press(ord("Д"), CTRL)  # Ctrl+L from the results: back in the search box
    assert QApplication.focusWidget() is page.search_box
    press(ord("В"), CTRL | Qt.KeyboardModifier.ShiftModifier)  # unpin all
    assert context.settings.allKeys()  # pins are per operator in the settings
    assert page_of(window).lists.pinned() == []


def test_resolve_prompt_answers_no_in_russian_layout(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "часы работы")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    press(Qt.Key.Key_Return, CTRL)
    assert page.resolve.hasFocus()
    press(ord("Т"))  # "N" under ЙЦУКЕН
    assert _kinds(sample_kb)[-2:] == ["copy", "not_resolved"]


def test_internal_links_open_in_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "сроки возврата")
    # While typing, the top hit's preview follows the results by one frame.
    qtbot.waitUntil(lambda: page.pane.title.text() == "Сроки возврата денег")
    assert "kb:refund-issued" in page.browser.toHtml()
    page.browser.anchorClicked.emit(QUrl("kb:refund-issued"))
    assert page.pane.title.text() == "Возврат оформлен"
    assert page.pane.stack.currentWidget() is page.form
    page.browser.anchorClicked.emit(QUrl("kb:no-such-article"))
    assert "no-such-article" in page.last_message


def test_refresh_keeps_query_selection_and_typed_values(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "возврат")
    qtbot.waitUntil(lambda: page.model.rowCount() > 3)
    select_title(page, "Подтверждение отмены")
    press(Qt.Key.Key_Return)
    type_text(QApplication.focusWidget(), "Ольга")
    other = context.desk.content.get_by_slug("refund-times")
    assert other is not None
    item = other.to_item()
    context.save(replace(item, title="Сроки возврата денег (обновлено)"))
    assert page.search_box.text() == "возврат"
    assert page.results.currentIndex().data() == "Подтверждение отмены"
    assert page.form.edits["client_name"].text() == "Ольга"
    assert QApplication.focusWidget() is page.form.edits["client_name"]
    titles = [page.model.index(i).data() for i in range(page.model.rowCount())]
    assert "Сроки возврата денег (обновлено)" in titles


def test_the_layout_comes_back_after_a_restart(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    window.resize(780, 560)  # inside the offscreen screen, which clamps restored geometry
    size = (window.width(), window.height())
    page = page_of(window)
    default = page.splitter.sizes()
    page.splitter.setSizes([default[0] + 150, default[1] - 150])
    sizes = page.splitter.sizes()
    assert sizes != default
    window.close()
    again = MainWindow(context)  # a new window reading the same settings file
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == size
    assert page_of(again).splitter.sizes() == sizes
