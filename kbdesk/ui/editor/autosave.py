"""Unsaved work kept as a draft, so that a crash or a closed window loses nothing.

Drafts are stored per operator under the session's `draft_key`: the slug of a saved item, or a
`new:` key for an item never saved. The texts keep the editor page's translation context: they
are the page's messages, shown above its form.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from kbdesk.content import ContentItem
from kbdesk.formats import local_time
from kbdesk.records import ArticleRecord, DraftRecord, NotFoundError, StorageError
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.session import EditSession

log = logging.getLogger(__name__)


class DraftKeeper:
    """Autosave, recovery and discarding of the unsaved work in one edit session."""

    def __init__(self, session: EditSession, context: AppContext) -> None:
        self._session = session
        self._context = context
        self._drafts = context.desk.drafts
        self._content = context.desk.content

    def new_key(self) -> str:
        """The draft key for an item that has no slug in the database yet."""
        return self._drafts.new_key()

    def find(self, key: str) -> DraftRecord | None:
        """The operator's draft under `key`, if there is one."""
        return self._drafts.get(self._context.operator, key)

    def offered(self) -> list[DraftRecord]:
        """What to offer back: every draft of this operator except the one open here."""
        if not self._context.can_edit:
            return []
        key = self._session.draft_key
        return [d for d in self._drafts.list(self._context.operator) if d.key != key]

    # -- keeping -----------------------------------------------------------------------------

    def autosave(self, item: ContentItem, *, slug_auto: bool = False) -> None:
        """Keep `item` as the session's draft; typing back to the saved text drops the draft."""
        if not self._context.can_edit:
            return
        session = self._session
        try:
            if item == session.baseline:
                self.delete(session.draft_key)
                return
            self._drafts.save(
                self._context.operator,
                session.draft_key,
                item,
                article_id=session.article_id,
                base_version=session.base_version,
                extra={"slug_auto": slug_auto},
            )
        except (PermissionError, StorageError):
            log.exception("could not autosave the draft")

    def delete(self, key: str) -> None:
        try:
            self._drafts.delete(self._context.operator, key)
        except StorageError:
            log.exception("could not delete the draft")

    # -- bringing back -----------------------------------------------------------------------

    def restore(self, draft: DraftRecord) -> None:
        """A draft back in the editor, over the item it was written for if that still exists."""
        record = None
        if draft.article_id is not None:
            try:
                record = self._content.get(draft.article_id)
            except NotFoundError:
                record = None
        self.restore_over(record, draft)

    def restore_over(self, record: ArticleRecord | None, draft: DraftRecord) -> None:
        """Unsaved work back in the editor, still based on the version it started from."""
        session = self._session
        if record is None:
            session.load(
                draft.item,
                session.blank(),
                record=None,
                base_version=None,
                key=draft.key,
                slug_auto=bool(draft.extra.get("slug_auto")),
            )
        else:
            session.load(
                draft.item,
                record.to_item(),
                record=record,
                base_version=draft.base_version or record.version,
                key=draft.key,
            )
        when = local_time(draft.updated_at)
        if record is not None and draft.base_version not in (None, record.version):
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "Your unsaved changes from {when} are back. The item has been saved since "
                    "(version {old} → {new}): saving will show you both.",
                ).format(when=when, old=draft.base_version, new=record.version),
                error=True,
            )
        else:
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Your unsaved changes from {when} are back."
                ).format(when=when)
            )

    def discard_changes(self) -> None:
        """Back to the saved version (or a blank new item) and forget the draft."""
        session = self._session
        self.delete(session.draft_key)
        article_id = session.article_id
        if article_id is None:
            session.start_new(ContentItem(slug="", title=""), self.new_key())
            return
        try:
            session.load_record(self._content.get(article_id))
        except NotFoundError:
            session.start_new(ContentItem(slug="", title=""), self.new_key())
