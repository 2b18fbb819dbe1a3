"""Result rows paint their snippets from a cached text layout, marks highlighted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from kbdesk.records import Kind
from kbdesk.ui.workspace import result_view
from kbdesk.ui.workspace.result_view import (
    MARK_BACKGROUND,
    ResultDelegate,
    ResultListView,
    snippet_layout,
)
from kbdesk.ui.workspace.results import ResultListModel, ResultRow


def test_snippet_layout_keeps_the_text_and_highlights_the_marks() -> None:
    layout = snippet_layout("Курьер &lt;b&gt; <mark>задерживается</mark> — «<mark>чек</mark>»",
                            QFont(), 400, 2)
    assert layout.text() == "Курьер <b> задерживается — «чек»"
    spans = [(f.start, f.length) for f in layout.formats()]
    assert spans == [(11, 13), (28, 3)]
    assert 1 <= layout.lineCount() <= 2


def test_a_long_snippet_is_cut_to_the_lines_a_row_shows() -> None:
    layout = snippet_layout(" ".join(["слово"] * 400), QFont(), 200, 2)
    assert layout.lineCount() == 2


def test_a_row_paints_its_highlight_and_reuses_its_layout(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    monkeypatch.setattr(result_view, "snippet_layout",
                        lambda snippet, *rest: built.append(snippet) or snippet_layout(snippet,
                                                                                       *rest))
    model = ResultListModel()
    model.set_rows([ResultRow(1, "a", "Задержка курьера", Kind.ARTICLE, "Доставка",
                              "Если <mark>курьер</mark> опаздывает")])
    view = ResultListView()
    qtbot.addWidget(view)
    delegate = ResultDelegate({Kind.ARTICLE: "Статья"}, view)
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.resize(500, 200)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.palette = view.palette()
    option.rect = view.visualRect(model.index(0)).translated(QPoint(0, 0))
    option.rect.setSize(QSize(480, delegate.sizeHint(option, model.index(0)).height()))
    image = QImage(500, option.rect.height(), QImage.Format.Format_ARGB32)
    for _ in range(2):
        image.fill(QColor("white"))
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(0))
        painter.end()
    highlight = QColor(MARK_BACKGROUND).rgb()
    assert any(image.pixel(x, y) == highlight
               for x in range(image.width()) for y in range(image.height()))
    assert len(built) == 1  # painted twice, laid out once
