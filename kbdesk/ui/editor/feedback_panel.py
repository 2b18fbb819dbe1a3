"""Operators' feedback about the open item, and marking it handled (the owner's queue).

Shown above the editor only while the item has feedback nobody handled; the operator who sent
it sees in the workspace when it was handled and with what note.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.formats import local_time
from kbdesk.records import FeedbackKind, FeedbackRecord
from kbdesk.ui.editor.table_model import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex
WHEN, WHO, KIND, COMMENT, QUERY = range(5)
FEEDBACK_ROLE = Qt.ItemDataRole.UserRole + 1


class FeedbackListModel(HeaderedTableModel):
    """Open feedback of one item, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FeedbackRecord] = []
        self._headers = (
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Comment"),
            self.tr("Query, channel"),
        )
        self._kinds = {
            FeedbackKind.OUTDATED: self.tr("outdated"),
            FeedbackKind.WRONG: self.tr("wrong"),
            FeedbackKind.MISSING: self.tr("missing something"),
        }

    def set_feedback(self, rows: Sequence[FeedbackRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def feedback(self, row: int) -> FeedbackRecord:
        return self._rows[row]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == FEEDBACK_ROLE:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == WHEN:
            return local_time(row.at)
        if column == WHO:
            return row.operator
        if column == KIND:
            return self._kinds.get(row.kind, row.kind)
        if column == COMMENT:
            return row.comment
        if column == QUERY:
            return ", ".join(part for part in (row.query, row.channel) if part)
        return None


class FeedbackPanel(QWidget):
    """The open item's feedback with a note and *Mark handled* for the selected one."""

    handle_requested = Signal(int, str)  # feedback id, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FeedbackListModel(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #b00020;")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was done (the operator sees it)"))
        self.handle_button = QPushButton(self.tr("Mark &handled"))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.handle_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.handle_button.clicked.connect(self._on_handle_clicked)
        self.hide()

    def set_feedback(self, rows: Sequence[FeedbackRecord], can_handle: bool) -> None:
        self.model.set_feedback(rows)
        self.title.setText(self.tr("Operators' feedback not handled yet: %n", "", len(rows)))
        self.handle_button.setEnabled(can_handle and bool(rows))
        self.note.setEnabled(can_handle and bool(rows))
        if rows:
            self.table.selectRow(0)
        self.setVisible(bool(rows))

    def _on_handle_clicked(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = index.data(FEEDBACK_ROLE)
        if isinstance(row, FeedbackRecord):
            self.handle_requested.emit(row.id, self.note.text().strip())
            self.note.clear()
