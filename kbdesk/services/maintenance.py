"""Keeping a desk healthy: the search index as a cache, checks, backups and the sample.

The sample knowledge base is loaded only when the window opens a new, empty embedded
database, never by the command line (an import into a new home must hold only what was
imported), and it can be removed again in one step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbdesk import paths
from kbdesk.kb import CheckReport, KnowledgeBase, Progress
from kbdesk.services.people import PeopleService

SAMPLE_AUTHOR = "kbdesk"
SAMPLE_NOTE = "sample"


@dataclass(frozen=True)
class SampleRemoval:
    removed: list[str]  # slugs deleted
    removed_ids: list[int]
    kept: list[str]  # sample items somebody edited: they are the team's now


class MaintenanceService:
    def __init__(self, kb: KnowledgeBase, people: PeopleService) -> None:
        self._kb = kb
        self._people = people

    # -- the index ---------------------------------------------------------------------------

    @property
    def rebuilding(self) -> bool:
        return self._kb.rebuilding

    def needs_rebuild(self) -> bool:
        """Whether the index is missing, damaged or behind the database."""
        return self._kb.needs_rebuild()

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuild the index from the database; returns the number of items indexed."""
        return self._kb.rebuild(progress)

    def ensure_index(self, progress: Progress | None = None) -> bool:
        return self._kb.ensure_index(progress)

    def sync(self) -> list[int]:
        """Index what other desks saved to a shared database; returns the changed ids."""
        return self._kb.sync()

    # -- health ------------------------------------------------------------------------------

    def check(self) -> CheckReport:
        return self._kb.check()

    def schema_revision(self) -> tuple[str | None, str | None]:
        """(the database's migration revision, the newest one this version knows)."""
        return self._kb.schema_revision()

    def backup(self, target: Path | None = None) -> Path:
        return self._kb.backup(target)

    # -- the sample knowledge base -----------------------------------------------------------

    def seed_sample(self) -> int:
        """Load the sample into the embedded database this start created; returns how many.

        A shared database, one that has content, or one that existed before (whose owner may
        have removed the sample) is never touched.
        """
        sample = paths.sample_articles_dir()
        kb = self._kb
        if not (kb.embedded and kb.created) or kb.store.count() or not sample.is_dir():
            return 0
        report = self._kb.import_paths([sample], author=SAMPLE_AUTHOR, note=SAMPLE_NOTE)
        return len(report.created)

    def sample_count(self) -> int:
        """How many sample items nobody has edited are still in the knowledge base."""
        return len(self._kb.store.unedited_by_people(SAMPLE_AUTHOR))

    def remove_sample(self, actor: str) -> SampleRemoval:
        """Delete the sample items nobody edited; edited ones stay and are reported."""
        self._people.require_editor(actor)
        untouched = self._kb.store.unedited_by_people(SAMPLE_AUTHOR)
        sample_slugs = {p.stem for p in paths.sample_articles_dir().glob("*.md")}
        removed = [r for r in untouched if r.slug in sample_slugs]
        self._kb.remove([r.id for r in removed])
        kept = sorted(
            slug
            for slug in sample_slugs
            if slug not in {r.slug for r in removed} and self._kb.store.get_by_slug(slug)
        )
        return SampleRemoval(sorted(r.slug for r in removed), [r.id for r in removed], kept)
