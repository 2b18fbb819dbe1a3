"""The inline "did this resolve the request?" bar shown after a copy; never modal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from kbdesk.ui.workspace.keys import answer_key

LIFETIME_MS = 20_000


class ResolveBar(QFrame):
    """Y / N (Н / Т in the Russian layout) answer while it has focus; anything else is typing
    meant for the widget the operator came from, so it is handed back there."""

    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveBar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._return_to: QWidget | None = None
        self.label = QLabel(self.tr("Did this resolve the request?"))
        self.yes = QPushButton(self.tr("[Y] Yes"))
        self.no = QPushButton(self.tr("[N] No"))
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Dismiss (Esc)"))
        close.setAutoRaise(True)
        for button in (self.yes, self.no, close):
            # The bar keeps the focus so the answer keys reach it.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIFETIME_MS)
        self._timer.timeout.connect(self._on_expired)
        self.hide()

    def ask(self, return_to: QWidget | None) -> None:
        self._return_to = return_to
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._timer.start()

    def dismiss(self) -> None:
        had_focus = self.hasFocus()
        self._timer.stop()
        self.hide()
        if had_focus:
            self._give_back_focus()

    def _give_back_focus(self) -> None:
        target = self._return_to
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, resolved: bool) -> None:
        if not self.isVisible():
            return
        self._timer.stop()
        self.hide()
        self.answered.emit(resolved)

    def _on_expired(self) -> None:
        self.dismiss()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        answer = answer_key(event.text(), event.key()) if plain else None
        if answer is not None:
            self._answer(answer)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        target = self._return_to
        if target is not None and target.isVisible() and event.text().strip():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            forwarded = QKeyEvent(
                event.type(), event.key(), event.modifiers(), event.text(),
                event.isAutoRepeat(), event.count(),
            )
            QCoreApplication.sendEvent(target, forwarded)
            return
        super().keyPressEvent(event)
