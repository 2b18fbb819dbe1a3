"""Writing dashboard tables to CSV and XLSX, and the plain English tables of the CLI."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Generic, TypeVar

from kbdesk import formats
from kbdesk.stats.figures import (
    ContactStats,
    Dashboard,
    GapRow,
    ItemStats,
    OperatorStats,
    StaleRow,
    TrendPoint,
)

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    name: str  # the stable key: JSON key, and the CLI's file and sheet name
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    # What people read (the window passes it in the interface language): when given, the
    # file name (without extension) and the sheet name.
    title: str = ""

    @property
    def label(self) -> str:
        return self.title or self.name


def write_csv(path: Path, table: Table) -> Path:
    """UTF-8 with a BOM, so Excel opens Cyrillic text correctly on a double click."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.headers)
        writer.writerows([["" if cell is None else cell for cell in row] for row in table.rows])
    return path


def write_csv_folder(folder: Path, tables: Sequence[Table]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_csv(folder / f"{_file_stem(table.label)}.csv", table) for table in tables]


def write_xlsx(path: Path, tables: Sequence[Table]) -> Path:
    """One sheet per table, numbers stored as numbers, header row frozen."""
    from openpyxl import Workbook  # only needed here; the rest of kbdesk never loads it
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.label))
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
        for number, header in enumerate(table.headers, start=1):
            width = max([len(str(header)), *(len(str(r[number - 1] or "")) for r in table.rows)])
            sheet.column_dimensions[sheet.cell(1, number).column_letter].width = min(60, width + 2)
    book.save(path)
    return path


def _sheet_name(name: str) -> str:
    for forbidden in "[]:*?/\\":
        name = name.replace(forbidden, " ")
    return name[:31] or "table"


def _file_stem(name: str) -> str:
    """A table's label as a file name on every platform (Windows refuses these characters)."""
    for forbidden in '<>:"/\\|?*':
        name = name.replace(forbidden, " ")
    return name.strip(" .") or "table"


class Shape(Enum):
    """What a plain column holds: how it is written for scripts and shown to people."""

    TEXT = "text"
    COUNT = "count"
    AVERAGE = "average"  # a count, or a per-operator average of counts
    FRACTION = "fraction"  # a rate or score in [0, 1]
    POINTS = "points"  # a difference of rates in percentage points
    MOMENT = "moment"  # an aware UTC timestamp
    DAY = "day"
    FLAG = "flag"


def _machine(shape: Shape, value: Any) -> Cell:
    if value is None:
        return None  # an empty cell, null in JSON
    if shape is Shape.FRACTION:
        return formats.fraction(value)
    if shape is Shape.POINTS:
        return formats.fraction(value, 2)
    if shape is Shape.AVERAGE:
        return formats.average(value)
    if shape in (Shape.MOMENT, Shape.DAY):
        return formats.iso(value)
    return value  # type: ignore[no-any-return]


def _human(shape: Shape, value: Any) -> str:
    if value is None:
        return formats.NO_DATA
    if shape is Shape.FRACTION:
        return formats.percent(value)
    if shape is Shape.POINTS:
        return formats.points(value)
    if shape in (Shape.COUNT, Shape.AVERAGE):
        return formats.count(value)
    if shape in (Shape.MOMENT, Shape.DAY):
        return formats.when(value)
    if shape is Shape.FLAG:
        return "yes" if value else ""
    return str(value)


T = TypeVar("T")


@dataclass(frozen=True)
class Field(Generic[T]):
    header: str
    value: Callable[[T], Any]
    shape: Shape = Shape.COUNT


@dataclass(frozen=True)
class Source(Generic[T]):
    rows: Callable[[Dashboard], Sequence[T]]
    fields: Sequence[Field[T]]


# Every plain table, declared once for both the scripted and the human-readable output.
TABLES: dict[str, Source[Any]] = {
    "items": Source[ItemStats](lambda board: board.items, [
        Field("id", lambda i: i.article_id),
        Field("title", lambda i: i.title, Shape.TEXT),
        Field("kind", lambda i: i.kind, Shape.TEXT),
        Field("status", lambda i: i.status, Shape.TEXT),
        Field("uses", lambda i: i.uses),
        Field("views", lambda i: i.views),
        Field("copies", lambda i: i.copies),
        Field("resolved", lambda i: i.resolved),
        Field("not_resolved", lambda i: i.not_resolved),
        Field("resolution_rate", lambda i: i.rate, Shape.FRACTION),
        Field("wilson_lower", lambda i: i.score, Shape.FRACTION),
        Field("last_used", lambda i: i.last_used, Shape.MOMENT),
    ]),
    "trend": Source[TrendPoint](lambda board: board.trend, [
        Field("start", lambda p: p.start, Shape.DAY),
        Field("uses", lambda p: p.uses),
        Field("resolved", lambda p: p.resolved),
        Field("not_resolved", lambda p: p.not_resolved),
        Field("resolution_rate", lambda p: p.rate, Shape.FRACTION),
    ]),
    "operators": Source[OperatorStats](lambda board: board.operators, [
        Field("operator", lambda o: o.operator or "(team average)", Shape.TEXT),
        Field("searches", lambda o: o.searches, Shape.AVERAGE),
        Field("views", lambda o: o.views, Shape.AVERAGE),
        Field("copies", lambda o: o.copies, Shape.AVERAGE),
        Field("resolved", lambda o: o.resolved, Shape.AVERAGE),
        Field("not_resolved", lambda o: o.not_resolved, Shape.AVERAGE),
        Field("resolution_rate", lambda o: o.rate, Shape.FRACTION),
        Field("outcomes", lambda o: o.outcomes),
        Field("vs_team_pp", lambda o: o.vs_team, Shape.POINTS),
    ]),
    # One row: the period's calls and chats and the replies copied in them.
    "contacts": Source[ContactStats](lambda board: [board.contacts] if board.contacts else [], [
        Field("contacts", lambda c: c.contacts),
        Field("replies", lambda c: c.replies),
        Field("replies_per_contact", lambda c: c.replies_per_contact, Shape.AVERAGE),
    ]),
    "gaps": Source[GapRow](lambda board: board.gaps, [
        Field("query", lambda g: g.query, Shape.TEXT),
        Field("searches", lambda g: g.searches),
        Field("no_results", lambda g: g.no_results),
        Field("not_copied", lambda g: g.not_copied),
        Field("reason", lambda g: g.reason.value, Shape.TEXT),
        Field("last_searched", lambda g: g.last_searched, Shape.MOMENT),
    ]),
    "stale": Source[StaleRow](lambda board: board.stale, [
        Field("id", lambda s: s.article_id),
        Field("title", lambda s: s.title, Shape.TEXT),
        Field("kind", lambda s: s.kind, Shape.TEXT),
        Field("owner", lambda s: s.owner, Shape.TEXT),
        Field("uses", lambda s: s.uses),
        Field("last_used", lambda s: s.last_used, Shape.MOMENT),
        Field("review_by", lambda s: s.review_by, Shape.DAY),
        Field("unused", lambda s: s.unused, Shape.FLAG),
        Field("review_overdue", lambda s: s.review_overdue, Shape.FLAG),
    ]),
}  # fmt: skip


def _tables(board: Dashboard, cell: Callable[[Shape, Any], Cell]) -> list[Table]:
    return [
        Table(
            name,
            [field.header for field in source.fields],
            [
                [cell(field.shape, field.value(row)) for field in source.fields]
                for row in source.rows(board)
            ],
        )
        for name, source in TABLES.items()
    ]


def plain_tables(board: Dashboard) -> list[Table]:
    """Every table with English headers and raw values: for JSON, CSV and scripts."""
    return _tables(board, _machine)


def text_tables(board: Dashboard) -> list[Table]:
    """The same tables as people read them: local dates, percentages, "—" for no data."""
    return _tables(board, _human)
