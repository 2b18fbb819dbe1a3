"""The operator workspace: find, fill, copy, resolve, from the keyboard.

Layout lives in `_build_*`; the rest reacts to the operator and to the context's signals.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QWidget,
)

from kbdesk.models import EventKind
from kbdesk.rendering import markdown_to_html
from kbdesk.search import SearchRequest, SearchResult
from kbdesk.store import ArticleRecord, NotFoundError
from kbdesk.templating import CHANNELS, RenderContext
from kbdesk.ui.context import AppContext, IndexStatus
from kbdesk.ui.tasks import run_task
from kbdesk.ui.workspace.clipboard import (
    Reply,
    excerpt,
    make_reply,
    needs_input,
    put_on_clipboard,
    template_text,
)
from kbdesk.ui.workspace.keys import add_shortcut
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.preview import field_label
from kbdesk.ui.workspace.results import ResultRow
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView

log = logging.getLogger(__name__)

RESULT_LIMIT = 30
FIRST_SNIPPETS = 10
SEARCH, PINNED, RECENT = "search", "pinned", "recent"


class WorkspacePage(WorkspaceView):
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
        self._build_shortcuts()
        self._connect()
        self._restore_state()
        self._run_search()

    def _build_shortcuts(self) -> None:
        add_shortcut(self, ("Ctrl+L", "F6"), self.focus_search)
        add_shortcut(self, ("Ctrl+Return", "Ctrl+Enter"), self.copy_current)
        add_shortcut(self, "Ctrl+P", partial(self._on_list_key, PINNED))
        add_shortcut(self, "Ctrl+R", partial(self._on_list_key, RECENT))
        add_shortcut(self, "Ctrl+D", self._on_toggle_pin)
        add_shortcut(self, "Ctrl+Shift+D", self._on_unpin_all)
        for number in range(1, 10):
            add_shortcut(self, f"Alt+{number}", partial(self.copy_row, number - 1))
        for number, channel in enumerate(CHANNELS):
            add_shortcut(
                self,
                (f"F{number + 2}", f"Ctrl+Shift+{number + 1}"),
                partial(self.context.set_channel, channel),
            )

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._on_search_edited)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.installEventFilter(self)
        self.results.installEventFilter(self)
        self.browser.installEventFilter(self)
        self.results.selectionModel().currentChanged.connect(self._on_current_changed)
        self.results.doubleClicked.connect(lambda _index: self.open_current())
        self.model.snippets_wanted.connect(self._on_snippets_wanted)
        self.model.modelReset.connect(self.delegate.clear_cache)
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

    # -- searching ---------------------------------------------------------------------------

    def _on_search_edited(self, _text: str) -> None:
        self.resolve.dismiss()
        self.mode = SEARCH
        self._search_timer.start()

    def _run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text().strip()
        self._generation += 1
        keep = self._record.id if self._record is not None and self._keep_selection else None
        if not text:
            self._request = None
            self.tracker.searched("", _empty_result())
            self._show_rows([], keep_id=keep)
            self._set_notices(None)
            self.results.set_empty_text(
                self.tr(
                    "Type to search articles and templates.\n\n"
                    "Ctrl+P — pinned for this shift · Ctrl+R — recently used"
                )
            )
            return
        request = SearchRequest(text, limit=RESULT_LIMIT, snippets=FIRST_SNIPPETS)
        if self.context.index_status == IndexStatus.READY and not self.kb.rebuilding:
            try:
                result = self.kb.search(request, log=False)
            except Exception as error:
                log.exception("search failed")
                self._notify(self.tr("Search failed: {error}").format(error=error))
                result = _empty_result()
            self._on_search_done(self._generation, request, keep, result)
            return
        # The fallback scans every item while the index rebuilds: too slow for the UI thread.
        run_task(
            lambda: self.kb.search(request, log=False),
            on_done=partial(self._on_search_done, self._generation, request, keep),
            on_error=lambda error: self._notify(str(error)),
        )

    def _on_search_done(
        self, generation: int, request: SearchRequest, keep: int | None, result: SearchResult
    ) -> None:
        if generation != self._generation or self.mode != SEARCH:
            return  # the operator typed on (or opened a list) meanwhile
        self._request = request
        self.tracker.searched(request.text, result)
        rows = [
            ResultRow(hit.id, hit.slug, hit.title, hit.kind, hit.category, hit.snippet)
            for hit in result.hits
        ]
        self._show_rows(rows, keep_id=keep)
        self._set_notices(result)
        self.results.set_empty_text(
            self.tr("Nothing found for «{query}».\nTry fewer words or another wording.").format(
                query=request.text
            )
        )

    def _set_notices(self, result: SearchResult | None) -> None:
        reading = result.reading if result is not None else None
        if reading and result is not None and result.layout_switched:
            text = self.tr(
                "Showing results for «{reading}» (typed in the other keyboard layout)"
            ).format(reading=reading)
        elif reading:
            text = self.tr("Showing results for «{reading}»").format(reading=reading)
        else:
            text = ""
        self.reading_label.setText(text)
        self.reading_label.setVisible(bool(text))
        degraded = result is not None and result.degraded
        self.degraded_label.setText(
            self.tr("The search index is being rebuilt: results may be less precise for a moment.")
            if degraded
            else ""
        )
        self.degraded_label.setVisible(degraded)
        self.mode_label.setVisible(self.mode != SEARCH)

    def _show_rows(
        self, rows: list[ResultRow], keep_id: int | None, complete: bool = False
    ) -> None:
        self.model.set_rows(rows, snippets_complete=complete)
        self.model.set_pinned(set(self.lists.pinned()))
        if keep_id is not None:
            row = self.model.row_of(keep_id)
            if row < 0:
                return  # a refresh never swaps the item the operator is working on
        else:
            row = 0 if rows else -1
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row))
            self.results.scrollTo(self.model.index(row))
        else:
            self._show_record(None)

    def _on_snippets_wanted(self, ids: list[int]) -> None:
        if self.mode != SEARCH or self._request is None or self.kb.rebuilding:
            return
        try:
            snippets = self.kb.index.snippets_for(ids, self._request)
        except Exception:  # a missing snippet is cosmetic; never worth an error
            log.exception("could not fetch snippets")
            return
        self.model.set_snippets(snippets)

    # -- pinned and recent -------------------------------------------------------------------

    def _on_list_key(self, mode: str) -> None:
        if self.mode == mode:
            self._leave_list()
            return
        self.show_list(mode)
        self._focus_results()

    def show_list(self, mode: str) -> None:
        self.mode = mode
        self._generation += 1
        ids = self.lists.pinned() if mode == PINNED else self.lists.recent()
        try:
            records = [r for r in self.kb.store.get_many(ids) if r.status == "published"]
        except Exception as error:
            self._notify(str(error))
            records = []
        self._records.update({record.id: record for record in records})
        rows = [ResultRow(r.id, r.slug, r.title, r.kind, r.category, excerpt(r)) for r in records]
        title = (
            self.tr("Pinned for this shift — Ctrl+D unpins, Ctrl+Shift+D unpins all")
            if mode == PINNED
            else self.tr("Recently used")
        )
        self.mode_label.setText(
            self.tr("{title}  ·  Esc returns to the search").format(title=title)
        )
        self._set_notices(None)
        self.results.set_empty_text(
            self.tr("Nothing pinned yet: select an item and press Ctrl+D.")
            if mode == PINNED
            else self.tr("Nothing used yet in this shift.")
        )
        self._show_rows(rows, keep_id=None, complete=True)

    def _leave_list(self) -> None:
        self.mode = SEARCH
        self._run_search()
        self.focus_search()

    def _on_toggle_pin(self) -> None:
        record = self._record
        if record is None:
            return
        pinned = self.lists.toggle_pin(record.id)
        self.pane.set_pinned(pinned)
        self.model.set_pinned(set(self.lists.pinned()))
        self._notify(
            (self.tr("Pinned «{title}»") if pinned else self.tr("Unpinned «{title}»")).format(
                title=record.title
            )
        )
        if self.mode == PINNED:
            self.show_list(PINNED)

    def _on_unpin_all(self) -> None:
        self.lists.unpin_all()
        self.model.set_pinned(set())
        self.pane.set_pinned(False)
        self._notify(self.tr("All pins removed"))
        if self.mode == PINNED:
            self.show_list(PINNED)

    # -- the preview -------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a model reset passes through "no current row"; _show_rows decides
        row = self.model.row(current.row())
        record = self._load(row.id) if row is not None else None
        query = self._request.text if self.mode == SEARCH and self._request else None
        self._show_record(record, query)

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

    def _show_record(self, record: ArticleRecord | None, query: str | None = None) -> None:
        # Rebuilding the form for an unchanged record would only cost the operator the cursor.
        unchanged = record is not None and record == self._record
        self._record = record
        self._origin_query = query
        self.tracker.shown(record.id if record else None, query)
        if not unchanged:
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

    # -- opening and copying -----------------------------------------------------------------

    def open_current(self) -> None:
        """Enter on a result: fill a template, or copy an article straight away."""
        record = self._record
        if record is None:
            return
        self.tracker.viewed_now()
        if record.kind == "template" and self.form.focus_field():
            return
        self.copy_current()

    def copy_current(self) -> None:
        record = self._record
        if record is None:
            self._notify(self.tr("Nothing selected to copy."))
            return
        values = self.form.values() if record.kind == "template" else {}
        reply = make_reply(record, self.context.channel, values, self._render_context())
        if reply.missing:
            name = reply.missing[0]
            message = self.tr("Fill in «{field}» before copying.").format(field=field_label(name))
            self.form.show_error(message)
            self.form.focus_field(name)
            self._notify(message)
            return
        self.tracker.viewed_now()
        self._copied_reply(record, reply, self._origin_query)

    def copy_row(self, number: int) -> None:
        """Alt+N: copy the N-th result when it needs no input, else open it for filling."""
        row = self.model.row(number)
        record = self._load(row.id) if row is not None else None
        if record is None:
            return
        query = self._request.text if self.mode == SEARCH and self._request else None
        if needs_input(record, self.context.channel, self._call_values):
            self.results.setCurrentIndex(self.model.index(number))
            self.tracker.viewed_now()
            self.form.focus_field()
            self._notify(
                self.tr("«{title}» needs input: fill in the fields, then press Ctrl+Enter.").format(
                    title=record.title
                )
            )
            return
        reply = make_reply(record, self.context.channel, self._call_values, self._render_context())
        self._copied_reply(record, reply, query)

    def _copied_reply(self, record: ArticleRecord, reply: Reply, query: str | None) -> None:
        return_to = QApplication.focusWidget()
        put_on_clipboard(reply)
        self.tracker.flush_search()
        self.tracker.record(EventKind.COPY, record.id, query)
        self.lists.touch(record.id)
        self._copied = (record.id, query)
        channel = self.channel_labels.get(self.context.channel, self.context.channel)
        self._notify(
            self.tr("Copied «{title}» ({channel})").format(title=record.title, channel=channel)
        )
        self.resolve.ask(return_to if return_to is not self.resolve else self.search_box)

    def _on_resolve_answered(self, resolved: bool) -> None:
        if self._copied is None:
            return
        article_id, query = self._copied
        self._copied = None
        kind = EventKind.RESOLVED if resolved else EventKind.NOT_RESOLVED
        self.tracker.record(kind, article_id, query)
        if resolved:
            self._call_values.clear()  # the request is done; the next client starts clean
        self._notify(self.tr("Thanks, noted.") if resolved else self.tr("Noted: not resolved."))
        self.focus_search()

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

    def _refresh_search(self) -> None:
        self._keep_selection = True
        try:
            self._run_search()
        finally:
            self._keep_selection = False

    # -- focus and keys ----------------------------------------------------------------------

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
        if new is not None and new is not self.search_box and self.isAncestorOf(new):
            self.tracker.attend()

    def clear_search(self) -> None:
        self.tracker.flush_search()
        self.search_box.clear()
        self.focus_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search_box and plain:
            return self._on_search_key(key)
        if watched is self.results and plain:
            return self._on_results_key(event)
        if watched is self.browser and plain and key == Qt.Key.Key_Escape:
            self._focus_results()
            return True
        return super().eventFilter(watched, event)

    def _on_search_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            if self.mode != SEARCH:
                self._leave_list()
            elif self.search_box.text():
                self.clear_search()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.tracker.flush_search()
            self.open_current()
            return True
        return False

    def _on_results_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.mode != SEARCH:
                self._leave_list()
            else:
                self.clear_search()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0:
            self.focus_search()
            return True
        if event.text().isprintable() and event.text().strip():
            # Typing in the list goes on with the query instead of jumping between titles.
            self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search_box.insert(event.text())
            return True
        return False

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


def _empty_result() -> SearchResult:
    return SearchResult([], 0, None, False, False, 0.0, False)
