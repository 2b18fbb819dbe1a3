"""How long the team-lead dashboard takes to refresh on a million usage events.

    python benchmarks/stats_bench.py                     # SQLite in a temporary folder
    python benchmarks/stats_bench.py --postgres URL      # also PostgreSQL, in a fresh schema

Events are spread over `--days` days (default 90) with a skewed article popularity (a few
answers get most of the traffic), 40 operators and one search per three events. The refresh
time of every table and of the whole dashboard is the median over `--runs` runs, for the
7, 30 and 90 day periods the page offers.

The raw rows are bulk-loaded into a schema at migration 0002, then migration 0003 fills the
daily rollups from them, exactly as it does when an existing database is upgraded. Last, the
cost of recording one event through `UsageRecorder` (raw row plus rollups) is measured on the
loaded database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Connection, create_engine, text

from kbdesk.db import Database, _alembic_config
from kbdesk.models import Article, EventKind, Kind, SearchLog, Status, UsageEvent
from kbdesk.rollups import ROLLUPS
from kbdesk.stats import Period, StatsService
from kbdesk.usage import UsageRecorder

NOW = datetime(2026, 6, 1, tzinfo=UTC)
ARTICLES = 400
OPERATORS = [f"оператор {n:02d}" for n in range(40)]
KINDS = (
    [EventKind.VIEW] * 45
    + [EventKind.COPY] * 30
    + [EventKind.RESOLVED] * 18
    + [EventKind.NOT_RESOLVED] * 7
)
QUERIES = [f"вопрос клиента {n}" for n in range(3000)]
TABLES = ("items", "trend", "operators", "gaps", "stale")
STAMP = "%Y-%m-%d %H:%M:%S.%f"


def _articles() -> list[dict[str, Any]]:
    rng = random.Random(7)
    created = NOW - timedelta(days=400)
    return [
        {
            "id": n,
            "slug": f"article-{n}",
            "kind": (Kind.TEMPLATE if n % 3 == 0 else Kind.ARTICLE).value,
            "title": f"Статья {n}",
            "body": "",
            "status": Status.PUBLISHED.value,
            "review_by": date(2026, 1, 1) if rng.random() < 0.1 else None,
            "version": 1,
            "created_at": created,
            "updated_at": created,
            "updated_by": "bench",
        }
        for n in range(1, ARTICLES + 1)
    ]


def _events(count: int, days: int, sqlite: bool) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(1)
    # Zipf-like popularity; the last 20 articles are never used (stale candidates).
    weights = [1 / rank**0.9 for rank in range(1, ARTICLES - 20 + 1)]
    picks = rng.choices(range(1, ARTICLES - 20 + 1), weights, k=count)
    start = NOW.timestamp() - days * 86400
    for article_id in picks:
        moment = datetime.fromtimestamp(start + rng.random() * days * 86400, UTC)
        kind = rng.choice(KINDS)
        query = rng.choice(QUERIES) if kind is EventKind.COPY and rng.random() < 0.6 else None
        yield (
            moment.strftime(STAMP) if sqlite else moment,
            kind.value,
            rng.choice(OPERATORS),
            article_id,
            query,
            query,  # the vocabulary is already normalised
            "chat",
        )


def _searches(count: int, days: int, sqlite: bool) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(2)
    start = NOW.timestamp() - days * 86400
    for _ in range(count):
        moment = datetime.fromtimestamp(start + rng.random() * days * 86400, UTC)
        query = f"вопрос клиента {rng.randint(0, 5000)}"
        hits = 0 if rng.random() < 0.25 else rng.randint(1, 20)
        stamp = moment.strftime(STAMP) if sqlite else moment
        yield (stamp, query, query, hits, 12.5, rng.choice(OPERATORS))


EVENT_COLUMNS = "at, kind, operator, article_id, query, normalized, channel"
SEARCH_COLUMNS = "at, query, normalized, hits, took_ms, operator"


def fill(database: Database, events: int, days: int) -> float:
    """Bulk-load the raw events; indexes are dropped first and rebuilt once at the end."""
    started = time.perf_counter()
    indexes = [*UsageEvent.__table__.indexes, *SearchLog.__table__.indexes]  # type: ignore[attr-defined]
    with database.engine.begin() as connection:
        connection.execute(Article.__table__.insert(), _articles())  # type: ignore[attr-defined]
        for index in indexes:
            index.drop(connection)
        if database.is_sqlite:
            _fill_sqlite(connection, events, days)
        else:
            _fill_postgres(connection, events, days)
        for index in indexes:
            index.create(connection)
    return time.perf_counter() - started


def upgrade(database: Database) -> float:
    """Migration 0003 and its back-fill of the rollups from the raw rows just loaded."""
    started = time.perf_counter()
    command.upgrade(_alembic_config(database.engine), "head")
    seconds = time.perf_counter() - started
    if not database.is_sqlite:
        with database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE")
            )
    return seconds


def _fill_sqlite(connection: Connection, events: int, days: int) -> None:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.executemany(
        f"INSERT INTO usage_event ({EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        _events(events, days, sqlite=True),
    )
    cursor.executemany(
        f"INSERT INTO search_log ({SEARCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        _searches(events // 3, days, sqlite=True),
    )


def _fill_postgres(connection: Connection, events: int, days: int) -> None:
    # COPY is PostgreSQL's bulk path; executemany would take minutes for a million rows.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY usage_event ({EVENT_COLUMNS}) FROM STDIN") as copy:
        for row in _events(events, days, sqlite=False):
            copy.write_row(row)
    with cursor.copy(f"COPY search_log ({SEARCH_COLUMNS}) FROM STDIN") as copy:
        for row in _searches(events // 3, days, sqlite=False):
            copy.write_row(row)
    connection.execute(
        text("SELECT setval('usage_event_id_seq', (SELECT max(id) FROM usage_event))")
    )


def measure(database: Database, runs: int, periods: list[int]) -> None:
    service = StatsService(database)
    started = time.perf_counter()
    service.prepare()
    print(f"  planner statistics (once per start): {(time.perf_counter() - started) * 1000:.0f} ms")
    header = " ".join(f"{name:>10}" for name in TABLES)
    print(f"  {'period':>8} {header} {'total':>10} {'cpu':>10}")
    for days in periods:
        period = Period(NOW - timedelta(days=days), NOW)
        totals: list[float] = []
        cpu: list[float] = []
        per_table: dict[str, list[float]] = {name: [] for name in TABLES}
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            board = service.dashboard(period)
            totals.append((time.perf_counter() - started) * 1000)
            # Process CPU (all threads, and not the database server's): next to the wall time
            # it shows how much the two workers overlap, or waited for a busy machine.
            cpu.append((time.process_time() - started_cpu) * 1000)
            for name in TABLES:
                per_table[name].append(board.timings_ms[name])
        cells = " ".join(f"{statistics.median(per_table[n]):>8.1f}ms" for n in TABLES)
        wall, used = statistics.median(totals), statistics.median(cpu)
        print(f"  {days:>6} d {cells} {wall:>8.1f}ms {used:>8.1f}ms")
    events_in = [len(board.items), len(board.gaps), len(board.stale)]
    print(f"  (last period: {events_in[0]} items, {events_in[1]} gaps, {events_in[2]} stale)")


def recording(database: Database, calls: int) -> None:
    """p50/p95 of one `UsageRecorder.event()` call: raw row and rollups, one transaction."""
    recorder = UsageRecorder(database)
    rng = random.Random(3)
    took: list[float] = []
    for _ in range(calls):
        kind = rng.choice(KINDS)
        query = rng.choice(QUERIES) if kind is EventKind.COPY else None
        started = time.perf_counter()
        recorder.event(
            kind,
            rng.choice(OPERATORS),
            article_id=rng.randint(1, ARTICLES - 20),
            query=query,
            channel="chat",
            at=NOW - timedelta(seconds=rng.randint(1, 86400)),
        )
        took.append((time.perf_counter() - started) * 1000)
    p50, p95 = _percentiles(took)
    print(f"  UsageRecorder.event() over {calls} calls: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    # For comparison, the raw row alone (what recording cost before the rollups); these rows
    # skip the rollups, so this runs last.
    took = []
    for _ in range(calls):
        started = time.perf_counter()
        with database.session() as session:
            session.add(
                UsageEvent(kind=EventKind.VIEW.value, operator=rng.choice(OPERATORS), article_id=1)
            )
        took.append((time.perf_counter() - started) * 1000)
    p50, p95 = _percentiles(took)
    print(f"  (the raw row alone, without rollups: p50 {p50:.2f} ms, p95 {p95:.2f} ms)")


def _load() -> str:
    """The 1/5/15-minute load average: a busy machine makes every figure slower."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _percentiles(took: list[float]) -> tuple[float, float]:
    took = sorted(took)
    return took[len(took) // 2], took[int(len(took) * 0.95)]


def rollup_sizes(database: Database) -> None:
    with database.engine.connect() as connection:
        sizes = [
            f"{r.name} {connection.execute(text(f'SELECT count(*) FROM {r.name}')).scalar_one():,}"
            for r in ROLLUPS
        ]
    print(f"  rollup rows: {', '.join(sizes)}")


def run(database: Database, args: argparse.Namespace, label: str) -> None:
    command.upgrade(_alembic_config(database.engine), "0002")
    seconds = fill(database, args.events, args.days)
    backfill = upgrade(database)
    print(f"{label}: {args.events:,} events + {args.events // 3:,} searches over {args.days} days,")
    print(f"  raw rows loaded in {seconds:.1f} s; migration 0003 back-filled the rollups in")
    print(f"  {backfill:.1f} s; dashboard refresh, median of {args.runs} runs:")
    rollup_sizes(database)
    print("  (per-table times overlap: the tables are computed on two threads;")
    print(f"  cpu: this process only; load average {_load()})")
    measure(database, args.runs, args.periods)
    recording(database, args.calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=90, help="the events span this many days")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--periods", type=int, nargs="+", default=[7, 30, 90])
    parser.add_argument("--postgres", metavar="URL", help="also measure on this server")
    parser.add_argument("--calls", type=int, default=500, help="UsageRecorder.event() calls")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        try:
            run(database, args, "SQLite")
        finally:
            database.dispose()
    if args.postgres:
        _run_postgres(args)


def _run_postgres(args: argparse.Namespace) -> None:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    database = Database(args.postgres, connect_args={"options": f"-csearch_path={schema}"})
    try:
        run(database, args, "PostgreSQL")
    finally:
        database.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
