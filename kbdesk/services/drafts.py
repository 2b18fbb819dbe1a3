"""Unsaved editor work kept safe: only people who may edit write drafts, each their own."""

from __future__ import annotations

from typing import Any

from kbdesk.drafts import DraftStore, new_draft_key
from kbdesk.records import ContentItem, DraftRecord
from kbdesk.services.people import PeopleService


class DraftService:
    def __init__(self, drafts: DraftStore, people: PeopleService) -> None:
        self._drafts = drafts
        self._people = people

    @staticmethod
    def new_key() -> str:
        """A key for an item that has no slug in the database yet."""
        return new_draft_key()

    def save(
        self,
        actor: str,
        key: str,
        item: ContentItem,
        *,
        article_id: int | None = None,
        base_version: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        person = self._people.require_editor(actor)
        self._drafts.save(
            person.name, key, item, article_id=article_id, base_version=base_version, extra=extra
        )

    def get(self, actor: str, key: str) -> DraftRecord | None:
        return self._drafts.get(actor, key)

    def list(self, actor: str) -> list[DraftRecord]:
        """The person's drafts, newest first."""
        return self._drafts.list(actor)

    def delete(self, actor: str, key: str) -> bool:
        return self._drafts.delete(actor, key)
