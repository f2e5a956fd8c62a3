"""The dashboard shows the same figures as the statements it had before they were merged
and rewritten for speed (`reference_dashboard`, the oracle), on a varied sample: demo
customers plus the edge cases — the trash, merged and erased customers, orders on and
just outside the period's bounds, cancelled and deleted orders, orders without a cost,
a category or a channel, a future order, customers added at midnight, customers without
orders, an exited customer, an owner without customers, a period without sales."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from desktop_crm.db.models import Customer, Order, User
from desktop_crm.domain import (
    analysis,
    customers,
    demo,
    followups,
    lifecycle,
    merge,
    orders,
    personal_data,
)
from tests.domain import reference_dashboard as reference

TODAY = date(2025, 6, 15)
START, END = analysis.default_period(TODAY)  # 2024-07-01 … 2025-06-15
NOBODY = "nobody.here"  # an owner without customers


def _added_at(cid: int, at: datetime) -> None:
    Customer.update(created_at=at).where(Customer.id == cid).execute()


def _sell(cid: int, day: date, amount: str, **data) -> int:
    fields = {"order_date": day, "product": "样品", "category": "耗材", "channel": "direct"}
    return orders.create_order(cid, {**fields, "amount": amount, **data}, today=TODAY).order.id


def _buyers() -> list[int]:
    """Live customers with counted orders in the period, by id."""
    query = (
        Order.select(Order.customer)
        .join(Customer)
        .where(
            Order.deleted_at.is_null(),
            Order.status != "cancelled",
            Order.order_date.between(START, END),
            Customer.deleted_at.is_null(),
        )
        .distinct()
        .order_by(Order.customer)
    )
    return [row.customer_id for row in query]


@pytest.fixture
def varied(db):
    """240 demo customers (seed 7) and the edge cases; returns the owners to try."""
    demo.add_sample_data(240, seed=7, today=TODAY)
    owner = (
        User.select(User.username)
        .join(Customer, on=(Customer.owner == User.id))
        .group_by(User.username)
        .order_by(User.username)
        .first()
        .username
    )
    User.create(username=NOBODY, display_name="Nobody")
    buyers = _buyers()
    assert len(buyers) > 40

    # On the period's bounds, and just outside them; with and without cost, category,
    # channel; a loss; cancelled and deleted orders.
    edge = customers.create_customer({"name": "边界", "owner": owner, "province": "北京市"}).id
    _added_at(edge, analysis._utc_start(START))  # at the first local midnight of the period
    for day in (START - timedelta(days=1), START, END, END + timedelta(days=1)):
        _sell(edge, day, "100.10", cost="60.05")
    _sell(edge, START + timedelta(days=40), "250", cost=None, category=None, channel=None)
    _sell(edge, START + timedelta(days=41), "80", cost="120", channel="online")
    _sell(edge, START + timedelta(days=42), "999", status="cancelled")
    orders.delete_order(_sell(edge, START + timedelta(days=43), "777"), today=TODAY)
    late = customers.create_customer({"name": "晚到", "source": "website"}).id
    _added_at(late, analysis._utc_start(END + timedelta(days=1)) - timedelta(microseconds=1))
    _sell(late, END, "42.42")
    early = customers.create_customer({"name": "早到", "source": "website"}).id
    _added_at(early, analysis._utc_start(START) - timedelta(microseconds=1))
    _sell(early, START, "13.13")
    Order.update(order_date=TODAY + timedelta(days=20)).where(  # e.g. synced from elsewhere
        Order.id == _sell(early, START + timedelta(days=3), "7.77")
    ).execute()
    customers.create_customer({"name": "无单", "owner": owner})  # no orders at all

    # The trash: buyers, and values only trashed customers have (their counts must go).
    odd = customers.create_customer(
        {"name": "稀有", "province": "测试省", "industry": "测试业", "kind": "enterprise"}
    ).id
    _sell(odd, START + timedelta(days=5), "500")
    customers.trash_customers([*buyers[:4], odd])
    # Merged and erased customers; one who left.
    merge.merge_customers(buyers[4], buyers[5])
    personal_data.erase_personal_data(buyers[6])
    lifecycle.exit_customer(buyers[7], "price")

    # Follow-ups on the bounds of the period's weeks.
    followups.log_contact(edge, channel="phone", occurred_at=analysis._utc_start(START))
    planned = followups.plan_followup(
        edge, datetime.combine(END, datetime.max.time()), subject="回访"
    )
    followups.cancel_followup(
        followups.plan_followup(
            edge, datetime.combine(START, datetime.min.time()), subject="取消"
        ).id
    )
    assert planned.id
    return [None, owner, NOBODY]


def _same(new: object, old: object) -> None:
    if isinstance(new, analysis.DashboardData):
        new, old = replace(new, timings={}), replace(old, timings={})
    assert new == old


PERIODS = {
    "default": (None, None),
    "this month": analysis.named_period("this_month", TODAY),
    "last year": analysis.named_period("last_year", TODAY),
    "first day": (START, START),
    "no sales": (date(2001, 1, 1), date(2001, 12, 31)),
}


@pytest.mark.parametrize("period", PERIODS)
def test_the_dashboard_shows_the_figures_its_old_statements_gave(varied, period):
    start, end = PERIODS[period]
    for owner in varied:
        args = {"owner": owner, "start": start, "end": end, "today": TODAY}
        new = analysis.dashboard_data(**args)
        _same(new, reference.dashboard_data(**args))
    if period == "default":  # the sample is not empty where it matters
        everyone = analysis.dashboard_data(today=TODAY)
        assert everyone.totals.revenue > 0 and everyone.retention
        assert {"测试省", "测试业"}.isdisjoint(
            c.key for c in everyone.by_province + everyone.profile.by_industry
        )
        assert all(c.count for c in everyone.by_province)


def test_each_table_alone_shows_the_same_figures(varied):
    for owner in varied:
        for start, end in ((START, END), (None, None), (None, END)):
            span = {"owner": owner, "start": start, "end": end}
            for dimension in analysis.DIMENSIONS:
                _same(
                    analysis.customers_by(dimension, **span),
                    reference.customers_by(dimension, **span),
                )
            for name in ("profitability", "performance", "product_mix", "promotion", "profile"):
                _same(getattr(analysis, name)(**span), getattr(reference, name)(**span))
            _same(analysis.totals(**span, today=TODAY), reference.totals(**span, today=TODAY))
        span = {"owner": owner, "start": START, "end": END, "today": TODAY}
        for name in (
            "new_customers_per_month",
            "revenue_per_month",
            "prospecting",
            "followups_per_week",
        ):
            _same(getattr(analysis, name)(**span), getattr(reference, name)(**span))
        for end in (TODAY, START):
            _same(
                analysis.persistency(owner=owner, end=end),
                reference.persistency(owner=owner, end=end),
            )
