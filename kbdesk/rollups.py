"""The rollup contract: which raw row adds what to which daily rollup, and how figures read them.

One table, read by every path that needs it: `kbdesk.usage` turns each recorded row into the
bumps below and runs them as SQL upserts; `kbdesk.stats.sources` sums the same counter columns
over whole days and counts the same event kinds over raw rows for sub-day edges;
`tests/core/test_rollups.py` replays the raw rows through `event_bumps` / `search_bumps` and
checks both against the database. Migration 0003 keeps its own frozen copy of the contract as
it was then, since history must not change when this table does.

Outside `kbdesk.stats` on purpose: the recorder runs at start-up, the statistics do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table

from kbdesk.models import (
    ArticleDaily,
    CopyDaily,
    EventKind,
    OperatorDaily,
    SearchDaily,
    UsageDaily,
)

# The counter column each counted event kind adds one to. Search events in usage_event are
# kept for audits only: searches are counted from search_log.
COUNTERS: dict[EventKind, str] = {
    EventKind.VIEW: "views",
    EventKind.COPY: "copies",
    EventKind.RESOLVED: "resolved",
    EventKind.NOT_RESOLVED: "not_resolved",
}
# "Uses" are the kinds that mean an operator opened or copied an item; they also move an item's
# last use. "Outcomes" answer whether the request was resolved; the first kind is a success.
USES: tuple[EventKind, ...] = (EventKind.VIEW, EventKind.COPY)
OUTCOMES: tuple[EventKind, EventKind] = (EventKind.RESOLVED, EventKind.NOT_RESOLVED)
USE_COLUMNS: tuple[str, ...] = tuple(COUNTERS[kind] for kind in USES)
OUTCOME_COLUMNS: tuple[str, ...] = tuple(COUNTERS[kind] for kind in OUTCOMES)
# Columns filled from search_log rows, not from events.
SEARCHES = "searches"
ZERO_HITS = "zero_hits"


@dataclass(frozen=True)
class Rollup:
    """One daily rollup table: its key columns and the column keeping the latest moment."""

    table: Table
    key: tuple[str, ...]
    latest: str | None = None

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def counters(self) -> tuple[str, ...]:
        skip = {*self.key, self.latest}
        return tuple(column.name for column in self.table.columns if column.name not in skip)


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


ARTICLE_DAILY = Rollup(_table(ArticleDaily), ("day", "article_id"), "last_used_at")
USAGE_DAILY = Rollup(_table(UsageDaily), ("operator", "day", "article_id"), "last_used_at")
OPERATOR_DAILY = Rollup(_table(OperatorDaily), ("day", "operator"))
SEARCH_DAILY = Rollup(_table(SearchDaily), ("day", "normalized"), "last_at")
COPY_DAILY = Rollup(_table(CopyDaily), ("normalized", "day"))
# Every writer bumps rollups in this order, so two concurrent transactions take their row
# locks in one order and cannot deadlock.
ROLLUPS: tuple[Rollup, ...] = (ARTICLE_DAILY, USAGE_DAILY, OPERATOR_DAILY, SEARCH_DAILY, COPY_DAILY)


@dataclass(frozen=True)
class Bump:
    """Add `add` to the row of `rollup` at `key` (created at zero), keep the later `latest`."""

    rollup: Rollup
    key: dict[str, Any]
    add: dict[str, int]
    latest: datetime | None = None


def _ordered(bumps: list[Bump]) -> list[Bump]:
    return sorted(bumps, key=lambda bump: ROLLUPS.index(bump.rollup))


def event_bumps(
    kind: EventKind,
    operator: str,
    article_id: int | None,
    normalized: str | None,
    moment: datetime,
) -> list[Bump]:
    """What one usage event at the aware UTC `moment` adds to the rollups; [] if not counted."""
    column = COUNTERS.get(kind)
    if column is None:
        return []
    day: date = moment.date()
    add = {column: 1}
    latest = moment if kind in USES else None
    bumps = [Bump(OPERATOR_DAILY, {"day": day, "operator": operator}, add)]
    if article_id is not None:
        item = {"day": day, "article_id": article_id}
        bumps.append(Bump(ARTICLE_DAILY, item, add, latest))
        bumps.append(Bump(USAGE_DAILY, {"operator": operator, **item}, add, latest))
    # A copy that carries its search query closes that query's content gap.
    if kind is EventKind.COPY and normalized:
        bumps.append(Bump(COPY_DAILY, {"normalized": normalized, "day": day}, {"copies": 1}))
    return _ordered(bumps)


def search_bumps(operator: str, normalized: str, hits: int, moment: datetime) -> list[Bump]:
    """What one search-log row at the aware UTC `moment` adds to the rollups."""
    day = moment.date()
    return _ordered(
        [
            Bump(OPERATOR_DAILY, {"day": day, "operator": operator}, {SEARCHES: 1}),
            Bump(
                SEARCH_DAILY,
                {"day": day, "normalized": normalized},
                {SEARCHES: 1, ZERO_HITS: int(hits == 0)},
                moment,
            ),
        ]
    )


def total(row: object, columns: tuple[str, ...]) -> Any:
    """The sum of the named counters of a figure or tally, e.g. its uses (`USE_COLUMNS`)."""
    return sum(getattr(row, column) for column in columns)
