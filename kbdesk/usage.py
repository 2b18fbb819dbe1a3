"""Recording what operators search, view, copy and whether it resolved the request.

Every raw row also bumps the daily rollups the dashboard reads (`kbdesk.rollups` says which), in the
same transaction, so the two never disagree. The bumps are single upserts that add in SQL
(`count = count + 1`): concurrent operators on PostgreSQL serialise on the row and no
increment is lost, which a read-modify-write in Python could not promise.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, case, or_, update
from sqlalchemy.orm import Session
from sqlmodel import col, select

from kbdesk.db import Database
from kbdesk.models import EventKind, SearchLog, UsageEvent, utcnow
from kbdesk.privacy import mask_pii, normalize_query
from kbdesk.rollups import Bump, event_bumps, search_bumps

MAX_QUERY = 500


def _utc(moment: datetime | None) -> datetime:
    """Naive moments are UTC already; aware ones are converted (as `kbdesk.stats` reads them).

    Not imported from `kbdesk.stats`: recording happens at start-up, the statistics do not.
    """
    if moment is None:
        return utcnow()
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@cache
def _upsert(
    dialect: str, table: Table, key: tuple[str, ...], add: tuple[str, ...], latest: str | None
) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE that adds the new row's counters to the stored ones.

    Built once per shape and reused: constructing the statement costs more than running it.
    """
    # The dialect modules are imported here: a desk loads only the one it talks to.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        statement: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        statement = sqlite.insert(table)
    else:
        raise NotImplementedError(f"usage rollups are not supported on {dialect}")
    changes: dict[str, Any] = {name: table.c[name] + statement.excluded[name] for name in add}
    if latest is not None:
        old, new = table.c[latest], statement.excluded[latest]
        # Portable GREATEST that ignores NULL (SQLite's max() would return NULL) and keeps
        # the latest moment when events arrive out of order.
        changes[latest] = case((or_(old.is_(None), old < new), new), else_=old)
    return statement.on_conflict_do_update(index_elements=list(key), set_=changes)


def apply(session: Session, bumps: list[Bump]) -> None:
    """Run each bump as one upsert that adds in SQL, in the order given."""
    dialect = session.get_bind().dialect.name
    for bump in bumps:
        rollup = bump.rollup
        latest = rollup.latest if bump.latest is not None else None
        statement = _upsert(dialect, rollup.table, tuple(bump.key), tuple(bump.add), latest)
        values: dict[str, Any] = {**bump.key, **bump.add}
        if latest is not None:
            values[latest] = bump.latest
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
        contact: str | None = None,
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
            contact=contact,
        )
        with self.db.session() as session:
            session.add(row)
            # The raw row first, then the rollups in the contract's table order.
            session.flush()
            apply(session, event_bumps(kind, operator, article_id, row.normalized, moment))
        return row

    def search(
        self,
        query: str,
        hits: int,
        took_ms: float,
        operator: str,
        at: datetime | None = None,
        contact: str | None = None,
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
            contact=contact,
        )
        with self.db.session() as session:
            session.add(row)
            session.flush()
            apply(session, search_bumps(operator, normalized, hits, moment))
        return row

    def end_contact(self, contact: str) -> int:
        """A contact ended: if nothing was copied during it, its searches led nowhere and are
        marked abandoned (they feed the content gaps). Returns how many were marked."""
        with self.db.session() as session:
            copied = session.exec(
                select(UsageEvent.id)
                .where(UsageEvent.contact == contact, UsageEvent.kind == EventKind.COPY.value)
                .limit(1)
            ).first()
            if copied is not None:
                return 0
            marked = session.execute(
                update(SearchLog)
                .where(col(SearchLog.contact) == contact)
                .values(abandoned=True)
            )
            return int(getattr(marked, "rowcount", 0) or 0)
