"""Field sync in the main window: File → Sync Now and Sync Conflicts…, the status bar
label and the detail pane's conflict badge — all only on a replica; and sync by file
(ui/sync_files.py): Write Sync File… and Apply Office Reply… on a replica, Apply a
Replica's Sync File… at the office.

After a sync (by network or file), and after conflicts were settled, every pane reads
afresh (the same events a restore from backup sends), and so do the status label and
the badge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from desktop_crm.db.models import database
from desktop_crm.domain import sync
from desktop_crm.ui.dialogs.sync_conflicts_dialog import SyncConflictsDialog
from desktop_crm.ui.sync_files import SyncFiles
from desktop_crm.ui.sync_now import SyncRun, ask_office_password
from desktop_crm.ui.sync_status import SyncStatusLabel

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


class SyncActions(QObject):
    """Connects the sync actions of `window`; shows each only where it makes sense."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.run: SyncRun | None = None  # the sync under way, or the last one
        self.conflicts_dialog: SyncConflictsDialog | None = None
        self.status_label: SyncStatusLabel | None = None
        actions = window.named_actions
        replica = sync.is_replica()
        for action in (actions.sync_now, actions.sync_conflicts):
            action.setVisible(replica)
            action.setEnabled(replica)
        actions.sync_now.triggered.connect(self.sync_now)
        actions.sync_conflicts.triggered.connect(lambda: self.show_conflicts())
        window.detail.conflict_badge.showRequested.connect(self._show_conflicts_of_customer)
        if replica:
            self.status_label = SyncStatusLabel(window.events, window.tasks, window)
            window.statusBar().addPermanentWidget(self.status_label)
        self.files = SyncFiles(window, replica, self.reread, lambda: self.show_conflicts())

    def sync_now(self) -> SyncRun | None:
        """Save or drop pending edits, ask for the password, start the sync (None: not
        started, the user cancelled)."""
        window = self.main_window
        if self.run is not None and self.run.is_running():
            return None
        if not window.detail.maybe_save():
            return None
        password = ask_office_password(window, window.settings, sync.origin() or "")
        if password is None:
            return None
        if self.run is not None:
            self.run.deleteLater()  # the last one, told and done
        self.run = SyncRun(window, str(database.obj.database), password)
        self.run.finished.connect(self._synced)
        self.run.conflictsRequested.connect(lambda: self.show_conflicts())
        window.named_actions.sync_now.setEnabled(False)
        self.run.start()
        return self.run

    def _synced(self, _completed: bool) -> None:
        self.main_window.named_actions.sync_now.setEnabled(True)
        self.reread()

    def reread(self) -> None:
        """Every pane (the detail pane's badge too) and the status label read afresh."""
        window = self.main_window
        shown = window.list_pane.current_customer_id()
        window.events.customersChanged.emit()
        if shown is not None:  # the list reads afresh: the same customer stays open
            window.list_pane.select_customer(shown)
        window.events.followupsChanged.emit(0)
        if self.status_label is not None:
            self.status_label.refresh()

    def show_conflicts(self, customer_uuid: str | None = None) -> SyncConflictsDialog:
        """The Conflicts view (window-modal); the window reads afresh when it closes."""
        dialog = SyncConflictsDialog(self.main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if customer_uuid:
            dialog.select_customer(customer_uuid)
        dialog.finished.connect(lambda _result: self._conflicts_closed(dialog))
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _show_conflicts_of_customer(self) -> None:
        record = self.main_window.detail.record()
        self.show_conflicts(record.uuid if record else None)

    def _conflicts_closed(self, dialog: SyncConflictsDialog) -> None:
        if self.conflicts_dialog is dialog:
            self.conflicts_dialog = None
        if dialog.settled:
            self.reread()
