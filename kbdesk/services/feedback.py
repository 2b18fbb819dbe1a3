"""Feedback from the point of use: an operator says an answer is outdated, wrong or missing
something, and the item's owner sees it in their queue until they handle it.

Anyone may send feedback (operators see wrong answers first); handling it is an editor's or a
lead's. The comment and the query are masked like every search before they are stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from kbdesk.privacy import mask_pii
from kbdesk.records import FeedbackKind, FeedbackRecord
from kbdesk.services.people import PeopleService
from kbdesk.store import ArticleStore

MAX_COMMENT = 2000
MAX_NOTE = 500
MAX_QUERY = 500


class FeedbackService:
    def __init__(self, store: ArticleStore, people: PeopleService) -> None:
        self._store = store
        self._people = people

    def send(
        self,
        article_id: int,
        operator: str,
        kind: FeedbackKind | str,
        comment: str = "",
        *,
        query: str | None = None,
        channel: str | None = None,
        contact: str | None = None,
    ) -> FeedbackRecord:
        """Record feedback about an item; ValueError for an unknown kind, NotFoundError when
        the item is gone."""
        try:
            kind = FeedbackKind(kind)
        except ValueError as error:
            options = ", ".join(FeedbackKind)
            raise ValueError(f"feedback is one of {options}, not {kind!r}") from error
        person = self._people.person(operator)
        text = mask_pii(comment.strip())[:MAX_COMMENT]
        searched = mask_pii(" ".join(query.split()))[:MAX_QUERY] if query else None
        return self._store.add_feedback(
            article_id,
            person.name,
            kind.value,
            text,
            query=searched or None,
            channel=channel,
            contact=contact,
        )

    def for_items(
        self, article_ids: Sequence[int], open_only: bool = False
    ) -> list[FeedbackRecord]:
        """Feedback about these items, newest first."""
        return self._store.feedback(article_ids=article_ids, open_only=open_only)

    def sent_by(self, operator: str) -> list[FeedbackRecord]:
        """What this person reported, newest first, each with whether it was handled."""
        return self._store.feedback(operator=" ".join(operator.split()))

    def open_counts(self) -> dict[int, int]:
        """Item id → feedback nobody handled yet."""
        return self._store.open_feedback_counts()

    def handle(self, feedback_id: int, actor: str, note: str = "") -> FeedbackRecord:
        """Mark feedback handled (an editor's or a lead's), with an optional note."""
        person = self._people.require_editor(actor)
        return self._store.handle_feedback(
            feedback_id, person.name, " ".join(note.split())[:MAX_NOTE]
        )
