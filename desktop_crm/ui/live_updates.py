"""Others' changes appear without restarting; a lost office server is said plainly.

On an office database `LiveUpdates` looks every few seconds, in the background, for the
customers, follow-ups and orders others wrote (`domain.changes`) and emits the same
events a local change does, so the list, the open customer (unless it has unsaved
edits — the detail pane keeps those) and the due follow-ups follow. When a look fails
because the server cannot be reached, the banner says so and the looks go on; the first
look that works again hides it and has every pane read afresh. Nothing is retried
behind the user's back: an action that failed was rolled back whole and says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_crm.domain.changes import Changes, ChangeWatcher
from desktop_crm.errors import DatabaseError
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

INTERVAL_MS = 5000
MANY = 50  # more changed customers than this: the list reloads once instead


class LiveUpdates(QObject):
    """Looks for others' changes on a timer; tells the panes and the banner."""

    connectionLost = Signal(str)  # noqa: N815 - Qt naming
    connectionBack = Signal()  # noqa: N815

    def __init__(
        self,
        events: AppEvents,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._events = events
        self._tasks = tasks
        self._watcher = ChangeWatcher()
        self._looking = False
        self.lost: str | None = None  # the reason, while the server cannot be reached
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)

    def begin(self) -> None:
        """Note what is already there, before the panes first read (on the UI thread).

        A change that lands between the panes' first reads and the first look is then
        news to that look, not taken for something already seen. If the server cannot
        be reached now, the first look sets the start instead (and the banner says why).
        """
        try:
            self._watcher.look()
        except DatabaseError as exc:
            log.info("no start for live updates yet: %s", exc.message)

    def start(self) -> None:
        self.look()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        """One look in the background (skipped while the previous one runs)."""
        if self._looking:
            return
        self._looking = True
        self._tasks.run(
            lambda _context: self._watcher.look(),
            self._seen,
            on_error=self._failed,
            key="liveUpdates",
            receiver=self,
        )

    def _seen(self, changes: Changes) -> None:
        self._looking = False
        if self.lost is not None:
            self.lost = None
            self.connectionBack.emit()
            self._events.customersChanged.emit()  # whatever happened meanwhile: read afresh
            return
        if changes.list_changed or len(changes.customers) > MANY:
            self._events.customersChanged.emit()
        else:
            for customer_id in sorted(changes.customers):
                self._events.customerChanged.emit(customer_id)
        for customer_id in sorted(changes.followups):
            self._events.followupsChanged.emit(customer_id)
        for customer_id in sorted(changes.orders):
            self._events.ordersChanged.emit(customer_id)
        for customer_id in sorted(changes.complaints):
            self._events.complaintsChanged.emit(customer_id)

    def _failed(self, exc: BaseException) -> None:
        self._looking = False
        if not isinstance(exc, DatabaseError):
            log.error("looking for changes failed", exc_info=exc)
            return
        if self.lost is None:
            self.lost = exc.message
            self.connectionLost.emit(exc.message)


class ConnectionBanner(QFrame):
    """A strip above the panes while the office server cannot be reached."""

    def __init__(self, live: LiveUpdates, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet(
            "#connectionBanner { background: #fdecea; border-bottom: 1px solid #b3261e; }"
            "#connectionBanner QLabel { color: #5f1410; }"
        )
        self.message = QLabel(self)
        self.message.setObjectName("connectionMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(self.tr("&Retry Now"), self)
        self.retry_button.setObjectName("connectionRetry")
        self.retry_button.clicked.connect(live.look)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        live.connectionLost.connect(self._lost)
        live.connectionBack.connect(self.hide)
        self.hide()

    def _lost(self, reason: str) -> None:
        self.message.setText(
            self.tr(
                "The office database cannot be reached: %1. Unsaved edits stay in the form; "
                "Desktop CRM keeps trying and will show the latest data when it is back."
            ).replace("%1", reason)
        )
        self.show()
