"""How dates, times, rates and counts look to people, in one place (no Qt: the CLI uses it too).

Dates are dd.mm.yyyy, as operators write them and as `{{today}}` fills them in templates.
Timestamps are stored in UTC (SQLite hands them back without a zone) and shown in local time.
A rate without any data is "—", never "0 %": nobody having answered is not a failure.
Machine-readable exports (JSON, CSV for scripts) keep ISO 8601 and raw numbers instead; the
helpers for those are at the end.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

NO_DATA = "—"
DAY = "%d.%m.%Y"
DAY_MONTH = "%d.%m"
TIME = "%H:%M"


def as_local(moment: datetime) -> datetime:
    """A stored moment in the local zone; naive moments are UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone()


def day(value: date | None) -> str:
    """dd.mm.yyyy; a datetime is shown as its local day."""
    if value is None:
        return NO_DATA
    if isinstance(value, datetime):
        value = as_local(value)
    return value.strftime(DAY)


def day_month(value: date) -> str:
    """dd.mm, for axis labels where the year is obvious."""
    return value.strftime(DAY_MONTH)


def local_time(moment: datetime) -> str:
    """dd.mm.yyyy HH:MM in local time."""
    return as_local(moment).strftime(f"{DAY} {TIME}")


def when(value: datetime | date | None) -> str:
    """A timestamp as local date and time, a calendar day as a date, nothing as "—"."""
    if value is None:
        return NO_DATA
    return local_time(value) if isinstance(value, datetime) else day(value)


def count(value: float) -> str:
    """Whole numbers as they are; averages with one decimal."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def percent(value: float | None) -> str:
    """A fraction as a whole percentage: 0.8 -> "80 %"."""
    return NO_DATA if value is None else f"{value * 100:.0f} %"


def rate(value: float | None, total: int) -> str:
    """A rate with the count it rests on: "80 % (n=10)"."""
    return NO_DATA if value is None else f"{percent(value)} (n={total})"


def points(value: float | None) -> str:
    """A difference of two rates in signed percentage points, without the unit."""
    return NO_DATA if value is None else f"{value:+.1f}"


# -- machine-readable -------------------------------------------------------------------------


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601 (timestamps keep their UTC offset); None stays None, an empty cell."""
    return value.isoformat() if value is not None else None


def fraction(value: float | None, digits: int = 4) -> float | None:
    """A rate as a rounded fraction (0.8), None when there is no data."""
    return round(value, digits) if value is not None else None


def average(value: float) -> int | float:
    """Whole numbers without a trailing .0; averages keep one decimal."""
    return int(value) if float(value).is_integer() else round(value, 1)
