"""Recording what operators search, view, copy and whether it resolved the request."""

from __future__ import annotations

from datetime import datetime

from kbdesk.db import Database
from kbdesk.models import EventKind, SearchLog, UsageEvent, utcnow
from kbdesk.privacy import mask_pii, normalize_query

MAX_QUERY = 500


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
        row = UsageEvent(
            kind=kind.value,
            operator=operator,
            article_id=article_id,
            query=masked,
            normalized=normalize_query(masked)[:MAX_QUERY] if masked else None,
            channel=channel,
            at=at or utcnow(),
        )
        with self.db.session() as session:
            session.add(row)
        return row

    def search(
        self, query: str, hits: int, took_ms: float, operator: str, at: datetime | None = None
    ) -> SearchLog | None:
        """Log one finished search; blank queries are not worth a row."""
        normalized = normalize_query(query)[:MAX_QUERY]
        if not normalized:
            return None
        row = SearchLog(
            query=mask_pii(" ".join(query.split()))[:MAX_QUERY],
            normalized=normalized,
            hits=hits,
            took_ms=round(took_ms, 2),
            operator=operator,
            at=at or utcnow(),
        )
        with self.db.session() as session:
            session.add(row)
        return row
