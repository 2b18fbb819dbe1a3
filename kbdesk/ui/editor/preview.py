"""The live preview beside the source, and the list of checks (placeholders, problems)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kbdesk.rendering import html_for_clipboard, markdown_to_html
from kbdesk.templating import (
    BUILTINS,
    Placeholder,
    RenderContext,
    parse,
    render,
    split_variants,
)
from kbdesk.ui.browser import SafeBrowser

_SAMPLE_OPEN, _SAMPLE_CLOSE = "\ue000", "\ue001"  # private-use marks around sample values
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Check:
    """A problem at a 1-based line (and column) of the source."""

    line: int
    column: int
    message: str
    severity: str  # "error" or "warning"


def sample_reply_html(body: str, operator: str, channel_names: dict[str, str]) -> str:
    """A template filled with sample values (the default, else the name in brackets)."""
    variants = split_variants(body)
    sections = [(channel_names.get("", ""), variants.main)]
    sections += [
        (channel_names.get(name, name), text) for name, text in variants.by_channel.items()
    ]
    parts: list[str] = []
    for heading, text in sections:
        if not text.strip():
            continue
        values = {}
        for token in parse(text).placeholders:
            if token.name in BUILTINS:
                continue
            sample = token.default if token.default else f"[{token.name}]"
            values[token.name] = f"{_SAMPLE_OPEN}{sample}{_SAMPLE_CLOSE}"
        result = render(text, values, RenderContext(operator=operator))
        filled = html_for_clipboard(result.text)
        filled = filled.replace(
            _SAMPLE_OPEN, '<span style="background:#fff1d6; color:#8a4b00">'
        ).replace(_SAMPLE_CLOSE, "</span>")
        parts.append(f'<h2 class="variant">{html.escape(heading)}</h2>{filled}')
    return "".join(parts)


class PreviewPane(QWidget):
    """Rendered preview on top; placeholders and problems (clickable) below."""

    kb_link = Signal(str)
    line_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeBrowser()
        self.browser.kb_link.connect(self.kb_link)
        self.placeholders = QListWidget()
        self.placeholders.setToolTip(self.tr("Placeholders found in the template"))
        self.checks = QListWidget()
        self.checks.setWordWrap(True)
        self.checks.itemActivated.connect(self._on_check_activated)
        self.checks.itemClicked.connect(self._on_check_activated)
        self.placeholders.itemClicked.connect(self._on_check_activated)
        self.placeholders_label = QLabel(self.tr("Placeholders"))
        self.checks_label = QLabel(self.tr("Problems"))
        bottom = QWidget()
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.placeholders_label)
        column.addWidget(self.placeholders, 1)
        column.addWidget(self.checks_label)
        column.addWidget(self.checks, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._channel_names = {
            "": self.tr("Reply"),
            "phone": self.tr("Phone"),
            "chat": self.tr("Chat"),
            "email": self.tr("Email"),
        }

    def show_article(self, body: str, link_exists: Callable[[str], bool]) -> None:
        self._set_html(markdown_to_html(body, link_exists=link_exists))
        self._set_placeholders(None)

    def show_template(self, body: str, operator: str, placeholders: Sequence[Placeholder]) -> None:
        self._set_html(sample_reply_html(body, operator, self._channel_names))
        self._set_placeholders(placeholders)

    def set_checks(self, checks: Sequence[Check]) -> None:
        self.checks.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for check in checks:
            text = self.tr("Line {line}: {message}").format(line=check.line, message=check.message)
            entry = QListWidgetItem(icons[check.severity], text)
            entry.setData(LINE_ROLE, (check.line, check.column))
            self.checks.addItem(entry)
        count = len(checks)
        self.checks_label.setText(
            self.tr("Problems ({count})").format(count=count) if count else self.tr("No problems")
        )

    def _set_placeholders(self, placeholders: Sequence[Placeholder] | None) -> None:
        self.placeholders.clear()
        visible = placeholders is not None
        self.placeholders.setVisible(visible)
        self.placeholders_label.setVisible(visible)
        if placeholders is None:
            return
        for placeholder in placeholders:
            if placeholder.builtin:
                note = self.tr("built-in")
            elif placeholder.default:
                note = self.tr("default: {value}").format(value=placeholder.default)
            elif placeholder.default == "":
                note = self.tr("optional")
            else:
                note = self.tr("required")
            entry = QListWidgetItem(f"{{{{{placeholder.name}}}}} — {note}")
            entry.setData(LINE_ROLE, (placeholder.line, placeholder.column))
            self.placeholders.addItem(entry)
        self.placeholders_label.setText(
            self.tr("Placeholders ({count})").format(count=len(placeholders))
        )

    def _set_html(self, text: str) -> None:
        # Keep the reader's place: re-rendering must not jump back to the top.
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(text)
        bar.setValue(position)

    def _on_check_activated(self, entry: QListWidgetItem) -> None:
        where = entry.data(LINE_ROLE)
        if where:
            self.line_requested.emit(int(where[0]), int(where[1]))
