"""Usage statistics for team leads: which answers resolve requests, and what is missing.

Definitions
-----------
Period
    [since, until) in UTC; by default the last 30 days up to now. Trend days are UTC days;
    weeks are ISO weeks starting on Monday (a week cut by the period only counts its part).
Uses
    Views + copies: every time an operator opened an item or copied it into a reply. Outcome
    events (resolved, not resolved) are not uses. Searches are counted apart (`search_log`).
Resolution rate
    resolved / (resolved + not resolved), always shown with that count (n). Without any
    outcome there is no rate (shown as "—"), never 0 %.
Ranking score
    The lower bound of the 95 % Wilson score interval over (resolved, resolved + not
    resolved): an item resolved 2 of 2 times (0.34) ranks below one resolved 450 of 500
    times (0.87). Ties: more resolved, then more uses. Items with no outcome score 0.
Last use
    Items table: the latest view or copy in the period. Stale table: the latest view or copy
    before the end of the period.
Per operator
    Searches (search log), views, copies, resolved, not resolved and rate in the period, for
    everyone with at least one search or event in it. The team row shows per-operator
    averages of the counts and the pooled team rate (all resolved / all outcomes); "vs team"
    is the operator's rate minus the team rate in percentage points.
Content gaps
    Search-log queries of the period grouped by their normalised text (masked, lower case,
    ё→е, punctuation dropped). "No results": searches that found nothing. "Not copied":
    searches that found something when no copy event in the period carries the same
    normalised query (the copy's query is normalised the same way when it is recorded). A
    query is a gap when either count is above zero; gaps are ordered by the sum of both.
    Phone numbers, card numbers and e-mail addresses are masked before a query is stored.
Stale content
    Published items that were not viewed or copied in the `stale_days` (default 90) before
    the end of the period (items created since then are not stale yet), and published items
    whose review date is before the end of the period. Ordered by uses before the end of the
    period, most used first.

Where the figures come from
---------------------------
Whole UTC days are read from daily rollups (`kbdesk.models`: article_daily, usage_daily,
operator_daily, search_daily, copy_daily) that `UsageRecorder` updates with every raw row, in
the same transaction. A period that starts or ends mid-day takes those partial days from the
raw rows, so every figure is exact for any [since, until). Which event adds to which column,
and which columns are uses and outcomes, is written once in `kbdesk.rollups`; search events in
`usage_event` are kept for audits and never add to the search-log counts.
`StatsService(database, raw=True)` reads everything from the raw rows: the reference the tests
hold the rollups to.
"""

from kbdesk.stats.figures import (
    DEFAULT_DAYS,
    DEFAULT_STALE_DAYS,
    ContactStats,
    Dashboard,
    GapReason,
    GapRow,
    Granularity,
    ItemStats,
    OperatorStats,
    Period,
    StaleRow,
    TrendPoint,
    resolution_rate,
    wilson_lower,
)
from kbdesk.stats.service import StatsService

__all__ = [
    "DEFAULT_DAYS",
    "DEFAULT_STALE_DAYS",
    "ContactStats",
    "Dashboard",
    "GapReason",
    "GapRow",
    "Granularity",
    "ItemStats",
    "OperatorStats",
    "Period",
    "StaleRow",
    "StatsService",
    "TrendPoint",
    "resolution_rate",
    "wilson_lower",
]
