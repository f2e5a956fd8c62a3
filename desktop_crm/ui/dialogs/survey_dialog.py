"""Record a satisfaction survey: the date, satisfaction 1–5 and/or NPS 0–10, comments."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction, date_edit
from desktop_crm.ui.widgets.form_fields import ChoiceCombo


class SurveyDialog(RecordDialog):
    def __init__(self, save: SaveFunction, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("Add Survey"))
        self.date_edit = date_edit(self)
        self.satisfaction_combo = ChoiceCombo(self.tr("Satisfaction"), self)
        self.satisfaction_combo.set_choices(
            [(n, f"{n} {'★' * n}{'☆' * (5 - n)}") for n in range(5, 0, -1)],
            blank=self.tr("Not asked"),
        )
        self.nps_combo = ChoiceCombo(self.tr("NPS"), self)
        self.nps_combo.set_choices(
            [(n, str(n)) for n in range(10, -1, -1)], blank=self.tr("Not asked")
        )
        self.nps_combo.setToolTip(
            self.tr("How likely is the customer to recommend us? 0 = not at all, 10 = certainly")
        )
        self.comments_edit = QPlainTextEdit(self)
        self.comments_edit.setTabChangesFocus(True)
        self.comments_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_field("surveyed_on", self.tr("&Date"), self.date_edit, self.date_edit.dateChanged)
        self.add_field(
            "satisfaction",
            self.tr("&Satisfaction (1–5)"),
            self.satisfaction_combo,
            self.satisfaction_combo.currentIndexChanged,
        )
        self.add_field(
            "nps", self.tr("&NPS (0–10)"), self.nps_combo, self.nps_combo.currentIndexChanged
        )
        self.add_field(
            "comments", self.tr("&Comments"), self.comments_edit, self.comments_edit.textChanged
        )
        self.resize(420, self.sizeHint().height())
        self.satisfaction_combo.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "surveyed_on": self.date_edit.date().toPython(),
            "satisfaction": self.satisfaction_combo.value(),
            "nps": self.nps_combo.value(),
            "comments": self.comments_edit.toPlainText(),
        }
