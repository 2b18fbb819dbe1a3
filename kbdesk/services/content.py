"""Writing and reading the knowledge base: every change checks the role and validates here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from kbdesk.content import ContentError, Reason, held_as_draft, validate
from kbdesk.kb import KnowledgeBase
from kbdesk.records import (
    ArticleRecord,
    ContentItem,
    ImportReport,
    NotFoundError,
    Person,
    PublishBlocked,
    PublishProblem,
    QueueEntry,
    RevisionRecord,
    SaveResult,
    Status,
)
from kbdesk.services.people import PeopleService
from kbdesk.services.publishing import find_problems, linked_slugs, override_note


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

    def problems(self, item: ContentItem) -> list[PublishProblem]:
        """What keeps `item` from being published (the publishing gate); [] when nothing."""
        return find_problems(item, self._store.slug_statuses(linked_slugs(item)))

    def queue(self, owner: str | None = None, today: date | None = None) -> list[QueueEntry]:
        """Items needing their owner: past `valid_until`, past the review date, or with
        feedback nobody handled; `owner` narrows to one person's items. Most feedback first."""
        today = today or date.today()
        feedback = self._store.open_feedback_counts()
        expired_copies = self._store.expired_copy_counts()
        entries = []
        for record in self._store.list(statuses=[Status.DRAFT, Status.PUBLISHED]):
            if owner is not None and record.owner != owner:
                continue
            entry = QueueEntry(record, feedback.get(record.id, 0), expired_copies.get(record.id, 0))
            if entry.reasons(today):
                entries.append(entry)
        return sorted(
            entries,
            key=lambda e: (-e.open_feedback, -e.expired_copies, e.record.title.casefold()),
        )

    # -- changing ----------------------------------------------------------------------------

    def save(
        self,
        item: ContentItem,
        actor: str,
        *,
        article_id: int | None = None,
        expected_version: int | None = None,
        note: str = "",
        override: str = "",
    ) -> SaveResult:
        """Save a new revision; ConflictError if someone saved `expected_version` first.

        A published item with problems raises PublishBlocked (nothing is saved), unless a
        lead gives an `override` reason, which the revision's note records.
        """
        person = self._people.require_editor(actor)
        checked = validate(item)
        current = self._current(article_id, checked.slug)
        if current is None or current.to_item() != checked:  # an unchanged save changes nothing
            note = self._gate(checked, person, override, note)
        return self._kb.save(
            checked,
            person.name,
            article_id=article_id,
            expected_version=expected_version,
            note=note,
        )

    def set_status(
        self, article_id: int, status: Status, actor: str, override: str = ""
    ) -> SaveResult:
        person = self._people.require_editor(actor)
        status = Status(status)
        current = self._store.get(article_id)
        if status is Status.PUBLISHED and not current.is_published:
            item = replace(current.to_item(), status=status.value)
            note = self._gate(item, person, override, f"status: {status.value}")
            return self._kb.save(item, person.name, article_id=article_id, note=note)
        return self._kb.set_status(article_id, status, person.name)

    def restore(self, article_id: int, number: int, actor: str, override: str = "") -> SaveResult:
        person = self._people.require_editor(actor)
        current = self._store.get(article_id)
        for revision in self._store.revisions(article_id):
            if revision.number == number:
                item = replace(revision.item, slug=current.slug)
                note = self._gate(item, person, override, f"restored revision {number}")
                return self._kb.save(item, person.name, article_id=article_id, note=note)
        raise NotFoundError(f"no revision {number} for article {article_id}")

    def _current(self, article_id: int | None, slug: str) -> ArticleRecord | None:
        if article_id is None:
            return self._store.get_by_slug(slug)
        try:
            return self._store.get(article_id)
        except NotFoundError:
            return None

    def _gate(self, item: ContentItem, person: Person, override: str, note: str) -> str:
        """The note to save with; PublishBlocked when `item` may not be published."""
        if item.status != Status.PUBLISHED:
            return note
        problems = self.problems(item)
        if not problems:
            return note
        reason = " ".join(override.split())
        if not reason:
            raise PublishBlocked(problems)
        lead = self._people.require_lead(person.name)  # only a lead publishes over the gate
        return override_note(note, len(problems), lead.name, reason)

    def replace_synonyms(self, groups: Sequence[Sequence[str]], actor: str) -> None:
        self._people.require_editor(actor)
        self._kb.replace_synonyms(groups)

    def import_paths(self, sources: Iterable[Path], actor: str) -> ImportReport:
        """Import files, folders and zips; re-importing a slug updates it, never duplicates."""
        person = self._people.require_editor(actor)
        held: dict[str, tuple[str, list[PublishProblem]]] = {}  # slug -> (file, problems)

        def hold_broken(name: str, item: ContentItem) -> ContentItem:
            if item.status != Status.PUBLISHED:
                return item
            try:
                problems = self.problems(validate(item))
            except ContentError:
                return item  # refused when saved, with its reason
            if not problems:
                return item
            held[item.slug] = (name, problems)
            return replace(item, status=Status.DRAFT.value)

        report = self._kb.import_paths(sources, author=person.name, prepare=hold_broken)
        saved = {*report.created, *report.updated, *report.unchanged}
        for slug, (name, problems) in held.items():
            if slug not in saved:
                continue
            record = self._store.get_by_slug(slug)
            # A link to an item further on in the same import was missing when this file was
            # read: publish it now that the import is complete, if nothing else is wrong.
            if record is not None and record.status == Status.DRAFT:
                problems = self.problems(replace(record.to_item(), status=Status.PUBLISHED.value))
                if not problems:
                    result = self._kb.set_status(record.id, Status.PUBLISHED, person.name)
                    if result.changed and record.id not in report.changed_ids:
                        report.changed_ids.append(record.id)
                    continue
            report.held.append((name, held_reason(problems)))
        return report

    def export(self, target: Path, actor: str) -> list[Path]:
        """Every item as markdown files in a folder or a zip, with the synonyms."""
        self._people.require_editor(actor)
        return self._kb.export(target)


def held_reason(problems: Sequence[PublishProblem]) -> Reason:
    """Why an imported file was saved as a draft (English, with a code for the window)."""
    return held_as_draft([str(problem) for problem in problems], problems[0].line)
