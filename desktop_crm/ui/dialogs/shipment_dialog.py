"""Record a shipment of an order: date, carrier, tracking number, quantity and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop_crm.domain.orders import OrderRecord
from desktop_crm.ui.dialogs.order_dialog import quantity_text
from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction, date_edit
from desktop_crm.ui.widgets.form_fields import NoSubmitLineEdit


class ShipmentDialog(RecordDialog):
    def __init__(self, save: SaveFunction, order: OrderRecord, parent: QWidget | None = None):
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Add Shipment"))
        self.setObjectName("shipmentDialog")
        intro = QLabel(
            self.tr("Order %1 · %2 × %3")
            .replace("%1", order.order_no)
            .replace("%2", order.product)
            .replace("%3", quantity_text(order.quantity)),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.date_edit = date_edit(self)
        self.carrier_edit = NoSubmitLineEdit(self)
        self.tracking_edit = NoSubmitLineEdit(self)
        self.quantity_edit = NoSubmitLineEdit(self)
        self.quantity_edit.setPlaceholderText(self.tr("Empty: the whole order"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3)
        self.add_field("shipped_on", self.tr("&Date"), self.date_edit, self.date_edit.dateChanged)
        self.add_field(
            "carrier", self.tr("&Carrier"), self.carrier_edit, self.carrier_edit.textChanged
        )
        self.add_field(
            "tracking_no",
            self.tr("&Tracking number"),
            self.tracking_edit,
            self.tracking_edit.textChanged,
        )
        self.add_field(
            "quantity", self.tr("&Quantity"), self.quantity_edit, self.quantity_edit.textChanged
        )
        self.add_field("notes", self.tr("&Notes"), self.notes_edit, self.notes_edit.textChanged)
        self.resize(420, self.sizeHint().height())
        self.carrier_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "shipped_on": self.date_edit.date().toPython(),
            "carrier": self.carrier_edit.text(),
            "tracking_no": self.tracking_edit.text(),
            "quantity": self.quantity_edit.text().strip(),
            "notes": self.notes_edit.toPlainText(),
        }
