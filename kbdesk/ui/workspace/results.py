"""The result list: one model row per hit, painted by a delegate (no widget per row)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
MARK_STYLE = "background-color:#ffe08a;color:#1f1f1f;"


@dataclass(frozen=True)
class ResultRow:
    id: int
    slug: str
    title: str
    kind: str  # "article" or "template"
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


@dataclass(frozen=True)
class _Fonts:
    """What painting a row needs of the list's font, worked out once per font."""

    title: QFont
    title_metrics: QFontMetrics
    body_metrics: QFontMetrics
    badge: QFont
    badge_metrics: QFontMetrics
    number_width: int

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        title = QFont(font)
        title.setWeight(QFont.Weight.DemiBold)
        badge = QFont(font)
        badge.setPointSizeF(max(font.pointSizeF() * 0.82, 7.0))
        badge.setWeight(QFont.Weight.DemiBold)
        body = QFontMetrics(font)
        return cls(
            title=title,
            title_metrics=QFontMetrics(title),
            body_metrics=body,
            badge=badge,
            badge_metrics=QFontMetrics(badge),
            number_width=body.horizontalAdvance("9") + 8,
        )


class ResultDelegate(QStyledItemDelegate):
    """Number · kind badge · title … category, and two lines of snippet with highlights."""

    PAD_X = 10
    PAD_Y = 7
    SNIPPET_LINES = 2

    def __init__(self, kind_labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind_labels = kind_labels
        self._documents: dict[tuple[str, int, bool], QTextDocument] = {}
        self._fonts: dict[str, _Fonts] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        fonts = self._fonts_for(option.font)
        height = (
            2 * self.PAD_Y
            + fonts.title_metrics.height()
            + 4
            + self.SNIPPET_LINES * fonts.body_metrics.lineSpacing()
        )
        return QSize(200, height)

    def _fonts_for(self, font: QFont) -> _Fonts:
        """Fonts and metrics per base font: building them for every row cost a frame."""
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _Fonts.of(font)
        return fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if style is not None:
            # The native panel draws selection and hover the way the platform does.
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        faint = QColor(text_color)
        faint.setAlphaF(0.62)
        rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        fonts = self._fonts_for(option.font)
        title_font, title_metrics = fonts.title, fonts.title_metrics
        line = QRect(rect.left(), rect.top(), rect.width(), title_metrics.height())

        number = index.data(ResultRole.NUMBER)
        painter.setFont(option.font)
        painter.setPen(faint)
        number_width = fonts.number_width
        if number:
            painter.drawText(line, Qt.AlignmentFlag.AlignVCenter, str(number))
        left = line.left() + number_width

        kind = str(index.data(ResultRole.KIND))
        left = self._paint_badge(painter, fonts, QRect(left, line.top(), 0, line.height()), kind)

        category = str(index.data(ResultRole.CATEGORY) or "")
        category_width = 0
        if category:
            metrics = fonts.body_metrics
            category = metrics.elidedText(category, Qt.TextElideMode.ElideRight, rect.width() // 3)
            category_width = metrics.horizontalAdvance(category) + 12
            painter.setPen(faint)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             category)

        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if index.data(ResultRole.PINNED):
            title = "★ " + title
        title_rect = QRect(left, line.top(), line.right() - left - category_width, line.height())
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )

        snippet = str(index.data(ResultRole.SNIPPET) or "")
        if snippet:
            top = line.bottom() + 4
            area = QRect(rect.left() + number_width, top, rect.width() - number_width,
                         rect.bottom() - top)
            document = self._document(snippet, area.width(), selected, faint, option.font)
            painter.translate(area.topLeft())
            painter.setClipRect(QRect(0, 0, area.width(), area.height()))
            document.drawContents(painter)
        painter.restore()

    def _paint_badge(self, painter: QPainter, fonts: _Fonts, at: QRect, kind: str) -> int:
        font, metrics = fonts.badge, fonts.badge_metrics
        label = self._kind_labels.get(kind, kind)
        width = metrics.horizontalAdvance(label) + 12
        height = metrics.height() + 2
        badge = QRect(at.left(), at.top() + (at.height() - height) // 2, width, height)
        background, foreground = (
            ("#dff3ee", "#0b6b57") if kind == "template" else ("#e4ecfb", "#2451a6")
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(font)
        painter.setPen(QColor(foreground))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return badge.right() + 9

    def _document(
        self, snippet: str, width: int, selected: bool, color: QColor, font: QFont
    ) -> QTextDocument:
        # Keyed by the text itself: while a word is typed, the same rows often come back with
        # the same highlighted words, and laying out their documents again costs a frame.
        key = (snippet, width, selected)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > 400:
                self._documents.clear()
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            document.setTextWidth(width)
            body = snippet.replace("<mark>", f'<span style="{MARK_STYLE}">').replace(
                "</mark>", "</span>"
            )
            document.setHtml(f'<span style="color:{color.name(QColor.NameFormat.HexArgb)}">'
                             f"{body}</span>")
            self._documents[key] = document
        return document


class ResultListView(QListView):
    """The list, with a helpful message painted in place of an empty list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = ""
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self._empty_text:
            painter = QPainter(self.viewport())
            color = QColor(self.palette().text().color())
            color.setAlphaF(0.6)
            painter.setPen(color)
            area = self.viewport().rect().adjusted(24, 32, -24, -24)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, flags | Qt.TextFlag.TextWordWrap, self._empty_text)
