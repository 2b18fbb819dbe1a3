"""The on-disk Whoosh index: one shared searcher over the live generation, edits, searches.

Generations (folders, the atomic swap, replaying edits saved during a rebuild) live in
`generations`, writing in `whoosh_writing`, when to merge in `merging`, and every reliance on
Whoosh internals in `whoosh_internals`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.searching import Searcher as WhooshSearcher

from kbdesk.search.api import IndexState, Progress, SearchDoc, SearchRequest, SearchResult
from kbdesk.search.flow import Found, run_search
from kbdesk.search.generations import (
    CURRENT,
    VOCAB,
    Generations,
    PendingEdits,
    read_meta,
    write_meta,
)
from kbdesk.search.merging import (
    MERGE_AFTER_EDITS,
    MERGE_NOW_AFTER,
    MERGE_WHEN_IDLE_S,
    IdleMerger,
    Schedule,
    timer_schedule,
)
from kbdesk.search.postings import PostingScorer
from kbdesk.search.query import Plan, Planner
from kbdesk.search.snippets import Marker, make_snippet
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.whoosh_internals import (
    is_being_written,
    merge_small_segments,
    refreshed,
)
from kbdesk.search.whoosh_internals import segment_count as count_segments
from kbdesk.search.whoosh_schema import FORMAT_VERSION, build_schema, filter_query, status_mask
from kbdesk.search.whoosh_writing import (
    PARALLEL_FROM,
    apply_edit,
    commit_edit,
    default_procs,
    fill,
)

# A build leaves a few large segments; more than this at open means edits' small ones piled up.
MAX_SEGMENTS_AT_OPEN = 8


def _close_quietly(*things: Any) -> None:
    for thing in things:
        if thing is None:
            continue
        with contextlib.suppress(Exception):  # already broken; closing is best effort
            thing.close()


class WhooshIndex:
    def __init__(
        self,
        path: str | os.PathLike[str],
        procs: int | None = None,
        *,
        parallel_from: int = PARALLEL_FROM,
        schedule: Schedule = timer_schedule,
        merge_after_edits: int = MERGE_AFTER_EDITS,
        merge_when_idle_s: float = MERGE_WHEN_IDLE_S,
        merge_now_after: int = MERGE_NOW_AFTER,
    ) -> None:
        self.path = Path(path)
        self._procs = procs if procs is not None else default_procs()
        self._parallel_from = parallel_from  # builds this large use `procs` writer processes
        self._gens = Generations(self.path)
        self._pending = PendingEdits()
        self._lock = threading.RLock()  # guards the searcher, vocabulary and meta
        self._write_lock = threading.Lock()  # one writer at a time within this process
        self._merger = IdleMerger(self._merge, after_edits=merge_after_edits,
                                  idle_s=merge_when_idle_s, schedule=schedule,
                                  merge_now_after=merge_now_after)
        self._ix: Index | None = None
        self._searcher: WhooshSearcher | None = None
        self._gen: Path | None = None
        self._meta: dict[str, Any] = {}
        self._vocab = Vocabulary()
        self._statuses: list[str] = []
        self._planner = Planner(lambda: self._vocab)
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
                name = self._gens.live_name()
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
            gen = self._gens.folder(name)
            if gen is None:
                return self._report(IndexState.MISSING, f"generation {name!r} not found")
            self._gens.remove_stale(keep=name)
            try:
                if is_being_written(gen):
                    return self._report(IndexState.LOCKED, "another process is writing")
            except OSError as exc:
                return self._report(IndexState.CORRUPT, f"lock file unusable: {exc}")
            # Whoosh opens segment files before it notices they are damaged and drops them
            # unclosed; their ResourceWarnings are expected here and collected before leaving.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                state = self._open_generation(gen)
                if state is not IndexState.OK:
                    gc.collect()
            if state is IndexState.OK and self._ix is not None:
                if count_segments(self._ix) > MAX_SEGMENTS_AT_OPEN:
                    self._merger.due()  # left by a crash, or by an older version
                # What the first search would otherwise load: the synonyms, linked through the
                # Russian dictionary. Whoever opens the index (a worker at start-up) pays it.
                self._planner.prepare()
            return state

    def ready(self) -> bool:
        """True when a search needs no I/O and no loading: a generation is open in memory and
        the synonyms are linked. Never blocks (a worker may be opening the index meanwhile)."""
        return self._searcher is not None and self._planner.prepared

    def _open_generation(self, gen: Path) -> IndexState:
        ix: Index | None = None
        searcher: WhooshSearcher | None = None
        try:
            meta = read_meta(gen)
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
        self._meta, self._vocab = meta, vocab
        self._new_view_locked()
        return IndexState.OK

    def _report(self, state: IndexState, problem: str) -> IndexState:
        self.problems.append(problem)
        return state

    @staticmethod
    def _probe(searcher: WhooshSearcher) -> None:
        """Touches every segment's term index, postings and stored fields, so truncated or
        overwritten files fail here rather than in the operator's first search."""
        for sub, _ in searcher.reader().leaf_readers():
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

    def vocabulary_size(self) -> int:
        return len(self._vocab)

    def doc_count(self) -> int:
        with self._lock:
            return self._searcher.doc_count() if self._searcher is not None else 0

    def segment_count(self) -> int:
        """Segments of the open generation (each costs time on every refresh); 0 when closed."""
        with self._lock:
            return count_segments(self._ix) if self._ix is not None else 0

    def close(self) -> None:
        self._merger.finish()  # merges what edits left, rather than leaving it to pile up
        self._merger.wait_idle(30.0)
        with self._write_lock, self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        _close_quietly(self._searcher, self._ix)
        self._ix = self._searcher = self._gen = None
        self._scorer = None
        self._meta = {}

    def _new_view_locked(self, previous: PostingScorer | None = None) -> None:
        """After an open or a commit: caches for the new view of the documents. After a commit,
        `previous` passes on what did not change (see PostingScorer); the filter sets hold
        document numbers of the old view and are built again."""
        assert self._searcher is not None
        self._scorer = PostingScorer(self._searcher, previous)
        self._statuses = [s.decode() if isinstance(s, bytes) else s
                          for s in self._searcher.lexicon("status")]
        self._plans.clear()
        self._sets.clear()

    # -- writing -------------------------------------------------------------------------

    def rebuild(
        self,
        docs: Iterable[SearchDoc],
        total: int,
        fingerprint: str,
        progress: Progress | None = None,
    ) -> None:
        """Builds a new generation beside the live one and swaps it in when complete."""
        gen = self._gens.create()
        self._pending.start()
        try:
            ix = whoosh_index.create_in(str(gen), build_schema())
            vocab = Vocabulary()
            procs = self._procs if total >= self._parallel_from else 1
            count = fill(ix, docs, total, vocab, progress, procs)
            with self._write_lock:
                delta, fingerprint = self._pending.replay(
                    lambda op, payload: commit_edit(ix, op, payload, vocab), fingerprint
                )
                vocab.save(gen / VOCAB)
                write_meta(gen, {"format": FORMAT_VERSION, "fingerprint": fingerprint,
                                 "doc_count": count + delta})
                ix.close()
                old = self._gen
                self._gens.swap(gen)
                if self.open() is not IndexState.OK:
                    raise RuntimeError(f"rebuilt index does not open: {self.problems}")
            if old is not None and old != gen:
                self._gens.discard(old)
        except BaseException:
            self._pending.stop()
            self._gens.discard(gen)
            raise

    def upsert(self, docs: Iterable[SearchDoc], fingerprint: str) -> None:
        self._edit("upsert", list(docs), fingerprint)

    def delete(self, ids: Iterable[int], fingerprint: str) -> None:
        self._edit("delete", list(ids), fingerprint)

    def _edit(self, op: str, payload: list[Any], fingerprint: str) -> None:
        with self._write_lock:
            ix, gen = self._ix, self._gen
            if ix is None or gen is None:
                raise RuntimeError("the index is not open")
            writer = ix.writer(timeout=5.0)
            fresh = Vocabulary()
            try:
                # Under the search lock: a Whoosh searcher is not safe for two threads at once.
                with self._lock:
                    delta = apply_edit(writer, op, payload, fresh, self._searcher)
            except BaseException:
                writer.cancel()
                raise
            writer.commit(merge=False)
            with self._lock:
                Vocabulary.append(gen / VOCAB, self._vocab.add(fresh.words()))
                self._meta = {**self._meta, "fingerprint": fingerprint,
                              "doc_count": int(self._meta.get("doc_count", 0)) + delta}
                write_meta(gen, self._meta)
                self._refresh_locked()
                self._pending.record(op, payload, fingerprint)
        self._merger.edited()  # outside the write lock, which the merge takes

    def _refresh_locked(self) -> None:
        if self._searcher is not None and self._ix is not None:
            searcher = refreshed(self._ix, self._searcher)
            if searcher is not self._searcher:
                self._searcher = searcher
                self._new_view_locked(self._scorer)

    def _merge(self) -> bool:
        """Merge the small segments that edits left behind; searches go on meanwhile."""
        with self._write_lock:
            ix = self._ix
            if ix is None:
                return False
            try:
                merge_small_segments(ix, timeout=5.0)
            except Exception:  # a busy or closed index: the next edit tries again
                return False
            with self._lock:
                if self._ix is ix:
                    self._refresh_locked()
            return True

    def merge_pending(self) -> None:
        """Merge the small segments now instead of once editing pauses."""
        self._merger.merge_pending()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no merge is scheduled or running; False if `timeout` passed first."""
        return self._merger.wait_idle(timeout)

    def wait_for_merge(self, timeout: float | None = None) -> None:
        """Wait for a running merge; one still waiting for editing to pause is called off."""
        self._merger.cancel()
        self._merger.wait_idle(timeout)

    # -- searching -----------------------------------------------------------------------

    def set_synonyms(
        self, groups: Sequence[Sequence[str]], colloquial: Sequence[Sequence[str]] = ()
    ) -> None:
        with self._lock:
            self._planner.set_synonyms(groups, colloquial)
            if self._searcher is not None:
                self._planner.prepare()  # an open index stays ready (see `ready`)
            self._plans.clear()

    def search(self, request: SearchRequest) -> SearchResult:
        with self._lock:
            if self._searcher is None:
                raise RuntimeError("the index is not open")
            result, plan = run_search(self._planner, request, self._execute, degraded=False)
            if len(self._plans) > 64:
                self._plans.clear()
            self._plans[(request.text, request.statuses)] = plan
            return result

    def _execute(
        self, plan: Plan, minimum: int | None, request: SearchRequest
    ) -> tuple[list[Found], int]:
        assert self._scorer is not None
        restrict, hide = self._doc_sets(request)
        ranked, total = self._scorer.rank(plan, minimum, request.limit, restrict, hide)
        found = []
        for docnum, score in ranked:
            fields = self._scorer.stored(docnum)
            found.append(Found(
                id=int(fields["id"]),
                slug=fields.get("slug", ""),
                title=fields.get("title", ""),
                kind=fields.get("kind", ""),
                category=fields.get("category"),
                status=fields.get("status", ""),
                score=score,
                body=fields.get("body", ""),
            ))
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
