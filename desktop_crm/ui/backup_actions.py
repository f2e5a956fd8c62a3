"""Tools → Back up now / Restore from backup: the database copied with SQLite's online backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_crm.db.backup import backup_sqlite, new_backup_path, restore_sqlite
from desktop_crm.db.connection import is_sqlite, open_database
from desktop_crm.db.models import database
from desktop_crm.paths import backup_dir
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner, run_with_progress


def current_database_path() -> str | None:
    """The SQLite file the app works on (None on PostgreSQL)."""
    return str(database.obj.database) if is_sqlite() else None


def back_up_now(parent: QWidget, tasks: TaskRunner, events: AppEvents) -> None:
    source = current_database_path()
    if source is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("BackupActions", "Back up"),
            QCoreApplication.translate(
                "BackupActions", "The office database is backed up on the server."
            ),
        )
        return
    target, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupActions", "Back up the database to"),
        str(new_backup_path(source)),
        QCoreApplication.translate("BackupActions", "Desktop CRM database (*.sqlite3)"),
    )
    if not target:
        return
    run_with_progress(
        tasks,
        parent,
        QCoreApplication.translate("BackupActions", "Backing up…"),
        lambda _c: backup_sqlite(source, target),
        lambda written: events.statusMessage.emit(
            QCoreApplication.translate("BackupActions", "Backed up to %1").replace(
                "%1", str(written)
            )
        ),
    )


def restore_from_backup(
    parent: QWidget, tasks: TaskRunner, events: AppEvents, source: str | None = None
) -> bool:
    """Replace the data with a backup after asking; the current data is kept in a copy.

    Without `source` the user picks the file first (Tools → Restore from Backup…); the
    Backups list passes the one chosen there."""
    target = current_database_path()
    if target is None:
        return False
    if source is None:
        source, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("BackupActions", "Restore from backup"),
            str(backup_dir()),
            QCoreApplication.translate(
                "BackupActions", "Desktop CRM database (*.sqlite3);;All files (*)"
            ),
        )
    if not source:
        return False
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("BackupActions", "Restore from backup"),
        QCoreApplication.translate(
            "BackupActions",
            "Replace all current data with the backup %1? A copy of the current data is "
            "kept in the backups folder.",
        ).replace("%1", Path(source).name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    tasks.wait()  # nothing may be reading while the data is swapped

    def done(result: object) -> None:
        open_database(target)  # bind the models to the restored file again
        events.customersChanged.emit()
        events.followupsChanged.emit(0)
        events.statusMessage.emit(
            QCoreApplication.translate("BackupActions", "Restored from %1").replace(
                "%1", Path(source).name
            )
        )

    run_with_progress(
        tasks,
        parent,
        QCoreApplication.translate("BackupActions", "Restoring…"),
        lambda _c: restore_sqlite(source, target),
        done,
    )
    return True
