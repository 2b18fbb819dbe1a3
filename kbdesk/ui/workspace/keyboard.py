"""The workspace's keyboard: its window shortcuts, and the plain keys its search box, result
list and preview handle themselves (Esc, arrows, Enter, typing on from the list)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from kbdesk.templating import CHANNELS
from kbdesk.ui.workspace.keys import add_shortcut
from kbdesk.ui.workspace.listing import PINNED, RECENT, SEARCH

if TYPE_CHECKING:
    from kbdesk.ui.workspace.page import WorkspacePage


class WorkspaceKeys(QObject):
    """Owned by the page: decides which of the page's actions a key press means.

    Builds the shortcuts on creation; the page installs it as the event filter of its search
    box, result list and preview browser.
    """

    def __init__(self, page: WorkspacePage) -> None:
        super().__init__(page)
        self._page = page
        self._build_shortcuts()

    def _build_shortcuts(self) -> None:
        page = self._page
        add_shortcut(page, ("Ctrl+L", "F6"), page.focus_search)
        add_shortcut(page, ("Ctrl+Return", "Ctrl+Enter"), page.copy_current)
        add_shortcut(page, "Ctrl+P", partial(page._on_list_key, PINNED))
        add_shortcut(page, "Ctrl+R", partial(page._on_list_key, RECENT))
        add_shortcut(page, "Ctrl+D", page._on_toggle_pin)
        add_shortcut(page, "Ctrl+Shift+D", page._on_unpin_all)
        for number in range(1, 10):
            add_shortcut(page, f"Alt+{number}", partial(page.copy_row, number - 1))
        for number, channel in enumerate(CHANNELS):
            add_shortcut(
                page,
                (f"F{number + 2}", f"Ctrl+Shift+{number + 1}"),
                partial(page.context.set_channel, channel),
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        page = self._page
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is page.search_box and plain:
            return self._on_search_key(key)
        if watched is page.results and plain:
            return self._on_results_key(event)
        if watched is page.browser and plain and key == Qt.Key.Key_Escape:
            page._focus_results()
            return True
        return super().eventFilter(watched, event)

    def _on_search_key(self, key: int) -> bool:
        page = self._page
        if key == Qt.Key.Key_Escape:
            if page.mode != SEARCH:
                page._leave_list()
            elif page.search_box.text():
                page.clear_search()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and page.model.rowCount():
            page.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            page.tracker.flush_search()
            page.open_current()
            return True
        return False

    def _on_results_key(self, event: QKeyEvent) -> bool:
        page = self._page
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if page.mode != SEARCH:
                page._leave_list()
            else:
                page.clear_search()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            page.open_current()
            return True
        if key == Qt.Key.Key_Up and page.results.currentIndex().row() <= 0:
            page.focus_search()
            return True
        if event.text().isprintable() and event.text().strip():
            # Typing in the list goes on with the query instead of jumping between titles.
            page.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            page.search_box.insert(event.text())
            return True
        return False
