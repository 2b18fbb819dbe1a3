"""The team-lead dashboard: a period, a trend chart and four sortable, exportable tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk import formats
from kbdesk.stats import DEFAULT_STALE_DAYS, Dashboard, GapRow, Granularity, Period
from kbdesk.stats.export import write_csv, write_csv_folder, write_xlsx
from kbdesk.ui.context import AppContext
from kbdesk.ui.dashboard.chart import TrendChart
from kbdesk.ui.dashboard.models import (
    ROW_ROLE,
    ContactTableModel,
    GapTableModel,
    ItemTableModel,
    OperatorTableModel,
    StaleTableModel,
    StatsSortProxy,
    StatsTableModel,
    TrendTableModel,
)
from kbdesk.ui.tasks import run_task

PRESETS = (7, 30, 90)


class StatsTableView(QTableView):
    def __init__(self, model: StatsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = StatsSortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # titles and queries
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order first


class DashboardPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.stats
        self.board: Dashboard | None = None
        self._generation = 0
        self._dirty = True
        self.items = ItemTableModel(self)
        self.trend = TrendTableModel(self)
        self.operators = OperatorTableModel(self)
        self.gaps = GapTableModel(self)
        self.stale = StaleTableModel(self)
        self.contacts = ContactTableModel(self)
        self._build()
        context.content_changed.connect(self._on_content_changed)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        for days in PRESETS:
            self.period.addItem(self.tr("Last %n days", "", days), days)
        self.period.addItem(self.tr("Custom…"), 0)
        self.period.setCurrentIndex(1)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-29))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")  # formats.DAY in Qt's notation
            edit.setEnabled(False)
        self.granularity = QComboBox()
        self.granularity.addItem(self.tr("By day"), Granularity.DAY.value)
        self.granularity.addItem(self.tr("By week"), Granularity.WEEK.value)
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, 3650)
        self.stale_days.setValue(DEFAULT_STALE_DAYS)
        self.stale_days.setSuffix(self.tr(" days"))
        self.stale_days.setToolTip(self.tr("Published items unused this long count as stale"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Recompute every table (F5)"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("This table as CSV…"), self._on_export_current)
        menu.addAction(self.tr("All tables as CSV files…"), self._on_export_all_csv)
        menu.addAction(self.tr("All tables as an Excel workbook…"), self._on_export_xlsx)
        self.export_button.setMenu(menu)
        self.status = QLabel()
        self.status.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Period:")))
        controls.addWidget(self.period)
        controls.addWidget(self.first)
        controls.addWidget(QLabel("–"))
        controls.addWidget(self.last)
        controls.addWidget(self.granularity)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Stale after:")))
        controls.addWidget(self.stale_days)
        controls.addStretch(1)
        controls.addWidget(self.status)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.export_button)

        self.summary = QLabel()
        self.contacts_summary = QLabel()
        self.contacts_summary.setToolTip(
            self.tr(
                "Contacts: calls and chats in which the operator searched, opened or copied an "
                "answer. Replies per contact: replies copied in them, on average."
            )
        )
        self.contacts.title = self.tr("Contacts")
        self.chart = TrendChart()
        self.views: dict[str, StatsTableView] = {}
        self.draft_button = QPushButton(self.tr("&Draft an article for this"))
        self.draft_button.setToolTip(self.tr("Open the editor with this query as a new article"))
        self.draft_button.clicked.connect(self._on_draft_clicked)
        self.tables = QTabWidget()
        for key, model, title in (
            ("items", self.items, self.tr("Answers")),
            ("operators", self.operators, self.tr("Operators")),
            ("gaps", self.gaps, self.tr("Content gaps")),
            ("stale", self.stale, self.tr("Stale content")),
            ("trend", self.trend, self.tr("Trend")),
        ):
            model.title = title  # also its sheet and file name in an export
            view = StatsTableView(model)
            view.activated.connect(lambda index, k=key: self._on_row_activated(k, index))
            self.views[key] = view
            self.tables.addTab(self._gaps_page(view) if key == "gaps" else view, title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.tables)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        figures = QHBoxLayout()
        figures.addWidget(self.summary)
        figures.addSpacing(12)
        figures.addWidget(self.contacts_summary)
        figures.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(figures)
        layout.addWidget(splitter, 1)

        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.first.dateChanged.connect(self._on_dates_changed)
        self.last.dateChanged.connect(self._on_dates_changed)
        self.granularity.currentIndexChanged.connect(self._on_settings_changed)
        self.stale_days.editingFinished.connect(self._on_settings_changed)
        self.refresh_button.clicked.connect(self.refresh)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.refresh)

    def _gaps_page(self, view: StatsTableView) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        row = QHBoxLayout()
        hint = QLabel(self.tr("Double-click or press Enter on a query to draft an article."))
        row.addWidget(hint)
        row.addStretch(1)
        row.addWidget(self.draft_button)
        layout.addLayout(row)
        return page

    # -- computing ---------------------------------------------------------------------------

    def selected_period(self) -> Period:
        days = int(self.period.currentData())
        if days:  # whole UTC days up to and including today, as the CLI counts them
            today = date.today()
            return Period.between(today - timedelta(days=days - 1), today)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return Period.between(min(first, last), max(first, last))

    def refresh(self) -> None:
        """Recompute off the UI thread; a newer request makes older results irrelevant."""
        self._generation += 1
        generation = self._generation
        self._dirty = False
        period = self.selected_period()
        granularity = Granularity(self.granularity.currentData())
        stale_days = self.stale_days.value()
        self.status.setText(self.tr("Updating…"))
        self.refresh_button.setEnabled(False)
        run_task(
            lambda: self.service.dashboard(
                period, granularity=granularity, stale_days=stale_days
            ),
            on_done=lambda board: self._on_computed(generation, board),
            on_error=lambda error: self._on_failed(generation, error),
        )

    def _on_computed(self, generation: int, board: Dashboard) -> None:
        if generation != self._generation:
            return
        self.board = board
        self.items.set_rows(board.items)
        self.trend.set_rows(board.trend)
        self.operators.set_rows(board.operators)
        self.gaps.set_rows(board.gaps)
        self.stale.set_rows(board.stale)
        self.contacts.set_rows([board.contacts] if board.contacts else [])
        self.chart.set_points(board.trend, board.granularity)
        self.draft_button.setEnabled(bool(board.gaps))
        uses = sum(p.uses for p in board.trend)
        resolved = sum(p.resolved for p in board.trend)
        outcomes = sum(p.outcomes for p in board.trend)
        rate = formats.percent(resolved / outcomes if outcomes else None)
        self.summary.setText(
            self.tr(
                "{uses} uses · {resolved} of {outcomes} requests resolved ({rate}) · "
                "{gaps} content gaps · {stale} stale items"
            ).format(
                uses=uses,
                resolved=resolved,
                outcomes=outcomes,
                rate=rate,
                gaps=len(board.gaps),
                stale=len(board.stale),
            )
        )
        self.contacts_summary.setText(self._contacts_text(board))
        self.status.setText(
            self.tr("Updated in {ms:.0f} ms").format(ms=max(board.timings_ms.values(), default=0))
        )
        self.refresh_button.setEnabled(True)

    def _contacts_text(self, board: Dashboard) -> str:
        contacts = board.contacts
        if contacts is None:
            return ""
        per = contacts.replies_per_contact
        return self.tr("Contacts: {contacts} · replies per contact: {per}").format(
            contacts=contacts.contacts, per=formats.NO_DATA if per is None else formats.count(per)
        )

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Could not update: {error}").format(error=error))

    # -- behaviour ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:  # computed on first sight, not at start-up for everyone
            self.refresh()

    def _on_content_changed(self, _ids: list[int]) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def _on_period_changed(self) -> None:
        custom = not self.period.currentData()
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        self.refresh()

    def _on_dates_changed(self) -> None:
        if not self.period.currentData():
            self.refresh()

    def _on_settings_changed(self) -> None:
        self.refresh()

    def _on_row_activated(self, key: str, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if key == "gaps" and isinstance(row, GapRow):
            self._draft(row)
        elif key in ("items", "stale") and row is not None:
            self.context.open_requested.emit(row.article_id)

    def _on_draft_clicked(self) -> None:
        view = self.views["gaps"]
        index = view.currentIndex()
        if not index.isValid() and view.model().rowCount():
            index = view.model().index(0, 0)
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, GapRow):
            self._draft(row)

    def _draft(self, gap: GapRow) -> None:
        title = gap.query[:1].upper() + gap.query[1:]
        body = self.tr(
            "<!-- Operators searched for \u201c{query}\u201d {searches} times; {none} searches "
            "found nothing and {uncopied} found nothing worth copying. -->\n\n"
        ).format(
            query=gap.query, searches=gap.searches, none=gap.no_results, uncopied=gap.not_copied
        )
        self.context.draft_requested.emit(title, body)

    # -- export ------------------------------------------------------------------------------

    def _models(self) -> list[StatsTableModel]:
        return [self.items, self.operators, self.gaps, self.stale, self.trend, self.contacts]

    def _current_model(self) -> StatsTableModel:
        page = self.tables.currentWidget()
        for key, view in self.views.items():
            if page is view or page.isAncestorOf(view):
                return getattr(self, key)  # type: ignore[no-any-return]
        return self.items

    def _on_export_current(self) -> None:
        model = self._current_model()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export table"), self._suggested(f"{model.title}.csv"), "CSV (*.csv)"
        )
        if name:
            self._export(lambda: [write_csv(Path(name), model.table())])

    def _on_export_all_csv(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export tables to a folder"))
        if folder:
            tables = [m.table() for m in self._models()]
            self._export(lambda: write_csv_folder(Path(folder), tables))

    def _on_export_xlsx(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export tables"), self._suggested("kbdesk-stats.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            tables = [m.table() for m in self._models()]
            self._export(lambda: [write_xlsx(Path(name), tables)])

    def _suggested(self, name: str) -> str:
        if self.board is None:
            return name
        stem, _, suffix = name.rpartition(".")
        until = self.board.period.until - timedelta(microseconds=1)
        return f"{stem}-{self.board.period.since:%Y%m%d}-{until:%Y%m%d}.{suffix}"

    def _export(self, write: Callable[[], list[Path]]) -> None:
        try:
            written = write()
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export failed"), str(error))
            return
        self.status.setText(self.tr("Exported %n file(s)", "", len(written)))
