"""The state of one operator's work in the workspace, apart from any widget.

The result list, the preview, the copy flow and the keyboard all read and change the same few
facts: what was searched, which item is selected and from which query, the contact (the call or
chat) and what the operator typed during it, which copy still waits for its "did it resolve?"
answer. Kept here, each widget observes the session's signals and changes it through its public
methods, so no widget reaches into another, and the state's rules can be tested without a window.

A contact is the unit of privacy: values typed during it are offered again only within it, and
a new contact starts empty. What is shared between the templates of one contact is the client's
identity (name, order, phone… `kbdesk.clues.IDENTITY`); any other field belongs to the template
it was typed in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from kbdesk.clues import is_identity_field
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


class ContactEnd(StrEnum):
    """Why a contact ended."""

    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"
    NEXT = "next"  # the operator pressed "next client"
    IDLE = "idle"  # nothing happened for the idle time the operator set


@dataclass
class Contact:
    """One call or chat: its id (carried by its usage events), what was typed during it."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    shared: dict[str, str] = field(default_factory=dict)  # identity fields, by name
    own: dict[int, dict[str, str]] = field(default_factory=dict)  # other fields, per template
    suggested: dict[str, str] = field(default_factory=dict)  # from the client's message, by kind
    copies: int = 0
    active: bool = False  # anything happened (a query, a value, a copy): worth ending

    def values_for(self, article_id: int | None) -> dict[str, str]:
        own = self.own.get(article_id, {}) if article_id is not None else {}
        return {**self.shared, **own}

    def texts(self) -> set[str]:
        """Every value typed or suggested during the contact (for the carry-over check)."""
        values = set(self.shared.values()) | set(self.suggested.values())
        for typed in self.own.values():
            values |= set(typed.values())
        return values


class WorkspaceSession(QObject):
    query_edited = Signal(str)  # the operator typed in the search box
    selected = Signal()  # an item was selected again or anew: a view may start
    # The selected record is another one; True when it follows the query being typed (the top
    # hit changing under the operator's fingers), so its preview may wait a frame.
    record_changed = Signal(bool)
    channel_changed = Signal(str)
    message = Signal(str)  # for the status bar
    # A contact ended (the old one, why); the session already holds a new, empty contact.
    contact_ended = Signal(object, str)
    touched = Signal()  # the operator did something in the contact: the idle time restarts
    history_changed = Signal()  # Back / Forward through followed links became (un)available
    suggestions_changed = Signal()

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
        self._contact = Contact()
        self._back: list[tuple[ArticleRecord, str | None]] = []
        self._forward: list[tuple[ArticleRecord, str | None]] = []
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
        if text.strip():
            self.touch()
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
        self,
        record: ArticleRecord | None,
        query: str | None = None,
        *,
        typing: bool = False,
        follow: bool = False,
    ) -> None:
        """Show `record`; with `follow`, it was reached by a link, and Back returns from it."""
        if follow and self._record is not None and record != self._record:
            self._back.append((self._record, self._origin_query))
            self._forward.clear()
            self.history_changed.emit()
        elif not follow and (self._back or self._forward) and record != self._record:
            self._back.clear()  # a new item picked from the list starts a new trail
            self._forward.clear()
            self.history_changed.emit()
        self._show(record, query, typing)

    def _show(self, record: ArticleRecord | None, query: str | None, typing: bool) -> None:
        # Rebuilding the form for an unchanged record would only cost the operator the cursor.
        unchanged = record is not None and record == self._record
        self._record = record
        self._origin_query = query
        self.selected.emit()
        if not unchanged:
            self.record_changed.emit(typing)

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def go_back(self) -> bool:
        """Back to the item a followed link came from; False when there is none."""
        return self._step(self._back, self._forward)

    def go_forward(self) -> bool:
        return self._step(self._forward, self._back)

    def _step(
        self,
        source: list[tuple[ArticleRecord, str | None]],
        target: list[tuple[ArticleRecord, str | None]],
    ) -> bool:
        if not source:
            return False
        if self._record is not None:
            target.append((self._record, self._origin_query))
        record, query = source.pop()
        self.history_changed.emit()
        self._show(record, query, False)
        return True

    def replace_record(self, record: ArticleRecord | None) -> None:
        """The selected item changed in the knowledge base (None: it is gone). Not a new
        selection, so nobody is told: the caller shows the fresh state itself."""
        self._record = record

    # -- the contact and the values typed during it -----------------------------------------

    @property
    def contact(self) -> Contact:
        """The contact under way. Read it; change it through the methods below."""
        return self._contact

    @property
    def contact_id(self) -> str:
        return self._contact.id

    def values_for(self, article_id: int | None) -> dict[str, str]:
        """What a template's form starts with: the client's identity typed during this
        contact, and what was typed into this very template. A copy."""
        return self._contact.values_for(article_id)

    def remember_values(
        self, article_id: int, names: Iterable[str], typed: Mapping[str, str]
    ) -> None:
        """The form of template `article_id`, with fields `names`, now holds `typed` (fields
        left at their default omitted). Identity fields go to the whole contact, the others
        stay with the template."""
        contact = self._contact
        own = contact.own.setdefault(article_id, {})
        for name in names:
            (contact.shared if is_identity_field(name) else own).pop(name, None)
        for name, value in typed.items():
            (contact.shared if is_identity_field(name) else own)[name] = value
        if typed:
            self.touch()

    @property
    def suggestions(self) -> dict[str, str]:
        """Values found in the client's message, by kind (`kbdesk.clues.ClueKind`). A copy."""
        return dict(self._contact.suggested)

    def suggest(self, values: Mapping[str, str]) -> None:
        """The client's message was read: offer these values (never filled without a yes)."""
        self._contact.suggested = dict(values)
        self.touch()
        self.suggestions_changed.emit()

    def touch(self) -> None:
        """Something happened in the contact: it is under way, and its idle time restarts."""
        self._contact.active = True
        self.touched.emit()

    def end_contact(self, reason: ContactEnd) -> Contact:
        """End the contact: everything typed in it is forgotten, the next one starts empty.
        Returns the contact that ended (also emitted with `contact_ended`)."""
        ended, self._contact = self._contact, Contact()
        self._pending_copy = None
        self._back.clear()
        self._forward.clear()
        self.contact_ended.emit(ended, str(reason))
        self.history_changed.emit()
        self.suggestions_changed.emit()
        return ended

    # -- copying and the resolve answer ------------------------------------------------------

    @property
    def pending_copy(self) -> PendingCopy | None:
        return self._pending_copy

    def copied(self, article_id: int, query: str | None) -> None:
        self._pending_copy = PendingCopy(article_id, query)
        self._contact.copies += 1
        self.touch()

    def answer(self, resolved: bool) -> PendingCopy | None:
        """The operator answered the prompt: the copy it was about, or None if none waits.

        Either answer ends the contact: the request is done (or handed on), and the next
        client must not see this one's data. Record the answer before calling this, while the
        contact is still the one it belongs to.
        """
        pending = self._pending_copy
        if pending is None:
            return None
        self.end_contact(ContactEnd.RESOLVED if resolved else ContactEnd.NOT_RESOLVED)
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
