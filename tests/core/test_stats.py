"""Dashboard figures on hand-written events, checked against hand-computed values.

The period is Sunday 2026-03-01 00:00 to Sunday 2026-03-08 00:00 UTC; events on its edges,
before it and after it check that [since, until) is honoured on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import select, text

from kbdesk import formats
from kbdesk.db import Database, _alembic_config
from kbdesk.models import Article, EventKind, Kind, SearchLog, Status, UsageEvent
from kbdesk.stats import (
    GapReason,
    GapRow,
    Granularity,
    Period,
    StatsService,
    TrendPoint,
    wilson_lower,
)
from kbdesk.stats.export import plain_tables, text_tables
from kbdesk.usage import UsageRecorder

V, C, R, N = EventKind.VIEW, EventKind.COPY, EventKind.RESOLVED, EventKind.NOT_RESOLVED
PERIOD = Period(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 8, tzinfo=UTC))
OLD = datetime(2025, 1, 1, tzinfo=UTC)


def at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# slug: (title, kind, status, created, review_by)
A, T, PUBLISHED = Kind.ARTICLE, Kind.TEMPLATE, Status.PUBLISHED
ARTICLES = {
    "a": ("Возврат денег", A, PUBLISHED, OLD, date(2026, 3, 1)),
    "b": ("Шаблон приветствия", T, PUBLISHED, OLD, None),
    "c": ("Доставка", A, PUBLISHED, OLD, date(2026, 3, 8)),
    "d": ("Старые тарифы", A, PUBLISHED, OLD, None),
    "f": ("Никем не открытая", A, PUBLISHED, OLD, None),
    "g": ("Новая статья", A, PUBLISHED, at(3, 1), None),
    "h": ("В архиве", A, Status.ARCHIVED, OLD, date(2025, 1, 1)),
}

# (kind, operator, slug, when, query)
EVENTS = [
    (V, "anna", "a", at(3, 1, 0), None),  # exactly at `since`: inside
    (V, "boris", "a", at(3, 2, 10), None),
    (V, "anna", "a", at(3, 3), None),
    (C, "anna", "a", at(3, 2, 10, 5), "Как вернуть ДЕНЬГИ"),
    (C, "boris", "a", at(3, 4, 9), "возврат"),
    *[(R, "anna", "a", at(3, 2), None)] * 5,
    *[(R, "boris", "a", at(3, 4), None)] * 3,
    (N, "anna", "a", at(3, 3), None),
    (N, "boris", "a", at(3, 4), None),
    (V, "anna", "a", at(3, 8, 0), None),  # exactly at `until`: outside
    (V, "anna", "a", at(2, 20), None),  # before the period
    (C, "anna", "a", at(2, 20), "перезвоните +7 999 123 45 67"),  # before: does not count
    (V, "boris", "b", at(3, 5, 8), None),
    (C, "boris", "b", at(3, 5, 8, 1), None),
    *[(R, "boris", "b", at(3, 5), None)] * 2,
    (V, "anna", "c", at(3, 6, 10), None),
    (V, "anna", "c", at(3, 6, 11), None),
    (N, "anna", "c", at(3, 6), None),
    *[(V, "anna", "d", at(1, 10), None)] * 5,
    (V, "anna", "d", at(3, 9), None),  # after the period: not a use before its end
]

# (operator, query, hits, when)
SEARCHES = [
    ("anna", "Как вернуть деньги?", 5, at(3, 2, 10, 4)),
    ("boris", "как вернуть деньги", 4, at(3, 3)),
    ("anna", "карта 4111 1111 1111 1111 заблокирована", 0, at(3, 3)),
    ("boris", "Карта 5500-0000-0000-0004 заблокирована!", 0, at(3, 4)),
    ("anna", "доставка в Казань", 3, at(3, 5)),
    ("boris", "Доставка в казань", 0, at(3, 6)),
    ("anna", "перезвоните +7 999 123-45-67", 2, at(3, 6)),
    ("boris", "скидка", 0, at(2, 20)),  # before the period
    ("anna", "возврат", 7, at(3, 7, 23, 59)),
]


@pytest.fixture
def ids(database: Database) -> dict[str, int]:
    with database.session() as session:
        rows = {
            slug: Article(
                slug=slug,
                title=title,
                kind=kind,
                status=status,
                created_at=created,
                updated_at=created,
                review_by=review,
            )
            for slug, (title, kind, status, created, review) in ARTICLES.items()
        }
        session.add_all(rows.values())
        session.flush()
        result = {slug: row.id for slug, row in rows.items()}
    recorder = UsageRecorder(database)
    for kind, operator, slug, when, query in EVENTS:
        recorder.event(kind, operator, article_id=result[slug], query=query, at=when)
    for operator, query, hits, when in SEARCHES:
        recorder.search(query, hits, 10.0, operator, at=when)
    return result


@pytest.fixture
def stats(database: Database) -> StatsService:
    return StatsService(database)


def test_wilson_lower_bound_matches_hand_computed_values() -> None:
    assert wilson_lower(8, 10) == pytest.approx(0.490162, abs=1e-6)
    assert wilson_lower(2, 2) == pytest.approx(0.342380, abs=1e-6)
    assert wilson_lower(0, 1) == 0.0
    assert wilson_lower(0, 0) == 0.0
    # Two uses, both resolved, do not outrank 450 resolved out of 500.
    assert wilson_lower(2, 2) < wilson_lower(450, 500) == pytest.approx(0.870578, abs=1e-6)


def test_period_is_utc_and_days_are_clipped() -> None:
    period = Period(datetime(2026, 3, 1, 18), datetime(2026, 3, 3, 6))
    assert period.since.tzinfo is UTC
    assert [(d.day, s.hour, e.hour) for d, s, e in period.days()] == [
        (1, 18, 0),
        (2, 0, 0),
        (3, 0, 6),
    ]
    assert Period.between(date(2026, 3, 1), date(2026, 3, 7)) == PERIOD
    with pytest.raises(ValueError):
        Period(PERIOD.until, PERIOD.since)


def test_items_are_counted_and_ranked_by_wilson_lower_bound(
    stats: StatsService, ids: dict[str, int]
) -> None:
    items = stats.items(PERIOD)
    assert [i.article_id for i in items] == [ids["a"], ids["b"], ids["c"]]
    a, b, c = items
    assert (a.title, a.kind, a.status) == ("Возврат денег", Kind.ARTICLE, Status.PUBLISHED)
    assert (a.views, a.copies, a.uses, a.resolved, a.not_resolved) == (3, 2, 5, 8, 2)
    assert (a.rate, a.outcomes) == (0.8, 10)
    assert a.score == pytest.approx(0.490162, abs=1e-6)
    assert a.last_used == at(3, 4, 9)
    assert (b.views, b.copies, b.resolved, b.not_resolved, b.rate) == (1, 1, 2, 0, 1.0)
    assert b.score == pytest.approx(0.342380, abs=1e-6)
    assert b.last_used == at(3, 5, 8, 1)
    assert (c.uses, c.resolved, c.not_resolved, c.rate, c.score) == (2, 0, 1, 0.0, 0.0)
    assert c.last_used == at(3, 6, 11)


def test_items_for_one_operator(stats: StatsService, ids: dict[str, int]) -> None:
    items = {i.article_id: i for i in stats.items(PERIOD, operator="boris")}
    assert set(items) == {ids["a"], ids["b"]}
    a = items[ids["a"]]
    assert (a.views, a.copies, a.resolved, a.not_resolved) == (1, 1, 3, 1)


def test_trend_per_day_and_per_week(stats: StatsService, ids: dict[str, int]) -> None:
    days = stats.trend(PERIOD, Granularity.DAY)
    assert [(p.start.day, p.uses, p.resolved, p.not_resolved) for p in days] == [
        (1, 1, 0, 0),
        (2, 2, 5, 0),
        (3, 1, 0, 1),
        (4, 1, 3, 1),
        (5, 2, 2, 0),
        (6, 2, 0, 1),
        (7, 0, 0, 0),
    ]
    assert days[6].rate is None
    weeks = stats.trend(PERIOD, Granularity.WEEK)
    assert weeks == [
        TrendPoint(start=date(2026, 2, 23), uses=1, resolved=0, not_resolved=0),
        TrendPoint(start=date(2026, 3, 2), uses=8, resolved=10, not_resolved=3),
    ]
    assert weeks[1].rate == pytest.approx(10 / 13)


def test_operators_against_the_team(stats: StatsService, ids: dict[str, int]) -> None:
    team, anna, boris = stats.operators(PERIOD)
    assert team.is_team and team.members == 2
    assert (team.searches, team.views, team.copies) == (4.0, 3.0, 1.5)
    assert (team.resolved, team.not_resolved, team.outcomes) == (5.0, 1.5, 13)
    assert team.rate == pytest.approx(10 / 13)
    assert team.vs_team is None
    assert anna.operator == "anna"
    assert (anna.searches, anna.views, anna.copies, anna.resolved, anna.not_resolved) == (
        5,
        4,
        1,
        5,
        2,
    )
    assert anna.rate == pytest.approx(5 / 7)
    assert anna.vs_team == pytest.approx((5 / 7 - 10 / 13) * 100)  # -5.49 pp
    assert (boris.searches, boris.views, boris.copies, boris.resolved) == (3, 2, 2, 5)
    assert boris.outcomes == 6
    assert boris.vs_team == pytest.approx((5 / 6 - 10 / 13) * 100)  # +6.41 pp


def test_content_gaps_grouped_by_normalised_query(
    stats: StatsService, ids: dict[str, int]
) -> None:
    assert stats.gaps(PERIOD) == [
        GapRow("доставка в казань", 2, 1, 1, at(3, 6)),
        GapRow("карта <card> заблокирована", 2, 2, 0, at(3, 4)),
        GapRow("перезвоните <phone>", 1, 0, 1, at(3, 6)),
    ]
    reasons = [g.reason for g in stats.gaps(PERIOD)]
    assert reasons == [GapReason.BOTH, GapReason.NOTHING_FOUND, GapReason.NOT_COPIED]


def test_no_personal_data_is_stored(database: Database, ids: dict[str, int]) -> None:
    with database.session() as session:
        searched = " ".join(session.exec(select(SearchLog.query)).scalars())
        copied = session.exec(
            select(UsageEvent.query, UsageEvent.normalized).where(UsageEvent.query.is_not(None))
        ).all()
    stored = searched + " ".join(f"{q} {n}" for q, n in copied)
    for secret in ("4111", "5500", "999 123", "45 67"):
        assert secret not in stored
    assert ("Как вернуть ДЕНЬГИ", "как вернуть деньги") in copied


def test_stale_content_ordered_by_past_use(stats: StatsService, ids: dict[str, int]) -> None:
    rows = stats.stale(PERIOD, stale_days=30)
    assert [r.article_id for r in rows] == [ids["a"], ids["d"], ids["f"]]
    a, d, f = rows
    assert (a.uses, a.unused, a.review_overdue, a.last_used) == (7, False, True, at(3, 4, 9))
    assert a.review_by == date(2026, 3, 1)
    assert (d.uses, d.unused, d.review_overdue, d.last_used) == (5, True, False, at(1, 10))
    assert (f.uses, f.unused, f.review_overdue, f.last_used) == (0, True, False, None)
    # A longer window makes d recent enough; f still has never been used.
    assert [r.article_id for r in stats.stale(PERIOD, stale_days=60)] == [ids["a"], ids["f"]]


@pytest.mark.parametrize("parallel", [True, False])
def test_dashboard_holds_every_table(
    database: Database, ids: dict[str, int], parallel: bool
) -> None:
    stats = StatsService(database, parallel=parallel)
    board = stats.dashboard(PERIOD, granularity=Granularity.WEEK, stale_days=30)
    assert board.items == stats.items(PERIOD)
    assert board.trend == stats.trend(PERIOD, Granularity.WEEK)
    assert board.operators == stats.operators(PERIOD)
    assert board.gaps == stats.gaps(PERIOD)
    assert board.stale == stats.stale(PERIOD, 30)
    assert board.contacts == stats.contacts(PERIOD)
    assert set(board.timings_ms) == {"items", "trend", "operators", "gaps", "stale", "contacts"}


def test_an_empty_database_gives_empty_tables(stats: StatsService) -> None:
    board = stats.dashboard(PERIOD)
    assert board.items == board.gaps == board.stale == []
    assert [p.uses for p in board.trend] == [0] * 7
    (team,) = board.operators
    assert (team.members, team.rate, team.searches) == (0, None, 0.0)


def test_migration_fills_normalised_queries_of_existing_events(database: Database) -> None:
    config = _alembic_config(database.engine)
    command.downgrade(config, "0001")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO usage_event (at, kind, operator, query) "
                "VALUES (:at, :kind, 'anna', 'Как  вернуть, ДЕНЬГИ?')"
            ),
            {"at": at(3, 2), "kind": C.value},
        )
    command.upgrade(config, "head")
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT normalized FROM usage_event")).scalar_one() == (
            "как вернуть деньги"
        )


# -- daily rollups (the contract itself: tests/core/test_rollups.py) ---------------------------


@pytest.fixture
def mixed(database: Database, ids: dict[str, int]) -> dict[str, int]:
    """The hand-written events plus writes that stress the rollups."""
    recorder = UsageRecorder(database)
    msk = timezone(timedelta(hours=3))
    # 01:30 in Moscow is still the previous UTC day.
    recorder.event(V, "anna", article_id=ids["b"], at=datetime(2026, 3, 2, 1, 30, tzinfo=msk))
    # Out of order: an earlier view must not move the day's last use back.
    recorder.event(V, "anna", article_id=ids["a"], at=at(3, 3, 8))
    recorder.event(EventKind.SEARCH, "anna", query="возврат", at=at(3, 3))  # audit only
    recorder.event(C, "boris", query="без статьи", at=at(3, 3, 14))  # no item
    recorder.search("Доставка в Казань", 0, 5.0, "vera", at=datetime(2026, 3, 6, 2, tzinfo=msk))
    return ids


def test_search_events_are_not_counted_as_searches(
    stats: StatsService, mixed: dict[str, int]
) -> None:
    """Searches come from the search log only; the audit search event does not add one."""
    people = {p.operator: p for p in stats.operators(PERIOD)[1:]}
    assert (people["anna"].searches, people["boris"].searches, people["vera"].searches) == (
        5,
        3,
        1,
    )
    assert (people["anna"].views, people["boris"].copies) == (6, 3)


def test_sub_day_periods_add_the_raw_edges_to_the_rollups(
    stats: StatsService, ids: dict[str, int]
) -> None:
    """A custom period may start and end mid-day: whole days come from the rollups, the rest
    from the raw rows, and the figures are the same as for raw rows alone."""
    period = Period(at(3, 2, 10, 3), at(3, 4, 9))  # from after a's 10:00 view to before 09:00
    (a,) = stats.items(period)
    assert (a.views, a.copies, a.resolved, a.not_resolved) == (1, 1, 5, 1)
    assert a.last_used == at(3, 3)
    days = stats.trend(period)
    assert [(p.start.day, p.uses, p.resolved, p.not_resolved) for p in days] == [
        (2, 1, 5, 0),
        (3, 1, 0, 1),
        (4, 0, 0, 0),
    ]
    team, anna, boris = stats.operators(period)
    assert (anna.searches, anna.views, anna.copies, anna.resolved, anna.not_resolved) == (
        2,
        1,
        1,
        5,
        1,
    )
    assert (team.members, boris.searches, boris.resolved, boris.not_resolved) == (2, 1, 0, 0)
    # The copy at 10:05 on day 2 carries the query searched at 10:04.
    assert stats.gaps(period) == [GapRow("карта <card> заблокирована", 1, 1, 0, at(3, 3))]
    inside_a_day = Period(at(3, 6, 10, 30), at(3, 6, 12))
    assert [(i.views, i.not_resolved) for i in stats.items(inside_a_day)] == [(1, 0)]
    # Ends mid-day: a's last use is the copy at 09:00 that day, read from the raw rows; b and
    # c are only used later that week, so they are stale then.
    rows = stats.stale(Period(PERIOD.since, at(3, 4, 9, 30)), stale_days=30)
    assert [(r.article_id, r.uses, r.last_used) for r in rows] == [
        (ids["a"], 7, at(3, 4, 9)),
        (ids["d"], 5, at(1, 10)),
        (ids["c"], 0, None),
        (ids["f"], 0, None),
        (ids["b"], 0, None),
    ]


def test_exports_keep_iso_and_raw_numbers_text_is_local(
    stats: StatsService, ids: dict[str, int]
) -> None:
    """Scripts get ISO 8601 and fractions (JSON, CSV); people get `kbdesk.formats` text."""
    board = stats.dashboard(PERIOD, stale_days=30)
    plain = {table.name: table for table in plain_tables(board)}
    text = {table.name: table for table in text_tables(board)}
    assert [t.headers for t in plain.values()] == [t.headers for t in text.values()]

    def both(name: str, row: int, header: str) -> tuple[object, object]:
        column = list(plain[name].headers).index(header)
        return plain[name].rows[row][column], text[name].rows[row][column]

    assert both("items", 0, "last_used") == (
        "2026-03-04T09:00:00+00:00",
        formats.local_time(at(3, 4, 9)),
    )
    assert both("items", 0, "resolution_rate") == (0.8, "80 %")
    assert both("items", 2, "wilson_lower") == (0.0, "0 %")
    assert both("trend", 6, "resolution_rate") == (None, "—")
    assert both("trend", 0, "start") == ("2026-03-01", "01.03.2026")
    assert both("operators", 0, "copies") == (1.5, "1.5")
    assert both("operators", 0, "searches") == (4, "4")
    assert both("stale", 0, "review_overdue") == (True, "yes")


def test_contacts_are_exported_as_a_table(
    database: Database, stats: StatsService, ids: dict[str, int]
) -> None:
    """Three contacts, four replies copied in them: 1.3 per contact for people and scripts."""
    recorder = UsageRecorder(database)
    for contact, copies in (("call-1", 2), ("chat-2", 1), ("call-3", 1)):
        recorder.event(V, "anna", article_id=ids["b"], at=at(3, 5), contact=contact)
        for _ in range(copies):
            recorder.event(C, "anna", article_id=ids["b"], at=at(3, 5), contact=contact)
    board = stats.dashboard(PERIOD)
    plain = {table.name: table for table in plain_tables(board)}["contacts"]
    text = {table.name: table for table in text_tables(board)}["contacts"]
    assert plain.headers == text.headers == ["contacts", "replies", "replies_per_contact"]
    assert plain.rows == [[3, 4, 1.3]]
    assert text.rows == [["3", "4", "1.3"]]
    # Events before contacts existed count none; the ratio is then empty, never 0.
    before = stats.dashboard(Period(at(3, 1), at(3, 2)))
    assert {t.name: t for t in plain_tables(before)}["contacts"].rows == [[0, 0, None]]
    assert {t.name: t for t in text_tables(before)}["contacts"].rows == [["0", "0", "—"]]
