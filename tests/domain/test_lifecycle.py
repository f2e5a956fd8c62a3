"""Lifecycle stages from constructed purchase histories, manual override, exits and their
analysis, and the churn warning with its reasons."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_crm.db.models import ChangeLog, Customer, FollowUp, User
from desktop_crm.domain import customers, followups, lifecycle, orders, service, value
from desktop_crm.domain.lifecycle import LifecycleRules, derive_stage
from desktop_crm.domain.value import PurchaseCycle
from desktop_crm.errors import ValidationError

TODAY = date(2024, 12, 31)


def new_customer(name: str = "张三", **data) -> int:
    return customers.create_customer({"name": name, **data}).id


def buy(cid: int, *days: date, today: date = TODAY) -> None:
    for day in days:
        orders.create_order(
            cid, {"order_date": day, "product": "硒鼓", "amount": "100"}, today=today
        )


def stage(cid: int) -> str:
    return Customer.get_by_id(cid).stage


def every(days: int, count: int, last: date) -> list[date]:
    """`count` purchase days `days` apart, the last on `last`."""
    return [last - timedelta(days=days * n) for n in reversed(range(count))]


def cycle(purchases: int, first: date | None, last: date | None, interval: float = 30):
    return PurchaseCycle(1, purchases, first, last, interval, interval, purchases >= 3, None, None)


# ----------------------------------------------------------------------- stage rules


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (cycle(0, None, None), "potential"),
        (cycle(1, date(2024, 12, 1), date(2024, 12, 1)), "first_purchase"),
        (cycle(2, date(2024, 11, 1), date(2024, 12, 1)), "repeat"),
        (cycle(5, date(2024, 1, 1), date(2024, 12, 1)), "loyal"),
        (cycle(5, date(2024, 6, 1), date(2024, 12, 1)), "repeat"),  # not a year yet
        (cycle(4, date(2023, 1, 1), date(2024, 12, 1)), "repeat"),  # too few purchases
        (cycle(5, date(2023, 1, 1), date(2024, 12, 1), 10), "at_risk"),  # 30 days > 2 × 10
        (cycle(5, date(2023, 1, 1), date(2024, 12, 11), 10), "loyal"),  # 20 days = 2 × 10
        (cycle(2, date(2024, 1, 1), date(2024, 3, 1), 90), "at_risk"),  # 305 days > 180
        (cycle(2, date(2023, 1, 1), date(2023, 6, 1), 90), "lost"),  # 579 days > 360, > 180
        (cycle(9, date(2023, 1, 1), date(2024, 8, 1), 10), "at_risk"),  # 152 > 40, not > 180
    ],
)
def test_the_stage_rules(facts, expected):
    assert derive_stage(facts, today=TODAY, rules=LifecycleRules()) == expected


def test_an_exit_wins_over_everything():
    facts = cycle(5, date(2024, 1, 1), date(2024, 12, 1))
    assert derive_stage(facts, today=TODAY, rules=LifecycleRules(), exited=True) == "exited"


def test_stages_follow_the_orders(db):
    cid = new_customer()
    assert stage(cid) == "potential"
    buy(cid, date(2023, 12, 1), today=date(2023, 12, 1))
    assert stage(cid) == "first_purchase"
    buy(cid, date(2024, 1, 1), today=date(2024, 1, 1))
    assert stage(cid) == "repeat"
    buy(cid, *every(30, 3, date(2024, 12, 15)), today=date(2024, 12, 15))
    assert stage(cid) == "loyal"  # five purchases, the first more than a year ago
    assert [
        r.new_value
        for r in ChangeLog.select().where(ChangeLog.field == "stage").order_by(ChangeLog.id)
    ] == ["first_purchase", "repeat", "loyal"]


def test_several_orders_on_one_day_are_one_purchase(db):
    cid = new_customer()
    buy(cid, date(2024, 12, 1), date(2024, 12, 1))
    assert stage(cid) == "first_purchase"


def test_time_alone_moves_customers_to_at_risk_and_lost(db):
    cid = new_customer()
    buy(cid, *every(30, 4, date(2024, 6, 1)))  # usually every 30 days
    assert lifecycle.recompute_stage(cid, today=date(2024, 7, 31)) == "repeat"  # 60 days
    assert lifecycle.recompute_stage(cid, today=date(2024, 8, 1)) == "at_risk"  # 61 > 2 × 30
    assert lifecycle.recompute_stage(cid, today=date(2024, 11, 28)) == "at_risk"  # 180 days
    assert lifecycle.recompute_stage(cid, today=date(2024, 11, 29)) == "lost"  # > 4 × 30, > 180


def test_fewer_than_three_purchases_use_the_default_interval(db):
    cid = new_customer()
    buy(cid, date(2024, 1, 1), date(2024, 1, 8))  # one 7-day gap says little
    assert value.purchase_cycle(cid, today=TODAY).interval_days == 90
    assert lifecycle.recompute_stage(cid, today=date(2024, 4, 7)) == "repeat"
    assert lifecycle.recompute_stage(cid, today=date(2024, 7, 8)) == "at_risk"
    value.set_default_interval_days(200)
    assert lifecycle.recompute_stage(cid, today=date(2024, 7, 8)) == "repeat"


def test_the_rules_are_configurable(db):
    cid = new_customer()
    buy(cid, *every(10, 3, date(2024, 12, 1)))
    assert lifecycle.recompute_stage(cid, today=TODAY) == "at_risk"  # 30 days > 2 × 10
    rules = lifecycle.set_lifecycle_rules(at_risk_multiple=4, lost_multiple=8)
    assert (rules.at_risk_multiple, rules.lost_multiple) == (4.0, 8.0)
    assert lifecycle.lifecycle_rules() == rules
    assert lifecycle.recompute_stage(cid, today=TODAY) == "repeat"
    with pytest.raises(ValidationError) as caught:
        lifecycle.set_lifecycle_rules(lost_multiple=3)  # not above at_risk_multiple
    assert set(caught.value.errors) == {"lost_multiple"}
    with pytest.raises(ValidationError) as caught:
        lifecycle.set_lifecycle_rules(loyal_min_purchases=1.5, colour="red")
    assert set(caught.value.errors) == {"loyal_min_purchases", "colour"}


def test_a_stage_set_by_hand_is_kept_and_marked(db):
    cid = new_customer()
    lifecycle.set_stage(cid, "loyal")
    assert (stage(cid), Customer.get_by_id(cid).stage_override) == ("loyal", True)
    buy(cid, date(2024, 12, 1))
    assert stage(cid) == "loyal"
    assert lifecycle.recompute_stages(today=TODAY) == 0
    assert lifecycle.clear_stage_override(cid, today=TODAY) == "first_purchase"
    with pytest.raises(ValidationError):
        lifecycle.set_stage(cid, "exited")  # exits go through exit_customer


def test_recompute_stages_in_batches_writes_only_changes(db):
    ids = [new_customer(f"客户{n}") for n in range(5)]
    for cid in ids[:3]:
        buy(cid, *every(30, 3, date(2024, 10, 1)), today=date(2024, 10, 1))
    assert [stage(c) for c in ids] == ["repeat"] * 3 + ["potential"] * 2
    before = ChangeLog.select().count()
    calls = []
    changed = lifecycle.recompute_stages(
        today=TODAY, batch_size=2, progress=lambda done, total: calls.append(done)
    )
    assert changed == 3
    assert [stage(c) for c in ids] == ["at_risk"] * 3 + ["potential"] * 2
    assert ChangeLog.select().count() == before + 3
    assert calls[-1] == 5 and len(calls) == 3
    assert lifecycle.recompute_stages(today=TODAY) == 0


# ------------------------------------------------------------------------------ exits


def test_exit_with_a_reason_and_notes(db):
    cid = new_customer()
    buy(cid, date(2024, 12, 1))
    lifecycle.exit_customer(cid, "competitor", notes="转向了价格更低的供应商")
    row = Customer.get_by_id(cid)
    assert (row.stage, row.exit_reason, row.exit_notes) == (
        "exited",
        "competitor",
        "转向了价格更低的供应商",
    )
    assert row.exited_at is not None
    assert lifecycle.recompute_stage(cid, today=TODAY) == "exited"
    assert lifecycle.reinstate_customer(cid, today=TODAY) == "first_purchase"
    assert Customer.get_by_id(cid).exited_at is None


def test_an_exit_cancels_the_open_follow_ups_only_when_asked(db):
    kept = new_customer("甲")
    dropped = new_customer("乙")
    for cid in (kept, dropped):
        followups.plan_followup(cid, date(2025, 1, 10), subject="回访")
        followups.plan_followup(cid, date(2025, 2, 10), subject="再回访")
    assert followups.open_followup_count(dropped) == 2
    assert lifecycle.exit_customer(kept, "moved") == 0
    assert followups.open_followup_count(kept) == 2
    assert lifecycle.exit_customer(dropped, "price", cancel_open_followups=True) == 2
    assert followups.open_followup_count(dropped) == 0
    statuses = {r.status for r in FollowUp.select().where(FollowUp.customer == dropped)}
    assert statuses == {"cancelled"}
    assert Customer.get_by_id(dropped).next_followup_at is None
    assert Customer.get_by_id(kept).next_followup_at is not None
    cancelled = ChangeLog.select().where(
        (ChangeLog.customer == dropped)
        & (ChangeLog.entity == "followup")
        & (ChangeLog.new_value == "cancelled")
    )
    assert cancelled.count() == 2


def test_a_refused_exit_cancels_nothing(db):
    cid = new_customer()
    followups.plan_followup(cid, date(2025, 1, 10), subject="回访")
    with pytest.raises(ValidationError):
        lifecycle.exit_customer(cid, "bored", cancel_open_followups=True)
    assert followups.open_followup_count(cid) == 1


def test_exit_reasons_come_from_a_configurable_list(db):
    assert [r.code for r in lifecycle.exit_reasons()] == list(lifecycle.EXIT_REASONS)
    assert lifecycle.exit_reasons()[0].label == "Price"
    cid = new_customer()
    with pytest.raises(ValidationError) as caught:
        lifecycle.exit_customer(cid, "bored")
    assert set(caught.value.errors) == {"exit_reason"}
    reasons = lifecycle.set_exit_reasons(["price", "合同到期", "price"])
    assert [(r.code, r.label) for r in reasons] == [("price", "Price"), ("合同到期", "合同到期")]
    lifecycle.exit_customer(cid, "合同到期")
    with pytest.raises(ValidationError):
        lifecycle.set_exit_reasons([])


def test_exit_reason_analysis_counts_and_shares_per_period(db):
    exits = [
        ("price", datetime(2024, 1, 5)),
        ("price", datetime(2024, 2, 5)),
        ("service", datetime(2024, 2, 6)),
        ("competitor", datetime(2024, 4, 1)),
        ("price", datetime(2023, 12, 1)),
    ]
    for n, (reason, when) in enumerate(exits):
        lifecycle.exit_customer(new_customer(f"客户{n}"), reason, exited_at=when)
    analysis = lifecycle.exit_reason_analysis(
        start=date(2024, 1, 1), end=date(2024, 12, 31), period="quarter"
    )
    assert analysis.total == 4
    top = analysis.reasons[:3]
    assert [(r.code, r.count, r.share) for r in top] == [
        ("price", 2, 0.5),
        ("competitor", 1, 0.25),
        ("service", 1, 0.25),
    ]
    assert {r.code for r in analysis.reasons} == set(lifecycle.EXIT_REASONS)
    assert [(p.period, p.total) for p in analysis.periods] == [("2024-Q1", 3), ("2024-Q2", 1)]
    assert analysis.periods[0].reasons[0].code == "price"
    months = lifecycle.exit_reason_analysis(period="month")
    assert [p.period for p in months.periods] == ["2023-12", "2024-01", "2024-02", "2024-04"]
    assert lifecycle.exit_reason_analysis(period="year").periods[1].total == 4
    with pytest.raises(ValidationError):
        lifecycle.exit_reason_analysis(period="week")


# ------------------------------------------------------------------------------ churn


def test_churn_reasons_in_plain_words(db):
    cid = new_customer()
    buy(cid, *every(20, 4, date(2024, 11, 1)))  # usually every 20 days, last 60 days ago
    reasons = lifecycle.churn_reasons(cid, today=TODAY)
    assert [(r.code, r.text) for r in reasons] == [
        ("overdue_purchase", "no purchase for 60 days (usually every 20 days)")
    ]
    service.open_complaint(cid, "送货延误")
    service.record_survey(cid, satisfaction=5, surveyed_on=date(2024, 6, 1))
    service.record_survey(cid, satisfaction=2, surveyed_on=date(2024, 11, 5))
    reasons = lifecycle.churn_reasons(cid, today=TODAY)
    assert [r.text for r in reasons] == [
        "no purchase for 60 days (usually every 20 days)",
        "unresolved complaints: 1",
        "satisfaction fell from 5 to 2",
    ]


def test_a_steady_customer_has_no_churn_reason(db):
    cid = new_customer()
    buy(cid, *every(20, 4, date(2024, 12, 20)))
    assert lifecycle.churn_reasons(cid, today=TODAY) == []


def test_the_retention_list(db):
    User.create(username="li.na", display_name="李娜")
    overdue_a = new_customer("甲", owner="li.na")
    buy(overdue_a, *every(30, 3, date(2024, 10, 1)))
    customers.update_customer(overdue_a, {"grade": "A"})
    overdue_c = new_customer("乙")
    buy(overdue_c, *every(30, 3, date(2024, 9, 1)))
    complaining = new_customer("丙")
    buy(complaining, date(2024, 12, 20))
    service.open_complaint(complaining, "质量问题")
    lost = new_customer("丁")
    buy(lost, *every(30, 3, date(2023, 1, 1)))  # two years ago: lost
    steady = new_customer("戊")
    buy(steady, *every(30, 3, date(2024, 12, 20)))
    gone = new_customer("己")
    buy(gone, *every(30, 3, date(2024, 9, 1)))
    lifecycle.exit_customer(gone, "moved")
    trashed = new_customer("庚")
    buy(trashed, *every(30, 3, date(2024, 9, 1)))
    customers.trash_customers([trashed])

    rows = lifecycle.retention_list(today=TODAY)
    assert [r.customer_id for r in rows] == [overdue_a, overdue_c, complaining]
    first = rows[0]
    assert (first.grade, first.owner, first.days_since_last, first.interval_days) == (
        "A",
        "li.na",
        91,
        30.0,
    )
    assert first.reason_text == "no purchase for 91 days (usually every 30 days)"
    assert first.next_followup_at is None
    plan = followups.plan_followup(overdue_a, date(2025, 1, 3), subject="回访")
    planned = lifecycle.retention_list(today=TODAY)[0]
    assert planned.next_followup_at == FollowUp.get_by_id(plan.id).due_at
    assert rows[2].reasons[0].code == "unresolved_complaints"
    assert [r.customer_id for r in lifecycle.retention_list(today=TODAY, owner="li.na")] == [
        overdue_a
    ]
    assert lost in [r.customer_id for r in lifecycle.retention_list(today=TODAY, include_lost=True)]
    assert len(lifecycle.retention_list(today=TODAY, limit=1)) == 1


def test_planning_a_retention_followup(db):
    cid = new_customer()
    buy(cid, *every(30, 3, date(2024, 9, 1)))
    item = lifecycle.plan_retention_followup(cid, today=TODAY)
    assert item.status == "planned"
    assert item.subject == "Win back: no purchase for 121 days (usually every 30 days)"
    assert FollowUp.get_by_id(item.id).due_at.date() in (date(2025, 1, 1), date(2024, 12, 31))
    assert item.content == "no purchase for 121 days (usually every 30 days)"
