"""The sign-in dialog for an office database, against the real PostgreSQL test server: the
server checks the password; every refusal is shown in the dialog, which keeps what was
typed; the address is remembered, the password only in the keyring and only if asked."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt

from desktop_crm.db import office
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import database
from desktop_crm.db.sign_in import OfficeAddress
from desktop_crm.ui.dialogs.sign_in_dialog import SignInDialog, sign_in_to_office
from desktop_crm.ui.settings import UiSettings

PASSWORD = "correct horse 8"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict, standing in for the system's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(before)


@pytest.fixture
def office_url(pg_url: str) -> Iterator[str]:
    """An office database with the rep wang; its URL for wang, without a password."""
    db = open_database(pg_url)
    office.install(db)
    office.add_user(db, "wang", PASSWORD, role="rep")
    office.add_user(db, "gone", PASSWORD, role="rep")
    office.disable_user(db, "gone")
    close_database()
    parts = urlsplit(pg_url)
    yield f"postgresql://wang@{parts.hostname}:{parts.port}{parts.path}"
    close_database()


@pytest.fixture
def settings(tmp_path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


def dialog_for(qtbot, url: str, settings: UiSettings) -> SignInDialog:
    dialog = SignInDialog(OfficeAddress.from_url(url), settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def sign_in_with(qtbot, dialog: SignInDialog, password: str, user: str | None = None) -> None:
    if user is not None:
        dialog.user_edit.clear()
        qtbot.keyClicks(dialog.user_edit, user)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def signed_in_user() -> str:
    return database.execute_sql("SELECT current_user").fetchone()[0]


def test_the_right_password_opens_the_database_as_that_user(qtbot, office_url, settings, tmp_path):
    dialog = dialog_for(qtbot, office_url, settings)
    assert dialog.user_edit.text() == "wang" and dialog.focusWidget() is dialog.password_edit
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    sign_in_with(qtbot, dialog, PASSWORD)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert signed_in_user() == "wang"
    assert settings.office["user"] == "wang"
    assert PASSWORD not in (tmp_path / "ui.ini").read_text(encoding="utf-8")


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open(qtbot, office_url, settings):
    dialog = dialog_for(qtbot, office_url, settings)
    sign_in_with(qtbot, dialog, "not the password")
    assert dialog.isVisible() and dialog.url is None
    assert dialog.problem_label.isVisible()
    assert "wrong user name or password for wang" in dialog.problem_label.text()
    assert dialog.focusWidget() is dialog.password_edit
    sign_in_with(qtbot, dialog, PASSWORD)  # a second try goes through
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_an_unknown_or_disabled_user_is_told_so(qtbot, office_url, settings):
    dialog = dialog_for(qtbot, office_url, settings)
    sign_in_with(qtbot, dialog, PASSWORD, user="nobody")
    assert "wrong user name or password for nobody" in dialog.problem_label.text()
    sign_in_with(qtbot, dialog, PASSWORD, user="gone")
    assert "disabled" in dialog.problem_label.text() and dialog.isVisible()


def test_a_server_that_cannot_be_reached_is_named(qtbot, settings):
    dialog = dialog_for(qtbot, "postgresql://wang@127.0.0.1:1/office", settings)
    sign_in_with(qtbot, dialog, PASSWORD)
    assert "cannot reach the database server 127.0.0.1:1" in dialog.problem_label.text()
    assert dialog.isVisible()


def test_a_missing_server_or_bad_port_is_refused_before_connecting(qtbot, settings):
    opened = []
    dialog = SignInDialog(OfficeAddress("db"), settings, opener=opened.append)
    qtbot.addWidget(dialog)
    dialog.server_edit.setText("db:99999")
    sign_in_with(qtbot, dialog, PASSWORD, user="wang")
    assert "not a port number" in dialog.problem_label.text()
    dialog.server_edit.clear()
    sign_in_with(qtbot, dialog, PASSWORD)
    assert "server" in dialog.problem_label.text() and opened == []


def test_a_password_kept_in_the_keyring_signs_in_next_time(
    qtbot, office_url, settings, memory_keyring
):
    dialog = dialog_for(qtbot, office_url, settings)
    assert dialog.remember_box.isEnabled()
    dialog.remember_box.setChecked(True)
    sign_in_with(qtbot, dialog, PASSWORD)
    assert list(memory_keyring.passwords.values()) == [PASSWORD]
    close_database()
    # next start: the URL names no user; the remembered user and the kept password sign in
    parts = urlsplit(office_url)
    without_user = f"postgresql://{parts.hostname}:{parts.port}{parts.path}"
    url = sign_in_to_office(without_user, settings)
    assert url is not None and signed_in_user() == "wang"


def test_unticking_remember_removes_a_kept_password(qtbot, office_url, settings, memory_keyring):
    address = OfficeAddress.from_url(office_url)
    memory_keyring.set_password("Desktop CRM", "stale", "x")
    dialog = dialog_for(qtbot, office_url, settings)
    dialog.remember_box.setChecked(True)
    sign_in_with(qtbot, dialog, PASSWORD)
    again = dialog_for(qtbot, office_url, settings)
    sign_in_with(qtbot, again, PASSWORD)  # not ticked this time
    assert memory_keyring.passwords == {("Desktop CRM", "stale"): "x"}
    assert address.user == "wang"


def test_without_a_keyring_the_offer_is_not_made(qtbot, settings, monkeypatch):
    from desktop_crm.db import sign_in

    monkeypatch.setattr(sign_in, "keyring_available", lambda: False)
    dialog = dialog_for(qtbot, "postgresql://wang@db/office", settings)
    assert not dialog.remember_box.isEnabled()
