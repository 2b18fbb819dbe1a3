"""Every scoring weight, in one table that every scoring path imports.

The index scores from its postings (`postings.PostingScorer`), the fallback from postings it keeps
in memory (`fallback.FallbackSearcher`), and the tests compare both with Whoosh's own query tree
(`whoosh_schema.plan_query`). All three read the numbers below and the `atom_terms` rule, so a
weight changed here changes every path at once (tests/core/test_search_paths.py checks they agree).

The field boosts are applied when a document is indexed (Whoosh multiplies them into the stored
term weights), so changing one needs a new `whoosh_schema.FORMAT_VERSION` to take effect on disk.
"""

from __future__ import annotations

import math
from typing import Protocol


class Word(Protocol):
    """What `atom_terms` reads of a query word (`query.Atom`), named here so the weights do
    not import the planner that imports them."""

    @property
    def word(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def prefix(self) -> bool: ...
    @property
    def family(self) -> tuple[str, ...]: ...
    @property
    def expansions(self) -> tuple[str, ...]: ...


# -- fields (index-time: bump FORMAT_VERSION when changing) -------------------------------------
TITLE_BOOST = 4.0
TAGS_BOOST = 3.0
# The edge n-grams of title and tag words, which short typed prefixes match.
PREFIX_BOOST = 2.0
BODY_BOOST = 1.0
FIELD_BOOSTS: dict[str, float] = {
    "title": TITLE_BOOST,
    "tags": TAGS_BOOST,
    "pre": PREFIX_BOOST,
    "body": BODY_BOOST,
}
# Typed prefixes longer than this match the n-gram of their first MAX_GRAM letters.
MAX_GRAM = 12

# -- words (query-time) --------------------------------------------------------------------------
# The word as typed beats its relatives, a synonym and a guessed correction.
FAMILY_WEIGHT = 0.7  # a related stem (Vocabulary.family)
SYNONYM_WEIGHT = 0.8
CORRECTED_WEIGHT = 0.5  # a typo correction
# Body-prefix expansions score a little below the word typed in full.
EXPANSION_WEIGHT = 0.9
# A wrong-layout reading has no weight of its own: it is tried only when it explains the typed
# text better than the text itself (query.Planner.readings), and then it is what was meant.

# -- BM25F (Whoosh's defaults, which the index searches with) ------------------------------------
K1 = 1.2
B = 0.75


def atom_terms(atom: Word) -> list[tuple[str, str, float]]:
    """The (field, term, boost) a word is searched by; its score is their sum times its weight."""
    terms = [(field, atom.stem, 1.0) for field in ("title", "tags", "body")]
    for related in atom.family:
        terms.extend((field, related, FAMILY_WEIGHT) for field in ("title", "tags", "body"))
    if atom.prefix:
        terms.append(("pre", atom.word[:MAX_GRAM], 1.0))
        terms.extend(("body", s, EXPANSION_WEIGHT) for s in atom.expansions if s != atom.stem)
    return terms


def idf(doc_count: int, doc_frequency: int) -> float:
    """Whoosh's BM25F idf (the index's searcher computes the same itself)."""
    return math.log(doc_count / (doc_frequency + 1)) + 1.0


def length_norm(length: float, average: float) -> float:
    """BM25's length normalisation K1 * (1 - B + B * length / average)."""
    return K1 * (1 - B) + K1 * B * length / (average or 1.0)


def bm25(term_idf: float, weight: float, norm: float) -> float:
    """One term's score in one field of one document; `weight` is its boosted frequency."""
    return term_idf * (K1 + 1) * weight / (weight + norm)


def coordinated(score: float, share: float) -> float:
    """Score of a soft match scaled by the share of the query it covers (0..1, see
    `scoring.PlanScorer.soft`)."""
    return score * share ** COVERAGE_POWER


# -- partial matches (flow.choose) -------------------------------------------------------------
# A document matching n of a query's N clauses scores its BM25F sum times (n / N) ** this: the
# best partial matches come first, ranked by how much of the query they cover.
COVERAGE_POWER = 2.0
# Weight the share by each clause's idf instead of counting clauses (covering a question's rare
# words would matter more than its everyday ones). Measured on the tune halves: no gain on the
# FAQ set, one sample query lost; off, kept as a switch for benchmarks/relevance.py.
IDF_COVERAGE = False

# -- long queries (flow.is_long) ---------------------------------------------------------------
# From this many content words (clauses), or this many typed words of which at least two are
# content words, a query is ranked as an OR of its words with coverage, not AND first.
LONG_QUERY_CLAUSES = 3
LONG_QUERY_WORDS = 4

# -- title features (features.rerank) ----------------------------------------------------------
# Multipliers on top of BM25F for the leading hits: a title that covers the query, keeps its
# word forms, has its words adjacent and in order, starts with it, or is it. They decide near
# ties; a title that merely contains one query word among many gets little.
TITLE_COVERAGE = 0.3  # times the share of the query's clauses the title matches
TITLE_FORMS = 0.1  # times the share of matched title words in the form typed
TITLE_ORDER = 0.15  # times the share of adjacent query word pairs adjacent, in order, in the title
TITLE_START = 0.1  # the title starts with the query's first word
TITLE_WHOLE = 0.25  # every content word of the title is a query word, and the reverse
TITLE_COVERED = 0.3  # times the share of the title's content words the query matches
# Long queries (flow.is_long) only: times the share of the query's words found together in
# the body, within a window of this many words (features.body_proximity). Measured on the tune
# halves at 0.3: +1 pharmacy question, -1 FAQ question: no gain, so off (0 costs nothing).
BODY_PROXIMITY = 0.0
PROXIMITY_WINDOW = 12
# How many leading hits are re-ranked (stored fields are read for these).
RERANK_DEPTH = 20
