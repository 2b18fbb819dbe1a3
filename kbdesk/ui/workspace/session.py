"""The state of one operator's work in the workspace, apart from any widget.

The result list, the preview, the copy flow and the keyboard all read and change the same few
facts: what was searched, which item is selected and from which query, what the operator typed
during the call, which copy still waits for its "did it resolve?" answer. Kept here, each widget
observes the session's signals and changes it through its public methods, so no widget reaches
into another, and the state's rules can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from kbdesk.records import ArticleRecord
from kbdesk.search import SearchRequest, SearchResult


class ListMode(StrEnum):
    """What the result list shows: the hits for the query, or one of the operator's lists."""

    SEARCH = "search"
    PINNED = "pinned"
    RECENT = "recent"


@dataclass(frozen=True)
class PendingCopy:
    """A copy whose "did this resolve the request?" answer has not come yet."""

    article_id: int
    query: str | None  # the query that led to the item, logged with the answer


class WorkspaceSession(QObject):
    query_edited = Signal(str)  # the operator typed in the search box
    selected = Signal()  # an item was selected again or anew: a view may start
    # The selected record is another one; True when it follows the query being typed (the top
    # hit changing under the operator's fingers), so its preview may wait a frame.
    record_changed = Signal(bool)
    channel_changed = Signal(str)
    message = Signal(str)  # for the status bar

    def __init__(self, channel: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mode = ListMode.SEARCH
        self._query = ""
        self._request: SearchRequest | None = None
        self._result: SearchResult | None = None
        # Bumped by every search and list opening: an answer for an older one is stale.
        self._generation = 0
        self._record: ArticleRecord | None = None
        self._origin_query: str | None = None
        self._call_values: dict[str, str] = {}
        self._pending_copy: PendingCopy | None = None
        self._channel = channel
        self._last_message = ""

    # -- the query and the list --------------------------------------------------------------

    @property
    def mode(self) -> ListMode:
        return self._mode

    @property
    def query(self) -> str:
        """The search box's text as typed."""
        return self._query

    @property
    def request(self) -> SearchRequest | None:
        """The search whose hits the list shows; None for a blank query."""
        return self._request

    @property
    def result(self) -> SearchResult | None:
        return self._result

    @property
    def current_query(self) -> str | None:
        """The query an item selected in the list now comes from (None in pinned / recent)."""
        if self._mode == ListMode.SEARCH and self._request is not None:
            return self._request.text
        return None

    def edit_query(self, text: str) -> None:
        """Typing always means searching; it also passes over an unanswered resolve prompt."""
        self._query = text
        self._mode = ListMode.SEARCH
        self._pending_copy = None
        self.query_edited.emit(text)

    def start_search(self) -> int:
        """A search begins; pass the number it returns to `finish_search`."""
        self._generation += 1
        return self._generation

    def finish_search(self, generation: int, request: SearchRequest, result: SearchResult) -> bool:
        """Take a search's answer; False when the operator typed on or opened a list since."""
        if generation != self._generation or self._mode != ListMode.SEARCH:
            return False
        self._request = request
        self._result = result
        return True

    def clear_request(self) -> None:
        """The query is blank: the list shows no search."""
        self._request = None
        self._result = None

    def open_list(self, mode: ListMode) -> None:
        """Show the pinned or recent list; a search still running is then stale."""
        self._mode = mode
        self._generation += 1

    def leave_list(self) -> None:
        self._mode = ListMode.SEARCH

    # -- the selected item -------------------------------------------------------------------

    @property
    def record(self) -> ArticleRecord | None:
        """What the preview shows."""
        return self._record

    @property
    def origin_query(self) -> str | None:
        """The query that led to the selected item, logged with its view and copy."""
        return self._origin_query

    def select(
        self, record: ArticleRecord | None, query: str | None = None, *, typing: bool = False
    ) -> None:
        # Rebuilding the form for an unchanged record would only cost the operator the cursor.
        unchanged = record is not None and record == self._record
        self._record = record
        self._origin_query = query
        self.selected.emit()
        if not unchanged:
            self.record_changed.emit(typing)

    def replace_record(self, record: ArticleRecord | None) -> None:
        """The selected item changed in the knowledge base (None: it is gone). Not a new
        selection, so nobody is told: the caller shows the fresh state itself."""
        self._record = record

    # -- values typed during the call --------------------------------------------------------

    @property
    def call_values(self) -> dict[str, str]:
        """Values typed into templates, by field name: the next template of the call starts
        with them. A copy; change them through `remember_values`."""
        return dict(self._call_values)

    def remember_values(self, names: Iterable[str], typed: Mapping[str, str]) -> None:
        """A form of fields `names` now holds `typed` (fields left at their default omitted)."""
        for name in names:
            self._call_values.pop(name, None)
        self._call_values.update(typed)

    # -- copying and the resolve answer ------------------------------------------------------

    @property
    def pending_copy(self) -> PendingCopy | None:
        return self._pending_copy

    def copied(self, article_id: int, query: str | None) -> None:
        self._pending_copy = PendingCopy(article_id, query)

    def answer(self, resolved: bool) -> PendingCopy | None:
        """The operator answered the prompt: the copy it was about, or None if none waits."""
        pending, self._pending_copy = self._pending_copy, None
        if pending is not None and resolved:
            self._call_values.clear()  # the request is done; the next client starts clean
        return pending

    # -- the channel and messages ------------------------------------------------------------

    @property
    def channel(self) -> str:
        """The channel replies are written for (the context's, followed by the page)."""
        return self._channel

    def set_channel(self, channel: str) -> None:
        if channel == self._channel:
            return
        self._channel = channel
        self.channel_changed.emit(channel)

    @property
    def last_message(self) -> str:
        return self._last_message

    def notify(self, text: str) -> None:
        self._last_message = text
        self.message.emit(text)
