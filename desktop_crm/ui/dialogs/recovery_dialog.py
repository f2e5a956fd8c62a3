"""The dialog at start when the database failed its check: restore the newest good
backup (the damaged file is put aside, never opened) or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.db.integrity import Problem, check_before_opening
from desktop_crm.domain.backups import (
    BackupEntry,
    Recovery,
    newest_good_entry,
    recover_from_backup,
)
from desktop_crm.errors import CrmError


class RecoveryDialog(QDialog):
    """Names the problem and the file; offers the newest good backup, or only Quit."""

    def __init__(
        self, problem: Problem, backup: BackupEntry | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.problem = problem
        self.backup = backup
        self.recovery: Recovery | None = None
        self.setWindowTitle(self.tr("Database Damaged"))
        layout = QVBoxLayout(self)

        heading = QLabel(self.tr("<b>The database cannot be opened safely.</b>"))
        layout.addWidget(heading)
        said = problem.message
        self.problem_label = QLabel(said[:1].upper() + said[1:])
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)
        layout.addWidget(QLabel(self.tr("It was not opened, so nothing in it has been changed.")))
        self.backup_label = QLabel(self._backup_text())
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setWordWrap(True)
        layout.addWidget(self.backup_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore This Backup"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setVisible(backup is not None)  # after addButton, which shows it
        self.folder_button = QPushButton(self.tr("Show in &Folder"))
        self.folder_button.setObjectName("showFolderButton")
        self.folder_button.clicked.connect(self.show_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        (self.restore_button if backup is not None else self.quit_button).setDefault(True)

    def _backup_text(self) -> str:
        if self.backup is None:
            return self.tr(
                "No good backup of this database was found. Quit, and look for a copy of "
                "the file elsewhere (another computer, a USB stick)."
            )
        taken = QLocale().toString(QDateTime(self.backup.taken_at), QLocale.FormatType.ShortFormat)
        customers = self.tr("%n customer(s)", "", self.backup.customers or 0)
        return (
            self.tr(
                "The newest good backup was taken on %1 (%2). Restoring it puts the damaged "
                "file aside, as it is, and opens the backup; what was entered after it is "
                "not in it."
            )
            .replace("%1", taken)
            .replace("%2", customers)
        )

    def restore(self) -> None:
        """Put the damaged file aside, restore the backup, and close accepted."""
        if self.backup is None:
            return
        try:
            self.recovery = recover_from_backup(self.problem.path, self.backup.path)
        except CrmError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        self.accept()

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.problem.path).parent)))


def recover_at_start(database: str, parent: QWidget | None = None) -> bool:
    """Whether `database` may be opened: it passed its check, or the user restored the
    newest good backup in its place. False when the user quit (nothing was opened)."""
    problem = check_before_opening(database)
    if problem is None:
        return True
    dialog = RecoveryDialog(problem, newest_good_entry(database), parent)
    try:
        dialog.exec()
        return dialog.recovery is not None
    finally:
        dialog.deleteLater()
