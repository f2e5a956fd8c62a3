"""At start, a damaged database opens the recovery dialog, not the database: restore the
newest good backup (the damaged file kept aside) or quit."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_crm.app import open_at_start
from desktop_crm.db.backup import backup_sqlite, describe_sqlite, new_backup_path
from desktop_crm.db.connection import close_database
from desktop_crm.db.integrity import check_before_opening
from desktop_crm.ui.dialogs.recovery_dialog import RecoveryDialog
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.settings import UiSettings
from tests.damage import DAMAGES, demo_database


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo") / "crm.sqlite3", customers=40)


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "数据"
    folder.mkdir()
    return Path(shutil.copy2(pristine, folder / "crm.sqlite3"))


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


@pytest.fixture(autouse=True)
def _closed() -> None:
    yield
    close_database()
    for widget in QApplication.topLevelWidgets():  # nothing outlives a test
        widget.close()
        widget.deleteLater()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answer(do: str, seen: list[RecoveryDialog]) -> None:
    """When the modal dialog is up: remember it and press `do`."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):  # not up yet
            QTimer.singleShot(10, act)
            return
        seen.append(dialog)
        dialog.findChild(type(dialog.quit_button), do).click()

    QTimer.singleShot(0, act)


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_restore_puts_the_damaged_file_aside_and_opens_the_backup(
    qtbot, copy: Path, settings: UiSettings, damage: str
) -> None:
    backup = backup_sqlite(copy, new_backup_path(copy))
    DAMAGES[damage](copy)
    damaged = {s: digest(Path(f"{copy}{s}")) for s in ("", "-wal") if Path(f"{copy}{s}").exists()}
    seen: list[RecoveryDialog] = []
    answer("restoreButton", seen)
    window = open_at_start(str(copy), settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    dialog = seen[0]
    assert str(copy) in dialog.problem_label.text()  # names the file and the problem
    assert "40 customer" in dialog.backup_label.text()
    aside = dialog.recovery.damaged
    assert aside.name.startswith("crm.sqlite3.damaged-")
    assert {s: digest(Path(f"{aside}{s}")) for s in damaged} == damaged  # kept as it was
    assert check_before_opening(copy) is None
    assert describe_sqlite(backup).customers == 40
    window.close()


def test_quit_opens_nothing_and_changes_nothing(qtbot, copy: Path, settings: UiSettings) -> None:
    backup_sqlite(copy, new_backup_path(copy))
    DAMAGES["overwritten"](copy)
    before = {p.name: digest(p) for p in copy.parent.iterdir()}
    seen: list[RecoveryDialog] = []
    answer("quitButton", seen)
    assert open_at_start(str(copy), settings) == 1
    assert seen[0].restore_button.isVisibleTo(seen[0])
    assert {p.name: digest(p) for p in copy.parent.iterdir()} == before


def test_without_a_good_backup_only_quit_is_offered(
    qtbot, copy: Path, settings: UiSettings
) -> None:
    bad = backup_sqlite(copy, new_backup_path(copy))
    DAMAGES["zeros"](bad)  # the only backup is damaged too
    DAMAGES["truncated"](copy)
    seen: list[RecoveryDialog] = []
    answer("quitButton", seen)
    assert open_at_start(str(copy), settings) == 1
    dialog = seen[0]
    assert not dialog.restore_button.isVisibleTo(dialog)
    assert dialog.folder_button.isVisibleTo(dialog)
    assert "No good backup" in dialog.backup_label.text()
    assert "truncated" in dialog.problem_label.text()


def test_the_newest_good_backup_is_offered_over_a_newer_damaged_one(
    qtbot, copy: Path, settings: UiSettings
) -> None:
    from datetime import datetime

    older = copy.parent.parent / "older.sqlite3"
    good = backup_sqlite(copy, older)
    folder = new_backup_path(copy).parent
    good = good.rename(folder / "crm-20260101-090000.sqlite3")
    newer = shutil.copy2(good, folder / "crm-20260102-090000.sqlite3")
    DAMAGES["overwritten"](Path(newer))
    DAMAGES["zeros"](copy)
    dialog = RecoveryDialog(check_before_opening(copy), None)
    qtbot.addWidget(dialog)
    from desktop_crm.domain.backups import newest_good_entry

    entry = newest_good_entry(copy)
    assert entry is not None and entry.path == good
    assert entry.taken_at == datetime(2026, 1, 1, 9, 0)


def test_a_sound_database_opens_with_no_dialog(qtbot, copy: Path, settings: UiSettings) -> None:
    window = open_at_start(str(copy), settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert QApplication.activeModalWidget() is None
    window.close()


def test_the_dialog_looks_right(qtbot, copy: Path) -> None:
    backup_sqlite(copy, new_backup_path(copy))
    DAMAGES["overwritten"](copy)
    from desktop_crm.domain.backups import newest_good_entry

    dialog = RecoveryDialog(check_before_opening(copy), newest_good_entry(copy))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isDefault()
    dialog.grab().save("/tmp/recovery_dialog.png")
    dialog.close()
    assert Qt  # the module's Qt import is used by the checks above
