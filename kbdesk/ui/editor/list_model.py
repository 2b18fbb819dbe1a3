"""Every article and template as a table for the editor, and the filter over it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kbdesk.formats import local_time
from kbdesk.records import ArticleRecord, Kind, Status
from kbdesk.ui.editor.table_model import HeaderedTableModel

Index = QModelIndex | QPersistentModelIndex

TITLE, KIND, STATUS, CATEGORY, UPDATED, OWNER, REVIEW_BY, VALID_UNTIL, FEEDBACK = range(9)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE = "overdue"  # status filter value: published or draft items past their review date
QUEUE = "queue"  # status filter value: the owner's queue (expired, overdue or with feedback)
_ALERT = "#b00020"


def is_overdue(record: ArticleRecord, today: date | None = None) -> bool:
    return (
        record.review_by is not None
        and record.status != Status.ARCHIVED
        and record.review_by < (today or date.today())
    )


class ArticleListModel(HeaderedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[ArticleRecord] = []
        self._rows: dict[int, int] = {}  # article id -> row
        self._today = date.today()
        self._feedback: dict[int, int] = {}  # article id -> open feedback
        self._headers = (
            self.tr("Title"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Category"),
            self.tr("Updated"),
            self.tr("Owner"),
            self.tr("Review by"),
            self.tr("Valid until"),
            self.tr("Feedback"),
        )
        # Keyed by the StrEnum members, which equal (and hash as) the stored strings.
        self._kinds = {Kind.ARTICLE: self.tr("article"), Kind.TEMPLATE: self.tr("template")}
        self._statuses = {
            Status.DRAFT: self.tr("draft"),
            Status.PUBLISHED: self.tr("published"),
            Status.ARCHIVED: self.tr("archived"),
        }

    # -- content -----------------------------------------------------------------------------

    def set_records(self, records: Sequence[ArticleRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._today = date.today()
        self._reindex()
        self.endResetModel()

    def upsert(self, records: Sequence[ArticleRecord]) -> None:
        """Replace changed rows in place (keeps selection and scroll), append new ones."""
        for record in records:
            row = self._rows.get(record.id)
            if row is None:
                position = len(self._records)
                self.beginInsertRows(QModelIndex(), position, position)
                self._records.append(record)
                self._rows[record.id] = position
                self.endInsertRows()
            else:
                self._records[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, FEEDBACK))

    def set_feedback(self, counts: dict[int, int]) -> None:
        """Open feedback per item (from the feedback service), shown and used by the queue."""
        self._feedback = dict(counts)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, FEEDBACK))

    def open_feedback(self, article_id: int) -> int:
        return self._feedback.get(article_id, 0)

    def in_queue(self, record: ArticleRecord) -> bool:
        """Expired, past its review date or with open feedback (archived items never)."""
        if record.status == Status.ARCHIVED:
            return False
        return (
            record.expired(self._today)
            or is_overdue(record, self._today)
            or self.open_feedback(record.id) > 0
        )

    def _reindex(self) -> None:
        self._rows = {record.id: row for row, record in enumerate(self._records)}

    def record(self, row: int) -> ArticleRecord:
        return self._records[row]

    def row_of(self, article_id: int) -> int | None:
        return self._rows.get(article_id)

    # -- the Qt model ------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_key(record, column)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REVIEW_BY and is_overdue(record, self._today):
                return self.tr("Review overdue")
            if column == VALID_UNTIL and record.expired(self._today):
                return self.tr("Expired: operators see it flagged")
            if column == TITLE:
                return record.slug
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == REVIEW_BY and is_overdue(record, self._today):
                return QBrush(QColor(_ALERT))
            if column == VALID_UNTIL and record.expired(self._today):
                return QBrush(QColor(_ALERT))
            if column == FEEDBACK and self.open_feedback(record.id):
                return QBrush(QColor(_ALERT))
            if record.status == Status.ARCHIVED:
                return QBrush(QColor("#8a8a8a"))
        overdue_cell = column == REVIEW_BY and is_overdue(record, self._today)
        if role == Qt.ItemDataRole.BackgroundRole and overdue_cell:
            return QBrush(QColor("#fde7ea"))
        if role == Qt.ItemDataRole.FontRole and column == TITLE and record.status == Status.DRAFT:
            font = QFont()
            font.setItalic(True)  # drafts are not visible to operators yet
            return font
        return None

    def _display(self, record: ArticleRecord, column: int) -> str:
        if column == TITLE:
            return record.title
        if column == KIND:
            return self._kinds.get(record.kind, record.kind)
        if column == STATUS:
            return self._statuses.get(record.status, record.status)
        if column == CATEGORY:
            return record.category or ""
        if column == UPDATED:
            return local_time(record.updated_at)
        if column == OWNER:
            return record.owner or ""
        if column == REVIEW_BY:
            return record.review_by.strftime("%d.%m.%Y") if record.review_by else ""
        if column == VALID_UNTIL:
            return record.valid_until.strftime("%d.%m.%Y") if record.valid_until else ""
        if column == FEEDBACK:
            count = self.open_feedback(record.id)
            return str(count) if count else ""
        return ""

    def _sort_key(self, record: ArticleRecord, column: int) -> Any:
        if column == FEEDBACK:
            return self.open_feedback(record.id)
        if column == VALID_UNTIL:
            return record.valid_until.isoformat() if record.valid_until else "9999"
        if column == UPDATED:
            stamp = record.updated_at
            return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp()
        if column == REVIEW_BY:
            return record.review_by.isoformat() if record.review_by else "9999"
        return ArticleListModel._display_plain(record, column).casefold()

    @staticmethod
    def _display_plain(record: ArticleRecord, column: int) -> str:
        values = (
            record.title,
            record.kind,
            record.status,
            record.category or "",
            "",
            record.owner or "",
            "",
            "",
            "",
        )
        return values[column] if 0 <= column < len(values) else ""


class ArticleFilterProxy(QSortFilterProxyModel):
    """Filters by words in title, slug, category, tags and owner, and by status and kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status = ""
        self._kind = ""
        self._owner: str | None = None  # whose queue QUEUE shows
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """What the source says changed in a way the filter reads (open feedback)."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_owner(self, owner: str | None) -> None:
        """The queue shows this person's items (None: everybody's)."""
        self.beginFilterChange()
        self._owner = owner
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ArticleListModel):
            return True
        record = model.record(source_row)
        if self._kind and record.kind != self._kind:
            return False
        if self._status == OVERDUE:
            if not is_overdue(record):
                return False
        elif self._status == QUEUE:
            if not model.in_queue(record):
                return False
            if self._owner is not None and record.owner != self._owner:
                return False
        elif self._status and record.status != self._status:
            return False
        if not self._words:
            return True
        haystack = " ".join(
            (record.title, record.slug, record.category or "", record.owner or "", *record.tags)
        ).casefold()
        return all(word in haystack for word in self._words)
