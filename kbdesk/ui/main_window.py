"""The application shell: pages in tabs, menus, status bar, remembered geometry."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbdesk import __version__
from kbdesk.records import Role
from kbdesk.services import GREETING_STYLES
from kbdesk.ui.context import AppContext, IndexStatus
from kbdesk.ui.restore import pick_backup, restored_text


class SettingsDialog(QDialog):
    """Who is working, how replies speak of them and greet clients, and the language."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, welcome: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to kbdesk") if welcome else self.tr("Settings"))
        self.name = QLineEdit(context.operator)
        self.name.setMaxLength(200)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("Русский", "ru")
        self.language.addItem("English", "en")
        current = str(context.settings.value("ui/language", "system"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form = QFormLayout(self)
        if welcome:
            intro = QLabel(
                self.tr(
                    "Your name signs the replies you copy ({{operator}}) and your statistics. "
                    "You can change it later in File → Settings."
                )
            )
            intro.setWordWrap(True)
            form.addRow(intro)
        form.addRow(self.tr("Your &name:"), self.name)
        self._add_reply_rows(context, form, welcome)
        form.addRow(self.tr("&Language:"), self.language)
        # A contact (call, chat) ends by itself after this long without activity; 0: never.
        from kbdesk.ui.popup.controller import HOTKEY_KEY
        from kbdesk.ui.workspace.contact import idle_minutes

        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(idle_minutes(context.settings))
        form.addRow(self.tr("New contact after &idle:"), self.idle)
        self.hotkey = QKeySequenceEdit(
            QKeySequence(str(context.settings.value(HOTKEY_KEY, "Ctrl+Alt+K")))
        )
        self.hotkey.setMaximumSequenceLength(1)
        form.addRow(self.tr("Quick-answer &hotkey:"), self.hotkey)
        note = QLabel(self.tr("A new language applies after a restart."))
        note.setEnabled(False)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add_reply_rows(self, context: AppContext, form: QFormLayout, welcome: bool) -> None:
        """The operator's own gender; for a team lead (not on the welcome), the greetings."""
        self.gender = QComboBox()
        self.gender.addItem(self.tr("As my name tells"), "")
        self.gender.addItem(self.tr("Male (м)"), "м")
        self.gender.addItem(self.tr("Female (ж)"), "ж")
        self.gender.setToolTip(
            self.tr(
                "Replies agree with it: «я оформил» or «я оформила». Set it when your name "
                "is a login or does not tell."
            )
        )
        self._gender_at_start = context.operator_gender
        self.gender.setCurrentIndex(max(0, self.gender.findData(self._gender_at_start)))
        form.addRow(self.tr("I &am:"), self.gender)
        self.greetings: dict[str, QComboBox] = {}
        self._greetings_at_start: dict[str, str] = {}
        if not context.is_lead or welcome:
            return
        styles = {
            "имя": self.tr("First name: Мария"),
            "имя_отчество": self.tr("First name and patronymic: Мария Ивановна"),
            "фио": self.tr("Surname, first name and patronymic: Петрова Мария Ивановна"),
        }
        labels = {
            "chat": self.tr("Greeting in &chat:"),
            "phone": self.tr("Greeting on the &phone:"),
            "email": self.tr("Greeting in &e-mail:"),
        }
        self._greetings_at_start = context.greetings()
        title = QLabel(self.tr("How replies greet the client, for the whole team:"))
        title.setToolTip("{{client_name: обращение}}")
        form.addRow(title)
        for channel, label in labels.items():
            box = QComboBox()
            for style in GREETING_STYLES:
                box.addItem(styles.get(style, style), style)
            box.setCurrentIndex(max(0, box.findData(self._greetings_at_start.get(channel))))
            form.addRow(label, box)
            self.greetings[channel] = box

    def gender_choice(self) -> str | None:
        """The gender picked ("м", "ж", "" for "as my name tells"); None when left as it was."""
        chosen = str(self.gender.currentData())
        return None if chosen == self._gender_at_start else chosen

    def greeting_choices(self) -> dict[str, str]:
        """Channel → greeting style, for the channels whose style was changed here."""
        return {
            channel: str(box.currentData())
            for channel, box in self.greetings.items()
            if box.currentData() != self._greetings_at_start.get(channel)
        }


class SampleNotice(QFrame):
    """Says that the sample knowledge base was loaded, with a way to remove it."""

    def __init__(self, count: int, can_remove: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleNotice")
        # A notice, not an error: a soft colour that stands out from the page below it.
        self.setStyleSheet(
            "#sampleNotice { background: #fff6d6; border-bottom: 1px solid #e8d9a0; }"
        )
        self.text = QLabel(
            self.tr(
                "A sample knowledge base of %n items was loaded so you can try kbdesk. "
                "Remove it before you import your own (File → Remove sample content).",
                "",
                count,
            )
        )
        self.text.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove sample"))
        self.remove_button.setVisible(can_remove)
        self.close_button = QPushButton(self.tr("Keep it"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.remove_button)
        row.addWidget(self.close_button)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("kbdesk {version}").format(version=__version__))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.sample_notice = SampleNotice(context.sample_loaded, context.can_edit)
        self.sample_notice.setVisible(context.sample_loaded > 0)
        self.sample_notice.remove_button.clicked.connect(self._on_remove_sample)
        self.sample_notice.close_button.clicked.connect(self.sample_notice.hide)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sample_notice)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, QWidget] = {}
        self._make_pages()
        self._make_quick_answer()
        self._make_menus()
        self._index_label = QLabel()
        self._operator_label = QLabel()
        self.statusBar().addPermanentWidget(self._index_label)
        self.statusBar().addPermanentWidget(self._operator_label)
        context.index_status_changed.connect(self._on_index_status)
        context.operator_changed.connect(self._on_operator_changed)
        context.open_requested.connect(self._on_open_requested)
        context.edit_requested.connect(self._on_edit_requested)
        context.draft_requested.connect(self._on_draft_requested)
        self._on_operator_changed()
        self._on_index_status(context.index_status, 0, 0)
        self._restore_geometry()

    # -- layout ------------------------------------------------------------------------------

    def _make_pages(self) -> None:
        from kbdesk.ui.workspace import WorkspacePage

        self.pages["workspace"] = WorkspacePage(self.context)
        self.tabs.addTab(self.pages["workspace"], self.tr("&Answers"))
        self._add_role_pages()

    def _make_quick_answer(self) -> None:
        """The global hotkey's popup, in the workspace's contact (see kbdesk/ui/popup)."""
        from kbdesk.ui.desktop import detect
        from kbdesk.ui.popup import QuickAnswer

        workspace = self.pages["workspace"]
        self.quick_answer = QuickAnswer(
            self.context,
            workspace.session,  # type: ignore[attr-defined]
            detect(self),
            own_windows=lambda: {int(self.winId())},
            parent=self,
        )

    def _add_role_pages(self) -> None:
        """Editor and dashboard pages, shown to the roles that use them."""
        from kbdesk.ui.dashboard import DashboardPage
        from kbdesk.ui.editor import EditorPage

        self.pages["editor"] = EditorPage(self.context)
        self.pages["dashboard"] = DashboardPage(self.context)
        self.tabs.addTab(self.pages["editor"], self.tr("&Editor"))
        self.tabs.addTab(self.pages["dashboard"], self.tr("&Dashboard"))
        self._apply_role()

    def _apply_role(self) -> None:
        editor = self.tabs.indexOf(self.pages["editor"])
        dashboard = self.tabs.indexOf(self.pages["dashboard"])
        self.tabs.setTabVisible(editor, self.context.can_edit)
        self.tabs.setTabVisible(dashboard, self.context.is_lead)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self._on_settings)
        file_menu.addAction(settings)
        reindex = QAction(self.tr("&Rebuild search index"), self)
        reindex.triggered.connect(lambda: self.context.ensure_index_async(force=True))
        file_menu.addAction(reindex)
        file_menu.addSeparator()
        file_menu.addActions(self.pages["editor"].file_actions())
        self.remove_sample_action = QAction(self.tr("Remove sample &content…"), self)
        self.remove_sample_action.triggered.connect(self._on_remove_sample)
        file_menu.addAction(self.remove_sample_action)
        self.restore_action = QAction(self.tr("Restore from &backup…"), self)
        self.restore_action.triggered.connect(self._on_restore_backup)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu
        for number, key in enumerate(("workspace", "editor", "dashboard"), start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, page=key: self.show_page(page))
            self.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About kbdesk"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def show_page(self, key: str) -> QWidget | None:
        page = self.pages.get(key)
        if page is None:
            return None
        index = self.tabs.indexOf(page)
        if not self.tabs.isTabVisible(index):
            return None
        self.tabs.setCurrentIndex(index)
        return page

    # -- behaviour ---------------------------------------------------------------------------

    def _on_index_status(self, status: str, done: int, total: int) -> None:
        if status == IndexStatus.REBUILDING:
            text = (
                self.tr("Updating the search index: {done} of {total}…").format(
                    done=done, total=total
                )
                if total
                else self.tr("Updating the search index…")
            )
        elif status == IndexStatus.FAILED:
            text = self.tr("Search index could not be rebuilt: searching the database")
        else:
            text = ""
        self._index_label.setText(text)

    def _on_operator_changed(self) -> None:
        roles = {
            Role.OPERATOR: self.tr("operator"),
            Role.EDITOR: self.tr("editor"),
            Role.LEAD: self.tr("team lead"),
        }
        self._operator_label.setText(f"{self.context.operator} · {roles[self.context.role]}")
        if "editor" in self.pages:
            self._apply_role()
        self.remove_sample_action.setEnabled(self.context.can_edit)
        self.restore_action.setEnabled(self.context.is_lead)
        self.sample_notice.remove_button.setVisible(self.context.can_edit)

    def _on_remove_sample(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove sample content"),
            self.tr(
                "Delete the sample articles and templates that nobody has edited? "
                "Items you changed stay."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removal = self.context.remove_sample()
        except Exception as error:  # a refusal or a database problem: say it, keep going
            QMessageBox.warning(self, self.tr("Remove sample content"), str(error))
            return
        self.sample_notice.hide()
        self.statusBar().showMessage(
            self.tr("%n sample item(s) removed.", "", len(removal.removed)), 10_000
        )

    def _on_restore_backup(self) -> None:
        backup = pick_backup(self, self.context.home)
        if backup is None:
            return
        maintenance = self.context.desk.maintenance
        try:
            maintenance.check_backup(backup)  # before anything closes or changes
        except Exception as error:
            QMessageBox.warning(self, self.tr("Restore from backup"), str(error))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the whole knowledge base with this backup? The current database "
                "file is kept beside it. kbdesk closes afterwards; start it again."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            restored = maintenance.restore(backup, self.context.operator)
        except PermissionError as error:  # not a lead: nothing was closed
            QMessageBox.warning(self, self.tr("Restore from backup"), str(error))
            return
        except Exception as error:
            QMessageBox.warning(self, self.tr("Restore from backup"), str(error))
            QApplication.quit()
            return
        QMessageBox.information(self, self.tr("Restore from backup"), restored_text(restored))
        QApplication.quit()

    def _on_open_requested(self, article_id: int) -> None:
        page = self.show_page("workspace")
        if page is not None and hasattr(page, "show_article"):
            page.show_article(article_id)

    def _on_edit_requested(self, article_id: int) -> None:
        page = self.show_page("editor")
        if page is not None and hasattr(page, "open_article"):
            page.open_article(article_id)

    def _on_draft_requested(self, title: str, body: str) -> None:
        page = self.show_page("editor")
        if page is not None and hasattr(page, "new_item"):
            page.new_item(title=title, body=body)

    def ask_who_is_working(self) -> None:
        """On the first start: the name defaults to the system user, which is rarely right."""
        if self.context.operator_confirmed:
            return
        dialog = SettingsDialog(self.context, self, welcome=True)
        dialog.name.selectAll()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply_settings(dialog, rename=True)

    def _on_settings(self) -> None:
        dialog = SettingsDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply_settings(dialog, rename=False)

    def _apply_settings(self, dialog: SettingsDialog, *, rename: bool) -> None:
        self.context.set_operator(dialog.name.text(), rename=rename)
        gender, greetings = dialog.gender_choice(), dialog.greeting_choices()
        try:
            if gender is not None:
                self.context.set_operator_gender(gender)
            if greetings:
                self.context.set_greetings(greetings)
        except Exception as error:  # demoted meanwhile, or a database problem: say so
            QMessageBox.warning(self, self.tr("Settings"), str(error))
        from kbdesk.ui.workspace.contact import IDLE_KEY

        self.context.settings.setValue(IDLE_KEY, dialog.idle.value())
        workspace = self.pages["workspace"]
        workspace.contacts.set_idle_minutes(dialog.idle.value())  # type: ignore[attr-defined]
        hotkey = dialog.hotkey.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if hotkey and hotkey != self.quick_answer.hotkey and not self.quick_answer.set_hotkey(
            hotkey
        ):
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr(
                    "The hotkey {hotkey} could not be set: another program uses it, or this "
                    "desktop has no global hotkeys. {hotkey_now} stays."
                ).format(hotkey=hotkey, hotkey_now=self.quick_answer.hotkey),
            )
        language = dialog.language.currentData()
        if language != self.context.settings.value("ui/language", "system"):
            self.context.settings.setValue("ui/language", language)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About kbdesk"),
            self.tr(
                "kbdesk {version}\nKnowledge base and canned responses for support teams."
            ).format(version=__version__),
        )

    def _restore_geometry(self) -> None:
        geometry = self.context.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            closer = getattr(page, "can_close", None)
            if closer is not None and not closer():
                event.ignore()
                return
        self.context.settings.setValue("window/geometry", self.saveGeometry())
        self.quick_answer.shut_down()
        for page in self.pages.values():
            saver = getattr(page, "save_state", None)
            if saver is not None:
                saver()
        self.context.settings.sync()
        event.accept()
