"""What to do when someone else saved the item while it was open here."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kbdesk.content import ContentItem, dump
from kbdesk.diffing import ItemMerge, item_diff_html, merge_items
from kbdesk.formats import local_time
from kbdesk.records import ArticleRecord, ConflictError
from kbdesk.services import ContentService
from kbdesk.ui.browser import SafeBrowser
from kbdesk.ui.editor.markdown_edit import MarkdownEdit


class ConflictChoice(Enum):
    CANCEL = "cancel"
    OVERWRITE = "overwrite"
    THEIRS = "theirs"
    MERGE = "merge"


class ConflictDialog(QDialog):
    """Theirs (in the database now) against yours, with a diff; nothing happens silently."""

    def __init__(
        self,
        theirs: ArticleRecord,
        mine: ContentItem,
        expected_version: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice = ConflictChoice.CANCEL
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.resize(980, 640)
        who = theirs.updated_by or self.tr("someone else")
        self.summary = QLabel(
            self.tr(
                "“{title}” was saved by {who} at {when} (version {theirs}) after you opened "
                "version {mine}. Compare the two and decide: nothing is saved until you do."
            ).format(
                title=theirs.title,
                who=who,
                when=local_time(theirs.updated_at),
                theirs=theirs.version,
                mine=expected_version,
            )
        )
        self.summary.setWordWrap(True)
        self.diff = SafeBrowser()
        self.diff.setHtml(
            item_diff_html(
                theirs.to_item(),
                mine,
                old_label=self.tr("theirs (version {version}, {who})").format(
                    version=theirs.version, who=who
                ),
                new_label=self.tr("yours"),
                same_text=self.tr("No differences."),
            )
        )
        self.theirs_text = self._source(dump(theirs.to_item()))
        self.mine_text = self._source(dump(mine))
        both = QWidget()
        columns = QHBoxLayout(both)
        columns.setContentsMargins(0, 0, 0, 0)
        for label, view in (
            (self.tr("Theirs (now in the knowledge base)"), self.theirs_text),
            (self.tr("Yours (not saved)"), self.mine_text),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(label))
            column.addWidget(view)
            columns.addLayout(column)
        tabs = QTabWidget()
        tabs.addTab(self.diff, self.tr("&Differences"))
        tabs.addTab(both, self.tr("&Side by side"))
        self.overwrite_button = QPushButton(self.tr("&Overwrite with mine"))
        self.overwrite_button.setToolTip(
            self.tr("Save your version; theirs stays in the history and can be restored")
        )
        self.theirs_button = QPushButton(self.tr("&Take theirs"))
        self.theirs_button.setToolTip(self.tr("Drop your changes and load their version"))
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setToolTip(
            self.tr(
                "Combine both into the editor: changes to different lines are joined, "
                "overlapping ones are marked for you to resolve before saving"
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.merge_button, self.theirs_button, self.overwrite_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.overwrite_button.clicked.connect(lambda: self.choose(ConflictChoice.OVERWRITE))
        self.theirs_button.clicked.connect(lambda: self.choose(ConflictChoice.THEIRS))
        self.merge_button.clicked.connect(lambda: self.choose(ConflictChoice.MERGE))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _source(text: str) -> QPlainTextEdit:
        view = MarkdownEdit()
        view.setPlainText(text)
        view.setReadOnly(True)
        return view

    def choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()


def ask_conflict_choice(
    parent: QWidget, conflict: ConflictError, mine: ContentItem
) -> ConflictChoice:
    """The conflict dialog, modal over `parent`; Cancel unless the user picks a way out."""
    dialog = ConflictDialog(conflict.current, mine, conflict.expected_version, parent)
    dialog.exec()
    return dialog.choice


def merge_with_theirs(
    content: ContentService, conflict: ConflictError, mine: ContentItem, *, theirs_label: str
) -> ItemMerge:
    """Three-way merge against the version the edit started from (revision N is version N)."""
    theirs = conflict.current
    base = next(
        (r.item for r in content.revisions(theirs.id) if r.number == conflict.expected_version),
        # Without the common ancestor every difference is shown as a conflict: never a guess.
        ContentItem(slug=mine.slug, title=""),
    )
    return merge_items(
        base,
        mine,
        theirs.to_item(),
        mine_label=QCoreApplication.translate("ConflictDialog", "yours"),
        theirs_label=theirs_label,
    )


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, title: str) -> Unsaved:
    """Save / Discard / Cancel for unsaved changes, Save being the default."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("EditorPage", "Unsaved changes"),
        QCoreApplication.translate("EditorPage", "Save the changes to “{title}”?").format(
            title=title
        ),
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return Unsaved.SAVE
    return Unsaved.DISCARD if answer == buttons.Discard else Unsaved.CANCEL
