"""The Orders tab of the customer detail pane (M6): the customer's orders with what was
paid and what is still owed, the selected order's payments and shipments, and the credit
strip (receivables by age, credit limit, credit rating and its override).

One customer's orders are few, so they are read and written on the UI thread. Every write
is checked by the domain first; an order over the credit limit is only saved when the user
says so. After a write the tab tells the other panes (ordersChanged, customerChanged):
orders move the customer's status, stage, rating and history.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import customers, orders
from desktop_crm.domain.orders import CreditWarning, OrderRecord, PaymentRecord, ShipmentRecord
from desktop_crm.errors import CrmError
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.order_dialog import OrderDialog, quantity_text
from desktop_crm.ui.dialogs.payment_dialog import PaymentDialog
from desktop_crm.ui.dialogs.shipment_dialog import ShipmentDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.money import money_text
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.credit_summary import CreditState, CreditSummary
from desktop_crm.ui.widgets.record_tab import RecordTab
from desktop_crm.ui.widgets.record_table import Column, RecordTable, RecordTableModel

log = logging.getLogger(__name__)
_CONTEXT = "OrdersTab"
_Button = QMessageBox.StandardButton

ORDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrdersTab", "No."), lambda o: o.order_no),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Date"), lambda o: o.order_date.isoformat()),
    Column(
        QT_TRANSLATE_NOOP("OrdersTab", "Status"),
        lambda o: labels.choice_label("order_status", o.status),
    ),
    Column(
        QT_TRANSLATE_NOOP("OrdersTab", "Channel"),
        lambda o: labels.choice_label("order_channel", o.channel) if o.channel else "",
    ),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Total"), lambda o: money_text(o.amount), numeric=True),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Paid"), lambda o: money_text(o.paid), numeric=True),
    Column(
        QT_TRANSLATE_NOOP("OrdersTab", "Outstanding"),
        lambda o: money_text(o.outstanding),
        numeric=True,
    ),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Product"), lambda o: o.product, stretch=True),
)
PAYMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Paid on"), lambda p: p.paid_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Amount"), lambda p: money_text(p.amount), numeric=True),
    Column(
        QT_TRANSLATE_NOOP("OrdersTab", "Method"),
        lambda p: labels.choice_label("payment_method", p.method) if p.method else "",
    ),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Reference"), lambda p: p.reference or "", stretch=True),
)
SHIPMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Shipped on"), lambda s: s.shipped_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Carrier"), lambda s: s.carrier or ""),
    Column(QT_TRANSLATE_NOOP("OrdersTab", "Tracking number"), lambda s: s.tracking_no or ""),
    Column(
        QT_TRANSLATE_NOOP("OrdersTab", "Quantity"),
        lambda s: quantity_text(s.quantity),
        numeric=True,
        stretch=True,
    ),
)


class OrderTableModel(RecordTableModel):
    def extra_data(self, record: OrderRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [record.product]
            if record.category:
                parts.append(record.category)
            if record.payment_due:
                parts.append(
                    self.tr("Payment due %1").replace("%1", record.payment_due.isoformat())
                )
            if record.cost is not None:
                parts.append(
                    self.tr("Margin %1").replace("%1", money_text(record.amount - record.cost))
                )
            if record.notes:
                parts.append(record.notes)
            return "\n".join(parts)
        return None


class OrdersTab(RecordTab):
    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(events, parent)
        self.setObjectName("ordersTab")
        self.setAccessibleName(self.tr("Orders"))

        self.summary = CreditSummary(self)
        self.summary.overrideRequested.connect(self.set_rating_by_hand)
        self.orders_table = RecordTable(
            OrderTableModel(_CONTEXT, ORDER_COLUMNS, self), "ordersTable", self
        )
        self.orders_table.setAccessibleName(self.tr("Orders"))
        self.orders_table.selectionModel().selectionChanged.connect(self._order_selected)
        self.orders_table.activated.connect(lambda _index: self.edit_order())
        self.new_button = self._button("newOrderButton", self.tr("&New Order…"), self.new_order)
        self.edit_button = self._button("editOrderButton", self.tr("Edit Order…"), self.edit_order)
        self.edit_button.setToolTip(self.tr("Or press Enter on the order"))
        self.delete_button = self._button(
            "deleteOrderButton", self.tr("Delete Order"), self.delete_order
        )

        self.payments_table = RecordTable(
            RecordTableModel(_CONTEXT, PAYMENT_COLUMNS, self), "paymentsTable", self
        )
        self.payments_table.setAccessibleName(self.tr("Payments of the selected order"))
        self.payments_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_payment_button = self._button(
            "addPaymentButton", self.tr("Add Pa&yment…"), self.add_payment
        )
        self.delete_payment_button = self._button(
            "deletePaymentButton", self.tr("Delete Payment"), self.delete_payment
        )
        self.shipments_table = RecordTable(
            RecordTableModel(_CONTEXT, SHIPMENT_COLUMNS, self), "shipmentsTable", self
        )
        self.shipments_table.setAccessibleName(self.tr("Shipments of the selected order"))
        self.shipments_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_shipment_button = self._button(
            "addShipmentButton", self.tr("Add Ship&ment…"), self.add_shipment
        )
        self.delete_shipment_button = self._button(
            "deleteShipmentButton", self.tr("Delete Shipment"), self.delete_shipment
        )
        self.order_parts = QTabWidget(self)
        self.order_parts.setObjectName("orderParts")
        self.order_parts.addTab(
            self._page(self.payments_table, self.add_payment_button, self.delete_payment_button),
            "",
        )
        self.order_parts.addTab(
            self._page(self.shipments_table, self.add_shipment_button, self.delete_shipment_button),
            "",
        )

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.orders_table, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("ordersSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.order_parts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self.set_customer(None)

    def _page(self, table: RecordTable, *buttons: QPushButton) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------------ reading
    def _selected_id(self) -> int | None:
        selected = self.selected_order()
        return selected.id if selected else None

    def _changed_signal(self) -> SignalInstance:
        return self._events.ordersChanged

    def _fill(self, select: int | None) -> None:
        records: list[OrderRecord] = []
        state = None
        if self._customer_id is not None:
            try:
                records = orders.customer_orders(self._customer_id)
                state = self._credit_state(self._customer_id)
            except CrmError as exc:  # the customer went to the trash meanwhile
                self._show_message(exc.message)
        self.orders_table.record_model().set_records(records)
        self.summary.set_state(state)
        if not self.orders_table.select_where(lambda o: o.id == select) and records:
            self.orders_table.selectRow(0)
        self._order_selected()

    @staticmethod
    def _credit_state(customer_id: int) -> CreditState:
        record = customers.get_customer(customer_id)
        tally = orders.credit_tallies([customer_id]).get(customer_id)
        return CreditState(
            ageing=orders.receivables_ageing(customer_id=customer_id),
            credit_limit=record.credit_limit,
            rating=record.credit_rating,
            overridden=record.credit_override,
            rules_rating=orders.rate_credit(tally),
            rule=orders.credit_rule(tally),
            tally=tally,
        )

    def selected_order(self) -> OrderRecord | None:
        return self.orders_table.current_record()

    def _order_selected(self, *_args: object) -> None:
        order = self.selected_order()
        payments: list[PaymentRecord] = []
        shipments: list[ShipmentRecord] = []
        if order is not None:
            payments = orders.order_payments(order.id)
            shipments = orders.order_shipments(order.id)
        self.payments_table.record_model().set_records(payments)
        self.shipments_table.record_model().set_records(shipments)
        self.order_parts.setTabText(0, self.tr("Payments (%1)").replace("%1", str(len(payments))))
        self.order_parts.setTabText(1, self.tr("Shipments (%1)").replace("%1", str(len(shipments))))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        order = self.selected_order()
        live = order is not None and order.status != "cancelled"
        self.new_button.setEnabled(self._customer_id is not None)
        self.edit_button.setEnabled(order is not None)
        self.delete_button.setEnabled(order is not None)
        self.add_payment_button.setEnabled(live and order.outstanding > 0)
        self.add_shipment_button.setEnabled(live)
        self.delete_payment_button.setEnabled(self.payments_table.current_record() is not None)
        self.delete_shipment_button.setEnabled(self.shipments_table.current_record() is not None)

    # ------------------------------------------------------------------ writing
    def new_order(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return

        def save(values: dict[str, Any]) -> OrderRecord | bool:
            warning = orders.check_order(customer_id, values)
            if warning is not None and not self._go_over_limit(warning):
                return False
            return orders.create_order(customer_id, values).order

        self._open(OrderDialog(save, None, self))

    def edit_order(self) -> None:
        order = self.selected_order()
        customer_id = self._customer_id
        if order is None or customer_id is None:
            return

        def save(values: dict[str, Any]) -> OrderRecord | bool:
            if not values:
                return order
            warning = orders.check_order(customer_id, values, order_id=order.id)
            if warning is not None and not self._go_over_limit(warning):
                return False
            return orders.update_order(order.id, values).order

        self._open(OrderDialog(save, order, self))

    def add_payment(self) -> None:
        order = self.selected_order()
        if order is not None:
            self._open(PaymentDialog(lambda v: orders.add_payment(order.id, v), order, self))

    def add_shipment(self) -> None:
        order = self.selected_order()
        if order is not None:
            self._open(ShipmentDialog(lambda v: orders.add_shipment(order.id, v), order, self))

    def delete_order(self) -> None:
        order = self.selected_order()
        if order is not None and self._confirm(
            self.tr("Delete order %1? Its payments and shipments go with it.").replace(
                "%1", order.order_no
            )
        ):
            self._write(lambda: orders.delete_order(order.id))

    def delete_payment(self) -> None:
        payment = self.payments_table.current_record()
        if payment is not None and self._confirm(
            self.tr("Delete the payment of %1 received on %2?")
            .replace("%1", money_text(payment.amount))
            .replace("%2", payment.paid_on.isoformat())
        ):
            self._write(lambda: orders.delete_payment(payment.id), payment.order_id)

    def delete_shipment(self) -> None:
        shipment = self.shipments_table.current_record()
        if shipment is not None and self._confirm(
            self.tr("Delete the shipment of %1?").replace("%1", shipment.shipped_on.isoformat())
        ):
            self._write(lambda: orders.delete_shipment(shipment.id), shipment.order_id)

    def set_rating_by_hand(self, rating: str) -> None:
        """A rating from the override control; "" gives the rating back to the rules."""
        customer_id = self._customer_id
        if customer_id is None:
            return
        keep = self.selected_order()
        if rating:
            self._write(lambda: orders.set_credit_rating(customer_id, rating), keep and keep.id)
        else:
            self._write(lambda: orders.clear_credit_override(customer_id), keep and keep.id)

    def _go_over_limit(self, warning: CreditWarning) -> bool:
        answer = QMessageBox.question(
            self.dialog or self,
            self.tr("Over the credit limit"),
            warning.message + "\n\n" + self.tr("Save the order all the same?"),
            _Button.Save | _Button.Cancel,
            _Button.Cancel,
        )
        return answer == _Button.Save

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Delete"), question, _Button.Yes | _Button.No, _Button.No
        )
        return answer == _Button.Yes

    def _selection_after(self, saved: object) -> int | None:
        if isinstance(saved, OrderRecord):
            return saved.id
        if isinstance(saved, PaymentRecord | ShipmentRecord):
            return saved.order_id
        keep = self.selected_order()
        return keep.id if keep else None

    def _write(self, action: Callable[[], object], select_order: int | None = None) -> None:
        try:
            action()
        except CrmError as exc:
            self._show_message(exc.message)
            self.reload(select_order)
            return
        except Exception as exc:  # noqa: BLE001 - a bug: logged and told, nothing half-done
            log.exception("order action failed")
            show_error(self, exc)
            return
        self._written(select_order)
