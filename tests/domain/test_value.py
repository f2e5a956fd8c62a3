"""Customer value: A/B/C on a hand-computed example, RFM quintiles, purchase cycles,
margin and this year's top customers against last year's."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_crm.db.models import ChangeLog, Customer
from desktop_crm.domain import customers, orders, value
from desktop_crm.errors import ValidationError

TODAY = date(2024, 6, 30)


def new_customer(name: str) -> int:
    return customers.create_customer({"name": name}).id


def buy(cid: int, day: date, amount: str, cost: str | None = None) -> None:
    data = {"order_date": day, "product": "打印机", "amount": amount}
    if cost is not None:
        data["cost"] = cost
    orders.create_order(cid, data, today=TODAY)


def grade(cid: int) -> str | None:
    return Customer.get_by_id(cid).grade


# --------------------------------------------------------------------------------- ABC


@pytest.fixture
def abc_example(db):
    """Trailing-12-month revenue 50 / 30 / 15 / 5 (thousands), plus edge cases."""
    ids = {}
    for name, amount in (("甲", "50000"), ("乙", "30000"), ("丙", "15000"), ("丁", "5000")):
        ids[name] = new_customer(name)
        buy(ids[name], date(2024, 3, 1), amount)
    ids["old"] = new_customer("老客户")
    buy(ids["old"], TODAY - timedelta(days=365), "90000")  # just outside the window
    ids["prospect"] = new_customer("潜在客户")
    ids["trashed"] = new_customer("回收站")
    buy(ids["trashed"], date(2024, 3, 1), "1000000")
    customers.trash_customers([ids["trashed"]])
    return ids


def test_abc_by_cumulative_revenue_share(abc_example):
    ids = abc_example
    # Shares ranked above each: 0 %, 50 %, 80 %, 95 % → A, A, B, C (thresholds 80 / 95).
    assert value.abc_grades(today=TODAY) == {
        ids["甲"]: "A",
        ids["乙"]: "A",
        ids["丙"]: "B",
        ids["丁"]: "C",
    }
    assert value.recompute_grades(today=TODAY) == 5
    assert {name: grade(cid) for name, cid in ids.items()} == {
        "甲": "A",
        "乙": "A",
        "丙": "B",
        "丁": "C",
        "old": "C",
        "prospect": None,
        "trashed": None,
    }
    summary = value.abc_summary(today=TODAY)
    assert [(r.grade, r.customers, r.revenue, r.share) for r in summary] == [
        ("A", 2, Decimal("80000.00"), 0.8),
        ("B", 1, Decimal("15000.00"), 0.15),
        ("C", 1, Decimal("5000.00"), 0.05),
    ]


def test_abc_writes_only_changes_with_one_history_row_each(abc_example):
    ids = abc_example
    customers.update_customer(ids["甲"], {"grade": "C"})  # a grade typed by hand
    before = ChangeLog.select().where(ChangeLog.field == "grade").count()
    assert value.recompute_grades(today=TODAY, changed_by="nightly") == 5
    rows = ChangeLog.select().where(ChangeLog.field == "grade").order_by(ChangeLog.id)
    assert rows.count() == before + 5
    assert {(r.customer_id, r.old_value, r.new_value, r.changed_by) for r in rows[-5:]} >= {
        (ids["甲"], "C", "A", "nightly")
    }
    assert value.recompute_grades(today=TODAY) == 0


def test_abc_thresholds_are_configurable(abc_example):
    ids = abc_example
    value.set_abc_thresholds(50, 90)
    assert value.abc_thresholds() == (50.0, 90.0)
    # Ranked above: 0 %, 50 %, 80 %, 95 % → A, B, B, C.
    grades = value.abc_grades(today=TODAY)
    assert [grades[ids[n]] for n in ("甲", "乙", "丙", "丁")] == ["A", "B", "B", "C"]
    with pytest.raises(ValidationError):
        value.set_abc_thresholds(90, 80)
    with pytest.raises(ValidationError):
        value.set_abc_thresholds(0, 80)


def test_a_lone_buyer_is_a(db):
    cid = new_customer("独家")
    buy(cid, date(2024, 6, 1), "1")
    assert value.abc_grades(today=TODAY) == {cid: "A"}


# --------------------------------------------------------------------------------- RFM


def test_rfm_quintiles(db):
    # Customer k: k purchases, the last 10·k days before 1 July, monetary as listed.
    monetary = [300, 500, 90, 400, 200]
    ids = []
    for k in range(1, 6):
        cid = new_customer(f"客户{k}")
        ids.append(cid)
        last = date(2024, 7, 1) - timedelta(days=10 * k)
        for n in range(k):
            buy(cid, last - timedelta(days=5 * n), str(monetary[k - 1] // k))
    scores = value.rfm_scores(today=TODAY)
    assert [scores[cid].code for cid in ids] == ["513", "425", "331", "244", "152"]
    first = scores[ids[0]]
    assert (first.last_purchase, first.purchases, first.revenue) == (
        date(2024, 6, 21),
        1,
        Decimal("300.00"),
    )
    assert value.rfm_scores([ids[1]], today=TODAY) == {ids[1]: scores[ids[1]]}
    grid = value.rfm_grid(today=TODAY)
    assert sum(grid.values()) == 5 and grid[(5, 1)] == 1


def test_rfm_ties_share_the_lower_score(db):
    ids = [new_customer(f"客户{k}") for k in range(3)]
    buy(ids[0], date(2024, 6, 1), "100")
    buy(ids[1], date(2024, 6, 1), "100")
    buy(ids[2], date(2024, 5, 1), "100")
    buy(ids[2], date(2024, 6, 1), "100")
    scores = value.rfm_scores(today=TODAY)
    assert [scores[c].frequency for c in ids] == [1, 1, 5]
    assert [scores[c].recency for c in ids] == [1, 1, 1]  # all last bought on 1 June


def test_only_buyers_have_rfm_scores(db):
    cid = new_customer("潜在")
    assert value.rfm_scores([cid], today=TODAY) == {}


# ---------------------------------------------------------------------- purchase cycle


def test_the_purchase_cycle_is_the_median_gap(db):
    cid = new_customer("甲")
    day = date(2024, 1, 1)
    for gap in (0, 10, 30, 20):  # gaps 10, 30, 20 → median 20
        day += timedelta(days=gap)
        buy(cid, day, "10")
    found = value.purchase_cycle(cid, today=TODAY)
    assert (found.purchases, found.median_gap_days, found.interval_days, found.own_history) == (
        4,
        20.0,
        20.0,
        True,
    )
    assert found.last_purchase == date(2024, 3, 1)
    assert found.next_expected == date(2024, 3, 21)
    assert found.days_since_last == 121
    buy(cid, date(2024, 4, 10), "10")  # gaps 10, 20, 30, 40 → 25
    assert value.purchase_cycle(cid, today=TODAY).median_gap_days == 25.0


def test_short_histories_use_the_default_interval(db):
    cid = new_customer("甲")
    buy(cid, date(2024, 6, 1), "10")
    buy(cid, date(2024, 6, 8), "10")
    found = value.purchase_cycle(cid, today=TODAY)
    assert (found.median_gap_days, found.interval_days, found.own_history) == (7.0, 90.0, False)
    assert found.next_expected == date(2024, 9, 6)
    empty = value.purchase_cycle(new_customer("乙"), today=TODAY)
    assert (empty.purchases, empty.next_expected) == (0, None)
    with pytest.raises(ValidationError):
        value.set_default_interval_days(0)


# ------------------------------------------------------------------------------ margin


def test_margin_where_cost_is_known(db):
    cid = new_customer("甲")
    buy(cid, date(2024, 5, 1), "100", cost="60")
    buy(cid, date(2024, 5, 2), "50")
    margin = value.customer_margin(cid)
    assert (margin.revenue, margin.revenue_with_cost, margin.cost, margin.margin) == (
        Decimal("150.00"),
        Decimal("100.00"),
        Decimal("60.00"),
        Decimal("40.00"),
    )
    assert margin.margin_pct == 0.4
    assert margin.cost_coverage == pytest.approx(2 / 3)
    other = new_customer("乙")
    buy(other, date(2024, 5, 1), "1000", cost="900")
    assert [(m.customer_id, m.margin.margin) for m in value.top_margins()] == [
        (other, Decimal("100.00")),
        (cid, Decimal("40.00")),
    ]
    assert value.customer_margin(cid, start=date(2024, 5, 2)).margin_pct is None


# --------------------------------------------------------------------------------- YoY


def test_top_customers_this_year_against_last(db):
    grower, newcomer, faded, other = (new_customer(n) for n in ("甲", "乙", "丙", "丁"))
    buy(grower, date(2024, 2, 1), "500")
    buy(grower, date(2023, 2, 1), "100")
    buy(newcomer, date(2024, 3, 1), "300")
    buy(faded, date(2023, 3, 1), "800")
    buy(other, date(2023, 8, 1), "5000")  # after the same day last year: not compared
    buy(other, date(2024, 1, 5), "10")
    result = value.top_customers_yoy(today=TODAY, limit=2)
    assert result.period == (date(2024, 1, 1), TODAY)
    assert result.previous_period == (date(2023, 1, 1), date(2023, 6, 30))
    assert [
        (r.customer_id, r.revenue, r.previous_revenue, r.change_pct, r.rank, r.previous_rank)
        for r in result.top
    ] == [
        (grower, Decimal("500.00"), Decimal("100.00"), 4.0, 1, 2),
        (newcomer, Decimal("300.00"), Decimal("0.00"), None, 2, None),
    ]
    assert [(r.customer_id, r.rank, r.previous_rank) for r in result.dropped] == [(faded, None, 1)]
