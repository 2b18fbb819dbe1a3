"""The figures the dashboard shows: plain frozen dataclasses and the arithmetic behind them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from kbdesk.rollups import OUTCOME_COLUMNS, USE_COLUMNS, total

WILSON_Z = 1.959964  # two-sided 95 %
DEFAULT_DAYS = 30
DEFAULT_STALE_DAYS = 90


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"


def resolution_rate(resolved: float, not_resolved: float) -> float | None:
    """resolved / (resolved + not_resolved); None when nobody said either."""
    total = resolved + not_resolved
    return resolved / total if total else None


def wilson_lower(successes: int, total: int, z: float = WILSON_Z) -> float:
    """Lower bound of the Wilson score interval: 0.0 when there is no evidence at all."""
    if total <= 0:
        return 0.0
    p = successes / total
    z2 = z * z
    centre = p + z2 / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return max(0.0, (centre - spread) / (1 + z2 / total))


def as_utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC, aware ones converted to it."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Period:
    """[since, until) in UTC."""

    since: datetime
    until: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "since", as_utc(self.since))
        object.__setattr__(self, "until", as_utc(self.until))
        if self.until <= self.since:
            raise ValueError("the end of the period must come after its start")

    @classmethod
    def last_days(cls, days: int = DEFAULT_DAYS, now: datetime | None = None) -> Period:
        end = as_utc(now) if now else datetime.now(UTC)
        return cls(end - timedelta(days=days), end)

    @classmethod
    def between(cls, first: date, last: date) -> Period:
        """Whole UTC days from `first` to `last`, both included."""
        start = datetime(first.year, first.month, first.day, tzinfo=UTC)
        end = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1)
        return cls(start, end)

    def days(self) -> list[tuple[date, datetime, datetime]]:
        """The UTC days the period touches, each clipped to the period."""
        result = []
        day = self.since.date()
        while True:
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            if start >= self.until:
                return result
            end = start + timedelta(days=1)
            result.append((day, max(start, self.since), min(end, self.until)))
            day += timedelta(days=1)


@dataclass(frozen=True)
class ItemStats:
    article_id: int
    title: str
    kind: str
    status: str
    views: int
    copies: int
    resolved: int
    not_resolved: int
    last_used: datetime | None  # latest view or copy in the period

    @property
    def uses(self) -> int:
        return total(self, USE_COLUMNS)  # type: ignore[no-any-return]

    @property
    def outcomes(self) -> int:
        return total(self, OUTCOME_COLUMNS)  # type: ignore[no-any-return]

    @property
    def rate(self) -> float | None:
        return resolution_rate(self.resolved, self.not_resolved)

    @property
    def score(self) -> float:
        return wilson_lower(self.resolved, self.outcomes)


@dataclass(frozen=True)
class TrendPoint:
    start: date  # the day, or the Monday of the week
    uses: int
    resolved: int
    not_resolved: int

    @property
    def outcomes(self) -> int:
        return total(self, OUTCOME_COLUMNS)  # type: ignore[no-any-return]

    @property
    def rate(self) -> float | None:
        return resolution_rate(self.resolved, self.not_resolved)


@dataclass(frozen=True)
class OperatorStats:
    """One operator, or (members > 0) the team: then every count is a per-operator average.

    The team's rate is the pooled rate (all resolved / all outcomes), which the averages keep.
    """

    operator: str
    searches: float
    views: float
    copies: float
    resolved: float
    not_resolved: float
    team_rate: float | None = field(default=None, compare=False)
    members: int = 0  # operators in the team row; 0 for a person

    @property
    def is_team(self) -> bool:
        return self.members > 0

    @property
    def outcomes(self) -> int:
        """How many outcomes the rate rests on (for the team: all of them)."""
        count = total(self, OUTCOME_COLUMNS)
        return round(count * self.members) if self.is_team else round(count)

    @property
    def rate(self) -> float | None:
        return resolution_rate(self.resolved, self.not_resolved)

    @property
    def vs_team(self) -> float | None:
        """Difference from the team rate in percentage points."""
        if self.is_team or self.rate is None or self.team_rate is None:
            return None
        return (self.rate - self.team_rate) * 100


class GapReason(StrEnum):
    NOTHING_FOUND = "nothing_found"
    NOT_COPIED = "not_copied"
    BOTH = "both"


@dataclass(frozen=True)
class GapRow:
    query: str  # normalised (and masked) query
    searches: int
    no_results: int  # searches that found nothing
    not_copied: int  # searches with results when no copy carried this query
    last_searched: datetime
    # Searches with results in a contact that ended without any copy (also counted in
    # `not_copied` when the query was never copied at all).
    abandoned: int = 0

    @property
    def missed(self) -> int:
        return self.no_results + self.not_copied

    @property
    def reason(self) -> GapReason:
        if self.no_results and self.not_copied:
            return GapReason.BOTH
        return GapReason.NOTHING_FOUND if self.no_results else GapReason.NOT_COPIED


@dataclass(frozen=True)
class ContactStats:
    """Calls and chats in a period, and the replies copied during them."""

    contacts: int
    replies: int

    @property
    def replies_per_contact(self) -> float | None:
        return self.replies / self.contacts if self.contacts else None


@dataclass(frozen=True)
class StaleRow:
    article_id: int
    title: str
    kind: str
    owner: str | None
    review_by: date | None
    last_used: datetime | None  # latest view or copy before the end of the period
    uses: int  # views + copies before the end of the period: how much it used to be used
    unused: bool  # not used in stale_days
    review_overdue: bool


@dataclass(frozen=True)
class Dashboard:
    period: Period
    granularity: Granularity
    stale_days: int
    items: list[ItemStats]
    trend: list[TrendPoint]
    operators: list[OperatorStats]  # the team row comes first
    gaps: list[GapRow]
    stale: list[StaleRow]
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)
    contacts: ContactStats | None = None
