"""The right-hand side: what the selected item is, its content, and the resolve bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk import paths
from kbdesk.records import ArticleRecord
from kbdesk.templating import RenderContext
from kbdesk.ui.browser import SafeBrowser
from kbdesk.ui.workspace.preview import TemplateForm
from kbdesk.ui.workspace.resolve import ResolveBar


class PreviewPane(QWidget):
    """Layout only; the page decides what is shown and what the buttons do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("hint")
        # Expired answers and the operator's own feedback about this item (trust.py fills it).
        self.trust = QLabel()
        self.trust.setObjectName("trustLabel")
        self.trust.setWordWrap(True)
        self.trust.setStyleSheet("color: #b00020;")
        self.trust.hide()
        self.report = QToolButton()
        self.report.setObjectName("reportButton")
        self.report.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.report.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pin = QToolButton()
        self.pin.setCheckable(True)
        self.pin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.copy = QPushButton()
        self.copy.setObjectName("copyButton")
        self.copy.setDefault(False)
        self.copy.setAutoDefault(False)
        self.copy.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Back / Forward after following a [[link]] (Alt+← / Alt+→).
        self.back = QToolButton()
        self.back.setObjectName("previewBack")
        self.back.setText("←")
        self.forward = QToolButton()
        self.forward.setObjectName("previewForward")
        self.forward.setText("→")
        for button in (self.back, self.forward):
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(False)
            button.hide()
        self._retranslate_buttons()

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.meta)
        heading.addWidget(self.trust)
        header = QHBoxLayout()
        header.setContentsMargins(14, 10, 10, 8)
        header.setSpacing(8)
        header.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.forward, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 1)
        header.addWidget(self.report, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)
        self.header = QWidget()
        self.header.setObjectName("previewHeader")
        self.header.setLayout(header)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("emptyState")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.browser = SafeBrowser(paths.sample_articles_dir())
        self.browser.setObjectName("articleView")
        self.form = TemplateForm()
        self.stack = QStackedWidget()
        for page in (self.placeholder, self.browser, self.form):
            self.stack.addWidget(page)
        self.resolve = ResolveBar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.resolve)
        self.show_empty("")

    def _retranslate_buttons(self) -> None:
        self.pin.setText(self.tr("☆ Pin"))
        self.pin.setToolTip(self.tr("Pin for this shift (Ctrl+D)"))
        self.copy.setText(self.tr("Copy reply  Ctrl+Enter"))
        self.copy.setToolTip(self.tr("Copy as plain text and HTML (Ctrl+Enter)"))
        self.report.setText(self.tr("Report…"))
        self.report.setToolTip(
            self.tr("Tell the owner this answer is outdated, wrong or missing something (F9)")
        )
        self.back.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward.setToolTip(self.tr("Forward (Alt+Right)"))

    def set_history(self, can_go_back: bool, can_go_forward: bool) -> None:
        """The arrows appear once a link was followed, and stay until the trail ends."""
        self.back.setEnabled(can_go_back)
        self.forward.setEnabled(can_go_forward)
        self.back.setVisible(can_go_back or can_go_forward)
        self.forward.setVisible(can_go_back or can_go_forward)

    def show_empty(self, text: str) -> None:
        self.header.hide()
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    def _show_header(self, record: ArticleRecord, kind: str, pinned: bool) -> None:
        self.title.setText(record.title)
        self.meta.setText(" · ".join(part for part in (kind, record.category) if part))
        self.set_pinned(pinned)
        self.header.show()

    def show_article(self, record: ArticleRecord, html: str, kind: str, pinned: bool) -> None:
        self._show_header(record, kind, pinned)
        self.copy.setText(self.tr("Copy text  Ctrl+Enter"))
        scroll = self.browser.verticalScrollBar()
        same = self.browser.property("article_id") == record.id
        position = scroll.value() if same else 0
        self.browser.setHtml(html)
        self.browser.setProperty("article_id", record.id)
        scroll.setValue(position)  # a refresh of the same article keeps the reading position
        self.stack.setCurrentWidget(self.browser)

    def show_template(
        self,
        record: ArticleRecord,
        text: str,
        values: dict[str, str],
        context: RenderContext,
        kind: str,
        reply_title: str,
        pinned: bool,
    ) -> None:
        self._show_header(record, kind, pinned)
        self.copy.setText(self.tr("Copy reply  Ctrl+Enter"))
        self.form.set_template(text, values, context, reply_title)
        self.stack.setCurrentWidget(self.form)

    def set_trust(self, text: str) -> None:
        """A warning under the title (an expired answer, the fate of my feedback); "" hides."""
        self.trust.setText(text)
        self.trust.setVisible(bool(text))

    def set_pinned(self, pinned: bool) -> None:
        self.pin.setChecked(pinned)
        self.pin.setText(self.tr("★ Pinned") if pinned else self.tr("☆ Pin"))
