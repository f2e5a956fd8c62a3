"""A customer's relations to other customers (spouse, colleague, referred by …): the list,
add one by the other customer's code and a kind, remove the selected one.

Relations are written at once (they are not part of the form's Save): each is a link
between two saved customers, recorded in both histories.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import customers
from desktop_crm.domain.customers import RelationEntry
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.widgets.form_fields import ChoiceCombo, NoSubmitLineEdit, mark_invalid


class RelationsEditor(QWidget):
    """Emits `relationsChanged(other_id)` after a relation to `other_id` was added or removed."""

    relationsChanged = Signal(int)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._customer_id: int | None = None
        self._relations: list[RelationEntry] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("relationsTable")
        self.table.setAccessibleName(labels.column_title("relations"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Relation"), labels.column_title("code"), labels.column_title("name")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 100)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.code_edit = NoSubmitLineEdit(self)
        self.code_edit.setPlaceholderText(self.tr("Customer code, e.g. C000123"))
        self.code_edit.setAccessibleName(self.tr("Code of the related customer"))
        self.code_edit.returnPressed.connect(self.add_from_inputs)
        self.kind_combo = ChoiceCombo(self.tr("Kind of relation"), self)
        self.kind_combo.set_choices(labels.choices("relation"))
        self.add_button = QPushButton(self.tr("Add relation"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add relation"))
        self.add_button.clicked.connect(self.add_from_inputs)
        self.remove_button = QPushButton(self.tr("Remove relation"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove the selected relation"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.note = QLabel(self.tr("Relations are saved as soon as you add or remove them."), self)
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.code_edit.textChanged.connect(self._clear_error)

        add_row = QHBoxLayout()
        add_row.addWidget(self.code_edit, 2)
        add_row.addWidget(self.kind_combo, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.note)
        self.set_customer(None, [])

    def set_customer(self, customer_id: int | None, relations: list[RelationEntry]) -> None:
        """Show this customer's relations; without a saved customer nothing can be added."""
        self._customer_id = customer_id
        self._relations = list(relations)
        self.table.setRowCount(0)
        for relation in self._relations:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(
                (
                    labels.choice_label("relation", relation.kind),
                    relation.other_code,
                    relation.other_name,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.note.setText(
            self.tr("Relations are saved as soon as you add or remove them.")
            if customer_id
            else self.tr("Save the new customer first, then add its relations.")
        )
        for widget in (self.code_edit, self.kind_combo, self.add_button):
            widget.setEnabled(customer_id is not None)
        self._clear_error()
        self._update_buttons()

    def relations(self) -> list[RelationEntry]:
        return list(self._relations)

    def add_from_inputs(self) -> None:
        if self._customer_id is None:
            return
        code = self.code_edit.text().strip()
        try:
            other_id = customers.customer_id_for_code(code)
            customers.add_relation(self._customer_id, other_id, str(self.kind_combo.value()))
        except ValidationError as exc:
            self._show_error(exc.errors.get("relations") or exc.message)
            return
        except CrmError as exc:
            self._show_error(exc.message)
            return
        self.code_edit.clear()
        self._reload()
        self.relationsChanged.emit(other_id)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if self._customer_id is None or not 0 <= row < len(self._relations):
            return
        relation = self._relations[row]
        try:
            # The entry does not say which way the link points: try ours, then theirs.
            if not customers.remove_relation(self._customer_id, relation.other_id, relation.kind):
                customers.remove_relation(relation.other_id, self._customer_id, relation.kind)
        except CrmError as exc:
            self._show_error(exc.message)
            return
        self._reload()
        self.relationsChanged.emit(relation.other_id)

    def _reload(self) -> None:
        assert self._customer_id is not None
        self.set_customer(self._customer_id, customers.get_customer(self._customer_id).relations)

    def _show_error(self, reason: str) -> None:
        self.error_label.setText(reason)
        self.error_label.show()
        mark_invalid(self.code_edit, True)

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        mark_invalid(self.code_edit, False)

    def _update_buttons(self) -> None:
        selected = 0 <= self.table.currentRow() < len(self._relations)
        self.remove_button.setEnabled(self._customer_id is not None and selected)
