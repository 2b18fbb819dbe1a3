"""Pinning the selected item for the shift (Ctrl+D, the pin button) and unpinning them all."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from kbdesk.ui.workspace.listing import ResultListing
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.session import ListMode, WorkspaceSession
from kbdesk.ui.workspace.view import WorkspaceView

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class Pinning(QObject):
    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        lists: ShiftLists,
        listing: ResultListing,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._lists = lists
        self._listing = listing
        view.pane.pin.clicked.connect(self.toggle)

    def toggle(self) -> None:
        record = self._session.record
        if record is None:
            return
        pinned = self._lists.toggle_pin(record.id)
        self._view.pane.set_pinned(pinned)
        self._listing.mark_pins()
        self._session.notify(
            (
                translate("WorkspacePage", "Pinned «{title}»")
                if pinned
                else translate("WorkspacePage", "Unpinned «{title}»")
            ).format(title=record.title)
        )
        self._reload_pinned_list()

    def unpin_all(self) -> None:
        self._lists.unpin_all()
        self._listing.mark_pins()
        self._view.pane.set_pinned(False)
        self._session.notify(translate("WorkspacePage", "All pins removed"))
        self._reload_pinned_list()

    def _reload_pinned_list(self) -> None:
        if self._session.mode == ListMode.PINNED:
            self._listing.show_list(ListMode.PINNED)
