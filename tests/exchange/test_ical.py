"""Planned follow-ups exported as an iCalendar file that calendars read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from desktop_crm.db.models import FollowUp
from desktop_crm.domain import followups
from desktop_crm.domain.customers import create_customer, trash_customers
from desktop_crm.domain.users import create_user
from desktop_crm.errors import CrmError
from desktop_crm.exchange.exporter import export_customers, export_planned_followups


def events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_each_planned_followup_is_an_event_in_utc(db: Any, tmp_path: Path) -> None:
    create_user("alice", "Alice")
    zhang = create_customer({"name": "张三", "phones": ["13800138000"], "owner": "alice"})
    li = create_customer({"name": "李四"})
    due = datetime(2030, 3, 1, 1, 30)  # stored naive UTC
    plan = followups.plan_followup(
        zhang.id, due.replace(tzinfo=UTC), subject="送样品", content="带新品目录"
    )
    followups.plan_followup(li.id, due + timedelta(days=1), subject="回访", owner="alice")
    followups.log_contact(li.id, channel="phone", subject="已经打过")  # done: not a plan
    out = tmp_path / "plans.ics"
    assert export_planned_followups(out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and b"VERSION:2.0" in raw
    first, second = events(out)
    row = FollowUp.get_by_id(plan.id)
    assert str(first["UID"]) == f"{row.uuid.hex}@desktop-crm"
    assert first.decoded("DTSTART") == datetime(2030, 3, 1, 1, 30, tzinfo=UTC)
    assert b"DTSTART:20300301T013000Z" in raw
    assert str(first["SUMMARY"]) == "送样品 — 张三"
    description = str(first["DESCRIPTION"])
    assert "带新品目录" in description and f"Customer: {zhang.code} 张三" in description
    assert "Phone: 13800138000" in description and "Owner: alice" in description
    assert str(second["SUMMARY"]) == "回访 — 李四"


def test_owner_filter_and_trashed_customers(db: Any, tmp_path: Path) -> None:
    create_user("alice", "Alice")
    create_user("bob", "Bob")
    a = create_customer({"name": "张三"})
    b = create_customer({"name": "李四"})
    c = create_customer({"name": "王五"})
    when = datetime(2030, 1, 1, 9)
    followups.plan_followup(a.id, when, subject="A", owner="alice")
    followups.plan_followup(b.id, when, subject="B", owner="bob")
    followups.plan_followup(c.id, when, subject="C", owner="alice")
    trash_customers([c.id])
    out = tmp_path / "alice.ics"
    assert export_customers(out, file_format="ics", owner="Alice") == 1
    assert [str(e["SUMMARY"]) for e in events(out)] == ["A — 张三"]
    with pytest.raises(CrmError, match="no user named “carol”"):
        export_planned_followups(tmp_path / "x.ics", owner="carol")
    assert not (tmp_path / "x.ics").exists()


def test_no_plans_is_an_empty_calendar(db: Any, tmp_path: Path) -> None:
    out = tmp_path / "none.ics"
    assert export_planned_followups(out) == 0
    assert events(out) == []
