"""The dashboard page driven as a team lead would: refresh, sort, open, draft, export."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QTableView

from kbdesk.kb import KnowledgeBase
from kbdesk.models import EventKind, Role
from kbdesk.stats import Granularity, TrendPoint
from kbdesk.stats.export import write_csv, write_csv_folder, write_xlsx
from kbdesk.ui import i18n
from kbdesk.ui.context import AppContext
from kbdesk.ui.dashboard import DashboardPage
from kbdesk.ui.dashboard.chart import TrendChart, nice_ceiling
from kbdesk.ui.dashboard.models import (
    PINNED_ROLE,
    SORT_ROLE,
    ContactTableModel,
    GapTableModel,
    ItemTableModel,
    OperatorTableModel,
    StaleTableModel,
    StatsTableModel,
    TrendTableModel,
)
from kbdesk.ui.main_window import MainWindow

V, C, R, N = EventKind.VIEW, EventKind.COPY, EventKind.RESOLVED, EventKind.NOT_RESOLVED


@pytest.fixture
def events(sample_kb: KnowledgeBase) -> list[int]:
    """Three items used 10, 9 and 2 times yesterday: text sorting would put 9 above 10.

    Two contacts: a call where the third item was viewed twice, and one with the only copy.
    """
    ids = [record.id for record in sample_kb.store.list()][:3]
    when = datetime.now(UTC) - timedelta(days=1)
    usage = sample_kb.usage
    plan = ((ids[0], 10, 9, 1), (ids[1], 9, 1, 3), (ids[2], 2, 2, 0))
    for article_id, uses, resolved, failed in plan:
        contact = "call-2" if article_id == ids[2] else None
        for _ in range(uses):
            usage.event(V, "Анна", article_id=article_id, at=when, contact=contact)
        for _ in range(resolved):
            usage.event(R, "Анна", article_id=article_id, at=when)
        for _ in range(failed):
            usage.event(N, "Борис", article_id=article_id, at=when)
    usage.event(
        C, "Борис", article_id=ids[0], query="как вернуть деньги", at=when, contact="call-1"
    )
    usage.search("Как вернуть деньги?", 4, 5.0, "Борис", at=when)
    usage.search("рассрочка на 8 (999) 123-45-67", 0, 5.0, "Анна", at=when)
    return ids


@pytest.fixture
def page(qtbot, context: AppContext, events: list[int]) -> DashboardPage:  # type: ignore[no-untyped-def]
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()  # the first show computes the tables
    qtbot.waitUntil(lambda: widget.board is not None, timeout=10000)
    return widget


def column(view: QTableView, title: str) -> int:
    model = view.model()
    for number in range(model.columnCount()):
        if model.headerData(number, Qt.Orientation.Horizontal) == title:
            return number
    raise AssertionError(title)


MODELS = (
    ItemTableModel,
    TrendTableModel,
    OperatorTableModel,
    GapTableModel,
    StaleTableModel,
    ContactTableModel,
)


@pytest.mark.parametrize("model_class", MODELS, ids=lambda cls: cls.name)
def test_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, page: DashboardPage, model_class: type[StatsTableModel]
) -> None:
    empty = model_class()
    qtmodeltester.check(empty)
    filled = getattr(page, empty.name)
    assert isinstance(filled, model_class) and filled.rowCount() > 0
    qtmodeltester.check(filled)
    if empty.name in page.views:  # the contacts are a figure above the tables, not a tab
        qtmodeltester.check(page.views[empty.name].proxy)


def test_columns_show_local_dates_and_align_numbers(page: DashboardPage) -> None:
    model = page.items
    titles = [c.title for c in model.columns]
    row = model.row_at(0)
    last_use = model.index(0, titles.index("Last use"))
    assert row.last_used is not None
    assert last_use.data() == row.last_used.astimezone().strftime("%d.%m.%Y %H:%M")
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, titles.index("Uses")).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) != right
    exported = model.table().rows[0]
    assert exported[titles.index("Last use")] == last_use.data()
    assert exported[titles.index("Score")] == round(row.score, 4)
    team = page.operators.index(0, 0)
    assert team.data(PINNED_ROLE) is True and team.data(Qt.ItemDataRole.FontRole).bold()
    assert page.operators.index(1, 0).data(PINNED_ROLE) is False
    trend = page.trend.index(0, 0)
    assert trend.data() == page.trend.row_at(0).start.strftime("%d.%m.%Y")


def test_tables_show_the_figures(page: DashboardPage, events: list[int]) -> None:
    # Ranked by the Wilson bound: 9 of 10 (0.60) above 2 of 2 (0.34) above 1 of 4 (0.05).
    ranked = [page.items.row_at(n).article_id for n in range(page.items.rowCount())]
    assert ranked == [events[0], events[2], events[1]]
    view = page.views["items"]
    rate = view.model().index(0, column(view, "Rate")).data()
    assert rate == "90 % (n=10)"
    team = page.operators.row_at(0)
    assert team.is_team and team.rate == pytest.approx(12 / 16)
    assert [page.gaps.row_at(n).query for n in range(page.gaps.rowCount())] == [
        "рассрочка на <phone>"
    ]
    assert "Updated" in page.status.text()


def test_sorting_is_numeric_and_keeps_the_team_row_first(
    qtbot, page: DashboardPage  # type: ignore[no-untyped-def]
) -> None:
    view = page.views["items"]
    uses = column(view, "Uses")
    view.sortByColumn(uses, Qt.SortOrder.DescendingOrder)
    values = [view.model().index(r, uses).data(SORT_ROLE) for r in range(view.model().rowCount())]
    assert values == [11, 9, 2]
    operators = page.views["operators"]
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        operators.sortByColumn(column(operators, "Rate"), order)
        first = operators.model().index(0, 0).data()
        assert first.startswith("Team average")


def test_enter_on_an_item_opens_it(qtbot, page: DashboardPage, events: list[int]) -> None:  # type: ignore[no-untyped-def]
    view = page.views["items"]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(page.context.open_requested) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [events[0]]


def test_a_gap_opens_a_prefilled_draft(qtbot, page: DashboardPage) -> None:  # type: ignore[no-untyped-def]
    page.tables.setCurrentIndex(2)
    with qtbot.waitSignal(page.context.draft_requested) as signal:
        qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    title, body = signal.args
    assert title == "Рассрочка на <phone>"
    assert "1 searches found nothing" in body


def test_changing_the_period_recomputes(qtbot, page: DashboardPage) -> None:  # type: ignore[no-untyped-def]
    first = page.board
    page.period.setCurrentIndex(0)  # 7 days
    qtbot.waitUntil(lambda: page.board is not first, timeout=10000)
    assert page.board is not None
    assert page.board.period.until - page.board.period.since == timedelta(days=7)
    assert page.board.period.since.hour == 0
    second = page.board
    page.granularity.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.board is not second, timeout=10000)
    assert page.board.granularity is Granularity.WEEK
    third = page.board
    qtbot.keyClick(page, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.board is not third, timeout=10000)


def test_export_csv_with_bom_and_xlsx(page: DashboardPage, tmp_path: Path) -> None:
    table = page.operators.table()
    path = write_csv(tmp_path / "operators.csv", table)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Operator"
    assert [r[0] for r in rows[1:]] == ["Team average (2 operators)", "Анна", "Борис"]
    book = write_xlsx(tmp_path / "stats.xlsx", [m.table() for m in page._models()])
    workbook = load_workbook(book)
    # Sheets are named as the tabs are, in the interface language.
    tabs = [page.tables.tabText(n) for n in range(page.tables.count())]
    assert workbook.sheetnames == [
        "Answers",
        "Operators",
        "Content gaps",
        "Stale content",
        "Trend",
        "Contacts",
    ]
    assert set(workbook.sheetnames) - set(tabs) == {"Contacts"}
    assert workbook["Answers"]["G2"].value == 11  # uses, stored as a number
    assert [cell.value for cell in workbook["Contacts"][2]] == [2, 1, 0.5]


def test_the_page_shows_contacts_and_replies_per_contact(page: DashboardPage) -> None:
    """Two contacts, one reply copied in them: 0.5 replies per contact, in the summary row."""
    assert page.contacts_summary.isVisible()
    assert page.contacts_summary.text() == "Contacts: 2 · replies per contact: 0.5"
    assert page.board is not None and page.board.contacts is not None
    assert (page.board.contacts.contacts, page.board.contacts.replies) == (2, 1)
    row = [page.contacts.index(0, c).data() for c in range(page.contacts.columnCount())]
    assert row == ["2", "1", "0.5"]
    assert page.contacts.table().headers == ["Contacts", "Replies", "Replies per contact"]


def test_no_contacts_means_no_ratio(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Events without a contact (recorded before contacts existed) count none: "—", not 0."""
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.board is not None, timeout=10000)
    assert widget.contacts_summary.text() == "Contacts: 0 · replies per contact: —"


def test_chart_tooltip_and_empty_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(600, 260)
    chart.show()
    assert not chart.grab().isNull()  # the empty state paints
    day = datetime(2026, 3, 2, tzinfo=UTC).date()
    chart.set_points(
        [TrendPoint(day, 12, 3, 1), TrendPoint(day + timedelta(days=1), 0, 0, 0)],
        Granularity.DAY,
    )
    assert not chart.grab().isNull()
    plot = chart.plot_rect()
    assert chart.slot_at(plot.left() + 1) == 0
    assert chart.slot_at(plot.right() - 1) == 1
    assert chart.slot_at(0) is None
    qtbot.mouseMove(chart, QPoint(int(plot.left() + 5), int(plot.center().y())))
    assert chart.hovered == 0
    assert chart.tooltip_text(0) == "02.03.2026\nUses: 12\nResolved: 3\nResolution rate: 75 % of 4"
    assert "no outcomes" in chart.tooltip_text(1)
    assert (nice_ceiling(0), nice_ceiling(7), nice_ceiling(120), nice_ceiling(950)) == (
        4, 8, 200, 1000,
    )


def test_only_leads_see_the_dashboard_tab(
    qtbot, make_context: Callable[..., AppContext]  # type: ignore[no-untyped-def]
) -> None:
    for role, visible in ((Role.OPERATOR, False), (Role.LEAD, True)):
        window = MainWindow(make_context("Вера", role))
        qtbot.addWidget(window)
        index = window.tabs.indexOf(window.pages["dashboard"])
        assert window.tabs.isTabVisible(index) is visible


@pytest.fixture
def russian(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    previous = QLocale()
    assert i18n.install("ru", tmp_path / "cache") == "ru"
    yield
    i18n.install("en", tmp_path / "cache")
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("russian", "events")
def test_a_russian_window_exports_russian_sheets_files_and_headers(
    qtbot, context: AppContext, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.board is not None, timeout=10000)
    assert page.contacts_summary.text() == "Контактов: 2 · ответов на контакт: 0.5"
    tables = [m.table() for m in page._models()]
    workbook = load_workbook(write_xlsx(tmp_path / "stats.xlsx", tables))
    sheets = ["Материалы", "Операторы", "Пробелы в базе", "Устаревшее", "Динамика", "Контакты"]
    assert workbook.sheetnames == sheets
    operators = workbook["Операторы"]
    assert [cell.value for cell in operators[1]][:2] == ["Оператор", "Поиски"]
    assert operators["A2"].value == "Среднее по команде (2 оператора)"
    assert [cell.value for cell in workbook["Контакты"][1]] == [
        "Контакты",
        "Ответы",
        "Ответов на контакт",
    ]
    written = write_csv_folder(tmp_path / "csv", tables)
    assert [path.name for path in written] == [f"{sheet}.csv" for sheet in sheets]
    rows = list(csv.reader(written[0].read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:2] == ["Заголовок", "Тип"]
