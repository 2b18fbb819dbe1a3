"""Writing dashboard tables to CSV and XLSX, and plain English tables for the CLI."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kbdesk.stats.figures import Dashboard

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    name: str  # also the file name (without extension) and the sheet name
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def write_csv(path: Path, table: Table) -> Path:
    """UTF-8 with a BOM, so Excel opens Cyrillic text correctly on a double click."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.headers)
        writer.writerows([["" if cell is None else cell for cell in row] for row in table.rows])
    return path


def write_csv_folder(folder: Path, tables: Sequence[Table]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_csv(folder / f"{table.name}.csv", table) for table in tables]


def write_xlsx(path: Path, tables: Sequence[Table]) -> Path:
    """One sheet per table, numbers stored as numbers, header row frozen."""
    from openpyxl import Workbook  # only needed here; the rest of kbdesk never loads it
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.name))
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


def _when(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _rate(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def plain_tables(board: Dashboard) -> list[Table]:
    """Every table with English headers and raw values: for the CLI and scripted exports."""
    return [
        Table(
            "items",
            ["id", "title", "kind", "status", "uses", "views", "copies", "resolved",
             "not_resolved", "resolution_rate", "wilson_lower", "last_used"],
            [
                [i.article_id, i.title, i.kind, i.status, i.uses, i.views, i.copies, i.resolved,
                 i.not_resolved, _rate(i.rate), round(i.score, 4), _when(i.last_used)]
                for i in board.items
            ],
        ),
        Table(
            "trend",
            ["start", "uses", "resolved", "not_resolved", "resolution_rate"],
            [[_when(p.start), p.uses, p.resolved, p.not_resolved, _rate(p.rate)]
             for p in board.trend],
        ),
        Table(
            "operators",
            ["operator", "searches", "views", "copies", "resolved", "not_resolved",
             "resolution_rate", "outcomes", "vs_team_pp"],
            [
                [o.operator or "(team average)", _num(o.searches), _num(o.views), _num(o.copies),
                 _num(o.resolved), _num(o.not_resolved), _rate(o.rate), o.outcomes,
                 round(o.vs_team, 2) if o.vs_team is not None else None]
                for o in board.operators
            ],
        ),
        Table(
            "gaps",
            ["query", "searches", "no_results", "not_copied", "reason", "last_searched"],
            [[g.query, g.searches, g.no_results, g.not_copied, g.reason.value,
              _when(g.last_searched)] for g in board.gaps],
        ),
        Table(
            "stale",
            ["id", "title", "kind", "owner", "uses", "last_used", "review_by", "unused",
             "review_overdue"],
            [[s.article_id, s.title, s.kind, s.owner, s.uses, _when(s.last_used),
              _when(s.review_by), s.unused, s.review_overdue] for s in board.stale],
        ),
    ]


def _num(value: float) -> Any:
    """Whole numbers print without a trailing .0; team averages keep one decimal."""
    return int(value) if float(value).is_integer() else round(value, 1)
