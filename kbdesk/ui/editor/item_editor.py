"""The open item: its fields, the markdown source and the live preview with its checks.

This widget shows what the edit session holds and reports typing back to it: the session
compares it with the saved baseline to know whether there are unsaved changes; when and where
to save is the page's business. Work per keystroke is kept tiny: the preview, the checks and
the exact unsaved comparison wait for a pause.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from kbdesk.content import ContentItem, normalize_body
from kbdesk.records import Kind, Status
from kbdesk.templating import parse
from kbdesk.ui.editor.checks import collect_checks
from kbdesk.ui.editor.form import ItemForm
from kbdesk.ui.editor.markdown_edit import MarkdownEdit
from kbdesk.ui.editor.preview import PreviewPane
from kbdesk.ui.editor.session import EditSession

PREVIEW_DELAY_MS = 250  # re-render and re-check once typing pauses
AUTOSAVE_IDLE_MS = 3000  # autosave after this much idle time...
AUTOSAVE_MAX_GAP_S = 10.0  # ...and at least this often while typing never pauses


class ItemEditor(QWidget):
    autosave_due = Signal()  # unsaved typing paused, went on too long, or focus left

    def __init__(
        self,
        session: EditSession,
        parent: QWidget | None = None,
        *,
        autosave_idle_ms: int = AUTOSAVE_IDLE_MS,
    ) -> None:
        super().__init__(parent)
        self.session = session
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
        self._autosave_timer = QTimer(self, singleShot=True, interval=autosave_idle_ms)
        self._preview_timer.timeout.connect(self._on_preview_due)
        self._autosave_timer.timeout.connect(self._on_autosave_idle)
        self.form.changed.connect(self._on_edited)
        self.source.textChanged.connect(self._on_edited)
        self.source.focus_lost.connect(self._on_source_focus_lost)
        self.preview.line_requested.connect(self.source.go_to_line)
        session.loaded.connect(self._on_session_loaded)
        session.saved.connect(self._on_session_saved)
        session.dirty_changed.connect(self._on_dirty_changed)
        session.read_only_changed.connect(self._on_read_only_changed)
        session.message_changed.connect(self._on_message_changed)

    # -- content -----------------------------------------------------------------------------

    def current_item(self) -> ContentItem:
        # toRawText keeps no-break spaces, which toPlainText would turn into plain spaces.
        raw = self.source.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
        return self.form.item(normalize_body(raw))

    def autosaved(self) -> None:
        self._autosave_timer.stop()
        self._pending_autosave = False
        self._last_autosave = time.monotonic()

    def set_targets(self, targets: Mapping[str, str]) -> None:
        """Slug -> status of every item, for flagging links; re-checked after a pause."""
        self._targets = targets
        self._preview_timer.start()

    # -- reacting ----------------------------------------------------------------------------

    def _on_session_loaded(self, item: ContentItem, slug_auto: bool) -> None:
        self._loading = True
        try:
            self.form.set_item(item, slug_auto=slug_auto)
            self.source.setPlainText(item.body)
        finally:
            self._loading = False
        self.autosaved()
        self.refresh_now()

    def _on_session_saved(self, _baseline: ContentItem) -> None:
        # The typed text is now saved: the cursor, the undo stack and the form stay as they are.
        self.form.slug_auto = False
        self.autosaved()
        self.refresh_now()

    def _on_dirty_changed(self, _dirty: bool) -> None:
        self._update_heading()

    def _on_read_only_changed(self, read_only: bool) -> None:
        self.form.set_read_only(read_only)
        self.source.setReadOnly(read_only)

    def _on_message_changed(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1d5e2a;")
        self.message.setVisible(bool(text))

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self.session.mark_edited()  # exact comparison with the baseline waits for a pause
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
        self.session.compare_with_saved(item)
        if item.kind == Kind.TEMPLATE:
            placeholders = parse(item.body).placeholders
            self.preview.show_template(item.body, self.session.operator, placeholders)
        else:
            self.preview.show_article(item.body, self._link_ok)
        self.preview.set_checks(collect_checks(item.body, item.kind, self._targets, item.slug))
        self._update_heading()

    def _link_ok(self, slug: str) -> bool:
        return self._targets.get(slug) not in (None, Status.ARCHIVED)

    def _update_heading(self) -> None:
        dirty = self.session.dirty
        title = self.form.title.text().strip() or self.tr("New item")
        if self.session.is_new:
            title = self.tr("{title} (new)").format(title=title)
        self.heading.setText(f"● {title}" if dirty else title)
        self.heading.setToolTip(self.tr("Unsaved changes") if dirty else "")
