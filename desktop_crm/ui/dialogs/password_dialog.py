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
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desktop_crm.db import cipher
from desktop_crm.errors import CrmError, WrongPasswordError
from desktop_crm.ui.widgets.password_form import ProblemLabel, form_of, ok_cancel, password_edit

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
        self.password_edit = password_edit(self, "databasePassword")
        self.problem_label = ProblemLabel("passwordProblem", self)
        form = form_of([(self.tr("&Password:"), self.password_edit)])
        buttons, self.open_button = ok_cancel(self, self.tr("Open"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.password_edit.setFocus()

    def _show_problem(self, message: str) -> None:
        self.problem_label.say(message, self.password_edit)

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
