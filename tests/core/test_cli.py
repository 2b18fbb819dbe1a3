"""The `kbdesk` command, run as a user would (in-process, and once as a real process)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.services import Desk

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def sample(request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]) -> None:
    """The sample imported as a user would; tests marked `empty_home` start with nothing."""
    if request.node.get_closest_marker("empty_home") is None:
        code, _, err = run(capsys, "import", str(SAMPLE))  # the system user: the first, a lead
        assert code == 0, err


@pytest.mark.empty_home
def test_the_command_line_never_loads_the_sample(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "search", "--json", "заказ")
    assert (code, json.loads(out)) == (0, [])
    mine = tmp_path / "my-kb"
    mine.mkdir()
    (mine / "delivery-late.md").write_text(
        "---\ntitle: Наш курьер опаздывает\n---\nСвой текст про опоздание.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "import", str(mine))
    assert code == 0 and "1 created" in out and "Traceback" not in err
    code, out, _ = run(capsys, "search", "--json", "курьер")
    assert [(hit["slug"], hit["title"]) for hit in json.loads(out)] == [
        ("delivery-late", "Наш курьер опаздывает")
    ]
    with sqlite3.connect(home / "kbdesk.sqlite") as db:
        assert db.execute("select count(*) from article").fetchone()[0] == 1


@pytest.mark.empty_home
def test_an_import_into_a_new_home_prints_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "KBDESK_HOME": str(tmp_path / "fresh")}
    done = subprocess.run(
        [sys.executable, "-m", "kbdesk.cli", "import", str(SAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "64 created" in done.stdout


@pytest.mark.empty_home
def test_the_sample_the_window_loaded_can_be_removed_keeping_edited_items(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    desk = Desk.open(home)
    try:
        assert desk.maintenance.seed_sample() == 64
        assert desk.maintenance.seed_sample() == 0  # never twice, never into content
        person = desk.people.person("Анна").name  # the first person: a lead
        pickup = desk.content.get_by_slug("pickup")
        assert pickup is not None
        desk.content.save(
            replace(pickup.to_item(), body=pickup.body + "\nНаш адрес."),
            person,
            article_id=pickup.id,
            expected_version=pickup.version,
        )
    finally:
        desk.close()
    code, out, err = run(capsys, "--operator", "Анна", "sample", "remove")
    assert code == 0, err
    assert "removed 63 sample items" in out and "pickup" in out
    code, out, _ = run(capsys, "search", "--json", "самовывоз")
    assert [hit["slug"] for hit in json.loads(out)] == ["pickup"]


def test_an_operator_cannot_remove_the_sample_or_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--operator", "Олег", "sample", "remove")
    assert code == 2 and "cannot change the knowledge base" in err
    code, _, err = run(capsys, "--operator", "Олег", "import", str(SAMPLE))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_snippets_print_as_plain_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "quote.md").write_text(
        "---\ntitle: Courier etiquette\n---\nThe courier's bag & the client's \"door\".\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", str(tmp_path))[0] == 0
    code, out, _ = run(capsys, "search", "etiquette", "courier")
    assert code == 0
    assert "courier's bag & the client's \"door\"" in out.replace("*", "")
    assert "&#x27;" not in out and "&amp;" not in out and "&quot;" not in out


def test_search_prints_json(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, "search", "--json", "--limit", "3", "заказ", "задерживается")
    assert code == 0
    hits = json.loads(out)
    assert 1 <= len(hits) <= 3
    assert hits[0]["slug"] == "delivery-late"
    assert {"slug", "title", "kind", "score", "snippet"} <= set(hits[0])
    assert hits == sorted(hits, key=lambda hit: -hit["score"])
    assert (home / "kbdesk.sqlite").exists()


def test_search_filters_by_kind_and_reports_layout_reading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "search", "--json", "--kind", "template", "возврат")
    assert code == 0 and {hit["kind"] for hit in json.loads(out)} == {"template"}
    code, out, _ = run(capsys, "search", "djpdhfn")
    assert code == 0 and "возврат" in out.splitlines()[0]


def test_render_fills_values_and_refuses_missing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--operator", "Анна", "render", "delivery-late")
    assert code == 1
    assert "missing placeholders: client_name" in err and "{{client_name}}" in out
    code, out, err = run(
        capsys,
        "--operator",
        "Анна",
        "render",
        "delivery-late",
        "--set",
        "client_name=Ольга",
        "--set",
        "order_number=A-1001",
        "--channel",
        "chat",
    )
    assert code == 0, err
    assert "Ольга" in out and "{{" not in out


def test_import_reports_bad_files_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "ok.md").write_text("---\ntitle: Новая статья\n---\nтекст\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("без заголовка\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(tmp_path))
    assert code == 1
    assert "1 created" in out and "1 failed" in out
    assert f"failed: {tmp_path / 'bad.md'}: no front matter" in err


def test_export_check_and_backup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", str(tmp_path / "out"))
    assert code == 0 and len(list((tmp_path / "out").glob("*.md"))) >= 40
    code, out, err = run(capsys, "check")
    assert code == 1 and "search index is missing" in err  # nothing has searched yet
    run(capsys, "reindex")
    code, out, err = run(capsys, "check")
    assert code == 0 and out.strip().endswith("ok"), err
    code, out, _ = run(capsys, "backup", str(tmp_path / "copy.sqlite"))
    assert code == 0
    with sqlite3.connect(tmp_path / "copy.sqlite") as copy:
        assert copy.execute("select count(*) from article").fetchone()[0] >= 40


def test_check_reports_a_stale_index(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    run(capsys, "search", "доставка")  # builds the index
    with sqlite3.connect(home / "kbdesk.sqlite") as db:  # a change behind the app's back
        db.execute("update article set version = version + 1 where slug = 'pickup'")
    code, _, err = run(capsys, "check")
    assert code == 1 and "does not match the database" in err
    code, out, _ = run(capsys, "reindex")
    assert code == 0 and "indexed" in out
    assert run(capsys, "check")[0] == 0


def test_user_errors_are_one_line_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "render", "no-such-slug")
    assert code == 2 and err.strip() == "kbdesk: no article or template with slug 'no-such-slug'"
    code, _, err = run(capsys, "render", "delivery-late", "--set", "oops")
    assert code == 2 and err.count("\n") == 1 and "name=value" in err


def test_a_broken_database_file_is_one_clear_line(tmp_path: Path) -> None:
    home = tmp_path / "broken"
    home.mkdir()
    (home / "kbdesk.sqlite").write_bytes(b"this is not a database" * 100)
    env = {**os.environ, "KBDESK_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "kbdesk.cli", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("kbdesk: The database file is damaged")
    assert (home / "kbdesk.sqlite").read_bytes().startswith(b"this is not a database")
