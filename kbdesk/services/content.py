"""Writing and reading the knowledge base: every change checks the role and validates here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from kbdesk.content import validate
from kbdesk.kb import KnowledgeBase
from kbdesk.records import (
    ArticleRecord,
    ContentItem,
    ImportReport,
    RevisionRecord,
    SaveResult,
    Status,
)
from kbdesk.services.people import PeopleService


class ContentService:
    def __init__(self, kb: KnowledgeBase, people: PeopleService) -> None:
        self._kb = kb
        self._store = kb.store
        self._people = people

    # -- reading -----------------------------------------------------------------------------

    def get(self, article_id: int) -> ArticleRecord:
        """The item; NotFoundError when it is gone."""
        return self._store.get(article_id)

    def get_by_slug(self, slug: str) -> ArticleRecord | None:
        return self._store.get_by_slug(slug)

    def get_many(self, ids: Sequence[int]) -> list[ArticleRecord]:
        return self._store.get_many(ids)

    def published(self, ids: Sequence[int]) -> list[ArticleRecord]:
        """The items among `ids` an operator may use, in the order given."""
        return [r for r in self._store.get_many(ids) if r.is_published]

    def list(self, statuses: Sequence[Status] | None = None) -> list[ArticleRecord]:
        return self._store.list(statuses=statuses)

    def count(self) -> int:
        return self._store.count()

    def categories(self) -> list[str]:
        return self._store.categories()

    def tags(self) -> list[str]:
        return self._store.tags()

    def link_exists(self, slug: str) -> bool:
        """Whether `[[slug]]` points at an item an operator can open."""
        record = self._store.get_by_slug(slug)
        return record is not None and record.status != Status.ARCHIVED

    def revisions(self, article_id: int) -> list[RevisionRecord]:
        return self._store.revisions(article_id)

    def synonym_groups(self) -> list[list[str]]:
        return self._store.synonym_groups()

    # -- changing ----------------------------------------------------------------------------

    def save(
        self,
        item: ContentItem,
        actor: str,
        *,
        article_id: int | None = None,
        expected_version: int | None = None,
        note: str = "",
    ) -> SaveResult:
        """Save a new revision; ConflictError if someone saved `expected_version` first."""
        person = self._people.require_editor(actor)
        return self._kb.save(
            validate(item),
            person.name,
            article_id=article_id,
            expected_version=expected_version,
            note=note,
        )

    def set_status(self, article_id: int, status: Status, actor: str) -> SaveResult:
        person = self._people.require_editor(actor)
        return self._kb.set_status(article_id, Status(status), person.name)

    def restore(self, article_id: int, number: int, actor: str) -> SaveResult:
        person = self._people.require_editor(actor)
        return self._kb.restore(article_id, number, person.name)

    def replace_synonyms(self, groups: Sequence[Sequence[str]], actor: str) -> None:
        self._people.require_editor(actor)
        self._kb.replace_synonyms(groups)

    def import_paths(self, sources: Iterable[Path], actor: str) -> ImportReport:
        """Import files, folders and zips; re-importing a slug updates it, never duplicates."""
        person = self._people.require_editor(actor)
        return self._kb.import_paths(sources, author=person.name)

    def export(self, target: Path, actor: str) -> list[Path]:
        """Every item as markdown files in a folder or a zip, with the synonyms."""
        self._people.require_editor(actor)
        return self._kb.export(target)
