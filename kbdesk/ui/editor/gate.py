"""Why a publish was refused, and what the person can do about it.

The rule is the content service's (`ContentService.problems`, raised as `PublishBlocked`);
this module only words each problem in the interface language and asks: save it as a draft,
cancel and fix it, or (a team lead only) publish anyway with a reason that the revision keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kbdesk.records import PublishBlocked, PublishProblem
from kbdesk.templating import IssueCode, TemplateIssue
from kbdesk.ui.editor.checks import issue_message


class PublishChoice(Enum):
    CANCEL = "cancel"
    DRAFT = "draft"
    OVERRIDE = "override"


@dataclass(frozen=True)
class PublishDecision:
    choice: PublishChoice
    reason: str = ""


# Asked when a save is refused: the problems, and whether the person is a team lead.
PublishAsk = Callable[[PublishBlocked, bool], PublishDecision]


def problem_text(problem: PublishProblem) -> str:
    """One problem in the interface language, with its line."""
    translate = QCoreApplication.translate
    if problem.code == PublishProblem.MISSING_LINK:
        text = translate("PublishGate", "link to “{slug}”: no item has this slug")
    elif problem.code == PublishProblem.ARCHIVED_LINK:
        text = translate("PublishGate", "link to “{slug}”: the item is archived")
    elif problem.code == PublishProblem.CONFLICT_MARKER:
        text = translate("PublishGate", "a merge conflict marker is left in the text")
    else:
        try:
            code = IssueCode(problem.code)
        except ValueError:
            text = problem.message
        else:
            issue = TemplateIssue(
                problem.line, problem.column, code, problem.message, problem.fragment
            )
            text = issue_message(issue)
    text = text.replace("{slug}", problem.fragment)
    return translate("PublishGate", "line {line}: {problem}").format(
        line=problem.line, problem=text
    )


class PublishGateDialog(QDialog):
    """The problems, and the ways on: a draft, back to fixing, or a lead's override."""

    def __init__(
        self, blocked: PublishBlocked, is_lead: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.decision = PublishDecision(PublishChoice.CANCEL)
        self.setWindowTitle(self.tr("Not published"))
        count = len(blocked.problems)
        self.summary = QLabel(
            self.tr(
                "Operators would see these problems, so it cannot be published as it is. "
                "Fix them, or save it as a draft for now.",
            )
        )
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.addItems([problem_text(problem) for problem in blocked.problems])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Why it must be published now (kept in the history)")
        )
        self.reason.setVisible(is_lead)
        buttons = QDialogButtonBox()
        self.draft_button = QPushButton(self.tr("Save as &draft"))
        self.override_button = QPushButton(self.tr("&Publish anyway"))
        self.override_button.setEnabled(False)
        buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.override_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.override_button.setVisible(is_lead)  # after addButton, which shows it
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("%n problem(s):", "", count)))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.draft_button.clicked.connect(self._on_draft)
        self.override_button.clicked.connect(self._on_override)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._on_reason_changed)
        self.draft_button.setDefault(True)

    def _on_reason_changed(self, text: str) -> None:
        self.override_button.setEnabled(bool(text.strip()))

    def _on_draft(self) -> None:
        self.decision = PublishDecision(PublishChoice.DRAFT)
        self.accept()

    def _on_override(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            return
        self.decision = PublishDecision(PublishChoice.OVERRIDE, reason)
        self.accept()


def ask_publish(parent: QWidget, blocked: PublishBlocked, is_lead: bool) -> PublishDecision:
    dialog = PublishGateDialog(blocked, is_lead, parent)
    dialog.exec()
    return dialog.decision
