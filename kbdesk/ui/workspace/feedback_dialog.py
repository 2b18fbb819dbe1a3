"""The small dialog behind F9: what is wrong with this answer, and an optional comment."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk.records import FeedbackKind

KINDS = (FeedbackKind.OUTDATED, FeedbackKind.WRONG, FeedbackKind.MISSING)


class FeedbackDialog(QDialog):
    """1 / 2 / 3 choose (Alt+1…3 once a comment is typed); Enter sends; Esc cancels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report a problem with this answer"))
        heading = QLabel(self.tr("«{title}» is…").format(title=title))
        heading.setWordWrap(True)
        labels = {
            FeedbackKind.OUTDATED: self.tr("&1  outdated"),
            FeedbackKind.WRONG: self.tr("&2  wrong"),
            FeedbackKind.MISSING: self.tr("&3  missing something"),
        }
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.buttons: dict[FeedbackKind, QRadioButton] = {}
        for number, kind in enumerate(KINDS):
            button = QRadioButton(labels[kind])
            self.group.addButton(button, number)
            self.buttons[kind] = button
            layout.addWidget(button)
        self.buttons[FeedbackKind.OUTDATED].setChecked(True)
        self.comment = QLineEdit()
        self.comment.setMaxLength(2000)
        self.comment.setPlaceholderText(self.tr("What is wrong (optional)"))
        layout.addWidget(self.comment)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send to the owner"))
        ok.setDefault(True)
        layout.addWidget(box)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.comment.installEventFilter(self)
        self.comment.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def kind(self) -> FeedbackKind:
        return KINDS[max(0, self.group.checkedId())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Digits choose while the comment is still empty: "F9, 2, Enter" is three keys.
        if (
            watched is self.comment
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text() in ("1", "2", "3")
            and not self.comment.text()
        ):
            self.buttons[KINDS[int(event.text()) - 1]].setChecked(True)
            return True
        return super().eventFilter(watched, event)
