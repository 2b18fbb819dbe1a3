"""Usage recording for the workspace: settled searches and views, copies and answers.

Keystrokes and arrow presses flying past are not events: a search is logged once it settles
(or is acted on), a view once the operator dwells on an item. A query is logged once: the same
text searched again without the operator touching the box (a refresh after an editor's save)
is not a new search. Each row carries the contact it was part of. Writes are tiny and run on
the UI thread; a database error is reported, never raised into the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kbdesk.records import EventKind
from kbdesk.search import SearchResult
from kbdesk.services import AnswerService

log = logging.getLogger(__name__)

SEARCH_SETTLE_MS = 1500
VIEW_DWELL_MS = 700


class UsageTracker(QObject):
    failed = Signal(str)  # a message for the status bar

    def __init__(
        self,
        answers: AnswerService,
        operator: Callable[[], str],
        channel: Callable[[], str],
        attending: Callable[[], bool],
        contact: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._answers = answers
        self._operator = operator
        self._channel = channel
        self._attending = attending  # False while the operator is still typing a query
        self._contact = contact
        # The search waiting to settle, with the contact it belongs to (it may end meanwhile).
        self._pending_search: tuple[str, SearchResult, str] | None = None
        self._logged: str | None = None  # the query last logged, until the box changes
        self._candidate: tuple[int, str | None] | None = None
        self._last_view: tuple[int, str | None] | None = None
        self._search_timer = self._timer(SEARCH_SETTLE_MS, self.flush_search)
        self._view_timer = self._timer(VIEW_DWELL_MS, self._on_view_dwelt)

    def _timer(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- searches ----------------------------------------------------------------------------

    def searched(self, text: str, result: SearchResult) -> None:
        if not text.strip():
            self._pending_search = None
            self._logged = None
            self._search_timer.stop()
            return
        if text == self._logged:
            return  # the same query searched again (a refresh): logged already
        self._pending_search = (text, result, self._contact())
        self._search_timer.start()

    def query_changed(self) -> None:
        """The operator edited the search box: the next settled query is a new search."""
        self._logged = None

    def flush_search(self) -> None:
        """Log the search the operator settled on; safe to call when nothing is pending."""
        self._search_timer.stop()
        pending, self._pending_search = self._pending_search, None
        if pending is None:
            return
        text, result, contact = pending
        operator = self._operator()
        self._logged = text

        def write() -> None:
            self._answers.log_search(text, result, operator, self._channel(), contact)

        self._guard(write)

    # -- views -------------------------------------------------------------------------------

    def shown(self, article_id: int | None, query: str | None) -> None:
        """The preview now shows this item; it counts as viewed if it stays a moment."""
        self._candidate = None if article_id is None else (article_id, query or None)
        if self._candidate is None:
            self._view_timer.stop()
        else:
            self._view_timer.start()

    def attend(self) -> None:
        """The operator moved into the results or the preview: the dwell starts now."""
        if self._candidate is not None and self._candidate != self._last_view:
            self._view_timer.start()

    def _on_view_dwelt(self) -> None:
        if self._attending():
            self.viewed_now()

    def viewed_now(self) -> None:
        candidate = self._candidate
        if candidate is None or candidate == self._last_view:
            return
        self._view_timer.stop()
        self._last_view = candidate
        self.flush_search()
        self.record(EventKind.VIEW, candidate[0], candidate[1])

    # -- everything else ---------------------------------------------------------------------

    def record(self, kind: EventKind, article_id: int, query: str | None) -> None:
        contact = self._contact()
        self._guard(
            lambda: self._answers.record(
                kind,
                article_id,
                self._operator(),
                query=query,
                channel=self._channel(),
                contact=contact,
            )
        )

    def expired_copy(self, article_id: int) -> None:
        """A copy of an expired item, confirmed: counted beside the copy event."""
        contact = self._contact()
        self._guard(
            lambda: self._answers.copied_expired(article_id, self._operator(), contact=contact)
        )

    def contact_ended(self, contact: str) -> None:
        """Log what waits for the contact, then close it (searches without a copy: abandoned)."""
        self.flush_search()
        self._last_view = None  # the next client viewing the same item is a new view
        self._guard(lambda: self._answers.end_contact(contact))

    def _guard(self, write: Callable[[], object]) -> None:
        try:
            write()
        except Exception as error:  # the window must survive a database hiccup
            log.exception("could not record usage")
            self.failed.emit(self.tr("Could not record usage: {error}").format(error=error))
