"""The bar that offers back unsaved work found from an earlier session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kbdesk.formats import local_time
from kbdesk.records import DraftRecord


class RecoveryBar(QFrame):
    restore_requested = Signal(str)  # draft key
    discard_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.setStyleSheet(
            "#recoveryBar { background: #fff6d6; border: 1px solid #e6cf7a; border-radius: 4px; }"
        )
        self.label = QLabel()
        self.drafts = QComboBox()
        self.drafts.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Delete this unsaved work for good"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label)
        row.addWidget(self.drafts, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    def set_drafts(self, drafts: Sequence[DraftRecord]) -> None:
        self.drafts.clear()
        for draft in drafts:
            title = draft.item.title or self.tr("(untitled)")
            self.drafts.addItem(
                self.tr("{title} — {when}").format(title=title, when=local_time(draft.updated_at)),
                draft.key,
            )
        self.label.setText(
            self.tr("Unsaved work from an earlier session (%n item(s)):", "", len(drafts))
        )
        self.setVisible(bool(drafts))

    def current_key(self) -> str | None:
        key = self.drafts.currentData()
        return str(key) if key else None

    def _on_restore_clicked(self) -> None:
        key = self.current_key()
        if key:
            self.restore_requested.emit(key)

    def _on_discard_clicked(self) -> None:
        key = self.current_key()
        if key:
            self.discard_requested.emit(key)
