"""Recomputing stages, grades and credit ratings from the GUI: once a day in the
background at start-up (low priority, nothing to wait for), and on demand with a
progress dialog. Either way the customer list is told to re-read afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop_crm.domain import recompute
from desktop_crm.domain.recompute import RecomputeResult
from desktop_crm.errors import DatabaseBusyError
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner, run_with_progress
from desktop_crm.ui.widgets.followup_display import report_error

DAILY_PRIORITY = -10  # behind anything the user is looking at
TASK_KEY = "derived-recompute"
BUSY_RETRY_MS = 60_000


class DerivedDataRecompute(QObject):
    """Runs `domain.recompute` off the UI thread and announces what changed."""

    def __init__(self, tasks: TaskRunner, events: AppEvents, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._events = events
        self._window = parent
        self.running = False  # the start-up run

    def run_daily(self, today: date | None = None) -> None:
        """The start-up run: only if it has not run yet today; quiet unless it changed
        (a database busy with another writer: again a minute later)."""
        if self.running:
            return
        self.running = True

        def work(_context: TaskContext) -> RecomputeResult | None:
            return recompute.recompute_if_due(today=today)

        self._tasks.run(
            work,
            self._daily_done,
            on_error=self._failed,
            key=TASK_KEY,
            receiver=self,
            priority=DAILY_PRIORITY,
        )

    def _daily_done(self, result: RecomputeResult | None) -> None:
        self.running = False
        if result is not None and result.changed:
            self._announce(result)

    def run_now(self) -> None:
        """Tools → Recompute: everything now, with progress and Cancel."""

        def work(context: TaskContext) -> RecomputeResult:
            return recompute.recompute_derived(
                progress=context.report, cancelled=lambda: context.cancelled
            )

        run_with_progress(
            self._tasks,
            self._window,
            self.tr("Recomputing stages, grades and credit ratings…"),
            work,
            self._now_done,
        )

    def _now_done(self, result: RecomputeResult) -> None:
        self._announce(result)

    def _announce(self, result: RecomputeResult) -> None:
        if result.changed:
            self._events.customersChanged.emit()
        message = (
            self.tr("Recomputed: %1 stage(s), %2 grade(s), %3 credit rating(s) changed.")
            .replace("%1", str(result.stages or 0))
            .replace("%2", str(result.grades or 0))
            .replace("%3", str(result.credit_ratings or 0))
        )
        if not result.complete:
            message += " " + self.tr("Stopped before the end.")
        self._events.statusMessage.emit(message)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if isinstance(exc, DatabaseBusyError):
            # Another writer (an import, say) holds the database: nothing was changed and
            # nothing waits for this, so try again later rather than interrupt the user.
            QTimer.singleShot(BUSY_RETRY_MS, self, self.run_daily)
            return
        report_error(self._window, exc)
