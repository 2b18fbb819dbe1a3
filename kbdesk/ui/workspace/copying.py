"""Opening and copying the selected item, and the "did this resolve it?" answer after a copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kbdesk.models import EventKind
from kbdesk.store import ArticleRecord
from kbdesk.ui.workspace.clipboard import Reply, make_reply, needs_input, put_on_clipboard
from kbdesk.ui.workspace.listing import SEARCH
from kbdesk.ui.workspace.preview import field_label

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class CopyFlow:
    """Mixed into `WorkspacePage`: what reaches the clipboard, and what the copy logs.

    Works on the page's selection (`_record`, `_origin_query`), the values typed during the
    call (`_call_values`) and the copy awaiting its resolve answer (`_copied`).
    """

    def open_current(self) -> None:
        """Enter on a result: fill a template, or copy an article straight away."""
        self._flush_preview()
        record = self._record
        if record is None:
            return
        self.tracker.viewed_now()
        if record.kind == "template" and self.form.focus_field():
            return
        self.copy_current()

    def copy_current(self) -> None:
        self._flush_preview()
        record = self._record
        if record is None:
            self._notify(translate("WorkspacePage", "Nothing selected to copy."))
            return
        values = self.form.values() if record.kind == "template" else {}
        reply = make_reply(record, self.context.channel, values, self._render_context())
        if reply.missing:
            name = reply.missing[0]
            message = translate("WorkspacePage", "Fill in «{field}» before copying.").format(
                field=field_label(name)
            )
            self.form.show_error(message)
            self.form.focus_field(name)
            self._notify(message)
            return
        self.tracker.viewed_now()
        self._copied_reply(record, reply, self._origin_query)

    def copy_row(self, number: int) -> None:
        """Alt+N: copy the N-th result when it needs no input, else open it for filling."""
        row = self.model.row(number)
        record = self._load(row.id) if row is not None else None
        if record is None:
            return
        query = self._request.text if self.mode == SEARCH and self._request else None
        if needs_input(record, self.context.channel, self._call_values):
            self.results.setCurrentIndex(self.model.index(number))
            self._flush_preview()
            self.tracker.viewed_now()
            self.form.focus_field()
            self._notify(
                translate(
                    "WorkspacePage",
                    "«{title}» needs input: fill in the fields, then press Ctrl+Enter.",
                ).format(title=record.title)
            )
            return
        reply = make_reply(record, self.context.channel, self._call_values, self._render_context())
        self._copied_reply(record, reply, query)

    def _copied_reply(self, record: ArticleRecord, reply: Reply, query: str | None) -> None:
        return_to = QApplication.focusWidget()
        put_on_clipboard(reply)
        self.tracker.flush_search()
        self.tracker.record(EventKind.COPY, record.id, query)
        self.lists.touch(record.id)
        self._copied = (record.id, query)
        channel = self.channel_labels.get(self.context.channel, self.context.channel)
        self._notify(
            translate("WorkspacePage", "Copied «{title}» ({channel})").format(
                title=record.title, channel=channel
            )
        )
        self.resolve.ask(return_to if return_to is not self.resolve else self.search_box)

    def _on_resolve_answered(self, resolved: bool) -> None:
        if self._copied is None:
            return
        article_id, query = self._copied
        self._copied = None
        kind = EventKind.RESOLVED if resolved else EventKind.NOT_RESOLVED
        self.tracker.record(kind, article_id, query)
        if resolved:
            self._call_values.clear()  # the request is done; the next client starts clean
        self._notify(
            translate("WorkspacePage", "Thanks, noted.")
            if resolved
            else translate("WorkspacePage", "Noted: not resolved.")
        )
        self.focus_search()
