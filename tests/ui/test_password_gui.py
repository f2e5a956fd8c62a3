"""The password of an encrypted database in the app: asked at start (a wrong one said in
the dialog, which asks again; Cancel quits), and Settings → Security protecting the
database while the app keeps working on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop_crm.app import create_main_window
from desktop_crm.db import cipher
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain import customers
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui.dialogs.new_password_dialog import NewPasswordDialog
from desktop_crm.ui.dialogs.password_dialog import PasswordDialog, ask_database_password
from desktop_crm.ui.dialogs.settings_dialog import SettingsDialog
from desktop_crm.ui.security_page import SecurityPage
from desktop_crm.ui.settings import UiSettings

PASSWORD = "open sesame 芝麻"


@pytest.fixture(autouse=True)
def no_password_kept():
    cipher.set_key(None)
    yield
    close_database()
    cipher.set_key(None)


@pytest.fixture
def plain(db_path: Path) -> Path:
    open_database(str(db_path))
    customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    customers.create_customer({"name": "Alice Brown"})
    close_database()
    return db_path


@pytest.fixture
def encrypted(plain: Path) -> Path:
    cipher.encrypt_database(plain, PASSWORD)
    cipher.set_key(None)
    return plain


def click_ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_wrong_password_is_said_and_the_dialog_asks_again(qtbot, encrypted):
    dialog = PasswordDialog(str(encrypted))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("wrong")
    click_ok(dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.problem_label.isVisible()
    assert "wrong" in dialog.problem_label.text()
    assert dialog.password_edit.selectedText() == "wrong"  # typed over at once
    dialog.password_edit.setText(PASSWORD)
    click_ok(dialog)
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    assert cipher.current_key() == PASSWORD


def test_the_right_password_opens_the_app_on_the_encrypted_database(qtbot, encrypted, tmp_path):
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.password_edit.setText(PASSWORD)
        click_ok(dialog)

    QTimer.singleShot(0, answer)
    assert ask_database_password(str(encrypted)) is True
    win = create_main_window(str(encrypted), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.list_pane.model.rowCount() == 2, timeout=5000)
    win.tasks.wait(5000)


def test_cancel_at_start_opens_nothing(qtbot, encrypted):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert ask_database_password(str(encrypted)) is False
    assert cipher.current_key() is None


def test_a_plain_database_asks_nothing(qtbot, plain):
    assert ask_database_password(str(plain)) is True


@pytest.fixture
def window(qtbot, plain, tmp_path):
    win = create_main_window(str(plain), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def answer_passwords(current: str = "", new: str = "", again: str | None = None) -> list:
    """Fill in the password dialog when it opens; what it showed is kept in the list."""
    shown: list = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPasswordDialog)
        dialog.current_edit.setText(current)
        dialog.new_edit.setText(new)
        dialog.again_edit.setText(new if again is None else again)
        click_ok(dialog)
        shown.append(dialog.problem_label.text() if dialog.isVisible() else "")
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, fill)
    return shown


def test_settings_security_protects_the_database_and_the_app_keeps_working(
    qtbot, window, plain, tmp_path, monkeypatch
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    page = SecurityPage(window.tasks, window.events, window.detail.maybe_save)
    dialog = SettingsDialog(window.settings, window, security=page)
    qtbot.addWidget(dialog)
    assert not page.change_button.isVisibleTo(page) and page.protect_button.isVisibleTo(page)

    shown = answer_passwords(new="ab", again="ba")  # typed differently: refused
    page.protect_button.click()
    assert shown == ["The two new passwords differ."]
    assert not cipher.is_encrypted(plain)

    answer_passwords(new=PASSWORD)
    page.protect_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    window.tasks.wait(5000)
    assert told == ["The database is now protected with a password."]
    assert cipher.is_encrypted(plain)
    assert "张三".encode() not in plain.read_bytes()
    assert page.change_button.isVisibleTo(page) and not page.protect_button.isVisibleTo(page)

    customers.create_customer({"name": "王五"})  # the app writes to the encrypted file
    window.events.customersChanged.emit()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 3, timeout=5000)
    assert [r.name for r in search_customers(CustomerQuery(text="王"))] == ["王五"]
    close_database()
    cipher.set_key(None)
    with pytest.raises(cipher.WrongPasswordError):
        open_database(str(plain), password="wrong")
    open_database(str(plain), password=PASSWORD)


def test_a_wrong_current_password_is_said_before_anything_starts(qtbot, window, plain):
    close_database()
    cipher.encrypt_database(plain, PASSWORD)
    open_database(str(plain))
    page = SecurityPage(window.tasks, window.events, window.detail.maybe_save)
    qtbot.addWidget(page)
    shown = answer_passwords(current="wrong")
    page.remove_button.click()
    assert shown == ["The current password is wrong."]
    assert cipher.is_encrypted(plain)


def test_remove_password_makes_it_plain_again(qtbot, window, plain, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    close_database()
    cipher.encrypt_database(plain, PASSWORD)
    open_database(str(plain))
    page = SecurityPage(window.tasks, window.events, window.detail.maybe_save)
    qtbot.addWidget(page)
    answer_passwords(current=PASSWORD)
    page.remove_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    window.tasks.wait(5000)
    assert not cipher.is_encrypted(plain)
    assert [r.name for r in search_customers(CustomerQuery(text="张"))] == ["张三"]
