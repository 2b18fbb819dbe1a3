"""A kbdesk process that kills itself at a chosen point: the fault suite's and benchmark's child.

    python fault_child.py MODE HOME KILL_AT [ARG]

Every SQL statement, commit, fsync and rename is a numbered point; at point KILL_AT the
process sends itself SIGKILL (0: never, and it prints how many points the run had). What a
mode acknowledges ("ack ..." lines, flushed) was returned by kbdesk as done, so the parent
can check that none of it was lost. Deterministic: the same KILL_AT kills at the same point.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

_points = 0
_kill_at = 0


def tick() -> None:
    global _points
    _points += 1
    if _points == _kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


def _install() -> None:
    event.listen(Engine, "before_cursor_execute", lambda *_: tick())
    event.listen(Engine, "commit", lambda *_: tick())
    for name in ("replace", "fsync", "link"):
        original = getattr(os, name)

        def wrapped(*args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            tick()
            result = _original(*args, **kwargs)
            tick()
            return result

        setattr(os, name, wrapped)


def main() -> None:
    global _kill_at
    mode, home, kill_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    arg = sys.argv[4] if len(sys.argv) > 4 else ""
    _kill_at = kill_at
    _install()
    from kbdesk.records import ContentItem
    from kbdesk.services import Desk

    desk = Desk.open(home)
    if mode == "first":  # the window's first start: create, migrate, load the sample
        desk.maintenance.seed_sample()
    elif mode == "migrate":  # the parent made an old database; opening it migrated it
        pass
    elif mode == "import":
        desk.maintenance.forgo_sample()
        report = desk.content.import_paths([Path(arg)], "Анна")
        print("ack " + " ".join(report.created + report.updated + report.unchanged), flush=True)
    elif mode == "save":
        desk.maintenance.forgo_sample()
        person = desk.people.person("Анна").name
        for number in range(int(arg or 30)):
            slug = f"item-{number}"
            item = ContentItem(slug=slug, title=f"Статья {number}", body=f"Текст {number}.")
            desk.content.save(item, person)
            print(f"ack {slug}", flush=True)
    desk.close()
    print(f"points {_points}", flush=True)


if __name__ == "__main__":
    main()


# -- used by the parent (tests/core/test_faults.py and benchmarks/faults_bench.py) -------------

CHILD = Path(__file__).resolve()
TEMPORARY_SUFFIXES = (".new", ".partial", ".restore")


def run_child(mode: str, home: Path, kill_at: int, arg: str = "") -> tuple[int, list[str], str]:
    """(exit code, acknowledged names, stderr); waits for the process, never sleeps."""
    import subprocess

    done = subprocess.run(
        [sys.executable, str(CHILD), mode, str(home), str(kill_at), arg],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "KBDESK_HOME": str(home)},
    )
    acked = [
        name
        for line in done.stdout.splitlines()
        if line.startswith("ack ")
        for name in line.split()[1:]
    ]
    return done.returncode, acked, done.stderr


def points_of(mode: str, home: Path, arg: str = "") -> int:
    """How many kill points a whole run has (a dry run in `home`)."""
    import subprocess

    done = subprocess.run(
        [sys.executable, str(CHILD), mode, str(home), "0", arg],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "KBDESK_HOME": str(home)},
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split("points ")[-1])


def make_old_home(home: Path, revision: str = "0002") -> None:
    """A database at an older schema revision holding one article (for migration kills)."""
    import sqlite3

    from alembic import command

    from kbdesk import db

    home.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(f"sqlite:///{home / 'kbdesk.sqlite'}")
    command.upgrade(db._alembic_config(engine), revision)
    engine.dispose()
    with sqlite3.connect(home / "kbdesk.sqlite") as connection:
        connection.execute(
            "INSERT INTO article (slug, kind, title, body, status, version, created_at, "
            "updated_at, updated_by) VALUES ('old', 'article', 'Старая', 'Текст', 'published', "
            "1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'Анна')"
        )


def verify_home(home: Path, acked: list[str], *, sample: bool = False) -> list[str]:
    """Open the home as the next start would; the problems found (empty: all is well)."""
    import sqlite3

    from kbdesk.services import Desk

    problems: list[str] = []
    desk = Desk.open(home)
    try:
        if sample:
            desk.maintenance.seed_sample()
        for slug in acked:
            if desk.content.get_by_slug(slug) is None:
                problems.append(f"acknowledged '{slug}' lost")
        count = desk.content.count()
        if sample and count != 64:
            problems.append(f"partial sample: {count} items")
        revision, head = desk.maintenance.schema_revision()
        if revision != head:
            problems.append(f"schema at {revision}, not {head}")
    finally:
        desk.close()
    with sqlite3.connect(home / "kbdesk.sqlite") as connection:
        result = connection.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        problems.append(f"integrity_check: {result[:3]}")
    leftovers = [p.name for p in home.iterdir() if p.name.endswith(TEMPORARY_SUFFIXES)]
    if leftovers:
        problems.append(f"leftover files: {leftovers}")
    return problems
