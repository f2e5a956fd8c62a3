"""Settings: interface language, colour theme, our company as reports print it; on pages
of their own, the rotation of automatic backups (on a SQLite file) and the database's
password (ui/security_page.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.db.connection import is_sqlite
from desktop_crm.domain.company import company, set_company
from desktop_crm.errors import ValidationError
from desktop_crm.ui.dialogs.backup_settings_page import BackupSettingsPage
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.theme import apply_theme

LANGUAGES = (("", "System / 跟随系统"), ("zh_CN", "简体中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        security: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, name in LANGUAGES:  # each language named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language or ""), 0))
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeCombo")
        self.theme.setAccessibleName(self.tr("Colour theme"))
        for code, name in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        form = QFormLayout(general)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(QLabel(self.tr("A new language applies the next time Desktop CRM starts.")))
        ours = company()
        self.company_name = QLineEdit(ours.name, self)
        self.company_name.setObjectName("companyName")
        self.company_name.setAccessibleName(self.tr("Company name on reports"))
        self.company_address = QPlainTextEdit(ours.address or "", self)
        self.company_address.setObjectName("companyAddress")
        self.company_address.setAccessibleName(self.tr("Return address on envelopes"))
        self.company_address.setFixedHeight(self.fontMetrics().height() * 4)
        self.company_logo = QLineEdit(ours.logo_path or "", self)
        self.company_logo.setObjectName("companyLogo")
        self.company_logo.setAccessibleName(self.tr("Logo picture file"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.company_logo, 1)
        logo_row.addWidget(browse)
        form.addRow(self.tr("Company name:"), self.company_name)
        form.addRow(self.tr("Address:"), self.company_address)
        form.addRow(self.tr("Logo:"), logo_row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsError")
        self.error_label.setStyleSheet("color: #d32f2f;")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("settingsPages")
        self.pages.addTab(general, self.tr("General"))
        # an office server keeps its own backups
        self.backups = BackupSettingsPage(self) if is_sqlite() else None
        if self.backups is not None:
            page = QWidget(self)
            QVBoxLayout(page).addWidget(self.backups)
            page.layout().addStretch(1)
            self.pages.addTab(page, self.tr("Backups"))
        if security is not None:
            self.pages.addTab(security, self.tr("Security"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), self.company_logo.text(), self.tr("Pictures (*.png *.jpg *.svg)")
        )
        if path:
            self.company_logo.setText(path)

    def accept(self) -> None:
        if self.backups is not None and not self.backups.check():
            self.pages.setCurrentWidget(self.backups.parentWidget())  # where the error shows
            return  # before anything is saved: all or nothing
        try:
            set_company(
                self.company_name.text(),
                self.company_logo.text(),
                self.company_address.toPlainText(),
            )
        except ValidationError as exc:
            self.error_label.setText("\n".join(exc.errors.values()))
            return
        if self.backups is not None and not self.backups.save():
            self.pages.setCurrentWidget(self.backups.parentWidget())
            return
        self._settings.language = self.language.currentData() or None
        self._settings.theme = self.theme.currentData()
        self._settings.sync()
        apply_theme(QApplication.instance(), self._settings.theme)
        super().accept()
