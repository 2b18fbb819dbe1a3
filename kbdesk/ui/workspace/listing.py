"""What the workspace's result list shows: the hits for the query, or the operator's pinned or
recently used items (the list's modes)."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication

from kbdesk.search import SearchRequest, SearchResult
from kbdesk.ui.context import IndexStatus
from kbdesk.ui.tasks import run_task
from kbdesk.ui.workspace.clipboard import excerpt
from kbdesk.ui.workspace.results import ResultRow

log = logging.getLogger(__name__)

RESULT_LIMIT = 30
FIRST_SNIPPETS = 10
SEARCH, PINNED, RECENT = "search", "pinned", "recent"

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class ResultListing:
    """Mixed into `WorkspacePage`: fills its result list and keeps its `mode`.

    Works on the page's widgets and state (`_request`, `_generation`, `_records`, `_record`)
    and reports through its `_notify` and `_show_record`.
    """

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
                translate(
                    "WorkspacePage",
                    "Type to search articles and templates.\n\n"
                    "Ctrl+P — pinned for this shift · Ctrl+R — recently used",
                )
            )
            return
        request = SearchRequest(text, limit=RESULT_LIMIT, snippets=FIRST_SNIPPETS)
        if self.context.index_status == IndexStatus.READY and not self.kb.rebuilding:
            try:
                result = self.kb.search(request, log=False)
            except Exception as error:
                log.exception("search failed")
                self._notify(
                    translate("WorkspacePage", "Search failed: {error}").format(error=error)
                )
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
            translate(
                "WorkspacePage",
                "Nothing found for «{query}».\nTry fewer words or another wording.",
            ).format(query=request.text)
        )

    def _set_notices(self, result: SearchResult | None) -> None:
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
        self.reading_label.setText(text)
        self.reading_label.setVisible(bool(text))
        degraded = result is not None and result.degraded
        self.degraded_label.setText(
            translate(
                "WorkspacePage",
                "The search index is being rebuilt: results may be less precise for a moment.",
            )
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

    def _refresh_search(self) -> None:
        self._keep_selection = True
        try:
            self._run_search()
        finally:
            self._keep_selection = False

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
            translate(
                "WorkspacePage", "Pinned for this shift — Ctrl+D unpins, Ctrl+Shift+D unpins all"
            )
            if mode == PINNED
            else translate("WorkspacePage", "Recently used")
        )
        self.mode_label.setText(
            translate("WorkspacePage", "{title}  ·  Esc returns to the search").format(title=title)
        )
        self._set_notices(None)
        self.results.set_empty_text(
            translate("WorkspacePage", "Nothing pinned yet: select an item and press Ctrl+D.")
            if mode == PINNED
            else translate("WorkspacePage", "Nothing used yet in this shift.")
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
            (
                translate("WorkspacePage", "Pinned «{title}»")
                if pinned
                else translate("WorkspacePage", "Unpinned «{title}»")
            ).format(title=record.title)
        )
        if self.mode == PINNED:
            self.show_list(PINNED)

    def _on_unpin_all(self) -> None:
        self.lists.unpin_all()
        self.model.set_pinned(set())
        self.pane.set_pinned(False)
        self._notify(translate("WorkspacePage", "All pins removed"))
        if self.mode == PINNED:
            self.show_list(PINNED)


def _empty_result() -> SearchResult:
    return SearchResult([], 0, None, False, False, 0.0, False)
