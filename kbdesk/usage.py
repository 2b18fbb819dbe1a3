"""Recording what operators search, view, copy and whether it resolved the request.

Every raw row also bumps the daily rollups the dashboard reads (see `kbdesk.models`), in the
same transaction, so the two never disagree. The bumps are single upserts that add in SQL
(`count = count + 1`): concurrent operators on PostgreSQL serialise on the row and no
increment is lost, which a read-modify-write in Python could not promise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, case, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kbdesk.db import Database
from kbdesk.models import (
    ArticleDaily,
    CopyDaily,
    EventKind,
    OperatorDaily,
    SearchDaily,
    SearchLog,
    UsageDaily,
    UsageEvent,
    utcnow,
)
from kbdesk.privacy import mask_pii, normalize_query

MAX_QUERY = 500

ARTICLE_DAILY: Table = ArticleDaily.__table__  # type: ignore[attr-defined]
USAGE_DAILY: Table = UsageDaily.__table__  # type: ignore[attr-defined]
OPERATOR_DAILY: Table = OperatorDaily.__table__  # type: ignore[attr-defined]
SEARCH_DAILY: Table = SearchDaily.__table__  # type: ignore[attr-defined]
COPY_DAILY: Table = CopyDaily.__table__  # type: ignore[attr-defined]

# The rollup column each counted event kind adds one to; other kinds (search events kept for
# audits) are not part of any dashboard figure.
COUNTED = {
    EventKind.VIEW: "views",
    EventKind.COPY: "copies",
    EventKind.RESOLVED: "resolved",
    EventKind.NOT_RESOLVED: "not_resolved",
}
USES = (EventKind.VIEW, EventKind.COPY)
# The "latest moment" column of the rollups that keep one.
LATEST = {"article_daily": "last_used_at", "usage_daily": "last_used_at", "search_daily": "last_at"}


def _utc(moment: datetime | None) -> datetime:
    """Naive moments are UTC already; aware ones are converted (as `kbdesk.stats` reads them).

    Not imported from `kbdesk.stats`: recording happens at start-up, the statistics do not.
    """
    if moment is None:
        return utcnow()
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@cache
def _upsert(
    dialect: str, table: Table, key: tuple[str, ...], add: tuple[str, ...], latest: bool
) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE that adds the new row's counters to the stored ones.

    Built once per shape and reused: constructing the statement costs more than running it.
    """
    if dialect == "postgresql":
        statement: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        statement = sqlite.insert(table)
    else:
        raise NotImplementedError(f"usage rollups are not supported on {dialect}")
    changes: dict[str, Any] = {name: table.c[name] + statement.excluded[name] for name in add}
    if latest:
        name = LATEST[table.name]
        old, new = table.c[name], statement.excluded[name]
        # Portable GREATEST that ignores NULL (SQLite's max() would return NULL) and keeps
        # the latest moment when events arrive out of order.
        changes[name] = case((or_(old.is_(None), old < new), new), else_=old)
    return statement.on_conflict_do_update(index_elements=list(key), set_=changes)


def bump(
    session: Session,
    table: Table,
    key: dict[str, Any],
    add: dict[str, int],
    latest: datetime | None = None,
) -> None:
    """Insert the row for `key`, or add `add` to its counters and keep the later `latest`."""
    dialect = session.get_bind().dialect.name
    statement = _upsert(dialect, table, tuple(key), tuple(add), latest is not None)
    values = {**key, **add}
    if latest is not None:
        values[LATEST[table.name]] = latest
    session.execute(statement, values)


class UsageRecorder:
    def __init__(self, database: Database) -> None:
        self.db = database

    def event(
        self,
        kind: EventKind,
        operator: str,
        *,
        article_id: int | None = None,
        query: str | None = None,
        channel: str | None = None,
        at: datetime | None = None,
    ) -> UsageEvent:
        masked = mask_pii(query)[:MAX_QUERY] if query else None
        # Stored in UTC: SQLite keeps the wall time only, and the rollup day is the UTC day.
        moment = _utc(at)
        row = UsageEvent(
            kind=kind.value,
            operator=operator,
            article_id=article_id,
            query=masked,
            normalized=normalize_query(masked)[:MAX_QUERY] if masked else None,
            channel=channel,
            at=moment,
        )
        with self.db.session() as session:
            session.add(row)
            # The raw row first, then the rollups always in the same table order, so two
            # concurrent transactions take their row locks in one order and cannot deadlock.
            session.flush()
            self._roll_up(session, kind, row, moment)
        return row

    @staticmethod
    def _roll_up(session: Session, kind: EventKind, row: UsageEvent, moment: datetime) -> None:
        column = COUNTED.get(kind)
        if column is None:
            return
        day: date = moment.date()
        add = {column: 1}
        latest = moment if kind in USES else None
        if row.article_id is not None:
            item = {"day": day, "article_id": row.article_id}
            bump(session, ARTICLE_DAILY, item, add, latest)
            bump(session, USAGE_DAILY, {"operator": row.operator, **item}, add, latest)
        bump(session, OPERATOR_DAILY, {"day": day, "operator": row.operator}, add)
        if kind is EventKind.COPY and row.normalized:
            bump(session, COPY_DAILY, {"normalized": row.normalized, "day": day}, {"copies": 1})

    def search(
        self, query: str, hits: int, took_ms: float, operator: str, at: datetime | None = None
    ) -> SearchLog | None:
        """Log one finished search; blank queries are not worth a row."""
        normalized = normalize_query(query)[:MAX_QUERY]
        if not normalized:
            return None
        moment = _utc(at)
        row = SearchLog(
            query=mask_pii(" ".join(query.split()))[:MAX_QUERY],
            normalized=normalized,
            hits=hits,
            took_ms=round(took_ms, 2),
            operator=operator,
            at=moment,
        )
        day = moment.date()
        with self.db.session() as session:
            session.add(row)
            session.flush()
            bump(
                session,
                OPERATOR_DAILY,
                {"day": day, "operator": operator},
                {"searches": 1},
            )
            bump(
                session,
                SEARCH_DAILY,
                {"day": day, "normalized": normalized},
                {"searches": 1, "zero_hits": int(hits == 0)},
                moment,
            )
        return row
