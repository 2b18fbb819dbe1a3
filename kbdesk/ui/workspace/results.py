"""The result list's model: one row per hit (or pinned / recent item), with named roles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

from kbdesk.records import Kind

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultRow:
    id: int
    slug: str
    title: str
    kind: Kind
    category: str | None
    snippet: str  # escaped HTML, matched words in <mark>; "" until fetched


class ResultRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    CATEGORY = Qt.ItemDataRole.UserRole + 3
    SNIPPET = Qt.ItemDataRole.UserRole + 4
    SLUG = Qt.ItemDataRole.UserRole + 5
    PINNED = Qt.ItemDataRole.UserRole + 6
    NUMBER = Qt.ItemDataRole.UserRole + 7  # 1..9 for the Alt+N shortcuts, else 0


class ResultListModel(QAbstractListModel):
    """Hits of the current search (or the pinned / recent list)."""

    # Ids whose snippets a painted row asked for; only visible rows are painted, so this is
    # how snippets beyond the first page are fetched as they scroll into view.
    snippets_wanted = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._pinned: set[int] = set()
        self._asked: set[int] = set()
        self._wanted: list[int] = []
        self._want_timer = QTimer(self)
        self._want_timer.setSingleShot(True)
        self._want_timer.setInterval(0)
        self._want_timer.timeout.connect(self._on_want_timer)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(part for part in (row.title, row.category) if part)
        if role == ResultRole.ID:
            return row.id
        if role == ResultRole.KIND:
            return row.kind
        if role == ResultRole.CATEGORY:
            return row.category or ""
        if role == ResultRole.SLUG:
            return row.slug
        if role == ResultRole.PINNED:
            return row.id in self._pinned
        if role == ResultRole.NUMBER:
            return index.row() + 1 if index.row() < 9 else 0
        if role == ResultRole.SNIPPET:
            if not row.snippet and row.id not in self._asked:
                self._asked.add(row.id)
                self._wanted.append(row.id)
                self._want_timer.start()
            return row.snippet
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({role.value: role.name.lower().encode() for role in ResultRole})
        return names

    # -- changing the rows -------------------------------------------------------------------

    def set_rows(self, rows: list[ResultRow], *, snippets_complete: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._wanted.clear()
        self._asked = {row.id for row in rows} if snippets_complete else set()
        self.endResetModel()

    def set_snippets(self, snippets: dict[int, str]) -> None:
        for number, row in enumerate(self._rows):
            snippet = snippets.get(row.id)
            if snippet is not None and snippet != row.snippet:
                self._rows[number] = replace(row, snippet=snippet)
                index = self.index(number)
                self.dataChanged.emit(index, index, [ResultRole.SNIPPET.value])

    def set_pinned(self, pinned: set[int]) -> None:
        self._pinned = set(pinned)
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [ResultRole.PINNED.value]
            )

    def row(self, number: int) -> ResultRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_of(self, article_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == article_id:
                return number
        return -1

    def ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def _on_want_timer(self) -> None:
        wanted, self._wanted = self._wanted, []
        if wanted:
            self.snippets_wanted.emit(wanted)
