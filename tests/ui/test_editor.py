"""The editor as an editor uses it: pick an item, type, save, validate, switch, close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kbdesk.records import Kind, Status
from kbdesk.search import SearchRequest
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor import EditorPage
from kbdesk.ui.editor.conflict import Unsaved
from kbdesk.ui.editor.gate import PublishChoice, PublishDecision
from kbdesk.ui.editor.list_model import RECORD_ROLE
from kbdesk.ui.main_window import MainWindow


def _publish_anyway(*_args: object) -> PublishDecision:
    """These tests append text to the sample template `cold-food`, whose text ends in the
    closing ':::' of its email block, so the block is no longer closed; as a team lead the test
    publishes over the publishing gate (issue 14), which is what it did silently before."""
    return PublishDecision(PublishChoice.OVERRIDE, "tests edit the closing ':::' line")



@pytest.fixture(autouse=True)
def _no_blocking_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A prompt nobody answers would hang the run when the test's widgets are closed."""
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_unsaved", lambda *_: Unsaved.DISCARD)
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_publish", _publish_anyway)


@pytest.fixture
def page(qtbot, context: AppContext) -> EditorPage:  # type: ignore[no-untyped-def]
    editor = EditorPage(context)
    qtbot.addWidget(editor)
    editor.resize(1300, 800)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard does, Cyrillic included (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def choose_in_list(qtbot, page: EditorPage, words: str) -> int:  # type: ignore[no-untyped-def]
    """Filter the list as a person would and click the first row; returns its article id."""
    page.items.filter_box.clear()
    type_text(page.items.filter_box, words)
    table = page.items.table
    assert page.items.proxy.rowCount() >= 1
    index = page.items.proxy.index(0, 0)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return index.data(RECORD_ROLE).id


def type_at_end(qtbot, page: EditorPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.source.setFocus()
    page.source.moveCursor(page.source.textCursor().MoveOperation.End)
    type_text(page.source, text)


def test_edit_save_records_a_revision_and_updates_the_index(
    qtbot, page: EditorPage, context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    store = context.desk.content
    article_id = choose_in_list(qtbot, page, "холодной")
    assert page.article_id == article_id
    before = store.revisions(article_id)
    type_at_end(qtbot, page, " Гипербореец.")
    assert page.is_dirty()
    assert page.editor.heading.text().startswith("●")
    qtbot.keyClick(page.source, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.is_dirty()
    after = store.revisions(article_id)
    assert len(after) == len(before) + 1
    assert after[0].author == context.operator
    assert after[0].item.body.endswith("Гипербореец.")
    assert store.get(article_id).version == after[0].number
    # The index follows at once: the new word is found without any rebuild.
    result = context.desk.answers.search(SearchRequest("гипербореец"))
    assert [hit.id for hit in result.hits] == [article_id]
    assert "revision" in page.editor.message.text()


def test_saving_keeps_the_cursor_and_undo(qtbot, page: EditorPage, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    choose_in_list(qtbot, page, "холодной")
    type_at_end(qtbot, page, "xyz")
    position = page.source.textCursor().position()
    assert page.save()
    assert page.source.textCursor().position() == position
    assert page.source.document().isUndoAvailable()


def test_new_item_validates_before_saving(qtbot, page: EditorPage, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    store = context.desk.content
    count = store.count()
    qtbot.keyClick(page.source, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.article_id is None
    assert not page.save()
    assert page.form.title_error.isVisible()
    assert store.count() == count
    type_text(page.form.title, "Возврат за отменённый заказ")
    assert page.form.slug.text() == "возврат-за-отменённый-заказ"
    page.form.slug.clear()
    qtbot.keyClicks(page.form.slug, "cold-food")  # taken by another item
    type_at_end(qtbot, page, "Текст статьи.")
    assert not page.save()
    assert "already uses" in page.form.slug_error.text()
    page.form.slug.clear()
    qtbot.keyClicks(page.form.slug, "bad slug/with spaces")
    assert not page.save()
    assert page.form.slug_error.isVisible()
    page.form.slug.clear()
    qtbot.keyClicks(page.form.slug, "refund-cancelled")
    assert page.save()
    record = store.get_by_slug("refund-cancelled")
    assert record is not None and record.status == Status.DRAFT
    assert record.owner == context.operator
    assert page.article_id == record.id and store.count() == count + 1
    assert page.items.model.row_of(record.id) is not None


def test_tags_complete_after_a_comma(qtbot, page: EditorPage, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    completer = page.form.tag_completer
    tags = context.desk.content.tags()
    assert completer.model().rowCount() == len(tags)
    assert completer.splitPath("доставка, кур") == ["кур"]
    page.form.tags.setText("доставка, кур")
    index = completer.model().index(tags.index(next(t for t in tags if "кур" in t)), 0)
    assert completer.pathFromIndex(index).startswith("доставка, ")


def test_switching_with_unsaved_changes_asks(
    qtbot, page: EditorPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    first = choose_in_list(qtbot, page, "холодной")
    type_at_end(qtbot, page, " правка")
    answers = [Unsaved.CANCEL]
    monkeypatch.setattr(page, "_ask_unsaved", lambda: answers.pop(0))
    other = context.desk.content.get_by_slug("delivery-late")
    assert other is not None
    assert not page.open_article(other.id)
    assert page.article_id == first and page.is_dirty()
    # The list highlight goes back to the open item.
    qtbot.waitUntil(lambda: page.items.table.currentIndex().data(RECORD_ROLE).id == first)
    answers.append(Unsaved.DISCARD)
    assert page.open_article(other.id)
    assert page.article_id == other.id and not page.is_dirty()
    assert "правка" not in context.desk.content.get(first).body
    assert page.drafts.list(context.operator) == []


def test_save_answer_saves_before_switching(
    qtbot, page: EditorPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    first = choose_in_list(qtbot, page, "холодной")
    type_at_end(qtbot, page, " сохранить")
    monkeypatch.setattr(page, "_ask_unsaved", lambda: Unsaved.SAVE)
    choose_in_list(qtbot, page, "опоздание")
    assert page.article_id != first
    assert context.desk.content.get(first).body.endswith(" сохранить")


def test_window_close_is_vetoed_on_cancel(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = window.pages["editor"]
    assert isinstance(page, EditorPage)
    record = window.context.desk.content.get_by_slug("cold-food")
    assert record is not None
    window.context.edit_requested.emit(record.id)
    assert window.tabs.currentWidget() is page and page.article_id == record.id
    type_at_end(qtbot, page, "!")
    monkeypatch.setattr(page, "_ask_unsaved", lambda: Unsaved.CANCEL)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(page, "_ask_unsaved", lambda: Unsaved.DISCARD)
    assert window.close()


def test_draft_requested_opens_a_new_template(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.pages["editor"]
    assert isinstance(page, EditorPage)
    window.context.draft_requested.emit("Ответ про доставку", "Здравствуйте, {{имя}}!")
    assert page.article_id is None and page.form.title.text() == "Ответ про доставку"
    assert page.form.kind.currentData() == Kind.TEMPLATE
    assert page.is_dirty()
    assert page.preview.placeholders.count() == 1


def test_preview_waits_for_a_pause_in_typing(
    qtbot, page: EditorPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    record = context.desk.content.get_by_slug("delivery-zones")
    assert record is not None and not record.is_template
    page.open_article(record.id)
    calls: list[str] = []
    original = page.preview.show_article
    monkeypatch.setattr(
        page.preview, "show_article", lambda body, ok: (calls.append(body), original(body, ok))
    )
    big = ("Абзац про доставку и курьеров. " * 30 + "\n\n") * 55
    page.source.setPlainText(big)  # about 50 KB
    calls.clear()
    page.source.setFocus()
    for _ in range(3):
        type_text(page.source, "абв")
    assert calls == []  # nothing re-rendered per keystroke
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=2000)
    assert QApplication.focusWidget() is page.source
