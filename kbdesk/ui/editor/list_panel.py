"""The left side of the editor: every item, a filter box and status and kind filters."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.records import ArticleRecord, Kind, Status
from kbdesk.ui.editor.list_model import (
    CATEGORY,
    FEEDBACK,
    KIND,
    OVERDUE,
    OWNER,
    QUEUE,
    RECORD_ROLE,
    REVIEW_BY,
    STATUS,
    TITLE,
    UPDATED,
    VALID_UNTIL,
    ArticleFilterProxy,
    ArticleListModel,
)

_COLUMN_WIDTHS = {
    TITLE: 230,
    KIND: 72,
    STATUS: 82,
    CATEGORY: 140,
    UPDATED: 112,
    OWNER: 100,
    REVIEW_BY: 86,
    VALID_UNTIL: 86,
    FEEDBACK: 70,
}


class ItemListPanel(QWidget):
    """Emits `item_chosen` when the user picks a row; `select` follows the editor quietly."""

    item_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter by title, slug, tag, owner…"))
        self.filter_box.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        for label, value in (
            (self.tr("Any status"), ""),
            (self.tr("Drafts"), Status.DRAFT.value),
            (self.tr("Published"), Status.PUBLISHED.value),
            (self.tr("Archived"), Status.ARCHIVED.value),
            (self.tr("Review overdue"), OVERDUE),
            (self.tr("My queue: expired, overdue, feedback"), QUEUE),
        ):
            self.status_filter.addItem(label, value)
        self.kind_filter = QComboBox()
        for label, value in (
            (self.tr("Articles and templates"), ""),
            (self.tr("Articles"), Kind.ARTICLE.value),
            (self.tr("Templates"), Kind.TEMPLATE.value),
        ):
            self.kind_filter.addItem(label, value)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # The title gets the room; the rest are a scroll away, at widths that fit their text.
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.kind_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    def set_records(self, records: Sequence[ArticleRecord], current: int | None) -> None:
        self._quiet = True
        try:
            self.model.set_records(records)
        finally:
            self._quiet = False
        self.select(current)

    def set_feedback(self, counts: dict[int, int]) -> None:
        self.model.set_feedback(counts)
        self.proxy.refilter()

    def show_queue(self, owner: str | None) -> None:
        """The owner's queue: their items that are expired, overdue or have feedback."""
        self.proxy.set_owner(owner)
        self.status_filter.setCurrentIndex(self.status_filter.findData(QUEUE))

    def upsert(self, records: Sequence[ArticleRecord]) -> None:
        self._quiet = True
        try:
            self.model.upsert(records)
        finally:
            self._quiet = False

    def select(self, article_id: int | None) -> None:
        """Highlight the open item without asking the editor to open it again."""
        self._quiet = True
        try:
            row = self.model.row_of(article_id) if article_id is not None else None
            if row is None:
                self.table.selectionModel().clearCurrentIndex()
                self.table.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
            else:
                self.table.clearSelection()
        finally:
            self._quiet = False

    def _on_filter_changed(self, _index: int) -> None:
        self.proxy.set_status(str(self.status_filter.currentData()))
        self.proxy.set_kind(str(self.kind_filter.currentData()))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        record = current.data(RECORD_ROLE)
        if isinstance(record, ArticleRecord):
            self.item_chosen.emit(record.id)
