"""Where one contact (a call or a chat) ends and the next begins, and what that clears.

A contact ends when the operator answers "did it resolve?" (Y or N), presses the "next client"
key, or leaves the workspace idle for the time set in the settings. Then everything typed in it
goes: the search box, the form, the suggestions from the client's message; the resolve prompt
is dismissed; its searches are logged with it and, if nothing was copied, marked abandoned.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer

from kbdesk.ui.workspace.listing import ResultListing
from kbdesk.ui.workspace.previewer import Previewer
from kbdesk.ui.workspace.session import Contact, ContactEnd, WorkspaceSession
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView

IDLE_KEY = "contact/idle_minutes"
DEFAULT_IDLE_MINUTES = 10

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


def idle_minutes(settings: QSettings) -> int:
    """The idle time after which a contact ends by itself; 0: never."""
    try:
        return max(0, int(str(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES))))
    except ValueError:
        return DEFAULT_IDLE_MINUTES


class ContactKeeper(QObject):
    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        tracker: UsageTracker,
        listing: ResultListing,
        previewer: Previewer,
        settings: QSettings,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._tracker = tracker
        self._listing = listing
        self._previewer = previewer
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self.set_idle_minutes(idle_minutes(settings))
        session.touched.connect(self._on_touched)
        session.contact_ended.connect(self._on_contact_ended)

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_ms(max(0, minutes) * 60_000)

    def set_idle_ms(self, milliseconds: int) -> None:
        """The idle time in milliseconds (tests use a short one); 0 turns it off."""
        self._idle.stop()
        self._idle.setInterval(milliseconds)
        if milliseconds and self._session.contact.active:
            self._idle.start()

    def next_client(self) -> None:
        """The "next client" key: this contact is over, whatever it was."""
        self._session.end_contact(ContactEnd.NEXT)

    def _on_touched(self) -> None:
        if self._idle.interval() > 0:
            self._idle.start()

    def _on_idle(self) -> None:
        if self._session.contact.active:
            self._session.end_contact(ContactEnd.IDLE)

    def _on_contact_ended(self, ended: Contact, reason: str) -> None:
        self._idle.stop()
        self._tracker.contact_ended(ended.id)
        self._view.resolve.dismiss()
        self._listing.clear_search()
        self._previewer.render()  # the form again, with nothing of the contact that ended
        messages = {
            ContactEnd.NEXT: translate("WorkspacePage", "Next client: the fields are empty."),
            ContactEnd.IDLE: translate(
                "WorkspacePage", "The contact ended after the idle time: the fields are empty."
            ),
        }
        text = messages.get(ContactEnd(reason))
        if text:
            self._session.notify(text)
