"""Follow-up rules: logging and planning keep the customer's summary in step; due views
follow the user's local calendar (tested in Asia/Shanghai with a fixed `now`)."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.db.models import ChangeLog, User
from desktop_crm.domain import customers, followups, messages, relationship
from desktop_crm.errors import NotFoundError, ValidationError

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 15 May 2024, 10:00 in Shanghai (02:00 UTC).
WEDNESDAY = datetime(2024, 5, 15, 10, 0, tzinfo=SHANGHAI)
SUNDAY = datetime(2024, 5, 19, 10, 0, tzinfo=SHANGHAI)


def sh(*args: int) -> datetime:
    """A Shanghai wall-clock time."""
    return datetime(*args, tzinfo=SHANGHAI)


def utc(value: datetime) -> datetime:
    """What the database keeps for an aware time: naive UTC."""
    return value.astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def alice(db):
    return User.create(username="alice", display_name="Alice")


@pytest.fixture
def bob(db):
    return User.create(username="bob", display_name="Bob")


@pytest.fixture
def customer(db, alice):
    return customers.create_customer({"name": "张三", "owner": "alice"})


def summary(customer_id: int) -> tuple[datetime | None, datetime | None]:
    record = customers.get_customer(customer_id)
    return record.last_contact_at, record.next_followup_at


def plan(customer_id: int, due: object, subject: str = "回访", **kwargs) -> followups.FollowUpItem:
    return followups.plan_followup(customer_id, due, subject=subject, **kwargs)


def ids(items: list[followups.FollowUpItem]) -> list[int]:
    return [item.id for item in items]


# ----------------------------------------------------------------- customer summary


def test_logging_a_contact_sets_the_customers_last_contact(customer):
    item = followups.log_contact(
        customer.id, channel="phone", subject="报价", occurred_at=sh(2024, 5, 14, 16, 30)
    )
    assert item.status == "done" and item.occurred_at == datetime(2024, 5, 14, 8, 30)
    assert summary(customer.id)[0] == datetime(2024, 5, 14, 8, 30)


def test_logging_an_older_contact_keeps_the_latest_as_last_contact(customer):
    followups.log_contact(customer.id, channel="visit", occurred_at=datetime(2024, 5, 10, 3, 0))
    followups.log_contact(customer.id, channel="phone", occurred_at=datetime(2024, 4, 1, 3, 0))
    assert summary(customer.id)[0] == datetime(2024, 5, 10, 3, 0)


def test_a_contact_without_a_time_is_logged_now(customer):
    before = datetime.now(UTC).replace(tzinfo=None)
    item = followups.log_contact(customer.id, channel="sms")
    assert before <= item.occurred_at <= datetime.now(UTC).replace(tzinfo=None)


def test_planning_sets_next_followup_to_the_earliest_plan(customer):
    plan(customer.id, datetime(2024, 6, 1, 1, 0))
    assert summary(customer.id)[1] == datetime(2024, 6, 1, 1, 0)
    plan(customer.id, datetime(2024, 5, 20, 1, 0))
    plan(customer.id, datetime(2024, 7, 1, 1, 0))
    assert summary(customer.id)[1] == datetime(2024, 5, 20, 1, 0)


def test_completing_a_plan_moves_next_followup_on_and_sets_last_contact(customer):
    first = plan(customer.id, datetime(2024, 5, 20, 1, 0))
    plan(customer.id, datetime(2024, 6, 1, 1, 0))
    done = followups.complete_followup(
        first.id, outcome="客户满意", occurred_at=datetime(2024, 5, 20, 2, 0)
    )
    assert (done.status, done.outcome) == ("done", "客户满意")
    assert summary(customer.id) == (datetime(2024, 5, 20, 2, 0), datetime(2024, 6, 1, 1, 0))


def test_rescheduling_moves_next_followup(customer):
    item = plan(customer.id, datetime(2024, 5, 20, 1, 0))
    moved = followups.reschedule_followup(item.id, sh(2024, 5, 22, 15, 0))
    assert moved.due_at == datetime(2024, 5, 22, 7, 0)
    assert summary(customer.id)[1] == datetime(2024, 5, 22, 7, 0)


def test_cancelling_the_only_plan_clears_next_followup(customer):
    item = plan(customer.id, datetime(2024, 5, 20, 1, 0))
    assert followups.cancel_followup(item.id).status == "cancelled"
    assert summary(customer.id)[1] is None


def test_logging_a_contact_can_plan_the_next_one_at_once(customer):
    done = followups.log_contact(
        customer.id,
        channel="wechat",
        subject="样品",
        occurred_at=datetime(2024, 5, 14, 2, 0),
        next_due=datetime(2024, 5, 21, 1, 0),
    )
    planned = [i for i in followups.customer_timeline(customer.id) if i.status == "planned"]
    assert len(planned) == 1
    nxt = planned[0]
    assert (nxt.due_at, nxt.subject, nxt.channel) == (datetime(2024, 5, 21, 1, 0), "样品", "wechat")
    assert nxt.planned_from_id == done.id
    assert summary(customer.id) == (datetime(2024, 5, 14, 2, 0), datetime(2024, 5, 21, 1, 0))


def test_the_next_plan_takes_its_own_subject_when_given(customer):
    followups.log_contact(
        customer.id,
        channel="phone",
        subject="报价",
        next_due=datetime(2024, 5, 21, 1, 0),
        next_subject="确认订单",
    )
    assert followups.customer_timeline(customer.id)[0].subject == "确认订单"


def test_a_bad_next_plan_writes_nothing(customer):
    with pytest.raises(ValidationError) as err:
        followups.log_contact(customer.id, channel="phone", next_due="next tuesday")
    assert set(err.value.errors) == {"next_due"}
    assert followups.customer_timeline(customer.id) == []
    assert summary(customer.id) == (None, None)


def test_completing_can_plan_the_next_with_the_same_channel_owner_and_contact(db, alice, bob):
    firm = customers.create_customer(
        {"name": "华为", "kind": "enterprise", "owner": "alice", "contacts": [{"name": "王经理"}]}
    )
    contact_id = customers.get_customer(firm.id).contacts[0].id
    first = plan(
        firm.id, datetime(2024, 5, 20, 1, 0), channel="visit", owner="bob", contact_id=contact_id
    )
    followups.complete_followup(
        first.id, occurred_at=datetime(2024, 5, 20, 2, 0), next_due=datetime(2024, 6, 20, 1, 0)
    )
    nxt = followups.customer_timeline(firm.id)[0]
    assert (nxt.status, nxt.channel, nxt.owner, nxt.contact_name, nxt.subject) == (
        "planned",
        "visit",
        "bob",
        "王经理",
        "回访",
    )
    assert nxt.planned_from_id == first.id
    assert summary(firm.id)[1] == datetime(2024, 6, 20, 1, 0)


def test_only_a_planned_followup_can_be_completed_rescheduled_or_cancelled(customer):
    done = followups.log_contact(customer.id, channel="phone")
    for action in (
        lambda: followups.complete_followup(done.id),
        lambda: followups.reschedule_followup(done.id, datetime(2024, 6, 1)),
        lambda: followups.cancel_followup(done.id),
    ):
        with pytest.raises(ValidationError) as err:
            action()
        assert err.value.errors == {"status": messages.text("not_planned", value=done.id)}


def test_an_unknown_followup_is_not_found(db):
    with pytest.raises(NotFoundError) as err:
        followups.complete_followup(999)
    assert str(err.value) == messages.text("unknown_followup", value=999)


def test_timeline_lists_plans_soonest_first_then_contacts_newest_first(customer):
    late = plan(customer.id, datetime(2024, 7, 1, 1, 0))
    soon = plan(customer.id, datetime(2024, 6, 1, 1, 0))
    old = followups.log_contact(customer.id, channel="phone", occurred_at=datetime(2024, 1, 1))
    new = followups.log_contact(customer.id, channel="email", occurred_at=datetime(2024, 3, 1))
    dropped = plan(customer.id, datetime(2024, 6, 15, 1, 0))
    followups.cancel_followup(dropped.id)
    assert ids(followups.customer_timeline(customer.id)) == [soon.id, late.id, new.id, old.id]
    assert ids(followups.customer_timeline(customer.id, include_cancelled=True)) == [
        soon.id,
        late.id,
        new.id,
        old.id,
        dropped.id,
    ]


def test_items_carry_customer_owner_and_contact_as_plain_values(customer):
    item = followups.log_contact(
        customer.id,
        channel="meeting",
        subject="年度回顾",
        content="谈了明年计划",
        outcome="续约",
        initiated_by="customer",
    )
    assert (item.customer_code, item.customer_name, item.owner) == ("C000001", "张三", "alice")
    assert (item.initiated_by, item.content, item.outcome) == ("customer", "谈了明年计划", "续约")
    assert item.contact_name is None


# ------------------------------------------------------------------------- owners


def test_owner_defaults_to_the_customers_owner(customer):
    assert plan(customer.id, datetime(2024, 6, 1)).owner == "alice"
    assert followups.log_contact(customer.id, channel="phone").owner == "alice"


def test_owner_can_be_another_user_by_username(customer, bob):
    assert plan(customer.id, datetime(2024, 6, 1), owner="bob").owner == "bob"


def test_an_unknown_owner_is_refused_on_the_owner_field(customer):
    with pytest.raises(ValidationError) as err:
        plan(customer.id, datetime(2024, 6, 1), owner="nobody")
    assert err.value.errors == {"owner": messages.text("unknown_owner", value="nobody")}


# --------------------------------------------------------------------- validation


def test_a_channel_outside_the_list_is_refused_on_the_channel_field(customer):
    with pytest.raises(ValidationError) as err:
        followups.log_contact(customer.id, channel="fax")
    assert set(err.value.errors) == {"channel"}
    assert "wechat" in err.value.errors["channel"]


def test_a_plan_without_a_due_date_is_refused_on_the_due_field(customer):
    with pytest.raises(ValidationError) as err:
        plan(customer.id, None)
    assert err.value.errors == {"due_at": messages.text("required")}


def test_a_plan_needs_a_subject(customer):
    with pytest.raises(ValidationError) as err:
        plan(customer.id, datetime(2024, 6, 1), subject="  ")
    assert err.value.errors == {"subject": messages.text("required")}


def test_a_subject_over_200_characters_is_refused(customer):
    with pytest.raises(ValidationError) as err:
        followups.log_contact(customer.id, channel="phone", subject="长" * 201)
    assert err.value.errors == {"subject": messages.text("too_long", max=200)}


def test_every_bad_field_is_named_at_once(customer):
    with pytest.raises(ValidationError) as err:
        followups.log_contact(
            customer.id,
            channel="pigeon",
            initiated_by="them",
            occurred_at="yesterday",
            owner="nobody",
            contact_id=42,
        )
    assert set(err.value.errors) == {
        "channel",
        "initiated_by",
        "occurred_at",
        "owner",
        "contact_id",
    }


def test_a_contact_cannot_be_logged_in_the_future(customer):
    with pytest.raises(ValidationError) as err:
        followups.log_contact(
            customer.id, channel="phone", occurred_at=datetime.now(UTC) + timedelta(days=1)
        )
    assert err.value.errors == {"occurred_at": messages.text("future_date")}


def test_a_contact_person_of_another_customer_is_refused(db, customer):
    other = customers.create_customer(
        {"name": "腾讯", "kind": "enterprise", "contacts": [{"name": "李总"}]}
    )
    stranger = customers.get_customer(other.id).contacts[0].id
    with pytest.raises(ValidationError) as err:
        followups.log_contact(customer.id, channel="phone", contact_id=stranger)
    assert set(err.value.errors) == {"contact_id"}


def test_validation_messages_follow_the_domain_language(customer):
    messages.set_language("zh_CN")
    with pytest.raises(ValidationError) as err:
        plan(customer.id, None)
    assert err.value.errors["due_at"] == "不能为空"


def test_a_customer_in_the_trash_gets_no_followups(customer):
    customers.trash_customers([customer.id])
    with pytest.raises(NotFoundError) as err:
        followups.log_contact(customer.id, channel="phone")
    assert str(err.value) == messages.text("in_trash", value="C000001")


def test_an_unknown_customer_is_not_found(db):
    with pytest.raises(NotFoundError) as err:
        plan(404, datetime(2024, 6, 1))
    assert str(err.value) == messages.text("unknown_customer", value=404)


# ----------------------------------------------------------------------- times in


def test_aware_times_are_stored_as_utc_and_naive_ones_as_given(customer):
    assert plan(customer.id, sh(2024, 6, 1, 9, 0)).due_at == datetime(2024, 6, 1, 1, 0)
    assert plan(customer.id, datetime(2024, 6, 1, 1, 0)).due_at == datetime(2024, 6, 1, 1, 0)
    assert plan(customer.id, "2024-06-01T09:00+08:00").due_at == datetime(2024, 6, 1, 1, 0)


def test_a_plan_for_a_day_is_due_at_nine_local_time(customer):
    item = plan(customer.id, date(2024, 6, 1))
    assert item.due_at == datetime.combine(date(2024, 6, 1), time(9, 0)).astimezone(UTC).replace(
        tzinfo=None
    )


# ------------------------------------------------------------------------ history


def test_each_logged_contact_and_plan_is_in_the_customers_history(customer):
    done = followups.log_contact(
        customer.id,
        channel="phone",
        subject="报价",
        occurred_at=datetime(2024, 5, 14, 2, 0),
        changed_by="alice",
    )
    planned = plan(customer.id, datetime(2024, 6, 1, 1, 0), changed_by="alice")
    followups.reschedule_followup(planned.id, datetime(2024, 6, 2, 1, 0), changed_by="bob")
    rows = list(ChangeLog.select().where(ChangeLog.entity == "followup").order_by(ChangeLog.id))
    logged = {(r.entity_id, r.field): (r.old_value, r.new_value, r.changed_by) for r in rows}
    assert logged[(done.id, "subject")] == (None, "报价", "alice")
    assert logged[(done.id, "status")] == (None, "done", "alice")
    assert logged[(planned.id, "status")] == (None, "planned", "alice")
    assert logged[(planned.id, "due_at")] == ("2024-06-01T01:00:00Z", "2024-06-02T01:00:00Z", "bob")
    assert all(r.customer_id == customer.id for r in rows)


# ---------------------------------------------------------------------- due views


def view_of(customer_id: int, due: datetime, now: datetime) -> str | None:
    """Which due view a plan due at `due` falls in, seen at `now`."""
    item = plan(customer_id, due)
    found = [v for v in followups.VIEWS if item.id in ids(followups.due_followups(v, now=now))]
    followups.cancel_followup(item.id)
    assert len(found) <= 1
    return found[0] if found else None


def test_a_plan_due_a_minute_ago_is_overdue_and_one_due_now_is_today(customer):
    assert view_of(customer.id, sh(2024, 5, 15, 9, 59), WEDNESDAY) == "overdue"
    assert view_of(customer.id, WEDNESDAY, WEDNESDAY) == "today"
    assert view_of(customer.id, sh(2024, 5, 1, 9, 0), WEDNESDAY) == "overdue"


def test_today_ends_at_local_midnight_not_utc_midnight(customer):
    assert view_of(customer.id, sh(2024, 5, 15, 23, 59, 59), WEDNESDAY) == "today"
    assert view_of(customer.id, sh(2024, 5, 16, 0, 0), WEDNESDAY) == "week"
    # 07:00 on Thursday in Shanghai is still Wednesday in UTC: not today.
    assert view_of(customer.id, sh(2024, 5, 16, 7, 0), WEDNESDAY) == "week"


def test_just_before_midnight_a_plan_for_early_tomorrow_is_not_today(customer):
    late_evening = sh(2024, 5, 15, 23, 59, 59)
    assert view_of(customer.id, sh(2024, 5, 16, 0, 0, 1), late_evening) == "week"
    assert view_of(customer.id, sh(2024, 5, 15, 23, 59, 59), late_evening) == "today"


def test_this_week_runs_to_the_end_of_sunday(customer):
    assert view_of(customer.id, sh(2024, 5, 19, 23, 59, 59), WEDNESDAY) == "week"
    assert view_of(customer.id, sh(2024, 5, 20, 0, 0), WEDNESDAY) == "upcoming"


def test_on_sunday_this_week_means_the_coming_monday_to_sunday(customer):
    assert view_of(customer.id, sh(2024, 5, 19, 18, 0), SUNDAY) == "today"
    assert view_of(customer.id, sh(2024, 5, 20, 9, 0), SUNDAY) == "week"
    assert view_of(customer.id, sh(2024, 5, 26, 23, 59), SUNDAY) == "week"
    assert view_of(customer.id, sh(2024, 5, 27, 0, 0), SUNDAY) == "upcoming"


def test_at_the_week_rollover_monday_plans_move_from_week_to_today(customer):
    monday_nine = sh(2024, 5, 20, 9, 0)
    assert view_of(customer.id, monday_nine, sh(2024, 5, 19, 23, 59, 59)) == "week"
    assert view_of(customer.id, monday_nine, sh(2024, 5, 20, 0, 0)) == "today"
    # and the next Sunday is then in this week, the Monday after it upcoming
    assert view_of(customer.id, sh(2024, 5, 26, 12, 0), sh(2024, 5, 20, 0, 0)) == "week"
    assert view_of(customer.id, sh(2024, 5, 27, 12, 0), sh(2024, 5, 20, 0, 0)) == "upcoming"


def test_upcoming_reaches_30_days_ahead_by_default(customer):
    assert view_of(customer.id, sh(2024, 6, 14, 23, 59), WEDNESDAY) == "upcoming"
    assert view_of(customer.id, sh(2024, 6, 15, 0, 0), WEDNESDAY) is None


def test_the_upcoming_horizon_is_a_parameter(customer):
    item = plan(customer.id, sh(2024, 7, 1, 9, 0))
    assert item.id not in ids(followups.due_followups("upcoming", now=WEDNESDAY))
    assert item.id in ids(followups.due_followups("upcoming", now=WEDNESDAY, upcoming_days=60))


def test_the_same_plan_is_in_different_views_in_different_timezones(customer):
    # 2024-05-16 01:00 UTC: Thursday 09:00 in Shanghai, Wednesday 21:00 in New York.
    due = datetime(2024, 5, 16, 1, 0)
    moment = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)
    assert view_of(customer.id, due, moment.astimezone(SHANGHAI)) == "week"
    assert view_of(customer.id, due, moment.astimezone(NEW_YORK)) == "today"


@pytest.mark.skipif(not hasattr(time_module, "tzset"), reason="needs time.tzset (POSIX)")
def test_a_naive_now_is_the_machines_local_time(customer, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time_module.tzset()
    try:
        assert view_of(customer.id, sh(2024, 5, 15, 23, 0), datetime(2024, 5, 15, 10, 0)) == "today"
        assert view_of(customer.id, sh(2024, 5, 16, 1, 0), datetime(2024, 5, 15, 10, 0)) == "week"
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_due_views_list_plans_soonest_first_and_respect_the_limit(customer):
    later = plan(customer.id, sh(2024, 5, 15, 18, 0))
    sooner = plan(customer.id, sh(2024, 5, 15, 11, 0))
    assert ids(followups.due_followups("today", now=WEDNESDAY)) == [sooner.id, later.id]
    assert ids(followups.due_followups("today", now=WEDNESDAY, limit=1)) == [sooner.id]


def test_done_and_cancelled_followups_are_never_due(customer):
    followups.log_contact(customer.id, channel="phone", occurred_at=datetime(2024, 5, 1))
    dropped = plan(customer.id, sh(2024, 5, 1, 9, 0))
    followups.cancel_followup(dropped.id)
    assert followups.due_counts(now=WEDNESDAY) == dict.fromkeys(followups.VIEWS, 0)


def test_plans_of_customers_in_the_trash_are_not_due(customer):
    plan(customer.id, sh(2024, 5, 15, 12, 0))
    customers.trash_customers([customer.id])
    assert followups.due_followups("today", now=WEDNESDAY) == []


def test_the_owner_filter_keeps_that_users_plans(customer, bob):
    mine = plan(customer.id, sh(2024, 5, 15, 12, 0), owner="bob")
    plan(customer.id, sh(2024, 5, 15, 13, 0))  # alice's, the customer's owner
    assert ids(followups.due_followups("today", owner="bob", now=WEDNESDAY)) == [mine.id]
    assert followups.due_counts(owner="bob", now=WEDNESDAY)["today"] == 1
    assert followups.due_counts(owner="alice", now=WEDNESDAY)["today"] == 1


def test_an_unknown_owner_filter_is_refused(customer):
    with pytest.raises(ValidationError) as err:
        followups.due_followups("today", owner="nobody", now=WEDNESDAY)
    assert set(err.value.errors) == {"owner"}


def test_an_unknown_view_is_refused(customer):
    with pytest.raises(ValidationError) as err:
        followups.due_followups("someday", now=WEDNESDAY)
    assert set(err.value.errors) == {"view"}


def test_due_counts_count_each_view(customer):
    plan(customer.id, sh(2024, 5, 14, 9, 0))
    plan(customer.id, sh(2024, 5, 15, 9, 0))
    plan(customer.id, sh(2024, 5, 15, 16, 0))
    plan(customer.id, sh(2024, 5, 17, 9, 0))
    plan(customer.id, sh(2024, 5, 30, 9, 0))
    plan(customer.id, sh(2024, 12, 30, 9, 0))
    assert followups.due_counts(now=WEDNESDAY) == {
        "overdue": 2,
        "today": 1,
        "week": 1,
        "upcoming": 1,
    }


# -------------------------------------------------------------------- next due date


def test_the_next_due_date_follows_the_customers_level_cadence(customer):
    relationship.set_level(customer.id, 3)
    proposed = followups.propose_next_due(customer.id, after=WEDNESDAY)
    assert proposed == utc(sh(2024, 6, 14, 9, 0))  # 30 days later, 09:00 local


def test_without_a_level_the_default_cadence_proposes_the_next_date(customer):
    proposed = followups.propose_next_due(customer.id, after=WEDNESDAY)
    days = relationship.NO_LEVEL_CADENCE_DAYS
    assert proposed == utc(sh(2024, 5, 15, 9, 0) + timedelta(days=days))


def test_a_changed_cadence_changes_the_proposed_date(customer):
    relationship.set_level(customer.id, 5)
    relationship.set_cadence(5, 3)
    assert followups.propose_next_due(customer.id, after=WEDNESDAY) == utc(sh(2024, 5, 18, 9, 0))


def test_a_proposed_date_can_be_planned_as_is(customer):
    relationship.set_level(customer.id, 4)
    due = followups.propose_next_due(customer.id, after=WEDNESDAY)
    assert plan(customer.id, due).due_at == utc(sh(2024, 5, 29, 9, 0))
