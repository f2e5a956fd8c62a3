"""Settings → Automatic backups: the rotation's counts and folder, saved to the policy file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop_crm import paths
from desktop_crm.domain.backups import BackupPolicy, load_policy
from desktop_crm.ui.dialogs.settings_dialog import SettingsDialog
from desktop_crm.ui.settings import UiSettings


def settings_dialog(qtbot, tmp_path: Path) -> SettingsDialog:
    dialog = SettingsDialog(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(dialog)
    return dialog


def test_the_page_shows_the_default_rotation_and_folder(qtbot, db, tmp_path):
    dialog = settings_dialog(qtbot, tmp_path)
    page = dialog.backups
    assert (page.daily.value(), page.weekly.value(), page.monthly.value()) == (7, 4, 12)
    assert page.folder.text() == "" and "user data folder" in page.folder.placeholderText()


def test_counts_and_a_chosen_folder_are_saved(qtbot, db, tmp_path, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    asked = []

    def choose(parent, caption, start):
        asked.append(start)
        return str(stick)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    dialog = settings_dialog(qtbot, tmp_path)
    page = dialog.backups
    page.daily.setValue(14)
    page.weekly.setValue(0)
    page.monthly.setValue(36)
    qtbot.mouseClick(page.findChild(QPushButton, "chooseBackupFolder"), Qt.MouseButton.LeftButton)
    assert asked == [str(paths.backup_dir())] and page.folder.text() == str(stick)
    dialog.accept()
    assert load_policy() == BackupPolicy(14, 0, 36, stick)
    again = settings_dialog(qtbot, tmp_path)
    assert (again.backups.daily.value(), again.backups.folder.text()) == (14, str(stick))


def test_a_missing_folder_is_refused_and_nothing_is_saved(qtbot, db, tmp_path):
    from desktop_crm.domain.company import company

    dialog = settings_dialog(qtbot, tmp_path)
    dialog.company_name.setText("Acme")
    dialog.backups.folder.setText(str(tmp_path / "gone"))
    dialog.accept()
    assert "does not exist" in dialog.backups.error_label.text()
    assert not paths.backup_policy_file().exists()
    assert company().name == ""  # all or nothing
    dialog.backups.folder.clear()
    dialog.accept()
    assert load_policy() == BackupPolicy() and company().name == "Acme"


def test_a_damaged_policy_file_is_shown_and_saving_mends_it(qtbot, db, tmp_path):
    paths.backup_policy_file().write_text("{oops", encoding="utf-8")
    dialog = settings_dialog(qtbot, tmp_path)
    assert "backup-policy.json" in dialog.backups.error_label.text()
    assert dialog.backups.daily.value() == 7
    dialog.accept()
    assert load_policy() == BackupPolicy()
