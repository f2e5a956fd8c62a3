"""Protect the database with a password, change it, or remove it: the passwords asked.

A new password is typed twice; the current one is checked against the file before the
dialog closes, so the long rewrite that follows never starts on a wrong password.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_crm.db.cipher import connect_sqlite
from desktop_crm.errors import CrmError, WrongPasswordError
from desktop_crm.ui.widgets.password_form import ProblemLabel, form_of, ok_cancel, password_edit

PROTECT, CHANGE, REMOVE = "protect", "change", "remove"


class NewPasswordDialog(QDialog):
    """The passwords for one of PROTECT, CHANGE or REMOVE on the database at `path`."""

    def __init__(self, mode: str, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPasswordDialog")
        self._mode = mode
        self._path = path
        titles = {
            PROTECT: self.tr("Protect with a Password"),
            CHANGE: self.tr("Change the Password"),
            REMOVE: self.tr("Remove the Password"),
        }
        intros = {
            PROTECT: self.tr(
                "The database will be encrypted: nobody can read the file without this "
                "password, and Desktop CRM asks for it each time it opens. Keep the password "
                "safe: if it is lost, the data cannot be recovered."
            ),
            CHANGE: self.tr(
                "The database is encrypted again with a key made from the new password; "
                "the old password no longer opens it."
            ),
            REMOVE: self.tr(
                "The database will be stored unencrypted: anyone who has the file can read it."
            ),
        }
        self.setWindowTitle(titles[mode])
        intro = QLabel(intros[mode])
        intro.setWordWrap(True)
        self.current_edit = password_edit(self, "currentPassword")
        self.new_edit = password_edit(self, "newPassword")
        self.again_edit = password_edit(self, "newPasswordAgain")
        rows = []
        if mode != PROTECT:
            rows.append((self.tr("&Current password:"), self.current_edit))
        if mode != REMOVE:
            rows.append((self.tr("&New password:"), self.new_edit))
            rows.append((self.tr("&Again:"), self.again_edit))
        form = form_of(rows)
        self.problem_label = ProblemLabel("newPasswordProblem", self)
        buttons, _ok = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        (self.new_edit if mode == PROTECT else self.current_edit).setFocus()

    def current_password(self) -> str:
        return self.current_edit.text()

    def new_password(self) -> str:
        return self.new_edit.text()

    def _refuse(self, message: str, edit: QLineEdit) -> None:
        self.problem_label.say(message, edit)

    def accept(self) -> None:
        """Close only with a current password that opens the file and a new one typed twice."""
        if self._mode != PROTECT:
            if not self.current_password():
                self._refuse(self.tr("Enter the current password."), self.current_edit)
                return
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # ~0.3 s
            try:
                connect_sqlite(self._path, readonly=True, password=self.current_password()).close()
            except WrongPasswordError:
                self._refuse(self.tr("The current password is wrong."), self.current_edit)
                return
            except CrmError as exc:
                self._refuse(exc.message, self.current_edit)
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
        if self._mode != REMOVE:
            if not self.new_password():
                self._refuse(self.tr("Enter the new password."), self.new_edit)
                return
            if self.again_edit.text() != self.new_password():
                self._refuse(self.tr("The two new passwords differ."), self.again_edit)
                return
        super().accept()
