"""Complaints, feedback and satisfaction (M7).

Complaints. Each has a severity (low, medium, high, critical) and moves through
open → in_progress → resolved → closed. Allowed moves (anything else is refused):

- open → in_progress (someone took it up), open → resolved (settled at first contact);
- in_progress → resolved (a resolution text is required);
- resolved → closed (the customer confirmed, or the matter rests);
- resolved → in_progress (reopened: the customer was not satisfied).

A complaint must be *answered* by its response deadline (``respond_by`` = opened_at + the
response hours of its severity; defaults 168 / 72 / 24 / 4 hours, Setting
``complaint_response_hours``). It is **overdue** while it is still ``open`` (nobody has
taken it up) after that deadline. A complaint is **unresolved** while it is open or in
progress; unresolved complaints feed the churn warning.

Surveys record satisfaction (1–5) and/or NPS (0–10). **Falling satisfaction**: the
latest survey is compared with the average of the (up to) three surveys before it; it is
falling when satisfaction dropped by at least 1 point, or NPS by at least 2 points
(`SATISFACTION_DROP`, `NPS_DROP`). One survey alone never counts as falling.

Every write leaves a line in the customer's history (entity ``complaint`` / ``survey``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from peewee import JOIN, Case, fn

from desktop_crm.db import dialect
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Complaint, Customer, Survey, User, utcnow
from desktop_crm.domain import history, settings
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import (
    FieldError,
    clean_choice,
    clean_int,
    clean_text,
    parse_date,
)
from desktop_crm.errors import NotFoundError, ValidationError

SEVERITIES = ("low", "medium", "high", "critical")
COMPLAINT_STATUSES = ("open", "in_progress", "resolved", "closed")
UNRESOLVED = ("open", "in_progress")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("in_progress", "resolved"),
    "in_progress": ("resolved",),
    "resolved": ("closed", "in_progress"),
    "closed": (),
}
COMPLAINT_CATEGORIES = ("quality", "delivery", "service", "billing", "other")
DEFAULT_RESPONSE_HOURS = {"low": 168, "medium": 72, "high": 24, "critical": 4}
RESPONSE_HOURS_SETTING = "complaint_response_hours"  # {"high": 12, …}
MAX_RESPONSE_HOURS = 24 * 365
SATISFACTION_DROP = 1.0  # points on the 1–5 scale
NPS_DROP = 2.0  # points on the 0–10 scale
TREND_WINDOW = 3  # earlier surveys the latest one is compared with
TEXT_MAX = 100_000


@dataclass(frozen=True)
class ComplaintItem:
    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    opened_at: datetime  # UTC
    severity: str
    category: str | None
    description: str
    status: str
    respond_by: datetime | None  # UTC
    resolved_at: datetime | None
    resolution: str | None
    owner: str | None  # username
    overdue: bool


@dataclass(frozen=True)
class SurveyItem:
    id: int
    customer_id: int
    surveyed_on: date
    satisfaction: int | None
    nps: int | None
    comments: str | None


@dataclass(frozen=True)
class SatisfactionTrend:
    """A customer's surveys over time and whether satisfaction is falling."""

    surveys: list[SurveyItem]  # oldest first
    average_satisfaction: float | None
    average_nps: float | None
    latest_satisfaction: int | None
    latest_nps: int | None
    previous_satisfaction: float | None  # average of up to three surveys before the latest
    previous_nps: float | None
    falling: bool


@dataclass(frozen=True)
class FallingSatisfaction:
    """Why a customer's satisfaction counts as falling (the numbers compared)."""

    customer_id: int
    latest_satisfaction: int | None
    previous_satisfaction: float | None
    latest_nps: int | None
    previous_nps: float | None


# ------------------------------------------------------------------------------ settings


def response_hours() -> dict[str, int]:
    """Hours to answer a complaint, per severity (defaults overridden by the Setting)."""
    stored = settings.stored(RESPONSE_HOURS_SETTING)
    stored = stored if isinstance(stored, dict) else {}
    result = dict(DEFAULT_RESPONSE_HOURS)
    for severity, hours in stored.items():
        if severity in result and isinstance(hours, int) and 1 <= hours <= MAX_RESPONSE_HOURS:
            result[severity] = hours
    return result


def set_response_hours(severity: str, hours: int) -> None:
    """Change the response deadline of one severity (hours after the complaint is opened)."""
    errors: dict[str, str] = {}
    _check(errors, "severity", clean_choice, severity, SEVERITIES, required=True)
    if (
        not isinstance(hours, int)
        or isinstance(hours, bool)
        or not (1 <= hours <= MAX_RESPONSE_HOURS)
    ):
        errors["hours"] = text("bad_range", low=1, high=MAX_RESPONSE_HOURS)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        stored = settings.stored(RESPONSE_HOURS_SETTING)
        stored = dict(stored) if isinstance(stored, dict) else {}
        stored[severity] = hours
        settings.store(RESPONSE_HOURS_SETTING, stored)


def respond_by(opened_at: datetime, severity: str) -> datetime:
    """The response deadline of a complaint opened at `opened_at` (UTC) with `severity`."""
    return opened_at + timedelta(hours=response_hours()[severity])


# ------------------------------------------------------------------------------ helpers


def _check(errors: dict[str, str], field: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return check(*args, **kwargs)
    except FieldError as exc:
        errors[field] = exc.reason
        return None


def _live_customer(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    return row


def _user_id(owner: object, errors: dict[str, str]) -> int | None:
    if owner in (None, ""):
        return None
    cond = User.id == owner if isinstance(owner, int) else User.username == str(owner).strip()
    user = User.get_or_none(cond)
    if user is None:
        errors["owner"] = text("unknown_owner", value=owner)
        return None
    return user.id


def _utc(value: object, field: str, errors: dict[str, str]) -> datetime | None:
    """A stored time (naive UTC) from a datetime (aware, or naive UTC) or a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _to_utc(value)
    if isinstance(value, date):  # the start of that local day
        return _to_utc(datetime.combine(value, time.min).astimezone())
    try:
        return _to_utc(datetime.fromisoformat(str(value).strip()))
    except ValueError:
        errors[field] = text("bad_date", value=value)
        return None


def _to_utc(value: datetime) -> datetime:
    """Aware → naive UTC; naive is taken as UTC already (the stored form)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


# ---------------------------------------------------------------------------- complaints


def _complaint_query() -> Any:
    return (
        Complaint.select(
            Complaint,
            Customer.code.alias("customer_code"),
            Customer.name.alias("customer_name"),
            User.username.alias("owner_name"),
        )
        .join(Customer, on=(Complaint.customer == Customer.id))
        .switch(Complaint)
        .join(User, JOIN.LEFT_OUTER, on=(Complaint.owner == User.id))
        .where(Complaint.deleted_at.is_null())
    )


def _complaint_items(query: Any, now: datetime) -> list[ComplaintItem]:
    return [
        ComplaintItem(
            id=r["id"],
            customer_id=r["customer"],
            customer_code=r["customer_code"],
            customer_name=r["customer_name"],
            opened_at=r["opened_at"],
            severity=r["severity"],
            category=r["category"],
            description=r["description"],
            status=r["status"],
            respond_by=r["respond_by"],
            resolved_at=r["resolved_at"],
            resolution=r["resolution"],
            owner=r["owner_name"],
            overdue=_is_overdue(r["status"], r["respond_by"], now),
        )
        for r in query.dicts()
    ]


def _is_overdue(status: str, deadline: datetime | None, now: datetime) -> bool:
    return status == "open" and deadline is not None and deadline < now


def get_complaint(complaint_id: int, *, now: datetime | None = None) -> ComplaintItem:
    """One complaint as plain data; `NotFoundError` if there is none (or it was deleted)."""
    found = _complaint_items(
        _complaint_query().where(Complaint.id == complaint_id), now or utcnow()
    )
    if not found:
        raise NotFoundError(text("unknown_complaint", value=complaint_id))
    return found[0]


def customer_complaints(customer_id: int, *, now: datetime | None = None) -> list[ComplaintItem]:
    """A customer's complaints, newest first."""
    query = (
        _complaint_query()
        .where(Complaint.customer == customer_id)
        .order_by(Complaint.opened_at.desc(), Complaint.id.desc())
    )
    return _complaint_items(query, now or utcnow())


def open_complaint(
    customer_id: int,
    description: str,
    *,
    severity: str = "medium",
    category: str | None = None,
    opened_at: datetime | date | str | None = None,
    owner: str | None = None,
    changed_by: str | None = None,
) -> ComplaintItem:
    """Record a new complaint (status ``open``) with its response deadline by severity.

    `opened_at` (default now) is aware or naive UTC; `owner` (a username) defaults to the
    customer's owner. Raises `ValidationError` naming each bad field.
    """
    errors: dict[str, str] = {}
    description = _check(
        errors,
        "description",
        clean_text,
        description,
        max_length=TEXT_MAX,
        required=True,
        multiline=True,
    )
    severity = _check(errors, "severity", clean_choice, severity, SEVERITIES, required=True)
    category = _check(errors, "category", clean_choice, category, COMPLAINT_CATEGORIES)
    when = _utc(opened_at, "opened_at", errors) or utcnow()
    with write_transaction():
        customer = _live_customer(customer_id)
        owner_id = _user_id(owner, errors) if owner not in (None, "") else customer.owner_id
        if errors:
            raise ValidationError(errors)
        row = Complaint.create(
            customer=customer.id,
            opened_at=when,
            severity=severity,
            category=category,
            description=description,
            status="open",
            respond_by=respond_by(when, severity),
            owner=owner_id,
        )
        history.record(
            customer.id,
            "create",
            [
                ("status", None, "open"),
                ("severity", None, severity),
                ("description", None, description),
            ],
            changed_by=changed_by,
            entity="complaint",
            entity_id=row.id,
        )
    return get_complaint(row.id)


def _live_complaint(complaint_id: int) -> Complaint:
    row = Complaint.get_or_none((Complaint.id == complaint_id) & Complaint.deleted_at.is_null())
    if row is None:
        raise NotFoundError(text("unknown_complaint", value=complaint_id))
    return row


def update_complaint(
    complaint_id: int, changes: Mapping[str, Any], *, changed_by: str | None = None
) -> ComplaintItem:
    """Change a complaint's description, severity, category, owner or resolution text.

    A new severity moves the response deadline (counted from when it was opened).
    Status changes go through `set_complaint_status`.
    """
    allowed = ("description", "severity", "category", "owner", "resolution")
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name in changes:
        if name not in allowed:
            errors[name] = text("not_editable")
    if "description" in changes:
        clean["description"] = _check(
            errors,
            "description",
            clean_text,
            changes["description"],
            max_length=TEXT_MAX,
            required=True,
            multiline=True,
        )
    if "severity" in changes:
        clean["severity"] = _check(
            errors, "severity", clean_choice, changes["severity"], SEVERITIES, required=True
        )
    if "category" in changes:
        clean["category"] = _check(
            errors, "category", clean_choice, changes["category"], COMPLAINT_CATEGORIES
        )
    if "resolution" in changes:
        clean["resolution"] = _check(
            errors,
            "resolution",
            clean_text,
            changes["resolution"],
            max_length=TEXT_MAX,
            multiline=True,
        )
    with write_transaction():
        row = _live_complaint(complaint_id)
        if "owner" in changes:
            clean["owner"] = _user_id(changes["owner"], errors)
        if errors:
            raise ValidationError(errors)
        if "severity" in clean:
            clean["respond_by"] = respond_by(row.opened_at, clean["severity"])
        diffs = []
        for name, value in clean.items():
            old = getattr(row, f"{name}_id") if name == "owner" else getattr(row, name)
            if old != value:
                diffs.append((name, old, value))
        if diffs:
            Complaint.update(updated_at=utcnow(), **clean).where(Complaint.id == row.id).execute()
            history.record(
                row.customer_id,
                "update",
                diffs,
                changed_by=changed_by,
                entity="complaint",
                entity_id=row.id,
            )
    return get_complaint(complaint_id)


def set_complaint_status(
    complaint_id: int,
    status: str,
    *,
    resolution: str | None = None,
    when: datetime | None = None,
    changed_by: str | None = None,
) -> ComplaintItem:
    """Move a complaint along its flow (see the module docstring); others are refused.

    Resolving needs a `resolution` (given now or already written) and stamps
    ``resolved_at`` (`when`, default now); reopening clears it. Raises `ValidationError`
    (field ``status``) for a move the flow does not allow.
    """
    errors: dict[str, str] = {}
    status = _check(errors, "status", clean_choice, status, COMPLAINT_STATUSES, required=True)
    resolution = _check(
        errors, "resolution", clean_text, resolution, max_length=TEXT_MAX, multiline=True
    )
    with write_transaction():
        row = _live_complaint(complaint_id)
        if status is not None and status not in TRANSITIONS[row.status]:
            errors["status"] = text(
                "bad_transition",
                old=text(f"complaint_{row.status}"),
                new=text(f"complaint_{status}"),
            )
        resolution = resolution or row.resolution
        if status == "resolved" and not resolution:
            errors["resolution"] = text("required")
        if errors:
            raise ValidationError(errors)
        changes: dict[str, Any] = {"status": status}
        if status == "resolved":
            changes["resolved_at"] = _to_utc(when) if when else utcnow()
            changes["resolution"] = resolution
        elif status == "in_progress" and row.status == "resolved":
            changes["resolved_at"] = None
        Complaint.update(updated_at=utcnow(), **changes).where(Complaint.id == row.id).execute()
        diffs = [("status", row.status, status)]
        if changes.get("resolution") != row.resolution and "resolution" in changes:
            diffs.append(("resolution", row.resolution, resolution))
        history.record(
            row.customer_id,
            "update",
            diffs,
            changed_by=changed_by,
            entity="complaint",
            entity_id=row.id,
        )
    return get_complaint(complaint_id)


def delete_complaint(complaint_id: int, *, changed_by: str | None = None) -> None:
    """Remove a complaint entered by mistake (kept as a tombstone, out of every view)."""
    with write_transaction():
        row = _live_complaint(complaint_id)
        Complaint.update(deleted_at=utcnow(), updated_at=utcnow()).where(
            Complaint.id == row.id
        ).execute()
        history.record(
            row.customer_id, "trash", changed_by=changed_by, entity="complaint", entity_id=row.id
        )


def _overdue_condition(now: datetime, owner: str | None) -> Any:
    condition = (
        Complaint.deleted_at.is_null()
        & Customer.deleted_at.is_null()
        & (Complaint.status == "open")
        & (Complaint.respond_by < now)
    )
    if owner is not None:
        errors: dict[str, str] = {}
        owner_id = _user_id(owner, errors)
        if errors:
            raise ValidationError(errors)
        condition &= Complaint.owner == owner_id
    return condition


def overdue_complaints(
    *, now: datetime | None = None, owner: str | None = None, limit: int | None = None
) -> list[ComplaintItem]:
    """Complaints nobody has answered by their deadline, most overdue first."""
    moment = now or utcnow()
    query = (
        _complaint_query()
        .where(_overdue_condition(moment, owner))
        .order_by(Complaint.respond_by, Complaint.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return _complaint_items(query, moment)


def overdue_complaint_count(*, now: datetime | None = None, owner: str | None = None) -> int:
    """How many complaints are past their response deadline and still unanswered."""
    return (
        Complaint.select(fn.COUNT(Complaint.id))
        .join(Customer, on=(Complaint.customer == Customer.id))
        .where(_overdue_condition(now or utcnow(), owner))
        .scalar()
    )


def unresolved_complaint_counts(customer_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Unresolved (open or in progress) complaints per customer, for those that have any."""
    condition = Complaint.deleted_at.is_null() & Complaint.status.in_(UNRESOLVED)
    if customer_ids is not None:
        ids = list(customer_ids)
        if not ids:
            return {}
        condition &= Complaint.customer.in_(ids)
    query = (
        Complaint.select(Complaint.customer, fn.COUNT(Complaint.id))
        .where(condition)
        .group_by(Complaint.customer)
        .tuples()
    )
    return dict(query)


# ------------------------------------------------------------------------------- surveys


def _survey_item(row: Survey) -> SurveyItem:
    return SurveyItem(
        row.id, row.customer_id, row.surveyed_on, row.satisfaction, row.nps, row.comments
    )


def _clean_survey(data: Mapping[str, Any], errors: dict[str, str], *, partial: bool) -> dict:
    clean: dict[str, Any] = {}
    if "surveyed_on" in data or not partial:
        clean["surveyed_on"] = _check(
            errors,
            "surveyed_on",
            parse_date,
            data.get("surveyed_on") or date.today(),
            not_future=True,
        )
    if "satisfaction" in data:
        clean["satisfaction"] = _check(
            errors, "satisfaction", clean_int, data["satisfaction"], 1, 5
        )
    if "nps" in data:
        clean["nps"] = _check(errors, "nps", clean_int, data["nps"], 0, 10)
    if "comments" in data:
        clean["comments"] = _check(
            errors, "comments", clean_text, data["comments"], max_length=TEXT_MAX, multiline=True
        )
    return clean


def record_survey(
    customer_id: int,
    *,
    satisfaction: int | None = None,
    nps: int | None = None,
    surveyed_on: date | str | None = None,
    comments: str | None = None,
    changed_by: str | None = None,
) -> SurveyItem:
    """Record a satisfaction survey: 1–5 satisfaction and/or 0–10 NPS (at least one)."""
    errors: dict[str, str] = {}
    clean = _clean_survey(
        {
            "surveyed_on": surveyed_on,
            "satisfaction": satisfaction,
            "nps": nps,
            "comments": comments,
        },
        errors,
        partial=False,
    )
    if clean.get("satisfaction") is None and clean.get("nps") is None and not errors:
        errors["satisfaction"] = text("survey_needs_score")
    with write_transaction():
        customer = _live_customer(customer_id)
        if errors:
            raise ValidationError(errors)
        row = Survey.create(customer=customer.id, **clean)
        history.record(
            customer.id,
            "create",
            [("satisfaction", None, clean["satisfaction"]), ("nps", None, clean["nps"])],
            changed_by=changed_by,
            entity="survey",
            entity_id=row.id,
        )
    return _survey_item(Survey.get_by_id(row.id))


def update_survey(
    survey_id: int, changes: Mapping[str, Any], *, changed_by: str | None = None
) -> SurveyItem:
    """Correct a survey (date, scores, comments); a survey keeps at least one score."""
    errors: dict[str, str] = {}
    clean = _clean_survey(changes, errors, partial=True)
    with write_transaction():
        row = Survey.get_or_none((Survey.id == survey_id) & Survey.deleted_at.is_null())
        if row is None:
            raise NotFoundError(text("unknown_survey", value=survey_id))
        after = {"satisfaction": row.satisfaction, "nps": row.nps, **clean}
        if after["satisfaction"] is None and after["nps"] is None and not errors:
            errors["satisfaction"] = text("survey_needs_score")
        if errors:
            raise ValidationError(errors)
        diffs = [(k, getattr(row, k), v) for k, v in clean.items() if getattr(row, k) != v]
        if diffs:
            Survey.update(updated_at=utcnow(), **clean).where(Survey.id == row.id).execute()
            history.record(
                row.customer_id,
                "update",
                diffs,
                changed_by=changed_by,
                entity="survey",
                entity_id=row.id,
            )
    return _survey_item(Survey.get_by_id(survey_id))


def delete_survey(survey_id: int, *, changed_by: str | None = None) -> None:
    """Remove a survey entered by mistake."""
    with write_transaction():
        row = Survey.get_or_none((Survey.id == survey_id) & Survey.deleted_at.is_null())
        if row is None:
            raise NotFoundError(text("unknown_survey", value=survey_id))
        Survey.update(deleted_at=utcnow(), updated_at=utcnow()).where(Survey.id == row.id).execute()
        history.record(
            row.customer_id, "trash", changed_by=changed_by, entity="survey", entity_id=row.id
        )


def customer_surveys(customer_id: int) -> list[SurveyItem]:
    """A customer's surveys, oldest first."""
    query = (
        Survey.select()
        .where((Survey.customer == customer_id) & Survey.deleted_at.is_null())
        .order_by(Survey.surveyed_on, Survey.id)
    )
    return [_survey_item(row) for row in query]


def _mean(values: list[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def is_falling(
    latest_satisfaction: int | None,
    previous_satisfaction: float | None,
    latest_nps: int | None,
    previous_nps: float | None,
) -> bool:
    """The falling-satisfaction rule (see the module docstring), on the numbers compared."""
    if (
        latest_satisfaction is not None
        and previous_satisfaction is not None
        and (previous_satisfaction - latest_satisfaction >= SATISFACTION_DROP)
    ):
        return True
    return (
        latest_nps is not None
        and previous_nps is not None
        and previous_nps - latest_nps >= NPS_DROP
    )


def satisfaction_trend(customer_id: int) -> SatisfactionTrend:
    """A customer's surveys over time, their averages, and whether satisfaction is falling."""
    surveys = customer_surveys(customer_id)
    latest = surveys[-1] if surveys else None
    before = surveys[-1 - TREND_WINDOW : -1] if surveys else []
    previous_sat = _mean([s.satisfaction for s in before])
    previous_nps = _mean([s.nps for s in before])
    return SatisfactionTrend(
        surveys=surveys,
        average_satisfaction=_mean([s.satisfaction for s in surveys]),
        average_nps=_mean([s.nps for s in surveys]),
        latest_satisfaction=latest.satisfaction if latest else None,
        latest_nps=latest.nps if latest else None,
        previous_satisfaction=previous_sat,
        previous_nps=previous_nps,
        falling=latest is not None
        and is_falling(latest.satisfaction, previous_sat, latest.nps, previous_nps),
    )


def falling_satisfaction(
    customer_ids: Iterable[int] | None = None,
) -> dict[int, FallingSatisfaction]:
    """Customers whose satisfaction is falling, computed in SQL for any number of them.

    Each customer's surveys are numbered newest first (a window function); the latest is
    compared with the average of the next `TREND_WINDOW` by `is_falling`.
    """
    where = "s.deleted_at IS NULL"
    params: list[Any] = []
    if customer_ids is not None:
        ids = list(customer_ids)
        if not ids:
            return {}
        where += f" AND s.customer_id IN ({', '.join('?' for _ in ids)})"
        params.extend(ids)
    sql = f"""
        WITH numbered AS (
            SELECT s.customer_id AS cid, s.satisfaction AS sat, s.nps AS nps,
                   ROW_NUMBER() OVER (PARTITION BY s.customer_id
                                      ORDER BY s.surveyed_on DESC, s.id DESC) AS n
            FROM survey s WHERE {where}
        )
        SELECT cid,
               MAX(CASE WHEN n = 1 THEN sat END), AVG(CASE WHEN n > 1 THEN sat END),
               MAX(CASE WHEN n = 1 THEN nps END), AVG(CASE WHEN n > 1 THEN nps END)
        FROM numbered WHERE n <= ? GROUP BY cid HAVING COUNT(*) > 1
    """
    result = {}
    for cid, sat, prev_sat, nps, prev_nps in dialect.run(sql, [*params, TREND_WINDOW + 1]):
        prev_sat = float(prev_sat) if prev_sat is not None else None
        prev_nps = float(prev_nps) if prev_nps is not None else None
        if is_falling(sat, prev_sat, nps, prev_nps):
            result[cid] = FallingSatisfaction(cid, sat, prev_sat, nps, prev_nps)
    return result


def nps_summary(
    *, start: date | None = None, end: date | None = None
) -> dict[str, float | int | None]:
    """NPS over surveys in [start, end]: promoters (9–10) % minus detractors (0–6) %."""
    condition = Survey.deleted_at.is_null() & Survey.nps.is_null(False)
    if start is not None:
        condition &= Survey.surveyed_on >= start
    if end is not None:
        condition &= Survey.surveyed_on <= end
    row = (
        Survey.select(
            fn.COUNT(Survey.id),
            fn.SUM(Case(None, ((Survey.nps >= 9, 1),), 0)),
            fn.SUM(Case(None, ((Survey.nps <= 6, 1),), 0)),
        )
        .where(condition)
        .tuples()
        .first()
    )
    total, promoters, detractors = row or (0, 0, 0)
    if not total:
        return {"responses": 0, "promoters": 0, "detractors": 0, "nps": None}
    score = 100.0 * ((promoters or 0) - (detractors or 0)) / total
    return {
        "responses": total,
        "promoters": promoters or 0,
        "detractors": detractors or 0,
        "nps": round(score, 1),
    }
