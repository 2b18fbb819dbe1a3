"""The operator workspace: find, fill, copy, resolve, from the keyboard.

`WorkspaceView` holds the layout; the page holds the state, the preview and its reactions to
the context's signals. What fills the result list is in `listing`, the copy-and-resolve flow in
`copying`, and the keyboard in `keyboard`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QWidget,
)

from kbdesk.rendering import markdown_to_html
from kbdesk.search import SearchRequest
from kbdesk.store import ArticleRecord, NotFoundError
from kbdesk.templating import CHANNELS, RenderContext
from kbdesk.ui.context import AppContext
from kbdesk.ui.workspace.clipboard import template_text
from kbdesk.ui.workspace.copying import CopyFlow
from kbdesk.ui.workspace.keyboard import WorkspaceKeys
from kbdesk.ui.workspace.listing import SEARCH, ResultListing
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView

PREVIEW_DELAY_MS = 16  # one frame at 60 Hz: results first, the preview in the next frame


class WorkspacePage(ResultListing, CopyFlow, WorkspaceView):
    """Where the operator answers from. The result list (`ResultListing`) and the copy flow
    (`CopyFlow`) are mixed in; the keyboard is the `WorkspaceKeys` object the page owns."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.kb = context.kb
        self.mode = SEARCH
        self.last_message = ""
        self._request: SearchRequest | None = None
        self._generation = 0
        self._records: dict[int, ArticleRecord] = {}
        self._record: ArticleRecord | None = None  # what the preview shows
        self._origin_query: str | None = None  # the query that led to it
        self._copied: tuple[int, str | None] | None = None  # awaiting the resolve answer
        self._call_values: dict[str, str] = {}  # typed values, shared by name within a call
        self._focused_once = False
        self._keep_selection = False  # set while refreshing, so the operator keeps their place
        self.lists = ShiftLists(context.settings, lambda: context.operator)
        self.tracker = UsageTracker(
            self.kb, lambda: context.operator, lambda: context.channel, self._attending, self
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # one search per event-loop turn, however fast typed
        # While the operator types, the new results are painted first and the top hit's preview
        # (a form of widgets, or a rendered article) a frame later; anything that uses the
        # preview flushes it first.
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(PREVIEW_DELAY_MS)
        self._render_timer.timeout.connect(self._render_preview)
        self.keyboard = WorkspaceKeys(self)  # builds the shortcuts
        self._connect()
        self._restore_state()
        self._run_search()

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._on_search_edited)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.installEventFilter(self.keyboard)
        self.results.installEventFilter(self.keyboard)
        self.browser.installEventFilter(self.keyboard)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        self.results.doubleClicked.connect(lambda _index: self.open_current())
        self.model.snippets_wanted.connect(self._on_snippets_wanted)
        self.channel_group.idClicked.connect(self._on_channel_clicked)
        self.pane.copy.clicked.connect(self.copy_current)
        self.pane.pin.clicked.connect(self._on_toggle_pin)
        self.browser.kb_link.connect(self._on_kb_link)
        self.form.changed.connect(self._on_form_changed)
        self.form.submitted.connect(self.copy_current)
        self.form.escape_pressed.connect(self._focus_results)
        self.resolve.answered.connect(self._on_resolve_answered)
        self.tracker.failed.connect(self._notify)
        self.context.content_changed.connect(self._on_content_changed)
        self.context.channel_changed.connect(self._on_channel_changed)
        self.context.operator_changed.connect(self._on_operator_changed)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]
        self._on_channel_changed(self.context.channel)

    # -- the preview -------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a model reset passes through "no current row"; _show_rows decides
        row = self.model.row(current.row())
        record = self._load(row.id) if row is not None else None
        query = self._request.text if self.mode == SEARCH and self._request else None
        self._show_record(record, query, typing=self.search_box.hasFocus())

    def _load(self, article_id: int) -> ArticleRecord | None:
        record = self._records.get(article_id)
        if record is None:
            try:
                record = self.kb.store.get(article_id)
            except NotFoundError:
                return None
            except Exception as error:
                self._notify(str(error))
                return None
            self._records[article_id] = record
        return record

    def _show_record(
        self, record: ArticleRecord | None, query: str | None = None, *, typing: bool = False
    ) -> None:
        # Rebuilding the form for an unchanged record would only cost the operator the cursor.
        unchanged = record is not None and record == self._record
        self._record = record
        self._origin_query = query
        self.tracker.shown(record.id if record else None, query)
        if unchanged:
            return
        if typing:
            self._render_timer.start()
        else:
            self._render_timer.stop()
            self._render_preview()

    def _flush_preview(self) -> None:
        """Render a preview still waiting for its frame, before anyone reads the form."""
        if self._render_timer.isActive():
            self._render_timer.stop()
            self._render_preview()

    def _render_preview(self) -> None:
        record = self._record
        if record is None:
            self.pane.show_empty(self.tr("Select a result to see it here."))
            return
        pinned = self.lists.is_pinned(record.id)
        if record.kind == "template":
            focused = self._focused_field()
            channel = self.channel_labels.get(self.context.channel, self.context.channel)
            self.pane.show_template(
                record,
                template_text(record, self.context.channel),
                dict(self._call_values),
                self._render_context(),
                self.tr("Template"),
                self.tr("Reply for {channel}").format(channel=channel),
                pinned,
            )
            if focused is not None:
                self.form.focus_field(focused)
        else:
            html = markdown_to_html(record.body, link_exists=self._slug_exists)
            self.pane.show_article(record, html, self.tr("Article"), pinned)

    def _focused_field(self) -> str | None:
        focus = QApplication.focusWidget()
        for name, edit in self.form.edits.items():
            if edit is focus:
                return name
        return None

    def _slug_exists(self, slug: str) -> bool:
        try:
            return self.kb.store.get_by_slug(slug) is not None
        except Exception:
            return True  # a lookup failure must not paint good links as broken

    def _render_context(self) -> RenderContext:
        return RenderContext(operator=self.context.operator)

    def _on_form_changed(self) -> None:
        # Remember typed values by name, so the next template of this call starts filled.
        for name in self.form.edits:
            self._call_values.pop(name, None)
        self._call_values.update(self.form.changed_values())

    def _on_kb_link(self, slug: str) -> None:
        record = self.kb.store.get_by_slug(slug)
        if record is None:
            self._notify(self.tr("There is no article «{slug}»").format(slug=slug))
            return
        self._records[record.id] = record
        self._show_record(record, self._origin_query)  # a followed link keeps the query

    def show_article(self, article_id: int) -> None:
        """Called by the main window when another page asks to open an item."""
        record = self._load(article_id)
        if record is None:
            self._notify(self.tr("That item no longer exists."))
            return
        row = self.model.row_of(article_id)
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))
        else:
            self._show_record(record, None)
        self._focus_preview()
        self.tracker.viewed_now()

    # -- channel, operator, content ----------------------------------------------------------

    def _on_channel_clicked(self, number: int) -> None:
        self.context.set_channel(CHANNELS[number])

    def _on_channel_changed(self, channel: str) -> None:
        button = self.channel_group.button(CHANNELS.index(channel))
        if button is not None:
            button.setChecked(True)
        if self._record is not None and self._record.kind == "template":
            self._render_preview()

    def _on_operator_changed(self) -> None:
        self.model.set_pinned(set(self.lists.pinned()))
        if self.mode != SEARCH:
            self.show_list(self.mode)
        self._render_preview()

    def _on_content_changed(self, ids: list[int]) -> None:
        self._records.clear()
        if self._record is not None and (not ids or self._record.id in ids):
            fresh = self._load(self._record.id)
            if fresh is None or fresh.status != "published":
                self._record = None
                self.pane.show_empty(self.tr("This item was removed or archived."))
            else:
                self._record = fresh
                self._render_preview()
        if self.mode == SEARCH:
            self._refresh_search()
        else:
            self.show_list(self.mode)

    # -- focus -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_search()

    def _focus_preview(self) -> None:
        if self._record is not None and self._record.kind == "template":
            if not self.form.focus_field():
                self.browser.setFocus()
        else:
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _attending(self) -> bool:
        """Not while typing the query: the top hit flashing by is not a view."""
        return QApplication.focusWidget() is not self.search_box

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not self.search_box:
            self._flush_preview()
        if new is not None and new is not self.search_box and self.isAncestorOf(new):
            self.tracker.attend()

    def clear_search(self) -> None:
        self.tracker.flush_search()
        self.search_box.clear()
        self.focus_search()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self.focus_search)

    # -- state -------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        for key, splitter in (
            ("workspace/splitter", self.splitter),
            ("workspace/form_splitter", self.form.splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
            elif splitter is self.splitter:
                splitter.setSizes([420, 640])

    def save_state(self) -> None:
        self.tracker.flush_search()
        self.context.settings.setValue("workspace/splitter", self.splitter.saveState())
        self.context.settings.setValue("workspace/form_splitter", self.form.splitter.saveState())

    def _notify(self, text: str) -> None:
        self.last_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 6000)
