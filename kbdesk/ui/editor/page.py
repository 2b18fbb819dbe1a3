"""The editor page: every item on the left, the open one on the right.

The editing state is small and explicit: which article is open (`article_id`), which version
the edit is based on (`base_version`, sent as `expected_version` so that a concurrent save is
never overwritten silently) and under which key unsaved work is autosaved (`draft_key`).
Saving and its conflicts live in `saving`, autosaved drafts and their recovery in `autosave`;
this module holds the layout, the actions and the loading.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from kbdesk.content import ContentItem, slugify
from kbdesk.drafts import DraftStore, new_draft_key
from kbdesk.models import Kind, Status
from kbdesk.store import ArticleRecord, NotFoundError
from kbdesk.templating import parse
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.autosave import DraftFlow
from kbdesk.ui.editor.conflict import Unsaved, ask_unsaved
from kbdesk.ui.editor.history import HistoryDialog
from kbdesk.ui.editor.item_editor import ItemEditor
from kbdesk.ui.editor.list_panel import ItemListPanel
from kbdesk.ui.editor.recovery import RecoveryBar
from kbdesk.ui.editor.saving import SaveFlow
from kbdesk.ui.editor.transfer_dialog import TransferController


class EditorPage(QWidget):
    modified_changed = Signal(bool)  # unsaved changes appeared or went (e.g. to mark the tab)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.kb = context.kb
        self.drafts = DraftStore(context.kb.db, context.kb.store)
        self.article_id: int | None = None
        self.base_version: int | None = None
        self.draft_key = new_draft_key()
        # Saving with its conflicts, and unsaved work kept as drafts: each in its own module.
        self.save_flow = SaveFlow(self)
        self.draft_flow = DraftFlow(self)
        # The list of every item is loaded when the page is first shown: with thousands of
        # items it costs a second, which operators (who never see this page) must not pay.
        self._list_stale = True
        self._targets: dict[str, str] = {}
        self.items = ItemListPanel()
        self.recovery = RecoveryBar()
        self.editor = ItemEditor(context.operator)
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
        self.editor.dirty_changed.connect(self._on_dirty_changed)
        self.editor.autosave_due.connect(self._on_autosave_due)
        self.preview.kb_link.connect(self._on_link_clicked)
        self.recovery.restore_requested.connect(self.restore_draft)
        self.recovery.discard_requested.connect(self._on_recovery_discard)
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

    def is_dirty(self) -> bool:
        return self.editor.is_dirty()

    def open_article(self, article_id: int) -> bool:
        """Show an item for editing; False if the user chose to stay with unsaved work."""
        if article_id == self.article_id:
            self.items.select(article_id)
            return True
        if not self._confirm_leave():
            return False
        try:
            record = self.kb.store.get(article_id)
        except NotFoundError:
            self.editor.show_message(self.tr("This item no longer exists."), error=True)
            return False
        draft = self.drafts.get(self.context.operator, record.slug)
        if draft is not None and self.context.can_edit:
            self.draft_flow.load_over(record, draft)
        else:
            self._load_record(record)
        return True

    def new_item(self, title: str = "", body: str = "") -> bool:
        if not self._confirm_leave():
            return False
        kind = Kind.TEMPLATE.value if body and parse(body).placeholders else Kind.ARTICLE.value
        self._start_new(ContentItem(slug=slugify(title), title=title, body=body, kind=kind))
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

    # -- loading -----------------------------------------------------------------------------

    def _blank(self) -> ContentItem:
        return ContentItem(
            slug="", title="", status=Status.DRAFT.value, owner=self.context.operator
        )

    def _start_new(self, typed: ContentItem) -> None:
        blank = self._blank()
        item = replace(blank, title=typed.title, slug=typed.slug, body=typed.body, kind=typed.kind)
        self._set_state(None, None, new_draft_key())
        self.editor.load(item, blank, is_new=True, slug_auto=True)

    def _load_record(self, record: ArticleRecord) -> None:
        self._set_state(record.id, record.version, record.slug)
        self.editor.load(record.to_item(), record.to_item(), is_new=False)

    def _set_state(self, article_id: int | None, base_version: int | None, key: str) -> None:
        self.article_id, self.base_version, self.draft_key = article_id, base_version, key
        self.items.select(article_id)
        self._update_actions()
        self.draft_flow.refresh()

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save as a new revision; True when nothing unsaved is left."""
        return self.save_flow.save()

    def restore_revision(self, number: int) -> bool:
        """An old revision back as a new one; unsaved work is asked about first."""
        return self.save_flow.restore_revision(number)

    def _merged_with_conflicts_text(self, version: int, places: int) -> str:
        # Here rather than in saving: lupdate keeps the plural forms of self.tr() texts only.
        return self.tr(
            "Merged with version {version}. %n place(s) changed on both sides are "
            "marked: keep the right text, delete the marker lines, then save.",
            "",
            places,
        ).format(version=version)

    # -- unsaved work ------------------------------------------------------------------------

    def _confirm_leave(self) -> bool:
        if not self.editor.is_dirty():
            return True
        choice = self._ask_unsaved()
        if choice is Unsaved.SAVE:
            return self.save()
        if choice is Unsaved.DISCARD:
            self.draft_flow.delete(self.draft_key)
            self.editor.load(
                self.editor.baseline, self.editor.baseline, is_new=self.article_id is None
            )
            return True
        return False

    def _ask_unsaved(self) -> Unsaved:
        return ask_unsaved(self, self.form.title.text().strip() or self.tr("the new item"))

    def restore_draft(self, key: str) -> bool:
        return self.draft_flow.restore(key)

    def discard_changes(self) -> None:
        """Back to the saved version (or a blank new item) and forget the draft."""
        self.draft_flow.discard_changes()

    # -- reacting ----------------------------------------------------------------------------

    def _on_autosave_due(self) -> None:
        self.draft_flow.autosave()

    def _on_dirty_changed(self, dirty: bool) -> None:
        self._update_actions()
        self.modified_changed.emit(dirty)

    def _update_actions(self) -> None:
        can, dirty = self.context.can_edit, self.editor.is_dirty()
        self.save_action.setEnabled(can and (dirty or self.article_id is None))
        self.discard_action.setEnabled(can and dirty)
        self.new_action.setEnabled(can)
        self.history_action.setEnabled(self.article_id is not None)
        archived = self.editor.baseline.status == Status.ARCHIVED.value
        self.archive_action.setText(self.tr("Un&archive") if archived else self.tr("&Archive"))
        self.archive_action.setEnabled(can and self.article_id is not None)

    def _apply_role(self) -> None:
        self.editor.set_read_only(not self.context.can_edit)
        self.transfer.update_enabled()
        self._update_actions()
        if not self.context.can_edit:
            self.editor.show_message(
                self.tr(
                    "You are signed in as an operator: editing needs the editor or team lead role."
                ),
                error=True,
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._list_stale:
            self._reload_list()

    def _reload_list(self) -> None:
        if not self.isVisible():
            self._list_stale = True
            return
        self._list_stale = False
        records = self.kb.store.list()
        self.items.set_records(records, self.article_id)
        self._targets = {record.slug: record.status for record in records}
        self.editor.set_targets(self._targets)
        self._reload_choices()

    def _reload_choices(self) -> None:
        store = self.kb.store
        owners = [operator.name for operator in store.operators()]
        self.form.set_choices(store.categories(), store.tags(), owners)

    def _on_item_chosen(self, article_id: int) -> None:
        if not self.open_article(article_id):
            # Put the highlight back once the selection change that got us here is over.
            QTimer.singleShot(0, lambda: self.items.select(self.article_id))

    def _on_content_changed(self, ids: list[int]) -> None:
        if not ids or self._list_stale:
            self._reload_list()
        else:
            records = self.kb.store.get_many(ids)
            self.items.upsert(records)
            self._targets.update({record.slug: record.status for record in records})
            self.editor.set_targets(self._targets)
            self._reload_choices()
        self.save_flow.follow_saves_elsewhere(ids)

    def _on_operator_changed(self) -> None:
        self.editor.operator = self.context.operator
        self.editor.show_message("")
        self._apply_role()
        self.draft_flow.refresh()

    def _on_link_clicked(self, slug: str) -> None:
        record = self.kb.store.get_by_slug(slug)
        if record is None:
            self.editor.show_message(
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
        archived = self.editor.baseline.status == Status.ARCHIVED.value
        self.form.set_status(Status.PUBLISHED.value if archived else Status.ARCHIVED.value)
        self.save()

    def _on_history(self) -> None:
        if self.article_id is None:
            return
        article_id = self.article_id
        self.history_dialog = HistoryDialog(
            self.editor.baseline.title,
            lambda: self.kb.store.revisions(article_id),
            self.restore_revision,
            can_restore=self.context.can_edit,
            parent=self,
        )
        self.history_dialog.exec()

    def _on_recovery_discard(self, key: str) -> None:
        self.draft_flow.delete(key)
        self.draft_flow.refresh()
