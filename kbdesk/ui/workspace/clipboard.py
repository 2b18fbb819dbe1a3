"""Putting a reply on the clipboard: plain text for chat windows, HTML for email clients."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from kbdesk.replies import Reply


def put_on_clipboard(reply: Reply) -> None:
    mime = QMimeData()
    mime.setText(reply.plain)
    mime.setHtml(reply.html)
    QGuiApplication.clipboard().setMimeData(mime)
