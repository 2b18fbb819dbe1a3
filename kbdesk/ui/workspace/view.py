"""The workspace's layout: search bar and channel selector, results, preview pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk import paths
from kbdesk.records import Kind
from kbdesk.templating import CHANNELS
from kbdesk.ui.workspace.pane import PreviewPane
from kbdesk.ui.workspace.result_view import ResultDelegate, ResultListView
from kbdesk.ui.workspace.results import ResultListModel


class WorkspaceView(QWidget):
    """Widgets and layout only; the page's controllers give them behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search articles and templates  (Ctrl+L)")
        )
        self.channel_group = QButtonGroup(self)
        channel_row = QHBoxLayout()
        channel_row.setSpacing(0)
        labels = {"phone": self.tr("Phone"), "chat": self.tr("Chat"), "email": self.tr("Email")}
        for number, channel in enumerate(CHANNELS):
            button = QToolButton()
            button.setObjectName(f"channel_{channel}")
            button.setProperty("segment", ("first", "middle", "last")[number])
            button.setText(labels[channel])
            button.setToolTip(self.tr("Reply for {channel} (F{key})").format(
                channel=labels[channel], key=number + 2))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.channel_group.addButton(button, number)
            channel_row.addWidget(button)
        self.channel_labels = labels
        top = QHBoxLayout()
        top.setContentsMargins(12, 10, 12, 6)
        top.setSpacing(12)
        top.addWidget(self.search_box, 1)
        self.message_button = QToolButton()
        self.message_button.setObjectName("messageButton")
        self.message_button.setText(self.tr("Client's message…"))
        self.message_button.setToolTip(
            self.tr("Paste the client's message: templates and values found in it (Ctrl+M)")
        )
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextClientButton")
        self.next_button.setText(self.tr("Next client"))
        self.next_button.setToolTip(
            self.tr("End this contact: every field starts empty for the next client (F8)")
        )
        for button in (self.message_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        channel_caption = QLabel(self.tr("Channel:"))
        channel_caption.setObjectName("hint")
        top.addWidget(channel_caption)
        top.addLayout(channel_row)

        self.mode_label = QLabel()
        self.mode_label.setObjectName("modeLabel")
        self.reading_label = QLabel()
        self.reading_label.setObjectName("readingLabel")
        self.degraded_label = QLabel()
        self.degraded_label.setObjectName("degradedLabel")
        self.degraded_label.setWordWrap(True)
        self.model = ResultListModel(self)
        self.delegate = ResultDelegate(
            {Kind.ARTICLE: self.tr("Article"), Kind.TEMPLATE: self.tr("Template")}, self
        )
        self.results = ResultListView()
        self.results.setObjectName("results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        hint = QLabel(self.tr(
            "↑↓ move · Enter open · Ctrl+Enter copy · Alt+1…9 show, again: copy · "
            "Ctrl+P pinned · Ctrl+R recent · Ctrl+D pin · F8 next client"
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left = QWidget()
        left.setMinimumWidth(300)  # titles and categories stay readable at 1024 px
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 0, 0, 8)
        left_layout.setSpacing(4)
        for label in (self.mode_label, self.reading_label, self.degraded_label):
            # Wrapped, and never asking for width: a long notice (the pinned list's help, a
            # layout reading) must not widen the pane or the window.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.hide()
            left_layout.addWidget(label)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(hint)

        self.pane = PreviewPane()
        self.form = self.pane.form
        self.browser = self.pane.browser
        self.resolve = self.pane.resolve
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workspaceSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.search_box)
        style = paths.resource_path("resources", "styles", "workspace.qss")
        if style.is_file():
            self.setStyleSheet(style.read_text(encoding="utf-8"))

