"""The quick answer's behaviour: the hotkey shows the popup over any application; Enter fills a
template or pastes the reply into the window that had the focus, then gives the operator's
clipboard back. The popup works in the workspace's contact: the client's name typed in either
fills the other, and a new contact (F8) empties both.

From the hotkey to a pasted one-field reply: the hotkey, the query, Enter (to the field), the
value, Enter (pasted): three keystrokes besides the query and the value.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QIcon, QKeyEvent
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from kbdesk.clues import field_kind
from kbdesk.records import ArticleRecord, EventKind, Kind
from kbdesk.replies import Reply, template_text
from kbdesk.search import SearchRequest, SearchResult
from kbdesk.services import AnswerService, ContentService
from kbdesk.templating import RenderContext
from kbdesk.ui.context import AppContext
from kbdesk.ui.desktop import DEFAULT_HOTKEY, Desktop
from kbdesk.ui.popup.clipboard import ClipboardKeeper
from kbdesk.ui.popup.paste import CopyReason, PasteAction, decide
from kbdesk.ui.popup.window import QuickAnswerPopup
from kbdesk.ui.workspace.keys import add_shortcut
from kbdesk.ui.workspace.preview import field_label
from kbdesk.ui.workspace.results import ResultRow
from kbdesk.ui.workspace.session import ContactEnd, WorkspaceSession
from kbdesk.ui.workspace.snippet_text import clean_snippet

log = logging.getLogger(__name__)
HOTKEY_KEY = "quick_answer/hotkey"
RESULTS = 8
PASTE_DELAY_MS = 80  # for the window manager to give the focus back before Ctrl+V
RESTORE_DELAY_MS = 600  # for the target application to read the clipboard


class QuickAnswer(QObject):
    shown = Signal()  # the popup is on screen (the benchmark measures up to here)
    delivered = Signal(str)  # PasteAction: what happened to a reply
    restored = Signal(bool)  # the operator's clipboard is back (False: they copied anew)

    def __init__(
        self,
        context: AppContext,
        session: WorkspaceSession,
        desktop: Desktop,
        own_windows: Callable[[], set[int]] = set,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._session = session
        self._desktop = desktop
        self._own_windows = own_windows
        self._answers: AnswerService = context.desk.answers
        self._content: ContentService = context.desk.content
        self._keeper = ClipboardKeeper()
        self._record: ArticleRecord | None = None
        self._target: int | None = None
        self._logged: str | None = None  # the query last logged: each is logged once
        self._pending_search: tuple[str, SearchResult] | None = None
        self.summoned_at = 0.0  # perf_counter() of the last hotkey, for the benchmark
        self.popup = popup = QuickAnswerPopup()
        popup.search_box.textChanged.connect(self._on_query_changed)
        popup.form.submitted.connect(self.deliver)
        popup.form.changed.connect(self._on_form_changed)
        popup.form.escape_pressed.connect(self._back_to_results)
        popup.results.doubleClicked.connect(self.open_current)
        add_shortcut(popup, ("Ctrl+Return", "Ctrl+Enter"), self.deliver)
        add_shortcut(popup, "F8", self._next_client)
        for watched in (popup.search_box, popup.results):
            watched.installEventFilter(self)
        session.contact_ended.connect(self._on_contact_ended)
        desktop.hotkey_pressed.connect(self.summon)
        self.hotkey = str(context.settings.value(HOTKEY_KEY, DEFAULT_HOTKEY) or DEFAULT_HOTKEY)
        self.hotkey_registered = desktop.register_hotkey(self.hotkey)
        self.tray = self._make_tray()

    @property
    def desktop(self) -> Desktop:
        return self._desktop

    # -- showing -------------------------------------------------------------------------------

    def summon(self) -> None:
        """The hotkey: remember where the operator was typing, then show the popup there."""
        self.summoned_at = time.perf_counter()
        if not self.popup.isVisible():
            self._target = self._desktop.active_window()
        popup = self.popup
        popup.say(self._desktop.limitation() if not self._desktop.can_paste() else "")
        self._back_to_results()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            popup.move(
                area.center().x() - popup.width() // 2, area.top() + area.height() // 5
            )
        popup.show()
        popup.raise_()
        popup.activateWindow()
        popup.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        popup.search_box.selectAll()
        self.shown.emit()

    def dismiss(self) -> None:
        self.popup.hide()

    def shut_down(self) -> None:
        """The app closes: give the hotkey back, remove the tray icon, drop the popup."""
        self._desktop.unregister_hotkey()
        if self.tray is not None:
            self.tray.hide()
        self.popup.hide()
        self.popup.deleteLater()

    def set_hotkey(self, sequence: str) -> bool:
        """Bind another hotkey (kept in the settings when it could be bound)."""
        if self._desktop.register_hotkey(sequence):
            self.hotkey, self.hotkey_registered = sequence, True
            self._context.settings.setValue(HOTKEY_KEY, sequence)
            return True
        self.hotkey_registered = self._desktop.register_hotkey(self.hotkey)
        return False

    # -- searching and choosing ----------------------------------------------------------------

    def _on_query_changed(self, text: str) -> None:
        popup = self.popup
        self._back_to_results(keep_focus=True)
        if not text.strip():
            popup.model.set_rows([])
            return
        request = SearchRequest(text.strip(), limit=RESULTS, snippets=RESULTS)
        try:
            result = self._answers.search(request)
        except Exception as error:
            log.exception("quick answer search failed")
            popup.say(str(error))
            return
        popup.model.set_rows(
            [
                ResultRow(
                    hit.id, hit.slug, hit.title, Kind(hit.kind), hit.category,
                    clean_snippet(hit.snippet, field_label, lambda _slug: None),
                )
                for hit in result.hits
            ],
            snippets_complete=True,
        )
        if popup.model.rowCount():
            popup.results.setCurrentIndex(popup.model.index(0))
        self._pending_search = (request.text, result)

    def open_current(self) -> None:
        """Enter on a result: a template's first empty field, else the reply is delivered."""
        popup = self.popup
        row = popup.model.row(max(popup.results.currentIndex().row(), 0))
        if row is None:
            return
        try:
            record = self._content.get(row.id)
        except Exception as error:
            popup.say(str(error))
            return
        self._record = record
        if not record.is_template:
            self.deliver()
            return
        channel = self._session.channel
        popup.form.set_template(
            template_text(self._answers.with_link_titles(record), channel),
            self._session.values_for(record.id),
            self._answers.render_context(self._context.operator, channel),
            self.tr("Reply"),
        )
        suggested = self._session.suggestions
        popup.form.set_suggestions(
            {
                name: suggested[kind]
                for name in popup.form.edits
                if (kind := field_kind(name)) is not None and kind in suggested
            }
        )
        popup.show_form(record.title)
        if not popup.form.first_empty_field():
            self.deliver()  # nothing to fill: the reply is ready
            return
        popup.form.focus_field()

    def _on_form_changed(self) -> None:
        if self._record is not None and self._record.is_template:
            form = self.popup.form
            self._session.remember_values(self._record.id, form.edits, form.changed_values())

    def _back_to_results(self, keep_focus: bool = False) -> None:
        self._record = None
        self.popup.show_results()
        if not keep_focus:
            self.popup.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _next_client(self) -> None:
        self._session.end_contact(ContactEnd.NEXT)

    def _on_contact_ended(self, _contact: object, _reason: str) -> None:
        self.popup.search_box.clear()
        self.popup.form.set_template("", {}, RenderContext(), "")
        self._back_to_results(keep_focus=not self.popup.isVisible())

    # -- delivering ----------------------------------------------------------------------------

    def deliver(self) -> None:
        """Paste the reply into the window the operator came from, or copy it."""
        record = self._record
        popup = self.popup
        if record is None:
            self.open_current()
            return
        values = popup.form.values() if record.is_template else {}
        reply = self._answers.compose(record, values, self._context.operator, self._session.channel)
        if reply.missing:
            name = reply.missing[0]
            popup.form.show_error(
                self.tr("Fill in «{field}» first.").format(field=field_label(name))
            )
            popup.form.focus_field(name)
            return
        self._log(record)
        plan = decide(self._desktop.can_paste(), self._target, self._own_windows())
        if plan.action == PasteAction.PASTE and plan.target is not None:
            self._keeper.save()
            self._keeper.put(_mime(reply))
            popup.hide()
            target = plan.target
            self._desktop.activate(target)
            QTimer.singleShot(PASTE_DELAY_MS, self._paste)
            self.delivered.emit(str(PasteAction.PASTE))
            return
        QGuiApplication.clipboard().setMimeData(_mime(reply))
        messages = {
            CopyReason.PLATFORM: self._desktop.limitation(),
            CopyReason.NO_TARGET: self.tr("The window you came from is not known."),
            CopyReason.OWN_WINDOW: "",
        }
        popup.say(
            " ".join(
                part
                for part in (
                    messages.get(plan.reason, ""),
                    self.tr("Copied «{title}»: paste it with Ctrl+V. Esc closes.").format(
                        title=record.title
                    ),
                )
                if part
            )
        )
        self.delivered.emit(str(PasteAction.COPY))

    def _paste(self) -> None:
        if not self._desktop.send_paste():
            log.warning("could not paste into the target window")
        QTimer.singleShot(RESTORE_DELAY_MS, self._restore)

    def _restore(self) -> None:
        self.restored.emit(self._keeper.restore())

    def _log(self, record: ArticleRecord) -> None:
        """The search (once) and the copy, with the contact, as the workspace logs them."""
        session = self._session
        query = self.popup.search_box.text().strip() or None
        operator, channel, contact = self._context.operator, session.channel, session.contact_id
        try:
            pending = self._pending_search
            if pending is not None and pending[0] != self._logged:
                self._answers.log_search(pending[0], pending[1], operator, channel, contact)
                self._logged = pending[0]
            self._answers.record(
                EventKind.COPY, record.id, operator, query=query, channel=channel, contact=contact
            )
        except Exception:  # the reply matters more than its statistics
            log.exception("could not record the quick answer")
        session.touch()

    # -- keys and the tray ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        popup = self.popup
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not plain:
            return super().eventFilter(watched, event)
        if key == Qt.Key.Key_Escape:
            if watched is popup.results:
                popup.search_box.setFocus()
            else:
                self.dismiss()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if watched is popup.search_box and key == Qt.Key.Key_Down and popup.model.rowCount():
            popup.results.setFocus()
            return True
        if (
            watched is popup.results
            and key == Qt.Key.Key_Up
            and popup.results.currentIndex().row() <= 0
        ):
            popup.search_box.setFocus()
            popup.search_box.deselect()  # the query stays as typed
            return True
        return super().eventFilter(watched, event)

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        icon = QGuiApplication.windowIcon()
        tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self)
        tray.setToolTip(self.tr("kbdesk: quick answer ({hotkey})").format(hotkey=self.hotkey))
        menu = QMenu()
        menu.addAction(self.tr("Quick answer"), self.summon)
        menu.addAction(self.tr("Next client"), self._next_client)
        tray.setContextMenu(menu)
        tray.activated.connect(self._on_tray_activated)
        self._tray_menu = menu
        tray.show()
        return tray

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.summon()


def _mime(reply: Reply) -> QMimeData:
    mime = QMimeData()
    mime.setText(reply.plain)
    mime.setHtml(reply.html)
    return mime
