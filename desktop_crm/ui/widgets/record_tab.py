"""The common part of the detail pane's record tabs (Orders, Service): one customer's
records, entry dialogs that stay open until the domain accepts what was typed, a
message line for refusals, and the app events after every write."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop_crm.ui.dialogs.record_dialog import RecordDialog
from desktop_crm.ui.events import AppEvents


class RecordTab(QWidget):
    """Subclasses give `_fill(select)`, `_selected_id()`, `_selection_after(saved)` and
    `_changed_signal()`."""

    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._customer_id: int | None = None
        self.dialog: RecordDialog | None = None  # the entry dialog open now (tests drive it)
        self._stale = False  # the customer changed while the tab was hidden
        self.message = QLabel(self)
        self.message.setObjectName("fieldErrorLabel")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()

    def customer_id(self) -> int | None:
        return self._customer_id

    def set_customer(self, customer_id: int | None) -> None:
        """Show this customer's records (None: nothing, and nothing can be entered).

        A tab the user is not looking at reads them when it is next shown, so moving
        through the customer list does not read every tab of every customer."""
        keep = self._selected_id() if customer_id == self._customer_id else None
        self._customer_id = customer_id
        self._show_message("")
        if self.isVisible() or customer_id is None:  # (emptying reads nothing)
            self.reload(keep)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload(self._selected_id())

    def reload(self, select: int | None = None) -> None:
        """Read the records again, selecting `select` (an id) if it is still there."""
        self._stale = False
        self._fill(select)

    def _fill(self, select: int | None) -> None:
        raise NotImplementedError

    def _selected_id(self) -> int | None:
        raise NotImplementedError

    def _selection_after(self, saved: object) -> int | None:
        """The row to select after a dialog saved `saved`."""
        raise NotImplementedError

    def _changed_signal(self) -> SignalInstance:
        """The app event saying this tab's records of a customer changed."""
        raise NotImplementedError

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").removesuffix("…"))
        button.setAutoDefault(False)  # Enter in the table opens the record, not this
        button.clicked.connect(slot)
        return button

    def _open(self, dialog: RecordDialog) -> None:
        """Open an entry dialog (not blocking); after OK, show the result and tell the others."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._written(self._selection_after(dialog.saved)))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _written(self, select: int | None) -> None:
        customer_id = self._customer_id
        self._show_message("")
        self.reload(select)
        if customer_id is not None:
            self._changed_signal().emit(customer_id)
            self._events.customerChanged.emit(customer_id)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
