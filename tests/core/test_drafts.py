"""Autosaved drafts through their service, the editing permission check, diffs and merges."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kbdesk.content import ContentItem
from kbdesk.db import Database
from kbdesk.diffing import has_conflict_markers, merge3, merge_items, unified_html
from kbdesk.drafts import DraftStore
from kbdesk.records import PermissionDenied, Role
from kbdesk.services import DraftService, PeopleService
from kbdesk.store import ArticleStore


@pytest.fixture
def store(database: Database) -> ArticleStore:
    store = ArticleStore(database)
    store.operator("Лида")  # the first operator on an empty database becomes a lead
    store.operator("Ева")
    store.set_role("Ева", Role.EDITOR)
    store.operator("Олег")
    return store


@pytest.fixture
def people(store: ArticleStore) -> PeopleService:
    return PeopleService(store)


@pytest.fixture
def drafts(database: Database, people: PeopleService) -> DraftService:
    return DraftService(DraftStore(database), people)


ITEM = ContentItem(
    slug="возврат",
    title="Возврат денег",
    body="Первая строка\nВторая строка",
    kind="template",
    category="Оплата",
    tags=("возврат", "деньги"),
    status="draft",
    owner="Ева",
    review_by=date(2030, 1, 31),
)


def test_draft_round_trip_keeps_every_field_and_the_base_version(drafts: DraftService) -> None:
    drafts.save("Ева", "возврат", ITEM, article_id=None, base_version=None)
    record = drafts.get("Ева", "возврат")
    assert record is not None
    assert record.item == ITEM
    assert record.is_new
    assert drafts.list("Лида") == []


def test_autosave_overwrites_one_row_per_author_and_key(
    drafts: DraftService, store: ArticleStore
) -> None:
    saved = store.save(ITEM, "Ева").record
    for text in ("a", "ab", "abc"):
        item = replace(ITEM, body=text)
        drafts.save("Ева", ITEM.slug, item, article_id=saved.id, base_version=saved.version)
    records = drafts.list("Ева")
    assert [r.item.body for r in records] == ["abc"]
    assert records[0].base_version == saved.version
    assert records[0].article_id == saved.id


def test_drafts_are_listed_newest_first_and_deleted_by_key(drafts: DraftService) -> None:
    first, second = drafts.new_key(), drafts.new_key()
    assert first != second and first.startswith("new:")
    drafts.save("Ева", first, ContentItem(slug="", title="one"))
    drafts.save("Ева", second, ContentItem(slug="", title="two"))
    assert [r.item.title for r in drafts.list("Ева")] == ["two", "one"]
    assert drafts.delete("Ева", first)
    assert not drafts.delete("Ева", first)
    assert [r.key for r in drafts.list("Ева")] == [second]


def test_operators_cannot_keep_drafts_or_edit(
    drafts: DraftService, people: PeopleService
) -> None:
    with pytest.raises(PermissionDenied):
        drafts.save("Олег", "x", ITEM)
    assert drafts.list("Олег") == []
    with pytest.raises(PermissionDenied):
        people.require_editor("Олег")
    assert people.require_editor("Ева").role is Role.EDITOR
    assert people.require_editor("Лида").role is Role.LEAD
    # A name never seen before is registered as an operator, never silently allowed.
    with pytest.raises(PermissionDenied):
        people.require_editor("Незнакомец")


def test_a_demoted_editor_is_refused_at_once(
    people: PeopleService, store: ArticleStore
) -> None:
    people.require_editor("Ева")
    store.set_role("Ева", Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        people.require_editor("Ева")


def test_unreadable_payload_is_skipped(drafts: DraftStore, database: Database) -> None:
    from kbdesk.models import EditDraft

    with database.session() as session:
        session.add(EditDraft(author="Ева", draft_key="broken", payload="{not json"))
    with pytest.raises(ValueError):
        drafts.get("Ева", "broken")
    assert drafts.list("Ева") == []


# -- diff and merge ----------------------------------------------------------------------------


def test_merge_takes_both_sides_when_they_change_different_lines() -> None:
    base = "один\nдва\nтри\nчетыре\nпять"
    mine = "ОДИН\nдва\nтри\nчетыре\nпять"
    theirs = "один\nдва\nтри\nчетыре\nПЯТЬ\nшесть"
    result = merge3(base, mine, theirs)
    assert result.conflicts == 0
    assert result.text == "ОДИН\nдва\nтри\nчетыре\nПЯТЬ\nшесть"


def test_merge_marks_overlapping_changes_and_loses_nothing() -> None:
    base = "один\nдва\nтри"
    result = merge3(base, "один\nмоё\nтри", "один\nих\nтри", theirs_label="Ева")
    assert result.conflicts == 1
    assert "моё" in result.text and "их" in result.text
    assert has_conflict_markers(result.text)
    assert result.text.splitlines()[1] == "<<<<<<< yours"
    assert result.text.splitlines()[-2] == ">>>>>>> Ева"


def test_merge_of_identical_changes_is_clean() -> None:
    assert merge3("a\nb", "a\nc", "a\nc").text == "a\nc"
    assert merge3("a\nb\nc\nd", "a\nX\nc\nd", "a\nX\nc\nd").conflicts == 0
    assert merge3("a", "a", "b").text == "b"
    assert merge3("a", "b", "a").text == "b"


def test_merge_items_field_by_field() -> None:
    base = ITEM
    mine = replace(ITEM, title="Мой заголовок", body="Первая!\nВторая строка")
    theirs = replace(ITEM, tags=("возврат",), body="Первая строка\nВторая строка\nТретья")
    merged = merge_items(base, mine, theirs)
    assert merged.item.title == "Мой заголовок"
    assert merged.item.tags == ("возврат",)
    assert merged.body_conflicts == 0
    assert merged.item.body == "Первая!\nВторая строка\nТретья"
    both = replace(ITEM, title="Их заголовок")
    assert merge_items(base, mine, both).field_conflicts == ("title",)


def test_unified_html_is_escaped_and_marks_changes() -> None:
    text = unified_html("<b>старое</b>\nобщее", "<b>новое</b>\nобщее")
    assert "&lt;b&gt;" in text and "<b>старое" not in text
    assert "−" in text and "+" in text
    assert "No differences." in unified_html("same", "same")
