"""Orders, shipments and payments (M6): receivables, ageing, credit limit and rating.

Money is Decimal throughout. An order **counts** (as revenue, as a purchase, as a
receivable) when it is neither deleted nor cancelled. Every payment is received
*against an order* (the order's customer is the payer); a payment may not exceed what is
still owed on its order. An order is **due** on its ``payment_due`` date; a new order
without one gets the order date plus the default payment terms (30 days; Setting
``payment_terms_days``), so changing the terms later does not re-date old orders. Rows
from elsewhere without a due date are aged from the order date plus the terms in force.

**Receivables** are what is still owed on counted orders. **Ageing** sorts them by days
past due (today − due date): ``current`` (not yet due), ``0-30``, ``31-60``, ``61-90``
and ``90+``.

**Credit limit**: entering an order that would take the customer's outstanding
receivables above their ``credit_limit`` is allowed, but comes back with a
`CreditWarning` (`credit_check` gives the same warning before saving).

**Credit rating** (`rate_credit`, the rules in one place): over orders due by today —
those due in the last two years (`RATING_WINDOW_DAYS`), plus older ones still owed —
each order is *on time* (paid in full by its due date + `LATE_GRACE_DAYS` days),
*late* (paid in full after that) or *open* (still owed: *missing* when nothing was paid,
else *partial*). Then, the first that fits:

- no order due yet → not rated (None);
- **C** — an order with nothing paid more than 90 days past due, or at least half of
  the due orders open more than 30 days past due;
- **B** — an order open more than 30 days past due, or more than 30 % of the due
  orders paid late;
- **A** — an order open (up to 30 days past due), or more than 10 % paid late;
- **AA** — fewer than three due orders (a short record), or some (≤ 10 %) paid late;
- **AAA** — at least three due orders, every one paid in full on time.

A rating set by hand (``credit_override``) is kept. Order and payment writes recompute
the customer's rating, purchase dates (first/last), status (potential until the first
counted order, then existing; never set back by orders) and lifecycle stage, in the same
transaction;
`recompute_credit_ratings` re-rates everybody (ratings change with time alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from peewee import fn

from desktop_crm.db import dialect
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Customer, Order, Payment, Setting, Shipment, User, utcnow
from desktop_crm.domain import customers, history, lifecycle, settings, value
from desktop_crm.domain.customers import CREDIT_RATINGS
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import (
    FieldError,
    clean_choice,
    clean_money,
    clean_text,
    parse_date,
)
from desktop_crm.errors import NotFoundError, ValidationError

ORDER_STATUSES = ("confirmed", "shipped", "completed", "cancelled")
ORDER_CHANNELS = ("direct", "online", "distributor", "phone", "other")
PAYMENT_METHODS = ("bank", "cash", "card", "alipay", "wechat", "other")
AGEING_BUCKETS = ("current", "0-30", "31-60", "61-90", "90+")
DEFAULT_TERMS_DAYS = 30
TERMS_SETTING = "payment_terms_days"
MAX_TERMS_DAYS = 365
ORDER_NO_PREFIX = "SO"
ORDER_NO_DIGITS = 8
_ORDER_NO_COUNTER = "order_no_counter"
RATING_WINDOW_DAYS = 730
LATE_GRACE_DAYS = 3
MAX_MONEY = Decimal("999999999999.99")  # 14 digits, 2 after the point
MAX_QUANTITY = Decimal("999999999.999")
EPSILON = 0.005  # half a cent: SQLite sums money as floating point
TEXT_MAX = 100_000
ORDER_FIELDS = (
    "order_date",
    "product",
    "category",
    "quantity",
    "amount",
    "cost",
    "channel",
    "status",
    "payment_due",
    "owner",
    "notes",
    "order_no",
)
PAYMENT_FIELDS = ("paid_on", "amount", "method", "reference", "notes")
SHIPMENT_FIELDS = ("shipped_on", "carrier", "tracking_no", "quantity", "notes")


@dataclass(frozen=True)
class OrderRecord:
    id: int
    customer_id: int
    order_no: str
    order_date: date
    product: str
    category: str | None
    quantity: Decimal
    amount: Decimal
    cost: Decimal | None
    channel: str | None
    status: str
    payment_due: date | None
    owner: str | None  # username
    notes: str | None
    paid: Decimal
    outstanding: Decimal  # 0 for cancelled orders
    deleted_at: Any = None


@dataclass(frozen=True)
class ShipmentRecord:
    id: int
    order_id: int
    shipped_on: date
    carrier: str | None
    tracking_no: str | None
    quantity: Decimal | None
    notes: str | None


@dataclass(frozen=True)
class PaymentRecord:
    id: int
    customer_id: int
    order_id: int | None
    order_no: str | None
    paid_on: date
    amount: Decimal
    method: str | None
    reference: str | None
    notes: str | None


@dataclass(frozen=True)
class CreditWarning:
    """An order takes the customer over their credit limit (a warning, not a refusal)."""

    customer_id: int
    credit_limit: Decimal
    outstanding: Decimal  # owed before this order
    order_amount: Decimal  # what this order adds
    exceeded_by: Decimal

    @property
    def message(self) -> str:
        return text(
            "credit_limit_exceeded",
            limit=f"{self.credit_limit:,.2f}",
            total=f"{self.outstanding + self.order_amount:,.2f}",
            over=f"{self.exceeded_by:,.2f}",
        )


@dataclass(frozen=True)
class OrderSaved:
    order: OrderRecord
    credit_warning: CreditWarning | None = None


@dataclass(frozen=True)
class Ageing:
    """Receivables by days past due."""

    buckets: dict[str, Decimal] = field(
        default_factory=lambda: {b: Decimal("0.00") for b in AGEING_BUCKETS}
    )

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), Decimal("0.00"))

    @property
    def overdue(self) -> Decimal:
        return self.total - self.buckets["current"]


@dataclass(frozen=True)
class CustomerReceivable:
    customer_id: int
    code: str
    name: str
    owner: str | None
    credit_limit: Decimal | None
    ageing: Ageing

    @property
    def outstanding(self) -> Decimal:
        return self.ageing.total


@dataclass(frozen=True)
class CreditTally:
    """What the credit rating rules look at (see the module docstring)."""

    due_orders: int = 0
    late: int = 0  # paid in full, after due date + grace
    open: int = 0  # still owed after the due date
    open_over_30: int = 0
    missing_over_90: int = 0  # nothing paid, more than 90 days past due


# ------------------------------------------------------------------------------ settings


def payment_terms_days() -> int:
    """Days between an order and its payment when no due date is given."""
    days = settings.stored(TERMS_SETTING)
    if isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= MAX_TERMS_DAYS:
        return days
    return DEFAULT_TERMS_DAYS


def set_payment_terms_days(days: int) -> None:
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_TERMS_DAYS:
        raise ValidationError({"days": text("bad_range", low=0, high=MAX_TERMS_DAYS)})
    settings.store(TERMS_SETTING, days)


# ------------------------------------------------------------------------------ helpers


def _check(errors: dict[str, str], name: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return check(*args, **kwargs)
    except FieldError as exc:
        errors[name] = exc.reason
        return None


def _amount(value: object, *, required: bool = False, positive: bool = False) -> Decimal | None:
    result = clean_money(value)
    if result is None:
        if required:
            raise FieldError(text("required"))
        return None
    if result < 0 or (positive and result == 0):
        raise FieldError(text("must_be_positive") if positive else text("negative_amount"))
    if result > MAX_MONEY:
        raise FieldError(text("bad_range", low=0, high=f"{MAX_MONEY:,.2f}"))
    return result


def _quantity(value: object, *, default: Decimal | None = None) -> Decimal | None:
    if value is None or value == "":
        return default
    try:
        result = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise FieldError(text("bad_number", value=value)) from exc
    if not result.is_finite():
        raise FieldError(text("bad_number", value=value))
    if result <= 0:
        raise FieldError(text("must_be_positive"))
    if result > MAX_QUANTITY:
        raise FieldError(text("bad_range", low=0, high=MAX_QUANTITY))
    return result.quantize(Decimal("0.001"))


def _owner_id(owner: object, errors: dict[str, str]) -> int | None:
    if owner in (None, ""):
        return None
    cond = User.id == owner if isinstance(owner, int) else User.username == str(owner).strip()
    user = User.get_or_none(cond)
    if user is None:
        errors["owner"] = text("unknown_owner", value=owner)
        return None
    return user.id


def _live_customer(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    return row


def _live_order(order_id: int) -> Order:
    row = Order.get_or_none((Order.id == order_id) & Order.deleted_at.is_null())
    if row is None:
        raise NotFoundError(text("unknown_order", value=order_id))
    return row


def _paid_on_order(order_id: int, *, exclude_payment: int | None = None) -> Decimal:
    cond = (Payment.order == order_id) & Payment.deleted_at.is_null()
    if exclude_payment is not None:
        cond &= Payment.id != exclude_payment
    return dialect.money(Payment.select(fn.SUM(Payment.amount)).where(cond).scalar())


def next_order_no() -> str:
    """A new order number SO00000001 …; call inside a write transaction."""
    setting, _ = Setting.get_or_create(key=_ORDER_NO_COUNTER, defaults={"value": 0})
    number = int(setting.value or 0)
    if number == 0:  # continue after the highest number already used (e.g. sample data)
        highest = (
            Order.select(fn.MAX(Order.order_no))
            .where(Order.order_no.startswith(ORDER_NO_PREFIX))
            .scalar()
        )
        digits = (highest or "")[len(ORDER_NO_PREFIX) :]
        number = int(digits) if digits.isdigit() else 0
    while True:
        number += 1
        order_no = f"{ORDER_NO_PREFIX}{number:0{ORDER_NO_DIGITS}d}"
        if not Order.select().where(Order.order_no == order_no).exists():
            break
    Setting.update(value=number, updated_at=utcnow()).where(Setting.id == setting.id).execute()
    return order_no


# ---------------------------------------------------------------------------- reading


def _order_record(row: Order, paid: Decimal) -> OrderRecord:
    amount = Decimal(row.amount).quantize(Decimal("0.01"))
    counted = row.status != "cancelled" and row.deleted_at is None
    return OrderRecord(
        id=row.id,
        customer_id=row.customer_id,
        order_no=row.order_no,
        order_date=row.order_date,
        product=row.product,
        category=row.category,
        quantity=Decimal(row.quantity),
        amount=amount,
        cost=Decimal(row.cost).quantize(Decimal("0.01")) if row.cost is not None else None,
        channel=row.channel,
        status=row.status,
        payment_due=row.payment_due,
        owner=row.owner.username if row.owner_id else None,
        notes=row.notes,
        paid=paid,
        outstanding=max(amount - paid, Decimal("0.00")) if counted else Decimal("0.00"),
        deleted_at=row.deleted_at,
    )


def get_order(order_id: int) -> OrderRecord:
    """One order with what was paid on it; `NotFoundError` if none (or deleted)."""
    row = _live_order(order_id)
    return _order_record(row, _paid_on_order(row.id))


def customer_orders(customer_id: int) -> list[OrderRecord]:
    """A customer's orders (not deleted), newest first, with paid and outstanding."""
    paid = dict(
        Payment.select(Payment.order, fn.SUM(Payment.amount))
        .where((Payment.customer == customer_id) & Payment.deleted_at.is_null())
        .group_by(Payment.order)
        .tuples()
    )
    query = (
        Order.select()
        .where((Order.customer == customer_id) & Order.deleted_at.is_null())
        .order_by(Order.order_date.desc(), Order.id.desc())
    )
    return [_order_record(row, dialect.money(paid.get(row.id))) for row in query]


def _payment_record(row: Payment, order_no: str | None) -> PaymentRecord:
    return PaymentRecord(
        id=row.id,
        customer_id=row.customer_id,
        order_id=row.order_id,
        order_no=order_no,
        paid_on=row.paid_on,
        amount=Decimal(row.amount).quantize(Decimal("0.01")),
        method=row.method,
        reference=row.reference,
        notes=row.notes,
    )


def _payments(condition: Any) -> list[PaymentRecord]:
    query = (
        Payment.select(Payment, Order.order_no.alias("order_number"))
        .join(Order, on=(Payment.order == Order.id))
        .where(condition & Payment.deleted_at.is_null())
        .order_by(Payment.paid_on.desc(), Payment.id.desc())
        .objects()
    )
    return [_payment_record(row, row.order_number) for row in query]


def customer_payments(customer_id: int) -> list[PaymentRecord]:
    """A customer's payments, newest first."""
    return _payments(Payment.customer == customer_id)


def order_payments(order_id: int) -> list[PaymentRecord]:
    """The payments received against one order, newest first."""
    return _payments(Payment.order == order_id)


def order_shipments(order_id: int) -> list[ShipmentRecord]:
    """One order's shipments, oldest first."""
    query = (
        Shipment.select()
        .where((Shipment.order == order_id) & Shipment.deleted_at.is_null())
        .order_by(Shipment.shipped_on, Shipment.id)
    )
    return [
        ShipmentRecord(
            s.id,
            s.order_id,
            s.shipped_on,
            s.carrier,
            s.tracking_no,
            Decimal(s.quantity) if s.quantity is not None else None,
            s.notes,
        )
        for s in query
    ]


# ---------------------------------------------------------------------- the side effects


def refresh_customer(
    customer_id: int, *, today: date | None = None, changed_by: str | None = None
) -> None:
    """Bring what orders decide about a customer up to date (inside the caller's write).

    First and last purchase dates, status (potential → existing), credit rating (unless
    set by hand) and lifecycle stage (unless set by hand).
    """
    today = today or date.today()
    row = Customer.get_by_id(customer_id)
    counted = (
        (Order.customer == customer_id) & Order.deleted_at.is_null() & (Order.status != "cancelled")
    )
    first, last = Order.select(fn.MIN(Order.order_date), fn.MAX(Order.order_date)).where(
        counted
    ).tuples().first() or (None, None)
    first, last = dialect.as_date(first), dialect.as_date(last)
    # Orders promote potential → existing, never back: a customer marked existing by hand
    # or by an import (who bought before the app) stays so when an order is removed.
    status = "existing" if first is not None else row.status
    changes: dict[str, Any] = {
        "first_purchase_on": first,
        "last_purchase_on": last,
        "status": status,
    }
    diffs = []
    if status != row.status:
        diffs.append(("status", row.status, status))
    if not row.credit_override:
        rating = rate_credit(credit_tallies([customer_id], today=today).get(customer_id))
        changes["credit_rating"] = rating
        if rating != row.credit_rating:
            diffs.append(("credit_rating", row.credit_rating, rating))
    # Derived data: no version bump, so an open edit of the customer does not conflict.
    Customer.update(**changes).where(Customer.id == customer_id).execute()
    if diffs:
        history.record(customer_id, "update", diffs, changed_by=changed_by)
    lifecycle.recompute_stage(customer_id, today=today, changed_by=changed_by)


# ---------------------------------------------------------------------------- orders


def _clean_order(data: Mapping[str, Any], errors: dict[str, str], *, partial: bool) -> dict:
    for name in data:
        if name not in ORDER_FIELDS:
            errors[name] = text("not_editable")
    clean: dict[str, Any] = {}

    def has(name: str) -> bool:
        return name in data or not partial

    if has("order_date"):
        clean["order_date"] = _check(
            errors,
            "order_date",
            parse_date,
            data.get("order_date") or date.today(),
            not_future=True,
        )
    if has("product"):
        clean["product"] = _check(
            errors, "product", clean_text, data.get("product"), max_length=200, required=True
        )
    if has("category"):
        clean["category"] = _check(
            errors, "category", clean_text, data.get("category"), max_length=100
        )
    if has("quantity"):
        clean["quantity"] = _check(
            errors, "quantity", _quantity, data.get("quantity"), default=Decimal("1.000")
        )
    if has("amount"):
        clean["amount"] = _check(errors, "amount", _amount, data.get("amount"), required=True)
    if has("cost"):
        clean["cost"] = _check(errors, "cost", _amount, data.get("cost"))
    if has("channel"):
        clean["channel"] = _check(
            errors, "channel", clean_choice, data.get("channel"), ORDER_CHANNELS
        )
    if has("status"):
        clean["status"] = _check(
            errors, "status", clean_choice, data.get("status") or "confirmed", ORDER_STATUSES
        )
    if has("payment_due"):
        clean["payment_due"] = _check(errors, "payment_due", parse_date, data.get("payment_due"))
    if has("notes"):
        clean["notes"] = _check(
            errors, "notes", clean_text, data.get("notes"), max_length=TEXT_MAX, multiline=True
        )
    if "order_no" in data:
        clean["order_no"] = _check(
            errors, "order_no", clean_text, data["order_no"], max_length=40, required=True
        )
    if "owner" in data:
        clean["owner"] = _owner_id(data["owner"], errors)
    return clean


def credit_check(
    customer_id: int, amount: Decimal | str | int, *, order_id: int | None = None
) -> CreditWarning | None:
    """Would an order of `amount` take the customer over their credit limit?

    With `order_id` (an order being edited) that order's own outstanding balance is
    replaced by `amount` minus what was paid on it. None: no limit, or within it.
    """
    row = _live_customer(customer_id)
    if row.credit_limit is None:
        return None
    limit = Decimal(row.credit_limit).quantize(Decimal("0.01"))
    owed = outstanding_receivables(customer_id)
    adds = Decimal(str(amount)).quantize(Decimal("0.01"))
    if order_id is not None:
        current = get_order(order_id)
        owed -= current.outstanding
        adds = max(adds - current.paid, Decimal("0.00"))
    if owed + adds <= limit:
        return None
    return CreditWarning(customer_id, limit, owed, adds, owed + adds - limit)


def check_order(
    customer_id: int,
    data: Mapping[str, Any],
    *,
    order_id: int | None = None,
    today: date | None = None,
) -> CreditWarning | None:
    """Check a new order (or changes to `order_id`) exactly as saving would, and return
    the `CreditWarning` saving would bring; nothing is saved. Raises `ValidationError`.

    Lets the user decide about an order over the credit limit before it is stored.
    """
    with write_transaction() as transaction:
        if order_id is None:
            saved = create_order(customer_id, data, today=today)
        else:
            if get_order(order_id).customer_id != customer_id:
                raise NotFoundError(text("unknown_order", value=order_id))
            saved = update_order(order_id, data, today=today)
        transaction.rollback()
    return saved.credit_warning


def create_order(
    customer_id: int,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    changed_by: str | None = None,
) -> OrderSaved:
    """Validate and store a new order; returns it with a `CreditWarning` when the order
    takes the customer over their credit limit (the order is saved all the same).

    `data` holds order_date (default today), product, category, quantity (default 1),
    amount, cost, channel, status (default confirmed), payment_due (default order date +
    payment terms), owner (username, default the customer's) and notes; order_no is
    generated when not given. Raises `ValidationError` naming each bad field.
    """
    errors: dict[str, str] = {}
    clean = _clean_order(data, errors, partial=False)
    with write_transaction():
        customer = _live_customer(customer_id)
        if "owner" not in clean:
            clean["owner"] = customer.owner_id
        if (
            clean.get("order_no")
            and Order.select().where(Order.order_no == clean["order_no"]).exists()
        ):
            errors["order_no"] = text("duplicate_order_no", value=clean["order_no"])
        _check_due(clean, errors)
        if errors:
            raise ValidationError(errors)
        if clean["payment_due"] is None:
            clean["payment_due"] = clean["order_date"] + timedelta(days=payment_terms_days())
        warning = None
        if clean["status"] != "cancelled":
            warning = credit_check(customer.id, clean["amount"])
        order = Order.create(
            customer=customer.id, order_no=clean.pop("order_no", None) or next_order_no(), **clean
        )
        history.record(
            customer.id,
            "create",
            [
                ("order_no", None, order.order_no),
                ("product", None, clean["product"]),
                ("amount", None, clean["amount"]),
            ],
            changed_by=changed_by,
            entity="order",
            entity_id=order.id,
        )
        refresh_customer(customer.id, today=today, changed_by=changed_by)
    return OrderSaved(get_order(order.id), warning)


def _check_due(clean: dict[str, Any], errors: dict[str, str]) -> None:
    due, day = clean.get("payment_due"), clean.get("order_date")
    if due is not None and day is not None and due < day:
        errors["payment_due"] = text("due_before_order")


def update_order(
    order_id: int,
    changes: Mapping[str, Any],
    *,
    today: date | None = None,
    changed_by: str | None = None,
) -> OrderSaved:
    """Change an order (only the fields given); returns it with any `CreditWarning`.

    The amount cannot go below what was already paid, and an order with payments
    cannot be cancelled (delete or correct the payments first).
    """
    errors: dict[str, str] = {}
    clean = _clean_order(changes, errors, partial=True)
    with write_transaction():
        row = _live_order(order_id)
        paid = _paid_on_order(row.id)
        after = {"order_date": row.order_date, "payment_due": row.payment_due, **clean}
        _check_due(after, errors)
        if "amount" in clean and clean["amount"] is not None and clean["amount"] < paid:
            errors["amount"] = text("amount_below_paid", paid=f"{paid:,.2f}")
        if clean.get("status") == "cancelled" and paid > 0:
            errors["status"] = text("order_has_payments")
        if (
            clean.get("order_no")
            and clean["order_no"] != row.order_no
            and Order.select().where(Order.order_no == clean["order_no"]).exists()
        ):
            errors["order_no"] = text("duplicate_order_no", value=clean["order_no"])
        if errors:
            raise ValidationError(errors)
        if "payment_due" in clean and clean["payment_due"] is None:
            clean["payment_due"] = after["order_date"] + timedelta(days=payment_terms_days())
        diffs = []
        for name, new in clean.items():
            old = row.owner_id if name == "owner" else getattr(row, name)
            if isinstance(new, Decimal) and old is not None:  # stored 10 reads back as 10
                old = Decimal(str(old)).quantize(new)
            if old != new:
                diffs.append((name, old, new))
        warning = None
        status = clean.get("status", row.status)
        if status != "cancelled" and ("amount" in clean or "status" in clean):
            warning = credit_check(
                row.customer_id, clean.get("amount", row.amount), order_id=row.id
            )
        if diffs:
            Order.update(updated_at=utcnow(), **clean).where(Order.id == row.id).execute()
            history.record(
                row.customer_id,
                "update",
                diffs,
                changed_by=changed_by,
                entity="order",
                entity_id=row.id,
            )
            refresh_customer(row.customer_id, today=today, changed_by=changed_by)
    return OrderSaved(get_order(order_id), warning)


def delete_order(
    order_id: int, *, today: date | None = None, changed_by: str | None = None
) -> None:
    """Delete an order with its shipments and payments (kept, restorable together)."""
    with write_transaction():
        row = _live_order(order_id)
        now = utcnow()
        Order.update(deleted_at=now, updated_at=now).where(Order.id == row.id).execute()
        for model in (Shipment, Payment):
            model.update(deleted_at=now, updated_at=now).where(
                (model.order == row.id) & model.deleted_at.is_null()
            ).execute()
        history.record(
            row.customer_id,
            "trash",
            [("order_no", row.order_no, None)],
            changed_by=changed_by,
            entity="order",
            entity_id=row.id,
        )
        refresh_customer(row.customer_id, today=today, changed_by=changed_by)


def restore_order(
    order_id: int, *, today: date | None = None, changed_by: str | None = None
) -> OrderRecord:
    """Bring back a deleted order with the shipments and payments deleted with it."""
    with write_transaction():
        row = Order.get_or_none(Order.id == order_id)
        if row is None or row.deleted_at is None:
            raise NotFoundError(text("unknown_order", value=order_id))
        _live_customer(row.customer_id)
        when = row.deleted_at
        Order.update(deleted_at=None, updated_at=utcnow()).where(Order.id == row.id).execute()
        for model in (Shipment, Payment):
            model.update(deleted_at=None, updated_at=utcnow()).where(
                (model.order == row.id) & (model.deleted_at == when)
            ).execute()
        history.record(
            row.customer_id,
            "restore",
            [("order_no", None, row.order_no)],
            changed_by=changed_by,
            entity="order",
            entity_id=row.id,
        )
        refresh_customer(row.customer_id, today=today, changed_by=changed_by)
    return get_order(order_id)


# ------------------------------------------------------------------------- shipments


def _clean_shipment(data: Mapping[str, Any], errors: dict[str, str], *, partial: bool) -> dict:
    for name in data:
        if name not in SHIPMENT_FIELDS:
            errors[name] = text("not_editable")
    clean: dict[str, Any] = {}
    if "shipped_on" in data or not partial:
        clean["shipped_on"] = _check(
            errors,
            "shipped_on",
            parse_date,
            data.get("shipped_on") or date.today(),
            not_future=True,
        )
    for name, limit in (("carrier", 100), ("tracking_no", 100)):
        if name in data:
            clean[name] = _check(errors, name, clean_text, data[name], max_length=limit)
    if "quantity" in data:
        clean["quantity"] = _check(errors, "quantity", _quantity, data["quantity"])
    if "notes" in data:
        clean["notes"] = _check(
            errors, "notes", clean_text, data["notes"], max_length=TEXT_MAX, multiline=True
        )
    return clean


def _check_shipment(
    order: Order, clean: dict[str, Any], errors: dict[str, str], exclude: int | None = None
) -> None:
    if order.status == "cancelled":
        errors["order"] = text("order_cancelled")
    shipped_on = clean.get("shipped_on")
    if shipped_on is not None and shipped_on < order.order_date:
        errors["shipped_on"] = text("shipped_before_order")
    quantity = clean.get("quantity")
    if quantity is not None:
        cond = (Shipment.order == order.id) & Shipment.deleted_at.is_null()
        if exclude is not None:
            cond &= Shipment.id != exclude
        before = Shipment.select(fn.SUM(Shipment.quantity)).where(cond).scalar() or 0
        if Decimal(str(before)) + quantity > Decimal(str(order.quantity)):
            errors["quantity"] = text("ships_more_than_ordered", value=order.quantity)


def add_shipment(
    order_id: int, data: Mapping[str, Any], *, changed_by: str | None = None
) -> ShipmentRecord:
    """Record a shipment of an order (shipped_on, carrier, tracking_no, quantity, notes).

    A confirmed order becomes shipped. The shipped quantities may not add up to more
    than the order's quantity.
    """
    errors: dict[str, str] = {}
    clean = _clean_shipment(data, errors, partial=False)
    with write_transaction():
        order = _live_order(order_id)
        _check_shipment(order, clean, errors)
        if errors:
            raise ValidationError(errors)
        row = Shipment.create(order=order.id, **clean)
        diffs = [
            ("shipped_on", None, clean["shipped_on"]),
            ("tracking_no", None, clean.get("tracking_no")),
        ]
        history.record(
            order.customer_id,
            "create",
            diffs,
            changed_by=changed_by,
            entity="shipment",
            entity_id=row.id,
        )
        if order.status == "confirmed":
            Order.update(status="shipped", updated_at=utcnow()).where(
                Order.id == order.id
            ).execute()
            history.record(
                order.customer_id,
                "update",
                [("status", "confirmed", "shipped")],
                changed_by=changed_by,
                entity="order",
                entity_id=order.id,
            )
    return _shipment(row.id)


def _shipment(shipment_id: int) -> ShipmentRecord:
    row = Shipment.get_or_none((Shipment.id == shipment_id) & Shipment.deleted_at.is_null())
    if row is None:
        raise NotFoundError(text("unknown_shipment", value=shipment_id))
    return ShipmentRecord(
        row.id,
        row.order_id,
        row.shipped_on,
        row.carrier,
        row.tracking_no,
        Decimal(row.quantity) if row.quantity is not None else None,
        row.notes,
    )


def update_shipment(
    shipment_id: int, changes: Mapping[str, Any], *, changed_by: str | None = None
) -> ShipmentRecord:
    errors: dict[str, str] = {}
    clean = _clean_shipment(changes, errors, partial=True)
    with write_transaction():
        before = _shipment(shipment_id)
        order = _live_order(before.order_id)
        _check_shipment(order, clean, errors, exclude=shipment_id)
        if errors:
            raise ValidationError(errors)
        diffs = [(k, getattr(before, k), v) for k, v in clean.items() if getattr(before, k) != v]
        if diffs:
            Shipment.update(updated_at=utcnow(), **clean).where(
                Shipment.id == shipment_id
            ).execute()
            history.record(
                order.customer_id,
                "update",
                diffs,
                changed_by=changed_by,
                entity="shipment",
                entity_id=shipment_id,
            )
    return _shipment(shipment_id)


def delete_shipment(shipment_id: int, *, changed_by: str | None = None) -> None:
    with write_transaction():
        before = _shipment(shipment_id)
        order = Order.get_by_id(before.order_id)
        Shipment.update(deleted_at=utcnow(), updated_at=utcnow()).where(
            Shipment.id == shipment_id
        ).execute()
        history.record(
            order.customer_id,
            "trash",
            changed_by=changed_by,
            entity="shipment",
            entity_id=shipment_id,
        )


# -------------------------------------------------------------------------- payments


def _clean_payment(data: Mapping[str, Any], errors: dict[str, str], *, partial: bool) -> dict:
    for name in data:
        if name not in PAYMENT_FIELDS:
            errors[name] = text("not_editable")
    clean: dict[str, Any] = {}
    if "paid_on" in data or not partial:
        clean["paid_on"] = _check(
            errors, "paid_on", parse_date, data.get("paid_on") or date.today(), not_future=True
        )
    if "amount" in data or not partial:
        clean["amount"] = _check(
            errors, "amount", _amount, data.get("amount"), required=True, positive=True
        )
    if "method" in data:
        clean["method"] = _check(errors, "method", clean_choice, data["method"], PAYMENT_METHODS)
    for name, limit in (("reference", 100), ("notes", TEXT_MAX)):
        if name in data:
            clean[name] = _check(
                errors, name, clean_text, data[name], max_length=limit, multiline=name == "notes"
            )
    return clean


def _check_payment(
    order: Order, clean: dict[str, Any], errors: dict[str, str], exclude: int | None = None
) -> None:
    if order.status == "cancelled":
        errors["order"] = text("order_cancelled")
    paid_on = clean.get("paid_on")
    if paid_on is not None and paid_on < order.order_date:
        errors["paid_on"] = text("paid_before_order")
    amount = clean.get("amount")
    if amount is not None and "amount" not in errors:
        owed = Decimal(str(order.amount)).quantize(Decimal("0.01")) - _paid_on_order(
            order.id, exclude_payment=exclude
        )
        if amount > owed:
            errors["amount"] = text("overpayment", owed=f"{max(owed, Decimal(0)):,.2f}")


def add_payment(
    order_id: int,
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    changed_by: str | None = None,
) -> PaymentRecord:
    """Record a payment received against an order (paid_on, amount, method, reference,
    notes). It may not exceed what is still owed on the order."""
    errors: dict[str, str] = {}
    clean = _clean_payment(data, errors, partial=False)
    with write_transaction():
        order = _live_order(order_id)
        _live_customer(order.customer_id)
        _check_payment(order, clean, errors)
        if errors:
            raise ValidationError(errors)
        row = Payment.create(customer=order.customer_id, order=order.id, **clean)
        history.record(
            order.customer_id,
            "create",
            [
                ("order_no", None, order.order_no),
                ("amount", None, clean["amount"]),
                ("paid_on", None, clean["paid_on"]),
            ],
            changed_by=changed_by,
            entity="payment",
            entity_id=row.id,
        )
        refresh_customer(order.customer_id, today=today, changed_by=changed_by)
    return _payment(row.id)


def _payment(payment_id: int) -> PaymentRecord:
    found = _payments(Payment.id == payment_id)
    if not found:
        raise NotFoundError(text("unknown_payment", value=payment_id))
    return found[0]


def update_payment(
    payment_id: int,
    changes: Mapping[str, Any],
    *,
    today: date | None = None,
    changed_by: str | None = None,
) -> PaymentRecord:
    errors: dict[str, str] = {}
    clean = _clean_payment(changes, errors, partial=True)
    with write_transaction():
        before = _payment(payment_id)
        order = _live_order(before.order_id)
        _check_payment(order, clean, errors, exclude=payment_id)
        if errors:
            raise ValidationError(errors)
        diffs = [(k, getattr(before, k), v) for k, v in clean.items() if getattr(before, k) != v]
        if diffs:
            Payment.update(updated_at=utcnow(), **clean).where(Payment.id == payment_id).execute()
            history.record(
                before.customer_id,
                "update",
                diffs,
                changed_by=changed_by,
                entity="payment",
                entity_id=payment_id,
            )
            refresh_customer(before.customer_id, today=today, changed_by=changed_by)
    return _payment(payment_id)


def delete_payment(
    payment_id: int, *, today: date | None = None, changed_by: str | None = None
) -> None:
    with write_transaction():
        before = _payment(payment_id)
        Payment.update(deleted_at=utcnow(), updated_at=utcnow()).where(
            Payment.id == payment_id
        ).execute()
        history.record(
            before.customer_id,
            "trash",
            [("amount", before.amount, None)],
            changed_by=changed_by,
            entity="payment",
            entity_id=payment_id,
        )
        refresh_customer(before.customer_id, today=today, changed_by=changed_by)


# ------------------------------------------------------------------------ receivables


def _owed_cte(payment_filter: str = "", order_filter: str = "") -> str:
    """CTEs ending in ``owed(oid, cid, amount, paid, last_paid, due)`` over counted orders.

    Filters are extra SQL on the payment alias ``p`` and the order alias ``o``.
    """
    p_extra = f" AND {payment_filter}" if payment_filter else ""
    o_extra = f" AND {order_filter}" if order_filter else ""
    terms = payment_terms_days()
    return f"""
        paid AS (
            SELECT p.order_id AS oid, SUM(p.amount) AS paid, MAX(p.paid_on) AS last_paid
            FROM payment p WHERE p.deleted_at IS NULL AND p.order_id IS NOT NULL{p_extra}
            GROUP BY p.order_id
        ),
        owed AS (
            SELECT o.id AS oid, o.customer_id AS cid, o.amount AS amount,
                   COALESCE(pd.paid, 0) AS paid, pd.last_paid AS last_paid,
                   COALESCE(o.payment_due, {dialect.add_days("o.order_date", terms)}) AS due
            FROM "order" o LEFT JOIN paid pd ON pd.oid = o.id
            WHERE {value.COUNTED_ORDER_SQL}{o_extra}
        )"""


def _aged_cte(payment_filter: str = "", order_filter: str = "") -> str:
    """`_owed_cte` plus ``aged(cid, owed, bucket)``: what is still owed per order and its
    ageing bucket. Parameters: the filters' own, then today."""
    days = "days_late"
    bucket = (
        f"CASE WHEN {days} < 0 THEN 'current' WHEN {days} <= 30 THEN '0-30' "
        f"WHEN {days} <= 60 THEN '31-60' WHEN {days} <= 90 THEN '61-90' ELSE '90+' END"
    )
    return f"""{_owed_cte(payment_filter, order_filter)},
        late AS (
            SELECT cid, amount - paid AS owed,
                   {dialect.day_number("?")} - {dialect.day_number("due")} AS days_late
            FROM owed WHERE amount - paid > {EPSILON}
        ),
        aged AS (SELECT cid, owed, {bucket} AS bucket FROM late)"""


def _customer_filter(customer_id: int | None, owner: str | None) -> tuple[str, str, list, list]:
    """Filters on payments and orders for one customer or one owner's customers."""
    if customer_id is not None:
        return "p.customer_id = ?", "o.customer_id = ?", [customer_id], [customer_id]
    if owner is not None:
        errors: dict[str, str] = {}
        owner_id = _owner_id(owner, errors)
        if errors:
            raise ValidationError(errors)
        mine = "IN (SELECT id FROM customer WHERE owner_id = ?)"
        return f"p.customer_id {mine}", f"o.customer_id {mine}", [owner_id], [owner_id]
    return "", "", [], []


def receivables_ageing(
    *, customer_id: int | None = None, owner: str | None = None, today: date | None = None
) -> Ageing:
    """What is owed, by days past due: for one customer, one owner's customers, or all.

    Customers in the trash are left out of the totals.
    """
    p_filter, o_filter, p_params, o_params = _customer_filter(customer_id, owner)
    live = "o.customer_id IN (SELECT id FROM customer WHERE deleted_at IS NULL)"
    o_filter = f"{o_filter} AND {live}" if o_filter else live
    sql = f"WITH {_aged_cte(p_filter, o_filter)} SELECT bucket, SUM(owed) FROM aged GROUP BY bucket"
    ageing = Ageing()
    for bucket, owed in dialect.run(sql, [*p_params, *o_params, today or date.today()]):
        ageing.buckets[bucket] = dialect.money(owed)
    return ageing


def outstanding_receivables(customer_id: int) -> Decimal:
    """What one customer still owes on their counted orders."""
    p_filter, o_filter, p_params, o_params = _customer_filter(customer_id, None)
    sql = (
        f"WITH {_owed_cte(p_filter, o_filter)} "
        f"SELECT SUM(amount - paid) FROM owed WHERE amount - paid > {EPSILON}"
    )
    return dialect.money(dialect.run(sql, [*p_params, *o_params])[0][0])


def total_receivables(*, owner: str | None = None) -> Decimal:
    """What all customers (or one owner's) still owe."""
    return receivables_ageing(owner=owner).total


def receivables_by_customer(
    *,
    owner: str | None = None,
    today: date | None = None,
    limit: int | None = 100,
    overdue_only: bool = False,
) -> list[CustomerReceivable]:
    """Customers who owe money, with their ageing, largest balance first (SQL GROUP BY)."""
    p_filter, o_filter, p_params, o_params = _customer_filter(None, owner)
    buckets = ", ".join(
        f"SUM(CASE WHEN bucket = '{b}' THEN owed ELSE 0 END)" for b in AGEING_BUCKETS
    )
    having = (
        " HAVING SUM(CASE WHEN bucket <> 'current' THEN owed ELSE 0 END) > 0"
        if overdue_only
        else ""
    )
    sql = f"""
        WITH {_aged_cte(p_filter, o_filter)}
        SELECT c.id, c.code, c.name, u.username, c.credit_limit, {buckets}
        FROM aged a JOIN customer c ON c.id = a.cid LEFT JOIN "user" u ON u.id = c.owner_id
        WHERE c.deleted_at IS NULL
        GROUP BY c.id, c.code, c.name, u.username, c.credit_limit{having}
        ORDER BY SUM(a.owed) DESC, c.id"""
    params: list[Any] = [*p_params, *o_params, today or date.today()]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    result = []
    for cid, code, name, username, limit_value, *amounts in dialect.run(sql, params):
        ageing = Ageing({b: dialect.money(a) for b, a in zip(AGEING_BUCKETS, amounts, strict=True)})
        credit_limit = dialect.money(limit_value) if limit_value is not None else None
        result.append(CustomerReceivable(cid, code, name, username, credit_limit, ageing))
    return result


# ----------------------------------------------------------------------- credit rating


# The rules of the module docstring by name, in the order they are tried, with the rating
# each gives; `credit_rule` says which one fits (the reason shown next to a rating).
CREDIT_RULES: dict[str, str] = {
    "missing_over_90": "C",
    "mostly_open_over_30": "C",
    "open_over_30": "B",
    "often_late": "B",
    "open": "A",
    "sometimes_late": "A",
    "short_record": "AA",
    "rarely_late": "AA",
    "all_on_time": "AAA",
}


def credit_rule(tally: CreditTally | None) -> str | None:
    """The first rule of `CREDIT_RULES` that fits this payment behaviour (None: no order
    due yet, so not rated)."""
    if tally is None or tally.due_orders == 0:
        return None
    n = tally.due_orders
    checks = (
        ("missing_over_90", tally.missing_over_90 > 0),
        ("mostly_open_over_30", tally.open_over_30 * 2 >= n),
        ("open_over_30", tally.open_over_30 > 0),
        ("often_late", tally.late * 10 > n * 3),
        ("open", tally.open > 0),
        ("sometimes_late", tally.late * 10 > n),
        ("short_record", n < 3),
        ("rarely_late", tally.late > 0),
    )
    return next((rule for rule, fits in checks if fits), "all_on_time")


def rate_credit(tally: CreditTally | None) -> str | None:
    """The credit rating from payment behaviour: the rules of the module docstring."""
    rule = credit_rule(tally)
    return CREDIT_RULES[rule] if rule is not None else None


def _tally_sql(payment_filter: str, order_filter: str) -> str:
    """Per customer: due orders, late, open, open > 30 days, missing > 90 days.

    Parameters after the filters' own: today (×3), window start.
    """
    today = dialect.day_number("?")
    overdue = f"({today} - {dialect.day_number('due')})"
    late = f"({dialect.day_number('last_paid')} - {dialect.day_number('due')})"
    open_ = f"amount - paid > {EPSILON}"
    return f"""
        WITH {_owed_cte(payment_filter, order_filter)}
        SELECT cid, COUNT(*),
               SUM(CASE WHEN NOT ({open_}) AND last_paid IS NOT NULL
                        AND {late} > {LATE_GRACE_DAYS} THEN 1 ELSE 0 END),
               SUM(CASE WHEN {open_} THEN 1 ELSE 0 END),
               SUM(CASE WHEN {open_} AND {overdue} > 30 THEN 1 ELSE 0 END),
               SUM(CASE WHEN {open_} AND paid <= {EPSILON} AND {overdue} > 90 THEN 1 ELSE 0 END)
        FROM owed
        WHERE due <= ? AND (due > ? OR {open_})
        GROUP BY cid"""


def credit_tallies(
    customer_ids: list[int] | None = None, *, today: date | None = None
) -> dict[int, CreditTally]:
    """The payment behaviour of these customers (or of everybody with due orders)."""
    today = today or date.today()
    since = today - timedelta(days=RATING_WINDOW_DAYS)
    if customer_ids is None:
        batches: list[list[int]] = [[]]
    else:
        batches = [
            customer_ids[i : i + value.CHUNK] for i in range(0, len(customer_ids), value.CHUNK)
        ]
    result = {}
    for chunk in batches:
        marks = ", ".join("?" for _ in chunk)
        p_filter = f"p.customer_id IN ({marks})" if chunk else ""
        o_filter = f"o.customer_id IN ({marks})" if chunk else ""
        sql = _tally_sql(p_filter, o_filter)
        params = [*chunk, *chunk, today, today, today, since]
        for cid, *numbers in dialect.run(sql, params):
            result[cid] = CreditTally(*(int(n or 0) for n in numbers))
    return result


def credit_rating(customer_id: int, *, today: date | None = None) -> str | None:
    """The rating the rules give this customer now (whatever is stored or overridden)."""
    return rate_credit(credit_tallies([customer_id], today=today).get(customer_id))


def recompute_credit_ratings(*, today: date | None = None, changed_by: str | None = None) -> int:
    """Re-rate every live customer without a rating set by hand; returns how many changed.

    Changed customers are written grouped by rating, with one history row each.
    """
    with write_transaction():
        tallies = credit_tallies(None, today=today)
        current = Customer.select(Customer.id, Customer.credit_rating).where(
            Customer.deleted_at.is_null() & (Customer.credit_override == False)  # noqa: E712
        )
        changes: dict[str | None, list[int]] = {}
        log = []
        for cid, old in current.tuples().iterator():
            new = rate_credit(tallies.get(cid))
            if new != old:
                changes.setdefault(new, []).append(cid)
                log.append((cid, old, new))
        for rating, ids in changes.items():
            for start in range(0, len(ids), value.CHUNK):
                Customer.update(credit_rating=rating).where(
                    Customer.id.in_(ids[start : start + value.CHUNK])
                ).execute()
        value.record_field_changes("credit_rating", log, changed_by)
    return len(log)


def set_credit_rating(
    customer_id: int, rating: str | None, *, changed_by: str | None = None
) -> None:
    """Set the rating by hand (kept until `clear_credit_override`)."""
    if rating is not None and rating not in CREDIT_RATINGS:
        raise ValidationError(
            {"credit_rating": text("bad_choice", choices=", ".join(CREDIT_RATINGS))}
        )
    customers.update_customer(
        customer_id, {"credit_rating": rating, "credit_override": True}, changed_by=changed_by
    )


def clear_credit_override(
    customer_id: int, *, today: date | None = None, changed_by: str | None = None
) -> str | None:
    """Let the payment rules rate the customer again; returns the new rating."""
    customers.update_customer(customer_id, {"credit_override": False}, changed_by=changed_by)
    with write_transaction():
        refresh_customer(customer_id, today=today, changed_by=changed_by)
    return Customer.get_by_id(customer_id).credit_rating
