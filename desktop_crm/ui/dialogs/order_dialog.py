"""Enter or change one order: date, product, category, quantity, amount, cost (for the
margin), channel, status, payment due date and notes. The domain checks everything."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QWidget

from desktop_crm.domain.orders import ORDER_CHANNELS, ORDER_STATUSES, OrderRecord
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.record_dialog import RecordDialog, SaveFunction, date_edit
from desktop_crm.ui.money import money_input, money_text
from desktop_crm.ui.widgets.form_fields import ChoiceCombo, NoSubmitLineEdit


def quantity_text(value: Decimal | None) -> str:
    """3.000 → "3", 2.500 → "2.5"."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class OrderDialog(RecordDialog):
    """New order (`order` None) or changes to `order`; `values()` then holds only the
    fields the user changed."""

    def __init__(
        self, save: SaveFunction, order: OrderRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(
            self.tr("New Order")
            if order is None
            else self.tr("Edit Order %1").replace("%1", order.order_no)
        )
        self.setObjectName("orderDialog")
        self.order = order
        self.date_edit = date_edit(self, order.order_date if order else None)
        self.product_edit = NoSubmitLineEdit(self)
        self.category_edit = NoSubmitLineEdit(self)
        self.quantity_edit = NoSubmitLineEdit(self)
        self.amount_edit = NoSubmitLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("Order total, e.g. 1280.00"))
        self.cost_edit = NoSubmitLineEdit(self)
        self.cost_edit.setPlaceholderText(self.tr("Optional: what it cost us, for the margin"))
        self.channel_combo = ChoiceCombo(self.tr("Channel"), self)
        self.channel_combo.set_choices(
            labels.choice_items("order_channel", ORDER_CHANNELS), blank=self.tr("Not set")
        )
        self.status_combo = ChoiceCombo(self.tr("Status"), self)
        self.status_combo.set_choices(labels.choice_items("order_status", ORDER_STATUSES))
        self.due_check = QCheckBox(self.tr("Set"), self)
        self.due_check.setObjectName("dueCheck")
        self.due_check.setToolTip(self.tr("Without a date the usual payment terms apply"))
        self.due_edit = date_edit(self, order.payment_due if order else None, not_future=False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due_row = QWidget(self)
        due_layout = QHBoxLayout(due_row)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_check)
        due_layout.addWidget(self.due_edit, 1)
        due_row.setFocusProxy(self.due_check)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)

        self.add_field("order_date", self.tr("&Date"), self.date_edit, self.date_edit.dateChanged)
        self.add_field(
            "product", self.tr("&Product"), self.product_edit, self.product_edit.textChanged
        )
        self.add_field(
            "category", self.tr("Cate&gory"), self.category_edit, self.category_edit.textChanged
        )
        self.add_field(
            "quantity", self.tr("&Quantity"), self.quantity_edit, self.quantity_edit.textChanged
        )
        self.add_field("amount", self.tr("&Amount"), self.amount_edit, self.amount_edit.textChanged)
        self.add_field("cost", self.tr("C&ost"), self.cost_edit, self.cost_edit.textChanged)
        self.add_field(
            "channel",
            self.tr("C&hannel"),
            self.channel_combo,
            self.channel_combo.currentIndexChanged,
        )
        self.add_field(
            "status", self.tr("&Status"), self.status_combo, self.status_combo.currentIndexChanged
        )
        self.add_field(
            "payment_due",
            self.tr("Payment d&ue"),
            due_row,
            [self.due_check.toggled, self.due_edit.dateChanged],
        )
        self.due_edit.setAccessibleName(self.tr("Payment due date"))
        self.add_field("notes", self.tr("&Notes"), self.notes_edit, self.notes_edit.textChanged)
        self._fill(order)
        self._initial = self._all_values()
        self.resize(460, self.sizeHint().height())
        self.product_edit.setFocus()

    def _fill(self, order: OrderRecord | None) -> None:
        self.quantity_edit.setText("1")
        self.due_check.setChecked(False)
        self.due_edit.setEnabled(False)
        if order is None:
            return
        self.product_edit.setText(order.product)
        self.category_edit.setText(order.category or "")
        self.quantity_edit.setText(quantity_text(order.quantity))
        self.amount_edit.setText(money_text(order.amount))
        self.cost_edit.setText(money_text(order.cost))
        self.channel_combo.set_value(order.channel)
        self.status_combo.set_value(order.status)
        if order.payment_due is not None:
            self.due_edit.setDate(QDate(order.payment_due))
            self.due_check.setChecked(True)

    def _all_values(self) -> dict[str, Any]:
        return {
            "order_date": self.date_edit.date().toPython(),
            "product": self.product_edit.text(),
            "category": self.category_edit.text(),
            "quantity": self.quantity_edit.text().strip(),
            "amount": money_input(self.amount_edit.text()),
            "cost": money_input(self.cost_edit.text()),
            "channel": self.channel_combo.value(),
            "status": self.status_combo.value(),
            "payment_due": self.due_edit.date().toPython() if self.due_check.isChecked() else None,
            "notes": self.notes_edit.toPlainText(),
        }

    def values(self) -> dict[str, Any]:
        values = self._all_values()
        if self.order is None:
            return values
        return {name: v for name, v in values.items() if v != self._initial.get(name)}
