"""One window per database file: a lock file beside it while the app has it open.

A second instance on the same file is told so and opens nothing (SQLite's own locking
keeps the data safe either way; two windows on one file would each overwrite what the
other shows). The lock belongs to the process: a crashed instance's lock is taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget


def lock_path(database: str | Path) -> Path:
    return Path(f"{database}.lock")


READ_ONLY = "read-only"  # take_instance_lock: the user chose to open it read-only


def take_instance_lock(database: str, parent: QWidget | None = None) -> QLockFile | str | None:
    """The lock on `database` for this process; when another Desktop CRM has it open,
    the user is told and may open it read-only (`READ_ONLY`), else None."""
    lock = QLockFile(str(lock_path(database)))
    lock.setStaleLockTime(0)  # held for hours; stale only when its process is gone
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, host, _app = lock.getLockInfo()
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("InstanceLock", "Already Open"),
            QCoreApplication.translate(
                "InstanceLock",
                "The database %1 is already open in another Desktop CRM window "
                "(process %2 on %3). Switch to that window, or open the file read-only "
                "here to look things up.",
            )
            .replace("%1", database)
            .replace("%2", str(pid))
            .replace("%3", host or "?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Close,
        )
        return READ_ONLY if answer == QMessageBox.StandardButton.Open else None
    return lock  # the folder cannot hold a lock file (read-only): SQLite still locks
