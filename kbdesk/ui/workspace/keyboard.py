"""The workspace's keyboard: its window shortcuts, and the plain keys its search box, result
list and preview handle themselves (Esc, arrows, Enter, typing on from the list)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from kbdesk.templating import CHANNELS
from kbdesk.ui.workspace.contact import ContactKeeper
from kbdesk.ui.workspace.copying import ReplyCopier
from kbdesk.ui.workspace.focus import WorkspaceFocus
from kbdesk.ui.workspace.keys import add_shortcut
from kbdesk.ui.workspace.listing import ResultListing
from kbdesk.ui.workspace.pins import Pinning
from kbdesk.ui.workspace.previewer import Previewer
from kbdesk.ui.workspace.session import ListMode, WorkspaceSession
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView


class WorkspaceKeys(QObject):
    """Decides which action a key press means, and asks the part that owns the action.

    Builds the shortcuts on creation and filters the keys of the search box, the result list
    and the preview browser.
    """

    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        listing: ResultListing,
        pinning: Pinning,
        copier: ReplyCopier,
        focus: WorkspaceFocus,
        tracker: UsageTracker,
        set_channel: Callable[[str], None],
        previewer: Previewer,
        contacts: ContactKeeper,
        read_message: Callable[[], None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._listing = listing
        self._copier = copier
        self._focus = focus
        self._tracker = tracker
        self._previewer = previewer
        add_shortcut(view, ("Ctrl+L", "F6"), focus.search)
        add_shortcut(view, ("F8", "Ctrl+Shift+N"), contacts.next_client)
        add_shortcut(view, "Ctrl+M", read_message)
        add_shortcut(view, "F7", previewer.accept_suggestions)
        add_shortcut(view, "Alt+Left", previewer.go_back)
        add_shortcut(view, "Alt+Right", previewer.go_forward)
        add_shortcut(view, ("Ctrl+Return", "Ctrl+Enter"), copier.copy_current)
        add_shortcut(view, "Ctrl+P", partial(listing.toggle_list, ListMode.PINNED))
        add_shortcut(view, "Ctrl+R", partial(listing.toggle_list, ListMode.RECENT))
        add_shortcut(view, "Ctrl+D", pinning.toggle)
        add_shortcut(view, "Ctrl+Shift+D", pinning.unpin_all)
        for number in range(1, 10):
            add_shortcut(view, f"Alt+{number}", partial(copier.copy_row, number - 1))
        for number, channel in enumerate(CHANNELS):
            add_shortcut(
                view, (f"F{number + 2}", f"Ctrl+Shift+{number + 1}"), partial(set_channel, channel)
            )
        for watched in (view.search_box, view.results, view.browser):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        view = self._view
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is view.search_box and plain:
            return self._on_search_key(key)
        if watched is view.results and plain:
            return self._on_results_key(event)
        if watched is view.browser and plain and key == Qt.Key.Key_Escape:
            self._focus.results()
            return True
        if watched is view.browser and plain and key == Qt.Key.Key_Backspace:
            self._previewer.go_back()
            return True
        return super().eventFilter(watched, event)

    def _on_search_key(self, key: int) -> bool:
        view = self._view
        if key == Qt.Key.Key_Escape:
            if self._session.mode != ListMode.SEARCH:
                self._listing.leave_list()
            elif view.search_box.text():
                self._listing.clear_search()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and view.model.rowCount():
            view.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._tracker.flush_search()
            self._copier.open_current()
            return True
        return False

    def _on_results_key(self, event: QKeyEvent) -> bool:
        view = self._view
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self._session.mode != ListMode.SEARCH:
                self._listing.leave_list()
            else:
                self._listing.clear_search()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._copier.open_current()
            return True
        if key == Qt.Key.Key_Up and view.results.currentIndex().row() <= 0:
            self._focus.back_to_query()
            return True
        if event.text().isprintable() and event.text().strip():
            # Typing in the list goes on with the query instead of jumping between titles.
            view.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            view.search_box.insert(event.text())
            return True
        return False
