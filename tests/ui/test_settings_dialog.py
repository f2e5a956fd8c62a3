"""Settings: the language is kept for the next start; the theme applies at once."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_crm.ui.dialogs.settings_dialog import SettingsDialog
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.theme import apply_theme


def test_language_and_theme_are_kept_and_the_theme_applies(qtbot, db, tmp_path):
    settings = UiSettings(tmp_path / "ui.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    try:
        again = UiSettings(tmp_path / "ui.ini")
        assert (again.language, again.theme) == ("zh_CN", "dark")
        window_color = QApplication.instance().palette().color(QPalette.ColorRole.Window)
        assert window_color.lightness() < 80
    finally:
        apply_theme(QApplication.instance(), "system")


def test_the_company_name_for_reports_is_saved(qtbot, db, tmp_path):
    from desktop_crm.domain.company import company

    dialog = SettingsDialog(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(dialog)
    dialog.company_name.setText("上海示例贸易有限公司")
    dialog.company_address.setPlainText("上海市浦东新区世纪大道1号")
    dialog.accept()
    assert company().name == "上海示例贸易有限公司"
    assert company().address == "上海市浦东新区世纪大道1号"


def test_a_missing_logo_file_is_refused_with_a_message(qtbot, db, tmp_path):
    from desktop_crm.domain.company import company

    dialog = SettingsDialog(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(dialog)
    dialog.company_name.setText("Acme")
    dialog.company_logo.setText(str(tmp_path / "missing.png"))
    dialog.accept()
    assert "missing.png" in dialog.error_label.text()
    assert company().name == ""
