"""Term scores read straight from Whoosh's postings, for the shared plan scorer.

Each (field, term) posting list is read once per searcher, block by block, and turned into a
{docnum: BM25F score} dict with C-level map() calls. The scores are Whoosh's own BM25F (same idf,
field lengths, boosts and sums as the equivalent query tree in `whoosh_schema.plan_query`, which
the tests compare against).
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import repeat
from operator import add, mul, truediv
from typing import Any

from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher as WhooshSearcher

from kbdesk.search.scoring import PlanScorer, Scores
from kbdesk.search.weights import K1, B, length_norm
from kbdesk.search.whoosh_internals import (
    deleted_docnums,
    read_lengths,
    read_postings,
    segment_key,
)

STORED_CACHE = 500
# Decoded postings kept per segment across searcher refreshes, in entries (two list slots each,
# ~20 MB at most): a saved edit adds a small segment and leaves the others as they were, so only
# what changed is read again. Scores are not kept: idf and average lengths move with every edit,
# and the scores must stay exactly Whoosh's.
POSTINGS_BUDGET = 600_000
# Field lengths survive searcher refreshes for unchanged segments: recomputing them for a large
# segment after each saved edit would cost more than the edit itself.
_length_cache: dict[tuple[str, str], list[float]] = {}


Postings = tuple[list[int], list[float]]


class _PostingsCache:
    """Decoded (docnums, weights) per (segment, field, term), least recently used evicted."""

    def __init__(self, budget: int = POSTINGS_BUDGET) -> None:
        self._items: OrderedDict[tuple[str, str, str], Postings] = OrderedDict()
        self._size = 0
        self._budget = budget

    def get(self, key: tuple[str, str, str]) -> Postings | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: tuple[str, str, str], value: Postings) -> None:
        size = len(value[0])
        if size > self._budget:
            return
        self._items[key] = value
        self._size += size
        while self._size > self._budget:
            _, evicted = self._items.popitem(last=False)
            self._size -= len(evicted[0])


class PostingScorer(PlanScorer):
    """Scores plans against one Whoosh searcher; create a new one when the searcher changes,
    passing the old one as `previous` so what did not change survives (decoded postings of the
    segments both share, stored fields of documents at unchanged numbers)."""

    def __init__(self, searcher: WhooshSearcher, previous: PostingScorer | None = None) -> None:
        super().__init__()
        self._searcher = searcher
        reader: IndexReader = searcher.reader()
        self._leaves: list[tuple[IndexReader, int]] = list(reader.leaf_readers())
        # Stored fields of recent hits: consecutive keystrokes mostly show the same documents,
        # and each read decompresses a whole body.
        self._stored: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._norm_cache: dict[tuple[int, str], list[float]] = {}
        self.deleted = deleted_docnums(searcher)
        # Worked out now: a later merge closes readers of this view.
        self.layout = [(segment_key(sub), offset) for sub, offset in self._leaves]
        self.postings = previous.postings if previous is not None else _PostingsCache()
        if previous is not None:
            self._keep_stored(previous)

    def _keep_stored(self, previous: PostingScorer) -> None:
        """Stored fields of documents whose segment kept its place (a saved edit appends a
        segment; a merge renumbers everything, and then nothing is kept)."""
        old, new = previous.layout, self.layout
        same = 0
        while same < len(old) and same < len(new) and old[same] == new[same]:
            same += 1
        if same == 0:
            return
        limit = (new[same][1] if same < len(new) else self.doc_count())
        deleted = self.deleted
        for docnum, fields in previous.recent_stored():
            if docnum < limit and docnum not in deleted:
                self._stored[docnum] = fields

    def recent_stored(self) -> list[tuple[int, dict[str, Any]]]:
        """The stored fields read lately, oldest first."""
        return list(self._stored.items())

    def stored(self, docnum: int) -> dict[str, Any]:
        found = self._stored.get(docnum)
        if found is None:
            found = self._stored[docnum] = self._searcher.stored_fields(docnum)
            if len(self._stored) > STORED_CACHE:
                self._stored.popitem(last=False)
        else:
            self._stored.move_to_end(docnum)
        return found

    def _lengths(self, sub: IndexReader, field: str) -> list[float]:
        key = (segment_key(sub), field)
        found = _length_cache.get(key)
        if found is None:
            found = read_lengths(sub, field)
            if len(_length_cache) > 64:  # segments of generations long gone
                _length_cache.clear()
            _length_cache[key] = found
        return found

    def _norms(self, sub: IndexReader, field: str) -> list[float]:
        key = (id(sub), field)
        found = self._norm_cache.get(key)
        if found is None:
            avg = self._searcher.avg_field_length(field) or 1.0
            # weights.length_norm, spelled out: a call per document doubled the cost at 100,000.
            base, per_length = length_norm(0.0, avg), K1 * B / avg
            found = [base + per_length * length for length in self._lengths(sub, field)]
            self._norm_cache[key] = found
        return found

    def doc_count(self) -> int:
        return int(self._searcher.doc_count_all())

    def _score_term(self, field: str, text: str) -> Scores:
        found: Scores = {}
        if (field, text) not in self._searcher.reader():
            return found
        factor = self._searcher.idf(field, text) * (K1 + 1)
        for sub, offset in self._leaves:
            key = (segment_key(sub), field, text)
            cached = self.postings.get(key)
            if cached is None:
                try:
                    matcher = sub.postings(field, text)
                except TermNotFound:
                    continue
                cached = read_postings(matcher)
                self.postings.put(key, cached)
            ids, weights = cached
            if not ids:
                continue
            norms = self._norms(sub, field)
            # weights.bm25 element-wise, factor * w / (w + norm[d]), through C-level map(): a
            # Python expression per posting cost three times as much for the long lists.
            scores = map(truediv, map(mul, repeat(factor), weights),
                         map(add, weights, map(norms.__getitem__, ids)))
            keys = map(offset.__add__, ids) if offset else ids
            found.update(zip(keys, scores, strict=True))
        return found
