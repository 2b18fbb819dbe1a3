"""Uses per day or week as bars, the resolution rate as a line on a 0–100 % axis."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kbdesk import formats
from kbdesk.stats import Granularity, TrendPoint

BAR = QColor(91, 143, 211)
BAR_HOVER = QColor(52, 101, 164)
LINE = QColor(217, 95, 2)
GRID = QColor(0, 0, 0, 28)
TICKS = 4


def nice_ceiling(value: float) -> int:
    """The axis maximum: TICKS whole steps of 1, 2, 2.5 or 5 times a power of ten."""
    raw = max(value / TICKS, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if power == 1 else (1, 2, 2.5, 5, 10)  # whole-number labels
    step = next(s * power for s in steps if s * power >= raw)
    return int(step * TICKS)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        self.granularity = Granularity.DAY
        self.hovered: int | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(800, 260)

    def set_points(self, points: Sequence[TrendPoint], granularity: Granularity) -> None:
        self.points = list(points)
        self.granularity = granularity
        self.hovered = None
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("00000") + 14
        right = metrics.horizontalAdvance("100 %") + 14
        top = metrics.height() * 2 + 8  # room for the legend
        bottom = metrics.height() + 12
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def slot_at(self, x: float) -> int | None:
        plot = self.plot_rect()
        if not self.points or not plot.left() <= x <= plot.right():
            return None
        index = int((x - plot.left()) / (plot.width() / len(self.points)))
        return min(index, len(self.points) - 1)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text = palette.text().color()
        if not any(p.uses or p.outcomes for p in self.points):
            painter.setPen(palette.placeholderText().color())
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No usage in this period yet"),
            )
            return
        plot = self.plot_rect()
        top = nice_ceiling(max(p.uses for p in self.points))
        self._axes(painter, plot, top, text)
        self._bars(painter, plot, top)
        self._line(painter, plot)
        self._labels(painter, plot, text)
        self._legend(painter, plot, text)

    def _axes(self, painter: QPainter, plot: QRectF, top: int, text: QColor) -> None:
        metrics = self.fontMetrics()
        for tick in range(TICKS + 1):
            y = plot.bottom() - plot.height() * tick / TICKS
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            left = f"{top * tick // TICKS}"
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                left,
            )
            painter.setPen(LINE)
            painter.drawText(
                QRectF(plot.right() + 6, y - metrics.height() / 2, 60, metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{100 * tick // TICKS} %",
            )

    def _bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        slot = plot.width() / len(self.points)
        gap = min(slot * 0.25, 6.0)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, point in enumerate(self.points):
            height = plot.height() * point.uses / top
            painter.setBrush(BAR_HOVER if index == self.hovered else BAR)
            painter.drawRect(
                QRectF(plot.left() + index * slot + gap / 2, plot.bottom() - height,
                       max(1.0, slot - gap), height)
            )

    def _line(self, painter: QPainter, plot: QRectF) -> None:
        slot = plot.width() / len(self.points)
        path = QPainterPath()
        dots: list[QPointF] = []
        drawing = False
        for index, point in enumerate(self.points):
            if point.rate is None:
                drawing = False  # no outcomes: a gap in the line, not a fall to 0 %
                continue
            where = QPointF(
                plot.left() + (index + 0.5) * slot, plot.bottom() - plot.height() * point.rate
            )
            path.lineTo(where) if drawing else path.moveTo(where)
            drawing = True
            dots.append(where)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for dot in dots:
            painter.drawEllipse(dot, 3, 3)

    def _labels(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        metrics = self.fontMetrics()
        slot = plot.width() / len(self.points)
        label_width = metrics.horizontalAdvance("00.00") + 8
        every = max(1, math.ceil(label_width / slot))
        painter.setPen(text)
        for index in range(0, len(self.points), every):
            start = self.points[index].start
            centre = plot.left() + (index + 0.5) * slot
            painter.drawText(
                QRectF(centre - label_width / 2, plot.bottom() + 4, label_width, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                formats.day_month(start),
            )

    def _legend(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        metrics = self.fontMetrics()
        y = 6.0
        x = plot.left()
        uses = (
            self.tr("Uses per day") if self.granularity is Granularity.DAY
            else self.tr("Uses per week")
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        painter.drawRect(QRectF(x, y + 3, 14, metrics.height() - 6))
        painter.setPen(text)
        painter.drawText(QPointF(x + 20, y + metrics.ascent()), uses)
        x += 20 + metrics.horizontalAdvance(uses) + 24
        painter.setPen(QPen(LINE, 2))
        middle = y + metrics.height() / 2
        painter.drawLine(QPointF(x, middle), QPointF(x + 18, middle))
        painter.setPen(text)
        painter.drawText(QPointF(x + 24, y + metrics.ascent()), self.tr("Resolution rate"))

    # -- hover -------------------------------------------------------------------------------

    def tooltip_text(self, index: int) -> str:
        point = self.points[index]
        rate = (
            self.tr("no outcomes")
            if point.rate is None
            else self.tr("{rate:.0f} % of {count}").format(
                rate=point.rate * 100, count=point.outcomes
            )
        )
        start = (
            formats.day(point.start)
            if self.granularity is Granularity.DAY
            else self.tr("week of {date}").format(date=formats.day(point.start))
        )
        template = self.tr("{start}\nUses: {uses}\nResolved: {resolved}\nResolution rate: {rate}")
        return template.format(start=start, uses=point.uses, resolved=point.resolved, rate=rate)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.slot_at(event.position().x())
        if index != self.hovered:
            self.hovered = index
            self.update()
        if index is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(index), self)

    def leaveEvent(self, event: object) -> None:
        self.hovered = None
        self.update()
