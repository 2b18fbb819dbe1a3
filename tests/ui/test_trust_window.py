"""Issue 14 in the window: the publishing gate in the editor, expired answers at copy time,
feedback from the workspace to the owner's queue and back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from workspace_helpers import clipboard, events, page_of, press, select_title, type_text

from kbdesk.kb import KnowledgeBase
from kbdesk.records import ArticleRecord, EventKind, FeedbackKind, Kind, Role, Status
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor import EditorPage
from kbdesk.ui.editor.conflict import Unsaved
from kbdesk.ui.editor.feedback_panel import FeedbackListModel
from kbdesk.ui.editor.gate import PublishGateDialog
from kbdesk.ui.editor.list_model import FEEDBACK, QUEUE, RECORD_ROLE, ArticleListModel
from kbdesk.ui.main_window import MainWindow
from kbdesk.ui.workspace.feedback_dialog import FeedbackDialog

CTRL = Qt.KeyboardModifier.ControlModifier
BROKEN = "Здравствуйте, {{name !}}!\n\n:::fax\nФакс.\n:::"
ARTICLE = "account-deletion"


@pytest.fixture(autouse=True)
def _no_blocking_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kbdesk.ui.editor.page.ask_unsaved", lambda *_: Unsaved.DISCARD)


def answer_gate(
    monkeypatch: pytest.MonkeyPatch, act: Callable[[PublishGateDialog], None]
) -> list[PublishGateDialog]:
    """The publishing gate's dialog, answered as a person would, once shown."""
    shown: list[PublishGateDialog] = []

    def run(dialog: PublishGateDialog) -> int:
        shown.append(dialog)
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(PublishGateDialog, "exec", run)
    return shown


def editor_page(qtbot: QtBot, context: AppContext) -> EditorPage:
    page = EditorPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def new_broken_template(page: EditorPage) -> None:
    page.new_item()
    type_text(page.form.title, "Сломанный шаблон")
    page.form.kind.setCurrentIndex(page.form.kind.findData(Kind.TEMPLATE.value))
    page.form.set_status(Status.PUBLISHED.value)
    page.source.setPlainText(BROKEN)


def test_a_broken_template_is_refused_and_saved_as_a_draft_on_request(
    qtbot: QtBot,
    make_context: Callable[..., AppContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = make_context("Эдик", Role.EDITOR)
    page = editor_page(qtbot, context)
    shown = answer_gate(monkeypatch, lambda dialog: dialog.draft_button.click())
    new_broken_template(page)
    lines: list[int] = []
    page.saver.line_requested.connect(lines.append)
    assert page.save()
    dialog = shown[0]
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("line 1" in text and "name" in text for text in texts), texts
    assert any("unknown channel" in text for text in texts), texts
    assert dialog.override_button.isHidden()  # an editor cannot publish over the gate
    record = context.desk.content.get_by_slug(page.form.slug.text())
    assert record is not None and record.status == Status.DRAFT
    assert page.form.status.currentData() == Status.DRAFT.value
    assert "draft" in page.session.message
    assert lines == []  # a draft was chosen: the cursor stays where it was


def test_cancel_goes_to_the_first_problem_and_saves_nothing(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = editor_page(qtbot, context)
    answer_gate(monkeypatch, lambda dialog: dialog.reject())
    new_broken_template(page)
    lines: list[int] = []
    page.saver.line_requested.connect(lines.append)
    assert not page.save()
    assert lines == [1] and page.session.message_is_error
    assert context.desk.content.get_by_slug(page.form.slug.text()) is None


def test_a_lead_publishes_anyway_with_a_reason_kept_in_history(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def publish_anyway(dialog: PublishGateDialog) -> None:
        assert not dialog.override_button.isHidden() and not dialog.override_button.isEnabled()
        type_text(dialog.reason, "акция до полуночи")
        assert dialog.override_button.isEnabled()
        dialog.override_button.click()

    page = editor_page(qtbot, context)
    answer_gate(monkeypatch, publish_anyway)
    new_broken_template(page)
    changed: list[list[int]] = []
    context.content_changed.connect(changed.append)
    assert page.save()
    record = context.desk.content.get_by_slug(page.form.slug.text())
    assert record is not None and record.status == Status.PUBLISHED
    note = context.desk.content.revisions(record.id)[0].note
    assert "акция до полуночи" in note and context.operator in note
    assert changed == [[record.id]]


def expire(context: AppContext, slug: str, owner: str = "Анна") -> ArticleRecord:
    record = context.desk.content.get_by_slug(slug)
    assert record is not None
    item = replace(record.to_item(), valid_until=date.today() - timedelta(days=1), owner=owner)
    return context.desk.content.save(item, context.operator).record


def test_copying_an_expired_answer_asks_once_more_and_is_counted(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample_kb: KnowledgeBase
) -> None:
    record = expire(context, ARTICLE)
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    type_text(page.search_box, "удаление аккаунта")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, record.title)
    qtbot.waitUntil(lambda: page.pane.trust.isVisible())
    assert "Expired on" in page.pane.trust.text()
    QApplication.clipboard().clear()
    press(Qt.Key.Key_Return, CTRL)
    assert "again" in window.statusBar().currentMessage()
    assert EventKind.COPY.value not in [e.kind for e in events(sample_kb)]
    press(Qt.Key.Key_Return, CTRL)  # the same key again: copied, and counted
    assert clipboard()[0]
    kinds = [e.kind for e in events(sample_kb) if e.article_id == record.id]
    assert kinds.count(EventKind.COPY.value) == 1  # a copy like any other for the dashboard
    queue = context.desk.content.queue(owner="Анна")
    assert [(e.record.slug, e.expired_copies) for e in queue if e.record.id == record.id] == [
        (ARTICLE, 1)
    ]


def test_feedback_goes_to_the_owners_queue_and_comes_back_handled(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = context.desk.content.get_by_slug(ARTICLE)
    assert record is not None
    context.desk.content.save(replace(record.to_item(), owner="Анна"), context.operator)

    def answer(dialog: FeedbackDialog) -> int:
        dialog.show()
        type_text(dialog.comment, "2")  # a digit in the empty comment chooses "wrong"
        type_text(dialog.comment, "срок теперь 45 дней")
        assert dialog.kind is FeedbackKind.WRONG
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(FeedbackDialog, "exec", answer)
    page = page_of(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    press(Qt.Key.Key_F3)  # chat
    type_text(page.search_box, "удаление аккаунта")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, record.title)
    press(Qt.Key.Key_F9)
    sent = context.desk.feedback.for_items([record.id])
    assert [(f.kind, f.comment, f.query, f.channel) for f in sent] == [
        ("wrong", "срок теперь 45 дней", "удаление аккаунта", "chat")
    ]
    assert sent[0].contact == page.session.contact_id
    qtbot.waitUntil(lambda: "waiting for the owner" in page.pane.trust.text())

    # The owner's queue on the editor page: the item with its count; handled from there.
    editor = window.pages["editor"]
    assert isinstance(editor, EditorPage)
    window.show_page("editor")
    qtbot.waitUntil(lambda: editor.items.model.rowCount() > 0)
    editor.show_queue()
    proxy = editor.items.proxy
    rows = [proxy.index(row, 0).data(RECORD_ROLE).slug for row in range(proxy.rowCount())]
    assert rows == [ARTICLE]
    assert proxy.index(0, FEEDBACK).data() == "1"
    assert editor.open_article(record.id)
    assert editor.feedback.isVisible() and editor.feedback.model.rowCount() == 1
    type_text(editor.feedback.note, "исправлено")
    editor.feedback.handle_button.click()
    assert not editor.feedback.isVisible()
    assert context.desk.feedback.open_counts() == {}

    # The operator sees it handled once the contact ends (F8: next client).
    window.show_page("workspace")
    page.contacts.next_client()
    handled = context.desk.feedback.sent_by(context.operator)[0]
    assert handled.handled and handled.handled_note == "исправлено"
    type_text(page.search_box, "удаление аккаунта")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, record.title)
    qtbot.waitUntil(lambda: "handled by" in page.pane.trust.text())
    assert "исправлено" in page.pane.trust.text()


def test_the_new_models_pass_the_model_tester(qtmodeltester, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    record = context.desk.content.list()[0]
    context.desk.feedback.send(record.id, "Оля", "outdated", "старое")
    feedback = FeedbackListModel()
    feedback.set_feedback(context.desk.feedback.for_items([record.id]))
    qtmodeltester.check(feedback)
    articles = ArticleListModel()
    articles.set_records(context.desk.content.list())
    articles.set_feedback(context.desk.feedback.open_counts())
    qtmodeltester.check(articles)
    assert articles.index(articles.row_of(record.id) or 0, FEEDBACK).data() == "1"
    assert QUEUE == "queue"
