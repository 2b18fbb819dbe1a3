"""Issue 14 in the core: the publishing gate, valid-until dates, feedback and the owner's queue,
on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from kbdesk.content import dump, parse_text
from kbdesk.db import HEAD_REVISION, alembic_head
from kbdesk.kb import KnowledgeBase
from kbdesk.records import (
    ContentItem,
    EventKind,
    FeedbackKind,
    Kind,
    PermissionDenied,
    PublishBlocked,
    PublishProblem,
    Role,
    Status,
)
from kbdesk.services import Desk

SAMPLE = Path(__file__).resolve().parent.parent.parent / "articles"
BROKEN = "Здравствуйте, {{name !}}!\n\n:::fax\nФакс.\n:::"
TODAY = date.today()


@pytest.fixture
def desk(kb: KnowledgeBase) -> Desk:
    desk = Desk(kb)
    for name in ("Лида", "Эдик", "Оля"):
        desk.people.person(name)  # the first one is a lead, the others operators
    desk.people.set_role("Лида", "Эдик", Role.EDITOR)
    desk.people.set_role("Лида", "Оля", Role.OPERATOR)
    return desk


def template(slug: str = "t", body: str = BROKEN, status: str = "published") -> ContentItem:
    return ContentItem(
        slug=slug, title="Шаблон", body=body, kind=Kind.TEMPLATE.value, status=status
    )


def test_the_migration_head_is_the_known_head() -> None:
    assert alembic_head() == HEAD_REVISION == "0006"


def test_a_template_with_errors_is_refused_and_nothing_is_saved(desk: Desk) -> None:
    with pytest.raises(PublishBlocked) as blocked:
        desk.content.save(template(), "Эдик")
    codes = {problem.code for problem in blocked.value.problems}
    assert {"bad_name", "unknown_channel"} <= codes, codes
    assert desk.content.get_by_slug("t") is None
    # As a draft it saves, and publishing it later is refused the same way.
    record = desk.content.save(template(status="draft"), "Эдик").record
    with pytest.raises(PublishBlocked):
        desk.content.set_status(record.id, Status.PUBLISHED, "Эдик")
    assert desk.content.get(record.id).status == Status.DRAFT


def test_only_a_lead_overrides_and_the_reason_is_recorded(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        desk.content.save(template(), "Эдик", override="срочно")
    with pytest.raises(PublishBlocked):
        desk.content.save(template(), "Лида", override="   ")  # a blank reason is no reason
    record = desk.content.save(template(), "Лида", override="срочно, поправим завтра").record
    assert record.status == Status.PUBLISHED
    note = desk.content.revisions(record.id)[0].note
    assert "by Лида: срочно, поправим завтра" in note and "problem" in note
    # Saving it again unchanged is no publication: nothing is asked.
    assert not desk.content.save(template(), "Эдик").changed


def test_links_to_missing_or_archived_items_block_and_drafts_do_not(desk: Desk) -> None:
    article = ContentItem(slug="a", title="Статья", body="См. [[b]] и [[c|тут]].")
    with pytest.raises(PublishBlocked) as blocked:
        desk.content.save(article, "Эдик")
    assert [(p.code, p.fragment) for p in blocked.value.problems] == [
        (PublishProblem.MISSING_LINK, "b"),
        (PublishProblem.MISSING_LINK, "c"),
    ]
    desk.content.save(ContentItem(slug="b", title="Б", status="draft"), "Эдик")
    c = desk.content.save(ContentItem(slug="c", title="В"), "Эдик").record
    desk.content.set_status(c.id, Status.ARCHIVED, "Эдик")
    problems = desk.content.problems(article)
    assert [(p.code, p.fragment) for p in problems] == [(PublishProblem.ARCHIVED_LINK, "c")]
    desk.content.set_status(c.id, Status.PUBLISHED, "Эдик")
    assert desk.content.save(article, "Эдик").record.is_published


def test_restoring_a_broken_published_revision_is_gated(desk: Desk) -> None:
    record = desk.content.save(template(), "Лида", override="так надо").record
    fixed = desk.content.save(template(body="Здравствуйте, {{name}}!"), "Эдик").record
    assert fixed.version == 2
    with pytest.raises(PublishBlocked):
        desk.content.restore(record.id, 1, "Эдик")
    assert desk.content.restore(record.id, 1, "Лида", override="откат").record.version == 3


def test_every_sample_item_passes_the_gate(desk: Desk) -> None:
    report = desk.content.import_paths([SAMPLE], "Лида")
    assert report.ok and not report.held, report.held
    published = desk.content.list([Status.PUBLISHED])
    assert published and not [r.slug for r in published if desk.content.problems(r.to_item())]


def test_an_import_holds_broken_files_as_drafts_and_says_why(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    # "a" links to "z", which comes later in the same import: published once it is there.
    (folder / "a.md").write_text("---\ntitle: А\n---\nСм. [[z]].\n", encoding="utf-8")
    (folder / "broken.md").write_text(
        f"---\ntitle: Сломан\nkind: template\n---\n{BROKEN}\n", encoding="utf-8"
    )
    (folder / "dangling.md").write_text("---\ntitle: Д\n---\nСм. [[nowhere]].\n", "utf-8")
    (folder / "z.md").write_text("---\ntitle: Я\n---\nТекст.\n", encoding="utf-8")
    report = desk.content.import_paths([folder], "Эдик")
    assert report.ok
    held = {Path(name).name: reason for name, reason in report.held}
    assert set(held) == {"broken.md", "dangling.md"}
    assert held["dangling.md"].code == "held_as_draft" and "nowhere" in held["dangling.md"]
    statuses = {r.slug: r.status for r in desk.content.list()}
    assert statuses == {"a": "published", "broken": "draft", "dangling": "draft", "z": "published"}
    # Importing the same files again changes nothing and says the same.
    again = desk.content.import_paths([folder], "Эдик")
    assert not again.created and not again.updated
    assert {Path(name).name for name, _ in again.held} == {"broken.md", "dangling.md"}


def test_valid_until_survives_the_file_format_and_history(desk: Desk, tmp_path: Path) -> None:
    item = ContentItem(slug="x", title="Х", body="Текст", valid_until=date(2027, 3, 1))
    text = dump(item)
    assert "valid_until: '2027-03-01'" in text or "valid_until: 2027-03-01" in text
    assert parse_text(text, "x") == item
    record = desk.content.save(item, "Эдик").record
    assert record.valid_until == date(2027, 3, 1)
    assert desk.content.revisions(record.id)[0].item.valid_until == date(2027, 3, 1)
    desk.content.export(tmp_path / "out", "Эдик")
    assert "valid_until" in (tmp_path / "out" / "x.md").read_text(encoding="utf-8")
    assert record.expired(date(2027, 3, 2)) and not record.expired(date(2027, 3, 1))


def test_feedback_reaches_the_owners_queue_and_comes_back_handled(desk: Desk) -> None:
    mine = ContentItem(slug="m", title="Моё", body="Срок 30 дней", owner="Эдик")
    other = ContentItem(slug="o", title="Чужое", body="Текст", owner="Лида")
    m = desk.content.save(mine, "Эдик").record
    desk.content.save(other, "Эдик")
    sent = desk.feedback.send(
        m.id,
        "Оля",
        FeedbackKind.OUTDATED,
        "Уже 45 дней, звонил 8 999 123-45-67",
        query="срок возврата",
        channel="phone",
        contact="c1",
    )
    assert "<phone>" in sent.comment and not sent.handled
    desk.feedback.send(m.id, "Оля", "wrong")
    with pytest.raises(ValueError):
        desk.feedback.send(m.id, "Оля", "boring")
    queue = desk.content.queue(owner="Эдик")
    assert [(e.record.slug, e.open_feedback, e.reasons()) for e in queue] == [
        ("m", 2, ("feedback",))
    ]
    assert desk.content.queue(owner="Лида") == []
    with pytest.raises(PermissionDenied):
        desk.feedback.handle(sent.id, "Оля")
    handled = desk.feedback.handle(sent.id, "Эдик", "исправил на 45")
    assert handled.handled and handled.handled_by == "Эдик"
    reports = {f.id: f for f in desk.feedback.sent_by("Оля")}
    assert reports[sent.id].handled_note == "исправил на 45"
    assert desk.feedback.open_counts() == {m.id: 1}
    assert desk.feedback.for_items([m.id])[0].query is None  # the newest first


def test_expired_items_and_their_copies_are_in_the_queue(desk: Desk) -> None:
    yesterday = TODAY - timedelta(days=1)
    item = ContentItem(slug="e", title="Истекло", body="x", owner="Эдик", valid_until=yesterday)
    record = desk.content.save(item, "Эдик").record
    desk.content.save(replace(item, slug="f", valid_until=TODAY), "Эдик")  # valid today
    desk.answers.record(EventKind.COPY, record.id, "Оля")
    desk.answers.copied_expired(record.id, "Оля", contact="c1")
    queue = desk.content.queue(owner="Эдик")
    assert [(e.record.slug, e.expired_copies, e.reasons()) for e in queue] == [
        ("e", 1, ("expired",))
    ]
    # The copy is still one copy for the dashboard.
    stats = desk.stats
    assert stats is not None


def test_the_command_line_import_names_what_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kbdesk.cli import main

    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "broken.md").write_text(
        f"---\ntitle: Сломан\nkind: template\n---\n{BROKEN}\n", encoding="utf-8"
    )
    (folder / "fine.md").write_text("---\ntitle: Хорошо\n---\nТекст.\n", encoding="utf-8")
    assert main(["import", str(folder)]) == 0  # imported: a held file is not a failure
    out, err = capsys.readouterr()
    assert "2 created" in out and "1 held as drafts" in out
    assert "held: " in err and "broken.md: saved as a draft, not published" in err
