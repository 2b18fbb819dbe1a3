"""Whoosh schema, analyzers and the translation of plans into Whoosh queries.

Searches are scored by `postings.PostingScorer` straight from the postings; `plan_query` is the
equivalent Whoosh query tree, kept as the reference (the oracle) the scorer is tested against.
Both take their weights from `weights`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.analysis import Filter, NgramFilter, RegexTokenizer, Token
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from kbdesk.search.api import SearchDoc, SearchRequest
from kbdesk.search.query import Atom, Plan
from kbdesk.search.text import fold, stem
from kbdesk.search.weights import FIELD_BOOSTS, MAX_GRAM, atom_terms

# Bump when the schema, the analysis or a field boost changes: an index of another format is
# rebuilt.
FORMAT_VERSION = 2

_WORD_PATTERN = r"[^\W_]+"


class FoldStemFilter(Filter):
    """Case and ё folding plus the per-alphabet Snowball stem, in one pass for speed."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = stem(fold(token.text))
            yield token


class FoldFilter(Filter):
    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


def build_schema() -> Schema:
    stemmed = RegexTokenizer(_WORD_PATTERN) | FoldStemFilter()
    edges = RegexTokenizer(_WORD_PATTERN) | FoldFilter() | NgramFilter(1, MAX_GRAM, at="start")
    return Schema(
        id=ID(stored=True, unique=True),
        slug=STORED,
        kind=ID(stored=True),
        category=ID(stored=True),
        status=ID(stored=True),
        tag=KEYWORD(commas=True),
        title=TEXT(analyzer=stemmed, stored=True, phrase=False,
                   field_boost=FIELD_BOOSTS["title"]),
        tags=TEXT(analyzer=stemmed, phrase=False, field_boost=FIELD_BOOSTS["tags"]),
        # Edge n-grams of title and tag words: short prefixes as single-term lookups.
        pre=TEXT(analyzer=edges, phrase=False, field_boost=FIELD_BOOSTS["pre"]),
        # No positions: phrase search is not offered, and it makes indexing faster and smaller.
        body=TEXT(analyzer=stemmed, stored=True, phrase=False, field_boost=FIELD_BOOSTS["body"]),
    )


def doc_fields(doc: SearchDoc) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": str(doc.id),
        "slug": doc.slug,
        "kind": doc.kind,
        "status": doc.status,
        "title": doc.title,
        "tags": " ".join(doc.tags),
        "tag": ",".join(fold(t) for t in doc.tags),
        "pre": " ".join((doc.title, *doc.tags)),
        "body": doc.body,
    }
    if doc.category:
        fields["category"] = doc.category
    return fields


class _Or(wq.Or):
    # Whoosh picks an array matcher for small indexes, which reads every posting of every
    # term up front; the tree of union matchers measured 2-4x faster for our short queries.
    matcher_type = wq.Or.DEFAULT_MATCHER


def atom_query(atom: Atom) -> wq.Query:
    parts: list[wq.Query] = [wq.Term(f, t, boost=b) for f, t, b in atom_terms(atom)]
    return _Or(parts, boost=atom.weight)


def plan_query(plan: Plan, minimum: int | None) -> wq.Query:
    clauses: list[wq.Query] = []
    for clause in plan.clauses:
        options = [
            atom_query(option[0]) if len(option) == 1 else wq.And([atom_query(a) for a in option])
            for option in clause.options
        ]
        clauses.append(options[0] if len(options) == 1 else _Or(options))
    if len(clauses) == 1:
        main = clauses[0]
    elif minimum is None:
        main = wq.And(clauses)
    else:
        # Whoosh 2.7 does not implement Or(minmatch=): the caller counts matched clauses.
        main = _Or(clauses)
    if plan.optional:
        main = wq.AndMaybe(main, _Or([atom_query(a) for a in plan.optional]))
    return main


def filter_query(request: SearchRequest) -> wq.Query | None:
    parts: list[wq.Query] = []
    if request.kinds is not None:
        parts.append(_Or([wq.Term("kind", k) for k in request.kinds]))
    if request.category is not None:
        parts.append(wq.Term("category", request.category))
    if request.tag is not None:
        parts.append(wq.Term("tag", fold(request.tag).strip()))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def status_mask(request: SearchRequest, present: list[str]) -> wq.Query | None:
    """Statuses to hide, as a mask: they are few documents (drafts, archive), so a mask is much
    cheaper than a filter listing nearly every published document."""
    hidden = [s for s in present if s not in request.statuses]
    if not hidden:
        return None
    return _Or([wq.Term("status", s) for s in hidden])
