"""Keeping the operator's clipboard: what they had copied comes back after a reply is pasted."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication


def _snapshot(mime: QMimeData | None) -> QMimeData:
    """A deep copy of every format: the clipboard's own object dies with the next change."""
    copy = QMimeData()
    if mime is not None:
        for fmt in mime.formats():
            copy.setData(fmt, mime.data(fmt))
    return copy


class ClipboardKeeper:
    """`save` before putting a reply on the clipboard, `restore` once it has been pasted.

    Restores only when the clipboard still holds the reply: if the operator copied something
    else meanwhile, that is newer than what was saved and stays.
    """

    def __init__(self) -> None:
        self._saved: QMimeData | None = None
        self._reply_text: str | None = None

    @property
    def holding(self) -> bool:
        return self._saved is not None

    def save(self) -> None:
        self._saved = _snapshot(QGuiApplication.clipboard().mimeData())

    def put(self, mime: QMimeData) -> None:
        """Put the reply on the clipboard (after `save`)."""
        self._reply_text = mime.text()
        QGuiApplication.clipboard().setMimeData(mime)

    def restore(self) -> bool:
        """Put back what was saved; False when nothing was, or the operator copied anew."""
        saved, self._saved = self._saved, None
        reply, self._reply_text = self._reply_text, None
        if saved is None:
            return False
        current = QGuiApplication.clipboard().mimeData()
        if current is not None and reply is not None and current.text() != reply:
            return False
        if saved.formats():
            QGuiApplication.clipboard().setMimeData(saved)
        else:
            QGuiApplication.clipboard().clear()
        return True
