"""Shows the session's selected item in the preview pane: a template's form, or an article.

While the operator types, the new results are painted first and the top hit's preview (a form
of widgets, or a rendered article) a frame later; anything that reads the form flushes it first.
Values typed into a form go back to the session's contact, so the next template of the same
contact starts with the client's name; values found in the client's message are offered beside
the fields they fit, and filled only when the operator accepts them. `[[links]]` read as their
targets' titles; a followed link can be walked Back and Forward.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kbdesk.clues import field_kind
from kbdesk.rendering import markdown_to_html
from kbdesk.replies import template_text
from kbdesk.services import AnswerService, ContentService
from kbdesk.ui.context import AppContext
from kbdesk.ui.workspace.cache import RecordCache
from kbdesk.ui.workspace.lists import ShiftLists
from kbdesk.ui.workspace.session import WorkspaceSession
from kbdesk.ui.workspace.view import WorkspaceView

PREVIEW_DELAY_MS = 16  # one frame at 60 Hz: results first, the preview in the next frame

# These texts are the page's: self.tr() here would file them under this class's name, so they
# are looked up in the "WorkspacePage" context explicitly (lupdate reads the literal calls).
translate = QCoreApplication.translate


class Previewer(QObject):
    def __init__(
        self,
        view: WorkspaceView,
        session: WorkspaceSession,
        context: AppContext,
        records: RecordCache,
        lists: ShiftLists,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._context = context
        self._content: ContentService = context.desk.content
        self._answers: AnswerService = context.desk.answers
        self._records = records
        self._lists = lists
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(PREVIEW_DELAY_MS)
        self._render_timer.timeout.connect(self.render)
        session.record_changed.connect(self._on_record_changed)
        session.channel_changed.connect(self._on_channel_changed)
        session.history_changed.connect(self._on_history_changed)
        session.suggestions_changed.connect(self._on_suggestions_changed)
        view.form.changed.connect(self._on_form_changed)
        view.browser.kb_link.connect(self._on_kb_link)
        view.pane.back.clicked.connect(self.go_back)
        view.pane.forward.clicked.connect(self.go_forward)
        self._on_history_changed()

    @property
    def waiting(self) -> bool:
        """True while the selected item's preview waits for its frame (not on screen yet)."""
        return self._render_timer.isActive()

    def flush(self) -> None:
        """Render a preview still waiting for its frame, before anyone reads the form."""
        if self._render_timer.isActive():
            self._render_timer.stop()
            self.render()

    def render(self) -> None:
        record = self._session.record
        pane = self._view.pane
        if record is None:
            pane.show_empty(translate("WorkspacePage", "Select a result to see it here."))
            return
        pinned = self._lists.is_pinned(record.id)
        if record.is_template:
            focused = self._focused_field()
            channel = self._session.channel
            label = self._view.channel_labels.get(channel, channel)
            pane.show_template(
                record,
                template_text(self._answers.with_link_titles(record), channel),
                self._session.values_for(record.id),
                self._answers.render_context(self._context.operator, channel),
                translate("WorkspacePage", "Template"),
                translate("WorkspacePage", "Reply for {channel}").format(channel=label),
                pinned,
            )
            self._offer_suggestions()
            if focused is not None:
                self._view.form.focus_field(focused)
        else:
            body = self._answers.with_link_titles(record).body
            html = markdown_to_html(body, link_exists=self._slug_exists)
            pane.show_article(record, html, translate("WorkspacePage", "Article"), pinned)

    # -- suggestions from the client's message -----------------------------------------------

    def _offer_suggestions(self) -> None:
        suggested = self._session.suggestions
        offers = {
            name: suggested[kind]
            for name in self._view.form.edits
            if (kind := field_kind(name)) is not None and kind in suggested
        }
        self._view.form.set_suggestions(offers)

    def _on_suggestions_changed(self) -> None:
        record = self._session.record
        if record is not None and record.is_template:
            self._offer_suggestions()

    def accept_suggestions(self) -> None:
        """F7 or the button: fill the empty fields with what the client's message said."""
        self.flush()
        record = self._session.record
        if record is None or not record.is_template:
            return
        if not self._view.form.accept_suggestions():
            self._session.notify(
                translate("WorkspacePage", "No suggestions from the client's message here.")
            )

    # -- Back and Forward through followed links ---------------------------------------------

    def go_back(self) -> None:
        self.flush()
        self._session.go_back()

    def go_forward(self) -> None:
        self.flush()
        self._session.go_forward()

    def _on_history_changed(self) -> None:
        self._view.pane.set_history(self._session.can_go_back, self._session.can_go_forward)

    def reload(self, ids: list[int]) -> None:
        """Content changed (all of it when `ids` is empty): show the selected item afresh."""
        record = self._session.record
        if record is None or (ids and record.id not in ids):
            return
        fresh = self._records.load(record.id)
        if fresh is None or not fresh.is_published:
            self._session.replace_record(None)
            self._view.pane.show_empty(
                translate("WorkspacePage", "This item was removed or archived.")
            )
        else:
            self._session.replace_record(fresh)
            self.render()

    def _on_record_changed(self, typing: bool) -> None:
        if typing:
            self._render_timer.start()
        else:
            self._render_timer.stop()
            self.render()

    def _on_channel_changed(self, _channel: str) -> None:
        record = self._session.record
        if record is not None and record.is_template:
            self.render()

    def _on_form_changed(self) -> None:
        record = self._session.record
        if record is None or not record.is_template:
            return
        form = self._view.form
        self._session.remember_values(record.id, form.edits, form.changed_values())

    def _on_kb_link(self, slug: str) -> None:
        record = self._records.by_slug(slug)
        if record is None:
            self._session.notify(
                translate("WorkspacePage", "There is no article «{slug}»").format(slug=slug)
            )
            return
        # A followed link keeps the query that led to the page it was on.
        self._session.select(record, self._session.origin_query, follow=True)

    def _focused_field(self) -> str | None:
        focus = QApplication.focusWidget()
        for name, edit in self._view.form.edits.items():
            if edit is focus:
                return name
        return None

    def _slug_exists(self, slug: str) -> bool:
        try:
            return self._content.link_exists(slug)
        except Exception:
            return True  # a lookup failure must not paint good links as broken
