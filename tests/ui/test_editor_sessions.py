"""Two editors on one database, crash recovery, history and who may edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from test_editor import type_text

from kbdesk.db import Database
from kbdesk.diffing import MINE_MARKER
from kbdesk.drafts import DraftStore
from kbdesk.kb import KnowledgeBase
from kbdesk.models import Role
from kbdesk.services import Desk
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor import EditorPage
from kbdesk.ui.editor.conflict import ConflictChoice, ConflictDialog, Unsaved
from kbdesk.ui.editor.gate import PublishChoice, PublishDecision
from kbdesk.ui.editor.history import HistoryDialog


def _publish_anyway(*_args: object) -> PublishDecision:
    """These tests append text to the sample template `cold-food`, whose text ends in the
    closing ':::' of its email block, so the block is no longer closed; as a team lead the test
    publishes over the publishing gate (issue 14), which is what it did silently before."""
    return PublishDecision(PublishChoice.OVERRIDE, "tests edit the closing ':::' line")



@pytest.fixture(autouse=True)
def _no_blocking_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_unsaved", lambda *_: Unsaved.DISCARD)
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_publish", _publish_anyway)


@pytest.fixture
def make_page(qtbot) -> Callable[[AppContext], EditorPage]:  # type: ignore[no-untyped-def]
    def make(context: AppContext) -> EditorPage:
        page = EditorPage(context)
        qtbot.addWidget(page)
        page.show()
        return page

    return make


@pytest.fixture
def other_context(sample_kb: KnowledgeBase, tmp_path: Path) -> Iterator[AppContext]:
    """A second running app (its own engine and index) on the same SQLite file."""
    sample_kb.store.operator("Борис")
    sample_kb.store.set_role("Борис", Role.EDITOR)
    kb = KnowledgeBase(Database(sample_kb.db.url), tmp_path / "index-other")
    kb.rebuild()
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    settings.setValue("operator/name", "Борис")
    yield AppContext(Desk(kb), settings, tmp_path)
    kb.close()


def prepend(page: EditorPage, text: str) -> None:
    page.source.setFocus()
    page.source.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(page.source, text)


def append(page: EditorPage, text: str) -> None:
    page.source.setFocus()
    page.source.moveCursor(QTextCursor.MoveOperation.End)
    type_text(page.source, text)


def answer_conflicts(monkeypatch: pytest.MonkeyPatch, *choices: ConflictChoice) -> list:
    """Answer the conflict dialog without showing it; returns the dialogs shown."""
    shown: list[ConflictDialog] = []
    answers = list(choices)

    def exec_(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.choose(answers.pop(0))
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


# -- conflicts between two sessions ------------------------------------------------------------


def test_second_save_is_a_conflict_and_merge_keeps_both(
    context: AppContext,
    other_context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    mine, theirs = make_page(context), make_page(other_context)
    assert mine.open_article(record.id) and theirs.open_article(record.id)
    prepend(theirs, "Правка Бориса. ")
    assert theirs.save()
    append(mine, " Правка Анны.")
    shown = answer_conflicts(monkeypatch, ConflictChoice.CANCEL, ConflictChoice.MERGE)
    assert not mine.save()
    assert len(shown) == 1
    dialog = shown[0]
    assert "Борис" in dialog.summary.text()
    assert "Правка Бориса" in dialog.theirs_text.toPlainText()
    assert "Правка Анны" in dialog.mine_text.toPlainText()
    assert "Правка" in dialog.diff.toPlainText()
    stored = context.desk.content.get(record.id)
    assert stored.version == record.version + 1 and "Анны" not in stored.body  # not overwritten
    assert mine.is_dirty()
    assert not mine.save()  # merge: both edits are in the editor, nothing saved yet
    body = mine.source.toPlainText()
    assert body.startswith("Правка Бориса.") and body.endswith("Правка Анны.")
    assert mine.is_dirty() and mine.base_version == record.version + 1
    assert mine.save()
    stored = context.desk.content.get(record.id)
    assert stored.version == record.version + 2
    assert stored.body.startswith("Правка Бориса.") and stored.body.endswith("Правка Анны.")


def test_overwrite_keeps_theirs_in_history(
    context: AppContext,
    other_context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    mine, theirs = make_page(context), make_page(other_context)
    mine.open_article(record.id)
    theirs.open_article(record.id)
    prepend(theirs, "Их начало. ")
    theirs.save()
    prepend(mine, "Моё начало. ")
    answer_conflicts(monkeypatch, ConflictChoice.OVERWRITE)
    assert mine.save()
    stored = context.desk.content.get(record.id)
    assert stored.body.startswith("Моё начало.") and "Их начало" not in stored.body
    revisions = context.desk.content.revisions(record.id)
    assert revisions[1].author == "Борис" and revisions[1].item.body.startswith("Их начало.")


def test_overlapping_merge_is_marked_and_cannot_be_saved_until_resolved(
    context: AppContext,
    other_context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    mine, theirs = make_page(context), make_page(other_context)
    mine.open_article(record.id)
    theirs.open_article(record.id)
    prepend(theirs, "Их. ")
    theirs.save()
    prepend(mine, "Моё. ")
    answer_conflicts(monkeypatch, ConflictChoice.MERGE)
    assert not mine.save()
    body = mine.source.toPlainText()
    assert body.startswith(MINE_MARKER) and "Их. " in body and "Моё. " in body
    assert not mine.save()  # markers left: refused with a message
    assert "conflict" in mine.editor.message.text()
    assert context.desk.content.get(record.id).version == record.version + 1
    resolved = "\n".join(
        line for line in body.split("\n") if not line.startswith(("<<<<", "====", ">>>>"))
    )
    mine.source.setPlainText(resolved)
    assert mine.save()
    assert context.desk.content.get(record.id).version == record.version + 2


def test_take_theirs_drops_mine(
    context: AppContext,
    sample_kb: KnowledgeBase,
    other_context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = context.desk.content.get_by_slug("delivery-zones")
    assert record is not None
    mine, theirs = make_page(context), make_page(other_context)
    mine.open_article(record.id)
    theirs.open_article(record.id)
    append(theirs, " их")
    theirs.save()
    append(mine, " моё")
    answer_conflicts(monkeypatch, ConflictChoice.THEIRS)
    assert mine.save()
    assert not mine.is_dirty() and mine.source.toPlainText().endswith(" их")
    assert DraftStore(sample_kb.db).list(context.operator) == []


# -- crash recovery ----------------------------------------------------------------------------


def leave_the_editor(page: EditorPage) -> None:
    """Focus moves elsewhere (sent directly: offscreen windows are never active)."""
    event = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.MouseFocusReason)
    QApplication.sendEvent(page.source, event)


def crash(page: EditorPage) -> None:
    """Drop the page the way a power cut does: no closing, no prompt, no save."""
    page.hide()
    page.setParent(None)
    page.deleteLater()
    QApplication.processEvents()


def test_draft_is_offered_back_after_a_crash(
    qtbot, context: AppContext, make_page: Callable[[AppContext], EditorPage]
) -> None:  # type: ignore[no-untyped-def]
    store = context.desk.content
    record = store.get_by_slug("cold-food")
    assert record is not None
    page = EditorPage(context, autosave_idle_ms=20)  # the idle time, shortened for the test
    qtbot.addWidget(page)
    page.show()
    page.open_article(record.id)
    # Nothing but the idle timer: once typing pauses the editor asks for the autosave, which
    # has run when the signal arrives here (the page's slot was connected first).
    with qtbot.waitSignal(page.editor.autosave_due, timeout=5000):
        append(page, " Несохранённый хвост.")
    assert page.drafts.get(context.operator, "cold-food") is not None
    crash(page)
    assert store.get(record.id).version == record.version  # nothing saved
    again = make_page(context)
    assert again.recovery.isVisible()
    assert again.recovery.drafts.count() == 1
    qtbot.mouseClick(again.recovery.restore_button, Qt.MouseButton.LeftButton)
    assert again.article_id == record.id and again.base_version == record.version
    assert again.is_dirty()
    assert again.source.toPlainText().endswith(" Несохранённый хвост.")
    assert not again.recovery.isVisible()
    assert again.save()
    assert store.get(record.id).body.endswith(" Несохранённый хвост.")
    assert again.drafts.list(context.operator) == []


def test_new_item_draft_is_saved_on_focus_loss_and_recovered(
    qtbot, context: AppContext, make_page: Callable[[AppContext], EditorPage]
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(context)
    page.new_item()
    type_text(page.form.title, "Новая статья")
    append(page, "Черновик текста.")
    leave_the_editor(page)
    qtbot.waitUntil(lambda: len(page.drafts.list(context.operator)) == 1, timeout=2000)
    crash(page)
    again = make_page(context)
    key = again.recovery.current_key()
    assert key is not None and key.startswith("new:")
    assert again.restore_draft(key)
    assert again.article_id is None and again.form.title.text() == "Новая статья"
    assert again.form.slug.text() == "новая-статья"
    assert again.save()
    created = context.desk.content.get_by_slug("новая-статья")
    assert created is not None and created.body == "Черновик текста."


def test_draft_of_an_item_changed_since_still_conflicts(
    qtbot,
    context: AppContext,
    sample_kb: KnowledgeBase,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    page = make_page(context)
    page.open_article(record.id)
    append(page, " мой хвост")
    leave_the_editor(page)
    qtbot.waitUntil(
        lambda: page.drafts.get(context.operator, "cold-food") is not None, timeout=2000
    )
    crash(page)
    item = context.desk.content.get(record.id).to_item()
    from dataclasses import replace

    sample_kb.store.operator("Борис")
    sample_kb.store.set_role("Борис", Role.EDITOR)
    context.desk.content.save(replace(item, title="Новое название"), "Борис")
    again = make_page(context)
    assert again.open_article(record.id)  # opening the item brings the draft back too
    assert again.base_version == record.version
    assert "version" in again.editor.message.text()
    shown = answer_conflicts(monkeypatch, ConflictChoice.MERGE)
    assert not again.save()
    assert len(shown) == 1
    assert again.form.title.text() == "Новое название"  # their title, my body
    assert again.source.toPlainText().endswith(" мой хвост")
    assert again.save()


# -- history -----------------------------------------------------------------------------------


def test_restore_from_history_adds_a_revision(
    context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = context.desk.content
    record = store.get_by_slug("delivery-zones")
    assert record is not None
    page = make_page(context)
    page.open_article(record.id)
    append(page, " первая правка")
    page.save()
    append(page, " вторая правка")
    page.save()
    seen: dict[str, str] = {}

    def exec_(dialog: HistoryDialog) -> int:
        model = dialog.model
        assert model.rowCount() == 3
        assert model.revision(0).author == context.operator
        seen["default"] = dialog.compared.text()
        dialog.select_rows([0, 2])
        seen["pair"] = dialog.compared.text()
        dialog.select_rows([2])  # the oldest
        seen["diff"] = dialog.diff.toPlainText()
        dialog.restore_button.click()
        seen["after"] = str(model.rowCount())
        return 0

    monkeypatch.setattr(HistoryDialog, "exec", exec_)
    page.history_action.trigger()
    first = record.version
    assert seen["default"] == f"Changes from revision {first + 1} to revision {first + 2}"
    assert seen["pair"] == f"Changes from revision {first} to revision {first + 2}"
    assert "вторая правка" not in seen["diff"] or "revision" in seen["diff"]
    assert seen["after"] == "4"
    latest = store.revisions(record.id)[0]
    assert latest.note == f"restored revision {first}" and latest.author == context.operator
    assert store.get(record.id).body == record.body
    assert page.source.toPlainText() == record.body and not page.is_dirty()


# -- roles -------------------------------------------------------------------------------------


def test_operator_cannot_save_even_on_the_page(
    make_context: Callable[..., AppContext],
    make_page: Callable[[AppContext], EditorPage],
    sample_kb: KnowledgeBase,
) -> None:
    context = make_context("Оля", Role.OPERATOR)
    page = make_page(context)
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    page.open_article(record.id)
    assert page.source.isReadOnly() and page.form.title.isReadOnly()
    assert not page.save_action.isEnabled()
    assert not any(action.isEnabled() for action in page.file_actions())
    page.source.setPlainText("Переписано оператором")  # even if the widgets were bypassed
    assert not page.save()
    assert "Operators" in page.editor.message.text()
    assert context.desk.content.get(record.id).version == record.version
    assert not page.transfer.start_import([Path("/nonexistent")])
    with pytest.raises(PermissionError):
        context.desk.drafts.save("Оля", "x", record.to_item())
    assert context.desk.drafts.list("Оля") == []


def test_editor_demoted_while_the_page_is_open_is_refused(
    context: AppContext,
    make_page: Callable[[AppContext], EditorPage],
    sample_kb: KnowledgeBase,
) -> None:
    page = make_page(context)
    record = context.desk.content.get_by_slug("cold-food")
    assert record is not None
    page.open_article(record.id)
    append(page, " ещё")
    sample_kb.store.set_role(context.operator, Role.OPERATOR)  # a lead elsewhere demotes
    assert context.can_edit  # this window has not noticed yet...
    assert not page.save()  # ...but the save path checks the database
    assert context.desk.content.get(record.id).version == record.version
