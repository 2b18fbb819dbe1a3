"""The quick-answer popup's layout: a search box, a short result list, the template form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from kbdesk.records import Kind
from kbdesk.ui.workspace.preview import TemplateForm
from kbdesk.ui.workspace.result_view import ResultDelegate, ResultListView
from kbdesk.ui.workspace.results import ResultListModel

POPUP_SIZE = (560, 440)
STYLE = """
#quickAnswer { background: palette(window); border: 1px solid #8a93a3; border-radius: 6px; }
#popupNotice { color: #8a4b00; }
#popupTitle { font-weight: 600; font-size: 12pt; }
"""


class QuickAnswerPopup(QFrame):
    """Widgets only; `QuickAnswer` gives them behaviour. Stays on top of every window."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAnswer")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.FramelessWindowHint
        )
        self.setWindowTitle(self.tr("kbdesk — quick answer"))
        self.setStyleSheet(STYLE)
        self.resize(*POPUP_SIZE)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("popupSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Quick answer: type to search"))
        self.notice = QLabel()
        self.notice.setObjectName("popupNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.model = ResultListModel(self)
        self.results = ResultListView()
        self.results.setObjectName("popupResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(
            ResultDelegate({Kind.ARTICLE: self.tr("Article"), Kind.TEMPLATE: self.tr("Template")})
        )
        self.title = QLabel()
        self.title.setObjectName("popupTitle")
        self.title.setWordWrap(True)
        self.title.hide()
        self.form = TemplateForm()
        self.form.hide()
        self.hint = QLabel(
            self.tr("↑↓ choose · Enter fill / paste · Esc back / close · F8 next client")
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.notice)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.search_box)

    def show_results(self) -> None:
        self.title.hide()
        self.form.hide()
        self.results.show()

    def show_form(self, title: str) -> None:
        self.results.hide()
        self.title.setText(title)
        self.title.show()
        self.form.show()

    def say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing only hides: the popup comes back with the next hotkey.
        event.ignore()
        self.hide()
        self.closed.emit()
