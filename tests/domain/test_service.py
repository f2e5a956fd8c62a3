"""Complaints (status flow, response deadlines, overdue) and surveys (falling satisfaction)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_crm.db.models import ChangeLog, User
from desktop_crm.domain import customers, service
from desktop_crm.errors import NotFoundError, ValidationError

OPENED = datetime(2024, 6, 3, 2, 0)  # UTC


@pytest.fixture
def cid(db):
    return customers.create_customer({"name": "王芳"}).id


def complaint(cid: int, severity: str = "medium", **kwargs) -> service.ComplaintItem:
    return service.open_complaint(cid, "货物有破损", severity=severity, opened_at=OPENED, **kwargs)


# ------------------------------------------------------------------------- complaints


@pytest.mark.parametrize(
    ("severity", "hours"), [("low", 168), ("medium", 72), ("high", 24), ("critical", 4)]
)
def test_the_response_deadline_follows_the_severity(cid, severity, hours):
    item = complaint(cid, severity)
    assert item.status == "open"
    assert item.respond_by == OPENED + timedelta(hours=hours)


def test_response_hours_are_configurable(cid):
    service.set_response_hours("high", 8)
    assert complaint(cid, "high").respond_by == OPENED + timedelta(hours=8)
    with pytest.raises(ValidationError) as caught:
        service.set_response_hours("urgent", 0)
    assert set(caught.value.errors) == {"severity", "hours"}


def test_a_complaint_is_checked(cid):
    with pytest.raises(ValidationError) as caught:
        service.open_complaint(cid, " ", severity="huge", category="weather")
    assert set(caught.value.errors) == {"description", "severity", "category"}


def test_the_status_flow(cid):
    item = complaint(cid)
    item = service.set_complaint_status(item.id, "in_progress")
    with pytest.raises(ValidationError) as caught:
        service.set_complaint_status(item.id, "resolved")  # a resolution is required
    assert set(caught.value.errors) == {"resolution"}
    when = datetime(2024, 6, 4, 9, 0)
    item = service.set_complaint_status(item.id, "resolved", resolution="已补发新货", when=when)
    assert (item.status, item.resolved_at, item.resolution) == ("resolved", when, "已补发新货")
    item = service.set_complaint_status(item.id, "in_progress")  # reopened
    assert item.resolved_at is None
    item = service.set_complaint_status(item.id, "resolved")  # the resolution is kept
    item = service.set_complaint_status(item.id, "closed")
    assert item.status == "closed"
    statuses = [
        r.new_value
        for r in ChangeLog.select()
        .where((ChangeLog.entity == "complaint") & (ChangeLog.field == "status"))
        .order_by(ChangeLog.id)
    ]
    assert statuses == ["open", "in_progress", "resolved", "in_progress", "resolved", "closed"]


def test_open_can_be_resolved_at_first_contact(cid):
    item = complaint(cid)
    assert service.set_complaint_status(item.id, "resolved", resolution="当场解决").status == (
        "resolved"
    )


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ((), "closed"),
        (("in_progress",), "open"),
        (("in_progress",), "closed"),
        (("resolved",), "open"),
        (("resolved", "closed"), "open"),
        (("resolved", "closed"), "in_progress"),
    ],
)
def test_invalid_transitions_are_refused(cid, path, refused):
    item = complaint(cid)
    for status in path:
        service.set_complaint_status(item.id, status, resolution="ok")
    with pytest.raises(ValidationError) as caught:
        service.set_complaint_status(item.id, refused, resolution="ok")
    assert set(caught.value.errors) == {"status"}


def test_overdue_complaints_are_the_unanswered_ones_past_their_deadline(db):
    User.create(username="li.na", display_name="李娜")
    a = customers.create_customer({"name": "甲", "owner": "li.na"}).id
    b = customers.create_customer({"name": "乙"}).id
    critical = complaint(a, "critical")  # due 06:00
    medium = complaint(b, "medium")  # due three days later
    taken = complaint(b, "critical")
    service.set_complaint_status(taken.id, "in_progress")
    now = OPENED + timedelta(hours=5)
    assert [c.id for c in service.overdue_complaints(now=now)] == [critical.id]
    assert service.get_complaint(critical.id, now=now).overdue
    assert not service.get_complaint(taken.id, now=now).overdue
    later = OPENED + timedelta(days=4)
    assert [c.id for c in service.overdue_complaints(now=later)] == [critical.id, medium.id]
    assert service.overdue_complaint_count(now=later) == 2
    assert service.overdue_complaint_count(now=later, owner="li.na") == 1
    customers.trash_customers([a])
    assert service.overdue_complaint_count(now=later) == 1


def test_changing_the_severity_moves_the_deadline(cid):
    item = complaint(cid, "low")
    item = service.update_complaint(item.id, {"severity": "high"})
    assert item.respond_by == OPENED + timedelta(hours=24)
    with pytest.raises(ValidationError):
        service.update_complaint(item.id, {"status": "closed"})


def test_unresolved_complaints_are_counted_per_customer(cid):
    first, second = complaint(cid), complaint(cid)
    done = complaint(cid)
    service.set_complaint_status(done.id, "resolved", resolution="ok")
    service.set_complaint_status(second.id, "in_progress")
    assert service.unresolved_complaint_counts() == {cid: 2}
    service.delete_complaint(first.id)
    assert service.unresolved_complaint_counts([cid]) == {cid: 1}
    with pytest.raises(NotFoundError):
        service.get_complaint(first.id)


# ---------------------------------------------------------------------------- surveys


def survey(cid: int, day: date, satisfaction: int | None = None, nps: int | None = None):
    return service.record_survey(cid, satisfaction=satisfaction, nps=nps, surveyed_on=day)


def test_a_survey_needs_a_score_in_range(cid):
    with pytest.raises(ValidationError) as caught:
        service.record_survey(cid, surveyed_on=date(2024, 1, 1))
    assert set(caught.value.errors) == {"satisfaction"}
    with pytest.raises(ValidationError) as caught:
        service.record_survey(cid, satisfaction=6, nps=11)
    assert set(caught.value.errors) == {"satisfaction", "nps"}
    item = survey(cid, date(2024, 1, 1), nps=9)
    with pytest.raises(ValidationError):
        service.update_survey(item.id, {"nps": None})


def test_satisfaction_falling_against_the_surveys_before(cid):
    survey(cid, date(2024, 1, 1), 5)
    assert not service.satisfaction_trend(cid).falling  # one survey says nothing
    survey(cid, date(2024, 3, 1), 4)
    survey(cid, date(2024, 5, 1), 5)
    trend = service.satisfaction_trend(cid)
    assert not trend.falling
    survey(cid, date(2024, 7, 1), 3)  # against the three before: (5 + 4 + 5) / 3
    trend = service.satisfaction_trend(cid)
    assert trend.falling
    assert (trend.latest_satisfaction, round(trend.previous_satisfaction, 2)) == (3, 4.67)
    assert [s.satisfaction for s in trend.surveys] == [5, 4, 5, 3]
    assert set(service.falling_satisfaction()) == {cid}


def test_a_small_dip_is_not_falling(cid):
    survey(cid, date(2024, 1, 1), 4, 8)
    survey(cid, date(2024, 2, 1), 4, 8)
    survey(cid, date(2024, 3, 1), 4, 7)  # 0 and −1 points: within the noise
    assert not service.satisfaction_trend(cid).falling
    assert service.falling_satisfaction() == {}


def test_a_falling_nps_counts_too(cid):
    survey(cid, date(2024, 1, 1), nps=9)
    survey(cid, date(2024, 2, 1), nps=6)
    trend = service.satisfaction_trend(cid)
    assert trend.falling and trend.latest_nps == 6
    falling = service.falling_satisfaction([cid])[cid]
    assert (falling.latest_nps, falling.previous_nps) == (6, 9.0)


def test_only_the_latest_three_earlier_surveys_count(cid):
    survey(cid, date(2023, 1, 1), 1)  # long ago, out of the comparison
    for month in (1, 2, 3):
        survey(cid, date(2024, month, 1), 3)
    survey(cid, date(2024, 4, 1), 3)
    assert not service.satisfaction_trend(cid).falling
    assert service.falling_satisfaction() == {}


def test_deleted_surveys_do_not_count(cid):
    survey(cid, date(2024, 1, 1), 5)
    low = survey(cid, date(2024, 2, 1), 2)
    assert service.satisfaction_trend(cid).falling
    service.delete_survey(low.id)
    assert not service.satisfaction_trend(cid).falling
    assert service.falling_satisfaction() == {}


def test_nps_summary(cid):
    for score in (10, 9, 8, 7, 3):
        survey(cid, date(2024, 1, 1), nps=score)
    assert service.nps_summary() == {"responses": 5, "promoters": 2, "detractors": 1, "nps": 20.0}
    assert service.nps_summary(start=date(2025, 1, 1))["nps"] is None
