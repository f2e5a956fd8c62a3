"""Dashboard and 7P aggregates on a small hand-made dataset, with owner and period filters."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_crm.db.models import Customer, User
from desktop_crm.domain import analysis, customers, followups, orders, value
from desktop_crm.errors import ValidationError

TODAY = date(2024, 6, 30)
YEAR = (date(2023, 7, 1), TODAY)


def made(name: str, created: date, **data) -> int:
    cid = customers.create_customer({"name": name, **data}).id
    Customer.update(
        created_at=datetime.combine(created, datetime.min.time()).replace(hour=12)
    ).where(Customer.id == cid).execute()
    return cid


def sell(cid: int, day: date, category: str, channel: str, amount: str, **data) -> None:
    orders.create_order(
        cid,
        {
            "order_date": day,
            "product": category,
            "category": category,
            "channel": channel,
            "amount": amount,
            **data,
        },
        today=TODAY,
    )


@pytest.fixture
def shop(db):
    """Four live customers (and one in the trash) with a few orders."""
    User.create(username="li.na", display_name="李娜")
    ids = {
        "a": made(
            "甲",
            date(2024, 1, 10),
            kind="individual",
            source="referral",
            province="北京市",
            owner="li.na",
            gender="female",
        ),
        "b": made(
            "乙公司",
            date(2024, 2, 15),
            kind="enterprise",
            source="website",
            province="上海市",
            industry="制造业",
        ),
        "c": made("丙", date(2024, 3, 20), source="website", province="北京市"),
        "d": made("丁", date(2022, 5, 1), source="referral"),
        "e": made("戊", date(2024, 1, 1), source="website", province="北京市"),
    }
    sell(ids["a"], date(2024, 2, 1), "办公设备", "direct", "1000", cost="600")
    sell(ids["a"], date(2024, 3, 5), "耗材", "online", "200")
    sell(ids["b"], date(2024, 3, 10), "办公设备", "distributor", "3000", cost="2000")
    sell(ids["b"], date(2024, 3, 11), "办公设备", "distributor", "500", status="cancelled")
    sell(ids["d"], date(2022, 6, 1), "耗材", "phone", "100")
    sell(ids["e"], date(2024, 2, 1), "办公设备", "direct", "99999")
    customers.trash_customers([ids["e"]])
    value.recompute_grades(today=TODAY)  # a, b: A; d: C (bought before); c: none
    return ids


def as_dict(counts: list[analysis.Count]) -> dict:
    return {c.key: c.count for c in counts}


def test_customers_by_each_dimension_with_filters(shop):
    assert as_dict(analysis.customers_by("province")) == {"北京市": 2, "上海市": 1, None: 1}
    assert as_dict(analysis.customers_by("source", start=date(2024, 1, 1), end=TODAY)) == {
        "referral": 1,
        "website": 2,
    }
    assert as_dict(analysis.customers_by("kind", owner="li.na")) == {"individual": 1}
    assert as_dict(analysis.customers_by("grade")) == {"A": 2, "C": 1, None: 1}
    assert as_dict(analysis.customers_by("stage")) == {
        "repeat": 1,
        "first_purchase": 1,
        "potential": 1,
        "lost": 1,
    }
    top = analysis.customers_by("province", top=1)
    assert [(c.key, c.count, c.share) for c in top] == [("北京市", 2, 0.5)]
    with pytest.raises(ValidationError):
        analysis.customers_by("shoe_size")
    with pytest.raises(ValidationError):
        analysis.customers_by("kind", owner="nobody")


def test_new_customers_and_revenue_per_month(shop):
    months = analysis.new_customers_per_month(today=TODAY)
    assert len(months) == 12 and months[0].month == "2023-07" and months[-1].month == "2024-06"
    assert {m.month: m.count for m in months if m.count} == {
        "2024-01": 1,
        "2024-02": 1,
        "2024-03": 1,
    }
    revenue = {
        m.month: (m.revenue, m.orders, m.customers)
        for m in analysis.revenue_per_month(today=TODAY)
        if m.orders
    }
    assert revenue == {"2024-02": (Decimal("1000.00"), 1, 1), "2024-03": (Decimal("3200.00"), 2, 2)}
    mine = analysis.revenue_per_month(owner="li.na", start=date(2024, 3, 1), end=TODAY)
    assert [(m.month, m.revenue) for m in mine] == [
        ("2024-03", Decimal("200.00")),
        ("2024-04", Decimal("0.00")),
        ("2024-05", Decimal("0.00")),
        ("2024-06", Decimal("0.00")),
    ]


def test_followups_done_versus_planned_per_week(shop):
    a = shop["a"]
    followups.log_contact(a, channel="phone", occurred_at=datetime(2024, 6, 5, 12))
    followups.plan_followup(a, datetime(2024, 6, 6, 12), subject="回访")
    kept = followups.plan_followup(a, datetime(2024, 6, 12, 12), subject="报价")
    followups.complete_followup(kept.id, occurred_at=datetime(2024, 6, 12, 13))
    dropped = followups.plan_followup(a, datetime(2024, 6, 7, 12), subject="取消")
    followups.cancel_followup(dropped.id)
    weeks = analysis.followups_per_week(start=date(2024, 6, 1), end=TODAY)
    assert [(w.week_start, w.done, w.planned) for w in weeks] == [
        (date(2024, 5, 27), 0, 0),
        (date(2024, 6, 3), 1, 1),
        (date(2024, 6, 10), 1, 1),
        (date(2024, 6, 17), 0, 0),
        (date(2024, 6, 24), 0, 0),
    ]
    User.create(username="bob", display_name="Bob")
    for owner, done in (("li.na", 2), ("bob", 0)):  # follow-ups go to the customer's owner
        assert (
            sum(
                w.done
                for w in analysis.followups_per_week(start=date(2024, 6, 1), end=TODAY, owner=owner)
            )
            == done
        )


def test_persistency(shop):
    table = analysis.persistency(today=TODAY)
    assert (table.buyers, table.repeat_rate) == (3, pytest.approx(1 / 3))
    by_stage = {r.key: (r.customers, r.avg_purchases, r.revenue) for r in table.by_stage}
    assert by_stage == {
        "first_purchase": (1, 1.0, Decimal("3000.00")),
        "repeat": (1, 2.0, Decimal("1200.00")),
        "lost": (1, 1.0, Decimal("100.00")),
    }
    assert [(r.key, r.customers, r.avg_tenure_days) for r in table.by_tenure] == [
        ("<1y", 2, (150 + 112) / 2),
        ("2-3y", 1, 760.0),
    ]


def test_profitability_and_performance(shop):
    table = analysis.profitability(start=YEAR[0], end=YEAR[1])
    (row,) = table.by_grade
    assert (
        row.key,
        row.customers,
        row.orders,
        row.revenue,
        row.cost,
        row.margin,
        row.margin_pct,
        row.share,
    ) == ("A", 2, 3, Decimal("4200.00"), Decimal("2600.00"), Decimal("1400.00"), 0.35, 1.0)
    assert [m.customer_id for m in table.top_customers] == [shop["b"], shop["a"]]
    perf = analysis.performance(start=YEAR[0], end=YEAR[1])
    assert [(r.key, r.orders, r.revenue, r.margin, r.margin_pct) for r in perf.by_category] == [
        ("办公设备", 2, Decimal("4000.00"), Decimal("1400.00"), 0.35),
        ("耗材", 1, Decimal("200.00"), Decimal("0.00"), None),
    ]
    assert [(r.key, r.revenue) for r in perf.by_channel] == [
        ("distributor", Decimal("3000.00")),
        ("direct", Decimal("1000.00")),
        ("online", Decimal("200.00")),
    ]
    assert [(r.key, r.customers, r.share) for r in perf.by_region] == [
        ("上海市", 1, pytest.approx(3000 / 4200)),
        ("北京市", 1, pytest.approx(1200 / 4200)),
    ]


def test_prospecting_product_mix_and_promotion(shop):
    grows = {
        r.month: (r.individual, r.enterprise, r.total, r.converted)
        for r in analysis.prospecting(today=TODAY)
        if r.total
    }
    assert grows == {"2024-01": (1, 0, 1, 1), "2024-02": (0, 1, 1, 1), "2024-03": (1, 0, 1, 0)}
    mix = analysis.product_mix(start=YEAR[0], end=YEAR[1])
    assert [(m.category, m.revenue, m.by_kind, m.by_grade) for m in mix] == [
        (
            "办公设备",
            Decimal("4000.00"),
            {"individual": Decimal("1000.00"), "enterprise": Decimal("3000.00")},
            {"A": Decimal("4000.00")},
        ),
        ("耗材", Decimal("200.00"), {"individual": Decimal("200.00")}, {"A": Decimal("200.00")}),
    ]
    sources = {r.source: r for r in analysis.promotion(start=YEAR[0], end=YEAR[1])}
    website = sources["website"]
    assert (
        website.customers,
        website.buyers,
        website.conversion,
        website.revenue,
        website.revenue_per_customer,
        website.avg_days_to_first_purchase,
    ) == (2, 1, 0.5, Decimal("3000.00"), Decimal("1500.00"), 24.0)
    assert (
        sources["referral"].customers,
        sources["referral"].revenue,
        sources["referral"].avg_days_to_first_purchase,
    ) == (1, Decimal("1200.00"), 22.0)


def test_profile(shop):
    table = analysis.profile()
    assert table.customers == 4
    assert as_dict(table.by_kind) == {"individual": 3, "enterprise": 1}
    assert as_dict(table.by_industry) == {None: 3, "制造业": 1}
    assert as_dict(table.by_credit_rating) == {"C": 3, None: 1}  # nothing paid, long due


def test_the_dashboard_brings_it_together(shop):
    data = analysis.dashboard_data(today=TODAY, clock=lambda: 0.0)
    assert data.period == YEAR
    totals = data.totals
    assert (totals.customers, totals.new_customers, totals.revenue, totals.orders) == (
        4,
        3,
        Decimal("4200.00"),
        3,
    )
    assert totals.receivables == Decimal("4300.00")
    assert totals.at_risk == len(data.retention)
    assert as_dict(data.by_stage) == as_dict(analysis.customers_by("stage"))
    assert len(data.new_per_month) == 12 and len(data.revenue_per_month) == 12
    assert "retention" in data.timings and "sales" in data.timings
    mine = analysis.dashboard_data(today=TODAY, owner="li.na")
    assert (mine.totals.customers, mine.totals.revenue) == (1, Decimal("1200.00"))


def test_a_cancelled_dashboard_stops_before_its_next_part(shop):
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) == 3

    with pytest.raises(analysis.DashboardCancelled):
        analysis.dashboard_data(today=TODAY, cancelled=cancelled)
    assert len(asked) == 3  # two parts computed, the third not started
    assert analysis.dashboard_data(today=TODAY, cancelled=lambda: False).totals.customers == 4


@pytest.mark.parametrize(
    ("name", "today", "expected"),
    [
        ("this_month", date(2024, 6, 30), (date(2024, 6, 1), date(2024, 6, 30))),
        ("last_3_months", date(2024, 6, 30), (date(2024, 4, 1), date(2024, 6, 30))),
        ("last_3_months", date(2024, 2, 10), (date(2023, 12, 1), date(2024, 2, 10))),
        ("last_12_months", date(2024, 6, 30), (date(2023, 7, 1), date(2024, 6, 30))),
        ("last_12_months", date(2024, 12, 5), (date(2024, 1, 1), date(2024, 12, 5))),
        ("this_year", date(2024, 6, 30), (date(2024, 1, 1), date(2024, 6, 30))),
        ("last_year", date(2024, 1, 1), (date(2023, 1, 1), date(2023, 12, 31))),
    ],
)
def test_named_periods_end_today_or_cover_last_year(name, today, expected):
    assert analysis.named_period(name, today) == expected


def test_the_last_twelve_months_are_the_default_period():
    assert analysis.named_period("last_12_months", TODAY) == analysis.default_period(TODAY)


def test_an_unknown_period_name_is_refused():
    with pytest.raises(ValidationError):
        analysis.named_period("next_week", TODAY)
