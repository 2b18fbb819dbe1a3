"""Saving the open item, and what happens when someone else saved it first.

Every save names the version the edit is based on; a concurrent save comes back as a conflict,
which the user settles through `ask` (the conflict dialog: overwrite, take theirs or merge).
The saver works on the edit session and the services only; what belongs to widgets (a field
error, the line to show, the messages of a merge with their plural forms) goes out as signals.
The texts keep the editor page's translation context: they are the page's messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kbdesk.content import ContentItem
from kbdesk.records import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    PublishBlocked,
    SaveResult,
    Status,
    StorageError,
)
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.autosave import DraftKeeper
from kbdesk.ui.editor.checks import first_conflict_line
from kbdesk.ui.editor.conflict import ConflictChoice, merge_with_theirs
from kbdesk.ui.editor.form import SLUG_FIELD
from kbdesk.ui.editor.gate import PublishAsk, PublishChoice, PublishDecision
from kbdesk.ui.editor.session import EditSession

SlugOwner = Callable[[str], int | None]
# The form's check: shows a message next to each bad field, True when it can be saved.
FieldCheck = Callable[[SlugOwner, int | None], bool]
# Settles a conflict: theirs is `conflict.current`, mine is the item that was not saved.
ConflictAsk = Callable[[ConflictError, ContentItem], ConflictChoice]


def _someone_else() -> str:
    return QCoreApplication.translate("EditorPage", "someone else")


class ItemSaver(QObject):
    """Validation, saving, conflicts, merges and restored revisions for one edit session."""

    field_error = Signal(str, str)  # field (form.TITLE_FIELD or SLUG_FIELD), message
    line_requested = Signal(int)  # a 1-based source line the user has to look at
    merged = Signal(int, object)  # the version merged with, the diffing.ItemMerge

    def __init__(
        self,
        session: EditSession,
        context: AppContext,
        drafts: DraftKeeper,
        ask: ConflictAsk,
        parent: QObject | None = None,
        *,
        ask_publish: PublishAsk | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self._content = context.desk.content
        self._drafts = drafts
        self._ask = ask
        # Without a way to ask (a headless use), a refused publish is simply not saved.
        self._ask_publish = ask_publish or (
            lambda _blocked, _lead: PublishDecision(PublishChoice.CANCEL)
        )
        self._saving = False

    @property
    def saving(self) -> bool:
        """True while our own save runs: its change notice is not someone else's save."""
        return self._saving

    def may_edit(self) -> bool:
        """The role in the UI, then in the database: a demotion applies without a restart."""
        try:
            if not self._context.can_edit:
                raise PermissionError(self._context.operator)
            self._context.desk.people.require_editor(self._context.operator)
        except PermissionError:
            self._session.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Operators cannot change the knowledge base; ask a team lead."
                ),
                error=True,
            )
            return False
        return True

    def slug_owner(self, slug: str) -> int | None:
        """The id of the item that uses `slug`, if any."""
        record = self._content.get_by_slug(slug)
        return record.id if record else None

    # -- saving ------------------------------------------------------------------------------

    def save(self, item: ContentItem, check_fields: FieldCheck | None = None) -> bool:
        """Validate and save `item` as a new revision; True when nothing unsaved is left."""
        session = self._session
        if not self.may_edit():
            return False
        if check_fields is not None and not check_fields(self.slug_owner, session.article_id):
            session.show_message(
                QCoreApplication.translate("EditorPage", "Fix the marked fields to save."),
                error=True,
            )
            return False
        line = first_conflict_line(item.body)
        if line is not None:
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "Resolve the merge conflicts first: keep the right text and delete the "
                    "lines starting with <<<<<<<, ======= and >>>>>>>.",
                ),
                error=True,
            )
            self.line_requested.emit(line)
            return False
        return self._save_item(item, session.base_version)

    def _save_item(
        self, item: ContentItem, expected_version: int | None, override: str = ""
    ) -> bool:
        session = self._session
        self._saving = True
        try:
            if override:
                result = self._save_over_gate(item, expected_version, override)
            else:
                result = self._context.save(
                    item, article_id=session.article_id, expected_version=expected_version
                )
        except PublishBlocked as blocked:
            self._saving = False
            return self._resolve_blocked(blocked, item, expected_version)
        except PermissionDenied as denied:  # an override by someone who is no longer a lead
            session.show_message(str(denied), error=True)
            return False
        except ConflictError as conflict:
            self._saving = False
            return self._resolve_conflict(conflict, item)
        except NotFoundError:
            session.show_message(
                QCoreApplication.translate("EditorPage", "This item was deleted meanwhile."),
                error=True,
            )
            return False
        except ValueError as error:  # the slug was taken between validation and saving
            self.field_error.emit(SLUG_FIELD, str(error))
            return False
        except StorageError as error:
            session.show_message(
                QCoreApplication.translate("EditorPage", "Not saved: {error}").format(error=error),
                error=True,
            )
            return False
        finally:
            self._saving = False
        record = result.record
        for key in {session.draft_key, record.slug}:
            self._drafts.delete(key)
        session.mark_saved(record, item)
        session.show_message(
            QCoreApplication.translate("EditorPage", "Saved as revision {number}.").format(
                number=record.version
            )
            if result.changed
            else QCoreApplication.translate("EditorPage", "Nothing changed: no new revision.")
        )
        return True

    # -- the publishing gate -----------------------------------------------------------------

    def _save_over_gate(
        self, item: ContentItem, expected_version: int | None, override: str
    ) -> SaveResult:
        """A lead publishes despite the problems; the reason goes into the revision's note.

        `AppContext.save` takes no override, so the change notice is sent from here.
        """
        result = self._content.save(
            item,
            self._context.operator,
            article_id=self._session.article_id,
            expected_version=expected_version,
            override=override,
        )
        if result.changed:
            self._context.content_changed.emit([result.record.id])
        return result

    def _resolve_blocked(
        self, blocked: PublishBlocked, item: ContentItem, expected_version: int | None
    ) -> bool:
        session = self._session
        # No %n here: lupdate keeps plural forms of self.tr() texts only.
        session.show_message(
            QCoreApplication.translate(
                "EditorPage",
                "Not published: the problems marked below the text would reach operators.",
            ),
            error=True,
        )
        decision = self._ask_publish(blocked, self._context.is_lead)
        if decision.choice is PublishChoice.DRAFT:
            draft = replace(item, status=Status.DRAFT.value)
            saved = self._save_item(draft, expected_version)
            if saved:
                self._session.load_record(self._content.get(self._session.article_id or 0))
                session.show_message(
                    QCoreApplication.translate(
                        "EditorPage",
                        "Saved as a draft: operators do not see it until it is published.",
                    )
                )
            return saved
        if decision.choice is PublishChoice.OVERRIDE and decision.reason.strip():
            return self._save_item(item, expected_version, decision.reason)
        if blocked.problems:  # back to fixing: the cursor goes to the first problem
            self.line_requested.emit(blocked.problems[0].line)
        return False

    # -- conflicts ---------------------------------------------------------------------------

    def _resolve_conflict(self, conflict: ConflictError, mine: ContentItem) -> bool:
        session = self._session
        theirs = conflict.current
        choice = self._ask(conflict, mine)
        if choice is ConflictChoice.OVERWRITE:
            return self._save_item(mine, theirs.version)
        if choice is ConflictChoice.THEIRS:
            self._drafts.delete(session.draft_key)
            session.load_record(theirs)
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Your changes were dropped: this is their version."
                )
            )
            return True
        if choice is ConflictChoice.MERGE:
            self._merge(conflict, mine)
            return False
        session.show_message(
            QCoreApplication.translate(
                "EditorPage", "Not saved: {who} saved this item meanwhile."
            ).format(who=theirs.updated_by or _someone_else()),
            error=True,
        )
        return False

    def _merge(self, conflict: ConflictError, mine: ContentItem) -> None:
        """Both versions joined in the editor, based on theirs; saving it is up to the user."""
        session = self._session
        theirs = conflict.current
        merged = merge_with_theirs(
            self._content,
            conflict,
            mine,
            theirs_label=QCoreApplication.translate(
                "EditorPage", "theirs, version {version}"
            ).format(version=theirs.version),
        )
        session.load(
            merged.item,
            theirs.to_item(),
            record=theirs,
            base_version=theirs.version,
            key=session.draft_key,
        )
        self._drafts.autosave(merged.item)
        self.merged.emit(theirs.version, merged)

    # -- changes made elsewhere --------------------------------------------------------------

    def follow_saves_elsewhere(self, ids: list[int]) -> None:
        """The open item was saved elsewhere: reload it, or warn when there is unsaved work."""
        session = self._session
        article_id = session.article_id
        if self._saving or article_id is None or (ids and article_id not in ids):
            return
        try:
            record = self._content.get(article_id)
        except NotFoundError:
            return
        if record.version == session.base_version:
            return
        who = record.updated_by or _someone_else()
        if session.dirty:
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "{who} saved a newer version ({version}) meanwhile. When you save, you will "
                    "see both and decide.",
                ).format(who=who, version=record.version),
                error=True,
            )
        else:
            session.load_record(record)
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage", "Updated to version {version}, saved by {who}."
                ).format(version=record.version, who=who)
            )

    def restore_revision(self, number: int) -> bool:
        """An old revision back as a new one (asking about unsaved work is the caller's part)."""
        session = self._session
        if session.article_id is None:
            return False
        try:
            result = self._context.restore(session.article_id, number)
        except PublishBlocked:
            session.show_message(
                QCoreApplication.translate(
                    "EditorPage",
                    "Revision {number} has problems that would reach operators, so it is not "
                    "restored as published. Open it in the history, fix it, and save.",
                ).format(number=number),
                error=True,
            )
            return False
        except (NotFoundError, StorageError) as error:
            session.show_message(str(error), error=True)
            return False
        self._drafts.delete(session.draft_key)
        session.load_record(result.record)
        session.show_message(
            QCoreApplication.translate(
                "EditorPage", "Revision {old} restored as revision {new}."
            ).format(old=number, new=result.record.version)
        )
        return True
