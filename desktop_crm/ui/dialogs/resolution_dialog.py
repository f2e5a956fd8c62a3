"""Mark a complaint resolved: how it was settled (required by the domain)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop_crm.domain.service import ComplaintItem
from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction


class ResolutionDialog(RecordDialog):
    def __init__(
        self, save: SaveFunction, complaint: ComplaintItem, parent: QWidget | None = None
    ) -> None:
        super().__init__(save, parent)
        self.setObjectName("resolutionDialog")
        self.setWindowTitle(self.tr("Resolve Complaint"))
        about = QLabel(complaint.description, self)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        about.setEnabled(False)
        self.form.addRow(about)
        self.resolution_edit = QPlainTextEdit(complaint.resolution or "", self)
        self.resolution_edit.setTabChangesFocus(True)
        self.resolution_edit.setPlaceholderText(self.tr("How it was settled"))
        self.add_field(
            "resolution",
            self.tr("&Resolution"),
            self.resolution_edit,
            self.resolution_edit.textChanged,
        )
        self.resize(440, 280)
        self.resolution_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {"resolution": self.resolution_edit.toPlainText()}
