"""The knowledge base service: the database as the truth, the search index as its cache.

Every caller (the window, the CLI, the benchmarks) goes through this class, so that each save
updates the index right after the database commit and each search is logged the same way.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from kbdesk import paths
from kbdesk.db import Database, StorageError, schema_revision, url_key
from kbdesk.records import ArticleRecord, ContentItem, ImportReport, SaveResult, Status, utcnow
from kbdesk.search import (
    FallbackSearcher,
    IndexState,
    SearchDoc,
    SearchIndex,
    SearchRequest,
    SearchResult,
    open_index,
)
from kbdesk.store import ArticleStore
from kbdesk.templating import lint
from kbdesk.transfer import collect, export_items, parse_sources
from kbdesk.usage import UsageRecorder

Progress = Callable[[int, int], None]


class RebuildCancelled(Exception):
    """The rebuild was stopped because the knowledge base is closing."""

log = logging.getLogger(__name__)
SYNC_WINDOW = timedelta(minutes=15)


def to_doc(record: ArticleRecord) -> SearchDoc:
    return SearchDoc(
        id=record.id,
        slug=record.slug,
        kind=record.kind,
        title=record.title,
        body=record.body,
        category=record.category,
        tags=record.tags,
        status=record.status,
    )


@dataclass(frozen=True)
class CheckReport:
    problems: list[str]
    notes: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


class KnowledgeBase:
    def __init__(self, database: Database, index_path: Path) -> None:
        self.db = database
        self.store = ArticleStore(database)
        self.usage = UsageRecorder(database)
        self.index: SearchIndex = open_index(index_path)
        self.index_path = index_path
        self._fallback: FallbackSearcher | None = None
        self._rebuilding = threading.Event()
        self._closing = threading.Event()
        self._rebuild_done = threading.Lock()
        self._synced_at: datetime | None = None
        self._lock = threading.RLock()
        self.embedded = False  # the per-user SQLite file rather than a shared server
        self.created = False  # this open created the database file

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, home: Path | None = None, url: str | None = None) -> KnowledgeBase:
        """Open (and migrate) the database. Nothing is loaded into it: see `seed_sample`."""
        home = home or paths.home_dir()
        configured_url = url or paths.database_url(home)
        embedded = configured_url == paths.embedded_url(home)
        file = home / paths.DATABASE_FILE
        new = embedded and (not file.exists() or file.stat().st_size == 0)
        database = Database(configured_url)
        database.migrate()
        kb = cls(database, paths.index_dir(home) / url_key(configured_url))
        kb.embedded = embedded
        kb.created = new
        kb.load_synonyms()
        return kb

    def close(self, wait_s: float = 10.0) -> None:
        """Stop a running rebuild (it keeps the old index intact), then release everything."""
        self._closing.set()
        if self._rebuild_done.acquire(timeout=wait_s):
            self._rebuild_done.release()
        self.index.close()
        self.db.dispose()

    # -- the index as a cache ----------------------------------------------------------------

    def index_status(self) -> tuple[IndexState, bool]:
        """(state of the index folder, whether its fingerprint matches the database)."""
        state = self.index.open()
        matches = state is IndexState.OK and self.index.fingerprint() == self.fingerprint()
        return state, matches

    def needs_rebuild(self) -> bool:
        matches = self.index_status()[1]
        if matches:
            self._synced_at = utcnow()  # in step with the database as of now
        return not matches

    def fingerprint(self) -> str:
        return self.store.fingerprint()

    @property
    def rebuilding(self) -> bool:
        return self._rebuilding.is_set()

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuild the index from the database; searches are answered meanwhile (degraded)."""

        def report(done: int, total: int) -> None:
            if self._closing.is_set():
                raise RebuildCancelled
            if progress is not None:
                progress(done, total)

        with self._rebuild_done:
            with self._lock:
                self._rebuilding.set()
                if self.index.open() is not IndexState.OK:
                    self._fallback_searcher()
            try:
                started = utcnow()
                fingerprint = self.fingerprint()
                total = self.store.count()
                self.index.rebuild(
                    (to_doc(r) for r in self.store.iter_all()), total, fingerprint, report
                )
                # Saves the old index could not take (it was missing) are indexed now.
                if self.fingerprint() != fingerprint:
                    late = self.store.updated_since(started - timedelta(seconds=1))
                    self.index.upsert([to_doc(r) for r in late], self.fingerprint())
                self._synced_at = started
                return total
            finally:
                with self._lock:
                    self._fallback = None
                    self._rebuilding.clear()

    def ensure_index(self, progress: Progress | None = None) -> bool:
        """Rebuild when the index is missing, broken or out of date; True if it rebuilt."""
        if not self.needs_rebuild():
            return False
        self.rebuild(progress)
        return True

    def sync(self, window: timedelta = SYNC_WINDOW) -> list[int]:
        """Pick up changes other people saved to a shared database; returns the changed ids.

        Timestamps come from each writer's clock, so the look-back window is generous:
        re-indexing a few unchanged items is cheap, missing one is not.
        """
        if self.rebuilding or self.index.open() is not IndexState.OK:
            return []
        fingerprint = self.fingerprint()
        if self.index.fingerprint() == fingerprint:
            return []
        since = (self._synced_at or utcnow()) - window
        changed = self.store.updated_since(since)
        self.index.upsert([to_doc(r) for r in changed], fingerprint)
        self._synced_at = utcnow()
        return [r.id for r in changed]

    def _index_changed(self, records: Sequence[ArticleRecord]) -> None:
        if not records:
            return
        docs = [to_doc(r) for r in records]
        with self._lock:
            fallback = self._fallback
        if fallback is not None:
            fallback.upsert(docs)
        if self.index.open() is not IndexState.OK:
            return  # no usable index yet: it is built from the database before it is used
        try:
            self.index.upsert(docs, self.fingerprint())
        except Exception as error:
            # The database has the change and the index is only a cache: the fingerprint now
            # differs, so the next start (or 'kbdesk reindex') rebuilds it.
            log.warning("could not update the search index (it will be rebuilt): %s", error)

    def remove(self, ids: Sequence[int]) -> None:
        """Delete items for good (with their history) and drop them from the index."""
        if not ids:
            return
        self.store.delete(ids)
        with self._lock:
            fallback = self._fallback
        if fallback is not None:
            fallback.delete(ids)
        if self.index.open() is IndexState.OK:
            try:
                self.index.delete(ids, self.fingerprint())
            except Exception as error:
                log.warning("could not update the search index (it will be rebuilt): %s", error)

    # -- searching ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        with self._lock:
            fallback = self._fallback
        if fallback is None and self.index.open() is IndexState.OK:
            return self.index.search(request)
        return self._fallback_searcher().search(request)

    def snippets_for(self, ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        with self._lock:
            fallback = self._fallback
        if fallback is None and self.index.open() is IndexState.OK:
            return self.index.snippets_for(ids, request)
        return self._fallback_searcher().snippets_for(ids, request)

    def _fallback_searcher(self) -> FallbackSearcher:
        """One scan-based searcher for as long as the index is unusable (built once, kept
        current by saves), so a query never pays for reading every item again."""
        with self._lock:
            if self._fallback is None:
                self._fallback = FallbackSearcher(
                    (to_doc(r) for r in self.store.iter_all()), self.store.synonym_groups()
                )
            return self._fallback

    def load_synonyms(self) -> list[list[str]]:
        groups = self.store.synonym_groups()
        self.index.set_synonyms(groups)
        with self._lock:
            if self._fallback is not None:
                self._fallback.set_synonyms(groups)
        return groups

    def replace_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        self.store.replace_synonyms(groups)
        self.load_synonyms()

    # -- changing content --------------------------------------------------------------------

    def save(
        self,
        item: ContentItem,
        author: str,
        *,
        article_id: int | None = None,
        expected_version: int | None = None,
        note: str = "",
    ) -> SaveResult:
        result = self.store.save(
            item, author, article_id=article_id, expected_version=expected_version, note=note
        )
        if result.changed:
            self._index_changed([result.record])
        return result

    def set_status(self, article_id: int, status: Status, author: str) -> SaveResult:
        result = self.store.set_status(article_id, status, author)
        if result.changed:
            self._index_changed([result.record])
        return result

    def restore(self, article_id: int, number: int, author: str) -> SaveResult:
        result = self.store.restore(article_id, number, author)
        if result.changed:
            self._index_changed([result.record])
        return result

    def import_paths(
        self, sources: Iterable[Path], author: str, *, note: str = "imported"
    ) -> ImportReport:
        """Import files, folders and zips; re-importing a slug updates it, never duplicates."""
        items, synonyms, failed = parse_sources(collect(sources))
        report = ImportReport(failed=failed)
        changed: list[ArticleRecord] = []
        for name, item in items:
            report.warnings.extend((name, warning) for warning in item.warnings)
            try:
                result = self.store.save(replace(item, warnings=()), author, note=note)
            except (StorageError, ValueError) as error:
                report.failed.append((name, str(error)))
                continue
            bucket = (
                report.created
                if result.created
                else report.updated
                if result.changed
                else report.unchanged
            )
            bucket.append(item.slug)
            if result.changed:
                changed.append(result.record)
        if synonyms:
            merged = {tuple(group): None for group in self.store.synonym_groups()}
            merged.update({tuple(group): None for group in synonyms})
            self.replace_synonyms([list(group) for group in merged])
            report.synonym_groups = len(synonyms)
        report.changed_ids = [record.id for record in changed]
        self._index_changed(changed)
        return report

    def export(self, target: Path) -> list[Path]:
        return export_items(self.store.list(), self.store.synonym_groups(), target)

    # -- maintenance -------------------------------------------------------------------------

    def schema_revision(self) -> tuple[str | None, str | None]:
        return schema_revision(self.db.engine)

    def check(self) -> CheckReport:
        problems: list[str] = []
        notes: list[str] = []
        current, head = schema_revision(self.db.engine)
        if current != head:
            problems.append(f"database schema is at {current}, the app expects {head}")
        if self.db.is_sqlite:
            with self.db.engine.connect() as connection:
                integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
                if integrity != ["ok"]:
                    problems.extend(f"database: {line}" for line in integrity[:20])
                orphans = list(connection.execute(text("PRAGMA foreign_key_check")))
                if orphans:
                    problems.append(f"database: {len(orphans)} rows point at missing rows")
        count = self.store.count()
        notes.append(f"{count} articles and templates in the database")
        state, matches = self.index_status()
        if state is not IndexState.OK:
            problems.append(f"search index is {state.value}: run 'kbdesk reindex'")
        elif not matches:
            problems.append("search index does not match the database: run 'kbdesk reindex'")
        else:
            problems.extend(f"search index: {p}" for p in self.index.check())
        for record in self.store.list():
            if record.kind != "template":
                continue
            for issue in lint(record.body):
                notes.append(f"template '{record.slug}' line {issue.line}: {issue.message}")
        return CheckReport(problems, notes)

    def backup(self, target: Path | None = None) -> Path:
        """A consistent copy of the SQLite database, safe while the app is running."""
        if not self.db.is_sqlite:
            raise StorageError(
                "backup copies the embedded SQLite database; for PostgreSQL use pg_dump "
                "(or 'kbdesk export FILE.zip' for the content)"
            )
        source = Path(make_url(self.db.url).database or "")
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = source.parent / "backups" / f"kbdesk-{stamp}.sqlite"
        if target.is_dir():
            target = target / f"kbdesk-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        try:
            with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
                src.execute(f"PRAGMA busy_timeout={5000}")
                src.backup(dst)
        except sqlite3.Error as error:
            partial.unlink(missing_ok=True)
            raise StorageError(f"backup failed: {error}") from error
        partial.replace(target)
        return target
