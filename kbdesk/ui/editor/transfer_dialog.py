"""Choosing what to import or where to export, and the per-file import report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kbdesk.records import ImportReport
from kbdesk.ui.context import AppContext
from kbdesk.ui.editor.reasons import reason_text
from kbdesk.ui.tasks import run_task

IMPORT, EXPORT = "import", "export"
_SEPARATOR = " ; "  # between several chosen files in the path box


class TransferDialog(QDialog):
    """One path box with buttons to pick a folder or a zip: both work both ways."""

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        importing = mode == IMPORT
        self.setWindowTitle(self.tr("Import") if importing else self.tr("Export"))
        self.resize(640, 160)
        explanation = QLabel(
            self.tr(
                "Import markdown files with front matter from a folder (with its sub-folders) "
                "or a .zip. An item whose slug exists is updated, as a new revision."
            )
            if importing
            else self.tr(
                "Export every article and template as one markdown file each, into a folder "
                "or a .zip; importing it back gives the same knowledge base."
            )
        )
        explanation.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Folder or .zip file"))
        self.path.textChanged.connect(self._on_path_changed)
        folder = QPushButton(self.tr("&Folder…"))
        folder.clicked.connect(self._on_pick_folder)
        archive = QPushButton(self.tr("&Zip or files…") if importing else self.tr("&Zip file…"))
        archive.clicked.connect(self._on_pick_archive)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(folder)
        row.addWidget(archive)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Import") if importing else self.tr("&Export"))
        ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def paths(self) -> list[Path]:
        return [Path(part.strip()) for part in self.path.text().split(_SEPARATOR) if part.strip()]

    def _on_path_changed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.paths()))

    def _on_pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.path.setText(folder)

    def _on_pick_archive(self) -> None:
        if self.mode == IMPORT:
            files, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Choose files"), "", self.tr("Markdown or zip (*.md *.zip)")
            )
            if files:
                self.path.setText(_SEPARATOR.join(files))
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), "kbdesk-export.zip", self.tr("Zip archive (*.zip)")
        )
        if target:
            self.path.setText(target if target.lower().endswith(".zip") else target + ".zip")


class ImportReportDialog(QDialog):
    """Every file with what happened to it; failures first, with the reason."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self.resize(820, 480)
        summary = self.tr(
            "{created} created, {updated} updated, {unchanged} unchanged, {failed} failed"
        ).format(
            created=len(report.created),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
            failed=len(report.failed),
        )
        self.summary = QLabel(summary)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("File or item"), self.tr("Result"), self.tr("Reason")]
        )
        red, amber = QBrush(QColor("#b00020")), QBrush(QColor("#8a5a00"))
        for name, reason in report.failed:
            self._add(name, self.tr("failed"), reason_text(reason), red)
        for name, warning in report.warnings:
            self._add(name, self.tr("warning"), reason_text(warning), amber)
        for label, slugs in (
            (self.tr("created"), report.created),
            (self.tr("updated"), report.updated),
            (self.tr("unchanged"), report.unchanged),
        ):
            for slug in slugs:
                self._add(slug, label, "", None)
        table = QTableView()
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)
        table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

    def _add(self, name: str, result: str, reason: str, brush: QBrush | None) -> None:
        cells = [QStandardItem(name), QStandardItem(result), QStandardItem(reason)]
        for cell in cells:
            cell.setToolTip(cell.text())
            if brush is not None:
                cell.setForeground(brush)
        self.model.appendRow(cells)


class TransferController(QObject):
    """The File menu's Import… and Export… actions; the work runs off the UI thread."""

    imported = Signal(object)  # ImportReport
    exported = Signal(list)  # written paths
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._parent = parent
        self.report_dialog: ImportReportDialog | None = None
        self.import_action = QAction(self.tr("&Import…"), parent)
        self.import_action.setStatusTip(self.tr("Import articles from a folder or a zip"))
        self.import_action.triggered.connect(self._on_import_triggered)
        self.export_action = QAction(self.tr("E&xport…"), parent)
        self.export_action.setStatusTip(self.tr("Export the knowledge base to a folder or a zip"))
        self.export_action.triggered.connect(self._on_export_triggered)
        self._busy = False
        self._export_target = Path()
        self.update_enabled()

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    def update_enabled(self) -> None:
        allowed = self.context.can_edit and not self._busy
        self.import_action.setEnabled(allowed)
        self.export_action.setEnabled(allowed)

    def start_import(self, paths: list[Path]) -> bool:
        operator = self.context.operator
        try:
            self.context.desk.people.require_editor(operator)
        except PermissionError as error:
            self._on_failed(error)
            return False
        self._set_busy(True)
        content = self.context.desk.content
        run_task(
            lambda: content.import_paths(paths, operator),
            on_done=self._on_import_done,
            on_error=self._on_failed,
        )
        return True

    def start_export(self, target: Path) -> bool:
        if not self.context.can_edit:
            return False
        self._set_busy(True)
        self._export_target = target
        content = self.context.desk.content
        operator = self.context.operator
        run_task(
            lambda: content.export(target, operator),
            on_done=self._on_export_done,
            on_error=self._on_failed,
        )
        return True

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.update_enabled()

    def _on_import_triggered(self) -> None:
        dialog = TransferDialog(IMPORT, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_import(dialog.paths())

    def _on_export_triggered(self) -> None:
        dialog = TransferDialog(EXPORT, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.paths():
            self.start_export(dialog.paths()[0])

    def _on_import_done(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.context.imported(report)
        self.report_dialog = ImportReportDialog(report, self._parent)
        self.report_dialog.open()
        self.imported.emit(report)

    def _on_export_done(self, written: list[Path]) -> None:
        self._set_busy(False)
        where = self._export_target
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export"),
            self.tr("Exported %n file(s) to {where}.", "", len(written)).format(where=where),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.open()
        self.exported.emit(written)

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Import or export failed"),
            str(error),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.open()
        self.failed.emit(str(error))
