"""The one HTML view for content: sanitised markdown that never fetches anything.

Editors' content is untrusted and operators work on a closed network, so the view loads no
resource but images inside the knowledge-base folder. A click on a `[[slug]]` link is reported
as `kb_link(slug)`; web links open in the system browser only on a click.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from kbdesk.rendering import slug_from_href

ARTICLE_CSS = """
h1, h2, h3 { font-weight: 600; margin-top: 14px; margin-bottom: 6px; }
h2.variant { color: #7a3e9d; }
p { margin-top: 0; margin-bottom: 8px; }
table { border-collapse: collapse; margin: 6px 0 10px 0; }
th, td { border: 1px solid #c9ced6; padding: 4px 8px; }
th { background-color: #f1f3f6; font-weight: 600; }
pre { background-color: #f4f5f7; padding: 8px; }
code { font-family: monospace; background-color: #f4f5f7; }
blockquote { color: #555; margin-left: 12px; }
a { color: #1f5fbf; }
a.missing { color: #b3261e; text-decoration: line-through; }
"""
WEB_SCHEMES = ("http", "https", "mailto", "tel")


class SafeBrowser(QTextBrowser):
    kb_link = Signal(str)

    def __init__(self, image_root: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image_root = image_root.resolve() if image_root else None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(ARTICLE_CSS)
        self.document().setDocumentMargin(14)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, type: int, name: QUrl) -> Any:
        # Refusals return an empty QByteArray rather than None, which some PySide releases
        # mishandle when it is handed back to C++.
        refused = QByteArray()
        if (
            type != QTextDocument.ResourceType.ImageResource.value
            or self._image_root is None
            or name.scheme()
            or name.host()
        ):
            return refused
        candidate = (self._image_root / name.path()).resolve()
        if not candidate.is_relative_to(self._image_root) or not candidate.is_file():
            return refused
        image = QImage(str(candidate))
        return refused if image.isNull() else image

    def _on_anchor_clicked(self, url: QUrl) -> None:
        slug = slug_from_href(url.toString())
        if slug is not None:
            self.kb_link.emit(slug)
        elif url.scheme().lower() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
