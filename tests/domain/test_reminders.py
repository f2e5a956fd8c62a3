"""Reminders: plans whose time has come, each reminded once, caught up after a break."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.db.models import FollowUp, User
from desktop_crm.domain import customers, followups, reminders

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2024, 5, 15, 10, 0, tzinfo=SHANGHAI)  # 02:00 UTC


@pytest.fixture
def customer_id(db) -> int:
    User.create(username="alice", display_name="Alice")
    return customers.create_customer({"name": "张三", "owner": "alice"}).id


def plan(customer_id: int, due: datetime, subject: str = "回访报价") -> int:
    return followups.plan_followup(customer_id, due, subject=subject).id


def ids(items: list[followups.FollowUpItem]) -> list[int]:
    return [item.id for item in items]


def test_plans_that_fell_due_while_the_app_was_closed_are_caught_up(customer_id):
    last_week = plan(customer_id, NOW - timedelta(days=7), "上周的")
    yesterday = plan(customer_id, NOW - timedelta(days=1), "昨天的")
    plan(customer_id, NOW + timedelta(hours=1), "还没到")
    found = reminders.due_reminders(NOW)
    assert ids(found) == [last_week, yesterday]
    assert found[0].customer_name == "张三"
    assert found[0].subject == "上周的"
    assert found[0].owner == "alice"


def test_a_plan_due_exactly_now_is_reminded(customer_id):
    now_id = plan(customer_id, NOW)
    assert ids(reminders.due_reminders(NOW)) == [now_id]


def test_each_plan_is_reminded_once(customer_id):
    first = plan(customer_id, NOW - timedelta(hours=2))
    assert reminders.mark_reminded([first], NOW) == 1
    assert reminders.due_reminders(NOW) == []
    later = plan(customer_id, NOW + timedelta(minutes=30))
    assert ids(reminders.due_reminders(NOW + timedelta(hours=1))) == [later]


def test_marking_again_keeps_the_first_reminder_time(customer_id):
    plan_id = plan(customer_id, NOW - timedelta(hours=2))
    reminders.mark_reminded([plan_id], NOW)
    assert reminders.mark_reminded([plan_id], NOW + timedelta(hours=3)) == 0
    stored = FollowUp.get_by_id(plan_id).reminded_at
    assert stored == NOW.astimezone(UTC).replace(tzinfo=None)


def test_done_cancelled_and_trashed_plans_are_not_reminded(customer_id):
    done = plan(customer_id, NOW - timedelta(days=1))
    followups.complete_followup(done, outcome="已报价")
    cancelled = plan(customer_id, NOW - timedelta(days=1))
    followups.cancel_followup(cancelled)
    other = customers.create_customer({"name": "李四"}).id
    plan(other, NOW - timedelta(days=1))
    customers.trash_customers([other])
    assert reminders.due_reminders(NOW) == []


def test_a_rescheduled_plan_is_reminded_again_at_its_new_time(customer_id):
    plan_id = plan(customer_id, NOW - timedelta(hours=1))
    reminders.mark_reminded([plan_id], NOW)
    followups.reschedule_followup(plan_id, NOW + timedelta(days=1))
    assert reminders.due_reminders(NOW) == []
    assert ids(reminders.due_reminders(NOW + timedelta(days=1))) == [plan_id]


def test_many_plans_are_marked_in_chunks(customer_id):
    due = NOW.astimezone(UTC).replace(tzinfo=None) - timedelta(hours=1)
    rows = [
        {"customer": customer_id, "status": "planned", "subject": f"#{n}", "due_at": due}
        for n in range(601)
    ]
    FollowUp.insert_many(rows).execute()  # faster than 601 user actions
    plan_ids = ids(reminders.due_reminders(NOW))
    assert len(plan_ids) == 601
    assert reminders.mark_reminded(plan_ids, NOW) == 601
    assert reminders.due_reminders(NOW) == []


def test_marking_nothing_is_a_no_op(customer_id):
    assert reminders.mark_reminded([]) == 0


def test_now_defaults_to_the_clock(customer_id):
    past = plan(customer_id, datetime.now(UTC) - timedelta(minutes=1))
    plan(customer_id, datetime.now(UTC) + timedelta(days=1))
    assert ids(reminders.due_reminders()) == [past]
    reminders.mark_reminded([past])
    assert FollowUp.get_by_id(past).reminded_at is not None
