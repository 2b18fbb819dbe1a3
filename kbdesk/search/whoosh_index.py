"""The on-disk Whoosh index: generations swapped atomically, one shared searcher.

Layout of the index folder:
    CURRENT           name of the live generation, replaced atomically (os.replace)
    g-<time>-<pid>/   a generation: Whoosh files + kbdesk-meta.json + kbdesk-vocab.txt
A rebuild fills a new generation while searches keep using the old one, then swaps CURRENT.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import threading
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.writing import IndexWriter

from kbdesk.search.api import IndexState, Progress, SearchDoc, SearchRequest, SearchResult
from kbdesk.search.flow import Found, coordinated, run_search
from kbdesk.search.postings import PostingScorer, top
from kbdesk.search.query import Plan, Planner
from kbdesk.search.snippets import Marker, make_snippet
from kbdesk.search.text import words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.whoosh_schema import (
    FORMAT_VERSION,
    build_schema,
    doc_fields,
    filter_query,
    status_mask,
)

CURRENT = "CURRENT"
META = "kbdesk-meta.json"
VOCAB = "kbdesk-vocab.txt"
LOCK_NAME = "WRITELOCK"  # whoosh.index.Index.writer() takes this lock in the storage
_PROGRESS_EVERY = 100
# A saved edit commits without merging segments (merging is most of a commit's time on a large
# index). Once this many such commits piled up, the small segments are merged on a background
# thread as soon as editing pauses, so a merge never makes the next save wait.
_MERGE_AFTER_EDITS = 8
_MERGE_WHEN_IDLE_S = 2.0


def doc_words(doc: SearchDoc) -> list[str]:
    return words(" ".join((doc.title, " ".join(doc.tags), doc.body)))


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _close_quietly(*things: Any) -> None:
    for thing in things:
        if thing is None:
            continue
        with contextlib.suppress(Exception):  # already broken; closing is best effort
            thing.close()


def _refreshed(ix: Index, old: WhooshSearcher) -> WhooshSearcher:
    """A searcher over the index's newest commit that keeps the open segment readers.

    Whoosh 2.7.4's own `refresh()` means to reuse them but looks them up under the wrong key,
    so each refresh re-read every segment's files into memory: most of a saved edit's time on
    a large index. A kept reader gets the new segment object, which carries the deletions the
    commit made.
    """
    from whoosh.reading import MultiReader, SegmentReader

    toc = ix._read_toc()
    if toc.generation == old.reader().generation():
        return old
    open_readers = {
        reader.segment().segment_id(): reader
        for reader, _ in old.reader().leaf_readers()
        if isinstance(reader, SegmentReader)
    }
    readers = []
    for segment in toc.segments:
        reader = open_readers.pop(segment.segment_id(), None)
        if reader is None:
            reader = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
        else:
            reader._segment = segment
            reader._perdoc._segment = segment
            reader._gen = toc.generation
        readers.append(reader)
    for reader in open_readers.values():  # segments merged away
        reader.close()
    combined = readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)
    return WhooshSearcher(combined, fromindex=ix)


def _merge_small_segments(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Fold the small segments saved edits leave into one; keep the big ones a build made.

    Whoosh's own policy leaves many one-document segments behind, and every segment costs a few
    milliseconds each time a reader opens, which is on every saved edit.
    """
    from whoosh.reading import SegmentReader

    largest = max((segment.doc_count_all() for segment in segments), default=0)
    small = max(largest // 20, 100)
    kept = []
    for segment in segments:
        if segment.doc_count_all() >= small:
            kept.append(segment)
            continue
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return kept


class WhooshIndex:
    def __init__(self, path: str | os.PathLike[str], procs: int | None = None) -> None:
        self.path = Path(path)
        # Two processes doubled the build rate on two cores; more brought nothing measurable.
        self._procs = procs if procs is not None else min(2, os.cpu_count() or 1)
        self._lock = threading.RLock()  # guards the searcher, vocabulary and meta
        self._write_lock = threading.Lock()  # one writer at a time within this process
        self._merger: threading.Thread | None = None
        self._unmerged = 0  # edit commits since the last merge
        self._merge_timer: threading.Timer | None = None
        self._ix: Index | None = None
        self._searcher: WhooshSearcher | None = None
        self._gen: Path | None = None
        self._meta: dict[str, Any] = {}
        self._vocab = Vocabulary()
        self._statuses: list[str] = []
        self._planner = Planner(lambda: self._vocab)
        self._pending: list[tuple[str, Any, str]] | None = None  # edits made during a rebuild
        self._plans: dict[tuple[str, tuple[str, ...]], Plan | None] = {}
        self._sets: dict[tuple[Any, ...], tuple[set[int] | None, frozenset[int]]] = {}
        self._scorer: PostingScorer | None = None  # caches tied to the current searcher
        self.problems: list[str] = []  # what open() found, for the log

    # -- opening and checking ---------------------------------------------------------------

    def open(self) -> IndexState:
        """Opens the live generation; reports instead of raising when it is unusable.

        Cheap when the same generation is already open (callers may ask before each search):
        the open searcher is kept rather than reloaded.
        """
        with self._lock:
            try:
                name = (self.path / CURRENT).read_text(encoding="utf-8").strip()
            except FileNotFoundError:
                self._close_locked()
                self.problems = []
                return self._report(IndexState.MISSING, "no index")
            except (OSError, UnicodeDecodeError) as exc:
                self._close_locked()
                self.problems = []
                return self._report(IndexState.CORRUPT, f"unreadable {CURRENT}: {exc}")
            if self._searcher is not None and self._gen is not None and self._gen.name == name:
                return IndexState.OK
            self._close_locked()
            self.problems = []
            gen = self.path / name
            if not name.startswith("g-") or "/" in name or not gen.is_dir():
                return self._report(IndexState.MISSING, f"generation {name!r} not found")
            self._remove_stale_generations(keep=name)
            storage = FileStorage(str(gen))
            lock = storage.lock(LOCK_NAME)
            try:
                if not lock.acquire(blocking=False):
                    return self._report(IndexState.LOCKED, "another process is writing")
                lock.release()
            except OSError as exc:
                return self._report(IndexState.CORRUPT, f"lock file unusable: {exc}")
            # Whoosh opens segment files before it notices they are damaged and drops them
            # unclosed; their ResourceWarnings are expected here and collected before leaving.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                state = self._open_generation(gen)
                if state is not IndexState.OK:
                    gc.collect()
            return state

    def _open_generation(self, gen: Path) -> IndexState:
        ix: Index | None = None
        searcher: WhooshSearcher | None = None
        try:
            meta = json.loads((gen / META).read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT_VERSION:
                return self._report(IndexState.CORRUPT, "index of another format")
            ix = whoosh_index.open_dir(str(gen))
            searcher = ix.searcher()
            self._probe(searcher)
            vocab = Vocabulary.load(gen / VOCAB)
        except Exception as exc:  # whatever broke, the answer is "rebuild it"
            _close_quietly(searcher, ix)
            return self._report(IndexState.CORRUPT, f"{type(exc).__name__}: {exc}")
        self._ix, self._searcher, self._gen = ix, searcher, gen
        self._scorer = PostingScorer(searcher)
        self._meta, self._vocab = meta, vocab
        self._statuses = self._present_statuses()
        self._plans.clear()
        self._sets.clear()
        return IndexState.OK

    def _report(self, state: IndexState, problem: str) -> IndexState:
        self.problems.append(problem)
        return state

    @staticmethod
    def _probe(searcher: WhooshSearcher) -> None:
        """Touches every segment's term index, postings and stored fields, so truncated or
        overwritten files fail here rather than in the operator's first search."""
        reader = searcher.reader()
        for sub, _ in reader.leaf_readers():
            if sub.doc_count_all() == 0:
                continue
            for field in ("id", "body", "pre"):
                for term in sub.lexicon(field):
                    sub.postings(field, term).all_ids()
                    break
            sub.stored_fields(0)
            sub.stored_fields(sub.doc_count_all() - 1)

    def check(self) -> list[str]:
        """Problems with the open index; empty when it is healthy."""
        with self._lock:
            if self._searcher is None:
                return ["index is not open", *self.problems]
            problems: list[str] = []
            try:
                count = self._searcher.doc_count()
                if count != self._meta.get("doc_count"):
                    problems.append(f"{count} documents, expected {self._meta.get('doc_count')}")
                self._probe(self._searcher)
            except Exception as exc:  # a damaged file can fail in any way
                problems.append(f"{type(exc).__name__}: {exc}")
            if len(self._vocab) == 0 and self._meta.get("doc_count"):
                problems.append("empty word list")
            return problems

    def fingerprint(self) -> str | None:
        with self._lock:
            value = self._meta.get("fingerprint")
            return value if isinstance(value, str) else None

    @property
    def vocabulary(self) -> Vocabulary:
        return self._vocab

    def doc_count(self) -> int:
        with self._lock:
            return self._searcher.doc_count() if self._searcher is not None else 0

    def close(self) -> None:
        self.wait_for_merge(30.0)
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._ix is not None:
            self._ix.close()
        self._ix = self._searcher = self._gen = None
        self._scorer = None
        self._meta = {}

    def _present_statuses(self) -> list[str]:
        assert self._searcher is not None
        return [s.decode() if isinstance(s, bytes) else s
                for s in self._searcher.lexicon("status")]

    def _remove_stale_generations(self, keep: str) -> None:
        """Generations left by a crashed rebuild; one being built holds its writer lock."""
        for entry in self.path.iterdir():
            if not entry.is_dir() or not entry.name.startswith("g-") or entry.name == keep:
                continue
            lock = FileStorage(str(entry)).lock(LOCK_NAME)
            try:
                if lock.acquire(blocking=False):
                    lock.release()
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                shutil.rmtree(entry, ignore_errors=True)

    # -- writing -------------------------------------------------------------------------

    def rebuild(
        self,
        docs: Iterable[SearchDoc],
        total: int,
        fingerprint: str,
        progress: Progress | None = None,
    ) -> None:
        """Builds a new generation beside the live one and swaps it in when complete."""
        self.path.mkdir(parents=True, exist_ok=True)
        gen = self.path / f"g-{time.time_ns():x}-{os.getpid()}"
        gen.mkdir()
        with self._lock:
            self._pending = []
        try:
            ix = whoosh_index.create_in(str(gen), build_schema())
            vocab = Vocabulary()
            count = self._fill(ix, docs, total, vocab, progress)
            with self._write_lock:
                with self._lock:
                    pending, self._pending = self._pending or [], None
                for op, payload, fp in pending:  # edits saved while we were building
                    fingerprint = fp
                    writer = ix.writer(timeout=5.0)
                    count += self._apply(writer, op, payload, vocab)
                    writer.commit()
                vocab.save(gen / VOCAB)
                meta = {"format": FORMAT_VERSION, "fingerprint": fingerprint, "doc_count": count}
                _write_atomic(gen / META, json.dumps(meta))
                ix.close()
                old = self._gen
                _write_atomic(self.path / CURRENT, gen.name)
                state = self.open()
                if state is not IndexState.OK:
                    raise RuntimeError(f"rebuilt index does not open: {self.problems}")
            if old is not None and old != gen:
                shutil.rmtree(old, ignore_errors=True)  # may fail on Windows; cleaned at open
        except BaseException:
            with self._lock:
                self._pending = None
            shutil.rmtree(gen, ignore_errors=True)
            raise

    def _fill(
        self,
        ix: Index,
        docs: Iterable[SearchDoc],
        total: int,
        vocab: Vocabulary,
        progress: Progress | None,
    ) -> int:
        if self._procs > 1:
            writer = ix.writer(procs=self._procs, multisegment=True, limitmb=128)
        else:
            writer = ix.writer(limitmb=256)
        count = 0
        try:
            for doc in docs:
                writer.add_document(**doc_fields(doc))
                vocab.add(doc_words(doc))
                count += 1
                if progress is not None and count % _PROGRESS_EVERY == 0:
                    progress(count, total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        if progress is not None:
            progress(count, max(total, count))
        return count

    def _apply(
        self,
        writer: IndexWriter,
        op: str,
        payload: Any,
        vocab: Vocabulary,
        searcher: WhooshSearcher | None = None,
    ) -> int:
        """Applies one edit inside an open writer; returns the change in document count.

        `searcher`, the live one at the writer's generation, finds the documents to delete;
        without it Whoosh opens (and copies into memory) every segment again for each edit.
        """
        delta = 0
        if op == "upsert":
            for doc in payload:
                delta -= writer.delete_by_term("id", str(doc.id), searcher=searcher)
                writer.add_document(**doc_fields(doc))
                delta += 1
                vocab.add(doc_words(doc))
        else:
            for doc_id in payload:
                delta -= writer.delete_by_term("id", str(doc_id), searcher=searcher)
        return delta

    def upsert(self, docs: Iterable[SearchDoc], fingerprint: str) -> None:
        self._edit("upsert", list(docs), fingerprint)

    def delete(self, ids: Iterable[int], fingerprint: str) -> None:
        self._edit("delete", list(ids), fingerprint)

    def _edit(self, op: str, payload: list[Any], fingerprint: str) -> None:
        with self._write_lock:
            ix, gen = self._ix, self._gen
            if ix is None or gen is None:
                raise RuntimeError("the index is not open")
            # Delete-by-term plus add in one writer and one commit: update_document is far
            # slower on a large index.
            writer = ix.writer(timeout=5.0)
            fresh = Vocabulary()
            with self._lock:
                known = self._vocab
            try:
                # Under the search lock: a Whoosh searcher is not safe for two threads at once.
                with self._lock:
                    delta = self._apply(writer, op, payload, fresh, self._searcher)
            except BaseException:
                writer.cancel()
                raise
            writer.commit(merge=False)
            with self._lock:
                new_words = known.add(fresh.words())
                Vocabulary.append(gen / VOCAB, new_words)
                self._meta = {**self._meta, "fingerprint": fingerprint,
                              "doc_count": int(self._meta.get("doc_count", 0)) + delta}
                _write_atomic(gen / META, json.dumps(self._meta))
                self._refresh_locked()
                if self._pending is not None:
                    self._pending.append((op, payload, fingerprint))
            self._unmerged += 1
            if self._unmerged >= _MERGE_AFTER_EDITS:
                self._merge_when_idle()

    def _merge_when_idle(self) -> None:
        if self._merge_timer is not None:
            self._merge_timer.cancel()
        self._merge_timer = threading.Timer(_MERGE_WHEN_IDLE_S, self._merge_in_background)
        self._merge_timer.daemon = True
        self._merge_timer.start()

    def _refresh_locked(self) -> None:
        """After a commit: a fresh view for searches, and no cached plans or term sets."""
        if self._searcher is not None and self._ix is not None:
            self._searcher = _refreshed(self._ix, self._searcher)
            self._scorer = PostingScorer(self._searcher)
            self._statuses = self._present_statuses()
        self._plans.clear()
        self._sets.clear()

    def _merge_in_background(self) -> None:
        if self._merger is not None and self._merger.is_alive():
            return
        self._merger = threading.Thread(target=self._merge, name="index-merge", daemon=True)
        self._merger.start()

    def _merge(self) -> None:
        """Merge the small segments that edits left behind; searches go on meanwhile."""
        with self._write_lock:
            ix = self._ix
            if ix is None:
                return
            try:
                writer = ix.writer(timeout=5.0)
                writer.commit(mergetype=_merge_small_segments)
            except Exception:  # a busy or closed index: the next edit tries again
                return
            self._unmerged = 0
            with self._lock:
                if self._ix is ix:
                    self._refresh_locked()

    def wait_for_merge(self, timeout: float | None = None) -> None:
        """Wait for a running merge; one still waiting for editing to pause is called off."""
        if self._merge_timer is not None:
            self._merge_timer.cancel()
        merger = self._merger
        if merger is not None:
            merger.join(timeout)

    # -- searching -----------------------------------------------------------------------

    def set_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        with self._lock:
            self._planner.set_synonyms(groups)
            self._plans.clear()

    def search(self, request: SearchRequest) -> SearchResult:
        with self._lock:
            if self._searcher is None:
                raise RuntimeError("the index is not open")
            result, plan = run_search(self._planner, request, self._execute, degraded=False)
            key = (request.text, request.statuses)
            if len(self._plans) > 64:
                self._plans.clear()
            self._plans[key] = plan
            return result

    def _execute(
        self, plan: Plan, minimum: int | None, request: SearchRequest
    ) -> tuple[list[Found], int]:
        assert self._searcher is not None and self._scorer is not None
        limit = max(1, request.limit)
        restrict, hide = self._doc_sets(request)
        allowed: set[int] | None = None
        if minimum is None:
            scores, allowed = self._scorer.strict(plan, restrict, hide)
            total = len(allowed) if allowed is not None else len(scores)
        else:
            raw, matched = self._scorer.soft(plan, minimum, restrict, hide)
            clauses = len(plan.clauses)
            scores = {d: coordinated(v, n, clauses)
                      for (d, v), n in zip(raw.items(), matched, strict=True)}
            total = len(scores)
        found = []
        for docnum in top(scores, limit, allowed):
            fields = self._scorer.stored(docnum)
            found.append(
                Found(
                    id=int(fields["id"]),
                    slug=fields.get("slug", ""),
                    title=fields.get("title", ""),
                    kind=fields.get("kind", ""),
                    category=fields.get("category"),
                    status=fields.get("status", ""),
                    score=scores[docnum],
                    body=fields.get("body", ""),
                )
            )
        return found, total

    def _doc_sets(self, request: SearchRequest) -> tuple[set[int] | None, frozenset[int]]:
        """Documents the filters allow (None: all) and documents to hide (other statuses and
        deleted ones), cached until the searcher changes."""
        assert self._searcher is not None and self._scorer is not None
        key = (request.kinds, request.category, request.tag, request.statuses)
        cached = self._sets.get(key)
        if cached is None:
            fq = filter_query(request)
            mq = status_mask(request, self._statuses)
            hidden = set(self._searcher.docs_for_query(mq)) if mq is not None else set()
            cached = (
                set(self._searcher.docs_for_query(fq)) if fq is not None else None,
                frozenset(hidden | self._scorer.deleted),
            )
            if len(self._sets) > 32:
                self._sets.clear()
            self._sets[key] = cached
        return cached

    def snippets_for(self, hit_ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        """Snippets for rows scrolled into view after the first page."""
        with self._lock:
            if self._searcher is None:
                return {}
            key = (request.text, request.statuses)
            if key not in self._plans:
                probe = SearchRequest(request.text, limit=1, snippets=0, statuses=request.statuses)
                _, self._plans[key] = run_search(self._planner, probe, self._execute, False)
            marker = Marker(self._plans[key])
            out: dict[int, str] = {}
            for doc_id in hit_ids:
                docnum = self._searcher.document_number(id=str(doc_id))
                if docnum is None:
                    continue
                body = self._searcher.stored_fields(docnum).get("body", "")
                out[doc_id] = make_snippet(body, marker)
            return out
