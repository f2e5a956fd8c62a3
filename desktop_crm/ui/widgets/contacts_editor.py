"""An enterprise's contact persons as an editable table: name, title, department, phones,
emails; rows added, edited and removed in place, Tab moving from cell to cell."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui import labels

COLUMNS = ("name", "title", "department", "phones", "emails")
_SEPARATORS = re.compile(r"[,;，；、]")
_EXTRA_ROLE = Qt.ItemDataRole.UserRole + 1


def split_list(text: str) -> list[str]:
    """ "a, b；c" → ["a", "b", "c"]: the ways people separate several phones or emails."""
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


class _ContactsTable(QTableWidget):
    """Tab walks the cells; after the last cell it leaves the table instead of wrapping."""

    def moveCursor(self, action, modifiers):  # noqa: N802, ANN001, ANN201 - Qt override
        current = self.currentIndex()
        last_row, last_col = self.rowCount() - 1, self.columnCount() - 1
        if action == QAbstractItemView.CursorAction.MoveNext and (
            not current.isValid() or (current.row(), current.column()) == (last_row, last_col)
        ):
            return QModelIndex()
        if action == QAbstractItemView.CursorAction.MovePrevious and (
            not current.isValid() or (current.row(), current.column()) == (0, 0)
        ):
            return QModelIndex()
        return super().moveCursor(action, modifiers)

    def closeEditor(self, editor, hint):  # noqa: N802, ANN001, ANN201 - Qt override
        hints = QAbstractItemDelegate.EndEditHint
        leave = None
        if (
            hint == hints.EditNextItem
            and not self.moveCursor(
                QAbstractItemView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier
            ).isValid()
        ):
            leave = True
        elif (
            hint == hints.EditPreviousItem
            and not self.moveCursor(
                QAbstractItemView.CursorAction.MovePrevious, Qt.KeyboardModifier.NoModifier
            ).isValid()
        ):
            leave = False
        if leave is None:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, hints.NoHint)
        self.focusNextPrevChild(leave)


class _LiveDelegate(QStyledItemDelegate):
    """Tells as the user types in a cell, not only when the cell is left."""

    edited = Signal()

    def createEditor(self, parent, option, index):  # noqa: N802, ANN001, ANN201 - Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self.edited)
        return editor


class ContactsEditor(QWidget):
    """`contacts()` gives one dict per row with a name or any other text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.table = _ContactsTable(0, len(COLUMNS), self)
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(labels.column_title("contacts"))
        self.table.setHorizontalHeaderLabels(
            [
                labels.column_title("name"),
                labels.column_title("title"),
                self.tr("Department"),
                labels.column_title("phones"),
                labels.column_title("emails"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # no sideways scrolling
        self.table.setMinimumHeight(160)
        self.table.itemChanged.connect(self._item_changed)
        delegate = _LiveDelegate(self.table)
        delegate.edited.connect(self.changed)
        self.table.setItemDelegate(delegate)

        self.add_button = QPushButton(self.tr("Add contact person"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(self.tr("Add contact person"))
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button = QPushButton(self.tr("Remove contact person"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(self.tr("Remove contact person"))
        self.remove_button.clicked.connect(self.remove_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ---------------------------------------------------------------- values
    def set_contacts(self, contacts: list[Any]) -> None:
        """Show these contacts (ContactEntry or dicts), replacing the rows; emits nothing."""
        self._loading = True
        self.table.setRowCount(0)
        for contact in contacts:
            self._append_row(contact if isinstance(contact, dict) else _as_dict(contact))
        self._loading = False
        self._update_buttons()

    def contacts(self) -> list[dict[str, Any]]:
        """The rows as shown, including a cell still being typed in (not yet committed)."""
        pending = self._pending_edit()
        result = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, column) for column in range(len(COLUMNS))]
            if pending is not None and pending[0] == row:
                texts[pending[1]] = pending[2]
            if not any(t.strip() for t in texts):
                continue
            extra = self.table.item(row, 0).data(_EXTRA_ROLE) or {}
            phone_labels = extra.get("phone_labels") or {}
            email_labels = extra.get("email_labels") or {}
            result.append(
                {
                    "id": extra.get("id"),
                    "name": texts[0],
                    "title": texts[1],
                    "department": texts[2],
                    "gender": extra.get("gender"),
                    "is_primary": bool(extra.get("is_primary")),
                    "notes": extra.get("notes"),
                    "phones": [
                        {"number": n, "label": phone_labels.get(n, "mobile")}
                        for n in split_list(texts[3])
                    ],
                    "emails": [
                        {"address": a, "label": email_labels.get(a, "work")}
                        for a in split_list(texts[4])
                    ],
                }
            )
        return result

    def commit_pending(self) -> None:
        """Write a cell still being typed in into the table and close its editor."""
        editor = self._open_editor()
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _open_editor(self) -> QLineEdit | None:
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit) and self.table.viewport().isAncestorOf(editor):
            return editor
        return None

    def _pending_edit(self) -> tuple[int, int, str] | None:
        editor = self._open_editor()
        index = self.table.currentIndex()
        if editor is None or not index.isValid():
            return None
        return index.row(), index.column(), editor.text()

    # --------------------------------------------------------------- actions
    def add_contact(self) -> None:
        """A new empty row, its name cell open for typing."""
        self.commit_pending()
        row = self._append_row({})
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        if self.table.state() != QAbstractItemView.State.EditingState:
            self.table.editItem(self.table.item(row, 0))
        self._update_buttons()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._update_buttons()
        self.changed.emit()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)

    # -------------------------------------------------------------- internals
    def _append_row(self, values: dict[str, Any]) -> int:
        was_loading, self._loading = self._loading, True
        row = self.table.rowCount()
        self.table.insertRow(row)
        phones = values.get("phones") or []
        emails = values.get("emails") or []
        texts = (
            values.get("name") or "",
            values.get("title") or "",
            values.get("department") or "",
            ", ".join(p["number"] for p in phones),
            ", ".join(e["address"] for e in emails),
        )
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.item(row, 0).setData(
            _EXTRA_ROLE,
            {
                "id": values.get("id"),
                "gender": values.get("gender"),
                "is_primary": values.get("is_primary"),
                "notes": values.get("notes"),
                "phone_labels": {p["number"]: p["label"] for p in phones},
                "email_labels": {e["address"]: e["label"] for e in emails},
            },
        )
        self._loading = was_loading
        return row

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.rowCount() > 0)


def _as_dict(contact: Any) -> dict[str, Any]:
    values = dict(vars(contact))
    values["phones"] = [{"number": p.number, "label": p.label} for p in contact.phones]
    values["emails"] = [{"address": e.address, "label": e.label} for e in contact.emails]
    return values
