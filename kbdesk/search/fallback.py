"""A naive scan that answers while the index is missing or being rebuilt.

It runs the same plans as the index (same analysis, prefixes, typos, layouts, synonyms), with a
simple tf-based score instead of BM25F, and marks its results `degraded`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kbdesk.search.api import SearchDoc, SearchRequest, SearchResult
from kbdesk.search.flow import Found, coordinated, run_search
from kbdesk.search.query import FAMILY_WEIGHT, Atom, Plan, Planner
from kbdesk.search.text import fold, stem, words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.whoosh_schema import MAX_GRAM, PREFIX_BOOST, TAGS_BOOST, TITLE_BOOST


@dataclass(frozen=True)
class _Analysed:
    doc: SearchDoc
    title: frozenset[str]
    tags: frozenset[str]
    body: Counter[str]
    edges: frozenset[str]  # prefixes of title and tag words, as in the index's n-gram field
    folded_tags: frozenset[str]


def _analyse(doc: SearchDoc) -> _Analysed:
    title_words = words(doc.title)
    tag_words = words(" ".join(doc.tags))
    edges = {w[:n] for w in (*title_words, *tag_words) for n in range(1, min(len(w), MAX_GRAM) + 1)}
    return _Analysed(
        doc=doc,
        title=frozenset(stem(w) for w in title_words),
        tags=frozenset(stem(w) for w in tag_words),
        body=Counter(stem(w) for w in words(doc.body)),
        edges=frozenset(edges),
        folded_tags=frozenset(fold(t).strip() for t in doc.tags),
    )


def _atom_score(atom: Atom, a: _Analysed, idf: dict[str, float]) -> float:
    score = 0.0
    weighted = [(atom.stem, 1.0)] + [(s, FAMILY_WEIGHT) for s in atom.family]
    if atom.prefix:
        weighted += [(s, 0.9) for s in atom.expansions if s != atom.stem]
        if atom.word[:MAX_GRAM] in a.edges:
            score += PREFIX_BOOST
    for term, base in weighted:
        weight = base * idf.get(term, 1.0)
        if term in a.title:
            score += TITLE_BOOST * weight
        if term in a.tags:
            score += TAGS_BOOST * weight
        tf = a.body.get(term, 0)
        if tf:
            score += weight * (1.0 + math.log(tf))
    return score * atom.weight


def _clause_score(plan: Plan, index: int, a: _Analysed, idf: dict[str, float]) -> float:
    best = 0.0
    for option in plan.clauses[index].options:
        scores = [_atom_score(atom, a, idf) for atom in option]
        if all(scores):
            best = max(best, sum(scores))
    return best


class FallbackSearcher:
    def __init__(self, docs: Sequence[SearchDoc]) -> None:
        self._docs = [_analyse(d) for d in docs]
        vocab = Vocabulary()
        for doc in docs:
            vocab.add(words(" ".join((doc.title, " ".join(doc.tags), doc.body))))
        self._vocab = vocab
        # Rare words weigh more, as in the index's BM25.
        frequency: Counter[str] = Counter()
        for a in self._docs:
            frequency.update(a.title | a.tags | a.body.keys())
        n = max(1, len(self._docs))
        self._idf = {term: math.log(1.0 + n / df) for term, df in frequency.items()}
        self._planner = Planner(lambda: self._vocab)

    def set_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        self._planner.set_synonyms(groups)

    def search(self, request: SearchRequest) -> SearchResult:
        result, _ = run_search(self._planner, request, self._execute, degraded=True)
        return result

    def _execute(
        self, plan: Plan, minimum: int | None, request: SearchRequest
    ) -> tuple[list[Found], int]:
        clauses = len(plan.clauses)
        needed = clauses if minimum is None else minimum
        scored: list[tuple[float, _Analysed]] = []
        for a in self._docs:
            if not self._passes(a, request):
                continue
            clause_scores = [_clause_score(plan, i, a, self._idf) for i in range(clauses)]
            matched = sum(1 for s in clause_scores if s > 0)
            if matched >= needed:
                extra = sum(_atom_score(o, a, self._idf) for o in plan.optional)
                score = sum(clause_scores) + extra
                if minimum is not None:
                    score = coordinated(score, matched, clauses)
                scored.append((score, a))
        scored.sort(key=lambda pair: -pair[0])
        found = [
            Found(a.doc.id, a.doc.slug, a.doc.title, a.doc.kind, a.doc.category, a.doc.status,
                  score, a.doc.body)
            for score, a in scored[: max(1, request.limit)]
        ]
        return found, len(scored)

    @staticmethod
    def _passes(a: _Analysed, request: SearchRequest) -> bool:
        doc = a.doc
        if doc.status not in request.statuses:
            return False
        if request.kinds is not None and doc.kind not in request.kinds:
            return False
        if request.category is not None and doc.category != request.category:
            return False
        return request.tag is None or fold(request.tag).strip() in a.folded_tags
