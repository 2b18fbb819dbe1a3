"""The editor page: every item on the left, the open one on the right.

The editing state is small and explicit: which article is open (`article_id`), which version
the edit is based on (`base_version`, sent as `expected_version` so that a concurrent save is
never overwritten silently) and under which key unsaved work is autosaved (`draft_key`).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from kbdesk.content import ContentItem, slugify
from kbdesk.db import StorageError
from kbdesk.drafts import DraftRecord, DraftStore, ensure_can_edit, new_draft_key
from kbdesk.models import Kind, Status
from kbdesk.store import ArticleRecord, ConflictError, NotFoundError
from kbdesk.templating import parse
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.checks import first_conflict_line
from kbdesk.ui.editor.conflict import (
    ConflictChoice,
    ConflictDialog,
    Unsaved,
    ask_unsaved,
    merge_with_theirs,
)
from kbdesk.ui.editor.form import SLUG_FIELD
from kbdesk.ui.editor.history import HistoryDialog
from kbdesk.ui.editor.item_editor import ItemEditor
from kbdesk.ui.editor.list_model import local_time
from kbdesk.ui.editor.list_panel import ItemListPanel
from kbdesk.ui.editor.recovery import RecoveryBar
from kbdesk.ui.editor.transfer_dialog import TransferController

log = logging.getLogger(__name__)


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
        self._saving = False
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
            self._load_draft_over(record, draft)
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

    def _load_draft_over(self, record: ArticleRecord | None, draft: DraftRecord) -> None:
        """Unsaved work back in the editor, still based on the version it started from."""
        if record is None:
            self._set_state(None, None, draft.key)
            self.editor.load(
                draft.item, self._blank(), is_new=True, slug_auto=bool(draft.extra.get("slug_auto"))
            )
        else:
            self._set_state(record.id, draft.base_version or record.version, draft.key)
            self.editor.load(draft.item, record.to_item(), is_new=False)
        when = local_time(draft.updated_at)
        if record is not None and draft.base_version not in (None, record.version):
            self.editor.show_message(
                self.tr(
                    "Your unsaved changes from {when} are back. The item has been saved since "
                    "(version {old} → {new}): saving will show you both."
                ).format(when=when, old=draft.base_version, new=record.version),
                error=True,
            )
        else:
            self.editor.show_message(
                self.tr("Your unsaved changes from {when} are back.").format(when=when)
            )

    def _set_state(self, article_id: int | None, base_version: int | None, key: str) -> None:
        self.article_id, self.base_version, self.draft_key = article_id, base_version, key
        self.items.select(article_id)
        self._update_actions()
        self._refresh_recovery()

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save as a new revision; True when nothing unsaved is left."""
        if not self._may_edit():
            return False
        item = self.editor.current_item()
        if not self.form.validate(self._slug_owner, self.article_id):
            self.editor.show_message(self.tr("Fix the marked fields to save."), error=True)
            return False
        line = first_conflict_line(item.body)
        if line is not None:
            self.editor.show_message(
                self.tr(
                    "Resolve the merge conflicts first: keep the right text and delete the "
                    "lines starting with <<<<<<<, ======= and >>>>>>>."
                ),
                error=True,
            )
            self.source.go_to_line(line)
            return False
        return self._save_item(item, self.base_version)

    def _save_item(self, item: ContentItem, expected_version: int | None) -> bool:
        self._saving = True  # our own content_changed must not look like someone else's save
        try:
            result = self.context.save(
                item, article_id=self.article_id, expected_version=expected_version
            )
        except ConflictError as conflict:
            self._saving = False
            return self._resolve_conflict(conflict, item)
        except NotFoundError:
            self.editor.show_message(self.tr("This item was deleted meanwhile."), error=True)
            return False
        except ValueError as error:  # the slug was taken between validation and saving
            self.form.show_error(SLUG_FIELD, str(error))
            return False
        except StorageError as error:
            self.editor.show_message(self.tr("Not saved: {error}").format(error=error), error=True)
            return False
        finally:
            self._saving = False
        record = result.record
        for key in {self.draft_key, record.slug}:
            self._delete_draft(key)
        self._set_state(record.id, record.version, record.slug)
        self.editor.saved(record.to_item())
        self.editor.show_message(
            self.tr("Saved as revision {number}.").format(number=record.version)
            if result.changed
            else self.tr("Nothing changed: no new revision.")
        )
        return True

    def _resolve_conflict(self, conflict: ConflictError, mine: ContentItem) -> bool:
        theirs = conflict.current
        dialog = ConflictDialog(theirs, mine, conflict.expected_version, self)
        self.conflict_dialog = dialog
        dialog.exec()
        if dialog.choice is ConflictChoice.OVERWRITE:
            return self._save_item(mine, theirs.version)
        if dialog.choice is ConflictChoice.THEIRS:
            self._delete_draft(self.draft_key)
            self._load_record(theirs)
            self.editor.show_message(self.tr("Your changes were dropped: this is their version."))
            return True
        if dialog.choice is ConflictChoice.MERGE:
            self._merge(conflict, mine)
            return False
        self.editor.show_message(
            self.tr("Not saved: {who} saved this item meanwhile.").format(
                who=theirs.updated_by or self.tr("someone else")
            ),
            error=True,
        )
        return False

    def _merge(self, conflict: ConflictError, mine: ContentItem) -> None:
        theirs = conflict.current
        merged = merge_with_theirs(
            self.kb.store,
            conflict,
            mine,
            theirs_label=self.tr("theirs, version {version}").format(version=theirs.version),
        )
        self._set_state(theirs.id, theirs.version, self.draft_key)
        self.editor.load(merged.item, theirs.to_item(), is_new=False)
        self._autosave()
        if merged.body_conflicts:
            self.editor.show_message(
                self.tr(
                    "Merged with version {version}. %n place(s) changed on both sides are "
                    "marked: keep the right text, delete the marker lines, then save.",
                    "",
                    merged.body_conflicts,
                ).format(version=theirs.version),
                error=True,
            )
            line = first_conflict_line(merged.item.body)
            if line is not None:
                self.source.go_to_line(line)
        else:
            self.editor.show_message(
                self.tr("Merged with version {version}: check the result and save.").format(
                    version=theirs.version
                )
            )
        if merged.field_conflicts:
            self.editor.append_message(
                self.tr("Both of you changed: {fields}; yours were kept.").format(
                    fields=", ".join(merged.field_conflicts)
                )
            )

    def _may_edit(self) -> bool:
        """The role in the UI, then in the database: a demotion applies without a restart."""
        try:
            if not self.context.can_edit:
                raise PermissionError(self.context.operator)
            ensure_can_edit(self.kb.store, self.context.operator)
        except PermissionError:
            self.editor.show_message(
                self.tr("Operators cannot change the knowledge base; ask a team lead."),
                error=True,
            )
            return False
        return True

    def _slug_owner(self, slug: str) -> int | None:
        record = self.kb.store.get_by_slug(slug)
        return record.id if record else None

    # -- unsaved work ------------------------------------------------------------------------

    def _confirm_leave(self) -> bool:
        if not self.editor.is_dirty():
            return True
        choice = self._ask_unsaved()
        if choice is Unsaved.SAVE:
            return self.save()
        if choice is Unsaved.DISCARD:
            self._delete_draft(self.draft_key)
            self.editor.load(
                self.editor.baseline, self.editor.baseline, is_new=self.article_id is None
            )
            return True
        return False

    def _ask_unsaved(self) -> Unsaved:
        return ask_unsaved(self, self.form.title.text().strip() or self.tr("the new item"))

    def _autosave(self) -> None:
        self.editor.autosaved()
        if not self.context.can_edit:
            return
        item = self.editor.current_item()
        try:
            if item == self.editor.baseline:
                self._delete_draft(self.draft_key)
                return
            self.drafts.save(
                self.context.operator,
                self.draft_key,
                item,
                article_id=self.article_id,
                base_version=self.base_version,
                extra={"slug_auto": self.form.slug_auto},
            )
        except (PermissionError, StorageError):
            log.exception("could not autosave the draft")

    def _delete_draft(self, key: str) -> None:
        try:
            self.drafts.delete(self.context.operator, key)
        except StorageError:
            log.exception("could not delete the draft")

    def restore_draft(self, key: str) -> bool:
        draft = self.drafts.get(self.context.operator, key)
        if draft is None or not self._confirm_leave():
            self._refresh_recovery()
            return False
        record = None
        if draft.article_id is not None:
            try:
                record = self.kb.store.get(draft.article_id)
            except NotFoundError:
                record = None
        self._load_draft_over(record, draft)
        return True

    def discard_changes(self) -> None:
        """Back to the saved version (or a blank new item) and forget the draft."""
        self._delete_draft(self.draft_key)
        if self.article_id is None:
            self._start_new(ContentItem(slug="", title=""))
            return
        try:
            self._load_record(self.kb.store.get(self.article_id))
        except NotFoundError:
            self._start_new(ContentItem(slug="", title=""))

    def _refresh_recovery(self) -> None:
        drafts = [d for d in self.drafts.list(self.context.operator) if d.key != self.draft_key]
        self.recovery.set_drafts(drafts if self.context.can_edit else [])

    # -- reacting ----------------------------------------------------------------------------

    def _on_autosave_due(self) -> None:
        self._autosave()

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
        if self._saving or self.article_id is None or (ids and self.article_id not in ids):
            return
        try:
            record = self.kb.store.get(self.article_id)
        except NotFoundError:
            return
        if record.version == self.base_version:
            return
        who = record.updated_by or self.tr("someone else")
        if self.editor.is_dirty():
            self.editor.show_message(
                self.tr(
                    "{who} saved a newer version ({version}) meanwhile. When you save, you will "
                    "see both and decide."
                ).format(who=who, version=record.version),
                error=True,
            )
        else:
            self._load_record(record)
            self.editor.show_message(
                self.tr("Updated to version {version}, saved by {who}.").format(
                    version=record.version, who=who
                )
            )

    def _on_operator_changed(self) -> None:
        self.editor.operator = self.context.operator
        self.editor.show_message("")
        self._apply_role()
        self._refresh_recovery()

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

    def restore_revision(self, number: int) -> bool:
        """An old revision back as a new one; unsaved work is asked about first."""
        if self.article_id is None or not self._may_edit() or not self._confirm_leave():
            return False
        try:
            result = self.context.restore(self.article_id, number)
        except (NotFoundError, StorageError) as error:
            self.editor.show_message(str(error), error=True)
            return False
        self._delete_draft(self.draft_key)
        self._load_record(result.record)
        self.editor.show_message(
            self.tr("Revision {old} restored as revision {new}.").format(
                old=number, new=result.record.version
            )
        )
        return True

    def _on_recovery_discard(self, key: str) -> None:
        self._delete_draft(key)
        self._refresh_recovery()
