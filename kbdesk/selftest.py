"""`kbdesk --self-test`: a headless smoke check of an installed or bundled kbdesk.

IT runs it after installing the bundle and CI runs it against the frozen build, so it checks
what a broken bundle would break first: bundled data found, migrations readable as files,
stemming and fuzzy matching importable, templates rendering. It works in a temporary home and
never touches the user's data or a configured team database. No Qt here: it must run on a
machine without a display.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kbdesk import __version__, paths
from kbdesk.records import Status
from kbdesk.replies import template_text
from kbdesk.search import SearchRequest
from kbdesk.services import Desk
from kbdesk.templating import CHANNELS, parse

UNKNOWN_VERSION = "0.0.0+unknown"  # what kbdesk.__version__ says without package metadata
_WORD = re.compile(r"[а-яё]{8,}")  # long enough that one dropped letter is still recognisable
TOP_HITS = 5
OPERATOR = "Самопроверка"  # the first person on the throwaway database, so a lead


class StepFailed(Exception):
    """A check that ran and found something wrong; the message says what."""


@dataclass
class StepResult:
    name: str
    status: str  # "ok", "failed" or "skipped"
    seconds: float
    detail: str


@dataclass
class SelfTestReport:
    steps: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(step.status == "ok" for step in self.steps)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


@dataclass
class _State:
    """What earlier steps made, for the steps that need it."""

    home: Path
    sample: Path
    desk: Desk | None = None
    imported: int = 0


@contextmanager
def _temporary_home() -> Iterator[Path]:
    """A throwaway KBDESK_HOME; the caller's environment is restored afterwards."""
    saved = {name: os.environ.get(name) for name in ("KBDESK_HOME", "KBDESK_DATABASE_URL")}
    # ignore_cleanup_errors: on Windows a search-index file can stay locked for a moment.
    with tempfile.TemporaryDirectory(prefix="kbdesk-selftest-", ignore_cleanup_errors=True) as d:
        os.environ["KBDESK_HOME"] = d
        # A team database configured for daily use must never receive test data.
        os.environ.pop("KBDESK_DATABASE_URL", None)
        try:
            yield Path(d)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


# -- the steps ---------------------------------------------------------------------------------
# Each returns a one-line detail on success and raises on failure.


def _check_bundle(state: _State) -> str:
    frozen = bool(getattr(sys, "frozen", False))
    if frozen and __version__ == UNKNOWN_VERSION:
        raise StepFailed("the bundle lacks kbdesk's package metadata, so it has no version")
    icon = paths.resource_path("resources", "icons", "kbdesk.svg")
    if not icon.is_file():
        raise StepFailed(f"application icon missing: {icon}")
    if not state.sample.is_dir():
        raise StepFailed(f"sample folder missing or not a folder: {state.sample}")
    articles = sum(1 for _ in state.sample.glob("*.md"))
    if not articles:
        raise StepFailed(f"no markdown files in {state.sample}")
    where = "frozen bundle" if frozen else "checkout"
    return f"{where}, {articles} sample files, icon found"


def _create_database(state: _State) -> str:
    state.desk = Desk.open(state.home)
    current, head = state.desk.maintenance.schema_revision()
    if current is None or current != head:
        raise StepFailed(f"schema at {current}, migrations head is {head}")
    return f"SQLite migrated to {head}"


def _import_sample(state: _State) -> str:
    desk = _need_desk(state)
    report = desk.content.import_paths([state.sample], OPERATOR)
    if report.failed:
        name, reason = report.failed[0]
        raise StepFailed(f"{len(report.failed)} files failed, first: {name}: {reason}")
    state.imported = len(report.created)
    if not state.imported:
        raise StepFailed(f"nothing imported from {state.sample}")
    return f"{state.imported} items, {report.synonym_groups} synonym groups"


def _build_index(state: _State) -> str:
    desk = _need_desk(state)
    total = desk.maintenance.rebuild()
    if total != desk.content.count():
        raise StepFailed(f"indexed {total} of {desk.content.count()} items")
    return f"{total} items indexed"


def _typo_query(state: _State) -> tuple[str, str, str]:
    """(misspelt word, the word, slug of the item whose title has it), chosen from the data.

    A word found in one title only, so the item it names must come first; the data decides,
    so the check keeps working when the sample articles are edited.
    """
    records = sorted(
        _need_desk(state).content.list(statuses=(Status.PUBLISHED,)), key=lambda r: r.slug
    )
    titles = {record.slug: set(_WORD.findall(record.title.lower())) for record in records}
    for record in records:
        for word in sorted(titles[record.slug], key=lambda w: (-len(w), w)):
            if sum(word in words for words in titles.values()) == 1:
                # Drop a letter near the end: the stem stays, the exact form is gone.
                return word[:-3] + word[-2:], word, record.slug
    raise StepFailed("no published Russian title has a word to misspell")


def _search_typo(state: _State) -> str:
    desk = _need_desk(state)
    if not state.imported:
        raise StepFailed("nothing to search: the sample was not imported")
    typo, word, slug = _typo_query(state)
    result = desk.answers.search(SearchRequest(text=typo, limit=TOP_HITS))
    if result.degraded:
        raise StepFailed("answered by the fallback scan: the search index is not usable")
    slugs = [hit.slug for hit in result.hits]
    if slug not in slugs:
        raise StepFailed(f"«{typo}» did not find '{slug}' in the top {TOP_HITS}: {slugs}")
    reading = f", read as «{result.reading}»" if result.reading else ""
    return f"«{typo}» (for «{word}») found '{slug}' at #{slugs.index(slug) + 1}{reading}"


def _render_templates(state: _State) -> str:
    desk = _need_desk(state)
    templates = [r for r in desk.content.list() if r.is_template]
    if not templates:
        raise StepFailed("no templates to render: the sample was not imported")
    rendered = 0
    for record in sorted(templates, key=lambda r: r.slug):
        for channel in (None, *CHANNELS):
            parsed = parse(template_text(record, channel))
            values = {
                p.name: f"значение {p.name}"
                for p in parsed.placeholders
                if p.required and not p.builtin
            } | {p.name: p.choices[0] for p in parsed.placeholders if p.choices}
            result = desk.answers.compose(record, values, OPERATOR, channel)
            if result.missing:
                raise StepFailed(
                    f"'{record.slug}' ({channel or 'main'}) left unfilled: "
                    + ", ".join(result.missing)
                )
            rendered += 1
    return f"{rendered} texts filled from {len(templates)} templates (main and each channel)"


def _integrity_check(state: _State) -> str:
    report = _need_desk(state).maintenance.check()
    if not report.ok:
        raise StepFailed("; ".join(report.problems[:3]))
    return report.notes[0] if report.notes else "ok"


def _need_desk(state: _State) -> Desk:
    if state.desk is None:
        raise _Skip("needs the database")
    return state.desk


class _Skip(Exception):
    """A step that cannot run because an earlier one failed; counted as not passed."""


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("bundled data", _check_bundle),
    ("create database", _create_database),
    ("import sample", _import_sample),
    ("build search index", _build_index),
    ("search with a typo", _search_typo),
    ("render templates", _render_templates),
    ("integrity check", _integrity_check),
)


# -- running and printing ----------------------------------------------------------------------


def _marks(stream: TextIO) -> dict[str, str]:
    """✓/✗ where the console can print them (a Windows code page may not)."""
    encoding = getattr(stream, "encoding", None)  # None: an in-memory text stream
    try:
        if encoding:
            "✓✗–".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return {"ok": "OK", "failed": "FAIL", "skipped": "SKIP"}
    return {"ok": "✓", "failed": "✗", "skipped": "–"}


def run_self_test(sample: Path | None = None, out: TextIO | None = None) -> SelfTestReport:
    """Run every step, printing one line each as it finishes; never raises."""
    stream = out or sys.stdout
    marks = _marks(stream)
    report = SelfTestReport()
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    print(f"kbdesk {__version__}{frozen} self-test, Python {sys.version.split()[0]}", file=stream)
    started = time.perf_counter()
    with _temporary_home() as home:
        state = _State(home=home, sample=sample or paths.sample_articles_dir())
        try:
            for name, step in STEPS:
                step_started = time.perf_counter()
                try:
                    status, detail = "ok", step(state)
                except _Skip as skip:
                    status, detail = "skipped", str(skip)
                except StepFailed as failure:
                    status, detail = "failed", str(failure)
                except Exception as error:  # a self-test reports every failure, never dies
                    status, detail = "failed", f"{type(error).__name__}: {error}"
                result = StepResult(name, status, time.perf_counter() - step_started, detail)
                report.steps.append(result)
                line = f"{marks[status]} {name:<20} {result.seconds * 1000:7.0f} ms  {detail}"
                print(line, file=stream, flush=True)
        finally:
            if state.desk is not None:
                state.desk.close()
    passed = sum(step.status == "ok" for step in report.steps)
    total_ms = (time.perf_counter() - started) * 1000
    verdict = "passed" if report.ok else "FAILED"
    print(
        f"self-test {verdict}: {passed} of {len(report.steps)} steps ok in {total_ms:.0f} ms",
        file=stream,
    )
    return report
