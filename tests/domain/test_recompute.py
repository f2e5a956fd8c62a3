"""The daily recompute of stages, grades and credit ratings, at most once a day."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_crm.db.models import Customer
from desktop_crm.domain import customers, orders, recompute

TODAY = date(2024, 12, 31)


def buy_every_30_days(cid: int, last: date, count: int = 4) -> None:
    for n in reversed(range(count)):
        day = last - timedelta(days=30 * n)
        orders.create_order(cid, {"order_date": day, "product": "硒鼓", "amount": "100"}, today=day)


def test_time_alone_changes_stage_and_grade_in_one_run(db):
    cid = customers.create_customer({"name": "张三"}).id
    buy_every_30_days(cid, date(2024, 6, 1))
    assert Customer.get_by_id(cid).stage == "repeat"
    result = recompute.recompute_derived(today=TODAY)
    row = Customer.get_by_id(cid)
    assert row.stage == "lost"  # 213 days without a purchase, usually every 30
    assert row.grade == "A"  # the only customer with revenue in the last 12 months
    assert result.complete and result.stages == 1
    assert result.changed >= 1
    assert recompute.last_run_day() == TODAY


def test_the_daily_run_happens_once_a_day(db):
    cid = customers.create_customer({"name": "张三"}).id
    buy_every_30_days(cid, date(2024, 11, 1))
    assert recompute.due_today(TODAY)
    first = recompute.recompute_if_due(today=TODAY)
    assert first is not None and first.complete
    assert not recompute.due_today(TODAY)
    assert recompute.recompute_if_due(today=TODAY) is None
    assert recompute.recompute_if_due(today=TODAY + timedelta(days=1)) is not None


def test_progress_and_cancelling_between_steps(db):
    customers.create_customer({"name": "张三"})
    seen: list[tuple[int, int]] = []
    result = recompute.recompute_derived(
        today=TODAY, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: True
    )
    assert not result.complete
    assert (result.grades, result.credit_ratings) == (None, None)
    assert seen[0] == (0, recompute.TOTAL)
    assert recompute.last_run_day() is None  # an incomplete run does not count for the day
    recompute.recompute_derived(today=TODAY, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (recompute.TOTAL, recompute.TOTAL)
