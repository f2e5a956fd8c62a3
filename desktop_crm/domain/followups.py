"""Follow-ups (M4): log every contact, plan the next one, list what is due.

A follow-up is either a contact that happened (status ``done``, with ``occurred_at``),
one that is planned (``planned``, with ``due_at``) or a plan given up (``cancelled``).
Every write keeps the customer's ``last_contact_at`` (latest done contact) and
``next_followup_at`` (earliest plan) in step, in the same transaction, and leaves a
line in the customer's history (entity ``followup``). A reminder never goes to the
customer: this is our own to-do list, data only.

Times. The database keeps naive UTC (`models.utcnow()`), and so does every
`FollowUpItem`. Inputs (`occurred_at`, `due_at`, `next_due`) may be timezone-aware
(converted to UTC), naive (taken as UTC, the stored form — so an item's time can be
passed back as is), or a plain `date` (that day at `DEFAULT_DUE_TIME`, local time).
"Today" and "this week" are days of the user's local calendar: the due views take
`now`, aware (its timezone is the user's) or naive local time, default the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from peewee import JOIN, fn

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import ContactPerson, Customer, FollowUp, User, utcnow
from desktop_crm.domain import history, relationship
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import FieldError, clean_choice, clean_text
from desktop_crm.errors import NotFoundError, ValidationError

CHANNELS = ("phone", "visit", "email", "sms", "wechat", "meeting", "other")
VIEWS = ("overdue", "today", "week", "upcoming")
INITIATORS = ("us", "customer")
STATUSES = ("planned", "done", "cancelled")
SUBJECT_MAX = 200
TEXT_MAX = 100_000
DEFAULT_DUE_TIME = time(9, 0)  # a plan for a day without a time: the start of a working day
UPCOMING_DAYS = 30
# A contact is "done" in the past; allow a little clock skew between machines.
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class FollowUpItem:
    """One follow-up as plain values; times as stored (naive UTC)."""

    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    status: str
    channel: str
    initiated_by: str
    subject: str | None
    content: str | None
    outcome: str | None
    occurred_at: datetime | None
    due_at: datetime | None
    owner: str | None  # username
    contact_name: str | None
    contact_id: int | None = None
    planned_from_id: int | None = None


# ------------------------------------------------------------------------------ time


def _to_utc(value: datetime) -> datetime:
    """Aware, or naive *local*, → naive UTC."""
    return value.astimezone(UTC).replace(tzinfo=None)


def _local_now(now: datetime | None) -> datetime:
    """`now` in the user's frame: aware as given, naive as local time, None → the clock."""
    return now if now is not None else datetime.now()


def _local_at(day: date, at: time, tz: Any) -> datetime:
    """`day` at `at` in timezone `tz` (None: the machine's local time), as naive UTC."""
    return _to_utc(datetime.combine(day, at, tzinfo=tz))


def _clean_time(
    value: object,
    field: str,
    errors: dict[str, str],
    *,
    required: bool = False,
    not_future: bool = False,
) -> datetime | None:
    """A stored (naive UTC) time from a datetime, date or ISO text; errors go to `errors`."""
    if value is None or value == "":
        if required:
            errors[field] = text("required")
        return None
    result: datetime | None = None
    if isinstance(value, datetime):
        result = _to_utc(value) if value.tzinfo is not None else value
    elif isinstance(value, date):
        result = _local_at(value, DEFAULT_DUE_TIME, None)
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            parsed = None
        if parsed is not None:
            result = _to_utc(parsed) if parsed.tzinfo is not None else parsed
    if result is None:
        errors[field] = text("bad_date", value=value)
        return None
    if not_future and result > utcnow() + FUTURE_TOLERANCE:
        errors[field] = text("future_date")
        return None
    return result


def view_range(
    view: str, *, now: datetime | None = None, upcoming_days: int = UPCOMING_DAYS
) -> tuple[datetime | None, datetime]:
    """The [start, end) of a due view in stored time (naive UTC); start None = open.

    - ``overdue``: due before `now`;
    - ``today``: from `now` to the end of the local day;
    - ``week``: from tomorrow to the end of this week's Sunday (weeks run Monday to
      Sunday). On a Sunday, when this week has no day left, ``week`` is the coming
      Monday to Sunday, so the view is never empty merely because it is Sunday;
    - ``upcoming``: after that week, up to the end of the local day `upcoming_days`
      days from today.
    """
    if view not in VIEWS:
        raise ValidationError({"view": text("bad_choice", choices=", ".join(VIEWS))})
    local = _local_now(now)
    tz, today = local.tzinfo, local.date()
    now_utc = _to_utc(local)
    tomorrow = _local_at(today + timedelta(days=1), time.min, tz)
    to_monday = 7 - today.weekday()
    if today.weekday() == 6:  # Sunday: show the coming week
        to_monday += 7
    week_end = _local_at(today + timedelta(days=to_monday), time.min, tz)
    horizon = _local_at(today + timedelta(days=upcoming_days + 1), time.min, tz)
    return {
        "overdue": (None, now_utc),
        "today": (now_utc, tomorrow),
        "week": (tomorrow, week_end),
        "upcoming": (week_end, max(week_end, horizon)),
    }[view]


# --------------------------------------------------------------------------- reading


def item_query() -> Any:
    """Follow-ups with their customer, owner and contact names, as `items_of` reads them."""
    return (
        FollowUp.select(
            FollowUp.id,
            FollowUp.customer,
            Customer.code.alias("customer_code"),
            Customer.name.alias("customer_name"),
            FollowUp.status,
            FollowUp.channel,
            FollowUp.initiated_by,
            FollowUp.subject,
            FollowUp.content,
            FollowUp.outcome,
            FollowUp.occurred_at,
            FollowUp.due_at,
            User.username.alias("owner_name"),
            ContactPerson.name.alias("contact_name"),
            FollowUp.contact,
            FollowUp.planned_from,
        )
        .join(Customer, on=(FollowUp.customer == Customer.id))
        .switch(FollowUp)
        .join(User, JOIN.LEFT_OUTER, on=(FollowUp.owner == User.id))
        .switch(FollowUp)
        .join(ContactPerson, JOIN.LEFT_OUTER, on=(FollowUp.contact == ContactPerson.id))
        .where(FollowUp.deleted_at.is_null())
    )


def items_of(query: Any) -> list[FollowUpItem]:
    """Plain items from a query built on `item_query()`."""
    return [
        FollowUpItem(
            id=r["id"],
            customer_id=r["customer"],
            customer_code=r["customer_code"],
            customer_name=r["customer_name"],
            status=r["status"],
            channel=r["channel"],
            initiated_by=r["initiated_by"],
            subject=r["subject"],
            content=r["content"],
            outcome=r["outcome"],
            occurred_at=r["occurred_at"],
            due_at=r["due_at"],
            owner=r["owner_name"],
            contact_name=r["contact_name"],
            contact_id=r["contact"],
            planned_from_id=r["planned_from"],
        )
        for r in query.dicts()
    ]


def get_followup(followup_id: int) -> FollowUpItem:
    """One follow-up as plain data; `NotFoundError` when there is none."""
    found = items_of(item_query().where(FollowUp.id == followup_id))
    if not found:
        raise NotFoundError(text("unknown_followup", value=followup_id))
    return found[0]


def customer_timeline(customer_id: int, *, include_cancelled: bool = False) -> list[FollowUpItem]:
    """A customer's follow-ups: plans (soonest first), then contacts (newest first).

    Cancelled plans are left out unless `include_cancelled`; they come last, newest first.
    """
    if not Customer.select().where(Customer.id == customer_id).exists():
        raise NotFoundError(text("unknown_customer", value=customer_id))
    base = item_query().where(FollowUp.customer == customer_id)
    planned = base.where(FollowUp.status == "planned").order_by(FollowUp.due_at, FollowUp.id)
    done = base.where(FollowUp.status == "done").order_by(
        FollowUp.occurred_at.desc(), FollowUp.id.desc()
    )
    result = items_of(planned) + items_of(done)
    if include_cancelled:
        cancelled = base.where(FollowUp.status == "cancelled").order_by(
            FollowUp.due_at.desc(), FollowUp.id.desc()
        )
        result += items_of(cancelled)
    return result


def _user_id(owner: object) -> int:
    """The id of the user named `owner` (a username, or an id); ValidationError if none."""
    if isinstance(owner, int) and not isinstance(owner, bool):
        user = User.get_or_none(User.id == owner)
    else:
        user = User.get_or_none(User.username == str(owner).strip())
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return user.id


def _due_query(view: str, owner: str | None, now: datetime | None, upcoming_days: int) -> Any:
    start, end = view_range(view, now=now, upcoming_days=upcoming_days)
    condition = (
        (FollowUp.status == "planned")
        & FollowUp.deleted_at.is_null()
        & Customer.deleted_at.is_null()
        & (FollowUp.due_at < end)
    )
    if start is not None:
        condition &= FollowUp.due_at >= start
    if owner is not None:
        condition &= FollowUp.owner == _user_id(owner)
    return condition


def due_followups(
    view: str,
    *,
    owner: str | None = None,
    now: datetime | None = None,
    limit: int | None = None,
    upcoming_days: int = UPCOMING_DAYS,
) -> list[FollowUpItem]:
    """Planned follow-ups in one view (see `view_range`), soonest first.

    Only plans of customers outside the trash; `owner` (a username) keeps that user's
    plans; `now` fixes the moment (aware, or naive local time), default the clock.
    """
    query = (
        item_query()
        .where(_due_query(view, owner, now, upcoming_days))
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return items_of(query)


def due_counts(
    *, owner: str | None = None, now: datetime | None = None, upcoming_days: int = UPCOMING_DAYS
) -> dict[str, int]:
    """How many planned follow-ups each view holds: {"overdue": n, "today": n, …}."""
    local = _local_now(now)  # one moment for all four views
    return {
        view: FollowUp.select(fn.COUNT(FollowUp.id))
        .join(Customer, on=(FollowUp.customer == Customer.id))
        .where(_due_query(view, owner, local, upcoming_days))
        .scalar()
        for view in VIEWS
    }


def propose_next_due(customer_id: int, *, after: datetime | None = None) -> datetime:
    """When to contact the customer next: their level's cadence after `after`.

    The cadence comes from `relationship.cadence_days` (the default cadence when the
    customer has no level); the proposal is that local day at `DEFAULT_DUE_TIME`,
    returned as stored (naive UTC), ready for `plan_followup`. `after` is aware or
    naive local time, default now.
    """
    customer = _live_customer(customer_id)
    local = _local_now(after)
    day = local.date() + timedelta(days=relationship.cadence_days(customer.relationship_level))
    return _local_at(day, DEFAULT_DUE_TIME, local.tzinfo)


# --------------------------------------------------------------------------- writing


def _live_customer(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    return row


def _field(errors: dict[str, str], field: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return check(*args, **kwargs)
    except FieldError as exc:
        errors[field] = exc.reason
        return None


def _contact_id(customer_id: int, contact_id: object, errors: dict[str, str]) -> int | None:
    if contact_id in (None, ""):
        return None
    found = ContactPerson.get_or_none(
        (ContactPerson.id == contact_id)
        & (ContactPerson.customer == customer_id)
        & ContactPerson.deleted_at.is_null()
    )
    if found is None:
        errors["contact_id"] = text("unknown_contact", value=contact_id)
        return None
    return found.id


def _owner_or_default(owner: object, customer: Customer, errors: dict[str, str]) -> int | None:
    if owner in (None, ""):
        return customer.owner_id
    try:
        return _user_id(owner)
    except ValidationError as exc:
        errors.update(exc.errors)
        return None


def refresh_summary(customer_id: int) -> None:
    """Recompute the customer's last contact and next follow-up from the follow-ups."""
    refresh_summaries([customer_id])


def refresh_summaries(customer_ids: Iterable[int]) -> None:
    """`refresh_summary` for many customers, one statement per 500 of them."""
    ids = list(customer_ids)
    of_customer = (FollowUp.customer == Customer.id) & FollowUp.deleted_at.is_null()
    last = FollowUp.select(fn.MAX(FollowUp.occurred_at)).where(
        of_customer & (FollowUp.status == "done")
    )
    upcoming = FollowUp.select(fn.MIN(FollowUp.due_at)).where(
        of_customer & (FollowUp.status == "planned")
    )
    for start in range(0, len(ids), 500):
        # Derived data: no version bump, so an open edit of the customer does not conflict.
        Customer.update(last_contact_at=last, next_followup_at=upcoming).where(
            Customer.id.in_(ids[start : start + 500])
        ).execute()


def _create_plan(
    customer: Customer,
    *,
    due_at: datetime,
    subject: str,
    channel: str,
    owner_id: int | None,
    contact_id: int | None,
    content: str | None,
    planned_from: int | None,
    changed_by: str | None,
) -> FollowUp:
    plan = FollowUp.create(
        customer=customer.id,
        contact=contact_id,
        owner=owner_id,
        status="planned",
        channel=channel,
        initiated_by="us",
        subject=subject,
        content=content,
        due_at=due_at,
        planned_from=planned_from,
    )
    history.record(
        customer.id,
        "create",
        [
            ("status", None, "planned"),
            ("channel", None, channel),
            ("subject", None, subject),
            ("due_at", None, due_at),
        ],
        changed_by=changed_by,
        entity="followup",
        entity_id=plan.id,
    )
    return plan


def _next_plan_fields(
    next_due: object, next_subject: object, fallback: str | None, errors: dict[str, str]
) -> tuple[datetime | None, str]:
    due = _clean_time(next_due, "next_due", errors)
    subject = _field(errors, "next_subject", clean_text, next_subject, max_length=SUBJECT_MAX)
    return due, subject or fallback or text("default_followup_subject")


def log_contact(
    customer_id: int,
    *,
    channel: str,
    subject: str | None = None,
    content: str | None = None,
    outcome: str | None = None,
    occurred_at: datetime | date | str | None = None,
    contact_id: int | None = None,
    owner: str | None = None,
    initiated_by: str = "us",
    next_due: datetime | date | str | None = None,
    next_subject: str | None = None,
    changed_by: str | None = None,
) -> FollowUpItem:
    """Record a contact that happened and, with `next_due`, plan the next one.

    Both are written in one transaction. `occurred_at` defaults to now and may not be in
    the future; `owner` (a username) defaults to the customer's owner; `initiated_by` is
    "us" or "customer". The next plan keeps the channel, contact and owner, and takes
    `next_subject` (default: this contact's subject). Raises `ValidationError` naming each
    bad field, `NotFoundError` for an unknown customer or one in the trash.
    """
    errors: dict[str, str] = {}
    channel = _field(errors, "channel", clean_choice, channel, CHANNELS, required=True)
    initiated_by = _field(
        errors, "initiated_by", clean_choice, initiated_by, INITIATORS, required=True
    )
    subject = _field(errors, "subject", clean_text, subject, max_length=SUBJECT_MAX)
    content = _field(errors, "content", clean_text, content, max_length=TEXT_MAX, multiline=True)
    outcome = _field(errors, "outcome", clean_text, outcome, max_length=TEXT_MAX, multiline=True)
    when = _clean_time(occurred_at, "occurred_at", errors, not_future=True) or utcnow()
    next_at, next_title = _next_plan_fields(next_due, next_subject, subject, errors)
    with write_transaction():
        customer = _live_customer(customer_id)
        contact = _contact_id(customer.id, contact_id, errors)
        owner_id = _owner_or_default(owner, customer, errors)
        if errors:
            raise ValidationError(errors)
        done = FollowUp.create(
            customer=customer.id,
            contact=contact,
            owner=owner_id,
            status="done",
            channel=channel,
            initiated_by=initiated_by,
            subject=subject,
            content=content,
            outcome=outcome,
            occurred_at=when,
        )
        history.record(
            customer.id,
            "create",
            [
                ("status", None, "done"),
                ("channel", None, channel),
                ("subject", None, subject),
                ("occurred_at", None, when),
            ],
            changed_by=changed_by,
            entity="followup",
            entity_id=done.id,
        )
        if next_at is not None:
            _create_plan(
                customer,
                due_at=next_at,
                subject=next_title,
                channel=channel,
                owner_id=owner_id,
                contact_id=contact,
                content=None,
                planned_from=done.id,
                changed_by=changed_by,
            )
        refresh_summary(customer.id)
    return get_followup(done.id)


def plan_followup(
    customer_id: int,
    due_at: datetime | date | str | None,
    *,
    subject: str,
    channel: str = "phone",
    owner: str | None = None,
    contact_id: int | None = None,
    content: str | None = None,
    changed_by: str | None = None,
) -> FollowUpItem:
    """Plan a follow-up for `due_at` (what to do: `subject`, required).

    `owner` (a username) defaults to the customer's owner. A due time in the past is
    allowed (the plan is overdue at once). Raises `ValidationError` naming each bad field,
    `NotFoundError` for an unknown customer or one in the trash.
    """
    errors: dict[str, str] = {}
    due = _clean_time(due_at, "due_at", errors, required=True)
    subject = _field(errors, "subject", clean_text, subject, max_length=SUBJECT_MAX, required=True)
    channel = _field(errors, "channel", clean_choice, channel, CHANNELS, required=True)
    content = _field(errors, "content", clean_text, content, max_length=TEXT_MAX, multiline=True)
    with write_transaction():
        customer = _live_customer(customer_id)
        contact = _contact_id(customer.id, contact_id, errors)
        owner_id = _owner_or_default(owner, customer, errors)
        if errors:
            raise ValidationError(errors)
        plan = _create_plan(
            customer,
            due_at=due,
            subject=subject,
            channel=channel,
            owner_id=owner_id,
            contact_id=contact,
            content=content,
            planned_from=None,
            changed_by=changed_by,
        )
        refresh_summary(customer.id)
    return get_followup(plan.id)


def _planned(followup_id: int) -> tuple[FollowUp, Customer]:
    row = FollowUp.get_or_none((FollowUp.id == followup_id) & FollowUp.deleted_at.is_null())
    if row is None:
        raise NotFoundError(text("unknown_followup", value=followup_id))
    customer = _live_customer(row.customer_id)
    if row.status != "planned":
        raise ValidationError({"status": text("not_planned", value=followup_id)})
    return row, customer


def complete_followup(
    followup_id: int,
    *,
    outcome: str | None = None,
    content: str | None = None,
    occurred_at: datetime | date | str | None = None,
    initiated_by: str | None = None,
    next_due: datetime | date | str | None = None,
    next_subject: str | None = None,
    changed_by: str | None = None,
) -> FollowUpItem:
    """Mark a planned follow-up done (at `occurred_at`, default now) and maybe plan the next.

    `content` replaces the plan's notes when given. The next plan (with `next_due`) keeps
    channel, contact and owner and is linked to this one. Raises `ValidationError` when
    the follow-up is not planned (field ``status``) or a field is bad, `NotFoundError`
    when it does not exist or its customer is in the trash.
    """
    errors: dict[str, str] = {}
    outcome = _field(errors, "outcome", clean_text, outcome, max_length=TEXT_MAX, multiline=True)
    content = _field(errors, "content", clean_text, content, max_length=TEXT_MAX, multiline=True)
    who = None
    if initiated_by is not None:
        who = _field(errors, "initiated_by", clean_choice, initiated_by, INITIATORS, required=True)
    when = _clean_time(occurred_at, "occurred_at", errors, not_future=True) or utcnow()
    with write_transaction():
        row, customer = _planned(followup_id)
        next_at, next_title = _next_plan_fields(next_due, next_subject, row.subject, errors)
        if errors:
            raise ValidationError(errors)
        changes: dict[str, Any] = {"status": "done", "occurred_at": when, "outcome": outcome}
        if content is not None:
            changes["content"] = content
        if who is not None:
            changes["initiated_by"] = who
        FollowUp.update(updated_at=utcnow(), **changes).where(FollowUp.id == row.id).execute()
        history.record(
            customer.id,
            "update",
            [("status", "planned", "done"), ("occurred_at", None, when)],
            changed_by=changed_by,
            entity="followup",
            entity_id=row.id,
        )
        if next_at is not None:
            _create_plan(
                customer,
                due_at=next_at,
                subject=next_title,
                channel=row.channel,
                owner_id=row.owner_id,
                contact_id=row.contact_id,
                content=None,
                planned_from=row.id,
                changed_by=changed_by,
            )
        refresh_summary(customer.id)
    return get_followup(followup_id)


def reschedule_followup(
    followup_id: int, due_at: datetime | date | str | None, *, changed_by: str | None = None
) -> FollowUpItem:
    """Move a planned follow-up to `due_at`; the old and new times go to the history."""
    errors: dict[str, str] = {}
    due = _clean_time(due_at, "due_at", errors, required=True)
    with write_transaction():
        row, customer = _planned(followup_id)
        if errors:
            raise ValidationError(errors)
        if due != row.due_at:
            FollowUp.update(due_at=due, reminded_at=None, updated_at=utcnow()).where(
                FollowUp.id == row.id
            ).execute()
            history.record(
                customer.id,
                "update",
                [("due_at", row.due_at, due)],
                changed_by=changed_by,
                entity="followup",
                entity_id=row.id,
            )
            refresh_summary(customer.id)
    return get_followup(followup_id)


def cancel_followup(followup_id: int, *, changed_by: str | None = None) -> FollowUpItem:
    """Give up a planned follow-up (kept, status ``cancelled``, out of the due views)."""
    with write_transaction():
        row, customer = _planned(followup_id)
        FollowUp.update(status="cancelled", updated_at=utcnow()).where(
            FollowUp.id == row.id
        ).execute()
        history.record(
            customer.id,
            "update",
            [("status", "planned", "cancelled")],
            changed_by=changed_by,
            entity="followup",
            entity_id=row.id,
        )
        refresh_summary(customer.id)
    return get_followup(followup_id)


def open_followup_count(customer_id: int) -> int:
    """How many planned (not yet done or cancelled) follow-ups the customer has."""
    return (
        FollowUp.select()
        .where(
            (FollowUp.customer == customer_id)
            & FollowUp.deleted_at.is_null()
            & (FollowUp.status == "planned")
        )
        .count()
    )


def cancel_open_followups(customer_id: int, *, changed_by: str | None = None) -> int:
    """Cancel every planned follow-up of the customer (e.g. when the relationship ends).

    One history line per plan, like `cancel_followup`; returns how many were cancelled.
    """
    with write_transaction():
        ids = [
            row.id
            for row in FollowUp.select(FollowUp.id).where(
                (FollowUp.customer == customer_id)
                & FollowUp.deleted_at.is_null()
                & (FollowUp.status == "planned")
            )
        ]
        if not ids:
            return 0
        FollowUp.update(status="cancelled", updated_at=utcnow()).where(
            FollowUp.id.in_(ids)
        ).execute()
        for followup_id in ids:
            history.record(
                customer_id,
                "update",
                [("status", "planned", "cancelled")],
                changed_by=changed_by,
                entity="followup",
                entity_id=followup_id,
            )
        refresh_summary(customer_id)
    return len(ids)
