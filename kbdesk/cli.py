"""The `kbdesk` command: no argument opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import errno
import html
import json
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import kbdesk
from kbdesk.content import ContentError
from kbdesk.records import (
    ConflictError,
    Kind,
    NotFoundError,
    PermissionDenied,
    Status,
    StorageError,
)
from kbdesk.search import SearchRequest
from kbdesk.services import Desk, default_operator
from kbdesk.templating import CHANNELS


class _VersionAction(argparse.Action):
    """--version, reading the package metadata only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"kbdesk {kbdesk.__version__}")
        parser.exit()


class UserError(Exception):
    """Something the user can fix; printed as one line, never as a traceback."""


def _pairs(values: Sequence[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--set expects name=value, got '{value}'")
        result[name.strip()] = text
    return result


def _plain_snippet(snippet: str) -> str:
    """The snippet as terminal text: matched words between asterisks, entities decoded."""
    return html.unescape(re.sub(r"</?mark>", "*", snippet))


def cmd_import(desk: Desk, args: argparse.Namespace) -> int:
    report = desk.content.import_paths([Path(p) for p in args.paths], args.operator)
    for name, reason in report.failed:
        print(f"failed: {name}: {reason}", file=sys.stderr)
    for name, warning in report.warnings:
        print(f"warning: {name}: {warning}", file=sys.stderr)
    for name, reason in report.held:  # imported, but as a draft: the publishing gate
        print(f"held: {name}: {reason}", file=sys.stderr)
    print(report.summary())
    if report.synonym_groups:
        print(f"{report.synonym_groups} synonym groups")
    return 0 if report.ok else 1


def cmd_export(desk: Desk, args: argparse.Namespace) -> int:
    written = desk.content.export(Path(args.target), args.operator)
    print(f"exported {desk.content.count()} items to {args.target} ({len(written)} files)")
    return 0


def cmd_search(desk: Desk, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    desk.maintenance.ensure_index()
    statuses = tuple(Status) if args.all else (Status.PUBLISHED,)
    request = SearchRequest(
        text=" ".join(args.query),
        limit=args.limit,
        kinds=(args.kind,) if args.kind else None,
        category=args.category,
        tag=args.tag,
        statuses=statuses,
        snippets=args.limit,
    )
    result = desk.answers.search(request)
    desk.answers.log_search(request.text, result, args.operator)
    if args.json:
        hits = [
            {
                "slug": hit.slug,
                "title": hit.title,
                "kind": hit.kind,
                "category": hit.category,
                "status": hit.status,
                "score": round(hit.score, 4),
                "snippet": hit.snippet,
            }
            for hit in result.hits
        ]
        json.dump(hits, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if result.reading:
        print(f"showing results for: {result.reading}")
    if not result.hits:
        print("nothing found")
    for number, hit in enumerate(result.hits, 1):
        print(f"{number:>2}. {hit.title}  [{hit.kind}, {hit.slug}]")
        if hit.snippet:
            print(f"    {_plain_snippet(hit.snippet)}")
    return 0


def cmd_render(desk: Desk, args: argparse.Namespace) -> int:
    record = desk.content.get_by_slug(args.slug)
    if record is None:
        raise UserError(f"no article or template with slug '{args.slug}'")
    result = desk.answers.compose(record, _pairs(args.set or []), args.operator, args.channel)
    print(result.plain)
    for issue in result.issues:
        print(f"warning: line {issue.line}: {issue.message}", file=sys.stderr)
    if result.missing:
        print(
            "missing placeholders: "
            + ", ".join(result.missing)
            + " (set them with --set name=value)",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_check(desk: Desk, args: argparse.Namespace) -> int:
    report = desk.maintenance.check()
    for note in report.notes:
        print(note)
    for problem in report.problems:
        print(f"problem: {problem}", file=sys.stderr)
    print("ok" if report.ok else f"{len(report.problems)} problems")
    return 0 if report.ok else 1


def cmd_reindex(desk: Desk, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rindexing {done}/{total}", end="", file=sys.stderr, flush=True)

    total = desk.maintenance.rebuild(progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"indexed {total} items")
    return 0


def cmd_backup(desk: Desk, args: argparse.Namespace) -> int:
    target = desk.maintenance.backup(Path(args.file) if args.file else None)
    print(f"backup written to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Runs without opening the database: it is the way out when the database will not open."""
    from kbdesk.services.maintenance import restore_backup

    restored = restore_backup(Path(args.file))
    print(f"restored {args.file} into {restored.database}")
    if restored.kept_aside is not None:
        print(f"the previous database was kept as {restored.kept_aside}")
    return 0


def cmd_stats(desk: Desk, args: argparse.Namespace) -> int:
    # Imported here: the other commands should not pay for the statistics modules.
    from datetime import date, timedelta

    from kbdesk import formats
    from kbdesk.stats import Granularity, Period
    from kbdesk.stats.export import plain_tables, text_tables, write_csv_folder

    def day(value: str | None, option: str) -> date | None:
        try:
            return date.fromisoformat(value) if value else None
        except ValueError as error:
            raise UserError(f"{option} expects a date like 2026-03-01, got '{value}'") from error

    since, until = day(args.since, "--since"), day(args.until, "--until")
    if args.stale_days < 1:
        raise UserError("--stale-days must be at least 1")
    last = (until - timedelta(days=1)) if until else date.today()
    first = since or last - timedelta(days=29)
    if last < first:
        raise UserError("--until must be after --since")
    board = desk.stats.dashboard(
        Period.between(first, last),
        granularity=Granularity(args.by),
        stale_days=args.stale_days,
        operator=args.stats_operator,
    )
    tables = plain_tables(board)
    if args.csv:
        for path in write_csv_folder(Path(args.csv), tables):
            print(f"written {path}")
        return 0
    if args.json:
        payload = {
            "since": board.period.since.isoformat(),
            "until": board.period.until.isoformat(),
            "stale_days": board.stale_days,
            **{t.name: [dict(zip(t.headers, row, strict=True)) for row in t.rows] for t in tables},
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"period: {formats.day(first)} to {formats.day(last)} (UTC days, both included)")
    for table in text_tables(board):
        print(f"\n{table.name} ({len(table.rows)} rows)")
        rows = [[_cell(c) for c in row] for row in table.rows[: args.limit]]
        widths = [max([len(h), *(len(r[n]) for r in rows)]) for n, h in enumerate(table.headers)]
        for row in [list(table.headers), *rows]:
            cells = zip(row, widths, strict=True)
            print("  ".join(cell.ljust(width)[:60] for cell, width in cells).rstrip())
    return 0


def _cell(value: object) -> str:
    """Text tables are formatted by `kbdesk.formats` already; this only makes the cell a str."""
    return "" if value is None else str(value)


def cmd_sample(desk: Desk, args: argparse.Namespace) -> int:
    removal = desk.maintenance.remove_sample(args.operator)
    print(f"removed {len(removal.removed)} sample items")
    if removal.kept:
        print(
            f"kept {len(removal.kept)} edited or re-imported items with sample names: "
            + ", ".join(removal.kept)
        )
    return 0


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
    "search": cmd_search,
    "render": cmd_render,
    "check": cmd_check,
    "reindex": cmd_reindex,
    "backup": cmd_backup,
    "stats": cmd_stats,
    "sample": cmd_sample,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kbdesk",
        description="Knowledge base and canned responses for support teams. "
        "Without a command, opens the window.",
        epilog="Data lives in KBDESK_HOME (default: the per-user data folder); "
        "KBDESK_DATABASE_URL points at another database, e.g. a team PostgreSQL.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary folder (no window, your data untouched)",
    )
    parser.add_argument(
        "--operator", default=default_operator(), help="your name, recorded with what you do"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import markdown files, folders or zips")
    p.add_argument("paths", nargs="+", metavar="PATH")

    p = sub.add_parser("export", help="export every item as markdown files (a folder or .zip)")
    p.add_argument("target", metavar="DIR")

    p = sub.add_parser("search", help="search as the window does")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print a JSON array of hits")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.add_argument("--kind", choices=[k.value for k in Kind])
    p.add_argument("--category")
    p.add_argument("--tag")
    p.add_argument("--all", action="store_true", help="include drafts and archived items")

    p = sub.add_parser("render", help="print a template filled with values")
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", help="a placeholder value")
    p.add_argument("--channel", choices=CHANNELS, help="use this channel's variant")

    sub.add_parser("check", help="check the database and the search index")
    sub.add_parser("reindex", help="rebuild the search index from the database")
    p = sub.add_parser(
        "backup", help="a consistent, verified copy of the database, safe while running"
    )
    p.add_argument("file", nargs="?", metavar="FILE")
    p = sub.add_parser(
        "restore",
        help="replace the database with a verified backup (the current file is kept aside)",
        description="Checks the backup in full, keeps the current database file beside it as "
        "kbdesk.sqlite.damaged-<time> (never deleted) and puts the backup in its place. "
        "Close the window first.",
    )
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser(
        "sample",
        help="remove the sample knowledge base the window loaded on its first start",
        description="Deletes the sample articles and templates nobody has edited since.",
    )
    p.add_argument("action", choices=["remove"])
    from kbdesk.stats.figures import DEFAULT_STALE_DAYS, Granularity  # no Qt, no database

    p = sub.add_parser(
        "stats",
        help="usage statistics: items, trend, operators, content gaps, stale content",
        description="The team-lead dashboard as text, JSON or CSV. Dates are UTC days; "
        "the default period is the last 30 days up to today.",
    )
    p.add_argument("--since", metavar="DATE", help="first day, e.g. 2026-03-01")
    p.add_argument("--until", metavar="DATE", help="the day after the last one (exclusive)")
    p.add_argument("--operator", dest="stats_operator", metavar="NAME", help="one operator only")
    p.add_argument("--by", choices=[g.value for g in Granularity], default="day")
    p.add_argument("--stale-days", type=int, default=DEFAULT_STALE_DAYS, metavar="N")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="rows per table (text)")
    p.add_argument("--json", action="store_true", help="print every table as JSON")
    p.add_argument("--csv", metavar="DIR", help="write one UTF-8 CSV file per table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from kbdesk.selftest import run_self_test

        return run_self_test().exit_code
    if args.command is None:
        from kbdesk.ui.app import run  # Qt is imported only when the window is wanted

        return run()
    try:
        if args.command == "restore":
            return cmd_restore(args)
        desk = Desk.open()
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _fail(error)
    try:
        desk.maintenance.forgo_sample()
        return COMMANDS[args.command](desk, args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _fail(error)
    finally:
        try:
            desk.close()
        except Exception as error:  # closing must not turn a result into a traceback
            print(f"kbdesk: while closing: {describe(error)}", file=sys.stderr)


def describe(error: BaseException) -> str:
    """One line a user can act on, for every failure a command can meet."""
    if isinstance(error, UserError | StorageError | ContentError | PermissionDenied):
        return str(error)
    if isinstance(error, NotFoundError):
        return str(error)
    if isinstance(error, ConflictError):
        return "someone else changed the same item at the same moment; run the command again"
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "The disk is full: nothing more was written. Free some space and try again."
        if error.errno == errno.EPIPE:
            return "the output was closed before everything was written"
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    if isinstance(error, MemoryError):
        return "not enough memory to finish; nothing more was written"
    return f"unexpected error ({type(error).__name__}: {error}); {_log_details(error)}"


def _log_details(error: BaseException) -> str:
    """The traceback goes to a file for a bug report, never to the terminal."""
    try:
        from kbdesk import paths

        log = paths.home_dir() / "logs" / "errors.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)) + "\n")
        return f"details are in {log}"
    except Exception:
        return "please report it"


def _fail(error: BaseException) -> int:
    print(f"kbdesk: {describe(error)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
