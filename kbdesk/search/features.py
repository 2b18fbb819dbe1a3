"""Title features that settle near ties among the leading hits; engine-neutral.

BM25F sums a word's score over fields, so a short template whose title holds one form of a
query word could outrank the article whose title *is* the query: nothing rewarded a title that
covers the query, keeps the typed word forms, has the words adjacent and in order, or starts
with it. These features are multipliers on the BM25F score (`weights.TITLE_*`), computed for
the few hits that are shown first, from their titles only (the index stores them), so the
index and the fallback apply them alike.
"""

from __future__ import annotations

from itertools import pairwise

from kbdesk.search import text as text_module
from kbdesk.search import weights
from kbdesk.search.query import Atom, Plan
from kbdesk.search.text import stem, words

ClauseKeys = list[tuple[set[str], set[str], list[Atom]]]


def clause_keys(plan: Plan) -> ClauseKeys:
    """Per clause: the stems any of its options searches, the typed forms, the prefix atoms."""
    out = []
    for clause in plan.clauses:
        stems: set[str] = set()
        forms: set[str] = set()
        prefixes: list[Atom] = []
        for option in clause.options:
            for atom in option:
                stems |= atom.stems()
                forms.add(atom.word)
                if atom.prefix:
                    prefixes.append(atom)
        out.append((stems, forms, prefixes))
    return out


def title_factor(title: str, clauses: ClauseKeys) -> float:
    """1 plus the title's bonus for a plan's `clause_keys` (see `weights.TITLE_*`)."""
    if not clauses:
        return 1.0
    stop_words = text_module.STOP_WORDS
    title_words = [w for w in words(title) if w not in stop_words] or words(title)
    if not title_words:
        return 1.0
    title_stems = [stem(w) for w in title_words]
    positions: list[int | None] = []
    same_form = 0
    for stems, forms, prefixes in clauses:
        where = None
        for j, (word, word_stem) in enumerate(zip(title_words, title_stems, strict=True)):
            if word_stem in stems or any(word.startswith(a.word) for a in prefixes):
                where = j
                same_form += word in forms or any(word.startswith(a.word) for a in prefixes)
                break
        positions.append(where)
    found = [p for p in positions if p is not None]
    if not found:
        return 1.0
    share = len(found) / len(clauses)
    pairs = sum(1 for a, b in pairwise(positions)
                if a is not None and b is not None and b == a + 1)
    order = pairs / (len(clauses) - 1) if len(clauses) > 1 else 0.0
    whole = len(found) == len(clauses) and len(set(found)) == len(title_words)
    # The reverse share: how much of the title the query accounts for. An FAQ's title is a
    # question; when a customer's longer question holds all its content words, that is the row.
    covered = len(set(found)) / len(title_words)
    bonus = (weights.TITLE_COVERAGE * share
             + weights.TITLE_COVERED * covered
             + weights.TITLE_FORMS * same_form / len(found)
             + weights.TITLE_ORDER * order
             + weights.TITLE_START * (positions[0] == 0)
             + weights.TITLE_WHOLE * whole)
    return 1.0 + bonus



def body_proximity(body: str, clauses: ClauseKeys) -> float:
    """The share of a query's clauses (beyond the first) found close together in the body:
    the most clauses inside any window of `weights.PROXIMITY_WINDOW` words, minus one, over
    the clauses minus one. 0 for one-clause queries or bodies holding at most one clause."""
    if len(clauses) < 2 or not body:
        return 0.0
    hits: list[tuple[int, int]] = []  # (position, clause)
    for position, word in enumerate(words(body)):
        word_stem = stem(word)
        for number, (stems, _, prefixes) in enumerate(clauses):
            if word_stem in stems or any(word.startswith(a.word) for a in prefixes):
                hits.append((position, number))
                break
    if len({c for _, c in hits}) < 2:
        return 0.0
    best = 1
    window = weights.PROXIMITY_WINDOW
    start = 0
    counts: dict[int, int] = {}
    for position, number in hits:
        counts[number] = counts.get(number, 0) + 1
        while position - hits[start][0] >= window:
            left = hits[start][1]
            counts[left] -= 1
            if not counts[left]:
                del counts[left]
            start += 1
        best = max(best, len(counts))
    return (best - 1) / (len(clauses) - 1)
