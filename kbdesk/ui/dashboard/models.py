"""Table models for the dashboard: one row per figure dataclass, sorted by raw values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kbdesk.stats import GapReason, GapRow, ItemStats, OperatorStats, StaleRow, TrendPoint
from kbdesk.stats.export import Cell, Table

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw number or text the column sorts by
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the dataclass behind the row
PINNED_ROLE = Qt.ItemDataRole.UserRole + 3  # rows that stay on top whatever the sort
Index = QModelIndex | QPersistentModelIndex
NUMERIC = (int, float)


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    value: Callable[[T], Any]  # raw: sorting and export
    text: Callable[[T], str] | None = None  # shown; str(value) when None
    tip: str = ""


def when(moment: datetime | date | None) -> str:
    """Local time for people; the stored value stays UTC."""
    if moment is None:
        return "—"
    if isinstance(moment, datetime):
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


class StatsTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one figure dataclass; columns declared by subclasses in `make_columns`."""

    name = "table"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.columns: list[Column[T]] = self.make_columns()

    def make_columns(self) -> list[Column[T]]:
        raise NotImplementedError

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
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item) if column.text else _plain(column.value(item))
        if role == SORT_ROLE:
            return column.value(item)
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole:
            raw = column.value(item)
            if raw is None or (isinstance(raw, NUMERIC) and not isinstance(raw, bool)):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return self.extra_data(item, role)

    def extra_data(self, item: T, role: int) -> Any:
        return None

    def table(self) -> Table:
        """The rows as exported: translated headers, raw values."""
        rows: list[list[Cell]] = [
            [_export(column.value(item)) for column in self.columns] for item in self._rows
        ]
        return Table(self.name, [c.title for c in self.columns], rows)


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return number(value)
    return str(value)


def _export(value: Any) -> Cell:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, bool):
        return int(value)
    return value  # type: ignore[no-any-return]


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


class ItemTableModel(StatsTableModel[ItemStats]):
    name = "items"

    def make_columns(self) -> list[Column[ItemStats]]:
        kinds = {"article": self.tr("article"), "template": self.tr("template")}
        return [
            Column(self.tr("Title"), lambda i: i.title),
            Column(self.tr("Kind"), lambda i: kinds.get(i.kind, i.kind)),
            Column(self.tr("Score"), lambda i: i.score, lambda i: percent(i.score),
                   self.tr("Lower bound of the 95 % Wilson interval of the resolution rate")),
            Column(self.tr("Resolved"), lambda i: i.resolved),
            Column(self.tr("Not resolved"), lambda i: i.not_resolved),
            Column(self.tr("Rate"), lambda i: i.rate, lambda i: rate_text(i.rate, i.outcomes),
                   self.tr("Resolved / (resolved + not resolved), with n")),
            Column(self.tr("Uses"), lambda i: i.uses, tip=self.tr("Views + copies")),
            Column(self.tr("Views"), lambda i: i.views),
            Column(self.tr("Copies"), lambda i: i.copies),
            Column(self.tr("Last use"), lambda i: i.last_used, lambda i: when(i.last_used)),
        ]


def rate_text(rate: float | None, outcomes: int) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} % (n={outcomes})"


class TrendTableModel(StatsTableModel[TrendPoint]):
    name = "trend"

    def make_columns(self) -> list[Column[TrendPoint]]:
        return [
            Column(self.tr("From"), lambda p: p.start, lambda p: when(p.start)),
            Column(self.tr("Uses"), lambda p: p.uses),
            Column(self.tr("Resolved"), lambda p: p.resolved),
            Column(self.tr("Not resolved"), lambda p: p.not_resolved),
            Column(self.tr("Rate"), lambda p: p.rate, lambda p: rate_text(p.rate, p.outcomes)),
        ]


class OperatorTableModel(StatsTableModel[OperatorStats]):
    name = "operators"

    def make_columns(self) -> list[Column[OperatorStats]]:
        return [
            Column(self.tr("Operator"), self._name),
            Column(self.tr("Searches"), lambda o: o.searches),
            Column(self.tr("Views"), lambda o: o.views),
            Column(self.tr("Copies"), lambda o: o.copies),
            Column(self.tr("Resolved"), lambda o: o.resolved),
            Column(self.tr("Not resolved"), lambda o: o.not_resolved),
            Column(self.tr("Rate"), lambda o: o.rate, lambda o: rate_text(o.rate, o.outcomes)),
            Column(self.tr("vs team"), lambda o: o.vs_team, self._versus,
                   self.tr("Difference from the team rate, in percentage points")),
        ]

    def _name(self, row: OperatorStats) -> str:
        if row.is_team:
            return self.tr("Team average (%n operators)", "", row.members)
        return row.operator

    def _versus(self, row: OperatorStats) -> str:
        value = row.vs_team
        return "—" if value is None else self.tr("{value:+.1f} pp").format(value=value)

    def extra_data(self, item: OperatorStats, role: int) -> Any:
        if role == PINNED_ROLE:
            return item.is_team
        if item.is_team and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if item.is_team and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(255, 244, 204))
        return None


class GapTableModel(StatsTableModel[GapRow]):
    name = "gaps"

    def make_columns(self) -> list[Column[GapRow]]:
        reasons = {
            GapReason.NOTHING_FOUND: self.tr("nothing found"),
            GapReason.NOT_COPIED: self.tr("found, not copied"),
            GapReason.BOTH: self.tr("both"),
        }
        return [
            Column(self.tr("Query"), lambda g: g.query),
            Column(self.tr("Missed"), lambda g: g.missed,
                   tip=self.tr("Searches that found nothing or whose results nobody copied")),
            Column(self.tr("Searches"), lambda g: g.searches),
            Column(self.tr("Nothing found"), lambda g: g.no_results),
            Column(self.tr("Not copied"), lambda g: g.not_copied),
            Column(self.tr("Why"), lambda g: reasons[g.reason]),
            Column(self.tr("Last searched"), lambda g: g.last_searched,
                   lambda g: when(g.last_searched)),
        ]


class StaleTableModel(StatsTableModel[StaleRow]):
    name = "stale"

    def make_columns(self) -> list[Column[StaleRow]]:
        return [
            Column(self.tr("Title"), lambda s: s.title),
            Column(self.tr("Uses before"), lambda s: s.uses,
                   tip=self.tr("Views + copies before the end of the period")),
            Column(self.tr("Last use"), lambda s: s.last_used, lambda s: when(s.last_used)),
            Column(self.tr("Review by"), lambda s: s.review_by, lambda s: when(s.review_by)),
            Column(self.tr("Why"), self._why),
            Column(self.tr("Owner"), lambda s: s.owner or ""),
        ]

    def _why(self, row: StaleRow) -> str:
        reasons = []
        if row.unused:
            reasons.append(self.tr("not used"))
        if row.review_overdue:
            reasons.append(self.tr("review overdue"))
        return ", ".join(reasons)
