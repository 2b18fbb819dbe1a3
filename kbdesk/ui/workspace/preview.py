"""The preview pane's parts: a browser that never fetches, and the template form."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kbdesk.templating import RenderContext, RenderResult, implied_genders, parse, render

MISSING_STYLE = "background-color:#fde3e1;color:#9b1c14;"


def reply_html(result: RenderResult) -> str:
    """The filled reply as HTML, with the placeholders still missing marked in red."""
    text = result.text
    parts: list[str] = []
    position = 0
    for start, end in result.missing_spans:
        parts.append(html.escape(text[position:start]))
        parts.append(f'<span style="{MISSING_STYLE}">{html.escape(text[start:end])}</span>')
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts).replace("\n", "<br>")


# Labels for the placeholder names templates commonly use, so the form speaks the interface's
# language; any other name is shown as written (`имя_клиента` → «Имя клиента»).
_KNOWN_FIELDS = {
    "client_name": QT_TRANSLATE_NOOP("Placeholder", "Client name"),
    "order_number": QT_TRANSLATE_NOOP("Placeholder", "Order number"),
    "minutes": QT_TRANSLATE_NOOP("Placeholder", "Minutes"),
    "amount": QT_TRANSLATE_NOOP("Placeholder", "Amount"),
    "days": QT_TRANSLATE_NOOP("Placeholder", "Days"),
    "promo_code": QT_TRANSLATE_NOOP("Placeholder", "Promo code"),
    "discount": QT_TRANSLATE_NOOP("Placeholder", "Discount"),
    "min_sum": QT_TRANSLATE_NOOP("Placeholder", "Minimum order"),
    "points": QT_TRANSLATE_NOOP("Placeholder", "Points"),
    "date": QT_TRANSLATE_NOOP("Placeholder", "Date"),
    "time": QT_TRANSLATE_NOOP("Placeholder", "Time"),
    "address": QT_TRANSLATE_NOOP("Placeholder", "Address"),
    "email": QT_TRANSLATE_NOOP("Placeholder", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("Placeholder", "Phone"),
    "item_name": QT_TRANSLATE_NOOP("Placeholder", "Item"),
    "invoice_number": QT_TRANSLATE_NOOP("Placeholder", "Invoice number"),
    "company_name": QT_TRANSLATE_NOOP("Placeholder", "Company"),
    "period": QT_TRANSLATE_NOOP("Placeholder", "Period"),
    "request_number": QT_TRANSLATE_NOOP("Placeholder", "Request number"),
    "callback_time": QT_TRANSLATE_NOOP("Placeholder", "Callback time"),
    "refund_text": QT_TRANSLATE_NOOP("Placeholder", "Refund details"),
    "solution": QT_TRANSLATE_NOOP("Placeholder", "Solution"),
    "store": QT_TRANSLATE_NOOP("Placeholder", "Store"),
    "client_gender": QT_TRANSLATE_NOOP("Placeholder", "Client is (м/ж)"),
    "operator_gender": QT_TRANSLATE_NOOP("Placeholder", "I am (м/ж)"),
}


def field_label(name: str) -> str:
    known = _KNOWN_FIELDS.get(name)
    if known is not None:
        return QCoreApplication.translate("Placeholder", known)
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


class TemplateForm(QWidget):
    """One field per placeholder (built-ins excepted) and the finished reply beneath."""

    changed = Signal()
    submitted = Signal()  # Enter in the last field
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._context = RenderContext()
        self._defaults: dict[str, str] = {}
        self._offers: dict[str, str] = {}  # field → value found in the client's message
        self._genders: dict[str, str] = {}  # gender field → the placeholder whose person it is
        self.edits: dict[str, QLineEdit] = {}

        self._fields = QWidget()
        self._form = QFormLayout(self._fields)
        self._form.setContentsMargins(14, 12, 14, 8)
        self._form.setVerticalSpacing(8)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._fields)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.builtins = QLabel()
        self.builtins.setObjectName("hint")
        self.builtins.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.reply_title = QLabel()
        self.reply_title.setObjectName("sectionTitle")
        self.reply = QTextBrowser()
        self.reply.setOpenLinks(False)
        self.reply.setOpenExternalLinks(False)
        self.reply.setObjectName("reply")
        self.reply.document().setDocumentMargin(12)
        self.reply.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Values found in the client's message: offered, never filled without the operator.
        self.suggestion_bar = QFrame()
        self.suggestion_bar.setObjectName("suggestionBar")
        self.suggestion_text = QLabel()
        self.suggestion_text.setWordWrap(True)
        self.suggestion_text.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Fill in  F7"))
        self.accept_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(self.accept_suggestions)
        bar_layout = QHBoxLayout(self.suggestion_bar)
        bar_layout.setContentsMargins(14, 6, 14, 0)
        bar_layout.addWidget(self.suggestion_text, 1)
        bar_layout.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        self.suggestion_bar.hide()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.suggestion_bar)
        top_layout.addWidget(self._scroll, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(14, 6, 14, 0)
        bottom_layout.setSpacing(6)
        bottom_layout.addWidget(self.builtins)
        bottom_layout.addWidget(self.error)
        bottom_layout.addWidget(self.reply_title)
        bottom_layout.addWidget(self.reply, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("templateSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # -- content -----------------------------------------------------------------------------

    def set_template(
        self, text: str, values: dict[str, str], context: RenderContext, title: str
    ) -> None:
        """Show `text` with fields filled from `values`, else from the defaults."""
        self._text = text
        self._context = context
        self._offers = {}
        self.suggestion_bar.hide()
        self.error.hide()
        while self._form.rowCount():
            self._form.removeRow(0)
        self.edits.clear()
        self._defaults.clear()
        self._genders.clear()
        builtins: list[str] = []
        for placeholder in parse(text).placeholders:
            if placeholder.builtin:
                builtins.append(placeholder.name)
                continue
            default = placeholder.default or ""
            self._defaults[placeholder.name] = default
            edit = QLineEdit(values.get(placeholder.name, default))
            edit.setObjectName(f"field:{placeholder.name}")
            edit.setClearButtonEnabled(True)
            edit.setToolTip("{{" + placeholder.name + "}}")
            if placeholder.required:
                edit.setPlaceholderText(self.tr("required"))
            elif default:
                edit.setPlaceholderText(default)
            if placeholder.derived_from:
                self._genders[placeholder.name] = placeholder.derived_from
            edit.textEdited.connect(self._on_field_edited)
            edit.installEventFilter(self)
            label = field_label(placeholder.name) + (" *" if placeholder.required else "")
            self._form.addRow(label + ":", edit)
            self.edits[placeholder.name] = edit
        if not self.edits:
            note = QLabel(self.tr("No fields to fill in: the reply is ready to copy."))
            note.setObjectName("hint")
            self._form.addRow(note)
        self._show_builtins(builtins)
        self.reply_title.setText(title)
        # Every field of a usual template stays in sight; long forms scroll instead.
        self._scroll.setMinimumHeight(min(self._fields.sizeHint().height(), 260))
        self.refresh()

    # -- suggestions -------------------------------------------------------------------------

    def set_suggestions(self, offers: dict[str, str]) -> None:
        """Offer values for these fields (by name); shown while their fields are empty."""
        self._offers = {name: value for name, value in offers.items() if name in self.edits}
        self._show_offers()

    def _open_offers(self) -> dict[str, str]:
        return {
            name: value
            for name, value in self._offers.items()
            if self.edits[name].text() != value
            and (not self.edits[name].text().strip()
                 or self.edits[name].text() == self._defaults.get(name))
        }

    def _show_offers(self) -> None:
        open_offers = self._open_offers()
        for name, edit in self.edits.items():
            offer = open_offers.get(name)
            if offer is not None:
                edit.setPlaceholderText(self.tr("from the message: {value}").format(value=offer))
        if not open_offers:
            self.suggestion_bar.hide()
            return
        listed = " · ".join(
            f"{field_label(name)}: «{value}»" for name, value in open_offers.items()
        )
        self.suggestion_text.setText(
            self.tr("From the client's message: {values}").format(values=listed)
        )
        self.suggestion_bar.show()

    def accept_suggestions(self) -> bool:
        """Fill the empty fields the client's message has values for; False when none."""
        open_offers = self._open_offers()
        for name, value in open_offers.items():
            self.edits[name].setText(value)
        if not open_offers:
            return False
        self.suggestion_bar.hide()
        self._on_field_edited()
        return True

    def _show_builtins(self, names: list[str]) -> None:
        if not names:
            self.builtins.hide()
            return
        filled = render(" · ".join("{{" + n + "}}" for n in names), {}, self._context).text
        self.builtins.setText(self.tr("Filled in automatically: {values}").format(values=filled))
        self.builtins.show()

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def changed_values(self) -> dict[str, str]:
        """What the operator typed that differs from the template's own defaults."""
        return {
            name: edit.text()
            for name, edit in self.edits.items()
            if edit.text().strip() and edit.text() != self._defaults.get(name)
        }

    def result(self) -> RenderResult:
        return render(self._text, self.values(), self._context)

    def refresh(self) -> None:
        result = self.result()
        self.reply.setHtml(reply_html(result))
        self._show_gender_hints(result)

    def _show_gender_hints(self, result: RenderResult) -> None:
        """An empty gender field shows what the name (or Settings) tells, «ж (по имени)»,
        or "required" when a typed name cannot tell; the operator may still type over it."""
        told = implied_genders(self._text, self.values(), self._context) if self._genders else {}
        for name, source in self._genders.items():
            gender, said_by = told.get(name, (None, ""))
            if gender is not None and said_by == "name":
                hint = self.tr("{gender} (from the name)").format(gender=gender.value)
            elif gender is not None:
                hint = self.tr("{gender} (from Settings)").format(gender=gender.value)
            elif name in result.missing and self.values().get(source, "-").strip():
                hint = self.tr("required")
            else:
                hint = ""  # no name typed yet: nothing to say
            self.edits[name].setPlaceholderText(hint)

    def reset(self) -> None:
        for name, edit in self.edits.items():
            edit.setText(self._defaults.get(name, ""))
        self.error.hide()
        self.refresh()
        self.changed.emit()

    # -- focus -------------------------------------------------------------------------------

    def first_empty_field(self) -> QLineEdit | None:
        for edit in self.edits.values():
            if not edit.text().strip():
                return edit
        return None

    def focus_field(self, name: str | None = None) -> bool:
        edit = self.edits.get(name) if name else self.first_empty_field()
        if edit is None and name is None and self.edits:
            edit = next(iter(self.edits.values()))
        if edit is None:
            return False
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()
        self._scroll.ensureWidgetVisible(edit)  # a short pane must not half-hide the field
        return True

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- behaviour ---------------------------------------------------------------------------

    def _on_field_edited(self) -> None:
        self.error.hide()
        self.refresh()
        self.changed.emit()
        if self._offers:
            self._show_offers()

    def _move_to(self, edit: QWidget, reason: Qt.FocusReason) -> None:
        edit.setFocus(reason)
        self._scroll.ensureWidgetVisible(edit)  # a short pane must not half-hide the field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            edits = list(self.edits.values())
            if watched in edits and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                position = edits.index(watched)  # type: ignore[arg-type]
                key = event.key()
                if key == Qt.Key.Key_Escape:
                    self.escape_pressed.emit()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if position + 1 < len(edits):
                        self._move_to(edits[position + 1], Qt.FocusReason.TabFocusReason)
                    else:
                        self.submitted.emit()
                    return True
                if key == Qt.Key.Key_Down and position + 1 < len(edits):
                    self._move_to(edits[position + 1], Qt.FocusReason.TabFocusReason)
                    return True
                if key == Qt.Key.Key_Up and position > 0:
                    self._move_to(edits[position - 1], Qt.FocusReason.BacktabFocusReason)
                    return True
        return super().eventFilter(watched, event)
