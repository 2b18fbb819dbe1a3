"""Plans scored from per-term score dicts, with per-term and per-word caches; engine-neutral.

Whoosh's generic matcher tree spent most of a keystroke's time in Python method calls per
posting per term: an atom is some 3 fields x (stem + related stems) + up to 16 body-prefix stems,
and every keystroke re-ran all of it. Here each (field, term) is scored once per view of the
documents into a {docnum: BM25F score} dict, and each word's merged scores are kept too;
consecutive keystrokes share every finished word, so a keystroke mostly costs the unfinished
last word, scored only inside the documents the other words already allow.

Where a term's scores come from is the subclass's business: the index reads Whoosh's postings
(`postings.PostingScorer`), the fallback its own in-memory postings (`fallback`). Both rank with
the same code below and the same table (`weights`), so they cannot drift apart.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import le, mul
from typing import Any

from kbdesk.search import weights
from kbdesk.search.query import Atom, Clause, Plan
from kbdesk.search.weights import atom_terms, coordinated, idf

Scores = dict[int, float]

# Cache budgets, in dict entries (about 120 bytes each): per-term postings and per-word scores,
# some 130 MB at most. At 100,000 items one frequent term holds up to ~90,000 entries; a typed
# phrase touches a few hundred thousand, so the budgets hold several phrases' worth.
TERM_BUDGET = 800_000
ATOM_BUDGET = 300_000


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


class PlanScorer:
    """Scores plans against one unchanging view of the documents; make a new one after edits."""

    def __init__(self) -> None:
        self._terms = _Lru(TERM_BUDGET)
        self._atoms = _Lru(ATOM_BUDGET)

    def _score_term(self, field: str, text: str) -> Scores:
        """BM25F score of every document containing the term (hidden ones may be included)."""
        raise NotImplementedError

    def term(self, field: str, text: str) -> Scores:
        key = (field, text)
        found = self._terms.get(key)
        if found is None:
            found = self._score_term(field, text)
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

    def doc_count(self) -> int:
        """Documents in this view (deleted ones may be included): the N of a clause's idf."""
        raise NotImplementedError

    def clause_weight(self, clause: Clause) -> float:
        """How much a clause counts towards a document's coverage of the query: the idf of the
        documents it matches (`weights.idf`), so a word found nearly everywhere ("телефон" in
        a phone operator's FAQ) covers little and a rare word much."""
        return idf(max(1, self.doc_count()), len(self.clause(clause)))

    def soft(
        self, plan: Plan, minimum: int, restrict: set[int] | None, hide: Iterable[int]
    ) -> tuple[Scores, list[float]]:
        """Documents matching at least `minimum` clauses: raw scores and the share of the
        query each covers (`weights.coverage`)."""
        scores: Scores = {}
        matched: dict[int, int] = {}
        covered: dict[int, float] = {}
        clause_weights = [self.clause_weight(c) if weights.IDF_COVERAGE else 1.0
                          for c in plan.clauses]
        for clause, weight in zip(plan.clauses, clause_weights, strict=True):
            for d, value in self.clause(clause).items():
                scores[d] = scores.get(d, 0.0) + value
                matched[d] = matched.get(d, 0) + 1
                covered[d] = covered.get(d, 0.0) + weight
        keep = {d for d, n in matched.items() if n >= minimum}
        if restrict is not None:
            keep &= restrict
        keep.difference_update(hide)
        scores = {d: scores[d] for d in keep}
        self._add_optional(plan, scores)
        total = sum(clause_weights) or 1.0
        return scores, [covered[d] / total for d in scores]

    def _add_optional(self, plan: Plan, scores: Scores) -> None:
        if not plan.optional or not scores:
            return
        within = set(scores)
        for atom in plan.optional:
            for d, value in self.atom(atom, within).items():
                scores[d] += value

    def rank(
        self,
        plan: Plan,
        minimum: int | None,
        limit: int,
        restrict: set[int] | None,
        hide: Iterable[int],
    ) -> tuple[list[tuple[int, float]], int]:
        """The best (docnum, score) pairs and how many documents matched in all.

        `minimum` None: every clause must match; otherwise at least that many, with the score
        coordinated by the share matched.
        """
        allowed: set[int] | None = None
        if minimum is None:
            scores, allowed = self.strict(plan, restrict, hide)
            total = len(allowed) if allowed is not None else len(scores)
        else:
            raw, shares = self.soft(plan, minimum, restrict, hide)
            scores = {d: coordinated(v, share)
                      for (d, v), share in zip(raw.items(), shares, strict=True)}
            total = len(scores)
        return [(d, scores[d]) for d in top(scores, max(1, limit), allowed)], total


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
