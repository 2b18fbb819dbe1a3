"""The fields of one item: title, kind, slug, category, tags, status, owner, review date and
the date after which operators see it flagged (valid until)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kbdesk.content import SLUG_RE, ContentItem, normalize_tags, slugify
from kbdesk.records import Kind, Status

TITLE_FIELD, SLUG_FIELD = "title", "slug"


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_tags(self, tags: Sequence[str]) -> None:
        model = self.model()
        if isinstance(model, QStringListModel):
            model.setStringList(list(tags))

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = super().pathFromIndex(index)
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0].strip() if "," in text else ""
        return f"{head}, {completion}, " if head else f"{completion}, "


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class ItemForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.slug_auto = False  # a new item's slug follows its title until edited by hand
        self.title = QLineEdit()
        self.title.setMaxLength(500)
        self.title.setPlaceholderText(self.tr("What the client asks about"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Article"), Kind.ARTICLE.value)
        self.kind.addItem(self.tr("Response template"), Kind.TEMPLATE.value)
        self.status = QComboBox()
        self.status.addItem(self.tr("Draft"), Status.DRAFT.value)
        self.status.addItem(self.tr("Published"), Status.PUBLISHED.value)
        self.status.addItem(self.tr("Archived"), Status.ARCHIVED.value)
        self.slug = QLineEdit()
        self.slug.setMaxLength(200)
        self.slug.setToolTip(self.tr("Letters, digits, '-', '_' and '.'; used in [[links]]"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma, separated, tags"))
        self.tag_completer = TagCompleter(self.tags)
        self.tags.setCompleter(self.tag_completer)
        self.owner = QLineEdit()
        self.owner.setMaxLength(200)
        self.owner.setPlaceholderText(self.tr("Who keeps it correct"))
        self.owner_completer = QCompleter(QStringListModel(self), self.owner)
        self.owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner.setCompleter(self.owner_completer)
        self.has_review = QCheckBox(self.tr("Review by"))
        self.review_by = QDateEdit()
        self.review_by.setCalendarPopup(True)
        self.review_by.setDisplayFormat("dd.MM.yyyy")
        self.review_by.setEnabled(False)
        self.has_valid_until = QCheckBox(self.tr("Valid until"))
        self.has_valid_until.setToolTip(
            self.tr("After this day operators see the answer flagged and confirm each copy")
        )
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("dd.MM.yyyy")
        self.valid_until.setEnabled(False)
        self.title_error = _error_label()
        self.slug_error = _error_label()
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title)
        grid.addWidget(title_label, 0, 0)
        grid.addWidget(self.title, 0, 1, 1, 3)
        grid.addWidget(self.title_error, 1, 1, 1, 3)
        rows: list[tuple[str, QWidget, str, QWidget]] = [
            (self.tr("&Kind:"), self.kind, self.tr("St&atus:"), self.status),
            (self.tr("S&lug:"), self.slug, self.tr("&Category:"), self.category),
            (self.tr("Ta&gs:"), self.tags, self.tr("&Owner:"), self.owner),
        ]
        for offset, (left_text, left, right_text, right) in enumerate(rows):
            row = 2 + offset * 2
            left_label, right_label = QLabel(left_text), QLabel(right_text)
            left_label.setBuddy(left)
            right_label.setBuddy(right)
            grid.addWidget(left_label, row, 0)
            grid.addWidget(left, row, 1)
            grid.addWidget(right_label, row, 2)
            grid.addWidget(right, row, 3)
        grid.addWidget(self.slug_error, 5, 1, 1, 3)
        review = QHBoxLayout()
        review.addWidget(self.has_review)
        review.addWidget(self.review_by)
        review.addSpacing(16)
        review.addWidget(self.has_valid_until)
        review.addWidget(self.valid_until)
        review.addStretch(1)
        grid.addLayout(review, 7, 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

    def _connect(self) -> None:
        self.title.textChanged.connect(self._on_title_changed)
        self.slug.textEdited.connect(self._on_slug_edited)
        for edit in (self.slug, self.tags, self.owner):
            edit.textChanged.connect(self._on_field_changed)
        self.category.currentTextChanged.connect(self._on_field_changed)
        for combo in (self.kind, self.status):
            combo.currentIndexChanged.connect(self._on_field_changed)
        self.has_review.toggled.connect(self._on_review_toggled)
        self.review_by.dateChanged.connect(self._on_field_changed)
        self.has_valid_until.toggled.connect(self._on_valid_until_toggled)
        self.valid_until.dateChanged.connect(self._on_field_changed)

    # -- values ------------------------------------------------------------------------------

    def set_choices(
        self, categories: Sequence[str], tags: Sequence[str], owners: Sequence[str]
    ) -> None:
        self._loading = True
        try:
            text = self.category.currentText()
            self.category.clear()
            self.category.addItem("")
            self.category.addItems(list(categories))
            self.category.setCurrentText(text)
        finally:
            self._loading = False
        self.tag_completer.set_tags(tags)
        model = self.owner_completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(list(owners))

    def set_item(self, item: ContentItem, *, slug_auto: bool = False) -> None:
        self._loading = True
        try:
            self.title.setText(item.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
            self.status.setCurrentIndex(max(0, self.status.findData(item.status)))
            self.slug.setText(item.slug)
            self.category.setCurrentText(item.category or "")
            self.tags.setText(", ".join(item.tags))
            self.owner.setText(item.owner or "")
            self.has_review.setChecked(item.review_by is not None)
            self.review_by.setEnabled(item.review_by is not None)
            review = item.review_by or date.today()
            self.review_by.setDate(QDate(review.year, review.month, review.day))
            self.has_valid_until.setChecked(item.valid_until is not None)
            self.valid_until.setEnabled(item.valid_until is not None)
            valid = item.valid_until or date.today()
            self.valid_until.setDate(QDate(valid.year, valid.month, valid.day))
            self.slug_auto = slug_auto
        finally:
            self._loading = False
        self.clear_errors()

    def item(self, body: str) -> ContentItem:
        """The item as typed; validation is separate so a half-typed form can be autosaved."""
        try:
            tags = normalize_tags(self.tags.text())
        except ValueError:
            tags = ()
        review: date | None = None
        if self.has_review.isChecked():
            picked = self.review_by.date()
            review = date(picked.year(), picked.month(), picked.day())
        valid_until: date | None = None
        if self.has_valid_until.isChecked():
            picked = self.valid_until.date()
            valid_until = date(picked.year(), picked.month(), picked.day())
        return ContentItem(
            slug=self.slug.text().strip(),
            title=" ".join(self.title.text().split()),
            body=body,
            kind=str(self.kind.currentData()),
            category=" ".join(self.category.currentText().split()) or None,
            tags=tags,
            status=str(self.status.currentData()),
            owner=" ".join(self.owner.text().split()) or None,
            review_by=review,
            valid_until=valid_until,
        )

    def set_status(self, status: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(status)))

    # -- validation --------------------------------------------------------------------------

    def validate(self, slug_owner: Callable[[str], int | None], own_id: int | None) -> bool:
        """Show a message next to each bad field; True when the form can be saved."""
        self.clear_errors()
        ok = True
        if not self.title.text().strip():
            self.show_error(TITLE_FIELD, self.tr("A title is required."))
            ok = False
        slug = self.slug.text().strip()
        if not slug:
            self.show_error(SLUG_FIELD, self.tr("A slug is required."))
            ok = False
        elif not SLUG_RE.match(slug):
            self.show_error(
                SLUG_FIELD,
                self.tr("Use only letters, digits, '-', '_' and '.', no spaces or '/'."),
            )
            ok = False
        else:
            holder = slug_owner(slug)
            if holder is not None and holder != own_id:
                self.show_error(SLUG_FIELD, self.tr("Another item already uses this slug."))
                ok = False
        return ok

    def show_error(self, field: str, message: str) -> None:
        label = self.title_error if field == TITLE_FIELD else self.slug_error
        label.setText(message)
        label.show()
        (self.title if field == TITLE_FIELD else self.slug).setFocus()

    def clear_errors(self) -> None:
        for label in (self.title_error, self.slug_error):
            label.clear()
            label.hide()

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.title, self.slug, self.tags, self.owner):
            edit.setReadOnly(read_only)
        for widget in (
            self.kind,
            self.status,
            self.category,
            self.has_review,
            self.has_valid_until,
        ):
            widget.setEnabled(not read_only)
        self.review_by.setEnabled(not read_only and self.has_review.isChecked())
        self.valid_until.setEnabled(not read_only and self.has_valid_until.isChecked())

    # -- slots -------------------------------------------------------------------------------

    def _on_title_changed(self, text: str) -> None:
        if self._loading:
            return
        if self.slug_auto:
            self._loading = True
            try:
                self.slug.setText(slugify(text))
            finally:
                self._loading = False
        self.changed.emit()

    def _on_slug_edited(self, _text: str) -> None:
        self.slug_auto = False

    def _on_valid_until_toggled(self, checked: bool) -> None:
        self.valid_until.setEnabled(checked)
        self._on_field_changed()

    def _on_review_toggled(self, checked: bool) -> None:
        self.review_by.setEnabled(checked)
        self._on_field_changed()

    def _on_field_changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()
