"""Pre-fill from the client's message: paste it, see the templates that fit and the values found.

The operator pastes a chat message or an e-mail (Ctrl+M). kbdesk reads it locally (the answers
service's `suggest`: regular expressions and pymorphy3, no network) and shows the templates that
fit best and the values it found: name, order or contract number, phone, amount, date. Opening
a template only *offers* those values beside its fields; the operator fills them with F7 or the
button, so nothing found in a message is ever sent without being seen and accepted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kbdesk.clues import ClueKind
from kbdesk.records import Kind
from kbdesk.services import AnswerService, MessageSuggestions
from kbdesk.ui.workspace.result_view import ResultDelegate, ResultListView
from kbdesk.ui.workspace.results import ResultListModel, ResultRow
from kbdesk.ui.workspace.session import WorkspaceSession

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
READ_DELAY_MS = 200  # after the last keystroke or paste


class MessageDialog(QDialog):
    """The client's message, the values found in it and the templates that fit."""

    def __init__(self, answers: AnswerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Client's message"))
        self.resize(620, 520)
        self._answers = answers
        self.suggestions = MessageSuggestions([], [])
        self.message = QPlainTextEdit()
        self.message.setObjectName("clientMessage")
        self.message.setPlaceholderText(
            self.tr("Paste the client's chat message or e-mail here. It stays on this computer.")
        )
        self.found = QLabel()
        self.found.setObjectName("hint")
        self.found.setWordWrap(True)
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ResultListModel(self)
        self.results = ResultListView()
        self.results.setObjectName("suggestedTemplates")
        self.results.setModel(self.model)
        self.results.setItemDelegate(
            ResultDelegate({Kind.ARTICLE: self.tr("Article"), Kind.TEMPLATE: self.tr("Template")})
        )
        self.results.set_empty_text(self.tr("Templates that fit the message appear here."))
        self.results.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(
            self.tr("Open template  Ctrl+Enter")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message, 2)
        layout.addWidget(self.found)
        caption = QLabel(self.tr("Templates that fit"))
        caption.setObjectName("sectionTitle")
        layout.addWidget(caption)
        layout.addWidget(self.results, 3)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_DELAY_MS)
        self._timer.timeout.connect(self.read)
        self.message.textChanged.connect(self._timer.start)

    def read(self) -> None:
        """Read the message now (it is read by itself a moment after typing stops)."""
        self._timer.stop()
        text = self.message.toPlainText()
        try:
            self.suggestions = self._answers.suggest(text) if text.strip() else (
                MessageSuggestions([], [])
            )
        except Exception:  # a failed suggestion must never lose the operator's message
            log.exception("could not read the client's message")
            self.suggestions = MessageSuggestions([], [])
        labels = kind_labels()
        listed = " · ".join(
            f"{labels.get(clue.kind, clue.kind)}: {clue.value}" for clue in self.suggestions.clues
        )
        self.found.setText(
            self.tr("Found in the message (offered in the form, F7 fills): {values}").format(
                values=listed
            )
            if listed
            else ""
        )
        self.model.set_rows(
            [
                ResultRow(hit.id, hit.slug, hit.title, Kind(hit.kind), hit.category, "")
                for hit in self.suggestions.templates
            ],
            snippets_complete=True,
        )
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))

    def read_pending(self) -> None:
        """Read the message if it changed since it was last read (keeps the choice if not)."""
        if self._timer.isActive():
            self.read()

    def chosen(self) -> int | None:
        """The template to open: the selected suggestion, if any."""
        row = self.model.row(self.results.currentIndex().row())
        return row.id if row is not None else None

    def values(self) -> dict[str, str]:
        return {str(clue.kind): clue.value for clue in self.suggestions.clues}


def kind_labels() -> dict[str, str]:
    """What each kind of value found is called on screen."""
    return {
        ClueKind.NAME: translate("MessageDialog", "Name"),
        ClueKind.ORDER: translate("MessageDialog", "Order"),
        ClueKind.CONTRACT: translate("MessageDialog", "Contract or invoice"),
        ClueKind.REQUEST: translate("MessageDialog", "Request"),
        ClueKind.PHONE: translate("MessageDialog", "Phone"),
        ClueKind.EMAIL: translate("MessageDialog", "E-mail"),
        ClueKind.COMPANY: translate("MessageDialog", "Company"),
        ClueKind.AMOUNT: translate("MessageDialog", "Amount"),
        ClueKind.DATE: translate("MessageDialog", "Date"),
    }


class MessageReader(QObject):
    """Ctrl+M: the dialog; what it found becomes the contact's suggestions."""

    def __init__(
        self,
        parent: QWidget,
        session: WorkspaceSession,
        answers: AnswerService,
        open_item: Callable[[int], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._answers = answers
        self._open_item = open_item
        self.dialog: MessageDialog | None = None  # while open (tests drive it)

    def read(self) -> None:
        dialog = MessageDialog(self._answers, self._parent)
        self.dialog = dialog
        dialog.finished.connect(self._on_finished)
        dialog.open()

    def _on_finished(self, code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted:
            return
        dialog.read_pending()  # anything pasted a moment ago
        self._session.suggest(dialog.values())
        chosen = dialog.chosen()
        self._parent.window().activateWindow()  # the keys go back to the workspace
        if chosen is not None:
            self._open_item(chosen)
