"""Finding and sending answers: search, the reply an operator copies, and what they did.

A search is logged through `log_search` only, by the window (once the query settles) and by
the command line alike, so both count the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from kbdesk.kb import KnowledgeBase
from kbdesk.records import ArticleRecord, EventKind
from kbdesk.replies import Reply, compose_reply
from kbdesk.search import SearchRequest, SearchResult


class AnswerService:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb

    @property
    def instant(self) -> bool:
        """True when a search is answered from the index in a few milliseconds; False while
        the index rebuilds and the slower fallback answers (run it off the UI thread)."""
        return not self._kb.rebuilding

    def search(self, request: SearchRequest) -> SearchResult:
        return self._kb.search(request)

    def snippets_for(self, ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        """Snippets for hits the window is about to show (computing them all costs time)."""
        return self._kb.snippets_for(ids, request)

    def log_search(
        self, text: str, result: SearchResult, operator: str, channel: str | None = None
    ) -> None:
        """Record a search the person settled on: the search log and the usage event."""
        usage = self._kb.usage
        if usage.search(text, result.total, result.took_ms, operator) is None:
            return  # a blank query is not a search
        usage.event(EventKind.SEARCH, operator, query=text, channel=channel)

    def record(
        self,
        kind: EventKind,
        article_id: int,
        operator: str,
        *,
        query: str | None = None,
        channel: str | None = None,
    ) -> None:
        """A view, a copy, or the answer to "did it resolve the request?"."""
        self._kb.usage.event(
            kind, operator, article_id=article_id, query=query or None, channel=channel
        )

    def compose(
        self,
        record: ArticleRecord,
        values: Mapping[str, str],
        operator: str,
        channel: str | None = None,
        now: datetime | None = None,
    ) -> Reply:
        """The reply for the clipboard, the preview and `kbdesk render`."""
        return compose_reply(record, channel, values, operator, now)
