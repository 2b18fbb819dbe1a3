"""Where each figure's rows come from: the daily rollups for whole UTC days, raw rows otherwise.

A period is cut into the whole UTC days it covers, read from the rollups that
`kbdesk.usage.UsageRecorder` keeps, and at most two sub-day edges (a custom period starting or
ending mid-day), read from the raw rows with the same arithmetic. The dashboard and the CLI
always ask for whole days, so they never touch the raw rows; other callers still get exact
figures for any [since, until). `Span.raw` takes every day from the raw rows instead: the
reference the tests hold the rollups to.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import reduce
from operator import add
from typing import Any

from sqlalchemy import Table, and_, case, exists, false, func, literal, or_, select

from kbdesk import rollups
from kbdesk.models import EventKind, SearchLog, UsageEvent
from kbdesk.stats.figures import Period, as_utc

EVENTS: Table = UsageEvent.__table__  # type: ignore[attr-defined]
SEARCHES: Table = SearchLog.__table__  # type: ignore[attr-defined]
ARTICLE_DAILY = rollups.ARTICLE_DAILY.table
USAGE_DAILY = rollups.USAGE_DAILY.table
OPERATOR_DAILY = rollups.OPERATOR_DAILY.table
SEARCH_DAILY = rollups.SEARCH_DAILY.table
COPY_DAILY = rollups.COPY_DAILY.table
ROLLUPS = tuple(rollup.name for rollup in rollups.ROLLUPS)

# Event kinds as stored, in the order of the tally counters.
COUNTED = tuple(kind.value for kind in rollups.COUNTERS)
COUNTERS = tuple(rollups.COUNTERS.values())
USE_KINDS = tuple(kind.value for kind in rollups.USES)


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass(frozen=True)
class Span:
    """A period as whole UTC days [first, end) plus the sub-day [start, end) edges around them."""

    first: date
    end: date
    edges: tuple[tuple[datetime, datetime], ...] = ()

    @classmethod
    def of(cls, period: Period) -> Span:
        since, until = period.since, period.until
        first = since.date() + timedelta(days=0 if since == midnight(since.date()) else 1)
        end = until.date()
        if first >= end:
            return cls(first, first, ((since, until),))
        edges = []
        if since < midnight(first):
            edges.append((since, midnight(first)))
        if until > midnight(end):
            edges.append((midnight(end), until))
        return cls(first, end, tuple(edges))

    @classmethod
    def raw(cls, period: Period) -> Span:
        """Every day of the period from the raw rows: the reference the rollups must equal."""
        first = period.since.date()
        return cls(first, first, tuple((start, end) for _day, start, end in period.days()))

    @property
    def has_days(self) -> bool:
        return self.first < self.end

    def days(self, column: Any) -> Any:
        return and_(column >= self.first, column < self.end)


@dataclass
class Tally:
    """Counts of one group (an item, an operator or a day), summed over both sources."""

    searches: int = 0
    views: int = 0
    copies: int = 0
    resolved: int = 0
    not_resolved: int = 0
    last_used: datetime | None = field(default=None)

    def add(self, row: Iterable[Any]) -> None:
        """Add a (searches, counters in COUNTERS order..., last use) row."""
        searches, *counts, last = row
        self.searches += searches or 0
        for name, count in zip(COUNTERS, counts, strict=True):
            setattr(self, name, getattr(self, name) + (count or 0))
        if last is not None:
            last = as_utc(last)
            if self.last_used is None or last > self.last_used:
                self.last_used = last

    @property
    def uses(self) -> int:
        return rollups.total(self, rollups.USE_COLUMNS)  # type: ignore[no-any-return]


def merge(tallies: dict[Any, Tally], rows: Iterable[Any]) -> None:
    """Add (key, searches, views, copies, resolved, not resolved, last use) rows to `tallies`."""
    for key, *counts in rows:
        tallies.setdefault(key, Tally()).add(counts)


def _no_searches() -> Any:
    return literal(0)


def rolled(table: Table) -> list[Any]:
    """The tally columns of a rollup: sums of its counters and the latest use."""
    searches = func.sum(table.c.searches) if "searches" in table.c else _no_searches()
    last = func.max(table.c.last_used_at) if "last_used_at" in table.c else literal(None)
    return [searches, *(func.sum(table.c[name]) for name in COUNTERS), last]


def raw() -> list[Any]:
    """The same tally columns computed from raw events (no searches: they live in search_log)."""
    kind = EVENTS.c.kind
    return [
        _no_searches(),
        *(func.sum(case((kind == value, 1), else_=0)) for value in COUNTED),
        func.max(case((kind.in_(USE_KINDS), EVENTS.c.at))),
    ]


def raw_in(start: datetime, end: datetime) -> Any:
    """Counted raw events in [start, end)."""
    return and_(EVENTS.c.kind.in_(COUNTED), EVENTS.c.at >= start, EVENTS.c.at < end)


def item_queries(span: Span, operator: str | None) -> list[Any]:
    """(item, tally...) rows: the items table."""
    queries = []
    if span.has_days:
        table = ARTICLE_DAILY if operator is None else USAGE_DAILY
        query = select(table.c.article_id, *rolled(table)).where(span.days(table.c.day))
        if operator is not None:
            query = query.where(table.c.operator == operator)
        queries.append(query.group_by(table.c.article_id))
    for start, end in span.edges:
        query = select(EVENTS.c.article_id, *raw()).where(
            EVENTS.c.article_id.is_not(None), raw_in(start, end)
        )
        if operator is not None:
            query = query.where(EVENTS.c.operator == operator)
        queries.append(query.group_by(EVENTS.c.article_id))
    return queries


def day_queries(span: Span, operator: str | None) -> list[Any]:
    """(UTC day, tally...) rows: the trend."""
    queries = []
    table = OPERATOR_DAILY
    if span.has_days:
        query = select(table.c.day, *rolled(table)).where(span.days(table.c.day))
        if operator is not None:
            query = query.where(table.c.operator == operator)
        queries.append(query.group_by(table.c.day))
    for start, end in span.edges:
        # An edge lies within one day, which is its only group.
        query = select(literal(start.date()).label("day"), *raw()).where(raw_in(start, end))
        if operator is not None:
            query = query.where(EVENTS.c.operator == operator)
        queries.append(query)
    return queries


def operator_queries(span: Span) -> list[Any]:
    """(operator, tally...) rows: events and searches of the operators table."""
    queries = []
    table = OPERATOR_DAILY
    if span.has_days:
        queries.append(
            select(table.c.operator, *rolled(table))
            .where(span.days(table.c.day))
            .group_by(table.c.operator)
        )
    for start, end in span.edges:
        queries.append(
            select(EVENTS.c.operator, *raw()).where(raw_in(start, end)).group_by(EVENTS.c.operator)
        )
        queries.append(
            select(
                SEARCHES.c.operator, func.count(), *(literal(0) for _ in COUNTERS), literal(None)
            )
            .where(SEARCHES.c.at >= start, SEARCHES.c.at < end)
            .group_by(SEARCHES.c.operator)
        )
    return queries


def copied(span: Span, normalized: Any) -> Any:
    """Whether a copy event in the period carries the normalised query `normalized`."""
    found = []
    if span.has_days:
        found.append(
            exists().where(COPY_DAILY.c.normalized == normalized, span.days(COPY_DAILY.c.day))
        )
    copies = EVENTS.alias("copies")
    for start, end in span.edges:
        found.append(
            exists().where(
                copies.c.normalized == normalized,
                copies.c.kind == EventKind.COPY.value,
                copies.c.at >= start,
                copies.c.at < end,
            )
        )
    return or_(false(), *found)


def abandoned_searches(period: Period, operator: str | None) -> Any:
    """(query, searches) that found results in a contact that ended without a copy."""
    log = SEARCHES.c
    query = select(log.normalized, func.count()).where(
        log.at >= period.since, log.at < period.until, log.abandoned.is_(True), log.hits > 0
    )
    if operator is not None:
        query = query.where(log.operator == operator)
    return query.group_by(log.normalized)


def contacts(period: Period, operator: str | None) -> Any:
    """(contacts, copies made in them): events without a contact (older ones) are not counted."""
    events = EVENTS.c
    copy = case((events.kind == EventKind.COPY.value, 1), else_=0)
    query = select(func.count(func.distinct(events.contact)), func.coalesce(func.sum(copy), 0))
    query = query.where(
        events.at >= period.since, events.at < period.until, events.contact.is_not(None)
    )
    if operator is not None:
        query = query.where(events.operator == operator)
    return query


def search_queries(span: Span, period: Period, operator: str | None) -> list[Any]:
    """(query, searches, found nothing, last searched, copied) rows: the content gaps.

    The search rollup has no operator (per operator it would be as large as the raw log), so
    one operator's gaps come from their raw searches, a small share of the log.
    """
    zero = func.sum(case((SEARCHES.c.hits == 0, 1), else_=0))
    log = SEARCHES.c

    def from_log(start: datetime, end: datetime) -> Any:
        query = select(
            log.normalized, func.count(), zero, func.max(log.at), copied(span, log.normalized)
        ).where(log.at >= start, log.at < end)
        if operator is not None:
            query = query.where(log.operator == operator)
        return query.group_by(log.normalized)

    if operator is not None:
        return [from_log(period.since, period.until)]
    queries = []
    if span.has_days:
        table = SEARCH_DAILY.c
        queries.append(
            select(
                table.normalized,
                func.sum(table.searches),
                func.sum(table.zero_hits),
                func.max(table.last_at),
                copied(span, table.normalized),
            )
            .where(span.days(table.day))
            .group_by(table.normalized)
        )
    queries.extend(from_log(start, end) for start, end in span.edges)
    return queries


def _used(start: datetime | None, end: datetime) -> Any:
    """Raw uses in [start, end); no start: all of history."""
    condition = and_(EVENTS.c.kind.in_(USE_KINDS), EVENTS.c.at < end)
    return condition if start is None else and_(condition, EVENTS.c.at >= start)


def last_use_before(until: datetime, article_id: Any, *, rolled: bool = True) -> list[Any]:
    """Scalar subqueries whose latest value is an item's last view or copy before `until`.

    `rolled=False` reads the raw rows alone (the reference for the rollups).
    """
    if not rolled:
        everything = select(func.max(EVENTS.c.at)).where(
            EVENTS.c.article_id == article_id, _used(None, until)
        )
        return [everything.scalar_subquery()]
    end = until.date()
    latest = (
        select(ARTICLE_DAILY.c.last_used_at)
        .where(
            ARTICLE_DAILY.c.article_id == article_id,
            ARTICLE_DAILY.c.day < end,
            ARTICLE_DAILY.c.last_used_at.is_not(None),
        )
        .order_by(ARTICLE_DAILY.c.day.desc())
        .limit(1)
        .scalar_subquery()
    )
    if until == midnight(end):
        return [latest]
    tail = select(func.max(EVENTS.c.at)).where(
        EVENTS.c.article_id == article_id, _used(midnight(end), until)
    )
    return [latest, tail.scalar_subquery()]


def use_queries(until: datetime, ids: list[int], *, rolled: bool = True) -> list[Any]:
    """(item, uses) rows before `until` for the items `ids`."""
    end = until.date()

    def raw_from(start: datetime | None) -> Any:
        return (
            select(EVENTS.c.article_id, func.count())
            .where(EVENTS.c.article_id.in_(ids), _used(start, until))
            .group_by(EVENTS.c.article_id)
        )

    if not rolled:
        return [raw_from(None)]
    uses = reduce(add, (ARTICLE_DAILY.c[column] for column in rollups.USE_COLUMNS))
    queries: list[Any] = [
        select(ARTICLE_DAILY.c.article_id, func.sum(uses))
        .where(ARTICLE_DAILY.c.article_id.in_(ids), ARTICLE_DAILY.c.day < end)
        .group_by(ARTICLE_DAILY.c.article_id)
    ]
    if until > midnight(end):
        queries.append(raw_from(midnight(end)))
    return queries


def add_up(rows: Iterable[tuple[Hashable, int]]) -> dict[Any, int]:
    totals: dict[Any, int] = {}
    for key, number in rows:
        totals[key] = totals.get(key, 0) + (number or 0)
    return totals
