"""What is being edited, as plain state the editor's widgets observe.

One `EditSession` per editor page. It holds which record is open (`record`, hence
`article_id`), the version the edit is based on (`base_version`, sent as `expected_version` so
that a concurrent save is never overwritten silently), the key unsaved work is autosaved under
(`draft_key`), the saved text the typing is compared with (`baseline`), whether there are
unsaved changes (`dirty`), whether the role allows editing (`read_only`) and the message shown
above the form. It knows neither widgets nor services: the saver and the draft keeper change it
through the methods below, the widgets follow its signals. Every signal is emitted after the
whole state is set, so an observer never sees half of a change.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from kbdesk.content import ContentItem
from kbdesk.records import ArticleRecord, Status


class EditSession(QObject):
    opened = Signal()  # another record, version or draft key is the one being edited
    loaded = Signal(object, bool)  # ContentItem to show in the widgets, whether slug is automatic
    saved = Signal(object)  # ContentItem: what is typed is now saved, the new baseline
    dirty_changed = Signal(bool)
    read_only_changed = Signal(bool)
    message_changed = Signal(str, bool)  # text, is an error

    def __init__(self, operator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operator = operator
        self._record: ArticleRecord | None = None
        self._base_version: int | None = None
        self._draft_key = ""
        self._baseline = ContentItem(slug="", title="")
        self._dirty = False
        self._read_only = False
        self._message = ""
        self._message_is_error = False

    # -- the state ---------------------------------------------------------------------------

    @property
    def operator(self) -> str:
        """Who is editing: the owner of new items and the signature in template previews."""
        return self._operator

    @property
    def record(self) -> ArticleRecord | None:
        """The stored record the edit started from; None for an item never saved."""
        return self._record

    @property
    def article_id(self) -> int | None:
        return self._record.id if self._record is not None else None

    @property
    def is_new(self) -> bool:
        return self._record is None

    @property
    def base_version(self) -> int | None:
        return self._base_version

    @property
    def draft_key(self) -> str:
        return self._draft_key

    @property
    def baseline(self) -> ContentItem:
        """The saved item (or the blank one for a new item) the typing is compared with."""
        return self._baseline

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def message(self) -> str:
        return self._message

    @property
    def message_is_error(self) -> bool:
        return self._message_is_error

    # -- opening -----------------------------------------------------------------------------

    def blank(self) -> ContentItem:
        """A new item: a draft owned by whoever writes it."""
        return ContentItem(slug="", title="", status=Status.DRAFT.value, owner=self._operator)

    def start_new(self, typed: ContentItem, key: str) -> None:
        """A new item with what is already known of it (title, slug, body, kind)."""
        blank = self.blank()
        item = replace(blank, title=typed.title, slug=typed.slug, body=typed.body, kind=typed.kind)
        self.load(item, blank, record=None, base_version=None, key=key, slug_auto=True)

    def load_record(self, record: ArticleRecord) -> None:
        """A stored record as it is, with no unsaved changes."""
        item = record.to_item()
        self.load(item, item, record=record, base_version=record.version, key=record.slug)

    def load(
        self,
        item: ContentItem,
        baseline: ContentItem,
        *,
        record: ArticleRecord | None,
        base_version: int | None,
        key: str,
        slug_auto: bool = False,
    ) -> None:
        """`item` in the editor, compared with `baseline`, the edit based on `base_version`."""
        self._record, self._base_version, self._draft_key = record, base_version, key
        self._baseline = baseline
        dirty_changed = self._update_dirty(item != baseline)
        self._message, self._message_is_error = "", False
        self.opened.emit()
        if dirty_changed:
            self.dirty_changed.emit(self._dirty)
        self.message_changed.emit("", False)
        self.loaded.emit(item, slug_auto)

    def revert(self) -> None:
        """Back to the baseline: the unsaved changes are gone, the same item stays open."""
        dirty_changed = self._update_dirty(False)
        self._message, self._message_is_error = "", False
        if dirty_changed:
            self.dirty_changed.emit(False)
        self.message_changed.emit("", False)
        self.loaded.emit(self._baseline, False)

    # -- editing and saving ------------------------------------------------------------------

    def mark_edited(self) -> None:
        """Something was typed: cheap enough per keystroke, the exact check waits for a pause."""
        if self._update_dirty(True):
            self.dirty_changed.emit(True)

    def compare_with_saved(self, item: ContentItem) -> bool:
        """The exact check: unsaved changes are whatever differs from the baseline."""
        if self._update_dirty(item != self._baseline):
            self.dirty_changed.emit(self._dirty)
        return self._dirty

    def mark_saved(self, record: ArticleRecord, item: ContentItem) -> None:
        """`item` was saved as `record`: its version is the new base, the text stays as typed."""
        baseline = record.to_item()
        self._record, self._base_version, self._draft_key = record, record.version, record.slug
        self._baseline = baseline
        dirty_changed = self._update_dirty(item != baseline)
        self.opened.emit()
        if dirty_changed:
            self.dirty_changed.emit(self._dirty)
        self.saved.emit(baseline)

    def _update_dirty(self, dirty: bool) -> bool:
        changed = dirty != self._dirty
        self._dirty = dirty
        return changed

    # -- who is editing ----------------------------------------------------------------------

    def set_operator(self, name: str) -> None:
        self._operator = name

    def set_read_only(self, read_only: bool) -> None:
        """The role does not allow changes: the widgets show the item without letting it change."""
        self._read_only = read_only
        self.read_only_changed.emit(read_only)

    # -- messages ----------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        self._message, self._message_is_error = text, error
        self.message_changed.emit(text, error)

    def append_message(self, text: str) -> None:
        self._message = f"{self._message} {text}".strip()
        self.message_changed.emit(self._message, self._message_is_error)
