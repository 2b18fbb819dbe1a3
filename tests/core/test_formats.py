"""How dates, times, rates and counts look: one local format, "—" when there is no data."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from kbdesk import formats


@pytest.fixture
def moscow(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The local zone is Moscow (UTC+3, no daylight saving) for the test, whatever the host's."""
    if not hasattr(time, "tzset"):
        pytest.skip("the local zone can only be switched on POSIX")
    monkeypatch.setenv("TZ", "Europe/Moscow")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_days_are_dd_mm_yyyy() -> None:
    assert formats.day(date(2026, 3, 1)) == "01.03.2026"
    assert formats.day(None) == "—"
    assert formats.day_month(date(2026, 12, 9)) == "09.12"
    assert formats.when(date(2026, 3, 1)) == "01.03.2026"
    assert formats.when(None) == "—"


@pytest.mark.usefixtures("moscow")
def test_stored_utc_moments_are_shown_in_local_time() -> None:
    late = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
    assert formats.local_time(late) == "02.03.2026 01:30"
    # SQLite hands timestamps back without a zone: they are UTC all the same.
    assert formats.local_time(late.replace(tzinfo=None)) == "02.03.2026 01:30"
    elsewhere = late.astimezone(timezone(timedelta(hours=-5)))
    assert formats.local_time(elsewhere) == "02.03.2026 01:30"
    assert formats.when(late) == "02.03.2026 01:30"
    assert formats.day(late) == "02.03.2026"  # the local day, not the UTC one


def test_rates_and_percentages_have_no_value_without_data() -> None:
    assert formats.percent(0.8) == "80 %"
    assert formats.percent(0.0) == "0 %"
    assert formats.percent(None) == "—"
    assert formats.rate(0.9, 10) == "90 % (n=10)"
    assert formats.rate(None, 0) == "—"
    assert formats.points(-5.49) == "-5.5"
    assert formats.points(6.41) == "+6.4"
    assert formats.points(None) == "—"


def test_counts_keep_decimals_only_for_averages() -> None:
    assert formats.count(12) == "12"
    assert formats.count(4.0) == "4"
    assert formats.count(1.5) == "1.5"
    assert formats.count(2.25) == "2.2"  # banker's rounding of the format spec


def test_machine_formats_keep_iso_and_raw_numbers() -> None:
    moment = datetime(2026, 3, 4, 9, tzinfo=UTC)
    assert formats.iso(moment) == "2026-03-04T09:00:00+00:00"
    assert formats.iso(date(2026, 3, 4)) == "2026-03-04"
    assert formats.iso(None) is None
    assert formats.fraction(10 / 13) == 0.7692
    assert formats.fraction(None) is None
    assert formats.fraction(-5.4945, 2) == -5.49
    assert (formats.average(3.0), formats.average(1.25)) == (3, 1.2)
    assert isinstance(formats.average(3.0), int)
