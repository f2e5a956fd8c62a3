"""Settings → Security: protect the database with a password, change it, remove it.

Each runs the domain function (`db.cipher`) in a worker with progress and Cancel. The
database is rewritten beside itself and replaces the old file only when complete, so
the app closes its connection first (after the open customer's edits are saved or
kept) and opens the database again afterwards, whatever happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.db import cipher
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.errors import CrmError
from desktop_crm.ui.backup_actions import current_database_path
from desktop_crm.ui.dialogs.new_password_dialog import CHANGE, PROTECT, REMOVE, NewPasswordDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner, run_with_progress, show_error


class SecurityPage(QWidget):
    """Whether the database is protected, and the three actions that change it."""

    def __init__(
        self,
        tasks: TaskRunner,
        events: AppEvents,
        save_edits: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("securityPage")
        self._tasks = tasks
        self._events = events
        self._save_edits = save_edits
        self.state_label = QLabel(self)
        self.state_label.setObjectName("securityState")
        self.state_label.setWordWrap(True)
        self.protect_button = QPushButton(self.tr("Protect with a password…"), self)
        self.protect_button.setObjectName("protectDatabase")
        self.change_button = QPushButton(self.tr("Change password…"), self)
        self.change_button.setObjectName("changeDatabasePassword")
        self.remove_button = QPushButton(self.tr("Remove password…"), self)
        self.remove_button.setObjectName("removeDatabasePassword")
        self.protect_button.clicked.connect(lambda: self.rewrite(PROTECT))
        self.change_button.clicked.connect(lambda: self.rewrite(CHANGE))
        self.remove_button.clicked.connect(lambda: self.rewrite(REMOVE))
        note = QLabel(
            self.tr(
                "A protected database is encrypted on the disk (SQLCipher, AES-256). Its "
                "backups are encrypted with the same password."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.protect_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show the state of the database the app works on and the actions that apply."""
        path = current_database_path()
        encrypted = path is not None and cipher.is_encrypted(path)
        if path is None:
            self.state_label.setText(
                self.tr("The office database is protected by the server's sign-in.")
            )
        elif encrypted:
            self.state_label.setText(
                self.tr("This database is protected with a password and encrypted on the disk.")
            )
        else:
            self.state_label.setText(
                self.tr("This database is not protected: anyone who has the file can read it.")
            )
        self.protect_button.setVisible(path is not None and not encrypted)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)

    def rewrite(self, mode: str) -> None:
        """Ask for the passwords, then encrypt, re-key or decrypt the database in a worker."""
        path = current_database_path()
        if path is None:
            return
        dialog = NewPasswordDialog(mode, path, self)
        if dialog.exec() != NewPasswordDialog.DialogCode.Accepted or not self._save_edits():
            return
        current, new = dialog.current_password(), dialog.new_password()
        self._tasks.wait()  # nothing may be reading while the file is replaced
        close_database()

        def work(context: TaskContext) -> object:
            def progress(done: int, total: int) -> bool:
                context.report(done, total)
                return not context.cancelled

            if mode == PROTECT:
                return cipher.encrypt_database(path, new, progress)
            if mode == CHANGE:
                return cipher.change_password(path, current, new, progress)
            return cipher.decrypt_database(path, current, progress)

        def done(_result: object) -> None:
            if self._reopen(path):
                said = {
                    PROTECT: self.tr("The database is now protected with a password."),
                    CHANGE: self.tr("The database's password was changed."),
                    REMOVE: self.tr("The database is no longer protected with a password."),
                }[mode]
                self._events.statusMessage.emit(said)
                QMessageBox.information(self, self.tr("Security"), said)

        labels = {
            PROTECT: self.tr("Encrypting the database…"),
            CHANGE: self.tr("Changing the password…"),
            REMOVE: self.tr("Decrypting the database…"),
        }
        run_with_progress(
            self._tasks, self, labels[mode], work, done, lambda _exc: self._reopen(path)
        )

    def _reopen(self, path: str) -> bool:
        """The models on the database again (rewritten or, after a failure, as it was)."""
        try:
            open_database(path)
        except CrmError as exc:
            show_error(self, exc)
            return False
        finally:
            self.refresh()
        return True
