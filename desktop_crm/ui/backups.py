"""Backups in the main window: the automatic ones (once the window starts and then
daily while it runs, and at exit) and Tools → Backups…; the main window only calls this.

Automatic backups run in a worker, never on the UI thread, and only on a SQLite file (an
office server keeps its own). A failure is logged and said once in the status bar.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from desktop_crm.domain.backups import BackupEntry, automatic_backup
from desktop_crm.errors import CrmError
from desktop_crm.ui.backup_actions import current_database_path

if TYPE_CHECKING:
    from desktop_crm.ui.dialogs.backups_dialog import BackupsDialog
    from desktop_crm.ui.main_window import MainWindow

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000  # is a backup due? every hour (one folder listing)
START_DELAY_MS = 20_000  # the first check waits until start-up's own reading is done
EXIT_BACKUP_SECONDS = 60  # the most the app waits for the backup at exit
TASK_KEY = "automatic-backup"
PRIORITY = -20  # behind anything the user is looking at
FAILURE_SHOWN_MS = 15000


class BackupActions(QObject):
    """Takes the automatic backups of `window`'s database; opens Tools → Backups…."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.running = False
        self._failure_shown = False
        self.dialog: BackupsDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_now)
        action = window.named_actions.backups
        action.setVisible(current_database_path() is not None)
        action.triggered.connect(self.show_backups)

    def start(self) -> None:
        """Once the window shows: soon a backup if none was taken in a day, then hourly
        checks."""
        if current_database_path() is None:
            return
        self.timer.start()
        QTimer.singleShot(START_DELAY_MS, self, self.check_now)

    def check_now(self) -> None:
        """Take a backup in the background if one is due."""
        database = current_database_path()
        if database is None or self.running:
            return
        self.running = True
        self._window.tasks.run(
            lambda _context: automatic_backup(database, only_if_due=True),
            self._done,
            on_error=self._failed,
            key=TASK_KEY,
            receiver=self,
            priority=PRIORITY,
        )

    def _done(self, entry: BackupEntry | None) -> None:
        self.running = False
        if entry is not None:
            self._failure_shown = False  # a later failure is news again
            self._window.events.statusMessage.emit(
                self.tr("Backed up automatically to %1").replace("%1", str(entry.path))
            )

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, CrmError):  # the worker logged anything else with its traceback
            log.warning("automatic backup failed: %s", exc.message)
        if not self._failure_shown:
            self._failure_shown = True
            self._window.statusBar().showMessage(
                self.tr("The automatic backup failed: %1").replace("%1", str(exc)),
                FAILURE_SHOWN_MS,
            )

    def at_exit(self) -> BackupEntry | None:
        """The backup at exit, after the window is hidden; waits at most a minute.

        It runs on its own thread so a slow disk cannot hold the exit for ever: past the
        limit the app exits and the unfinished copy stays a ".part" file, never mistaken
        for a backup.
        """
        self.timer.stop()
        database = current_database_path()
        if database is None:
            return None
        self._window.hide()
        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                outcome["entry"] = automatic_backup(database, only_if_due=False)
            except CrmError as exc:
                log.warning("the backup at exit failed: %s", exc.message)
            except Exception:  # noqa: BLE001 - a bug: logged, the exit goes on
                log.exception("the backup at exit failed")

        thread = threading.Thread(target=work, name="backup-at-exit", daemon=True)
        thread.start()
        thread.join(EXIT_BACKUP_SECONDS)
        if thread.is_alive():
            log.warning("the backup at exit took over %s s; not waiting", EXIT_BACKUP_SECONDS)
        entry = outcome.get("entry")
        return entry if isinstance(entry, BackupEntry) else None

    def show_backups(self) -> BackupsDialog | None:
        """Tools → Backups…: the list of this database's backups (window-modal)."""
        from desktop_crm.ui.dialogs.backups_dialog import BackupsDialog

        database = current_database_path()
        if database is None:
            return None
        dialog = BackupsDialog(database, self._window.tasks, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(lambda path: self._restore(dialog, path))
        dialog.backedUp.connect(self._window.events.statusMessage.emit)
        dialog.open()
        self.dialog = dialog  # for tests; gone once closed
        return dialog

    def _restore(self, dialog: BackupsDialog, path: str) -> None:
        if self._window.restore_from_backup(path):
            dialog.accept()
