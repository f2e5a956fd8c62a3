"""A view of data read in the background that follows changes made elsewhere: at once
(after a short pause that gathers a burst of changes) while it is shown, or when it is
next shown; a hidden view reads nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

RELOAD_DELAY_MS = 300  # gather a burst of changes into one re-read


class LiveView(QWidget):
    """Subclasses implement `reload()`, starting it with `_reloading()`, and set
    `loading = False` when the data has arrived (or failed)."""

    RELOAD_DELAY_MS = RELOAD_DELAY_MS

    def __init__(
        self, parent: QWidget | None = None, flags: Qt.WindowType = Qt.WindowType.Widget
    ) -> None:
        super().__init__(parent, flags)
        self._stale = True  # nothing read yet
        self.loading = False
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(self.RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)

    def reload(self) -> None:
        raise NotImplementedError

    def _reloading(self) -> None:
        """Called first by `reload()`: the view is being brought up to date."""
        self._reload_timer.stop()
        self._stale = False
        self.loading = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and not self.loading:
            self.reload()

    def _data_changed(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self._reload_timer.start()
