"""Tools → Backups… and the automatic backups, driven in the main window over a real file."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop_crm import paths
from desktop_crm.app import create_main_window
from desktop_crm.db.backup import backup_sqlite
from desktop_crm.domain import customers
from desktop_crm.domain.backups import BackupPolicy, list_backups, save_policy
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui import backups as backups_ui
from desktop_crm.ui.dialogs.backups_dialog import BackupsDialog, read_only_command
from desktop_crm.ui.settings import UiSettings


def backup_at(db_path: Path, when: datetime) -> Path:
    return backup_sqlite(db_path, paths.backup_dir() / f"crm-{when:%Y%m%d-%H%M%S}.sqlite3")


@pytest.fixture
def window(qtbot, db_path, db, tmp_path):
    customers.create_customer({"name": "张三"})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading)
    yield win
    win.tasks.wait(5000)


@pytest.fixture
def two_backups(window, db_path):
    """Dec 1: 张三 alone; Dec 2: 张三 and 李四; Dec 3: a damaged file."""
    first = backup_at(db_path, datetime(2026, 12, 1, 9, 0))
    customers.create_customer({"name": "李四"})
    second = backup_at(db_path, datetime(2026, 12, 2, 18, 30))
    damaged = paths.backup_dir() / "crm-20261203-090000.sqlite3"
    damaged.write_bytes(b"garbage")
    return first, second, damaged


@pytest.fixture
def dialog(qtbot, window, two_backups) -> BackupsDialog:
    window.named_actions.backups.trigger()
    dialog = window.backups.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    return dialog


def shown(dialog: BackupsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]


def select(dialog: BackupsDialog, path: Path) -> None:
    row = [e.path for e in dialog.model.entries].index(path)
    dialog.table.selectRow(row)


def test_the_list_shows_each_backup_newest_first_with_its_customers(dialog, two_backups):
    rows = shown(dialog)
    assert [row[2] for row in rows] == ["unreadable", "2", "1"]
    assert "2026" in rows[1][0] and "18:30" in rows[1][0]
    assert rows[1][1].endswith(" kB") and "." not in rows[1][1]
    assert str(paths.backup_dir()) in dialog.where.text()
    assert dialog.model.entries[1].path == two_backups[1]


def test_the_buttons_follow_the_selection(dialog, two_backups):
    first, _second, damaged = two_backups
    select(dialog, damaged)
    assert not dialog.restore_button.isEnabled() and not dialog.open_button.isEnabled()
    select(dialog, first)
    assert dialog.restore_button.isEnabled() and dialog.open_button.isEnabled()
    dialog.table.clearSelection()
    assert not dialog.restore_button.isEnabled()
    assert dialog.folder_button.isEnabled() and dialog.backup_button.isEnabled()


def test_restore_from_the_list_brings_that_backup_back(
    qtbot, window, dialog, two_backups, monkeypatch
):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.events.customersChanged.emit()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 2, timeout=5000)
    select(dialog, two_backups[0])
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 1, timeout=10000)
    window.tasks.wait(5000)
    assert two_backups[0].name in asked[0]
    assert [r.name for r in search_customers(CustomerQuery())] == ["张三"]
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_a_declined_restore_changes_nothing(qtbot, window, dialog, two_backups, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    select(dialog, two_backups[0])
    dialog.restore_button.click()
    window.tasks.wait(5000)
    assert len(search_customers(CustomerQuery())) == 2
    assert dialog.isVisible()


def test_show_in_folder_opens_the_backup_folder(dialog, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.backup_dir()]


def test_open_read_only_starts_a_second_app_on_that_file(dialog, two_backups, monkeypatch):
    started: list[tuple[str, list[str]]] = []

    def start_detached(program, arguments):
        started.append((program, list(arguments)))
        return True, 4242

    monkeypatch.setattr(QProcess, "startDetached", start_detached)
    select(dialog, two_backups[1])
    dialog.open_button.click()
    assert started == [
        (
            sys.executable,
            ["-m", "desktop_crm", "--database", str(two_backups[1]), "--read-only"],
        )
    ]
    # what that second app does with those arguments: a read-only window on the backup
    from desktop_crm import app, cli

    opened: list = []

    def run_gui(database: str, lang: object, *, read_only: bool, smoke_test: bool) -> int:
        opened.append(app.open_at_start(database, UiSettings(), read_only=read_only))
        return 0

    monkeypatch.setattr(app, "run_gui", run_gui)
    before = two_backups[1].read_bytes()
    assert cli.main(started[0][1][2:]) == 0
    window = opened[0]
    assert window.read_only and "read-only" in window.windowTitle()
    window.close()
    window.deleteLater()
    assert two_backups[1].read_bytes() == before


def test_a_frozen_app_opens_itself_read_only(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    path = tmp_path / "crm-20261201-090000.sqlite3"
    assert read_only_command(path) == (sys.executable, ["--database", str(path), "--read-only"])


def test_back_up_now_adds_a_checked_backup_to_the_list(qtbot, window, dialog, db_path):
    save_policy(BackupPolicy(daily=10))  # keep the older days of the fixture
    before = dialog.model.rowCount()
    messages = []
    window.events.statusMessage.connect(messages.append)
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == before + 1, timeout=10000)
    assert dialog.model.entries[0].customers == 2
    assert messages and str(dialog.model.entries[0].path) in messages[0]


def test_a_missing_backup_folder_is_said_in_the_dialog(qtbot, window, db_path, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    save_policy(BackupPolicy(folder=stick))
    stick.rmdir()
    window.named_actions.backups.trigger()
    dialog = window.backups.dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert "does not exist" in dialog.message.text()
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.close()


# ------------------------------------------------------------------ automatic backups


def ours(db_path: Path) -> list[Path]:
    return [e.path for e in list_backups(db_path)]


@pytest.fixture
def no_start_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups_ui, "START_DELAY_MS", 0)


def test_a_backup_is_taken_soon_after_start_when_none_was_taken_in_a_day(
    qtbot, window, db_path, no_start_delay
):
    backup_at(db_path, datetime.now() - timedelta(days=2))
    window.start()
    qtbot.waitUntil(lambda: len(ours(db_path)) == 2, timeout=10000)
    window.tasks.wait(5000)
    qtbot.waitUntil(lambda: not window.backups.running, timeout=5000)
    newest = list_backups(db_path)[0]
    assert datetime.now() - newest.taken_at < timedelta(minutes=1)
    assert newest.customers == 1
    assert "Backed up automatically" in window.statusBar().currentMessage()
    assert window.backups.timer.isActive()


def test_no_backup_at_start_when_a_recent_one_exists(qtbot, window, db_path, no_start_delay):
    recent = backup_at(db_path, datetime.now() - timedelta(hours=3))
    window.start()
    qtbot.wait(50)  # the first check
    window.tasks.wait(5000)
    qtbot.waitUntil(lambda: not window.backups.running, timeout=5000)
    assert ours(db_path) == [recent]


def test_a_failing_automatic_backup_is_said_once_in_the_status_bar(
    qtbot, window, db_path, tmp_path
):
    stick = tmp_path / "U盘"
    stick.mkdir()
    save_policy(BackupPolicy(folder=stick))
    stick.rmdir()
    window.backups.check_now()
    qtbot.waitUntil(lambda: not window.backups.running, timeout=5000)
    assert "automatic backup failed" in window.statusBar().currentMessage()
    assert "U盘" in window.statusBar().currentMessage()
    window.statusBar().clearMessage()
    window.backups.check_now()
    qtbot.waitUntil(lambda: not window.backups.running, timeout=5000)
    assert window.statusBar().currentMessage() == ""


def test_a_backup_is_taken_at_exit_after_the_last_save(qtbot, window, db_path):
    earlier = backup_at(db_path, datetime.now() - timedelta(days=1, hours=1))
    customers.create_customer({"name": "李四"})
    window.close()
    assert not window.isVisible()
    entries = list_backups(db_path)
    assert [e.customers for e in entries] == [2, 1]
    assert entries[1].path == earlier
    assert datetime.now() - entries[0].taken_at < timedelta(minutes=1)


def test_an_office_database_gets_no_automatic_backups(qtbot, pg_url, tmp_path):
    win = create_main_window(pg_url, UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=10000)
    assert not win.named_actions.backups.isVisible()
    win.backups.start()
    assert not win.backups.timer.isActive() and not win.backups.running
    assert win.backups.at_exit() is None and win.backups.show_backups() is None
    assert not list(paths.backup_dir().iterdir())
    win.live_updates.stop()
    win.tasks.wait(5000)
