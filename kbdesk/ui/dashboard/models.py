"""Table models for the dashboard: one base, and one declaration of columns per figure table.

Every table is rows of one frozen figure dataclass (`kbdesk.stats`). A column says what its
header and tooltip are, which raw value it sorts and exports by, and how that value is shown
(`kbdesk.formats`); the base does all the Qt work, so each concrete model is only a list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kbdesk import formats
from kbdesk.records import Kind
from kbdesk.stats import (
    ContactStats,
    GapReason,
    GapRow,
    ItemStats,
    OperatorStats,
    StaleRow,
    TrendPoint,
)
from kbdesk.stats.export import Cell, Table

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw number or text the column sorts by
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the dataclass behind the row
PINNED_ROLE = Qt.ItemDataRole.UserRole + 3  # rows that stay on top whatever the sort
Index = QModelIndex | QPersistentModelIndex
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
PINNED_BACKGROUND = QColor(255, 244, 204)


def shown(value: Any) -> str:
    """A raw value as people read it when the column says nothing more specific."""
    if value is None or isinstance(value, datetime | date):
        return formats.when(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formats.count(value)
    return str(value)


def exported(value: Any) -> Cell:
    """A raw value as written to CSV or XLSX: numbers stay numbers, moments local and readable."""
    if isinstance(value, datetime | date):
        return formats.when(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return round(value, 4)
    return value  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    value: Callable[[T], Any]  # raw: export, and sorting unless `sort` is given
    text: Callable[[T], str] | None = None  # shown; `shown(value)` when None
    tip: str = ""
    align: Qt.AlignmentFlag = NUMBER
    sort: Callable[[T], Any] | None = None

    def display(self, row: T) -> str:
        return self.text(row) if self.text else shown(self.value(row))

    def sort_key(self, row: T) -> Any:
        return (self.sort or self.value)(row)


def text_column(title: str, value: Callable[[T], Any], tip: str = "") -> Column[T]:
    return Column(title, value, tip=tip, align=TEXT)


class StatsTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one figure dataclass; a subclass declares `name` and its columns."""

    name: ClassVar[str] = "table"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.columns: list[Column[T]] = self.make_columns()
        # The table as people name it (the page's tab title): its sheet and file in an export.
        self.title = self.name

    def make_columns(self) -> list[Column[T]]:
        raise NotImplementedError

    def pinned(self, row: T) -> bool:
        """Rows that stay on top in any sort order, shown bold on a tinted background."""
        return False

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == PINNED_ROLE:
            return self.pinned(row)
        if role == Qt.ItemDataRole.FontRole and self.pinned(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.pinned(row):
            return QBrush(PINNED_BACKGROUND)
        return None

    def table(self) -> Table:
        """The rows as exported: translated title and headers, raw values."""
        rows: list[list[Cell]] = [
            [exported(column.value(row)) for column in self.columns] for row in self._rows
        ]
        return Table(self.name, [c.title for c in self.columns], rows, self.title)


class StatsSortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE (numbers as numbers, "no value" last) and keeps pinned rows first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        left_pin, right_pin = bool(left.data(PINNED_ROLE)), bool(right.data(PINNED_ROLE))
        if left_pin != right_pin:
            return left_pin == ascending
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            # Empty cells sink to the bottom in both directions.
            return (a is not None) == ascending if (a is None) != (b is None) else False
        if isinstance(a, str) and isinstance(b, str):
            return a.casefold() < b.casefold()
        return bool(a < b)


# -- the tables ---------------------------------------------------------------------------------


class ItemTableModel(StatsTableModel[ItemStats]):
    name = "items"

    def make_columns(self) -> list[Column[ItemStats]]:
        kinds = {Kind.ARTICLE: self.tr("article"), Kind.TEMPLATE: self.tr("template")}
        return [
            text_column(self.tr("Title"), lambda i: i.title),
            text_column(self.tr("Kind"), lambda i: kinds.get(i.kind, i.kind)),
            Column(self.tr("Score"), lambda i: i.score, lambda i: formats.percent(i.score),
                   self.tr("Lower bound of the 95 % Wilson interval of the resolution rate")),
            Column(self.tr("Resolved"), lambda i: i.resolved),
            Column(self.tr("Not resolved"), lambda i: i.not_resolved),
            Column(self.tr("Rate"), lambda i: i.rate, lambda i: formats.rate(i.rate, i.outcomes),
                   self.tr("Resolved / (resolved + not resolved), with n")),
            Column(self.tr("Uses"), lambda i: i.uses, tip=self.tr("Views + copies")),
            Column(self.tr("Views"), lambda i: i.views),
            Column(self.tr("Copies"), lambda i: i.copies),
            Column(self.tr("Last use"), lambda i: i.last_used),
        ]  # fmt: skip


class TrendTableModel(StatsTableModel[TrendPoint]):
    name = "trend"

    def make_columns(self) -> list[Column[TrendPoint]]:
        return [
            Column(self.tr("From"), lambda p: p.start),
            Column(self.tr("Uses"), lambda p: p.uses),
            Column(self.tr("Resolved"), lambda p: p.resolved),
            Column(self.tr("Not resolved"), lambda p: p.not_resolved),
            Column(self.tr("Rate"), lambda p: p.rate, lambda p: formats.rate(p.rate, p.outcomes)),
        ]


class OperatorTableModel(StatsTableModel[OperatorStats]):
    name = "operators"

    def make_columns(self) -> list[Column[OperatorStats]]:
        return [
            text_column(self.tr("Operator"), self._name),
            Column(self.tr("Searches"), lambda o: o.searches),
            Column(self.tr("Views"), lambda o: o.views),
            Column(self.tr("Copies"), lambda o: o.copies),
            Column(self.tr("Resolved"), lambda o: o.resolved),
            Column(self.tr("Not resolved"), lambda o: o.not_resolved),
            Column(self.tr("Rate"), lambda o: o.rate, lambda o: formats.rate(o.rate, o.outcomes)),
            Column(self.tr("vs team"), lambda o: o.vs_team, self._versus,
                   self.tr("Difference from the team rate, in percentage points")),
        ]  # fmt: skip

    def pinned(self, row: OperatorStats) -> bool:
        return row.is_team

    def _name(self, row: OperatorStats) -> str:
        if row.is_team:
            return self.tr("Team average (%n operators)", "", row.members)
        return row.operator

    def _versus(self, row: OperatorStats) -> str:
        value = row.vs_team
        return formats.NO_DATA if value is None else self.tr("{value:+.1f} pp").format(value=value)


class GapTableModel(StatsTableModel[GapRow]):
    name = "gaps"

    def make_columns(self) -> list[Column[GapRow]]:
        reasons = {
            GapReason.NOTHING_FOUND: self.tr("nothing found"),
            GapReason.NOT_COPIED: self.tr("found, not copied"),
            GapReason.BOTH: self.tr("both"),
        }
        return [
            text_column(self.tr("Query"), lambda g: g.query),
            Column(self.tr("Missed"), lambda g: g.missed,
                   tip=self.tr("Searches that found nothing or whose results nobody copied")),
            Column(self.tr("Searches"), lambda g: g.searches),
            Column(self.tr("Nothing found"), lambda g: g.no_results),
            Column(self.tr("Not copied"), lambda g: g.not_copied),
            text_column(self.tr("Why"), lambda g: reasons[g.reason]),
            Column(self.tr("Last searched"), lambda g: g.last_searched),
        ]  # fmt: skip


class StaleTableModel(StatsTableModel[StaleRow]):
    name = "stale"

    def make_columns(self) -> list[Column[StaleRow]]:
        return [
            text_column(self.tr("Title"), lambda s: s.title),
            Column(self.tr("Uses before"), lambda s: s.uses,
                   tip=self.tr("Views + copies before the end of the period")),
            Column(self.tr("Last use"), lambda s: s.last_used),
            Column(self.tr("Review by"), lambda s: s.review_by),
            text_column(self.tr("Why"), self._why),
            text_column(self.tr("Owner"), lambda s: s.owner or ""),
        ]  # fmt: skip

    def _why(self, row: StaleRow) -> str:
        reasons = []
        if row.unused:
            reasons.append(self.tr("not used"))
        if row.review_overdue:
            reasons.append(self.tr("review overdue"))
        return ", ".join(reasons)


class ContactTableModel(StatsTableModel[ContactStats]):
    """One row, the period's calls and chats: shown above the tables, exported as a table."""

    name = "contacts"

    def make_columns(self) -> list[Column[ContactStats]]:
        return [
            Column(self.tr("Contacts"), lambda c: c.contacts, tip=self.tr(
                "Calls and chats in which the operator searched, opened or copied an answer")),
            Column(self.tr("Replies"), lambda c: c.replies, tip=self.tr("Replies copied in them")),
            Column(self.tr("Replies per contact"), lambda c: c.replies_per_contact),
        ]  # fmt: skip
