"""Settings: the language is kept for the next start; the theme applies at once."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_crm.ui.dialogs.settings_dialog import SettingsDialog
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.theme import apply_theme


def test_language_and_theme_are_kept_and_the_theme_applies(qtbot, tmp_path):
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
