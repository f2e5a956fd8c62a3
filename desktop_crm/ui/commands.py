"""Undoable steps on customers (QUndoCommand over the domain services)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop_crm.domain import customers
from desktop_crm.domain.bulk_edit import BulkChange, bulk_update, undo_bulk_update
from desktop_crm.domain.merge import merge_customers, unmerge
from desktop_crm.errors import CrmError
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import show_error


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


class MergeCommand(QUndoCommand):
    """Merge one customer into another; undo separates them again (`unmerge`).

    The merge runs when the command is made, so an error reaches the caller before
    anything is on the stack. When a later undo or redo cannot be done (the merge was
    undone from the Customer menu meanwhile, a customer was trashed) the user is told
    and the step leaves the stack.
    """

    def __init__(
        self,
        keep_id: int,
        other_id: int,
        choices: Mapping[str, str],
        events: AppEvents,
        text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self.keep_id = keep_id
        self.other_id = other_id
        self.choices = dict(choices)
        self.events = events
        self.parent_widget = parent
        self.merge_id = merge_customers(keep_id, other_id, self.choices).merge_id
        self._first = True

    def redo(self) -> None:
        if not self._first:
            try:
                self.merge_id = merge_customers(self.keep_id, self.other_id, self.choices).merge_id
            except CrmError as exc:
                self._fail(exc)
                return
        self._first = False
        self.events.customersChanged.emit()
        self.events.customerOpened.emit(self.keep_id)

    def undo(self) -> None:
        try:
            unmerge(self.merge_id)
        except CrmError as exc:
            self._fail(exc)
            return
        self.events.customersChanged.emit()
        self.events.customerOpened.emit(self.keep_id)

    def _fail(self, exc: CrmError) -> None:
        self.setObsolete(True)
        self.events.customersChanged.emit()
        show_error(self.parent_widget, exc)
