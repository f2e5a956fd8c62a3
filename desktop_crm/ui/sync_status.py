"""The status bar on a replica: when it last synced, what waits to be sent, conflicts.

"Last synced 07/12/2026 14:02 · 3 changes waiting · 1 conflict" (local time), or "Never
synced". Read again, in the background, after every write the app announces and after
each sync or settled conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from desktop_crm.domain import sync
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.widgets.history_view import local_time_text

TASK_KEY = "sync-status"
CONFLICT_STYLE = "color: #b3261e; font-weight: bold;"


@dataclass(frozen=True)
class SyncState:
    last_synced: datetime | None  # naive UTC
    waiting: int
    conflicts: int


def read_sync_state() -> SyncState:
    return SyncState(sync.last_synced(), sync.waiting_changes(), sync.open_conflict_count())


class SyncStatusLabel(QLabel):
    """A permanent status bar label; only made on a replica."""

    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._tasks = tasks
        self.state: SyncState | None = None
        self.setToolTip(self.tr("This is a replica of %1.").replace("%1", sync.origin() or "?"))
        events.customerChanged.connect(lambda _id: self.refresh())
        events.customersChanged.connect(self.refresh)
        events.followupsChanged.connect(lambda _id: self.refresh())
        events.ordersChanged.connect(lambda _id: self.refresh())
        events.complaintsChanged.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self._tasks.run(lambda _c: read_sync_state(), self.show_state, key=TASK_KEY, receiver=self)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        if state.last_synced is None:
            parts = [self.tr("Never synced")]
        else:
            parts = [self.tr("Last synced %1").replace("%1", local_time_text(state.last_synced))]
        parts.append(self.tr("%n change(s) waiting", "", state.waiting))
        if state.conflicts:
            parts.append(self.tr("%n conflict(s)", "", state.conflicts))
        self.setText(" · ".join(parts))
        self.setStyleSheet(CONFLICT_STYLE if state.conflicts else "")
