"""The edit session with its saver and draft keeper, without a single widget.

What is being edited (record, base version, draft key, unsaved changes, messages) lives in an
`EditSession`; `ItemSaver` and `DraftKeeper` change it through the services. These tests drive
them directly, as the page does, and check the state and the signals the widgets follow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest

from kbdesk.content import ContentItem
from kbdesk.diffing import MINE_MARKER
from kbdesk.kb import KnowledgeBase
from kbdesk.records import ArticleRecord, ConflictError, Kind, Role, Status
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.autosave import DraftKeeper
from kbdesk.ui.editor.conflict import ConflictChoice
from kbdesk.ui.editor.gate import PublishChoice, PublishDecision
from kbdesk.ui.editor.saving import ItemSaver
from kbdesk.ui.editor.session import EditSession

OTHER = "Борис"


@dataclass
class Seen:
    """Every signal of a session (and the saver's merges), in order."""

    events: list[str] = field(default_factory=list)
    loaded: list[tuple[ContentItem, bool]] = field(default_factory=list)
    dirty: list[bool] = field(default_factory=list)
    merged: list[int] = field(default_factory=list)


@dataclass
class Editing:
    context: AppContext
    session: EditSession
    keeper: DraftKeeper
    saver: ItemSaver
    seen: Seen
    choices: list[ConflictChoice]
    asked: list[ConflictError]

def _publish_anyway(*_args: object) -> PublishDecision:
    """These tests append text to the sample template `cold-food`, whose text ends in the
    closing ':::' of its email block, so the block is no longer closed; as a team lead the test
    publishes over the publishing gate (issue 14), which is what it did silently before."""
    return PublishDecision(PublishChoice.OVERRIDE, "tests edit the closing ':::' line")



@pytest.fixture
def make_editing(context: AppContext) -> Callable[[], Editing]:
    def make() -> Editing:
        session = EditSession(context.operator)
        keeper = DraftKeeper(session, context)
        choices: list[ConflictChoice] = []
        asked: list[ConflictError] = []

        def ask(conflict: ConflictError, _mine: ContentItem) -> ConflictChoice:
            asked.append(conflict)
            return choices.pop(0)

        saver = ItemSaver(session, context, keeper, ask, ask_publish=_publish_anyway)
        seen = Seen()
        session.opened.connect(lambda: seen.events.append("opened"))
        session.loaded.connect(
            lambda item, auto: (seen.events.append("loaded"), seen.loaded.append((item, auto)))
        )
        session.saved.connect(lambda _baseline: seen.events.append("saved"))
        session.dirty_changed.connect(lambda dirty: seen.dirty.append(dirty))
        saver.merged.connect(lambda version, _merge: seen.merged.append(version))
        return Editing(context, session, keeper, saver, seen, choices, asked)

    return make


@pytest.fixture
def editing(make_editing: Callable[[], Editing]) -> Editing:
    return make_editing()


@pytest.fixture
def cold_food(context: AppContext) -> ArticleRecord:
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    return record


def save_elsewhere(
    context: AppContext, sample_kb: KnowledgeBase, record: ArticleRecord, **changes: str
) -> ArticleRecord:
    """Another editor saves the item meanwhile (straight through the service)."""
    sample_kb.store.operator(OTHER)
    sample_kb.store.set_role(OTHER, Role.EDITOR)
    current = context.desk.content.get(record.id)
    return context.desk.content.save(replace(current.to_item(), **changes), OTHER).record


# -- loading and editing -----------------------------------------------------------------------


def test_loading_a_record_opens_it_clean(editing: Editing, cold_food: ArticleRecord) -> None:
    session = editing.session
    session.show_message("old", error=True)
    session.load_record(cold_food)
    assert session.record == cold_food and session.article_id == cold_food.id
    assert session.base_version == cold_food.version and session.draft_key == cold_food.slug
    assert session.baseline == cold_food.to_item() and not session.is_new
    assert not session.dirty and editing.seen.dirty == []
    assert session.message == "" and not session.message_is_error
    # The whole state is set before anyone hears of it; the widgets get the item last.
    assert editing.seen.events == ["opened", "loaded"]
    assert editing.seen.loaded == [(cold_food.to_item(), False)]


def test_a_new_item_is_a_draft_of_its_writer(editing: Editing, context: AppContext) -> None:
    session = editing.session
    session.start_new(ContentItem(slug="x", title="Икс", kind=Kind.TEMPLATE.value), "new:1")
    assert session.is_new and session.article_id is None and session.base_version is None
    assert session.draft_key == "new:1"
    assert session.baseline.status == Status.DRAFT and session.baseline.owner == context.operator
    item, slug_auto = editing.seen.loaded[-1]
    assert slug_auto and item.title == "Икс" and item.kind == Kind.TEMPLATE
    assert session.dirty  # something is typed already: it is not saved


def test_an_edit_marks_unsaved_until_typed_back(editing: Editing, cold_food: ArticleRecord) -> None:
    session = editing.session
    session.load_record(cold_food)
    session.mark_edited()
    session.mark_edited()
    assert session.dirty and editing.seen.dirty == [True]  # told once, not per keystroke
    edited = replace(cold_food.to_item(), body=cold_food.body + " правка")
    assert session.compare_with_saved(edited)
    assert not session.compare_with_saved(cold_food.to_item())
    assert editing.seen.dirty == [True, False]
    session.compare_with_saved(edited)
    session.revert()
    assert not session.dirty and editing.seen.loaded[-1] == (cold_food.to_item(), False)
    assert session.article_id == cold_food.id and editing.seen.events.count("opened") == 1


def test_read_only_and_messages_are_announced(editing: Editing) -> None:
    session = editing.session
    changes: list[object] = []
    session.read_only_changed.connect(changes.append)
    session.message_changed.connect(lambda text, error: changes.append((text, error)))
    session.set_read_only(True)
    session.show_message("Не сохранено.", error=True)
    session.append_message("Ещё.")
    assert session.read_only and session.message == "Не сохранено. Ещё."
    assert changes == [True, ("Не сохранено.", True), ("Не сохранено. Ещё.", True)]


# -- saving ------------------------------------------------------------------------------------


def test_saving_makes_the_new_revision_the_base(editing: Editing, cold_food: ArticleRecord) -> None:
    context, session, saver = editing.context, editing.session, editing.saver
    session.load_record(cold_food)
    edited = replace(cold_food.to_item(), body=cold_food.body + " правка")
    session.compare_with_saved(edited)
    saving_seen: list[bool] = []
    context.content_changed.connect(lambda _ids: saving_seen.append(saver.saving))
    assert saver.save(edited)
    assert saving_seen == [True] and not saver.saving  # our own save, not someone else's
    stored = context.desk.content.get(cold_food.id)
    assert stored.body.endswith(" правка") and stored.version == cold_food.version + 1
    assert session.base_version == stored.version and session.record == stored
    assert session.baseline == edited and not session.dirty
    assert editing.seen.events[-2:] == ["opened", "saved"]
    assert session.message == f"Saved as revision {stored.version}."
    assert saver.save(edited)  # the same text again: no new revision
    assert session.message == "Nothing changed: no new revision."
    assert context.desk.content.get(cold_food.id).version == stored.version


def test_a_new_item_gets_its_id_and_its_drafts_go(editing: Editing, context: AppContext) -> None:
    session, keeper = editing.session, editing.keeper
    session.start_new(ContentItem(slug="", title=""), keeper.new_key())
    typed = replace(session.baseline, slug="novaya", title="Новая", body="Текст.")
    keeper.autosave(typed)
    assert keeper.find(session.draft_key) is not None
    assert editing.saver.save(typed)
    assert session.article_id is not None and session.draft_key == "novaya"
    assert not session.is_new and context.desk.drafts.list(context.operator) == []


def test_a_marked_conflict_is_not_saved(editing: Editing, cold_food: ArticleRecord) -> None:
    lines: list[int] = []
    editing.saver.line_requested.connect(lines.append)
    editing.session.load_record(cold_food)
    body = f"{cold_food.body}\n{MINE_MARKER} yours\nмоё\n=======\nих\n>>>>>>> theirs"
    assert not editing.saver.save(replace(cold_food.to_item(), body=body))
    assert "conflicts" in editing.session.message and editing.session.message_is_error
    assert lines == [body.split("\n").index(f"{MINE_MARKER} yours") + 1]


def test_bad_fields_stop_the_save(editing: Editing, cold_food: ArticleRecord) -> None:
    checked: list[int | None] = []

    def check_fields(slug_owner: Callable[[str], int | None], own_id: int | None) -> bool:
        checked.extend([slug_owner("cold-food"), own_id])
        return False

    editing.session.load_record(cold_food)
    assert not editing.saver.save(cold_food.to_item(), check_fields)
    assert checked == [cold_food.id, cold_food.id]
    assert editing.session.message == "Fix the marked fields to save."


# -- conflicts ---------------------------------------------------------------------------------


def test_a_save_elsewhere_is_a_conflict_nothing_is_overwritten(
    editing: Editing, cold_food: ArticleRecord, sample_kb: KnowledgeBase
) -> None:
    context, session = editing.context, editing.session
    session.load_record(cold_food)
    theirs = save_elsewhere(context, sample_kb, cold_food, body="Правка Бориса.")
    mine = replace(cold_food.to_item(), body=cold_food.body + " моё")
    session.compare_with_saved(mine)
    editing.choices.append(ConflictChoice.CANCEL)
    assert not editing.saver.save(mine)
    assert [c.current.version for c in editing.asked] == [theirs.version]
    assert editing.asked[0].expected_version == cold_food.version
    assert context.desk.content.get(cold_food.id).body == "Правка Бориса."
    assert session.base_version == cold_food.version and session.dirty
    assert OTHER in session.message and session.message_is_error


def test_merge_loads_both_based_on_theirs(
    editing: Editing, cold_food: ArticleRecord, sample_kb: KnowledgeBase
) -> None:
    context, session = editing.context, editing.session
    session.load_record(cold_food)
    theirs = save_elsewhere(context, sample_kb, cold_food, body="Их начало. " + cold_food.body)
    mine = replace(cold_food.to_item(), body=cold_food.body + " Мой хвост.")
    session.compare_with_saved(mine)
    editing.choices.append(ConflictChoice.MERGE)
    assert not editing.saver.save(mine)  # merged in the editor, not saved yet
    merged, _slug_auto = editing.seen.loaded[-1]
    assert merged.body == "Их начало. " + cold_food.body + " Мой хвост."
    assert session.base_version == theirs.version and session.record == theirs
    assert session.dirty and editing.seen.merged == [theirs.version]
    draft = editing.keeper.find(session.draft_key)  # the merge is kept as a draft at once
    assert draft is not None and draft.item == merged and draft.base_version == theirs.version
    assert editing.saver.save(merged)
    stored = context.desk.content.get(cold_food.id)
    assert stored.body == merged.body and stored.version == theirs.version + 1


@pytest.mark.parametrize("choice", [ConflictChoice.OVERWRITE, ConflictChoice.THEIRS])
def test_overwrite_or_take_theirs_leaves_nothing_unsaved(
    editing: Editing,
    cold_food: ArticleRecord,
    sample_kb: KnowledgeBase,
    choice: ConflictChoice,
) -> None:
    context, session = editing.context, editing.session
    session.load_record(cold_food)
    theirs = save_elsewhere(context, sample_kb, cold_food, title="Их название")
    mine = replace(cold_food.to_item(), body="Мой текст.")
    editing.keeper.autosave(mine)
    editing.choices.append(choice)
    assert editing.saver.save(mine)
    stored = context.desk.content.get(cold_food.id)
    if choice is ConflictChoice.OVERWRITE:
        assert stored.body == "Мой текст." and stored.version == theirs.version + 1
    else:
        assert stored == theirs and session.baseline == theirs.to_item()
    assert session.base_version == stored.version and not session.dirty
    assert context.desk.drafts.list(context.operator) == []


def test_a_save_elsewhere_reloads_a_clean_item_and_warns_over_unsaved_work(
    editing: Editing, cold_food: ArticleRecord, sample_kb: KnowledgeBase
) -> None:
    context, session = editing.context, editing.session
    session.load_record(cold_food)
    first = save_elsewhere(context, sample_kb, cold_food, title="Раз")
    editing.saver.follow_saves_elsewhere([first.id])
    assert session.base_version == first.version and session.message.startswith("Updated")
    session.compare_with_saved(replace(first.to_item(), body="моё"))
    second = save_elsewhere(context, sample_kb, cold_food, title="Два")
    editing.saver.follow_saves_elsewhere([])
    assert session.base_version == first.version and session.dirty  # nothing lost
    assert f"({second.version})" in session.message and session.message_is_error


# -- drafts ------------------------------------------------------------------------------------


def test_a_draft_comes_back_in_another_session(
    make_editing: Callable[[], Editing], cold_food: ArticleRecord
) -> None:
    first = make_editing()
    first.session.load_record(cold_food)
    typed = replace(cold_food.to_item(), body=cold_food.body + " хвост")
    first.keeper.autosave(typed)
    again = make_editing()  # after a crash: a fresh session on a new item
    again.session.start_new(ContentItem(slug="", title=""), again.keeper.new_key())
    assert [d.key for d in again.keeper.offered()] == [cold_food.slug]
    draft = again.keeper.find(cold_food.slug)
    assert draft is not None
    again.keeper.restore(draft)
    session = again.session
    assert session.article_id == cold_food.id and session.base_version == cold_food.version
    assert session.draft_key == cold_food.slug and session.dirty
    assert again.seen.loaded[-1] == (typed, False)
    assert "are back" in session.message and not session.message_is_error
    assert again.keeper.offered() == []  # the open one is not offered again
    again.keeper.autosave(cold_food.to_item())  # typed back to the saved text
    assert again.keeper.find(cold_food.slug) is None


def test_a_draft_of_an_item_saved_since_keeps_its_base(
    make_editing: Callable[[], Editing], cold_food: ArticleRecord, sample_kb: KnowledgeBase
) -> None:
    first = make_editing()
    first.session.load_record(cold_food)
    first.keeper.autosave(replace(cold_food.to_item(), body="моё"))
    theirs = save_elsewhere(first.context, sample_kb, cold_food, title="Новое")
    again = make_editing()
    draft = again.keeper.find(cold_food.slug)
    assert draft is not None
    again.keeper.restore(draft)
    assert again.session.base_version == cold_food.version  # saving will show both
    assert again.session.record == theirs and again.session.message_is_error


def test_discarding_goes_back_to_the_saved_text(editing: Editing, cold_food: ArticleRecord) -> None:
    session, keeper = editing.session, editing.keeper
    session.load_record(cold_food)
    keeper.autosave(replace(cold_food.to_item(), body="моё"))
    keeper.discard_changes()
    assert keeper.find(cold_food.slug) is None
    assert session.article_id == cold_food.id and not session.dirty
    assert editing.seen.loaded[-1] == (cold_food.to_item(), False)


# -- roles -------------------------------------------------------------------------------------


def test_demoted_while_open_nothing_is_written(
    editing: Editing, cold_food: ArticleRecord, sample_kb: KnowledgeBase
) -> None:
    context, session = editing.context, editing.session
    session.load_record(cold_food)
    edited = replace(cold_food.to_item(), body="ещё")
    sample_kb.store.set_role(context.operator, Role.OPERATOR)  # a lead elsewhere demotes
    assert context.can_edit  # the window has not noticed...
    assert not editing.saver.save(edited)  # ...the saver asks the database
    assert "Operators" in session.message and session.message_is_error
    assert context.desk.content.get(cold_food.id).version == cold_food.version
    assert session.base_version == cold_food.version
    editing.keeper.autosave(edited)  # refused by the service, logged, nothing kept
    assert context.desk.drafts.list(context.operator) == []
