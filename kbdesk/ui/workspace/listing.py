"""What the workspace's result list shows: the hits for the query, or the operator's pinned or
recently used items (the session's list modes); and which of its rows is the selected item."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QTimer

from kbdesk.records import Kind
from kbdesk.replies import excerpt
from kbdesk.search import SearchRequest, SearchResult
from kbdesk.services import AnswerService
from kbdesk.ui.context import AppContext, IndexStatus
from kbdesk.ui.tasks import run_task
from kbdesk.ui.workspace.cache import RecordCache
from kbdesk.ui.workspace.focus import WorkspaceFocus
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.preview import field_label
from kbdesk.ui.workspace.results import ResultRow
from kbdesk.ui.workspace.session import ListMode, WorkspaceSession
from kbdesk.ui.workspace.snippet_text import clean_snippet
from kbdesk.ui.workspace.tracker import UsageTracker
from kbdesk.ui.workspace.view import WorkspaceView

log = logging.getLogger(__name__)

RESULT_LIMIT = 30
FIRST_SNIPPETS = 10

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class ResultListing(QObject):
    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        context: AppContext,
        records: RecordCache,
        lists: ShiftLists,
        tracker: UsageTracker,
        focus: WorkspaceFocus,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._context = context
        self._answers: AnswerService = context.desk.answers
        self._records = records
        self._lists = lists
        self._tracker = tracker
        self._focus = focus
        self._keep_selection = False  # set while refreshing, so the operator keeps their place
        self._titles: dict[str, str | None] = {}  # link targets' titles, for the snippets
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # one search per event-loop turn, however fast typed
        self._search_timer.timeout.connect(self.run_search)
        view.search_box.textChanged.connect(session.edit_query)
        session.query_edited.connect(self._on_query_edited)
        view.results.selectionModel().currentChanged.connect(self._on_current_changed)
        view.model.snippets_wanted.connect(self._on_snippets_wanted)

    # -- searching ---------------------------------------------------------------------------

    def _on_query_edited(self, _text: str) -> None:
        self._tracker.query_changed()
        self._search_timer.start()

    def _clean(self, snippet: str) -> str:
        return clean_snippet(snippet, field_label, self._link_title)

    def _link_title(self, slug: str) -> str | None:
        if slug not in self._titles:
            try:
                record = self._records.by_slug(slug)
            except Exception:  # a title in a snippet is cosmetic
                record = None
            self._titles[slug] = record.title if record is not None else None
        return self._titles[slug]

    def run_search(self) -> None:
        self._search_timer.stop()
        session = self._session
        text = session.query.strip()
        generation = session.start_search()
        record = session.record
        keep = record.id if record is not None and self._keep_selection else None
        if not text:
            session.clear_request()
            self._tracker.searched("", _empty_result())
            self._show_rows([], keep_id=keep)
            self._set_notices(None)
            self._view.results.set_empty_text(
                translate(
                    "WorkspacePage",
                    "Type to search articles and templates.\n\n"
                    "Ctrl+P — pinned for this shift · Ctrl+R — recently used",
                )
            )
            return
        request = SearchRequest(text, limit=RESULT_LIMIT, snippets=FIRST_SNIPPETS)
        if self._context.index_status == IndexStatus.READY and self._answers.instant:
            try:
                result = self._answers.search(request)
            except Exception as error:
                log.exception("search failed")
                session.notify(
                    translate("WorkspacePage", "Search failed: {error}").format(error=error)
                )
                result = _empty_result()
            self._on_search_done(generation, request, keep, result)
            return
        # The fallback scans every item while the index rebuilds: too slow for the UI thread.
        answers = self._answers
        run_task(
            lambda: answers.search(request),
            on_done=partial(self._on_search_done, generation, request, keep),
            on_error=lambda error: session.notify(str(error)),
        )

    def _on_search_done(
        self, generation: int, request: SearchRequest, keep: int | None, result: SearchResult
    ) -> None:
        if not self._session.finish_search(generation, request, result):
            return  # the operator typed on (or opened a list) meanwhile
        self._tracker.searched(request.text, result)
        rows = [
            ResultRow(
                hit.id, hit.slug, hit.title, Kind(hit.kind), hit.category, self._clean(hit.snippet)
            )
            for hit in result.hits
        ]
        self._show_rows(rows, keep_id=keep)
        self._set_notices(result)
        self._view.results.set_empty_text(
            translate(
                "WorkspacePage",
                "Nothing found for «{query}».\nTry fewer words or another wording.",
            ).format(query=request.text)
        )

    def refresh(self) -> None:
        """Content changed: search again (or reload the list), keeping the selected item."""
        self._titles.clear()
        if self._session.mode != ListMode.SEARCH:
            self.show_list(self._session.mode)
            return
        self._keep_selection = True
        try:
            self.run_search()
        finally:
            self._keep_selection = False

    def clear_search(self) -> None:
        self._tracker.flush_search()
        self._view.search_box.clear()
        self._focus.search()

    def _on_snippets_wanted(self, ids: list[int]) -> None:
        request = self._session.request
        if self._session.mode != ListMode.SEARCH or request is None:
            return
        if not self._answers.instant:
            # The index is still opening (or rebuilding): fetch them on a worker.
            answers = self._answers
            run_task(
                lambda: answers.snippets_for(ids, request),
                on_done=partial(self._on_snippets_done, request),
                on_error=lambda _error: None,  # cosmetic; the task already logged it
            )
            return
        try:
            snippets = self._answers.snippets_for(ids, request)
        except Exception:  # a missing snippet is cosmetic; never worth an error
            log.exception("could not fetch snippets")
            return
        self._on_snippets_done(request, snippets)

    def _on_snippets_done(self, request: SearchRequest, snippets: dict[int, str]) -> None:
        if self._session.request is not request:
            return  # the operator searched again meanwhile
        self._view.model.set_snippets({key: self._clean(text) for key, text in snippets.items()})

    # -- pinned and recent -------------------------------------------------------------------

    def toggle_list(self, mode: ListMode) -> None:
        """Ctrl+P / Ctrl+R: open the list, or close it when it is already open."""
        if self._session.mode == mode:
            self.leave_list()
            return
        self.show_list(mode)
        self._focus.results()

    def show_list(self, mode: ListMode) -> None:
        self._session.open_list(mode)
        ids = self._lists.pinned() if mode == ListMode.PINNED else self._lists.recent()
        rows = [
            ResultRow(r.id, r.slug, r.title, Kind(r.kind), r.category, self._clean(excerpt(r)))
            for r in self._records.published(ids)
        ]
        title = (
            translate(
                "WorkspacePage", "Pinned for this shift — Ctrl+D unpins, Ctrl+Shift+D unpins all"
            )
            if mode == ListMode.PINNED
            else translate("WorkspacePage", "Recently used")
        )
        self._view.mode_label.setText(
            translate("WorkspacePage", "{title}  ·  Esc returns to the search").format(title=title)
        )
        self._set_notices(None)
        self._view.results.set_empty_text(
            translate("WorkspacePage", "Nothing pinned yet: select an item and press Ctrl+D.")
            if mode == ListMode.PINNED
            else translate("WorkspacePage", "Nothing used yet in this shift.")
        )
        self._show_rows(rows, keep_id=None, complete=True)

    def leave_list(self) -> None:
        self._session.leave_list()
        self.run_search()
        self._focus.search()

    def mark_pins(self) -> None:
        """The pins changed (or whose they are): mark the pinned rows with their star."""
        self._view.model.set_pinned(set(self._lists.pinned()))

    # -- the rows and the selected one -------------------------------------------------------

    def _show_rows(
        self, rows: list[ResultRow], keep_id: int | None, complete: bool = False
    ) -> None:
        model, results = self._view.model, self._view.results
        model.set_rows(rows, snippets_complete=complete)
        self.mark_pins()
        if keep_id is not None:
            row = model.row_of(keep_id)
            if row < 0:
                return  # a refresh never swaps the item the operator is working on
        else:
            row = 0 if rows else -1
        if row >= 0:
            results.setCurrentIndex(model.index(row))
            results.scrollTo(model.index(row))
        else:
            self._session.select(None)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a model reset passes through "no current row"; _show_rows decides
        row = self._view.model.row(current.row())
        record = self._records.load(row.id) if row is not None else None
        self._session.select(
            record, self._session.current_query, typing=self._view.search_box.hasFocus()
        )

    def _set_notices(self, result: SearchResult | None) -> None:
        view = self._view
        reading = result.reading if result is not None else None
        if reading and result is not None and result.layout_switched:
            text = translate(
                "WorkspacePage",
                "Showing results for «{reading}» (typed in the other keyboard layout)",
            ).format(reading=reading)
        elif reading:
            text = translate("WorkspacePage", "Showing results for «{reading}»").format(
                reading=reading
            )
        else:
            text = ""
        view.reading_label.setText(text)
        view.reading_label.setVisible(bool(text))
        degraded = result is not None and result.degraded
        view.degraded_label.setText(
            translate(
                "WorkspacePage",
                "The search index is being rebuilt: results may be less precise for a moment.",
            )
            if degraded
            else ""
        )
        view.degraded_label.setVisible(degraded)
        view.mode_label.setVisible(self._session.mode != ListMode.SEARCH)


def _empty_result() -> SearchResult:
    return SearchResult([], 0, None, False, False, 0.0, False)
