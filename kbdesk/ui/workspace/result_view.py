"""How the result list looks: a delegate paints each row (no widget per row), and the list
paints a helpful message in place of an empty list."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kbdesk.records import Kind
from kbdesk.ui.workspace.results import AnyIndex, ResultRole

MARK_BACKGROUND = "#ffe08a"
MARK_FOREGROUND = "#1f1f1f"
# Marked spans never nest (the engine writes <mark>word</mark>); split keeps odd parts marked.
_MARK_TAG = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
_STRAY_TAG = re.compile(r"</?mark>")


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
        self._layouts: dict[tuple[str, int, str, int], QTextLayout] = {}
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
            # A quarter of the row at most: the title is what the operator reads.
            category = metrics.elidedText(category, Qt.TextElideMode.ElideRight, rect.width() // 4)
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
            layout = self._layout(snippet, area.width(), option.font, self.SNIPPET_LINES)
            painter.setFont(option.font)
            painter.setPen(faint)
            painter.setClipRect(area)
            layout.draw(painter, QPointF(area.topLeft()))
        painter.restore()

    def _paint_badge(self, painter: QPainter, fonts: _Fonts, at: QRect, kind: str) -> int:
        font, metrics = fonts.badge, fonts.badge_metrics
        label = self._kind_labels.get(kind, kind)
        width = metrics.horizontalAdvance(label) + 12
        height = metrics.height() + 2
        badge = QRect(at.left(), at.top() + (at.height() - height) // 2, width, height)
        background, foreground = (
            ("#dff3ee", "#0b6b57") if kind == Kind.TEMPLATE else ("#e4ecfb", "#2451a6")
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(font)
        painter.setPen(QColor(foreground))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return badge.right() + 9

    def _layout(self, snippet: str, width: int, font: QFont, lines: int) -> QTextLayout:
        # Keyed by the text itself: while a word is typed, the same rows often come back with
        # the same highlighted words. A laid-out QTextLayout, not a rich-text document: parsing
        # HTML into a QTextDocument for each new row cost most of a frame.
        key = (snippet, width, font.key(), lines)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > 400:
                self._layouts.clear()
            layout = snippet_layout(snippet, font, width, lines)
            self._layouts[key] = layout
        return layout


def snippet_layout(snippet: str, font: QFont, width: int, lines: int) -> QTextLayout:
    """The snippet (escaped HTML with `<mark>`) laid out in at most `lines` lines of `width`,
    its marked words highlighted; drawn in the painter's pen colour."""
    text, marks = _plain_with_marks(snippet)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    highlight = QTextCharFormat()
    highlight.setBackground(QColor(MARK_BACKGROUND))
    highlight.setForeground(QColor(MARK_FOREGROUND))
    ranges = []
    for start, length in marks:
        mark = QTextLayout.FormatRange()
        mark.start, mark.length, mark.format = start, length, highlight
        ranges.append(mark)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    for _ in range(max(lines, 1)):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def _plain_with_marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and the (start, length) of each marked span."""
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    at = 0
    for number, part in enumerate(_MARK_TAG.split(snippet)):
        plain = html.unescape(_STRAY_TAG.sub("", part))
        if number % 2 and plain:
            marks.append((at, len(plain)))
        text.append(plain)
        at += len(plain)
    return "".join(text), marks


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
