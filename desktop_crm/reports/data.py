"""The facts each report prints, gathered as plain values (no Qt here).

Reports read through the domain services where one exists (`get_customer`,
`customer_timeline`, `customer_ids`, `segment_query`, `relationship.level`) and read the
models directly for what has no service yet: orders, payments, complaints and surveys
(sums in Decimal, never float).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import peewee

from desktop_crm.db.models import (
    Address,
    Complaint,
    ContactPerson,
    Customer,
    FollowUp,
    Order,
    Payment,
    Phone,
    Survey,
    User,
)
from desktop_crm.domain import followups, relationship
from desktop_crm.domain.company import company  # noqa: F401 - the reports' letterhead
from desktop_crm.domain.customers import AddressEntry, CustomerRecord, get_customer
from desktop_crm.domain.followups import FollowUpItem
from desktop_crm.domain.messages import text
from desktop_crm.domain.search import CustomerQuery, CustomerRow, customer_ids, customer_rows
from desktop_crm.domain.segments import segment_query
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.reports import texts
from desktop_crm.reports.errors import ReportCancelled

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

OPEN_COMPLAINTS = ("open", "in_progress")
ZERO = Decimal("0.00")
PAGE = 500  # customers read per query when a report walks a long list


def checkpoint(cancelled: Cancelled) -> None:
    """Stop (`ReportCancelled`) when the caller asked to."""
    if cancelled is not None and cancelled():
        raise ReportCancelled(texts.phrase("cancelled"))


# ------------------------------------------------------------------- client report


@dataclass(frozen=True)
class OrderLine:
    order_no: str
    order_date: date
    product: str
    quantity: Decimal
    amount: Decimal
    status: str
    paid: Decimal  # payments booked against this order


@dataclass(frozen=True)
class PaymentLine:
    paid_on: date
    amount: Decimal
    method: str | None
    reference: str | None
    order_no: str | None


@dataclass(frozen=True)
class Account:
    """Orders and payments with their totals; receivable = ordered − paid."""

    orders: list[OrderLine]
    payments: list[PaymentLine]
    total_ordered: Decimal  # cancelled orders not counted
    total_paid: Decimal
    receivable: Decimal
    cancelled_orders: int


@dataclass(frozen=True)
class ComplaintLine:
    opened_at: datetime
    severity: str
    category: str | None
    description: str
    status: str
    respond_by: datetime | None


@dataclass(frozen=True)
class SurveyLine:
    surveyed_on: date
    satisfaction: int | None
    nps: int | None
    comments: str | None


@dataclass
class ClientData:
    """Everything the client report shows about one customer."""

    customer: CustomerRecord
    owner_name: str | None  # the owner's display name
    level: relationship.Level | None
    cadence_days: int
    planned: list[FollowUpItem]  # soonest first
    history: list[FollowUpItem]  # done contacts, newest first (maybe only the latest)
    history_total: int
    account: Account
    complaints: list[ComplaintLine]
    surveys: list[SurveyLine]
    user_names: dict[str, str]  # username → display name, for who did what


def user_names() -> dict[str, str]:
    """Every user's display name by username (a small table)."""
    return {u: (d or u) for u, d in User.select(User.username, User.display_name).tuples()}


def _money(value: object) -> Decimal:
    return Decimal(str(value or 0)).quantize(ZERO)


def account(customer_id: int) -> Account:
    """A customer's orders (newest first) and payments with their totals, in Decimal."""
    orders = list(
        Order.select(
            Order.id,
            Order.order_no,
            Order.order_date,
            Order.product,
            Order.quantity,
            Order.amount,
            Order.status,
        )
        .where((Order.customer == customer_id) & Order.deleted_at.is_null())
        .order_by(Order.order_date.desc(), Order.id.desc())
        .tuples()
    )
    payments = list(
        Payment.select(
            Payment.paid_on,
            Payment.amount,
            Payment.method,
            Payment.reference,
            Payment.order,
            Order.order_no,
        )
        .join(Order, peewee.JOIN.LEFT_OUTER, on=(Payment.order == Order.id))
        .where((Payment.customer == customer_id) & Payment.deleted_at.is_null())
        .order_by(Payment.paid_on.desc(), Payment.id.desc())
        .tuples()
    )
    paid_by_order: dict[int, Decimal] = {}
    for _on, amount, _method, _ref, order_id, _no in payments:
        if order_id is not None:
            paid_by_order[order_id] = paid_by_order.get(order_id, ZERO) + _money(amount)
    lines = [
        OrderLine(
            no,
            on,
            product,
            Decimal(str(qty or 0)),
            _money(amount),
            status,
            paid_by_order.get(oid, ZERO),
        )
        for oid, no, on, product, qty, amount, status in orders
    ]
    ordered = sum((o.amount for o in lines if o.status != "cancelled"), ZERO)
    paid = sum((_money(p[1]) for p in payments), ZERO)
    return Account(
        orders=lines,
        payments=[
            PaymentLine(on, _money(amount), method, ref, no)
            for on, amount, method, ref, _oid, no in payments
        ],
        total_ordered=ordered,
        total_paid=paid,
        receivable=ordered - paid,
        cancelled_orders=sum(1 for o in lines if o.status == "cancelled"),
    )


def client_data(
    customer_id: int,
    *,
    history_limit: int | None = 50,
    survey_limit: int = 5,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> ClientData:
    """Gather the client report of one customer; `history_limit` None keeps every contact."""
    steps = 5
    record = get_customer(customer_id)
    _step(progress, 1, steps)
    checkpoint(cancelled)
    names = user_names()
    owner_name = names.get(record.owner, record.owner) if record.owner else None
    level = relationship.level(record.relationship_level) if record.relationship_level else None
    timeline = followups.customer_timeline(customer_id)
    planned = [f for f in timeline if f.status == "planned"]
    done = [f for f in timeline if f.status == "done"]
    _step(progress, 2, steps)
    checkpoint(cancelled)
    money = account(customer_id)
    _step(progress, 3, steps)
    checkpoint(cancelled)
    complaints = [
        ComplaintLine(c.opened_at, c.severity, c.category, c.description, c.status, c.respond_by)
        for c in Complaint.select()
        .where(
            (Complaint.customer == customer_id)
            & Complaint.deleted_at.is_null()
            & Complaint.status.in_(OPEN_COMPLAINTS)
        )
        .order_by(Complaint.opened_at, Complaint.id)
    ]
    surveys = [
        SurveyLine(s.surveyed_on, s.satisfaction, s.nps, s.comments)
        for s in Survey.select()
        .where((Survey.customer == customer_id) & Survey.deleted_at.is_null())
        .order_by(Survey.surveyed_on.desc(), Survey.id.desc())
        .limit(survey_limit)
    ]
    _step(progress, 4, steps)
    return ClientData(
        customer=record,
        owner_name=owner_name,
        level=level,
        cadence_days=relationship.cadence_days(record.relationship_level),
        planned=planned,
        history=done if history_limit is None else done[:history_limit],
        history_total=len(done),
        account=money,
        complaints=complaints,
        surveys=surveys,
        user_names=names,
    )


def _step(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


# --------------------------------------------------------------------- customer lists


def customer_id_for_code(code: str) -> int:
    """The id of a live customer by code; `NotFoundError` names the code when there is none."""
    row = Customer.get_or_none(Customer.code == code.strip().upper())
    if row is None:
        raise NotFoundError(text("unknown_customer", value=code))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    return row.id


def ids_for_codes(codes: Sequence[str]) -> list[int]:
    """Live customers by code, in the order given (each unknown code is an error)."""
    return [customer_id_for_code(code) for code in codes if code.strip()]


def query_for(segment: str | None = None, query: CustomerQuery | None = None) -> CustomerQuery:
    """The saved segment's query, else `query`, else every live customer."""
    if segment is not None:
        return segment_query(segment)
    return query or CustomerQuery()


def matching_ids(
    query: CustomerQuery,
    *,
    sort: str = "name",
    descending: bool = False,
    cancelled: Cancelled = None,
) -> list[int]:
    """Every customer matching `query`, in list order (ids only: cheap even for 100k)."""
    checkpoint(cancelled)
    everyone = Customer.select(peewee.fn.MAX(Customer.id)).scalar() or 0
    # Asking for everything at once lets the search pick its plan for a whole list.
    return customer_ids(query, sort=sort, descending=descending, limit=everyone + 1)


def rows_in_pages(
    ids: Sequence[int], *, progress: Progress = None, cancelled: Cancelled = None
) -> Iterator[list[CustomerRow]]:
    """The list rows of `ids`, `PAGE` at a time, reporting progress as they come."""
    total = len(ids)
    for start in range(0, total, PAGE):
        checkpoint(cancelled)
        yield customer_rows(ids[start : start + PAGE])
        _step(progress, min(total, start + PAGE), total)


# ------------------------------------------------------------------------ mailings


@dataclass(frozen=True)
class Recipient:
    """Who a label, envelope or letter is for."""

    customer_id: int
    code: str
    name: str
    kind: str
    gender: str | None
    title: str | None
    company: str | None  # the enterprise's own name, or an individual's employer
    contact: str | None  # an enterprise's primary contact person
    address: AddressEntry | None


def _first_addresses(ids: Sequence[int]) -> dict[int, AddressEntry]:
    found: dict[int, AddressEntry] = {}
    query = (
        Address.select()
        .where(Address.customer.in_(list(ids)))
        .order_by(Address.customer, Address.is_primary.desc(), Address.id)
    )
    for a in query:
        found.setdefault(
            a.customer_id,
            AddressEntry(a.label, a.country, a.province, a.city, a.district, a.street, a.postcode),
        )
    return found


def recipients(
    ids: Sequence[int], *, progress: Progress = None, cancelled: Cancelled = None
) -> list[Recipient]:
    """Mailing data of these customers in the order given, a page of queries at a time."""
    result: list[Recipient] = []
    for start in range(0, len(ids), PAGE):
        checkpoint(cancelled)
        chunk = list(ids[start : start + PAGE])
        rows = {
            r.id: r
            for r in Customer.select(
                Customer.id,
                Customer.code,
                Customer.name,
                Customer.kind,
                Customer.gender,
                Customer.title,
                Customer.company_name,
            ).where(Customer.id.in_(chunk))
        }
        addresses = _first_addresses(chunk)
        contacts: dict[int, tuple[str, str | None]] = {}
        for c in (
            ContactPerson.select(ContactPerson.customer, ContactPerson.name, ContactPerson.title)
            .where(ContactPerson.customer.in_(chunk) & ContactPerson.deleted_at.is_null())
            .order_by(ContactPerson.customer, ContactPerson.is_primary.desc(), ContactPerson.id)
        ):
            contacts.setdefault(c.customer_id, (c.name, c.title))
        for cid in chunk:
            r = rows.get(cid)
            if r is None:
                continue
            enterprise = r.kind == "enterprise"
            contact = contacts.get(cid) if enterprise else None
            result.append(
                Recipient(
                    customer_id=cid,
                    code=r.code,
                    name=r.name,
                    kind=r.kind,
                    gender=r.gender,
                    title=contact[1] if contact else r.title,
                    company=r.name if enterprise else r.company_name,
                    contact=contact[0] if contact else None,
                    address=addresses.get(cid),
                )
            )
        _step(progress, min(len(ids), start + PAGE), len(ids))
    return result


# --------------------------------------------------------------------- follow-up plan


@dataclass(frozen=True)
class PlanEntry:
    """One planned follow-up with what a rep needs on paper: phone and address."""

    item: FollowUpItem
    phone: str | None
    address: str | None
    local_due: datetime  # due time in local time (naive)


@dataclass(frozen=True)
class FollowUpPlan:
    owner: str | None  # username, None for everyone
    owner_name: str | None  # display name
    start: date  # today
    end: date  # the last day included
    overdue: list[PlanEntry]
    upcoming: list[PlanEntry]


MAX_PLAN_DAYS = 366


def followup_plan(
    owner: str | None = None,
    days: int = 7,
    *,
    now: datetime | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> FollowUpPlan:
    """Planned follow-ups due before the end of the day `days` days from today.

    Overdue ones (due before `now`) come first; `owner` is a username or a display name
    that only one user has (None: everyone).
    Customers in the trash are left out. `now` is naive local time, default the clock.
    """
    if not isinstance(days, int) or not 1 <= days <= MAX_PLAN_DAYS:
        raise ValidationError({"days": text("bad_range", low=1, high=MAX_PLAN_DAYS)})
    owner_name = username = None
    condition = (
        (FollowUp.status == "planned")
        & FollowUp.deleted_at.is_null()
        & Customer.deleted_at.is_null()
    )
    if owner is not None:
        user = User.get_or_none(User.username == owner.strip())
        if user is None:  # a rep may be known by the name people see: "张伟"
            named = list(User.select().where(User.display_name == owner.strip()).limit(2))
            user = named[0] if len(named) == 1 else None
        if user is None:
            raise ValidationError({"owner": text("unknown_owner", value=owner)})
        owner_name, username = user.display_name or user.username, user.username
        condition &= FollowUp.owner == user.id
    local_now = now or datetime.now()
    today = local_now.date()
    last_day = today + timedelta(days=days)
    horizon = _utc(datetime.combine(last_day + timedelta(days=1), time.min))
    now_utc = _utc(local_now)
    items = followups.items_of(
        followups.item_query()
        .where(condition & (FollowUp.due_at < horizon))
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    _step(progress, 1, 3)
    checkpoint(cancelled)
    customer_set = sorted({i.customer_id for i in items})
    phones = _first_phones(customer_set)
    addresses = {cid: texts.address_line(a) for cid, a in _first_addresses(customer_set).items()}
    _step(progress, 2, 3)
    entries = [
        PlanEntry(
            i, phones.get(i.customer_id), addresses.get(i.customer_id) or None, _local(i.due_at)
        )
        for i in items
    ]
    return FollowUpPlan(
        owner=username,
        owner_name=owner_name,
        start=today,
        end=last_day,
        overdue=[e for e in entries if e.item.due_at < now_utc],
        upcoming=[e for e in entries if e.item.due_at >= now_utc],
    )


def _first_phones(ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), PAGE):
        chunk = list(ids[start : start + PAGE])
        for cid, number in (
            Phone.select(Phone.customer, Phone.number)
            .where(Phone.customer.in_(chunk) & Phone.contact.is_null())
            .order_by(Phone.customer, Phone.is_primary.desc(), Phone.id)
            .tuples()
        ):
            found.setdefault(cid, number)
    return found


def _utc(local: datetime) -> datetime:
    """Naive local time (or aware) → naive UTC, the stored form."""
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(stored: datetime) -> datetime:
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
