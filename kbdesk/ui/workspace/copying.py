"""Opening and copying the selected item, and the "did this resolve it?" answer after a copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from kbdesk.formats import day
from kbdesk.records import ArticleRecord, EventKind
from kbdesk.replies import Reply
from kbdesk.services import AnswerService
from kbdesk.ui.context import AppContext
from kbdesk.ui.workspace.cache import RecordCache
from kbdesk.ui.workspace.clipboard import put_on_clipboard
from kbdesk.ui.workspace.focus import WorkspaceFocus
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.preview import field_label
from kbdesk.ui.workspace.previewer import Previewer
from kbdesk.ui.workspace.session import WorkspaceSession
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class ReplyCopier(QObject):
    """What reaches the clipboard, what the copy logs, and the resolve prompt that follows."""

    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        context: AppContext,
        records: RecordCache,
        lists: ShiftLists,
        tracker: UsageTracker,
        previewer: Previewer,
        focus: WorkspaceFocus,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._context = context
        self._answers: AnswerService = context.desk.answers
        self._records = records
        self._lists = lists
        self._tracker = tracker
        self._previewer = previewer
        self._focus = focus
        # The expired item whose copy was asked about: the same key again copies it.
        self._expired_asked: int | None = None
        view.pane.copy.clicked.connect(self.copy_current)
        view.form.submitted.connect(self.copy_current)
        view.results.doubleClicked.connect(self._on_double_clicked)
        view.resolve.answered.connect(self._on_resolve_answered)
        session.query_edited.connect(self._on_query_edited)
        session.record_changed.connect(self._on_record_changed)

    def open_current(self) -> None:
        """Enter on a result: fill a template, or copy an article straight away."""
        self._previewer.flush()
        record = self._session.record
        if record is None:
            return
        self._tracker.viewed_now()
        if record.is_template and self._view.form.focus_field():
            return
        self.copy_current()

    def copy_current(self) -> None:
        self._previewer.flush()
        session, form = self._session, self._view.form
        record = session.record
        if record is None:
            session.notify(translate("WorkspacePage", "Nothing selected to copy."))
            return
        values = form.values() if record.is_template else {}
        reply = self._answers.compose(record, values, self._context.operator, session.channel)
        if reply.missing:
            name = reply.missing[0]
            message = translate("WorkspacePage", "Fill in «{field}» before copying.").format(
                field=field_label(name)
            )
            form.show_error(message)
            form.focus_field(name)
            session.notify(message)
            return
        self._tracker.viewed_now()
        expired = record.expired()
        if expired and self._expired_asked != record.id:
            self._expired_asked = record.id  # one more press of the same key copies it
            session.notify(
                translate(
                    "WorkspacePage",
                    "«{title}» expired on {date}: its facts may be out of date. Press the same "
                    "key again to copy it anyway.",
                ).format(title=record.title, date=day(record.valid_until))
            )
            return
        self._expired_asked = None
        self._copy(record, reply, session.origin_query, expired=expired)

    def copy_row(self, number: int) -> None:
        """Alt+N: show the N-th result; Alt+N again copies it as it is on screen.

        Nothing reaches the clipboard that the operator has not seen: the first press selects
        the row and shows its preview (a template opens at its first empty field), the second
        copies exactly what the preview shows.
        """
        model, session = self._view.model, self._session
        row = model.row(number)
        if row is None:
            return
        current = session.record
        on_screen = self._view.pane.isVisible() and not self._previewer.waiting
        if current is not None and current.id == row.id and on_screen:
            self.copy_current()  # on screen already: copy what is shown
            return
        self._view.results.setCurrentIndex(model.index(number))
        self._previewer.flush()
        record = session.record
        if record is None or record.id != row.id:
            return
        self._tracker.viewed_now()
        values = self._view.form.values() if record.is_template else {}
        if self._answers.needs_input(record, values, self._context.operator, session.channel):
            self._view.form.focus_field()
            session.notify(
                translate(
                    "WorkspacePage",
                    "«{title}» needs input: fill in the fields, then press Ctrl+Enter.",
                ).format(title=record.title)
            )
            return
        session.notify(
            translate(
                "WorkspacePage", "«{title}» is shown: press Alt+{number} again to copy it."
            ).format(title=record.title, number=number + 1)
        )

    def _copy(
        self, record: ArticleRecord, reply: Reply, query: str | None, *, expired: bool = False
    ) -> None:
        return_to = QApplication.focusWidget()
        put_on_clipboard(reply)
        self._tracker.flush_search()
        self._tracker.record(EventKind.COPY, record.id, query)
        if expired:  # counted beside the copy, for the owner's queue
            self._tracker.expired_copy(record.id)
        self._lists.touch(record.id)
        self._session.copied(record.id, query)
        channel = self._session.channel
        self._session.notify(
            translate("WorkspacePage", "Copied «{title}» ({channel})").format(
                title=record.title, channel=self._view.channel_labels.get(channel, channel)
            )
        )
        resolve = self._view.resolve
        resolve.ask(return_to if return_to is not resolve else self._view.search_box)

    def _on_double_clicked(self, _index: object) -> None:
        self.open_current()

    def _on_record_changed(self, _typing: bool) -> None:
        self._expired_asked = None  # another item: its own expiry is asked about afresh

    def _on_query_edited(self, _text: str) -> None:
        self._view.resolve.dismiss()  # typing on means the prompt was passed over

    def _on_resolve_answered(self, resolved: bool) -> None:
        copy = self._session.pending_copy
        if copy is None:
            return
        kind = EventKind.RESOLVED if resolved else EventKind.NOT_RESOLVED
        self._tracker.record(kind, copy.article_id, copy.query)  # while the contact is on
        self._session.answer(resolved)  # either answer ends the contact
        self._session.notify(
            translate("WorkspacePage", "Thanks, noted.")
            if resolved
            else translate("WorkspacePage", "Noted: not resolved.")
        )
        self._focus.search()
