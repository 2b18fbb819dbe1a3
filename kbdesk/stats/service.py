"""`StatsService`: every dashboard table from the daily rollups (see `kbdesk.stats.sources`).

A quarter of a busy team is about a million raw events, but only tens of thousands of
(day, item) rows and a few thousand (day, operator) rows, so each table is a small aggregate
whatever the period.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, select, text

from kbdesk.db import Database
from kbdesk.models import Article, Status
from kbdesk.stats import sources
from kbdesk.stats.figures import (
    DEFAULT_STALE_DAYS,
    ContactStats,
    Dashboard,
    GapRow,
    Granularity,
    ItemStats,
    OperatorStats,
    Period,
    StaleRow,
    TrendPoint,
    as_utc,
)
from kbdesk.stats.sources import Span, Tally

T = TypeVar("T")

ARTICLES = Article.__table__  # type: ignore[attr-defined]
# Two workers: each table is a statement or two, and SQLite and psycopg both release the GIL
# while a statement runs, so the tables are computed side by side.
WORKERS = 2
ANALYZED = ("usage_event", "search_log", *sorted(sources.ROLLUPS))


def _aware(moment: datetime | None) -> datetime | None:
    return as_utc(moment) if moment is not None else None


class StatsService:
    def __init__(self, database: Database, *, parallel: bool = True, raw: bool = False) -> None:
        """`raw=True` reads every figure from the raw rows alone: far slower, and the
        reference that the figures from the rollups are tested against."""
        self.db = database
        self.parallel = parallel
        self.raw = raw
        self._planned = False

    def _span(self, period: Period) -> Span:
        return Span.raw(period) if self.raw else Span.of(period)

    # -- the whole dashboard -----------------------------------------------------------------

    def dashboard(
        self,
        period: Period | None = None,
        *,
        granularity: Granularity = Granularity.DAY,
        stale_days: int = DEFAULT_STALE_DAYS,
        operator: str | None = None,
    ) -> Dashboard:
        """All five tables for one period; `operator` narrows every table to one person."""
        period = period or Period.last_days()
        self.prepare()
        jobs: dict[str, Callable[[], Any]] = {
            # The slowest first, so the two workers finish at about the same time.
            "gaps": lambda: self.gaps(period, operator=operator),
            "items": lambda: self.items(period, operator=operator),
            "stale": lambda: self.stale(period, stale_days),
            "trend": lambda: self.trend(period, granularity, operator=operator),
            "operators": lambda: self.operators(period, operator=operator),
            "contacts": lambda: self.contacts(period, operator=operator),
        }
        results, timings = self._run(jobs)
        return Dashboard(
            period=period,
            granularity=granularity,
            stale_days=stale_days,
            items=results["items"],
            trend=results["trend"],
            operators=results["operators"],
            gaps=results["gaps"],
            stale=results["stale"],
            timings_ms=timings,
            contacts=results["contacts"],
        )

    def _run(self, jobs: dict[str, Callable[[], Any]]) -> tuple[dict[str, Any], dict[str, float]]:
        timings: dict[str, float] = {}

        def timed(name: str) -> Any:
            started = time.perf_counter()
            value = jobs[name]()
            timings[name] = (time.perf_counter() - started) * 1000
            return value

        if not self.parallel:
            return {name: timed(name) for name in jobs}, timings
        with ThreadPoolExecutor(WORKERS, thread_name_prefix="stats") as pool:
            futures = {name: pool.submit(timed, name) for name in jobs}
            return {name: future.result() for name, future in futures.items()}, timings

    def prepare(self) -> None:
        """Give SQLite's planner row estimates once, so it picks the key order of the rollups.

        A sampled ANALYZE (analysis_limit) takes milliseconds even on millions of rows.
        """
        if self._planned or not self.db.is_sqlite:
            return
        with self.db.engine.begin() as connection:
            connection.execute(text("PRAGMA analysis_limit=1000"))
            for table in ANALYZED:
                connection.execute(text(f"ANALYZE {table}"))
        self._planned = True

    def _read(self, fn: Callable[[Connection], T]) -> T:
        with self.db.engine.connect() as connection:
            return fn(connection)

    def _tallies(self, queries: list[Any]) -> dict[Any, Tally]:
        def read(connection: Connection) -> dict[Any, Tally]:
            tallies: dict[Any, Tally] = {}
            for query in queries:
                sources.merge(tallies, connection.execute(query))
            return tallies

        return self._read(read)

    # -- items -------------------------------------------------------------------------------

    def items(self, period: Period, *, operator: str | None = None) -> list[ItemStats]:
        """Every item with an event in the period, best first (Wilson lower bound)."""
        tallies = self._tallies(sources.item_queries(self._span(period), operator))
        meta = self._articles(list(tallies))
        result = [
            ItemStats(
                article_id=article_id,
                title=meta[article_id][0],
                kind=meta[article_id][1],
                status=meta[article_id][2],
                views=tally.views,
                copies=tally.copies,
                resolved=tally.resolved,
                not_resolved=tally.not_resolved,
                last_used=tally.last_used,
            )
            for article_id, tally in tallies.items()
            if article_id in meta
        ]
        result.sort(key=lambda i: (-i.score, -i.resolved, -i.uses, i.title, i.article_id))
        return result

    def _articles(self, wanted: list[int]) -> dict[int, tuple[str, str, str]]:
        if not wanted:
            return {}
        query = select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.kind, ARTICLES.c.status)
        rows = self._read(lambda c: c.execute(query.where(ARTICLES.c.id.in_(wanted))).all())
        return {row.id: (row.title, row.kind, row.status) for row in rows}

    # -- trend -------------------------------------------------------------------------------

    def trend(
        self,
        period: Period,
        granularity: Granularity = Granularity.DAY,
        *,
        operator: str | None = None,
    ) -> list[TrendPoint]:
        """Uses and outcomes per UTC day, or per ISO week (starting on Monday)."""

        def bucket(day: date) -> date:
            return day - timedelta(days=day.weekday()) if granularity is Granularity.WEEK else day

        buckets: dict[date, Tally] = {bucket(day): Tally() for day, _start, _end in period.days()}
        for day, tally in self._tallies(sources.day_queries(self._span(period), operator)).items():
            total = buckets[bucket(day)]
            total.add((0, *(getattr(tally, name) for name in sources.COUNTERS), None))
        return [
            TrendPoint(
                start=key,
                uses=total.uses,
                resolved=total.resolved,
                not_resolved=total.not_resolved,
            )
            for key, total in sorted(buckets.items())
        ]

    # -- operators ---------------------------------------------------------------------------

    def operators(self, period: Period, *, operator: str | None = None) -> list[OperatorStats]:
        """One row per operator active in the period, after a first row for the whole team."""
        counts = self._tallies(sources.operator_queries(self._span(period)))
        members = len(counts)

        def mean(field: str) -> float:
            # Per-operator average, so the team row compares like with like.
            return sum(getattr(c, field) for c in counts.values()) / members if members else 0.0

        team = OperatorStats(
            operator="",
            searches=mean("searches"),
            views=mean("views"),
            copies=mean("copies"),
            resolved=mean("resolved"),
            not_resolved=mean("not_resolved"),
            members=members,
        )
        team_rate = team.rate
        people = [
            OperatorStats(
                operator=name,
                searches=c.searches,
                views=c.views,
                copies=c.copies,
                resolved=c.resolved,
                not_resolved=c.not_resolved,
                team_rate=team_rate,
            )
            for name, c in sorted(counts.items())
            if operator is None or name == operator
        ]
        return [team, *people]

    # -- content gaps ------------------------------------------------------------------------

    def contacts(self, period: Period, *, operator: str | None = None) -> ContactStats:
        """How many contacts (calls, chats) the period had, and the replies copied in them."""
        query = sources.contacts(period, operator)
        count, replies = self._read(lambda connection: connection.execute(query).one())
        return ContactStats(int(count or 0), int(replies or 0))

    def gaps(self, period: Period, *, operator: str | None = None) -> list[GapRow]:
        """Normalised queries that found nothing, or found results nobody copied, or found
        results in a contact that ended without a copy (abandoned)."""
        queries = sources.search_queries(self._span(period), period, operator)
        abandoned_query = sources.abandoned_searches(period, operator)

        def read(connection: Connection) -> dict[str, list[Any]]:
            found: dict[str, list[Any]] = {}
            for query in queries:
                for normalized, searches, no_results, latest, was_copied in connection.execute(
                    query
                ):
                    seen = found.setdefault(normalized, [0, 0, None, False])
                    latest = as_utc(latest)
                    seen[0] += searches
                    seen[1] += no_results
                    seen[2] = latest if seen[2] is None or latest > seen[2] else seen[2]
                    seen[3] = seen[3] or bool(was_copied)
            return found

        abandoned = dict(
            self._read(lambda connection: list(connection.execute(abandoned_query)))
        )
        result = []
        for normalized, (searches, no_results, latest, was_copied) in self._read(read).items():
            left = int(abandoned.get(normalized, 0))
            not_copied = left if was_copied else searches - no_results
            if no_results or not_copied:
                result.append(
                    GapRow(
                        query=normalized,
                        searches=searches,
                        no_results=no_results,
                        not_copied=not_copied,
                        last_searched=latest,
                        abandoned=left,
                    )
                )
        result.sort(key=lambda g: (-g.missed, -g.searches, g.query))
        return result

    # -- stale content -----------------------------------------------------------------------

    def stale(self, period: Period, stale_days: int = DEFAULT_STALE_DAYS) -> list[StaleRow]:
        """Published items unused for `stale_days` before the end of the period, or past review.

        Ordered by how much they were used before the end of the period, most used first: a
        once-popular answer that went quiet is the first to check.
        """
        cutoff = period.until - timedelta(days=stale_days)
        today = period.until.date()
        last_use = sources.last_use_before(period.until, ARTICLES.c.id, rolled=not self.raw)
        candidates = select(
            ARTICLES.c.id,
            ARTICLES.c.title,
            ARTICLES.c.kind,
            ARTICLES.c.owner,
            ARTICLES.c.review_by,
            ARTICLES.c.created_at,
            *last_use,
        ).where(ARTICLES.c.status == Status.PUBLISHED.value)

        def read(connection: Connection) -> list[tuple[Any, ...]]:
            found = []
            for row in connection.execute(candidates):
                uses = [_aware(moment) for moment in row[6:] if moment is not None]
                latest = max(uses) if uses else None
                created = _aware(row.created_at)
                unused = (latest or created or cutoff) < cutoff
                overdue = row.review_by is not None and row.review_by < today
                if unused or overdue:
                    found.append((row, latest, unused, overdue))
            return found

        found = self._read(read)
        ids = [row.id for row, *_ in found]
        uses = self._uses_before(period.until, ids) if ids else {}
        result = [
            StaleRow(
                article_id=row.id,
                title=row.title,
                kind=row.kind,
                owner=row.owner,
                review_by=row.review_by,
                last_used=latest,
                uses=uses.get(row.id, 0),
                unused=unused,
                review_overdue=overdue,
            )
            for row, latest, unused, overdue in found
        ]
        result.sort(key=lambda s: (-s.uses, s.title, s.article_id))
        return result

    def _uses_before(self, until: datetime, ids: list[int]) -> dict[int, int]:
        queries = sources.use_queries(until, ids, rolled=not self.raw)
        return self._read(
            lambda c: sources.add_up(row for query in queries for row in c.execute(query))
        )


__all__ = ["StatsService"]
