"""Unsaved work kept as a draft, so that a crash or a closed window loses nothing.

Drafts are stored per operator under the page's `draft_key`: the slug of a saved item, or a
`new:` key for an item never saved. The texts keep the page's translation context: they are the
page's messages, shown in its editor.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kbdesk.content import ContentItem
from kbdesk.db import StorageError
from kbdesk.drafts import DraftRecord
from kbdesk.store import ArticleRecord, NotFoundError
from kbdesk.ui.editor.list_model import local_time

if TYPE_CHECKING:
    from kbdesk.ui.editor.page import EditorPage

log = logging.getLogger(__name__)


class DraftFlow:
    """Autosave, recovery and discarding of unsaved work for one editor page."""

    def __init__(self, page: EditorPage) -> None:
        self.page = page

    def load_over(self, record: ArticleRecord | None, draft: DraftRecord) -> None:
        """Unsaved work back in the editor, still based on the version it started from."""
        page = self.page
        if record is None:
            page._set_state(None, None, draft.key)
            page.editor.load(
                draft.item, page._blank(), is_new=True, slug_auto=bool(draft.extra.get("slug_auto"))
            )
        else:
            page._set_state(record.id, draft.base_version or record.version, draft.key)
            page.editor.load(draft.item, record.to_item(), is_new=False)
        when = local_time(draft.updated_at)
        if record is not None and draft.base_version not in (None, record.version):
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "Your unsaved changes from {when} are back. The item has been saved since "
                    "(version {old} → {new}): saving will show you both.",
                ).format(when=when, old=draft.base_version, new=record.version),
                error=True,
            )
        else:
            page.editor.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Your unsaved changes from {when} are back."
                ).format(when=when)
            )

    def autosave(self) -> None:
        page = self.page
        page.editor.autosaved()
        if not page.context.can_edit:
            return
        item = page.editor.current_item()
        try:
            if item == page.editor.baseline:
                self.delete(page.draft_key)
                return
            page.drafts.save(
                page.context.operator,
                page.draft_key,
                item,
                article_id=page.article_id,
                base_version=page.base_version,
                extra={"slug_auto": page.form.slug_auto},
            )
        except (PermissionError, StorageError):
            log.exception("could not autosave the draft")

    def delete(self, key: str) -> None:
        try:
            self.page.drafts.delete(self.page.context.operator, key)
        except StorageError:
            log.exception("could not delete the draft")

    def restore(self, key: str) -> bool:
        page = self.page
        draft = page.drafts.get(page.context.operator, key)
        if draft is None or not page._confirm_leave():
            self.refresh()
            return False
        record = None
        if draft.article_id is not None:
            try:
                record = page.kb.store.get(draft.article_id)
            except NotFoundError:
                record = None
        self.load_over(record, draft)
        return True

    def discard_changes(self) -> None:
        """Back to the saved version (or a blank new item) and forget the draft."""
        page = self.page
        self.delete(page.draft_key)
        if page.article_id is None:
            page._start_new(ContentItem(slug="", title=""))
            return
        try:
            page._load_record(page.kb.store.get(page.article_id))
        except NotFoundError:
            page._start_new(ContentItem(slug="", title=""))

    def refresh(self) -> None:
        """The recovery bar offers every draft of this operator except the one open here."""
        page = self.page
        drafts = [d for d in page.drafts.list(page.context.operator) if d.key != page.draft_key]
        page.recovery.set_drafts(drafts if page.context.can_edit else [])
