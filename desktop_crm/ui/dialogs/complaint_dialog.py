"""Record a complaint: when it came in, how severe it is (which sets the response
deadline), what it is about and what the customer said."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QPlainTextEdit, QWidget

from desktop_crm.domain.service import COMPLAINT_CATEGORIES, SEVERITIES, response_hours
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction
from desktop_crm.ui.widgets.followup_display import from_qdatetime
from desktop_crm.ui.widgets.form_fields import ChoiceCombo


class ComplaintDialog(RecordDialog):
    def __init__(self, save: SaveFunction, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("complaintDialog")
        self.setWindowTitle(self.tr("New Complaint"))
        self._hours = response_hours()
        self.opened_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.opened_edit.setCalendarPopup(True)
        self.opened_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.opened_edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
        self.severity_combo = ChoiceCombo(self.tr("Severity"), self)
        self.severity_combo.set_choices(labels.choice_items("severity", SEVERITIES))
        self.severity_combo.set_value("medium")
        self.deadline_note = QLabel(self)
        self.deadline_note.setObjectName("deadlineNote")
        self.deadline_note.setEnabled(False)
        self.category_combo = ChoiceCombo(self.tr("Category"), self)
        self.category_combo.set_choices(
            labels.choice_items("complaint_category", COMPLAINT_CATEGORIES),
            blank=self.tr("Not set"),
        )
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(
            self.tr("What went wrong, in the customer's words")
        )
        self.add_field(
            "opened_at", self.tr("&Received"), self.opened_edit, self.opened_edit.dateTimeChanged
        )
        self.add_field(
            "severity",
            self.tr("&Severity"),
            self.severity_combo,
            self.severity_combo.currentIndexChanged,
        )
        self.form.addRow("", self.deadline_note)
        self.add_field(
            "category",
            self.tr("&Category"),
            self.category_combo,
            self.category_combo.currentIndexChanged,
        )
        self.add_field(
            "description",
            self.tr("&Description"),
            self.description_edit,
            self.description_edit.textChanged,
        )
        self.severity_combo.currentIndexChanged.connect(self._show_deadline)
        self._show_deadline()
        self.resize(460, 360)
        self.description_edit.setFocus()

    def _show_deadline(self) -> None:
        hours = self._hours.get(str(self.severity_combo.value()), 0)
        self.deadline_note.setText(self.tr("To be answered within %n hour(s)", "", hours))

    def values(self) -> dict[str, Any]:
        return {
            "opened_at": from_qdatetime(self.opened_edit.dateTime()),
            "severity": self.severity_combo.value(),
            "category": self.category_combo.value(),
            "description": self.description_edit.toPlainText(),
        }
