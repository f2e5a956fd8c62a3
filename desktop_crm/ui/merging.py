"""Customer → Merge Selected / Unmerge and Tools → Find Duplicates, for the main window.

Keeps the actions' enabled state in step with the list: Merge Selected needs exactly two
selected customers (not in the trash view), Unmerge a current customer that has taken
another in by a merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_crm.domain.merge import MergeInfo, merges_of, unmerge
from desktop_crm.errors import CrmError
from desktop_crm.ui.commands import MergeCommand
from desktop_crm.ui.dialogs.duplicates_dialog import DuplicatesDialog
from desktop_crm.ui.dialogs.merge_dialog import MergeDialog
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.history_view import local_time_text

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


class MergeActions(QObject):
    """Connects the merge actions of `window` and keeps them enabled when they apply."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.merge_dialog: MergeDialog | None = None
        self.duplicates_dialog: DuplicatesDialog | None = None
        actions = window.named_actions
        actions.merge_customers.triggered.connect(self.merge_selected)
        actions.unmerge.triggered.connect(self.unmerge_current)
        actions.find_duplicates.triggered.connect(self.find_duplicates)
        pane = window.list_pane
        pane.customerList.selectionModel().selectionChanged.connect(self.update_actions)
        pane.model.modelReset.connect(self.update_actions)
        pane.currentCustomerChanged.connect(self.update_actions)
        window.events.customersChanged.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        pane = self.main_window.list_pane
        trashed = pane.model.query.trashed
        actions = self.main_window.named_actions
        actions.merge_customers.setEnabled(not trashed and len(pane.selected_ids()) == 2)
        actions.unmerge.setEnabled(not trashed and bool(self._merges_to_undo()))

    def _merges_to_undo(self) -> list[MergeInfo]:
        """The merges the current customer kept another customer in, newest first."""
        customer_id = self.main_window.list_pane.current_customer_id()
        if customer_id is None:
            return []
        return [m for m in merges_of(customer_id) if m.kept_id == customer_id]

    # ------------------------------------------------------------------- merging

    def merge_selected(self) -> MergeDialog | None:
        """Open the merge dialog for the two selected customers (window-modal)."""
        ids = self.main_window.list_pane.selected_ids()
        if len(ids) != 2 or not self.main_window.detail.maybe_save():
            return None
        try:
            dialog = MergeDialog(
                ids[0],
                ids[1],
                self.main_window.undo_stack,
                self.main_window.events,
                self.main_window,
            )
        except CrmError as exc:
            show_error(self.main_window, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.merge_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "merge_dialog", None))
        dialog.open()
        return dialog

    def unmerge_current(self) -> bool:
        """Separate a customer merged into the current one; asks which and confirms."""
        merges = self._merges_to_undo()
        if not merges:
            return False
        window = self.main_window
        described = [self._describe(m) for m in merges]
        if len(merges) == 1:
            answer = QMessageBox.question(
                window,
                self.tr("Unmerge"),
                self.tr(
                    "Separate %1 again? It comes back with the records it brought in; "
                    "fields changed since the merge keep their new values."
                ).replace("%1", described[0]),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            chosen = merges[0]
        else:
            text, ok = QInputDialog.getItem(
                window,
                self.tr("Unmerge"),
                self.tr("Which merge should be undone?"),
                described,
                0,
                False,
            )
            if not ok or text not in described:
                return False
            chosen = merges[described.index(text)]
        if not window.detail.maybe_save():
            return False
        return self._unmerge(chosen)

    def _unmerge(self, merge: MergeInfo) -> bool:
        window = self.main_window
        stack = window.undo_stack
        last = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if isinstance(last, MergeCommand) and last.merge_id == merge.id:
            stack.undo()  # the same as Undo, and Redo can merge them again
            return True
        try:
            result = unmerge(merge.id)
        except CrmError as exc:
            show_error(window, exc)
            return False
        window.events.customersChanged.emit()
        window.events.customerOpened.emit(merge.kept_id)
        message = self.tr("%1 is a customer of its own again").replace("%1", merge.other_code)
        if result.fields_changed_since:
            message += self.tr(" (fields changed since the merge kept their new values)")
        window.events.statusMessage.emit(message)
        return True

    def _describe(self, merge: MergeInfo) -> str:
        return (
            self.tr("%1 merged into %2 on %3")
            .replace("%1", merge.other_code)
            .replace("%2", merge.kept_code)
            .replace("%3", local_time_text(merge.merged_at))
        )

    # ------------------------------------------------------------------- duplicates

    def find_duplicates(self) -> DuplicatesDialog:
        """Show the Find Duplicates window and scan (again) when it was not open."""
        dialog = self.duplicates_dialog
        if dialog is None:
            window = self.main_window
            dialog = DuplicatesDialog(
                window.tasks,
                window.events,
                window.undo_stack,
                window,
                may_merge=window.detail.maybe_save,
            )
            self.duplicates_dialog = dialog
        if not dialog.isVisible():
            dialog.show()
            dialog.scan()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
