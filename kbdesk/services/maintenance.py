"""Keeping a desk healthy: the search index as a cache, checks, backups and the sample.

The sample knowledge base is loaded only when the window opens a new, empty embedded
database, never by the command line (an import into a new home must hold only what was
imported), and it can be removed again in one step. A new database carries a "sample
pending" mark (created with it, in one step): the window loads the sample and clears the mark
only when the whole sample is in, so a start killed half-way is completed by the next one;
the command line clears the mark without loading anything.

Restoring a backup works on a database that cannot be opened (that is when it is needed), so
it is a function of the home folder rather than a method of an open desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbdesk import paths
from kbdesk.db import (
    DatabaseDamaged,
    DatabaseTooNew,
    clear_sample_pending,
    restore_file,
    sample_pending,
    verify_copy,
)
from kbdesk.kb import CheckReport, KnowledgeBase, Progress
from kbdesk.records import StorageError
from kbdesk.services.people import PeopleService

__all__ = [
    "DatabaseDamaged",
    "DatabaseTooNew",
    "MaintenanceService",
    "Restored",
    "SampleRemoval",
    "backups_dir",
    "restore_backup",
]

SAMPLE_AUTHOR = "kbdesk"
SAMPLE_NOTE = "sample"


@dataclass(frozen=True)
class SampleRemoval:
    removed: list[str]  # slugs deleted
    removed_ids: list[int]
    kept: list[str]  # sample items somebody edited: they are the team's now


@dataclass(frozen=True)
class Restored:
    database: Path  # the database file now holding the backup's content
    kept_aside: Path | None  # the previous file, kept (never deleted); None if there was none


def backups_dir(home: Path | None = None) -> Path:
    """Where `kbdesk backup` writes by default (and where the window looks first)."""
    return (home or paths.home_dir()) / "backups"


def restore_backup(backup: Path, home: Path | None = None) -> Restored:
    """Replace the embedded database with a verified copy of `backup`.

    Nothing may have the database open (close the window first). The backup is copied and
    fully checked before anything is replaced; the previous file (with its -wal and -shm)
    stays beside it as `kbdesk.sqlite.damaged-<time>`.
    """
    home = home or paths.home_dir()
    if paths.database_url(home) != paths.embedded_url(home):
        raise StorageError(
            "restore replaces the embedded SQLite database; this desk uses the database at "
            "KBDESK_DATABASE_URL (restore that server from its own backups)"
        )
    database = home / paths.DATABASE_FILE
    aside = restore_file(database, backup)
    return Restored(database, aside)


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
        """A verified copy of the embedded database (checked in full before it is kept)."""
        return self._kb.backup(target)

    def check_backup(self, backup: Path) -> None:
        """Raise StorageError unless `backup` is a complete, undamaged kbdesk database."""
        try:
            if verify_copy(backup) is None:
                raise StorageError(f"{backup} holds no kbdesk schema")
        except DatabaseDamaged as error:
            raise StorageError(f"{backup} is not a usable backup: {error}") from error

    def restore(self, backup: Path, actor: str) -> Restored:
        """Replace the embedded database with `backup` (a lead's decision).

        The backup is checked before anything changes; then this desk is closed (it cannot be
        used afterwards: the window quits and is started again) and the file is replaced, the
        previous one kept beside it.
        """
        self._people.require_lead(actor)
        database = self._kb.db.file
        if not self._kb.embedded or database is None:
            raise StorageError(
                "restore replaces the embedded SQLite database; a shared database is restored "
                "from the server's own backups"
            )
        self.check_backup(backup)
        self._kb.close()
        return Restored(database, restore_file(database, backup))

    # -- the sample knowledge base -----------------------------------------------------------

    def seed_sample(self) -> int:
        """Load the sample into the embedded database this start created; returns how many.

        A shared database, one that has content, or one that existed before (whose owner may
        have removed the sample) is never touched.
        """
        sample = paths.sample_articles_dir()
        kb = self._kb
        if not (kb.embedded and sample_pending(kb.db)) or not sample.is_dir():
            return 0
        # Re-importing is idempotent (by slug), so a load a kill interrupted is finished by
        # the next start; the mark goes only once every item is in.
        report = kb.import_paths([sample], author=SAMPLE_AUTHOR, note=SAMPLE_NOTE)
        if report.failed:
            raise StorageError(
                "the sample could not be loaded: "
                + "; ".join(f"{name}: {reason}" for name, reason in report.failed[:3])
            )
        with kb.db.session() as session:
            clear_sample_pending(session)
        return len(report.created)

    def forgo_sample(self) -> None:
        """The command line's first start: the database stays as empty as it was created."""
        if self._kb.embedded and sample_pending(self._kb.db):
            with self._kb.db.session() as session:
                clear_sample_pending(session)

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
