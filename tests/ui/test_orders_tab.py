"""The Orders tab over a real database: entering orders, payments and shipments and seeing
what is owed and how old it is; the credit-limit question; the credit rating's override."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_crm.domain import customers, orders
from desktop_crm.ui.customer_detail import CustomerDetailPane
from desktop_crm.ui.dialogs.order_dialog import OrderDialog
from desktop_crm.ui.dialogs.payment_dialog import PaymentDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.money import money_input, money_text
from desktop_crm.ui.widgets.orders_tab import OrdersTab

Button = QMessageBox.StandardButton
TODAY = date.today()


@pytest.fixture
def events():
    return AppEvents()


@pytest.fixture
def window(qtbot, db, events) -> QMainWindow:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.setCentralWidget(CustomerDetailPane(events))
    host.resize(900, 800)
    host.show()
    return host


@pytest.fixture
def pane(window) -> CustomerDetailPane:
    return window.centralWidget()


@pytest.fixture
def cid(db) -> int:
    return customers.create_customer({"name": "华星贸易", "kind": "enterprise"}).id


@pytest.fixture
def tab(pane, cid) -> OrdersTab:
    pane.load_customer(cid)
    pane.form.setCurrentWidget(pane.orders)
    return pane.orders


@pytest.fixture
def questions(monkeypatch):
    """QMessageBox.question answered by the test: set `.answer`; `.asked` keeps the texts."""

    class Answers:
        answer = Button.Cancel
        asked: list[str] = []

    answers = Answers()

    def question(parent, title, text, *args, **kwargs):
        answers.asked.append(text)
        return answers.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


def shown(table) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def column(table, title: str) -> list[str]:
    model = table.model()
    number = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == title
    )
    return [row[number] for row in shown(table)]


def enter_order(tab: OrdersTab, amount: str, *, days_ago: int = 0, product: str = "激光打印机"):
    tab.new_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, OrderDialog) and dialog.isVisible()
    dialog.date_edit.setDate(QDate(TODAY - timedelta(days=days_ago)))
    dialog.product_edit.setText(product)
    dialog.amount_edit.setText(amount)
    dialog.ok_button.click()
    return dialog


def test_money_is_shown_exactly_in_the_locale_and_read_back():
    assert money_text(Decimal("1234567.5"), QLocale(QLocale.Language.English)) == "1,234,567.50"
    german = QLocale(QLocale.Language.German)
    assert money_text(Decimal("-1234.56"), german) == "-1.234,56"
    assert money_input("1.234,56", german) == "1234.56"
    assert money_input("1,234.56", QLocale(QLocale.Language.English)) == "1234.56"


def test_an_order_and_a_payment_change_what_is_owed_and_its_age(qtbot, tab, cid, events):
    # 45 days ago with the usual 30-day terms: 15 days past due.
    with qtbot.waitSignal(events.ordersChanged) as changed:
        dialog = enter_order(tab, "1,000.00", days_ago=45)
    assert changed.args == [cid]
    assert not dialog.isVisible()
    assert column(tab.orders_table, "Outstanding") == ["1,000.00"]
    assert tab.summary.bucket_labels["0-30"].text() == "1,000.00"
    assert tab.summary.bucket_labels["current"].text() == "0.00"
    assert "1,000.00" in tab.summary.receivable_label.text()

    assert tab.add_payment_button.isEnabled()
    tab.add_payment_button.click()
    payment = tab.dialog
    assert isinstance(payment, PaymentDialog)
    assert payment.amount_edit.text() == "1,000.00"  # what is still owed, by default
    payment.amount_edit.setText("400")
    payment.method_combo.set_value("alipay")
    with qtbot.waitSignal(events.customerChanged):
        payment.ok_button.click()
    assert column(tab.orders_table, "Paid") == ["400.00"]
    assert column(tab.orders_table, "Outstanding") == ["600.00"]
    assert tab.summary.bucket_labels["0-30"].text() == "600.00"
    assert shown(tab.payments_table) == [[TODAY.isoformat(), "400.00", "Alipay", ""]]
    assert orders.outstanding_receivables(cid) == Decimal("600.00")


def test_a_payment_over_what_is_owed_is_refused_next_to_the_amount(tab, cid):
    enter_order(tab, "100")
    tab.add_payment_button.click()
    payment = tab.dialog
    payment.amount_edit.setText("150")
    payment.ok_button.click()
    assert payment.isVisible()
    assert "100.00" in payment.slots["amount"].error()
    assert orders.customer_payments(cid) == []


def test_a_bad_order_keeps_the_dialog_open_with_each_reason(tab, cid):
    tab.new_button.click()
    dialog = tab.dialog
    dialog.amount_edit.setText("abc")
    dialog.quantity_edit.setText("0")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.slots["product"].error() == "is required"
    assert "abc" in dialog.slots["amount"].error()
    assert dialog.slots["quantity"].error()
    assert orders.customer_orders(cid) == []
    dialog.product_edit.setText("硒鼓")
    assert dialog.slots["product"].error() is None  # editing clears the reason
    dialog.reject()


def test_an_order_over_the_credit_limit_asks_first_and_cancel_saves_nothing(tab, cid, questions):
    customers.update_customer(cid, {"credit_limit": "1000"})
    tab.set_customer(cid)
    enter_order(tab, "800")
    assert questions.asked == []  # within the limit: no question

    dialog = enter_order(tab, "500")
    assert len(questions.asked) == 1
    assert "credit limit" in questions.asked[0] and "1,300.00" in questions.asked[0]
    assert dialog.isVisible()  # back to the order, nothing lost
    assert dialog.amount_edit.text() == "500"
    assert [o.amount for o in orders.customer_orders(cid)] == [Decimal("800.00")]
    assert len(shown(tab.orders_table)) == 1

    questions.answer = Button.Save
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert sorted(o.amount for o in orders.customer_orders(cid)) == [
        Decimal("500.00"),
        Decimal("800.00"),
    ]
    assert tab.summary.limit_label.text() == "Credit limit: 1,000.00"


def test_editing_an_order_changes_only_what_was_edited(tab, cid):
    enter_order(tab, "300")
    tab.edit_button.click()
    dialog = tab.dialog
    assert dialog.amount_edit.text() == "300.00"
    dialog.status_combo.set_value("completed")
    assert dialog.values() == {"status": "completed"}
    dialog.ok_button.click()
    assert column(tab.orders_table, "Status") == ["Completed"]


def test_a_shipment_marks_the_order_shipped(tab, cid):
    enter_order(tab, "300")
    tab.add_shipment_button.click()
    dialog = tab.dialog
    dialog.carrier_edit.setText("顺丰")
    dialog.tracking_edit.setText("SF123")
    dialog.ok_button.click()
    assert column(tab.orders_table, "Status") == ["Shipped"]
    assert column(tab.shipments_table, "Tracking number") == ["SF123"]
    assert tab.order_parts.tabText(1) == "Shipments (1)"


def test_deleting_an_order_asks_and_takes_it_off_the_receivables(tab, cid, questions):
    enter_order(tab, "300", days_ago=100)
    questions.answer = Button.No
    tab.delete_button.click()
    assert len(orders.customer_orders(cid)) == 1
    questions.answer = Button.Yes
    tab.delete_button.click()
    assert orders.customer_orders(cid) == []
    assert shown(tab.orders_table) == []
    assert tab.summary.bucket_labels["61-90"].text() == "0.00"


def test_the_credit_rating_shows_its_reason_and_a_rating_set_by_hand_is_marked(tab, cid):
    # Due 170 days ago and never paid: the rules say C.
    orders.create_order(
        cid, {"order_date": TODAY - timedelta(days=200), "product": "硒鼓", "amount": "90"}
    )
    tab.set_customer(cid)
    summary = tab.summary
    assert summary.rating_label.text() == "C"
    assert summary.override_mark.isHidden()
    assert "more than 90 days" in summary.reason_label.text()
    assert summary.bucket_labels["90+"].text() == "90.00"

    combo = summary.override_combo
    combo.setCurrentIndex(combo.findData("AAA"))
    combo.activated.emit(combo.currentIndex())
    assert summary.rating_label.text() == "AAA"
    assert summary.override_mark.isVisible()
    assert summary.reason_label.text().startswith("Set by hand. The payment rules would give C")
    record = customers.get_customer(cid)
    assert (record.credit_rating, record.credit_override) == ("AAA", True)

    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert summary.rating_label.text() == "C"
    assert summary.override_mark.isHidden()
    assert customers.get_customer(cid).credit_override is False


def test_the_tab_is_off_for_a_new_customer_and_follows_the_shown_one(pane, cid):
    orders.create_order(cid, {"product": "硒鼓", "amount": "50"})
    index = pane.form.indexOf(pane.orders)
    pane.new_customer("individual")
    assert not pane.form.isTabEnabled(index)
    assert shown(pane.orders.orders_table) == []
    pane.load_customer(cid)
    assert pane.form.isTabEnabled(index)
    assert pane.form.tabText(index) == "Or&ders"
    pane.form.setCurrentIndex(index)  # a hidden tab reads its customer when shown
    assert column(pane.orders.orders_table, "Total") == ["50.00"]
    pane.load_customer(None)
    assert shown(pane.orders.orders_table) == []
    assert not pane.orders.new_button.isEnabled()


def test_a_hidden_tab_reads_its_customer_only_when_shown(pane, cid, monkeypatch):
    orders.create_order(cid, {"product": "硒鼓", "amount": "50"})
    reads = []
    real = orders.customer_orders
    monkeypatch.setattr(orders, "customer_orders", lambda c: reads.append(c) or real(c))
    pane.load_customer(cid)  # the Identity tab is in front
    assert reads == []
    pane.form.setCurrentWidget(pane.orders)
    assert reads == [cid]
    assert column(pane.orders.orders_table, "Total") == ["50.00"]
