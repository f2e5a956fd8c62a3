"""The Backups part of Settings: how many daily, weekly and monthly backups to keep, and
the folder they go to (the user data folder, or one the user picks: a USB stick, a
synced folder). Saved to the policy file beside the database, not in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_crm import paths
from desktop_crm.domain.backups import (
    MAX_COUNT,
    BackupPolicy,
    BackupPolicyError,
    load_policy,
    save_policy,
    validate_policy,
)
from desktop_crm.errors import ValidationError


class BackupSettingsPage(QGroupBox):
    """The rotation's three counts and its folder; `check()` then `save()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettings")
        self.setTitle(self.tr("Automatic backups"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("backupSettingsError")
        self.error_label.setStyleSheet("color: #d32f2f;")
        self.error_label.setWordWrap(True)
        try:
            policy = load_policy()
        except BackupPolicyError as exc:  # shown; saving writes a sound file again
            policy = BackupPolicy()
            self.error_label.setText(exc.message)
        self.daily = self._count("backupDaily", policy.daily, self.tr("Daily backups kept"))
        self.weekly = self._count("backupWeekly", policy.weekly, self.tr("Weekly backups kept"))
        self.monthly = self._count("backupMonthly", policy.monthly, self.tr("Monthly backups kept"))
        self.folder = QLineEdit(str(policy.folder) if policy.folder is not None else "", self)
        self.folder.setObjectName("backupFolder")
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.folder.setPlaceholderText(self.tr("The backups folder in the user data folder"))
        self.folder.setToolTip(
            self.tr(
                "A folder on a USB stick or a synced folder keeps the backups away from "
                "this computer."
            )
        )
        choose = QPushButton(self.tr("Choose…"), self)
        choose.setObjectName("chooseBackupFolder")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        counts = QHBoxLayout()
        for label, box in (
            (self.tr("Daily:"), self.daily),
            (self.tr("Weekly:"), self.weekly),
            (self.tr("Monthly:"), self.monthly),
        ):
            counts.addWidget(QLabel(label, self))
            counts.addWidget(box)
            counts.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        counts.addStretch(1)
        hint = QLabel(
            self.tr(
                "Backups are taken daily while Desktop CRM runs and when it closes. "
                "The newest backup is always kept."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Keep:"), counts)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(hint)
        form.addRow(self.error_label)

    def _count(self, name: str, value: int, accessible: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setRange(0, MAX_COUNT)
        box.setValue(value)
        return box

    def _choose_folder(self) -> None:
        start = self.folder.text().strip() or str(paths.backup_dir())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def policy(self) -> BackupPolicy:
        """The policy as the fields show it."""
        folder = self.folder.text().strip()
        return BackupPolicy(
            daily=self.daily.value(),
            weekly=self.weekly.value(),
            monthly=self.monthly.value(),
            folder=Path(folder) if folder else None,
        )

    def check(self) -> bool:
        """Whether the fields make a valid policy; if not, the reasons are shown."""
        try:
            validate_policy(self.policy())
        except ValidationError as exc:
            self._show_error("\n".join(exc.errors.values()))
            return False
        self.error_label.clear()
        return True

    def save(self) -> bool:
        """Store the policy; False (with the reason shown) when it cannot be."""
        try:
            save_policy(self.policy())
        except ValidationError as exc:
            self._show_error("\n".join(exc.errors.values()))
            return False
        except OSError as exc:
            self._show_error(
                self.tr("The backup settings cannot be saved: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            return False
        return True

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        window = self.window()
        # grow to fit the reason rather than squeeze the wrapped hint above it
        window.resize(window.width(), max(window.height(), window.sizeHint().height()))
