"""Choose one field and a value to set on all selected customers."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from desktop_crm.domain.customers import GRADES
from desktop_crm.domain.users import list_users
from desktop_crm.ui import labels


class BulkEditDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("bulkField")
        self.field_combo.setAccessibleName(self.tr("Field to change"))
        self.values = QStackedWidget(self)
        self._editors: dict[str, QWidget] = {}
        choice_sets: dict[str, list[tuple[Any, str]]] = {
            "owner": [(u.username, u.display_name) for u in list_users()],
            "grade": [(g, g) for g in GRADES],
            "relationship_level": labels.choices("relationship_level"),
            "stage": labels.choices("stage"),
            "status": labels.choices("status"),
        }
        titles = {"add_tag": self.tr("Add tag"), "remove_tag": self.tr("Remove tag")}
        for field in (
            "owner",
            "grade",
            "relationship_level",
            "stage",
            "status",
            "add_tag",
            "remove_tag",
        ):
            if field in choice_sets:
                editor: QWidget = QComboBox(self)
                for code, label in choice_sets[field]:
                    editor.addItem(label, code)
            else:
                editor = QLineEdit(self)
                editor.setPlaceholderText(self.tr("Tag name"))
            editor.setObjectName(f"bulkValue_{field}")
            editor.setAccessibleName(self.tr("New value"))
            self._editors[field] = editor
            self.values.addWidget(editor)
            self.field_combo.addItem(titles.get(field) or labels.column_title(field), field)
        self.field_combo.currentIndexChanged.connect(self.values.setCurrentIndex)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("%n selected customer(s) will change. Undo takes it back.", "", count))
        )
        form.addRow(self.tr("Field:"), self.field_combo)
        form.addRow(self.tr("New value:"), self.values)
        form.addRow(buttons)

    def choice(self) -> tuple[str, Any]:
        field = self.field_combo.currentData()
        editor = self._editors[field]
        value = editor.currentData() if isinstance(editor, QComboBox) else editor.text().strip()
        return field, value

    def summary(self) -> str:
        return self.tr("Bulk edit: %1").replace("%1", self.field_combo.currentText())
