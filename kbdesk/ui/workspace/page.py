"""The operator workspace: find, fill, copy, resolve, from the keyboard.

The page puts the parts together and answers the main window. Its state is the session's
(`session`); the layout is `WorkspaceView`'s; the result list is filled by `ResultListing`, the
preview by `Previewer`, copies made by `ReplyCopier`, pins by `Pinning`, contacts ended and
begun by `ContactKeeper`, the client's message read by `MessageReader`, and keys are read by
`WorkspaceKeys`. Each part observes the session and calls the others' public methods only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from kbdesk.templating import CHANNELS
from kbdesk.ui.context import AppContext
from kbdesk.ui.workspace.cache import RecordCache
from kbdesk.ui.workspace.contact import ContactKeeper
from kbdesk.ui.workspace.copying import ReplyCopier
from kbdesk.ui.workspace.focus import WorkspaceFocus
from kbdesk.ui.workspace.keyboard import WorkspaceKeys
from kbdesk.ui.workspace.keys import add_shortcut
from kbdesk.ui.workspace.listing import ResultListing
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.message import MessageReader
from kbdesk.ui.workspace.pins import Pinning
from kbdesk.ui.workspace.previewer import Previewer
from kbdesk.ui.workspace.session import ListMode, WorkspaceSession
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.trust import TrustKeeper, ask_feedback
from kbdesk.ui.workspace.view import WorkspaceView


class WorkspacePage(QWidget):
    """Where the operator answers from."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.view = WorkspaceView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        view = self.view
        # The widgets the main window and the tests drive, under their old names.
        self.search_box = view.search_box
        self.channel_group = view.channel_group
        self.channel_labels = view.channel_labels
        self.mode_label = view.mode_label
        self.reading_label = view.reading_label
        self.degraded_label = view.degraded_label
        self.model = view.model
        self.results = view.results
        self.pane = view.pane
        self.form = view.form
        self.browser = view.browser
        self.resolve = view.resolve
        self.splitter = view.splitter

        self.session = WorkspaceSession(context.channel, self)
        self.lists = ShiftLists(context.settings, lambda: context.operator)
        self.tracker = UsageTracker(
            context.desk.answers,
            lambda: context.operator,
            lambda: self.session.channel,
            self._attending,
            lambda: self.session.contact_id,
            self,
        )
        self._records = RecordCache(context.desk.content, self.session.notify)
        self._focus = WorkspaceFocus(view, self.session)
        self.previewer = Previewer(view, self.session, context, self._records, self.lists)
        self.listing = ResultListing(
            view, self.session, context, self._records, self.lists, self.tracker, self._focus
        )
        self.pinning = Pinning(view, self.session, self.lists, self.listing)
        self.copier = ReplyCopier(
            view,
            self.session,
            context,
            self._records,
            self.lists,
            self.tracker,
            self.previewer,
            self._focus,
        )
        self.contacts = ContactKeeper(
            view, self.session, self.tracker, self.listing, self.previewer, context.settings
        )
        self.messages = MessageReader(
            self, self.session, context.desk.answers, self.show_article
        )
        self.trust = TrustKeeper(
            view.pane,
            self.session,
            context.desk.feedback,
            lambda: context.operator,
            lambda record: ask_feedback(self, record),
        )
        add_shortcut(view, "F9", self.trust.report)
        view.message_button.clicked.connect(self.messages.read)
        view.next_button.clicked.connect(self.contacts.next_client)
        self.keyboard = WorkspaceKeys(
            view,
            self.session,
            self.listing,
            self.pinning,
            self.copier,
            self._focus,
            self.tracker,
            context.set_channel,
            self.previewer,
            self.contacts,
            self.messages.read,
        )
        self._focused_once = False
        self._connect()
        self._restore_state()
        self.listing.run_search()

    def _connect(self) -> None:
        session = self.session
        session.selected.connect(self._on_selected)
        session.message.connect(self._on_message)
        session.channel_changed.connect(self._on_session_channel_changed)
        self.channel_group.idClicked.connect(self._on_channel_clicked)
        self.form.escape_pressed.connect(self._focus.results)
        self.tracker.failed.connect(session.notify)
        self.context.content_changed.connect(self._on_content_changed)
        self.context.channel_changed.connect(session.set_channel)
        self.context.operator_changed.connect(self._on_operator_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]
        self._on_session_channel_changed(session.channel)

    # -- what the main window and the tests use ----------------------------------------------

    @property
    def mode(self) -> ListMode:
        return self.session.mode

    @property
    def last_message(self) -> str:
        return self.session.last_message

    def show_article(self, article_id: int) -> None:
        """Called by the main window when another page asks to open an item."""
        record = self._records.load(article_id)
        if record is None:
            self.session.notify(self.tr("That item no longer exists."))
            return
        row = self.model.row_of(article_id)
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))
        else:
            self.session.select(record, None)
        self._focus.preview()
        self.tracker.viewed_now()

    def focus_search(self) -> None:
        self._focus.search()

    # -- the session, the context ------------------------------------------------------------

    def _on_selected(self) -> None:
        record = self.session.record
        self.tracker.shown(record.id if record else None, self.session.origin_query)

    def _on_message(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)

    def _on_channel_clicked(self, number: int) -> None:
        self.context.set_channel(CHANNELS[number])

    def _on_session_channel_changed(self, channel: str) -> None:
        button = self.channel_group.button(CHANNELS.index(channel))
        if button is not None:
            button.setChecked(True)

    def _on_operator_changed(self) -> None:
        self.listing.mark_pins()
        if self.session.mode != ListMode.SEARCH:
            self.listing.show_list(self.session.mode)
        self.previewer.render()

    def _on_content_changed(self, ids: list[int]) -> None:
        self._records.clear()
        self.previewer.reload(ids)
        self.listing.refresh()
        self.trust.show_current()  # a new valid-until date applies at once

    # -- focus -------------------------------------------------------------------------------

    def _attending(self) -> bool:
        """Not while typing the query: the top hit flashing by is not a view."""
        return QApplication.focusWidget() is not self.search_box

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not self.search_box:
            self.previewer.flush()
        if new is not None and new is not self.search_box and self.isAncestorOf(new):
            self.tracker.attend()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self._focus.search)

    # -- window state ------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        for key, splitter in (
            ("workspace/splitter", self.splitter),
            ("workspace/form_splitter", self.form.splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
            elif splitter is self.splitter:
                splitter.setSizes([460, 600])  # at 1024 px the titles still read

    def save_state(self) -> None:
        self.tracker.flush_search()
        self.context.settings.setValue("workspace/splitter", self.splitter.saveState())
        self.context.settings.setValue("workspace/form_splitter", self.form.splitter.saveState())
