"""A rep's follow-up plan: overdue first, then day by day, with phone and address."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_crm.db.models import User
from desktop_crm.domain import customers, followups
from desktop_crm.errors import ValidationError
from desktop_crm.reports import data
from desktop_crm.reports.document import write_pdf
from desktop_crm.reports.followup_plan import build_followup_plan
from tests.reports.conftest import flat, needs_poppler, pdf_pages, pdf_text

pytestmark = [needs_poppler, pytest.mark.usefixtures("qapp")]

# Monday 18 November 2024, 10:00 local time: the moment the plan is printed.
NOW = datetime(2024, 11, 18, 10, 0)


def local(day: int, hour: int) -> datetime:
    """A plan due at local wall-clock time (what `plan_followup` takes as aware time)."""
    return datetime(2024, 11, day, hour, 0).astimezone()


@pytest.fixture
def plans(db, company, owner):
    User.create(username="li.na", display_name="李娜")
    wang = customers.create_customer(
        {
            "name": "王建国",
            "owner": "zhang.wei",
            "phones": ["13800138000"],
            "addresses": [
                {
                    "province": "北京市",
                    "city": "北京市",
                    "district": "朝阳区",
                    "street": "建国路88号",
                    "postcode": "100022",
                }
            ],
        }
    )
    acme = customers.create_customer(
        {
            "name": "Acme Trading",
            "kind": "enterprise",
            "owner": "zhang.wei",
            "phones": ["+1 617 555 0100"],
            "addresses": [{"street": "1 Main Street", "city": "Boston", "country": "USA"}],
            "contacts": [{"name": "Mary Jones", "is_primary": True}],
        }
    )
    other = customers.create_customer({"name": "李四", "owner": "li.na"})
    contact = customers.get_customer(acme.id).contacts[0].id
    followups.plan_followup(wang.id, local(15, 9), subject="催收货款")  # overdue
    followups.plan_followup(wang.id, local(18, 14), subject="确认送货时间", channel="visit")
    followups.plan_followup(acme.id, local(20, 9), subject="Quote follow-up", contact_id=contact)
    followups.plan_followup(acme.id, local(29, 9), subject="Too far ahead")
    followups.plan_followup(other.id, local(19, 9), subject="Li Na's call")
    return wang, acme, other


def test_the_plan_has_overdue_and_days_with_phone_and_address(plans, tmp_path):
    report = build_followup_plan("zhang.wei", 7, now=NOW)
    text = pdf_text(write_pdf(report, tmp_path / "plan.pdf"))
    for expected in (
        "Follow-up plan",
        "Owner: 张伟",
        "Overdue",
        "催收货款",
        "Monday, 18 November 2024 · Today",
        "确认送货时间",
        "Wednesday, 20 November 2024",
        "Quote follow-up",
        "Mary Jones",
        "13800138000",
        "+1 617 555 0100",
        "建国路88号",
        "1 Main Street",
        "3 follow-ups",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "Too far ahead" not in text and "Li Na's call" not in text
    assert text.index("催收货款") < text.index("确认送货时间") < text.index("Quote follow-up")


def test_everyone_and_more_days_in_chinese(plans, tmp_path, chinese):
    report = build_followup_plan(None, 14, now=NOW)
    pages = pdf_pages(write_pdf(report, tmp_path / "plan.pdf"))
    text = flat("".join(pages))
    for expected in (
        "跟进计划",
        "全部负责人",
        "已逾期",
        "2024年11月18日 星期一 · 今天",
        "Too far ahead",
        "Li Na's call",
        "李娜",
        "共 5 项跟进",
    ):
        assert flat(expected) in text, expected
    for number, page in enumerate(pages, start=1):
        assert flat(f"第 {number} 页，共 {len(pages)} 页") in flat(page)


def test_nothing_planned_says_so(db, company, owner, tmp_path):
    text = pdf_text(write_pdf(build_followup_plan("zhang.wei", now=NOW), tmp_path / "p.pdf"))
    assert "Nothing is planned for this period." in text


def test_the_owner_by_the_name_people_see(plans):
    plan = data.followup_plan("张伟", 7, now=NOW)
    assert plan.owner == "zhang.wei" and len(plan.overdue) + len(plan.upcoming) == 3


def test_bad_owner_and_days(db, company):
    with pytest.raises(ValidationError, match="nobody"):
        build_followup_plan("nobody", now=NOW)
    with pytest.raises(ValidationError, match="days"):
        data.followup_plan(None, 0, now=NOW)


def test_a_long_plan_repeats_the_day_and_header_on_every_page(plans, tmp_path):
    wang = plans[0]
    for n in range(120):
        followups.plan_followup(
            wang.id, local(19, 8) + timedelta(minutes=n), subject=f"Call {n:03d}"
        )
    pages = pdf_pages(
        write_pdf(build_followup_plan("zhang.wei", 7, now=NOW), tmp_path / "long.pdf")
    )
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    for page in pages[1:-1]:
        assert "Tuesday, 19 November 2024" in page and "Phone" in page
