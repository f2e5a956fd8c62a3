"""Record a payment received against an order: date, amount (what is still owed by
default), method, reference and notes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop_crm.domain.orders import PAYMENT_METHODS, OrderRecord
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction, date_edit
from desktop_crm.ui.money import money_input, money_text
from desktop_crm.ui.widgets.form_fields import ChoiceCombo, NoSubmitLineEdit


class PaymentDialog(RecordDialog):
    def __init__(self, save: SaveFunction, order: OrderRecord, parent: QWidget | None = None):
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Add Payment"))
        self.setObjectName("paymentDialog")
        intro = QLabel(
            self.tr("Order %1 · %2 · still owed %3")
            .replace("%1", order.order_no)
            .replace("%2", order.product)
            .replace("%3", money_text(order.outstanding)),
            self,
        )
        intro.setObjectName("paymentIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.date_edit = date_edit(self)
        self.amount_edit = NoSubmitLineEdit(self)
        if order.outstanding > Decimal(0):
            self.amount_edit.setText(money_text(order.outstanding))
        self.method_combo = ChoiceCombo(self.tr("Method"), self)
        self.method_combo.set_choices(
            labels.choice_items("payment_method", PAYMENT_METHODS), blank=self.tr("Not set")
        )
        self.reference_edit = NoSubmitLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("Bank reference, receipt number …"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3)
        self.add_field("paid_on", self.tr("&Date"), self.date_edit, self.date_edit.dateChanged)
        self.add_field("amount", self.tr("&Amount"), self.amount_edit, self.amount_edit.textChanged)
        self.add_field(
            "method", self.tr("&Method"), self.method_combo, self.method_combo.currentIndexChanged
        )
        self.add_field(
            "reference",
            self.tr("&Reference"),
            self.reference_edit,
            self.reference_edit.textChanged,
        )
        self.add_field("notes", self.tr("&Notes"), self.notes_edit, self.notes_edit.textChanged)
        self.resize(420, self.sizeHint().height())
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def values(self) -> dict[str, Any]:
        return {
            "paid_on": self.date_edit.date().toPython(),
            "amount": money_input(self.amount_edit.text()),
            "method": self.method_combo.value(),
            "reference": self.reference_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }
