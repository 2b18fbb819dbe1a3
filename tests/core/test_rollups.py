"""The rollup contract (`kbdesk.rollups`) holds on every path: recording, back-fill, figures.

Events and searches are recorded through `UsageRecorder`; the rollup tables must then equal a
replay of the raw usage_event / search_log rows through the same contract in Python, migration
0003's back-fill must give the same rows, and every dashboard figure read from the rollups
must equal the same figure read from the raw rows alone.
"""

from __future__ import annotations

import ast
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, select

from kbdesk.db import Database, _alembic_config
from kbdesk.models import Article, EventKind, Kind, SearchLog, Status, UsageEvent
from kbdesk.rollups import (
    ARTICLE_DAILY,
    COPY_DAILY,
    COUNTERS,
    OPERATOR_DAILY,
    OUTCOME_COLUMNS,
    ROLLUPS,
    SEARCH_DAILY,
    USAGE_DAILY,
    USE_COLUMNS,
    USES,
    Bump,
    event_bumps,
    search_bumps,
)
from kbdesk.stats import Granularity, Period, StatsService
from kbdesk.stats.figures import as_utc
from kbdesk.usage import UsageRecorder

VERSIONS = Path(__file__).resolve().parents[2] / "kbdesk" / "migrations" / "versions"
MSK = timezone(timedelta(hours=3))
OPERATORS = ("anna", "boris", "vera")
QUERIES = ("как вернуть деньги", "Возврат!", "карта 4111 1111 1111 1111", "доставка", None)
Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


# -- reading and replaying the rollups ---------------------------------------------------------


def _utc(value: Any) -> Any:
    return as_utc(value) if isinstance(value, datetime) else value


def stored(database: Database) -> Rows:
    """Every rollup row keyed by its primary key, timestamps as aware UTC."""
    result: Rows = {}
    with database.engine.connect() as connection:
        for rollup in ROLLUPS:
            rows = connection.execute(select(rollup.table)).mappings()
            result[rollup.name] = {
                tuple(row[k] for k in rollup.key): {
                    column: _utc(value) for column, value in row.items() if column not in rollup.key
                }
                for row in rows
            }
    return result


def replayed(database: Database) -> Rows:
    """The rollups recomputed in Python from the raw rows, through the same contract."""
    result: Rows = {rollup.name: {} for rollup in ROLLUPS}

    def add(bump: Bump) -> None:
        rollup = bump.rollup
        empty: dict[str, Any] = dict.fromkeys(rollup.counters, 0)
        if rollup.latest:
            empty[rollup.latest] = None
        row = result[rollup.name].setdefault(tuple(bump.key[k] for k in rollup.key), empty)
        for column, number in bump.add.items():
            row[column] += number
        if bump.latest is not None and rollup.latest is not None:
            old = row[rollup.latest]
            row[rollup.latest] = bump.latest if old is None or bump.latest > old else old

    events = UsageEvent.__table__  # type: ignore[attr-defined]
    searches = SearchLog.__table__  # type: ignore[attr-defined]
    with database.engine.connect() as connection:
        for event in connection.execute(select(events)):
            kind, moment = EventKind(event.kind), as_utc(event.at)
            item, normalized = event.article_id, event.normalized
            for bump in event_bumps(kind, event.operator, item, normalized, moment):
                add(bump)
        for search in connection.execute(select(searches)):
            moment = as_utc(search.at)
            for bump in search_bumps(search.operator, search.normalized, search.hits, moment):
                add(bump)
    return result


# -- a varied history --------------------------------------------------------------------------


def _articles(database: Database, count: int) -> list[int]:
    with database.session() as session:
        rows = [
            Article(
                slug=f"item-{n}",
                title=f"Материал {n}",
                kind=Kind.TEMPLATE if n % 2 else Kind.ARTICLE,
                status=Status.ARCHIVED if n == count - 1 else Status.PUBLISHED,
                created_at=datetime(2025, 1, 1, tzinfo=UTC),
                review_by=date(2026, 3, 4) if n == 0 else None,
            )
            for n in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows if row.id is not None]


@pytest.fixture
def history(database: Database) -> list[int]:
    """Every event kind, with and without items and queries, across days, zones and operators;
    out-of-order moments; an item deleted afterwards (its raw events lose their item)."""
    ids = _articles(database, 6)
    recorder = UsageRecorder(database)
    rng = random.Random(20260301)
    for _ in range(90):
        kind = rng.choice(list(EventKind))
        moment = at(1) + timedelta(minutes=rng.randrange(9 * 24 * 60))
        recorder.event(
            kind,
            rng.choice(OPERATORS),
            article_id=rng.choice([*ids, None]),
            query=rng.choice(QUERIES) if kind in (EventKind.COPY, EventKind.SEARCH) else None,
            at=moment.astimezone(MSK) if rng.random() < 0.3 else moment,
        )
    for _ in range(40):
        moment = at(1) + timedelta(minutes=rng.randrange(9 * 24 * 60))
        query = rng.choice([q for q in QUERIES if q])
        recorder.search(query, rng.choice([0, 0, 3, 12]), 4.0, rng.choice(OPERATORS), at=moment)
    # Edges: exactly midnight, 01:30 in Moscow (still the previous UTC day), a naive moment
    # (taken as UTC), and a view earlier than one already recorded for that day.
    recorder.event(EventKind.VIEW, "anna", article_id=ids[0], at=at(3, 0))
    recorder.event(EventKind.COPY, "anna", article_id=ids[1], query="Возврат", at=at(3, 0))
    recorder.event(
        EventKind.VIEW, "vera", article_id=ids[2], at=datetime(2026, 3, 5, 1, 30, tzinfo=MSK)
    )
    recorder.event(EventKind.RESOLVED, "boris", article_id=ids[2], at=datetime(2026, 3, 6, 9))
    recorder.event(EventKind.VIEW, "anna", article_id=ids[0], at=at(4, 20))
    recorder.event(EventKind.VIEW, "anna", article_id=ids[0], at=at(4, 8))
    recorder.search("   ", 0, 1.0, "anna", at=at(4))  # blank: not logged at all
    recorder.search("Доставка", 0, 1.0, "vera", at=datetime(2026, 3, 7, 2, tzinfo=MSK))
    with database.session() as session:
        session.execute(delete(Article).where(Article.id == ids[-2]))  # type: ignore[arg-type]
    return ids[:-2] + ids[-1:]


# -- the contract itself -----------------------------------------------------------------------


def test_the_contract_names_real_columns() -> None:
    assert EventKind.SEARCH not in COUNTERS  # audit only: searches come from search_log
    assert set(COUNTERS) == set(EventKind) - {EventKind.SEARCH}
    assert set(USE_COLUMNS) | set(OUTCOME_COLUMNS) == set(COUNTERS.values())
    for rollup in (ARTICLE_DAILY, USAGE_DAILY, OPERATOR_DAILY):
        assert set(COUNTERS.values()) <= set(rollup.counters)
    assert SEARCH_DAILY.counters == ("searches", "zero_hits")
    assert COPY_DAILY.counters == ("copies",)
    assert {rollup.name for rollup in ROLLUPS} == {
        "article_daily", "usage_daily", "operator_daily", "search_daily", "copy_daily",
    }  # fmt: skip


def test_bumps_follow_the_table_order() -> None:
    moment = at(2, 10)
    copy = event_bumps(EventKind.COPY, "anna", 7, "возврат", moment)
    assert [b.rollup for b in copy] == [ARTICLE_DAILY, USAGE_DAILY, OPERATOR_DAILY, COPY_DAILY]
    assert copy[0].key == {"day": date(2026, 3, 2), "article_id": 7}
    assert copy[0].add == {"copies": 1} and copy[0].latest == moment
    resolved = event_bumps(EventKind.RESOLVED, "anna", None, None, moment)
    assert [(b.rollup, b.add, b.latest) for b in resolved] == [
        (OPERATOR_DAILY, {"resolved": 1}, None)
    ]
    assert event_bumps(EventKind.SEARCH, "anna", 7, "возврат", moment) == []
    assert all(b.latest is not None for b in event_bumps(USES[0], "a", 1, None, moment)[:2])
    searched = search_bumps("anna", "возврат", 0, moment)
    assert [(b.rollup, b.add) for b in searched] == [
        (OPERATOR_DAILY, {"searches": 1}),
        (SEARCH_DAILY, {"searches": 1, "zero_hits": 1}),
    ]


# -- the paths agree ---------------------------------------------------------------------------


def test_recorded_rollups_equal_a_replay_of_the_raw_rows(
    database: Database, history: list[int]
) -> None:
    found = stored(database)
    assert found == replayed(database)
    assert all(found[rollup.name] for rollup in ROLLUPS)  # every table took part
    # The earlier view recorded later did not move the day's last use back.
    assert found["article_daily"][(date(2026, 3, 4), history[0])]["last_used_at"] == at(4, 20)
    assert (date(2026, 3, 4), history[2]) in found["article_daily"]  # the Moscow view


def test_the_back_fill_equals_the_recorder(database: Database, history: list[int]) -> None:
    recorded = stored(database)
    config = _alembic_config(database.engine)
    command.downgrade(config, "0002")
    command.upgrade(config, "head")
    assert stored(database) == recorded == replayed(database)


PERIODS = [
    (Period.between(date(2026, 3, 1), date(2026, 3, 9)), Granularity.DAY, None, 3),
    (Period.between(date(2026, 3, 2), date(2026, 3, 8)), Granularity.WEEK, None, 2),
    (Period.between(date(2026, 3, 1), date(2026, 3, 9)), Granularity.DAY, "anna", 30),
    (Period(at(2, 10, 30), at(6, 7)), Granularity.DAY, None, 1),
    (Period(at(2, 10, 30), at(6, 7)), Granularity.WEEK, "boris", 2),
    (Period(at(5, 3), at(5, 21)), Granularity.DAY, None, 1),
]


@pytest.mark.parametrize(("period", "granularity", "operator", "stale_days"), PERIODS)
def test_figures_from_the_rollups_equal_figures_from_the_raw_rows(
    database: Database,
    history: list[int],
    period: Period,
    granularity: Granularity,
    operator: str | None,
    stale_days: int,
) -> None:
    def board(raw: bool) -> Any:
        service = StatsService(database, parallel=False, raw=raw)
        return service.dashboard(
            period, granularity=granularity, stale_days=stale_days, operator=operator
        )

    rolled, raw = board(False), board(True)
    assert rolled.items and rolled.operators[0].members and rolled.gaps and rolled.stale
    assert rolled.items == raw.items
    assert rolled.trend == raw.trend
    assert rolled.operators == raw.operators
    assert rolled.gaps == raw.gaps
    assert rolled.stale == raw.stale


def test_concurrent_increments_are_all_counted(database: Database) -> None:
    """Several operators' threads bumping the same rollup rows at once lose nothing."""
    (item,) = _articles(database, 1)
    threads, each = 6, 15
    recorder = UsageRecorder(database)
    barrier = threading.Barrier(threads)

    def work(number: int) -> None:
        barrier.wait()
        for n in range(each):
            kind = EventKind.VIEW if n % 3 else EventKind.COPY
            recorder.event(kind, "anna", article_id=item, query="тест", at=at(3, 9, n))
            recorder.search("тест", number, 1.0, "anna", at=at(3, 9, n))

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    found = stored(database)
    total = threads * each
    row = found["usage_daily"][("anna", date(2026, 3, 3), item)]
    assert row["views"] + row["copies"] == total
    assert row == found["article_daily"][(date(2026, 3, 3), item)]
    assert found["search_daily"][(date(2026, 3, 3), "тест")]["searches"] == total
    assert found["copy_daily"][("тест", date(2026, 3, 3))]["copies"] == threads * 5
    assert found == replayed(database)


# -- migrations are history ---------------------------------------------------------------------


def _imported(path: Path) -> list[str]:
    """Every module a migration imports; relative imports count as the package's own."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.append("kbdesk" if node.level else node.module or "")
    return names


def test_migrations_never_import_live_code() -> None:
    """A migration runs the schema and data of its own revision: live code that changes later
    would silently change what an old upgrade does."""
    versions = sorted(VERSIONS.glob("*.py"))
    assert len(versions) >= 3
    offenders = {
        path.name: name
        for path in versions
        for name in _imported(path)
        if name == "kbdesk" or name.startswith("kbdesk.")
    }
    assert offenders == {}
