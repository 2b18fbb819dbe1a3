"""The open item: its fields, the markdown source and the live preview with its checks.

This widget knows what is typed and what is saved (`baseline`), so it can tell whether there
are unsaved changes; when and where to save is the page's business. Work per keystroke is
kept tiny: the preview, the checks and the exact unsaved comparison wait for a pause.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from kbdesk.content import ContentItem, normalize_body
from kbdesk.models import Kind, Status
from kbdesk.templating import parse
from kbdesk.ui.editor.checks import collect_checks
from kbdesk.ui.editor.form import ItemForm
from kbdesk.ui.editor.markdown_edit import MarkdownEdit
from kbdesk.ui.editor.preview import PreviewPane

PREVIEW_DELAY_MS = 250  # re-render and re-check once typing pauses
AUTOSAVE_IDLE_MS = 3000  # autosave after this much idle time...
AUTOSAVE_MAX_GAP_S = 10.0  # ...and at least this often while typing never pauses


class ItemEditor(QWidget):
    dirty_changed = Signal(bool)
    autosave_due = Signal()  # unsaved typing paused, went on too long, or focus left

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operator = operator
        self.baseline = ContentItem(slug="", title="")
        self.is_new = True
        self._dirty = False
        self._loading = False
        self._pending_autosave = False
        self._last_autosave = time.monotonic()
        self._targets: Mapping[str, str] = {}
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.form = ItemForm()
        self.source = MarkdownEdit()
        self.source.setPlaceholderText(
            self.tr("Markdown. Link to another item with [[slug]] or [[slug|text]].")
        )
        self.preview = PreviewPane()
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.source)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([500, 500])
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addWidget(self.splitter, 1)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_IDLE_MS)
        self._preview_timer.timeout.connect(self._on_preview_due)
        self._autosave_timer.timeout.connect(self._on_autosave_idle)
        self.form.changed.connect(self._on_edited)
        self.source.textChanged.connect(self._on_edited)
        self.source.focus_lost.connect(self._on_source_focus_lost)
        self.preview.line_requested.connect(self.source.go_to_line)

    # -- content -----------------------------------------------------------------------------

    def load(
        self, item: ContentItem, baseline: ContentItem, *, is_new: bool, slug_auto: bool = False
    ) -> None:
        self._loading = True
        try:
            self.form.set_item(item, slug_auto=slug_auto)
            self.source.setPlainText(item.body)
        finally:
            self._loading = False
        self.baseline = baseline
        self.is_new = is_new
        self.autosaved()
        self.show_message("")
        self.refresh_now()

    def saved(self, baseline: ContentItem) -> None:
        """The typed text is now saved: it becomes the baseline, the cursor stays put."""
        self.baseline = baseline
        self.is_new = False
        self.form.slug_auto = False
        self.autosaved()
        self.refresh_now()

    def current_item(self) -> ContentItem:
        # toRawText keeps no-break spaces, which toPlainText would turn into plain spaces.
        raw = self.source.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
        return self.form.item(normalize_body(raw))

    def is_dirty(self) -> bool:
        return self._dirty

    def autosaved(self) -> None:
        self._autosave_timer.stop()
        self._pending_autosave = False
        self._last_autosave = time.monotonic()

    def set_targets(self, targets: Mapping[str, str]) -> None:
        """Slug -> status of every item, for flagging links; re-checked after a pause."""
        self._targets = targets
        self._preview_timer.start()

    def set_read_only(self, read_only: bool) -> None:
        self.form.set_read_only(read_only)
        self.source.setReadOnly(read_only)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1d5e2a;")
        self.message.setVisible(bool(text))

    def append_message(self, text: str) -> None:
        self.message.setText(f"{self.message.text()} {text}".strip())
        self.message.show()

    # -- reacting ----------------------------------------------------------------------------

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._set_dirty(True)  # exact comparison with the baseline waits for a pause
        self._preview_timer.start()
        self._pending_autosave = True
        if time.monotonic() - self._last_autosave > AUTOSAVE_MAX_GAP_S:
            self.autosave_due.emit()
        else:
            self._autosave_timer.start()

    def _on_preview_due(self) -> None:
        self.refresh_now()

    def _on_autosave_idle(self) -> None:
        if self._pending_autosave:
            self.autosave_due.emit()

    def _on_source_focus_lost(self) -> None:
        if self._pending_autosave:
            self.autosave_due.emit()

    def refresh_now(self) -> None:
        """Preview, checks and the unsaved marker from the current text."""
        self._preview_timer.stop()
        item = self.current_item()
        self._set_dirty(item != self.baseline)
        if item.kind == Kind.TEMPLATE.value:
            placeholders = parse(item.body).placeholders
            self.preview.show_template(item.body, self.operator, placeholders)
        else:
            self.preview.show_article(item.body, self._link_ok)
        self.preview.set_checks(collect_checks(item.body, item.kind, self._targets, item.slug))
        self._update_heading()

    def _link_ok(self, slug: str) -> bool:
        return self._targets.get(slug) not in (None, Status.ARCHIVED.value)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty == self._dirty:
            return
        self._dirty = dirty
        self._update_heading()
        self.dirty_changed.emit(dirty)

    def _update_heading(self) -> None:
        title = self.form.title.text().strip() or self.tr("New item")
        if self.is_new:
            title = self.tr("{title} (new)").format(title=title)
        self.heading.setText(f"● {title}" if self._dirty else title)
        self.heading.setToolTip(self.tr("Unsaved changes") if self._dirty else "")
