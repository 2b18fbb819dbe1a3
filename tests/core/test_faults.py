"""Faults a user can meet: kills, damaged and foreign files, full disks, hostile inputs.

Each test says what must survive. Deterministic: kill points are numbered statements of a
child process chosen from a seeded generator, processes are waited for, nothing sleeps.
benchmarks/faults_bench.py runs the same kills a hundred times for the figures.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.db import APPLICATION_ID, DatabaseDamaged, DatabaseTooNew, inspect_file
from kbdesk.services import Desk, default_operator

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fault_child

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"
KILLS_PER_MODE = 3  # the benchmark runs 25 per mode


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A home holding the sample, imported from the command line, database at rest."""
    code, _, err = cli(capsys, "import", str(SAMPLE))
    assert code == 0, err
    return home / "kbdesk.sqlite"


# -- kills ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["first", "migrate", "import", "save"])
def test_a_kill_at_any_point_leaves_a_home_that_opens_whole(mode: str, tmp_path: Path) -> None:
    rng = random.Random(f"kbdesk-{mode}")
    dry = tmp_path / "dry"
    if mode == "migrate":
        fault_child.make_old_home(dry)
    arg = str(SAMPLE) if mode == "import" else "20" if mode == "save" else ""
    total = fault_child.points_of(mode, dry, arg)
    for run in range(KILLS_PER_MODE):
        home = tmp_path / f"kill-{run}"
        if mode == "migrate":
            fault_child.make_old_home(home)
        at = rng.randint(1, total)
        code, acked, err = fault_child.run_child(mode, home, at, arg)
        assert code in (0, -9), err
        assert "Traceback" not in err
        expected = ["old"] if mode == "migrate" else acked
        problems = fault_child.verify_home(home, expected, sample=mode == "first")
        assert problems == [], f"killed at point {at} of {total}: {problems}"


# -- damaged, empty, foreign and newer databases ------------------------------------------------


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    for page in range(2, len(data) // 4096):  # every b-tree page but the first
        for offset in range(page * 4096 + 8, page * 4096 + 64):
            data[offset] = rng.randrange(256)
    path.write_bytes(bytes(data))


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()  # the last connection folds the -wal back into the file


def _newer(path: Path) -> None:
    _sql(path, "UPDATE alembic_version SET version_num = '9999'")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign(path: Path) -> None:
    _sql(path, "PRAGMA application_id = 12345")


FAULTS = {"damaged": _damage, "empty": _empty, "newer": _newer, "foreign": _foreign}


def _every_command(tmp_path: Path) -> list[list[str]]:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Новая\n---\nТекст\n", encoding="utf-8")
    return [
        ["import", str(page)],
        ["export", str(tmp_path / "out.zip")],
        ["search", "заказ"],
        ["render", "pickup"],
        ["check"],
        ["reindex"],
        ["backup", str(tmp_path / "b.sqlite")],
        ["stats"],
        ["sample", "remove"],
    ]


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_bad_database_is_refused_in_one_line_by_every_command_and_never_written(
    fault: str, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    FAULTS[fault](filled)
    before = digest(filled)
    for command in _every_command(tmp_path):
        code, _, err = cli(capsys, *command)
        assert code == 2, (command, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, (command, err)
        assert err.startswith("kbdesk: "), err
    assert digest(filled) == before  # nothing wrote into it
    assert not (tmp_path / "b.sqlite").exists() and not (tmp_path / "out.zip").exists()


def test_the_refusals_say_what_happened(filled: Path) -> None:
    _newer(filled)
    with pytest.raises(DatabaseTooNew, match=r"newer kbdesk .*9999"):
        inspect_file(filled)
    _empty(filled)
    with pytest.raises(DatabaseDamaged, match="empty"):
        inspect_file(filled)


def test_a_new_database_carries_the_application_id(filled: Path) -> None:
    with sqlite3.connect(filled) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_synchronous_is_full(home: Path) -> None:
    desk = Desk.open(home)
    try:
        with desk._kb.db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        desk.close()


def test_a_malformed_database_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for url in ("not a url", "postgresql://::bad:port/x", "nosuchdialect://x/y"):
        monkeypatch.setenv("KBDESK_DATABASE_URL", url)
        code, _, err = cli(capsys, "check")
        assert code == 2 and "Traceback" not in err and "KBDESK_DATABASE_URL" in err, err


# -- backup and restore -------------------------------------------------------------------------


def test_backup_verifies_and_restore_puts_it_back_keeping_the_damaged_file(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "good.sqlite"
    code, out, err = cli(capsys, "backup", str(backup))
    assert code == 0 and backup.exists(), err
    _damage(filled)
    damaged = digest(filled)
    # A stale -wal beside the damaged file must not be replayed into the restored one.
    (filled.parent / "kbdesk.sqlite-wal").write_bytes(os.urandom(8192))
    code, _, err = cli(capsys, "backup", str(tmp_path / "bad.sqlite"))
    assert code == 2 and "damaged" in err and not (tmp_path / "bad.sqlite").exists()
    assert not list(tmp_path.glob("*.partial"))
    code, out, err = cli(capsys, "restore", str(backup))
    assert code == 0, err
    kept = [p for p in filled.parent.iterdir() if p.name.endswith(tuple("0123456789"))]
    kept = [p for p in kept if ".damaged-" in p.name]
    assert len(kept) == 1 and digest(kept[0]) == damaged and str(kept[0]) in out
    code, out, _ = cli(capsys, "search", "заказ")
    assert code == 0 and "nothing found" not in out
    code, out, err = cli(capsys, "check")
    assert code == 0, err


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(filled.read_bytes())
    _damage(bad)
    before = digest(filled)
    code, _, err = cli(capsys, "restore", str(bad))
    assert code == 2 and "not a usable backup" in err and "Traceback" not in err
    assert digest(filled) == before
    assert [p.name for p in filled.parent.iterdir() if "damaged" in p.name] == []


def test_a_restore_killed_after_staging_is_finished_by_the_next_start(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kbdesk import db

    backup = tmp_path / "good.sqlite"
    assert cli(capsys, "backup", str(backup))[0] == 0
    _damage(filled)
    # What restore_file leaves when killed right after staging the verified copy.
    staged = filled.with_name(filled.name + ".restore")
    staged.write_bytes(backup.read_bytes())
    db._keep(filled, filled.with_name(filled.name + ".damaged-x"))
    code, out, err = cli(capsys, "search", "заказ")
    assert code == 0 and "nothing found" not in out, err
    assert not staged.exists()


# -- inputs: special files, bounded reads, unreadable folders, concurrent imports ----------------


def test_import_refuses_devices_fifos_and_says_so(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inner.md")
    code, out, err = cli(capsys, "import", "/dev/zero", str(fifo), str(folder))
    assert code == 1 and "Traceback" not in err
    assert "/dev/zero: not a regular file (a device)" in err
    assert f"{fifo}: not a regular file (a pipe)" in err
    assert "inner.md: not a regular file (a pipe)" in err
    assert "3 failed" in out


def test_an_unreadable_folder_is_a_failure_not_silence(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kb"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.md").write_text("---\ntitle: Да\n---\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # what chmod 000 does for a non-root user
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = cli(capsys, "import", str(folder))
    assert code == 1 and "locked: folder cannot be read: Permission denied" in err
    assert "1 created" in out and "1 failed" in out


def test_a_zip_lying_about_its_sizes_is_read_only_to_the_limit(tmp_path: Path) -> None:
    import tracemalloc

    from kbdesk.transfer import collect

    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("big.md", b"---\ntitle: x\n---\n" + b"a" * 60_000_000)
    data = bytearray(archive.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # claim 100 bytes, local and central
        start = data.find(header)
        size_at = start + (22 if header == b"PK\x03\x04" else 24)
        data[size_at : size_at + 4] = (100).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    tracemalloc.start()
    sources = list(collect([archive]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # zipfile stops at the claimed size and the checksum fails; without the claim, the read
    # stops one byte past the limit: either way a failure, and memory stays small.
    assert len(sources) == 1 and sources[0].data is None and sources[0].error
    assert peak < 20_000_000


def test_the_same_content_as_zip_or_folder_gets_the_same_slugs(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "kb.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for page in sorted(SAMPLE.glob("*.md"))[:5]:
            out.write(page, page.name)
    cli(capsys, "import", str(archive))
    code, out, _ = cli(capsys, "import", *[str(p) for p in sorted(SAMPLE.glob("*.md"))[:5]])
    assert code == 0 and "0 created" in out and "5 unchanged" in out
    desk = Desk.open(home)
    try:
        assert not [r.slug for r in desk.content.list() if ".zip" in r.slug]
    finally:
        desk.close()


def test_two_concurrent_imports_both_finish_with_a_summary(filled: Path, tmp_path: Path) -> None:
    env = {**os.environ, "KBDESK_HOME": str(filled.parent)}
    folder = tmp_path / "copy"
    folder.mkdir()
    for page in SAMPLE.glob("*.md"):  # the same slugs, changed bodies: both update them
        text = page.read_text(encoding="utf-8")
        (folder / page.name).write_text(text + "\nИзменено.\n", encoding="utf-8")
    command = [sys.executable, "-m", "kbdesk.cli", "import", str(folder)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert b"Traceback" not in err, err.decode()
        assert process.returncode in (0, 1), err.decode()
        assert b"updated" in out, err.decode()


def test_a_damaged_index_segment_is_reported_and_search_still_answers(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "reindex")[0] == 0
    segments = sorted((filled.parent / "index").rglob("*.seg"))
    assert segments
    for segment in segments:
        data = bytearray(segment.read_bytes())
        for offset in range(len(data) // 4, len(data) * 3 // 4):
            data[offset] = 0xFF
        segment.write_bytes(bytes(data))
    code, _, err = cli(capsys, "check")
    assert code == 1 and "search index" in err and "Traceback" not in err
    code, out, err = cli(capsys, "search", "заказ")  # rebuilds the index, then answers
    assert "Traceback" not in err and code == 0 and "nothing found" not in out, err
    assert cli(capsys, "check")[0] == 0


# -- full disks ---------------------------------------------------------------------------------


def _tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


def test_a_first_start_on_a_full_disk_says_so_and_the_next_start_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "64k"):
        pytest.skip("mounting a small tmpfs needs root")
    try:
        monkeypatch.setenv("KBDESK_HOME", str(disk / "home"))
        code, _, err = cli(capsys, "check")
        assert code == 2 and "disk is full" in err.lower() and "Traceback" not in err, err
        assert sorted(p.name for p in (disk / "home").iterdir()) == []  # nothing half-made
        subprocess.run(["mount", "-o", "remount,size=16m", str(disk)], check=True)
        code, out, err = cli(capsys, "import", str(SAMPLE))
        assert code == 0 and "64 created" in out, err
        full = disk / "filler"
        with open(full, "wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
            except OSError:
                pass
        code, _, err = cli(capsys, "export", str(disk / "out.zip"))
        assert code == 2 and "disk is full" in err.lower(), err
        assert not list(disk.glob("*.partial"))
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_sqlite_full_inside_a_save_says_the_disk_is_full(filled: Path) -> None:
    from sqlalchemy import event

    from kbdesk.records import ContentItem, StorageError

    desk = Desk.open(filled.parent)
    try:
        engine = desk._kb.db.engine
        engine.dispose()
        event.listen(
            engine, "connect", lambda c, _: c.execute("PRAGMA max_page_count=1"), insert=False
        )
        person = desk.people.person(default_operator()).name
        item = ContentItem(slug="big", title="Большая", body="ы" * 2_000_000)
        with pytest.raises(StorageError, match="disk is full"):
            desk.content.save(item, person)
    finally:
        desk.close()
