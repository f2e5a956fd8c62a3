"""The status bar's count of overdue complaints (open past their response deadline).

Counted in the background, at start, whenever complaints or customers change, and every
few minutes — a complaint becomes overdue by time alone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop_crm.domain import service
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner

REFRESH_MS = 5 * 60 * 1000
TASK_KEY = "overdue-complaints"
ALERT_STYLE = "color: #d32f2f; font-weight: bold;"


class OverdueComplaintsLabel(QLabel):
    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaintCount")
        self._tasks = tasks
        self.count: int | None = None
        events.complaintsChanged.connect(lambda _id: self.refresh())
        events.customersChanged.connect(self.refresh)  # trash and restore change the count
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        self._tasks.run(
            lambda _context: service.overdue_complaint_count(),
            self._show,
            key=TASK_KEY,
            receiver=self,
        )

    def _show(self, count: int) -> None:
        self.count = count
        self.setText(self.tr("Complaints overdue: %1").replace("%1", str(count)))
        self.setToolTip(self.tr("Open complaints nobody has taken up by their response deadline"))
        self.setStyleSheet(ALERT_STYLE if count else "")
