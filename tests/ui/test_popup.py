"""The quick-answer popup, the paste-back decision and the clipboard kept for the operator.

The operating system's part (the global hotkey, giving the focus back, typing Ctrl+V) cannot
run offscreen: `FakeDesktop` stands in for `kbdesk.ui.desktop.Desktop` and records what it
was asked to do. Everything else is the real code.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from workspace_helpers import events, page_of, press, type_text

from kbdesk.kb import KnowledgeBase
from kbdesk.ui.desktop import Desktop, NoDesktop, parse_hotkey
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.popup import QuickAnswer
from kbdesk.ui.popup.clipboard import ClipboardKeeper
from kbdesk.ui.popup.paste import CopyReason, PasteAction, PastePlan, decide

TARGET = 4242  # the window the operator was typing in (a CRM, a chat)


class FakeDesktop(Desktop):
    name = "fake"

    def __init__(self, can_paste: bool = True, active: int | None = TARGET) -> None:
        super().__init__()
        self._can_paste = can_paste
        self.active = active
        self.hotkeys: list[str] = []
        self.activated: list[int] = []
        self.pasted: list[str] = []  # the clipboard's text at each Ctrl+V

    def can_paste(self) -> bool:
        return self._can_paste

    def register_hotkey(self, sequence: str) -> bool:
        self.hotkeys.append(sequence)
        return True

    def active_window(self) -> int | None:
        return self.active

    def activate(self, window: int) -> bool:
        self.activated.append(window)
        return True

    def send_paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        self.pasted.append(mime.text() if mime is not None else "")
        return True


def _quick(window: MainWindow, desktop: Desktop) -> QuickAnswer:
    quick = QuickAnswer(
        window.context, page_of(window).session, desktop, own_windows=lambda: {1}, parent=window
    )
    window.destroyed.connect(quick.popup.deleteLater)
    return quick


def _set_clipboard(text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def test_the_hotkey_to_a_pasted_reply_in_few_keys_and_the_clipboard_comes_back(
    qtbot: QtBot, window: MainWindow, sample_kb: KnowledgeBase
) -> None:
    desktop = FakeDesktop()
    quick = _quick(window, desktop)
    assert desktop.hotkeys == ["Ctrl+Alt+K"] and quick.hotkey_registered
    _set_clipboard("то, что оператор скопировал сам")
    keys = 0
    with qtbot.waitSignal(quick.shown):
        desktop.hotkey_pressed.emit()  # the hotkey, from any application
    keys += 1
    popup = quick.popup
    assert popup.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.search_box)  # activation
    assert popup.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    type_text(popup.search_box, "обновить приложение")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0)
    assert popup.model.index(0).data() == "Просьба обновить приложение"
    with qtbot.waitSignal(quick.restored, timeout=5000) as restored:
        press(Qt.Key.Key_Return)  # to the template's first empty field
        keys += 1
        assert QApplication.focusWidget() is popup.form.edits["client_name"]
        type_text(popup.form.edits["client_name"], "Ирина")
        while popup.isVisible():
            press(Qt.Key.Key_Return)  # the next field, or (last field) paste
            keys += 1
    assert keys <= 5, keys  # besides the query and the value
    assert desktop.activated == [TARGET]
    assert len(desktop.pasted) == 1 and desktop.pasted[0].startswith("Ирина")
    assert restored.args == [True]
    assert QGuiApplication.clipboard().text() == "то, что оператор скопировал сам"
    copy = [event for event in events(sample_kb) if event.kind == "copy"]
    assert len(copy) == 1 and copy[0].contact == page_of(window).session.contact_id


def test_the_popup_and_the_workspace_share_the_contact(
    qtbot: QtBot, window: MainWindow
) -> None:
    quick = _quick(window, FakeDesktop())
    popup = quick.popup
    quick.summon()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.search_box)
    type_text(popup.search_box, "обновить приложение")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0)
    press(Qt.Key.Key_Return)
    type_text(popup.form.edits["client_name"], "Ирина")
    page = page_of(window)
    assert page.session.values_for(None) == {"client_name": "Ирина"}
    press(Qt.Key.Key_F8)  # next client, from the popup
    assert page.session.values_for(None) == {} and popup.search_box.text() == ""


def test_where_pasting_is_impossible_the_reply_is_copied_and_the_popup_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    reason = "Wayland does not let applications type into other windows."
    quick = _quick(window, NoDesktop(reason))
    assert not quick.hotkey_registered
    _set_clipboard("старое")
    quick.summon()  # from the tray icon
    popup = quick.popup
    qtbot.waitUntil(lambda: QApplication.focusWidget() is popup.search_box)
    assert popup.notice.isVisible() and reason in popup.notice.text()
    type_text(popup.search_box, "часы работы")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0)
    with qtbot.waitSignal(quick.delivered) as delivered:
        press(Qt.Key.Key_Return)  # an article: copied straight away
    assert delivered.args == [PasteAction.COPY.value]
    assert popup.isVisible() and "Ctrl+V" in popup.notice.text()
    assert QGuiApplication.clipboard().text() not in ("", "старое")


def test_the_paste_decision() -> None:
    assert decide(True, TARGET, {1}) == PastePlan(PasteAction.PASTE, TARGET)
    assert decide(False, TARGET, {1}) == PastePlan(PasteAction.COPY, TARGET, CopyReason.PLATFORM)
    assert decide(True, None, {1}) == PastePlan(PasteAction.COPY, None, CopyReason.NO_TARGET)
    # Opened over kbdesk itself: Ctrl+V would land in kbdesk's own search box.
    assert decide(True, 1, {1}) == PastePlan(PasteAction.COPY, 1, CopyReason.OWN_WINDOW)


def test_the_clipboard_is_restored_only_if_the_reply_is_still_there(qapp) -> None:  # type: ignore[no-untyped-def]
    keeper = ClipboardKeeper()
    _set_clipboard("моё")
    keeper.save()
    reply = QMimeData()
    reply.setText("ответ")
    keeper.put(reply)
    assert QGuiApplication.clipboard().text() == "ответ"
    assert keeper.restore() and QGuiApplication.clipboard().text() == "моё"
    keeper.save()
    reply = QMimeData()
    reply.setText("ответ")
    keeper.put(reply)
    _set_clipboard("скопировано оператором после")  # newer than what was saved
    assert not keeper.restore()
    assert QGuiApplication.clipboard().text() == "скопировано оператором после"


def test_the_hotkey_names_a_physical_key_in_either_layout() -> None:
    assert parse_hotkey("Ctrl+Alt+K") == (frozenset({"ctrl", "alt"}), "k")
    assert parse_hotkey("Ctrl+Alt+Л") == parse_hotkey("Ctrl+Alt+K")  # the same key in ЙЦУКЕН
    assert parse_hotkey("Meta+Space") == (frozenset({"super"}), "space")
    assert parse_hotkey("Ctrl+F12") == (frozenset({"ctrl"}), "f12")
    assert parse_hotkey("K") is None and parse_hotkey("Hyper+K") is None
