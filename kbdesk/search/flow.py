"""The search procedure every engine shares: readings, strict then soft matching, snippets."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from kbdesk.search.api import SearchHit, SearchRequest, SearchResult
from kbdesk.search.query import Plan, Planner
from kbdesk.search.snippets import Marker, make_snippet


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


def soft_minimum(clauses: int) -> int:
    return max(1, math.ceil(clauses / 2))


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
    for plan in plans:
        found, total = execute(plan, None, request)
        if found:
            if len(found) < FEW_STRICT_HITS and len(plan.clauses) > 1:
                soft, soft_total = execute(plan, soft_minimum(len(plan.clauses)), request)
                return plan, merge(found, soft, limit), max(total, soft_total)
            return plan, found, total
    for plan in plans:
        if len(plan.clauses) > 1:
            found, total = execute(plan, soft_minimum(len(plan.clauses)), request)
            if found:
                return plan, found, total
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
