"""Undoable steps on many customers (QUndoCommand over the domain services)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop_crm.domain import customers
from desktop_crm.domain.bulk_edit import BulkChange, bulk_update, undo_bulk_update
from desktop_crm.ui.events import AppEvents


class TrashCommand(QUndoCommand):
    """Move customers to the trash (or restore them); undo does the opposite."""

    def __init__(
        self, ids: list[int], events: AppEvents, text: str, *, restore: bool = False
    ) -> None:
        super().__init__(text)
        self.ids = ids
        self.events = events
        self.restore = restore

    def _apply(self, to_trash: bool) -> None:
        if to_trash:
            customers.trash_customers(self.ids)
        else:
            customers.restore_customers(self.ids)
        self.events.customersChanged.emit()

    def redo(self) -> None:
        self._apply(not self.restore)

    def undo(self) -> None:
        self._apply(self.restore)


class BulkEditCommand(QUndoCommand):
    """One field set on many customers in one step.

    The first redo runs when the command is pushed; a validation error there propagates
    to the caller before anything is on the stack.
    """

    def __init__(
        self, ids: list[int], field: str, value: Any, events: AppEvents, text: str
    ) -> None:
        super().__init__(text)
        self.events = events
        self.change: BulkChange = bulk_update(ids, field, value)
        self.ids = ids
        self._first = True

    def redo(self) -> None:
        if not self._first:
            self.change = bulk_update(self.ids, self.change.field, self.change.value)
        self._first = False
        self.events.customersChanged.emit()

    def undo(self) -> None:
        undo_bulk_update(self.change)
        self.events.customersChanged.emit()
