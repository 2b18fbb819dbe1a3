"""The revisions of one item: who saved when, the diff between any two, restoring one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.content import ContentItem
from kbdesk.diffing import item_diff_html
from kbdesk.formats import local_time
from kbdesk.records import RevisionRecord
from kbdesk.ui.browser import SafeBrowser
from kbdesk.ui.editor.table_model import HeaderedTableModel
from kbdesk.ui.i18n import revision_note

Index = QModelIndex | QPersistentModelIndex
NUMBER, AUTHOR, WHEN, NOTE = range(4)


class RevisionTableModel(HeaderedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._revisions: list[RevisionRecord] = []
        self._headers = (self.tr("#"), self.tr("Author"), self.tr("Saved"), self.tr("Note"))

    def set_revisions(self, revisions: Sequence[RevisionRecord]) -> None:
        self.beginResetModel()
        self._revisions = list(revisions)  # newest first, as the store returns them
        self.endResetModel()

    def revision(self, row: int) -> RevisionRecord:
        return self._revisions[row]

    def older_than(self, row: int) -> RevisionRecord | None:
        return self._revisions[row + 1] if row + 1 < len(self._revisions) else None

    def row_total(self) -> int:
        return len(self._revisions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._revisions):
            return None
        revision = self._revisions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == NUMBER:
                return str(revision.number)
            if column == AUTHOR:
                return revision.author
            if column == WHEN:
                return local_time(revision.created_at)
            if column == NOTE:
                return revision_note(revision.note)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HistoryDialog(QDialog):
    """Select one revision to compare it with the one before; select two to compare them."""

    def __init__(
        self,
        title: str,
        load: Callable[[], list[RevisionRecord]],
        restore: Callable[[int], bool],
        *,
        can_restore: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._restore = restore
        self.setWindowTitle(self.tr("History of “{title}”").format(title=title))
        self.resize(1000, 640)
        self.model = RevisionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("Ctrl+click a second revision to compare the two"))
        self.compared = QLabel()
        self.diff = SafeBrowser()
        self.restore_button = QPushButton(self.tr("&Restore this revision"))
        self.restore_button.setToolTip(
            self.tr("Saves the selected revision as a new one; nothing is lost")
        )
        self.restore_button.setVisible(can_restore)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.compared)
        column.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_revisions(self._load())
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.select_rows([0])
        else:
            self._on_selection_changed()

    def select_rows(self, rows: Sequence[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.selected_rows()
        self.restore_button.setEnabled(len(rows) == 1 and rows[0] != 0)
        if not rows:
            self.compared.setText(self.tr("Select a revision."))
            self.diff.clear()
            return
        newer = self.model.revision(rows[0])
        older = self.model.revision(rows[-1]) if len(rows) > 1 else self.model.older_than(rows[0])
        if older is None:
            before = ContentItem(slug=newer.item.slug, title="", status=newer.item.status)
            label = self.tr("Revision {number} is the first one.").format(number=newer.number)
            old_label = self.tr("nothing")
        else:
            before = older.item
            label = self.tr("Changes from revision {old} to revision {new}").format(
                old=older.number, new=newer.number
            )
            old_label = self.tr("revision {number}").format(number=older.number)
        self.compared.setText(label)
        self.diff.setHtml(
            item_diff_html(
                before,
                newer.item,
                old_label=old_label,
                new_label=self.tr("revision {number}").format(number=newer.number),
                same_text=self.tr("No differences."),
            )
        )

    def _on_restore_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        if self._restore(self.model.revision(rows[0]).number):
            self.reload()
