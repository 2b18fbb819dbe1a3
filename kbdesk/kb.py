"""The knowledge base service: the database as the truth, the search index as its cache.

Every caller (the window, the CLI, the benchmarks) goes through this class, so that each save
updates the index right after the database commit and each search is logged the same way.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from kbdesk import paths
from kbdesk.db import (
    Database,
    StorageError,
    explain,
    prepare_file,
    schema_revision,
    url_key,
    verify_copy,
)
from kbdesk.records import (
    ArticleRecord,
    ConflictError,
    ContentItem,
    ImportReport,
    SaveResult,
    Status,
    utcnow,
)
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
from kbdesk.transfer import collect, export_items, iter_parsed
from kbdesk.usage import UsageRecorder

Progress = Callable[[int, int], None]


class RebuildCancelled(Exception):
    """The rebuild was stopped because the knowledge base is closing."""


log = logging.getLogger(__name__)
SYNC_WINDOW = timedelta(minutes=15)
# An import indexes (and forgets) what it saved every this many items or characters of text,
# so its memory stays bounded by one batch whatever the size of the archive.
IMPORT_BATCH = 200
IMPORT_BATCH_CHARS = 8_000_000


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
        self._index_writes = threading.Lock()  # saves that move the index's fingerprint on
        self._own_writes = 0  # saves of this process under way (guarded by _index_writes)
        self._colloquial: list[list[str]] = []  # the shipped slang groups (load_synonyms)
        self.embedded = False  # the per-user SQLite file rather than a shared server
        self.index_damaged = False  # a search failed inside the index since it was opened
        self.created = False  # this open created the database file

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, home: Path | None = None, url: str | None = None) -> KnowledgeBase:
        """Open (and migrate) the database. Nothing is loaded into it: see `seed_sample`."""
        home = home or paths.home_dir()
        configured_url = url or paths.database_url(home)
        embedded = configured_url == paths.embedded_url(home)
        database = Database(configured_url)
        try:
            # A file is checked before anything writes to it, and created whole when missing.
            new = prepare_file(database.file) if database.file is not None else False
            database.migrate()
        except BaseException:
            database.dispose()
            raise
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

    @property
    def instant(self) -> bool:
        """True when a search answers in milliseconds on the calling thread: the index is open
        and loaded, and no rebuild is under way. False while a worker still opens it at
        start-up (a search then waits for the open, or for the fallback), so callers with a
        UI thread run searches on a worker until this turns True. Never blocks."""
        if self.rebuilding:
            return False
        return self.index.ready() or self.index_damaged

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
        with self._index_writes:
            if self._own_writes:
                # Saves of this process are committed but not yet indexed: stamping the index
                # with the database's fingerprint now would count them twice when they are.
                return []
            fingerprint = self.fingerprint()
            if self.index.fingerprint() == fingerprint:
                return []
            since = (self._synced_at or utcnow()) - window
            changed = self.store.updated_since(since)
            self.index.upsert([to_doc(r) for r in changed], fingerprint)
        self._synced_at = utcnow()
        return [r.id for r in changed]

    @contextmanager
    def _own_write(self) -> Iterator[None]:
        """Around a save and its indexing: `sync` leaves the index alone meanwhile."""
        with self._index_writes:
            self._own_writes += 1
        try:
            yield
        finally:
            with self._index_writes:
                self._own_writes -= 1

    def _index_changed(self, saved: Sequence[SaveResult]) -> None:
        """Index what this process saved; the index's fingerprint moves on by exactly these
        saves (no query over the whole table), so others' changes still show as a difference
        for `sync` to pick up."""
        if not saved:
            return
        docs = [to_doc(result.record) for result in saved]
        with self._lock:
            fallback = self._fallback
        if fallback is not None:
            fallback.upsert(docs)
        if self.index.open() is not IndexState.OK:
            return  # no usable index yet: it is built from the database before it is used
        try:
            with self._index_writes:  # the fingerprint is read and moved on in one step
                fingerprint = ArticleStore.advance_fingerprint(self.index.fingerprint(), saved)
                self.index.upsert(docs, fingerprint or self.fingerprint())
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
            try:
                return self.index.search(request)
            except Exception as error:  # a damaged segment: the index is only a cache
                self._index_failed(error)
        return self._fallback_searcher().search(request)

    def snippets_for(self, ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        with self._lock:
            fallback = self._fallback
        if fallback is None and self.index.open() is IndexState.OK:
            try:
                return self.index.snippets_for(ids, request)
            except Exception as error:
                self._index_failed(error)
        return self._fallback_searcher().snippets_for(ids, request)

    def _index_failed(self, error: Exception) -> None:
        """Answer from the database from now on; the next start (or reindex) rebuilds."""
        log.warning("the search index failed, searching without it until rebuilt: %s", error)
        self.index_damaged = True
        self._fallback_searcher()

    def _fallback_searcher(self) -> FallbackSearcher:
        """One scan-based searcher for as long as the index is unusable (built once, kept
        current by saves), so a query never pays for reading every item again."""
        with self._lock:
            if self._fallback is None:
                self._fallback = FallbackSearcher(to_doc(r) for r in self.store.iter_all())
                self._fallback.set_synonyms(self.store.synonym_groups(), self._colloquial)
            return self._fallback

    def load_synonyms(self) -> list[list[str]]:
        """The team's groups to the search, with the shipped colloquial dictionary beside them
        (read one way by the search; a missing or unreadable file only loses the slang)."""
        from kbdesk.content import parse_synonyms

        groups = self.store.synonym_groups()
        try:
            shipped = parse_synonyms(
                paths.resource_path("resources", "synonyms", "ru-colloquial.txt").read_text(
                    encoding="utf-8"
                )
            )
        except (OSError, UnicodeDecodeError):
            shipped = []
        self._colloquial = shipped
        self.index.set_synonyms(groups, colloquial=shipped)
        with self._lock:
            if self._fallback is not None:
                self._fallback.set_synonyms(groups, colloquial=shipped)
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
        with self._own_write():
            result = self.store.save(
                item, author, article_id=article_id, expected_version=expected_version, note=note
            )
            if result.changed:
                self._index_changed([result])
        return result

    def set_status(self, article_id: int, status: Status, author: str) -> SaveResult:
        with self._own_write():
            result = self.store.set_status(article_id, status, author)
            if result.changed:
                self._index_changed([result])
        return result

    def restore(self, article_id: int, number: int, author: str) -> SaveResult:
        with self._own_write():
            result = self.store.restore(article_id, number, author)
            if result.changed:
                self._index_changed([result])
        return result

    def import_paths(
        self,
        sources: Iterable[Path],
        author: str,
        *,
        note: str = "imported",
        prepare: Callable[[str, ContentItem], ContentItem] | None = None,
    ) -> ImportReport:
        """Import files, folders and zips; re-importing a slug updates it, never duplicates.

        Files are read, saved and indexed a batch at a time, so memory stays bounded whatever
        the archive holds. Each item is its own transaction: an interrupted import keeps what
        it saved, and running it again finishes the rest.
        """
        with self._own_write():
            return self._import(sources, author, note, prepare)

    def _import(
        self,
        sources: Iterable[Path],
        author: str,
        note: str,
        prepare: Callable[[str, ContentItem], ContentItem] | None,
    ) -> ImportReport:
        report = ImportReport()
        synonyms: list[list[str]] = []
        batch: list[SaveResult] = []
        batch_chars = 0
        for parsed in iter_parsed(collect(sources)):
            if parsed.synonyms is not None:
                synonyms.extend(parsed.synonyms)
                continue
            if parsed.item is None:
                report.failed.append((parsed.name, parsed.error or "cannot be read"))
                continue
            item = parsed.item
            report.warnings.extend((parsed.name, warning) for warning in item.warnings)
            if prepare is not None:  # the services' rules for what a file may become
                item = prepare(parsed.name, item)
            try:
                result = self._save_imported(replace(item, warnings=()), author, note)
            except (StorageError, ValueError) as error:
                # A content error keeps its reason code, so the window can translate it.
                report.failed.append((parsed.name, getattr(error, "reason", None) or str(error)))
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
                report.changed_ids.append(result.record.id)
                batch.append(result)
                batch_chars += len(result.record.body)
            if len(batch) >= IMPORT_BATCH or batch_chars >= IMPORT_BATCH_CHARS:
                self._index_changed(batch)
                batch, batch_chars = [], 0
        self._index_changed(batch)
        if synonyms:
            merged = {tuple(group): None for group in self.store.synonym_groups()}
            merged.update({tuple(group): None for group in synonyms})
            self.replace_synonyms([list(group) for group in merged])
            report.synonym_groups = len(synonyms)
        return report

    def _save_imported(self, item: ContentItem, author: str, note: str) -> SaveResult:
        """Save by slug; when another import or editor changed the item in between, read it
        again and apply this file on top (an import is "make it so"), once."""
        try:
            return self.store.save(item, author, note=note)
        except (ConflictError, StorageError):
            # A concurrent writer created or updated the same slug first (a lost race on the
            # version or a unique slug): the second attempt sees its row and updates it.
            return self.store.save(item, author, note=note)

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
            problems.extend(self._probe_index())
        for record in self.store.list():
            if record.kind != "template":
                continue
            for issue in lint(record.body):
                notes.append(f"template '{record.slug}' line {issue.line}: {issue.message}")
        return CheckReport(problems, notes)

    def _probe_index(self, samples: int = 40) -> list[str]:
        """Search a spread of stored items by their titles: a damaged segment fails (or loses
        them) here, in 'kbdesk check', rather than in an operator's search."""
        records = list(self.store.iter_all())
        step = max(1, len(records) // samples)
        for record in records[::step][:samples]:
            request = SearchRequest(text=record.title, limit=50, statuses=tuple(Status), snippets=1)
            try:
                found = {hit.id for hit in self.index.search(request).hits}
            except Exception as error:  # a damaged file can fail in any way
                return [f"search index is damaged ({error}): run 'kbdesk reindex'"]
            if record.id not in found:
                return [
                    f"search index does not find '{record.slug}' by its title: run 'kbdesk reindex'"
                ]
        return ["search index is damaged: run 'kbdesk reindex'"] if self.index_damaged else []

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
            src = sqlite3.connect(source)
            dst = sqlite3.connect(partial)
            try:
                src.execute(f"PRAGMA busy_timeout={5000}")
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            # The copy is read back in full: a backup that would not restore fails here.
            verify_copy(partial)
            with open(partial, "rb+") as handle:
                os.fsync(handle.fileno())
            partial.replace(target)
        except sqlite3.Error as error:
            problem = explain(error, target)
            raise StorageError(f"backup failed, no backup was written: {problem}") from error
        except StorageError as error:
            raise StorageError(f"backup failed, no backup was written: {error}") from error
        finally:
            partial.unlink(missing_ok=True)
        return target
