"""`kbdesk --self-test` on the real sample: passes when sound, names the step that broke."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kbdesk.cli import main
from kbdesk.selftest import STEPS, run_self_test

REPO = Path(__file__).resolve().parents[2]


def test_passes_on_the_shipped_sample() -> None:
    out = io.StringIO()
    report = run_self_test(out=out)
    text = out.getvalue()
    assert report.ok, text
    assert report.exit_code == 0
    assert [step.name for step in report.steps] == [name for name, _ in STEPS]
    assert text.count("✓") == len(STEPS)
    assert "self-test passed" in text


def test_missing_sample_folder_fails_with_exit_code_1(tmp_path: Path) -> None:
    out = io.StringIO()
    report = run_self_test(sample=tmp_path / "no-such-folder", out=out)
    by_name = {step.name: step for step in report.steps}
    assert report.exit_code == 1
    assert by_name["bundled data"].status == "failed"
    assert by_name["import sample"].status == "failed"
    # The database does not depend on the sample: one failure must not hide the rest.
    assert by_name["create database"].status == "ok"
    assert by_name["integrity check"].status == "ok"
    assert "✗ bundled data" in out.getvalue()
    assert "self-test FAILED" in out.getvalue()


def test_sample_that_cannot_be_parsed_names_the_file(tmp_path: Path) -> None:
    sample = tmp_path / "articles"
    sample.mkdir()
    (sample / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\n\xff\xfe")
    report = run_self_test(sample=sample, out=io.StringIO())
    failed = {step.name: step.detail for step in report.steps if step.status == "failed"}
    assert report.exit_code == 1
    assert "broken.md" in failed["import sample"]
    assert "search with a typo" in failed


def test_leaves_the_environment_and_home_alone(home: Path) -> None:
    before = os.environ["KBDESK_HOME"]
    run_self_test(out=io.StringIO())
    assert os.environ["KBDESK_HOME"] == before
    assert not (home / "kbdesk.sqlite").exists()


def test_cli_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out
