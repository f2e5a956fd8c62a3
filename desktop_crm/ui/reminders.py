"""Reminders while the app runs (M4): a tray message when planned follow-ups fall due.

`ReminderService.check_now()` asks the domain for plans whose time has come and that
were not reminded yet (so the first call after start-up catches up on those that fell
due while the app was closed), shows one tray message summarising them when the system
has a tray, emits `reminded(items)` (the main window puts a line in the status bar) and
marks them reminded. A timer calls it every `interval_ms`. Reminders are for the user
only: nothing is ever sent to a customer, and no server, cron job or mail is involved.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_crm.db.connection import without_waiting
from desktop_crm.domain import reminders
from desktop_crm.domain.followups import FollowUpItem
from desktop_crm.errors import DatabaseBusyError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.widgets.followup_display import local_text

log = logging.getLogger(__name__)

SUMMARY_ITEMS = 3  # follow-ups named in one message; the rest are counted
MESSAGE_MS = 15_000


class ReminderService(QObject):
    """Checks for due follow-ups now and every `interval_ms`; tells the user once each."""

    reminded = Signal(list)  # the FollowUpItems just reminded
    # The user clicked a message about several follow-ups: show the due lists on this view.
    showDueRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(
        self,
        events: AppEvents,
        parent: QObject | None = None,
        *,
        tray_icon: QSystemTrayIcon | None = None,
        interval_ms: int = 60_000,
    ) -> None:
        super().__init__(parent)
        self._events = events
        self._tray = tray_icon
        self._last: list[FollowUpItem] = []
        # Shown but not marked (the database refused the write): not shown again this session.
        self._unmarked: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()
        if tray_icon is not None:
            tray_icon.messageClicked.connect(self._message_clicked)

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self, now: datetime | None = None) -> list[FollowUpItem]:
        """Remind the user of the plans that fell due and were not reminded yet.

        Shows one tray message for all of them (when a tray is available), emits
        `reminded(items)`, marks them reminded and returns them; [] when none are due.
        `now` (aware, or naive local time) is for tests; default the clock.
        """
        try:
            found = reminders.due_reminders(now)
        except Exception:  # noqa: BLE001 - a timer tick must not pop up a dialog each minute
            log.exception("could not read the due reminders")
            return []
        items = [item for item in found if item.id not in self._unmarked]
        if not items:
            return []
        self._last = items
        if self._tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            title, text = self.summary(items)
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        self.reminded.emit(items)
        try:
            with without_waiting():  # on the UI thread: never wait for an import's lock
                reminders.mark_reminded([item.id for item in items], now)
        except Exception as exc:  # noqa: BLE001 - shown already; next session reminds again
            if isinstance(exc, DatabaseBusyError):  # another writer (an import) holds it
                log.info("follow-ups not marked as reminded: the database is busy")
            else:
                log.exception("could not mark follow-ups as reminded")
            self._unmarked.update(item.id for item in items)
        return items

    def summary(self, items: list[FollowUpItem]) -> tuple[str, str]:
        """The title and text of one message about `items` (also for the status bar)."""
        count = len(items)
        if count == 1:
            item = items[0]
            text = (
                self.tr("%1 — %2, due %3")
                .replace("%1", item.customer_name)
                .replace("%2", self._what(item))
                .replace("%3", local_text(item.due_at))
            )
            return self.tr("A follow-up is due"), text
        named = "; ".join(f"{i.customer_name} — {self._what(i)}" for i in items[:SUMMARY_ITEMS])
        text = self.tr("%n follow-ups are due: ", "", count) + named
        if count > SUMMARY_ITEMS:
            text += self.tr(" … and %n more", "", count - SUMMARY_ITEMS)
        return self.tr("Follow-ups are due"), text

    def _what(self, item: FollowUpItem) -> str:
        return item.subject or labels.choice_label("channel", item.channel)

    def _message_clicked(self) -> None:
        customers = {item.customer_id for item in self._last}
        if len(customers) == 1:
            self._events.customerOpened.emit(next(iter(customers)))
        elif customers:
            self.showDueRequested.emit("overdue")
