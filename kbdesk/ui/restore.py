"""Restoring a backup from the window: at start when the database is damaged, or from the menu.

Thin: the checks and the file work are in `kbdesk.services.maintenance`; this module only asks
which file and says what happened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kbdesk.records import StorageError
from kbdesk.services.maintenance import Restored, backups_dir, restore_backup


def pick_backup(parent: QWidget | None, home: Path) -> Path | None:
    folder = backups_dir(home)
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("RestoreBackup", "Choose a backup to restore"),
        str(folder if folder.is_dir() else home),
        QCoreApplication.translate("RestoreBackup", "kbdesk backups (*.sqlite);;All files (*)"),
    )
    return Path(name) if name else None


def restored_text(restored: Restored) -> str:
    text = QCoreApplication.translate("RestoreBackup", "The backup was restored.")
    if restored.kept_aside is not None:
        text += "\n" + QCoreApplication.translate(
            "RestoreBackup", "The previous database file was kept as:\n{path}"
        ).format(path=restored.kept_aside)
    return text


def offer_restore_at_start(error: StorageError, home: Path) -> bool:
    """The database would not open: offer a backup instead of quitting. True if restored."""
    while True:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("RestoreBackup", "kbdesk cannot start"),
            "",
        )
        box.setText(
            QCoreApplication.translate(
                "RestoreBackup", "The knowledge base is damaged and was not changed."
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "RestoreBackup",
                "Restore it from a backup? The damaged file is kept beside it, not deleted.",
            )
        )
        box.setDetailedText(str(error))
        restore = box.addButton(
            QCoreApplication.translate("RestoreBackup", "Restore from backup…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("RestoreBackup", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is not restore:
            return False
        backup = pick_backup(None, home)
        if backup is None:
            continue
        try:
            restored = restore_backup(backup, home)
        except (StorageError, OSError) as problem:
            QMessageBox.warning(
                None,
                QCoreApplication.translate("RestoreBackup", "Restore from backup"),
                str(problem),
            )
            continue
        QMessageBox.information(
            None,
            QCoreApplication.translate("RestoreBackup", "Restore from backup"),
            restored_text(restored),
        )
        return True
