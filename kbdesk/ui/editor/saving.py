"""Saving the open item, and what happens when someone else saved it first.

Every save names the version the edit is based on; a concurrent save comes back as a conflict,
which the user settles in the conflict dialog (overwrite, take theirs or merge). The texts keep
the page's translation context: they are the page's messages, shown in its editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kbdesk.content import ContentItem
from kbdesk.db import StorageError
from kbdesk.drafts import ensure_can_edit
from kbdesk.store import ConflictError, NotFoundError
from kbdesk.ui.editor.checks import first_conflict_line
from kbdesk.ui.editor.conflict import ConflictChoice, ConflictDialog, merge_with_theirs
from kbdesk.ui.editor.form import SLUG_FIELD

if TYPE_CHECKING:
    from kbdesk.ui.editor.page import EditorPage


class SaveFlow:
    """Validation, saving, conflicts and merges for the item open in one editor page."""

    def __init__(self, page: EditorPage) -> None:
        self.page = page
        # While our own save runs, its content_changed must not look like someone else's save.
        self.in_progress = False

    def save(self) -> bool:
        """Validate and save as a new revision; True when nothing unsaved is left."""
        page = self.page
        if not self.may_edit():
            return False
        item = page.editor.current_item()
        if not page.form.validate(self._slug_owner, page.article_id):
            page.editor.show_message(
                QCoreApplication.translate("EditorPage", "Fix the marked fields to save."),
                error=True,
            )
            return False
        line = first_conflict_line(item.body)
        if line is not None:
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "Resolve the merge conflicts first: keep the right text and delete the "
                    "lines starting with <<<<<<<, ======= and >>>>>>>.",
                ),
                error=True,
            )
            page.source.go_to_line(line)
            return False
        return self._save_item(item, page.base_version)

    def _save_item(self, item: ContentItem, expected_version: int | None) -> bool:
        page = self.page
        self.in_progress = True
        try:
            result = page.context.save(
                item, article_id=page.article_id, expected_version=expected_version
            )
        except ConflictError as conflict:
            self.in_progress = False
            return self._resolve_conflict(conflict, item)
        except NotFoundError:
            page.editor.show_message(
                QCoreApplication.translate("EditorPage", "This item was deleted meanwhile."),
                error=True,
            )
            return False
        except ValueError as error:  # the slug was taken between validation and saving
            page.form.show_error(SLUG_FIELD, str(error))
            return False
        except StorageError as error:
            page.editor.show_message(
                QCoreApplication.translate("EditorPage", "Not saved: {error}").format(error=error),
                error=True,
            )
            return False
        finally:
            self.in_progress = False
        record = result.record
        for key in {page.draft_key, record.slug}:
            page.draft_flow.delete(key)
        page._set_state(record.id, record.version, record.slug)
        page.editor.saved(record.to_item())
        page.editor.show_message(
            QCoreApplication.translate("EditorPage", "Saved as revision {number}.").format(
                number=record.version
            )
            if result.changed
            else QCoreApplication.translate("EditorPage", "Nothing changed: no new revision.")
        )
        return True

    def _resolve_conflict(self, conflict: ConflictError, mine: ContentItem) -> bool:
        page = self.page
        theirs = conflict.current
        dialog = ConflictDialog(theirs, mine, conflict.expected_version, page)
        page.conflict_dialog = dialog
        dialog.exec()
        if dialog.choice is ConflictChoice.OVERWRITE:
            return self._save_item(mine, theirs.version)
        if dialog.choice is ConflictChoice.THEIRS:
            page.draft_flow.delete(page.draft_key)
            page._load_record(theirs)
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Your changes were dropped: this is their version."
                )
            )
            return True
        if dialog.choice is ConflictChoice.MERGE:
            self._merge(conflict, mine)
            return False
        page.editor.show_message(
            QCoreApplication.translate(
                "EditorPage", "Not saved: {who} saved this item meanwhile."
            ).format(
                who=theirs.updated_by or QCoreApplication.translate("EditorPage", "someone else")
            ),
            error=True,
        )
        return False

    def _merge(self, conflict: ConflictError, mine: ContentItem) -> None:
        page = self.page
        theirs = conflict.current
        merged = merge_with_theirs(
            page.kb.store,
            conflict,
            mine,
            theirs_label=QCoreApplication.translate(
                "EditorPage", "theirs, version {version}"
            ).format(version=theirs.version),
        )
        page._set_state(theirs.id, theirs.version, page.draft_key)
        page.editor.load(merged.item, theirs.to_item(), is_new=False)
        page.draft_flow.autosave()
        if merged.body_conflicts:
            page.editor.show_message(
                page._merged_with_conflicts_text(theirs.version, merged.body_conflicts),
                error=True,
            )
            line = first_conflict_line(merged.item.body)
            if line is not None:
                page.source.go_to_line(line)
        else:
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Merged with version {version}: check the result and save."
                ).format(version=theirs.version)
            )
        if merged.field_conflicts:
            page.editor.append_message(
                QCoreApplication.translate(
                    "EditorPage", "Both of you changed: {fields}; yours were kept."
                ).format(fields=", ".join(merged.field_conflicts))
            )

    def may_edit(self) -> bool:
        """The role in the UI, then in the database: a demotion applies without a restart."""
        page = self.page
        try:
            if not page.context.can_edit:
                raise PermissionError(page.context.operator)
            ensure_can_edit(page.kb.store, page.context.operator)
        except PermissionError:
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Operators cannot change the knowledge base; ask a team lead."
                ),
                error=True,
            )
            return False
        return True

    def _slug_owner(self, slug: str) -> int | None:
        record = self.page.kb.store.get_by_slug(slug)
        return record.id if record else None

    # -- changes made elsewhere --------------------------------------------------------------

    def follow_saves_elsewhere(self, ids: list[int]) -> None:
        """The open item was saved elsewhere: reload it, or warn when there is unsaved work."""
        page = self.page
        if self.in_progress or page.article_id is None or (ids and page.article_id not in ids):
            return
        try:
            record = page.kb.store.get(page.article_id)
        except NotFoundError:
            return
        if record.version == page.base_version:
            return
        who = record.updated_by or QCoreApplication.translate("EditorPage", "someone else")
        if page.editor.is_dirty():
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "{who} saved a newer version ({version}) meanwhile. When you save, you will "
                    "see both and decide.",
                ).format(who=who, version=record.version),
                error=True,
            )
        else:
            page._load_record(record)
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Updated to version {version}, saved by {who}."
                ).format(version=record.version, who=who)
            )

    def restore_revision(self, number: int) -> bool:
        """An old revision back as a new one; unsaved work is asked about first."""
        page = self.page
        if page.article_id is None or not self.may_edit() or not page._confirm_leave():
            return False
        try:
            result = page.context.restore(page.article_id, number)
        except (NotFoundError, StorageError) as error:
            page.editor.show_message(str(error), error=True)
            return False
        page.draft_flow.delete(page.draft_key)
        page._load_record(result.record)
        page.editor.show_message(
            QCoreApplication.translate(
                "EditorPage", "Revision {old} restored as revision {new}."
            ).format(old=number, new=result.record.version)
        )
        return True
