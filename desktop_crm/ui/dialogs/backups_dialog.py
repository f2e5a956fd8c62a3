"""Tools → Backups…: this database's backups (date, size, customers), newest first, to
restore, open read-only in a second window, or find in their folder; and Back Up Now."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QProcess,
    Qt,
    QTime,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.backups import (
    BackupEntry,
    BackupPolicy,
    list_backups,
    load_policy,
    take_backup,
)
from desktop_crm.ui.tasks import TaskRunner, run_with_progress

AnyIndex = QModelIndex | QPersistentModelIndex


def read_only_command(path: str | Path) -> tuple[str, list[str]]:
    """The program and arguments that open `path` read-only in a second app window.

    A frozen (PyInstaller) app is its own executable; from source it is `python -m`.
    """
    arguments = ["--database", str(path), "--read-only"]
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "desktop_crm", *arguments]


class BackupTableModel(QAbstractTableModel):
    """The backups, one row each: when (local time), how big, how many customers."""

    COLUMNS = ("taken", "size", "customers")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[BackupEntry] = []

    def set_entries(self, entries: list[BackupEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Taken"), self.tr("Size"), self.tr("Customers"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "customers" and entry.customers is None:
                return self.tr("This file cannot be read as a Desktop CRM database.")
            return str(entry.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "taken":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _shown(self, entry: BackupEntry, column: str) -> str:
        locale = QLocale()
        if column == "taken":
            t = entry.taken_at  # local time already: the name records it so
            moment = QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, t.second))
            return locale.toString(moment, QLocale.FormatType.ShortFormat)
        if column == "size":
            decimals = 1 if entry.size >= 1 << 20 else 0  # "632 kB", "12.5 MB"
            return locale.formattedDataSize(
                entry.size, decimals, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
        if entry.customers is None:
            return self.tr("unreadable")
        return locale.toString(entry.customers)


class BackupsDialog(QDialog):
    """Lists the backups in the rotation's folder; emits `restoreRequested(path)` for the
    main window to restore (it asks first), `backedUp(message)` after Back Up Now."""

    restoreRequested = Signal(str)  # noqa: N815 - Qt naming
    backedUp = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, database: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self._database = database
        self._tasks = tasks
        self.policy: BackupPolicy | None = None
        self.loading = False
        self.where = QLabel(self)
        self.where.setObjectName("backupsFolder")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setObjectName("backupsMessage")
        self.message.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 // 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.restore_button = self._button("restoreButton", self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button = self._button("openReadOnlyButton", self.tr("&Open Read-Only"))
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button = self._button("showFolderButton", self.tr("Show in &Folder"))
        self.folder_button.clicked.connect(self.show_folder)
        self.backup_button = self._button("backUpNowButton", self.tr("&Back Up Now"))
        self.backup_button.clicked.connect(self.back_up_now)
        side = QVBoxLayout()
        for button in (self.restore_button, self.open_button, self.folder_button):
            side.addWidget(button)
        side.addSpacing(self.fontMetrics().height())
        side.addWidget(self.backup_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.where)
        column.addLayout(middle, 1)
        column.addWidget(self.message)
        column.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 28)
        self._update_buttons()
        self.reload()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # ------------------------------------------------------------------- the list

    def reload(self) -> None:
        """Read the list again, in the background (each file is opened to count)."""
        self.loading = True
        self.message.setText(self.tr("Reading the backups…"))
        database = self._database

        def work(_context: object) -> tuple[BackupPolicy, list[BackupEntry]]:
            policy = load_policy()
            return policy, list_backups(database, policy)

        self._tasks.run(
            work, self._loaded, on_error=self._load_failed, key="backups-list", receiver=self
        )

    def _loaded(self, result: tuple[BackupPolicy, list[BackupEntry]]) -> None:
        self.loading = False
        self.policy, entries = result
        self.where.setText(
            self.tr("Backups of %1 in %2")
            .replace("%1", Path(self._database).name)
            .replace("%2", str(self.policy.backup_folder()))
        )
        self.model.set_entries(entries)
        self.message.setText(
            self.tr(
                "Kept: the newest of each of the last %1 days, %2 weeks and %3 months "
                "(change it in Settings)."
            )
            .replace("%1", str(self.policy.daily))
            .replace("%2", str(self.policy.weekly))
            .replace("%3", str(self.policy.monthly))
            if entries
            else self.tr("No backups yet.")
        )
        if entries:
            self.table.selectRow(0)
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.model.set_entries([])
        self.message.setText(str(exc))
        self._update_buttons()

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        readable = entry is not None and entry.customers is not None
        self.restore_button.setEnabled(readable)
        self.open_button.setEnabled(readable)
        self.folder_button.setEnabled(self.policy is not None)

    # ------------------------------------------------------------------- the buttons

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.customers is not None:
            self.restoreRequested.emit(str(entry.path))

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        program, arguments = read_only_command(entry.path)
        started = QProcess.startDetached(program, arguments)
        if not (started[0] if isinstance(started, tuple) else started):
            QMessageBox.warning(
                self,
                self.tr("Open Read-Only"),
                self.tr("A second Desktop CRM window could not be started."),
            )

    def show_folder(self) -> None:
        if self.policy is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.policy.backup_folder())))

    def back_up_now(self) -> None:
        database = self._database
        run_with_progress(
            self._tasks,
            self,
            self.tr("Backing up…"),
            lambda _context: take_backup(database, load_policy()),
            self._backed_up,
        )

    def _backed_up(self, entry: BackupEntry) -> None:
        self.backedUp.emit(self.tr("Backed up to %1").replace("%1", str(entry.path)))
        self.reload()
