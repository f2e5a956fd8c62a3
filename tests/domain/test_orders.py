"""Orders, shipments and payments: validation, receivables and their ageing, the credit
limit warning, the credit rating rules, and what order writes keep in step."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_crm.db.models import ChangeLog, Complaint, Customer, Order, Payment, User
from desktop_crm.domain import customers, demo, lifecycle, orders, service
from desktop_crm.domain.orders import CreditTally, rate_credit
from desktop_crm.errors import NotFoundError, ValidationError

TODAY = date(2024, 6, 30)


@pytest.fixture
def cid(db):
    return customers.create_customer({"name": "华星贸易有限公司", "kind": "enterprise"}).id


def add_order(cid: int, day: date, amount: str, **data) -> orders.OrderRecord:
    values = {"order_date": day, "product": "激光打印机", "amount": amount, **data}
    return orders.create_order(cid, values, today=TODAY).order


def pay(order_id: int, day: date, amount: str) -> orders.PaymentRecord:
    return orders.add_payment(order_id, {"paid_on": day, "amount": amount}, today=TODAY)


def row(cid: int) -> Customer:
    return Customer.get_by_id(cid)


# ------------------------------------------------------------------------ validation


def test_a_new_order_names_every_bad_field(cid):
    with pytest.raises(ValidationError) as caught:
        orders.create_order(
            cid, {"amount": "-5", "channel": "fax", "quantity": "0", "order_date": "2024-13-01"}
        )
    assert set(caught.value.errors) == {"product", "amount", "channel", "quantity", "order_date"}


def test_the_due_date_cannot_precede_the_order(cid):
    with pytest.raises(ValidationError) as caught:
        add_order(cid, date(2024, 5, 1), "100", payment_due=date(2024, 4, 30))
    assert set(caught.value.errors) == {"payment_due"}


def test_an_order_keeps_money_exact_and_gets_a_number_and_a_due_date(cid):
    order = add_order(cid, date(2024, 5, 1), "1,234.565", cost="1000.10")
    assert order.amount == Decimal("1234.56") or order.amount == Decimal("1234.57")
    assert order.cost == Decimal("1000.10")
    assert order.order_no == "SO00000001"
    assert order.payment_due == date(2024, 5, 31)  # default terms: 30 days
    assert order.quantity == Decimal("1.000")
    assert add_order(cid, date(2024, 5, 2), "1").order_no == "SO00000002"


def test_the_default_payment_terms_are_configurable(cid):
    orders.set_payment_terms_days(0)
    assert add_order(cid, date(2024, 5, 1), "10").payment_due == date(2024, 5, 1)
    with pytest.raises(ValidationError):
        orders.set_payment_terms_days(-1)


def test_order_numbers_continue_after_those_already_used(cid):
    add_order(cid, date(2024, 5, 1), "10", order_no="SO00000041")
    assert add_order(cid, date(2024, 5, 1), "10").order_no == "SO00000042"
    with pytest.raises(ValidationError) as caught:
        add_order(cid, date(2024, 5, 1), "10", order_no="SO00000042")
    assert set(caught.value.errors) == {"order_no"}


def test_order_writes_go_to_the_customer_history(cid):
    order = add_order(cid, date(2024, 5, 1), "10")
    orders.update_order(order.id, {"amount": "12"}, today=TODAY)
    rows = ChangeLog.select().where((ChangeLog.entity == "order") & (ChangeLog.field == "amount"))
    assert [(r.old_value, r.new_value) for r in rows.order_by(ChangeLog.id)] == [
        (None, "10.00"),
        ("10.00", "12.00"),
    ]


# -------------------------------------------------------------- purchases and status


def test_orders_keep_purchase_dates_and_status_in_step(cid):
    assert row(cid).status == "potential"
    first = add_order(cid, date(2024, 3, 1), "100")
    second = add_order(cid, date(2024, 5, 1), "100")
    assert (row(cid).first_purchase_on, row(cid).last_purchase_on) == (
        date(2024, 3, 1),
        date(2024, 5, 1),
    )
    assert row(cid).status == "existing"
    orders.update_order(second.id, {"status": "cancelled"}, today=TODAY)
    assert row(cid).last_purchase_on == date(2024, 3, 1)
    orders.delete_order(first.id, today=TODAY)
    assert row(cid).first_purchase_on is None
    assert (row(cid).status, row(cid).stage) == ("existing", "potential")  # status never back
    orders.restore_order(first.id, today=TODAY)
    assert row(cid).first_purchase_on == date(2024, 3, 1)


# ------------------------------------------------------------------------ payments


def test_payments_reduce_what_is_owed(cid):
    order = add_order(cid, date(2024, 5, 1), "1000")
    pay(order.id, date(2024, 5, 10), "400")
    assert orders.get_order(order.id).outstanding == Decimal("600.00")
    assert orders.outstanding_receivables(cid) == Decimal("600.00")
    assert orders.total_receivables() == Decimal("600.00")
    assert [p.amount for p in orders.customer_payments(cid)] == [Decimal("400.00")]


def test_a_payment_cannot_exceed_what_is_owed(cid):
    order = add_order(cid, date(2024, 5, 1), "1000")
    pay(order.id, date(2024, 5, 10), "900")
    with pytest.raises(ValidationError) as caught:
        pay(order.id, date(2024, 5, 11), "100.01")
    assert set(caught.value.errors) == {"amount"}
    pay(order.id, date(2024, 5, 11), "100")
    assert orders.outstanding_receivables(cid) == Decimal("0.00")


def test_payments_are_checked(cid):
    order = add_order(cid, date(2024, 5, 1), "1000")
    with pytest.raises(ValidationError) as caught:
        orders.add_payment(
            order.id, {"amount": "0", "paid_on": date(2024, 4, 1), "method": "cheque"}
        )
    assert set(caught.value.errors) == {"amount", "paid_on", "method"}


def test_a_cancelled_order_takes_no_payment_and_one_with_payments_cannot_be_cancelled(cid):
    cancelled = add_order(cid, date(2024, 5, 1), "100", status="cancelled")
    with pytest.raises(ValidationError) as caught:
        pay(cancelled.id, date(2024, 5, 2), "10")
    assert set(caught.value.errors) == {"order"}
    paid = add_order(cid, date(2024, 5, 1), "100")
    pay(paid.id, date(2024, 5, 2), "10")
    with pytest.raises(ValidationError) as caught:
        orders.update_order(paid.id, {"status": "cancelled"})
    assert set(caught.value.errors) == {"status"}
    with pytest.raises(ValidationError) as caught:
        orders.update_order(paid.id, {"amount": "9.99"})
    assert set(caught.value.errors) == {"amount"}


def test_deleting_an_order_takes_its_payments_along_and_restoring_brings_them_back(cid):
    order = add_order(cid, date(2024, 5, 1), "100")
    payment = pay(order.id, date(2024, 5, 2), "30")
    orders.delete_order(order.id, today=TODAY)
    assert orders.customer_orders(cid) == []
    assert orders.customer_payments(cid) == []
    with pytest.raises(NotFoundError):
        orders.get_order(order.id)
    orders.restore_order(order.id, today=TODAY)
    assert [p.id for p in orders.customer_payments(cid)] == [payment.id]
    assert orders.get_order(order.id).outstanding == Decimal("70.00")


def test_editing_and_deleting_a_payment(cid):
    order = add_order(cid, date(2024, 5, 1), "100")
    payment = pay(order.id, date(2024, 5, 2), "30")
    orders.update_payment(payment.id, {"amount": "100"}, today=TODAY)
    assert orders.outstanding_receivables(cid) == Decimal("0.00")
    orders.delete_payment(payment.id, today=TODAY)
    assert orders.outstanding_receivables(cid) == Decimal("100.00")


# ------------------------------------------------------------------------ shipments


def test_a_shipment_marks_a_confirmed_order_shipped(cid):
    order = add_order(cid, date(2024, 5, 1), "100", quantity="10")
    shipment = orders.add_shipment(
        order.id,
        {
            "shipped_on": date(2024, 5, 2),
            "carrier": "顺丰",
            "tracking_no": "SF123",
            "quantity": "6",
        },
    )
    assert orders.get_order(order.id).status == "shipped"
    assert orders.order_shipments(order.id) == [shipment]
    with pytest.raises(ValidationError) as caught:
        orders.add_shipment(order.id, {"shipped_on": date(2024, 4, 30), "quantity": "5"})
    assert set(caught.value.errors) == {"shipped_on", "quantity"}
    orders.update_shipment(shipment.id, {"quantity": "10"})
    orders.delete_shipment(shipment.id)
    assert orders.order_shipments(order.id) == []


# --------------------------------------------------------------------- credit limit


def test_an_order_over_the_credit_limit_is_saved_with_a_warning(cid):
    customers.update_customer(cid, {"credit_limit": "1000"})
    first = orders.create_order(
        cid, {"order_date": date(2024, 5, 1), "product": "硒鼓", "amount": "800"}, today=TODAY
    )
    assert first.credit_warning is None
    assert orders.credit_check(cid, "200") is None  # exactly at the limit
    warning = orders.credit_check(cid, "300")
    assert warning is not None
    assert (
        warning.credit_limit,
        warning.outstanding,
        warning.order_amount,
        warning.exceeded_by,
    ) == (Decimal("1000.00"), Decimal("800.00"), Decimal("300.00"), Decimal("100.00"))
    assert "1,100.00" in warning.message
    saved = orders.create_order(
        cid, {"order_date": date(2024, 5, 2), "product": "硒鼓", "amount": "300"}, today=TODAY
    )
    assert saved.credit_warning == warning
    assert orders.outstanding_receivables(cid) == Decimal("1100.00")


def test_editing_an_order_is_checked_against_the_limit_without_counting_it_twice(cid):
    customers.update_customer(cid, {"credit_limit": "1000"})
    order = add_order(cid, date(2024, 5, 1), "800")
    assert orders.update_order(order.id, {"amount": "1000"}, today=TODAY).credit_warning is None
    warned = orders.update_order(order.id, {"amount": "1200"}, today=TODAY).credit_warning
    assert warned is not None and warned.exceeded_by == Decimal("200.00")


def test_no_limit_no_warning(cid):
    add_order(cid, date(2024, 5, 1), "1000000")
    assert orders.credit_check(cid, "1000000") is None


# --------------------------------------------------------------------------- ageing


def test_receivables_are_aged_by_days_past_due(cid):
    # Due dates 10 days ahead, today, 30, 31, 90 and 91 days ago.
    for due, amount in (
        (date(2024, 7, 10), "1"),
        (date(2024, 6, 30), "2"),
        (date(2024, 5, 31), "4"),
        (date(2024, 5, 30), "8"),
        (date(2024, 4, 1), "16"),
        (date(2024, 3, 31), "32"),
    ):
        add_order(cid, date(2023, 12, 1), amount, payment_due=due)
    partly = add_order(cid, date(2023, 12, 1), "100", payment_due=date(2024, 1, 1))
    pay(partly.id, date(2024, 3, 2), "36")
    ageing = orders.receivables_ageing(customer_id=cid, today=TODAY)
    assert ageing.buckets == {
        "current": Decimal("1.00"),
        "0-30": Decimal("6.00"),
        "31-60": Decimal("8.00"),
        "61-90": Decimal("16.00"),
        "90+": Decimal("96.00"),
    }
    assert ageing.total == Decimal("127.00")
    assert ageing.overdue == Decimal("126.00")
    assert orders.receivables_ageing(today=TODAY) == ageing


def test_an_order_without_a_due_date_ages_from_the_order_date_plus_terms(cid):
    order = add_order(cid, date(2024, 5, 1), "50")
    Order.update(payment_due=None).where(Order.id == order.id).execute()
    assert orders.receivables_ageing(today=TODAY).buckets["0-30"] == Decimal("50.00")
    orders.set_payment_terms_days(90)
    assert orders.receivables_ageing(today=TODAY).buckets["current"] == Decimal("50.00")


def test_receivables_per_customer_largest_first_with_an_owner_filter(db):
    User.create(username="li.na", display_name="李娜")
    small = customers.create_customer({"name": "小客户", "owner": "li.na"}).id
    large = customers.create_customer({"name": "大客户"}).id
    settled = customers.create_customer({"name": "结清客户"}).id
    add_order(small, date(2024, 5, 1), "100")
    add_order(large, date(2024, 1, 1), "900")
    paid = add_order(settled, date(2024, 5, 1), "50")
    pay(paid.id, date(2024, 5, 1), "50")
    rows = orders.receivables_by_customer(today=TODAY)
    assert [(r.customer_id, r.outstanding) for r in rows] == [
        (large, Decimal("900.00")),
        (small, Decimal("100.00")),
    ]
    assert rows[0].ageing.buckets["90+"] == Decimal("900.00")
    assert [r.customer_id for r in orders.receivables_by_customer(owner="li.na", today=TODAY)] == [
        small
    ]
    assert orders.total_receivables(owner="li.na") == Decimal("100.00")
    customers.trash_customers([large])
    assert orders.total_receivables() == Decimal("100.00")


# --------------------------------------------------------------------- credit rating


@pytest.mark.parametrize(
    ("tally", "rating"),
    [
        (None, None),
        (CreditTally(), None),
        (CreditTally(due_orders=3), "AAA"),
        (CreditTally(due_orders=2), "AA"),  # a short record
        (CreditTally(due_orders=10, late=1), "AA"),  # 10 % late
        (CreditTally(due_orders=10, late=2), "A"),  # 20 % late
        (CreditTally(due_orders=10, open=1), "A"),  # owed, up to 30 days past due
        (CreditTally(due_orders=10, late=3), "A"),  # 30 % late
        (CreditTally(due_orders=10, late=4), "B"),  # 40 % late
        (CreditTally(due_orders=10, open=1, open_over_30=1), "B"),
        (CreditTally(due_orders=4, open=2, open_over_30=2), "C"),  # half long overdue
        (CreditTally(due_orders=10, open=1, open_over_30=1, missing_over_90=1), "C"),
    ],
)
def test_the_credit_rating_rules(tally, rating):
    assert rate_credit(tally) == rating


def test_ratings_follow_payment_behaviour(db):
    def rating(cid: int) -> str | None:
        return row(cid).credit_rating

    punctual = customers.create_customer({"name": "准时"}).id
    for month in (1, 2, 3):
        order = add_order(punctual, date(2024, month, 1), "100")
        pay(order.id, date(2024, month, 20), "100")
    assert rating(punctual) == "AAA"

    late = customers.create_customer({"name": "拖延"}).id
    for month in (1, 2, 3):
        order = add_order(late, date(2024, month, 1), "100")
        pay(order.id, date(2024, month + 2, 15), "100")  # weeks after the due date
    assert rating(late) == "B"

    missing = customers.create_customer({"name": "欠款"}).id
    add_order(missing, date(2024, 1, 2), "100")  # due 1 February, nothing paid since
    assert rating(missing) == "C"

    new = customers.create_customer({"name": "新客户"}).id
    add_order(new, date(2024, 6, 20), "100")  # not due yet
    assert rating(new) is None

    partial = customers.create_customer({"name": "部分付款"}).id
    order = add_order(partial, date(2024, 5, 15), "100")  # due 14 June
    pay(order.id, date(2024, 6, 1), "50")
    assert rating(partial) == "A"


def test_a_rating_set_by_hand_is_kept_until_cleared(cid):
    orders.set_credit_rating(cid, "AAA")
    add_order(cid, date(2024, 1, 2), "100")  # would be C
    assert row(cid).credit_rating == "AAA" and row(cid).credit_override
    assert orders.recompute_credit_ratings(today=TODAY) == 0
    assert orders.clear_credit_override(cid, today=TODAY) == "C"
    with pytest.raises(ValidationError):
        orders.set_credit_rating(cid, "AAAA")


def test_ratings_are_recomputed_in_bulk_as_time_passes(cid):
    add_order(cid, date(2024, 6, 1), "100")  # due 1 July
    assert row(cid).credit_rating is None
    later = TODAY + timedelta(days=100)
    assert orders.recompute_credit_ratings(today=later) == 1
    assert row(cid).credit_rating == "C"
    assert orders.recompute_credit_ratings(today=later) == 0
    change = (
        ChangeLog.select()
        .where(ChangeLog.field == "credit_rating")
        .order_by(ChangeLog.id.desc())
        .first()
    )
    assert change.new_value == "C"


def test_the_sample_data_speaks_the_official_codes(db):
    demo.add_sample_data(60, seed=3, today=TODAY)
    used = {s for (s,) in Order.select(Order.status).distinct().tuples()}
    assert used <= set(orders.ORDER_STATUSES)
    assert {c for (c,) in Order.select(Order.channel).distinct().tuples()} <= set(
        orders.ORDER_CHANNELS
    )
    assert {m for (m,) in Payment.select(Payment.method).distinct().tuples()} <= set(
        orders.PAYMENT_METHODS
    )
    assert {s for (s,) in Complaint.select(Complaint.status).distinct().tuples()} <= set(
        service.COMPLAINT_STATUSES
    )
    assert {r for r, _ in demo.EXIT_REASONS} == set(lifecycle.EXIT_REASONS)
    assert [s for s, _ in demo.COMPLAINT_SEVERITIES] == list(service.SEVERITIES)
