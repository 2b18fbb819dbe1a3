"""Search in memory, for while the index is missing or being rebuilt.

It keeps postings of its own, analysed as the index's schema analyses its fields, and ranks them
with the index's plan scorer and BM25F weights (`scoring`, `weights`): the operator gets the same
hits in (nearly) the same order, only the field lengths are exact where Whoosh keeps one lossy
byte. Keep one instance and feed it edits (`upsert`, `delete`): building it reads every document,
an edit re-reads one. Its results are marked `degraded`.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kbdesk.search.api import SearchDoc, SearchRequest, SearchResult
from kbdesk.search.flow import Found, run_search
from kbdesk.search.query import Plan, Planner
from kbdesk.search.scoring import PlanScorer, Scores
from kbdesk.search.snippets import Marker, make_snippet
from kbdesk.search.text import fold, stem, words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.weights import FIELD_BOOSTS, MAX_GRAM, bm25, idf, length_norm

_FIELDS = ("title", "tags", "pre", "body")


@dataclass(frozen=True)
class _Entry:
    doc: SearchDoc
    terms: dict[str, Counter[str]]  # field -> term -> frequency, as the index's analyzers see it
    folded_tags: frozenset[str]


def _analyse(doc: SearchDoc) -> _Entry:
    title_words = words(doc.title)
    tag_words = words(" ".join(doc.tags))
    edges = (w[:n] for w in (*title_words, *tag_words) for n in range(1, min(len(w), MAX_GRAM) + 1))
    return _Entry(
        doc=doc,
        terms={
            "title": Counter(stem(w) for w in title_words),
            "tags": Counter(stem(w) for w in tag_words),
            "pre": Counter(edges),
            "body": Counter(stem(w) for w in words(doc.body)),
        },
        folded_tags=frozenset(fold(t).strip() for t in doc.tags),
    )


def _doc_words(doc: SearchDoc) -> list[str]:
    return words(" ".join((doc.title, " ".join(doc.tags), doc.body)))


class _Postings:
    """field -> term -> {key: frequency}, plus field lengths; keys grow in insertion order, so
    ties rank as in the index (an edited document moves to the end there too)."""

    def __init__(self) -> None:
        self.entries: dict[int, _Entry] = {}
        self.keys: dict[int, int] = {}  # document id -> key
        self.terms: dict[str, dict[str, dict[int, int]]] = {f: {} for f in _FIELDS}
        self.lengths: dict[str, dict[int, int]] = {f: {} for f in _FIELDS}
        self.totals: dict[str, int] = dict.fromkeys(_FIELDS, 0)
        self._next = 0

    def add(self, entry: _Entry) -> None:
        self.remove(entry.doc.id)
        key = self._next
        self._next += 1
        self.entries[key] = entry
        self.keys[entry.doc.id] = key
        for field, counts in entry.terms.items():
            postings = self.terms[field]
            for term, tf in counts.items():
                postings.setdefault(term, {})[key] = tf
            length = sum(counts.values())
            self.lengths[field][key] = length
            self.totals[field] += length

    def remove(self, doc_id: int) -> None:
        key = self.keys.pop(doc_id, None)
        if key is None:
            return
        entry = self.entries.pop(key)
        for field, counts in entry.terms.items():
            postings = self.terms[field]
            for term in counts:
                found = postings[term]
                del found[key]
                if not found:
                    del postings[term]
            self.totals[field] -= self.lengths[field].pop(key)


class _MemoryScorer(PlanScorer):
    def __init__(self, postings: _Postings) -> None:
        super().__init__()
        self._postings = postings

    def doc_count(self) -> int:
        return len(self._postings.entries)

    def _score_term(self, field: str, text: str) -> Scores:
        p = self._postings
        found = p.terms[field].get(text)
        if not found:
            return {}
        count = len(p.entries)
        term_idf = idf(count, len(found))
        average = p.totals[field] / count
        boost = FIELD_BOOSTS[field]
        lengths = p.lengths[field]
        return {key: bm25(term_idf, tf * boost, length_norm(lengths[key], average))
                for key, tf in found.items()}


class FallbackSearcher:
    """Answers like the index, from memory; safe to search from one thread and edit from
    another."""

    def __init__(
        self, docs: Iterable[SearchDoc] = (), synonyms: Sequence[Sequence[str]] = ()
    ) -> None:
        self._lock = threading.RLock()
        self._postings = _Postings()
        self._vocab = Vocabulary()
        self._planner = Planner(lambda: self._vocab)
        self._planner.set_synonyms(synonyms)
        self._scorer = _MemoryScorer(self._postings)
        self._sets: dict[tuple[object, ...], tuple[set[int] | None, set[int]]] = {}
        self.upsert(docs)

    def set_synonyms(
        self, groups: Sequence[Sequence[str]], colloquial: Sequence[Sequence[str]] = ()
    ) -> None:
        with self._lock:
            self._planner.set_synonyms(groups, colloquial)

    def upsert(self, docs: Iterable[SearchDoc]) -> None:
        """Adds documents, or replaces the ones with the same id."""
        with self._lock:
            for doc in docs:
                self._postings.add(_analyse(doc))
                self._vocab.add(_doc_words(doc))
            self._changed()

    def delete(self, ids: Iterable[int]) -> None:
        with self._lock:
            for doc_id in ids:
                self._postings.remove(doc_id)
            self._changed()

    def _changed(self) -> None:
        # Deleted documents leave their words in the vocabulary, as in the index.
        self._scorer = _MemoryScorer(self._postings)
        self._sets.clear()

    def doc_count(self) -> int:
        return len(self._postings.entries)

    def search(self, request: SearchRequest) -> SearchResult:
        with self._lock:
            result, _ = run_search(self._planner, request, self._execute, degraded=True)
            return result

    def snippets_for(self, hit_ids: Sequence[int], request: SearchRequest) -> dict[int, str]:
        """Snippets for rows scrolled into view after the first page."""
        with self._lock:
            probe = SearchRequest(request.text, limit=1, snippets=0, statuses=request.statuses)
            _, plan = run_search(self._planner, probe, self._execute, degraded=True)
            marker = Marker(plan)
            p = self._postings
            return {doc_id: make_snippet(p.entries[p.keys[doc_id]].doc.body, marker)
                    for doc_id in hit_ids if doc_id in p.keys}

    def _execute(
        self, plan: Plan, minimum: int | None, request: SearchRequest
    ) -> tuple[list[Found], int]:
        restrict, hide = self._doc_sets(request)
        ranked, total = self._scorer.rank(plan, minimum, request.limit, restrict, hide)
        entries = self._postings.entries
        found = []
        for key, score in ranked:
            doc = entries[key].doc
            found.append(Found(doc.id, doc.slug, doc.title, doc.kind, doc.category, doc.status,
                               score, doc.body))
        return found, total

    def _doc_sets(self, request: SearchRequest) -> tuple[set[int] | None, set[int]]:
        """Documents the filters allow (None: all) and documents of other statuses."""
        key = (request.kinds, request.category, request.tag, request.statuses)
        cached = self._sets.get(key)
        if cached is not None:
            return cached
        entries = self._postings.entries
        hide = {k for k, e in entries.items() if e.doc.status not in request.statuses}
        restrict: set[int] | None = None
        if request.kinds is not None or request.category is not None or request.tag is not None:
            tag = fold(request.tag).strip() if request.tag is not None else None
            restrict = {
                k for k, e in entries.items()
                if (request.kinds is None or e.doc.kind in request.kinds)
                and (request.category is None or (e.doc.category or None) == request.category)
                and (tag is None or tag in e.folded_tags)
            }
        if len(self._sets) > 32:
            self._sets.clear()
        self._sets[key] = (restrict, hide)
        return restrict, hide
