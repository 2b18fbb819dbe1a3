"""Plans scored straight from Whoosh's postings, with per-term and per-word caches.

Whoosh's generic matcher tree spent most of a keystroke's time in Python method calls per
posting per term: an atom is some 3 fields x (stem + related stems) + up to 16 body-prefix stems,
and every keystroke re-ran all of it. Here each (field, term) posting list is read once per
searcher, block by block, into a {docnum: BM25F score} dict, and each word's merged scores are
kept too; consecutive keystrokes share every finished word, so a keystroke mostly costs the
unfinished last word, scored only inside the documents the other words already allow.

Scores are Whoosh's own BM25F (same idf, field lengths, boosts and sums as the equivalent
query tree in `whoosh_schema.plan_query`, which the tests compare against). Soft matches (most
but not all words) are now ranked over every document that qualifies, where the query tree
could only afford a pool of the best raw scores.
"""

from __future__ import annotations

import heapq
import itertools
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import add, le, mul, truediv
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.util.numeric import byte_to_length

from kbdesk.search.query import Atom, Clause, Plan
from kbdesk.search.whoosh_schema import atom_terms

Scores = dict[int, float]

# Whoosh's BM25F defaults (the index searches with them).
K1 = 1.2
B = 0.75
# Cache budgets, in dict entries (about 120 bytes each): per-term postings and per-word scores,
# some 130 MB at most. At 100,000 items one frequent term holds up to ~90,000 entries; a typed
# phrase touches a few hundred thousand, so the budgets hold several phrases' worth.
TERM_BUDGET = 800_000
ATOM_BUDGET = 300_000
STORED_CACHE = 500
# Field lengths survive searcher refreshes for unchanged segments: recomputing them for a large
# segment after each saved edit would cost more than the edit itself.
_length_cache: dict[tuple[str, str], list[float]] = {}


class _Lru:
    """Score dicts under a budget counted in entries, least recently used evicted first."""

    def __init__(self, budget: int) -> None:
        self._items: OrderedDict[Any, Scores] = OrderedDict()
        self._size = 0
        self._budget = budget

    def get(self, key: Any) -> Scores | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: Any, value: Scores) -> None:
        if len(value) > self._budget:
            return
        old = self._items.pop(key, None)
        if old is not None:
            self._size -= len(old)
        self._items[key] = value
        self._size += len(value)
        while self._size > self._budget:
            _, evicted = self._items.popitem(last=False)
            self._size -= len(evicted)


def _read_postings(matcher: Any) -> tuple[list[int], list[float]]:
    """All (docnum, weight) pairs of a leaf posting list.

    Whoosh 2.7's W3 leaf matcher decodes whole blocks into arrays; taking them a block at a time
    avoids three Python calls per posting. Any other matcher goes posting by posting.
    """
    ids: list[int] = []
    weights: list[float] = []
    leaf = getattr(matcher, "child", matcher)  # deletions are masked by the caller
    if all(hasattr(leaf, a) for a in ("_read_data", "_read_weights", "_next_block", "_byteids")):
        while leaf.is_active():
            if leaf._data is None:
                leaf._read_data()
            # Block ids are stored as deltas; accumulate() undoes them in C.
            block = leaf._data[0] if leaf._byteids else itertools.accumulate(leaf._data[0])
            leaf._read_weights()
            start = leaf._i
            ids.extend(itertools.islice(block, start, None))
            weights.extend(leaf._weights[start:])
            leaf._next_block()
        return ids, weights
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


_BYTE_LENGTHS = [float(byte_to_length(b)) for b in range(256)]


def _read_lengths(sub: IndexReader, field: str) -> list[float]:
    """Every document's length of the field, as Whoosh's scorer sees it (one byte, lossy).

    The W3 codec keeps them as a column of one byte per document; reading the column at once
    costs milliseconds at 100,000 documents, where asking per document took over a second.
    """
    count = sub.doc_count_all()
    try:
        column = sub._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return [0.0] * count
        stored = column._count
        if column._fixedlen != 1 or stored > count:
            raise ValueError("unexpected length column")
        data = column._dbfile.get(column._basepos, stored)
        return [_BYTE_LENGTHS[b] for b in data] + [0.0] * (count - stored)
    except (AttributeError, TypeError, ValueError):
        length = sub.doc_field_length
        return [float(length(d, field, 0) or 0) for d in range(count)]


class PostingScorer:
    """Scores plans against one Whoosh searcher; create a new one when the searcher changes."""

    def __init__(self, searcher: WhooshSearcher) -> None:
        self._searcher = searcher
        reader: IndexReader = searcher.reader()
        self._leaves: list[tuple[IndexReader, int]] = list(reader.leaf_readers())
        self._terms = _Lru(TERM_BUDGET)
        self._atoms = _Lru(ATOM_BUDGET)
        # Stored fields of recent hits: consecutive keystrokes mostly show the same documents,
        # and each read decompresses a whole body.
        self._stored: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._norm_cache: dict[tuple[int, str], list[float]] = {}
        deleted: set[int] = set()
        for sub, offset in self._leaves:
            if sub.has_deletions():
                deleted.update(offset + d for d in sub.segment().deleted_docs())
        self.deleted = frozenset(deleted)

    def stored(self, docnum: int) -> dict[str, Any]:
        found = self._stored.get(docnum)
        if found is None:
            found = self._stored[docnum] = self._searcher.stored_fields(docnum)
            if len(self._stored) > STORED_CACHE:
                self._stored.popitem(last=False)
        else:
            self._stored.move_to_end(docnum)
        return found

    # -- terms and atoms --------------------------------------------------------------------

    def _lengths(self, sub: IndexReader, field: str) -> list[float]:
        segment = sub.segment()
        key = (f"{segment.segment_id()}:{sub.doc_count_all()}", field)
        found = _length_cache.get(key)
        if found is None:
            found = _read_lengths(sub, field)
            if len(_length_cache) > 64:  # segments of generations long gone
                _length_cache.clear()
            _length_cache[key] = found
        return found

    def _norms(self, sub: IndexReader, field: str) -> list[float]:
        """BM25's length normalisation K1 * (1 - B + B * length / average) per document."""
        key = (id(sub), field)
        found = self._norm_cache.get(key)
        if found is None:
            avg = self._searcher.avg_field_length(field) or 1.0
            base, per_length = K1 * (1 - B), K1 * B / avg
            found = [base + per_length * length for length in self._lengths(sub, field)]
            self._norm_cache[key] = found
        return found

    def term(self, field: str, text: str) -> Scores:
        """BM25F score of every document containing the term, deleted ones included."""
        key = (field, text)
        found = self._terms.get(key)
        if found is not None:
            return found
        found = {}
        if (field, text) in self._searcher.reader():
            factor = self._searcher.idf(field, text) * (K1 + 1)
            for sub, offset in self._leaves:
                try:
                    matcher = sub.postings(field, text)
                except TermNotFound:
                    continue
                ids, weights = _read_postings(matcher)
                norms = self._norms(sub, field)
                # factor * w / (w + norm[d]), element-wise through C-level map(): a Python
                # expression per posting cost three times as much for the long lists.
                scores = map(truediv, map(mul, repeat(factor), weights),
                             map(add, weights, map(norms.__getitem__, ids)))
                keys = map(offset.__add__, ids) if offset else ids
                found.update(zip(keys, scores, strict=True))
        self._terms.put(key, found)
        return found

    def atom(self, atom: Atom, within: set[int] | None = None) -> Scores:
        """A word's score per document: the sum over its fields and related terms.

        With `within`, only those documents are scored and nothing is cached: the unfinished
        last word of a longer query needs no more than that.
        """
        if within is None:
            cached = self._atoms.get(atom)
            if cached is not None:
                return cached
        weighted = [(self.term(f, t), boost * atom.weight) for f, t, boost in atom_terms(atom)]
        weighted = [(scores, factor) for scores, factor in weighted if scores]
        if within is None:
            # The longest list is copied in C; only the shorter ones are merged in Python.
            weighted.sort(key=lambda pair: -len(pair[0]))
        acc: Scores = {}
        get = acc.get
        for scores, factor in weighted:
            if within is not None and len(within) < len(scores):
                for d in within:
                    value = scores.get(d)
                    if value is not None:
                        acc[d] = get(d, 0.0) + factor * value
            elif within is not None:
                for d, value in scores.items():
                    if d in within:
                        acc[d] = get(d, 0.0) + factor * value
            elif not acc:
                acc = _scaled(scores, factor)
                get = acc.get
            else:
                for d, value in scores.items():
                    acc[d] = get(d, 0.0) + factor * value
        if within is None:
            self._atoms.put(atom, acc)
        return acc

    def clause(self, clause: Clause, within: set[int] | None = None) -> Scores:
        """An OR of options (the scores of every matching option add up); an option is an AND
        of atoms (a multi-word synonym)."""
        total: Scores | None = None
        for option in clause.options:
            scores = self._option(option, within)
            if total is None:
                total = scores if len(clause.options) == 1 else dict(scores)
                continue
            get = total.get
            for d, value in scores.items():
                total[d] = get(d, 0.0) + value
        return total or {}

    def _option(self, atoms: Sequence[Atom], within: set[int] | None) -> Scores:
        if len(atoms) == 1:
            return self.atom(atoms[0], within)
        parts = [self.atom(a, within) for a in atoms]
        common = set(min(parts, key=len)).intersection(*parts)
        return {d: sum(p[d] for p in parts) for d in common}

    # -- plans --------------------------------------------------------------------------------

    def strict(
        self, plan: Plan, restrict: set[int] | None, hide: Iterable[int]
    ) -> tuple[Scores, set[int] | None]:
        """Scores of the documents matching every clause, and which of them count (None: all).

        The scores may be a cached dict shared with later searches: read it, never change it.
        """
        # Clauses already scored (finished words typed a keystroke ago) narrow the candidates
        # first; the others are then scored only inside them.
        ready = [c for c in plan.clauses if all(self._atoms.get(a) is not None
                                                 for o in c.options for a in o)]
        pending = [c for c in plan.clauses if c not in ready]
        if not ready:
            ready, pending = [pending[0]], pending[1:]
        parts = [self.clause(c) for c in ready]
        parts.sort(key=len)
        candidates = set(parts[0])
        for part in parts[1:]:
            candidates.intersection_update(part)
        if restrict is not None:
            candidates &= restrict
        candidates.difference_update(hide)
        for clause in pending:
            if not candidates:
                break
            part = self.clause(clause, candidates)
            parts.append(part)
            candidates.intersection_update(part)
        if len(parts) == 1 and not plan.optional:
            # One word: its cached scores are ranked as they are, the hidden documents skipped
            # while ranking, instead of copying tens of thousands of entries per keystroke.
            return parts[0], None if len(candidates) == len(parts[0]) else candidates
        if len(parts) == 1:
            scores = {d: parts[0][d] for d in candidates}
        elif len(parts) == 2:
            first, second = parts
            scores = {d: first[d] + second[d] for d in candidates}
        else:
            scores = dict.fromkeys(candidates, 0.0)
            for part in parts:
                for d in candidates:
                    scores[d] += part[d]
        self._add_optional(plan, scores)
        return scores, None

    def soft(
        self, plan: Plan, minimum: int, restrict: set[int] | None, hide: Iterable[int]
    ) -> tuple[Scores, list[int]]:
        """Documents matching at least `minimum` clauses: raw scores and matched-clause counts."""
        scores: Scores = {}
        matched: dict[int, int] = {}
        for clause in plan.clauses:
            for d, value in self.clause(clause).items():
                scores[d] = scores.get(d, 0.0) + value
                matched[d] = matched.get(d, 0) + 1
        keep = {d for d, n in matched.items() if n >= minimum}
        if restrict is not None:
            keep &= restrict
        keep.difference_update(hide)
        scores = {d: scores[d] for d in keep}
        self._add_optional(plan, scores)
        return scores, [matched[d] for d in scores]

    def _add_optional(self, plan: Plan, scores: Scores) -> None:
        if not plan.optional or not scores:
            return
        within = set(scores)
        for atom in plan.optional:
            for d, value in self.atom(atom, within).items():
                scores[d] += value


def _scaled(scores: Scores, factor: float) -> Scores:
    if factor == 1.0:
        return dict(scores)
    return dict(zip(scores.keys(), map(mul, repeat(factor), scores.values()), strict=True))


def top(scores: Scores, limit: int, allowed: set[int] | None = None) -> list[int]:
    """The best-scored documents among `allowed` (None: all of them), ties in index order.

    The k-th best score is found first and the documents reaching it are then picked out by
    C-level iteration: ranking tens of thousands of candidates through a Python key function
    cost several milliseconds at 100,000 items.
    """
    if allowed is not None and len(allowed) * 2 < len(scores):
        scores = {d: scores[d] for d in allowed}
        allowed = None
    if not scores or limit <= 0:
        return []
    share = len(allowed) / len(scores) if allowed is not None else 1.0
    want = int(limit / max(share, 0.01) * 1.5) + 8 if allowed is not None else limit
    while True:
        k = min(len(scores), want)
        threshold = heapq.nlargest(k, scores.values())[-1]
        best = list(compress(scores.keys(), map(le, repeat(threshold), scores.values())))
        if allowed is not None:
            best = [d for d in best if d in allowed]
        if len(best) >= limit or k == len(scores):
            break
        want *= 4
    best.sort(key=lambda d: (-scores[d], d))
    return best[:limit]
