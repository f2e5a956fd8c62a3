"""Sign in to an office database: server, database, user name and password.

Shown when the app starts on a `postgresql://` database whose URL carries no password.
The server checks the password (each user is a PostgreSQL login role); a refusal — a
wrong password, a disabled account, a server that cannot be reached, a database that is
not ours — is shown in the dialog, which stays open with what was typed. The server,
database and user name are remembered; the password only when the user ticks the box,
and then in the system keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_crm.db import sign_in
from desktop_crm.db.connection import open_database
from desktop_crm.db.sign_in import OfficeAddress
from desktop_crm.errors import CrmError, SignInError
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.widgets.password_form import ProblemLabel, form_of, ok_cancel, password_edit

Opener = Callable[[str], object]


class SignInDialog(QDialog):
    """Asks for the password (and lets the address be corrected); opens the database."""

    def __init__(
        self,
        address: OfficeAddress,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        opener: Opener = open_database,
        problem: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign In to the Office Database"))
        self._settings = settings
        self._opener = opener
        self.url: str | None = None  # the database opened, once signed in

        intro = QLabel(self.tr("Sign in with the user name and password your office gave you."))
        intro.setWordWrap(True)
        self.server_edit = QLineEdit(address.server, self)
        self.server_edit.setObjectName("signInServer")
        self.server_edit.setPlaceholderText(self.tr("crm.office.lan or crm.office.lan:5432"))
        self.database_edit = QLineEdit(address.database, self)
        self.database_edit.setObjectName("signInDatabase")
        self.user_edit = QLineEdit(address.user, self)
        self.user_edit.setObjectName("signInUser")
        self.password_edit = password_edit(self, "signInPassword")
        self.remember_box = QCheckBox(self.tr("&Remember the password in the system keyring"))
        self.remember_box.setObjectName("signInRemember")
        if not sign_in.keyring_available():
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(self.tr("This computer has no keyring to keep it in."))
        self.problem_label = ProblemLabel("signInProblem", self)
        self.problem_label.say(problem)
        form = form_of(
            [
                (self.tr("&Server:"), self.server_edit),
                (self.tr("&Database:"), self.database_edit),
                (self.tr("&User name:"), self.user_edit),
                (self.tr("&Password:"), self.password_edit),
            ]
        )
        buttons, self.sign_in_button = ok_cancel(self, self.tr("Sign In"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(form)
        layout.addWidget(self.remember_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.password_edit if address.user else self.user_edit).setFocus()

    def address(self) -> OfficeAddress:
        return OfficeAddress.from_fields(
            self.server_edit.text(), self.database_edit.text(), self.user_edit.text()
        )

    def accept(self) -> None:
        """Try to open the database; stay open with the reason when that fails."""
        try:
            address = self.address()
        except CrmError as exc:
            self.problem_label.say(exc.message)
            return
        password = self.password_edit.text()
        url = address.url(password)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._opener(url)
        except SignInError as exc:
            self.problem_label.say(exc.message, self.password_edit)
            return
        except CrmError as exc:
            self.problem_label.say(exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        remember_address(self._settings, address)
        if self.remember_box.isChecked():
            try:
                sign_in.remember_password(address, password)
            except CrmError as exc:  # signed in all the same; say why it was not kept
                self.problem_label.say(exc.message)
        else:
            sign_in.forget_password(address)
        self.url = url
        super().accept()


def remember_address(settings: UiSettings, address: OfficeAddress) -> None:
    settings.office = {
        "host": address.host,
        "port": str(address.port),
        "database": address.database,
        "user": address.user,
    }
    settings.sync()


def remembered_address(settings: UiSettings, target: str) -> OfficeAddress:
    """The address in `target`, with the user name last used on that server if it has none."""
    address = OfficeAddress.from_url(target)
    last = settings.office
    same_place = (last.get("host"), last.get("port"), last.get("database")) == (
        address.host,
        str(address.port),
        address.database,
    )
    if not address.user and same_place and last.get("user"):
        address = OfficeAddress(address.host, address.port, address.database, last["user"])
    return address


def sign_in_to_office(
    target: str,
    settings: UiSettings,
    parent: QWidget | None = None,
    *,
    opener: Opener = open_database,
) -> str | None:
    """The URL (with its password) of the office database, opened; None when cancelled.

    A URL that already carries a password is opened as it is; a password kept in the
    keyring is tried first; otherwise, or when either is refused, the dialog asks.
    """
    address = remembered_address(settings, target)
    problem = None
    if urlsplit(target).password is not None:
        candidates = [target]
    else:
        saved = sign_in.saved_password(address) if address.user else None
        candidates = [address.url(saved)] if saved else []
    for url in candidates:
        try:
            opener(url)
            return url
        except CrmError as exc:
            problem = exc.message
    dialog = SignInDialog(address, settings, parent, opener=opener, problem=problem)
    return dialog.url if dialog.exec() == QDialog.DialogCode.Accepted else None
