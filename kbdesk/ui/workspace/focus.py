"""Where the keyboard focus goes in the workspace: the search box, the results, the preview.

The operator works without the mouse, so after every step the focus must land where the next
key is meant to go; the rules for that live here, for the list, the copy flow and the keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from kbdesk.ui.workspace.session import WorkspaceSession
from kbdesk.ui.workspace.view import WorkspaceView


class WorkspaceFocus:
    def __init__(self, view: WorkspaceView, session: WorkspaceSession) -> None:
        self._view = view
        self._session = session

    def search(self) -> None:
        """Into the search box with its text selected: typing replaces the query."""
        search_box = self._view.search_box
        search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search_box.selectAll()

    def back_to_query(self) -> None:
        """Into the search box with the query intact and the cursor at its end (↑ from the first
        result): the next letter goes on with the query instead of replacing it."""
        search_box = self._view.search_box
        search_box.setFocus(Qt.FocusReason.BacktabFocusReason)
        search_box.deselect()
        search_box.end(False)

    def results(self) -> None:
        """Into the result list; back to the search when the list is empty."""
        if self._view.model.rowCount():
            self._view.results.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search()

    def preview(self) -> None:
        """A template's first empty field, else the text of the item."""
        record = self._session.record
        browser = self._view.browser
        if record is not None and record.is_template:
            if not self._view.form.focus_field():
                browser.setFocus()
        else:
            browser.setFocus(Qt.FocusReason.OtherFocusReason)
