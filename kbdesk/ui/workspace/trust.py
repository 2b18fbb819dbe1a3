"""Whether the answer on screen can be trusted, and the operator's word when it cannot.

Shows under the title when the item is past its `valid_until` day, and what became of the
operator's own feedback about it; F9 sends new feedback with the query, channel and contact.
The operator's own feedback is read once and again after each report and each contact end
(one small query), not at every selection: the preview must stay instant.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QWidget

from kbdesk.formats import day
from kbdesk.records import ArticleRecord, FeedbackKind, FeedbackRecord
from kbdesk.services import FeedbackService
from kbdesk.ui.workspace.feedback_dialog import FeedbackDialog
from kbdesk.ui.workspace.pane import PreviewPane
from kbdesk.ui.workspace.session import WorkspaceSession

translate = QCoreApplication.translate

# Asks what is wrong with an item (the dialog); None when the operator cancels.
FeedbackAsk = Callable[[ArticleRecord], tuple[FeedbackKind, str] | None]


def _kind_word(kind: str) -> str:
    words = {
        FeedbackKind.OUTDATED: translate("WorkspacePage", "outdated"),
        FeedbackKind.WRONG: translate("WorkspacePage", "wrong"),
        FeedbackKind.MISSING: translate("WorkspacePage", "missing something"),
    }
    return words.get(kind, kind)


def expiry_text(record: ArticleRecord) -> str:
    if record.valid_until is None or not record.expired():
        return ""
    return translate(
        "WorkspacePage", "Expired on {date}: check the facts before sending; copying asks again."
    ).format(date=day(record.valid_until))


def feedback_text(report: FeedbackRecord | None) -> str:
    if report is None:
        return ""
    sent = translate("WorkspacePage", "Your report ({kind}, {date})").format(
        kind=_kind_word(report.kind), date=day(report.at)
    )
    if report.handled_at is None:
        return translate("WorkspacePage", "{report}: waiting for the owner.").format(report=sent)
    handled = translate("WorkspacePage", "{report}: handled by {who} on {date}.").format(
        report=sent, who=report.handled_by or "—", date=day(report.handled_at)
    )
    return f"{handled} {report.handled_note}".strip()


def ask_feedback(parent: QWidget, record: ArticleRecord) -> tuple[FeedbackKind, str] | None:
    dialog = FeedbackDialog(record.title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.kind, dialog.comment.text()


class TrustKeeper(QObject):
    """The trust line under the title, and F9."""

    def __init__(
        self,
        pane: PreviewPane,
        session: WorkspaceSession,
        feedback: FeedbackService,
        operator: Callable[[], str],
        ask: FeedbackAsk,
    ) -> None:
        super().__init__(pane)
        self._pane = pane
        self._session = session
        self._feedback = feedback
        self._operator = operator
        self._ask = ask
        self._mine: dict[int, FeedbackRecord] | None = None  # article id -> my latest report
        pane.report.clicked.connect(self.report)
        session.record_changed.connect(self._on_record_changed)
        session.contact_ended.connect(self._on_contact_ended)

    def refresh(self) -> None:
        """Read my feedback again; tell me about reports handled since the last read."""
        before = self._mine
        try:
            rows = self._feedback.sent_by(self._operator())
        except Exception:  # the window must survive a database hiccup; try next time
            return
        mine: dict[int, FeedbackRecord] = {}
        for row in rows:  # newest first: the first per item wins
            mine.setdefault(row.article_id, row)
        self._mine = mine
        if before is not None:
            newly = [
                row
                for article_id, row in mine.items()
                if row.handled and not getattr(before.get(article_id), "handled", True)
            ]
            if newly:  # the newest one is named; the trust line shows each on its item
                self._session.notify(
                    translate("WorkspacePage", "Your report was handled by {who}.").format(
                        who=newly[0].handled_by or "—"
                    )
                )
        self.show_current()

    def show_current(self) -> None:
        record = self._session.record
        if record is None:
            self._pane.set_trust("")
            return
        if self._mine is None:
            self.refresh()
            return
        parts = (expiry_text(record), feedback_text(self._mine.get(record.id)))
        self._pane.set_trust(" ".join(part for part in parts if part))

    def report(self) -> None:
        """F9: feedback about the item on screen, with the query, channel and contact."""
        record = self._session.record
        if record is None:
            self._session.notify(translate("WorkspacePage", "Nothing selected to report on."))
            return
        answer = self._ask(record)
        if answer is None:
            return
        kind, comment = answer
        session = self._session
        try:
            self._feedback.send(
                record.id,
                self._operator(),
                kind,
                comment,
                query=session.origin_query,
                channel=session.channel,
                contact=session.contact_id,
            )
        except Exception as error:  # the item was deleted, the database is away
            session.notify(translate("WorkspacePage", "Not sent: {error}").format(error=error))
            return
        session.notify(
            translate("WorkspacePage", "Thanks: «{title}» is in its owner's queue.").format(
                title=record.title
            )
        )
        self.refresh()

    def _on_record_changed(self, _typing: bool) -> None:
        self.show_current()

    def _on_contact_ended(self, *_args: object) -> None:
        self.refresh()
