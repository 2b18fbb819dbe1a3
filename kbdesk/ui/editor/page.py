"""The editor page: every item on the left, the open one on the right.

What is being edited lives in an `EditSession` (`session`): the open record, the version the
edit is based on, the draft key, unsaved changes, the message. The widgets observe it; the
`ItemSaver` (saving and its conflicts) and the `DraftKeeper` (autosaved drafts and their
recovery) change it through its public methods. This module holds the layout, the actions, the
prompts that need a window (unsaved changes, history) and the list of every item.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from kbdesk.content import ContentItem, slugify
from kbdesk.diffing import ItemMerge
from kbdesk.records import Kind, NotFoundError, Status
from kbdesk.templating import parse
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.autosave import DraftKeeper
from kbdesk.ui.editor.checks import first_conflict_line
from kbdesk.ui.editor.conflict import Unsaved, ask_conflict_choice, ask_unsaved
from kbdesk.ui.editor.feedback_panel import FeedbackPanel
from kbdesk.ui.editor.gate import ask_publish
from kbdesk.ui.editor.history import HistoryDialog
from kbdesk.ui.editor.item_editor import AUTOSAVE_IDLE_MS, ItemEditor
from kbdesk.ui.editor.list_panel import ItemListPanel
from kbdesk.ui.editor.recovery import RecoveryBar
from kbdesk.ui.editor.saving import ItemSaver
from kbdesk.ui.editor.session import EditSession
from kbdesk.ui.editor.transfer_dialog import TransferController


class EditorPage(QWidget):
    modified_changed = Signal(bool)  # unsaved changes appeared or went (e.g. to mark the tab)

    def __init__(self, context: AppContext, *, autosave_idle_ms: int = AUTOSAVE_IDLE_MS) -> None:
        super().__init__()
        self.context = context
        self.content = context.desk.content
        self.drafts = context.desk.drafts
        self.session = EditSession(context.operator, self)
        self.keeper = DraftKeeper(self.session, context)
        self.saver = ItemSaver(
            self.session,
            context,
            self.keeper,
            partial(ask_conflict_choice, self),
            self,
            ask_publish=partial(ask_publish, self),
        )
        # The list of every item is loaded when the page is first shown: with thousands of
        # items it costs a second, which operators (who never see this page) must not pay.
        self._list_stale = True
        self._targets: dict[str, str] = {}
        self.items = ItemListPanel()
        self.recovery = RecoveryBar()
        self.feedback = FeedbackPanel()
        self.editor = ItemEditor(self.session, autosave_idle_ms=autosave_idle_ms)
        self.form, self.source, self.preview = (
            self.editor.form,
            self.editor.source,
            self.editor.preview,
        )
        self.transfer = TransferController(context, self)
        self._build_actions()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.recovery)
        column.addWidget(self.feedback)
        column.addWidget(self.editor, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.items)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.items.item_chosen.connect(self._on_item_chosen)
        self.session.opened.connect(self._on_session_opened)
        self.session.dirty_changed.connect(self._on_dirty_changed)
        self.saver.field_error.connect(self.form.show_error)
        self.saver.line_requested.connect(self.source.go_to_line)
        self.saver.merged.connect(self._on_merged)
        self.editor.autosave_due.connect(self._on_autosave_due)
        self.preview.kb_link.connect(self._on_link_clicked)
        self.recovery.restore_requested.connect(self.restore_draft)
        self.recovery.discard_requested.connect(self._on_recovery_discard)
        self.feedback.handle_requested.connect(self._on_feedback_handled)
        context.content_changed.connect(self._on_content_changed)
        context.operator_changed.connect(self._on_operator_changed)
        self._restore_state()
        self._start_new(ContentItem(slug="", title=""))
        self._apply_role()

    def _build_actions(self) -> None:
        def make(text: str, shortcut: str | None, slot: object, tip: str) -> QAction:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                # Only while the focus is on this page: other pages keep their own keys.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self.addAction(action)
            self.editor.toolbar.addAction(action)
            return action

        self.new_action = make(self.tr("&New"), "Ctrl+N", self._on_new, self.tr("New (Ctrl+N)"))
        self.save_action = make(
            self.tr("&Save"), "Ctrl+S", self._on_save, self.tr("Save as a new revision (Ctrl+S)")
        )
        self.discard_action = make(
            self.tr("&Discard changes"), None, self._on_discard, self.tr("Back to the saved text")
        )
        self.archive_action = make(
            self.tr("&Archive"), None, self._on_archive, self.tr("Hide it from operators")
        )
        self.history_action = make(
            self.tr("&History…"), "Ctrl+H", self._on_history, self.tr("Revisions (Ctrl+H)")
        )

    # -- what the main window calls ----------------------------------------------------------

    def file_actions(self) -> list[QAction]:
        """Import… and Export… for the File menu."""
        return self.transfer.actions()

    @property
    def article_id(self) -> int | None:
        return self.session.article_id

    @property
    def base_version(self) -> int | None:
        return self.session.base_version

    def is_dirty(self) -> bool:
        return self.session.dirty

    def open_article(self, article_id: int) -> bool:
        """Show an item for editing; False if the user chose to stay with unsaved work."""
        if article_id == self.article_id:
            self.items.select(article_id)
            return True
        if not self._confirm_leave():
            return False
        try:
            record = self.content.get(article_id)
        except NotFoundError:
            self.session.show_message(self.tr("This item no longer exists."), error=True)
            return False
        draft = self.keeper.find(record.slug)
        if draft is not None and self.context.can_edit:
            self.keeper.restore_over(record, draft)
        else:
            self.session.load_record(record)
        return True

    def new_item(self, title: str = "", body: str = "") -> bool:
        if not self._confirm_leave():
            return False
        kind = Kind.TEMPLATE if body and parse(body).placeholders else Kind.ARTICLE
        self._start_new(ContentItem(slug=slugify(title), title=title, body=body, kind=kind.value))
        self.form.title.setFocus()
        return True

    def can_close(self) -> bool:
        return self._confirm_leave()

    def save_state(self) -> None:
        for key, splitter in self._splitters():
            self.context.settings.setValue(key, splitter.saveState())

    def _splitters(self) -> list[tuple[str, QSplitter]]:
        return [
            ("editor/splitter", self.splitter),
            ("editor/source_splitter", self.editor.splitter),
            ("editor/preview_splitter", self.preview.splitter),
        ]

    def _restore_state(self) -> None:
        for key, splitter in self._splitters():
            state = self.context.settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def _start_new(self, typed: ContentItem) -> None:
        self.session.start_new(typed, self.keeper.new_key())

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save as a new revision; True when nothing unsaved is left."""
        return self.saver.save(self.editor.current_item(), self.form.validate)

    def restore_revision(self, number: int) -> bool:
        """An old revision back as a new one; unsaved work is asked about first."""
        if self.article_id is None or not self.saver.may_edit() or not self._confirm_leave():
            return False
        return self.saver.restore_revision(number)

    # -- unsaved work ------------------------------------------------------------------------

    def autosave_now(self) -> None:
        """Keep what is typed as a draft now (the editor asks after a pause or on focus loss)."""
        self.editor.autosaved()
        self.keeper.autosave(self.editor.current_item(), slug_auto=self.form.slug_auto)

    def _confirm_leave(self) -> bool:
        if not self.session.dirty:
            return True
        choice = self._ask_unsaved()
        if choice is Unsaved.SAVE:
            return self.save()
        if choice is Unsaved.DISCARD:
            self.keeper.delete(self.session.draft_key)
            self.session.revert()
            return True
        return False

    def _ask_unsaved(self) -> Unsaved:
        return ask_unsaved(self, self.form.title.text().strip() or self.tr("the new item"))

    def restore_draft(self, key: str) -> bool:
        """Unsaved work from an earlier session back in the editor (after asking about this)."""
        draft = self.keeper.find(key)
        if draft is None or not self._confirm_leave():
            self._refresh_recovery()
            return False
        self.keeper.restore(draft)
        return True

    def discard_changes(self) -> None:
        """Back to the saved version (or a blank new item) and forget the draft."""
        self.keeper.discard_changes()

    def _refresh_recovery(self) -> None:
        self.recovery.set_drafts(self.keeper.offered())

    # -- reacting ----------------------------------------------------------------------------

    def _on_session_opened(self) -> None:
        self.items.select(self.article_id)
        self._update_actions()
        self._refresh_recovery()
        if not self._list_stale:  # not before the page is first shown: start-up stays cheap
            self._refresh_feedback()

    def _on_merged(self, version: int, merged: ItemMerge) -> None:
        # The merge's messages are here rather than in saving: lupdate keeps the plural forms
        # of self.tr() texts only.
        if merged.body_conflicts:
            self.session.show_message(
                self.tr(
                    "Merged with version {version}. %n place(s) changed on both sides are "
                    "marked: keep the right text, delete the marker lines, then save.",
                    "",
                    merged.body_conflicts,
                ).format(version=version),
                error=True,
            )
            line = first_conflict_line(merged.item.body)
            if line is not None:
                self.source.go_to_line(line)
        else:
            self.session.show_message(
                self.tr("Merged with version {version}: check the result and save.").format(
                    version=version
                )
            )
        if merged.field_conflicts:
            self.session.append_message(
                self.tr("Both of you changed: {fields}; yours were kept.").format(
                    fields=", ".join(merged.field_conflicts)
                )
            )

    def _on_autosave_due(self) -> None:
        self.autosave_now()

    def _on_dirty_changed(self, dirty: bool) -> None:
        self._update_actions()
        self.modified_changed.emit(dirty)

    def _update_actions(self) -> None:
        can, dirty = self.context.can_edit, self.session.dirty
        self.save_action.setEnabled(can and (dirty or self.article_id is None))
        self.discard_action.setEnabled(can and dirty)
        self.new_action.setEnabled(can)
        self.history_action.setEnabled(self.article_id is not None)
        archived = self.session.baseline.status == Status.ARCHIVED
        self.archive_action.setText(self.tr("Un&archive") if archived else self.tr("&Archive"))
        self.archive_action.setEnabled(can and self.article_id is not None)

    def _apply_role(self) -> None:
        self.session.set_read_only(not self.context.can_edit)
        self.transfer.update_enabled()
        self._update_actions()
        if not self.context.can_edit:
            self.session.show_message(
                self.tr(
                    "You are signed in as an operator: editing needs the editor or team lead role."
                ),
                error=True,
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._list_stale:
            self._reload_list()
        else:
            self._refresh_feedback()  # operators may have sent some since the page was shown

    def show_queue(self) -> None:
        """The owner's queue: my items that are expired, overdue or have open feedback."""
        self.items.show_queue(self.context.operator)

    def _refresh_feedback(self) -> None:
        """Open feedback counts in the list, and the open item's feedback above the editor."""
        service = self.context.desk.feedback
        self.items.set_feedback(service.open_counts())
        article_id = self.article_id
        rows = service.for_items([article_id], open_only=True) if article_id is not None else []
        self.feedback.set_feedback(rows, self.context.can_edit)

    def _on_feedback_handled(self, feedback_id: int, note: str) -> None:
        try:
            self.context.desk.feedback.handle(feedback_id, self.context.operator, note)
        except (PermissionError, NotFoundError) as error:
            self.session.show_message(str(error), error=True)
            return
        self._refresh_feedback()
        self.session.show_message(self.tr("Feedback marked handled; the operator will see it."))

    def _reload_list(self) -> None:
        if not self.isVisible():
            self._list_stale = True
            return
        self._list_stale = False
        records = self.content.list()
        self.items.set_records(records, self.article_id)
        self._refresh_feedback()
        self._targets = {record.slug: record.status for record in records}
        self.editor.set_targets(self._targets)
        self._reload_choices()

    def _reload_choices(self) -> None:
        owners = [person.name for person in self.context.desk.people.everyone()]
        self.form.set_choices(self.content.categories(), self.content.tags(), owners)

    def _on_item_chosen(self, article_id: int) -> None:
        if not self.open_article(article_id):
            # Put the highlight back once the selection change that got us here is over.
            QTimer.singleShot(0, lambda: self.items.select(self.article_id))

    def _on_content_changed(self, ids: list[int]) -> None:
        if not ids or self._list_stale:
            self._reload_list()
        else:
            records = self.content.get_many(ids)
            self.items.upsert(records)
            self._targets.update({record.slug: record.status for record in records})
            self.editor.set_targets(self._targets)
            self._reload_choices()
        self.saver.follow_saves_elsewhere(ids)

    def _on_operator_changed(self) -> None:
        self.session.set_operator(self.context.operator)
        self.session.show_message("")
        self._apply_role()
        self._refresh_recovery()

    def _on_link_clicked(self, slug: str) -> None:
        record = self.content.get_by_slug(slug)
        if record is None:
            self.session.show_message(
                self.tr("No item has the slug “{slug}”.").format(slug=slug), error=True
            )
            return
        self.open_article(record.id)

    def _on_new(self) -> None:
        self.new_item()

    def _on_save(self) -> None:
        self.save()

    def _on_discard(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes"),
            self.tr("Drop all unsaved changes to this item?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()

    def _on_archive(self) -> None:
        archived = self.session.baseline.status == Status.ARCHIVED
        self.form.set_status(Status.PUBLISHED.value if archived else Status.ARCHIVED.value)
        self.save()

    def _on_history(self) -> None:
        if self.article_id is None:
            return
        article_id = self.article_id
        self.history_dialog = HistoryDialog(
            self.session.baseline.title,
            lambda: self.content.revisions(article_id),
            self.restore_revision,
            can_restore=self.context.can_edit,
            parent=self,
        )
        self.history_dialog.exec()

    def _on_recovery_discard(self, key: str) -> None:
        self.keeper.delete(key)
        self._refresh_recovery()
