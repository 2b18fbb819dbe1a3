"""The search procedure every engine shares: readings, strict then soft matching, snippets."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from kbdesk.search import weights
from kbdesk.search.api import SearchHit, SearchRequest, SearchResult
from kbdesk.search.features import body_proximity, clause_keys, title_factor
from kbdesk.search.query import Plan, Planner
from kbdesk.search.snippets import Marker, make_snippet

# Switches for benchmarks/relevance.py --ablate (what each lever buys); always on in the app.
TITLE_FEATURES = True
PARTIAL_MINIMUM_ONE = True
LONG_QUERIES_OR = True
OPTIONAL_IN_LONG = True


@dataclass(frozen=True)
class Found:
    """One matching document as an engine returns it, before snippets."""

    id: int
    slug: str
    title: str
    kind: str
    category: str | None
    status: str
    score: float
    body: str


# (plan, minimum clauses that must match or None for all, request) -> (top hits, total).
Execute = Callable[[Plan, int | None, SearchRequest], tuple[list[Found], int]]


# When all words match in fewer documents than this, documents matching most of the words join
# them: a strong title match of the main word beats a stray body match of every word.
FEW_STRICT_HITS = 5


def is_long(plan: Plan) -> bool:
    """A typed question or a long description rather than words typed to narrow a list: it is
    ranked as an OR of its content words (as BM25 over all of them would), coverage-weighted,
    instead of AND first; short queries keep the as-you-type AND with prefixes."""
    return LONG_QUERIES_OR and (
        len(plan.clauses) >= weights.LONG_QUERY_CLAUSES
        or (len(plan.clauses) >= 2
            and len(plan.clauses) + len(plan.optional) >= weights.LONG_QUERY_WORDS))


def soft_minimum(clauses: int) -> int:
    """Clauses a partial match must meet: one, so the list is never empty while any query word
    occurs; `weights.coordinated` ranks the partial matches by how much they cover."""
    return 1 if PARTIAL_MINIMUM_ONE else max(1, math.ceil(clauses / 2))


def rerank(found: list[Found], plan: Plan, limit: int) -> list[Found]:
    """The leading hits re-scored with their title features, cut to `limit`."""
    if not TITLE_FEATURES or not found:
        return found[:limit]
    keys = clause_keys(plan)
    near = weights.BODY_PROXIMITY if is_long(plan) else 0.0
    head = [replace(f, score=f.score * (title_factor(f.title, keys)
                                        + (near * body_proximity(f.body, keys) if near else 0.0)))
            for f in found[: weights.RERANK_DEPTH]]
    head.sort(key=lambda f: -f.score)
    return (head + found[weights.RERANK_DEPTH :])[:limit]


def merge(strict: list[Found], soft: list[Found], limit: int) -> list[Found]:
    seen = {f.id for f in strict}
    merged = strict + [f for f in soft if f.id not in seen]
    merged.sort(key=lambda f: -f.score)
    return merged[:limit]


def choose(planner: Planner, request: SearchRequest, execute: Execute) -> tuple[
    Plan | None, list[Found], int
]:
    """The first reading that finds something under AND wins; then the softer matches."""
    plans = planner.readings(request.text)
    limit = max(1, request.limit)
    deeper = replace(request, limit=max(limit, weights.RERANK_DEPTH if TITLE_FEATURES else 0))
    for plan in plans:
        if is_long(plan):
            # A question's filler words do not score: many of them, each in many items, added
            # up to outweigh its content words (OPTIONAL_IN_LONG switches this for the bench).
            found, total = execute(plan if OPTIONAL_IN_LONG else replace(plan, optional=()),
                                   1, deeper)
            if found:
                return plan, rerank(found, plan, limit), total
            continue
        found, total = execute(plan, None, deeper)
        if found:
            if len(found) < FEW_STRICT_HITS and len(plan.clauses) > 1:
                soft, soft_total = execute(plan, soft_minimum(len(plan.clauses)), deeper)
                merged = merge(found, soft, deeper.limit)
                return plan, rerank(merged, plan, limit), max(total, soft_total)
            return plan, rerank(found, plan, limit), total
    for plan in plans:
        if len(plan.clauses) > 1:
            found, total = execute(plan, soft_minimum(len(plan.clauses)), deeper)
            if found:
                return plan, rerank(found, plan, limit), total
    return (plans[0] if plans else None), [], 0


def run_search(
    planner: Planner, request: SearchRequest, execute: Execute, degraded: bool
) -> tuple[SearchResult, Plan | None]:
    started = time.perf_counter()
    plan, found, total = choose(planner, request, execute)
    marker = Marker(plan)
    hits = [
        SearchHit(
            id=f.id,
            slug=f.slug,
            title=f.title,
            kind=f.kind,
            category=f.category,
            status=f.status,
            score=f.score,
            snippet=make_snippet(f.body, marker) if rank < request.snippets else "",
        )
        for rank, f in enumerate(found)
    ]
    changed = plan is not None and (plan.layout_switched or plan.corrected)
    result = SearchResult(
        hits=hits,
        total=total,
        reading=plan.reading if changed and plan is not None else None,
        layout_switched=plan is not None and plan.layout_switched,
        corrected=plan is not None and plan.corrected,
        took_ms=(time.perf_counter() - started) * 1000.0,
        degraded=degraded,
    )
    return result, plan
