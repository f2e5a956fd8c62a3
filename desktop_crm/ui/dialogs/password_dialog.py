"""The password of an encrypted database, asked when the app starts on it.

The password is checked against the file itself (SQLCipher opens it or not); a wrong
one is said in the dialog, which stays open for another try; Cancel quits the app.
The password is then kept in memory for this run only (`db.cipher`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.db import cipher
from desktop_crm.errors import CrmError, WrongPasswordError

Unlock = Callable[[str, str], object]


class PasswordDialog(QDialog):
    """Asks for the password of the encrypted database at `path`; accepted once it opens it."""

    def __init__(
        self, path: str, parent: QWidget | None = None, *, unlock: Unlock = cipher.unlock
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Password Required"))
        self._path = path
        self._unlock = unlock
        intro = QLabel(
            self.tr(
                "The database %1 is protected with a password. Enter it to open the database."
            ).replace("%1", Path(path).name)
        )
        intro.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("databasePassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("passwordProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.problem_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.password_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.password_edit.setFocus()

    def _show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
        self.adjustSize()  # room for the message, the text above it stays whole
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def accept(self) -> None:
        """Try the password on the file; stay open with the reason when it does not open it."""
        password = self.password_edit.text()
        if not password:
            self._show_problem(self.tr("Enter the password."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # key derivation: ~0.3 s
        try:
            self._unlock(self._path, password)
        except WrongPasswordError:
            self._show_problem(self.tr("That password is wrong. Try again."))
            return
        except CrmError as exc:
            self._show_problem(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()


def ask_database_password(path: str, parent: QWidget | None = None) -> bool:
    """Whether the database at `path` can be opened: it needs no password, the password is
    already known, or the user gave the right one; False when they cancelled."""
    if not cipher.is_encrypted(path):
        return True
    if cipher.current_key():
        with contextlib.suppress(CrmError):
            cipher.unlock(path)
            return True
    return PasswordDialog(path, parent).exec() == QDialog.DialogCode.Accepted
