"""The workspace's parts on their own: result model, twin shortcuts, shift lists, browser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from workspace_helpers import page_of, press, type_text

from kbdesk.records import Kind
from kbdesk.ui.browser import SafeBrowser
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.workspace.keys import answer_key, key_sequences, twin
from kbdesk.ui.workspace.listing import FIRST_SNIPPETS
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.results import ResultListModel, ResultRole, ResultRow
from kbdesk.ui.workspace.session import ListMode


def _rows(count: int) -> list[ResultRow]:
    return [
        ResultRow(
            i,
            f"slug-{i}",
            f"Статья {i}",
            Kind.TEMPLATE if i % 2 else Kind.ARTICLE,
            "Доставка" if i % 3 else None,
            "" if i > 3 else f"про <mark>заказ</mark> {i}",
        )
        for i in range(1, count + 1)
    ]


def test_result_model_is_a_well_behaved_model(qtmodeltester: ModelTester) -> None:
    model = ResultListModel()
    model.set_rows(_rows(12))
    model.set_pinned({2, 5})
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_result_model_roles_and_lazy_snippets(qtbot: QtBot) -> None:
    model = ResultListModel()
    model.set_rows(_rows(12))
    model.set_pinned({2})
    first, tenth = model.index(0), model.index(9)
    assert first.data() == "Статья 1"
    assert first.data(ResultRole.KIND) == "template"
    assert first.data(ResultRole.NUMBER) == 1 and tenth.data(ResultRole.NUMBER) == 0
    assert model.index(1).data(ResultRole.PINNED) is True
    assert first.data(ResultRole.SNIPPET) == "про <mark>заказ</mark> 1"
    # A row painted without a snippet asks for it, once.
    with qtbot.waitSignal(model.snippets_wanted) as blocker:
        assert tenth.data(ResultRole.SNIPPET) == ""
        model.index(10).data(ResultRole.SNIPPET)
    assert blocker.args == [[10, 11]]
    with qtbot.assertNotEmitted(model.snippets_wanted, wait=20):
        tenth.data(ResultRole.SNIPPET)
    model.set_snippets({10: "ещё <mark>заказ</mark>"})
    assert tenth.data(ResultRole.SNIPPET) == "ещё <mark>заказ</mark>"


def test_letter_shortcuts_get_their_russian_layout_twin() -> None:
    assert twin("Ctrl+L") == "Ctrl+Д"
    assert twin("Ctrl+P") == "Ctrl+З"
    assert twin("Ctrl+Shift+D") == "Ctrl+Shift+В"
    assert twin("F6") is None and twin("Alt+1") is None and twin("Ctrl+Return") is None
    assert [k.toString() for k in key_sequences("Ctrl+R", "F6")] == ["Ctrl+R", "Ctrl+К", "F6"]
    assert answer_key("y") is True and answer_key("Н") is True and answer_key("н") is True
    assert answer_key("n") is False and answer_key("т") is False
    assert answer_key("x") is None and answer_key("", ord("Т")) is False


def test_pins_last_one_shift_and_recent_keeps_the_last_twenty(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    day = [date(2025, 3, 1)]
    anna = ShiftLists(settings, lambda: "Анна / смена 1", lambda: day[0])
    boris = ShiftLists(settings, lambda: "Борис", lambda: day[0])
    assert anna.toggle_pin(7) and anna.toggle_pin(3)
    assert anna.pinned() == [7, 3] and boris.pinned() == []
    assert not anna.toggle_pin(7)
    assert anna.pinned() == [3]
    day[0] = date(2025, 3, 2)
    assert anna.pinned() == []  # a new day, a new shift
    for article_id in range(30):
        anna.touch(article_id)
    anna.touch(5)
    assert anna.recent()[:3] == [5, 29, 28] and len(anna.recent()) == 20


def test_browser_never_fetches_remote_or_outside_files(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "secret.png").write_bytes(b"not really")
    browser = SafeBrowser(tmp_path / "kb")
    qtbot.addWidget(browser)
    image = QTextDocument.ResourceType.ImageResource.value
    assert browser.openLinks() is False and browser.openExternalLinks() is False
    for url in ("https://example.com/a.png", "file:///etc/passwd", "../secret.png", "//h/a.png"):
        assert browser.loadResource(image, QUrl(url)) == QByteArray(), url
    assert (
        browser.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl("x.css"))
        == QByteArray()
    )


def test_the_result_model_stays_well_behaved_while_the_workspace_fills_it(
    qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow
) -> None:
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    model = page.model
    qtmodeltester.check(model, force_py=True)  # checked again on every change from here on
    type_text(page.search_box, "заказ")
    qtbot.waitUntil(lambda: model.rowCount() > FIRST_SNIPPETS)
    last = model.index(model.rowCount() - 1)
    assert last.data(ResultRole.SNIPPET) == ""  # beyond the first page: asked for when painted
    qtbot.waitUntil(lambda: "<mark>" in last.data(ResultRole.SNIPPET))
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # pin: the star is data too
    assert model.index(0).data(ResultRole.PINNED) is True
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the pinned list replaces the hits
    assert page.mode == ListMode.PINNED and model.rowCount() == 1
    press(Qt.Key.Key_Escape)
    assert page.mode == ListMode.SEARCH and model.rowCount() > FIRST_SNIPPETS
    press(Qt.Key.Key_Escape)  # Esc in the search box clears it, and the list
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)
