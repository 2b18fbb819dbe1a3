"""The markdown source editor: a plain text edit with a cheap, per-block highlighter.

Qt calls `highlightBlock` only for the lines that changed (and the ones after them while the
block state changes), so typing in a 50 KB article costs a few regex scans of one line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

_IN_CODE = 1  # block state: inside a fenced code block

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}[ \t].*$")
_VARIANT = re.compile(r"^[ \t]*:::[ \t]*\w*[ \t]*$")
_CONFLICT = re.compile(r"^(<<<<<<< .*|=======|>>>>>>> .*)$")
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])(?=[ \t])")
_QUOTE = re.compile(r"^[ \t]*>")
_STRONG = re.compile(r"\*\*[^*\n]+?\*\*|__[^_\n]+?__")
_EMPHASIS = re.compile(r"(?<![*\w])\*[^*\s][^*\n]*?\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*?_(?![_\w])")
_CODE_SPAN = re.compile(r"(`+)[^`\n]+?\1")
_WIKI_LINK = re.compile(r"\[\[[^\[\]\n]+?\]\]")
_MD_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)")
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]*\}\}")
_GOOD_PLACEHOLDER = re.compile(r"\{\{\s*[^\W\d]\w*\s*(?:\|[^{}\n]*)?\}\}")


def _format(
    color: str,
    *,
    bold: bool = False,
    italic: bool = False,
    background: str | None = None,
    underline: bool = False,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    if underline:
        fmt.setFontUnderline(True)
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, lists, code, `[[links]]`, `{{placeholders}}` and `:::variants`."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._heading = _format("#1f4e8c", bold=True)
        self._variant = _format("#7a3e9d", bold=True, background="#f3e9f8")
        self._conflict = _format("#a00000", bold=True, background="#ffd9d9")
        self._list = _format("#b35c00", bold=True)
        self._quote = _format("#607080", italic=True)
        self._strong = _format("#202020", bold=True)
        self._emphasis = _format("#202020", italic=True)
        self._code = _format("#3d5a1e", background="#f1f4ec")
        self._link = _format("#0b62c4", underline=True)
        self._placeholder = _format("#8a4b00", bold=True, background="#fff1d6")
        self._bad_placeholder = _format("#b00020", background="#ffe3e3", underline=True)
        self._inline = (
            (_STRONG, self._strong),
            (_EMPHASIS, self._emphasis),
            (_MD_LINK, self._link),
            (_WIKI_LINK, self._link),
            (_CODE_SPAN, self._code),  # last: code wins over what looks like markup inside
        )

    def highlightBlock(self, text: str) -> None:
        in_code = self.previousBlockState() == _IN_CODE
        if _FENCE.match(text):
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(0 if in_code else _IN_CODE)
            return
        self.setCurrentBlockState(_IN_CODE if in_code else 0)
        if in_code:
            self.setFormat(0, len(text), self._code)
            return
        if _CONFLICT.match(text):
            self.setFormat(0, len(text), self._conflict)
            return
        if _VARIANT.match(text):
            self.setFormat(0, len(text), self._variant)
            return
        if _HEADING.match(text):
            self.setFormat(0, len(text), self._heading)
        elif _QUOTE.match(text):
            self.setFormat(0, len(text), self._quote)
        elif (marker := _LIST.match(text)) is not None:
            self.setFormat(0, marker.end(), self._list)
        for match in _PLACEHOLDER.finditer(text):
            good = _GOOD_PLACEHOLDER.fullmatch(match.group()) is not None
            fmt = self._placeholder if good else self._bad_placeholder
            self.setFormat(match.start(), match.end() - match.start(), fmt)
        for pattern, fmt in self._inline:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)


class MarkdownEdit(QPlainTextEdit):
    """Monospace source editor that reports losing focus (an autosave moment)."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkdownHighlighter(self.document())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def go_to_line(self, line: int, column: int = 1) -> None:
        """Put the cursor at a 1-based line and column and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            min(max(0, column - 1), max(0, block.length() - 1)),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()
