"""Garbage is collected on the UI thread only.

Python's cycle collector runs on whichever thread allocates when a threshold is crossed,
often a worker of the TaskRunner. A cycle holding a Qt object (a pane's wrapper, a
signal's closure) collected there destroys it off its own thread, which can deadlock
against the UI thread with the interpreter lock held, so that nothing runs again (not
even a watchdog). So while the app runs automatic collection is off and a timer on the
UI thread collects instead, the generations Python itself would have collected by now.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due_generations() -> None:
    """Collect the oldest generation whose count passed its threshold, as Python would."""
    due = [
        gen
        for gen, (count, limit) in enumerate(zip(gc.get_count(), gc.get_threshold(), strict=False))
        if limit and count > limit
    ]
    if due:
        gc.collect(due[-1])


class UiThreadCollector(QObject):
    """Turns automatic collection off and collects from a timer on this (the UI) thread."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_due_generations)
        self.timer.start()
