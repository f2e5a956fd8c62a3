"""What the Orders and Service tabs ask of the domain before and after a write: an order
checked without saving (with its credit warning), the rule behind a credit rating, and a
refused complaint move named in words."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_crm.db.models import ChangeLog, Order
from desktop_crm.domain import customers, messages, orders, service
from desktop_crm.domain.orders import CreditTally, credit_rule, rate_credit
from desktop_crm.errors import NotFoundError, ValidationError

TODAY = date(2024, 6, 30)


@pytest.fixture
def cid(db):
    return customers.create_customer({"name": "华星贸易", "credit_limit": "1000"}).id


def order_data(amount: str, **extra) -> dict:
    return {"order_date": date(2024, 6, 1), "product": "硒鼓", "amount": amount, **extra}


def test_checking_an_order_saves_nothing_and_gives_the_credit_warning(cid):
    orders.create_order(cid, order_data("800"), today=TODAY)
    logged = ChangeLog.select().count()
    assert orders.check_order(cid, order_data("200"), today=TODAY) is None
    warning = orders.check_order(cid, order_data("500"), today=TODAY)
    assert warning is not None and warning.exceeded_by == Decimal("300.00")
    assert Order.select().count() == 1
    assert ChangeLog.select().count() == logged
    # The order number counter did not move either.
    assert orders.create_order(cid, order_data("1"), today=TODAY).order.order_no == "SO00000002"


def test_checking_an_order_names_every_bad_field(cid):
    with pytest.raises(ValidationError) as caught:
        orders.check_order(cid, {"amount": "x", "channel": "fax"})
    assert set(caught.value.errors) == {"product", "amount", "channel"}
    assert Order.select().count() == 0


def test_checking_changes_to_an_order_counts_it_once(cid):
    order = orders.create_order(cid, order_data("800"), today=TODAY).order
    assert orders.check_order(cid, {"amount": "1000"}, order_id=order.id) is None
    warning = orders.check_order(cid, {"amount": "1100"}, order_id=order.id)
    assert warning is not None and warning.exceeded_by == Decimal("100.00")
    assert orders.get_order(order.id).amount == Decimal("800.00")
    other = customers.create_customer({"name": "别家"}).id
    with pytest.raises(NotFoundError):
        orders.check_order(other, {"amount": "1"}, order_id=order.id)


@pytest.mark.parametrize(
    ("tally", "rule"),
    [
        (None, None),
        (CreditTally(), None),
        (CreditTally(due_orders=10, open=1, open_over_30=1, missing_over_90=1), "missing_over_90"),
        (CreditTally(due_orders=4, open=2, open_over_30=2), "mostly_open_over_30"),
        (CreditTally(due_orders=10, open=1, open_over_30=1), "open_over_30"),
        (CreditTally(due_orders=10, late=4), "often_late"),
        (CreditTally(due_orders=10, open=1), "open"),
        (CreditTally(due_orders=10, late=2), "sometimes_late"),
        (CreditTally(due_orders=2), "short_record"),
        (CreditTally(due_orders=10, late=1), "rarely_late"),
        (CreditTally(due_orders=3), "all_on_time"),
    ],
)
def test_each_rating_comes_with_the_rule_that_gave_it(tally, rule):
    assert credit_rule(tally) == rule
    assert rate_credit(tally) == (orders.CREDIT_RULES[rule] if rule else None)


def test_a_refused_complaint_move_names_the_statuses_in_words(db):
    cid = customers.create_customer({"name": "王芳"}).id
    item = service.open_complaint(cid, "货物有破损", opened_at=datetime(2024, 6, 3, 2, 0))
    with pytest.raises(ValidationError) as caught:
        service.set_complaint_status(item.id, "closed")
    assert caught.value.errors["status"] == "a complaint cannot go from open to closed"
    messages.set_language("zh_CN")
    with pytest.raises(ValidationError) as caught:
        service.set_complaint_status(item.id, "closed")
    assert caught.value.errors["status"] == "投诉不能从 待处理 变为 已关闭"
